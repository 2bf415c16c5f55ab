"""Migration 0009: the old flat 党籍状态 codes become 党籍状态 正常 plus a reason for leaving the roll."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from partydesk.core.storage import rowhash
from partydesk.core.storage.database import open_database

STORED = Path(__file__).resolve().parents[2] / "data" / "schemas" / "0002.db"
# (membership_status, in_branch, event kind, event detail, event date) as schema 0002 stored them.
OLD = {
    "dead": ("50", 1, "death", "", "2024-03-01"),
    "expelled": ("33", 1, "status", "33", "2023-05-06"),
    "cancelled": ("40", 1, "probation_cancelled", "", "2022-01-02"),
    "suspended": ("20", 1, "status", "20", "2021-09-09"),
    "moved": ("10", 0, "transfer_out", "市直机关党委", "2025-02-03"),
}


def _old_file(tmp_path: Path) -> Path:
    path = tmp_path / "office" / "partydesk.db"
    path.parent.mkdir()
    shutil.copyfile(STORED, path)
    conn = sqlite3.connect(path)
    try:
        names = [d[0] for d in conn.execute("SELECT * FROM member LIMIT 1").description]
        template = dict(zip(names, conn.execute("SELECT * FROM member LIMIT 1").fetchone(), strict=True))
        ev_names = [d[0] for d in conn.execute("SELECT * FROM member_event LIMIT 1").description]
        ev_template = dict(zip(ev_names, conn.execute("SELECT * FROM member_event LIMIT 1").fetchone(), strict=True))
        for n, (key, (status, in_branch, kind, detail, on)) in enumerate(OLD.items()):
            row = {**template, "id": key, "id_number": f"M{n:08d}", "membership_status": status,
                   "in_branch": in_branch}
            conn.execute(f"INSERT INTO member VALUES ({', '.join('?' for _ in names)})", [row[c] for c in names])
            event = {**ev_template, "id": f"ev-{key}", "member_id": key, "kind": kind, "detail": detail,
                     "on_date": on}
            conn.execute(f"INSERT INTO member_event VALUES ({', '.join('?' for _ in ev_names)})",
                         [event[c] for c in ev_names])
        conn.commit()
    finally:
        conn.close()
    return path


def test_old_statuses_become_reasons_for_leaving_the_roll(tmp_path: Path) -> None:
    """死亡, 开除党籍 and 取消预备党员资格 leave 党籍状态 正常 with their reason and date; 停止党籍 stays a status
    and on the roll; 转出 gets reason 3; every row's hash is recomputed."""
    path = _old_file(tmp_path)
    open_database(path).close()
    conn = sqlite3.connect(path)
    try:
        got = {r[0]: r[1:] for r in conn.execute(
            "SELECT id, membership_status, in_branch, left_reason, left_on FROM member WHERE id IN "
            f"({', '.join('?' for _ in OLD)})", list(OLD))}
        untouched = conn.execute("SELECT count(*) FROM member WHERE left_reason = '' AND in_branch = 1 "
                                 "AND membership_status = '10'").fetchone()[0]
        assert rowhash.problems(conn) == []
    finally:
        conn.close()
    assert got == {
        "dead": ("10", 0, "1", "2024-03-01"),
        "expelled": ("10", 0, "25", "2023-05-06"),
        "cancelled": ("10", 0, "26", "2022-01-02"),
        "suspended": ("20", 1, "", None),
        "moved": ("10", 0, "3", "2025-02-03"),
    }
    assert untouched == 30  # the demo branch's members are all on the roll
