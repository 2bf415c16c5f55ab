"""`partydesk report annual`: the yearly report as PDF (pdftotext shows the figures) or .docx."""

from __future__ import annotations

import json
import shutil
import subprocess
import unicodedata
from pathlib import Path

import docx
import pytest

from partydesk.cli import main
from partydesk.core.demo import create_demo


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo branch."""
    path = tmp_path_factory.mktemp("report") / "demo.db"
    create_demo(path)
    return path


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_pdf_report_shows_the_key_figures_and_todos(demo: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """The PDF's text holds the title, the member count and an overdue meeting."""
    out = tmp_path / "台账.pdf"
    assert main(["report", "annual", "--db", str(demo), "--year", "2026", "--out", str(out), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["members"] == 36 and payload["meetings"] > 0
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, check=True).stdout.decode()
    # The PDF's fonts map some glyphs to Kangxi radicals (⼀ for 一); NFKC folds them back.
    flat = unicodedata.normalize("NFKC", "".join(text.split()))
    for wanted in ("年度党建工作台账", "党员总数", "36名", "2026年第二季度未召开党课", "会议登记"):
        assert wanted in flat, wanted


def test_docx_report_opens_in_python_docx(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--out *.docx writes a Word document with the figures table."""
    out = tmp_path / "report.docx"
    assert main(["report", "annual", "--db", str(demo), "--year", "2026", "--out", str(out)]) == 0
    assert "已生成2026年度党建工作台账" in capsys.readouterr().out
    cells = [c.text for t in docx.Document(str(out)).tables for r in t.rows for c in r.cells]
    assert "党员总数" in cells and "36 名" in cells


def test_other_formats_are_refused(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--out report.xlsx exits 1 naming the two formats, and writes nothing."""
    out = tmp_path / "report.xlsx"
    assert main(["report", "annual", "--db", str(demo), "--out", str(out)]) == 1
    assert ".pdf 或 .docx" in capsys.readouterr().err and not out.exists()
