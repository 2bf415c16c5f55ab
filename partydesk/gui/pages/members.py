"""The members page (党员): the roster with search, filters and columns, and each member's page.

The roster is a ``QTableView`` over ``RosterModel`` (a plain list; filtering is a list comprehension,
never a proxy model). Typing in the search box is debounced (150 ms) so a fast typist filters once;
facet combos apply at once. Columns are chosen from a menu (button or header right-click) and
remembered in the settings; widths come from the font, never from the contents. ID numbers and phones
are masked until "Show full numbers" is ticked; that choice is not remembered, so the roster always
opens masked.

Actions: Add, Edit, Delete (with a reason), Open (Enter or double-click), Print card; Import and Export
only emit signals for the Excel wizard (wired elsewhere). When the hub reports a change to some members,
only their rows are read again (``operations.members.load_roster_rows``) and updated in place, keeping
the search, filters, sort and selection; a change that names no ids, or very many, reloads the roster.
A member's page lives in the same stack, so going back keeps the search.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpacerItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from partydesk.core.changes import ChangeKind, Changes
from partydesk.core.domain.roster import RosterRow
from partydesk.core.errors import KnownError
from partydesk.core.services.roster_search import RosterFacets
from partydesk.gui.dialogs.crash import show_known_error
from partydesk.gui.models.roster_model import DEFAULT_COLUMNS, RosterModel, column_index
from partydesk.gui.operations import members as member_ops
from partydesk.gui.pages import roster_actions, roster_facets
from partydesk.gui.pages.roster_branches import RosterBranches
from partydesk.gui.widgets.card_print_button import CardPrintButton
from partydesk.gui.widgets.column_menu import ColumnMenu
from partydesk.gui.widgets.dialog_host import DialogHost
from partydesk.gui.widgets.empty_state import EmptyState
from partydesk.gui.widgets.flow_layout import FlowLayout
from partydesk.gui.widgets.keys import lead_to_results, shortcut
from partydesk.gui.widgets.reveal_check import RevealCheck
from partydesk.gui.widgets.roster_table import fit_names, roster_table, size_columns

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext
    from partydesk.gui.pages.member_detail import MemberDetailPage
    from partydesk.gui.widgets.card_print_button import CardAction

COLUMNS_KEY = "members/columns"
DEBOUNCE_MS = 150
# The name column identifies the row; it cannot be hidden.
FIXED_COLUMNS = ("name",)
ROSTER, EMPTY = range(2)
# Above this many changed members (a big import) one full read is quicker than reading them by id.
REFRESH_BY_ID_LIMIT = 2000


class MembersPage(DialogHost, QWidget):
    """Roster ↔ member page, in one stack."""

    importRequested = Signal()
    exportRequested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = RosterModel(self)
        self._loaded, self._only_label = False, ""
        self._select_after_load: str | None = None
        self._detail: MemberDetailPage | None = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.stack = QStackedWidget(self)
        self.roster_panel = QWidget(self.stack)
        self.roster_panel.setObjectName("rosterPanel")
        self.stack.addWidget(self.roster_panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._build_actions()
        self._build_filters()
        self._build_table()
        self._build_empty_state()
        self._lay_out()
        self.columns_menu.restore()
        self._retranslate()
        self._roll_default()
        self._update_actions()
        ctx.hub.changed.connect(self._on_changed)
        self.reload()

    # -- building ----------------------------------------------------------------------------------

    def _button(self, name: str, slot: Any) -> QPushButton:
        button = QPushButton(self.roster_panel)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _build_actions(self) -> None:
        self.add_button = self._button("addButton", self.add_member)
        self.edit_button = self._button("editButton", self.edit_selected)
        self.open_button = self._button("openButton", self.open_selected)
        self.delete_button = self._button("deleteButton", self.delete_selected)
        self.group_button = self._button("groupButton", self.group_selected)
        self.print_button = CardPrintButton(self.roster_panel, self.print_selected, self.print_all_cards,
                                            full_numbers=lambda: self.reveal_check.isChecked())
        self.pdf_action, self.printer_action = self.print_button.pdf_action, self.print_button.printer_action
        self.all_cards_action = self.print_button.all_cards_action
        self.import_button = self._button("importButton", self.importRequested)
        self.export_button = self._button("exportButton", self.exportRequested)

    def _build_filters(self) -> None:
        panel = self.roster_panel
        self.search_edit = QLineEdit(panel)
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda _text: self._debounce.start())
        self.search_edit.textEdited.connect(lambda _text: self._drop_only())
        lead_to_results(self.search_edit, self.go_to_results)
        self.reveal_check = RevealCheck(panel, self.ctx, summary="花名册显示完整号码", show=self.model.set_revealed,
                                        ids=lambda: [row.id for row in self.model.shown_rows()])
        self.columns_button = QPushButton(panel)
        self.columns_button.setObjectName("columnsButton")

        # Facets: (label, combo); each combo's item data is the facet value (None = any).
        self.category_combo = self._facet_combo("categoryCombo")
        self.group_combo = self._facet_combo("groupCombo")
        self.status_combo = self._facet_combo("statusCombo")
        self.lost_combo = self._facet_combo("lostCombo")
        self.migrant_combo = self._facet_combo("migrantCombo")
        self.roll_combo = self._facet_combo("rollCombo")
        self.facet_labels = {combo: QLabel(panel) for combo in self._facet_combos()}
        for combo, label in self.facet_labels.items():
            label.setBuddy(combo)
        self.clear_button = self._button("clearFiltersButton", self.clear_filters)

    def _facet_combo(self, name: str) -> QComboBox:
        combo = QComboBox(self.roster_panel)
        combo.setObjectName(name)
        # As wide as the longest choice (第二党小组, 组织关系已转出): a cut-off name cannot be told apart
        # from its neighbours. The facets flow onto a second line when that needs more room.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setMinimumContentsLength(4)
        combo.currentIndexChanged.connect(lambda _index: self.apply_filter())
        combo.activated.connect(lambda _index: self._drop_only())
        return combo

    def _facet_combos(self) -> list[QComboBox]:
        return [self.category_combo, self.group_combo, self.status_combo, self.lost_combo, self.migrant_combo,
                self.roll_combo]

    def _build_table(self) -> None:
        view = roster_table(self.roster_panel, self.model, int(self.fontMetrics().height() * 1.7))
        view.horizontalHeader().customContextMenuRequested.connect(self._header_menu)
        view.activated.connect(lambda index: self.open_member(index.data(Qt.ItemDataRole.UserRole)))
        view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.model.modelReset.connect(self._update_actions)
        shortcut(QKeySequence.StandardKey.Delete, view, self.delete_selected)
        shortcut(Qt.Key.Key_F2, view, self.edit_selected)  # as renaming in a file manager
        window = Qt.ShortcutContext.WindowShortcut  # while the roster shows, wherever the focus (the sidebar too)
        shortcut(QKeySequence.StandardKey.New, self.roster_panel, self.add_member, context=window)
        shortcut(QKeySequence.StandardKey.Find, self.roster_panel, self._to_search, context=window)
        shortcut(Qt.Key.Key_Escape, self.search_edit, self.search_edit.clear)  # Esc in the search box empties it
        self.view = view
        self.columns_menu = ColumnMenu(view, self.ctx.settings, COLUMNS_KEY, default=DEFAULT_COLUMNS,
                                       fixed=FIXED_COLUMNS, parent=self.columns_button)
        self.columns_button.setMenu(self.columns_menu)
        self.column_actions = self.columns_menu.entries
        self.column_actions["branch"].setVisible(False)  # 所在支部: a committee file only (RosterBranches)
        self.branches = RosterBranches(self)
        self.column_actions["branch"].toggled.connect(self.branches.column_toggled)
        self.columns_menu.default_action.triggered.connect(self.branches.defaults_restored)
        size_columns(self.view, self.model, self.fontMetrics().horizontalAdvance("汉"))

    def _build_empty_state(self) -> None:
        self.empty_panel = EmptyState(self.roster_panel, first_name="emptyAddButton", second_name="emptyImportButton")
        self.empty_label = self.empty_panel.label
        self.empty_add_button = self.empty_panel.first_button
        self.empty_add_button.clicked.connect(self.add_member)
        self.empty_import_button = self.empty_panel.second_button
        self.empty_import_button.clicked.connect(self.importRequested)
        self.table_stack = QStackedWidget(self.roster_panel)
        self.table_stack.addWidget(self.view)
        self.table_stack.addWidget(self.empty_panel)

    def _lay_out(self) -> None:
        # Buttons and filters flow onto a second line when the window is narrow (1366×768 at 150 %
        # scaling leaves about 900 pixels), instead of forcing the window wider than the screen.
        spacing = self.fontMetrics().averageCharWidth()
        actions = FlowLayout(spacing=spacing)
        for widget in (self.add_button, self.edit_button, self.open_button, self.delete_button, self.group_button,
                       self.print_button):
            actions.addWidget(widget)
        actions.addItem(QSpacerItem(spacing * 3, 1))
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)

        search = QHBoxLayout()
        search.addWidget(self.search_edit, 1)
        search.addWidget(self.reveal_check)
        search.addWidget(self.columns_button)

        facets = FlowLayout(spacing=spacing)
        for extra in self.branches.widgets():
            facets.addWidget(extra)
        for combo, label in self.facet_labels.items():
            pair = QWidget(self.roster_panel)
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, spacing, 0)
            row.addWidget(label)
            row.addWidget(combo)
            facets.addWidget(pair)
        facets.addWidget(self.clear_button)

        self.count_label = QLabel(self.roster_panel)
        self.count_label.setObjectName("countLabel")
        self.count_label.setWordWrap(True)
        box = QVBoxLayout(self.roster_panel)
        box.addLayout(actions)
        box.addLayout(search)
        box.addLayout(facets)
        box.addWidget(self.table_stack, 1)
        box.addWidget(self.count_label)
        self.search_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉") * 12)

    # -- columns -----------------------------------------------------------------------------------

    def visible_columns(self) -> list[str]:
        """Ids of the columns shown, in model order."""
        return self.columns_menu.visible()

    def set_visible_columns(self, column_ids: list[str]) -> None:
        """Show exactly these columns (the name always) and remember the choice."""
        self.columns_menu.set_visible(column_ids)

    def _header_menu(self, pos: QPoint) -> None:
        header = self.view.horizontalHeader()
        if header.logicalIndexAt(pos) == column_index("name"):
            self.name_order_menu().popup(header.mapToGlobal(pos))
            return
        self.columns_menu.popup(header.mapToGlobal(pos))

    def name_order_menu(self) -> QMenu:
        """The 姓名 header's menu: sort by pinyin or by surname strokes (按姓氏笔画), then the columns."""
        from partydesk.gui.widgets.name_order import name_order_menu

        return name_order_menu(self, self.model, self.view, self.columns_menu)

    # -- loading and filtering ---------------------------------------------------------------------

    def reload(self) -> None:
        """Read the roster on the DB lane and show it, keeping the search, filters and selection."""
        db = self.ctx.db
        if db is None or db.needs_setup:
            return
        self.branches.load()
        member_ops.load_roster(self, self.ctx, self._rows_loaded, self._roster_failed)

    def _roster_failed(self, error: KnownError) -> None:
        """The roster could not be read (a damaged file, a pulled drive): say so where it would be counted."""
        self.count_label.setText(self.tr("The roster could not be read."))
        show_known_error(error, self)

    def refresh_members(self, ids: frozenset[str]) -> None:
        """Read just these members again and update their rows (deleted ones disappear)."""
        member_ops.load_roster_rows(self, self.ctx, ids, lambda rows: self._rows_refreshed(ids, rows))

    def _rows_refreshed(self, ids: frozenset[str], rows: list[RosterRow]) -> None:
        selected = self._select_after_load
        self._select_after_load = None
        found = {row.id for row in rows}
        current = self.selected_member_id()
        # A selected member deleted: the one that takes its place is selected, so the keys and buttons go on.
        place = self.model.row_of(current) if current is not None and current in ids - found else -1
        self.model.update_rows(rows)
        self.model.remove_ids(ids - found)
        self.branches.rows_changed()  # the committee's own roll offered once a member is on it
        fit_names(self.view, self.model, self.fontMetrics().horizontalAdvance("汉"))
        self.fill_group_combo()
        if selected is not None:
            self._select_saved(selected)
        elif place >= 0 and self.model.rowCount() and self.selected_member_id() is None:
            self._select_row(min(place, self.model.rowCount() - 1))
        self._update_count()
        self._update_actions()

    def _rows_loaded(self, rows: list[RosterRow]) -> None:
        saved = self._select_after_load
        selected = saved or self.selected_member_id()
        self._select_after_load = None
        self._loaded = True
        self.model.set_rows(rows)  # (roster_table widens 姓名 to the longest name on a reset)
        self.branches.rows_changed()
        self.fill_group_combo()
        if saved is not None:
            self._select_saved(saved)
        else:
            self._select(selected)
        self._update_count()

    def _select_saved(self, member_id: str) -> None:
        """Select the member just saved; one the filters hide (a new member while a to-do's list is shown)
        is shown by clearing them, and the status bar says so, rather than seem not to have been saved."""
        if self._select(member_id) or not any(r.id == member_id for r in self.model.all_rows()):
            return
        self.clear_filters()
        self._select(member_id)
        self.ctx.hub.statusMessage.emit(self.tr("Filters cleared to show the member just saved."))

    def _to_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def facets(self) -> RosterFacets:
        """The facet filters as chosen in the combos."""
        return RosterFacets(category=self.category_combo.currentData(), party_group=self.group_combo.currentData(),
                            membership_status=self.status_combo.currentData(),
                            lost_contact=self.lost_combo.currentData(), migrant=self.migrant_combo.currentData(),
                            in_branch=self.roll_combo.currentData(), org_id=self.branches.org_id())

    def apply_filter(self) -> None:
        """Filter the roster by the search text and facets now (the debounce timer calls this)."""
        self._debounce.stop()
        selected = self.selected_member_id()
        self.model.set_filter(self.search_edit.text(), self.facets())
        if not self._select(selected):  # the selected member filtered out: the list from its first row, whole
            self.view.scrollToTop()
        self._update_count()

    def open_target(self, kind: str, key: str) -> None:
        """Go where a to-do points (the main window routes here): ``Target("members", "import")``, an empty roll,
        starts the roster import."""
        if kind == "members" and key == "import":
            self.show_roster()
            self.importRequested.emit()

    def show_only(self, ids: frozenset[str], label: str) -> None:
        """Show just these members (a workbench bar or to-do), named ``label``, whatever was searched before."""
        roster_facets.reset(self)
        self.model.only, self._only_label = ids, label
        self.apply_filter()

    def _drop_only(self) -> None:
        """A new search or facet (as Clear filters) looks through the whole roll, not a bar's members."""
        if self.model.only is not None:
            self.model.only = None
            self.apply_filter()

    def clear_filters(self) -> None:
        """Empty the search box and set every facet back to "All"."""
        roster_facets.reset(self)
        self.apply_filter()

    def _roll_default(self) -> None:
        """The roster shows the members on the roll (在册) unless the user asks for those who left too."""
        self.roll_combo.blockSignals(True)
        self.roll_combo.setCurrentIndex(self.roll_combo.findData(True))
        self.roll_combo.blockSignals(False)
        self.model.set_filter(self.search_edit.text(), self.facets())

    def fill_group_combo(self) -> None:
        """The 党小组 filter's choices: the groups of the chosen branch (all of them for 全部支部)."""
        roster_facets.fill_groups(self)

    def export_scope(self) -> tuple[list[str], int] | None:
        """(the members on the roll the list shows, how many are on the roll) when a filter or search hides some
        of them; None when it shows them all."""
        on_roll = [row for row in self.model.all_rows() if row.in_branch]
        shown = [row.id for row in self.model.shown_rows() if row.in_branch]
        return (shown, len(on_roll)) if len(shown) < len(on_roll) else None

    def export_order(self) -> list[str] | None:
        """The members in the list's order when a column header sorted it (an export follows it); else None."""
        sorted_by = self.view.horizontalHeader().sortIndicatorSection()
        return [row.id for row in self.model.all_rows()] if sorted_by >= 0 else None

    def _update_count(self) -> None:
        shown = self.model.count
        total = sum(1 for r in self.model.all_rows() if r.in_branch)  # the headcount: those on the roll
        if not self._loaded:
            self.count_label.setText(self.tr("Reading the roster…"))
        elif self.model.total == 0:
            self.count_label.clear()  # the empty-state message says it all
        elif shown == 0:
            chosen = self.branches.chosen_total()  # a committee's branch chosen: its roll, not the whole file's
            self.count_label.setText(self.tr(
                "{total} members on the roll, none match. Clear the search or the filters to see them.").format(
                total=total) if chosen is None else self.tr(
                "{branch}: {total} members on the roll, none match. Clear the search or the filters to see them.")
                .format(branch=chosen[0], total=chosen[1]))
        else:
            text = self.branches.count_text(total, shown) or self.tr(
                "{total} members on the roll, {shown} shown").format(total=total, shown=shown)
            only = self.tr("{label}: {shown} members") if self.model.only is not None else "{text}"
            self.count_label.setText(only.format(label=self._only_label, shown=shown, text=text))
        empty = self._loaded and self.model.total == 0
        self.table_stack.setCurrentIndex(EMPTY if empty else ROSTER)
        for widget in (self.search_edit, self.reveal_check, self.columns_button, self.clear_button,
                       *self._facet_combos()):
            widget.setEnabled(not empty)

    # -- selection ---------------------------------------------------------------------------------

    def selected_member_id(self) -> str | None:
        """The member id of the selected row, or None."""
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(Qt.ItemDataRole.UserRole)
        return value if isinstance(value, str) else None

    def selected_rows(self) -> list[RosterRow]:
        """The selected roster rows, top to bottom."""
        found = (self.model.row_at(index.row()) for index in self.view.selectionModel().selectedRows())
        return sorted((row for row in found if row is not None), key=lambda r: self.model.row_of(r.id))

    def selected_row(self) -> RosterRow | None:
        """The selected roster row, or None."""
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_member(self, member_id: str) -> bool:
        """Select (and scroll to) ``member_id`` if it is shown."""
        return self._select(member_id)

    def go_to_results(self) -> None:
        """Search now and move into the roster, on the first member found when none is selected yet."""
        self.apply_filter()
        if self.model.rowCount() == 0:
            return
        if self.selected_member_id() is None:
            self._select_row(0)
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _select(self, member_id: str | None) -> bool:
        row = self.model.row_of(member_id) if member_id else -1
        return self._select_row(row)

    def _select_row(self, row: int) -> bool:
        if row < 0:
            return False
        index = self.model.index(row, column_index("name"))
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index)
        return True

    def _update_actions(self) -> None:
        has = self.selected_member_id() is not None
        for widget in (self.edit_button, self.open_button, self.delete_button, self.group_button, self.pdf_action,
                       self.printer_action):
            widget.setEnabled(has)

    # -- actions -----------------------------------------------------------------------------------

    def add_member(self, *, restore_draft: bool = False) -> None:
        """Open the empty member form (``restore_draft``: with a new member's leftover draft typed in)."""
        roster_actions.add_member(self, restore_draft=restore_draft)

    def edit_selected(self) -> None:
        """Open the member form on the selected member (read fresh from the database)."""
        member_id = self.selected_member_id()
        if member_id is not None:
            self.edit_member(member_id)

    def edit_member(self, member_id: str, *, restore_draft: bool = False) -> None:
        """Open the member form on ``member_id`` (``restore_draft``: with its leftover draft typed in)."""
        roster_actions.edit_member(self, member_id, restore_draft=restore_draft)

    def open_on_roster(self, dialog: QDialog) -> None:
        """Open a form over the roster; when it closes the keyboard is back on the roster's rows (not on the
        button that opened it), so Del, F2 and Enter work at once."""
        dialog.finished.connect(lambda _code: self.view.setFocus())
        self._open(dialog)

    def member_saved(self, member_id: str) -> None:
        """A form saved ``member_id``: it is selected once the roster has it."""
        self._select_after_load = member_id

    def open_dialog(self, dialog: QDialog) -> None:
        """Open a confirmation over the page (the roster's actions ask in one)."""
        self._open(dialog)

    def delete_selected(self) -> None:
        """Ask for confirmation and a reason, then delete the selected member."""
        roster_actions.delete_selected(self)

    def group_selected(self) -> None:
        """Ask which 党小组 the selected members go into, then put them there in one write."""
        roster_actions.group_selected(self)

    def open_selected(self) -> None:
        """Open the selected member's page."""
        member_id = self.selected_member_id()
        if member_id is not None:
            self.open_member(member_id)

    def open_member(self, member_id: object) -> None:
        """Show member ``member_id``'s page in place of the roster."""
        if not isinstance(member_id, str):
            return
        detail = self.detail_page()
        detail.load(member_id)
        self.stack.setCurrentWidget(detail)

    def detail_page(self) -> MemberDetailPage:
        """The member page (built on first use)."""
        if self._detail is None:
            from partydesk.gui.pages.member_detail import MemberDetailPage

            self._detail = MemberDetailPage(self.ctx, party_groups=self.model.party_groups, parent=self.stack,
                                            branches=lambda: self.model.branches)
            self._detail.backRequested.connect(self.show_roster)
            self.stack.addWidget(self._detail)
        return self._detail

    def show_roster(self) -> None:
        """Back from a member's page to the roster, with that member selected."""
        if self._detail is not None and self._detail.member_id:
            self._select(self._detail.member_id)
        self.stack.setCurrentWidget(self.roster_panel)
        self.view.setFocus()

    def print_selected(self, action: CardAction) -> None:
        """Save the selected members' cards as PDF (one per page) or print them."""
        roster_actions.print_selected(self, action)

    def print_all_cards(self) -> None:
        """Every member's card in one PDF, one card per page."""
        roster_actions.print_all_cards(self)

    # -- hub and text ------------------------------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(ChangeKind.ORGANISATION, ChangeKind.SITE):
            self.reload()
        elif changes.touches(ChangeKind.MEMBER):
            ids = changes.ids_of(ChangeKind.MEMBER)
            if not self._loaded or not ids or len(ids) > REFRESH_BY_ID_LIMIT:
                self.reload()
            else:
                self.refresh_members(ids)

    def _retranslate(self) -> None:
        self.add_button.setText(self.tr("Add member"))
        self.add_button.setToolTip(self.tr("Add a member (Ctrl+N)"))
        self.edit_button.setText(self.tr("Edit"))
        self.edit_button.setToolTip(self.tr("Edit the selected member (F2)"))
        self.open_button.setText(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Open the member's page (Enter or double-click)"))
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete a record entered by mistake (Del)"))
        self.group_button.setText(self.tr("Party group…"))
        self.group_button.setToolTip(self.tr("Put the selected members in one party group (select several with "
                                             "Ctrl or Shift)"))
        self.import_button.setText(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Import members from an Excel roster"))
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Export the roster to Excel"))
        self.search_edit.setPlaceholderText(self.tr(
            "Search: name, pinyin (zs or zhangsan), or the last digits of ID or phone"))
        self.search_edit.setToolTip(self.tr("Ctrl+F to search; Esc empties the box"))
        self.reveal_check.setText(self.tr("Show full numbers"))
        self.columns_button.setText(self.tr("Columns"))
        self.columns_menu.retranslate(self.tr("Default columns"))
        self.clear_button.setText(self.tr("Clear filters"))
        labels = (self.tr("Category:"), self.tr("Party group:"), self.tr("Status:"), self.tr("Lost contact:"),
                  self.tr("Migrant:"), self.tr("Roll:"))
        for label, text in zip(self.facet_labels.values(), labels, strict=True):
            label.setText(text)
        roster_facets.fill_fixed(self)
        self.branches.retranslate()
        self.empty_panel.set_text(self.tr(
            "No members yet. Click “Add member” to enter them one by one, or use “Import” to read an Excel roster."))
        self.empty_add_button.setText(self.tr("Add member"))
        self.empty_import_button.setText(self.tr("Import from Excel…"))
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.model.retranslate()
            self._retranslate()
            size_columns(self.view, self.model, self.fontMetrics().horizontalAdvance("汉"))
        super().changeEvent(event)
