"""Workbench figures from SQL aggregates: key figures, structure buckets with their members, meetings, trend."""

from __future__ import annotations

from datetime import date

from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain.member import MemberData
from partydesk.core.services import dashboard
from partydesk.core.services.bulk import insert_members
from partydesk.core.services.meetings import add_meeting
from partydesk.core.storage.database import Database
from partydesk.core.storage.meeting_repo import ABSENT, PRESENT, MeetingData
from tests.conftest import set_up_on
from tests.core.services.test_meetings import all_present

TODAY = date(2026, 11, 30)


def _add(db: Database, *rows: tuple[str, date, str, date | None]) -> None:
    """(gender, birth date, category, confirmed_on) per member."""
    members = [MemberData(name=f"党员{i}", gender=g, id_type="1", id_number=f"11010119{i:02d}0101001X",
                          category=c, joined_on=date(2000, 1, 1) if c == "1" else date(2026, 6, 1),
                          confirmed_on=conf, birth_date=born, party_group="第一党小组", education="20")
               for i, (g, born, c, conf) in enumerate(rows)]
    insert_members(db, LOCAL_USER, members, today=TODAY)


def test_age_band_boundary_a_member_turning_36_today_is_in_36_to_45(db: Database) -> None:
    """Born 1990-11-30 is 36 on 2026-11-30 (36–45岁); born a day later is still 35 (35岁及以下)."""
    _add(db, ("1", date(1990, 11, 30), "1", date(2001, 1, 1)), ("2", date(1990, 12, 1), "1", date(2001, 1, 1)))
    age = {b.label: b.value for b in dashboard.structure(db, TODAY)["age"]}
    assert age == {"35岁及以下": 1, "36–45岁": 1}


def test_party_age_counts_from_confirmation_and_probationers_stand_apart(db: Database) -> None:
    """转正 2021-11-30 is five full years on 2026-11-30 (5–9年); a day later is under five; 预备党员 alone."""
    _add(db, ("1", date(1980, 1, 1), "1", date(2021, 11, 30)), ("1", date(1980, 1, 1), "1", date(2021, 12, 1)),
         ("2", date(2000, 1, 1), "2", None))
    bands = {b.label: b.value for b in dashboard.structure(db, TODAY)["party_age"]}
    assert bands == {"5–9年": 1, "不满5年": 1, "预备党员": 1}


def test_a_bucket_lists_exactly_the_members_it_counted(db: Database) -> None:
    """The ids behind "女" are as many as the bar is high, and every one is a woman."""
    _add(db, *[("2" if i % 3 == 0 else "1", date(1970, 1, 1 + i), "1", date(2000, 1, 1)) for i in range(9)])
    gender = {b.key: b for b in dashboard.structure(db, TODAY)["gender"]}
    assert gender["gender:2"].label == "女" and gender["gender:2"].value == 3
    assert len(dashboard.member_ids(db, "gender:2", TODAY)) == 3
    assert len(dashboard.member_ids(db, "gender:1", TODAY)) == 6


def test_key_figures_count_members_probationers_and_meetings(db: Database) -> None:
    """Two members, one probationary; no 党员大会 yet: three quarters ended without one → 0 of 3 (the fourth,
    still running, is not owed yet); held in the fourth quarter → 1 of 4; then in the first → 2 of 4."""
    set_up_on(db, date(2026, 1, 1))
    _add(db, ("1", date(1970, 1, 1), "1", date(2000, 1, 1)), ("2", date(1999, 1, 1), "2", None))
    snap = dashboard.snapshot(db, TODAY)
    assert (snap.figures.members, snap.figures.probationary) == (2, 1)
    general = dict((n, (r, h)) for n, r, h in snap.meetings_by_type)["支部党员大会"]
    assert general == (3, 0)
    for held_on, expected in ((date(2026, 11, 2), (4, 1)), (date(2026, 2, 2), (4, 2))):
        add_meeting(db, LOCAL_USER, MeetingData(type_code="general", topic="学习", held_on=held_on),
                    statuses=all_present(db, "general", held_on))
        by_type = dict((n, (r, h)) for n, r, h in dashboard.meetings_this_year(db, TODAY)[0])
        assert by_type["支部党员大会"] == expected
    # No hours credited by 30 November: both members are behind the pro-rata hours owed by then.
    assert (snap.figures.study_on_track, snap.figures.study_counted, snap.figures.study_share) == (0, 2, 0.0)
    assert snap.figures.open_todos == len(snap.findings) > 0


