"""A confirmation that destroys something (删除党员, and every ReasonDialog: 撤回通知, 撤销变动记录, 吊销密钥)
is never confirmed by Enter: Enter in its fields cancels, the destructive button must be clicked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from partydesk.gui.dialogs.member_delete import MemberDeleteDialog


def test_enter_in_the_delete_dialog_cancels_even_with_a_reason_given(qtbot: QtBot) -> None:
    dialog = MemberDeleteDialog("张三")
    qtbot.addWidget(dialog)
    dialog.set_reason(0, "录入错误")
    dialog.show()
    assert dialog.ok_button().isEnabled()
    dialog.detail_edit.setFocus()
    qtbot.keyClick(dialog.detail_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
