"""A form's typing kept as a draft beside the database while the form is open (``core.drafts``), so a power cut or
a crash does not lose it; and a draft left from before offered back.

``DraftKeeper`` is what a form dialog holds: a second after the last edit (``touched``) it writes the form's
state on the file lane, as ``<prefix><record id>.json`` or ``<prefix>new-<uuid>.json`` for a record not yet
saved — only while the form differs from what it was opened with, else it removes the draft. Saving the record,
or closing the form and throwing the typing away, removes the draft (``discard``). When the form is opened on a
record whose draft is still there, or for a new record while a new one's draft is left, a bar at its top offers
it back: 恢复 puts the typing in, 丢弃 removes it. Nothing is asked in a modal box: the form stays usable.

A dialog whose state is just its input widgets keeps them by name (``widget_values``, ``put_widget_values``;
``watch_inputs`` calls ``touched`` on every edit). The member form keeps its own state (``member_edit_drafts``),
the talk record and the notice theirs with the ticks and files the widgets do not hold.

At start-up one leftover draft is asked about at a time (``offer_at_start``): the office may not remember which
record it was typing when the power went.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from partydesk.core import drafts
from partydesk.gui.operations import run
from partydesk.gui.tasks import Lane
from partydesk.gui.widgets.discard_guard import input_widgets

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext

DRAFT_DELAY_MS = 1000
DATA_ROLE = Qt.ItemDataRole.UserRole  # what a ticked list item stands for (a branch's code), when it says


class DraftKeeper(QObject):
    """Keeps the draft of ``dialog`` (a dialog with ``ctx`` and ``has_unsaved_changes()``), of the kind ``prefix``
    and the record ``record_id`` (None for a new one), and offers one left from before in ``bar`` (None when there
    is none). ``state`` gives the form's state as a JSON object, ``apply`` puts one back; ``bar_text`` says what is
    offered ({when}: when it was kept). ``given``: a draft to put in when asked (``restore``), not offered."""

    def __init__(self, dialog: QWidget, *, prefix: str, record_id: str | None, state: Callable[[], dict[str, Any]],
                 apply: Callable[[dict[str, Any]], None], bar_text: str, given: drafts.Draft | None = None) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.ctx: AppContext = dialog.ctx  # type: ignore[attr-defined]
        self.prefix, self.record_id, self._state, self._apply = prefix, record_id, state, apply
        self.folder = drafts.drafts_dir(self.ctx.db.path)
        self.key = record_id or drafts.new_key()
        self.timer = QTimer(self, singleShot=True, interval=DRAFT_DELAY_MS)
        self.timer.timeout.connect(self.save)
        self.offered = given if given is not None else drafts.for_meeting(self.folder, record_id, prefix=prefix)
        if self.offered is not None and self.offered.key == self.key:
            # This session's typing goes under a key of its own: neither it nor Cancel touches the draft offered
            # in the bar until the office restores or drops it (else Cancel threw it away unasked).
            self.key = drafts.new_key()
        self.bar = self._bar(dialog, bar_text) if self.offered is not None and given is None else None

    def _bar(self, dialog: QWidget, text: str) -> QFrame:
        assert self.offered is not None
        bar = QFrame(dialog)
        bar.setObjectName("draftBar")
        bar.setStyleSheet("#draftBar { background: #e8f0fe; border: 1px solid #8ab4f8; }")
        row = QHBoxLayout(bar)
        when = self.offered.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
        self.bar_label = QLabel(text.format(when=when), bar)
        self.bar_label.setWordWrap(True)
        restore = QPushButton(self.tr("&Restore"), bar)
        restore.setObjectName("restoreDraftButton")
        restore.setAutoDefault(False)
        restore.clicked.connect(self.restore)
        drop = QPushButton(self.tr("Dis&card"), bar)
        drop.setObjectName("discardDraftButton")
        drop.setAutoDefault(False)
        drop.clicked.connect(self.drop_offered)
        row.addWidget(self.bar_label, 1)
        row.addWidget(restore)
        row.addWidget(drop)
        return bar

    def touched(self) -> None:
        """An edit: the draft is written a moment after the last one."""
        self.timer.start()

    def _lanes_open(self) -> bool:
        """Whether the file lane still takes work (not while the program is closing)."""
        return not self.ctx.runner.is_shut_down

    def save(self) -> None:
        """Write the form's state now (or remove the draft when the form is back to what it was opened with)."""
        if not self._lanes_open():
            return
        if not self.dialog.has_unsaved_changes():  # type: ignore[attr-defined]
            self.discard()
            return
        folder, key, record_id, state, prefix = self.folder, self.key, self.record_id, self._state(), self.prefix
        run(self.dialog, self.ctx, lambda _p: drafts.save(folder, key, record_id, state, prefix=prefix),
            label="save draft", lane=Lane.FILE, on_error=lambda _e: None)

    def discard(self) -> None:
        """Remove the draft (the record saved, or the typing thrown away)."""
        self.timer.stop()
        if self._lanes_open():
            self._remove(self.key)

    def _remove(self, key: str) -> None:
        folder, prefix = self.folder, self.prefix
        run(None, self.ctx, lambda _p: drafts.discard(folder, key, prefix=prefix), label="discard draft",
            lane=Lane.FILE)

    def restore(self) -> None:
        """Put the offered draft's typing into the form; it is kept under its own key from now on."""
        if self.offered is not None:
            if self.key != self.offered.key:
                self.discard()  # what was typed before restoring is replaced by the draft
            self.key = self.offered.key
            self._apply(self.offered.state)
        self.offered = None
        self._hide_bar()

    def drop_offered(self) -> None:
        """Throw the offered draft away."""
        if self.offered is not None and self._lanes_open():
            self._remove(self.offered.key)
        self.offered = None
        self._hide_bar()

    def saved(self) -> None:
        """The record was stored: its draft, and one offered and left, are out of date."""
        self.discard()
        self.drop_offered()

    def _hide_bar(self) -> None:
        """Hide the bar; a form on screen gives back the height it took (left to the form's stretching boxes, it
        would open gaps between the fields)."""
        if self.bar is None or self.bar.isHidden():
            return
        shown, taken = self.dialog.isVisible(), self.bar.height()
        layout = self.dialog.layout()
        if layout is not None:
            taken += max(0, layout.spacing())
        self.bar.hide()
        if shown:
            dialog = self.dialog
            dialog.resize(dialog.width(), max(dialog.minimumSizeHint().height(), dialog.height() - taken))


