"""Every table model passes Qt's model tester; the rules model groups, marks and guards its rows."""

from __future__ import annotations

import dataclasses
import random

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from partydesk.core.services.rules import list_rules
from partydesk.gui.context import AppContext
from partydesk.gui.models.rules_model import COL_CATEGORY, COL_DEFAULT, COL_LABEL, COL_VALUE, RuleRole, RulesModel


def test_empty_rules_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    """An empty model (before the first load) is a valid model."""
    qtmodeltester.check(RulesModel())


def test_rules_model_passes_the_model_tester(qtmodeltester: ModelTester, ctx: AppContext) -> None:
    """The model over every rule, including a reload, is a valid model."""
    model = RulesModel()
    qtmodeltester.check(model)
    model.set_rules(list_rules(ctx.db))
    qtmodeltester.check(model)


def test_rows_are_grouped_by_category_in_first_seen_order(ctx: AppContext) -> None:
    """Shuffled rules come out grouped; only the first row of a group names the category."""
    rules = list_rules(ctx.db)
    shuffled = rules[:]
    random.Random(7).shuffle(shuffled)
    model = RulesModel()
    model.set_rules(shuffled)
    categories = [model.rule_at(row).category for row in range(model.rowCount())]  # type: ignore[union-attr]
    groups = [c for i, c in enumerate(categories) if i == 0 or categories[i - 1] != c]
    assert len(groups) == len(set(categories)), "each category forms one block"
    shown = [model.index(row, COL_CATEGORY).data() for row in range(model.rowCount())]
    assert [s for s in shown if s] == groups


def test_rows_that_differ_from_the_default_are_bold(ctx: AppContext) -> None:
    """Bold marks exactly the rules whose value is not the national default."""
    rules = list_rules(ctx.db)
    changed = dataclasses.replace(rules[0], value=rules[0].default + 1)
    model = RulesModel()
    model.set_rules([changed, *rules[1:]])
    row = model.row_of(changed.key)
    assert model.index(row, COL_LABEL).data(Qt.ItemDataRole.FontRole).bold()
    other = model.row_of(rules[1].key)
    assert model.index(other, COL_LABEL).data(Qt.ItemDataRole.FontRole) is None
    assert model.index(row, COL_DEFAULT).data() == str(changed.default)


def test_only_the_current_value_is_editable_within_its_range(ctx: AppContext) -> None:
    """setData accepts an in-range integer for the value column only, and reports it with valueEdited."""
    model = RulesModel()
    model.set_rules(list_rules(ctx.db))
    row = model.row_of("meeting.general.months")
    value = model.index(row, COL_VALUE)
    assert not model.flags(model.index(row, COL_LABEL)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(value) & Qt.ItemFlag.ItemIsEditable
    edits: list[tuple[str, int]] = []
    model.valueEdited.connect(lambda key, number: edits.append((key, number)))
    assert not model.setData(value, 0)
    assert not model.setData(value, 13)
    assert not model.setData(value, "many")
    assert not model.setData(model.index(row, COL_LABEL), "x")
    assert model.setData(value, 6)
    assert edits == [("meeting.general.months", 6)]
    assert model.index(row, COL_VALUE).data(RuleRole).value == 6


def test_a_fixed_rule_is_not_editable(ctx: AppContext) -> None:
    """The 12-month probation (minimum = maximum) cannot be edited."""
    model = RulesModel()
    model.set_rules(list_rules(ctx.db))
    index = model.index(model.row_of("probation.months"), COL_VALUE)
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(index, 12)
