"""``roster import --skip-rejected`` that skips every row has failed; the text output shows the warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

from partydesk.cli import main
from partydesk.core.storage.database import Database
from tests.core.io.test_roster_import import ID1, ID2, person, save_xlsx


def test_skip_rejected_with_every_row_rejected_exits_non_zero(db: Database, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """Nothing imported is a failure even when the user asked to skip bad rows."""
    rows = [person(id_number=ID1[:-1] + "0"), person("李梅", ID2, 性别="未知", 入党日期="2030-01-01")]
    bad = save_xlsx(tmp_path / "bad.xlsx", rows)
    db_file = str(db.path)
    db.close()
    assert main(["roster", "import", str(bad), "--db", db_file, "--skip-rejected"]) == 1
    out, _ = capsys.readouterr()
    assert "没有导入任何数据" in out


def test_text_output_lists_warnings(db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A row imported with a warning (转正 long after 入党) shows that warning in the plain output too."""
    late = save_xlsx(tmp_path / "late.xlsx", [person("李梅", ID2, 入党日期="2005-07-01", 转正日期="2009-07-01")])
    db_file = str(db.path)
    db.close()
    assert main(["roster", "import", str(late), "--db", db_file]) == 0
    out, _ = capsys.readouterr()
    assert "提醒" in out and "第 3 行" in out
