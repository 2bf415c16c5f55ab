"""Refused records told back to their sender (issue 12: nothing an office sends may vanish unseen).

An import lists the records it refuses (SYNC.md step 7) and still acknowledges the package, so the sender's
watermark moves past them: before this, the sender never learnt of them and never sent them again. Now:

- the receiving office remembers each refusal of the sender's own records, and clears it once a later
  package's copy of the record is taken (``note``); its next packages to the sender carry the refusals
  and clearings until one of them is acknowledged (``refusal_repo.refusal_lines``);
- the sender takes them out of the package before staging (``take_out``: each checked, a malformed one
  rejects the package as damaged), remembers the refused records, says so in the import report (``told``),
  shows them on its board until cleared, and sends each again, as it now is, in every package to that
  office (``refusal_repo.resend_lines``): one refused because the other program was older goes in once that
  office upgrades; one refused for its content goes in corrected once the office edits it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from partydesk.core.exchange.errors import PackageRejected
from partydesk.core.exchange.manifest import Manifest
from partydesk.core.exchange.merge import Decision, Outcome
from partydesk.core.services.sync_orphans import ORPHAN
from partydesk.core.services.sync_stage import Staged
from partydesk.core.storage import refusal_repo, sync_repo
from partydesk.core.storage.refusal_repo import CLEARED, FIELDS, REFUSAL_TYPE, REFUSED, Refusal
from partydesk.core.storage.sync_records import TYPES_BY_NAME

__all__ = ["NAMED", "REFUSAL_TYPE", "Refusal", "Told", "describe", "kind_words", "note", "take_out", "told"]

# What a refused record is, to the office that wrote it (with the name or topic where it has one).
_WORDS = {"member": "党员档案", "member_event": "党员的变动记录", "meeting": "会议记录",
          "meeting_attendance": "会议出席记录", "meeting_guest": "会议列席人员", "meeting_agenda_item": "会议议程",
          "meeting_motion": "会议决议", "meeting_attachment": "会议附件", "study_activity": "学习活动",
          "study_credit": "学时记录", "certification": "技能证书", "study_material": "学习资料", "notice": "通知",
          "notice_attachment": "通知附件", "notice_receipt": "通知回执", "talk": "谈心谈话记录",
          "talk_member": "谈心谈话对象", "organisation": "组织信息"}


def kind_words(record_type: str) -> str:
    """A record type in the office's words (会议记录, 党员档案); an unknown one as it is named."""
    return _WORDS.get(record_type, record_type)


def take_out(records: list[dict[str, Any]], manifest: Manifest) -> tuple[list[dict[str, str]], list[dict[str, Any]]]:
    """The refusals a package carries (their data), each checked, and the package's other records."""
    found = [r for r in records if r.get("type") == REFUSAL_TYPE]
    if not found:
        return [], records
    told: list[dict[str, str]] = []
    for record in found:
        data: Any = record.get("data")
        if record.get("owner_site") != manifest.origin.site_id or not _sound(data):
            raise PackageRejected("damaged", "数据包里的退回记录通知不合格式：文件已损坏或被改动。未导入任何数据。")
        told.append(data)
    return told, [r for r in records if r.get("type") != REFUSAL_TYPE]


def _sound(data: object) -> bool:
    """Whether a refusal's data is as ``refusal_repo.refusal_lines`` writes it."""
    if not isinstance(data, dict) or set(data) != FIELDS or not all(isinstance(v, str) for v in data.values()):
        return False
    if data["state"] not in (REFUSED, CLEARED) or len(data["record_id"]) > 64 or len(data["record_type"]) > 40 \
            or len(data["version"]) > 80 or len(data["reason"]) > 500:
        return False
    try:
        return datetime.fromisoformat(data["at"]).tzinfo is None  # UTC without a zone, as written
    except ValueError:
        return False


def note(session: Session, peer: sync_repo.Peer, staged: Sequence[Staged], decisions: Sequence[Decision]) -> None:
    """Inside an import's transaction: the sender's own records refused, to be told to it; those refused
    before and taken now, cleared."""
    rejected = Outcome.REJECTED
    refused = [(str(s.record["type"]), str(s.record["id"]), str(s.record["version"]), d.reason)
               for s, d in zip(staged, decisions, strict=True)
               if d.outcome is rejected and s.record["owner_site"] == peer.site_id]
    taken = ((str(s.record["type"]), str(s.record["id"])) for s, d in zip(staged, decisions, strict=True)
             if d.outcome is not rejected)
    refusal_repo.note_outcomes(session, peer.site_id, peer.next_channel_seq, refused, taken)


def told(session: Session, peer: sync_repo.Peer, refusals: Sequence[dict[str, str]], *,
         apply: bool = True) -> Told:
    """Inside an import's transaction: what the peer told us it refused of ours, remembered, and in words
    (``apply`` False: only said, for a dry run)."""
    if not refusals:
        return Told([], 0, 0, 0)
    fresh, cleared = refusal_repo.take(session, peer.site_id, refusals, apply=apply)
    roots = [r for r in fresh if not r.reason.startswith(ORPHAN)] or fresh
    said = [f"{describe(session, r.record_type, r.record_id)}（{r.reason}）" for r in roots[:NAMED]]
    return Told(said, len(roots) - len(said), len(fresh) - len(roots), cleared)


NAMED = 20  # refused records named one by one in an import's report; beyond, counted (the board has them all)


@dataclass(frozen=True)
class Told:
    """What a package said of our records its sender refused."""

    named: list[str]  # the records newly refused, in words with the reason (at most NAMED)
    more: int  # further such records, not named
    details: int  # records refused only with their parent (a refused meeting's attendance)
    taken: int  # records refused before that the sender has now taken


def describe(session: Session, record_type: str, record_id: str) -> str:
    """A record of ours in the office's words: 党员“王芳”的档案, 会议“……”的出席记录, 学习活动“……”."""
    words = _WORDS.get(record_type, f"{record_type} 记录")
    kind = TYPES_BY_NAME.get(record_type)
    row: Any = session.get(kind.model, record_id) if kind is not None else None
    if row is None:
        return f"一条{words}（本机已没有这条记录）"
    if record_type == "member":
        return f"党员“{row.name}”的档案"
    if record_type == "meeting":
        return f"{row.held_on:%Y-%m-%d}的会议“{row.topic}”"
    meeting = getattr(row, "meeting_id", None)
    if meeting:
        held: Any = session.get(TYPES_BY_NAME["meeting"].model, meeting)
        return f"{held.held_on:%Y-%m-%d}的会议“{held.topic}”的{words.removeprefix('会议')}" if held is not None \
            else words
    member = getattr(row, "member_id", None)
    if member:
        name = sync_repo.member_names(session, [member]).get(member, "")
        return f"党员“{name}”的{words.removeprefix('党员的')}" if name else words
    label = getattr(row, "topic", None) or getattr(row, "title", None)
    return f"{words}“{label}”" if label else words
