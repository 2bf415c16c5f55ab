"""使用说明 (F1): a short guide inside the program — what each page is for, the exchange with the committee,
the keyboard, import, backup, restore, and where the data lives (the folders of the database actually open,
which with ``--db`` is not the default)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QWidget

from partydesk.core.services.maintenance import backup_dir
from partydesk.gui.forms.ui_help import Ui_HelpDialog


class HelpDialog(QDialog):
    """The guide as a read-only page of headed paragraphs, sized for a 1366×768 screen."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_HelpDialog()
        self.ui.setupUi(self)
        self._db_path = db_path
        self.ui.buttonBox.rejected.connect(self.reject)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 80, metrics.lineSpacing() * 30)
        self._fill()

    def sections(self) -> list[tuple[str, str]]:
        """(heading, paragraph) pairs in the interface language."""
        database = escape(str(self._db_path))
        backups = escape(str(backup_dir(self._db_path)))
        return [
            (self.tr("Workbench"),
             self.tr("The first page: the year's key figures, the to-do board (what is overdue, what falls due "
                     "soon) and the charts. Open a to-do (Enter or a double-click) to go to the record it is "
                     "about; set one aside, with the reason, when it does not apply. Click a bar or a slice of "
                     "a chart to list the members it counts.")),
            (self.tr("Members page"),
             self.tr("The roster of the branch: add a member, open one to see and change the details, record "
                     "events (becoming a full member, transfers, lost contact). Type in the search box to "
                     "find people; click a column header to sort. ID and phone numbers are shown masked. To put "
                     "several members in one party group, select them (Ctrl or Shift with a click) and choose "
                     "Party group….")),
            (self.tr("Meetings page"),
             self.tr("Record each meeting once it has been held: New meeting record (Ctrl+N), then its type, "
                     "date, attendance, agenda, minutes and resolutions. What you type is kept as you go: after a "
                     "power cut the program offers the record back when it starts again. Closing the window "
                     "without saving asks first. The year calendar shows for every type which "
                     "periods had their meeting, which did not and which are still to come; click a cell to "
                     "record the meeting it is missing. Periods that ended before the branch began keeping its "
                     "records here (the day it was set up, or its earliest meeting recorded) read “Before "
                     "records” and are not counted: record an older meeting and they count from it. Minutes "
                     "print or save as a Word document.")),
            (self.tr("Study page"),
             self.tr("Record a collective study credits its hours to the members ticked; a member's own course "
                     "is recorded with its proof. To correct a collective study, open it (Enter or a "
                     "double-click); a member's own course is deleted and recorded again. The ledger sets each "
                     "member's hours against the year's requirement, and exports to Excel with one sheet per "
                     "member. A branch new to the program enters the hours its members already had this year "
                     "with Enter earlier hours… on the ledger, typed from the old ledger one member after "
                     "another.")),
            (self.tr("Heart-to-heart talks"),
             self.tr("Meetings page, 谈心谈话 tab: who is due a talk (each member at least once within the "
                     "interval the rule table sets, twelve months by default) and the talks recorded. Record a "
                     "talk with who talked, with whom, the date, what was said and any follow-up with its date; "
                     "an open follow-up shows on the workbench from a week before its day. A member with no "
                     "talk recorded whose interval ran out before this program was set up is due on the first of "
                     "the month three months after the month it was set up (shown a month before): record the "
                     "last talk held before, if any, or hold one. A talk counts for the member who held it too.")),
            (self.tr("Yearly report"),
             self.tr("Workbench → Yearly report…: this year's or last year's 台账 (key figures, the members' "
                     "make-up, meetings held against those required, attendance, study, the meeting register), "
                     "saved as PDF to print or as a Word document to edit. At a committee, with a branch chosen "
                     "in 支部, it is that branch's 台账.")),
            (self.tr("Data exchange with the higher committee"),
             self.tr("Once, at first contact: each office saves its key card (Key card…) and hands it to the "
                     "other on a USB stick; each registers the other's card (Register a key card…) after reading "
                     "its fingerprint to each other by phone, and only if every character matches.<br>Then each "
                     "time: the branch chooses Write a package…, picks the USB stick and waits until it says the "
                     "stick can be removed; the committee chooses Import a package…, sees what the package would "
                     "change, and imports it (a whole stick at once with Folder…). The committee's next package "
                     "back confirms receipt.<br>A refused package is listed with the reason and nothing of it is "
                     "written. Packages are encrypted: only the office a package is addressed to can read it. "
                     "A single record the other office cannot take (its program is older, or the record fails a "
                     "check) is refused with its details and the rest imported; the office that sent it is told "
                     "with the next package back, sees it on its workbench, and sends it again with every "
                     "package until it is taken."
                     "<br>The committee's notices are on the 通知 tab of the exchange page; once one is opened "
                     "there, the branch's next package tells the committee it has been read, and once it is "
                     "marked done (Mark as done…), that it has been done. Once a notice's deadline has passed, "
                     "the committee's workbench names the branches that have not yet reported it done."
                     "<br>A committee sees its branches' members, meetings, study hours and talks as their "
                     "packages bring them; the branches record them. A meeting, study or talk recorded at the "
                     "committee is its own, with its own members; a correction of a branch's record goes down "
                     "to the branch with the next package.")),
            (self.tr("Settings page"),
             self.tr("The organisation's name and code, and the rule table: meeting frequencies, study hours "
                     "and dues brackets. Change a rule only when your higher committee sets a different one.")),
            (self.tr("Importing a roster"),
             self.tr("On the Members page choose Import and pick an Excel or CSV file. The program shows "
                     "which column means what and lists every row it cannot take, with the reason; nothing is "
                     "written until you confirm. A backup is made before each import.")),
            (self.tr("Backups"),
             self.tr("File → Back up now (Ctrl+B) makes a checked copy at any time. The program also backs "
                     "up on exit and every four hours when something was changed. These copies stay on this "
                     "computer and are lost with it, so once a week use File → Back up to a USB stick…: it "
                     "writes everything, attachments included, encrypted under a passphrase you choose, and "
                     "reads it back before it says the stick can be removed. Write the passphrase down and keep "
                     "it apart from the stick: without it nobody can open the backup. The workbench reminds "
                     "you when a week has passed.")),
            (self.tr("Restoring"),
             self.tr("File → Restore from a backup… lists the backups, newest first. From a USB stick or "
                     "file… restores a USB backup (it asks for the passphrase) or a backup file copied from "
                     "elsewhere. The database as it is is saved as a backup before a restore, so a restore can "
                     "be undone the same way. On a new computer, choose Restore from a backup… in the first-run "
                     "set-up instead of filling it in. If the program finds the database file damaged while "
                     "in use, it keeps a copy of it, says 只读 in red at the bottom and saves no more changes: "
                     "what can still be read can be looked at and exported, and a restore here ends it.")),
            (self.tr("Keyboard"),
             self.tr("Ctrl+1 to Ctrl+6 switch pages; F1 opens this guide; Ctrl+B backs up now. In a list, "
                     "Enter opens the selected row. On the Members page: Ctrl+N adds a member, F2 edits the "
                     "selected one, Ctrl+F goes to the search box and Esc there empties it; on a member's page "
                     "Alt+Left or Esc goes back. On the Meetings page Ctrl+N records a meeting or a talk, Del "
                     "deletes the selected one (after asking). In a form Ctrl+S saves. Esc closes a window, and "
                     "asks first when something typed would be lost.")),
            (self.tr("Where the data lives"),
             self.tr("Database file: {database}<br>Backups: {backups}").format(database=database,
                                                                             backups=backups)),
        ]

    def _fill(self) -> None:
        html = "".join(f"<h3>{escape(heading)}</h3><p>{body}</p>" for heading, body in self.sections())
        self.ui.textBrowser.setHtml(html)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._fill()
        super().changeEvent(event)
