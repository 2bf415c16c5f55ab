"""`partydesk meetings export` (Word here; PDF in tests/gui) and `meetings register`: files and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from partydesk.cli import main
from partydesk.core.storage.database import Database
from tests.meeting_docs_sample import ABSENT_NAME, LEAVE_NAME, record_sample


@pytest.fixture
def sample_db(db: Database, db_path: Path) -> tuple[Path, str]:
    """The sample meeting in a closed database file: (path, meeting id)."""
    meeting_id = record_sample(db).meeting_id
    db.close()
    return db_path, meeting_id


def test_export_docx_writes_the_minutes(sample_db: tuple[Path, str], tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """Exit 0, a JSON answer naming the file, and a .docx holding the names."""
    path, meeting_id = sample_db
    out = tmp_path / "记录.docx"
    assert main(["meetings", "export", meeting_id, "--db", str(path), "--out", str(out), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["path"] == str(out) and payload["format"] == "docx"
    text = "\n".join(c.text for t in Document(str(out)).tables for row in t.rows for c in row.cells)
    assert LEAVE_NAME in text and ABSENT_NAME in text


def test_export_of_an_unknown_meeting_exits_1_in_chinese(sample_db: tuple[Path, str], tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """An id that is no meeting: exit 1, a Chinese message on stderr, no file."""
    path, _meeting_id = sample_db
    out = tmp_path / "x.docx"
    assert main(["meetings", "export", "no-such-id", "--db", str(path), "--out", str(out)]) == 1
    assert "找不到这次会议" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("name", ["x.txt", "x.doc", "x"])
def test_export_to_another_suffix_exits_1_in_chinese(sample_db: tuple[Path, str], tmp_path: Path, name: str,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """Only .pdf and .docx: anything else is refused before anything is read or written."""
    path, meeting_id = sample_db
    out = tmp_path / name
    assert main(["meetings", "export", meeting_id, "--db", str(path), "--out", str(out)]) == 1
    assert "会议记录可导出为 .pdf 或 .docx" in capsys.readouterr().err
    assert not out.exists()


def test_register_writes_the_years_meetings(sample_db: tuple[Path, str], tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """`meetings register --year` writes one row per meeting; a non-.xlsx name exits 1."""
    path, _meeting_id = sample_db
    out = tmp_path / "台账.xlsx"
    assert main(["meetings", "register", "--year", "2026", "--db", str(path), "--out", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["meetings"] == 1
    sheet = openpyxl.load_workbook(out).active
    assert sheet["C3"].value == "支部党员大会" and sheet["H3"].value == 6
    assert main(["meetings", "register", "--year", "2026", "--db", str(path), "--out", str(tmp_path / "t.csv")]) == 1
    assert "会议台账导出为 .xlsx" in capsys.readouterr().err


def test_the_number_meetings_list_shows_is_enough_to_export(sample_db: tuple[Path, str], tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """``meetings list`` shows each meeting's first 8 characters of its id, and export takes them."""
    path, meeting_id = sample_db
    from tests.meeting_docs_sample import HELD_ON

    assert main(["meetings", "list", "--db", str(path), "--year", str(HELD_ON.year)]) == 0
    assert f"{meeting_id[:8]}\t{HELD_ON.isoformat()}" in capsys.readouterr().out
    out = tmp_path / "记录.docx"
    assert main(["meetings", "export", meeting_id[:8], "--db", str(path), "--out", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == meeting_id and out.exists()
