"""The command line: one argparse tree. No sub-command opens the window; sub-commands do headless work.

Every sub-command takes ``--db PATH``, prints Chinese messages (or one JSON object with ``--json``) and
exits non-zero with a clear message on failure: 1 for a problem the user can fix, 2 for bad usage.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from partydesk import __version__, cli_selftest, cli_words
from partydesk.core.errors import KnownError
from partydesk.core.fs_errors import known_error_for_file

Handler = Callable[[argparse.Namespace], dict[str, Any]]


class CliError(KnownError):
    """A command-line problem reported with exit code 1."""

    code = "cli"


def day(text: str, field: str = "日期") -> date:
    """A date typed on the command line, in any form offices write one (2026-03-15, 2026.3.15, 2026年3月15日);
    a ``CliError`` saying what is wrong with it (2026-02-30: 2026年2月只有 28 天), as the window says it."""
    from partydesk.core.domain.validate import parse_date
    from partydesk.core.errors import ValidationError

    try:
        return parse_date(text.strip(), field=field)
    except ValidationError as exc:
        raise CliError(exc.message, code="bad_date") from None


def given_db(args: argparse.Namespace) -> Path | None:
    """The file named by ``--db``, before or after the sub-command (main() refuses two different ones)."""
    value = getattr(args, "db", None) or getattr(args, "global_db", None)
    return Path(value) if value else None


def db_path_of(args: argparse.Namespace) -> Path:
    """The database a command works on: the one named by ``--db``, else the default one."""
    from partydesk.paths import default_db_path

    path = given_db(args) or default_db_path()
    if path.is_dir():
        raise CliError(f"--db 指向的是文件夹“{path}”，不是数据库文件。请指定文件，例如 {path / 'partydesk.db'}。",
                       code="is_directory")
    return path


def _refuse_two_dbs(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    before, after = getattr(args, "global_db", None), getattr(args, "db", None)
    if before and after and Path(before).absolute() != Path(after).absolute():
        parser.error(f"--db 指定了两个不同的数据库文件：{before} 和 {after}。请只指定一个。")


@contextmanager
def _lock_for(path: Path) -> Iterator[None]:
    """The instance lock of ``path``'s folder for the command; a ``CliError`` in the command line's words
    when the program's window (or another command) holds it."""
    from partydesk.core.errors import AlreadyRunningError
    from partydesk.core.instance import InstanceLock

    lock = InstanceLock(path.resolve().parent)
    try:
        lock.acquire()
    except AlreadyRunningError as exc:
        raise CliError(f"数据库 {path} 已经在运行的党支部工作台（程序窗口或另一条命令）中打开：同一个数据文件夹一次只能"
                       "由一个程序使用。请先关闭程序窗口或等那条命令结束，再运行这条命令。",
                       code="already_running") from exc
    try:
        yield
    finally:
        lock.release()


def _open(args: argparse.Namespace, *, must_exist: bool = True) -> Any:
    from partydesk.core.services.maintenance import backup_file
    from partydesk.core.storage.database import open_database

    return open_database(db_path_of(args), backup=backup_file, create=not must_exist)


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[Any]:
    """The command's existing database, open under the instance lock, closed on the way out. A missing file
    is refused before the lock, which would otherwise leave a folder holding only its lock file."""
    path = db_path_of(args)
    if not path.exists():
        raise CliError(f"找不到数据库文件：{path}。请先运行 partydesk init 或用 --db 指定文件。", code="no_db")
    with _lock_for(path):
        db = _open(args)
        try:
            yield db
        finally:
            db.close()


# ---------------------------------------------------------------- sub-commands


