"""Member use cases (花名册): add, edit, delete with a reason, record events, read the roster.

Every write runs in one transaction through ``Database.write`` and returns a Changes record; the rows
themselves are written by ``storage.member_repo``, which takes and returns frozen records, so this module
decides (checks, event plans, derived state) and never touches an ORM row. A record with any
error-level issue is refused whole with ``MemberInvalid`` naming every problem by field key; nothing is
written. Duplicate ID numbers are refused, never merged (RELIABILITY §0.7). Reads of personal data
take the reading ``Actor`` second, where access checks and auditing will hang.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from partydesk.core.changes import Actor, ChangeKind, Changes
from partydesk.core.domain import codes, fields
from partydesk.core.domain.member import (
    CATEGORY_PROBATIONARY,
    CheckRules,
    MemberData,
    MemberInput,
    check_member,
    party_group_text,
)
from partydesk.core.domain.member_events import (
    EVENT_LABELS,
    LEAVING_REASON,
    SUSPENSION_GROUND,
    DerivedState,
    EventKind,
    MemberEvent,
    PlannedEvent,
    derive_state,
    plan_events,
)
from partydesk.core.domain.membership import StatusRules, lost_too_soon, record_issues, refusal
from partydesk.core.domain.partial_date import in_words
from partydesk.core.domain.pinyin import pinyin_key
from partydesk.core.domain.probation import off_probation_end, probation_end
from partydesk.core.domain.roster import MemberRecord, RosterRow
from partydesk.core.domain.validate import Issue
from partydesk.core.errors import KnownError, ValidationError
from partydesk.core.services.rules import rule_values
from partydesk.core.storage import meeting_repo, member_repo
from partydesk.core.storage.database import Database

# A deleted member's tombstone keeps its id, organisation and sync bookkeeping only: every data field
# goes back to empty, since in a branch of thirty people even 民族 plus 入党日期 identifies someone.
PERSONAL_FIELDS: dict[str, object] = {**fields.wiped_values(), "name_pinyin": ""}


log = logging.getLogger(__name__)


class MemberInvalid(ValidationError):
    """A member record that cannot be saved; ``issues`` lists every problem, errors first."""

    def __init__(self, issues: list[Issue]) -> None:
        errors = [i for i in issues if i.severity == "error"]
        first = errors[0] if errors else issues[0]
        super().__init__("；".join(i.message for i in errors) or first.message, field=first.field,
                         code=first.code)
        self.issues = issues


@dataclass(frozen=True)
class MemberSaved:
    """What a save did: the change record, the member's id and any warnings the user should see."""

    changes: Changes
    member_id: str
    warnings: list[Issue] = field(default_factory=list)


def check_rules(db: Database) -> CheckRules:
    """The checking numbers from the rule table."""
    values = rule_values(db)
    probation = values.get("probation.months", 12)
    extension = values.get("probation.extension_max.months", 12)
    return CheckRules(min_join_age=values.get("recruit.min_age.years", 18),
                      probation_min_months=probation - 1, probation_max_months=probation + extension + 1)


def status_rules(db: Database) -> StatusRules:
    """The 党籍 rule numbers from the rule table."""
    values = rule_values(db)
    return StatusRules(lost_months=values.get("lost_contact.months", 6),
                       abroad_years=values.get("suspend.abroad.years", 5),
                       probation_months=values.get("probation.months", 12),
                       extension_max_months=values.get("probation.extension_max.months", 12),
                       suspended_years=values.get("suspend.remove.years", 2))


def validate(db: Database, data: MemberInput, *, today: date | None = None) -> tuple[MemberData, list[Issue]]:
    """Check a member without saving: the clean data and its warnings, or MemberInvalid."""
    result = check_member(data, today=today or date.today(), rules=check_rules(db))
    if result.data is None:
        raise MemberInvalid(result.issues)
    return result.data, result.warnings


def _status_issues(session: Session, data: MemberData, member_id: str | None, today: date,
                   rules: StatusRules) -> list[Issue]:
    """The 党籍 transition rules for a form save: errors refuse the save (MemberInvalid), warnings return."""
    events = member_repo.events_of(session, member_id) if member_id else []
    current = derive_state(events, base_category=data.category) if member_id else None
    issues = record_issues(data, current, events, today=today, rules=rules)
    if any(i.severity == "error" for i in issues):
        raise MemberInvalid(issues)
    return issues


def _org_id(db: Database) -> str:
    if db.site is None or db.site.organisation_id is None:
        raise ValidationError("请先完成初始设置（填写党组织信息）。", code="not_set_up")
    return db.site.organisation_id


