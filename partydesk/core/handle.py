"""The open database as callers outside the core see it: an opaque handle they pass to services.

The GUI holds a ``DbHandle`` and hands it to service functions; it never imports a storage module
(house rule 2), so it cannot open sessions or reach ORM rows. At run time the name is a plain alias
of ``object`` and this module imports nothing; for the type checker it is the storage ``Database``,
so every service that takes a database is checked against the real class without the GUI importing it.
The handful of attributes the GUI may read are listed in ``HANDLE_ATTRIBUTES`` (a test keeps the GUI
to them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from partydesk.core.storage.database import Database as DbHandle
else:
    DbHandle = object

# What a holder of the handle may read or call itself; everything else goes through a service.
HANDLE_ATTRIBUTES = frozenset({"path", "needs_setup", "changed", "damaged", "close"})

__all__ = ["HANDLE_ATTRIBUTES", "DbHandle"]
