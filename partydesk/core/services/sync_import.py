"""Importing a package (SYNC.md "Import", steps 1–10): verify everything, classify every record, show the
dry run, then apply in ONE transaction through the remote-write path — or refuse with the reason and
write nothing.

The outcome is an ``ImportReport`` whatever happens: ``applied``, ``already_imported``, ``dry_run`` or
``rejected`` (with the ``reason`` code and a Chinese message), and the counts new / updated / unchanged /
conflict / rejected. A record that fails validation is listed as rejected and left out; the rest of the
package still applies (the sender sees the reasons and fixes them at source).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any

from partydesk.core.changes import LOCAL_USER, Actor, ChangeKind, Changes
from partydesk.core.collector import collector_paused
from partydesk.core.exchange import container, crypto, keys, parallel
from partydesk.core.exchange.canonical import canonical
from partydesk.core.exchange.errors import PackageRejected
from partydesk.core.exchange.manifest import Manifest, parse
from partydesk.core.exchange.merge import Decision, LocalState, Outcome, decide
from partydesk.core.exchange.reader import (
    Envelope,
    check_signature,
    claimed_by,
    open_envelope,
    open_payload,
    read_payload,
)
from partydesk.core.progress import Progress
from partydesk.core.services import sync_blobs, sync_received, sync_refusals
from partydesk.core.services import sync_preview as preview
from partydesk.core.services.maintenance import backup_now
from partydesk.core.services.setup import own_organisation
from partydesk.core.services.sync_downward import (
    apply_notices,
    complete_rotation,
    key_notices,
    notices_ahead,
    opening_keys,
)
from partydesk.core.services.sync_orphans import reject_orphans
from partydesk.core.services.sync_rejections import record_rejection
from partydesk.core.services.sync_stage import EARLIEST, FUTURE_SLACK, Origin, Staged, stage_all
from partydesk.core.storage import downward_repo, sync_repo, sync_typed
from partydesk.core.storage.database import Database
from partydesk.core.storage.downward_repo import note_applied
from partydesk.core.storage.migrate import head_revision, schema_number
from partydesk.core.storage.stamping import utc_now
from partydesk.core.storage.sync_records import SYNC_TYPES, TYPES_BY_NAME

_NEW = Decision(Outcome.NEW)  # the common case of a first import, shared
OUTCOMES = (Outcome.NEW, Outcome.UPDATED, Outcome.UNCHANGED, Outcome.CONFLICT, Outcome.REJECTED)

# A hook between the steps of the apply, for tests that inject a failure at each step.
StepHook = Callable[[str], None]


@dataclass
class ImportReport:
    """What an import did (or would do, for a dry run)."""

    status: str  # applied | already_imported | dry_run | rejected
    reason: str = ""
    message: str = ""
    package_id: str = ""
    origin: str = ""  # the sending organisation's code
    destination: str = ""  # the code of the office a package not for us is addressed to (when read)
    imported_at: datetime | None = None  # already_imported: when it was, in this office's local time
    channel_seq: int = 0  # the package's number on its sender's channel (0: not read)
    prerequisite_seq: int = 0  # the number of the package before it on that channel (0: none)
    counts: dict[str, int] = field(default_factory=lambda: {o.value: 0 for o in OUTCOMES})
    carries: dict[str, int] = field(default_factory=dict)  # the package's records by type, as its manifest counts them
    rejected: list[tuple[str, str, str]] = field(default_factory=list)  # (type, id, reason)
    rejected_words: list[str] = field(default_factory=list)  # the first of ``rejected`` in words (王芳, 会议“…”)
    gap: str = ""
    acknowledged: int = 0
    confirms: int = 0  # how many of our packages the package says it received (its acks)
    keys: list[str] = field(default_factory=list)  # key updates and revocations the package carried, in words
    corrections: list[str] = field(default_factory=list)  # the parent's corrections of our own records, in words
    added: list[str] = field(default_factory=list)  # names of the first of the sender's members it adds here
    added_count: int = 0  # how many of the sender's members it adds in all
    removed: list[str] = field(default_factory=list)  # names of the sender's members it deletes here
    changed: list[str] = field(default_factory=list)  # the first of the sender's members it changes, with the fields
    changed_count: int = 0  # how many of the sender's members it changes in all
    # Names of the sender's members whose edit in the package is older than a correction of ours still waiting
    # for the sender: counted unchanged, the correction stays until the sender decides between the two.
    held: list[str] = field(default_factory=list)
    held_other: list[str] = field(default_factory=list)  # the same of the sender's other records, in words
    # Our corrections of the sender's records that it answers with a version unlike them (kept its own, or changed
    # the record after taking them): in words; the sender's version takes the place of our correction here.
    declined: list[str] = field(default_factory=list)
    declined_count: int = 0  # how many records in all (``declined`` names the first twenty members and meetings…)
    conflicted: list[str] = field(default_factory=list)  # the first records in conflict, in words (a dry run)
    # Our own records the sender tells us it refused (each in words, with its reason; sent again from now on),
    # and how many it refused before and has now taken.
    returned: list[str] = field(default_factory=list)
    returned_more: int = 0  # more of ours newly refused than ``returned`` names
    returned_details: int = 0  # more of ours refused only with their parent (a refused meeting's attendance)
    returned_taken: int = 0
    changes: Changes = field(default_factory=Changes)

    def to_json(self) -> dict[str, Any]:
        """The ``--json`` form."""
        return {"status": self.status, "reason": self.reason, "message": self.message,
                "package_id": self.package_id, "origin": self.origin, **self.counts, "gap": self.gap,
                "acknowledged": self.acknowledged, "keys": self.keys, "corrections": self.corrections,
                "added_members": self.added, "added_members_count": self.added_count,
                "removed_members": self.removed, "changed_members": self.changed,
                "changed_members_count": self.changed_count, "held_members": self.held, "held_other": self.held_other,
                "corrections_differing": self.declined, "corrections_differing_count": self.declined_count,
                "returned_records": self.returned, "returned_more": self.returned_more,
                "returned_details": self.returned_details,
                "returned_taken": self.returned_taken,
                "rejected_records": [{"type": t, "id": i, "reason": r} for t, i, r in self.rejected]}


MANY_RECORDS = 10_000  # a package this large leaves a WAL worth folding on a thread of its own


def import_package(db: Database, actor: Actor, path: Path, *, dry_run: bool = False,
                   now: datetime | None = None, step: StepHook | None = None,
                   progress: Progress | None = None, backup: bool = True) -> ImportReport:
    """Import the package at ``path`` (or only classify it with ``dry_run``).

    Once the package has passed every check, and before anything of it is written, the database is backed
    up and the backup verified (RELIABILITY ST-4 d); ``backup=False`` when the caller made one already (a
    folder of packages is backed up once, before the first).

    ``progress`` hears each stage, the first record written and every thousandth; a cancel raises ``Cancelled`` at
    the next one and the import's transaction rolls back (files it had stored are removed again), so
    nothing of the package is kept and it can be imported again later.
    """
    if progress is not None:
        step = _reporting(progress, step)
    claimed = ("", "")
    try:
        with collector_paused():
            data = container.read_file(path)
            claimed = claimed_by(data)  # said with a refusal
            _refuse_key_card(data, db.site.site_id if db.site else "")
            with sync_received.Copy(db.path, data, dry_run=dry_run) as copy:  # to replay after a restore
                held, data = [data], b""  # handed over: the import lets the bytes go once it has decrypted them
                now = now or utc_now()
                try:
                    report = _import(db, actor, held, dry_run=dry_run, now=now, step=step, backup=backup,
                                     file_name=path.name, typed=True)
                except sync_typed.Unsound:  # rolled back: read again as the reader reads any file, and refused
                    report = _import(db, actor, [container.read_file(path)], dry_run=dry_run, now=now, step=step,
                                     backup=False, file_name=path.name, typed=False)  # (backed up already)
                return copy.of(report)
    except PackageRejected as exc:
        if not dry_run and exc.reason not in NOT_RECORDED:  # in a transaction of its own: nothing was touched
            record_rejection(db, actor, path, reason=exc.reason, message=exc.message)
        report = ImportReport("rejected", exc.reason, exc.message)
        report.package_id, report.origin = claimed
        return report


def _import(db: Database, actor: Actor, held: list[bytes], *, dry_run: bool, now: datetime,
            step: StepHook | None, backup: bool, file_name: str, typed: bool) -> ImportReport:
    """The package whose bytes ``held`` hands over, let go once decrypted (a snapshot: a quarter of a gigabyte).

    ``typed``: its records are read typed (``sync_typed.Reading``), their row hashes checked while the last
    table's indexes are built again, before the commit; ``sync_typed.Unsound`` (nothing kept) when one does
    not match."""
    assert db.site is not None
    data = held.pop()
    own_site = db.site.site_id
    again = _already_imported(db, data)
    if again is not None:
        return again
    envelope = open_envelope(data)  # 1
    manifest = envelope.manifest
    peer = _verified_sender(db, envelope)  # 2
    _check_addressing(db, manifest, now)  # 3
    report = ImportReport("dry_run" if dry_run else "applied", package_id=manifest.package_id,
                          origin=manifest.origin.org_code, channel_seq=manifest.channel_seq,
                          prerequisite_seq=manifest.prerequisite_seq, confirms=len(manifest.acks),
                          carries=dict(manifest.counts))
    with db.read() as session:  # 4, 5
        done = sync_repo.package(session, manifest.package_id)
        if done is not None and done.direction == "in":
            return _no_op(report, done)
        if sync_repo.incoming_at(session, peer.site_id, manifest.channel_seq) is not None:
            raise PackageRejected("forked", f"“{peer.org_name}”的第 {manifest.channel_seq} 号数据包"
                                  "已导入过另一个版本："
                                  "对方可能从备份恢复后重复编号。未导入，请与对方联系。")
        missing = manifest.prerequisite_seq
        if missing and sync_repo.incoming_at(session, peer.site_id, missing) is None:
            report.gap = f"缺少“{peer.org_name}”的第 {missing} 号数据包（可能U盘丢失或尚未导入）；本包照常导入。"
    if step is not None:
        step("read")
    opened = open_payload(envelope, opening_keys(db, manifest))  # 6
    del data, envelope
    reading = sync_typed.Reading() if typed else None
    payload = read_payload(opened, reading.read if reading is not None else None)
    notices, records = key_notices(db, manifest, payload.records)
    refusals, records = sync_refusals.take_out(records, manifest)
    parent = manifest.origin.site_id if peer.relation == "parent" else ""  # only a parent sends corrections
    staged = stage_all(records, Origin.of(manifest, now, own_site, parent))  # 7
    staged = sync_blobs.check_staged(staged, payload.blobs, db.path)  # no row may name a file not there
    if step is not None:
        step("staged")
    if dry_run:
        if reading is not None:
            reading.confirm()
        with db.read() as session:  # 8: only shown; the apply classifies again inside its transaction
            decisions = _classify(session, staged, own_site, parent)
            _count(report, staged, decisions)
            _in_words(session, report, staged, decisions, own_site, parent)
            report.conflicted = preview.named(session, [s.record for s, d in zip(staged, decisions, strict=True)
                                                        if d.outcome is Outcome.CONFLICT][:preview.NAMED])
            report.keys = notices_ahead(session, peer, notices)  # a key change is seen before it is taken
            _returned(report, sync_refusals.told(session, peer, refusals, apply=False))
        return report
    if backup:
        if step is not None:
            step("backup")
        backup_now(db, reason="import")
    # A large package's WAL is folded into the file after the import, on a thread of its own (``checkpoint_after``).
    with db.checkpoint_after() if len(staged) >= MANY_RECORDS else nullcontext(), db.large_cache(), \
            sync_blobs.blob_writer(db.path) as files, \
            db.write(actor, action="sync.import", remote=True) as session:  # 9
        decisions = _classify(session, staged, own_site, parent)  # again, inside the transaction that applies them
        _count(report, staged, decisions)
        _in_words(session, report, staged, decisions, own_site, parent)  # (names and values before the change)
        written = _written(staged, decisions)
        _apply(session, written, staged, decisions, manifest.package_id, step,
               beside=reading.start if reading is not None else None)
        if reading is not None:
            reading.confirm()
        sync_refusals.note(session, peer, staged, decisions)
        _returned(report, sync_refusals.told(session, peer, refusals))
        sync_repo.supersede_conflicts(session, ((name, record["id"], record["version"])
                                                for name, ids in written.existing.items()
                                                for record, _values in written.records[name] if record["id"] in ids))
        note_applied(session, [record for group in written.records.values() for record, _values in group
                               if record["owner_site"] == own_site])
        report.keys = apply_notices(session, peer, notices, actor.user_id)
        if step is not None:
            step("blobs")
        files.store([record for name in sync_blobs.BLOB_FIELDS for record, _values in written.records.get(name, ())],
                    payload.blobs)
        if step is not None:
            step("ledger")
        sync_repo.add_package(session, package_id=manifest.package_id, direction="in", kind=manifest.kind,
                              peer_site=peer.site_id, channel_seq=manifest.channel_seq,
                              covers_to=manifest.covers_to, created_at=manifest.created_at, by=actor.user_id,
                              file_name=file_name[:200], state="imported", gap=report.gap, counts=report.counts,
                              audit_head=f"{manifest.audit_seq}:{manifest.audit_hash}" if manifest.audit_seq else "")
        sync_repo.gap_filled(session, peer.site_id, manifest.channel_seq)
        if step is not None:
            step("acks")
        report.acknowledged = sync_repo.acknowledge(session, peer.site_id, manifest.acks)
        if not payload.records:
            # A package of receipts only is not itself acknowledged (or receipts would go back and forth).
            sync_repo.mark_receipts_sent(session, [manifest.package_id])  # 10: otherwise a receipt is owed
        session.flush()
        report.changes = _changes(written)
        # What the package held is freed on a thread of its own while the commit writes (it lets go of the lock).
        parallel.let_go(staged, decisions, *written.records.values(), records, payload.records)
        if step is not None:
            step("commit")
    if report.acknowledged:
        complete_rotation(db, actor)
    return report


def _returned(report: ImportReport, told: sync_refusals.Told) -> None:
    report.returned, report.returned_more = told.named, told.more
    report.returned_details, report.returned_taken = told.details, told.taken


_STAGES = {"read": (1, "正在核对签名并解密……"), "staged": (2, "正在检查记录……"), "backup": (2, "正在备份数据库……"),
           "blobs": (3, "正在保存附件……"), "ledger": (4, "正在登记数据包……")}
_STAGE_COUNT = 5


def _reporting(progress: Progress, step: StepHook | None) -> StepHook:
    """A step hook telling ``progress`` of each stage (and every thousandth record), then ``step``'s own."""
    records = [0]

    def hook(name: str) -> None:
        if name == "record":
            records[0] += 1
            if records[0] == 1 or records[0] % 1000 == 0:
                progress.step(2, _STAGE_COUNT, f"正在写入记录……（{records[0]:,} 条）")
        elif name in _STAGES:
            done, text = _STAGES[name]
            progress.step(done, _STAGE_COUNT, text)
        if step is not None:
            step(name)

    return hook


