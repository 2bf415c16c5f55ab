"""The 党籍 transition table: which change may be recorded for a member in which standing, and why not.

Every path that changes a member's 党籍 (the member form, 记录变动, an import) asks ``refusal`` before
writing; a refusal is a Chinese sentence naming the rule it comes from. The table is data: one row per
kind of change with the standings it may start from. Guards that need numbers (six months out of contact,
an extension of six to twelve months, once) come from ``StatusRules`` (the rule table).

Sources: 党章 Art. 7 (probation), Art. 9 (劝退, 除名), Art. 40 (处分); 《发展党员工作细则》 (extension once,
6–12 months); 《党员教育管理工作条例》 (停止党籍 and restoring it; no restoring after 除名 or 开除).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from partydesk.core.domain.member import CATEGORY_FULL, MemberData
from partydesk.core.domain.member_events import (
    EVENT_LABELS,
    LEAVING_REASON,
    LEFT_DEAD,
    LEFT_TRANSFERRED,
    STATUS_SUSPENDED,
    SUSPENDED_ABROAD,
    SUSPENDED_LOST,
    SUSPENSION_GROUND,
    WAYS_OUT,
    DerivedState,
    EventKind,
    MemberEvent,
    event_order,
)
from partydesk.core.domain.partial_date import in_words
from partydesk.core.domain.probation import (
    DISCIPLINE,
    OBSERVATION,
    OBSERVATION_MONTHS,
    add_months,
    describe_discipline,
    off_probation_end,
    open_observation,
    parse_discipline,
)
from partydesk.core.domain.validate import Issue

DZ, XZ, JY, CF = "《党章》", "《发展党员工作细则》", "《党员教育管理工作条例》", "《纪律处分条例》"


class Standing(StrEnum):
    """Where a member stands, as far as 党籍 changes go."""

    PROBATIONARY = "预备党员"
    FULL = "正式党员"
    SUSPENDED = "停止党籍"
    LEFT_PARTY = "已出党"
    DEAD = "已去世"
    TRANSFERRED = "已转出"


def standing_of(state: DerivedState) -> Standing:
    """The member's standing from the derived state."""
    if state.left_reason == LEFT_DEAD:
        return Standing.DEAD
    if state.left_reason == LEFT_TRANSFERRED:
        return Standing.TRANSFERRED
    if state.left_reason:
        return Standing.LEFT_PARTY
    if state.membership_status == STATUS_SUSPENDED:
        return Standing.SUSPENDED
    return Standing.FULL if state.category == CATEGORY_FULL else Standing.PROBATIONARY


_P, _F, _S = Standing.PROBATIONARY, Standing.FULL, Standing.SUSPENDED


@dataclass(frozen=True)
class Transition:
    """One row: a kind of change, the standings it may start from, its source and why it is refused."""

    kind: EventKind
    allowed: frozenset[Standing]
    rule: str
    refusal: str


