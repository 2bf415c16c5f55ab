"""One free-text date field for the whole window: typed as offices write dates, read by the core's parser.

``DateField`` is a line edit. What is typed (``2021-07-01``, ``2021/7/1``, ``2021.7.1``, ``2021年7月1日``,
``20210701``) is read by ``core.domain.validate.parse_date``, the same rules as the roster import; on
leaving the field a date it understood is shown back as ``2021年07月01日``, so a misread is seen at once.
A date it cannot read keeps the typed text and reports a Chinese message naming the problem (an
impossible day, a two-digit year, a date written only to the month or the year) through
``problemChanged``; a form shows it beside the field and saves nothing while ``check()`` fails. A small
calendar button (also Alt+↓ or F4) opens a month view for mouse users; Enter or a click picks the day.
Empty is allowed unless the field is made ``required``.

A field made ``partial`` (the member form's 出生日期, 入党日期, 转正日期 and 参加工作日期, as the field
registry says) also takes a date known only to the month or the year (``2019.3``, ``2019年3月``,
``1972年``): ``value()`` is then a ``partial_date.PartialDate``, shown back as ``2019年03月`` or ``1972年``.
Dates of recorded events (记录变动) stay known to the day.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from PySide6.QtCore import QDate, QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeyEvent, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QFrame, QLabel, QLineEdit, QVBoxLayout, QWidget

from partydesk.core.domain import partial_date
from partydesk.core.domain.validate import parse_date
from partydesk.core.errors import ValidationError

# Written only to the month (2019.3, 2019-03, 2019年3月) or only to the year (2019, 2019年).
_TO_MONTH = re.compile(r"\d{4}\s*(?:[-/.]\s*\d{1,2}|年\s*\d{1,2}\s*月?)")
_TO_YEAR = re.compile(r"\d{4}\s*年?")


def shown(value: date) -> str:
    """``value`` as the field shows it: 2021年07月01日, or as far as it is known (2019年03月, 1972年)."""
    return partial_date.text(value)


class _CalendarPopup(QFrame):
    """The month view under the field; closes on Esc, on a click outside, or when a day is picked."""

    def __init__(self, owner: DateField) -> None:
        super().__init__(owner, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("dateFieldCalendar")
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.calendar)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)


def _calendar_icon(colour: QColor, size: int = 32) -> QIcon:
    """A small calendar sheet drawn in the text colour (no image file needed, sharp at any scale)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = painter.pen()
    pen.setColor(colour)
    pen.setWidthF(size / 14)
    painter.setPen(pen)
    unit = size / 8
    painter.drawRoundedRect(int(unit), int(unit * 1.5), int(unit * 6), int(unit * 5.5), unit / 2, unit / 2)
    painter.fillRect(int(unit), int(unit * 1.5), int(unit * 6), int(unit * 1.4), colour)
    for row in range(2):
        for col in range(3):
            painter.fillRect(int(unit * (2 + col * 1.6)), int(unit * (3.9 + row * 1.4)), int(unit), int(unit), colour)
    painter.end()
    return QIcon(pixmap)