def _refuse_duplicate(session: Session, data: MemberData, member_id: str | None, org_id: str) -> None:
    """The same person twice on one organisation's roll is refused. On two rolls (a committee's file holds
    every branch's) it is not: a person may be half-way through a transfer, and the committee has to be
    able to correct either record; the to-do check 同时出现在 names such people instead."""
    others = [(i, n) for i, n in member_repo.live_ids_by_number(session, data.id_number, org_id)
              if i != member_id]
    if others:
        raise MemberInvalid([Issue(
            "id_number", "duplicate_id",
            f"公民身份号码与已有党员“{others[0][1]}”相同。同一人不能登记两次；如是转入人员，请先核对原记录。",
            "error",
        )])


def save_member(session: Session, *, org_id: str, data: MemberData, stored: MemberRecord | None,
                today: date) -> str:
    """Write one checked member and the events its state needs (shared by forms and the importer).

    ``stored`` None adds a member; otherwise that live member (as the caller just read it) is updated.
    The events are written first and the member's row once, data and derived state together: one
    row read per save instead of three, which the importer feels at thousands of updated rows.
    Returns the member's id.
    """
    if stored is None:
        member_id = member_repo.insert_member(session, org_id=org_id, data=data, pinyin=pinyin_key(data.name))
        current: list[MemberEvent] = []
        in_branch = True
    else:
        member_id, in_branch = stored.id, stored.in_branch
        current = member_repo.events_of(session, member_id)
    target = DerivedState(
        data.category, data.joined_on, data.confirmed_on, data.membership_status, data.lost_contact,
        data.lost_since, data.lost_cause, data.migrant, data.migrant_destination, data.migrant_since, in_branch,
    )
    plan = plan_events(current, target, today=today)
    _refuse_status_change(current, target, plan, today)
    _apply_plan(session, member_id, plan)
    state = derive_state(member_repo.events_of(session, member_id), base_category=data.category)
    member_repo.set_fields(session, member_id,
                           {**data.as_dict(), "name_pinyin": pinyin_key(data.name), **asdict(state)})
    return member_id


def _refuse_status_change(current: list[MemberEvent], target: DerivedState, plan: list[PlannedEvent],
                          today: date) -> None:
    """The transition table for a 党籍状态 set directly (form, import): 停止党籍 needs its grounds."""
    now = derive_state(current, base_category=target.category)
    for planned in plan:
        if planned.kind in (EventKind.SUSPENDED, EventKind.RESTORED):
            lost = (target.lost_contact, target.lost_since) if planned.kind is EventKind.SUSPENDED else (
                now.lost_contact, now.lost_since)
            state = DerivedState(**{**asdict(now), "lost_contact": lost[0], "lost_since": lost[1]})
            why = refusal(planned.kind, state, current, on_date=today, detail=planned.detail)
            if why is not None:
                raise MemberInvalid([Issue("membership_status", "transition", why, "error")])


def _apply_plan(session: Session, member_id: str, plan: list[PlannedEvent]) -> None:
    for planned in plan:
        if planned.replaces:
            done = (member_repo.withdraw_event(session, planned.replaces) if planned.remove  # entered by mistake
                    else member_repo.update_event(session, planned.replaces, on_date=planned.on_date,
                                                  detail=planned.detail))
            if done:
                continue
        member_repo.add_event(session, member_id=member_id, kind=planned.kind, on_date=planned.on_date,
                              detail=planned.detail)


def _rederive(session: Session, member_id: str, *, base_category: str) -> None:
    state = derive_state(member_repo.events_of(session, member_id), base_category=base_category)
    member_repo.set_fields(session, member_id, asdict(state))


def _not_found() -> ValidationError:
    return ValidationError("找不到这名党员，可能已被删除。", code="not_found")


def add_member(db: Database, actor: Actor, *, data: MemberInput, today: date | None = None) -> MemberSaved:
    """Add a new member."""
    today = today or date.today()
    clean, warnings = validate(db, data, today=today)
    org_id = _org_id(db)
    rules = status_rules(db)  # read before the write: one connection
    with db.write(actor, action="member.add") as session:
        _refuse_duplicate(session, clean, None, org_id)
        warnings += _status_issues(session, clean, None, today, rules)
        member_id = save_member(session, org_id=org_id, data=clean, stored=None, today=today)
    return MemberSaved(Changes.of(ChangeKind.MEMBER, member_id), member_id, warnings)


