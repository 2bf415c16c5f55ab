"""Study services: activities with participants, own courses, a meeting counted once, the ledger and checks."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from partydesk.core.changes import LOCAL_USER, ChangeKind
from partydesk.core.checks import study as study_checks  # noqa: F401  (registers the checks)
from partydesk.core.checks.findings import run_checks
from partydesk.core.demo import fake_id_number
from partydesk.core.domain.member import MemberInput
from partydesk.core.domain.member_events import EventKind
from partydesk.core.errors import ValidationError
from partydesk.core.services import meetings, members, study, study_files, study_reports
from partydesk.core.services.study import DAY_TENTHS
from partydesk.core.storage import study_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.meeting_repo import PRESENT, MeetingData
from partydesk.core.storage.study_repo import ActivityData, CertificationData, MaterialData

TODAY = date(2026, 11, 30)


def add(db: Database, name: str, *, seed: int, joined: str = "2000-07-01", post: str = "") -> str:
    number = fake_id_number(random.Random(seed), date(1970, 1, 1 + seed), True)
    late = joined > "2025"
    data = MemberInput(name=name, gender="男", id_number=number, category="预备党员" if late else "正式党员",
                       joined_on=joined, confirmed_on=None if late else "2001-07-01", party_post=post,
                       party_group="第一党小组")
    return members.add_member(db, LOCAL_USER, data=data, today=TODAY).member_id


@pytest.fixture
def branch(db: Database) -> dict[str, str]:
    return {"书记": add(db, "王书记", seed=1, post="书记"), "甲": add(db, "张甲", seed=3),
            "乙": add(db, "赵乙", seed=4)}


def session_of(day: date, hours: int = 20, form: str = "collective", end: date | None = None) -> ActivityData:
    """An activity from ``day`` (to ``end``, or over as many days as its hours need at 8 学时 a day)."""
    days = -(-hours // DAY_TENTHS)
    return ActivityData(form_code=form, topic="学习党章", start_on=day, end_on=end or day + timedelta(days=days - 1),
                        hours_tenths=hours)


def credited(db: Database, year: int) -> dict[str, int]:
    return {r.member_id: r.credited for r in study_reports.ledger(db, year, as_of=TODAY)}


def test_a_collective_study_credits_each_participant(db: Database, branch: dict[str, str]) -> None:
    """Each participant gets the activity's hours, or the fewer hours given for one who left early."""
    added = study.add_activity(db, LOCAL_USER, session_of(date(2026, 3, 5)),
                               participants={branch["书记"]: None, branch["甲"]: 10})
    assert added.changes.ids_of(ChangeKind.STUDY) == {added.activity_id}
    assert credited(db, 2026) == {branch["书记"]: 20, branch["甲"]: 10, branch["乙"]: 0}
    (listed,) = study.activities_of_year(db, 2026)
    assert (listed.participants, listed.credited_tenths) == (2, 30)


def test_a_training_class_over_the_new_year_counts_in_both_years(db: Database, branch: dict[str, str]) -> None:
    """A 4-day class (32 学时) from 30 December: 16 in each year's ledger."""
    study.add_activity(db, LOCAL_USER, session_of(date(2025, 12, 30), 320, "class", end=date(2026, 1, 2)),
                       participants={branch["甲"]: None})
    assert credited(db, 2025)[branch["甲"]] == 160
    assert credited(db, 2026)[branch["甲"]] == 160


def test_strangers_and_empty_activities_are_refused(db: Database, branch: dict[str, str]) -> None:
    """A member admitted after the activity is refused by name; an activity needs a topic and people."""
    late = add(db, "钱新", seed=9, joined="2026-06-01")
    with pytest.raises(ValidationError, match="钱新"):
        study.add_activity(db, LOCAL_USER, session_of(date(2026, 3, 5)), participants={late: None})
    with pytest.raises(ValidationError, match="参加"):
        study.add_activity(db, LOCAL_USER, session_of(date(2026, 3, 5)), participants={})
    with pytest.raises(ValidationError, match="主题"):
        study.add_activity(db, LOCAL_USER, ActivityData("collective", " ", date(2026, 3, 5), date(2026, 3, 5), 10),
                           participants={branch["甲"]: None})
    assert study.activities_of_year(db, 2026) == []


