"""Exchange lines written by SQLite itself: each synced row rendered as its canonical JSON line in C.

An export of a large branch is hundreds of thousands of rows; encoding each in Python (a dict per row, the
JSON encoder, the bookkeeping fields one by one) was most of its time. SQLite's ``json_object`` writes the
same canonical text — keys in the order given (our sorted column names), no spaces, UTF-8 as it is, the
same escapes as Python's encoder — so the query returns, per row, the ``data`` object and the text around
the row hash; Python only hashes the data and joins the three pieces. A test holds the lines equal to the
canonical JSON of the parsed record, row by row, including strings with quotes, backslashes and control
characters.

The values are mapped from their stored form to their exchange form in SQL: booleans (0/1) to
``true``/``false``, ``updated_at`` (SQLAlchemy's ``YYYY-MM-DD HH:MM:SS.ffffff``) to ISO 8601 as
``datetime.isoformat`` writes it (no fraction when it is zero). Dates are stored as ISO text already.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from sqlalchemy import Boolean, DateTime

_quote = json.encoder.encode_basestring  # a JSON string as the canonical encoder writes it

# SQLite's default limit on a function's arguments (SQLITE_MAX_FUNCTION_ARG); json_object takes two per key.
MAX_KEYS = 63


def _name(column: str) -> str:
    return '"' + column.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _iso(column: str) -> str:
    """A stored DateTime as ``datetime.isoformat`` writes it (SQL); NULL stays NULL."""
    c = _name(column)
    return (f"CASE WHEN length({c}) = 26 AND substr({c}, 20) = '.000000' THEN substr({c}, 1, 10) || 'T' || "
            f"substr({c}, 12, 8) WHEN length({c}) = 26 THEN substr({c}, 1, 10) || 'T' || substr({c}, 12) "
            f"WHEN length({c}) = 19 THEN substr({c}, 1, 10) || 'T' || substr({c}, 12) ELSE {c} END")


def _value(column: Any) -> str:
    """The SQL expression giving the column's exchange value (for json_object)."""
    name = _name(column.name)
    kind = column.type
    if isinstance(kind, Boolean):
        return f"json(CASE {name} WHEN 1 THEN 'true' WHEN 0 THEN 'false' ELSE 'null' END)"
    if isinstance(kind, DateTime):
        return _iso(column.name)
    return name  # text, whole numbers and dates (ISO text) are stored as they are exchanged


@cache
def line_query(table_name: str, kind_name: str, type_version: int, columns: tuple[Any, ...]) -> str | None:
    """SELECT giving (data, text up to the row hash, text after it), UTF-8 bytes, per owned row changed after a
    sequence number, in change order; None when the table has too many columns for one json_object."""
    if len(columns) > MAX_KEYS:
        return None
    pairs = ", ".join(f"{_literal(c.name)}, {_value(c)}" for c in columns)
    before = ("',\"base_version\":null,\"deleted\":' || CASE \"deleted\" WHEN 0 THEN 'false' ELSE 'true' END || "
              "',\"id\":' || json_quote(\"id\") || ',\"owner_site\":' || json_quote(\"owner_site\") || "
              "',\"row_hash\":\"'")
    tail = f'","type":{_quote(kind_name)},"type_version":{type_version},"updated_at":'
    after = (f"{_literal(tail)} || json_quote({_iso('updated_at')}) || ',\"updated_by\":' || "
             "json_quote(\"updated_by\") || ',\"version\":' || json_quote(\"version\") || '}'")
    # As BLOBs: the UTF-8 bytes SQLite holds, neither decoded into Python text nor encoded back for the hash.
    return (f"SELECT CAST(json_object({pairs}) AS BLOB), CAST({before} AS BLOB), CAST({after} AS BLOB) "
            f"FROM {_name(table_name)} WHERE owner_site = ? AND change_seq > ? ORDER BY change_seq")
