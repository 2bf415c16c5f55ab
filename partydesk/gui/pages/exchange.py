"""The exchange page (数据交换): this site's fingerprint, the registered sites, every package in and out.

Actions: write this site's key card; register the other side's card after comparing the fingerprint
shown; write the next package for a registered site into a folder (a USB stick is offered first) — the
page says "safe to remove" only after the file was read back and verified; import a package in two
steps, a dry run whose counts are shown (new, updated, unchanged, conflict, rejected) and then, if the
user agrees, the import itself. The lists refresh when the hub reports an exchange change. A second tab
lists the notices (``notices_panel``).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from partydesk.core.changes import ChangeKind, Changes
from partydesk.core.errors import KnownError
from partydesk.core.services.sync_status import KIND_NAMES
from partydesk.gui.clock_text import local_time
from partydesk.gui.dialogs.crash import show_known_error
from partydesk.gui.dialogs.sync_key_actions import KeyActions
from partydesk.gui.folders import (
    KEY_CARDS,
    documents_folder,
    per_database,
    remember_folder,
    remembered_folder,
    removable_folder,
    start_folder,
)
from partydesk.gui.operations import exchange as ops
from partydesk.gui.pages.notices_panel import NoticesPanel
from partydesk.gui.widgets.list_page import ListColumn, ListPage
from partydesk.gui.widgets.note_label import note_label

if TYPE_CHECKING:
    from partydesk.core.exchange.keys import KeyCard
    from partydesk.core.services.committee import BranchRow
    from partydesk.core.services.sync_status import ExchangeStatus, PackageEntry, PeerStatus
    from partydesk.gui.context import AppContext

STATE_NAMES = {"written": "已写出", "acknowledged": "对方已确认", "imported": "已导入", "rejected": "已拒收"}


def package_state(entry: PackageEntry) -> str:
    """A package's state in words: one imported while the package before it is still missing says so."""
    if entry.state == "imported" and entry.gap:
        return "已导入（缺号）"
    return STATE_NAMES.get(entry.state, entry.state)


COMPARISON_TAB = 2  # after 收发 and 通知; shown at a committee only


def _silent(row: BranchRow) -> bool:
    """A registered branch that has sent nothing: no figures to show (not noughts)."""
    return not row.own and row.last_package is None


def _age_order(row: BranchRow) -> int:
    """Sorting by the last package: the committee's own row first, a branch that sent nothing last."""
    if row.own:
        return -1
    return row.age_days if row.age_days is not None else 1_000_000

