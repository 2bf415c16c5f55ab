"""What an .xls file (BIFF8, Excel 97–2003 and WPS) says beyond its cell values, from its record stream.

python-calamine reads .xls values and merged ranges, but an error cell comes back as "", hidden rows and
columns are not reported, and the date system is not exposed (real date cells are converted right; a
serial number typed into a date column needs it). Those few facts are in a handful of BIFF records, so
this module reads the file's compound-document container (CFB) just far enough to find the Workbook
stream and walks its records: DATEMODE, BOUNDSHEET (sheet names and offsets), FORMAT and XF (the number
format of each cell style), and per sheet ROW (hidden flag), COLINFO (hidden flag), BOOLERR and FORMULA
(error results), NUMBER, RK and MULRK (the style of each number or date cell, for ``SheetFacts.shown``).
A file this reader does not understand yields no facts; calamine still reads its values.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from partydesk.core.io.raw_table import SheetFacts
from partydesk.core.io.xlsx_scan import BUILTIN_KINDS, format_kind

_END_OF_CHAIN = 0xFFFFFFFE  # this and every larger sector number ends a chain
_ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!",
           0x2A: "#N/A"}
_BOF, _EOF, _DATEMODE, _BOUNDSHEET = 0x0809, 0x000A, 0x0022, 0x0085
_ROW, _COLINFO, _BOOLERR, _FORMULA = 0x0208, 0x007D, 0x0205, 0x0006
_FORMAT, _XF, _NUMBER, _RK, _MULRK = 0x041E, 0x00E0, 0x0203, 0x027E, 0x00BD


@dataclass
class XlsLayout:
    """Every sheet's facts by name, and whether the workbook counts dates from 1904."""

    date1904: bool = False
    sheets: dict[str, SheetFacts] = field(default_factory=dict)


def _chain(start: int, table: list[int], read: Callable[[int], bytes]) -> bytes:
    """The sectors of a chain joined; a loop or a link past the table ends it (damaged files)."""
    parts: list[bytes] = []
    sector, seen = start, 0
    while sector < len(table) and seen <= len(table):
        parts.append(read(sector))
        sector, seen = table[sector], seen + 1
    return b"".join(parts)


