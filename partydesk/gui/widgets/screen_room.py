"""How much of the screen a dialog may take: the available area less its title bar, frame and the taskbar.

A 1366×768 screen with a taskbar leaves about 690 pixels for a dialog with its title bar; a dialog sized
from its contents alone (or to the whole available height) has its buttons under the taskbar or its
title bar above the screen. Dialogs size themselves with ``fit_to_screen``; ``error_label.grow_to_fit``
grows them for a message within the same ``room`` and ``keep_on_screen`` moves a grown one back on.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QStyle, QWidget

# A title bar with the window's borders, in lines of the window's font (some 30 to 40 pixels at 100 %):
# assumed wherever the window system has not said more (before the first show; the offscreen platform
# reports a 2-pixel frame).
TITLE_BAR_LINES = 3
# A taskbar or panel (about 40 pixels at 100 %) on a screen whose platform declares none: Wayland, the
# offscreen platform and some X11 desktops report the whole screen as available though a panel covers part.
PANEL_LINES = 3


def _screen(window: QWidget) -> QScreen | None:
    # A dialog not shown yet has no screen of its own: it will open over its parent, on the parent's screen.
    parent = window.parentWidget()
    if not window.isVisible() and parent is not None:
        return parent.window().screen()
    return window.screen()


def screen_area(window: QWidget) -> QRect | None:
    """Where ``window`` with its frame must stay: its screen's available area, less a panel where none is declared."""
    screen = _screen(window)
    if screen is None:
        return None
    area = screen.availableGeometry()
    if area == screen.geometry():
        area.setBottom(area.bottom() - window.fontMetrics().lineSpacing() * PANEL_LINES)
    return area


def frame_margins(window: QWidget) -> QMargins:
    """What the window system adds around ``window``: borders and a title bar, as it says or as assumed."""
    inner, outer = window.geometry(), window.frameGeometry()
    border = window.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth)
    left, right = max(inner.left() - outer.left(), border), max(outer.right() - inner.right(), border)
    bottom = max(outer.bottom() - inner.bottom(), border)
    title_bar = window.fontMetrics().lineSpacing() * TITLE_BAR_LINES
    return QMargins(left, max(inner.top() - outer.top(), title_bar - bottom), right, bottom)


def room(window: QWidget) -> QSize | None:
    """The largest size ``window`` may have and still be seen whole, title bar and buttons, on its screen."""
    area = screen_area(window)
    if area is None:
        return None
    margins = frame_margins(window)
    return area.size().shrunkBy(margins)


def fit_to_screen(window: QWidget, wanted: QSize) -> None:
    """Resize ``window`` to ``wanted``, cut down to its ``room`` (never below its minimum size)."""
    limit = room(window)
    size = wanted if limit is None else wanted.boundedTo(limit)
    window.resize(size.expandedTo(window.minimumSizeHint()).expandedTo(window.minimumSize()))


def keep_on_screen(window: QWidget) -> None:
    """Move a shown ``window`` the least distance that puts it with its frame inside ``screen_area``.

    A window taller than the area keeps its title bar on the screen (it can still be moved by it).
    """
    area = screen_area(window)
    if area is None or not window.isVisible():
        return
    outer = window.geometry().marginsAdded(frame_margins(window))
    left = max(area.left(), min(outer.left(), area.right() + 1 - outer.width()))
    top = max(area.top(), min(outer.top(), area.bottom() + 1 - outer.height()))
    if (left, top) != (outer.left(), outer.top()):
        window.move(window.pos() + QPoint(left - outer.left(), top - outer.top()))
