"""The settings rule table has a source column: where each default comes from, 各地做法 for local numbers."""

from __future__ import annotations

from PySide6.QtCore import Qt

from partydesk.core.domain.rules import LOCAL, SOURCE_TITLES
from partydesk.core.services.rules import list_rules
from partydesk.gui.context import AppContext
from partydesk.gui.models.rules_model import COL_DEFAULT, COL_SOURCE, RulesModel


def test_source_column_names_the_document_or_local_practice(ctx: AppContext) -> None:
    """党章 for the probation, 各地做法 for 公示期; the tooltip gives the document's full title."""
    model = RulesModel()
    model.set_rules(list_rules(ctx.db))
    probation = model.index(model.row_of("probation.months"), COL_SOURCE)
    publicity = model.index(model.row_of("recruit.publicity.days"), COL_SOURCE)
    assert probation.data() == "党章"
    assert probation.data(Qt.ItemDataRole.ToolTipRole) == "《中国共产党章程》"
    assert publicity.data() == LOCAL
    assert publicity.data(Qt.ItemDataRole.ToolTipRole) == SOURCE_TITLES[LOCAL]
    assert all(model.index(r, COL_SOURCE).data() in SOURCE_TITLES for r in range(model.rowCount()))


def test_default_column_is_not_called_national(ctx: AppContext) -> None:
    """Local rules have defaults too, so the column is "默认值", not "全国默认值"."""
    model = RulesModel()
    assert model.headerData(COL_DEFAULT, Qt.Orientation.Horizontal) == "默认值"
    assert model.headerData(COL_SOURCE, Qt.Orientation.Horizontal) == "依据"