TRANSITIONS: dict[EventKind, Transition] = {t.kind: t for t in (
    Transition(EventKind.CONFIRMED, frozenset({_P}), DZ + "第七条", "只有预备党员才能转为正式党员"),
    Transition(EventKind.PROBATION_EXTENDED, frozenset({_P}), XZ, "只有预备党员才能延长预备期"),
    Transition(EventKind.PROBATION_CANCELLED, frozenset({_P}), DZ + "第七条", "只有预备党员才能取消预备党员资格"),
    Transition(EventKind.SUSPENDED, frozenset({_P, _F}), JY, "只有党籍正常的在册党员才能停止党籍"),
    Transition(EventKind.RESTORED, frozenset({_S}), JY, "恢复党籍只适用于停止党籍的党员"),
    Transition(EventKind.LEFT, frozenset({_F, _S}), DZ + "第九条",
               "预备党员不具备党员条件的，应取消预备党员资格"),
    Transition(EventKind.DISCIPLINE, frozenset({_F}), DZ + "第四十条",
               "党纪处分只记于正式党员；预备党员违纪的，延长预备期或取消预备党员资格"),
    Transition(EventKind.RIGHTS_RESTORED, frozenset({_F}), DZ + "第四十条", "只有受留党察看处分的党员才能恢复党员权利"),
    Transition(EventKind.LOST, frozenset({_P, _F}), JY, "只有在册党员才能登记失去联系"),
    Transition(EventKind.REGAINED, frozenset({_P, _F, _S}), JY, "只有失联党员才能恢复联系"),
    Transition(EventKind.MIGRANT_OUT, frozenset({_P, _F}), JY, "只有党籍正常的在册党员才能登记外出流动"),
    Transition(EventKind.MIGRANT_BACK, frozenset({_P, _F, _S}), JY, "只有流动党员才能登记流动返回"),
    Transition(EventKind.MIGRANT_REPORT, frozenset({_P, _F, _S}), JY, "只有流动党员才能登记流动党员汇报"),
    Transition(EventKind.TRANSFER_OUT, frozenset({_P, _F}), JY, "只有党籍正常的在册党员才能转出组织关系"),
    Transition(EventKind.TRANSFER_IN, frozenset({Standing.TRANSFERRED}), JY, "只有已转出的党员才能再转入"),
    Transition(EventKind.DEATH, frozenset({_P, _F, _S}), JY, "只有在册党员才能登记去世"),
    Transition(EventKind.JOINED, frozenset(), DZ, "入党日期在党员信息中填写"),
    Transition(EventKind.STATUS, frozenset(), JY, "请改为记录“停止党籍”或“恢复党籍”"),
)}

_AFTER_LEAVING = ("已出党（{reason}）：除名、开除党籍或劝退后不能恢复党籍，也不再记录党籍变动；"
                  "本人如再申请入党，应作为新的入党申请人办理")
_AFTER_DEATH = "已去世的党员不再记录变动；如去世记录有误，请撤销那条记录"


@dataclass(frozen=True)
class StatusRules:
    """The rule-table numbers the 党籍 rules use."""

    lost_months: int = 6  # lost_contact.months
    abroad_years: int = 5  # suspend.abroad.years
    probation_months: int = 12  # probation.months
    extension_min_months: int = 6
    extension_max_months: int = 12  # probation.extension_max.months
    suspended_years: int = 2  # suspend.remove.years


def _say(kind: EventKind, why: str, rule: str) -> str:
    return f"不能记录“{EVENT_LABELS[kind]}”：{why}（{rule}）。"


def refusal(kind: EventKind, state: DerivedState, events: Sequence[MemberEvent], *, on_date: date, detail: str,
            rules: StatusRules = StatusRules()) -> str | None:
    """Why ``kind`` dated ``on_date`` cannot be recorded for a member in ``state``; None when it can."""
    row = TRANSITIONS[kind]
    standing = standing_of(state)
    if standing not in row.allowed:
        if standing is Standing.LEFT_PARTY:
            reason = LEAVING_REASON.name(state.left_reason) if state.left_reason in LEAVING_REASON else "出党"
            return _say(kind, _AFTER_LEAVING.format(reason=reason), JY)
        if standing is Standing.DEAD:
            return _say(kind, _AFTER_DEATH, JY)
        return _say(kind, f"{row.refusal}，这名党员目前是{standing.value}", row.rule)
    why = _guard(kind, state, events, on_date, detail, rules)
    return None if why is None else _say(kind, why[0], why[1])