def test_attendance_over_twelve_months_in_december_is_that_year_and_the_report_its_own_year(db: Database) -> None:
    """On 15 December the last twelve months are January to December (last December left out); the annual
    report's attendance covers its own year only, even on a day when twelve months reach back into the last."""
    from partydesk.core.services.annual_report import annual_report

    _add(db, ("1", date(1970, 1, 1), "1", date(2000, 1, 1)), ("2", date(1971, 1, 1), "1", date(2000, 1, 1)))
    ids = dashboard.member_ids(db, "all:", TODAY)
    for day, present in ((date(2025, 11, 10), 2), (date(2025, 12, 10), 2), (date(2026, 3, 10), 1)):
        add_meeting(db, LOCAL_USER, MeetingData(type_code="general", topic="学习", held_on=day),
                    statuses={ids[0]: PRESENT, ids[1]: PRESENT if present == 2 else ABSENT})
    assert dashboard.attendance_trend(db, date(2026, 12, 15)) == [("2026-03", 0.5)]
    assert dashboard.attendance_trend(db, date(2026, 10, 1)) == [("2025-11", 1.0), ("2025-12", 1.0), ("2026-03", 0.5)]
    report = annual_report(db, 2026, today=date(2026, 10, 1))
    assert report.dashboard.attendance == [("2026-03", 0.5)]


def test_meetings_are_owed_from_when_the_branch_began_its_records(db: Database) -> None:
    """Set up on 10 August: only the third quarter's 党员大会 is owed by 30 November (0 of 1), not the two
    before; a meeting entered for 5 May moves the reckoning back: the second quarter held, the third not."""
    set_up_on(db, date(2026, 8, 10))
    by_type = dict((n, (r, h)) for n, r, h in dashboard.meetings_this_year(db, TODAY)[0])
    assert by_type["支部党员大会"] == (1, 0)
    add_meeting(db, LOCAL_USER, MeetingData(type_code="general", topic="学习", held_on=date(2026, 5, 5)), statuses={})
    by_type, monthly = dashboard.meetings_this_year(db, TODAY)
    assert dict((n, (r, h)) for n, r, h in by_type)["支部党员大会"] == (2, 1)
    assert monthly.required[:4] == [0, 0, 0, 0]  # nothing owed by the end of January to April


def test_meetings_per_month_and_attendance_trend(db: Database) -> None:
    """A meeting in March with one present of two: held in month 3, attendance 50 % for 2026-03."""
    _add(db, ("1", date(1970, 1, 1), "1", date(2000, 1, 1)), ("2", date(1971, 1, 1), "1", date(2000, 1, 1)))
    ids = dashboard.member_ids(db, "all:", TODAY)
    add_meeting(db, LOCAL_USER, MeetingData(type_code="general", topic="学习", held_on=date(2026, 3, 10)),
                statuses={ids[0]: PRESENT, ids[1]: ABSENT})
    snap = dashboard.snapshot(db, TODAY)
    assert snap.meetings_by_month.held["支部党员大会"][2] == 1
    assert snap.meetings_by_month.required[2] >= 1  # Q1 ends in March
    assert snap.attendance == [("2026-03", 0.5)]
    assert dict((n, h) for n, _r, h in snap.meetings_by_type)["支部党员大会"] == 1


def test_the_monthly_line_is_the_years_schedule_and_holding_a_meeting_does_not_move_it(db: Database) -> None:
    """The 应开 line shows what each month asks: December its own meetings, the fourth quarter's and the year's,
    whether or not they were held yet. A 党员大会 held in October leaves it as it was, and in June the line
    already shows the months ahead."""
    set_up_on(db, date(2026, 1, 1))
    december = date(2026, 12, 15)
    before = dashboard.meetings_this_year(db, december)[1].required
    add_meeting(db, LOCAL_USER, MeetingData(type_code="general", topic="学习", held_on=date(2026, 10, 20)), statuses={})
    by_type, monthly = dashboard.meetings_this_year(db, december)
    assert monthly.required == before
    assert before[11] > before[10] > 0  # December also closes the quarter and the year
    assert dashboard.meetings_this_year(db, date(2026, 6, 15))[1].required == before
    # The key figure still counts only what is owed so far: the fourth quarter's 党员大会, held, counts.
    assert dict((n, (r, h)) for n, r, h in by_type)["支部党员大会"] == (4, 1)
