"""A note in a pale yellow box at the top of a page or form: something to know before typing (a branch's
record edited as a correction, a clock that runs wrong), not an error."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

NOTE_STYLE = "background: #fff7d6; border: 1px solid #e0c060; padding: 4px;"


def note_label(parent: QWidget, name: str, *, shown: bool = True) -> QLabel:
    """A word-wrapped note label named ``name``, visible when ``shown``; its text is set by the caller."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(NOTE_STYLE)
    label.setVisible(shown)
    return label
