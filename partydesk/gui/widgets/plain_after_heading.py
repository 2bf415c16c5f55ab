"""A new line after a heading starts plain: Enter at the end of a line that is all bold (the minutes
template's 委员发言要点, 会议决定…) begins the next line without bold, as a word processor's next paragraph
after a heading does. Otherwise Qt carries the bold over, and every line typed under a heading comes out bold.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QKeyEvent, QTextBlock, QTextCharFormat
from PySide6.QtWidgets import QTextEdit

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def all_bold(block: QTextBlock) -> bool:
    """Whether the block has text and every stretch of it is bold."""
    if not block.text().strip():
        return False
    found = False
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        if fragment.isValid() and fragment.text().strip():
            if fragment.charFormat().fontWeight() < QFont.Weight.DemiBold:
                return False
            found = True
        iterator += 1
    return found


class PlainAfterHeading(QObject):
    """Installed on a ``QTextEdit``: Enter at the end of an all-bold line starts the new line plain."""

    def __init__(self, edit: QTextEdit) -> None:
        super().__init__(edit)
        self.edit = edit
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            key = event if isinstance(event, QKeyEvent) else None
            if key is not None and key.key() in _ENTER and key.modifiers() == Qt.KeyboardModifier.NoModifier:
                cursor = self.edit.textCursor()
                if not cursor.hasSelection() and cursor.atBlockEnd() and all_bold(cursor.block()):
                    plain = QTextCharFormat(cursor.charFormat())
                    plain.setFontWeight(QFont.Weight.Normal)
                    cursor.insertBlock(cursor.blockFormat(), plain)
                    self.edit.setTextCursor(cursor)
                    self.edit.setCurrentCharFormat(plain)
                    return True
        return super().eventFilter(watched, event)
