"""The Qt application: QApplication set-up, fonts, error handling and the GUI entry point.

``main_gui(db)`` is what ``partydesk`` without a sub-command ends in: it builds an ``AppContext``
(``context.py``: the database handle, the hub, the task runner, the acting user, the settings store),
runs first-run set-up when the database needs it, shows the main window and runs the event loop.
``render_page`` draws one page offscreen for ``partydesk shot`` and for looking at what we build.
Only the entry points (``launch.py``, ``shot.py``) import this module; languages live in
``languages.py``, the shared widget helpers in ``widgets/``.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFontDatabase, QIcon, QImage, QPainter
from PySide6.QtWidgets import QApplication, QDialog, QStyleFactory, QWidget

from partydesk.core.errors import KnownError
from partydesk.core.handle import DbHandle
from partydesk.gui.context import AppContext, make_context
from partydesk.gui.focus_style import FocusStyle
from partydesk.gui.languages import APP_NAME, ORG_NAME, install_language, make_settings, saved_language
from partydesk.gui.session_end import exit_hooks_on_quit, quit_on_terminate
from partydesk.gui.widgets import enter_on_button, wheel_guard
from partydesk.paths import log_dir_for, resources_dir

if TYPE_CHECKING:
    from partydesk.gui.dialogs.crash import CrashReporter
    from partydesk.gui.mainwindow import MainWindow

log = logging.getLogger(__name__)

# Windows ships Microsoft YaHei UI; Linux offices have Noto CJK or WenQuanYi. The Latin-only default
# font would leave Qt to pick a CJK fallback glyph by glyph, which looks uneven and measures wrongly.
PREFERRED_FONTS = ("Microsoft YaHei UI", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
                   "WenQuanYi Micro Hei")
PAGE_IDS = ("main", "settings", "firstrun", "about", "talks", "talk_edit", "calendar", "comparison")


# -- application ------------------------------------------------------------------------------------


def icon_path() -> Path:
    """The application icon (SVG; Qt's svg image plugin renders it at any size)."""
    return resources_dir() / "icons" / "partydesk.svg"


def choose_font_family(available: Sequence[str]) -> str | None:
    """The first preferred CJK family that is installed, or None to keep Qt's default."""
    present = set(available)
    return next((family for family in PREFERRED_FONTS if family in present), None)


def create_application(argv: Sequence[str]) -> QApplication:
    """The QApplication (created once; an existing one, as under pytest-qt, is configured instead)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    from partydesk import __version__

    app.setApplicationVersion(__version__)
    # Fusion looks the same on every Windows version and offscreen, so screenshots show what users see; with a
    # focus ring that shows where the keyboard is (``focus_style``).
    if not isinstance(app.style(), FocusStyle):
        app.setStyle(FocusStyle(QStyleFactory.create("Fusion")))
    family = choose_font_family(QFontDatabase.families())
    if family is not None:
        font = app.font()
        font.setFamily(family)
        app.setFont(font)
    app.setWindowIcon(QIcon(str(icon_path())))
    # Qt's own file dialogs speak the interface language (qtbase_zh_CN plus languages.QT_GAPS) whatever
    # language Windows has; the native ones follow Windows, which may be English on an office PC.
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    _collect_on_gui_thread(app)
    wheel_guard.install(app)
    enter_on_button.install(app)
    return app


COLLECT_EVERY_MS = 1000


def _collect_on_gui_thread(app: QApplication) -> None:
    """Python's cyclic collector runs on this (the GUI) thread only, from a timer: a collection started on a
    database lane could free a Qt object there and deadlock against this thread (core/collector.py)."""
    from partydesk.core import collector

    if app.findChild(QTimer, "garbageCollector") is not None:
        return
    collector.collect_on_one_thread()
    timer = QTimer(app)
    timer.setObjectName("garbageCollector")
    timer.timeout.connect(collector.collect_if_due)
    timer.start(COLLECT_EVERY_MS)


# -- errors -----------------------------------------------------------------------------------------


def connect_error_handlers(ctx: AppContext, log_dir: Path | None) -> CrashReporter:
    """KnownErrors from the lanes become warning boxes; bugs become the crash dialog."""
    from partydesk.gui.dialogs.crash import CrashReporter, show_known_error

    reporter = CrashReporter(log_dir)
    ctx.runner.knownError.connect(lambda error: show_known_error(error))
    ctx.runner.crashed.connect(reporter.report)
    return reporter


def run_exit_hooks(ctx: AppContext) -> None:
    """Run ``ctx.on_exit`` in order; one failing hook does not stop the others."""
    from partydesk.gui.dialogs.crash import show_known_error

    for hook in ctx.on_exit:
        try:
            hook()
        except KnownError as error:
            show_known_error(error)
        except Exception:
            log.exception("exit hook %r failed", hook)


# -- windows ----------------------------------------------------------------------------------------


def build_main_window(ctx: AppContext) -> MainWindow:
    """The main window over ``ctx`` (not yet shown)."""
    from partydesk.gui.mainwindow import MainWindow

    window = MainWindow(ctx)
    for hook in ctx.on_window:
        hook(window)
    return window


def run_first_run_if_needed(ctx: AppContext, parent: QWidget | None = None) -> bool:
    """Show first-run set-up when the database has none; False when the user cancelled it."""
    if not ctx.db.needs_setup:
        return True
    from partydesk.gui.dialogs.firstrun import FirstRunDialog

    dialog = FirstRunDialog(ctx, parent)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        announce = getattr(parent, "announce", None)
        if accepted and dialog.restored_text and announce is not None:
            announce(dialog.restored_text, None)  # set up from a backup: say what came back
        return accepted
    finally:
        dialog.deleteLater()


def _settle(ctx: AppContext) -> None:
    # Deliver the pages' first loads (DB lane -> GUI callbacks) and the layout requests they cause.
    for _ in range(3):
        ctx.runner.wait_idle(10_000)
        QCoreApplication.processEvents()


def _grab_offscreen(widget: QWidget, size: QSize, ctx: AppContext) -> QImage:
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    widget.resize(size)
    widget.show()
    _settle(ctx)
    image = widget.grab().toImage()
    widget.close()
    return image


def render_page(ctx: AppContext, page: str, size: QSize) -> QImage:
    """Draw one page offscreen at ``size`` (logical pixels) without writing to the database.

    ``page`` is one of PAGE_IDS: "main" (the main window on its first page), "settings" (the main window
    on the settings page), "firstrun" (the set-up dialog on a plain desktop) and "about" (the About
    dialog over the main window); "calendar" is the meetings page on its calendar tab, "comparison" the
    exchange page on its comparison tab (a committee's). Dialogs keep their
    own size, centred, as a user would see them.
    """
    from partydesk.gui.mainwindow import PAGES

    known = (*PAGE_IDS, *(spec.id for spec in PAGES if spec.id not in PAGE_IDS))
    if page not in known:
        raise ValueError(f"unknown page {page!r}; choose one of {', '.join(known)}")
    if page == "firstrun":
        from partydesk.gui.dialogs.firstrun import FirstRunDialog

        return _dialog_on(FirstRunDialog(ctx), _desktop(size), ctx)
    if page in ("talks", "talk_edit"):
        from partydesk.gui.pages.talks import render_talks

        return render_talks(ctx, page, size, grab=_grab_offscreen, dialog_on=_dialog_on, dimmed=_dimmed)
    window = build_main_window(ctx)
    try:
        if page == "calendar":  # the meetings page on its calendar tab
            window.show_page("meetings").show_tab("calendar")  # type: ignore[attr-defined]
        elif page == "comparison":  # a committee's exchange page on its comparison tab
            window.show_page("exchange").show_tab("comparison")  # type: ignore[attr-defined]
        elif page not in ("main", "about"):
            window.show_page(page)
        image = _grab_offscreen(window, size, ctx)
        if page == "about":
            from partydesk.gui.dialogs.about import AboutDialog

            image = _dialog_on(AboutDialog(ctx.db.path, window), _dimmed(image), ctx)
        return image
    finally:
        window.deleteLater()


def _desktop(size: QSize) -> QImage:
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#3a6ea5"))  # the classic Windows desktop blue, so the dialog's edges show
    return image


def _dimmed(image: QImage) -> QImage:
    result = image.copy()
    painter = QPainter(result)
    painter.fillRect(result.rect(), QColor(0, 0, 0, 60))
    painter.end()
    return result


def _dialog_on(dialog: QDialog, background: QImage, ctx: AppContext) -> QImage:
    try:
        hint = dialog.sizeHint().expandedTo(dialog.minimumSizeHint())
        size = hint.boundedTo(background.size())
        shot = _grab_offscreen(dialog, size, ctx)
    finally:
        dialog.deleteLater()
    result = background.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(result)
    top_left = QPoint((result.width() - shot.width()) // 2, (result.height() - shot.height()) // 2)
    painter.drawImage(top_left, shot)
    painter.end()
    return result


# -- entry point ------------------------------------------------------------------------------------


def describe_backup(info: object) -> str:
    """Short text for the status bar from whatever ``Hub.backupMade`` carried (a BackupInfo)."""
    when = getattr(info, "created", info)
    if isinstance(when, datetime):
        return when.strftime("%Y-%m-%d %H:%M")
    return str(when)


def main_gui(
    db: DbHandle | Callable[[QWidget], DbHandle | None],
    *,
    lang: str | None = None,
    prepare: Callable[[AppContext], None] | None = None,
    log_dir: Path | None = None,
) -> int:
    """Run the windowed program; returns the process exit code.

    ``db`` is an open database, or an opener ``open(window) -> DbHandle | None`` called once the main
    window has painted (so the window appears before SQLAlchemy is even imported; the opener may show
    message boxes over the window and returns None to quit). First-run set-up is shown when the database
    needs it; cancelling it exits with 0 and writes nothing. ``lang`` overrides the remembered language
    for this run only. ``prepare(ctx)`` runs once the context exists, before any window: the place to add
    ``ctx.on_exit`` (backups on exit) and ``ctx.on_window`` hooks, which run when the window has its
    database. The caller owns the database and the single-instance lock; ``on_exit`` hooks run once the
    lanes have stopped, as the event loop ends (``aboutToQuit``: a Windows log-off never returns from it), or
    on the way out when it never ran. SIGTERM and SIGHUP close the windows, as closing them by hand would
    (``session_end``).
    """
    from partydesk.gui.mainwindow import MainWindow

    app = create_application(sys.argv)
    settings = make_settings()
    # An open database is never callable; an opener always is.
    opener = db if callable(db) else None
    ctx = make_context(None if callable(db) else db, settings=settings)
    if prepare is not None:
        prepare(ctx)
    install_language(app, lang or saved_language(settings), ctx.hub)
    if log_dir is None and ctx.db is not None:
        log_dir = log_dir_for(ctx.db.path)
    code = 0

    def start_error_handling() -> None:
        # After the first paint: the crash dialog's Qt classes cost start-up time and are rarely needed.
        from partydesk.gui.dialogs.crash import install_excepthook

        install_excepthook(log_dir)
        connect_error_handlers(ctx, log_dir)

    if opener is None:
        start_error_handling()

    hooks_ran = [False]

    def stop_and_run_hooks() -> None:
        """The lanes stopped and, once there is a database, the exit hooks run: once in all."""
        ctx.runner.shutdown()
        if ctx.db is not None and not hooks_ran[0]:
            hooks_ran[0] = True
            run_exit_hooks(ctx)

    # On aboutToQuit: a Windows log-off ends the process before exec() returns (``session_end``).
    at_exit, disconnect = exit_hooks_on_quit(app, stop_and_run_hooks)
    restore_signals = quit_on_terminate()
    try:
        if opener is None and not run_first_run_if_needed(ctx):
            return 0
        window = MainWindow(ctx)
        if opener is None:
            for hook in ctx.on_window:
                hook(window)
        else:
            _open_after_first_paint(window, ctx, opener, start_error_handling)
        window.show_for_screen()
        code = app.exec()
        window.deleteLater()
    finally:
        at_exit()  # when aboutToQuit never came (set-up cancelled), or came before the database was open
        restore_signals()  # (after the hooks: a signal during the backup on exit does not cut it short)
        disconnect()
    return code


class _FirstPaint(QObject):
    """Calls ``then`` once, right after the watched widget's first paint."""

    def __init__(self, then: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._then: Callable[[], None] | None = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            watched.removeEventFilter(self)
            QTimer.singleShot(0, then)  # after the paint has reached the screen
        return False


def _open_after_first_paint(window: MainWindow, ctx: AppContext,
                            opener: Callable[[QWidget], DbHandle | None], before: Callable[[], None]) -> None:
    def open_now() -> None:
        before()
        db = opener(window)
        if db is None:
            window.close()
            return
        ctx.db = db
        window.show_database_path()  # first-run set-up may follow: the status bar should not say "opening"
        if not run_first_run_if_needed(ctx, window):
            window.close()
            return
        window.attach_database()
        for hook in ctx.on_window:
            hook(window)

    # The placeholder page is what paints first; its paint means the window is on screen.
    window.opening_label.installEventFilter(_FirstPaint(open_now, window))
