"""Dated member events (党员信息变动) and the current state derived from them.

A member's 入党日期, 转正, 党籍状态, 失联 and 流动 situation and whether the member is still on this
branch's roll (在册) all follow from the events: the latest event of each kind wins, in date order. The
record keeps a copy of the derived state for fast lists; ``derive_state`` is the one place that computes it.

The 党籍状态 is only 正常 or 停止党籍; a member who left the roll keeps the reason apart (减员原因:
死亡, the ways of 出党, 取消预备党员资格, 转出 — ``LEAVING_REASON``). Which changes are allowed is the
transition table in ``domain.membership``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from partydesk.core.domain.codes import CodeTable
from partydesk.core.domain.member import CATEGORY_FULL, CATEGORY_PROBATIONARY, STATUS_NORMAL


class EventKind(StrEnum):
    """What happened to a member; stored by value."""

    JOINED = "joined"
    CONFIRMED = "confirmed"
    PROBATION_EXTENDED = "probation_extended"
    PROBATION_CANCELLED = "probation_cancelled"
    STATUS = "status"
    LOST = "lost"
    REGAINED = "regained"
    MIGRANT_OUT = "migrant_out"
    MIGRANT_BACK = "migrant_back"
    TRANSFER_IN = "transfer_in"
    TRANSFER_OUT = "transfer_out"
    DEATH = "death"
    SUSPENDED = "suspended"  # 停止党籍; detail: the ground (SUSPENSION_GROUND)
    RESTORED = "restored"  # 恢复党籍 (only from 停止党籍)
    LEFT = "left"  # 出党; detail: the way (LEAVING_REASON 21–25)
    DISCIPLINE = "discipline"  # 党纪处分; detail: the code, "4:12" for 留党察看 with its months
    RIGHTS_RESTORED = "rights_restored"  # 留党察看期满，恢复党员权利
    MIGRANT_REPORT = "migrant_report"  # 流动党员向流出地支部汇报 (at least once a year); the note says what


EVENT_LABELS: dict[EventKind, str] = {
    EventKind.JOINED: "入党（支部大会通过）",
    EventKind.CONFIRMED: "转为正式党员",
    EventKind.PROBATION_EXTENDED: "延长预备期",
    EventKind.PROBATION_CANCELLED: "取消预备党员资格",
    EventKind.STATUS: "党籍状态变更（旧记录）",
    EventKind.LOST: "失去联系",
    EventKind.REGAINED: "恢复联系",
    EventKind.MIGRANT_OUT: "外出流动",
    EventKind.MIGRANT_BACK: "流动返回",
    EventKind.TRANSFER_IN: "组织关系转入",
    EventKind.TRANSFER_OUT: "组织关系转出",
    EventKind.DEATH: "去世",
    EventKind.SUSPENDED: "停止党籍",
    EventKind.RESTORED: "恢复党籍",
    EventKind.LEFT: "出党",
    EventKind.DISCIPLINE: "党纪处分",
    EventKind.RIGHTS_RESTORED: "留党察看期满恢复党员权利",
    EventKind.MIGRANT_REPORT: "流动党员汇报",
}

STATUS_SUSPENDED = "20"
SUSPENDED_LOST, SUSPENDED_ABROAD = "1", "2"  # the grounds of 停止党籍 (条例)
SUSPENSION_GROUND = CodeTable("停止党籍原因", [(SUSPENDED_LOST, "失去联系满六个月，经查找仍无音讯"),
                                              (SUSPENDED_ABROAD, "出国（境）定居或学习逾期未归")])

# 减员原因: why a member is no longer on the roll ("" while on it). 21–26 count as 出党 in the statistics.
LEAVING_REASON = CodeTable("减员原因", [
    ("1", "死亡"), ("21", "劝其退党"), ("22", "劝而不退除名"), ("23", "自行脱党除名"), ("24", "退党除名"),
    ("25", "开除党籍"), ("26", "取消预备党员资格"), ("3", "转出"),
])
LEFT_DEAD, LEFT_EXPELLED, LEFT_CANCELLED, LEFT_TRANSFERRED = "1", "25", "26", "3"
LEFT_PARTY = frozenset({"21", "22", "23", "24", "25", "26"})  # 出党: no way back but a new application
WAYS_OUT = ("21", "22", "23", "24", "25")  # what an 出党 event may record
# The old flat 党籍状态 codes (before status and reason were kept apart) -> 减员原因.
LEGACY_STATUS_REASON = {"31": "23", "32": "22", "33": "25", "34": "24", "40": "26", "50": "1"}

# Kept for the code that tested "died" by status before the reason had its own column.
STATUS_DEAD = "50"
STATUS_PROBATION_CANCELLED = "40"


@dataclass(frozen=True)
class MemberEvent:
    """One dated event. ``detail`` holds the kind's data: a status code, a cause code, a destination."""

    id: str
    member_id: str
    kind: EventKind
    on_date: date | None  # None: the office does not know the date (never invented)
    detail: str = ""
    note: str = ""
    seq: int = 0  # order of entry, for events on the same day

    @property
    def label(self) -> str:
        """The Chinese name of the event kind."""
        return EVENT_LABELS[self.kind]


