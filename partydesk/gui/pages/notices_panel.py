"""The notices tab of the exchange page (通知): notices received from the committee (unread first marked) and,
at a committee, those it sent and to whom.

Selecting a notice shows its text and files below the list; a received notice counts as read once it was
shown, and 标为已办理… (after a question) says the office has done what it asks; both travel up with the
next package. A file opens with the system's program from a copy in the temp folder. Received notices are
read-only: only the committee that wrote them changes them. A committee with registered branches writes a
notice here (``dialogs.notice_edit``) and may withdraw one it sent (``dialogs.notice_withdraw``): it stays
listed, marked 已撤回. For each notice it sent, it sees how far it got at each branch: delivered, read
(已读) or done (已办理).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from partydesk.core.changes import ChangeKind, Changes
from partydesk.core.domain.notices import NoticeRow
from partydesk.core.domain.organisation import short_names
from partydesk.core.errors import KnownError
from partydesk.gui.clock_text import local_time
from partydesk.gui.folders import DOCUMENTS, ask_save_file, open_with_system
from partydesk.gui.operations import meetings as files_ops
from partydesk.gui.operations import notices as ops
from partydesk.gui.sizes import file_size
from partydesk.gui.widgets.list_page import ListColumn, ListPage

if TYPE_CHECKING:
    from partydesk.core.drafts import Draft
    from partydesk.gui.context import AppContext

FILE_ROLE = Qt.ItemDataRole.UserRole


class NoticesPanel(QWidget):
    """The list of notices above the open one (its text and its files)."""

    unreadChanged = Signal(int)  # how many received notices nobody here has opened

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: dict[str, NoticeRow] = {}
        self._pending = ""  # a notice to open once the list has loaded (from a to-do)
        self.branches: list[tuple[str, str]] = []
        self._short: dict[str, str] = {}  # a branch's organisation code -> its short name (发往)
        self.office = ""
        self.list: ListPage[NoticeRow] = ListPage(
            self._columns(), row_id=lambda n: n.id, parent=self,
            haystack=lambda n: f"{n.data.title} {n.data.issuer} {self._recipients(n)} {n.data.body}")
        self.list.setObjectName("noticeList")
        self.list.selectionChanged.connect(self._show_selected)
        self.write_button = self.list.add_action("writeNotice", self.write_notice)
        self.write_button.hide()  # shown at a committee with registered branches
        self.withdraw_button = self.list.add_action("withdrawNotice", self.withdraw_notice)
        self.withdraw_button.hide()  # shown where notices are written
        self.withdraw_button.setEnabled(False)
        # Where notices are received: the office says it has done what one asks; its next package says so.
        self.done_button = self.list.add_action("noticeDone", self.mark_done)
        self.done_button.hide()
        self.done_button.setEnabled(False)
        self.text = QTextBrowser(self)
        self.text.setObjectName("noticeText")
        self.text.setOpenExternalLinks(False)
        self.files_label = QLabel(self)
        self.files = QListWidget(self)
        self.files.setObjectName("noticeFiles")
        self.files.itemActivated.connect(lambda _item: self.open_file())
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("openFileButton")
        self.open_button.clicked.connect(self.open_file)
        self.open_button.setEnabled(False)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveFileButton")
        self.save_button.clicked.connect(lambda: self.save_file())
        self.save_button.setEnabled(False)
        self.saved_text = ""  # what the last 另存为 said (also in the main window's status bar)
        side = QVBoxLayout()
        side.addWidget(self.files_label)
        side.addWidget(self.files, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.save_button)
        side.addLayout(buttons)
        below = QWidget(self)
        line = QHBoxLayout(below)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.text, 3)
        line.addLayout(side, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.list)
        split.addWidget(below)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        QVBoxLayout(self).addWidget(split)  # the tab's usual margins: the search box clear of its frame
        self.retranslate()
        ctx.hub.changed.connect(self._on_changed)
        self.reload()

    # -- data -------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the notices again."""
        ops.load_notices(self, self.ctx, self._show)

    def _empty_text(self) -> str:
        if self.branches:  # a committee: it writes the notices
            return self.tr("No notice yet. Write one (Write a notice…) and choose the branches it goes to; it "
                           "goes down with the next package exported to each.")
        return self.tr("No notice yet. Notices from the committee arrive in its packages.")

    def _show(self, result: tuple[list[NoticeRow], list[tuple[str, str]], str]) -> None:
        rows, branches, self.office = result
        if branches != self.branches:  # a committee's notices say whom they went to (发往)
            self.branches = branches
            shorts = short_names(name for _code, name in branches)
            self._short = {code: shorts.get(name) or code for code, name in branches}
            self.list.set_columns(self._columns())
        self.list.set_empty_text(self._empty_text())
        self.write_button.setVisible(bool(self.branches))
        self.withdraw_button.setVisible(bool(self.branches) or any(not n.received for n in rows))
        self.done_button.setVisible(any(n.received for n in rows))
        selected = self.list.selected_ids()
        self.rows = {n.id: n for n in rows}
        self.list.set_rows(rows)
        self.unreadChanged.emit(sum(1 for n in rows if n.unread))
        wanted = self._pending or (selected[0] if selected else "")
        self._pending = ""
        if wanted and self.list.select_id(wanted):
            self._show_selected()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(ChangeKind.NOTICE, ChangeKind.SYNC):
            self.reload()

    def open_notice(self, notice_id: str) -> None:
        """Select and show one notice (from a to-do); waits for the list if it is still loading."""
        if notice_id in self.rows and self.list.select_id(notice_id):
            self._show_selected()
        else:
            self._pending = notice_id
            self.reload()

    def current(self) -> NoticeRow | None:
        """The notice shown below the list."""
        ids = self.list.selected_ids()
        return self.rows.get(ids[0]) if ids else None

    def _show_selected(self) -> None:
        notice = self.current()
        self.files.clear()
        self.withdraw_button.setEnabled(notice is not None and not notice.received and not notice.withdrawn)
        self.done_button.setEnabled(notice is not None and notice.received and not notice.withdrawn
                                    and notice.done_at is None)
        if notice is None:
            self.text.clear()
            self.open_button.setEnabled(False)
            self.save_button.setEnabled(False)
            return
        d = notice.data
        head = self.tr("Issued {issued} by {issuer}").format(issued=f"{d.issued:%Y-%m-%d}", issuer=d.issuer or "—")
        if d.deadline is not None and not notice.withdrawn:
            head += self.tr("; to be done by {deadline}").format(deadline=f"{d.deadline:%Y-%m-%d}")
        if notice.received and notice.done_at is not None:
            head += "\n" + self.tr("Marked done here on {when}; the next package to the committee says so.").format(
                when=f"{local_time(notice.done_at):%Y-%m-%d %H:%M}")
        if not notice.received:  # written here: it goes down with the next package to each branch named
            named = dict(self.branches)
            if notice.withdrawn or len(notice.delivery) != len(notice.targets):
                names = "、".join(named.get(code) or code for code in notice.targets) or "—"
                head += self.tr("; for {names}").format(names=names)
            else:  # each branch with how far the notice got there
                states = {"received": self.tr("received"), "written": self.tr("on a stick, not yet confirmed"),
                          "waiting": self.tr("goes with the next package")}
                reads = notice.read_by_target or (None,) * len(notice.targets)
                done = notice.done_by_target or (None,) * len(notice.targets)
                head += "\n" + self.tr("Sent to:") + "\n" + "\n".join(
                    f"  {named.get(code) or code}：" + self._reached(states.get(state, state), read, finished)
                    for code, state, read, finished in zip(notice.targets, notice.delivery, reads, done, strict=True))
        self.text.setPlainText(f"{d.title}\n{head}\n\n{d.body}")
        for f in notice.files:
            item = QListWidgetItem(f"{f.name}  ({file_size(f.size)})", self.files)
            item.setData(FILE_ROLE, (f.sha256, f.name))
        if self.files.count():
            self.files.setCurrentRow(0)
        self.open_button.setEnabled(bool(self.files.count()))
        self.save_button.setEnabled(bool(self.files.count()))
        if notice.unread:
            ops.mark_read(self, self.ctx, notice.id)

    def _reached(self, delivered: str, read: datetime | None, done: datetime | None) -> str:
        """How far a notice got at one branch: done, read (with when), else how far its delivery is."""
        if done is not None:
            return self.tr("done (marked {when})").format(when=f"{local_time(done):%Y-%m-%d %H:%M}")
        if read is not None:
            return self.tr("read (opened {when})").format(when=f"{local_time(read):%Y-%m-%d %H:%M}")
        return delivered

    def mark_done(self) -> None:
        """After asking: this office has done what the selected notice asks (已办理)."""
        notice = self.current()
        if notice is None or not notice.received or notice.withdrawn or notice.done_at is not None:
            return
        answer = QMessageBox.question(
            self, self.tr("Mark as done"),
            self.tr("Has this office done what “{title}” asks? The committee sees it as done once it imports "
                    "this office's next package. This cannot be taken back.").format(title=notice.data.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            ops.mark_done(self, self.ctx, notice.id)

    def write_notice(self, *, draft: Draft | None = None) -> None:
        """Open the dialog that writes a notice and picks the branches it goes to (``draft``: a notice left
        unpublished, typed in)."""
        from partydesk.gui.dialogs.notice_edit import NoticeEditDialog

        dialog = NoticeEditDialog(self.ctx, self.branches, issuer=self.office, parent=self, draft=draft)
        dialog.published.connect(self.open_notice)  # shown at once, with how far it has gone to each branch
        dialog.open()

    def withdraw_notice(self) -> None:
        """Ask for a reason, then take back the selected notice of ours (it stays listed, marked)."""
        from partydesk.gui.dialogs.notice_withdraw import NoticeWithdrawDialog

        notice = self.current()
        if notice is None or notice.received or notice.withdrawn:
            return
        dialog = NoticeWithdrawDialog(self.ctx, notice.id, notice.data.title, parent=self)
        dialog.open()

    def open_file(self) -> None:
        """Open the chosen file of the shown notice with the system's program."""
        item = self.files.currentItem()
        if item is None:
            return
        sha256, name = item.data(FILE_ROLE)
        files_ops.open_copy(self, self.ctx, sha256=sha256, name=name, on_done=self._open_copy,
                            on_error=self._cannot_open)

    def save_file(self, target: Path | None = None) -> None:
        """Save the chosen file of the shown notice where the user picks (the desktop, a USB stick)."""
        item = self.files.currentItem() or (self.files.item(0) if self.files.count() == 1 else None)
        if item is None:
            return
        sha256, name = item.data(FILE_ROLE)
        if target is None:
            chosen = ask_save_file(self, self.ctx.settings, DOCUMENTS, self.tr("Save the file as"), Path(name).name)
            if not chosen:
                return
            target = Path(chosen)
        files_ops.save_copy(self, self.ctx, sha256=sha256, name=name, target=target, on_done=self._saved,
                            on_error=self._cannot_save)

    def _saved(self, path: Path) -> None:
        self.saved_text = self.tr("Saved: {path}").format(path=str(path))
        window = self.window()
        bar = window.statusBar() if isinstance(window, QMainWindow) else None
        if bar is not None:
            bar.showMessage(self.saved_text, 10_000)

    def _cannot_save(self, error: KnownError) -> None:
        QMessageBox.warning(self, self.tr("Cannot save the file"), error.message)

    def _open_copy(self, path: Path) -> None:
        open_with_system(self, path)

    def _cannot_open(self, error: KnownError) -> None:
        QMessageBox.warning(self, self.tr("Cannot open the file"), error.message)

    # -- text ---------------------------------------------------------------------------------------

    def _state(self, n: NoticeRow) -> str:
        if n.withdrawn:
            return self.tr("withdrawn")
        if not n.received:  # how many of the branches it went to have reported it done, or read
            if n.done_count:
                return self.tr("done {done}/{all}").format(done=n.done_count, all=len(n.targets))
            if n.read_count:
                return self.tr("read {read}/{all}").format(read=n.read_count, all=len(n.targets))
            return self.tr("sent")
        if n.done_at is not None:
            return self.tr("done")
        return self.tr("unread") if n.unread else self.tr("read")

    def _columns(self) -> list[ListColumn[NoticeRow]]:
        columns = [
            ListColumn("state", self.tr("State"), self._state, chars=6),
            ListColumn("issued", self.tr("Issued"), lambda n: f"{n.data.issued:%Y-%m-%d}",
                       sort_key=lambda n: n.data.issued, chars=6),
            ListColumn("title", self.tr("Title"), lambda n: n.data.title, chars=24, stretch=True),  # the room left
            ListColumn("deadline", self.tr("Due by"),
                       lambda n: f"{n.data.deadline:%Y-%m-%d}" if n.data.deadline else "",
                       sort_key=lambda n: n.data.deadline.isoformat() if n.data.deadline else "", chars=6),
            ListColumn("files", self.tr("Files"), lambda n: str(len(n.files)) if n.files else "",
                       sort_key=lambda n: len(n.files), chars=3, align_right=True),
            ListColumn("issuer", self.tr("From"), lambda n: n.data.issuer, chars=14),
        ]
        if self.branches:  # a committee: to whom each notice it wrote went, after its title
            columns.insert(3, ListColumn("to", self.tr("To"), self._recipients, chars=12,
                                         tooltip=lambda n: self._recipients(n, whole=True)))
        return columns

    def _recipients(self, n: NoticeRow, *, whole: bool = False) -> str:
        """The branches a notice written here went to, by short name (``whole``: by full name), or 全部支部
        when it went to every registered branch; '' for a notice received."""
        if n.received:
            return ""
        if not whole and len(self.branches) > 1 and set(n.targets) >= {code for code, _name in self.branches}:
            return self.tr("All branches ({count})").format(count=len(n.targets))
        names = dict(self.branches) if whole else self._short
        return "、".join(names.get(code) or code for code in n.targets)

    def retranslate(self) -> None:
        """Set every visible text in the current language."""
        self.list.set_columns(self._columns())
        self.list.set_empty_text(self._empty_text())
        self.list.set_search_placeholder(self.tr("Search title or text"))
        self.files_label.setText(self.tr("Files"))
        self.open_button.setText(self.tr("Open the file"))
        self.save_button.setText(self.tr("Save as…"))
        self.write_button.setText(self.tr("Write a notice…"))
        self.withdraw_button.setText(self.tr("Withdraw…"))
        self.done_button.setText(self.tr("Mark as done…"))
        self.done_button.setToolTip(self.tr("Say that this office has done what the selected notice asks; the "
                                            "committee sees it once it imports this office's next package."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
