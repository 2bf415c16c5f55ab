"""``partydesk sync notice …``: a committee writes a notice (通知) and addresses it to its branches; any site
lists the notices it holds.

``add --title T --body B [--attach FILE…] (--to ORG_CODE… | --all) [--deadline YYYY-MM-DD]``: the files are
copied into the attachment store first, then the notice and its addresses are written in one transaction;
the next downward package to each addressed branch carries it. ``list [--json]``: every notice, newest
first, with whether it was received (and read) or written here (and to whom).
``partydesk sync material send ID (--to ORG_CODE… | --all)`` addresses a study material of our library the
same way.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from partydesk import cli


def _day(text: str | None, what: str) -> date | None:
    if not text:
        return None
    return cli.day(text, what)


def cmd_notice_add(args: argparse.Namespace) -> dict[str, Any]:
    """Write a notice and address it."""
    from partydesk.core import attachments
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.domain.notices import NoticeData, NoticeFile
    from partydesk.core.services.notices import add_notice
    from partydesk.core.services.setup import own_organisation

    issued = _day(args.issued, "发布日期") or date.today()
    deadline = _day(args.deadline, "截止日期")
    with cli.opened(args) as db:
        root = attachments.store_root(db.path)
        files = [NoticeFile(s.sha256, s.name, s.mime, s.size)
                 for s in (attachments.put(root, Path(f)) for f in args.attach or [])]
        org = own_organisation(db)
        data = NoticeData(args.title, args.body, issued, args.issuer or (org.name if org else ""), deadline)
        done = add_notice(db, LOCAL_USER, data=data, files=files, to=args.to or [], to_all=args.all)
    return {"message": f"已发布通知《{args.title}》，附件 {len(files)} 个，下发至：{'、'.join(done.targets)}。\n"
                       "下次向这些党组织导出数据包时一并送达。",
            "id": done.notice_id, "targets": list(done.targets), "files": len(files)}


def cmd_notice_list(args: argparse.Namespace) -> dict[str, Any]:
    """Every notice held here."""
    from partydesk.core.services.notices import list_notices

    with cli.opened(args) as db:
        rows = list_notices(db)
    lines = []
    for n in rows:
        read = f"，已读 {n.read_count}/{len(n.targets)}" if n.read_count else ""
        read += f"，已办理 {n.done_count}/{len(n.targets)}" if n.done_count else ""
        mine = "已办理" if n.done_at is not None else "未读" if n.unread else "已读"
        state = "已撤回" if n.withdrawn else mine if n.received else f"发至 {'、'.join(n.targets) or '（无）'}{read}"
        due = f"，截止 {n.data.deadline:%Y-%m-%d}" if n.data.deadline else ""
        lines.append(f"{n.data.issued:%Y-%m-%d}  {n.data.title}（{n.data.issuer}{due}）  {state}  附件 {len(n.files)}")
    return {"message": "\n".join(lines) or "还没有通知。",
            "notices": [{"id": n.id, "title": n.data.title, "body": n.data.body, "issued": n.data.issued.isoformat(),
                         "issuer": n.data.issuer,
                         "deadline": n.data.deadline.isoformat() if n.data.deadline else None,
                         "received": n.received, "unread": n.unread, "withdrawn": n.withdrawn,
                         "targets": list(n.targets),
                         "read_by": _by_code(n.targets, n.read_by_target),
                         "done_by": _by_code(n.targets, n.done_by_target),
                         "done_at": f"{n.done_at:%Y-%m-%dT%H:%M:%S}Z" if n.done_at else None,
                         "files": [{"name": f.name, "sha256": f.sha256, "size": f.size} for f in n.files]}
                        for n in rows]}


def _by_code(codes: tuple[str, ...], times: tuple[Any, ...]) -> dict[str, str]:
    """Organisation code -> when (UTC, ISO), for the offices that reported it."""
    return {code: f"{when:%Y-%m-%dT%H:%M:%S}Z" for code, when in zip(codes, times, strict=False) if when is not None}


def cmd_notice_withdraw(args: argparse.Namespace) -> dict[str, Any]:
    """Take back a notice this office wrote."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.services.notices import withdraw_notice

    with cli.opened(args) as db:
        withdraw_notice(db, LOCAL_USER, args.id, reason=args.reason, today=date.today())
    return {"message": "通知已撤回；下次向各支部报送数据包时，收到过它的支部会看到“已撤回”和原因。", "id": args.id}


def cmd_material_send(args: argparse.Namespace) -> dict[str, Any]:
    """Address a study material of our library to branches."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.services.notices import send_material

    with cli.opened(args) as db:
        send_material(db, LOCAL_USER, args.id, to=args.to or [], to_all=args.all)
    whom = "全部已登记的下级党组织" if args.all else "、".join(args.to)
    return {"message": f"这份学习资料将随下次数据包下发至：{whom}。", "id": args.id,
            "to": "all" if args.all else list(args.to)}


def _targets(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--to", nargs="+", metavar="ORG_CODE", help="下发到的党组织的组织代码")
    group.add_argument("--all", action="store_true", help="下发到全部已登记的下级党组织")


def add_sync_actions(actions: Any, common: argparse.ArgumentParser) -> None:
    """Add ``notice add``, ``notice list``, ``notice withdraw`` and ``material send`` under ``partydesk sync``."""
    notice = actions.add_parser("notice", help="通知：上级党委发布并下发到下级党组织")
    sub = notice.add_subparsers(dest="notice_command", metavar="操作", required=True)
    p = sub.add_parser("add", parents=[common], help="发布一则通知并选择下发到哪些党组织")
    p.set_defaults(handler=cmd_notice_add)
    p.add_argument("--title", required=True, help="通知标题")
    p.add_argument("--body", default="", help="通知正文")
    p.add_argument("--attach", nargs="+", metavar="FILE", help="随通知下发的附件")
    p.add_argument("--issued", metavar="YYYY-MM-DD", help="发布日期（默认今天）")
    p.add_argument("--deadline", metavar="YYYY-MM-DD", help="要求办结的日期（可不填）")
    p.add_argument("--issuer", help="发文单位（默认本单位名称）")
    _targets(p)
    p = sub.add_parser("list", parents=[common], help="列出本单位发布和收到的通知")
    p.set_defaults(handler=cmd_notice_list)
    p = sub.add_parser("withdraw", parents=[common], help="撤回本单位发布的一则通知（须填写原因）")
    p.set_defaults(handler=cmd_notice_withdraw)
    p.add_argument("id", metavar="NOTICE_ID", help="通知的编号（partydesk sync notice list --json 可查）")
    p.add_argument("--reason", required=True, help="撤回原因")
    material = actions.add_parser("material", help="学习资料：上级党委选定后下发到下级党组织")
    sub = material.add_subparsers(dest="material_command", metavar="操作", required=True)
    p = sub.add_parser("send", parents=[common], help="把本单位资料库中的一份资料下发到下级党组织")
    p.set_defaults(handler=cmd_material_send)
    p.add_argument("id", metavar="MATERIAL_ID", help="资料的编号（partydesk study materials --json 可查）")
    _targets(p)
