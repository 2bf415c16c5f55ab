"""The ``partydesk meetings`` sub-commands: types, add, list, compliance, export, register, attendance, delete
(listed in cli._module_commands)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from partydesk import cli


def _date(text: str) -> date:
    return cli.day(text)


def _group(name: object) -> str:
    return f"（{name}）" if name else ""


def _ids(text: str | None) -> list[str]:
    return [t for t in (text or "").replace("，", ",").split(",") if t.strip()]


def cmd_types(args: argparse.Namespace) -> dict[str, Any]:
    """List the meeting types."""
    from partydesk.core.domain.meetings import MEETING_TYPES

    types = [{"code": t.code, "name": t.name} for t in MEETING_TYPES]
    return {"message": "\n".join(f"{t['code']}\t{t['name']}" for t in types), "types": types}


def cmd_add(args: argparse.Namespace) -> dict[str, Any]:
    """Record one meeting and its attendance."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.services.meetings import add_meeting, resolve_members, type_of
    from partydesk.core.storage.meeting_repo import ABSENT, LEAVE, PRESENT, MeetingData

    kind = type_of(args.type)
    held_on = _date(args.date)
    with cli.opened(args) as db:
        statuses: dict[str, str] = {}
        for status, text in ((PRESENT, args.present), (LEAVE, args.leave), (ABSENT, args.absent)):
            tokens = _ids(text)
            for member_id in resolve_members(db, tokens).values():
                if member_id in statuses and statuses[member_id] != status:
                    raise cli.CliError("同一名党员不能同时列在 --present、--leave、--absent 中的两处。",
                                       code="twice")
                statuses[member_id] = status
        data = MeetingData(type_code=kind.code, topic=args.topic, held_on=held_on, party_group=args.group or "")
        added = add_meeting(db, LOCAL_USER, data, statuses=statuses)
    c = added.count
    quorum = {None: "", True: "，符合法定人数", False: "，未达到法定人数"}[c.quorum_met]
    return {"message": f"已记录{kind.name}（{held_on:%Y-%m-%d}）：应到 {c.expected} 人，实到 {c.present} 人{quorum}。",
            "id": added.meeting_id, "expected": c.expected, "present": c.present,
            "voting_expected": c.voting_expected, "voting_present": c.voting_present, "quorum_met": c.quorum_met}


def cmd_list(args: argparse.Namespace) -> dict[str, Any]:
    """List a year's meetings."""
    from partydesk.core.domain.group_order import group_sort_key
    from partydesk.core.domain.meetings import TYPES_BY_CODE
    from partydesk.core.services.meetings import SHORT_ID, meetings_of_year

    year = args.year or date.today().year
    with cli.opened(args) as db:
        # By day, the party groups of one day in their own order (第二 before 第三, as every list has them).
        found = sorted(meetings_of_year(db, year), key=lambda m: (m.held_on, group_sort_key(m.party_group)))
    rows = [{"id": m.id, "type": m.type_code, "date": m.held_on.isoformat(), "topic": m.topic,
             "party_group": m.party_group, "expected": m.expected, "present": m.present} for m in found]
    lines = [f"{year}年共 {len(rows)} 次会议（编号用于 meetings export 和 delete）："] + [
        f"{str(r['id'])[:SHORT_ID]}\t{r['date']}\t"
        f"{TYPES_BY_CODE[r['type']].name if r['type'] in TYPES_BY_CODE else r['type']}"
        f"{_group(r['party_group'])}\t{r['topic']}"
        f"\t应到 {r['expected']}，实到 {r['present']}"
        for r in rows]
    return {"message": "\n".join(lines), "year": year, "meetings": rows}