def test_a_meeting_counted_as_study_credits_those_present_once(db: Database, branch: dict[str, str]) -> None:
    """A 党课 counted as study credits the members present; counting it again is refused."""
    held = meetings.add_meeting(db, LOCAL_USER, MeetingData("lecture", "党课：坚定理想信念", date(2026, 4, 26)),
                                statuses={branch["书记"]: PRESENT, branch["甲"]: PRESENT})
    study.count_meeting(db, LOCAL_USER, held.meeting_id, hours_tenths=40)
    assert credited(db, 2026) == {branch["书记"]: 40, branch["甲"]: 40, branch["乙"]: 0}
    with pytest.raises(ValidationError, match="重复"):
        study.count_meeting(db, LOCAL_USER, held.meeting_id, hours_tenths=40)
    assert credited(db, 2026)[branch["甲"]] == 40


def test_a_meeting_counted_as_study_is_organised_by_its_lecturer_or_its_branch(
        db: Database, branch: dict[str, str]) -> None:
    """组织单位或主讲人 of a counted meeting: a 党课's lecturer, a 党小组's group, else 本支部 — never the person who
    only chaired it."""
    present = {branch["书记"]: PRESENT}
    for kind, topic, more, expected in (("lecture", "党课", {"chair": "李秀英", "lecturer": "王建国"}, "王建国"),
                                        ("theme_day", "主题党日", {"chair": "李秀英"}, "本支部")):
        held = meetings.add_meeting(db, LOCAL_USER, MeetingData(kind, topic, date(2026, 4, 26), **more),
                                    statuses=present)
        added = study.count_meeting(db, LOCAL_USER, held.meeting_id, hours_tenths=20)
        (found,) = [a for a in study.activities_of_year(db, 2026) if a.id == added.activity_id]
        assert found.data.organiser == expected, kind


def test_a_sitting_credits_at_most_eight_hours_a_day(db: Database, branch: dict[str, str]) -> None:
    """A meeting counted as study, or a collective study, fills at most its days at 8 学时 each (a full day of
    off-the-job training): 100 学时 for a morning's 主题党日 is refused naming the limit, and nobody is credited;
    a two-day class takes 16; a member's own online course is credited whole on the day it was finished."""
    held = meetings.add_meeting(db, LOCAL_USER, MeetingData("theme_day", "参观廉政教育基地", date(2026, 5, 15)),
                                statuses={branch["书记"]: PRESENT, branch["甲"]: PRESENT})
    with pytest.raises(ValidationError, match="共 1 天，最多计 8 学时") as refused:
        study.count_meeting(db, LOCAL_USER, held.meeting_id, hours_tenths=1000)
    assert refused.value.field == "hours" and "不能计 100 学时" in refused.value.message
    assert credited(db, 2026) == {branch["书记"]: 0, branch["甲"]: 0, branch["乙"]: 0}
    study.count_meeting(db, LOCAL_USER, held.meeting_id, hours_tenths=80)
    with pytest.raises(ValidationError, match="至 2026-05-13 共 2 天，最多计 16 学时"):
        study.add_activity(db, LOCAL_USER, session_of(date(2026, 5, 12), 170, "class", end=date(2026, 5, 13)),
                           participants={branch["乙"]: None})
    study.add_activity(db, LOCAL_USER, session_of(date(2026, 5, 12), 160, "class", end=date(2026, 5, 13)),
                       participants={branch["乙"]: None})
    course = session_of(date(2026, 6, 1), 120, "online", end=date(2026, 6, 1))
    study.add_own_course(db, LOCAL_USER, branch["乙"], course)
    assert credited(db, 2026) == {branch["书记"]: 80, branch["甲"]: 80, branch["乙"]: 280}


def test_the_database_itself_refuses_a_second_activity_for_one_meeting(db: Database, branch: dict[str, str]) -> None:
    """Even past the service's check, the unique meeting_id makes double counting impossible."""
    held = meetings.add_meeting(db, LOCAL_USER, MeetingData("theme_day", "重温入党誓词", date(2026, 5, 15)),
                                statuses={branch["甲"]: PRESENT})
    study.count_meeting(db, LOCAL_USER, held.meeting_id, hours_tenths=40)
    assert db.site is not None and db.site.organisation_id is not None
    with pytest.raises(IntegrityError), db.write(LOCAL_USER, action="study.add") as session:
        study_repo.insert_activity(session, db.site.organisation_id,
                                   ActivityData("collective", "重温入党誓词", date(2026, 5, 15),
                                                date(2026, 5, 15), 40, meeting_id=held.meeting_id),
                                   [study_repo.Credit(branch["甲"], 2026, 40)])
    assert credited(db, 2026)[branch["甲"]] == 40


