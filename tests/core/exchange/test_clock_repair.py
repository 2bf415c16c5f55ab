"""A branch whose clock once read 2099: its records are refused upstream until the office mends them.

On real database files and packages: the branch edits two members while its clock reads 2099, the date is
put right, the committee refuses both records; ``restamp_future`` gives them fresh versions and change
numbers, and the next package carries them and is accepted. The mend touches only this office's own records,
keeps every row hash right, leaves an audit entry, and is refused while the clock itself reads too early.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from partydesk.core import checks
from partydesk.core.changes import LOCAL_USER, ChangeKind
from partydesk.core.checks.findings import Target, run_checks
from partydesk.core.clock import HybridClock, Version
from partydesk.core.errors import ValidationError
from partydesk.core.services.setup import own_organisation
from partydesk.core.services.sync_clock import clock_trouble, restamp_future
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import ImportReport, import_package
from partydesk.core.storage import audit, rowhash
from partydesk.core.storage.database import Database, open_database
from partydesk.core.storage.stamping import utc_now
from partydesk.core.storage.tables import Member, Site
from tests.core.exchange.conftest import Sites

COMMITTEE = "1000"
FUTURE = datetime(2099, 3, 1, 9, 0)


def _ms(when: datetime) -> int:
    return (when - datetime(1970, 1, 1)) // timedelta(milliseconds=1)


def _edit(db: Database, member_id: str, phone: str) -> None:
    with db.write(LOCAL_USER, action="member.update") as session:
        session.get(Member, member_id).phone = phone  # type: ignore[union-attr]


def _members(db: Database) -> list[str]:
    with db.read() as session:
        return list(session.scalars(select(Member.id).where(Member.deleted.is_(False)).order_by(Member.id)))


def _phone(db: Database, member_id: str) -> str:
    with db.read() as session:
        return str(session.get(Member, member_id).phone)  # type: ignore[union-attr]


def _poisoned(sites: Sites, path: Path) -> tuple[Database, list[str]]:
    """The committee holds the branch's snapshot; then two members are edited on a day the branch's clock
    read 2099, and the branch is opened again once the date is right. Returns the reopened branch."""
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick, snapshot=True)
    assert import_package(sites.committee, LOCAL_USER, sent.path).status == "applied"
    first, second = _members(sites.branch)[:2]
    clock = sites.branch.clock
    assert clock is not None
    sites.branch.clock = HybridClock(clock.site_id, clock.last, wall=lambda: _ms(FUTURE))
    _edit(sites.branch, first, "13900000001")
    sites.branch.close()
    branch = open_database(path)  # the date put right, the program started again: the clock resumes at 2099
    _edit(branch, second, "13900000002")
    return branch, [first, second]


def test_records_written_under_a_clock_in_2099_are_mended_and_accepted(sites: Sites, tmp_path: Path) -> None:
    branch, (first, second) = _poisoned(sites, tmp_path / "b" / "branch.db")
    trouble = clock_trouble(branch)
    assert trouble is not None and trouble.future_records == 2 and not trouble.reads_too_early
    assert trouble.latest is not None and trouble.latest.year == 2099
    assert "2 条记录" in trouble.message() and "2099" in trouble.message() and "对照手机" in trouble.message()
    checks.load_all()
    [todo] = run_checks(branch, date.today(), ["exchange.clock_ahead"])  # on the workbench, opening the exchange
    assert todo.message == trouble.message() and todo.target == Target("exchange", "clock")

    # As things stand, the committee refuses both records, and they would never be sent again.
    refused = import_package(sites.committee, LOCAL_USER, export_package(
        branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick).path)
    assert refused.status == "applied" and refused.counts["rejected"] == 2
    assert {record_id for _type, record_id, _reason in refused.rejected} == {first, second}
    assert _phone(sites.committee, first) != "13900000001"

    mended = restamp_future(branch, LOCAL_USER)
    assert mended.count == 2 and mended.changes.kinds == {ChangeKind.SYNC, ChangeKind.MEMBER}  # pages reload
    assert clock_trouble(branch) is None and run_checks(branch, date.today(), ["exchange.clock_ahead"]) == []
    cutoff = _ms(utc_now() + timedelta(days=1))
    with branch.read() as session:
        versions = [session.get(Member, i).version for i in (first, second)]  # type: ignore[union-attr]
        site = session.execute(select(Site)).scalar_one()
        assert all(Version.decode(v).wall_ms < cutoff for v in [*versions, site.hlc_last])
        entry = audit.latest(session, 1)[0]
        assert entry.action == "sync.clock_repair"
        assert first in entry.record_ids and second in entry.record_ids
    with sqlite3.connect(branch.path) as raw:
        assert rowhash.problems(raw) == []

    # The next package carries both again, and the committee takes them.
    again = import_package(sites.committee, LOCAL_USER, export_package(
        branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick).path)
    assert again.status == "applied" and again.counts["rejected"] == 0 and again.counts["updated"] >= 2
    assert (_phone(sites.committee, first), _phone(sites.committee, second)) == ("13900000001", "13900000002")

    # Later edits are dated now, and go up as usual.
    _edit(branch, first, "13900000003")
    later = import_package(sites.committee, LOCAL_USER, export_package(
        branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick).path)
    assert later.counts["rejected"] == 0 and _phone(sites.committee, first) == "13900000003"
    branch.close()


def _ahead(db: Database) -> None:
    """The next writes of ``db`` dated 2099-03-01."""
    clock = db.clock
    assert clock is not None
    db.clock = HybridClock(clock.site_id, clock.last, wall=lambda: _ms(FUTURE))


def _resumed(db: Database) -> None:
    """The date put right: the clock reads now again, and resumes where it had got to (2099)."""
    clock = db.clock
    assert clock is not None
    db.clock = HybridClock(clock.site_id, clock.last)


def _down(sites: Sites, branch: Database) -> ImportReport:
    code = own_organisation(branch).code  # type: ignore[union-attr]
    sent = export_package(sites.committee, LOCAL_USER, to_org_code=code, out_dir=sites.stick)
    return import_package(branch, LOCAL_USER, sent.path)


def _left_alone(db: Database, **when: datetime) -> None:
    """The mend refuses (the clock reads too early) and no version of ``db`` changes."""
    with db.read() as session:
        before = dict(session.execute(select(Member.id, Member.version)).all())
    with pytest.raises(ValidationError) as caught:
        restamp_future(db, LOCAL_USER, **when)
    assert caught.value.code == "clock_too_early"
    with db.read() as session:
        assert dict(session.execute(select(Member.id, Member.version)).all()) == before


def test_a_committee_correction_dated_2099_is_mended_and_reaches_the_branch(sites: Sites) -> None:
    """The committee corrects a branch's member on a day its clock reads 2099: the record stays the branch's,
    the version is the committee's. The mend finds it by that version, dates it anew, and the branch takes
    the correction it had refused."""
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick, snapshot=True)
    assert import_package(sites.committee, LOCAL_USER, sent.path).status == "applied"
    member_id = _members(sites.branch)[0]
    _ahead(sites.committee)
    with sites.committee.write(LOCAL_USER, action="test.correct") as session:
        session.get(Member, member_id).phone = "13900000007"  # type: ignore[union-attr]
    _resumed(sites.committee)
    trouble = clock_trouble(sites.committee)
    assert trouble is not None and trouble.future_records == 1 and not trouble.reads_too_early
    refused = _down(sites, sites.branch)
    assert refused.counts["rejected"] == 1 and _phone(sites.branch, member_id) != "13900000007"
    assert restamp_future(sites.committee, LOCAL_USER).count == 1
    assert clock_trouble(sites.committee) is None
    with sites.committee.read() as session:
        assert session.get(Member, member_id).owner_site == sites.branch.site.site_id  # type: ignore[union-attr]
    taken = _down(sites, sites.branch)
    assert taken.counts["rejected"] == 0 and _phone(sites.branch, member_id) == "13900000007"


def test_a_conflict_on_a_mended_record_can_still_take_the_committee_s_version(sites: Sites, tmp_path: Path) -> None:
    """The committee's correction meets the branch's 2099 edit and waits in the branch's queue; after the mend
    the record's version changed but not its content, and 采用上级的 still works."""
    from partydesk.core.services.sync_conflicts import open_conflicts, resolve

    branch, (first, _second) = _poisoned(sites, tmp_path / "b" / "branch.db")
    with sites.committee.write(LOCAL_USER, action="test.correct") as session:
        session.get(Member, first).address = "幸福南路9号"  # type: ignore[union-attr]
    assert _down(sites, branch).counts["conflict"] == 1
    [waiting] = open_conflicts(branch)
    assert restamp_future(branch, LOCAL_USER).count == 2
    resolve(branch, LOCAL_USER, waiting.id, take_incoming=True)
    with branch.read() as session:
        assert session.get(Member, first).address == "幸福南路9号"  # type: ignore[union-attr]
    branch.close()


