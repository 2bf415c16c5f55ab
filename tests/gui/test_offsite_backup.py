"""备份到U盘 in the window: the dialog the menu and the weekly to-do open, and restoring from the stick, both
in 从备份恢复 and on a new computer's first-run set-up."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from partydesk.core.changes import LOCAL_USER
from partydesk.core.progress import Progress
from partydesk.core.services import offsite
from partydesk.core.services.members import add_member
from partydesk.core.services.offsite import OffsiteHeader
from partydesk.core.services.setup import OrganisationInput, initialise_site
from partydesk.core.storage import offsite as offsite_file
from partydesk.core.storage.database import open_database
from partydesk.gui import app as gui_app
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.firstrun import FirstRunDialog
from partydesk.gui.dialogs.offsite_backup import OffsiteBackupDialog
from partydesk.gui.dialogs.restore import RestoreDialog
from partydesk.gui.dialogs.restore_file import FileRestore
from partydesk.gui.mainwindow import MainWindow
from partydesk.gui.pages.members import MembersPage
from partydesk.gui.widgets.progress_dialog import JobProgressDialog
from tests.gui.conftest import WAIT_MS
from tests.gui.test_members_page import LI, ZHANG, add_now, names

PASS = "幸福社区支部2026"


pytestmark = pytest.mark.usefixtures("cheap_offsite_key")


def _window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = gui_app.build_main_window(ctx)
    qtbot.addWidget(window)
    window.resize(1300, 700)
    assert ctx.runner.wait_idle(WAIT_MS)
    return window


def test_the_dialog_writes_only_a_passphrase_typed_twice_and_says_when_the_stick_is_safe(
        qtbot: QtBot, ctx: AppContext, stick: Path) -> None:
    add_now(ctx, ZHANG)
    window = _window(qtbot, ctx)
    status_before = window.backup_label.text()
    window.offsite_action.trigger()
    dialog = window.offsite_dialog
    assert isinstance(dialog, OffsiteBackupDialog)
    assert dialog.last_label.text() == "还没有备份到U盘过。"
    assert not dialog.write_button.isEnabled()
    dialog.folder.setText(str(stick))
    assert dialog.passphrase.placeholderText() == "至少 8 个字符"
    qtbot.keyClicks(dialog.passphrase, "short")
    assert dialog.error.text() == "" and not dialog.write_button.isEnabled(), "no scolding while still typing"
    qtbot.keyClicks(dialog.again, "s")
    assert dialog.error.text() == "口令至少要 8 个字符。" and not dialog.write_button.isEnabled()
    dialog.passphrase.setText(PASS)
    dialog.again.setText(PASS[:3])
    assert dialog.error.text() == "" and not dialog.write_button.isEnabled(), "the second entry is not finished"
    dialog.again.setText(PASS)
    qtbot.keyClicks(dialog.again, "!")  # (QTest types ASCII only)
    assert dialog.error.text() == "两次输入的口令不一样。" and not dialog.write_button.isEnabled()
    dialog.again.setText(PASS)
    assert dialog.error.text() == "" and dialog.write_button.isEnabled()

    dialog.write_button.click()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=WAIT_MS)
    written = dialog.written
    assert written is not None and written.path.parent == stick
    assert dialog.pages.currentIndex() == 1 and not dialog.safe_text.isHidden()
    assert dialog.safe_text.text() == "现在可以安全拔下U盘。"
    assert "1 名党员" in dialog.result_text.text() and "下次请在" in dialog.result_text.text()
    assert dialog.passphrase.text() == "" and dialog.again.text() == "", "the passphrase is not kept"
    assert offsite.last_written(ctx.db.path) is not None
    assert window.backup_label.text() != status_before, "the backup it began with shows in the status bar"


def test_a_failed_write_stays_on_the_form_with_the_reason(qtbot: QtBot, ctx: AppContext) -> None:
    window = _window(qtbot, ctx)
    dialog = OffsiteBackupDialog(ctx, removable=None, last=None, parent=window)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(ctx.db.path.parent))  # beside the database: not off the machine
    dialog.passphrase.setText(PASS)
    dialog.again.setText(PASS)
    dialog.write_button.click()
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=WAIT_MS)
    assert "数据库所在的文件夹" in dialog.error.text()
    assert dialog.pages.currentIndex() == 0 and dialog.write_button.isEnabled()


def test_after_a_cancel_the_form_says_so_and_can_write_again(qtbot: QtBot, ctx: AppContext, stick: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    real = offsite.write

    def cancelled_on_the_way(db: object, folder: Path, passphrase: str, *, progress: Progress) -> object:
        progress.cancel()  # as the progress window's 取消 does
        return real(db, folder, passphrase, progress=progress)  # type: ignore[arg-type]

    monkeypatch.setattr(offsite, "write", cancelled_on_the_way)
    window = _window(qtbot, ctx)
    dialog = OffsiteBackupDialog(ctx, removable=None, last=None, parent=window)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(stick))
    dialog.passphrase.setText(PASS)
    dialog.again.setText(PASS)
    dialog.write_button.click()
    qtbot.waitUntil(lambda: "已取消" in dialog.error.text(), timeout=WAIT_MS)
    assert dialog.pages.currentIndex() == 0 and dialog.write_button.isEnabled()
    assert list(stick.iterdir()) == []
    monkeypatch.setattr(offsite, "write", real)
    dialog.write_button.click()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=WAIT_MS)
    assert dialog.error.text() == ""


def test_the_weekly_to_do_opens_the_dialog_on_the_stick_used_last(qtbot: QtBot, ctx: AppContext, stick: Path) -> None:
    offsite.write(ctx.db, stick, PASS)
    window = _window(qtbot, ctx)
    assert window.open_target("backup", "offsite")
    dialog = window.offsite_dialog
    assert isinstance(dialog, OffsiteBackupDialog)
    assert dialog.folder.text() == str(stick)
    assert dialog.last_label.text().startswith("上次备份到U盘：")
    assert dialog.stick_note.isHidden(), "no “没有找到U盘” under a folder that is filled in"
    dialog.folder.clear()
    assert not dialog.stick_note.isHidden()


def test_showing_the_passphrase_asks_for_it_once(qtbot: QtBot, ctx: AppContext, stick: Path) -> None:
    dialog = OffsiteBackupDialog(ctx, removable=stick, last=None)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText(PASS)
    assert not dialog.write_button.isEnabled()
    dialog.show_box.setChecked(True)
    assert dialog.write_button.isEnabled() and not dialog.again.isEnabled() and not dialog.again.isHidden()


def _answering(monkeypatch: pytest.MonkeyPatch, path: Path, passphrases: list[str]) -> list[str]:
    """FileRestore's questions answered: this file, these passphrases in turn, yes to every question."""
    asked: list[str] = []

    def passphrase(_self: FileRestore, header: OffsiteHeader, *, again: bool) -> str | None:
        asked.append(f"{header.organisation_name}|{again}")
        return passphrases.pop(0) if passphrases else None

    def confirm(_self: FileRestore, text: str, detail: str) -> bool:
        asked.append(f"{text}|{detail}")
        return True

    monkeypatch.setattr(FileRestore, "choose_file", lambda _self: path)
    monkeypatch.setattr(FileRestore, "ask_passphrase", passphrase)
    monkeypatch.setattr(FileRestore, "confirm", confirm)
    monkeypatch.setattr(FileRestore, "show_error", lambda _self, message: asked.append("error:" + message))
    return asked


