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
    (None, date(2027, 1, 3), ""),  # no deadline: thirty days
    (date(2026, 12, 16), date(2026, 12, 9), "一周"),  # a certificate running out: a week before it does
    (date(2026, 12, 8), date(2026, 12, 5), "明天"),  # less than a week left: tomorrow, the earliest
    (TODAY, date(2026, 12, 5), "明天"),  # due today: tomorrow all the same (never a month after)
    (date(2027, 3, 1), date(2027, 1, 3), ""),  # far off: thirty days, well before it, nothing to say
    (date(2026, 11, 30), date(2027, 1, 3), ""),  # already overdue: thirty days
])
def test_a_snooze_comes_back_before_the_to_do_s_deadline(qtbot: QtBot, qapp: QApplication, due: date | None,
                                                         back: date, said: str) -> None:
    languages.install_language(qapp, "zh_CN")
    dialog = FindingDecisionDialog("袁超军的“注册安全工程师”将于2026-12-16到期", snooze=True, today=TODAY, due=due)
    qtbot.addWidget(dialog)
    dialog.reason_edit.setText("已提醒本人续证")
    assert dialog.until() == back
    text = dialog.explanation.text()
    assert ("期限" in text) is bool(said)
    if said and due is not None:
        assert f"{due:%Y-%m-%d}" in text and said in text


def test_a_dismissal_says_nothing_of_coming_back(qtbot: QtBot, qapp: QApplication) -> None:
    """忽略 is for good: no word of a day it comes back, whatever its deadline."""
    languages.install_language(qapp, "zh_CN")
    dialog = FindingDecisionDialog("2026年11月未召开支部委员会会议", snooze=False, today=TODAY,
                                   due=date(2026, 12, 20))
    qtbot.addWidget(dialog)
    assert "期限" not in dialog.explanation.text() and "重新提醒" not in dialog.explanation.text()
