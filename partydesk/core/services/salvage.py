"""Salvaging a damaged database in place (RELIABILITY ST-7), after its copy was quarantined.

The rows that can still be read come into a new file (``storage.salvage``), which is checked as any backup
is before it replaces the damaged one, then backed up itself. The office is told in words what came back,
what could not, and which members the newest verified backup holds that the salvage lost: the rows that
were on a damaged page are gone, but those people are in that backup and can be entered again from it.
"""

from __future__ import annotations

import contextlib
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path

from partydesk.core.errors import BackupError, KnownError
from partydesk.core.progress import NULL_PROGRESS, Progress
from partydesk.core.services import maintenance
from partydesk.core.services.store import newest_verified_backup
from partydesk.core.services.sync_words import removed_in_words
from partydesk.core.storage import backup, backup_files, migrate
from partydesk.core.storage.backup import BackupInfo
from partydesk.core.storage.salvage import SalvageReport, TableSalvage, salvage

SALVAGED = "salvaged"  # the reason of the backup made of a salvaged database

# What an office calls the rows of a table, for the tables it would miss; the rest are "其他记录".
_WORDS = {"member": "党员", "member_event": "党员的变动记录", "meeting": "会议", "meeting_attendance": "会议的出席记录",
          "meeting_agenda_item": "会议议程", "meeting_motion": "会议决议", "meeting_guest": "会议列席人员",
          "meeting_attachment": "会议附件", "talk": "谈心谈话", "talk_member": "谈话对象", "study_activity": "学习活动",
          "study_credit": "学时记录", "certification": "技能证书", "notice": "通知", "organisation": "组织信息",
          "audit": "操作日志"}
_UNITS = {"member": "名", "meeting": "次", "talk": "次", "study_activity": "项", "notice": "份"}


@dataclass(frozen=True)
class Salvaged:
    """A salvage done: what came back (``report``), and the members of ``compared_with`` (the newest verified
    backup, when there is one) missing from it."""

    report: SalvageReport
    compared_with: BackupInfo | None
    missing_members: tuple[str, ...]
    members_from_backup: tuple[str, ...] = ()  # whose rows were lost and came back as that backup holds them

    def in_words(self) -> str:
        """What came back and what did not, as the office is told."""
        got = "、".join(f"{_WORDS[t.table]} {t.kept} {_UNITS.get(t.table, '条')}" for t in self.report.tables
                        if t.table in _UNITS and t.kept)
        text = f"抢救出：{got or '没有业务记录'}。"
        if self.report.whole:
            return text + "所有记录都读出来了，没有发现丢失。"

        def said(tables: list[TableSalvage]) -> str:
            return "、".join(dict.fromkeys(_WORDS.get(t.table, "本单位的基本设置" if t.table == "site" else "其他记录")
                                          for t in tables))

        tables = self.report.tables
        if unreadable := [t for t in tables if t.unreadable]:
            text += f"以下记录有一部分在文件的损坏处，读不出来：{said(unreadable)}。"
        if given := [t for t in tables if t.from_backup]:
            when = f"{self.compared_with.created:%Y-%m-%d %H:%M}" if self.compared_with else ""
            text += f"在损坏处的{said(given)}已按 {when} 的备份补回。"
            if self.members_from_backup:
                text += (f"党员{removed_in_words(list(self.members_from_backup))}是备份当时的样子，"
                         "备份之后对他们的修改请核对后重新录入。")
        if left := [t for t in tables if t.left_out]:
            text += f"以下记录内容已损坏或所属的记录已丢失，没有保留：{said(left)}。"
        if self.missing_members and self.compared_with is not None:
            text += (f"{self.compared_with.created:%Y-%m-%d %H:%M} 的备份中有、抢救结果里没有的党员："
                     f"{removed_in_words(list(self.missing_members))}，请根据那个备份或纸质档案补录。")
        return text


def salvage_damaged(db_path: Path, kept: Path, progress: Progress = NULL_PROGRESS) -> Salvaged:
    """Replace the damaged (closed) database at ``db_path`` with what can be salvaged from its quarantined copy
    in the folder ``kept``; KnownError (nothing changed) when nothing usable comes out."""
    newest = newest_verified_backup(db_path)
    ours = maintenance.backup_dir(db_path)
    temp = db_path.parent / f".{db_path.name}.salvage-{uuid.uuid4().hex[:8]}"
    try:
        report = salvage(kept / db_path.name, temp, progress, fallback=newest.path if newest else None)
        if not migrate.is_set_up(temp):
            raise BackupError("本单位的基本设置（单位标识、时钟）正好在损坏处，本机又没有可以补回它的备份，"
                              "无法抢救。请用U盘上的备份恢复，或请技术人员帮助；当前数据库没有改动。")
        maintenance.check_restorable(db_path, temp, other_organisation=True)  # salvaged from this very file
        # The damaged file was copied to ``kept`` by the caller: no second copy of it before the swap.
        backup.restore_backup(temp, db_path, safety_backup_dir=ours, save_current=False)
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{temp}{suffix}").unlink()
    backup_files.restore_files(db_path, ours)
    maintenance.keep_here(db_path, reason=SALVAGED)
    missing = _missing_members(newest.path, db_path) if newest is not None else ()
    given = report.of("member")
    return Salvaged(report, newest, missing, _names(db_path, given.from_backup) if given else ())


def _read(path: Path, sql: str, args: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        return conn.execute(sql, args).fetchall()


def _names(path: Path, rowids: tuple[int, ...]) -> tuple[str, ...]:
    """The names of these members (by rowid), in name order."""
    if not rowids:
        return ()
    marks = ", ".join("?" * len(rowids))
    return tuple(sorted(str(r[0]) for r in _read(path, f"SELECT name FROM member WHERE rowid IN ({marks})", rowids)))


def _members(path: Path) -> dict[str, str]:
    return {str(i): str(n) for i, n in _read(path, "SELECT id, name FROM member WHERE NOT deleted")}


def _missing_members(backup_path: Path, salvaged: Path) -> tuple[str, ...]:
    """Names of the members in the backup that the salvaged file lacks (none when either cannot be read)."""
    try:
        theirs, ours = _members(backup_path), _members(salvaged)
    except (sqlite3.Error, KnownError):
        return ()
    return tuple(sorted(name for key, name in theirs.items() if key not in ours))
