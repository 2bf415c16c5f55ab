"""The import wizard's check step (试导入) for one package: what importing it would do, before the user says yes.

The words of the dry run (who comes in, who goes, whose records change and in what, the conflicts), the table
of counts, the gap and the committee's corrections, and the records the import would refuse, each with why.
A large package says a lot: the page scrolls (a 1366×768 screen), and its lists are bounded (the first names,
then "等 N 名"; the first refused records, then how many more). In the wizard's translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from partydesk.core.services.sync_refusals import kind_words
from partydesk.gui.dialogs.sync_import_words import OUTCOME_ORDER

if TYPE_CHECKING:
    from partydesk.core.services.sync_import import ImportReport

translate = QCoreApplication.translate  # ``translate("ImportDialog", ...)``: found there by the translation tools

REFUSED_ROWS = 100  # refused records listed one by one; beyond, how many more (a package may refuse thousands)
_REFUSED_LINES = 12  # the refused table grows with its rows up to about so many lines, then scrolls itself


class CheckPage(QScrollArea):
    """The dry run's page: as tall as its words at the dialog's width, scrolling past the screen's room."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkArea")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the words wrap instead
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reached by Tab: the arrow and page keys scroll it
        check = QWidget(self)
        check.setObjectName("checkPage")
        box = QVBoxLayout(check)
        box.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(check)
        self.summary.setObjectName("summaryLabel")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # names to copy out
        self.counts = QTableWidget(len(OUTCOME_ORDER), 2, check)
        self.counts.setObjectName("countsTable")
        self.counts.setTabKeyNavigation(False)  # (each table here: Tab goes on to the buttons)
        self.counts.verticalHeader().hide()
        self.counts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.counts.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.gap = QLabel(check)
        self.gap.setObjectName("gapLabel")
        self.gap.setWordWrap(True)
        self.gap.setStyleSheet("color: #a15c00;")
        self.corrected = QLabel(check)  # the committee's corrections of this office's own records, named
        self.corrected.setObjectName("correctionsLabel")
        self.corrected.setWordWrap(True)
        self.corrected.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refused_heading = QLabel(check)
        self.refused_heading.setObjectName("refusedHeading")
        self.refused_heading.setWordWrap(True)
        self.refused_records = _RefusedTable(check)
        self.refused_records.setObjectName("refusedRecordsTable")
        self.refused_records.setTabKeyNavigation(False)
        self.refused_records.verticalHeader().hide()
        self.refused_records.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.refused_records.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.refused_records.resized.connect(self._fit_refused)
        self.refused_more = QLabel(check)
        self.refused_more.setObjectName("refusedMoreLabel")
        self.refused_more.setWordWrap(True)
        box.addWidget(self.summary)
        box.addWidget(self.counts)
        for note in (self.gap, self.corrected, self.refused_heading):  # apart from the table above them
            note.setContentsMargins(0, self.fontMetrics().height() // 2, 0, 0)
        box.addWidget(self.gap)
        box.addWidget(self.corrected)
        box.addWidget(self.refused_heading)
        box.addWidget(self.refused_records, 1)
        box.addWidget(self.refused_more)
        box.addStretch(0)  # takes the room only when the table above is hidden: the words stay at the top
        self.setWidget(check)
        self._inner = check
        for hidden in (self.refused_heading, self.refused_records, self.refused_more):
            hidden.hide()
        self.retranslate()

    def retranslate(self) -> None:
        """Headers and row names of the two tables."""
        self.counts.setHorizontalHeaderLabels([translate("ImportDialog", "What the import would do"),
                                               translate("ImportDialog", "Records")])
        names = {"new": translate("ImportDialog", "New"), "updated": translate("ImportDialog", "Updated"),
                 "unchanged": translate("ImportDialog", "Unchanged"),
                 "conflict": translate("ImportDialog", "Conflict (the local version stays until you decide)"),
                 "rejected": translate("ImportDialog", "Rejected (left out)")}
        for row, key in enumerate(OUTCOME_ORDER):
            self.counts.setItem(row, 0, QTableWidgetItem(names[key]))
        self.refused_records.setHorizontalHeaderLabels([translate("ImportDialog", "Type"),
                                                        translate("ImportDialog", "Record"),
                                                        translate("ImportDialog", "Why it was rejected")])

    # The whole page's height at a width: the dialog grows to it (``grow_to_fit``) as far as the screen has room;
    # squeezed below it, this area gives way first (a box layout takes from the biggest) and scrolls.
    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        inner = self._inner
        return inner.heightForWidth(width) if inner.hasHeightForWidth() else inner.sizeHint().height()

    def sizeHint(self) -> QSize:  # a scroll area's own hint is capped at 24 lines
        return self._inner.sizeHint()

    def minimumSizeHint(self) -> QSize:  # a few lines, then it scrolls
        return QSize(self._inner.minimumSizeHint().width(), self.fontMetrics().lineSpacing() * 6)

    def show_counts(self, report: ImportReport, *, receipt: bool) -> None:
        """The five outcome rows in full: the table exactly as tall as its rows (hidden for a receipt)."""
        for row, key in enumerate(OUTCOME_ORDER):
            self.counts.setItem(row, 1, QTableWidgetItem(str(report.counts.get(key, 0))))
        self.counts.setVisible(not receipt)  # five zeros would only puzzle
        self.fit_counts()

    def fit_counts(self) -> None:
        table = self.counts
        table.setFixedHeight(table.horizontalHeader().sizeHint().height() + table.verticalHeader().length()
                             + 2 * table.frameWidth())

    def show_refused(self, report: ImportReport) -> None:
        """The records the import would refuse, each by its kind, its name (a member's, a meeting's topic and day)
        and why: the first ``REFUSED_ROWS``, and how many more."""
        shown = report.rejected[:REFUSED_ROWS]
        words = report.rejected_words
        table = self.refused_records
        table.setRowCount(len(shown))
        for row, (kind, record_id, reason) in enumerate(shown):
            named = words[row] if row < len(words) and words[row] else record_id[:8]
            for column, text in enumerate((kind_words(kind), named, reason)):
                item = QTableWidgetItem(text)
                item.setToolTip(text if column else record_id)  # the kind's tooltip: the record's whole id
                table.setItem(row, column, item)
        more = len(report.rejected) - len(shown)
        self.refused_heading.setText(translate("ImportDialog", "These records would be rejected (left out), "
                                                               "and why:"))
        self.refused_more.setText(translate("ImportDialog", "… and {count} more rejected record(s), not listed "
                                                            "here.").format(count=more) if more > 0 else "")
        for widget in (self.refused_heading, table):
            widget.setVisible(bool(shown))
        self.refused_more.setVisible(more > 0)
        table.resizeColumnToContents(1)  # a meeting's topic and day is long: the reason keeps most of the room
        table.setColumnWidth(1, min(table.columnWidth(1), table.fontMetrics().horizontalAdvance("汉") * 16))
        self._fit_refused()

    def _fit_refused(self) -> None:
        """The refused table as tall as its rows (no empty room under one refusal), up to ``_REFUSED_LINES``
        lines; again whenever its rows grow or shrink with its width (a reason wraps into fewer lines)."""
        table = self.refused_records
        table.resizeRowsToContents()
        lines = table.fontMetrics().lineSpacing() * _REFUSED_LINES
        table.setMaximumHeight(table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
                               + min(table.verticalHeader().length(), lines) + 2)


class _RefusedTable(QTableWidget):
    """Type, record, reason. A reason is a sentence (公民身份号码校验位错误：按前 17 位……): the rows grow to show it
    whole, sized again whenever the width changes (cheap for the bounded rows listed here); a record's name is
    cut at its column's end, whole in its tooltip."""

    resized = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(0, 3, parent)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.resized.emit()
