"""Logging to a file in the data folder, scrubbed of personal data (RELIABILITY X-10).

Everything that reaches the log file, tracebacks included, passes through ``scrub``: ID numbers and
phone numbers are replaced before the text is written.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

LOG_FILE = "partydesk.log"

_D = "[0-9\uff10-\uff19]"  # ASCII or full-width digit: users paste both
_SEP = "[-\\s\u2010-\u2015\uff0d]?"  # an optional dash or space between digit groups
_PATTERNS = (
    # 18-digit citizen ID (check character X in any width or case), and the 15-digit legacy form
    re.compile(rf"(?<!{_D}){_D}{{17}}(?:{_D}|[XxＸｘ])(?!{_D})"),
    re.compile(rf"(?<!{_D}){_D}{{15}}(?!{_D})"),
    # mobile, with +86 / 0086 / 86 and any dashes or spaces people type
    re.compile(rf"(?<!{_D})(?:(?:\+|00)?86{_SEP})?1{_SEP}[3-9３-９]{_D}(?:{_SEP}{_D}){{8}}(?!{_D})"),
    # landline with area code
    re.compile(rf"(?<!{_D})0{_D}{{2,3}}{_SEP}{_D}{{7,8}}(?!{_D})"),
)


def scrub(text: str) -> str:
    """Replace ID and phone numbers with a placeholder."""
    for pattern in _PATTERNS:
        text = pattern.sub("[已隐去]", text)
    return text


class ScrubbingFormatter(logging.Formatter):
    """A formatter whose whole output, traceback included, is scrubbed."""

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


def configure_logging(log_dir: Path, *, level: int = logging.INFO) -> Path:
    """Log to ``log_dir/partydesk.log``, rotated at start-up past 1 MB (5 kept); returns the log file path.

    Rotation happens here rather than in logging.handlers, whose import (sockets, pickling) would cost
    start-up time before the window appears.
    """
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE
    _rotate(path, max_bytes=1_000_000, keep=5)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(ScrubbingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_partydesk", False)]:
        root.removeHandler(old)
        old.close()
    handler._partydesk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return path


def _rotate(path: Path, *, max_bytes: int, keep: int) -> None:
    try:
        if not path.exists() or path.stat().st_size <= max_bytes:
            return
        for n in range(keep - 1, 0, -1):
            older = path.with_name(f"{path.name}.{n}")
            if older.exists():
                older.replace(path.with_name(f"{path.name}.{n + 1}"))
        path.replace(path.with_name(f"{path.name}.1"))
    except OSError:
        pass  # a log that cannot be rotated is still appended to; never stop the program for it
