"""The application's one message hub: pages listen here instead of calling each other.

Every write returns a ``Changes`` record (house rule 3); the task runner hands it to ``Hub.publish`` and
each page refreshes only what the record names (Anki's shape). ``app.py`` creates one Hub and passes it to
the main window and every page, so no page needs to know which other pages exist.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal

from partydesk.core.changes import Changes


class Hub(QObject):
    """Application-wide signals. Lives on, and must be used from, the GUI thread."""

    # A Changes record after a successful write; pages call ``changes.touches(...)`` to decide.
    changed = Signal(object)
    # The UI language was switched: widgets re-run ``retranslateUi`` / re-read their ``tr()`` texts.
    languageChanged = Signal()
    # A short, non-blocking note for the main window's status bar.
    statusMessage = Signal(str)
    # A verified backup was written; carries the backup description for the status bar.
    backupMade = Signal(object)
    # The open database was found damaged (carries the KnownError): from now on it is read-only.
    databaseDamaged = Signal(object)

    def publish(self, changes: Changes) -> None:
        """Broadcast ``changes`` to every page, unless it is empty (nothing was written)."""
        # Pages connect plain callables that touch widgets; emitting from a worker would run them
        # on that worker, so a wrong-thread publish is a bug to catch here, not a rare crash later.
        if QThread.currentThread() is not self.thread():
            raise RuntimeError("Hub.publish must be called on the GUI thread")
        if changes:
            self.changed.emit(changes)