def _guard(kind: EventKind, state: DerivedState, events: Sequence[MemberEvent], on_date: date, detail: str,
           rules: StatusRules) -> tuple[str, str] | None:
    if kind is EventKind.SUSPENDED:
        return suspension_refusal(state, on_date, detail, rules)
    if kind is EventKind.PROBATION_EXTENDED:
        if any(ev.kind is EventKind.PROBATION_EXTENDED for ev in events):
            return "预备期只能延长一次，这名党员已经延长过", XZ
        length = int(detail) if detail.isdigit() else 0
        if not rules.extension_min_months <= length <= rules.extension_max_months:
            return (f"延长预备期不能少于{rules.extension_min_months}个月、不能超过{rules.extension_max_months}个月"
                    f"（填写的是{detail or '空'}）"), XZ
    if kind is EventKind.LOST and state.lost_contact:
        return "这名党员已登记为失联", JY
    if kind is EventKind.REGAINED and not state.lost_contact:
        return "这名党员没有登记为失联", JY
    if kind is EventKind.MIGRANT_OUT and state.migrant:
        return "这名党员已登记为外出流动", JY
    if kind in (EventKind.MIGRANT_BACK, EventKind.MIGRANT_REPORT) and not state.migrant:
        return "这名党员没有登记为外出流动", JY
    if kind is EventKind.LEFT and detail not in WAYS_OUT:
        return "请选择出党的方式（劝其退党、劝而不退除名、自行脱党除名、退党除名或开除党籍）", DZ + "第九条"
    if kind is EventKind.DISCIPLINE:
        code, period = parse_discipline(detail)
        if code not in DISCIPLINE:
            return "请选择处分种类", DZ + "第四十条"
        if code == OBSERVATION and period not in OBSERVATION_MONTHS:
            return "留党察看的期限为一年或二年", DZ + "第四十条"
        if code == OBSERVATION and open_observation(events) is not None:
            return "这名党员的留党察看尚未作出结论", DZ + "第四十条"
    if kind is EventKind.RIGHTS_RESTORED:
        observation = open_observation(events)
        if observation is None:
            return "这名党员没有未作结论的留党察看", DZ + "第四十条"
        if on_date < observation.ends:
            return f"留党察看期满（{in_words(observation.ends)}）后才能恢复党员权利", DZ + "第四十条"
    return None


def suspension_refusal(state: DerivedState, on_date: date, ground: str,
                       rules: StatusRules = StatusRules()) -> tuple[str, str] | None:
    """Why 停止党籍 on ``on_date`` is not allowed (message, source), or None.

    Only for a member out of contact for the rule's months whom searching has not found (``ground`` 1), or
    abroad (settled or studying) beyond the rule's years without returning (``ground`` 2).
    """
    if ground == SUSPENDED_LOST:
        if not state.lost_contact or state.lost_since is None:
            return "停止党籍须先登记失去联系，且失联满六个月经查找仍无音讯；这名党员没有失联记录", JY
        due = add_months(state.lost_since, rules.lost_months)
        if on_date < due:
            return (f"失去联系须满{rules.lost_months}个月（自{in_words(state.lost_since)}起，"
                    f"{in_words(due)}才满）"), JY
        return None
    if ground == SUSPENDED_ABROAD:
        if not state.migrant or state.migrant_since is None:
            return "出国（境）逾期未归的，须先登记外出流动（流向、外出日期）", JY
        due = add_months(state.migrant_since, rules.abroad_years * 12)
        if on_date < due:
            return f"出国（境）须满{rules.abroad_years}年未归（{in_words(due)}才满）", JY
        return None
    return "请选择停止党籍的原因：失联满六个月经查找仍无音讯，或出国（境）逾期未归", JY


def offered_kinds(state: DerivedState, events: Sequence[MemberEvent] | None = None) -> list[EventKind]:
    """The changes the 记录变动 form offers a member in ``state`` (allowed by the table, not a no-op); with the
    member's ``events``, 恢复党员权利 only to a member under a 留党察看 not yet decided."""
    standing = standing_of(state)
    toggles = {EventKind.LOST: not state.lost_contact, EventKind.REGAINED: state.lost_contact,
               EventKind.MIGRANT_OUT: not state.migrant, EventKind.MIGRANT_BACK: state.migrant,
               EventKind.MIGRANT_REPORT: state.migrant}
    if events is not None:
        toggles[EventKind.RIGHTS_RESTORED] = open_observation(events) is not None
    return [kind for kind in ORDER if standing in TRANSITIONS[kind].allowed and toggles.get(kind, True)]


ORDER = (EventKind.CONFIRMED, EventKind.PROBATION_EXTENDED, EventKind.PROBATION_CANCELLED, EventKind.LOST,
         EventKind.REGAINED, EventKind.MIGRANT_OUT, EventKind.MIGRANT_BACK, EventKind.MIGRANT_REPORT,
         EventKind.SUSPENDED,
         EventKind.RESTORED, EventKind.DISCIPLINE, EventKind.RIGHTS_RESTORED, EventKind.LEFT,
         EventKind.TRANSFER_OUT, EventKind.TRANSFER_IN, EventKind.DEATH)


