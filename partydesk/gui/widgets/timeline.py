"""A member's history (变动记录) drawn as a timeline, with a way to take back an entry made by mistake.

Events are listed oldest first, like the paper record and the printed card: a vertical line with a dot
per event, the date and kind in bold, then the detail and the note. Every entry but 入党 has a small
"Withdraw…" button, and the same action is in the entry's context menu (入党 is the record's own
入党日期: it is corrected in the member form, so its menu says so instead). The widget only asks:
``withdrawRequested(event_id)`` goes to the page, which asks for the reason and runs the core.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QGuiApplication, QPainter, QPaintEvent, QPen, QTextDocumentFragment
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolButton, QVBoxLayout, QWidget

from partydesk.core.domain.member_events import EVENT_LABELS, EventKind, MemberEvent, event_order
from partydesk.core.io.member_card import describe_event

GREY = "#6b6b6b"
LINE_COLOUR = QColor("#b8b8b8")
DOT_COLOUR = QColor("#c62828")


class Timeline(QWidget):
    """Events as a vertical line with a dot per event: date and kind, then the detail and note."""

    # The id of the event the user wants to withdraw (button or context menu).
    withdrawRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._indent = self.fontMetrics().horizontalAdvance("汉") * 2
        self._layout.setContentsMargins(self._indent, 4, 4, 4)
        self._layout.setSpacing(self.fontMetrics().lineSpacing() // 2)
        self._entries: list[QWidget] = []
        self._labels: list[QLabel] = []
        self._events: list[MemberEvent] = []
        self._empty = QLabel(self)
        self._empty.setWordWrap(True)
        self._layout.addWidget(self._empty)
        self._layout.addStretch(1)

    def set_events(self, events: list[MemberEvent], empty_text: str) -> None:
        """Show ``events`` oldest first (``empty_text`` when there are none)."""
        for entry in self._entries:
            self._layout.removeWidget(entry)
            entry.deleteLater()
        self._entries, self._labels = [], []
        self._events = sorted(events, key=event_order)
        self._empty.setText(empty_text)
        self._empty.setVisible(not events)
        for position, event in enumerate(self._events):
            entry = self._entry(event)
            self._layout.insertWidget(position, entry)
            self._entries.append(entry)
        self.update()

    def _entry(self, event: MemberEvent) -> QWidget:
        entry = QWidget(self)
        entry.setObjectName("timelineEntry")
        row = QHBoxLayout(entry)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel(entry)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The entry's own menu (withdraw, copy) instead of the label's bare copy menu.
        label.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        lines = [f"<b>{escape(self.when(event))}</b>　{escape(EVENT_LABELS[event.kind])}"]
        detail = describe_event(event)
        if detail:
            lines.append(escape(detail))
        if event.note:
            lines.append(f'<span style="color:{GREY};">{escape(event.note)}</span>')
        label.setText("<br>".join(lines))
        row.addWidget(label, 1)
        if event.kind is not EventKind.JOINED:
            button = QToolButton(entry)
            button.setObjectName("withdrawButton")
            button.setAutoRaise(True)
            button.setText(self.tr("Withdraw…"))
            button.setToolTip(self.tr("Withdraw this entry if it was recorded by mistake"))
            button.clicked.connect(lambda _checked=False, eid=event.id: self.withdrawRequested.emit(eid))
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        entry.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        entry.customContextMenuRequested.connect(lambda pos, e=entry, ev=event: self._menu(e, ev, pos))
        self._labels.append(label)
        return entry

    def when(self, event: MemberEvent) -> str:
        """The event's date as shown ("date unknown" when the office never knew it)."""
        return event.on_date.isoformat() if event.on_date else self.tr("date unknown")

    def entry_menu(self, position: int) -> QMenu:
        """The context menu of entry ``position`` (oldest first), not yet shown."""
        event, label = self._events[position], self._labels[position]
        menu = QMenu(self._entries[position])
        withdraw = QAction(self.tr("Withdraw this entry…"), menu)
        withdraw.setObjectName("withdrawAction")
        if event.kind is EventKind.JOINED:
            withdraw.setText(self.tr("The joining entry cannot be withdrawn; correct its date with Edit"))
            withdraw.setEnabled(False)
        withdraw.triggered.connect(lambda _checked=False, eid=event.id: self.withdrawRequested.emit(eid))
        menu.addAction(withdraw)
        copy = QAction(self.tr("Copy"), menu)
        copy.triggered.connect(lambda _checked=False: self._copy(label))
        menu.addAction(copy)
        return menu

    def _menu(self, entry: QWidget, event: MemberEvent, pos: QPoint) -> None:
        menu = self.entry_menu(self._events.index(event))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(entry.mapToGlobal(pos))

    @staticmethod
    def _copy(label: QLabel) -> None:
        # The selection when there is one (as the label's own menu did), else the whole entry.
        text = label.selectedText() if label.hasSelectedText() else _plain(label.text())
        QGuiApplication.clipboard().setText(text)

    def entry_texts(self) -> list[str]:
        """Each entry's text, in order (for tests and screen readers)."""
        return [label.text() for label in self._labels]

    def event_ids(self) -> list[str]:
        """Each entry's event id, in order."""
        return [event.id for event in self._events]

    def withdraw_buttons(self) -> list[QToolButton | None]:
        """Each entry's "Withdraw…" button, in order (None for 入党, which has none)."""
        return [entry.findChild(QToolButton, "withdrawButton") for entry in self._entries]

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._entries:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        x = self._indent / 2
        half_line = self.fontMetrics().height() / 2
        first = self._entries[0].geometry().top() + half_line
        last = self._entries[-1].geometry().top() + half_line
        painter.setPen(QPen(LINE_COLOUR, 2))
        painter.drawLine(QPointF(x, first), QPointF(x, last))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(DOT_COLOUR)
        radius = max(3.0, half_line / 2.5)
        for entry in self._entries:
            painter.drawEllipse(QPointF(x, entry.geometry().top() + half_line), radius, radius)
        painter.end()


def _plain(html: str) -> str:
    """The entry's rich text as plain lines."""
    return QTextDocumentFragment.fromHtml(html).toPlainText()
