"""Notices (通知) and study materials a committee sends down to chosen branches, and their reading there.

A committee writes a notice once (title, body, issued day, issuing office, optional deadline, files already
put in the attachment store) and addresses it to all its registered branches or to some; each downward
package to a branch carries what is addressed to it and nothing else (``notice_repo.package_lines``). The
same addressing sends a study material of the committee's library down. At the branch both arrive
read-only: only the owner edits a record, and no service here changes a received one. Opening a received
notice marks it read there and makes a receipt (回执), a record of the branch's own that its next upward
package carries to the committee, whose list then shows which branches have read it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from partydesk.core.changes import Actor, ChangeKind, Changes
from partydesk.core.domain.notices import NoticeData, NoticeFile, NoticeRow, withdrawal_note
from partydesk.core.errors import ValidationError
from partydesk.core.storage import notice_repo, sync_repo
from partydesk.core.storage.database import Database

__all__ = ["NoticeAdded", "add_notice", "branches", "list_notices", "mark_done", "mark_read", "material_sources",
           "send_material", "withdraw_notice"]


@dataclass(frozen=True)
class NoticeAdded:
    """A notice written and addressed: its id and the organisation codes it goes to."""

    notice_id: str
    targets: tuple[str, ...]
    changes: Changes


def _targets(session: Session, to: Sequence[str], to_all: bool) -> dict[str, str]:
    children = notice_repo.child_sites(session)
    if not children:
        raise ValidationError("还没有登记任何下级党组织，无法下发。请先在“数据交换”页登记下级的密钥卡。",
                              field="to", code="no_children")
    if to_all:
        return children
    if not to:
        raise ValidationError("请选择要下发到的党组织（或选择全部）。", field="to", code="no_targets")
    unknown = [code for code in to if code not in children]
    if unknown:
        raise ValidationError(f"组织代码 {'、'.join(unknown)} 不是已登记的下级党组织。", field="to",
                              code="unknown_target")
    return {code: children[code] for code in to}


def add_notice(db: Database, actor: Actor, *, data: NoticeData, files: Sequence[NoticeFile] = (),
               to: Sequence[str] = (), to_all: bool = False) -> NoticeAdded:
    """Write a notice with its (already stored) files and address it to these branches (or all)."""
    if not data.title.strip():
        raise ValidationError("请填写通知标题。", field="title", code="no_title")
    if len(data.title) > 200:
        raise ValidationError("通知标题不能超过 200 个字。", field="title", code="title_too_long")
    if data.deadline is not None and data.deadline < data.issued:
        raise ValidationError("截止日期不能早于发布日期。", field="deadline", code="deadline_before_issued")
    with db.write(actor, action="notice.add") as session:
        targets = _targets(session, to, to_all)
        notice_id = notice_repo.insert_notice(session, data, files)
        notice_repo.address(session, "notice", notice_id, targets.values())
    return NoticeAdded(notice_id, tuple(sorted(targets)), Changes.of(ChangeKind.NOTICE, notice_id))


def send_material(db: Database, actor: Actor, material_id: str, *, to: Sequence[str] = (),
                  to_all: bool = False) -> Changes:
    """Address a study material of our own library to these branches (or all): the next packages carry it."""
    assert db.site is not None
    with db.write(actor, action="material.send_down") as session:
        owner = notice_repo.material_owner(session, material_id)
        if owner is None:
            raise ValidationError("找不到这份学习资料。", field="material", code="unknown_material")
        if owner != db.site.site_id:
            raise ValidationError("这份资料是上级下发的，只能由上级转发。", field="material", code="not_owner")
        targets = _targets(session, to, to_all)
        notice_repo.address(session, "study_material", material_id, targets.values())
    return Changes.of(ChangeKind.MATERIAL, material_id)


def withdraw_notice(db: Database, actor: Actor, notice_id: str, *, reason: str, today: date) -> Changes:
    """Take back a notice this office wrote (撤回), with a reason: it stays in every list marked 已撤回, the
    reason at the top of its text, and the next package to each branch it went to tells them so."""
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError("请填写撤回原因。", field="reason", code="required")
    if len(reason) > 200:
        raise ValidationError("撤回原因不能超过 200 个字。", field="reason", code="too_long")
    assert db.site is not None
    with db.write(actor, action="notice.withdraw") as session:
        problem = notice_repo.withdraw(session, notice_id, db.site.site_id,
                                       withdrawal_note(f"{today:%Y-%m-%d}", reason))
        if problem == "missing":
            raise ValidationError("找不到这份通知。", field="notice", code="unknown_notice")
        if problem == "not_owner":
            raise ValidationError("这份通知是上级发来的，只有发文单位可以撤回。", field="notice", code="not_owner")
        if problem == "withdrawn":
            raise ValidationError("这份通知已经撤回了。", field="notice", code="withdrawn")
    return Changes.of(ChangeKind.NOTICE, notice_id)


def list_notices(db: Database) -> list[NoticeRow]:
    """Every notice here, newest first: our own (with whom they went to) and those received (read or not),
    withdrawn ones included and marked."""
    assert db.site is not None
    with db.read() as session:
        return notice_repo.notices(session, db.site.site_id)


def mark_read(db: Database, actor: Actor, notice_id: str) -> Changes:
    """Note that this office opened a received notice (nothing changes when it was read already)."""
    with db.read() as session:
        if not notice_repo.notice_exists(session, notice_id):
            raise ValidationError("找不到这份通知。", field="notice", code="unknown_notice")
        if notice_repo.read_at(session, notice_id) is not None:
            return Changes()
    assert db.site is not None
    with db.write(actor, action="notice.read") as session:
        notice_repo.mark_read(session, notice_id, actor.user_id, db.site.site_id)
    return Changes.of(ChangeKind.NOTICE, notice_id)


def mark_done(db: Database, actor: Actor, notice_id: str) -> Changes:
    """This office has done what a notice from above asks (已办理): said on its receipt, which the next package
    carries up; the notice's deadline leaves the to-do board."""
    assert db.site is not None
    with db.write(actor, action="notice.done") as session:
        why = notice_repo.mark_done(session, notice_id, actor.user_id, db.site.site_id)
        if why:  # (raised inside: the transaction rolls back, no audit row for what was not done)
            raise ValidationError(_NOT_DONE[why], field="notice", code=why)
    return Changes.of(ChangeKind.NOTICE, notice_id)


