"""Meeting reports: compliance per type and period, attendance rates, repeated absence, the meetings list.

Each is built from SQL aggregates (meetings held per type, group and month; attendance per member and
status), so a decade of meetings costs a few grouped queries, not a load of every meeting.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from partydesk.core.domain.group_order import group_sort_key
from partydesk.core.domain.meeting_roll import RollRules, more_than
from partydesk.core.domain.meetings import MEETING_TYPES, TYPES_BY_CODE, Expected, Period, Quorum, periods_of_year
from partydesk.core.domain.pinyin import name_order
from partydesk.core.services.meetings import roll_rules
from partydesk.core.services.rules import rule_values
from partydesk.core.services.setup import site_role
from partydesk.core.storage import meeting_list_repo, meeting_repo, workbench_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.meeting_list_repo import ListedMeeting, Tally
from partydesk.core.storage.meeting_repo import ABSENT, LEAVE, PRESENT


@dataclass(frozen=True)
class PeriodCompliance:
    """One type (and, for 党小组会, one group) in one period: meetings required and held."""

    type_code: str
    type_name: str
    party_group: str
    period: Period
    required: int
    held: int
    open: bool = False  # the period has not ended yet (on the ``as_of`` day): a shortfall is not a gap yet
    # The period ended before the file's meetings are reckoned from (``meeting_repo.reckoned_from``: the
    # earlier of its set-up day and its first meeting): nothing was recorded here then, so nothing is owed.
    before_records: bool = False

    @property
    def met(self) -> bool:
        """Held at least as often as required."""
        return self.held >= self.required


def compliance(db: Database, year: int, *, as_of: date | None = None,
               org_id: str | None = None) -> list[PeriodCompliance]:
    """For each type with a frequency rule, each period of ``year`` (and each 党小组): required vs held.

    Periods ending on or after ``as_of`` (default today) are marked open, those ending before the file's
    meetings are reckoned from ``before_records``: an office that starts using the program in November does
    not owe January to October (entering an older meeting moves the reckoning back to it). ``org_id`` limits
    it to one organisation's meetings and groups (a committee file holds many branches); None takes the
    whole file — but in a committee's file only a branch is judged: its own organisation, or the file read
    whole, gives no periods. A few grouped queries (meetings per type, group and month; the group names; the first
    meeting), whatever the file's size.
    """
    as_of = as_of or date.today()
    if site_role(db) == "committee" and (org_id is None or db.site is None or org_id == db.site.organisation_id):
        return []  # a committee (a 党委) owes none of the branch meetings; its branches are read one by one
    months_of = rule_values(db)
    longest = max(months_of.get(t.rule_key, 1) for t in MEETING_TYPES if t.rule_key)
    start = periods_of_year(year, longest)[0].start if longest > 12 else date(year, 1, 1)
    with db.read() as session:
        groups = sorted(meeting_repo.party_groups(session, org_id), key=group_sort_key)
        held = meeting_repo.held_by_month(session, start, date(year, 12, 31), org_id=org_id)
        reckoned = meeting_repo.reckoned_from(session, org_id)
    # Months held per (type, group); a period sums its months (a type without groups sums every group).
    by_month: dict[tuple[str, str], dict[date, int]] = {}
    for code, group, y, m, n in held:
        for key in ((code, group), (code, "")) if group else ((code, ""),):
            tally = by_month.setdefault(key, {})
            tally[date(y, m, 1)] = tally.get(date(y, m, 1), 0) + n
    out: list[PeriodCompliance] = []
    for kind in MEETING_TYPES:
        if kind.rule_key is None:
            continue
        months = months_of.get(kind.rule_key, 1)
        for group in (groups if kind.expected is Expected.GROUP else [""]):
            counts = by_month.get((kind.code, group), {})
            for period in periods_of_year(year, months):
                n = sum(c for first, c in counts.items() if period.start <= first <= period.end)
                out.append(PeriodCompliance(kind.code, kind.name, group, period, 1, n, period.end >= as_of,
                                            reckoned is not None and period.end < reckoned))
    return out


@dataclass(frozen=True)
class AttendanceRate:
    """One member's attendance over a span: counts by status and the share present."""

    member_id: str
    name: str
    present: int
    leave: int
    absent: int
    org_id: str = ""  # the organisation whose roll the member is on (a committee file holds several)
    pinyin: str = ""  # the name's ``name_order``: lists sort by it, as the roster does (丁 after 程, 李 before 林)

    @property
    def expected(self) -> int:
        """Meetings the member was expected at."""
        return self.present + self.leave + self.absent

    @property
    def rate(self) -> float:
        """Share of expected meetings attended (0 when none were expected)."""
        return self.present / self.expected if self.expected else 0.0