def cmd_init(args: argparse.Namespace) -> dict[str, Any]:
    """Create and set up a new database."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.services.setup import OrganisationInput, initialise_site

    path = db_path_of(args)
    if path.exists() and path.stat().st_size > 0:
        raise CliError(f"文件已存在：{path}。init 只创建新的数据库。", code="exists")
    with _lock_for(path):
        db = _open(args, must_exist=False)
        try:
            initialise_site(
                db, LOCAL_USER,
                organisation=OrganisationInput(name=args.org_name, code=args.org_code, org_type=args.org_type or (
                    "党委" if args.role == "committee" else "党支部")),
                role=args.role,
            )
            site = db.site
        finally:
            db.close()
    assert site is not None
    return {"message": f"已创建数据库：{path}", "db": str(path), "site_id": site.site_id, "role": site.role}


def cmd_demo(args: argparse.Namespace) -> dict[str, Any]:
    """Create a demo database."""
    from partydesk.core.demo import create_demo

    path = db_path_of(args)
    with _lock_for(path):
        summary = create_demo(path, seed=args.seed, members=args.members, org_code=args.org_code,
                              org_name=args.org_name)
    return {
        "message": f"已生成演示数据库：{path}（随机种子 {summary.seed}，党员 {summary.members} 名）",
        "db": str(path), "seed": summary.seed, "members": summary.members,
    }


def cmd_check_db(args: argparse.Namespace) -> dict[str, Any]:
    """Full integrity and foreign-key check."""
    from partydesk.core.services.maintenance import check_database

    path = db_path_of(args)
    with opened(args) as db:
        report = check_database(db)
    if not report.ok:
        raise KnownError("数据库检查发现问题：" + "；".join(report.problems[:5]), code="check_failed")
    return {"message": f"数据库检查通过：{path}", "ok": True, "sqlite_version": report.sqlite_version}


def cmd_shot(args: argparse.Namespace) -> dict[str, Any]:
    """Render one page of the window offscreen to PNG."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError as exc:
        raise CliError(f"--size 应写成 宽x高，例如 1366x768，而不是“{args.size}”。", code="size") from exc
    from partydesk.gui.shot import take_shot

    out = Path(args.out)
    take_shot(db_path=given_db(args), page=args.page, out=out, size=(width, height),
              lang=args.lang)
    return {"message": f"已保存截图：{out}", "out": str(out), "page": args.page}


# ---------------------------------------------------------------- roster (花名册)

_SHOW_ROWS = 50  # rejected rows listed in the plain-text summary; --json lists them all


def _issue_lines(items: list[dict[str, Any]], *, what: str) -> list[str]:
    lines = []
    for item in items[:_SHOW_ROWS]:
        where = f"{item['column']}列（{item['header']}）" if item["column"] else (item["header"] or "")
        who = f"（{item['name']}）" if item.get("name") else ""
        lines.append(f"  第 {item['row']} 行{who} {where}[{item['code']}] {item['message']}")
    if len(items) > _SHOW_ROWS:
        lines.append(f"  …另有 {len(items) - _SHOW_ROWS} 条{what}，用 --json 查看全部。")
    return lines


def _import_message(summary: dict[str, Any], *, head: str) -> str:
    renamed = f"（其中改名 {summary['renamed']} 人）" if summary.get("renamed") else ""
    lines = [f"{head}新增 {summary['new']} 人，更新 {summary['updated']} 人{renamed}，未变 {summary['unchanged']} 人，"
             f"姓名不符 {summary.get('conflict', 0)} 行，拒绝 {summary['rejected']} 行。"]
    conflicts = summary.get("conflicts", []) if summary.get("conflict") else []
    if conflicts:
        lines.append("身份证号与已有党员相同但姓名不同（确是改名的，加 --accept-renames 确认）：")
        lines += [f"  第 {c['row']} 行：表中“{c['name_in_file']}”，已有“{c['name_on_record']}”" for c in conflicts]
    if summary.get("rows"):
        lines.append("错误：")
        lines += _issue_lines(summary["rows"], what="错误")
    if summary.get("warnings"):
        lines.append("提醒（不影响导入）：")
        lines += _issue_lines(summary["warnings"], what="提醒")
    if summary.get("category_from_dates"):
        # (As ``import_category.infer_category`` reads it: an update keeps the member's category.)
        lines.append("表中没有人员类别：新增的党员有转为正式党员日期的按正式党员、没有的按预备党员导入；"
                     "已有党员的人员类别不变（预备党员有了转正日期的，改为正式党员）。")
    skipped = summary.get("skipped", [])
    if skipped:
        lines.append(f"跳过 {len(skipped)} 行（不是党员，不导入）：")
        lines += [f"  第 {s['row']} 行 {s['reason']}" + (f"：{s['text']}" if s["text"] else "")
                  for s in skipped[:_SHOW_ROWS]]
    return "\n".join(lines)


