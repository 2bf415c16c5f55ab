"""``guarded``: a callback for a background result that is skipped once its widget is gone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtWidgets import QWidget


def guarded(widget: QWidget, callback: Callable[[Any], None]) -> Callable[[Any], None]:
    """``callback`` for a lane result, skipped when ``widget`` was deleted while the job ran.

    A page can be closed (or the window torn down at exit) before its load finishes; touching its
    deleted C++ widgets then would raise inside the runner's delivery and reach the crash dialog.
    """

    def call(value: Any) -> None:
        if shiboken6.isValid(widget):
            callback(value)

    return call
