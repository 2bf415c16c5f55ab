"""The panel a list page shows instead of an empty table: a centred message and the buttons to start."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

# A clause of Chinese text: up to and including its punctuation.
_CLAUSE = re.compile(r"[^。；，：！？]+[。；，：！？]*|[。；，：！？]+")


def broken_at_clauses(text: str, metrics: QFontMetrics, width: int) -> str:
    """Chinese ``text`` with its line breaks put between clauses, as many clauses on a line as fit ``width``.

    Qt breaks Chinese between any two characters, so a wrapped message splits its words (发给哪些支 / 部); a
    clause longer than a line is still wrapped by the label. Text that fits, or has no Chinese, is left alone.
    """
    if metrics.horizontalAdvance(text) <= width or not any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return text
    lines: list[str] = []
    line = ""
    for clause in _CLAUSE.findall(text):
        if line and metrics.horizontalAdvance(line + clause) > width:
            lines.append(line)
            line = clause
        else:
            line += clause
    lines.append(line)
    return "\n".join(lines)


class EmptyState(QWidget):
    """A wrapped message (``label``, set through ``set_text``) above two buttons (``first_button``,
    ``second_button``)."""

    def __init__(self, parent: QWidget, *, first_name: str, second_name: str) -> None:
        super().__init__(parent)
        self.setObjectName("emptyPanel")
        self.label = QLabel(self)
        self.label.setObjectName("emptyLabel")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.label.setFont(font)
        self.first_button = QPushButton(self)
        self.first_button.setObjectName(first_name)
        self.second_button = QPushButton(self)
        self.second_button.setObjectName(second_name)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.first_button)
        buttons.addWidget(self.second_button)
        buttons.addStretch(1)
        # The message wraps inside a column of about 30 characters, centred: a box layout gives a
        # word-wrapped label the height its width needs, an alignment flag would not.
        cjk = self.label.fontMetrics().horizontalAdvance("汉")  # in the message's own (larger) font
        self.label.setMinimumWidth(cjk * 20)
        self.label.setMaximumWidth(cjk * 32)
        message = QHBoxLayout()
        message.addStretch(1)
        message.addWidget(self.label, 4)
        message.addStretch(1)
        box = QVBoxLayout(self)
        box.addStretch(1)
        box.addLayout(message)
        box.addSpacing(self.fontMetrics().lineSpacing())
        box.addLayout(buttons)
        box.addStretch(2)

    def set_text(self, text: str) -> None:
        """Show ``text``, its lines broken between clauses (``broken_at_clauses``)."""
        margin = self.label.fontMetrics().horizontalAdvance("汉")
        self.label.setText(broken_at_clauses(text, self.label.fontMetrics(), self.label.maximumWidth() - margin))
