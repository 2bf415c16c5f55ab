"""The mouse wheel scrolls what is under it; it changes a drop-down or a number only once that has focus.

Qt's combo boxes and spin boxes (dates too) take every wheel turn over them as a new choice. In a list of
column mappings or a long form that scrolls, a user rolling the wheel to read on changes the field the
pointer happens to pass over, and nothing shows it: a 联系电话 column becomes 家庭住址. With this filter
installed on the application, a wheel turn over such a field that has not been clicked or tabbed into
is handed to the scrolling list or form holding it, which scrolls, as in a web browser.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget

GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    """An application-wide event filter (``install``)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, GUARDED) and not _focused(watched):
            assert isinstance(event, QWheelEvent)
            _scroll_around(watched, event)
            return True
        return False


def _scroll_around(widget: QWidget, event: QWheelEvent) -> None:
    """Give the wheel turn to the nearest scrolling view holding ``widget`` (none: it is dropped)."""
    area = widget.parentWidget()
    while area is not None and not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    if area is None:
        return
    viewport = area.viewport()
    where = QPointF(viewport.mapFromGlobal(widget.mapToGlobal(event.position().toPoint())))
    QApplication.sendEvent(viewport, QWheelEvent(
        where, event.globalPosition(), event.pixelDelta(), event.angleDelta(), event.buttons(),
        event.modifiers(), event.phase(), event.inverted()))


def _focused(widget: QWidget) -> bool:
    # A spin box's focus is on its line edit, a combo's popup list is its own window: either counts.
    focus = QApplication.focusWidget()
    return widget.hasFocus() or (focus is not None and widget.isAncestorOf(focus))


def install(app: QApplication) -> None:
    """Install the guard on ``app`` once."""
    if app.findChild(WheelGuard, "wheelGuard") is None:
        guard = WheelGuard(app)
        guard.setObjectName("wheelGuard")
        app.installEventFilter(guard)
