"""The 姓名 header's menu on the roster: order names by pinyin or by surname strokes (按姓氏笔画).

Official lists are often ordered by surname strokes, everyday work by pinyin; choosing an order sorts the
roster by name at once. The column chooser follows as a submenu, so the header's menu keeps offering it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QTableView, QWidget

from partydesk.gui.models.roster_model import RosterModel, column_index


def name_order_menu(parent: QWidget, model: RosterModel, view: QTableView, columns: QMenu) -> QMenu:
    """A new menu (deleted when closed) with the two name orders, the one in effect ticked."""
    menu = QMenu(parent)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    group = QActionGroup(menu)
    by_pinyin = QAction(QCoreApplication.translate("NameOrder", "Sort names by pinyin"), menu)
    by_strokes = QAction(QCoreApplication.translate("NameOrder", "Sort names by surname strokes"), menu)
    for action, strokes in ((by_pinyin, False), (by_strokes, True)):
        action.setCheckable(True)
        action.setChecked(model.name_by_strokes == strokes)
        group.addAction(action)
        menu.addAction(action)
        action.triggered.connect(lambda _on=False, strokes=strokes: _choose(model, view, strokes))
    menu.addSeparator()
    submenu = menu.addMenu(columns.title() or QCoreApplication.translate("NameOrder", "Columns"))
    for action in columns.actions():
        submenu.addAction(action)
    return menu


def _choose(model: RosterModel, view: QTableView, strokes: bool) -> None:
    model.set_name_by_strokes(strokes)
    view.sortByColumn(column_index("name"), Qt.SortOrder.AscendingOrder)
