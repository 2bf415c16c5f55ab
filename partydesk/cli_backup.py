"""``partydesk backup``, ``partydesk restore`` and ``partydesk salvage`` (listed in cli._module_commands): a verified
backup beside the database, or with ``--to DIR`` an encrypted USB backup (``services.offsite``); restoring from
either; salvaging a damaged database that no backup serves (``services.salvage``).

A USB backup's passphrase comes from the environment variable ``PARTYDESK_PASSPHRASE`` (for scripts) or is
typed at the terminal (twice when writing); it is never an argument, which other users of the computer
could read in the process list.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from partydesk import cli

PASSPHRASE_VARIABLE = "PARTYDESK_PASSPHRASE"


def _passphrase(*, twice: bool) -> str:
    given = os.environ.get(PASSPHRASE_VARIABLE)
    if given:
        return given
    if not sys.stdin.isatty():
        raise cli.CliError(f"U盘备份需要口令：请在终端中运行，或设置环境变量 {PASSPHRASE_VARIABLE}。",
                           code="no_passphrase")
    typed = getpass.getpass("口令：")
    if twice and getpass.getpass("再输一次：") != typed:
        raise cli.CliError("两次输入的口令不一样，没有备份。", code="passphrase_mismatch")
    return typed


def cmd_backup(args: argparse.Namespace) -> dict[str, Any]:
    """Make a verified backup now; with ``--to``, an encrypted one on a USB stick."""
    from partydesk.core.services import offsite
    from partydesk.core.services.maintenance import backup_now

    if args.to is None:
        with cli.opened(args) as db:
            info = backup_now(db, reason="manual")
        return {"message": f"备份完成并已校验：{info.path}", "backup": str(info.path), "size": info.size}
    passphrase = _passphrase(twice=True)
    with cli.opened(args) as db:
        written = offsite.write(db, Path(args.to), passphrase)
    return {"message": f"已写入U盘备份并核对：{written.path}（{written.members} 名党员，{written.files} 个附件）。"
                       "现在可以安全拔下U盘。请记住口令：没有口令谁也打不开这个备份。",
            "backup": str(written.path), "size": written.size, "members": written.members, "files": written.files,
            "removed": [str(p) for p in written.removed]}


def cmd_restore(args: argparse.Namespace) -> dict[str, Any]:
    """Replace the database with a backup or a USB backup (the current file is backed up first)."""
    from partydesk.core.errors import OtherOrganisationError
    from partydesk.core.services import maintenance, offsite
    from partydesk.core.storage.offsite import SUFFIX

    path = cli.db_path_of(args)
    source = Path(args.file)
    if not source.is_file():
        raise cli.CliError(f"找不到备份文件：{source}", code="no_backup")
    passphrase = _passphrase(twice=False) if source.suffix.lower() == SUFFIX else None
    with cli._lock_for(path):
        try:
            if passphrase is None:
                safety = maintenance.restore(path, source, other_organisation=args.other_organisation)
            else:
                safety = offsite.restore(path, source, passphrase, other_organisation=args.other_organisation)
        except OtherOrganisationError as exc:
            raise cli.CliError(f"{exc.message}如确要恢复，请加 --other-organisation 再运行一次。",
                               code=exc.code) from exc
        again = _to_import_again(path)
    extra = f"；恢复前的数据库已另存为 {safety.path}" if safety else ""
    return {"message": f"已从备份恢复：{source}{extra}{again}", "db": str(path),
            "safety_backup": str(safety.path) if safety else None}


def _to_import_again(path: Path) -> str:
    """After a restore or salvage: the packages imported after that backup whose copies are kept, and the command
    that imports them again ("" when there are none)."""
    from partydesk.core.errors import KnownError
    from partydesk.core.services import sync_received
    from partydesk.core.services.store import open_store

    try:
        db = open_store(path)
    except KnownError:
        return ""  # the restore is done; the window or the next command says what is wrong with the file
    try:
        found = sync_received.waiting(db)
    finally:
        db.close()
    if not found:
        return ""
    folder = sync_received.folder_of(path)
    return (f"\n恢复后的记录中缺少之后导入的 {len(found)} 个数据包（本机留有副本），重新导入："
            f"partydesk sync import \"{folder}\" --db \"{path}\"")


def cmd_salvage(args: argparse.Namespace) -> dict[str, Any]:
    """Salvage a damaged database in place: a copy of it is kept aside first, then every record that can still
    be read (and, where the newest backup has them, the rows those records need) goes into a new file."""
    from partydesk.core.errors import CorruptDatabaseError
    from partydesk.core.services.salvage import salvage_damaged
    from partydesk.core.services.store import open_store, quarantine_damaged

    path = cli.db_path_of(args)
    if not path.is_file():
        raise cli.CliError(f"找不到数据库文件：{path}", code="no_db")
    with cli._lock_for(path):
        try:
            open_store(path).close()  # as any command opens it (an older file is backed up, then upgraded)
        except CorruptDatabaseError:
            pass
        else:
            raise cli.CliError(f"数据库 {path} 通过了检查，没有损坏，不需要抢救。", code="not_damaged")
        kept = quarantine_damaged(path)
        done = salvage_damaged(path, kept)
        again = _to_import_again(path)
    return {"message": f"已抢救：{done.in_words()}损坏文件的副本保存在 {kept}。{again}", "db": str(path),
            "quarantine": str(kept), "whole": done.report.whole,
            "tables": {t.table: {"kept": t.kept, "left_out": t.left_out, "unreadable": t.unreadable,
                                 "from_backup": len(t.from_backup)} for t in done.report.tables}}


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``partydesk backup``, ``partydesk restore`` and ``partydesk salvage`` to the command tree."""
    p = sub.add_parser("backup", parents=[common], help="立即备份并校验（加 --to 则加密备份到U盘）")
    p.add_argument("--to", metavar="文件夹",
                   help=f"U盘上的文件夹：加密备份到那里（口令取自环境变量 {PASSPHRASE_VARIABLE}，或在终端输入）")
    p.set_defaults(handler=cmd_backup)
    p = sub.add_parser("restore", parents=[common], help="从备份文件（.db）或U盘备份（.pdbak）恢复数据库")
    p.add_argument("file", help="备份文件")
    p.add_argument("--other-organisation", action="store_true", help="确认恢复属于另一个党组织的备份")
    p.set_defaults(handler=cmd_restore)
    p = sub.add_parser("salvage", parents=[common],
                       help="数据库损坏又没有合适的备份时：把还能读出的记录抢救到新文件（损坏文件先另存）")
    p.set_defaults(handler=cmd_salvage)
