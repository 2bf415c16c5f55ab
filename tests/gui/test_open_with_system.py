"""Opening a file with the system's program says so when there is none; file dialogs start in a real folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from partydesk.gui import folders, languages
from partydesk.gui.context import AppContext


def test_a_file_no_program_opens_is_named_with_where_it_is(qtbot: QtBot, ctx: AppContext, app: QApplication,
                                                           tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    languages.install_language(app, "zh_CN", ctx.hub)
    parent = QWidget()
    qtbot.addWidget(parent)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _title, text, *a, **k: said.append(text))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    photo = tmp_path / "签到表.jpg"
    assert folders.open_with_system(parent, photo) is False
    assert said == [f"这台电脑上没有可以打开它的程序。文件位置：\n{photo}"]
    assert folders.open_with_system(parent, QUrl.fromLocalFile(str(photo))) is False  # as an attachment opens
    assert said[-1] == f"这台电脑上没有可以打开它的程序。文件位置：\n{photo}"  # a folder path, not file:///
    said.clear()
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: True)
    assert folders.open_with_system(parent, QUrl("https://www.12371.cn/")) is True and not said


def test_documents_folder_is_home_when_the_system_names_none_that_exists(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A file dialog given a folder that does not exist puts its name in the file-name box."""
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _kind: str(tmp_path / "Documents"))
    assert folders.documents_folder() == Path.home()
    (tmp_path / "Documents").mkdir()
    assert folders.documents_folder() == tmp_path / "Documents"


def test_a_folder_nothing_opens_is_named_too(qtbot: QtBot, ctx: AppContext, app: QApplication, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The 打开文件夹 buttons (after a backup, an export, in the list of backups) say where the folder is when no file
    manager opens it, instead of doing nothing."""
    from partydesk.gui.dialogs.restore import open_folder

    languages.install_language(app, "zh_CN", ctx.hub)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _title, text, *a, **k: said.append(text))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    assert open_folder(tmp_path / "backups") is False
    assert said == [f"这台电脑上没有可以打开它的程序。文件位置：\n{tmp_path / 'backups'}"]
