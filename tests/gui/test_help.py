"""使用说明 (F1), Chinese everywhere (Qt's file dialog, the already-running title)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from partydesk.core.services.maintenance import backup_dir
from partydesk.gui import app as gui_app
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.help import HelpDialog
from tests.gui.conftest import WAIT_MS

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def test_f1_opens_the_chinese_guide(qtbot: QtBot, ctx: AppContext) -> None:
    """F1 opens 使用说明: each page, the exchange, the keyboard, import, backup, restore, and the folders of the
    open database."""
    window = gui_app.build_main_window(ctx)
    qtbot.addWidget(window)
    assert ctx.runner.wait_idle(WAIT_MS)
    assert window.help_action.shortcut().toString() == "F1"
    window.help_action.trigger()
    dialog = window.help_dialog
    assert isinstance(dialog, HelpDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "党支部工作台使用说明"
    text = dialog.ui.textBrowser.toPlainText()
    for words in ("“工作台”页", "“会议”页", "“学习”页", "与上级党委交换数据", "指纹", "键盘操作", "“党员”页",
                  "“设置”页", "导入花名册", "备份", "从备份恢复", "谈心谈话", "年度台账", str(ctx.db.path),
                  str(backup_dir(ctx.db.path))):
        assert words in text, words
    without_paths = text.replace(str(ctx.db.path), "").replace(str(backup_dir(ctx.db.path)), "")
    names = ("Excel", "CSV", "Word", "PDF", "Ctrl", "Shift", "Esc", "Alt", "Del")  # products, keys as printed
    for name in names:
        without_paths = without_paths.replace(name, "")
    assert not LATIN_WORD.findall(without_paths)
    dialog.close()


def test_qt_file_dialog_has_no_english(qtbot: QtBot, ctx: AppContext) -> None:
    """Qt's own file dialog (used instead of the native one) reads Chinese in every label and button."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    gui_app.create_application([])
    from PySide6.QtCore import Qt

    assert app.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    dialog = QFileDialog(None, "保存", str(ctx.db.path.parent), "Excel 文件 (*.xlsx)")
    qtbot.addWidget(dialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    texts += [button.text() for button in dialog.findChildren(QAbstractButton)]
    english = [t for t in texts if LATIN_WORD.search(t)]
    assert english == []
    assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder") == "文件夹"


def test_already_running_title_is_chinese(ctx: AppContext) -> None:
    """The second-instance message's title is Chinese, without the program's English name."""
    from partydesk.gui.launch import tr

    assert tr("Party Branch Desk is already running") == "党支部工作台已在运行"
