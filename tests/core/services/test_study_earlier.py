"""The hours members had before the file began its records, entered in one go (补录此前学时)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from partydesk.core.changes import LOCAL_USER, ChangeKind
from partydesk.core.checks import study as study_checks  # noqa: F401  (registers the checks)
from partydesk.core.checks.findings import run_checks
from partydesk.core.errors import ValidationError
from partydesk.core.services import study
from partydesk.core.storage.database import Database
from tests.conftest import set_up_on
from tests.core.services.test_study import TODAY, add, credited

YEAR_START = date(2026, 1, 1)


@pytest.fixture
def branch(db: Database) -> dict[str, str]:
    return {"书记": add(db, "王书记", seed=1, post="书记"), "甲": add(db, "张甲", seed=3),
            "乙": add(db, "赵乙", seed=4)}


def test_the_period_runs_from_new_year_to_the_day_before_the_records_began(db: Database) -> None:
    set_up_on(db, date(2026, 11, 20))
    assert study.earlier_period(db, TODAY) == (YEAR_START, date(2026, 11, 19))
    set_up_on(db, date(2025, 6, 1))  # began last year: this year's hours are all on file already
    assert study.earlier_period(db, TODAY) == (YEAR_START, TODAY)


def test_each_member_gets_exactly_the_hours_typed_and_the_record_says_what_it_is(
        db: Database, branch: dict[str, str]) -> None:
    changes = study.save_earlier_hours(db, LOCAL_USER, form_code="collective", start_on=YEAR_START,
                                       end_on=date(2026, 11, 19),
                                       hours={branch["书记"]: 480, branch["甲"]: 265, branch["乙"]: 0})
    assert credited(db, 2026) == {branch["书记"]: 480, branch["甲"]: 265, branch["乙"]: 0}
    (listed,) = study.activities_of_year(db, 2026)
    assert study.is_earlier_hours(listed.data) and listed.participants == 2, "赵乙 left empty is left out"
    assert listed.data.topic == study.EARLIER_TOPIC and listed.data.hours_tenths == 480
    assert changes.ids_of(ChangeKind.STUDY) == {listed.id}
    # Corrected in the same way: one number changed, one member added, one taken off.
    study.save_earlier_hours(db, LOCAL_USER, form_code="collective", start_on=YEAR_START, end_on=date(2026, 11, 19),
                             hours={branch["书记"]: 300, branch["乙"]: 120}, activity_id=listed.id)
    assert credited(db, 2026) == {branch["书记"]: 300, branch["甲"]: 0, branch["乙"]: 120}
    (again,) = study.activities_of_year(db, 2026)
    assert again.id == listed.id and study.is_earlier_hours(again.data)


def test_an_ordinary_study_record_is_not_taken_for_earlier_hours(db: Database, branch: dict[str, str]) -> None:
    from tests.core.services.test_study import session_of

    study.add_activity(db, LOCAL_USER, session_of(date(2026, 3, 5)), participants={branch["甲"]: None})
    (listed,) = study.activities_of_year(db, 2026)
    assert not study.is_earlier_hours(listed.data)


def test_nothing_typed_a_future_end_or_a_stranger_is_refused_and_nothing_is_written(
        db: Database, branch: dict[str, str]) -> None:
    with pytest.raises(ValidationError) as err:
        study.save_earlier_hours(db, LOCAL_USER, form_code="collective", start_on=YEAR_START, end_on=TODAY,
                                 hours={branch["甲"]: 0})
    assert err.value.code == "no_hours"
    with pytest.raises(ValidationError) as err:
        study.save_earlier_hours(db, LOCAL_USER, form_code="collective", start_on=YEAR_START,
                                 end_on=date.today() + timedelta(days=1), hours={branch["甲"]: 100})
    assert err.value.code == "future"
    late = add(db, "钱新", seed=9, joined="2026-11-25")  # admitted after the period
    with pytest.raises(ValidationError, match="钱新"):
        study.save_earlier_hours(db, LOCAL_USER, form_code="collective", start_on=YEAR_START,
                                 end_on=date(2026, 11, 19), hours={branch["甲"]: 100, late: 50})
    assert study.activities_of_year(db, 2026) == []


def test_members_whose_earlier_hours_are_entered_are_no_longer_behind(db: Database, branch: dict[str, str]) -> None:
    set_up_on(db, date(2026, 11, 20))
    behind = {f.subject for f in run_checks(db, TODAY, ["study.behind"])}
    assert len(behind) == 3 and all("此前的学时请在“学习”页的“学时台账”中补录" in f.message
                                    for f in run_checks(db, TODAY, ["study.behind"]))
    study.save_earlier_hours(db, LOCAL_USER, form_code="collective", start_on=YEAR_START,
                             end_on=date(2026, 11, 19), hours={branch["书记"]: 560, branch["甲"]: 300})
    still = [f.subject for f in run_checks(db, TODAY, ["study.behind"])]
    assert still == [f"{branch['乙']}|2026"], "only 赵乙, with no hours entered, is still behind"


def test_the_yearly_report_counts_earlier_hours_but_no_session_or_attendance(
        db: Database, branch: dict[str, str]) -> None:
    """培训情况: the earlier hours add to the form's 学时 and say so; they are no 活动 and no 人次."""
    from partydesk.core.services import study_export, study_reports
    from tests.core.services.test_study import session_of

    study.add_activity(db, LOCAL_USER, session_of(date(2026, 3, 5)), participants={branch["甲"]: None})
    study.save_earlier_hours(db, LOCAL_USER, form_code="collective", start_on=YEAR_START, end_on=date(2026, 2, 28),
                             hours={branch["书记"]: 480, branch["甲"]: 265})
    summary = study_reports.training_summary(db, 2026, as_of=TODAY)
    (line,) = [f for f in summary.forms if f.code == "collective"]
    assert (line.activities, line.attendances, line.tenths) == (1, 1, 20 + 480 + 265)
    assert summary.earlier_tenths == 745 and summary.total_tenths == 765
    table = study_export.summary_table(db, 2026, "示例支部", as_of=TODAY)
    assert "学时含启用本程序前按原台账补录的 74.5 学时（不计活动次数和参加人次）" in table.subtitle
