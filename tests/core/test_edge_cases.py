"""Edge cases across the core: corrections that undo state, unknown dates, hostile cell contents, tombstones."""

from __future__ import annotations

import collections
import hashlib
import random
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import demo_members
from partydesk.core.domain.masking import Masking
from partydesk.core.domain.member import MemberInput, check_member
from partydesk.core.errors import KnownError
from partydesk.core.io.roster_read import ImportRejected, read_table
from partydesk.core.services import members
from partydesk.core.services.bulk import insert_members
from partydesk.core.services.roster_export import export_roster
from partydesk.core.services.roster_import import apply_import, plan_import, write_rejects
from partydesk.core.storage.database import Database, open_database
from partydesk.core.storage.tables import Member

TODAY = date(2026, 11, 28)
ZHANG = MemberInput(
    name="张三",
    gender="男",
    id_number="110105194912310038",
    category="正式党员",
    joined_on="1975-07-01",
    confirmed_on="1976-07-01",
    phone="13812345678",
    address="示范市文三路1号",
    ethnicity="汉族",
    education="大学本科",
)


def _with(**changes: object) -> MemberInput:
    return MemberInput(**{**ZHANG.__dict__, **changes})


def _write_csv(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# ------------------------------------------------------------------ member events / derived state


def test_correcting_full_member_to_probationary_is_saved(db: Database) -> None:
    """Editing a 正式党员 into a 预备党员 (转正 date removed, 入党 date corrected) stores exactly that."""
    saved = members.add_member(db, LOCAL_USER, data=ZHANG, today=TODAY)
    fixed = _with(category="预备党员", confirmed_on=None, joined_on="2026-03-01")
    members.update_member(db, LOCAL_USER, member_id=saved.member_id, data=fixed, today=TODAY)
    record = members.get_member(db, LOCAL_USER, saved.member_id)
    assert record is not None
    # Today the old 转正 event survives: category stays 正式 and 转正 (1976) lies before 入党 (2026).
    assert (record.data.category, record.data.confirmed_on) == ("2", None)


def test_clearing_the_confirmed_date_is_saved(db: Database) -> None:
    """Blanking 转为正式党员日期 in the form (allowed: a warning only) actually clears it."""
    saved = members.add_member(db, LOCAL_USER, data=ZHANG, today=TODAY)
    members.update_member(db, LOCAL_USER, member_id=saved.member_id, data=_with(confirmed_on=None), today=TODAY)
    record = members.get_member(db, LOCAL_USER, saved.member_id)
    assert record is not None and record.data.confirmed_on is None


def test_import_of_category_correction_is_unchanged_on_second_run(db: Database, tmp_path: Path) -> None:
    """After applying an import, planning the same file again reports every row unchanged. A row taking back a
    recorded 转正 (预备党员, no 转正日期) changes the 入党 date it corrects but keeps the 转正, with a warning
    saying so: a 转正 is withdrawn in the member's history, with a reason, never by a file's blank cell."""
    members.add_member(db, LOCAL_USER, data=ZHANG, today=TODAY)
    csv = _write_csv(
        tmp_path / "r.csv",
        [
            "姓名,性别,身份证号,人员类别,入党日期,转正日期",
            "张三,男,110105194912310038,预备党员,1975-06-01,",
        ],
    )
    first = plan_import(db, csv, today=TODAY)
    assert first.updated == 1 and first.rows[0].changed_fields == ("joined_on",)
    assert "confirmation_kept" in [i.code for i in first.rows[0].issues]
    apply_import(db, LOCAL_USER, first)
    second = plan_import(db, csv, today=TODAY)
    assert (second.updated, second.unchanged) == (0, 1), second.rows[0].changed_fields
    assert [(r.category, r.confirmed_on) for r in members.roster(db, LOCAL_USER)] == [("1", date(1976, 7, 1))]


def test_blank_migrant_date_is_not_invented(db: Database) -> None:
    """A 流动党员 saved without 外出日期 (a warning only) keeps it unknown instead of getting today's date."""
    data = _with(migrant="是", migrant_destination="广东省深圳市")
    saved = members.add_member(db, LOCAL_USER, data=data, today=TODAY)
    record = members.get_member(db, LOCAL_USER, saved.member_id)
    assert record is not None and record.data.migrant_since is None


# ------------------------------------------------------------------ domain rules


def test_joining_before_18_is_a_warning_not_an_error(db: Database) -> None:
    """RELIABILITY §4.1: age under 18 at the 入党 date is warn-only (old members joined young in the 1940s)."""
    old = _with(name="李老", id_number="110105192801010017", joined_on="1945-07-01", confirmed_on="1946-07-01")
    result = check_member(old, today=TODAY)
    assert result.data is not None, [(i.code, i.severity) for i in result.issues]
    assert any(i.code == "join_age" and i.severity == "warning" for i in result.issues)


def test_overlong_name_is_rejected() -> None:
    """A name longer than the 64-character column is refused like every other over-long text field."""
    result = check_member(_with(name="张" * 3000), today=TODAY)
    assert result.data is None
    assert any(i.field == "name" for i in result.errors)


# ------------------------------------------------------------------ bad input must not crash


def test_huge_digit_string_in_a_code_column_is_rejected_not_a_crash(db: Database, tmp_path: Path) -> None:
    """A 5 000-digit 民族 cell becomes a row error (code_unknown), not a ValueError from int()."""
    csv = _write_csv(
        tmp_path / "r.csv",
        [
            "姓名,性别,民族,身份证号,人员类别,入党日期",
            "张三,男," + "1" * 5000 + ",110105194912310038,正式党员,1975-07-01",
        ],
    )
    plan = plan_import(db, csv, today=TODAY)
    assert plan.rejected == 1


def test_tab_separated_csv_with_an_oversized_field_is_rejected_not_a_crash(tmp_path: Path) -> None:
    """The tab-delimited fallback parse maps csv.Error to ImportRejected like the comma parse does."""
    path = tmp_path / "r.csv"
    path.write_bytes(("姓名\t性别\t身份证号\n" + ",".join(["a" * 1000] * 200) + "\t男\t1\n").encode())
    with pytest.raises(ImportRejected):
        read_table(path)


def test_control_characters_never_break_the_roster_export(db: Database, tmp_path: Path) -> None:
    """Text with control characters (pasted from Word/CSV) is refused on save, and where such text is already
    stored (older versions, bulk loads) the export still writes a clean workbook with "?" in their place."""
    hostile = {"notes": "第一行\x0b第二行", "address": "文三路\x07号"}
    with pytest.raises(members.MemberInvalid, match="控制字符"):
        members.add_member(db, LOCAL_USER, data=_with(**hostile), today=TODAY)
    data, _issues = members.validate(db, ZHANG, today=TODAY)
    insert_members(db, LOCAL_USER, [replace(data, **hostile)], today=TODAY)
    path = export_roster(db, LOCAL_USER, tmp_path / "out.xlsx", masking=Masking.FULL, today=TODAY).path
    ws = openpyxl.load_workbook(path).active
    row = {ws.cell(3, column).value: ws.cell(4, column).value for column in range(1, ws.max_column + 1)}
    assert (row["备注"], row["家庭住址"], row["姓名"]) == ("第一行?第二行", "文三路?号", "张三")
    assert row["公民身份号码"] == ZHANG.id_number


def test_rejects_workbook_survives_control_characters(db: Database, tmp_path: Path) -> None:
    """The 导入错误清单 of a CSV whose rejected row holds a control character is written and reads back clean."""
    csv = _write_csv(
        tmp_path / "r.csv",
        [
            "姓名,性别,身份证号,人员类别,入党日期,备注",
            "张三,男,110105194912310032,正式党员,1975-07-01,a\x01b",
        ],
    )
    plan = plan_import(db, csv, today=TODAY)
    assert plan.rejected == 1
    wb = openpyxl.load_workbook(write_rejects(plan, tmp_path / "rejects.xlsx"))
    kept = list(wb["未通过的行"].iter_rows(values_only=True))
    assert kept[0] == ("原行号", "姓名", "性别", "身份证号", "人员类别", "入党日期", "备注", "错误原因")
    assert kept[1][:7] == (2, "张三", "男", "110105194912310032", "正式党员", "1975-07-01", "a?b")
    assert kept[1][7]  # the reasons
    errors = list(wb["错误清单"].iter_rows(values_only=True))
    assert [e[0] for e in errors[1:]] == [2] * (len(errors) - 1) and len(errors) > 1


# ------------------------------------------------------------------ personal data


def test_tombstone_keeps_no_personal_fields(db: Database) -> None:
    """SYNC.md: a delete is a tombstone carrying no personal data (ethnicity, dates, flags wiped too)."""
    data = _with(migrant="是", migrant_destination="广东省深圳市", migrant_since="2026-01-01")
    saved = members.add_member(db, LOCAL_USER, data=data, today=TODAY)
    members.delete_member(db, LOCAL_USER, member_id=saved.member_id, reason="重复录入")
    with db.read() as session:
        row = session.get(Member, saved.member_id)
        assert row is not None and row.deleted
        kept = {
            name: getattr(row, name)
            for name in ("ethnicity", "education", "joined_on", "confirmed_on", "migrant", "migrant_since", "work_post")
        }
    assert kept == {
        "ethnicity": "",
        "education": "",
        "joined_on": None,
        "confirmed_on": None,
        "migrant": False,
        "migrant_since": None,
        "work_post": "",
    }


# ------------------------------------------------------------------ storage


def test_refused_foreign_database_is_left_untouched(tmp_path: Path) -> None:
    """Opening another program's WAL database is refused and no file of it (not even its -wal) changes."""
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    Path(f"{path}-wal").write_bytes(b"")  # left by a crash after a TRUNCATE checkpoint

    def snapshot() -> dict[str, str]:
        return {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in tmp_path.iterdir()}

    before = snapshot()
    with pytest.raises(KnownError):
        open_database(path)
    assert snapshot() == before


# ------------------------------------------------------------------ demo data


def test_demo_generator_never_repeats_an_id_number() -> None:
    """Demo/scale data (`partydesk demo --members 100000`) holds no two members with one ID number."""
    rng = random.Random(2026)
    counts = collections.Counter(m.id_number for m in demo_members(rng, 100_000))
    assert [n for n, c in counts.items() if c > 1] == []