class DateField(QLineEdit):
    """A typed date; ``value()`` is the date read, ``check()`` shows and returns whether it is acceptable."""

    problemChanged = Signal(str)  # the message to show beside the field, "" when there is none

    def __init__(self, parent: QWidget | None = None, *, field_name: str = "日期", required: bool = False,
                 partial: bool = False) -> None:
        """``field_name``: the Chinese name used in messages; ``required``: empty is a problem too;
        ``partial``: a date known only to the month or the year is accepted."""
        super().__init__(parent)
        self.field_name = field_name
        self.required = required
        self.partial = partial
        self.latest: date | None = None  # the calendar offers no day after this one
        self._problem = ""
        self._popup: _CalendarPopup | None = None
        self._own_placeholder = True
        self.calendar_action = QAction(_calendar_icon(self.palette().text().color()), "", self)
        self.calendar_action.setObjectName("calendarAction")
        self.calendar_action.triggered.connect(self.open_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.setMaxLength(40)
        self.editingFinished.connect(self.check)
        self.textEdited.connect(self._edited)
        self._retranslate()

    # -- the value ---------------------------------------------------------------------------------

    def value(self) -> date | None:
        """The date the text gives, or None when it is empty or not a date."""
        text = self.text().strip()
        if not text:
            return None
        try:
            return parse_date(text, field=self.field_name, partial=self.partial)
        except ValidationError:
            return None

    def set_value(self, value: date | None) -> None:
        """Show ``value`` (empty for None) and forget any problem."""
        self.setText(shown(value) if value is not None else "")
        self._set_problem("")

    def problem(self) -> str:
        """What is wrong with the text, in Chinese ("" when it is a date, or empty and allowed)."""
        text = self.text().strip()
        if not text:
            return self.tr("Please fill in {field}").format(field=self.field_name) if self.required else ""
        try:
            parse_date(text, field=self.field_name, partial=self.partial)
        except ValidationError as error:
            plain = unicodedata.normalize("NFKC", text)
            if error.code == "date_no_day" and _TO_MONTH.fullmatch(plain):
                return self.tr("{field} gives only the year and month; please add the day").format(
                    field=self.field_name)
            if error.code == "date_no_day" and _TO_YEAR.fullmatch(plain):
                return self.tr("{field} gives only the year; please add the month and day").format(
                    field=self.field_name)
            return error.message
        return ""

    def check(self) -> bool:
        """Read the text: show a date back in full, or report the problem. True when acceptable."""
        problem = self.problem()
        parsed = self.value()
        if not problem and parsed is not None and self.text() != shown(parsed):
            self.setText(shown(parsed))
        self._set_problem(problem)
        return not problem

    def show_problems_in(self, label: QLabel) -> None:
        """Let ``label`` (an inline error line) show this field's problem, and hide when there is none."""
        def show(message: str) -> None:
            label.setText(message)
            label.setVisible(bool(message))
        self.problemChanged.connect(show)

    def _set_problem(self, problem: str) -> None:
        if problem != self._problem:
            self._problem = problem
            self.problemChanged.emit(problem)

    def _edited(self, _text: str) -> None:
        # The line described the old text, whether it said this field's own problem or the core's refusal
        # of it ("变动日期不能晚于今天"): either way it goes when the date is typed again.
        self._problem = ""
        self.problemChanged.emit("")

    # -- the calendar ------------------------------------------------------------------------------

    def open_calendar(self) -> None:
        """Show the month view under the field, on the typed date (else today); a picked day is typed in."""
        if self._popup is None:
            self._popup = _CalendarPopup(self)
            self._popup.calendar.clicked.connect(self._picked)
            self._popup.calendar.activated.connect(self._picked)
        calendar = self._popup.calendar
        today = date.today() if self.latest is None else min(date.today(), self.latest)
        start = self.value() or today
        calendar.setMinimumDate(QDate(1900, 1, 1))
        calendar.setMaximumDate(QDate(2099, 12, 31) if self.latest is None else _qdate(self.latest))
        calendar.setSelectedDate(_qdate(start))
        self._popup.adjustSize()
        where = self.mapToGlobal(QPoint(0, self.height()))
        screen = self.screen().availableGeometry()
        if where.y() + self._popup.height() > screen.bottom():
            where.setY(self.mapToGlobal(QPoint(0, 0)).y() - self._popup.height())
        where.setX(max(screen.left(), min(where.x(), screen.right() - self._popup.width())))
        self._popup.move(where)
        self._popup.show()
        calendar.setFocus()

    def calendar_popup(self) -> _CalendarPopup | None:
        """The month view once it was opened (for tests)."""
        return self._popup

    def _picked(self, day: QDate) -> None:
        text = shown(date(day.year(), day.month(), day.day()))
        self.setText(text)
        self.textEdited.emit(text)  # a pick is the user's edit: forms react as to typing
        if self._popup is not None:
            self._popup.close()
        self.setFocus()
        self.check()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        opens = (event.key() == Qt.Key.Key_F4 or (event.key() == Qt.Key.Key_Down
                 and event.modifiers() & Qt.KeyboardModifier.AltModifier))
        if opens:
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def _retranslate(self) -> None:
        self.calendar_action.setToolTip(self.tr("Choose on a calendar ({keys})").format(
            keys=QKeySequence("Alt+Down").toString(QKeySequence.SequenceFormat.NativeText)))
        if self._own_placeholder:
            self.setPlaceholderText(self._example())

    def _example(self) -> str:
        return self.tr("e.g. 2021.7.1 or 2019.3") if self.partial else self.tr("e.g. 2021.7.1")

    def show_example(self) -> None:
        """Put the field's own example back as its grey text (after a form's own)."""
        self.setPlaceholderText(self._example())

    def setPlaceholderText(self, text: str) -> None:
        """A placeholder set from outside (a form's own) is kept over the field's example."""
        self._own_placeholder = text == self._example()
        super().setPlaceholderText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)