def attendance_rates(db: Database, year: int, *, org_id: str | None = None) -> list[AttendanceRate]:
    """Each member's attendance in ``year``, members with no expected meeting left out; with ``org_id`` at
    that organisation's meetings only (one branch of a committee file)."""
    with db.read() as session:
        tally = meeting_repo.attendance_tally(session, date(year, 1, 1), date(year, 12, 31), org_id=org_id)
        names = meeting_repo.member_names(session, list(tally))
        orgs = workbench_repo.org_of(session, list(tally))
    rates = [AttendanceRate(mid, names.get(mid, ""), t.get(PRESENT, 0), t.get(LEAVE, 0), t.get(ABSENT, 0),
                            orgs.get(mid, ""), name_order(names.get(mid, ""))) for mid, t in tally.items()]
    return sorted(rates, key=lambda r: (r.pinyin, r.name))


def absent_in_a_row(db: Database, *, times: int = 3, until: date | None = None,
                    org_id: str | None = None) -> list[tuple[str, str, int]]:
    """(member id, name, run) of members whose latest ``times`` or more meetings up to ``until`` were all
    unexcused absences (请假 is excused and ends a run, as attending does); with ``org_id`` counting that
    organisation's meetings only."""
    with db.read() as session:
        runs = meeting_repo.absence_runs(session, until or date.max, times, org_id=org_id)
        names = meeting_repo.member_names(session, list(runs))
    return sorted(((mid, names[mid], n) for mid, n in runs.items() if mid in names), key=lambda r: r[1])


# ---------------------------------------------------------------- the meetings list


@dataclass(frozen=True)
class MeetingLine:
    """One meeting as the list shows it; ``tally`` is None until counted (a list can show lines first)."""

    id: str
    org_id: str
    type_code: str
    type_name: str
    topic: str
    held_on: date
    party_group: str
    tally: Tally | None = None
    quorum_met: bool | None = None  # None: the type has no quorum rule, or not counted yet


_TYPE_RANK = {t.code: i for i, t in enumerate(MEETING_TYPES)}


def type_order(line: MeetingLine) -> tuple[object, ...]:
    """Meetings by type in the type table's order, a type's 党小组会 in their numbered order, then by day."""
    return _TYPE_RANK.get(line.type_code, len(_TYPE_RANK)), group_sort_key(line.party_group), line.held_on


def line_order(line: MeetingLine) -> tuple[object, ...]:
    """Meetings by day; one day's by type, its 党小组会 in their numbered order (第二 before 第十)."""
    return line.held_on, *type_order(line)[:2]


def _line(row: ListedMeeting, tally: Tally | None, rules: RollRules | None) -> MeetingLine:
    kind = TYPES_BY_CODE.get(row.type_code)
    quorum: bool | None = None
    if kind is not None and tally is not None and rules is not None:
        if kind.quorum is Quorum.GENERAL:
            quorum = more_than(tally.voting_present, tally.voting_expected, rules.general_quorum_bp)
        elif kind.quorum is Quorum.COMMITTEE:
            quorum = more_than(tally.present, tally.expected, rules.committee_quorum_bp)
    return MeetingLine(row.id, row.org_id, row.type_code, kind.name if kind else row.type_code, row.topic,
                       row.held_on, row.party_group, tally, quorum)


def meeting_lines(db: Database, year: int, *, counted: bool = True) -> list[MeetingLine]:
    """The meetings held in ``year``, oldest first (``line_order``); with ``counted`` False without 应到/实到 (a
    range read only: fast however large the attendance table is)."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    rules = roll_rules(db) if counted else None
    with db.read() as session:
        rows = meeting_list_repo.meetings_between(session, start, end)
        tallies = meeting_list_repo.tallies_between(session, start, end) if counted else {}
    empty = Tally(0, 0, 0, 0)
    return sorted((_line(r, tallies.get(r.id, empty) if counted else None, rules) for r in rows), key=line_order)


def meeting_lines_by_ids(db: Database, ids: Collection[str]) -> list[MeetingLine]:
    """The counted lines of the live meetings among ``ids`` (a page refreshing what a change named)."""
    rules = roll_rules(db)
    with db.read() as session:
        rows = meeting_list_repo.meetings_by_ids(session, ids)
        tallies = meeting_list_repo.tallies_of(session, [r.id for r in rows])
    return [_line(r, tallies.get(r.id, Tally(0, 0, 0, 0)), rules) for r in rows]