def test_a_deleted_activity_leaves_the_ledger_and_frees_its_meeting(db: Database, branch: dict[str, str]) -> None:
    """Deleting takes the hours off; the meeting can then be counted again."""
    held = meetings.add_meeting(db, LOCAL_USER, MeetingData("lecture", "党课", date(2026, 4, 26)),
                                statuses={branch["甲"]: PRESENT})
    added = study.count_meeting(db, LOCAL_USER, held.meeting_id, hours_tenths=40)
    study.delete_activity(db, LOCAL_USER, added.activity_id)
    assert credited(db, 2026)[branch["甲"]] == 0
    study.count_meeting(db, LOCAL_USER, held.meeting_id, hours_tenths=30)
    assert credited(db, 2026)[branch["甲"]] == 30


def test_other_meetings_are_not_study(db: Database, branch: dict[str, str]) -> None:
    """A 支委会 is not counted as study."""
    held = meetings.add_meeting(db, LOCAL_USER, MeetingData("committee", "研究工作", date(2026, 4, 3)),
                                statuses={branch["书记"]: PRESENT})
    with pytest.raises(ValidationError, match="不按学习活动"):
        study.count_meeting(db, LOCAL_USER, held.meeting_id, hours_tenths=10)


def test_the_ledger_equals_the_sum_of_each_member_s_entries(db: Database, branch: dict[str, str]) -> None:
    """Each member's credited hours are the sum of the entries listed for that member."""
    rng = random.Random(7)
    ids = list(branch.values())
    for month in range(1, 12):
        people = {i: rng.choice([None, 5, 10]) for i in ids if rng.random() < 0.8} or {ids[0]: None}
        study.add_activity(db, LOCAL_USER, session_of(date(2026, month, 10), rng.choice([10, 20, 40])),
                           participants=people)
    study.add_own_course(db, LOCAL_USER, ids[1], session_of(date(2026, 6, 1), 35, "online"))
    rows = study_reports.ledger(db, 2026, as_of=TODAY)
    assert sum(r.credited for r in rows) > 0
    for row in rows:
        assert row.credited == sum(t for _a, t in study_reports.member_entries(db, row.member_id, 2026))


def test_required_hours_follow_role_and_admission(db: Database, branch: dict[str, str]) -> None:
    """The 书记 owes 56, members 32; a member admitted on 2 July owes 16 (183 of 365 days)."""
    late = add(db, "钱新", seed=9, joined="2026-07-02")
    required = {r.member_id: r.required for r in study_reports.ledger(db, 2026, as_of=TODAY)}
    assert required[branch["书记"]] == 560
    assert required[branch["甲"]] == 320
    assert required[late] == 160


def test_a_transferred_out_member_owes_the_days_before(db: Database, branch: dict[str, str]) -> None:
    """Transferred out on 1 April: on the roll 90 days, 7.9 学时."""
    members.add_event(db, LOCAL_USER, member_id=branch["乙"], kind=EventKind.TRANSFER_OUT, on_date=date(2026, 4, 1),
                      detail="示范市某支部", today=TODAY)
    required = {r.member_id: r.required for r in study_reports.ledger(db, 2026, as_of=TODAY)}
    assert required[branch["乙"]] == 79


def test_members_under_the_threshold_are_named_after_the_third_quarter(db: Database, branch: dict[str, str]) -> None:
    """After 30 September, under 75 % of the year's hours is a finding; not before."""
    study.add_activity(db, LOCAL_USER, session_of(date(2026, 3, 5), 250), participants={branch["甲"]: None})
    study.add_activity(db, LOCAL_USER, session_of(date(2026, 3, 6), 230), participants={branch["乙"]: None})
    found = run_checks(db, date(2026, 10, 1), ["study.behind"])
    names = {f.subject.split("|")[0] for f in found}
    assert names == {branch["书记"], branch["乙"]}  # 甲 has 25 of 32 (78 %), 乙 23 (72 %)
    # The to-do says the share it is judged by (the ledger's 进度偏慢, by the year's pace, lists more).
    said = [f.message for f in found if f.subject.startswith(branch["乙"])]
    assert said == ["赵乙 2026年已完成学时 23，不足应完成 32 的 75%"]
    assert list(run_checks(db, date(2026, 9, 29), ["study.behind"])) == []
    january = run_checks(db, date(2027, 1, 5), ["study.behind"])
    assert {f.code for f in january} == {"study.unfinished"}


