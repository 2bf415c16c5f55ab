"""应谈话党员 in a committee's file: a 支部 column after the name (short name, full name as tooltip), so a
secretary sees which branch records each member's talk; in a branch's own file no such column."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from partydesk.core.services.talks import TalkDue
from partydesk.gui.pages.talks_due import TalksDueView

TODAY = date(2026, 11, 30)


def headers(view: TalksDueView) -> list[str]:
    model = view.list.model
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_the_branch_column_shows_only_in_a_file_of_several_branches(qtbot: QtBot, tmp_path: Path) -> None:
    view = TalksDueView()
    qtbot.addWidget(view)
    own = [TalkDue("m1", "王建国", "第一党小组", None, None)]
    view.set_due(12, own, TODAY)
    assert "Branch" not in headers(view)
    several = [TalkDue("m1", "王建国", "第一党小组", None, None, "幸福一支", "中共幸福社区第一支部委员会"),
               TalkDue("m2", "李芳", "第一党小组", date(2026, 3, 1), date(2027, 3, 1), "幸福二支",
                       "中共幸福社区第二支部委员会")]
    view.set_due(12, several, TODAY)
    assert headers(view)[:2] == ["Name", "Branch"]
    model = view.list.model
    view.scope.setCurrentIndex(1)  # everyone on the roll
    cells = {model.index(r, 0).data(): (model.index(r, 1).data(), model.index(r, 1).data(Qt.ItemDataRole.ToolTipRole))
             for r in range(model.rowCount())}
    assert cells["李芳"] == ("幸福二支", "中共幸福社区第二支部委员会")
    view.resize(900, 300)
    view.grab().save(str(tmp_path / "due.png"))
    view.set_due(12, own, TODAY)
    assert "Branch" not in headers(view)
