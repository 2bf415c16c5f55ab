"""File dialogs open in the folder used last: for that kind of file, else for any file, else Documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from partydesk.gui import folders
from partydesk.gui.context import AppContext
from partydesk.gui.folders import ATTACHMENTS, DOCUMENTS, KEY_CARDS
from tests.gui.conftest import WAIT_MS


def capture(monkeypatch: pytest.MonkeyPatch, starts: list[str]) -> None:
    """Every save or open dialog from now on notes where it started and is cancelled."""

    def cancel(_parent: object, _title: str, start: str, *_filters: object) -> tuple[str, str]:
        starts.append(start)
        return "", ""

    def cancel_many(_parent: object, _title: str, start: str, *_filters: object) -> tuple[list[str], str]:
        starts.append(start)
        return [], ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(cancel))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(cancel))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(cancel_many))


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Where each file dialog started (every one cancelled unless a test answers it with ``choose``)."""
    starts: list[str] = []
    capture(monkeypatch, starts)
    return starts


def choose(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    """The next save dialog answers ``target``."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a: (str(target), "")))


def test_three_saves_to_one_folder_make_every_dialog_open_there(
        settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, asked: list[str]) -> None:
    """Minutes, report and study sheet saved to 台账/: the next save and an open of another kind start there."""
    shelf = tmp_path / "台账"
    shelf.mkdir()
    for name in ("会议记录.pdf", "年度台账.pdf", "学时.xlsx"):
        choose(monkeypatch, shelf / name)
        assert folders.ask_save_file(None, settings, DOCUMENTS, "另存为", name) == str(shelf / name)
    capture(monkeypatch, asked)
    folders.ask_save_file(None, settings, DOCUMENTS, "另存为", "下一份.pdf")
    folders.ask_open_files(None, settings, ATTACHMENTS, "添加附件")
    assert asked == [str(shelf / "下一份.pdf"), str(shelf)]


def test_a_kind_keeps_its_own_folder_and_a_vanished_one_is_not_offered(
        settings: QSettings, tmp_path: Path, asked: list[str]) -> None:
    """Photos from 照片/, then a report to 台账/: attachments open in 照片/ still; once 照片/ is gone (a stick
    taken out), in 台账/; with nothing remembered that exists, in Documents."""
    photos, shelf = tmp_path / "照片", tmp_path / "台账"
    photos.mkdir()
    shelf.mkdir()
    folders.remember_folder(settings, ATTACHMENTS, photos / "a.jpg")
    folders.remember_folder(settings, DOCUMENTS, shelf / "b.pdf")
    assert folders.start_folder(settings, ATTACHMENTS) == photos
    photos.rmdir()
    assert folders.start_folder(settings, ATTACHMENTS) == shelf
    shelf.rmdir()
    assert folders.start_folder(settings, ATTACHMENTS) == folders.documents_folder()


def test_the_other_offices_key_card_is_looked_for_where_ours_was_saved(
        qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, asked: list[str]) -> None:
    """Our card saved to the stick's 密钥卡/ folder (the stick not recognised as one): 登记对方密钥卡… opens there,
    not in Documents or the home folder."""
    from partydesk.gui.pages import exchange
    from partydesk.gui.pages.exchange import ExchangePage

    stick = tmp_path / "U盘" / "密钥卡"
    stick.mkdir(parents=True)
    monkeypatch.setattr(exchange, "removable_folder", lambda: None)
    monkeypatch.setattr(exchange.ops, "write_card", lambda *_a: None)
    page = ExchangePage(ctx)
    qtbot.addWidget(page)
    page.write_card()
    assert Path(asked[0]).parent == folders.documents_folder()  # nothing remembered yet
    choose(monkeypatch, stick / "1001.pdkey")
    page.write_card()
    page.register_card()
    assert asked[1:] == [str(stick)]


def test_the_meeting_register_and_a_chart_are_offered_where_the_last_document_went(
        qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, asked: list[str]) -> None:
    """A chart saved to 报表/: the meeting register's save dialog and the next chart's open in 报表/."""
    from partydesk.core.charts import members
    from partydesk.gui.widgets.chart_canvas import ChartCanvas
    from partydesk.gui.widgets.meeting_docs_button import request_register

    shelf = tmp_path / "报表"
    shelf.mkdir()
    canvas = ChartCanvas(ctx, name="学历")
    qtbot.addWidget(canvas)
    canvas.set_figure(members.bars("学历", ["大学本科"], [3]))
    choose(monkeypatch, shelf / "学历.png")
    canvas.save_as("png")
    qtbot.waitUntil((shelf / "学历.png").exists, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: canvas.window().findChild(QMessageBox, "savedBox") is not None, timeout=WAIT_MS)
    box = canvas.window().findChild(QMessageBox, "savedBox")  # where the chart went, with its folder a click away
    assert str(shelf / "学历.png") in box.text()
    box.close()
    capture(monkeypatch, asked)
    host = QWidget()
    qtbot.addWidget(host)
    request_register(ctx, host, 2026)
    canvas.save_as("svg")
    assert [Path(a).parent for a in asked] == [shelf, shelf]


def test_a_cancelled_dialog_remembers_nothing(settings: QSettings, asked: list[str]) -> None:
    """Cancel: no folder is stored, the next dialog still opens in Documents."""
    assert folders.ask_open_file(None, settings, KEY_CARDS, "选择") == ""
    assert folders.start_folder(settings, KEY_CARDS) == folders.documents_folder()
    assert asked == [str(folders.documents_folder())]
