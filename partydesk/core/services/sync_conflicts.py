"""The conflict review queue (SYNC.md "Conflicts"): both versions side by side, and a person's decision.

Keeping the local version closes the conflict and makes the local row a new version ("the human decision
becomes a new version that syncs back", SYNC.md): the values stay, the row travels in the next package to
the other side — as a correction when the record is another site's — where it supersedes what was sent, or
is queued there in turn if that side changed it again. Without it both sides could keep their own and
silently stay apart. Taking the incoming version writes it as it arrived (the owner's version, through the
remote path), provided the row has not changed again since the conflict was queued — otherwise the person is
asked to look again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from partydesk.core.changes import Actor, ChangeKind, Changes
from partydesk.core.domain.organisation import short_name
from partydesk.core.errors import ValidationError
from partydesk.core.services import branches
from partydesk.core.services import sync_field_words as field_words
from partydesk.core.storage import settings_repo, sync_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.downward_repo import note_applied
from partydesk.core.storage.sync_records import TYPES_BY_NAME


@dataclass(frozen=True)
class Difference:
    """One field that differs: its label, the local value, the incoming value."""

    field: str
    label: str
    local: str
    incoming: str


@dataclass(frozen=True)
class ConflictView:
    """A queued conflict with the fields that differ."""

    id: int
    record_type: str
    record_id: str
    reason: str
    title: str
    differences: list[Difference]
    provenance: str = ""
    """Whose each version is and when it was made, in words ("收到的版本：…修改。\\n本机的版本：…修改。")."""


def open_conflicts(db: Database) -> list[ConflictView]:
    """Every undecided conflict with its differing fields."""
    out = []
    held = branches.branches(db)
    with db.read() as session:
        for entry in sync_repo.open_conflicts(session):
            kind = TYPES_BY_NAME.get(entry.record_type)
            local = sync_repo.local_values(session, kind, entry.record_id) if kind else None
            incoming = entry.incoming.get("data", {})
            local_json = {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in (local or {}).items()}
            kind_name = entry.record_type
            keys = [k for k in sorted(incoming) if local_json.get(k) != incoming.get(k)]
            people = sync_repo.member_names(session, [str(v) for k in keys if k in _PERSON
                                                      for v in (local_json.get(k), incoming.get(k)) if v])
            diffs = [Difference(k, field_words.label(kind_name, k),
                                *(_named(session, held, k, v, people) or field_words.value(kind_name, k, v)
                                  for v in (local_json.get(k), incoming.get(k))))
                     for k in keys]
            title = str(incoming.get("name") or incoming.get("topic") or entry.record_id[:8])
            day = next((str(incoming[k]) for k in ("held_on", "start_on", "on_date") if incoming.get(k)), "")
            if day and kind_name != "member":  # a branch holds 重温入党誓词 in January and again in July
                title = f"{title} {day}"
            org = settings_repo.get_organisation(session, str(incoming["org_id"])) if incoming.get("org_id") else None
            if org is not None and org.name:  # a committee holds many branches, and the same name in several
                # As the 支部 columns name it (what all the branches' names share left off): the list stays narrow.
                title = f"{title}（{held.short_of(org.id) or short_name(org.name)}）"
            out.append(ConflictView(entry.id, entry.record_type, entry.record_id, entry.reason, title, diffs,
                                    _provenance(session, entry, kind)))
    return out


_PERSON = frozenset({"member_id", "by_member_id"})


def _named(session: Any, held: branches.Branches, key: str, value: Any, people: dict[str, str]) -> str:
    """A member or an organisation by name where the record holds its id ('' when it is none of these)."""
    if not value:
        return ""
    if key in _PERSON:
        return people.get(str(value), "")
    if key == "org_id":
        org = settings_repo.get_organisation(session, str(value))
        return held.name_of(str(value)) or (org.name if org is not None else "")
    return ""


def _local_time(value: datetime | None) -> str:
    """A stored UTC time (naive) or a received ISO time, in this computer's time, to the minute."""
    if value is None:
        return ""
    return f"{(value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone():%Y-%m-%d %H:%M}"


def _provenance(session: Any, entry: sync_repo.ConflictEntry, kind: Any) -> str:
    """Who sent the version that arrived and when each version was made: what a person weighs before choosing
    (a later change may simply be the better one; a correction from the committee is said as such)."""
    package = sync_repo.package(session, entry.package_id)
    sender = sync_repo.peer(session, package.peer_site) if package is not None else None
    try:
        made = datetime.fromisoformat(str(entry.incoming.get("updated_at", "")))
    except ValueError:
        made = None
    who = f"“{sender.org_name}”" if sender is not None else "对方"
    if sender is not None and sender.relation == "parent":
        who += "（上级更正）"
    arrived = f"收到的版本：{who}" + (f"于 {_local_time(made)} 修改" if made else "发来")
    arrived += f"，{_local_time(entry.created_at)[:10]} 导入"
    local = _local_time(sync_repo.local_changed_at(session, kind, entry.record_id)) if kind else ""
    return arrived + (f"。\n本机的版本：{local} 修改。" if local else "。")


def resolve(db: Database, actor: Actor, conflict_id: int, *, take_incoming: bool) -> Changes:
    """Decide one conflict."""
    assert db.site is not None
    with db.read() as session:
        found = sync_repo.conflict(session, conflict_id)
    # Taking another office's version of its own record keeps that version as it came. Deciding on the
    # parent's correction of a record we own, either way, is our decision, and (SYNC.md) becomes a version of
    # ours that goes back up naming the correction as its base: taken, or an edit of ours already on its way,
    # older than the decision, would outrank it at the committee and the two copies would stay apart; kept,
    # or the committee, still holding its correction, would queue our decision as a conflict of its own.
    ours = found is not None and found.incoming.get("owner_site") == db.site.site_id
    with db.write(actor, action="sync.resolve", remote=take_incoming and not ours) as session:
        entry = sync_repo.conflict(session, conflict_id)
        if entry is None:
            raise ValidationError("找不到这条冲突记录。", code="not_found")
        kind = TYPES_BY_NAME[entry.record_type]
        if take_incoming:
            now = sync_repo.local_states(session, kind, [entry.record_id]).get(entry.record_id)
            if now is not None and now.version != entry.local_version:
                raise ValidationError("这条记录在冲突登记之后又被修改过，请刷新后重新比较。", code="changed")
            values = sync_repo.decode_data(kind, entry.incoming["data"], entry.incoming.get("type_version"))
            sync_repo.apply_records(session, kind, [(entry.incoming, values)], existing={entry.record_id})
            if ours:
                note_applied(session, [entry.incoming])
                sync_repo.restamp(session, kind, entry.record_id)
        else:
            if ours:
                note_applied(session, [entry.incoming], taken=False)
            sync_repo.restamp(session, kind, entry.record_id)
        if not sync_repo.close_conflict(session, conflict_id, "took_incoming" if take_incoming else "kept_local"):
            raise ValidationError("这条冲突已经处理过了。", code="closed")
    kinds = {"member": ChangeKind.MEMBER, "meeting": ChangeKind.MEETING}
    changes = Changes.of(ChangeKind.SYNC)
    if take_incoming and entry.record_type in kinds:
        changes = changes.merge(Changes.of(kinds[entry.record_type], entry.record_id))
    return changes
