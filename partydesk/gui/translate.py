"""``QT_TRANSLATE_NOOP`` typed as returning ``str`` (PySide6's stub says ``object``).

lupdate finds marked strings by this very name, so modules import it from here under the same name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    def QT_TRANSLATE_NOOP(context: str, source: str, /) -> str:
        """Mark ``source`` for translation in ``context``; returns it unchanged."""
        ...
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

__all__ = ["QT_TRANSLATE_NOOP"]