def _no_op(report: ImportReport, done: sync_repo.PackageEntry) -> ImportReport:
    report.status, report.reason = "already_imported", "already_imported"
    when = done.handled_at.replace(tzinfo=UTC).astimezone()  # stored in UTC, said in the office's own time
    report.imported_at = when
    who = "" if done.handled_by in ("", LOCAL_USER.user_id) else f"由 {done.handled_by} "
    report.message = f"这个数据包已于 {when:%Y-%m-%d %H:%M} {who}导入过，本次未做任何改动。"
    return report


def _already_imported(db: Database, data: bytes) -> ImportReport | None:
    """A package whose signed manifest names one already in the ledger: the no-op report, found from the
    manifest alone (a re-import of a large package reads no payload). Anything else — not yet imported,
    or not even readable — returns None and takes the full path, with every check in SYNC.md's order."""
    try:
        parts = container.read_signed_manifest(data)
        envelope = Envelope(parse(parts.manifest), parts)
        _verified_sender(db, envelope)
    except PackageRejected:
        return None
    with db.read() as session:
        done = sync_repo.package(session, envelope.manifest.package_id)
    if done is None or done.direction != "in":
        return None
    manifest = envelope.manifest
    report = _no_op(ImportReport("already_imported", package_id=manifest.package_id, origin=manifest.origin.org_code,
                                 channel_seq=manifest.channel_seq), done)
    if not _intact(data, manifest):  # a damaged copy is named as one (still a no-op)
        report.message += ("不过这份文件本身已损坏（与当初导入的不一致）：已导入的数据不受影响，"
                           "这份损坏的副本可以删除。")
    return report


