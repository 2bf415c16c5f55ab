"""``partydesk sync conflicts`` and ``partydesk sync resolve``: the conflict review queue from the command line.

``conflicts [--json] [--unmasked]`` lists every undecided conflict as the exchange page shows it: its number,
the record (a member by name, a meeting by topic and day, with its branch), why it was queued, who made each
version and when, and each field that differs (本机 / 收到), ID and phone numbers masked as on the page;
``--unmasked`` shows them whole once a "reveal" of those records is in the audit trail (the page's 显示完整号码).
``resolve N --keep-local | --take-incoming`` decides one, exactly as the page's two buttons do
(``services.sync_conflicts.resolve``).
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import Any

from partydesk import cli


def cmd_conflicts(args: argparse.Namespace) -> dict[str, Any]:
    """Every undecided conflict with the fields that differ."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.domain.masking import Masking, shown
    from partydesk.core.services import audit
    from partydesk.core.services.sync_conflicts import open_conflicts

    masking = Masking.FULL if args.unmasked else Masking.MASKED
    with cli.opened(args) as db:
        found = open_conflicts(db)
        if found and args.unmasked:
            audit.record_access(db, LOCAL_USER, action="reveal", record_ids=[c.record_id for c in found],
                                summary="冲突处理显示完整号码（命令行）")
    found = [replace(c, differences=[replace(d, local=shown(d.field, d.local, masking),
                                             incoming=shown(d.field, d.incoming, masking)) for d in c.differences])
             for c in found]
    items = [{"id": c.id, "type": c.record_type, "record_id": c.record_id, "title": c.title, "reason": c.reason,
              "provenance": c.provenance,
              "differences": [{"field": d.field, "label": d.label, "local": d.local, "incoming": d.incoming}
                              for d in c.differences]} for c in found]
    if not found:
        return {"message": "没有待处理的冲突。", "conflicts": []}
    lines = [f"待处理的冲突 {len(found)} 条"
             "（用 partydesk sync resolve 编号 --keep-local 或 --take-incoming 逐条决定）："]
    for c in found:
        lines.append(f"\n[{c.id}] {c.title}：{c.reason}")
        lines += [f"    {line}" for line in c.provenance.splitlines()]
        lines += [f"    {d.label}：本机“{d.local or '（空）'}”，收到“{d.incoming or '（空）'}”" for d in c.differences]
    return {"message": "\n".join(lines), "conflicts": items}


def cmd_resolve(args: argparse.Namespace) -> dict[str, Any]:
    """Decide one conflict: keep this computer's version or take the one that arrived."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.services.sync_conflicts import open_conflicts, resolve

    with cli.opened(args) as db:
        title = next((c.title for c in open_conflicts(db) if c.id == args.id), "")
        if not title:
            raise cli.CliError(f"没有编号为 {args.id} 的待处理冲突（partydesk sync conflicts 列出全部）。",
                               code="not_found")
        resolve(db, LOCAL_USER, args.id, take_incoming=args.take_incoming)
    if args.take_incoming:
        said = f"已采纳收到的版本：{title}。"
    else:
        said = f"已保留本机的版本：{title}。下次导出数据包时会发给对方，使双方一致。"
    return {"message": said, "id": args.id, "decision": "took_incoming" if args.take_incoming else "kept_local"}


def add_sync_actions(actions: Any, common: argparse.ArgumentParser) -> None:
    """Add ``conflicts`` and ``resolve`` under ``partydesk sync``."""
    p = actions.add_parser("conflicts", parents=[common], help="列出待处理的冲突（两个版本逐项对照）")
    p.set_defaults(handler=cmd_conflicts)
    p.add_argument("--unmasked", action="store_true", help="显示完整的身份证号和电话（记入审计日志）")
    p = actions.add_parser("resolve", parents=[common], help="决定一条冲突：保留本机版本或采纳收到的版本")
    p.set_defaults(handler=cmd_resolve)
    p.add_argument("id", type=int, metavar="编号", help="冲突的编号（partydesk sync conflicts 列出）")
    choice = p.add_mutually_exclusive_group(required=True)
    choice.add_argument("--keep-local", action="store_true", help="保留本机的版本（随下一个数据包发给对方）")
    choice.add_argument("--take-incoming", action="store_true", help="采纳收到的版本")
