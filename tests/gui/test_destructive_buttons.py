"""A confirmation that destroys something (删除党员, and every ReasonDialog: 撤回通知, 撤销变动记录, 吊销密钥)
is never confirmed by Enter: Enter in its fields cancels, the destructive button must be clicked."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.member_delete import MemberDeleteDialog
from partydesk.gui.widgets.ask_delete import ask_to_delete


def test_enter_in_the_delete_dialog_cancels_even_with_a_reason_given(qtbot: QtBot) -> None:
    dialog = MemberDeleteDialog("张三")
    qtbot.addWidget(dialog)
    dialog.set_reason(0, "录入错误")
    dialog.show()
    assert dialog.ok_button().isEnabled()
    dialog.detail_edit.setFocus()
    qtbot.keyClick(dialog.detail_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()


def _answer_next_question(act: Callable[[QMessageBox], None], seen: list[list[str]]) -> None:
    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, look)
            return
        seen.append([b.text() for b in box.buttons()])
        act(box)

    QTimer.singleShot(0, look)


def test_a_delete_question_says_delete_and_cancel_and_enter_deletes_nothing(qtbot: QtBot, ctx: AppContext) -> None:
    """删除 and 取消, not 是/否: Enter gives 取消 (the default), Esc too; only 删除 itself deletes."""
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[list[str]] = []
    _answer_next_question(lambda box: qtbot.keyClick(box, Qt.Key.Key_Return), seen)
    assert ask_to_delete(parent, "删除学习记录", "删除 1 条记录？") is False
    _answer_next_question(lambda box: qtbot.keyClick(box, Qt.Key.Key_Escape), seen)
    assert ask_to_delete(parent, "删除学习记录", "删除 1 条记录？") is False
    destructive = QMessageBox.ButtonRole.DestructiveRole
    _answer_next_question(lambda box: next(b for b in box.buttons() if box.buttonRole(b) == destructive).click(),
                          seen)
    assert ask_to_delete(parent, "删除学习记录", "删除 1 条记录？") is True
    assert all(sorted(buttons) == sorted(["删除", "取消"]) for buttons in seen) and len(seen) == 3