def _intact(data: bytes, manifest: Manifest) -> bool:
    """Whether the file is whole: its layout and checksums, and the encrypted payload the signed manifest
    describes (its hash, without decrypting it)."""
    try:
        payload = container.read_outer(data).payload
    except PackageRejected:
        return False
    return len(payload) == manifest.payload_size and crypto.sha256_hex(payload) == manifest.payload_sha256


def _verified_sender(db: Database, envelope: Envelope) -> sync_repo.Peer:
    manifest = envelope.manifest
    with db.read() as session:
        key = sync_repo.peer_key(session, manifest.origin_key_id)
        peer = sync_repo.peer(session, manifest.origin.site_id)
    if key is None or peer is None or key.site_id != manifest.origin.site_id:
        _refuse_misplaced(db, manifest)
        with db.read() as session:
            known = sync_repo.peer_by_code(session, manifest.origin.org_code)
        if known:  # the code is registered, from another installation (reinstalled, a new computer) or not at all
            raise PackageRejected("unknown_key", f"“{known[0].org_name}”（组织代码 {manifest.origin.org_code}）"
                                  "已经登记，但这个数据包来自另一台电脑或重新安装的程序，用的不是已登记的密钥。"
                                  "请先打电话向对方核实：如果对方确实换了电脑或重装了程序，请对方发来新的密钥卡，"
                                  "用“登记对方密钥卡…”登记并核对指纹后再导入；否则不要导入这个文件。未导入任何数据。")
        raise PackageRejected("unknown_key", f"发送方（组织代码 {manifest.origin.org_code}）的密钥未登记："
                              "请先用“登记对方密钥卡…”登记对方的密钥卡"
                              "并核对指纹。未导入任何数据。")
    if key.revoked:
        with db.read() as session:
            why = downward_repo.revocation_reasons(session).get(key.key_id)
        if why is not None and why[1] == "card":  # replaced by a newer card, not revoked after a theft
            raise PackageRejected("revoked_key", f"这个数据包是“{peer.org_name}”用旧密钥写出的：对方已于 "
                                  f"{why[2]:%Y-%m-%d} 交来新的密钥卡，旧密钥已停用。请对方用现在的程序重新导出。"
                                  "未导入任何数据。")
        raise PackageRejected("revoked_key", f"“{peer.org_name}”用来签名的密钥已被吊销，这个数据包不被接受。"
                              "请对方更换密钥（“更换密钥…”）后交来新的密钥卡，电话核对指纹后重新登记。未导入任何数据。")
    check_signature(envelope, crypto.unb64(key.signing_public))
    return peer


