"""The mouse wheel scrolls what is under it; it never turns a drop-down or a number inside a scrolling list or
form, and turns one elsewhere only once it has the focus.

Qt's combo boxes and spin boxes (dates too) take every wheel turn over them as a new choice. In a list of
column mappings or a long form that scrolls, a user rolling the wheel to read on changes the field the
pointer happens to pass over, and nothing shows it: a 联系电话 column becomes 家庭住址. Having the focus is no
sign of intent there (a dialog gives its first field the focus). With this filter installed on the
application, a wheel turn over such a field inside a scrolling view is handed to that view, which scrolls, as
in a web browser; a field on its own (a year in a toolbar) takes it only when clicked or tabbed into.
To change a value: click it (its list scrolls with the wheel) or use the arrow keys.

An application filter sees every event: this one costs about 3.5 µs per event it lets pass (100 000 events
took 80 ms without it, 425 ms with it), a few tens of microseconds for a keystroke's handful of events.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget

GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    """An application-wide event filter (``install``)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, GUARDED):
            return False
        area = _scrolling_view(watched)
        if area is None and _focused(watched):
            return False  # a field on its own that the user is in: the wheel turns it
        if area is not None:
            assert isinstance(event, QWheelEvent)
            _scroll(area, watched, event)
        return True


def _scrolling_view(widget: QWidget) -> QAbstractScrollArea | None:
    """The nearest scrolling view (a list, a table, a scrolling form) holding ``widget``; None when none does."""
    area = widget.parentWidget()
    while area is not None and not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    return area


def _scroll(area: QAbstractScrollArea, widget: QWidget, event: QWheelEvent) -> None:
    """Give the wheel turn over ``widget`` to ``area``."""
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
