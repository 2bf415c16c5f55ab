"""A view, or in its place why its data could not be read: for the views that are not list pages (the meeting
calendar, the attendance table), which would otherwise go on showing another year's data, or empty cells that
look like meetings never held."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QWidget

from partydesk.core.errors import KnownError
from partydesk.gui.widgets.empty_state import EmptyState


class Unreadable(QStackedWidget):
    """``view``, until ``show_unreadable``; ``show_view`` brings it back."""

    def __init__(self, view: QWidget, parent: QWidget, *, name: str) -> None:
        super().__init__(parent)
        self.view = view
        self.note = EmptyState(self, first_name=f"{name}First", second_name=f"{name}Second")
        self.note.setObjectName(name)
        self.note.first_button.hide()
        self.note.second_button.hide()
        self.addWidget(view)
        self.addWidget(self.note)

    @property
    def unreadable(self) -> bool:
        """Whether the note is shown instead of the view."""
        return self.currentWidget() is self.note

    def show_unreadable(self, heading: str, error: KnownError) -> None:
        """``heading`` and why, in place of the view."""
        self.note.set_text(f"{heading}\n{error.message}")
        self.setCurrentWidget(self.note)

    def show_view(self) -> None:
        self.setCurrentWidget(self.view)