# Refusals of a file that is simply not ours to import (our own package, another office's), not a package at
# all (a key card), or not there to read (the stick pulled out): not recorded in the ledger of refused
# packages, as a folder import leaves such files alone and nothing about them is suspect.
NOT_RECORDED = frozenset({"own_package", "wrong_destination", "key_card", "not_found", "unreadable"})


def _refuse_key_card(data: bytes, own_site: str) -> None:
    """A key card chosen where a package was meant is named as what it is (this office's own, or another's)."""
    if data[:64].lstrip()[:1] != b"{":  # a card is a JSON object; a package is a zip (PK…), never copied whole
        return
    try:
        card = keys.read_card(data)
    except PackageRejected:
        return  # neither: the package checks say why
    if card.site_id == own_site:
        raise PackageRejected("key_card", "这是本单位自己的密钥卡，不是数据包：它是交给对方登记用的。未导入任何数据。")
    raise PackageRejected("key_card", f"这是“{card.org_name}”的密钥卡，不是数据包：请在“数据交换”页用"
                          "“登记对方密钥卡…”登记它。未导入任何数据。")


def _refuse_misplaced(db: Database, manifest: Manifest) -> None:
    """A package whose sender we do not know, refused for what it plainly is (the manifest read but not yet
    trusted: only the wording of the refusal depends on it): one this office wrote itself, or one addressed
    to another office's code. Anything else goes on to the unknown-key refusal."""
    assert db.site is not None
    if manifest.origin.site_id == db.site.site_id:
        raise PackageRejected("own_package", "这是本单位自己导出的数据包（发往组织代码 "
                              f"{manifest.destination.org_code}），不在本单位导入：请把它交给对方导入。")
    org = own_organisation(db)
    if manifest.destination.site_id != db.site.site_id and org is not None \
            and manifest.destination.org_code != org.code:
        raise _addressed_elsewhere(db, manifest)


