"""Item text with some characters marked (a light amber ground, bold): the conflict review shows where two
versions of a value differ. The ranges come with the item (``SPANS`` role, from ``core.domain.text_diff``);
an item without any draws as usual. Wrapped to the column like any other item, its height fits the text."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

SPANS = Qt.ItemDataRole.UserRole + 40  # list of (start, end) character ranges to mark
MARK_GROUND = QColor("#FFD75E")
_PAD = 6  # above and below the text together, as the plain items have
Index = QModelIndex | QPersistentModelIndex


class MarkedTextDelegate(QStyledItemDelegate):
    """Draws an item's text with its ``SPANS`` marked."""

    def _document(self, option: QStyleOptionViewItem, text: str, spans: list[tuple[int, int]],
                  width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(0)
        wrap = QTextOption()
        wrap.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        document.setDefaultTextOption(wrap)
        document.setPlainText(text)
        marked = QTextCharFormat()
        marked.setBackground(MARK_GROUND)
        marked.setForeground(QColor("#000000"))  # dark on the amber, selected or not
        marked.setFontWeight(QFont.Weight.Bold)
        cursor = QTextCursor(document)
        for start, end in spans:
            cursor.setPosition(max(0, min(start, len(text))))
            cursor.setPosition(max(0, min(end, len(text))), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(marked)
        document.setTextWidth(max(1, width))
        return document

    def _text_rect(self, option: QStyleOptionViewItem) -> QRect:
        style = option.widget.style() if option.widget is not None else QApplication.style()
        return style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, option.widget)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        spans = index.data(SPANS)
        if not spans:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        text, item.text = item.text, ""
        style = item.widget.style() if item.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)  # ground, selection
        area = self._text_rect(item)
        document = self._document(item, text, spans, area.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, item.palette.color(role))
        painter.save()
        painter.translate(area.topLeft())
        painter.setClipRect(QRect(0, 0, area.width(), area.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        spans = index.data(SPANS)
        hint = super().sizeHint(option, index)
        if not spans:
            return hint
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        area = self._text_rect(item)
        width = area.width() if area.width() > 0 else hint.width()
        document = self._document(item, item.text, spans, width)
        return QSize(hint.width(), max(hint.height(), int(document.size().height()) + _PAD))
