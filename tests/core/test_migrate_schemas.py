"""Every stored schema (tests/data/schemas) upgrades to head with its data intact (DESIGN.md Storage, ST-8).

The stored files were written by the program of their own schema (see make_0002.py). Upgrading one must
keep every member and event row exactly; a migration that fails halfway must leave the file byte for
byte as it was and name the verified backup to use; and nothing may read the file through the current
models before the upgrade has run.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine, event

from partydesk.core.domain import codes
from partydesk.core.errors import MigrationFailedError
from partydesk.core.services.maintenance import backup_file, list_backups
from partydesk.core.storage import migrate, rowhash
from partydesk.core.storage.backup import verify_backup
from partydesk.core.storage.database import open_database

SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "schemas"
STORED = sorted(SCHEMAS.glob("[0-9][0-9][0-9][0-9].db"))
KEPT_TABLES = ("member", "member_event", "organisation", "site")
# Member columns migration 0005 recodes (工作岗位, 证件类型, with a line in 备注); checked on their own.
RECODED = ("work_post", "id_type", "notes")
# Schemas that shipped in a release holding member data; add each new one when a release ships it
# (with a file made by that release's code, as make_0002.py did).
RELEASED = ("0002",)


def _columns(path: Path, table: str) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    finally:
        conn.close()


def _rows(path: Path, table: str, columns: list[str] | None = None) -> list[tuple[object, ...]]:
    """Every row of ``table``; only ``columns`` when given (later schemas add columns, e.g. row_hash)."""
    conn = sqlite3.connect(path)
    try:
        order = "seq" if table == "audit" else "rowid"
        wanted = ", ".join(columns) if columns else "*"
        return conn.execute(f"SELECT {wanted} FROM {table} ORDER BY {order}").fetchall()
    finally:
        conn.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _copy(stored: Path, tmp_path: Path) -> Path:
    target = tmp_path / "office" / "partydesk.db"
    target.parent.mkdir()
    shutil.copyfile(stored, target)
    return target


def test_there_is_a_stored_database_for_every_released_schema_before_head() -> None:
    """Each released schema older than head has a stored file, and every stored file is a known, older schema."""
    known = migrate.known_revisions()
    assert set(RELEASED) <= set(known)
    wanted = [r for r in RELEASED if r < migrate.head_revision()]
    assert [p.stem for p in STORED] == wanted


@pytest.mark.parametrize("stored", STORED, ids=[p.stem for p in STORED])
def test_stored_schema_upgrades_to_head_keeping_every_row(stored: Path, tmp_path: Path) -> None:
    """Members, events, the organisation and the site row come through the upgrade unchanged."""
    path = _copy(stored, tmp_path)
    columns = {t: _columns(path, t) for t in KEPT_TABLES}
    columns["member"] = [c for c in columns["member"] if c not in RECODED]
    recoded_before = _rows(path, "member", ["id", *RECODED])
    before = {t: _rows(path, t, columns[t]) for t in KEPT_TABLES}
    assert len(before["member"]) >= 30 and len(before["member_event"]) >= 30
    db = open_database(path, backup=backup_file)
    db.close()
    assert migrate.inspect_file(path).revision == migrate.head_revision()
    for table in KEPT_TABLES:
        assert _rows(path, table, columns[table]) == before[table], table
    assert _rows(path, "member", ["id", *RECODED]) == [_recoded(r) for r in recoded_before]
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert rowhash.problems(conn) == []  # the upgrade gave every synced row its content hash
        assert conn.execute("SELECT count(*) FROM member WHERE row_hash IS NULL").fetchone()[0] == 0
        assert conn.execute("PRAGMA user_version").fetchone()[0] == int(migrate.head_revision())
    finally:
        conn.close()
    (made,) = list_backups(path)
    assert made.reason == f"pre-upgrade-{stored.stem}-to-{migrate.head_revision()}"
    assert verify_backup(made.path)
    assert _rows(made.path, "member", columns["member"]) == before["member"]


def _recoded(row: tuple[object, ...]) -> tuple[object, ...]:
    """A member's (id, work_post, id_type, notes) as migration 0005 should leave them."""
    member_id, post, id_type, notes = row
    lines = [str(notes)] if notes else []
    new_post, old_label = codes.OLD_WORK_POST.get(str(post), (post, ""))
    if new_post == "27" and old_label not in ("", "其他"):  # 27 其他职业人员
        lines.append(f"原工作岗位：{old_label}")
    if id_type == "3":
        id_type = "4"
        lines.append("原证件类型：外国人永久居留身份证")
    return (member_id, new_post, id_type, "\n".join(lines))