def _addressed_elsewhere(db: Database, manifest: Manifest) -> PackageRejected:
    """The refusal of a package addressed to another office (named when it is registered here), or to this
    office's own code at another installation (a new computer, the program set up again)."""
    code = manifest.destination.org_code
    org = own_organisation(db)
    if org is not None and code == org.code:
        return PackageRejected("wrong_destination", f"这个数据包是发给本单位（组织代码 {code}）另一台电脑或重装前的"
                               "程序的，本机的密钥打不开它：请把本机的密钥卡交给发送方登记，再请对方重新导出。"
                               "未导入任何数据。")
    with db.read() as session:
        known = sync_repo.peer_by_code(session, code)
    whom = f"“{known[0].org_name}”（组织代码 {code}）" if known else f"组织代码 {code} 的单位"
    return PackageRejected("wrong_destination", f"这个数据包是发给{whom}的，不是本单位：请把它交给对方导入。"
                           "本单位未导入任何数据。")


def _check_addressing(db: Database, manifest: Manifest, now: datetime) -> None:
    assert db.site is not None
    if manifest.destination.site_id != db.site.site_id:
        raise _addressed_elsewhere(db, manifest)
    if schema_number(manifest.schema_version) > schema_number(head_revision()):
        raise PackageRejected("schema_newer",
                              "这个数据包由更新版本的 partydesk 导出，请先升级本程序再导入。未导入任何数据。")
    if manifest.created_at < EARLIEST or manifest.created_at > now + FUTURE_SLACK:
        try:  # in this office's time, as its clock reads
            written = manifest.created_at.replace(tzinfo=UTC).astimezone()
        except (OverflowError, OSError, ValueError):  # a year 1 or 9999: past what this computer's clock converts
            written = manifest.created_at
        raise PackageRejected("clock", f"数据包的导出时间 {written:%Y-%m-%d %H:%M} 不可信："
                              "对方电脑的日期时间"
                              "设置有误。请对方改正时间后重新导出。")


