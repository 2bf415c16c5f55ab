"""Logging to a file in the data folder, scrubbed of personal data (RELIABILITY X-10).

Everything that reaches the log file passes through ``scrub``: ID numbers (also typed in groups) and
phone numbers are replaced before the text is written. Names cannot be recognised in free text, so the
code logs record ids, never values, and a logged exception keeps its type and frames but not its
message (a message can quote a member's name).
"""

from __future__ import annotations

import logging
import re
import traceback
from pathlib import Path
from typing import Any

LOG_FILE = "partydesk.log"

_D = "[0-9\uff10-\uff19]"  # ASCII or full-width digit: users paste both
_SEP = "[-\\s\u2010-\u2015\uff0d]?"  # an optional dash or space between digit groups
_GAP = "[-\\s\u2010-\u2015\uff0d]?"  # ID numbers get typed in groups too: "110105 19491231 002X"
_PATTERNS = (
    # 18-digit citizen ID (check character X in any width or case), and the 15-digit legacy form
    re.compile(rf"(?<!{_D}){_D}(?:{_GAP}{_D}){{16}}{_GAP}(?:{_D}|[XxＸｘ])(?!{_D})"),
    re.compile(rf"(?<!{_D}){_D}(?:{_GAP}{_D}){{14}}(?!{_D})"),
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
    """A formatter whose whole output is scrubbed, and whose tracebacks carry no exception messages."""

    def format(self, record: logging.LogRecord) -> str:
        # Another handler may have cached its own rendering of the traceback, message and all.
        cached, record.exc_text = record.exc_text, None
        try:
            return scrub(super().format(record))
        finally:
            record.exc_text = cached

    def formatException(self, ei: Any) -> str:
        _type, exc, tb = ei
        lines = ["Traceback (exception messages left out):"]
        seen: set[int] = set()
        how = ""
        while exc is not None and id(exc) not in seen and len(seen) < 5:
            seen.add(id(exc))
            kind = type(exc)
            module = "" if kind.__module__ == "builtins" else f"{kind.__module__}."
            lines.append(how + module + kind.__qualname__)
            lines += [f"  {Path(f.filename).name}:{f.lineno}:{f.name}" for f in traceback.extract_tb(tb)]
            how = "caused by: " if exc.__cause__ is not None else "while handling: "
            exc = exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)
            tb = exc.__traceback__ if exc is not None else None
        return "\n".join(lines)


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
    # matplotlib notes at INFO each chart whose labels look like numbers ("2019"): hundreds of lines a day
    # that say nothing to the office reading the log. Its warnings still come through.
    logging.getLogger("matplotlib").setLevel(max(level, logging.WARNING))
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
