"""Tests of the roster importer's second half: members matched by ID number and updated, and the all-or-nothing
apply (a verified backup first; a failure or a cancel at any point writes nothing; a roster changed since the plan
is refused). The fixture files and helpers are ``test_roster_import``'s.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from partydesk.core.changes import LOCAL_USER, ChangeKind
from partydesk.core.progress import Cancelled, Progress
from partydesk.core.services import bulk, members
from partydesk.core.services.maintenance import list_backups
from partydesk.core.services.roster_import import ImportPlan, RosterChanged, RowsRejected, apply_import
from partydesk.core.storage.database import Database
from tests.core.io.test_roster_import import ID1, ID2, ID3, event_count, member, person, plan, save_xlsx, seed, stored

# --- matching existing members -------------------------------------------------------------------


def test_existing_member_is_matched_by_id_and_updated(db: Database, tmp_path: Path) -> None:
    """A row whose ID number is stored updates that member (same id), changing only what differs."""
    seed(db, member(address="幸福路1号"))
    before = members.roster(db, LOCAL_USER)[0]
    path = save_xlsx(tmp_path / "r.xlsx", [person(联系电话="13900139000")])
    result = plan(db, path)
    row = result.rows[0]
    assert (row.action, row.member_id, row.changed_fields) == ("updated", before.id, ("phone",))
    applied = apply_import(db, LOCAL_USER, result)
    assert (applied.updated, applied.new) == (1, 0)
    assert applied.changes.touches(ChangeKind.MEMBER)
    after = members.roster(db, LOCAL_USER)[0]
    assert (after.id, after.phone, after.address) == (before.id, "13900139000", "幸福路1号")


def test_columns_absent_from_the_file_keep_stored_values(db: Database, tmp_path: Path) -> None:
    """A file without 联系电话 or 党小组 columns does not wipe the stored phones and groups."""
    seed(db, member(party_group="第三党小组", phone="13700137000"))
    header = ["姓名", "性别", "公民身份号码", "人员类别", "入党日期", "转正日期"]
    path = save_xlsx(tmp_path / "r.xlsx", [["张三丰", "男", ID1, "正式党员", "2005-07-01", "2006-07-01"]],
                     header=header)
    result = plan(db, path)
    assert result.rows[0].changed_fields == ("name",)
    assert result.rows[0].action == "conflict"  # a new name under a known ID number is confirmed first
    apply_import(db, LOCAL_USER, result, accept_renames=True)
    after = members.roster(db, LOCAL_USER)[0]
    assert (after.name, after.party_group, after.phone) == ("张三丰", "第三党小组", "13700137000")


def test_identical_rows_are_unchanged_and_nothing_is_written(db: Database, tmp_path: Path) -> None:
    """Rows equal to the stored member field by field are unchanged; applying them writes nothing."""
    seed(db, member(), member("李梅", ID2))
    path = save_xlsx(tmp_path / "r.xlsx", [person(), person("李梅", ID2, 联系电话="13800138000")])
    result = plan(db, path)
    assert (result.unchanged, result.updated, result.new) == (2, 0, 0)
    before = stored(db)
    applied = apply_import(db, LOCAL_USER, result)
    assert (applied.backup_path, bool(applied.changes)) == (None, False)
    assert stored(db) == before


def test_importing_the_same_file_twice_reports_all_unchanged(db: Database, tmp_path: Path) -> None:
    """After a file is applied, planning it again finds every row unchanged (probationary, lost, migrant too)."""
    rows = [person(), person("李梅", ID2, 人员类别="预备党员", 入党日期="2025-09-01", 转正日期=None),
            person("王五", ID3)]
    path = save_xlsx(tmp_path / "r.xlsx", rows)
    assert apply_import(db, LOCAL_USER, plan(db, path)).new == 3
    again = plan(db, path)
    assert (again.unchanged, again.new, again.updated) == (3, 0, 0)


# --- all or nothing ------------------------------------------------------------------------------


def test_plan_with_rejected_rows_is_not_applied_unless_skipping(db: Database, tmp_path: Path) -> None:
    """One rejected row stops the whole import; with skip_rejected the other rows are written."""
    path = save_xlsx(tmp_path / "r.xlsx", [person(), person("李梅", ID2, 性别="火星")])
    result = plan(db, path)
    with pytest.raises(RowsRejected):
        apply_import(db, LOCAL_USER, result)
    assert members.roster(db, LOCAL_USER) == []
    applied = apply_import(db, LOCAL_USER, result, skip_rejected=True)
    assert (applied.new, applied.rejected, applied.skipped_rows) == (1, 1, (4,))
    assert [r.name for r in members.roster(db, LOCAL_USER)] == ["张三"]


def test_apply_takes_a_verified_backup_first(db: Database, tmp_path: Path) -> None:
    """Applying an import leaves a backup of the database as it was before (ST-4)."""
    path = save_xlsx(tmp_path / "r.xlsx", [person()])
    applied = apply_import(db, LOCAL_USER, plan(db, path))
    assert applied.backup_path is not None and applied.backup_path.exists()
    assert any(b.path == applied.backup_path for b in list_backups(db.path))


def _mixed_plan(db: Database, tmp_path: Path) -> ImportPlan:
    seed(db, member(), member("李梅", ID2))
    rows = [person(联系电话="13900139000"), person("李梅", ID2, 党小组="第二党小组"), person("王五", ID3)]
    result = plan(db, save_xlsx(tmp_path / "r.xlsx", rows))
    assert (result.updated, result.new) == (2, 1)
    return result


def test_failure_half_way_through_updates_writes_nothing(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If saving the second updated member fails, the inserts and the first update are rolled back too."""
    result = _mixed_plan(db, tmp_path)
    before, events = stored(db), event_count(db)
    real = members.save_member
    calls = []

    def failing(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 2:
            raise OSError(5, "I/O error")
        return real(*args, **kwargs)

    monkeypatch.setattr(members, "save_member", failing)
    with pytest.raises(OSError):
        apply_import(db, LOCAL_USER, result)
    assert len(calls) == 2
    assert (stored(db), event_count(db)) == (before, events)


def test_failure_after_the_bulk_insert_writes_nothing(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure right after the new members were inserted leaves the database as it was."""
    result = _mixed_plan(db, tmp_path)
    before, events = stored(db), event_count(db)
    real = bulk.bulk_insert_members

    def insert_then_fail(*args: Any, **kwargs: Any) -> Any:
        real(*args, **kwargs)
        raise RuntimeError("power cut")

    monkeypatch.setattr(bulk, "bulk_insert_members", insert_then_fail)
    with pytest.raises(RuntimeError):
        apply_import(db, LOCAL_USER, result)
    assert (stored(db), event_count(db)) == (before, events)


def test_cancelling_the_apply_writes_nothing(db: Database, tmp_path: Path) -> None:
    """Cancelling through Progress during the apply raises Cancelled and leaves nothing written."""
    result = _mixed_plan(db, tmp_path)
    before = stored(db)
    seen: list[str] = []
    progress = Progress(lambda done, total, text: (seen.append(text), progress.cancel()
                                                   if text != "备份数据库" else None))
    with pytest.raises(Cancelled):
        apply_import(db, LOCAL_USER, result, progress=progress)
    assert len(seen) >= 2
    assert stored(db) == before


def test_cancelling_the_plan_raises_cancelled(db: Database, tmp_path: Path) -> None:
    """The dry run can be cancelled too."""
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        plan(db, save_xlsx(tmp_path / "r.xlsx", [person()]), progress=progress)


def test_apply_refuses_when_a_matched_member_was_deleted_since_planning(db: Database, tmp_path: Path) -> None:
    """A member deleted between plan and apply makes the apply refuse with roster_changed; nothing is written."""
    result = _mixed_plan(db, tmp_path)
    assert result.rows[1].member_id is not None
    members.delete_member(db, LOCAL_USER, member_id=result.rows[1].member_id, reason="转出")
    before = stored(db)
    with pytest.raises(RosterChanged) as info:
        apply_import(db, LOCAL_USER, result)
    assert "重新检查" in info.value.message
    assert stored(db) == before


def test_apply_refuses_when_a_member_was_added_since_planning(db: Database, tmp_path: Path) -> None:
    """A member with a planned-new ID added meanwhile would be a duplicate: the apply refuses."""
    result = plan(db, save_xlsx(tmp_path / "r.xlsx", [person()]))
    seed(db, member())
    with pytest.raises(RosterChanged):
        apply_import(db, LOCAL_USER, result)
    assert len(members.roster(db, LOCAL_USER)) == 1


