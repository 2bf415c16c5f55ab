"""Which rows below the header are footers (合计, 填表人, 注：…) or empty, and which are people to check."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from partydesk.core.io.footer_rows import FOOTER_LABELS, footer_label, is_empty_row, row_text
from partydesk.core.io.raw_table import RawCell, RawRow, column_letter

MAPPING = {1: "name", 2: "id_number", 3: "phone"}
AN_ID = "11010519800304011X"


def row(*values: object) -> RawRow:
    """A data row holding ``values`` from column A on (None: an empty cell)."""
    cells = {i: RawCell(v, column_letter(i + 1)) for i, v in enumerate(values) if v is not None}  # type: ignore[arg-type]
    return RawRow(20, cells)


def test_labels_are_recognised_with_colons_spaces_and_counts() -> None:
    """合 计 / 合计：15人 / 填表人：王某 / 注：… are footers; a bare 注 or 说明 is not."""
    assert footer_label(row("合 计", "15人"), MAPPING) == "合计"
    assert footer_label(row("合计：15人"), MAPPING) == "合计"
    assert footer_label(row("填表人：王小二", None, None, "审核人："), MAPPING) == "填表人"
    assert footer_label(row("注：日期按年月日填写"), MAPPING) == "注"
    assert footer_label(row("注"), MAPPING) is None
    assert footer_label(row("说明书", "张三"), MAPPING) is None
    assert footer_label(row(None, None, None, None, "党组织负责人（签字）：", "（盖章）"), MAPPING) == "签字"


def test_a_row_with_an_id_number_is_never_a_footer() -> None:
    """Even when its first text reads like a label, a row with an ID number is a person to check."""
    assert footer_label(row("合计", "张三", AN_ID), MAPPING) is None


@given(st.sampled_from(FOOTER_LABELS), st.text(max_size=8), st.text(min_size=1, max_size=4))
def test_rows_with_an_id_number_are_people_whatever_else_they_hold(label: str, rest: str, name: str) -> None:
    """Property: a label in the first cell never turns a row with an 18-character ID number into a footer."""
    assert footer_label(row(label + "：" + rest, name, AN_ID), MAPPING) is None


def test_a_person_without_an_id_is_not_a_footer() -> None:
    """序号 then a name: no label pattern, so the row is checked (and rejected for the missing ID)."""
    assert footer_label(row(5, "赵六", None, "13800138000"), MAPPING) is None
    assert not is_empty_row(row(5, "赵六"), MAPPING)


def test_only_unmapped_cells_make_an_empty_row() -> None:
    """A pre-numbered line with only its 序号 is empty; a formula without a value in a mapped cell is not."""
    assert is_empty_row(row(7), MAPPING)
    formula = RawRow(9, {2: RawCell(None, "C", is_formula_without_value=True)})
    assert not is_empty_row(formula, MAPPING)


def test_row_text_keeps_what_was_written_and_is_cut_short() -> None:
    """The skipped-row text keeps full-width punctuation and ends in … past 40 characters."""
    assert row_text(row("填表人：", "王小二")) == "填表人： 王小二"
    assert row_text(row("注：" + "很长" * 30)).endswith("…") and len(row_text(row("注：" + "很长" * 30))) == 40
