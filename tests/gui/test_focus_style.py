"""The focus ring: a focused button, choice box or list is ringed in the focus colour; unfocused, none is (Fusion's
own marks were the same for the focused and the default button, and none for a focused table)."""

from __future__ import annotations

from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from partydesk.gui.focus_style import FOCUS_COLOUR, FocusStyle


def _ringed(image: QImage) -> int:
    """How many pixels of ``image`` are (nearly) the focus colour."""
    want = FOCUS_COLOUR
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if abs(c.red() - want.red()) + abs(c.green() - want.green()) + abs(c.blue() - want.blue()) < 30:
                count += 1
    return count


def test_the_focused_control_and_only_it_is_ringed(qtbot: QtBot, app: QApplication) -> None:
    assert isinstance(app.style(), FocusStyle)
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    combo = QComboBox()
    combo.addItems(["集体学习", "党课"])
    table = QTableWidget(3, 3)
    tick = QCheckBox("显示完整号码")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    for widget in (combo, table, tick, buttons):
        layout.addWidget(widget)
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    save.setDefault(True)
    dialog.resize(420, 300)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    controls: list[QWidget] = [combo, table, tick, save, cancel]
    for focused in controls:
        focused.setFocus()
        qtbot.waitUntil(focused.hasFocus)
        rings = {w: _ringed(w.grab().toImage()) for w in controls}
        assert rings[focused] > 40, (focused, rings)
        assert all(count == 0 for w, count in rings.items() if w is not focused), (focused, rings)
