"""The workbench (工作台), the page the program opens on: key figures, the to-do board, the charts.

Everything comes from one ``dashboard.snapshot`` read on the DB lane (SQL aggregates and the checks
engine): the key figures and the to-do board show first, the charts are drawn right after (and not again
when their data did not move). The charts sit in tabs and each tab draws on its first showing, so
matplotlib is imported when the workbench first draws, not at start-up (on the file lane while the
snapshot is read). Clicking a bar or slice of a member chart asks the
main window to show the roster filtered to those members (``membersRequested``); opening a to-do asks
it to go to the record or calendar cell concerned (``targetRequested``). Any change published on the
hub reloads the page, at once when it is on screen, else when it is next shown.

A committee's file holding several branches gets the branch filter (``widgets.branch_filter``: 全部支部 /
each branch) that scopes the key figures, charts and to-dos, and a tab of members per branch.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from partydesk.core.changes import Changes
from partydesk.core.checks.findings import Finding
from partydesk.core.errors import KnownError
from partydesk.core.services.dashboard import BRANCHES_TITLE, STRUCTURE_TITLES, Dashboard
from partydesk.gui.folders import DOCUMENTS, remember_folder, start_folder
from partydesk.gui.operations import workbench as ops
from partydesk.gui.widgets.branch_filter import BranchFilter
from partydesk.gui.widgets.chart_canvas import ChartCanvas
from partydesk.gui.widgets.saved_box import show_saved
from partydesk.gui.widgets.todo_board import TodoBoard

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext

RELOAD_DELAY_MS = 300
MOST_BRANCHES_CHARTED = 20
GROUPS_PER_BRANCH = "各支部的党小组分别统计\n请先在上方选择一个支部"  # (the charts speak Chinese, as the core's titles)

# Tabs of two charts each: (tab id, chart ids); titles are in _retranslate.
TABS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("meetings", ("meetings_by_type", "meetings_by_month")),
    ("age", ("age", "party_age")),
    ("people", ("gender", "ethnicity")),
    ("education", ("education", "category")),
    ("groups", ("group", "joined")),
    ("attendance", ("attendance", "study")),
    ("branches", ("branches",)),  # shown only when the file holds several branches
)
PIES = frozenset({"age", "gender", "category"})


def _chart_part(snapshot: Dashboard) -> tuple[object, ...]:
    """What the charts draw from a snapshot (the to-dos aside)."""
    fig = snapshot.figures
    return (snapshot.today, snapshot.org_id, snapshot.structure, snapshot.joined, snapshot.meetings_by_type,
            snapshot.meetings_by_month, snapshot.attendance, snapshot.branches, fig.study_on_track, fig.study_counted)


class KeyFigure(QFrame):
    """One key figure: a big number over its caption."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value_label = QLabel("…", self)  # until the first snapshot comes in
        self.value_label.setObjectName(f"{name}Value")
        font = self.value_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.value_label.setFont(font)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value_label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.caption)


