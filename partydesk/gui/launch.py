"""Starting the windowed program safely: lock, location check, open with recovery, backups on exit.

The window paints first and the database opens right after (SQLAlchemy alone costs more than a bare Qt
window takes to appear), so everything storage-related is imported inside the functions here.

Order (RELIABILITY ST-2, ST-3, ST-4, ST-7): take the single-instance lock; warn (blocking) about a
risky location; open the database — a corrupt file is quarantined, never written, and the newest
verified backup is offered; then run the window with backups on demand, every four hours when
something changed, and on exit when something changed.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from partydesk.core.errors import CorruptDatabaseError, KnownError
from partydesk.core.instance import InstanceLock
from partydesk.core.location import location_risk
from partydesk.core.logsetup import configure_logging
from partydesk.paths import log_dir_for

if TYPE_CHECKING:
    from partydesk.core.handle import DbHandle
    from partydesk.gui.context import AppContext
    from partydesk.gui.mainwindow import MainWindow

log = logging.getLogger(__name__)

PERIODIC_BACKUP_MS = 4 * 60 * 60 * 1000


def tr(text: str) -> str:
    """Translate a source string of this module (context "Launch")."""
    return QCoreApplication.translate("Launch", text)


# lupdate files a bare ``tr("...")`` outside a class under an empty context, which is never looked up at
# run time; ``translate("Launch", "...")`` names the context it is found in.
translate = QCoreApplication.translate


def launch(db_path: Path, *, lang: str | None = None, demo: bool = False) -> int:
    """Run the program on ``db_path``; returns the process exit code."""
    from partydesk.gui.app import create_application, main_gui
    from partydesk.gui.languages import install_language, make_settings, saved_language

    app = create_application(sys.argv)
    install_language(app, lang or saved_language(make_settings()))
    db_path = db_path.resolve()
    configure_logging(log_dir_for(db_path))
    lock = InstanceLock(db_path.parent)
    try:
        lock.acquire()
    except KnownError as exc:
        QMessageBox.critical(None, translate("Launch", "Party Branch Desk is already running"), exc.message)
        return 3
    try:
        risk = None if demo else location_risk(db_path)
        if risk and not _confirm_risky_location(risk):
            return 4
        opened: list[DbHandle] = []
        contexts: list[AppContext] = []
        fresh = not db_path.exists()  # a file this run creates is removed again if its set-up is cancelled

        def prepare(ctx: AppContext) -> None:
            contexts.append(ctx)
            _wire_backups(ctx)
            _offer_drafts(ctx)  # a meeting record or member form left unsaved (power cut) is offered back

        def opener(window: QWidget) -> DbHandle | None:
            db = open_with_recovery(db_path, window)
            if db is not None:
                opened.append(db)
            return db

        try:
            code = main_gui(opener, lang=lang, prepare=prepare, log_dir=log_dir_for(db_path))
            return code if opened else 1
        finally:
            # A restore from the menu replaces the handle in the context: close that one too.
            handles = {*opened, *(ctx.db for ctx in contexts if ctx.db is not None)}
            unset = bool(handles) and all(db.needs_setup for db in handles)
            for db in handles:
                db.close()
            if fresh and unset:
                from partydesk.core.services.setup import discard_unset

                discard_unset(db_path)
    finally:
        lock.release()


def _confirm_risky_location(message: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, translate("Launch", "Risky database location"), message)
    box.setInformativeText(translate("Launch", "Continue anyway? Choose Quit to move the database first."))
    go = box.addButton(translate("Launch", "Continue anyway"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("Launch", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is go


def open_with_recovery(db_path: Path, parent: QWidget | None = None) -> DbHandle | None:
    """Open the database; on corruption quarantine it and offer the newest verified backup."""
    from partydesk.core.services.store import open_store

    try:
        return open_store(db_path)
    except CorruptDatabaseError as exc:
        log.error("database failed its start-up check")
        return _recover(db_path, exc, parent)
    except KnownError as exc:
        QMessageBox.critical(parent, translate("Launch", "Cannot open the database"), exc.message)
        return None


def _recover(db_path: Path, exc: CorruptDatabaseError, parent: QWidget | None) -> DbHandle | None:
    from partydesk.core.services.store import newest_verified_backup, open_store, quarantine_damaged, view_damaged
    from partydesk.gui.dialogs.recover import Recovery

    try:
        kept = quarantine_damaged(db_path)
    except KnownError as qexc:
        QMessageBox.critical(parent, translate("Launch", "Cannot open the database"), f"{exc.message}\n{qexc.message}")
        return None
    recovery = Recovery(db_path, exc.message, kept, newest_verified_backup(db_path), parent)
    while True:
        outcome = recovery.run()
        if outcome == "quit":
            return None
        if outcome == "restored":
            break
        try:  # "view": read-only, every write refused (the window says so); when it cannot be read, ask again
            return view_damaged(db_path)
        except KnownError as vexc:
            recovery.show(translate("Launch", "Cannot open the damaged file"), vexc.message, failed=True)
    try:
        return open_store(db_path)
    except KnownError as rexc:
        QMessageBox.critical(parent, translate("Launch", "Restore failed"), rexc.message)
        return None


def _wire_backups(ctx: AppContext) -> None:
    """Backups on demand (menu), every four hours if changed, and on exit if changed."""
    from partydesk.gui.app import describe_backup
    from partydesk.gui.operations.backups import back_up

    def on_window(window: MainWindow) -> None:
        from partydesk.core.services import maintenance

        # ctx.db is open by the time the window hooks run; a restore replaces it, so read it each time.
        # Writes the last session never backed up (its exit backup lost to a power cut) are backed up too.
        maintenance.note_unbacked_writes(ctx.db)
        last = maintenance.last_backup(ctx.db.path)
        if last is not None:
            window.set_last_backup(describe_backup(last))

        def manual() -> None:
            back_up(window, ctx, reason="manual", title=translate("Launch", "Backing up"),
                    on_done=window.announce_backup)

        def periodic() -> None:
            if maintenance.backup_due(ctx.db):
                back_up(window, ctx, reason="periodic", on_done=window.announce_backup)

        window.backupRequested.connect(manual)
        timer = QTimer(window)
        timer.setInterval(PERIODIC_BACKUP_MS)
        timer.timeout.connect(periodic)
        timer.start()

    def on_exit() -> None:
        from partydesk.core.services import maintenance

        maintenance.backup_if_changed(ctx.db, reason="exit")

    def replay(window: MainWindow) -> None:
        from partydesk.gui.dialogs.replay import offer_replay

        # Once the window is up: after a restore or salvage at start (or at the command line), the packages
        # imported after the backup it came from.
        QTimer.singleShot(0, window, lambda: offer_replay(window))

    ctx.on_window.append(on_window)
    ctx.on_window.append(replay)
    ctx.on_exit.append(on_exit)


def _offer_drafts(ctx: AppContext) -> None:
    """Once the window is up, a record left unsaved is offered back: a meeting record's, then (when that was not
    taken up) a member's form, a talk record, a study record, earlier study hours, a notice, a member's change — one
    question at a time."""
    from partydesk.gui.dialogs import (
        meeting_edit_drafts,
        member_edit_drafts,
        member_event,
        notice_edit,
        study_earlier,
        study_edit,
        talk_edit,
    )

    offers = (meeting_edit_drafts.offer_leftover_drafts, member_edit_drafts.offer_leftover_draft,
              talk_edit.offer_leftover_talk, study_edit.offer_leftover_study, study_earlier.offer_leftover_earlier,
              notice_edit.offer_leftover_notice, member_event.offer_leftover_event)

    def offer(window: QWidget) -> None:
        any(offer_one(window, ctx) for offer_one in offers)  # (stops at the first taken up)

    ctx.on_window.append(lambda window: QTimer.singleShot(0, window, lambda: offer(window)))
