"""Snoozing a to-do (暂缓): the day it comes back by default never lies past the to-do's own deadline."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from partydesk.gui import languages
from partydesk.gui.dialogs.finding_decision import FindingDecisionDialog

TODAY = date(2026, 12, 4)


@pytest.mark.parametrize(("due", "back", "said"), [
    (None, date(2027, 1, 3), False),  # no deadline: thirty days
    (date(2026, 12, 16), date(2026, 12, 9), True),  # a certificate running out: a week before it does
    (date(2026, 12, 8), date(2026, 12, 5), True),  # less than a week left: tomorrow, the earliest
    (date(2027, 3, 1), date(2027, 1, 3), True),  # far off: thirty days, well before it
    (date(2026, 11, 30), date(2027, 1, 3), False),  # already overdue: thirty days
])
def test_a_snooze_comes_back_before_the_to_do_s_deadline(qtbot: QtBot, qapp: QApplication, due: date | None,
                                                         back: date, said: bool) -> None:
    languages.install_language(qapp, "zh_CN")
    dialog = FindingDecisionDialog("袁超军的“注册安全工程师”将于2026-12-16到期", snooze=True, today=TODAY, due=due)
    qtbot.addWidget(dialog)
    dialog.reason_edit.setText("已提醒本人续证")
    assert dialog.until() == back
    assert ("期限" in dialog.explanation.text()) is said
    if said and due is not None:
        assert f"{due:%Y-%m-%d}" in dialog.explanation.text()
