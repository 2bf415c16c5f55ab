"""The panel a list page shows instead of an empty table: a centred message and the buttons to start."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    """A wrapped message (``label``) above two buttons (``first_button``, ``second_button``)."""

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
        cjk = self.fontMetrics().horizontalAdvance("汉")
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