def test_upgrade_recodes_work_posts_and_the_foreign_residence_id_keeping_the_old_labels(tmp_path: Path) -> None:
    """0005: old 工作岗位 codes become categories, 外国人永久居留身份证 becomes 护照; 备注 keeps what was dropped."""
    path = _copy(SCHEMAS / "0002.db", tmp_path)
    conn = sqlite3.connect(path)
    try:
        template = conn.execute("SELECT * FROM member LIMIT 1").fetchone()
        names = [d[0] for d in conn.execute("SELECT * FROM member LIMIT 1").description]
        extra = []
        for n, old in enumerate([*codes.OLD_WORK_POST, "77"]):  # "77": an unknown code is kept, not dropped
            row = dict(zip(names, template, strict=True))
            row.update(id=f"extra-{n}", id_number=f"E{n:08d}", work_post=old, notes="旧备注" if n % 2 else "",
                       id_type="3" if n == 0 else "1")
            extra.append(row)
        marks = ", ".join("?" for _ in names)
        conn.executemany(f"INSERT INTO member VALUES ({marks})", [tuple(r[c] for c in names) for r in extra])
        conn.commit()
    finally:
        conn.close()
    before = _rows(path, "member", ["id", *RECODED])
    open_database(path).close()
    after = dict((r[0], r) for r in _rows(path, "member", ["id", *RECODED]))
    assert [after[r[0]] for r in before] == [_recoded(r) for r in before]
    assert after["extra-0"][1:] == ("25", "4", "原证件类型：外国人永久居留身份证")
    assert after["extra-9"][1:] == ("27", "1", "旧备注\n原工作岗位：自由职业者")
    assert after["extra-12"][1] == "77"
    assert {after[f"extra-{n}"][1] for n in range(12)} == set(codes.WORK_POST.codes())
    conn = sqlite3.connect(path)
    try:
        assert rowhash.problems(conn) == []
    finally:
        conn.close()


@pytest.mark.parametrize("stored", STORED, ids=[p.stem for p in STORED])
def test_upgraded_file_has_the_same_schema_objects_as_a_new_one(stored: Path, tmp_path: Path) -> None:
    """Tables, indexes and the audit triggers of a migrated file equal those of a freshly created file."""
    path = _copy(stored, tmp_path)
    open_database(path).close()
    fresh = tmp_path / "fresh.db"
    open_database(fresh).close()

    def objects(p: Path) -> list[tuple[str, str]]:
        conn = sqlite3.connect(p)
        try:
            rows = conn.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                                "ORDER BY type, name").fetchall()
            triggers = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").fetchall()
        finally:
            conn.close()
        return rows + triggers

    assert objects(path) == objects(fresh)
    assert ("trigger", "audit_no_update") in objects(path)


def test_nothing_reads_the_site_table_before_the_upgrade_has_run(tmp_path: Path) -> None:
    """The current models (the site row) are used only after the migrations: a new site column cannot strand us."""
    path = _copy(SCHEMAS / "0002.db", tmp_path)
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(" ".join(statement.split()).lower())

    event.listen(Engine, "before_cursor_execute", record)
    try:
        open_database(path).close()
    finally:
        event.remove(Engine, "before_cursor_execute", record)
    upgraded = next(i for i, sql in enumerate(seen) if sql.startswith("create table audit"))
    reads_site = [i for i, sql in enumerate(seen) if "from site" in sql]
    assert reads_site and min(reads_site) > upgraded


BROKEN = '''"""A migration that fails halfway, for the test only."""
import sqlalchemy as sa
from alembic import op

revision = "{rev}"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("site", sa.Column("motto", sa.String(64), nullable=True))
    op.execute("UPDATE member SET name = 'overwritten'")
    raise RuntimeError("migration step failed")


def downgrade() -> None:
    pass
'''


def test_a_failing_migration_leaves_the_file_byte_identical_and_names_the_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A step that fails after changing a table and rows rolls the whole upgrade back; the message names the backup."""
    head = migrate.head_revision()
    broken_rev = f"{int(head) + 1:04d}"
    migrations = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    (migrations / "versions" / f"{broken_rev}_broken.py").write_text(BROKEN.format(rev=broken_rev, down=head))
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", migrations)
    monkeypatch.setattr(migrate, "VERSIONS_DIR", migrations / "versions")
    assert migrate.head_revision() == broken_rev

    path = _copy(SCHEMAS / "0002.db", tmp_path)
    before = _digest(path)
    with pytest.raises(MigrationFailedError) as err:
        open_database(path, backup=backup_file)
    assert _digest(path) == before
    (made,) = list_backups(path)
    assert made.reason == f"pre-upgrade-0002-to-{broken_rev}"
    assert err.value.backup_path == str(made.path)
    assert str(made.path) in err.value.message and "没有被改动" in err.value.message
    assert verify_backup(made.path)
    assert migrate.inspect_file(path).revision == "0002"


def test_0005_downgrade_drops_the_new_columns_and_leaves_every_row_hash_valid(tmp_path: Path) -> None:
    """Back to 0004 (foreign keys on): 学位 and 参加工作日期 are gone, nothing else, and every hash matches."""
    from alembic import command
    from sqlalchemy import create_engine

    path = _copy(SCHEMAS / "0002.db", tmp_path)
    open_database(path).close()
    members_before = len(_rows(path, "member"))
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", lambda conn, _record: conn.execute("PRAGMA foreign_keys=ON"))
    cfg = migrate.alembic_config()
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0004")
    finally:
        engine.dispose()
    columns = _columns(path, "member")
    assert "degree" not in columns and "work_started_on" not in columns and "row_hash" in columns
    assert len(_rows(path, "member")) == members_before
    conn = sqlite3.connect(path)
    try:
        assert rowhash.problems(conn) == []
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0004"
    finally:
        conn.close()