def cmd_compliance(args: argparse.Namespace) -> dict[str, Any]:
    """Required against held, per type and period; in a committee's file, branch by branch (each row then
    names its ``branch``: a committee owes none of the branch meetings itself)."""
    from partydesk.core.services.branches import branches
    from partydesk.core.services.meeting_reports import compliance

    with cli.opened(args) as db:
        found = branches(db)
        scopes = [(b.org_id, b.name or b.code) for b in found.items if not b.own] if found.committee else [(None, "")]
        judged = [(name, c) for org, name in scopes for c in compliance(db, args.year, org_id=org)]
    rows = [{"type": c.type_code, "name": c.type_name, "party_group": c.party_group, "period": c.period.label,
             "start": c.period.start.isoformat(), "end": c.period.end.isoformat(), "required": c.required,
             "held": c.held, "met": c.met, "open": c.open, "before_records": c.before_records,
             **({"branch": name} if found.committee else {})} for name, c in judged]
    # A period that ended before the branch's records began is owed nothing (meeting_reports.compliance).
    closed = [r for r in rows if not r["open"] and not r["before_records"]]
    missing = [r for r in closed if not r["met"]]
    done = len(closed) - len(missing)
    before = sum(c.before_records for _name, c in judged)
    note = f"（另有 {before} 个期间在启用本程序之前结束，不计）" if before else ""
    whose = f"（{len(scopes)} 个支部）" if found.committee else ""
    lines = [f"{args.year}年会议落实情况{whose}：已结束的 {len(closed)} 个期间中 {done} 个按要求召开。{note}"] + [
        f"未召开：{str(r['branch']) + '：' if found.committee else ''}{r['name']}{_group(str(r['party_group']))}"
        f"\t{r['period']}"
        for r in missing]
    return {"message": "\n".join(lines), "year": args.year, "periods": rows}


EXPORT_SUFFIXES = (".pdf", ".docx")


def cmd_export(args: argparse.Namespace) -> dict[str, Any]:
    """Write a meeting's minutes (会议记录) as PDF or Word."""
    from pathlib import Path

    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.services.meeting_docs import minutes_of
    from partydesk.core.services.meetings import meeting_id_of

    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise cli.CliError(f"不支持的文件类型“{out.suffix or out.name}”：会议记录可导出为 .pdf 或 .docx 文件。",
                           code="bad_suffix")
    with cli.opened(args) as db:
        args.id = meeting_id_of(db, args.id)
        minutes = minutes_of(db, LOCAL_USER, args.id, purpose="PDF" if suffix == ".pdf" else "Word")
    if suffix == ".pdf":
        from partydesk.core.io.minutes_html import minutes_html
        from partydesk.gui.pdf import html_to_pdf

        html_to_pdf(minutes_html(minutes), out, title=minutes.title, running=minutes.running_head)
    else:
        from partydesk.core.io.minutes_docx import write_minutes_docx

        write_minutes_docx(minutes, out)
    return {"message": f"已导出{minutes.title}（{minutes.held_on:%Y-%m-%d}）：{out}", "id": args.id,
            "path": str(out), "format": suffix.lstrip(".")}


def cmd_register(args: argparse.Namespace) -> dict[str, Any]:
    """Write the year's meeting register (会议台账) as .xlsx."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.io.meeting_register import write_register
    from partydesk.core.services.meeting_docs import register_of

    out = _xlsx(args.out, "会议台账")
    with cli.opened(args) as db:
        register = register_of(db, LOCAL_USER, args.year)
    write_register(register.rows, out, organisation=register.organisation, year=args.year)
    return {"message": f"已导出{args.year}年会议台账（{len(register.rows)} 次会议）：{out}", "year": args.year,
            "meetings": len(register.rows), "path": str(out)}


def _xlsx(out: str, what: str) -> Path:
    path = Path(out)
    if path.suffix.lower() != ".xlsx":
        raise cli.CliError(f"不支持的文件类型“{path.suffix or path.name}”：{what}导出为 .xlsx 文件。",
                           code="bad_suffix")
    return path


def branch_org_id(db: Any, code: str) -> str:
    """The id of the organisation with this code in the file (``--branch``); a CliError naming the codes there
    when there is none."""
    from partydesk.core.services import branches

    held = branches.branches(db).items
    found = [b for b in held if b.code == code]
    if not found:
        coded = [b for b in held if b.code]
        known = "、".join(f"{b.code}（{b.name}）" for b in coded[:20])
        known += f"等 {len(coded)} 个" if len(coded) > 20 else ""
        raise cli.CliError(f"本数据库中没有组织代码为 {code} 的支部的记录。" + (f"有：{known}。" if coded else ""),
                           code="unknown_branch")
    return found[0].org_id


def cmd_attendance(args: argparse.Namespace) -> dict[str, Any]:
    """Write the year's attendance statistics (党员出勤统计表) as .xlsx."""
    from partydesk.core.services.attendance_register import write_attendance_register

    out = _xlsx(args.out, "出勤统计")
    year = args.year or date.today().year
    with cli.opened(args) as db:
        org_id = branch_org_id(db, args.branch) if args.branch else None
        members = write_attendance_register(db, year, out, today=date.today(), org_id=org_id)
    return {"message": f"已导出{year}年党员出勤统计（{members} 名党员）：{out}", "year": year, "members": members,
            "path": str(out)}


