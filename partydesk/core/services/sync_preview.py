"""What an import does besides its counts, in words an office reads before it says yes: the committee's
corrections of this office's own records, the members a package adds, the members it deletes, the members
whose records it changes and in which fields, the records it refuses, the sender's edits held behind a
correction of ours, our corrections the sender answered with its own version. Each reads the records as they
are here before the import (the dry run, or the apply before it writes)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from itertools import compress, repeat
from operator import attrgetter, eq, is_, itemgetter
from typing import Any

from partydesk.core.clock import Version
from partydesk.core.domain import fields
from partydesk.core.exchange.merge import Decision, Outcome
from partydesk.core.services import sync_field_words as field_words
from partydesk.core.services.sync_stage import Staged
from partydesk.core.services.sync_words import record_in_words
from partydesk.core.storage import downward_repo, sync_repo
from partydesk.core.storage.sync_records import TYPES_BY_NAME

NAMED = 20  # members named one by one; beyond, a count
_RECORD, _OUTCOME, _TYPE = attrgetter("record"), attrgetter("outcome"), itemgetter("type")
ADDED_NAMED = 10  # new members named (a first package may add 100 000 of them); beyond, a count
REJECTED_NAMED = 100  # refused records named in words; beyond, a count (the reasons are all in ``rejected``)
_NAMED_THINGS = frozenset({"meeting", "talk", "study_activity", "certification"})


def corrections(session: Any, staged: list[Staged], decisions: list[Decision], own_site: str,
                parent: str) -> list[str]:
    """What the parent's corrections in the package do to this office's own records, in words: each member
    whose record it changes or deletes by name (as the member is called here), the other records counted.
    Only a parent sends corrections: any other package (a branch's snapshot at its committee) is not read."""
    if not parent:
        return []
    written = (Outcome.NEW, Outcome.UPDATED)
    ours = [s.record for s, d in zip(staged, decisions, strict=True)
            if d.outcome in written and s.record["owner_site"] == own_site]
    if not ours:
        return []
    members = [r for r in ours if r["type"] == "member"]
    names = sync_repo.member_names(session, [str(r["id"]) for r in members])
    lines = []
    for record in members[:NAMED]:
        name = names.get(str(record["id"])) or str(record["data"].get("name") or "")
        lines.append(f"删除党员“{name}”" if record["deleted"] else f"更正党员“{name}”的档案")
    if len(members) > NAMED:
        lines.append(f"另有 {len(members) - NAMED} 名党员的档案被更正或删除")
    things = [r for r in ours if r["type"] in _NAMED_THINGS][:NAMED]  # 会议“…”, not only a count
    lines += [f"删除{record_in_words(r)}" if r["deleted"] else f"更正{record_in_words(r)}" for r in things]
    if len(ours) > len(members) + len(things):
        lines.append(f"更正本单位的其他记录 {len(ours) - len(members) - len(things)} 条（如党员的组织关系变动、"
                     "会议的出席、学时）")
    return lines


def added(staged: list[Staged], decisions: list[Decision], own_site: str) -> tuple[list[str], int]:
    """The sender's members on its roll the package adds here: the names of the first ``ADDED_NAMED`` (as the
    package has them: they are not here yet), and how many in all; otherwise only "new" records in the counts.
    A record of a member no longer on the roll (transferred out, died: a first package carries them as the
    branch's history) is no member added, and is left to the counts."""
    # One C-level pass picks the new records and another their types: a first package adds 300 000 of them.
    new = list(compress(map(_RECORD, staged), map(is_, map(_OUTCOME, decisions), repeat(Outcome.NEW))))
    members = [r for r in compress(new, map(eq, map(_TYPE, new), repeat("member")))
               if r["deleted"] is False and r["owner_site"] != own_site and r["data"].get("in_branch") is True]
    return [str(r["data"].get("name") or "") for r in members[:ADDED_NAMED]], len(members)


def rejected(session: Any, records: list[dict[str, Any]]) -> list[str]:
    """Refused records in words, the first ``REJECTED_NAMED``: a member by the name held here or sent, a meeting,
    talk, study or certificate by its kind, topic and day; a detail (an attendance, a change of record), or what
    cannot be read of a malformed record, is left blank (its kind and reason say it)."""
    shown = records[:REJECTED_NAMED]
    members = [str(r.get("id")) for r in shown if r.get("type") == "member"]
    names = sync_repo.member_names(session, members) if members else {}
    out = []
    for record in shown:
        data = record.get("data")
        if record.get("type") == "member":
            sent = str(data.get("name") or "") if isinstance(data, Mapping) else ""
            out.append(names.get(str(record.get("id"))) or sent)
        else:
            out.append(record_in_words(record) if record.get("type") in _NAMED_THINGS else "")
    return out


def removed(session: Any, staged: list[Staged], decisions: list[Decision], own_site: str) -> list[str]:
    """The names (as held here, before the import) of the sender's members the package deletes: a branch's
    deletion is otherwise only one more "updated" record in the counts."""
    gone = [s.record for s, d in zip(staged, decisions, strict=True)
            if d.outcome is Outcome.UPDATED and s.record["type"] == "member" and s.record["deleted"] is True
            and s.record["owner_site"] != own_site]
    if not gone:
        return []
    names = sync_repo.member_names(session, [str(r["id"]) for r in gone])
    return [names.get(str(r["id"])) or str(r["data"].get("name") or r["id"]) for r in gone]


def changed(session: Any, staged: list[Staged], decisions: list[Decision], own_site: str) -> tuple[list[str], int]:
    """The sender's members whose records the package changes (not deletes), each by the name held here with the
    fields that change: 王芳（联系电话、工作单位）. The first ``NAMED`` of them, and how many there are in all (one
    sent again with the same content, only a new version, is left out where it is looked at)."""
    kind = TYPES_BY_NAME["member"]
    found = [s.record for s, d in zip(staged, decisions, strict=True)
             if d.outcome is Outcome.UPDATED and s.record["type"] == "member" and s.record["deleted"] is False
             and s.record["owner_site"] != own_site]
    names = sync_repo.member_names(session, [str(r["id"]) for r in found[:4 * NAMED]])
    said: list[str] = []
    compared = 0
    for record in found:
        if len(said) >= NAMED:  # the rest only counted
            break
        compared += 1
        fields_said = _differing(session, kind, record)
        if fields_said:
            name = names.get(str(record["id"])) or str(record["data"].get("name") or "")
            said.append(f"{name}（{fields_said}）")
    return said, len(said) + len(found) - compared


def _differing(session: Any, kind: Any, record: dict[str, Any]) -> str:
    """The fields in which a received record differs from the row here, in words (联系电话、工作单位): members'
    in the order of the member form, others' in their columns' order; "" when none does."""
    local = sync_repo.local_values(session, kind, str(record["id"])) or {}
    here = {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in local.items()}
    incoming = record["data"]
    keys = [k for k in incoming if here.get(k) != incoming.get(k)]
    if kind.name == "member":
        keys.sort(key=_form_order)
    else:  # as the record's own columns come (会议类型, 主题, 日期, … 地点, 主持人), not by the columns' names
        position = {c.name: i for i, c in enumerate(kind.model.__table__.columns)}
        keys.sort(key=lambda k: position.get(k, len(position)))
    # Only fields with a name: bookkeeping a field carries along (姓名's pinyin, a date's precision) is no news.
    said = (field_words.label(kind.name, k) for k in keys)
    return "、".join(dict.fromkeys(label for label, key in zip(said, keys, strict=True) if label != key))


@cache
def _form_positions() -> dict[str, int]:
    return {f.key: i for i, f in enumerate(fields.FIELDS)}


def _form_order(key: str) -> tuple[int, str]:
    """A member's field by where the member form has it (姓名 before 联系电话 before 家庭住址), others after."""
    return _form_positions().get(key, len(fields.FIELDS)), key


def held(session: Any, staged: list[Staged], decisions: list[Decision], own_site: str) -> tuple[list[str], list[str]]:
    """The sender's records it changed after the version we corrected and before our correction reached it
    (its version is newer than the one our correction replaced, older than ours): counted unchanged, ours stays,
    and the sender meets it as a conflict to decide; said so the office knows the sender changed them too. The
    version we corrected, only sent again (no receipt had come back), is no change of the sender's. (Members by
    name as held here, other records in words.)"""
    older = [s.record for s, d in zip(staged, decisions, strict=True)
             if d.outcome is Outcome.UNCHANGED and s.record["owner_site"] != own_site]
    out = []
    for name in sorted({str(r["type"]) for r in older}):
        group = [r for r in older if r["type"] == name]
        states = sync_repo.local_states(session, TYPES_BY_NAME[name], [str(r["id"]) for r in group])
        under = [r for r in group if (local := states.get(str(r["id"]))) is not None
                 and r["version"] < local.version and Version.decode(local.version).site_id == own_site]
        bases = downward_repo.corrected_bases(session, name, [str(r["id"]) for r in under])
        out += [r for r in under if (base := bases.get(str(r["id"]))) is not None and r["version"] > base]
    return (named(session, [r for r in out if r["type"] == "member"]),
            named(session, [r for r in out if r["type"] != "member"]))


def declined(session: Any, staged: list[Staged], decisions: list[Decision], own_site: str) -> tuple[list[str], int]:
    """The sender's records we corrected that come back unlike our correction, naming it as their base: the
    sender saw our correction and kept its own version (保留本机的版本), or changed the record after taking it
    (this package cannot tell which). Applied as the owner's word, its version takes the place of our correction
    here: said, with the fields that differ, or the office would never know (王芳（联系电话）; 会议“…”
    （2026-06-15）：地点). Members first, then meetings, talks, studies and certificates; the first ``NAMED`` of
    those, and how many records there are in all (a meeting's attendance, a member's change counted, not named).
    Deleted records are not among them: a deletion is said as such (``removed``)."""
    answered = [s.record for s, d in zip(staged, decisions, strict=True)
                if d.outcome is Outcome.UPDATED and s.record["base_version"] and s.record["owner_site"] != own_site
                and not s.record["deleted"]]
    out: list[tuple[dict[str, Any], str]] = []
    for name in sorted({str(r["type"]) for r in answered}):
        group = [r for r in answered if r["type"] == name]
        states = sync_repo.local_states(session, TYPES_BY_NAME[name], [str(r["id"]) for r in group])
        # Updated over a version of ours (a correction: only so does a version of ours of another's record come
        # about), the sender naming it as its base (``merge.decide``).
        out += [(r, said) for r in group if (local := states.get(str(r["id"]))) is not None
                and Version.decode(local.version).site_id == own_site
                and (said := _differing(session, TYPES_BY_NAME[name], r))]
    members = [(r, said) for r, said in out if r["type"] == "member"][:NAMED]
    things = [(r, said) for r, said in out if r["type"] in _NAMED_THINGS][:NAMED - len(members)]
    lines = ([f"{name}（{said}）" for name, (_r, said) in zip(named(session, [r for r, _s in members]), members,
                                                             strict=True)]
             + [f"{record_in_words(r)}：{said}" for r, said in things])
    return lines, len(out)


def named(session: Any, records: list[dict[str, Any]]) -> list[str]:
    """Records in words: a member by the name held here, any other by its kind, topic and day."""
    members = [str(r["id"]) for r in records if r["type"] == "member"]
    names = sync_repo.member_names(session, members) if members else {}
    return [names.get(str(r["id"])) or str(r["data"].get("name") or r["id"]) if r["type"] == "member"
            else record_in_words(r) for r in records]