class WorkbenchPage(QWidget):
    """Key figures on top; the to-do board beside tabs of charts."""

    targetRequested = Signal(str, str)  # Target kind, key
    membersRequested = Signal(object, str)  # frozenset of member ids, what they are ("女", "未填写入党日期")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._today = today
        self.snapshot: Dashboard | None = None  # the full snapshot, to-dos included
        self.chart_data: Dashboard | None = None  # the snapshot the charts were drawn from
        self.report_written: Path | None = None
        self._stale = False
        self._drawn: set[str] = set()
        self._labels: dict[str, str] = {}
        self._twice = (0, 0)  # people on two branches' rolls, counted once, and the entries added up
        self.figures = {name: KeyFigure(name, self) for name in
                        ("membersFigure", "probationFigure", "meetingsFigure", "studyFigure", "todoFigure")}
        self.report_button = QPushButton(self)
        self.report_button.setObjectName("reportButton")
        # A menu of the two years a report is made for: this year's (in progress) and last year's (due early
        # in the new year), the one ``report_year`` suggests first.
        self.report_menu = QMenu(self.report_button)
        self.report_menu.setObjectName("reportMenu")
        self.report_menu.aboutToShow.connect(self._fill_report_menu)
        self.report_button.setMenu(self.report_menu)
        self.branch_filter = BranchFilter(self)
        self.branch_filter.branchChanged.connect(lambda _org: self.reload())
        self.board = TodoBoard(self)
        self.board.openRequested.connect(self.open_finding)
        self.board.dismissRequested.connect(lambda f: self.set_aside(f, snooze=False))
        self.board.snoozeRequested.connect(lambda f: self.set_aside(f, snooze=True))
        self.board.restoreRequested.connect(self._restore)
        self.board.showSetAsideToggled.connect(lambda on: self._load_set_aside() if on else None)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("chartTabs")
        self.charts: dict[str, ChartCanvas] = {}
        for tab_id, chart_ids in TABS:
            tab = QWidget(self.tabs)
            tab.setObjectName(f"{tab_id}Tab")
            grid = QGridLayout(tab)
            grid.setContentsMargins(0, 0, 0, 0)
            for row, chart_id in enumerate(chart_ids):
                canvas = ChartCanvas(ctx, tab, name=chart_id)
                canvas.setObjectName(f"{chart_id}Chart")
                canvas.bucketClicked.connect(self.open_bucket)
                self.charts[chart_id] = canvas
                grid.addWidget(canvas, row, 0)
            self.tabs.addTab(tab, "")
        self.tabs.currentChanged.connect(lambda _i: self._draw_current())
        self._lay_out()
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload)
        ctx.hub.changed.connect(self._on_changed)
        self._retranslate()
        self.tabs.setTabVisible(len(TABS) - 1, False)
        self.reload()
        ops.warm_charts(self, ctx)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        for figure in self.figures.values():
            top.addWidget(figure, 1)
        side = QVBoxLayout()
        side.addStretch(1)
        side.addWidget(self.branch_filter)
        side.addWidget(self.report_button)
        side.addStretch(1)
        top.addLayout(side, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.board)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

    @property
    def today(self) -> date:
        """The day the workbench judges on (today, unless a test fixed it)."""
        return self._today or date.today()

    def open_target(self, kind: str, key: str) -> None:
        """``branch``: the page scoped to that organisation (a row of the committee's comparison opened)."""
        if kind == "branch":
            self.branch_filter.set_current(key)

    @property
    def org_id(self) -> str | None:
        """The branch chosen in the selector, or None for 全部支部 (and for a branch's own file)."""
        return self.branch_filter.current()

    # -- loading -----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the snapshot again on the DB lane."""
        self._stale = False
        # One read: what needs doing shows first, then the charts from the same data (a separate read of
        # the charts' data first drew them sooner but showed the to-dos later, reading much of it twice).
        ops.load_snapshot(self, self.ctx, self.today, self._loaded, org_id=self.org_id, on_error=self._load_failed)
        if self.board.set_aside_check.isChecked():
            self._load_set_aside()

    def _show_figures(self, snapshot: Dashboard) -> None:
        fig = snapshot.figures
        self.figures["membersFigure"].value_label.setText(str(fig.members))
        self._twice = (fig.on_two_rolls, fig.entries)
        self._members_caption()
        self.figures["probationFigure"].value_label.setText(str(fig.probationary))
        self.figures["meetingsFigure"].value_label.setText(f"{fig.meetings_held}/{fig.meetings_required}")
        share = fig.study_share
        self.figures["studyFigure"].value_label.setText("—" if share is None else f"{share:.0%}")
        self.figures["todoFigure"].value_label.setText(str(fig.open_todos))
        self.branch_filter.set_branches(snapshot.organisations)
        self.tabs.setTabVisible(len(TABS) - 1, len(snapshot.branches) > 1)

    def _show_charts(self, snapshot: Dashboard) -> None:
        """Draw ``snapshot``'s charts, unless the ones drawn already show the same data."""
        drawn = self.chart_data
        self.chart_data = snapshot
        if drawn is not None and _chart_part(drawn) == _chart_part(snapshot):
            return
        self._labels = {b.key: b.label for buckets in snapshot.structure.values() for b in buckets}
        self._labels.update({b.key: self.tr("joined in {year}").format(year=b.label) for b in snapshot.joined})
        self._drawn.clear()
        # The figures (and to-dos) paint first; the charts (matplotlib's first use is slow) right after.
        QTimer.singleShot(0, self._draw_current)

    def _loaded(self, snapshot: Dashboard) -> None:
        self.snapshot = snapshot
        self._show_figures(snapshot)
        self.board.set_findings(snapshot.findings)
        self._show_charts(snapshot)

    def _load_failed(self, error: KnownError) -> None:
        """The snapshot could not be read: the board says why instead of listing to-dos that may be out of
        date, the figures and charts keep what they last showed (blank if never read), and the message
        goes to the status bar too."""
        self.board.set_failed(error.message)
        if self.snapshot is None:
            for figure in self.figures.values():
                figure.value_label.setText("—")
        self.ctx.hub.statusMessage.emit(error.message)

    def _load_set_aside(self) -> None:
        ops.load_set_aside(self, self.ctx, self.today, self.board.set_set_aside, org_id=self.org_id)

    def _on_changed(self, changes: Changes) -> None:
        del changes  # members, meetings, rules, to-dos … all move the figures
        if self.isVisible():
            self._reload_timer.start()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    # -- charts ------------------------------------------------------------------------------------

    def _draw_current(self) -> None:
        if self.chart_data is None:
            return
        tab_id, chart_ids = TABS[self.tabs.currentIndex()]
        if tab_id in self._drawn:
            return
        self._drawn.add(tab_id)
        for chart_id in chart_ids:
            self.charts[chart_id].set_figure(self.build_figure(chart_id))

    def build_figure(self, chart_id: str) -> Any:
        """The figure of one chart from the snapshot (matplotlib is imported here, on first use)."""
        from partydesk.core.charts import activity, members

        snap = self.chart_data
        assert snap is not None
        if chart_id == "group" and snap.organisations.multi and snap.org_id is None:
            # 第一党小组 of sixty branches are sixty groups: added together they mean nothing.
            return members.bars(STRUCTURE_TITLES[chart_id], [], [], [], horizontal=True, empty=GROUPS_PER_BRANCH)
        if chart_id in snap.structure:
            buckets = snap.structure[chart_id]
            args = ([b.label for b in buckets], [b.value for b in buckets], [b.key for b in buckets])
            build: Callable[..., Any] = members.pie if chart_id in PIES else members.bars
            extra = {"horizontal": True} if chart_id in ("group", "ethnicity") else {}
            return build(STRUCTURE_TITLES[chart_id], *args, **extra)
        if chart_id == "joined":
            return members.joined_per_year([b.label for b in snap.joined], [b.value for b in snap.joined],
                                           [b.key for b in snap.joined])
        if chart_id == "meetings_by_type":
            return activity.meetings_by_type(snap.meetings_by_type)
        if chart_id == "meetings_by_month":
            monthly = snap.meetings_by_month
            return activity.meetings_by_month(monthly.held, monthly.required, monthly.year)
        if chart_id == "attendance":
            return activity.attendance_trend(snap.attendance)
        if chart_id == "branches":
            chosen = f"org:{snap.org_id}" if snap.org_id is not None else None
            shown, title = snap.branches, BRANCHES_TITLE
            if len(shown) > MOST_BRANCHES_CHARTED:  # sixty bars are a smear: the largest, the rest in 各支部对比
                largest = sorted(shown, key=lambda b: -b.value)
                shown = largest[:MOST_BRANCHES_CHARTED]
                title = f"{BRANCHES_TITLE}（人数最多的 {MOST_BRANCHES_CHARTED} 个，共 {len(snap.branches)} 个）"
                if chosen is not None and chosen not in {b.key for b in shown}:  # the chosen one stays in sight
                    shown = shown[:-1] + [b for b in largest if b.key == chosen]
                    title = (f"{BRANCHES_TITLE}（共 {len(snap.branches)} 个）\n"
                             f"人数最多的 {MOST_BRANCHES_CHARTED - 1} 个和所选支部（红色）")
            if chosen is not None and chosen in {b.key for b in shown} and "红色" not in title:
                title += "\n红色为所选支部"
            return members.bars(title, [b.label for b in shown], [b.value for b in shown],
                                [b.key for b in shown], horizontal=True, chosen=chosen)
        return activity.study_hours(snap.figures.study_on_track, snap.figures.study_counted)

    def draw_all(self) -> None:
        """Draw every tab's charts now (for the report and for looking at them all)."""
        for index in range(self.tabs.count()):
            self.tabs.setCurrentIndex(index)
        self.tabs.setCurrentIndex(0)

    # -- opening what was clicked ------------------------------------------------------------------

    def open_bucket(self, key: str) -> None:
        """Ask for the roster filtered to the members behind a bar or slice."""
        label = self._labels.get(key, key)
        ops.load_member_ids(self, self.ctx, key, self.today,
                            lambda ids: self.membersRequested.emit(frozenset(ids), label), org_id=self.org_id)

    def open_finding(self, finding: Finding) -> None:
        """Go to what the finding concerns: a bucket of members, a member, a calendar cell, a setting."""
        target = finding.target
        if target is None:
            return
        if target.kind == "roster":
            self._labels.setdefault(target.key, finding.message)
            self.open_bucket(target.key)
        else:
            self.targetRequested.emit(target.kind, target.key)

    def set_aside(self, finding: Finding, *, snooze: bool) -> None:
        """Ask why (and until when), then dismiss or snooze the finding."""
        from partydesk.gui.dialogs.finding_decision import FindingDecisionDialog

        dialog = FindingDecisionDialog(finding.message, snooze=snooze, today=self.today, due=finding.due, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.decision_dialog = dialog

        def decided() -> None:
            ops.set_aside(self, self.ctx, finding, until=dialog.until(), today=self.today, reason=dialog.reason(),
                          on_error=self._failed)

        dialog.accepted.connect(decided)
        dialog.open()

    def _restore(self, finding: Finding) -> None:
        ops.restore(self, self.ctx, finding, on_error=self._failed)

    def report_year(self) -> int:
        """The year the report button offers: this year, or last year during January."""
        return self.today.year - 1 if self.today.month == 1 else self.today.year

    def _fill_report_menu(self) -> None:
        self.report_menu.clear()
        first = self.report_year()
        for year in (first, self.today.year if first != self.today.year else first - 1):
            action = self.report_menu.addAction(self.tr("Report for {year}…").format(year=year))
            action.setObjectName(f"report{year}")
            action.triggered.connect(lambda _checked=False, y=year: self.ask_report(y))

    def ask_report(self, year: int | None = None) -> None:
        """Ask where to save the yearly report of ``year`` (default ``report_year``; .pdf or .docx), then
        write it."""
        from PySide6.QtWidgets import QFileDialog

        from partydesk.core.io.annual_report import file_name
        from partydesk.core.io.minutes_data import safe_file_part

        year = year or self.report_year()
        # Named for the branch when the page is scoped to one (a committee's file): its report, not the whole.
        branch = self.branch_filter.current_name() if self.org_id is not None else ""
        suggested = start_folder(self.ctx.settings, DOCUMENTS) / file_name(safe_file_part(branch), year, "pdf")
        pdf, word = self.tr("PDF file (*.pdf)"), self.tr("Word document (*.docx)")
        chosen, kind = QFileDialog.getSaveFileName(self, self.tr("Save yearly report"), str(suggested),
                                                   f"{pdf};;{word}")
        if chosen:
            remember_folder(self.ctx.settings, DOCUMENTS, chosen)
            suffix = ".docx" if kind == word else ".pdf"
            path = Path(chosen)
            self.write_report(path if path.suffix.lower() in (".pdf", ".docx") else path.with_suffix(suffix), year)

    def write_report(self, path: Path, year: int) -> None:
        """Write the yearly report of ``year`` to ``path`` (.pdf or .docx); a box and the status bar say where."""
        def done(written: Path) -> None:
            self.ctx.hub.statusMessage.emit(self.tr("Yearly report saved: {path}").format(path=str(written)))
            self.report_written = written
            show_saved(self, self.tr("Yearly report"), self.tr("The yearly report of {year} is saved:").format(
                year=year), written)

        ops.write_annual_report(self, self.ctx, year=year, path=path, today=self.today, on_done=done,
                                on_error=self._failed, org_id=self.org_id)

    def _failed(self, error: KnownError) -> None:
        QMessageBox.warning(self, self.tr("Workbench"), error.message)

    # -- text --------------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        captions = {"membersFigure": self.tr("Members"), "probationFigure": self.tr("Probationary members"),
                    "meetingsFigure": self.tr("Meetings held / required this year"),
                    "studyFigure": self.tr("On track for study hours"), "todoFigure": self.tr("Open to-dos")}
        for name, caption in captions.items():
            self.figures[name].caption.setText(caption)
        self._members_caption()
        self.figures["meetingsFigure"].setToolTip(self.tr(
            "Required meetings held this year, of those already due: the periods that have ended, and the current "
            "ones whose meeting was held. Meetings still to be held this period are listed among the to-dos."))
        self.figures["studyFigure"].setToolTip(self.tr(
            "The share of members whose study hours keep pace with the year so far (the year's requirement in "
            "proportion to the days gone). How many have completed the whole year's hours: see the Study page."))
        self.report_button.setText(self.tr("Yearly report…"))
        titles = {"meetings": self.tr("Meetings"), "age": self.tr("Age and Party age"),
                  "people": self.tr("Gender and ethnicity"), "education": self.tr("Education and category"),
                  "groups": self.tr("Party groups and joining years"), "attendance": self.tr("Attendance and study"),
                  "branches": self.tr("Branches")}
        for index, (tab_id, _charts) in enumerate(TABS):
            self.tabs.setTabText(index, titles[tab_id])

    def _members_caption(self) -> None:
        """党员总数 of a committee's whole file counts a person on two branches' rolls once, and says so: the
        branches' own figures add up to more."""
        (twice, entries), card = self._twice, self.figures["membersFigure"]
        if twice:
            card.caption.setText(self.tr("Members ({count} on two rolls, counted once)").format(count=twice))
            card.setToolTip(self.tr(
                "Of these, {count} are on the rolls of two branches (the same ID number, as in a transfer under "
                "way) and are counted once; the branches' own figures add up to {entries}. See the to-do naming "
                "them.").format(count=twice, entries=entries))
        else:
            card.caption.setText(self.tr("Members"))
            card.setToolTip("")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