def event_order(event: MemberEvent) -> tuple[date, int]:
    """Sort key: by date (an unknown date first), then by order of entry."""
    return (event.on_date or date.min, event.seq)


@dataclass(frozen=True)
class DerivedState:
    """The part of a member record that events decide."""

    category: str
    joined_on: date | None
    confirmed_on: date | None
    membership_status: str
    lost_contact: bool
    lost_since: date | None
    lost_cause: str
    migrant: bool
    migrant_destination: str
    migrant_since: date | None
    in_branch: bool  # on the roll (在册): no leaving reason
    left_reason: str = ""  # 减员原因 (LEAVING_REASON), "" while on the roll
    left_on: date | None = None


def derive_state(events: list[MemberEvent], *, base_category: str = CATEGORY_PROBATIONARY) -> DerivedState:
    """Replay events in (date, entry order) and return where the member stands now.

    ``base_category`` applies while no 转正 event exists: a roster may list a 正式党员 whose 转正 date
    the office never recorded.
    """
    category, joined, confirmed, status = base_category, None, None, STATUS_NORMAL
    lost, lost_since, lost_cause = False, None, ""
    migrant, destination, migrant_since = False, "", None
    left: tuple[str, date | None] = ("", None)
    for ev in sorted(events, key=event_order):
        match ev.kind:
            case EventKind.JOINED:
                joined = ev.on_date
            case EventKind.CONFIRMED:
                category, confirmed = CATEGORY_FULL, ev.on_date
            case EventKind.PROBATION_CANCELLED:
                left = (LEFT_CANCELLED, ev.on_date)
            case EventKind.STATUS:  # an old flat status: 正常/停止党籍, or a way of leaving
                if ev.detail in LEGACY_STATUS_REASON:
                    left = (LEGACY_STATUS_REASON[ev.detail], ev.on_date)
                else:
                    status = ev.detail or STATUS_NORMAL
            case EventKind.SUSPENDED:
                status = STATUS_SUSPENDED
            case EventKind.RESTORED:
                status = STATUS_NORMAL
            case EventKind.LEFT:
                left = (ev.detail or LEFT_EXPELLED, ev.on_date)
            case EventKind.DISCIPLINE:
                if ev.detail.partition(":")[0] == "5":  # 开除党籍
                    left = (LEFT_EXPELLED, ev.on_date)
            case EventKind.DEATH:
                left = (LEFT_DEAD, ev.on_date)
            case EventKind.LOST:
                lost, lost_since, lost_cause = True, ev.on_date, ev.detail
            case EventKind.REGAINED:
                lost, lost_since, lost_cause = False, None, ""
            case EventKind.MIGRANT_OUT:
                migrant, destination, migrant_since = True, ev.detail, ev.on_date
            case EventKind.MIGRANT_BACK:
                migrant, destination, migrant_since = False, "", None
            case EventKind.TRANSFER_OUT:
                left = (LEFT_TRANSFERRED, ev.on_date)
            case EventKind.TRANSFER_IN:
                if left[0] == LEFT_TRANSFERRED:
                    left = ("", None)
            case _:  # 延长预备期, 恢复党员权利, 流动党员汇报: no column of their own
                pass
    return DerivedState(category, joined, confirmed, status, lost, lost_since, lost_cause, migrant, destination,
                        migrant_since, not left[0], left[0], left[1])