def cmd_roster_import(args: argparse.Namespace) -> dict[str, Any]:
    """Check a roster file (dry run) or import it all-or-nothing."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.services.roster_import import (
        ImportRejected,
        RenamesUnconfirmed,
        RowsRejected,
        apply_import,
        plan_import,
    )

    source = Path(args.file)
    if not source.is_file():
        raise CliError(f"找不到要导入的文件：{source}", code="no_file")
    with opened(args) as db:
        try:
            plan = plan_import(db, source, skip_hidden_rows=args.skip_hidden_rows)
        except ImportRejected as exc:
            if not args.json:
                raise
            # The whole file is refused; JSON also says where an undecodable byte sits.
            return {"error": exc.code, "message": exc.message, "line": exc.line,
                    "byte_offset": exc.byte_offset, "applied": False, "exit_code": 1}
        summary: dict[str, Any] = {**plan.summary(), "dry_run": bool(args.dry_run), "applied": False}
        open_conflicts = plan.conflict if not args.accept_renames else 0
        if args.dry_run:
            head = "检查完成（未写入）："
            summary["exit_code"] = 1 if plan.rejected or open_conflicts else 0
        else:
            try:
                result = apply_import(db, LOCAL_USER, plan, skip_rejected=args.skip_rejected,
                                      accept_renames=args.accept_renames)
            except (RowsRejected, RenamesUnconfirmed) as exc:
                summary["exit_code"] = 1
                hint = "（可用 --skip-rejected 跳过这些行）" if isinstance(exc, RowsRejected) else ""
                summary["message"] = _import_message(summary, head="未导入：") + "\n" + exc.message + hint
                return summary
            nothing_left = bool(plan.rows) and not (result.new or result.updated or result.unchanged)
            summary["applied"] = not nothing_left
            # What was written, not what was planned: confirmed renames are updates now.
            renamed = plan.conflict if args.accept_renames else 0
            summary.update(new=result.new, updated=result.updated, unchanged=result.unchanged,
                           conflict=plan.conflict - renamed, renamed=renamed)
            summary["backup"] = str(result.backup_path) if result.backup_path else None
            if nothing_left:
                # Every row was skipped: that is a failed import, whatever the flags said.
                summary["exit_code"] = 1
                head = "没有导入任何数据（全部行都被拒绝或未确认）："
            else:
                head = "导入完成：" if not result.skipped_rows else "导入完成（已跳过被拒绝或未确认的行）："
    summary["message"] = _import_message(summary, head=head)
    return summary


def cmd_roster_export(args: argparse.Namespace) -> dict[str, Any]:
    """Write the roster to an .xlsx file, masked unless --unmasked."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.domain.masking import Masking
    from partydesk.core.services.roster_export import export_roster

    target = Path(args.file)
    if target.suffix.lower() != ".xlsx":
        raise CliError(f"导出文件应以 .xlsx 结尾：{target}", code="file_type")
    if args.columns is not None and args.layout != "print":
        raise CliError("--columns 只用于报送版（--layout print）；完整版导出全部列。", code="columns_need_print")
    columns = args.columns.split(",") if args.columns is not None else None
    if not target.parent.is_dir():
        raise CliError(f"找不到要保存到的文件夹：{target.parent}", code="no_dir")
    with opened(args) as db:
        result = export_roster(db, LOCAL_USER, target, masking=Masking.FULL if args.unmasked else Masking.MASKED,
                               include_departed=args.include_departed, layout=args.layout, columns=columns,
                               preparer=args.preparer)
    kind = "（证件号码和电话已脱敏）" if result.masked else "（含完整证件号码和电话，请妥善保管）"
    what = "花名册（报送版）" if args.layout == "print" else "花名册"
    return {"message": f"已导出 {result.count} 人的{what}{kind}：{result.path}", "file": str(result.path),
            "count": result.count, "masked": result.masked, "layout": args.layout}


