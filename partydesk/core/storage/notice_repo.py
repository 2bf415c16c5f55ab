"""Storage of notices (通知), of the addresses of records sent down, and of the read state of received notices.

``addressed_lines`` is what a downward package carries besides receipts: the notices (with their files) and
study materials this site owns that are addressed to one child site and changed, or newly addressed, above
the watermark that child acknowledged.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from partydesk.core.domain.notices import NoticeData, NoticeFile, NoticeRow
from partydesk.core.exchange.canonical import canonical
from partydesk.core.storage.notice_tables import DownwardTarget, Notice, NoticeAttachment, NoticeRead, NoticeReceipt
from partydesk.core.storage.stamping import allocate, utc_now
from partydesk.core.storage.study_tables import StudyMaterial
from partydesk.core.storage.sync_records import SYNC_TYPES, TYPES_BY_NAME, owned_lines, to_record
from partydesk.core.storage.sync_tables import SyncPackage, SyncPeer

ADDRESSED = ("notice", "study_material")  # the record types a committee addresses to chosen branches
NOTICE_TYPES = frozenset({"notice", "notice_attachment"})  # never travel except addressed
RECEIPTS = "notice_receipt"  # only ever travel up, to the office that wrote the notice


def insert_notice(session: Session, data: NoticeData, files: Iterable[NoticeFile]) -> str:
    """Add a notice and its files; returns its id."""
    row = Notice(deleted=False, title=data.title, body=data.body, issued=data.issued, issuer=data.issuer,
                 deadline=data.deadline)
    session.add(row)
    session.flush()
    session.add_all(NoticeAttachment(notice_id=row.id, deleted=False, sha256=f.sha256, name=f.name, mime=f.mime,
                                     size=f.size) for f in files)
    session.flush()
    return row.id


def address(session: Session, record_type: str, record_id: str, site_ids: Iterable[str]) -> int:
    """Address a record of ours to these child sites (those not addressed already); returns how many added."""
    have = set(session.scalars(select(DownwardTarget.site_id).where(
        DownwardTarget.record_type == record_type, DownwardTarget.record_id == record_id)))
    wanted = sorted(set(site_ids) - have)
    if not wanted:
        return 0
    seq = next(allocate(session, 1)).change_seq  # the next downward export above it carries the record
    session.add_all(DownwardTarget(record_type=record_type, record_id=record_id, site_id=s, added_seq=seq)
                    for s in wanted)
    session.flush()
    return len(wanted)


def child_sites(session: Session) -> dict[str, str]:
    """Registered child sites: organisation code → site id."""
    rows = session.execute(select(SyncPeer.org_code, SyncPeer.site_id).where(SyncPeer.relation == "child"))
    return {code: site for code, site in rows}


def notice_exists(session: Session, notice_id: str) -> bool:
    """A live notice with this id is here."""
    row = session.get(Notice, notice_id)
    return row is not None and not row.deleted


def material_owner(session: Session, material_id: str) -> str | None:
    """The owner site of a live study material, or None."""
    row = session.get(StudyMaterial, material_id)
    return row.owner_site if row is not None and not row.deleted else None


def notices(session: Session, own_site: str) -> list[NoticeRow]:
    """Every notice, newest first (withdrawn ones marked), with its files, read state and (for our own) the
    codes addressed."""
    reads: dict[str, datetime] = {r[0]: r[1] for r in session.execute(select(NoticeRead.notice_id, NoticeRead.read_at))}
    files: dict[str, list[NoticeFile]] = {}
    newest: dict[str, int] = {}  # the latest change of each notice's files
    for f in session.scalars(select(NoticeAttachment).where(NoticeAttachment.deleted.is_(False))
                             .order_by(NoticeAttachment.name)):
        files.setdefault(f.notice_id, []).append(NoticeFile(f.sha256, f.name, f.mime, f.size))
        newest[f.notice_id] = max(newest.get(f.notice_id, 0), f.change_seq)
    written = dict(session.execute(select(SyncPackage.peer_site, func.max(SyncPackage.covers_to))
                                   .where(SyncPackage.direction == "out").group_by(SyncPackage.peer_site)).all())
    receipts: dict[tuple[str, str], datetime] = {}  # (notice, reading site) -> first read there
    done: dict[tuple[str, str], datetime] = {}  # (notice, site) -> marked done there
    for notice_id, site, when, finished in session.execute(
            select(NoticeReceipt.notice_id, NoticeReceipt.owner_site, NoticeReceipt.read_at, NoticeReceipt.done_at)
            .where(NoticeReceipt.deleted.is_(False))):
        receipts[(notice_id, site)] = min(when, receipts.get((notice_id, site), when))
        if finished is not None:
            done[(notice_id, site)] = finished
    # notice -> (code, added, acknowledged, written, site)
    targets: dict[str, list[tuple[str, int, int, int, str]]] = {}
    query = (select(DownwardTarget.record_id, SyncPeer.org_code, DownwardTarget.added_seq, SyncPeer.acked_seq,
                    SyncPeer.site_id)
             .join(SyncPeer, SyncPeer.site_id == DownwardTarget.site_id)
             .where(DownwardTarget.record_type == "notice").order_by(SyncPeer.org_code))
    for record_id, code, added, acked, site in session.execute(query):
        targets.setdefault(record_id, []).append((code, added, acked or 0, written.get(site) or 0, site))
    out = []
    for n in session.scalars(select(Notice).order_by(Notice.issued.desc(), Notice.change_seq.desc())):
        mine = targets.get(n.id, [])
        out.append(NoticeRow(n.id, NoticeData(n.title, n.body, n.issued, n.issuer, n.deadline),
                             received=n.owner_site != own_site, read_at=reads.get(n.id),
                             files=tuple(files.get(n.id, ())), targets=tuple(code for code, *_ in mine),
                             withdrawn=bool(n.deleted),
                             delivery=tuple(_delivery(max(n.change_seq, newest.get(n.id, 0), added), acked, sent)
                                            for _code, added, acked, sent, _site in mine),
                             read_by_target=tuple(receipts.get((n.id, site)) for *_rest, site in mine),
                             done_by_target=tuple(done.get((n.id, site)) for *_rest, site in mine),
                             done_at=done.get((n.id, own_site))))
    return out


def _delivery(needed: int, acknowledged: int, written: int) -> str:
    """How far a notice changed last at ``needed`` got to one office: confirmed, written to it, or not yet."""
    if acknowledged >= needed:
        return "received"
    return "written" if written >= needed else "waiting"


def withdraw(session: Session, notice_id: str, own_site: str, note: str) -> str:
    """Take back a notice of ours: the note goes on top of its text and it becomes a tombstone, which the next
    downward packages carry to the branches it was addressed to. Returns "" or why it cannot be done
    (``missing``, ``not_owner``, ``withdrawn``)."""
    row = session.get(Notice, notice_id)
    if row is None:
        return "missing"
    if row.owner_site != own_site:
        return "not_owner"
    if row.deleted:
        return "withdrawn"
    row.body = f"{note}\n\n{row.body}" if row.body else note
    row.deleted = True
    session.flush()
    return ""


def mark_read(session: Session, notice_id: str, by: str, own_site: str) -> bool:
    """Note that this office opened the notice, and for one another office wrote, make the receipt our next
    upward package carries to it; False when it was read already."""
    if session.get(NoticeRead, notice_id) is not None:
        return False
    now = utc_now()
    session.add(NoticeRead(notice_id=notice_id, read_at=now, read_by=by))
    notice = session.get(Notice, notice_id)
    if notice is not None and notice.owner_site != own_site and session.scalar(
            select(NoticeReceipt.id).where(NoticeReceipt.notice_id == notice_id,
                                           NoticeReceipt.owner_site == own_site)) is None:
        session.add(NoticeReceipt(notice_id=notice_id, read_at=now, deleted=False))
    session.flush()
    return True


def mark_done(session: Session, notice_id: str, by: str, own_site: str) -> str:
    """Mark a notice another office wrote as done here (已办理) on our receipt of it, which goes up with our next
    package (a receipt is made when there is none yet: it was read, as it is done). Returns "" or why it
    cannot be: ``missing``, ``own`` (ours: we wrote it), ``withdrawn``, ``done`` (already)."""
    notice = session.get(Notice, notice_id)
    if notice is None:
        return "missing"
    if notice.owner_site == own_site:
        return "own"
    if notice.deleted:
        return "withdrawn"
    receipt = session.scalars(select(NoticeReceipt).where(NoticeReceipt.notice_id == notice_id,
                                                          NoticeReceipt.owner_site == own_site)).first()
    now = utc_now()
    if receipt is None:
        receipt = NoticeReceipt(notice_id=notice_id, read_at=now, deleted=False)
        session.add(receipt)
    elif receipt.done_at is not None:
        return "done"
    receipt.done_at = now
    if session.get(NoticeRead, notice_id) is None:
        session.add(NoticeRead(notice_id=notice_id, read_at=now, read_by=by))
    session.flush()
    return ""


def material_owners(session: Session, own_site: str) -> dict[str, str]:
    """The owning site of each live study material another office owns (the committee's, sent down to a branch;
    a branch's, reported up to its committee), by material id."""
    query = select(StudyMaterial.id, StudyMaterial.owner_site).where(StudyMaterial.deleted.is_(False),
                                                                      StudyMaterial.owner_site != own_site)
    return {str(i): str(o) for i, o in session.execute(query).all()}


def addressed_codes(session: Session, record_type: str) -> dict[str, list[str]]:
    """The organisation codes each record of ``record_type`` is addressed to (to go down), by record id, in
    code order."""
    query = (select(DownwardTarget.record_id, SyncPeer.org_code)
             .join(SyncPeer, SyncPeer.site_id == DownwardTarget.site_id)
             .where(DownwardTarget.record_type == record_type).order_by(SyncPeer.org_code))
    found: dict[str, list[str]] = {}
    for record_id, code in session.execute(query):
        found.setdefault(str(record_id), []).append(str(code))
    return found


def _line(type_name: str, row: Any) -> tuple[str, bytes]:
    return type_name, canonical(to_record(TYPES_BY_NAME[type_name], row))


def addressed_lines(session: Session, own_site: str, peer_site: str, after_seq: int) -> Iterator[tuple[str, bytes]]:
    """(type, JSON line) of the records of ours addressed to ``peer_site`` that it has not acknowledged.

    A record goes when it changed above ``after_seq`` or was addressed to this site above it; a notice's
    files go with it whenever the notice goes (they are its content). One withdrawn (deleted) before any
    package to this site could carry it does not go at all: the branch never had it, and a notice that
    arrives only to say it was withdrawn is noise.
    """
    target = DownwardTarget
    for type_name, model in (("study_material", StudyMaterial), ("notice", Notice)):
        m: Any = model
        query = (select(m).join(target, (target.record_id == m.id) & (target.record_type == type_name))
                 .where(target.site_id == peer_site, m.owner_site == own_site,
                        or_(m.change_seq > after_seq, target.added_seq > after_seq),
                        or_(m.deleted.is_(False), select(SyncPackage.package_id).where(
                            SyncPackage.peer_site == peer_site, SyncPackage.direction == "out",
                            SyncPackage.covers_to >= target.added_seq,
                            SyncPackage.covers_to < m.change_seq).exists()))
                 .order_by(m.change_seq))
        rows = list(session.scalars(query))
        yield from (_line(type_name, r) for r in rows)
        if type_name == "notice" and rows:
            ids = [r.id for r in rows]
            for start in range(0, len(ids), 900):
                query_files = (select(NoticeAttachment).where(NoticeAttachment.notice_id.in_(ids[start:start + 900]))
                               .order_by(NoticeAttachment.change_seq))
                yield from (_line("notice_attachment", f) for f in session.scalars(query_files))


def read_at(session: Session, notice_id: str) -> datetime | None:
    """When this office first opened the notice, or None."""
    row = session.get(NoticeRead, notice_id)
    return row.read_at if row is not None else None


def package_lines(session: Session, own_site: str, peer_site: str, relation: str, after_seq: int, *,
                  snapshot: bool) -> list[tuple[str, bytes]]:
    """(type, JSON line) of everything a package towards ``peer_site`` carries, in apply order.

    Upward (to a parent) and in any snapshot: every owned record changed above the watermark, except notices
    (they only ever travel down, addressed) and, towards a child, study materials (only those addressed to it
    go) and our receipts of notices (they only ever travel up). Downward to a child: the notices and materials
    addressed to it.
    """
    lines: list[tuple[str, bytes]] = []
    if relation == "parent" or snapshot:
        skip = NOTICE_TYPES | ({"study_material", RECEIPTS} if relation == "child" else set())
        only = [t.name for t in SYNC_TYPES if t.name not in skip]
        lines += owned_lines(session, own_site, after_seq, only)
    if relation == "child":
        lines += addressed_lines(session, own_site, peer_site, after_seq)
    return lines