def test_a_clock_now_reading_earlier_than_what_others_sent_is_not_mended(sites: Sites, tmp_path: Path) -> None:
    """The year typed one too low after the records were entered: every record looks "in the future", but the
    committee's receipt says the time is later, so nothing is re-dated (re-dating them earlier than the
    committee's copies would lose every later edit there)."""
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick, snapshot=True)
    assert import_package(sites.committee, LOCAL_USER, sent.path).status == "applied"
    assert _down(sites, sites.branch).status == "applied"  # the committee's receipt, written today
    behind = utc_now() - timedelta(days=365)
    trouble = clock_trouble(sites.branch, now=behind)
    assert trouble is not None and trouble.reads_too_early and trouble.future_records > 0
    assert trouble.by_packages and "比其他单位发来的数据" in trouble.message() and "明显有误" in trouble.message()
    _left_alone(sites.branch, now=behind)


def test_a_committee_that_took_2099_records_under_its_own_2099_clock_is_not_mended(sites: Sites,
                                                                                    tmp_path: Path) -> None:
    """Both clocks read 2099 the same day, and the committee took the branch's 2099 records. By the evidence
    the committee's clock now reads too early; it is left alone (a mend below the branch's 2099 copies would
    make the branch's later edits look older than what the committee holds)."""
    branch, _ids = _poisoned(sites, tmp_path / "b" / "branch.db")
    sent = export_package(branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    taken = import_package(sites.committee, LOCAL_USER, sent.path, now=FUTURE)
    assert taken.counts["rejected"] == 0 and taken.counts["updated"] == 2
    trouble = clock_trouble(sites.committee)
    assert trouble is not None and trouble.reads_too_early and trouble.others_later is not None
    assert not trouble.by_packages and "要么导入这些记录时本机时钟在将来" in trouble.message()
    _left_alone(sites.committee)
    branch.close()


def test_no_trouble_on_a_sound_clock(sites: Sites) -> None:
    assert clock_trouble(sites.branch) is None
    assert restamp_future(sites.branch, LOCAL_USER).count == 0


def test_a_clock_reading_before_2020_is_trouble_and_the_mend_waits_for_it(sites: Sites, tmp_path: Path) -> None:
    """A reset clock (2000-01-01) is named, and nothing is mended until it is right: judged against a wrong
    "now", every record would look as if written in the future."""
    reset = datetime(2000, 1, 1, 8, 0)
    trouble = clock_trouble(sites.branch, now=reset)
    assert trouble is not None and trouble.reads_too_early and "2000-01-01" in trouble.message()
    _left_alone(sites.branch, now=reset)


def test_a_cancelled_mend_changes_nothing(sites: Sites, tmp_path: Path) -> None:
    """Cancel (from the progress dialog) after the first batch: the write rolls back, the clock in memory is
    the one from before, and the trouble is still there to mend later."""
    from partydesk.core.progress import Cancelled, Progress

    branch, _ids = _poisoned(sites, tmp_path / "b" / "branch.db")
    clock_before = branch.clock
    with branch.read() as session:
        before = dict(session.execute(select(Member.id, Member.version)).all())
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        restamp_future(branch, LOCAL_USER, progress=progress)
    with branch.read() as session:
        assert dict(session.execute(select(Member.id, Member.version)).all()) == before
    assert branch.clock is clock_before
    assert clock_trouble(branch) is not None and restamp_future(branch, LOCAL_USER).count == 2
    branch.close()