def test_certifications_expiring_soon_are_found_unless_renewed(db: Database, branch: dict[str, str]) -> None:
    """Expiring within 60 days warns; expired is overdue; a newer one of the same name silences both."""
    cert = CertificationData(branch["甲"], "特种设备作业人员证", "市场监管局", date(2022, 1, 1), date(2026, 12, 20))
    study.add_certification(db, LOCAL_USER, cert)
    study.add_certification(db, LOCAL_USER, CertificationData(branch["乙"], "会计专业技术资格", "", None,
                                                              date(2026, 11, 1)))
    found = {f.code: f for f in run_checks(db, TODAY, ["study.cert_expiry"])}
    assert set(found) == {"study.cert_expiring", "study.cert_expired"}
    assert "张甲" in found["study.cert_expiring"].message
    expiring = found["study.cert_expiring"]  # opens the certificate's line, scoped by its member
    assert expiring.target is not None and expiring.target.key == f"{branch['甲']}|{expiring.subject}"
    assert (expiring.target.kind, expiring.target.record()) == ("cert", ("member", branch["甲"]))
    study.add_certification(db, LOCAL_USER, CertificationData(branch["甲"], "特种设备作业人员证", "", date(2026, 11, 1),
                                                              date(2030, 11, 1)))
    codes = {f.code for f in run_checks(db, TODAY, ["study.cert_expiry"])}
    assert codes == {"study.cert_expired"}


def test_a_certification_is_corrected_or_deleted(db: Database, branch: dict[str, str]) -> None:
    """A mistyped expiry corrected silences its reminder; a deleted one leaves the list and the reminders; the
    same checks as adding (an expiry before the day obtained is refused); a deleted one cannot be touched."""
    cert = CertificationData(branch["甲"], "特种设备作业人员证", "市场监管局", date(2022, 1, 1), date(2026, 12, 20))
    study.add_certification(db, LOCAL_USER, cert)
    [(cert_id, _name, _data)] = study.certifications(db)
    assert {f.code for f in run_checks(db, TODAY, ["study.cert_expiry"])} == {"study.cert_expiring"}
    with pytest.raises(ValidationError) as refused:
        study.update_certification(db, LOCAL_USER, cert_id, replace(cert, expires_on=date(2021, 1, 1)))
    assert refused.value.code == "expiry_before"
    changes = study.update_certification(db, LOCAL_USER, cert_id, replace(cert, expires_on=date(2029, 12, 20)))
    assert changes.ids_of(ChangeKind.CERTIFICATION) == {cert_id}
    assert [c.expires_on for _i, _n, c in study.certifications(db)] == [date(2029, 12, 20)]
    assert run_checks(db, TODAY, ["study.cert_expiry"]) == []
    study.delete_certification(db, LOCAL_USER, cert_id)
    assert study.certifications(db) == []
    for again in (lambda: study.delete_certification(db, LOCAL_USER, cert_id),
                  lambda: study.update_certification(db, LOCAL_USER, cert_id, cert)):
        with pytest.raises(ValidationError) as gone:
            again()
        assert gone.value.code == "no_certification"


def test_evidence_and_materials_are_stored_by_content(db: Database, branch: dict[str, str], tmp_path: Path) -> None:
    """The same file stored twice is one file named by its hash; materials are found by title or tag."""
    source = tmp_path / "结业证书.pdf"
    source.write_bytes(b"%PDF-1.4 certificate")
    sha = study_files.store_file(db.path, source)
    assert study_files.store_file(db.path, source) == sha
    assert study_files.path_of(db.path, sha).read_bytes() == source.read_bytes()
    study.add_own_course(db, LOCAL_USER, branch["甲"], ActivityData(
        "online", "网络培训：新时代党建", date(2026, 5, 1), date(2026, 5, 1), 60, evidence_sha=sha,
        evidence_name=source.name))
    study.add_material(db, LOCAL_USER, MaterialData("党章学习辅导", "党章 辅导", date(2026, 3, 1), sha, source.name))
    study.add_material(db, LOCAL_USER, MaterialData("红色影片", "影片", date(2026, 4, 1), link="https://example.org/film"))
    assert [m.title for _i, m in study.search_materials(db, "党章")] == ["党章学习辅导"]
    assert [m.title for _i, m in study.search_materials(db)] == ["红色影片", "党章学习辅导"]
    with pytest.raises(ValidationError):
        study.add_material(db, LOCAL_USER, MaterialData("空", "", None))


