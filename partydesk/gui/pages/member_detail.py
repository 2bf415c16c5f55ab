"""The member page (党员详情): who the member is, every field, and the dated history as a timeline.

Shown inside the members page's stack (roster ↔ member), so "Back to the roster" is one click and
the roster keeps its search, filters and selection. Numbers are masked as on the roster until the
user ticks "Show full numbers". The timeline lists events oldest first, like the paper record and
the printed card; an entry recorded by mistake is withdrawn, with a reason, from its "Withdraw…"
button or context menu. "Record a change" offers only the changes that fit the member's present state.
Edit, Record a change and Print card work from here; the page reloads itself when the hub reports that
this member changed, and goes back to the roster when the member was deleted.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QFont, QHideEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from partydesk.core import drafts
from partydesk.core.changes import ChangeKind, Changes
from partydesk.core.domain.member import STATUS_NORMAL
from partydesk.core.domain.member_events import (
    EVENT_LABELS,
    LEAVING_REASON,
    EventKind,
    MemberEvent,
    applicable_kinds,
    derive_state,
)
from partydesk.core.domain.probation import probation_end
from partydesk.core.domain.roster import MemberRecord, RosterRow
from partydesk.core.drafts import Draft
from partydesk.core.services.branches import SINGLE, Branches
from partydesk.core.services.member_activity import MemberActivity
from partydesk.gui.clock_text import local_time
from partydesk.gui.models.roster_model import COLUMNS, RosterFormatter, column_index, roster_row_of
from partydesk.gui.operations import members as member_ops
from partydesk.gui.operations import run
from partydesk.gui.tasks import Lane
from partydesk.gui.translate import QT_TRANSLATE_NOOP
from partydesk.gui.widgets import card_printer
from partydesk.gui.widgets.card_print_button import CardAction, CardPrintButton
from partydesk.gui.widgets.dialog_host import DialogHost
from partydesk.gui.widgets.reveal_check import RevealCheck
from partydesk.gui.widgets.timeline import Timeline

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext

# (group title, roster column ids shown in it), in the order of the paper card.
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (QT_TRANSLATE_NOOP("MemberDetailPage", "Basic information"),
     ("name", "gender", "ethnicity", "birth_date", "age", "id_type", "id_number", "education", "degree",
      "native_place")),
    (QT_TRANSLATE_NOOP("MemberDetailPage", "Party membership"),
     ("category", "joined_on", "confirmed_on", "party_age", "membership_status", "party_group", "party_post",
      "in_branch")),
    (QT_TRANSLATE_NOOP("MemberDetailPage", "Work and contact"),
     ("work_post", "work_unit", "work_started_on", "phone", "address")),
    (QT_TRANSLATE_NOOP("MemberDetailPage", "Lost contact and migration"),
     ("lost_contact", "lost_since", "lost_cause", "migrant", "migrant_destination", "migrant_since")),
    (QT_TRANSLATE_NOOP("MemberDetailPage", "Notes"), ("notes",)),
)
LOST_COLOUR = "#b3261e"
MIGRANT_COLOUR = "#8a5300"
GREY = "#6b6b6b"
ACTIVITY_KINDS = (ChangeKind.MEETING, ChangeKind.TALK, ChangeKind.STUDY, ChangeKind.SYNC)  # what the year's line reads


class MemberDetailPage(DialogHost, QWidget):
    """One member: header with key facts, every field, the timeline and the actions."""

    backRequested = Signal()

    def __init__(self, ctx: AppContext, *, party_groups: Callable[[], list[str]] | None = None,
                 parent: QWidget | None = None, branches: Callable[[], Branches] | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._branches: Callable[[], Branches] = branches or (lambda: SINGLE)  # the roster's, when it has one
        self.member_id: str | None = None
        self._return: tuple[str, str] | None = None  # (page id, title) back goes to, when not the roster
        self.record: MemberRecord | None = None
        self._event_draft: Draft | None = None  # a change left unsaved, to open once the member is shown
        self.events: list[MemberEvent] = []
        self._history_unreadable = False  # the events lie on a damaged part of the file (a read-only look)
        self._party_groups = party_groups or (lambda: [])
        self._formatter = RosterFormatter()
        self._build()
        ctx.hub.changed.connect(self._on_changed)
        self._retranslate()

    # -- building ----------------------------------------------------------------------------------

    def _build(self) -> None:
        self.back_button = QPushButton(self)
        self.back_button.setObjectName("backButton")
        self.back_button.clicked.connect(self.go_back)
        # Back as in a browser or a file manager: Alt+Left, or Esc (when no dialog is open over the page).
        for keys in (QKeySequence(QKeySequence.StandardKey.Back), QKeySequence(Qt.Key.Key_Escape)):
            back = QShortcut(keys, self)
            back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            back.activated.connect(self.go_back)
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("editButton")
        self.edit_button.clicked.connect(self.edit)
        edit = QShortcut(QKeySequence(Qt.Key.Key_F2), self)  # F2 edits, as on the roster
        edit.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        edit.activated.connect(self.edit)
        self.event_button = QPushButton(self)
        self.event_button.setObjectName("eventButton")
        self.event_button.clicked.connect(lambda _checked=False: self.record_event())
        self.print_button = CardPrintButton(self, lambda action: self.print_card(action),
                                            full_numbers=lambda: self.reveal_check.isChecked())
        self.pdf_action, self.printer_action = self.print_button.pdf_action, self.print_button.printer_action
        self.reveal_check = RevealCheck(self, self.ctx, summary="党员页面显示完整号码", show=self._reveal,
                                        ids=lambda: [self.member_id] if self.member_id is not None else None,
                                        same_members=True)

        bar = QHBoxLayout()
        bar.addWidget(self.back_button)
        bar.addStretch(1)
        bar.addWidget(self.reveal_check)
        bar.addSpacing(self.fontMetrics().averageCharWidth() * 2)
        for widget in (self.edit_button, self.event_button, self.print_button):
            bar.addWidget(widget)

        self.name_label = QLabel(self)
        self.name_label.setObjectName("nameLabel")
        font = self.name_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.name_label.setFont(font)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts_label = QLabel(self)
        self.facts_label.setObjectName("factsLabel")
        self.facts_label.setWordWrap(True)
        self.facts_label.setTextFormat(Qt.TextFormat.RichText)
        self.activity_label = QLabel(self)  # the year's meetings, talks and study, under the facts
        self.activity_label.setObjectName("activityLabel")
        self.activity_label.setWordWrap(True)
        self.updated_label = QLabel(self)
        self.updated_label.setObjectName("updatedLabel")

        # Fields: a two-column grid of groups inside a scroll area (small screens, 150 % scaling).
        self._values: dict[str, QLabel] = {}
        self._field_labels: dict[str, QLabel] = {}
        self._groups: list[QGroupBox] = []
        fields = QWidget()
        self._grid = QGridLayout(fields)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._columns = 0
        for title, column_ids in GROUPS:
            group = QGroupBox(fields)
            group.setProperty("sourceTitle", title)
            form = QFormLayout(group)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for column_id in column_ids:
                name = QLabel(group)
                value = QLabel(group)
                value.setObjectName(f"value_{column_id}")
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                value.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
                form.addRow(name, value)
                self._values[column_id] = value
                self._field_labels[column_id] = name
            self._groups.append(group)
        self._arrange(2)
        self.fields_scroll = QScrollArea(self)
        self.fields_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.fields_scroll.setWidgetResizable(True)
        self.fields_scroll.setWidget(fields)

        self.timeline_title = QLabel(self)
        title_font = QFont(self.timeline_title.font())
        title_font.setBold(True)
        self.timeline_title.setFont(title_font)
        self.timeline = Timeline()
        self.timeline.setObjectName("timeline")
        self.timeline.withdrawRequested.connect(self.withdraw_event)
        self.timeline_scroll = QScrollArea(self)
        self.timeline_scroll.setWidgetResizable(True)
        self.timeline_scroll.setWidget(self.timeline)
        self.timeline_scroll.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉") * 18)
        side = QVBoxLayout()
        side.addWidget(self.timeline_title)
        side.addWidget(self.timeline_scroll, 1)

        body = QHBoxLayout()
        body.addWidget(self.fields_scroll, 3)
        body.addLayout(side, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.name_label)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.activity_label)
        layout.addLayout(body, 1)
        layout.addWidget(self.updated_label)
        for scroll in (self.fields_scroll, self.timeline_scroll):
            scroll.viewport().setAutoFillBackground(False)
        fields.setAutoFillBackground(False)
        self._set_actions_enabled(False)

    def _arrange(self, columns: int) -> None:
        """Lay the field groups out in ``columns`` columns (one when the page is narrow)."""
        if columns == self._columns:
            return
        self._columns = columns
        for group in self._groups:
            self._grid.removeWidget(group)
        for position, group in enumerate(self._groups):
            last = position == len(self._groups) - 1  # 备注 takes the whole width
            row, column = divmod(position, columns)
            self._grid.addWidget(group, row, column, 1, columns if last else 1)
        for row in range(self._grid.rowCount()):
            self._grid.setRowStretch(row, 0)
        self._grid.setRowStretch(self._grid.rowCount(), 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Two columns need about 2 × 24 characters; below that one column reads better than a cut one.
        wide_enough = self.fields_scroll.width() >= self.fontMetrics().horizontalAdvance("汉") * 48
        self._arrange(2 if wide_enough else 1)

    # -- loading -----------------------------------------------------------------------------------

    def hideEvent(self, event: QHideEvent) -> None:
        """Leaving the page (back to the roster, another page) masks the numbers again: the next look at this
        member, perhaps by someone else at the shared PC, starts masked."""
        self.reveal_check.setChecked(False)
        super().hideEvent(event)

    def return_to(self, page_id: str, title: str) -> None:
        """Back goes to the window's page ``page_id`` (named ``title``), where the member was opened from (a
        to-do on the workbench), not to the roster; until another member is opened."""
        self._return = (page_id, title)
        self._retranslate()

    def go_back(self) -> None:
        """To the roster, or to the page the member was opened from (``return_to``)."""
        page_id = self._return[0] if self._return else ""
        self._return = None
        self._retranslate()
        self.backRequested.emit()  # the members page shows its roster again, for the next visit
        show_page = getattr(self.window(), "show_page", None)
        if page_id and show_page is not None:
            show_page(page_id)

    def load(self, member_id: str) -> None:
        """Show member ``member_id`` (read on the DB lane)."""
        if member_id != self.member_id:
            self.reveal_check.setChecked(False)  # a new member starts masked again
        if self._event_draft is not None and self._event_draft.meeting_id != member_id:
            self._event_draft = None  # another member opened before the draft's was shown: it is asked about again
        self._return = None
        self._history_unreadable = False
        self.member_id = member_id
        member_ops.load_member_page(self, self.ctx, member_id, lambda result: self._loaded(member_id, result))
        self._load_activity()

    def _load_activity(self) -> None:
        member_id = self.member_id
        if member_id is not None:
            member_ops.load_member_activity(self, self.ctx, member_id, date.today().year,
                                            lambda found: self._show_activity(member_id, found))

    def _show_activity(self, member_id: str, found: MemberActivity) -> None:
        """出席 / 请假 / 缺席 this year, the last meeting attended, the last talk, the year's 学时."""
        if member_id != self.member_id:
            return
        none = self.tr("none yet")
        self.activity_label.setText(self.tr(
            "{year}: present at {present} meetings, excused from {leave}, absent from {absent}; last attended "
            "{last}; last heart-to-heart talk {talk}; {hours} study hours.").format(
            year=found.year, present=found.present, leave=found.leave, absent=found.absent,
            last=f"{found.last_attended:%Y-%m-%d}" if found.last_attended else none,
            talk=f"{found.last_talk:%Y-%m-%d}" if found.last_talk else none, hours=f"{found.study_tenths / 10:g}"))

    def _loaded(self, member_id: str, result: tuple[MemberRecord | None, list[MemberEvent] | None]) -> None:
        if member_id != self.member_id:
            return  # another member was opened meanwhile
        record, found = result
        self._history_unreadable = found is None  # on a damaged part of the file: said in the timeline
        events = found or []
        draft = self._event_draft if self._event_draft is not None and self._event_draft.meeting_id == member_id \
            else None  # (only this member's: the draft's key is the member's id)
        if draft is not None:
            self._event_draft = None
            if record is None:  # deleted since: its draft goes with it
                folder, key = draft.path.parent, draft.key
                run(None, self.ctx, lambda _p: drafts.discard(folder, key, prefix=drafts.EVENT),
                    label="discard draft", lane=Lane.FILE)
        if record is None:
            self.record, self.events = None, []
            self._set_actions_enabled(False)
            if not self.isHidden():  # else it was a member shown earlier: whoever deleted it says so
                self.ctx.hub.statusMessage.emit(self.tr("This member no longer exists; it may have been deleted."))
                self.backRequested.emit()
            return
        self.record, self.events = record, events
        self._set_actions_enabled(True)
        self._show()
        if draft is not None:
            self.record_event(draft)

    def _on_changed(self, changes: Changes) -> None:
        if self.member_id is not None and any(changes.touches(k) for k in ACTIVITY_KINDS):
            self._load_activity()
        if self.member_id is None or not changes.touches(ChangeKind.MEMBER):
            return
        ids = changes.ids.get(ChangeKind.MEMBER)
        if not ids or self.member_id in ids:
            self.load(self.member_id)

    # -- showing -----------------------------------------------------------------------------------

    def _row(self) -> RosterRow | None:
        return roster_row_of(self.record) if self.record is not None else None

    def _show(self) -> None:
        row = self._row()
        if row is None or self.record is None:
            return
        fmt = self._formatter
        self.name_label.setText(row.name)
        for column_id, label in self._values.items():
            label.setText(fmt.text(row, column_id) or "—")
        self.facts_label.setText(self.facts_html(row))
        self.updated_label.setText(self.tr("Last changed: {when}").format(
            when=local_time(self.record.updated_at).strftime("%Y-%m-%d %H:%M"))  # kept in UTC
            + (self.tr(" (corrected by the higher committee)") if self.record.corrected else ""))
        self.timeline.set_events(self.events, self.tr("The history cannot be read: it is on the damaged part of "
                                                      "the database file.") if self._history_unreadable
                                 else self.tr("No changes recorded yet."))
        # Nothing to record after death or 出党 (the transition table offers no change): no empty dialog.
        self.event_button.setEnabled(bool(self.applicable_kinds()))

    def facts_html(self, row: RosterRow) -> str:
        """The key facts line under the name, with the 失联 / 流动 / 转出 situation highlighted."""
        fmt = self._formatter
        facts = [fmt.text(row, "gender")]
        if row.birth_date is not None:
            facts.append(self.tr("{age} years old").format(age=fmt.text(row, "age")))
        facts.append(fmt.text(row, "category"))
        held = self._branches()
        if held.multi and (branch := held.short_of(row.org_id)):  # a committee's file: whose member
            facts.append(branch)
        if row.party_group:
            facts.append(row.party_group)
        if row.joined_on is not None:
            facts.append(self.tr("joined {date}").format(date=row.joined_on.isoformat()))
        if party_years := fmt.text(row, "party_age"):
            facts.append(self.tr("{years} years in the Party").format(years=party_years))
        html = escape(" · ".join(f for f in facts if f))
        badges = []
        if row.membership_status not in ("", STATUS_NORMAL):
            badges.append((fmt.text(row, "membership_status"), GREY))
        if row.lost_contact:
            badges.append((self.tr("Lost contact"), LOST_COLOUR))
        if row.migrant:
            badges.append((self.tr("Migrant: {place}").format(place=row.migrant_destination), MIGRANT_COLOUR))
        if not row.in_branch:
            reason = self.record.left_reason if self.record is not None else ""
            badges.append((LEAVING_REASON.name(reason) if reason in LEAVING_REASON else fmt.text(row, "in_branch"),
                           GREY))
        for text, colour in badges:
            html += f'　<b style="color:{colour};">【{escape(text)}】</b>'
        return html

    def state_text(self) -> str:
        """The key facts as plain text (for tests)."""
        row = self._row()
        if row is None:
            return ""
        return self.facts_html(row)

    def _reveal(self, on: bool) -> None:
        self._formatter.revealed = on
        self._show()

    def _set_actions_enabled(self, enabled: bool) -> None:
        for widget in (self.edit_button, self.event_button, self.print_button):
            widget.setEnabled(enabled)

    # -- actions -----------------------------------------------------------------------------------

    def edit(self) -> None:
        """Open the member form on this member."""
        if self.record is None:
            return
        from partydesk.gui.dialogs.member_edit import open_after_audit

        open_after_audit(self, self.ctx, self.record, party_groups=self._party_groups(),
                         correction_for=self._branches().corrected_from(self.record.org_id), opened=self._open,
                         on_error=lambda error: self.ctx.hub.statusMessage.emit(error.message))

    def record_event(self, draft: Draft | None = None) -> None:
        """Open "Record a change" for this member (with ``draft``'s choices and typing in)."""
        if self.record is None or self.member_id is None:
            return
        from partydesk.gui.dialogs.member_event import MemberEventDialog

        ends = probation_end(self.record.data.joined_on, self.events)  # 预备期 is a fixed year (党章) plus extension
        self._open(MemberEventDialog(self.ctx, self.member_id, self.record.data.name, self,
                                     kinds=self.applicable_kinds(), probation_ends=ends, draft=draft))

    def record_event_when_shown(self, draft: Draft) -> None:
        """Open "Record a change" with ``draft`` in, once the member being read is shown. A member no longer there
        (deleted since) takes its draft with it: it is thrown away, not asked about at every start."""
        self._event_draft = draft

    def applicable_kinds(self) -> list[EventKind]:
        """The changes that fit the member shown, from the events this page holds (what the core allows)."""
        if self.record is None:
            return []
        return applicable_kinds(derive_state(self.events, base_category=self.record.data.category), self.events)

    def withdraw_event(self, event_id: str) -> None:
        """Ask for the reason and take back the entry ``event_id`` (recorded by mistake)."""
        event = next((e for e in self.events if e.id == event_id), None)
        if self.record is None or event is None:
            return
        from partydesk.gui.dialogs.event_withdraw import EventWithdrawDialog

        entry = f"{self.timeline.when(event)} {EVENT_LABELS[event.kind]}"
        dialog = EventWithdrawDialog(self.ctx, event_id, entry, self.record.data.name, self)
        dialog.withdrawn.connect(lambda text: self.ctx.hub.statusMessage.emit(
            self.tr("Entry withdrawn: {entry}").format(entry=text)))
        self._open(dialog)

    def print_card(self, action: CardAction) -> None:
        """Save this member's card as PDF or print it (full numbers only when they are shown)."""
        if self.member_id is None:
            return
        card_printer.request_card(self.ctx, self, self.member_id, action=action,
                                  full_numbers=self.reveal_check.isChecked())


    # -- text --------------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.back_button.setText(self.tr("← Back to {page}").format(page=self._return[1]) if self._return
                                 else self.tr("← Back to the roster"))
        self.edit_button.setText(self.tr("Edit"))
        self.edit_button.setToolTip(self.tr("Edit this member (F2)"))
        self.event_button.setText(self.tr("Record a &change"))
        self.reveal_check.setText(self.tr("Show full numbers"))
        self.timeline_title.setText(self.tr("History"))
        for group in self._groups:
            group.setTitle(QCoreApplication.translate("MemberDetailPage", group.property("sourceTitle")))
        for column_id, label in self._field_labels.items():
            title = QCoreApplication.translate("RosterModel", COLUMNS[column_index(column_id)].title)
            label.setText(self.tr("{field}:").format(field=title))
        self._formatter.retranslate()
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
