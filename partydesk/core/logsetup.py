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

_PATTERNS = (
    re.compile(r"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])"),  # 18-digit citizen ID
    re.compile(r"(?<![0-9])[0-9]{15}(?![0-9])"),  # 15-digit legacy ID
    re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])"),  # mobile phone
    re.compile(r"(?<![0-9])0[0-9]{2,3}-?[0-9]{7,8}(?![0-9])"),  # landline
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