def test_committee_members_without_a_training_class_are_named(db: Database, branch: dict[str, str]) -> None:
    """From the end of September, a 书记 with no 培训班 this year is a finding; attending one clears it."""
    assert [f.subject for f in run_checks(db, date(2026, 10, 1), ["study.leader_training"])] == [
        f"{branch['书记']}|2026"]
    assert list(run_checks(db, date(2026, 9, 1), ["study.leader_training"])) == []
    study.add_activity(db, LOCAL_USER, session_of(date(2026, 5, 12), 160, "class", end=date(2026, 5, 13)),
                       participants={branch["书记"]: None})
    assert list(run_checks(db, date(2026, 10, 1), ["study.leader_training"])) == []


def test_a_study_still_to_come_credits_no_hours(db: Database, branch: dict[str, str]) -> None:
    """A study starting after today is refused, named, at its date; one begun today may run on past it."""
    from datetime import timedelta

    today = date.today()
    with pytest.raises(ValidationError) as refused:
        study.add_activity(db, LOCAL_USER, session_of(today + timedelta(days=24)), participants={branch["甲"]: None})
    assert refused.value.field == "start_on" and "还没到" in refused.value.message
    study.add_activity(db, LOCAL_USER, session_of(today, 320, "class", end=today + timedelta(days=3)),
                       participants={branch["甲"]: None})
    assert sum(credited(db, today.year).values()) + sum(credited(db, today.year + 1).values()) == 320


def test_a_recorded_study_is_corrected_and_the_hours_follow(db: Database, branch: dict[str, str]) -> None:
    """2 学时 to 书记 and 甲, corrected to 4 学时 for 甲 and 乙: 书记's credit is tombstoned (for sync), 甲's
    changed in place, 乙's added; the ledger shows the corrected hours and nothing else."""
    from sqlalchemy import select

    from partydesk.core.storage.study_tables import StudyCredit

    added = study.add_activity(db, LOCAL_USER, session_of(date(2026, 3, 5)),
                               participants={branch["书记"]: None, branch["甲"]: None})
    with db.read() as session:
        before = {c.member_id: c.id for c in session.scalars(select(StudyCredit))}
    fixed = replace(session_of(date(2026, 3, 6), hours=40), topic="学习党章（第二次）")
    changes = study.update_activity(db, LOCAL_USER, added.activity_id, fixed,
                                    participants={branch["甲"]: None, branch["乙"]: None})
    assert changes.ids_of(ChangeKind.STUDY) == {added.activity_id}
    assert credited(db, 2026) == {branch["书记"]: 0, branch["甲"]: 40, branch["乙"]: 40}
    data, credits = study.activity(db, added.activity_id)
    assert (data.topic, data.start_on, data.hours_tenths) == ("学习党章（第二次）", date(2026, 3, 6), 40)
    assert sorted(c.member_id for c in credits) == sorted([branch["甲"], branch["乙"]])
    with db.read() as session:
        rows = {c.id: (c.member_id, c.deleted) for c in session.scalars(select(StudyCredit))}
    assert rows[before[branch["书记"]]] == (branch["书记"], True)
    assert rows[before[branch["甲"]]] == (branch["甲"], False), "甲's credit is the same row, changed"
    with pytest.raises(ValidationError, match="参加"):
        study.update_activity(db, LOCAL_USER, added.activity_id, fixed, participants={})
    late = add(db, "钱新", seed=9, joined="2026-06-01")
    with pytest.raises(ValidationError, match="钱新"):
        study.update_activity(db, LOCAL_USER, added.activity_id, fixed, participants={late: None})
    assert credited(db, 2026) == {branch["书记"]: 0, branch["甲"]: 40, branch["乙"]: 40, late: 0}


def test_an_office_new_this_year_is_told_where_its_earlier_hours_go(db: Database, branch: dict[str, str]) -> None:
    """Set up on 20 November: the 学时不足 to-do says since when the program records and where the year's earlier
    study is entered; once the office is more than 90 days in (or began in an earlier year), it does not."""
    from tests.conftest import set_up_on

    set_up_on(db, date(2026, 11, 20))
    said = [f.message for f in run_checks(db, date(2026, 11, 30), ["study.behind"])
            if f.subject.startswith(branch["乙"])]
    assert said == ["赵乙 2026年已完成学时 0，不足应完成 32 的 75%"
                    "（本程序自2026年11月20日起记录；此前的学时请在“学习”页的“学时台账”中补录）"]
    set_up_on(db, date(2026, 1, 5))
    assert all("补录" not in f.message for f in run_checks(db, date(2026, 11, 30), ["study.behind"]))
