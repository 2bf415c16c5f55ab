"""What an empty list of people means in a committee's file.

A committee's file holds every branch's members, but a meeting or a study activity recorded there is the
committee's own, with its own members (often none): a branch's members' records are the branch's to make,
and arrive with its packages. A dialog whose list of people is empty says so there, instead of asking to
import members onto a roster that plainly has them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def committee_empty_roll() -> str:
    """The words for an empty list of people in a committee's file."""
    return QCoreApplication.translate(
        "OwnRoll", "Nobody is on this committee's own roll. A branch's meetings, study hours and talks are "
        "recorded by the branch and arrive with its packages.")
