"""The year's meeting register (会议台账) as an .xlsx workbook, written with XlsxWriter.

One row per meeting — date, type, topic, place, chair, recorder, 应到, 实到, 请假, 缺席 and the quorum
verdict — under a title row, set up to print: landscape A4, the header row repeated on every page, fitted
to the page width, nothing smaller than 9 pt once fitted. Plain records in, a file out; no database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from partydesk.core.atomicfile import atomic_write
from partydesk.core.io import register_sheet
from partydesk.core.io.register_sheet import Column

__all__ = ["COLUMNS", "RegisterRow", "register_bytes", "register_file_name", "write_register"]

# (header, width in characters)
COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 5), ("日期", 11), ("会议类型", 16), ("会议主题", 34), ("地点", 18), ("主持人", 8), ("记录人", 8),
    ("应到", 5), ("实到", 5), ("请假", 5), ("缺席", 5), ("法定人数", 9))
# How each column's cells read (the others centred, wrapping): ``register_sheet.Column.kind``.
_KINDS: dict[str, Literal["text", "centred", "number", "date"]] = {
    "序号": "number", "日期": "date", "会议主题": "text", "地点": "text", "应到": "number", "实到": "number",
    "请假": "number", "缺席": "number"}


@dataclass(frozen=True)
class RegisterRow:
    """One meeting in the register; ``quorum`` is 符合 / 不符合 / "" (no quorum applies)."""

    held_on: date
    type_name: str
    topic: str
    place: str
    chair: str
    recorder: str
    expected: int
    present: int
    leave: int
    absent: int
    quorum: str = ""


def register_file_name(year: int) -> str:
    """The default file name: 会议台账-2026.xlsx."""
    return f"会议台账-{year}.xlsx"


def write_register(rows: Sequence[RegisterRow], path: Path, *, organisation: str, year: int) -> None:
    """Write the register of ``year`` to ``path``, atomically (an existing file is replaced only when done)."""
    atomic_write(path, register_bytes(rows, organisation=organisation, year=year))


def register_bytes(rows: Sequence[RegisterRow], *, organisation: str, year: int) -> bytes:
    """The register of ``year`` as the bytes of an .xlsx file."""
    columns = [Column(header, width, _KINDS.get(header, "centred")) for header, width in COLUMNS]
    lines = [[n, row.held_on, row.type_name, row.topic, row.place, row.chair, row.recorder, row.expected,
              row.present, row.leave, row.absent, row.quorum or "—"] for n, row in enumerate(rows, start=1)]
    return register_sheet.register_bytes(title=f"{organisation}{year}年会议台账", sheet_name=f"{year}年会议台账",
                                         columns=columns, rows=lines, empty=f"{year}年没有会议记录。")
