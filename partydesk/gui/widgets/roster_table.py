"""The roster's table view: its fixed settings and its column widths, kept out of the members page.

Uniform row heights (a fixed vertical header never measures 100 000 rows), whole-row extended selection
(several cards print together), no editing, Tab leaving the table, sorting on but no indicator until a
header is clicked (the roster arrives in pinyin order), and widths from the font and the header titles.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from partydesk.gui.models.roster_model import COLUMNS, RosterModel


def roster_table(parent: QWidget, model: RosterModel, row_height: int) -> QTableView:
    """A table over ``model`` set up as the roster wants it."""
    view = QTableView(parent)
    view.setObjectName("rosterView")
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setCornerButtonEnabled(False)
    view.setTabKeyNavigation(False)
    vertical = view.verticalHeader()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(row_height)
    vertical.hide()
    header = view.horizontalHeader()
    header.setSectionsMovable(False)
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    model.modelReset.connect(lambda: fit_names(view, model, view.fontMetrics().horizontalAdvance("汉")))
    model.modelReset.connect(lambda: fit_branches(view, model, view.fontMetrics().horizontalAdvance("汉")))
    return view


def size_columns(view: QTableView, model: RosterModel, cjk: int) -> None:
    """Column widths from the font (``cjk`` = the width of one Chinese character) and the header titles.

    Never resizeColumnsToContents (house rule for big tables): a column is as wide as its usual data in
    Chinese characters, or as its title ("Membership status") when that is wider.
    """
    header = view.horizontalHeader()
    title_metrics = header.fontMetrics()
    for number, column in enumerate(COLUMNS):
        title = str(model.headerData(number, Qt.Orientation.Horizontal) or "")
        # Two characters more than the title: the padding and the sort arrow.
        title_width = title_metrics.horizontalAdvance(title) + cjk * 2
        header.resizeSection(number, max(cjk * column.width + cjk, title_width))


NAME_CHARS_MAX = 12  # a 姓名 column wider than this leaves the rest to its tooltip


def fit_names(view: QTableView, model: RosterModel, cjk: int) -> None:
    """The 姓名 column widened to the longest name on the roll (阿卜杜热合曼·买买提), up to ``NAME_CHARS_MAX``
    characters: counted, not measured, so a roll of 100 000 costs one pass over the names. Never narrowed:
    a width the office dragged wider stays."""
    number = COLUMNS.index(next(c for c in COLUMNS if c.id == "name"))
    longest = max((len(row.name) for row in model.all_rows()), default=0)
    wanted = cjk * min(longest, NAME_CHARS_MAX) + cjk
    header = view.horizontalHeader()
    if wanted > header.sectionSize(number):
        header.resizeSection(number, wanted)


BRANCH_CHARS_MAX = 16  # a 所在支部 column wider than this leaves the rest to its tooltip


def fit_branches(view: QTableView, model: RosterModel, cjk: int) -> None:
    """In a committee's file, the 所在支部 column widened to the longest branch name shown there, with room for
    the (重复) mark when someone is on two rolls, up to ``BRANCH_CHARS_MAX`` characters: 实验中学党支部 was cut to
    实验中学… behind the mark. Never narrowed, as ``fit_names``."""
    names = model.formatter.branch_names.values()
    if not model.branches.multi or not names:
        return
    mark = len(QCoreApplication.translate("RosterModel", "(duplicate) ")) if model.shared else 0
    wanted = cjk * min(max(map(len, names)) + mark, BRANCH_CHARS_MAX) + cjk
    number = COLUMNS.index(next(c for c in COLUMNS if c.id == "branch"))
    header = view.horizontalHeader()
    if wanted > header.sectionSize(number):
        header.resizeSection(number, wanted)