def _states(session: Any, staged: list[Staged]) -> dict[tuple[str, str], LocalState]:
    """The local bookkeeping of every staged record that exists here, by (type, id)."""
    found: dict[tuple[str, str], LocalState] = {}
    for name in sorted(set(map(str, map(itemgetter("type"), map(attrgetter("record"), staged))))):
        kind = TYPES_BY_NAME.get(name)
        if kind is None or not sync_repo.holds_any(session, kind):
            continue  # an empty table (a first snapshot) has nothing to look up
        wanted = [item.record["id"] for item in staged if item.record["type"] == name and item.values is not None]
        for record_id, local in sync_repo.local_states(session, kind, wanted).items():
            found[(name, record_id)] = local
    return found


def _classify(session: Any, staged: list[Staged], own_site: str, parent: str) -> list[Decision]:
    states = _states(session, staged)
    if not states:  # nothing of it here yet: every sound record is new
        return reject_orphans(session, staged, [_NEW if item.values is not None
                                                else Decision(Outcome.REJECTED, item.problem) for item in staged])
    out = []
    for item in staged:
        if item.values is None:
            out.append(Decision(Outcome.REJECTED, item.problem))
            continue
        record = item.record
        local = states.get((record["type"], record["id"]))
        out.append(_NEW if local is None else decide(
            local, version=record["version"], deleted=record["deleted"], owner_site=record["owner_site"],
            base_version=record["base_version"], correction_from=parent if record["owner_site"] == own_site else ""))
    return reject_orphans(session, staged, out)


