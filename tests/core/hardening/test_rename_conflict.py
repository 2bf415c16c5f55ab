"""An import row with a known ID number and another name is a conflict, never a silent rename.

The reproduction: a row with 王五 and 杜涛's ID number "updated" 杜涛 into 王五, and the dry run said nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from partydesk.cli import main
from partydesk.core.changes import LOCAL_USER
from partydesk.core.services import members
from partydesk.core.services.roster_import import RenamesUnconfirmed, apply_import
from partydesk.core.storage.database import Database
from tests.core.io.test_roster_import import ID1, ID2, member, person, plan, save_xlsx, seed


def _names(db: Database) -> list[str]:
    return sorted(r.name for r in members.roster(db, LOCAL_USER))


@pytest.fixture
def roster_file(db: Database, tmp_path: Path) -> Path:
    seed(db, member("杜涛", ID1), member("李梅", ID2))
    return save_xlsx(tmp_path / "r.xlsx", [person("王五", ID1), person("李梅", ID2, 党小组="第二党小组")])


def test_dry_run_lists_the_conflict_with_both_names(db: Database, roster_file: Path) -> None:
    """The dry run counts the row as a conflict and shows the name on record beside the name in the file."""
    result = plan(db, roster_file)
    assert (result.conflict, result.updated, result.rejected) == (1, 1, 0)
    summary = result.summary()
    assert summary["conflicts"] == [{"row": 3, "member_id": result.rows[0].member_id,
                                     "name_on_record": "杜涛", "name_in_file": "王五"}]
    warning = result.rows[0].warnings[0]
    assert warning.code == "rename_conflict" and "杜涛" in warning.message and "王五" in warning.message


def test_unconfirmed_conflict_writes_nothing(db: Database, roster_file: Path) -> None:
    """Applying without confirming refuses the whole import; both members are as before."""
    before = _names(db)
    with pytest.raises(RenamesUnconfirmed) as info:
        apply_import(db, LOCAL_USER, plan(db, roster_file))
    assert "王五" in info.value.message and "杜涛" in info.value.message
    assert _names(db) == before
    assert {r.party_group for r in members.roster(db, LOCAL_USER)} == {"第一党小组"}


def test_skip_leaves_the_conflict_row_out_and_applies_the_rest(db: Database, roster_file: Path) -> None:
    """With skip, the conflict row is skipped like a rejected one; the other row is updated."""
    result = apply_import(db, LOCAL_USER, plan(db, roster_file), skip_rejected=True)
    assert result.skipped_rows == (3,) and result.updated == 1
    assert _names(db) == ["李梅", "杜涛"]


def test_confirming_the_row_renames_that_member(db: Database, roster_file: Path) -> None:
    """Confirming row 3 applies it: the same member (same id) now has the new name."""
    planned = plan(db, roster_file)
    member_id = planned.rows[0].member_id
    result = apply_import(db, LOCAL_USER, planned, accept_renames={3})
    assert result.updated == 2
    renamed = members.get_member(db, LOCAL_USER, member_id or "")
    assert renamed is not None and renamed.data.name == "王五"


def test_confirming_another_row_does_not_confirm_this_one(db: Database, roster_file: Path) -> None:
    """Confirmation is per row: confirming row 4 leaves row 3 unconfirmed."""
    with pytest.raises(RenamesUnconfirmed):
        apply_import(db, LOCAL_USER, plan(db, roster_file), accept_renames={4})


def test_cli_needs_accept_renames(db: Database, roster_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``roster import`` refuses with both names; ``--accept-renames`` applies."""
    db_file = str(db.path)
    db.close()
    assert main(["roster", "import", str(roster_file), "--db", db_file, "--dry-run", "--json"]) == 1
    dry = json.loads(capsys.readouterr().out)
    assert dry["conflict"] == 1 and dry["conflicts"][0]["name_on_record"] == "杜涛"
    assert main(["roster", "import", str(roster_file), "--db", db_file]) == 1
    out, err = capsys.readouterr()
    assert "王五" in out + err and "杜涛" in out + err and "--accept-renames" in out + err
    assert main(["roster", "import", str(roster_file), "--db", db_file, "--accept-renames", "--json"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert done["applied"] is True
    assert (done["updated"], done["renamed"], done["conflict"]) == (2, 1, 0)  # what was written, not planned