class _Compound:
    """Just enough of the compound file binary format (MS-CFB) to read one stream by name."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
        self.sector: int = 1 << shift
        self.mini_sector: int = 1 << mini_shift
        (first_dir,) = struct.unpack_from("<I", data, 0x30)
        self.cutoff, first_mini_fat = struct.unpack_from("<II", data, 0x38)
        first_difat, difat_count = struct.unpack_from("<II", data, 0x44)
        fat_sectors = [s for s in struct.unpack_from("<109I", data, 0x4C) if s < _END_OF_CHAIN]
        sector = first_difat
        for _ in range(difat_count):
            if sector >= _END_OF_CHAIN:
                break
            entries = struct.unpack_from(f"<{self.sector // 4}I", data, self._offset(sector))
            fat_sectors += [s for s in entries[:-1] if s < _END_OF_CHAIN]
            sector = entries[-1]
        self.fat: list[int] = []
        for sector in fat_sectors:
            self.fat += struct.unpack_from(f"<{self.sector // 4}I", data, self._offset(sector))
        self.entries = _chain(first_dir, self.fat, self._sector_bytes)
        self.mini_fat: list[int] = []
        if first_mini_fat < _END_OF_CHAIN:
            raw = _chain(first_mini_fat, self.fat, self._sector_bytes)
            self.mini_fat = list(struct.unpack(f"<{len(raw) // 4}I", raw[:len(raw) // 4 * 4]))
        root_start, root_size = self._entry(0)[1:]
        self.mini_stream = _chain(root_start, self.fat, self._sector_bytes)[:root_size]

    def _offset(self, sector: int) -> int:
        return (sector + 1) * self.sector

    def _sector_bytes(self, sector: int) -> bytes:
        start = self._offset(sector)
        return self.data[start:start + self.sector]

    def _mini_bytes(self, sector: int) -> bytes:
        start = sector * self.mini_sector
        return self.mini_stream[start:start + self.mini_sector]

    def _entry(self, index: int) -> tuple[str, int, int]:
        raw = self.entries[index * 128:(index + 1) * 128]
        (length,) = struct.unpack_from("<H", raw, 64)
        name = raw[:max(length - 2, 0)].decode("utf-16-le", "replace")
        start, size = struct.unpack_from("<II", raw, 116)
        return name, start, size

    def stream(self, *names: str) -> bytes | None:
        """The first stream among ``names``, or None."""
        for index in range(len(self.entries) // 128):
            name, start, size = self._entry(index)
            if name in names and self.entries[index * 128 + 66] == 2:
                if size < self.cutoff:
                    return _chain(start, self.mini_fat, self._mini_bytes)[:size]
                return _chain(start, self.fat, self._sector_bytes)[:size]
        return None


def _records(stream: bytes, start: int) -> Iterator[tuple[int, bytes]]:
    position = start
    while position + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, position)
        yield kind, stream[position + 4:position + 4 + size]
        position += 4 + size
        if kind == _EOF:
            return


def _sheet_name(body: bytes) -> str:
    length, flags = body[6], body[7]
    return (body[8:8 + 2 * length].decode("utf-16-le", "replace") if flags & 1
            else body[8:8 + length].decode("latin-1"))


def _format_text(body: bytes) -> str:
    """A FORMAT record's format string (an XLUnicodeString after the format's number)."""
    length, flags = struct.unpack_from("<HB", body, 2)
    return body[5:5 + 2 * length].decode("utf-16-le", "replace") if flags & 1 else body[5:5 + length].decode("latin-1")


def _sheet_facts(stream: bytes, start: int, styles: dict[int, str]) -> SheetFacts:
    facts = SheetFacts()
    for kind, body in _records(stream, start):
        if styles and kind in (_NUMBER, _RK) and len(body) >= 6:
            row, column, style = struct.unpack_from("<HHH", body, 0)
            if style in styles:
                facts.shown[(row, column)] = styles[style]
            continue
        if styles and kind == _MULRK and len(body) >= 6:
            row, first = struct.unpack_from("<HH", body, 0)
            for index in range((len(body) - 6) // 6):
                (style,) = struct.unpack_from("<H", body, 4 + 6 * index)
                if style in styles:
                    facts.shown[(row, first + index)] = styles[style]
            continue
        if kind == _ROW and len(body) >= 14 and struct.unpack_from("<H", body, 12)[0] & 0x20:
            facts.hidden_rows.add(struct.unpack_from("<H", body, 0)[0])
        elif kind == _COLINFO and len(body) >= 10 and struct.unpack_from("<H", body, 8)[0] & 1:
            first, last = struct.unpack_from("<HH", body, 0)
            facts.hidden_columns.update(range(first, min(last, 16_383) + 1))
        elif kind == _BOOLERR and len(body) >= 8 and body[7] == 1:
            facts.errors[struct.unpack_from("<HH", body, 0)] = _ERRORS.get(body[6], "#VALUE!")
        elif kind == _FORMULA and len(body) >= 14 and body[12:14] == b"\xff\xff" and body[6] == 2:
            facts.errors[struct.unpack_from("<HH", body, 0)] = _ERRORS.get(body[8], "#VALUE!")
    return facts


def xls_layout(data: bytes) -> XlsLayout:
    """The facts of every sheet in an .xls file's bytes; an empty layout when the file is not understood."""
    layout = XlsLayout()
    try:
        stream = _Compound(data).stream("Workbook", "Book")
        if stream is None:
            return layout
        sheets: list[tuple[str, int]] = []
        formats: dict[int, str] = {}
        styles: dict[int, str] = {}  # XF index → how its number format shows a roster date (format_kind)
        xf_count = 0
        for kind, body in _records(stream, 0):
            if kind == _DATEMODE and len(body) >= 2:
                layout.date1904 = struct.unpack_from("<H", body, 0)[0] == 1
            elif kind == _BOUNDSHEET and len(body) >= 8:
                sheets.append((_sheet_name(body), struct.unpack_from("<I", body, 0)[0]))
            elif kind == _FORMAT and len(body) >= 5:
                formats[struct.unpack_from("<H", body, 0)[0]] = _format_text(body)
            elif kind == _XF and len(body) >= 4:
                (number,) = struct.unpack_from("<H", body, 2)
                shown = format_kind(formats[number]) if number in formats else BUILTIN_KINDS.get(number, "")
                if shown:
                    styles[xf_count] = shown
                xf_count += 1
        for name, offset in sheets:
            layout.sheets[name] = _sheet_facts(stream, offset, styles)
    except (struct.error, IndexError, ValueError):
        return XlsLayout()  # calamine is the authority on the values; without facts they still import
    return layout
