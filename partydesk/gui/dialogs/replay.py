"""After a restore or a salvage: the packages imported since the backup, whose copies are kept here
(``services.sync_received``), offered for import again (RELIABILITY ST-7), at start-up and after a restore in
the window. Yes opens the import dialog on their folder, already checked; no leaves them for the next start."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from partydesk.core.services import sync_received

if TYPE_CHECKING:
    from partydesk.gui.mainwindow import MainWindow

# ``translate("Replay", "...")``: the translation tools find the strings by this call.
translate = QCoreApplication.translate


def ask(parent: QWidget, count: int) -> bool:
    """Whether to import again the ``count`` packages the records lack (a method of its own: tests answer it)."""
    box = QMessageBox(QMessageBox.Icon.Question, translate("Replay", "Import packages again"),
                      translate("Replay", "The records in use lack {count} packages imported on this computer "
                                          "after the backup they came from; copies of them were kept.").format(
                                              count=count),
                      parent=parent)
    box.setInformativeText(translate("Replay", "Without them, what they brought (the records other offices sent) is "
                                               "not here, and the other offices will not send it again. Import "
                                               "them again now?"))
    again = box.addButton(translate("Replay", "Import again…"), QMessageBox.ButtonRole.AcceptRole)
    later = box.addButton(translate("Replay", "Not now"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(again)
    box.setEscapeButton(later)
    box.exec()
    return box.clickedButton() is again


def offer_replay(window: MainWindow) -> QDialog | None:
    """Ask, when kept packages are missing from the records; on yes, the import dialog on their folder."""
    db = window.ctx.db
    found = sync_received.waiting(db)
    if not found or not ask(window, len(found)):
        return None
    page = window.show_page("exchange")
    dialog: QDialog = page.import_package(kept=sync_received.folder_of(db.path))  # type: ignore[attr-defined]
    return dialog