@dataclass(frozen=True)
class PlannedEvent:
    """An event to add, an existing one to re-date (``replaces`` is its id), or one to withdraw
    (``remove``: a 转正 entered by mistake)."""

    kind: EventKind
    on_date: date | None
    detail: str = ""
    replaces: str | None = None
    remove: bool = False


def plan_events(
    current: list[MemberEvent], target: DerivedState, *, today: date
) -> list[PlannedEvent]:
    """The events that take a member from ``derive_state(current)`` to ``target``.

    Used when a form or an import sets the state fields directly: a corrected 入党/转正 date re-dates
    the existing event instead of adding a second one; a change of 失联, 流动 or 党籍状态 adds an event.
    """
    now = derive_state(current, base_category=target.category)
    plan: list[PlannedEvent] = []
    last = {ev.kind: ev for ev in sorted(current, key=event_order)}

    def redate(kind: EventKind, when: date | None, detail: str = "") -> None:
        old = last.get(kind)
        if old is None:
            plan.append(PlannedEvent(kind, when, detail))
        elif old.on_date != when or old.detail != detail:
            plan.append(PlannedEvent(kind, when, detail, replaces=old.id))

    if target.joined_on is not None:
        redate(EventKind.JOINED, target.joined_on)
    if target.confirmed_on != now.confirmed_on:
        if target.confirmed_on is None:
            plan.extend(PlannedEvent(EventKind.CONFIRMED, ev.on_date, replaces=ev.id, remove=True)
                        for ev in current if ev.kind is EventKind.CONFIRMED)
        else:
            redate(EventKind.CONFIRMED, target.confirmed_on)
    if target.membership_status != now.membership_status:
        suspend = target.membership_status == STATUS_SUSPENDED
        plan.append(PlannedEvent(EventKind.SUSPENDED if suspend else EventKind.RESTORED, today,
                                 SUSPENDED_LOST if suspend else ""))
    if target.lost_contact and (not now.lost_contact or (now.lost_since, now.lost_cause) !=
                                (target.lost_since, target.lost_cause)):
        lost_when = target.lost_since or today
        if now.lost_contact:
            redate(EventKind.LOST, lost_when, target.lost_cause)
        else:
            plan.append(PlannedEvent(EventKind.LOST, lost_when, target.lost_cause))
    elif not target.lost_contact and now.lost_contact:
        plan.append(PlannedEvent(EventKind.REGAINED, max(today, now.lost_since or today)))
    if target.migrant and (not now.migrant or (now.migrant_destination, now.migrant_since) !=
                           (target.migrant_destination, target.migrant_since)):
        when = target.migrant_since  # an unknown departure date stays unknown
        if now.migrant:
            redate(EventKind.MIGRANT_OUT, when, target.migrant_destination)
        else:
            plan.append(PlannedEvent(EventKind.MIGRANT_OUT, when, target.migrant_destination))
    elif not target.migrant and now.migrant:
        plan.append(PlannedEvent(EventKind.MIGRANT_BACK, max(today, now.migrant_since or today)))
    return plan


def applicable_kinds(state: DerivedState, events: list[MemberEvent] | None = None) -> list[EventKind]:
    """The events that can happen next to a member in ``state`` (what a "record a change" form offers).

    Decided by the transition table (``membership.TRANSITIONS``): 转正, 延长预备期 and 取消预备党员资格
    only for a 预备党员; 恢复党籍 only from 停止党籍; nothing after death or 出党; given the member's ``events``,
    恢复党员权利 only during a 留党察看 not yet decided.
    """
    from partydesk.core.domain.membership import offered_kinds  # the table builds on this module

    return offered_kinds(state, events)
