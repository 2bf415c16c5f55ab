"""Crash dialog and excepthook: bugs are logged and shown without personal data; KnownErrors are messages."""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from partydesk.core.errors import DiskFullError
from partydesk.gui.dialogs import crash
from partydesk.gui.dialogs.crash import CrashDialog, CrashReporter, crash_details, install_excepthook

# What a bug's message could carry: a name, an ID number and a phone number from the roster.
PERSONAL = "张三 110101199003077777 13800138000"


def _inner(secret: str) -> None:
    raise ValueError(f"bad row: {secret}")


def _outer(secret: str) -> None:
    try:
        _inner(secret)
    except ValueError as exc:
        raise RuntimeError(f"import failed for {secret}") from exc


def _caught() -> tuple[type[BaseException], BaseException, TracebackType | None]:
    try:
        _outer(PERSONAL)
    except RuntimeError as exc:
        return type(exc), exc, exc.__traceback__
    raise AssertionError("unreachable")


def test_details_name_types_and_frames_but_not_messages() -> None:
    """The report has exception types and file:line:function frames, never the messages."""
    details = crash_details(*_caught())
    assert "RuntimeError" in details and "caused by: ValueError" in details
    assert str(Path(__file__).resolve().parent) not in details, "no absolute paths (they name the user)"
    assert "test_crash.py:" in details and ":_inner" in details and ":_outer" in details
    for secret in PERSONAL.split():
        assert secret not in details
    assert str(Path.home()) not in details


def test_dialog_shows_the_log_path_and_copies_the_details(qtbot: QtBot, app: QApplication, tmp_path: Path) -> None:
    """The dialog names the log file; Copy details puts exactly the report on the clipboard."""
    details = crash_details(*_caught())
    dialog = CrashDialog(details, tmp_path / "crash.log")
    qtbot.addWidget(dialog)
    assert str(tmp_path / "crash.log") in dialog.ui.logLabel.text()
    assert dialog.ui.detailsEdit.toPlainText() == details
    dialog.ui.copyButton.click()
    assert QApplication.clipboard().text() == details


def test_reporter_logs_the_bug_and_shows_the_dialog(
    monkeypatch: pytest.MonkeyPatch, app: QApplication, tmp_path: Path,
) -> None:
    """A bug is appended to logs/crash.log (without its message) and the crash dialog opens."""
    shown: list[str] = []
    monkeypatch.setattr(CrashDialog, "exec", lambda self: shown.append(self.details_text()) or 0)
    CrashReporter(tmp_path / "logs").report(*_caught())
    log_text = (tmp_path / "logs" / crash.CRASH_LOG).read_text(encoding="utf-8")
    assert "RuntimeError" in log_text and "张三" not in log_text
    assert len(shown) == 1 and "RuntimeError" in shown[0]


def test_known_error_reaching_the_hook_is_a_message_not_a_crash(
    monkeypatch: pytest.MonkeyPatch, app: QApplication, tmp_path: Path,
) -> None:
    """A KnownError (disk full) that escapes to the top gets its Chinese message, no crash log."""
    messages: list[str] = []
    monkeypatch.setattr(crash, "show_known_error", lambda error, parent=None: messages.append(error.message))
    error = DiskFullError("磁盘空间已满，本次修改没有保存。")
    CrashReporter(tmp_path).report(type(error), error, None)
    assert messages == ["磁盘空间已满，本次修改没有保存。"]
    assert not (tmp_path / crash.CRASH_LOG).exists()


def test_install_excepthook_replaces_and_returns_the_previous_hook(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    """install_excepthook sets sys.excepthook and hands back the old one for restoring."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    before = sys.excepthook
    previous = install_excepthook(tmp_path)
    assert previous is before
    assert sys.excepthook is not before
