"""``partydesk check``: the to-do list of the checks engine (listed in cli._module_commands).

Lists the findings open on a day (today by default), most urgent first; dismissed and still snoozed
ones are left out unless ``--all`` is given. ``--json`` gives ``code``, ``severity``, ``subject``,
``message``, ``due`` (ISO date or null) for each.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from partydesk import cli


def _day(text: str | None) -> date:
    if not text:
        return date.today()
    return cli.day(text)


def cmd_check(args: argparse.Namespace) -> dict[str, Any]:
    """Run every check and list the findings."""
    from partydesk.core.checks import engine

    today = _day(args.date)
    with cli.opened(args) as db:
        board = engine.board(db, today)
    found = board.open + ([f for f, _d in board.set_aside] if args.all else [])
    rows = [{"code": f.code, "severity": f.severity.name.lower(), "subject": f.subject, "message": f.message,
             "due": f.due.isoformat() if f.due else None} for f in found]
    lines = [f"{today:%Y-%m-%d}：{len(board.open)} 项待办" + (f"（另有 {len(board.set_aside)} 项已忽略或暂缓）"
                                                           if board.set_aside and not args.all else "")]
    lines += [f"[{f.severity.label}] {f.message}" + (f"（{f.due:%Y-%m-%d}）" if f.due else "") for f in found]
    return {"message": "\n".join(lines), "date": today.isoformat(), "findings": rows}


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``partydesk check`` to the command tree."""
    p = sub.add_parser("check", parents=[common], help="列出待办事项（检查花名册、会议等是否按要求）")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="按哪一天检查（默认今天）")
    p.add_argument("--all", action="store_true", help="也列出已忽略或暂缓的待办")
    p.set_defaults(handler=cmd_check)
