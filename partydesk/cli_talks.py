"""The ``partydesk talks`` sub-commands: add, list, register, due (谈心谈话; listed in cli._module_commands)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from partydesk import cli
from partydesk.cli_meetings import _date, _ids, _xlsx


def _talk_json(record: Any) -> dict[str, Any]:
    from partydesk.core.domain.talks import form_name

    d = record.data
    return {"id": record.id, "date": d.held_on.isoformat(), "by": d.by_name, "by_member_id": d.by_member_id,
            "with": list(d.with_ids), "with_names": list(record.with_names), "form": d.form,
            "form_name": form_name(d.form), "topic": d.topic, "follow_up": d.follow_up,
            "follow_up_on": d.follow_up_on.isoformat() if d.follow_up_on else None,
            "follow_up_done": d.follow_up_done}


def cmd_add(args: argparse.Namespace) -> dict[str, Any]:
    """Record one talk."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.services.meetings import resolve_members
    from partydesk.core.services.talks import TalkData, add_talk, get_talk, resolve_talker

    held_on = _date(args.date)
    follow_up_on = _date(args.follow_up_date) if args.follow_up_date else None
    with cli.opened(args) as db:
        with_ids = tuple(resolve_members(db, _ids(args.with_)).values())
        by_id, by_name = resolve_talker(db, args.by or "")
        data = TalkData(held_on=held_on, with_ids=with_ids, by_member_id=by_id, by_name=by_name,
                        form=args.form, topic=args.topic, content=args.content or "",
                        follow_up=args.follow_up or "", follow_up_on=follow_up_on)
        added = add_talk(db, LOCAL_USER, data)
        record = get_talk(db, added.talk_id)
    assert record is not None
    payload = _talk_json(record)
    payload["message"] = (f"已记录谈心谈话（{held_on:%Y-%m-%d}）：{record.data.by_name} 与 "
                          f"{'、'.join(record.with_names)}，{payload['form_name']}。")
    return payload


def cmd_list(args: argparse.Namespace) -> dict[str, Any]:
    """List a year's talks, newest first."""
    from partydesk.core.services.talks import talks_of_year

    year = args.year or date.today().year
    with cli.opened(args) as db:
        found = talks_of_year(db, year)
    rows = [_talk_json(r) for r in found]
    lines = [f"{year}年共 {len(rows)} 次谈心谈话："] + [
        f"{r['date']}\t{r['form_name']}\t{r['by']} → {'、'.join(r['with_names'])}\t{r['topic']}" for r in rows]
    return {"message": "\n".join(lines), "year": year, "talks": rows}


def cmd_due(args: argparse.Namespace) -> dict[str, Any]:
    """Members past due or due soon for a talk, the most overdue first."""
    from partydesk.core.domain.talks import SOON_DAYS
    from partydesk.core.services.talks import talk_months, talks_due

    today = _date(args.on) if args.on else date.today()
    with cli.opened(args) as db:
        months = talk_months(db)
        everyone = talks_due(db, today)
    rows: list[dict[str, Any]] = []
    for d in everyone:
        status = "overdue" if d.due is None or d.due < today else "soon" if (d.due - today).days <= SOON_DAYS else ""
        if status or args.all:
            rows.append({"member_id": d.member_id, "name": d.name, "party_group": d.party_group,
                         "last_talk": d.last_talk.isoformat() if d.last_talk else None,
                         "due": d.due.isoformat() if d.due else None, "status": status or "ok"})
    words = {"overdue": "已逾期", "soon": "即将到期", "ok": "未到期"}
    overdue = sum(r["status"] == "overdue" for r in rows)
    lines = [f"按每 {months} 个月至少谈心谈话一次（{today:%Y-%m-%d}）：{overdue} 人已逾期，"
             f"{sum(r['status'] == 'soon' for r in rows)} 人 {SOON_DAYS} 天内到期。"] + [
        f"{r['name']}\t{r['party_group']}\t"
        + (f"上次 {r['last_talk']}\t应于 {r['due']} 前" if r["last_talk"] else "尚无谈话记录")
        + f"\t{words[r['status']]}"
        for r in rows]
    return {"message": "\n".join(lines), "on": today.isoformat(), "months": months, "members": rows}


def cmd_register(args: argparse.Namespace) -> dict[str, Any]:
    """Write the year's talk register (谈心谈话登记表) as .xlsx."""
    from partydesk.core.services.talk_register import write_talk_register

    out = _xlsx(args.out, "谈心谈话登记表")
    year = args.year or date.today().year
    with cli.opened(args) as db:
        count = write_talk_register(db, year, out)
    return {"message": f"已导出{year}年谈心谈话登记表（{count} 次谈话）：{out}", "year": year, "talks": count,
            "path": str(out)}


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``partydesk talks …`` to the command tree."""
    from partydesk.core.domain.talks import TALK_FORMS

    talks = sub.add_parser("talks", help="谈心谈话：记录谈话、查看谁该谈话了")
    actions = talks.add_subparsers(dest="talks_command", metavar="操作", required=True)
    p = actions.add_parser("add", parents=[common], help="记录一次谈心谈话")
    p.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="谈话日期")
    p.add_argument("--with", dest="with_", required=True, metavar="IDS",
                   help="谈话对象：党员编号或公民身份号码，逗号分隔")
    p.add_argument("--by", metavar="NAME|ID", help="谈话人：党员编号、身份证号或姓名（默认支部书记）")
    p.add_argument("--form", default="individual", choices=[f.code for f in TALK_FORMS],
                   help="谈话形式：" + "，".join(f"{f.code}={f.name}" for f in TALK_FORMS))
    p.add_argument("--topic", required=True, help="谈话主题")
    p.add_argument("--content", help="谈话内容")
    p.add_argument("--follow-up", help="需要跟进的事项")
    p.add_argument("--follow-up-date", metavar="YYYY-MM-DD", help="跟进日期")
    p.set_defaults(handler=cmd_add)
    p = actions.add_parser("list", parents=[common], help="列出一年的谈心谈话")
    p.add_argument("--year", type=int, help="年份（默认今年）")
    p.set_defaults(handler=cmd_list)
    p = actions.add_parser("register", parents=[common], help="导出一年的谈心谈话登记表（.xlsx，不含谈话内容）")
    p.add_argument("--year", type=int, help="年份（默认今年）")
    p.add_argument("--out", required=True, metavar="FILE.xlsx", help="输出文件（.xlsx）")
    p.set_defaults(handler=cmd_register)
    p = actions.add_parser("due", parents=[common], help="列出已逾期或即将到期、应开展谈心谈话的党员")
    p.add_argument("--on", metavar="YYYY-MM-DD", help="按哪一天计算（默认今天）")
    p.add_argument("--all", action="store_true", help="列出全部在册党员，包括未到期的")
    p.set_defaults(handler=cmd_due)
