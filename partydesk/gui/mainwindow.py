"""The main window: a navigation column, one page at a time, a menu, and a status bar.

Pages are a registry: ``PAGES`` lists ``PageSpec(id, title, factory)`` in navigation order, and only
the pages listed exist in the window. A new page is one line here (its title wrapped in
``QT_TRANSLATE_NOOP("MainWindow", ...)`` so lupdate finds it). Pages are built on first visit, so the
window opens fast however many pages there are. Ctrl+1 … Ctrl+6 go to the first six pages in order.

The window can be shown before the database is open (``ctx.db`` is None): it paints at once with a
"opening the database" note and disabled navigation, and ``attach_database()`` brings it to life.
Nothing in this module imports SQLAlchemy, so that first paint comes fast.

Sizes come from font metrics; the minimum size fits a 1366×768 screen with the taskbar and still works
at 150 % scaling (each page keeps its own minimum small, with scroll areas where it must).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QItemSelectionModel, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from partydesk.core.changes import ChangeKind, Changes
from partydesk.gui.translate import QT_TRANSLATE_NOOP
from partydesk.paths import resources_dir

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext

PageFactory = Callable[["AppContext"], QWidget]
GEOMETRY_KEY = "window/geometry"
MAX_NUMBER_SHORTCUTS = 9


@dataclass(frozen=True)
class PageSpec:
    """One page of the main window.

    ``title`` is English source text marked with ``QT_TRANSLATE_NOOP("MainWindow", ...)``; ``icon`` is an
    optional file name under resources/icons.
    """

    id: str
    title: str
    factory: PageFactory
    icon: str = ""


def _members_page(ctx: AppContext) -> QWidget:
    from partydesk.gui.pages.members import MembersPage

    page = MembersPage(ctx)

    def open_import() -> None:
        from partydesk.gui.dialogs.import_wizard import ImportWizard

        wizard = ImportWizard(ctx, page.window())
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # its lane callbacks are guarded
        wizard.open()

    def open_export() -> None:
        from partydesk.gui.dialogs.roster_export import export_roster_dialog
        from partydesk.gui.pages import roster_facets

        export_roster_dialog(ctx, page.window(), shown=page.export_scope(), order=page.export_order(),
                             part=roster_facets.scope_words(page))

    page.importRequested.connect(open_import)
    page.exportRequested.connect(open_export)
    return page


def _meetings_page(ctx: AppContext) -> QWidget:
    from partydesk.gui.pages.meetings import MeetingsPage

    return MeetingsPage(ctx)


def _study_page(ctx: AppContext) -> QWidget:
    from partydesk.gui.pages.study import StudyPage

    return StudyPage(ctx)


def _workbench_page(ctx: AppContext) -> QWidget:
    from partydesk.gui.pages.workbench import WorkbenchPage

    page = WorkbenchPage(ctx)
    # Routed by the window the page sits in: a to-do's record, a chart's members, the yearly report.
    page.targetRequested.connect(lambda kind, key: page.window().open_target(kind, key))  # type: ignore[attr-defined]
    page.membersRequested.connect(lambda ids, label: page.window().show_members(ids, label))  # type: ignore[attr-defined]
    return page


def _settings_page(ctx: AppContext) -> QWidget:
    # Imported on first visit: a page's module (and what it imports) costs nothing until it is shown.
    from partydesk.gui.pages.settings import SettingsPage

    return SettingsPage(ctx)


def _exchange_page(ctx: AppContext) -> QWidget:
    from partydesk.gui.pages.exchange import ExchangePage

    return ExchangePage(ctx)


# Navigation order of the finished program: 工作台 / 党员 / 会议 / 学习 / 数据交换 / 设置.
# Only pages that exist are listed; add each new one at its place in that order.
PAGES: list[PageSpec] = [
    PageSpec("workbench", QT_TRANSLATE_NOOP("MainWindow", "Workbench"), _workbench_page),
    PageSpec("members", QT_TRANSLATE_NOOP("MainWindow", "Members"), _members_page),
    PageSpec("meetings", QT_TRANSLATE_NOOP("MainWindow", "Meetings"), _meetings_page),
    PageSpec("study", QT_TRANSLATE_NOOP("MainWindow", "Study"), _study_page),
    PageSpec("exchange", QT_TRANSLATE_NOOP("MainWindow", "Data exchange"), _exchange_page),
    PageSpec("settings", QT_TRANSLATE_NOOP("MainWindow", "Settings"), _settings_page),
]


def _translated_title(spec: PageSpec) -> str:
    return QCoreApplication.translate("MainWindow", spec.title)


class MainWindow(QMainWindow):
    """Navigation column + stacked pages + menus + status bar with the database file and last backup."""

    # "File → Back up now": the backup wiring (outside this module) listens.
    backupRequested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # The registry as it was when the window was built (tests swap PAGES before building).
        self._specs: list[PageSpec] = list(PAGES)
        self._pages: dict[str, QWidget] = {}
        self._organisation_name = ""
        self._committee = False
        self._last_backup: str | None = None
        self._about: QDialog | None = None
        self.restore_dialog: QDialog | None = None
        self.offsite_dialog: QDialog | None = None
        self.notice: QMessageBox | None = None
        self.help_dialog: QDialog | None = None

        central = QWidget(self)
        layout = QHBoxLayout(central)
        self.navigation = QListWidget(central)
        self.navigation.setObjectName("navigation")
        self.navigation.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.navigation.setUniformItemSizes(True)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget(central)
        self.stack.setObjectName("pages")
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        for spec in self._specs:
            item = QListWidgetItem(_translated_title(spec))
            item.setData(Qt.ItemDataRole.UserRole, spec.id)
            if spec.icon:
                item.setIcon(QIcon(str(resources_dir() / "icons" / spec.icon)))
            self.navigation.addItem(item)
        self.navigation.currentRowChanged.connect(self._show_row)

        self._build_menus()
        self._build_status_bar()
        for number in range(min(MAX_NUMBER_SHORTCUTS, len(self._specs))):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number + 1}"), self)
            shortcut.activated.connect(lambda row=number: self.navigation.setCurrentRow(row))

        ctx.hub.changed.connect(self._on_changed)
        ctx.hub.statusMessage.connect(self._on_status_message)
        ctx.hub.backupMade.connect(self._on_backup_made)
        ctx.hub.databaseDamaged.connect(self._show_read_only)
        self.opening_label = QLabel(self.stack)
        self.opening_label.setObjectName("openingLabel")
        self.opening_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.opening_label)
        self._retranslate()
        self._size_from_font()
        if ctx.db is not None:
            self.attach_database()
        else:
            self.navigation.setEnabled(False)

    def show_database_path(self) -> None:
        """Show the open database in the status bar (before the pages come to life)."""
        self._retranslate_status()

    def attach_database(self) -> None:
        """Bring the window to life once ``ctx.db`` is open: first page, title, status bar."""
        self.navigation.setEnabled(True)
        self._retranslate_status()
        self._show_read_only()  # a damaged file opened only to look at is read-only from the start
        if self._specs and self.navigation.currentRow() < 0:
            self.navigation.setCurrentRow(0)
        self._load_title()

    # -- pages -------------------------------------------------------------------------------------

    def page_ids(self) -> list[str]:
        """The ids of the pages listed in the navigation, in order."""
        return [spec.id for spec in self._specs]

    def show_page(self, page_id: str) -> QWidget:
        """Go to page ``page_id`` (building it on first visit) and return it; KeyError if unknown."""
        ids = self.page_ids()
        if page_id not in ids:
            raise KeyError(page_id)
        self.navigation.setCurrentRow(ids.index(page_id))
        return self._pages[page_id]

    def current_page_id(self) -> str | None:
        """The id of the page on screen, or None when there is none."""
        row = self.navigation.currentRow()
        return self._specs[row].id if 0 <= row < len(self._specs) else None

    def page(self, page_id: str) -> QWidget | None:
        """The page widget if it was built already."""
        return self._pages.get(page_id)

    def open_target(self, kind: str, key: str) -> bool:
        """Go to what a to-do concerns (a member, a meeting or calendar cell, a setting) or where its work is
        done (a new talk with a member, a member's line of the study ledger, the exchange's conflicts); False
        when the page for it is not in this window. A page other than the members page opens it by
        ``open_target``."""
        if kind == "backup":  # the weekly USB backup
            self.show_offsite_backup()
            return True
        pages = {"member": "members", "meeting": "meetings", "calendar": "meetings", "talk": "meetings",
                 "talk_with": "meetings", "talks_due": "meetings", "ledger": "study", "cert": "study",
                 "notice": "exchange", "branch": "workbench"}
        page_id = pages.get(kind, kind)
        if page_id not in self.page_ids():
            return False
        item = self.navigation.currentItem()
        came_from, title = self.current_page_id(), item.text() if item is not None else ""
        page = self.show_page(page_id)
        opener = getattr(page, "open_member" if kind == "member" else "open_target", None)
        if opener is not None:
            opener(key) if kind == "member" else opener(kind, key)
        if kind == "member" and came_from not in (None, page_id):  # back goes where the to-do was, not the roster
            page.detail_page().return_to(came_from, title)  # type: ignore[attr-defined]
        return True

    def show_members(self, ids: frozenset[str], label: str) -> None:
        """The roster showing just these members (a workbench bar or to-do)."""
        page = self.show_page("members")
        page.show_roster()  # type: ignore[attr-defined]
        page.show_only(ids, label)  # type: ignore[attr-defined]

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self._specs) or self.ctx.db is None:
            return
        spec = self._specs[row]
        widget = self._pages.get(spec.id)
        leaving = self.stack.currentWidget()
        if leaving is not None and leaving is not widget and not _may_leave(leaving):
            back = next((i for i, s in enumerate(self._specs) if self._pages.get(s.id) is leaving), None)
            if back is not None:  # stay on the page with the unsaved form, the sidebar too
                self._point_at(back)
                # A click goes on selecting the clicked row once the question is answered: pointed back after it.
                QTimer.singleShot(0, lambda: self._point_at(back))
            return
        if widget is None:
            widget = spec.factory(self.ctx)
            self._pages[spec.id] = widget
            self.stack.addWidget(widget)
        if widget is not leaving:  # a message about the page left ("已清除筛选……") is not about this one
            self.statusBar().clearMessage()
        self.stack.setCurrentWidget(widget)

    def _point_at(self, row: int) -> None:
        """The sidebar's highlight on ``row`` again, without showing its page anew."""
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(row, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.navigation.blockSignals(False)

    # -- menus and status bar ----------------------------------------------------------------------

    def _build_menus(self) -> None:
        self.file_menu = QMenu(self)
        self.backup_action = QAction(self)
        self.backup_action.setShortcut(QKeySequence("Ctrl+B"))
        self.backup_action.triggered.connect(self.backupRequested)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.restore_action = QAction(self)
        self.restore_action.triggered.connect(self.show_restore)
        self.offsite_action = QAction(self)
        self.offsite_action.triggered.connect(self.show_offsite_backup)
        self.file_menu.addAction(self.backup_action)
        self.file_menu.addAction(self.offsite_action)
        self.file_menu.addAction(self.restore_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.help_menu = QMenu(self)
        self.help_action = QAction(self)
        self.help_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.help_action.triggered.connect(self.show_help)
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.help_action)
        self.help_menu.addAction(self.about_action)
        self.menuBar().addMenu(self.file_menu)
        self.menuBar().addMenu(self.help_menu)

    def _build_status_bar(self) -> None:
        # Shown once the open database is found damaged (RELIABILITY ST-7): it stays read-only until restored.
        self.read_only_label = QLabel(self)
        self.read_only_label.setObjectName("readOnlyLabel")
        self.read_only_label.setStyleSheet("QLabel { color: #b00000; font-weight: bold; }")
        self.read_only_label.hide()
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.db_label = QLabel(self)
        self.db_label.setObjectName("databaseLabel")
        self.backup_label = QLabel(self)
        self.backup_label.setObjectName("backupLabel")
        # No stretch: the space left of these is where messages (保存了…, 已删除…) appear; a stretched
        # label would leave them no room at all, and every confirmation would be silent.
        self.statusBar().addPermanentWidget(self.db_label)
        em = self.fontMetrics().horizontalAdvance("汉")
        # Room on the right too: without a size grip (a maximised window) the text would touch the edge.
        self.backup_label.setContentsMargins(em * 2, 0, em, 0)
        self.statusBar().addPermanentWidget(self.backup_label)

    def set_last_backup(self, text: str) -> None:
        """Show when the last backup was made (e.g. "2025-03-01 17:30") in the status bar."""
        self._last_backup = text
        self._retranslate_status()

    def show_help(self) -> QDialog:
        """Help → How to use (F1): the short guide, non-blocking so the window stays usable beside it."""
        from partydesk.gui.dialogs.help import HelpDialog

        dialog = HelpDialog(self.ctx.db.path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.help_dialog = dialog
        dialog.show()
        return dialog

    def show_about(self) -> None:
        """Help → About: window-modal, so the event loop (and the DB lane's callbacks) keep running."""
        from partydesk.gui.dialogs.about import AboutDialog

        dialog = AboutDialog(self.ctx.db.path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._about = dialog
        dialog.open()

    # -- backups and restore -----------------------------------------------------------------------

    def show_restore(self) -> QDialog:
        """File → Restore from a backup…: the list of backups; a restore reloads every page."""
        from partydesk.gui.dialogs.restore import RestoreDialog

        dialog = RestoreDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restored.connect(self._on_restored)
        self.restore_dialog = dialog
        dialog.open()
        return dialog

    def show_offsite_backup(self) -> QDialog:
        """File → Back up to a USB stick…: write an encrypted backup to the stick and read it back."""
        from partydesk.core.services.offsite import last_folder, last_written
        from partydesk.gui.dialogs.offsite_backup import OffsiteBackupDialog
        from partydesk.gui.folders import removable_folder

        path = self.ctx.db.path
        dialog = OffsiteBackupDialog(self.ctx, removable=removable_folder(), last=last_written(path),
                                     last_folder=last_folder(path), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.offsite_dialog = dialog
        dialog.open()
        return dialog

    def _on_restored(self, result: object) -> None:
        from partydesk.core.services.maintenance import last_backup
        from partydesk.gui.app import describe_backup

        self.reload_pages()
        newest = last_backup(self.ctx.db.path)  # the copy made before, or of a backup brought from elsewhere
        if newest is not None:
            self.set_last_backup(describe_backup(newest))
        safety = getattr(result, "safety", None)
        if safety is not None:
            text = self.tr("The backup was restored. The database as it was before has been saved as {path}."
                           ).format(path=safety.path)
            self.announce(text, safety.path.parent)
        else:
            self.announce(self.tr("The backup was restored."), None)
        from partydesk.gui.dialogs.replay import offer_replay

        offer_replay(self)  # the packages imported after that backup, when copies of them are kept

    def reload_pages(self) -> None:
        """Drop every page built so far and rebuild the one on screen (after the database was replaced)."""
        row = self.navigation.currentRow()
        for widget in self._pages.values():
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self._pages.clear()
        self._retranslate_status()
        self._show_read_only()  # a restore brings a sound file back
        self._show_row(row)
        self._load_title()

    def announce_backup(self, info: object) -> None:
        """Say where a new backup went, with a button that opens its folder."""
        path = getattr(info, "path", None)
        if path is None:
            return
        self.announce(self.tr("A verified backup was saved as {path}.").format(path=path), path.parent)

    def announce(self, text: str, folder: object | None) -> QMessageBox:
        """A non-blocking information box; with ``folder``, an "Open folder" button that opens it."""
        from partydesk.gui.dialogs.restore import open_folder

        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Party Branch Desk"), text, parent=self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if folder is not None:
            button = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
            # An action button would close the box; opening the folder should leave it readable.
            button.clicked.disconnect()
            button.clicked.connect(lambda: open_folder(folder, box))
        box.addButton(QMessageBox.StandardButton.Ok)
        self.notice = box
        box.open()
        return box

    # -- hub ---------------------------------------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(ChangeKind.ORGANISATION, ChangeKind.SITE):
            self._load_title()

    def read_only(self) -> bool:
        """Whether the open database was found damaged this session (it is read-only until restored)."""
        return self.ctx.db is not None and self.ctx.db.damaged is not None

    def _show_read_only(self, _error: object = None) -> None:
        shown = self.read_only()
        self.read_only_label.setVisible(shown)
        if shown and self.ctx.db is not None and self.ctx.db.damaged is not None:
            self.read_only_label.setToolTip(self.ctx.db.damaged.message)
        self._retranslate_title()

    def _on_status_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _on_backup_made(self, info: object) -> None:
        from partydesk.gui.app import describe_backup

        self.set_last_backup(describe_backup(info))

    def _load_title(self) -> None:
        from partydesk.gui.operations import settings as settings_ops

        if self.ctx.db is None or self.ctx.db.needs_setup:
            return
        settings_ops.load_organisation_name(self, self.ctx, self._title_loaded)

    def _title_loaded(self, loaded: tuple[object, str | None]) -> None:
        organisation, role = loaded
        self._organisation_name = getattr(organisation, "name", "") or ""
        self._committee = role == "committee"
        self._retranslate_title()

    # -- text and size -----------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.backup_action.setText(self.tr("&Back up now"))
        self.offsite_action.setText(self.tr("Back up to a &USB stick…"))
        self.backup_action.setStatusTip(self.tr("Make a verified copy of the database now"))
        self.restore_action.setText(self.tr("&Restore from a backup…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.help_action.setText(self.tr("&How to use"))
        self.about_action.setText(self.tr("&About Party Branch Desk"))
        for row, spec in enumerate(self._specs):
            item = self.navigation.item(row)
            item.setText(_translated_title(spec))
            item.setToolTip(f"Ctrl+{row + 1}" if row < MAX_NUMBER_SHORTCUTS else "")
        self._retranslate_title()
        self._retranslate_status()
        self._size_navigation()

    def _retranslate_title(self) -> None:
        # One program for both kinds of office: a committee's window says it is in committee mode.
        name = self.tr("Party Branch Desk (committee)") if self._committee else self.tr("Party Branch Desk")
        title = f"{name} - {self._organisation_name}" if self._organisation_name else name
        self.setWindowTitle(title + self.tr(" (read-only)") if self.read_only() else title)

    def _retranslate_status(self) -> None:
        self.opening_label.setText(self.tr("Opening the database…"))
        self.read_only_label.setText(self.tr("Read-only: the database file is damaged"))
        if self.ctx.db is None:
            self.db_label.setText(self.tr("Opening the database…"))
            return
        path = str(self.ctx.db.path)
        self.db_label.setToolTip(path)
        # Elide the middle of a long path: the drive and the file name are the parts people recognise.
        metrics = self.db_label.fontMetrics()
        shown = metrics.elidedText(path, Qt.TextElideMode.ElideMiddle, metrics.averageCharWidth() * 60)
        self.db_label.setText(self.tr("Database: {path}").format(path=shown))
        when = self._last_backup if self._last_backup is not None else self.tr("none yet")
        self.backup_label.setText(self.tr("Last backup: {when}").format(when=when))

    def _size_navigation(self) -> None:
        metrics = self.navigation.fontMetrics()
        widest = max((metrics.horizontalAdvance(self.navigation.item(r).text())
                      for r in range(self.navigation.count())), default=0)
        # Room for the text plus margins of two average characters each side, and never narrower than
        # six Chinese characters, so the column does not jump when pages are added or the language changes.
        width = max(widest, metrics.horizontalAdvance("汉") * 6) + metrics.averageCharWidth() * 4
        width += 2 * self.navigation.frameWidth()
        self.navigation.setFixedWidth(width)
        row_height = int(metrics.height() * 2.2)
        for row in range(self.navigation.count()):
            # Width 0: the item takes the viewport's width instead of pushing a horizontal scroll bar.
            self.navigation.item(row).setSizeHint(QSize(0, row_height))

    def _size_from_font(self) -> None:
        metrics = self.fontMetrics()
        # A comfortable default (about 150 × 38 characters), cut down to the screen when it is smaller.
        preferred = QSize(metrics.averageCharWidth() * 150, metrics.lineSpacing() * 38)
        screen = self.screen()
        if screen is not None:
            preferred = preferred.boundedTo(screen.availableGeometry().size())
        self.resize(preferred)

    def show_for_screen(self) -> None:
        """Show with the size the user left it at, or maximised on a small (1366×768-class) screen."""
        saved = self.ctx.settings.value(GEOMETRY_KEY)
        if isinstance(saved, QByteArray) and self.restoreGeometry(saved):
            self.show()
            return
        screen = self.screen()
        small = screen is not None and screen.availableGeometry().width() < 1600
        if small:
            self.showMaximized()
        else:
            self.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        shown = self.stack.currentWidget()
        if shown is not None and not _may_leave(shown):
            event.ignore()
            return
        self.ctx.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _may_leave(page: QWidget) -> bool:
    """Whether ``page`` may be left (or the window closed over it): a page with a form of its own asks first
    when it holds unsaved changes (``confirm_leave``); any other may always be left."""
    ask = getattr(page, "confirm_leave", None)
    return bool(ask()) if callable(ask) else True