def test_restoring_from_the_stick_asks_the_passphrase_again_when_wrong(
        qtbot: QtBot, ctx: AppContext, stick: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    add_now(ctx, ZHANG)
    written = offsite.write(ctx.db, stick, PASS)
    add_now(ctx, LI)
    window = _window(qtbot, ctx)
    window.show_page("members")
    old_db = ctx.db
    asked = _answering(monkeypatch, written.path, ["not the one", PASS])

    window.restore_action.trigger()
    dialog = window.restore_dialog
    assert isinstance(dialog, RestoreDialog)
    assert dialog.file_button.text() == "从U盘或其他文件恢复…"
    dialog.file_button.click()
    qtbot.waitUntil(lambda: ctx.db is not old_db, timeout=WAIT_MS)
    assert ctx.runner.wait_idle(WAIT_MS)
    QApplication.processEvents()
    assert asked[:2] == ["中共示例社区第一支部委员会|False", "中共示例社区第一支部委员会|True"]
    assert "（1\u2060名党员）" in asked[2], "no line break between the count and 名党员"
    page = window.page("members")
    assert isinstance(page, MembersPage)
    qtbot.waitUntil(lambda: names(page) == ["张三"], timeout=WAIT_MS)


def _old_computer(tmp_path: Path, stick: Path) -> Path:
    """The USB backup of another computer's database (one member), on the stick."""
    old = open_database(tmp_path / "旧电脑" / "partydesk.db")
    try:
        initialise_site(old, LOCAL_USER, organisation=OrganisationInput(name="中共示例社区第一支部委员会", code="1001"),
                        role="branch")
        add_member(old, LOCAL_USER, data=ZHANG)
        return offsite.write(old, stick, PASS).path
    finally:
        old.close()


def test_a_new_computer_starts_from_the_stick_instead_of_a_blank_set_up(
        qtbot: QtBot, blank_ctx: AppContext, tmp_path: Path, stick: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _answering(monkeypatch, _old_computer(tmp_path, stick), [PASS])
    assert blank_ctx.db.needs_setup
    dialog = FirstRunDialog(blank_ctx)
    qtbot.addWidget(dialog)
    assert dialog.restore_button.text() == "从备份恢复…"
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        dialog.restore_button.click()
    assert not blank_ctx.db.needs_setup
    question, detail = asked[-1].split("|")
    assert question.startswith("恢复“中共示例社区第一支部委员会”") and "（1\u2060名党员）" in question
    assert detail == "恢复后，这台电脑接着记录这个组织的工作，数据为备份当时的样子。", "nothing here to replace"


def test_the_window_says_what_came_back_after_a_set_up_from_the_stick(
        qtbot: QtBot, blank_ctx: AppContext, tmp_path: Path, stick: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """First-run set-up over the open window (as the program starts): once restored from the stick, the window
    says whose records came back and how many members, instead of opening on them without a word."""
    _answering(monkeypatch, _old_computer(tmp_path, stick), [PASS])

    class Window(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.said: list[str] = []

        def announce(self, text: str, _folder: object) -> None:
            self.said.append(text)

    window = Window()
    qtbot.addWidget(window)

    def restore_from_the_stick() -> None:
        dialog = window.findChild(FirstRunDialog)
        assert dialog is not None and dialog.isVisible()
        dialog.restore_button.click()

    assert blank_ctx.db.needs_setup
    QTimer.singleShot(200, restore_from_the_stick)
    assert gui_app.run_first_run_if_needed(blank_ctx, window)
    assert window.said == [
        "已恢复：这台电脑现在保存着“中共示例社区第一支部委员会”的记录（1 名党员），为备份当时的样子。"]


def test_a_refused_file_says_why_and_the_set_up_goes_on(
        qtbot: QtBot, blank_ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "坏的.pdbak"
    bad.write_bytes(b"PDBAK1\r\n\x00\x00\x00\x02{}")
    asked = _answering(monkeypatch, bad, [PASS])
    dialog = FirstRunDialog(blank_ctx)
    qtbot.addWidget(dialog)
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: any(a.startswith("error:") for a in asked), timeout=WAIT_MS)
    assert asked == ["error:" + offsite_file.DAMAGED]
    qtbot.waitUntil(lambda: dialog.ui.buttonBox.isEnabled(), timeout=WAIT_MS)
    assert blank_ctx.db.needs_setup, "nothing was restored: the set-up form is there to fill in"


def test_a_backup_cut_short_on_the_stick_is_refused_before_the_passphrase(
        qtbot: QtBot, blank_ctx: AppContext, tmp_path: Path, stick: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The copy to the stick stopped part-way: the office is told the file is incomplete, with how much is
    there, and is not asked for a passphrase that could only fail."""
    path = _old_computer(tmp_path, stick)
    path.write_bytes(path.read_bytes()[:1000])
    asked = _answering(monkeypatch, path, [PASS])
    dialog = FirstRunDialog(blank_ctx)
    qtbot.addWidget(dialog)
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: any(a.startswith("error:") for a in asked), timeout=WAIT_MS)
    assert len(asked) == 1 and asked[0].startswith("error:这个U盘备份文件不完整：只有 1000\u00a0字节，应有 ")
    assert blank_ctx.db.needs_setup


def test_the_progress_window_is_gone_before_the_passphrase_is_asked_again(
        qtbot: QtBot, ctx: AppContext, stick: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening a USB backup takes a moment (the key is slow on purpose): its progress window shows, and has
    closed by the time the passphrase is asked again, not left standing behind the question."""
    written = offsite.write(ctx.db, stick, PASS)
    slow_check = offsite.check

    def slow(*args: object, **kwargs: object) -> object:
        time.sleep(0.8)  # past the runner's delay before a progress window shows
        return slow_check(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(offsite, "check", slow)
    windows_up: list[bool] = []
    asked = _answering(monkeypatch, written.path, ["not the one", PASS])

    def passphrase(_self: FileRestore, header: OffsiteHeader, *, again: bool) -> str | None:
        windows_up.append(any(w.isVisible() for w in QApplication.topLevelWidgets()
                              if isinstance(w, JobProgressDialog)))
        return ["not the one", PASS][len(windows_up) - 1] if len(windows_up) <= 2 else None

    monkeypatch.setattr(FileRestore, "ask_passphrase", passphrase)
    window = _window(qtbot, ctx)
    dialog = RestoreDialog(ctx, window)
    qtbot.addWidget(dialog)
    dialog.restore_from_file()
    qtbot.waitUntil(lambda: len(asked) >= 1, timeout=WAIT_MS)  # the confirmation, after the right passphrase
    assert windows_up == [False, False]
    assert ctx.runner.wait_idle(WAIT_MS)  # the restore the confirmation began


def test_the_form_does_not_jump_when_the_stick_note_goes(qtbot: QtBot, ctx: AppContext, stick: Path) -> None:
    """Typing a folder hides "没有找到U盘", but the passphrase box stays where the office was about to click."""
    window = _window(qtbot, ctx)
    dialog = OffsiteBackupDialog(ctx, removable=None, last=None, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    before = dialog.passphrase.mapTo(dialog, dialog.passphrase.rect().topLeft())
    dialog.folder.setText(str(stick))
    QApplication.processEvents()
    assert dialog.stick_note.isHidden()
    assert dialog.passphrase.mapTo(dialog, dialog.passphrase.rect().topLeft()) == before