class ExchangePage(QWidget):
    """Fingerprint and actions on top; registered sites; the package ledger."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.status: ExchangeStatus | None = None
        self.card: KeyCard | None = None
        self._refused_from: dict[str, str] = {}

        self.fingerprint = QLabel(self)
        self.fingerprint.setObjectName("fingerprintLabel")
        self.fingerprint.setWordWrap(True)
        self.card_button = QPushButton(self)
        self.card_button.setObjectName("cardButton")
        self.card_button.clicked.connect(self.write_card)
        self.register_button = QPushButton(self)
        self.register_button.setObjectName("registerButton")
        self.register_button.clicked.connect(self.register_card)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.export_package)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(lambda: self.import_package())
        top = QHBoxLayout()
        top.addWidget(self.fingerprint, 1)
        for button in (self.card_button, self.register_button, self.export_button, self.import_button):
            top.addWidget(button)

        self.peers: ListPage[PeerStatus] = ListPage(self._peer_columns(), row_id=lambda p: p.peer.site_id,
                                                    haystack=lambda p: f"{p.peer.org_code} {p.peer.org_name}",
                                                    parent=self)
        self.packages: ListPage[PackageEntry] = ListPage(self._package_columns(), row_id=lambda e: e.package_id,
                                                         haystack=self._package_text, parent=self)
        self.packages.activated.connect(self.show_package)
        self._compared = False  # whether a comparison has been shown (until then the list is being counted)
        self.branches: ListPage[BranchRow] = ListPage(self._branch_columns(), row_id=lambda r: r.site_id or r.org_code,
                                                      haystack=lambda r: f"{r.org_code} {r.org_name}", parent=self)
        self.branches.activated.connect(self.open_branch)
        self.branches_hint = QLabel(self)  # what a double-click on a branch does
        self.branches_hint.setObjectName("branchesHint")
        self.branches_hint.setWordWrap(True)
        # The comparison has a tab of its own (a committee's only): a street office has tens of branches, and
        # it is the view it comes for.
        self.branches_box = QGroupBox(self)
        box = QVBoxLayout(self.branches_box)
        box.addWidget(self.branches)
        box.addWidget(self.branches_hint)
        self.conflicts = QLabel(self)
        self.conflicts.setObjectName("conflictLabel")
        self.conflict_button = QPushButton(self)
        self.conflict_button.setObjectName("conflictButton")
        self.conflict_button.clicked.connect(self.review_conflicts)
        self.conflict_button.hide()
        self.peers_box = QGroupBox(self)
        box = QVBoxLayout(self.peers_box)
        box.addWidget(self.peers)
        self.packages_box = QGroupBox(self)
        box = QVBoxLayout(self.packages_box)
        box.addWidget(self.packages)
        line = QHBoxLayout()
        line.addWidget(self.conflicts, 1)
        line.addWidget(self.conflict_button)
        box.addLayout(line)
        # A clock that ran ahead once: everything sent is refused until it is mended (sync_clock).
        self.clock_note = note_label(self, "clockNote")
        self.clock_button = QPushButton(self)
        self.clock_button.setObjectName("clockButton")
        self.clock_button.clicked.connect(self.mend_clock)
        self.clock_line = QWidget(self)
        line = QHBoxLayout(self.clock_line)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.clock_note, 1)
        line.addWidget(self.clock_button)
        self.clock_line.hide()
        self.exchange_tab = QWidget(self)
        layout = QVBoxLayout(self.exchange_tab)
        layout.addLayout(top)
        layout.addWidget(self.clock_line)
        # The offices and the packages share the height; a committee of sixty offices drags the line down.
        self.split = QSplitter(Qt.Orientation.Vertical, self.exchange_tab)
        self.split.setObjectName("exchangeSplit")
        self.split.addWidget(self.peers_box)
        self.split.addWidget(self.packages_box)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)
        self.split.setChildrenCollapsible(False)
        layout.addWidget(self.split, 1)
        self.keys = KeyActions(ctx, self, top, layout, self.peers)  # 更换密钥, 吊销…, the key state line
        # Tab goes along the top row as it is seen (更换密钥… was made last, after the lists).
        QWidget.setTabOrder(self.import_button, self.keys.rotate_button)
        QWidget.setTabOrder(self.keys.rotate_button, self.peers.search)
        self.notices = NoticesPanel(ctx, self)
        self.notices.unreadChanged.connect(self._set_unread)
        self._unread = 0
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("exchangeTabs")
        self.tabs.addTab(self.exchange_tab, "")
        self.tabs.addTab(self.notices, "")
        self.comparison_tab = QWidget(self)  # the box inside the tab's margins, as on the first tab
        QVBoxLayout(self.comparison_tab).addWidget(self.branches_box)
        self.tabs.addTab(self.comparison_tab, "")
        self.tabs.setTabVisible(COMPARISON_TAB, False)
        QVBoxLayout(self).addWidget(self.tabs)
        self.retranslate()
        ctx.hub.changed.connect(self._on_changed)
        self.reload()

    # -- data -------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the exchange state again."""
        ops.load_status(self, self.ctx, self._show, self._status_failed)

    def _status_failed(self, error: KnownError) -> None:
        """The exchange state could not be read (a damaged file): the lists say so, not that no office is registered
        and no package was ever written (which would send the office to register its peers again)."""
        for panel in (self.peers, self.packages, self.branches):
            panel.show_unreadable(self.tr("The exchange records could not be read."), error)
        show_known_error(error, self)

    def _show(self, result: tuple[ExchangeStatus, KeyCard]) -> None:
        self.status, self.card = result
        committee = self.card.role == "committee"
        self.tabs.setTabVisible(COMPARISON_TAB, committee)
        self.fingerprint.setText(self.tr("This office ({code}) — key fingerprint: {fingerprint}")
                                 .format(code=self.card.org_code, fingerprint=self.card.fingerprint))
        self.peers.set_rows(self.status.peers)
        # A refused package names its sender only as the file claimed it (the key may be unknown here), and says
        # so; a file whose claim could not be read is said to be of an office not known (with its file name).
        names = {p.peer.org_code: p.peer.org_name for p in self.status.peers}
        self._refused_from = {
            f"rejected:{r.id}": self.tr("{office} (as the file says)").format(
                office=f"{r.org_code} {names.get(r.org_code, '')}".strip()) if r.org_code
            else self.tr("Not known (file {name})").format(name=r.file_name) for r in self.status.rejected}
        self.packages.set_rows(self.status.ledger())
        count = self.status.open_conflicts
        self.conflicts.setText(self.tr("{count} conflict(s) wait for a decision: the local version is kept until "
                                       "then.").format(count=count) if count else "")
        self.conflict_button.setVisible(bool(count))
        self.export_button.setEnabled(bool(self.status.peers))
        self.export_button.setToolTip("" if self.status.peers else self.tr(
            "Register the other office's key card first (Register a key card…): a package is written for a "
            "registered office only."))
        self.keys.refresh(self.card.role)
        trouble = self.status.clock
        self.clock_line.setVisible(trouble is not None)
        self.clock_note.setText(trouble.message() if trouble is not None else "")
        self.clock_button.setVisible(trouble is not None and not trouble.reads_too_early)
        if committee:
            ops.load_comparison(self, self.ctx, self._show_comparison, self._comparison_failed)
        else:
            self.branches.set_rows([])

    def _comparison_failed(self, error: KnownError) -> None:
        self.branches.show_unreadable(self.tr("The branches' figures could not be read."), error)
        show_known_error(error, self)

    def _show_comparison(self, rows: list[BranchRow]) -> None:
        self._compared = True
        self._branches_empty_text()
        self.branches.set_rows(rows)

    def open_branch(self, row_id: str) -> None:
        """The workbench scoped to this branch: its figures, charts and to-dos (Enter or a double-click)."""
        row = next((r for r in self.branches.model.all_rows() if (r.site_id or r.org_code) == row_id), None)
        window = self.window()
        if row is not None and row.org_id and hasattr(window, "open_target"):
            window.open_target("branch", row.org_id)

    def _branches_empty_text(self) -> None:
        # Until the first comparison is in, an empty list means "not yet counted", not "no branch".
        self.branches.set_empty_text(self.tr(
            "No branch is registered yet. Register each branch's key card on the first tab; its figures show here "
            "once its first package is imported.") if self._compared else self.tr("Gathering each branch's figures…"))

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(ChangeKind.SYNC, ChangeKind.SITE):
            self.reload()

    def _set_unread(self, count: int) -> None:
        self._unread = count
        self.tabs.setTabText(1, self.tr("Notices ({count} unread)").format(count=count) if count
                             else self.tr("Notices"))

    def show_tab(self, tab: str) -> None:
        """Bring ``tab`` ("exchange", "notices", "comparison") to the front."""
        self.tabs.setCurrentIndex(("exchange", "notices", "comparison").index(tab))

    def open_target(self, kind: str, key: str) -> None:
        """Show what a to-do points at: a notice (``Target("notice", id)``), or the exchange itself (a branch
        that sends nothing, the clock), with the review of the waiting conflicts open for ``conflicts``."""
        if kind == "exchange":
            self.tabs.setCurrentWidget(self.exchange_tab)
            if key == "conflicts":
                self.review_conflicts()
        elif kind == "notice":
            self.tabs.setCurrentWidget(self.notices)
            self.notices.open_notice(key)

    # -- actions ------------------------------------------------------------------------------------

    def show_package(self, package_id: str) -> None:
        """One package of the list in full (Enter or double-click on it)."""
        from partydesk.gui.dialogs.package_detail import PackageDialog

        entry = next((e for e in self.status.ledger() if e.package_id == package_id), None) if self.status else None
        if entry is None:
            return
        dialog = PackageDialog(entry, peer=self._peer_name(entry), kind=KIND_NAMES.get(entry.kind, entry.kind),
                               state=package_state(entry), note=self._package_note(entry),
                               when=lambda at: f"{local_time(at):%Y-%m-%d %H:%M}", parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def review_conflicts(self) -> None:
        """Open the side-by-side review of the queued conflicts."""
        from partydesk.gui.dialogs.sync_conflicts import ConflictDialog

        dialog = ConflictDialog(self.ctx, self)
        dialog.finished.connect(lambda _r: self.reload())
        dialog.open()

    def mend_clock(self) -> None:
        """After the office has checked the computer's date: re-date the records dated in the future."""
        trouble = self.status.clock if self.status is not None else None
        if trouble is None or trouble.reads_too_early:
            return
        now = datetime.now()
        text = self.tr("The computer's clock now reads {now}. Check it against your phone first: if the date or "
                       "time is wrong, correct the computer's clock instead, and do not go on.").format(
            now=f"{now:%Y-%m-%d %H:%M}")
        text += "\n\n" + (self.tr(
            "If it is right, the {count} record(s) dated in the future take the time now as their time of change, "
            "and the next package sends them again.").format(count=trouble.future_records)
            if trouble.future_records else self.tr(
            "If it is right, the program goes on from the time now, and what is entered from now on is no longer "
            "refused."))
        answer = QMessageBox.question(self, self.tr("Mend the dates of change"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            ops.mend_clock(self, self.ctx, title=self.tr("Mend the dates of change"), on_done=self._clock_mended)

    def _clock_mended(self, mended: Any) -> None:
        QMessageBox.information(self, self.tr("Dates of change mended"), self.tr(
            "{count} record(s) now carry the time of today; the next package sends them again.").format(
            count=mended.count) if mended.count else self.tr("The program goes on from the time now."))

    def write_card(self) -> None:
        """Save this site's key card where the user chooses."""
        settings = self.ctx.settings
        start = remembered_folder(settings, KEY_CARDS) or removable_folder() or start_folder(settings, KEY_CARDS)
        name = f"{self.card.org_code if self.card else 'site'}.pdkey"
        chosen, _f = QFileDialog.getSaveFileName(self, self.tr("Save the key card"), str(start / name),
                                                 self.tr("Key cards (*.pdkey)"))
        if chosen:
            remember_folder(settings, KEY_CARDS, chosen)  # the other office's card is read from there next
            ops.write_card(self, self.ctx, Path(chosen), self._card_written)

    def _card_written(self, result: tuple[KeyCard, Path]) -> None:
        card, path = result
        QMessageBox.information(self, self.tr("Key card written"), self.tr(
            "The key card was saved to {path}.\nGive it to the other office and read them this fingerprint by "
            "phone:\n\n{fingerprint}").format(path=str(path), fingerprint=card.fingerprint))

    def register_card(self) -> None:
        """Choose the other side's key card, compare its fingerprint, register it."""
        settings = self.ctx.settings
        start = remembered_folder(settings, KEY_CARDS) or removable_folder() or start_folder(settings, KEY_CARDS)
        chosen, _f = QFileDialog.getOpenFileName(self, self.tr("Choose the other office's key card"), str(start),
                                                 ";;".join((self.tr("Key cards (*.pdkey)"), self.tr("All files (*)"))))
        if chosen:
            remember_folder(settings, KEY_CARDS, chosen)
            ops.read_card(self, self.ctx, Path(chosen), self._confirm_card)

    def _confirm_card(self, result: tuple[bytes, KeyCard, str | None, list[str], bool]) -> None:
        data, card, elsewhere, retiring, as_is = result
        if as_is:  # picked again by mistake: nothing to compare, nothing would change
            QMessageBox.information(self, self.tr("Registered already"), self.tr(
                "{name} (code {code}) is registered already with this key card (fingerprint {fingerprint}). "
                "Nothing was changed.").format(name=card.org_name, code=card.org_code, fingerprint=card.fingerprint))
            return
        text = self.tr(
            "{name} (code {code}).\n\nFingerprint on the card:\n{fingerprint}\n\nIs this exactly the fingerprint "
            "the other office read to you? Choose Yes to register it only if every character matches.").format(
            name=card.org_name, code=card.org_code, fingerprint=card.fingerprint)
        if elsewhere is not None:
            text += "\n\n" + self.tr(
                "Another computer with code {code} is registered already ({name}). If that office set the program "
                "up again, ask it to restore its backup there instead (File → Restore from a backup…): a new "
                "installation sends its records as a second set, and everyone would be on two rolls here.").format(
                code=card.org_code, name=elsewhere)
        if retiring:
            text += "\n\n" + self.tr(
                "{name} is registered already with another key ({old}). This card is its new key: once it is "
                "registered the old key stops, and packages written with it and not yet imported are refused "
                "(ask for them again).").format(name=card.org_name, old=", ".join(retiring))
        answer = QMessageBox.question(self, self.tr("Compare the fingerprint"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            ops.register(self, self.ctx, data, self._registered)

    def _registered(self, done: Any) -> None:
        text = self.tr("{name} is registered.").format(name=done.card.org_name)
        if done.retired:
            text += "\n" + self.tr("Its old key ({old}) is no longer accepted.").format(old=", ".join(done.retired))
        QMessageBox.information(self, self.tr("Registered"), text)

    def export_package(self) -> None:
        """The export wizard: destination, kind and folder (a USB stick preselected), then the verified result."""
        from partydesk.gui.dialogs.sync_export_wizard import ExportDialog

        if self.status is None or not self.status.peers:
            return
        dialog = ExportDialog(self.ctx, self.status.peers, removable=removable_folder(), parent=self)
        dialog.open()

    def import_package(self, *, kept: Path | None = None) -> QDialog:
        """The import wizard: a file or a folder (the USB stick, when one is found), the dry run's table, then
        apply or cancel. ``kept``: the folder of the copies of packages imported here, to import again after a
        restore (checked at once)."""
        from partydesk.gui.dialogs.sync_import_wizard import LAST_IMPORT_FOLDER_KEY, ImportDialog

        status = self.status
        if status is None and kept is not None:  # asked for before the page showed: its offices now
            from partydesk.core.services.sync_status import exchange_status

            status = exchange_status(self.ctx.db)
        offices = {p.peer.org_code: p.peer.org_name for p in status.peers} if status else {}
        stick = removable_folder()
        # No stick found: where the last package came from (a stick the program does not recognise, a shared
        # folder), as long as it is there; else the documents folder.
        last = str(self.ctx.settings.value(per_database(LAST_IMPORT_FOLDER_KEY, self.ctx.db.path), "") or "")
        before = Path(last) if last and Path(last).is_dir() else None  # the folder checked last time, still there
        start = stick or before or documents_folder()
        dialog = ImportDialog(self.ctx, start=start, offices=offices, stick=stick, last=before, kept=kept, parent=self)
        dialog.open()
        dialog.file.setFocus()
        if kept is not None:
            dialog.check()
        return dialog

    # -- text ---------------------------------------------------------------------------------------

    def _peer_columns(self) -> list[ListColumn[PeerStatus]]:
        def when(entry: Any) -> str:
            return f"{local_time(entry.handled_at):%Y-%m-%d}" if entry is not None else "—"

        return [
            ListColumn("code", self.tr("Code"), lambda p: p.peer.org_code, chars=8),
            ListColumn("name", self.tr("Organisation"), lambda p: p.peer.org_name, chars=22,
                       tooltip=lambda p: p.peer.org_name),  # in full where the column cuts it
            ListColumn("relation", self.tr("Relation"),
                       lambda p: self.tr("reports to us") if p.peer.relation == "child" else self.tr("we report to it"),
                       chars=6),
            ListColumn("last_in", self.tr("Last received"), lambda p: when(p.last_in), chars=6),
            ListColumn("last_out", self.tr("Last sent"), lambda p: when(p.last_out), chars=6),
            ListColumn("key", self.tr("Key"), lambda p: self.keys.key_text(p.peer.org_code), chars=12),
        ]

    def _branch_columns(self) -> list[ListColumn[BranchRow]]:
        def age(row: BranchRow) -> str:
            if row.own:
                return self.tr("this office")
            if row.last_package is None:
                return self.tr("nothing sent yet")
            return self.tr("today") if row.age_days == 0 else self.tr("{days} day(s) ago").format(days=row.age_days)

        return [
            ListColumn("code", self.tr("Code"), lambda r: r.org_code, chars=8),
            ListColumn("name", self.tr("Organisation"), lambda r: r.org_name, chars=22, tooltip=lambda r: r.org_name),
            ListColumn("members", self.tr("Members"), lambda r: "—" if _silent(r) else str(r.members),
                       sort_key=lambda r: r.members, chars=4, align_right=True),
            ListColumn("meetings", self.tr("Meetings held / required"),
                       lambda r: "—" if r.own or _silent(r) else f"{r.meetings_held} / {r.meetings_required}",
                       sort_key=lambda r: r.meetings_held, chars=8, align_right=True),
            ListColumn("study", self.tr("Study on track"),
                       lambda r: "—" if r.study_share is None else f"{r.study_share:.0%}",
                       sort_key=lambda r: r.study_share or 0.0, chars=5, align_right=True),
            ListColumn("todos", self.tr("To-dos"),
                       lambda r: "—" if r.own or _silent(r) else self.tr("{all} ({overdue} overdue)").format(
                           all=r.todos, overdue=r.overdue),
                       sort_key=lambda r: (r.overdue, r.todos), chars=10, align_right=True,
                       tooltip=lambda r: self.tr(
                           "Counted as this office's workbench lists them: a branch's overdue meetings of one kind "
                           "are one to-do, meetings falling due soon and what only the branch's own computer "
                           "knows (its backups, our notices) are left out. The branch's own workbench so shows "
                           "more.")),
            ListColumn("last", self.tr("Last package"), age, sort_key=_age_order, chars=8),
        ]

    def _package_note(self, entry: PackageEntry) -> str:
        """A package's note: a gap or a refusal's reason; a receipt written says none comes back for it."""
        if not entry.gap and entry.direction == "out" and entry.kind == "receipt":
            return self.tr("A receipt: no confirmation comes back for it")
        return entry.gap

    def _package_columns(self) -> list[ListColumn[PackageEntry]]:
        return [
            ListColumn("when", self.tr("When"), lambda e: f"{local_time(e.handled_at):%Y-%m-%d %H:%M}",
                       sort_key=lambda e: e.handled_at, chars=8),
            ListColumn("direction", self.tr("Direction"),
                       lambda e: self.tr("in") if e.direction == "in" else self.tr("out"), chars=3),
            ListColumn("kind", self.tr("Kind"), lambda e: KIND_NAMES.get(e.kind, e.kind), chars=3),
            ListColumn("peer", self.tr("Other office"), self._peer_name, chars=24, tooltip=self._peer_name),
            ListColumn("seq", self.tr("No."), lambda e: str(e.channel_seq or "—"), sort_key=lambda e: e.channel_seq,
                       chars=3, align_right=True),
            ListColumn("state", self.tr("State"), package_state, chars=5),
            ListColumn("records", self.tr("Records"),
                       lambda e: "—" if e.state == "rejected" else str(sum(e.counts.values())),
                       sort_key=lambda e: sum(e.counts.values()), chars=4, align_right=True),
            ListColumn("gap", self.tr("Note"), self._package_note, chars=10, tooltip=self._package_note),
        ]

    def _peer_name(self, entry: PackageEntry) -> str:
        if self.status is None:
            return ""
        found = next((p.peer for p in self.status.peers if p.peer.site_id == entry.peer_site), None)
        if found:
            return f"{found.org_code} {found.org_name}"
        return self._refused_from.get(entry.package_id, entry.peer_site[:8])

    def _package_text(self, entry: PackageEntry) -> str:
        return f"{self._peer_name(entry)} {KIND_NAMES.get(entry.kind, '')} {STATE_NAMES.get(entry.state, '')}"

    def retranslate(self) -> None:
        """Set every visible text in the current language."""
        self.tabs.setTabText(0, self.tr("Packages and offices"))
        self.tabs.setTabText(COMPARISON_TAB, self.tr("Branches compared"))
        self._set_unread(self._unread)
        self.card_button.setText(self.tr("Key card…"))
        self.register_button.setText(self.tr("Register a key card…"))
        self.export_button.setText(self.tr("&Write a package…"))
        self.import_button.setText(self.tr("&Import a package…"))
        self.clock_button.setText(self.tr("Mend the dates…"))
        self.conflict_button.setText(self.tr("Decide the conflicts…"))
        self.peers_box.setTitle(self.tr("Registered offices"))
        self.packages_box.setTitle(self.tr("Packages in and out"))
        self.branches_box.setTitle(self.tr("Branches compared (this year)"))
        self.branches_hint.setText(self.tr(
            "Double-click a branch (or press Enter) to see its figures, charts and to-dos on the workbench.") + "\n" +
            self.tr("To-dos are counted as this office's workbench lists them (a branch's overdue meetings of one "
                    "kind as one; meetings falling due soon and reminders only the branch's computer knows left "
                    "out): the branch's own workbench shows more."))
        self._branches_empty_text()
        self.branches.set_search_placeholder(self.tr("Search code or name"))
        self.peers.set_empty_text(self.tr(
            "No office is registered yet. Write this office's key card, give it to the other office, and register "
            "theirs after comparing the fingerprint by phone."))
        self.packages.set_empty_text(self.tr("No package written or imported yet."))
        self.peers.set_search_placeholder(self.tr("Search code or name"))
        self.packages.set_search_placeholder(self.tr("Search"))
        self.keys.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