@dataclass
class _Written:
    """The records an import writes (new or updated), by type in the order received, with the ids of the
    updated ones."""

    records: dict[str, list[tuple[dict[str, Any], tuple[Any, ...]]]]
    existing: dict[str, set[str]]


def _written(staged: list[Staged], decisions: list[Decision]) -> _Written:
    """One pass over the package's records, grouping those to write by type (the rest of the apply, the
    audit, the files and the change notice all read them from here)."""
    new, updated = Outcome.NEW, Outcome.UPDATED
    out = _Written({}, {})
    for s, d in zip(staged, decisions, strict=True):
        outcome = d.outcome
        if (outcome is new or outcome is updated) and s.values is not None:
            record = s.record
            out.records.setdefault(record["type"], []).append((record, s.values))
            if outcome is updated:
                out.existing.setdefault(record["type"], set()).add(record["id"])
    return out


def _apply(session: Any, written: _Written, staged: list[Staged], decisions: list[Decision], package_id: str,
           step: StepHook | None, *, beside: Callable[[], None] | None) -> None:
    """Write the new and updated records type by type (parents first), queue the conflicts (``beside``: as
    ``apply_batches`` takes it)."""
    tick = (lambda: step("record")) if step is not None else None
    sync_repo.apply_batches(session, [(kind, written.records.get(kind.name, []), written.existing.get(kind.name, set()))
                                      for kind in SYNC_TYPES], step=tick, beside=beside)
    conflicted = [(s, d) for s, d in zip(staged, decisions, strict=True) if d.outcome is Outcome.CONFLICT]
    states = _states(session, [item for item, _decision in conflicted])
    for item, decision in conflicted:
        local = states.get((item.record["type"], item.record["id"]))
        sync_repo.queue_conflict(session, item.record, local_version=local.version if local else "",
                                 package_id=package_id, reason=decision.reason,
                                 incoming_json=canonical(sync_typed.plain(item.record)).decode("utf-8"))