def keep_drafts(dialog: QWidget, layout: QBoxLayout, *, prefix: str, record_id: str | None,
                state: Callable[[], dict[str, Any]], apply: Callable[[dict[str, Any]], None], bar_text: str,
                given: drafts.Draft | None = None) -> DraftKeeper:
    """``DraftKeeper`` for a dialog whose state is its input widgets (and what ``state`` adds): the bar at the top of
    ``layout``, the ``given`` draft put in (``apply`` may wait for the form's first read), every edit of an input
    widget watched."""
    keeper = DraftKeeper(dialog, prefix=prefix, record_id=record_id, state=state, apply=apply, bar_text=bar_text,
                         given=given)
    if keeper.bar is not None:
        layout.insertWidget(0, keeper.bar)
    if given is not None:
        keeper.restore()
    watch_inputs(dialog, keeper.touched)
    return keeper


# -- a form's input widgets by name ---------------------------------------------------------------------------

def _inputs(root: QWidget) -> list[QWidget]:
    """The named input widgets under ``root`` that hold data (``discard_guard.input_widgets``: what closing asks
    about is what a draft keeps)."""
    return [widget for widget in input_widgets(root) if widget.objectName()]


def _ticked(box: QListWidget) -> list[Any]:
    items = (box.item(i) for i in range(box.count()))
    return [i.data(DATA_ROLE) or i.text() for i in items if i.checkState() == Qt.CheckState.Checked]


def widget_values(root: QWidget) -> dict[str, Any]:
    """What each named input widget under ``root`` holds, as JSON: text, a choice (its data, else its text), a
    number, a tick, or a list's ticked items (their data, else their text)."""
    values: dict[str, Any] = {}
    for widget in _inputs(root):
        name = widget.objectName()
        if isinstance(widget, QLineEdit):
            values[name] = widget.text()
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            values[name] = widget.toPlainText()
        elif isinstance(widget, QComboBox):
            data = widget.currentData()
            values[name] = widget.currentText() if widget.isEditable() or not isinstance(data, str) else data
        elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
            values[name] = widget.value()
        elif isinstance(widget, QListWidget):
            if any(widget.item(i).flags() & Qt.ItemFlag.ItemIsUserCheckable for i in range(widget.count())):
                values[name] = _ticked(widget)
        elif isinstance(widget, QAbstractButton):
            values[name] = widget.isChecked()
    return values


