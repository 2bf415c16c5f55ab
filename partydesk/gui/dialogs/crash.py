"""The crash dialog: what a user sees when a real bug (not a KnownError) reaches the top.

House rule 6: it never shows personal data. The details (shown, logged and copied) hold the program and
platform versions, the exception *type* and the traceback frames as ``file:line:function`` — never the
exception message or local values, which can carry names, ID numbers or phone numbers from the roster.
"""

from __future__ import annotations

import datetime as _dt
import logging
import platform
import sqlite3
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import QCoreApplication, QEvent, QTimer, qVersion
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QStyle, QWidget

import partydesk
from partydesk.core.errors import KnownError

log = logging.getLogger(__name__)

CRASH_LOG = "crash.log"
ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]
# Chained exceptions are followed this deep; a cycle or a pathological chain must not hang the hook.
_MAX_CHAIN = 5


# The folder holding the ``partydesk`` package (the source tree, or the bundle's _internal folder).
_CODE_ROOT = Path(partydesk.__file__).resolve().parent.parent


def _short_path(filename: str) -> str:
    """A frame's file relative to our code or to site-packages, else its bare name.

    The folders above those can contain the Windows user name, which is personal data.
    """
    path = Path(filename)
    if path.is_absolute():  # "<frozen os>" and the like are not files; resolve() would anchor them here
        try:
            return path.resolve().relative_to(_CODE_ROOT).as_posix()
        except (ValueError, OSError):
            pass
    parts = path.parts
    if "site-packages" in parts:
        return "/".join(parts[len(parts) - parts[::-1].index("site-packages"):])
    return path.name


def _frames(tb: TracebackType | None) -> list[str]:
    return [f"  {_short_path(f.filename)}:{f.lineno}:{f.name}" for f in traceback.extract_tb(tb)]


def _type_name(exc_type: type[BaseException]) -> str:
    module = exc_type.__module__
    return exc_type.__qualname__ if module == "builtins" else f"{module}.{exc_type.__qualname__}"


def crash_details(exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None) -> str:
    """The copyable report: versions, exception types and frames, but no messages or values."""
    lines = [
        f"partydesk {partydesk.__version__}",
        f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {PYSIDE_VERSION}, "
        f"SQLite {sqlite3.sqlite_version}",
        f"{platform.system()} {platform.release()} ({platform.machine()})",
        "",
    ]
    chain: list[tuple[type[BaseException], TracebackType | None, str]] = [(exc_type, tb, "")]
    seen = {id(exc)}
    current = exc
    while current is not None and len(chain) < _MAX_CHAIN:
        cause = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
        if cause is None or id(cause) in seen:
            break
        seen.add(id(cause))
        how = "caused by" if current.__cause__ is not None else "while handling"
        chain.append((type(cause), cause.__traceback__, how))
        current = cause
    for kind, frames_tb, how in chain:
        lines.append(f"{how}: {_type_name(kind)}" if how else _type_name(kind))
        lines.extend(_frames(frames_tb))
    return "\n".join(lines)


def write_crash_log(log_dir: Path, details: str) -> Path | None:
    """Append ``details`` to the crash log in ``log_dir``; None when it cannot be written (full disk...)."""
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        path = log_dir / CRASH_LOG
        stamp = _dt.datetime.now().isoformat(timespec="seconds")
        with path.open("a", encoding="utf-8") as handle:
            handle.write(f"=== {stamp}\n{details}\n\n")
        return path
    except OSError:
        log.warning("could not write the crash log in %s", log_dir)
        return None


class CrashDialog(QDialog):
    """A Chinese apology, where the log is, the sanitized details and a button to copy them."""

    def __init__(self, details: str, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from partydesk.gui.forms.ui_crash import Ui_CrashDialog  # loaded on the first crash only

        self.ui = Ui_CrashDialog()
        self.ui.setupUi(self)
        self._details = details
        self._log_path = log_path
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        self.ui.iconLabel.setPixmap(icon.pixmap(size, size))
        heading = self.ui.headingLabel.font()
        heading.setBold(True)
        heading.setPointSizeF(heading.pointSizeF() * 1.2)
        self.ui.headingLabel.setFont(heading)
        self.ui.detailsEdit.setPlainText(details)
        # Room for the frames without fixed pixels: about 90 columns by 12 lines of the text font.
        metrics = self.ui.detailsEdit.fontMetrics()
        self.ui.detailsEdit.setMinimumSize(metrics.averageCharWidth() * 60, metrics.lineSpacing() * 8)
        self.resize(metrics.averageCharWidth() * 90, metrics.lineSpacing() * 26)
        self.ui.copyButton.clicked.connect(self.copy_details)
        self._fill_texts()

    def details_text(self) -> str:
        """What "copy details" puts on the clipboard."""
        return self._details

    def copy_details(self) -> None:
        """Put the details on the clipboard and say so."""
        QApplication.clipboard().setText(self._details)
        self.ui.copiedLabel.setText(self.tr("Copied."))
        QTimer.singleShot(4000, self.ui.copiedLabel.clear)

    def _fill_texts(self) -> None:
        if self._log_path is not None:
            self.ui.logLabel.setText(self.tr("Log file: {path}").format(path=self._log_path))
        else:
            self.ui.logLabel.setText(self.tr("The log file could not be written."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._fill_texts()
        super().changeEvent(event)


class CrashReporter:
    """Logs a bug and shows the crash dialog; KnownErrors that escape get a plain message instead."""

    def __init__(self, log_dir: Path | None) -> None:
        self.log_dir = log_dir
        # One dialog at a time: a bug inside a paint handler would otherwise stack dialogs forever.
        self._showing = False

    def report(self, exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None) -> None:
        """Handle one uncaught exception (from sys.excepthook or TaskRunner.crashed)."""
        if isinstance(exc, KnownError):
            show_known_error(exc)
            return
        details = crash_details(exc_type, exc, tb)
        log.critical("Unhandled error\n%s", details)
        path = write_crash_log(self.log_dir, details) if self.log_dir is not None else None
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            dialog = CrashDialog(details, path, QApplication.activeWindow())
            dialog.exec()
            dialog.deleteLater()
        finally:
            self._showing = False


def show_known_error(error: KnownError, parent: QWidget | None = None) -> None:
    """A KnownError as a warning box with its Chinese message (not a crash: the user can act on it)."""
    if QApplication.instance() is None:
        return
    title = QCoreApplication.translate("CrashDialog", "Could not finish")
    QMessageBox.warning(parent or QApplication.activeWindow(), title, error.message)


def install_excepthook(log_dir: Path | None) -> Callable[..., None]:
    """Route uncaught exceptions (including those raised in Qt slots) to a CrashReporter.

    Returns the previous hook so a caller (a test) can restore it. Ctrl+C keeps its default behaviour.
    """
    previous = sys.excepthook
    reporter = CrashReporter(log_dir)

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        try:
            reporter.report(exc_type, exc, tb)
        except Exception:  # the hook must never raise: fall back to the default printout
            previous(exc_type, exc, tb)

    sys.excepthook = hook
    return previous