_NOT_DONE = {"missing": "找不到这份通知。", "own": "这是本单位发出的通知，由收到的单位标记办理情况。",
             "withdrawn": "这份通知已被撤回，无需办理。", "done": "这份通知已经标为已办理。"}


def material_sources(db: Database) -> dict[str, tuple[str, str]]:
    """Where each study material another office owns came from, by id: (relation, organisation name), the
    relation ``parent`` for one sent down from above, ``child`` for a branch's (on a committee)."""
    assert db.site is not None
    with db.read() as session:
        owners = notice_repo.material_owners(session, db.site.site_id)
        peers = {p.site_id: p for p in sync_repo.peers(session)}
    return {i: (peers[o].relation, peers[o].org_name) if o in peers else ("parent", "") for i, o in owners.items()}


def material_targets(db: Database) -> dict[str, list[str]]:
    """The organisation codes each study material of ours is sent down to (``send_material``), by id; a
    material sent nowhere yet is not among them."""
    with db.read() as session:
        return notice_repo.addressed_codes(session, "study_material")


def branches(db: Database) -> list[tuple[str, str]]:
    """(organisation code, name) of every registered child site: what a notice can be addressed to."""
    with db.read() as session:
        return [(p.org_code, p.org_name) for p in sync_repo.peers(session) if p.relation == "child"]
