"""Compliance checks: functions over the data that return findings (``findings.Finding``).

Each module below registers its checks with ``findings.check``; ``load_all`` imports them so the registry
is complete. Add a module's name to ``MODULES`` when it lands.
"""

from __future__ import annotations

import importlib

MODULES: list[str] = [
    "meetings",
    "study",
    "roster_status",
    "talks",
    "roster",
    "roster_migrant",
    "roster_identity",
    "exchange",
    "notices",
    "backup",
]


def load_all() -> None:
    """Import every check module so that ``findings.CHECKS`` holds all registered checks."""
    for name in MODULES:
        importlib.import_module(f"{__name__}.{name}")