def put_widget_values(root: QWidget, values: dict[str, Any]) -> None:
    """Put back what ``widget_values`` gave (names not found, or values of the wrong kind, are left alone; a choice
    no longer offered stays as it is; a list's items not ticked then are unticked)."""
    for widget in _inputs(root):
        value = values.get(widget.objectName())
        if isinstance(widget, QAbstractButton) and isinstance(value, bool):
            widget.setChecked(value)
    for widget in _inputs(root):  # (after the ticks: an "all" tick ticks its list, which is then set as it was)
        value = values.get(widget.objectName())
        if isinstance(widget, QLineEdit) and isinstance(value, str):
            widget.setText(value)
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)) and isinstance(value, str):
            widget.setPlainText(value)
        elif isinstance(widget, QComboBox) and isinstance(value, str):
            if widget.isEditable():
                widget.setCurrentText(value)
            else:
                position = widget.findData(value)
                position = position if position >= 0 else widget.findText(value)
                if position >= 0:
                    widget.setCurrentIndex(position)
        elif isinstance(widget, QSpinBox) and isinstance(value, int) and not isinstance(value, bool):
            widget.setValue(value)
        elif isinstance(widget, QDoubleSpinBox) and isinstance(value, (int, float)) and not isinstance(value, bool):
            widget.setValue(float(value))
        elif isinstance(widget, QListWidget) and isinstance(value, list):
            for i in range(widget.count()):
                item = widget.item(i)
                if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                    on = (item.data(DATA_ROLE) or item.text()) in value
                    item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def watch_inputs(root: QWidget, touched: Callable[[], None]) -> None:
    """Call ``touched`` on every edit of an input widget under ``root`` (as ``widget_values`` finds them)."""
    for widget in _inputs(root):
        if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
            widget.textChanged.connect(touched)
        elif isinstance(widget, QComboBox):
            widget.currentTextChanged.connect(touched)
        elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
            widget.textChanged.connect(touched)
        elif isinstance(widget, QListWidget):
            widget.itemChanged.connect(touched)
        elif isinstance(widget, QAbstractButton):
            widget.toggled.connect(touched)


# -- at start-up --------------------------------------------------------------------------------------------

def newest_leftover(ctx: AppContext, prefix: str) -> drafts.Draft | None:
    """The newest draft of the kind ``prefix`` left in the open database's folder, or None."""
    if ctx.db is None or ctx.db.needs_setup:
        return None
    left = drafts.leftovers(drafts.drafts_dir(ctx.db.path), prefix=prefix)
    return left[0] if left else None


def offer_at_start(window: QWidget, draft: drafts.Draft, title: str, text: str, detail: str) -> bool:
    """Ask whether to finish the record ``draft`` kept ({when} in ``text``: when it was kept; ``detail``, its topic
    or name, under the text); yes is the default answer."""
    from partydesk.gui.dialogs.meeting_edit_drafts import ask_to_finish

    when = draft.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
    return ask_to_finish(window, title, text.format(when=when), detail)


def taken_up(window: QWidget, ctx: AppContext, prefix: str, page_id: str, title: str, text: str,
             detail_field: str) -> tuple[drafts.Draft, QWidget] | None:
    """The newest leftover draft of the kind ``prefix`` and the page ``page_id``, brought to the front, when the
    office chose to finish it (``offer_at_start``, the draft's widget ``detail_field`` under the text); None when
    there is none, the window has no such page, or the office declined."""
    from partydesk.gui.mainwindow import MainWindow

    newest = newest_leftover(ctx, prefix)
    if newest is None or not isinstance(window, MainWindow) or page_id not in window.page_ids():
        return None
    fields = newest.state.get("fields")
    detail = fields.get(detail_field) if isinstance(fields, dict) else None
    if not offer_at_start(window, newest, title, text, detail if isinstance(detail, str) else ""):
        return None
    return newest, window.show_page(page_id)


__all__ = ["DRAFT_DELAY_MS", "DraftKeeper", "keep_drafts", "newest_leftover", "offer_at_start", "put_widget_values",
           "taken_up", "watch_inputs", "widget_values"]