def cmd_roster_list(args: argparse.Namespace) -> dict[str, Any]:
    """Print every live member (masked unless --unmasked)."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.domain.masking import Masking
    from partydesk.core.services.roster_export import roster_dicts

    with opened(args) as db:
        members = roster_dicts(db, LOCAL_USER, masking=Masking.FULL if args.unmasked else Masking.MASKED)
    lines = [f"共 {len(members)} 人"] + [
        f"{m['name']}\t{m['gender']}\t{m['id_number']}\t{m['category']}\t{m['joined_on'] or ''}\t{m['party_group']}"
        for m in members
    ]
    return {"message": "\n".join(lines), "count": len(members), "masked": not args.unmasked, "members": members}


_IMPORT_HELP = """\
检查并导入花名册（.xlsx .xlsm .xls .xlsb .ods 或 .csv）。按公民身份号码与已有党员对应：表中有、库中没有的为新增，
对应上的按表中内容更新（表中没有的列保留原值）。导入前自动备份数据库。

全部或全不：只要有一行未通过检查，就不导入任何数据（JSON 中 applied 为 false，退出码 1）；
加 --skip-rejected 则跳过这些行，导入其余各行；全部行都被跳过时退出码仍为 1。
身份证号与已有党员相同但姓名不同的行（姓名不符）须用 --accept-renames 确认是改名，否则同样不导入。
--dry-run 只检查不写入，有被拒绝或姓名不符的行时退出码为 1。
--json 输出 new、updated、unchanged、conflict、rejected 计数，rows（每条错误的 row、column、header、code、
message）、warnings（提醒）和 conflicts（row、name_on_record、name_in_file）。"""


def _add_roster_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    roster = sub.add_parser("roster", help="花名册：导入、导出、列出党员")
    actions = roster.add_subparsers(dest="roster_command", metavar="操作", required=True)

    p = actions.add_parser("import", parents=[common], help="检查并导入花名册（Excel/ODS 表格或 .csv）",
                           description=_IMPORT_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", help="要导入的表格（.xlsx .xls .ods 等）或 .csv 文件")
    p.add_argument("--dry-run", action="store_true", help="只检查并报告，不写入数据库")
    p.add_argument("--skip-rejected", action="store_true", help="跳过未通过检查的行，导入其余各行")
    p.add_argument("--accept-renames", action="store_true",
                   help="确认身份证号与已有党员相同但姓名不同的行是改名（先用 --dry-run 核对）")
    p.add_argument("--skip-hidden-rows", action="store_true", help="不导入在 Excel 中被隐藏的行")
    p.set_defaults(handler=cmd_roster_import)

    p = actions.add_parser("export", parents=[common], help="把花名册导出为 .xlsx（默认脱敏）")
    p.add_argument("file", help="要保存的 .xlsx 文件")
    p.add_argument("--unmasked", action="store_true", help="导出完整的公民身份号码和电话（可用于再次导入更新）")
    p.add_argument("--include-departed", action="store_true", help="包括已转出本支部的党员")
    p.add_argument("--layout", choices=("full", "print"), default="full",
                   help="full：完整版，全部列，用于交换数据（默认）；print：报送版，供打印盖章上报")
    p.add_argument("--columns", metavar="KEY,…",
                   help="报送版的列（字段名，逗号分隔，如 name,gender,joined_on），默认十一列加序号")
    p.add_argument("--preparer", metavar="姓名", help="制表人（默认为组织信息中的联系人）")
    p.set_defaults(handler=cmd_roster_export)

    p = actions.add_parser("list", parents=[common], help="列出全部党员（默认脱敏）")
    p.add_argument("--unmasked", action="store_true", help="显示完整的公民身份号码和电话")
    p.set_defaults(handler=cmd_roster_list)


# ---------------------------------------------------------------- audit (审计记录)


def _local_time(at: str) -> str:
    from datetime import datetime

    try:
        return datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return at  # a tampered row may not even hold a time; show what is there


def cmd_audit_list(args: argparse.Namespace) -> dict[str, Any]:
    """Print the newest audit entries (who, when, what kind of change; never personal data)."""
    from dataclasses import asdict

    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.services.audit import list_entries

    if args.limit < 1:
        raise CliError("--limit 至少为 1。", code="limit")
    with opened(args) as db:
        entries = list_entries(db, LOCAL_USER, limit=args.limit)
    lines = [f"最近 {len(entries)} 条审计记录（新的在前）："] + [
        f"{e.seq}\t{_local_time(e.at)}\t{e.actor_id}（{e.actor_role}）\t{e.action}\t{e.summary}"
        f"\t涉及 {len(e.record_ids)} 条记录"
        for e in entries
    ]
    return {"message": "\n".join(lines), "count": len(entries),
            "entries": [{**asdict(e), "record_ids": list(e.record_ids)} for e in entries]}


def cmd_audit_verify(args: argparse.Namespace) -> dict[str, Any]:
    """Walk the hash chain; name the first entry that does not match and exit 1 when there is one."""
    from partydesk.core.services.audit import entry_count, first_break

    with opened(args) as db:
        total = entry_count(db)
        broken = first_break(db)
    if broken is None:
        return {"message": f"审计记录完整：共 {total} 条，哈希链校验通过。", "ok": True, "count": total,
                "broken_seq": None}
    when = _local_time(broken.at)
    return {"message": f"审计记录校验失败：第 {broken.seq} 条（{when}）与哈希链不符，"
                       "这条或它之前的一条记录可能被改动或删除过。请保留数据库文件并报告管理员。",
            "ok": False, "count": total, "broken_seq": broken.seq, "broken_at": broken.at,
            "error": "audit_broken", "exit_code": 1}


def _add_audit_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    audit = sub.add_parser("audit", help="审计记录：列出、校验")
    actions = audit.add_subparsers(dest="audit_command", metavar="操作", required=True)
    p = actions.add_parser("list", parents=[common], help="列出最近的审计记录")
    p.add_argument("--limit", type=int, default=50, help="最多列出多少条（默认 50）")
    p.set_defaults(handler=cmd_audit_list)
    p = actions.add_parser("verify", parents=[common], help="校验审计记录的哈希链是否完整")
    p.set_defaults(handler=cmd_audit_verify)


# ---------------------------------------------------------------- GUI


def run_gui(args: argparse.Namespace) -> int:
    """Open the window (on a fresh demo database with --demo)."""
    from partydesk.gui.launch import launch

    if args.demo:
        from partydesk.core.demo import create_demo

        folder = Path(tempfile.mkdtemp(prefix="partydesk-demo-"))
        path = folder / "partydesk-demo.db"
        create_demo(path, seed=args.seed)
        return launch(path, lang=args.lang, demo=True)
    return launch(db_path_of(args), lang=args.lang)


# ---------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    """The whole command tree."""
    cli_words.install()
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: a sub-command's --db that is not given must not overwrite the global one.
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="数据库文件（默认在用户数据文件夹中）")
    common.add_argument("--json", action="store_true", help="以 JSON 输出结果")

    parser = argparse.ArgumentParser(prog="partydesk", description="partydesk 党支部工作台")
    parser.add_argument("--version", action="version", version=f"partydesk {__version__}", help="显示程序版本并退出")
    parser.add_argument("--db", dest="global_db", metavar="PATH", help="数据库文件（默认在用户数据文件夹中）")
    parser.add_argument("--demo", action="store_true", help="在临时演示数据库上打开窗口")
    parser.add_argument("--seed", type=int, default=2026, help=argparse.SUPPRESS)
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言")
    sub = parser.add_subparsers(dest="command", metavar="命令")

    p = sub.add_parser("init", parents=[common], help="创建并设置新数据库")
    p.add_argument("--org-name", required=True, help="党组织名称")
    p.add_argument("--org-code", required=True, help="组织代码")
    p.add_argument("--org-type", default=None, help="组织类别（默认：branch 为党支部，committee 为党委）")
    p.add_argument("--role", required=True, choices=["branch", "committee"], help="本机角色")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("demo", parents=[common], help="生成演示数据库")
    p.add_argument("--seed", type=int, default=2026, help="随机种子（相同种子生成相同数据）")
    p.add_argument("--members", type=int, default=None, help="党员人数（用于规模测试）")
    p.add_argument("--org-code", help="演示党支部的组织代码（在一台电脑上演示几个支部向党委报送时用）")
    p.add_argument("--org-name", help="演示党支部的名称")
    p.set_defaults(handler=cmd_demo)

    sub.add_parser("check-db", parents=[common], help="完整检查数据库").set_defaults(handler=cmd_check_db)
    sub.add_parser("self-test", parents=[common], help="程序自检").set_defaults(handler=cli_selftest.cmd_self_test)

    p = sub.add_parser("shot", parents=[common], help="把一个页面离屏渲染为 PNG")
    p.add_argument("--page", required=True, help="页面：main, settings, firstrun, about …")
    p.add_argument("--out", required=True, help="输出 PNG 文件")
    p.add_argument("--size", default="1366x768", help="窗口大小，默认 1366x768")
    p.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN")
    p.set_defaults(handler=cmd_shot)

    _add_roster_commands(sub, common)
    _add_audit_commands(sub, common)
    for extend in _EXTENSIONS:
        extend(sub, common)
    return parser


# Each module's sub-commands live in its own ``cli_<module>.py`` with an ``add_commands(sub, common)``. The
# imports are written out (not looked up by name) so PyInstaller bundles every one of them.
def _module_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    from partydesk import cli_backup, cli_check, cli_meetings, cli_report, cli_study, cli_sync, cli_talks

    for module in (cli_backup, cli_meetings, cli_study, cli_talks, cli_check, cli_report, cli_sync):
        module.add_commands(sub, common)


_EXTENSIONS: list[Callable[[Any, argparse.ArgumentParser], None]] = [_module_commands]


def _emit(args: argparse.Namespace, payload: dict[str, Any]) -> None:
    if getattr(args, "json", False):
        print(json.dumps(payload, ensure_ascii=False, default=str))
    elif payload.get("message"):
        print(payload["message"])


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run; returns the process exit code."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
    # Headless runs keep stderr for real errors; the GUI logs to a file in the data folder.
    logging.getLogger().addHandler(logging.NullHandler())
    # Everything the program writes (database, backups, exports, logs, folders) is owner-only on POSIX.
    os.umask(0o077)
    parser = build_parser()
    args = parser.parse_args(argv)
    _refuse_two_dbs(parser, args)
    handler: Handler | None = getattr(args, "handler", None)
    try:
        if handler is None:
            return run_gui(args)
        try:
            payload = handler(args)
        except OSError as exc:
            known = known_error_for_file(exc)
            if known is None:
                raise
            raise known from exc
        # A handler that reports a failure in its own shape (an import with rejected rows) says so here.
        exit_code = int(payload.pop("exit_code", 0))
        _emit(args, payload)
        return exit_code
    except BrokenPipeError:
        # `partydesk roster list | head`: the reader has all it wants. Leave quietly, and keep Python
        # from complaining again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KnownError as exc:
        message = exc.message + _way_back(args, exc)
        if getattr(args, "json", False):
            print(json.dumps({"error": exc.code, "message": message}, ensure_ascii=False))
        else:
            print(f"错误：{message}", file=sys.stderr)
        return 1


def _way_back(args: argparse.Namespace, exc: KnownError) -> str:
    """For a damaged database: the newest verified backup and the command that restores it ("" otherwise)."""
    from partydesk.core.errors import CorruptDatabaseError

    if not isinstance(exc, CorruptDatabaseError):
        return ""
    from partydesk.core.services.store import newest_verified_backup

    path = db_path_of(args)
    newest = newest_verified_backup(path)
    if newest is None:
        return (f"本机没有经过校验的备份：请用U盘上的备份恢复：partydesk restore U盘备份.pdbak --db \"{path}\"；"
                f"没有备份时，抢救还能读出的记录：partydesk salvage --db \"{path}\"。")
    return (f"最近一次经过校验的备份是 {newest.created:%Y-%m-%d %H:%M} 做的，恢复它："
            f"partydesk restore \"{newest.path}\" --db \"{path}\"（恢复前会另存当前文件）；之后录入的内容"
            f"要紧时，可改为抢救损坏文件中还能读出的记录：partydesk salvage --db \"{path}\"。")
