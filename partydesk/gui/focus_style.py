"""Where the keyboard is, plainly: Fusion with a clear focus ring on buttons, ticks, choice boxes and lists.

Fusion marks the focused button with the same thin blue frame as the default button (the one Enter presses), a
focused choice box faintly, and a focused table not at all (only its header's text turns bold): someone working
with Tab could not tell where the next key goes. The style draws a ring of its own, two pixels in a darker blue,
inside the focused control.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QAbstractItemView, QProxyStyle, QStyle, QStyleOption, QStyleOptionComplex, QWidget

#: The ring's colour: darker than Fusion's highlight (the default button's frame), 4.5:1 on the window background.
FOCUS_COLOUR = QColor("#1a4f8b")
RING = 2


def _ring(painter: QPainter, rect: QRectF) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(FOCUS_COLOUR, RING))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = RING / 2
    painter.drawRoundedRect(rect.adjusted(half, half, -half, -half), 2, 2)
    painter.restore()


_RINGED_CONTROLS = (QStyle.ControlElement.CE_PushButton, QStyle.ControlElement.CE_CheckBox,
                    QStyle.ControlElement.CE_RadioButton)
_AROUND = {QStyle.ControlElement.CE_CheckBox: QStyle.SubElement.SE_CheckBoxClickRect,
           QStyle.ControlElement.CE_RadioButton: QStyle.SubElement.SE_RadioButtonClickRect}


class FocusStyle(QProxyStyle):
    """Fusion (or the style given) with the focus ring drawn on push buttons, check boxes, radio buttons, combo boxes
    and item views."""

    def drawControl(self, element: QStyle.ControlElement, option: QStyleOption, painter: QPainter,
                    widget: QWidget | None = None) -> None:
        super().drawControl(element, option, painter, widget)
        if element in _RINGED_CONTROLS and option.state & QStyle.StateFlag.State_HasFocus:
            around = _AROUND.get(element)  # a tick: its box and its words, not the whole stretched row
            rect = option.rect if around is None or widget is None else \
                self.subElementRect(around, option, widget).adjusted(-2, -1, 3, 1).intersected(option.rect)
            _ring(painter, QRectF(rect))

    def drawComplexControl(self, control: QStyle.ComplexControl, option: QStyleOptionComplex, painter: QPainter,
                           widget: QWidget | None = None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control == QStyle.ComplexControl.CC_ComboBox and option.state & QStyle.StateFlag.State_HasFocus:
            _ring(painter, QRectF(option.rect))

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,
                    widget: QWidget | None = None) -> int:
        found = super().pixelMetric(metric, option, widget)
        if metric == QStyle.PixelMetric.PM_DefaultFrameWidth and isinstance(widget, QAbstractItemView):
            return max(found, RING)  # room for the whole ring around a list (its rows would cover half of it)
        return found

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
                      widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element == QStyle.PrimitiveElement.PE_Frame and isinstance(widget, QAbstractItemView) \
                and widget.hasFocus():
            _ring(painter, QRectF(option.rect))
