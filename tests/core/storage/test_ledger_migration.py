"""Migration 0020: the ledger gains the sender's audit trail head, and gap notes left on packages whose
missing predecessor has since arrived are cleared (a note whose predecessor is still missing stays)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from partydesk.core.storage.database import open_database
from tests.core.storage.alembic_steps import migrate_to


def test_stale_gap_notes_are_cleared_and_the_audit_head_column_added(tmp_path: Path) -> None:
    path = tmp_path / "partydesk.db"
    open_database(path).close()
    migrate_to(path, "0019", up=False)
    conn = sqlite3.connect(path)
    try:
        columns = {r[1] for r in conn.execute("PRAGMA table_info(sync_package)")}
        assert "audit_head" not in columns
        rows = [("p1", "in", 1, ""), ("p2", "in", 2, "缺少第 1 号"), ("p5", "in", 5, "缺少第 4 号"),
                ("o3", "out", 3, "")]
        conn.executemany(
            "INSERT INTO sync_package (package_id, direction, kind, peer_site, channel_seq, covers_to, created_at, "
            "handled_at, handled_by, file_name, state, gap, counts, acked) "
            "VALUES (?, ?, 'upward', 'site-a', ?, 0, '2026-11-01 08:00:00.000000', '2026-11-01 08:00:00.000000', "
            "'', '', 'imported', ?, '{}', 0)", rows)
        conn.commit()
    finally:
        conn.close()
    migrate_to(path, "head", up=True)
    conn = sqlite3.connect(path)
    try:
        found = dict(conn.execute("SELECT package_id, gap FROM sync_package").fetchall())
        heads = {r[0] for r in conn.execute("SELECT audit_head FROM sync_package")}
    finally:
        conn.close()
    assert found == {"p1": "", "p2": "", "p5": "缺少第 4 号", "o3": ""}
    assert heads == {""}
