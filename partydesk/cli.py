"""The command line: one argparse tree. No sub-command opens the window; sub-commands do headless work.

Every sub-command takes ``--db PATH``, prints Chinese messages (or one JSON object with ``--json``) and
exits non-zero with a clear message on failure: 1 for a problem the user can fix, 2 for bad usage.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from partydesk import __version__
from partydesk.core.errors import KnownError

Handler = Callable[[argparse.Namespace], dict[str, Any]]


class CliError(KnownError):
    """A command-line problem reported with exit code 1."""

    code = "cli"


def _db_path(args: argparse.Namespace) -> Path:
    from partydesk.paths import default_db_path

    return Path(args.db) if getattr(args, "db", None) else default_db_path()


def _lock_for(path: Path) -> Any:
    from partydesk.core.instance import InstanceLock

    return InstanceLock(path.resolve().parent)


def _open(args: argparse.Namespace, *, must_exist: bool = True) -> Any:
    from partydesk.core.services.maintenance import backup_file
    from partydesk.core.storage.database import open_database

    path = _db_path(args)
    if must_exist and not path.exists():
        raise CliError(f"找不到数据库文件：{path}。请先运行 partydesk init 或用 --db 指定文件。", code="no_db")
    return open_database(path, backup=backup_file)


# ---------------------------------------------------------------- sub-commands


def cmd_init(args: argparse.Namespace) -> dict[str, Any]:
    """Create and set up a new database."""
    from partydesk.core.services.changes import LOCAL_USER
    from partydesk.core.services.setup import OrganisationInput, initialise_site

    path = _db_path(args)
    if path.exists() and path.stat().st_size > 0:
        raise CliError(f"文件已存在：{path}。init 只创建新的数据库。", code="exists")
    with _lock_for(path):
        db = _open(args, must_exist=False)
        try:
            initialise_site(
                db, LOCAL_USER,
                organisation=OrganisationInput(name=args.org_name, code=args.org_code, org_type=args.org_type),
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

    path = _db_path(args)
    with _lock_for(path):
        summary = create_demo(path, seed=args.seed, members=args.members)
    return {
        "message": f"已生成演示数据库：{path}（随机种子 {summary.seed}，党员 {summary.members} 名）",
        "db": str(path), "seed": summary.seed, "members": summary.members,
    }


def cmd_backup(args: argparse.Namespace) -> dict[str, Any]:
    """Make a verified backup now."""
    from partydesk.core.services.maintenance import backup_now

    path = _db_path(args)
    with _lock_for(path):
        db = _open(args)
        try:
            info = backup_now(db, reason="manual")
        finally:
            db.close()
    return {"message": f"备份完成并已校验：{info.path}", "backup": str(info.path), "size": info.size}


def cmd_restore(args: argparse.Namespace) -> dict[str, Any]:
    """Replace the database with a backup (the current file is backed up first)."""
    from partydesk.core.services.maintenance import restore

    path = _db_path(args)
    source = Path(args.file)
    if not source.is_file():
        raise CliError(f"找不到备份文件：{source}", code="no_backup")
    with _lock_for(path):
        safety = restore(path, source)
    extra = f"；恢复前的数据库已另存为 {safety.path}" if safety else ""
    return {"message": f"已从备份恢复：{source}{extra}", "db": str(path),
            "safety_backup": str(safety.path) if safety else None}


def cmd_check_db(args: argparse.Namespace) -> dict[str, Any]:
    """Full integrity and foreign-key check."""
    from partydesk.core.services.maintenance import check_database

    path = _db_path(args)
    with _lock_for(path):
        db = _open(args)
        try:
            report = check_database(db)
        finally:
            db.close()
    if not report.ok:
        raise KnownError("数据库检查发现问题：" + "；".join(report.problems[:5]), code="check_failed")
    return {"message": f"数据库检查通过：{path}", "ok": True, "sqlite_version": report.sqlite_version}


def cmd_self_test(args: argparse.Namespace) -> dict[str, Any]:
    """Temp database, migrations, a chart rendered offscreen: proves a bundle is complete."""
    del args
    from partydesk.core.charts.common import bar_chart, to_png
    from partydesk.core.demo import populate
    from partydesk.core.services.rules import list_rules
    from partydesk.core.storage.database import open_database
    from partydesk.core.storage.migrate import head_revision

    with tempfile.TemporaryDirectory(prefix="partydesk-selftest-") as tmp:
        db = open_database(Path(tmp) / "self-test.db")
        try:
            populate(db, seed=1)
            problems = db.integrity_problems()
            rules = [r for r in list_rules(db) if r.key.startswith("meeting.")]
        finally:
            db.close()
        if problems:
            raise KnownError("自检失败：数据库检查未通过。", code="self_test")
        png = to_png(bar_chart("会议频次（月）", [r.label.split("：")[0] for r in rules], [r.value for r in rules]))
        if not png.startswith(b"\x89PNG"):
            raise KnownError("自检失败：图表未能生成。", code="self_test")
    return {"message": f"自检通过：数据库结构 {head_revision()}，图表 {len(png)} 字节", "ok": True,
            "schema": head_revision(), "chart_bytes": len(png)}


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
    take_shot(db_path=Path(args.db) if args.db else None, page=args.page, out=out, size=(width, height),
              lang=args.lang)
    return {"message": f"已保存截图：{out}", "out": str(out), "page": args.page}


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
    return launch(_db_path(args), lang=args.lang)


# ---------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    """The whole command tree."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", help="数据库文件（默认在用户数据文件夹中）")
    common.add_argument("--json", action="store_true", help="以 JSON 输出结果")

    parser = argparse.ArgumentParser(prog="partydesk", description="partydesk 党支部工作台")
    parser.add_argument("--version", action="version", version=f"partydesk {__version__}")
    parser.add_argument("--db", metavar="PATH", help="数据库文件（默认在用户数据文件夹中）")
    parser.add_argument("--demo", action="store_true", help="在临时演示数据库上打开窗口")
    parser.add_argument("--seed", type=int, default=2026, help=argparse.SUPPRESS)
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言")
    sub = parser.add_subparsers(dest="command", metavar="命令")

    p = sub.add_parser("init", parents=[common], help="创建并设置新数据库")
    p.add_argument("--org-name", required=True, help="党组织名称")
    p.add_argument("--org-code", required=True, help="组织代码")
    p.add_argument("--org-type", default="党支部", help="组织类别（默认：党支部）")
    p.add_argument("--role", required=True, choices=["branch", "committee"], help="本机角色")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("demo", parents=[common], help="生成演示数据库")
    p.add_argument("--seed", type=int, default=2026, help="随机种子（相同种子生成相同数据）")
    p.add_argument("--members", type=int, default=None, help="党员人数（用于规模测试）")
    p.set_defaults(handler=cmd_demo)

    sub.add_parser("backup", parents=[common], help="立即备份并校验").set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", parents=[common], help="从备份文件恢复数据库")
    p.add_argument("file", help="备份文件")
    p.set_defaults(handler=cmd_restore)

    sub.add_parser("check-db", parents=[common], help="完整检查数据库").set_defaults(handler=cmd_check_db)
    sub.add_parser("self-test", parents=[common], help="程序自检").set_defaults(handler=cmd_self_test)

    p = sub.add_parser("shot", parents=[common], help="把一个页面离屏渲染为 PNG")
    p.add_argument("--page", required=True, help="页面：main, settings, firstrun, about …")
    p.add_argument("--out", required=True, help="输出 PNG 文件")
    p.add_argument("--size", default="1366x768", help="窗口大小，默认 1366x768")
    p.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN")
    p.set_defaults(handler=cmd_shot)

    for extend in _EXTENSIONS:
        extend(sub, common)
    return parser


# Later modules (roster, meetings, exchange) register their sub-commands here.
_EXTENSIONS: list[Callable[[Any, argparse.ArgumentParser], None]] = []


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
    args = build_parser().parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    try:
        if handler is None:
            return run_gui(args)
        _emit(args, handler(args))
        return 0
    except KnownError as exc:
        if getattr(args, "json", False):
            print(json.dumps({"error": exc.code, "message": exc.message}, ensure_ascii=False))
        else:
            print(f"错误：{exc.message}", file=sys.stderr)
        return 1
