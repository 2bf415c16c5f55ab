"""Member cards in one PDF: one card per page, 党龄 and 本人签字 on each, read back with pdftotext."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain.idnumber import check_char
from partydesk.core.domain.member import MemberData
from partydesk.core.domain.party_age import party_age_text
from partydesk.core.services.audit import list_entries
from partydesk.core.services.bulk import insert_members
from partydesk.gui.context import AppContext
from partydesk.gui.pages.members import MembersPage
from partydesk.gui.widgets import card_printer
from tests.gui.conftest import WAIT_MS


def _id(seq: int) -> str:
    first = f"11010519800304{seq:03d}"
    return first + check_char(first)


@pytest.fixture
def three(ctx: AppContext) -> list[str]:
    """Three members: two full members (党龄 known) and one probationary (no 转正 date)."""
    rows = [
        MemberData(name="张建国", gender="1", id_type="1", id_number=_id(11), category="1",
                   joined_on=date(2005, 7, 1), confirmed_on=date(2006, 7, 1)),
        MemberData(name="李秀英", gender="2", id_type="1", id_number=_id(12), category="1",
                   joined_on=date(2015, 7, 1), confirmed_on=date(2016, 7, 1)),
        MemberData(name="王小明", gender="1", id_type="1", id_number=_id(13), category="2",
                   joined_on=date.today().replace(day=1)),
    ]
    insert_members(ctx.db, LOCAL_USER, rows)
    from partydesk.core.services.members import roster
    return [r.id for r in roster(ctx.db, LOCAL_USER)]


def age(confirmed_year: int) -> str:
    """The 党龄 text of a member confirmed on 1 July of that year, as of today."""
    return party_age_text(date(confirmed_year, 7, 1), date.today())


def pdf_pages(path: Path) -> list[str]:
    """The text of each page of a PDF (pdftotext, a second reader), NFKC-folded: the font's glyphs for
    人, 日 and the like map back to the Kangxi radicals (⼈ U+2F08), which look the same on paper."""
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    text = unicodedata.normalize("NFKC", text)
    return text.rstrip("\f").split("\f")


def test_cards_for_a_selection_are_one_pdf_one_page_each(qtbot: QtBot, ctx: AppContext, three: list[str],
                                                         tmp_path: Path) -> None:
    """Two chosen members → one PDF of two pages, each with its 党龄 and a 本人签字 line; the print is audited."""
    got: list[tuple[str, int]] = []
    parent = QWidget()
    qtbot.addWidget(parent)
    card_printer.request_cards(ctx, parent, three[:2], full_numbers=False, on_ready=lambda h, n: got.append((h, n)))
    assert ctx.runner.wait_idle(WAIT_MS)
    [(html, count)] = got
    assert count == 2
    path = tmp_path / "cards.pdf"
    card_printer.write_pdf(html, path)
    pages = pdf_pages(path)
    assert len(pages) == 2
    for page in pages:
        assert "党龄" in page and "本人签字" in page
    ages = [re.findall(r"党龄\s+(\d+ 年|—)", p) for p in pages]
    assert sorted(a for found in ages for a in found) == [age(2016), "—"]  # 李秀英 and 王小明 (probationary)
    entries = [e for e in list_entries(ctx.db, LOCAL_USER) if e.action == "card.print"]
    assert entries and set(entries[0].record_ids) == set(three[:2]) and "号码已隐藏" in entries[0].summary


def test_all_cards_from_the_roster_page(qtbot: QtBot, ctx: AppContext, three: list[str], tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The roster page's "all members" action saves every member's card, one per page; no 转正 shows "—"."""
    target = tmp_path / "全部.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a: (str(target), "")))
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    page.all_cards_action.trigger()
    assert ctx.runner.wait_idle(WAIT_MS)
    qtbot.waitUntil(target.exists, timeout=WAIT_MS)
    pages = pdf_pages(target)
    assert len(pages) == 3
    ages = sorted(a for p in pages for a in re.findall(r"党龄\s+(\d+ 年|—)", p))
    assert ages == sorted([age(2006), age(2016), "—"])


def test_two_selected_rows_give_one_pdf_of_two_cards(qtbot: QtBot, ctx: AppContext, three: list[str],
                                                     tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-selecting two roster rows and choosing Save as PDF writes those two cards, one per page."""
    target = tmp_path / "选中.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a: (str(target), "")))
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    page.reload()
    assert ctx.runner.wait_idle(WAIT_MS)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=WAIT_MS)
    selection = page.view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (0, 2):
        selection.select(page.model.index(row, 0), flags)
    page.pdf_action.trigger()
    assert ctx.runner.wait_idle(WAIT_MS)
    qtbot.waitUntil(target.exists, timeout=WAIT_MS)
    pages = pdf_pages(target)
    assert len(pages) == 2
    chosen = {page.model.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in (0, 2)}
    entry = next(e for e in list_entries(ctx.db, LOCAL_USER) if e.action == "card.print")
    assert set(entry.record_ids) == chosen


def test_one_selected_row_gives_that_members_card(qtbot: QtBot, ctx: AppContext, three: list[str],
                                                  tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a single roster row selected, Save as PDF writes that member's card alone."""
    target = tmp_path / "一张.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a: (str(target), "")))
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    page.reload()
    assert ctx.runner.wait_idle(WAIT_MS)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=WAIT_MS)
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    page.view.selectionModel().select(page.model.index(1, 0), flags)
    page.pdf_action.trigger()
    assert ctx.runner.wait_idle(WAIT_MS)
    qtbot.waitUntil(target.exists, timeout=WAIT_MS)
    assert len(pdf_pages(target)) == 1
    chosen = page.model.index(1, 0).data(Qt.ItemDataRole.UserRole)
    entry = next(e for e in list_entries(ctx.db, LOCAL_USER) if e.action == "card.print")
    assert list(entry.record_ids) == [chosen]
