"""``AppContext``: what every window, page and dialog needs, passed down instead of reached for globally."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings

from partydesk.core.changes import LOCAL_USER, Actor
from partydesk.core.handle import DbHandle
from partydesk.gui.hub import Hub
from partydesk.gui.languages import install_language, make_settings, save_language
from partydesk.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from partydesk.gui.mainwindow import MainWindow


@dataclass
class AppContext:
    """The open database (an opaque handle for services), the hub, the task runner, the actor, settings.

    ``db`` is None only between the first paint of the main window and the database being opened
    (``main_gui`` with an opener); no page is built before it is set.
    """

    db: DbHandle
    hub: Hub
    runner: TaskRunner
    actor: Actor
    settings: QSettings
    # Called in order after the main window has closed and the lanes have stopped (backups on exit).
    on_exit: list[Callable[[], None]] = field(default_factory=list)
    # Called with each new main window, before it is shown (to wire ``backupRequested`` and the like).
    on_window: list[Callable[[MainWindow], None]] = field(default_factory=list)

    def switch_language(self, lang: str) -> str:
        """Install ``lang`` now and remember it; returns the language in effect."""
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("no QApplication")
        lang = install_language(app, lang, self.hub)
        save_language(self.settings, lang)
        return lang


def make_context(db: DbHandle | None, *, settings: QSettings | None = None, actor: Actor = LOCAL_USER) -> AppContext:
    """A context with a new hub and task runner over ``db``; the caller shuts ``ctx.runner`` down."""
    hub = Hub()
    # db is None only until main_gui's opener runs (see AppContext).
    return AppContext(db=db, hub=hub, runner=TaskRunner(hub), actor=actor,  # type: ignore[arg-type]
                      settings=settings if settings is not None else make_settings())
