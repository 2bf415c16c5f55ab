"""The what-to-do lines of to-dos whose words only name the problem belong to real checks."""

from __future__ import annotations

from partydesk.core import checks
from partydesk.core.checks.advice import ADVICE, advice
from partydesk.core.checks.findings import CHECKS


def test_every_advice_is_for_a_registered_check_and_ends_a_sentence() -> None:
    """A misspelt code would leave its to-do without the line, silently."""
    checks.load_all()
    assert set(ADVICE) <= set(CHECKS) | {"study.unfinished"}, set(ADVICE) - set(CHECKS)
    assert all(text.endswith("。") for text in ADVICE.values())
    assert advice("member.lost_undecided") == ""  # its own words say what to do
