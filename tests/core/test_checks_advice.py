"""The what-to-do lines of to-dos whose words only name the problem belong to real checks."""

from __future__ import annotations

from partydesk.core import checks
from partydesk.core.checks.advice import ADVICE, advice
from partydesk.core.checks.findings import CHECKS
from partydesk.core.checks.roster_status import LOST_SEEN


def test_every_advice_is_for_a_registered_check_and_ends_a_sentence() -> None:
    """A misspelt code would leave its to-do without the line, silently."""
    checks.load_all()
    # (Two codes are a check's second kind of to-do: the year's last shortfall, and a lost member seen since.)
    assert set(ADVICE) <= set(CHECKS) | {"study.unfinished", LOST_SEEN}, set(ADVICE) - set(CHECKS)
    assert all(text.endswith("。") for text in ADVICE.values())
    assert advice("member.lost_undecided") == ""  # its own words say what to do