def update_member(
    db: Database, actor: Actor, *, member_id: str, data: MemberInput, today: date | None = None
) -> MemberSaved:
    """Save an edited member; changed state fields become dated events."""
    today = today or date.today()
    clean, warnings = validate(db, data, today=today)
    rules = status_rules(db)
    with db.write(actor, action="member.update") as session:
        stored = member_repo.get_member(session, member_id)
        if stored is None:
            raise _not_found()
        _refuse_duplicate(session, clean, member_id, stored.org_id)
        warnings += _status_issues(session, clean, member_id, today, rules)
        save_member(session, org_id=stored.org_id, data=clean, stored=stored, today=today)
    return MemberSaved(Changes.of(ChangeKind.MEMBER, member_id), member_id, warnings)


def delete_member(db: Database, actor: Actor, *, member_id: str, reason: str) -> Changes:
    """Delete with a reason: a tombstone whose personal fields are wiped (never a hard delete)."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("请填写删除原因。", field="reason", code="required")
    with db.write(actor, action="member.delete") as session:
        if member_repo.get_member(session, member_id) is None:
            raise _not_found()
        member_repo.tombstone_member(session, member_id, wiped=PERSONAL_FIELDS, reason=reason[:500])
    # The WAL still holds the old pages with the person's details until a checkpoint folds it into the
    # main file (where secure_delete has zeroed them): do it now rather than at exit.
    try:
        db.checkpoint()
    except KnownError:
        log.warning("checkpoint after a member deletion failed; it happens again at exit", exc_info=True)
    return Changes.of(ChangeKind.MEMBER, member_id)


@dataclass(frozen=True)
class GroupAssigned:
    """What putting members in a 党小组 did: the change record, how many moved, how many were in it already,
    and how many were no longer on file (deleted meanwhile)."""

    changes: Changes
    moved: int
    already: int
    gone: int


def assign_party_group(db: Database, actor: Actor, *, member_ids: Sequence[str], party_group: str) -> GroupAssigned:
    """Put these members in 党小组 ``party_group`` ("" takes them out of any), in one write.

    Only the group changes; members already in it keep their record as it is (no new version to send).
    On a committee a branch's member so changed is a correction, as with any edit of it.
    """
    group = party_group_text(party_group)
    wanted = list(dict.fromkeys(member_ids))
    if not wanted:
        raise ValidationError("请先在花名册中选择党员。", field="members", code="none_selected")
    with db.write(actor, action="member.party_group") as session:
        moved, already = member_repo.set_party_group(session, wanted, group)
    changes = Changes.of(ChangeKind.MEMBER, *moved) if moved else Changes()
    return GroupAssigned(changes, len(moved), len(already), len(wanted) - len(moved) - len(already))


EVENT_DETAIL_RULES: dict[EventKind, tuple[codes.CodeTable | None, bool]] = {
    # kind -> (code table for detail, detail required)
    EventKind.LOST: (codes.LOST_CONTACT_CAUSE, False),
    EventKind.MIGRANT_OUT: (None, True),
    EventKind.SUSPENDED: (SUSPENSION_GROUND, True),
    EventKind.LEFT: (LEAVING_REASON, True),
    EventKind.DISCIPLINE: (None, True),
    EventKind.PROBATION_EXTENDED: (None, True),
}
_DETAIL_NAMES = {EventKind.MIGRANT_OUT: "外出流向", EventKind.SUSPENDED: "停止党籍的原因", EventKind.LEFT: "出党方式",
                 EventKind.DISCIPLINE: "处分种类", EventKind.PROBATION_EXTENDED: "延长的月数"}


@dataclass(frozen=True)
class EventSaved:
    """What recording an event did: the change record and any warnings the user should see."""

    changes: Changes
    warnings: list[str] = field(default_factory=list)


def add_event(
    db: Database, actor: Actor, *, member_id: str, kind: EventKind, on_date: date, detail: str = "",
    note: str = "", today: date | None = None,
) -> EventSaved:
    """Record a dated event (转正, 失联, 停止党籍, 处分, 转出, 去世 …) if the transition table allows it; the
    member's state is derived again. Warnings: a 转正 not on the day probation ends, 失联 too soon."""
    today = today or date.today()
    if on_date > today:
        raise ValidationError("变动日期不能晚于今天。", field="on_date", code="date_future")
    table, required = EVENT_DETAIL_RULES.get(kind, (None, False))
    detail = detail.strip()
    if table is not None and detail:
        detail = table.code_of(detail)
    rules = status_rules(db)
    warnings: list[str] = []
    with db.write(actor, action="member.event") as session:
        stored = member_repo.get_member(session, member_id)
        if stored is None:
            raise _not_found()
        row = stored.data
        events = member_repo.events_of(session, member_id)
        state = derive_state(events, base_category=row.category)
        why = refusal(kind, state, events, on_date=on_date, detail=detail, rules=rules)
        if why is not None:
            field_name = "detail" if kind in (EventKind.SUSPENDED, EventKind.PROBATION_EXTENDED) else "kind"
            raise ValidationError(why, field=field_name, code="event_not_applicable")
        if required and not detail:
            what = _DETAIL_NAMES.get(kind, "说明")
            raise ValidationError(f"“{EVENT_LABELS[kind]}”须填写{what}。", field="detail", code="required")
        if row.birth_date and on_date < row.birth_date:
            raise ValidationError("变动日期早于出生日期。", field="on_date", code="date_order")
        if kind is EventKind.CONFIRMED and row.joined_on and on_date <= row.joined_on:
            raise ValidationError("转正日期必须晚于入党日期。", field="on_date", code="date_order")
        if kind is EventKind.CONFIRMED:
            off_end = off_probation_end(on_date, row.joined_on, events, months=rules.probation_months)
            if off_end:
                warnings.append(f"{off_end}。")
        if kind is EventKind.LOST:
            warnings += _lost_warnings(session, member_id, on_date, today, rules)
        member_repo.add_event(session, member_id=member_id, kind=kind, on_date=on_date, detail=detail,
                              note=note.strip()[:2000])
        _rederive(session, member_id, base_category=row.category)
    return EventSaved(Changes.of(ChangeKind.MEMBER, member_id), warnings)