def _in_words(session: Any, report: ImportReport, staged: list[Staged], decisions: list[Decision], own_site: str,
              parent: str) -> None:
    report.corrections = preview.corrections(session, staged, decisions, own_site, parent)
    report.added, report.added_count = preview.added(staged, decisions, own_site)
    if report.rejected:
        report.rejected_words = preview.rejected(session, [s.record for s, d in zip(staged, decisions, strict=True)
                                                           if d.outcome is Outcome.REJECTED])
    # Each of these looks only at updated or at unchanged records (a first package brings none of either).
    if report.counts[Outcome.UPDATED.value]:
        report.removed = preview.removed(session, staged, decisions, own_site)
        report.changed, report.changed_count = preview.changed(session, staged, decisions, own_site)
        report.declined, report.declined_count = preview.declined(session, staged, decisions, own_site)
    if report.counts[Outcome.UNCHANGED.value]:
        report.held, report.held_other = preview.held(session, staged, decisions, own_site)
    if report.declined:  # a member named there with the fields unlike our correction, not again among the changed
        again = [c for c in report.changed if c in report.declined]
        report.changed = [c for c in report.changed if c not in again]
        report.changed_count -= len(again)


def _count(report: ImportReport, staged: list[Staged], decisions: list[Decision]) -> None:
    outcomes = [d.outcome for d in decisions]
    report.counts = {o.value: outcomes.count(o) for o in OUTCOMES}  # C-level passes (an enum hashes in Python)
    if report.counts[Outcome.REJECTED.value]:
        report.rejected = [(str(s.record["type"]), str(s.record["id"]), d.reason)
                           for s, d in zip(staged, decisions, strict=True) if d.outcome is Outcome.REJECTED]


CHANGE_KINDS = {"member": ChangeKind.MEMBER, "member_event": ChangeKind.MEMBER, "meeting": ChangeKind.MEETING,
                 "meeting_attendance": ChangeKind.MEETING, "meeting_guest": ChangeKind.MEETING,
                 "organisation": ChangeKind.ORGANISATION, "study_activity": ChangeKind.STUDY,
                 "study_credit": ChangeKind.STUDY, "certification": ChangeKind.CERTIFICATION,
                 "study_material": ChangeKind.MATERIAL, "meeting_agenda_item": ChangeKind.MEETING,
                 "meeting_motion": ChangeKind.MEETING, "meeting_attachment": ChangeKind.MEETING,
                 "talk": ChangeKind.TALK, "talk_member": ChangeKind.TALK,
                 "notice": ChangeKind.NOTICE, "notice_attachment": ChangeKind.NOTICE,
                 "notice_receipt": ChangeKind.NOTICE}
_PARENT_KEY = {"member_event": "member_id", "meeting_attendance": "meeting_id", "meeting_guest": "meeting_id",
               "study_credit": "activity_id", "meeting_agenda_item": "meeting_id", "meeting_motion": "meeting_id",
               "meeting_attachment": "meeting_id", "talk_member": "talk_id",
               "notice_attachment": "notice_id", "notice_receipt": "notice_id"}


_MANY_CHANGED = 500  # beyond this a page reloads anyway: name the kind, not every id


def _changes(written: _Written) -> Changes:
    """The records the import wrote, by kind (an event names its member, attendance its meeting)."""
    ids: dict[ChangeKind, set[str]] = {}
    crowded: set[ChangeKind] = set()
    for name, group in written.records.items():
        kind = CHANGE_KINDS.get(name)
        if kind is None:
            continue
        ids.setdefault(kind, set())
        if kind in crowded:
            continue
        parent = _PARENT_KEY.get(name)
        found = ids[kind]
        # In slices, so a large group is found crowded without gathering every id of it first.
        for start in range(0, len(group), _MANY_CHANGED):
            part = group[start:start + _MANY_CHANGED]
            if parent:
                found.update(str(record["data"][parent]) for record, _values in part)
            else:
                found.update(str(record["id"]) for record, _values in part)
            if len(found) > _MANY_CHANGED:
                crowded.add(kind)
                break
    return Changes(kinds=frozenset({ChangeKind.SYNC, *ids}),
                   ids={k: frozenset(v) for k, v in ids.items() if k not in crowded})


def counts_json(report: ImportReport) -> str:
    """The counts as the ledger stores them."""
    return json.dumps(report.counts, sort_keys=True)
