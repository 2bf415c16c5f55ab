"""The choices of the roster's facet filters (人员类别, 党小组, 党籍状态, 失联, 流动, 在册), in the interface
language: the fixed ones from the code tables, the 党小组 ones from the groups in the data (of the chosen
branch in a committee's file), with （未编入党小组） while some member is in none. The texts keep the
members page's translation context."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from partydesk.core.domain import codes
from partydesk.gui.widgets.combo import refill

if TYPE_CHECKING:
    from partydesk.gui.pages.members import MembersPage


translate = QCoreApplication.translate  # by this name, with the context spelled out, lupdate finds the texts


def fill_fixed(page: MembersPage) -> None:
    """Every facet's "All" and the fixed choices, in the interface language."""
    everyone = translate("MembersPage", "All")
    fixed: list[tuple[QComboBox, list[tuple[object, str]]]] = [
        (page.category_combo, list(codes.MEMBER_CATEGORY.items())),
        (page.status_combo, list(codes.MEMBERSHIP_STATUS.items())),
        (page.lost_combo, [(True, translate("MembersPage", "Lost contact")),
                           (False, translate("MembersPage", "In contact"))]),
        (page.migrant_combo, [(True, translate("MembersPage", "Migrant")),
                              (False, translate("MembersPage", "Not migrant"))]),
        (page.roll_combo, [(True, translate("MembersPage", "On the roll")),
                           (False, translate("MembersPage", "Left the roll"))]),
    ]
    for combo, items in fixed:
        refill(combo, everyone, items)
    if page.group_combo.count() == 0:
        page.group_combo.addItem(everyone, None)
    else:
        page.group_combo.setItemText(0, everyone)


def fill_groups(page: MembersPage) -> None:
    """The 党小组 choices: the groups of the chosen branch (all of them for 全部支部), then （未编入党小组）
    while a member on the roll is in none; the choice made stays when it still exists."""
    combo = page.group_combo
    current = combo.currentData()
    org_id = page.branches.org_id()
    groups = page.model.party_groups(org_id)  # the chosen branch's groups only
    if any(not r.party_group for r in page.model.all_rows() if r.in_branch and org_id in (None, r.org_id)):
        groups.append("")  # members in no group yet, to be placed in one
    if [combo.itemData(i) for i in range(1, combo.count())] == groups:
        return
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    for group in groups:
        combo.addItem(group or translate("MembersPage", "(In no party group)"), group)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
    if current is not None and index < 0:
        page.apply_filter()  # the chosen group no longer exists


def reset(page: MembersPage) -> None:
    """Every filter back to what the roster opens with: no search, each facet "All" but the roll (在册), not
    within a workbench bar's members. The caller filters again."""
    page.model.only = None
    page.branches.clear()
    for combo in page._facet_combos():
        combo.blockSignals(True)
        combo.setCurrentIndex(0)
        combo.blockSignals(False)
    page._roll_default()
    page.search_edit.blockSignals(True)
    page.search_edit.clear()
    page.search_edit.blockSignals(False)


def scope_words(page: MembersPage) -> str:
    """What the roster list is narrowed to, in the words its filters show: "第一党小组、预备党员", a workbench bar's
    label, a branch, the search "搜索“张”" ("" for the roll as it opens). For the title of the part exported."""
    words = [page._only_label] if page.model.only is not None and page._only_label else []
    chosen = page.branches.chosen_total()
    if chosen is not None:
        words.append(chosen[0])
    for combo in page._facet_combos():
        default = combo.findData(True) if combo is page.roll_combo else 0
        if combo.currentIndex() not in (default, -1):
            words.append(combo.currentText())
    searched = page.search_edit.text().strip()
    if searched:
        words.append(translate("MembersPage", "search “{text}”").format(text=searched))
    return "、".join(words)