def cmd_delete(args: argparse.Namespace) -> dict[str, Any]:
    """Delete a meeting recorded by mistake (a tombstone with its text wiped)."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.services.meeting_records import delete_meeting
    from partydesk.core.services.meetings import meeting_id_of

    with cli.opened(args) as db:
        args.id = meeting_id_of(db, args.id)
        delete_meeting(db, LOCAL_USER, args.id)
    return {"message": f"已删除会议 {args.id}。", "id": args.id, "deleted": True}


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``partydesk meetings …`` to the command tree."""
    meetings = sub.add_parser("meetings", help="三会一课：记录会议、查看落实情况")
    actions = meetings.add_subparsers(dest="meetings_command", metavar="操作", required=True)
    actions.add_parser("types", parents=[common], help="列出会议类型及其代码").set_defaults(handler=cmd_types)
    p = actions.add_parser("add", parents=[common], help="记录一次会议及出席情况（未列出的党员记为缺席）")
    p.add_argument("--type", required=True, metavar="CODE", help="会议类型代码（见 meetings types）")
    p.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="会议日期")
    p.add_argument("--topic", required=True, help="会议主题")
    p.add_argument("--group", metavar="NAME", help="党小组名称（党小组会必填）")
    p.add_argument("--present", metavar="IDS", help="出席党员：党员编号或公民身份号码，逗号分隔")
    p.add_argument("--leave", metavar="IDS", help="请假党员")
    p.add_argument("--absent", metavar="IDS", help="缺席党员")
    p.set_defaults(handler=cmd_add)
    p = actions.add_parser("list", parents=[common], help="列出一年的会议")
    p.add_argument("--year", type=int, help="年份（默认今年）")
    p.set_defaults(handler=cmd_list)
    p = actions.add_parser("compliance", parents=[common], help="按类型和期间列出应开与已开次数")
    p.add_argument("--year", type=int, required=True, help="年份")
    p.set_defaults(handler=cmd_compliance)
    p = actions.add_parser("export", parents=[common], help="把一次会议的记录导出为 PDF 或 Word 文件")
    p.add_argument("id", metavar="ID", help="会议编号（见 meetings list --json）")
    p.add_argument("--out", required=True, metavar="FILE", help="输出文件：.pdf 或 .docx")
    p.set_defaults(handler=cmd_export)
    p = actions.add_parser("register", parents=[common], help="导出一年的会议台账（.xlsx）")
    p.add_argument("--year", type=int, required=True, help="年份")
    p.add_argument("--out", required=True, metavar="FILE.xlsx", help="输出文件（.xlsx）")
    p.set_defaults(handler=cmd_register)
    p = actions.add_parser("attendance", parents=[common], help="导出一年的党员出勤统计（.xlsx）")
    p.add_argument("--year", type=int, help="年份（默认今年）")
    p.add_argument("--branch", metavar="ORG_CODE", help="只统计这个支部的会议（党委的数据库；默认全部）")
    p.add_argument("--out", required=True, metavar="FILE.xlsx", help="输出文件（.xlsx）")
    p.set_defaults(handler=cmd_attendance)
    p = actions.add_parser("delete", parents=[common], help="删除误录的会议（保留删除标记，清除记录内容）")
    p.add_argument("id", metavar="ID", help="会议编号（见 meetings list --json）")
    p.set_defaults(handler=cmd_delete)
