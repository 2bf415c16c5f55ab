"""The branch filter: hidden with one organisation, 全部支部 then own then branches with several, the choice
kept across a refill and announced only when it changes."""

from __future__ import annotations

from typing import Any

from partydesk.core.services.branches import Branch, Branches
from partydesk.gui.widgets.branch_filter import BranchFilter

ONE = Branches((Branch("o0", "1000", "街道党委", own=True),))
THREE = Branches((Branch("o0", "1000", "街道党委", own=True), Branch("o1", "1001", "第一支部"),
                  Branch("o2", "1002", "第二支部")))


def test_one_organisation_hides_the_filter(qtbot: Any) -> None:
    """A branch's own file shows no branch filter."""
    widget = BranchFilter()
    qtbot.addWidget(widget)
    widget.show()
    widget.set_branches(ONE)
    assert not widget.isVisible()
    widget.set_branches(THREE)
    assert widget.isVisible()


def test_all_branches_first_then_each_branch(qtbot: Any) -> None:
    """Items: 全部支部 (None) and each organisation id, own first."""
    widget = BranchFilter()
    qtbot.addWidget(widget)
    widget.set_branches(THREE)
    data = [widget.combo.itemData(i) for i in range(widget.combo.count())]
    assert data == [None, "o0", "o1", "o2"]
    assert widget.current() is None


def test_the_choice_survives_a_refill_and_signals_only_on_change(qtbot: Any) -> None:
    """Choosing emits the org id; refilling with the same branches keeps it without a signal."""
    widget = BranchFilter()
    qtbot.addWidget(widget)
    widget.set_branches(THREE)
    seen: list[object] = []
    widget.branchChanged.connect(seen.append)
    assert widget.set_current("o2")
    widget.set_branches(THREE)
    assert widget.current() == "o2" and seen == ["o2"]
    widget.set_branches(ONE)  # the branch is gone: back to 全部支部, announced
    assert widget.current() is None and seen == ["o2", None]


def test_without_all_branches_it_prefers_the_given_one(qtbot: Any) -> None:
    """The year calendar has no 全部: it starts on the preferred organisation (the committee's own)."""
    widget = BranchFilter(include_all=False)
    qtbot.addWidget(widget)
    widget.set_branches(THREE, prefer="o1")
    assert widget.current() == "o1"
    assert widget.combo.count() == 3