def record_issues(data: MemberData, current: DerivedState | None, events: Sequence[MemberEvent], *, today: date,
                  rules: StatusRules = StatusRules()) -> list[Issue]:
    """The 党籍 rules a member record (form or import row) must meet, against the stored ``current`` state.

    Errors: 停止党籍 set without its grounds; any change of 党籍状态 for a member who left the roll.
    Warnings: a 转正 date other than the day probation ends; 失联 marked less than the rule's months ago.
    """
    issues: list[Issue] = []
    was = current.membership_status if current is not None else "10"
    if data.membership_status != was:
        kind = EventKind.SUSPENDED if data.membership_status == STATUS_SUSPENDED else EventKind.RESTORED
        state = DerivedState(data.category, data.joined_on, data.confirmed_on, was, data.lost_contact,
                             data.lost_since, data.lost_cause, data.migrant, data.migrant_destination,
                             data.migrant_since, True, *(("", None) if current is None else
                                                         (current.left_reason, current.left_on)))
        why = refusal(kind, state, events, on_date=today, detail=SUSPENDED_LOST, rules=rules)
        if why is not None:
            issues.append(Issue("membership_status", "transition", why, "error"))
    off_end = "" if data.confirmed_on is None or (current is not None and current.confirmed_on == data.confirmed_on) \
        else off_probation_end(data.confirmed_on, data.joined_on, events, months=rules.probation_months)
    if off_end:
        issues.append(Issue("confirmed_on", "not_probation_end", f"{off_end}（{DZ}第七条）", "warning"))
    if data.lost_contact and data.lost_since is not None and (
            current is None or not current.lost_contact or current.lost_since != data.lost_since):
        warning = lost_too_soon(data.lost_since, today, rules)
        if warning:
            issues.append(Issue("lost_since", "lost_too_soon", warning, "warning"))
    return issues


def lost_too_soon(lost_since: date, on_date: date, rules: StatusRules = StatusRules()) -> str:
    """A warning when a member counted lost since ``lost_since`` has not been out of contact the rule's months
    by ``on_date`` ("" when long enough)."""
    due = add_months(lost_since, rules.lost_months)
    if on_date >= due:
        return ""
    return (f"失去联系不满{rules.lost_months}个月（自{in_words(lost_since)}起，{in_words(due)}才满），"
            f"一般还不认定为失联党员（{JY}）")


def describe_status_detail(kind: EventKind, detail: str) -> str:
    """The detail of a 党籍 event in words ("" for other kinds): 延长六个月, the way of 出党, the 处分."""
    if kind is EventKind.PROBATION_EXTENDED and detail.isdigit():
        return f"延长{detail}个月"
    if kind is EventKind.SUSPENDED and detail in SUSPENSION_GROUND:
        return f"原因：{SUSPENSION_GROUND.name(detail)}"
    if kind is EventKind.LEFT and detail in LEAVING_REASON:
        return f"方式：{LEAVING_REASON.name(detail)}"
    if kind is EventKind.DISCIPLINE:
        return f"处分：{describe_discipline(detail)}"
    return ""


def suspended_periods(events: Iterable[MemberEvent]) -> list[tuple[date, date | None]]:
    """The spans under 停止党籍 (start, end or None while it lasts), for 党龄, which leaves them out."""
    spans: list[tuple[date, date | None]] = []
    start: date | None = None
    for ev in sorted(events, key=event_order):
        suspends = ev.kind is EventKind.SUSPENDED or (ev.kind is EventKind.STATUS and ev.detail == STATUS_SUSPENDED)
        restores = ev.kind is EventKind.RESTORED or (ev.kind is EventKind.STATUS and ev.detail == "10")
        if suspends and start is None and ev.on_date is not None:
            start = ev.on_date
        elif restores and start is not None:
            spans.append((start, ev.on_date))
            start = None
    if start is not None:
        spans.append((start, None))
    return spans