def _lost_warnings(session: Session, member_id: str, on_date: date, today: date, rules: StatusRules) -> list[str]:
    """失联 counts from the last 组织生活 (or 党费): a later attendance, or less than the rule's months, warns."""
    out = []
    last = meeting_repo.last_attended(session, member_id)
    if last is not None and last > on_date:
        out.append(f"这名党员{in_words(last)}还参加过组织生活；失联应从最后一次参加组织生活或交纳党费之日算起，"
                   "请核对日期。")
    warning = lost_too_soon(max(on_date, last or on_date), today, rules)
    if warning:
        out.append(warning + "。")
    return out


def last_activity(db: Database, actor: Actor, member_id: str) -> date | None:
    """The member's last 组织生活 (a meeting attended): where 失联 is counted from."""
    with db.read() as session:
        return meeting_repo.last_attended(session, member_id)


def probation_ends(db: Database, actor: Actor, member_id: str) -> date | None:
    """预备期满之日 of a member (入党 + the rule's months + any extension): the default 转正 date."""
    months = status_rules(db).probation_months
    with db.read() as session:
        stored = member_repo.get_member(session, member_id)
        if stored is None:
            return None
        return probation_end(stored.data.joined_on, member_repo.events_of(session, member_id), months=months)


def withdraw_event(db: Database, actor: Actor, *, event_id: str, reason: str) -> Changes:
    """Take back an event recorded by mistake (the row stays as a tombstone for sync); state is re-derived.

    入党 cannot be withdrawn: correct its date in the member form instead.
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError("请填写撤销原因。", field="reason", code="required")
    with db.write(actor, action="member.event") as session:
        ev = member_repo.get_event(session, event_id)
        if ev is None:
            raise ValidationError("找不到这条变动记录，可能已被撤销。", code="not_found")
        if ev.kind is EventKind.JOINED:
            raise ValidationError("入党记录不能撤销；如日期有误，请在“编辑”中更正入党日期。", code="joined_fixed")
        stored = member_repo.get_member(session, ev.member_id)
        if stored is None:
            raise _not_found()
        member_id = stored.id
        member_repo.withdraw_event(session, event_id, note=f"已撤销：{reason[:200]}")
        # No 转正 left: back to what the events say.
        base = CATEGORY_PROBATIONARY if ev.kind is EventKind.CONFIRMED else stored.data.category
        _rederive(session, member_id, base_category=base)
    return Changes.of(ChangeKind.MEMBER, member_id)


def get_member(db: Database, actor: Actor, member_id: str) -> MemberRecord | None:
    """One live member (personal data: the actor is who reads it)."""
    with db.read() as session:
        return member_repo.get_member(session, member_id)


def member_events(db: Database, actor: Actor, member_id: str) -> list[MemberEvent]:
    """A member's timeline, oldest first."""
    with db.read() as session:
        return member_repo.events_of(session, member_id)


def roster(db: Database, actor: Actor, *, include_departed: bool = True) -> list[RosterRow]:
    """Every live member, as roster rows (personal data: the actor is who reads it)."""
    with db.read() as session:
        return member_repo.roster_rows(session, include_departed=include_departed)
