"""DESIGN.md canary: PySide6 must not leak references to None on void calls.

PySide6 6.12.0 on Python 3.11 drops a reference to None on every call returning void and aborts the
process after about 5 000 calls; this test keeps such a release from being adopted unnoticed.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

CALLS = 10_000
# Unrelated code may free a few references to None while the loop runs; the bug loses one per call.
SLACK = 100


def test_ten_thousand_void_calls_do_not_lower_the_refcount_of_none(qtbot: QtBot) -> None:
    """10 000 QLabel.setText calls leave sys.getrefcount(None) where it was."""
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for i in range(CALLS):
        label.setText(str(i))
    after = sys.getrefcount(None)
    assert after >= before - SLACK, f"None lost {before - after} references in {CALLS} void calls"
