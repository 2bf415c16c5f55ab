"""Large dialogs on small screens: seen whole with a title bar, their buttons above the taskbar.

Sizes are measured against a window as Windows 10 at 100 % draws it (a 31-pixel title bar, 1-pixel
borders, a 40-pixel taskbar). The offscreen platform draws no title bar and reports the whole screen as
available; the smaller screens here are its screen with other geometries reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.notice_edit import NoticeEditDialog
from tests.gui.conftest import WAIT_MS

TITLE_BAR = 31
BORDER = 1
TASKBAR = 40


def visible_area(window: QWidget) -> QRect:
    """Where a window is seen: its screen's available area, less a taskbar where the platform declares none."""
    screen = window.screen()
    area = screen.availableGeometry()
    if area == screen.geometry():
        area.setBottom(area.bottom() - TASKBAR)
    return area


def drawn_frame(window: QWidget) -> QRect:
    """The window with a title bar above it and borders around it."""
    inner = window.geometry()
    return inner.adjusted(-BORDER, -TITLE_BAR, BORDER, BORDER)


def buttons_of(dialog: QDialog) -> list[QWidget]:
    """The dialog's own buttons: its button box, or a wizard's row of buttons."""
    boxes: list[QWidget] = [box for box in dialog.findChildren(QDialogButtonBox) if box.isVisibleTo(dialog)]
    ui = getattr(dialog, "ui", None)
    wizard = [getattr(ui, name) for name in ("backButton", "nextButton", "cancelButton") if hasattr(ui, name)]
    return boxes or [button for button in wizard if button.isVisibleTo(dialog)]


def assert_fits(dialog: QDialog, area: QRect) -> None:
    """The dialog with its title bar is no taller or wider than ``area``; its buttons are inside it, not cut."""
    frame = drawn_frame(dialog)
    assert frame.height() <= area.height() and frame.width() <= area.width(), (frame, area)
    buttons = buttons_of(dialog)
    assert buttons
    for button in buttons:
        assert dialog.rect().contains(QRect(button.mapTo(dialog, QPoint(0, 0)), button.size())), button.objectName()


def assert_seen_whole(dialog: QDialog) -> None:
    """The dialog, title bar and buttons, lies inside the part of its screen that is seen."""
    area = visible_area(dialog)
    assert_fits(dialog, area)
    assert area.contains(drawn_frame(dialog)), (drawn_frame(dialog), area)
    for button in buttons_of(dialog):
        assert area.contains(QRect(button.mapToGlobal(QPoint(0, 0)), button.size())), button.objectName()


@pytest.fixture
def small_screen(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[int, int], QRect]]:
    """Make the screen report ``width`` × ``height`` with a taskbar along the bottom; returns its available area."""

    def report(width: int, height: int) -> QRect:
        available = QRect(0, 0, width, height - TASKBAR)
        monkeypatch.setattr(QScreen, "geometry", lambda _screen: QRect(0, 0, width, height))
        monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(available))
        return available

    yield report


def _member(ctx: AppContext) -> QDialog:
    from partydesk.gui.dialogs.member_edit import MemberEditDialog

    return MemberEditDialog(ctx)


def _meeting(ctx: AppContext) -> QDialog:
    from partydesk.gui.dialogs.meeting_edit import MeetingDialog

    return MeetingDialog(ctx)


def _study(ctx: AppContext) -> QDialog:
    from partydesk.gui.dialogs.study_edit import StudyEditDialog

    return StudyEditDialog(ctx, [], {})


def _talk(ctx: AppContext) -> QDialog:
    from partydesk.gui.dialogs.talk_edit import TalkEditDialog

    return TalkEditDialog(ctx)


def _notice(ctx: AppContext) -> NoticeEditDialog:
    return NoticeEditDialog(ctx, [("3301060012", "东"), ("3301060013", "西")])


def _roster_import(ctx: AppContext) -> QDialog:
    from partydesk.gui.dialogs.import_wizard import ImportWizard

    return ImportWizard(ctx)


DIALOGS = {"member": _member, "meeting": _meeting, "study": _study, "talk": _talk, "notice": _notice,
           "roster_import": _roster_import}


@pytest.mark.parametrize("make", DIALOGS.values(), ids=DIALOGS.keys())
def test_large_dialogs_open_within_a_1366x768_screen_at_150_percent(
        qtbot: QtBot, ctx: AppContext, small_screen: Callable[[int, int], QRect],
        make: Callable[[AppContext], QDialog]) -> None:
    """At 150 % a 1366×768 screen is 911×512: each large dialog opens with its title bar inside the 472 pixels
    above the taskbar, its buttons in view (its lists and text boxes scroll instead)."""
    area = small_screen(911, 512)
    dialog = make(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert ctx.runner.wait_idle(WAIT_MS)
    QApplication.processEvents()
    assert_fits(dialog, area)
    dialog.close()


def test_a_message_does_not_grow_a_form_past_the_screen(
        qtbot: QtBot, ctx: AppContext, small_screen: Callable[[int, int], QRect]) -> None:
    """The notice form on a 1366×768 screen at 125 % (1093×614): a wrong deadline's message makes it no taller
    than the screen above the taskbar with its title bar (it used to grow to the whole available height)."""
    area = small_screen(1093, 614)
    dialog = _notice(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert_fits(dialog, area)
    dialog.deadline.setText("2026-02-30")
    assert not dialog.deadline.check() and dialog.ui.errorLabel.isVisibleTo(dialog)
    QApplication.processEvents()
    assert_fits(dialog, area)
    dialog.close()
