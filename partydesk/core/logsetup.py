"""Logging to a file in the data folder, scrubbed of personal data (RELIABILITY X-10).

Everything that reaches the log file, tracebacks included, passes through ``scrub``: ID numbers and
phone numbers are replaced before the text is written.
"""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler
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
    """Log to ``log_dir/partydesk.log`` (rotating, 1 MB × 5); returns the log file path."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(ScrubbingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_partydesk", False)]:
        root.removeHandler(old)
        old.close()
    handler._partydesk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return path
