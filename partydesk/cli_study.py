"""The ``partydesk study`` sub-commands: activities, the ledger, certificates, materials, report
(listed in cli._module_commands)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from partydesk import cli
from partydesk.cli_meetings import _date, _ids


def _tenths(args: argparse.Namespace) -> tuple[int, str]:
    """The activity's 学时 (tenths) from --hours, --days or --half-days, and how they were reckoned."""
    from partydesk.core.domain.study import UNIT_NAMES, Unit, convert, format_tenths, to_tenths
    from partydesk.core.services.rules import rule_values

    given = [(u, v) for u, v in ((Unit.FULL_DAY, args.days), (Unit.HALF_DAY, args.half_days)) if v]
    if bool(given) == bool(args.hours) or len(given) > 1:
        raise cli.CliError("请只用 --hours、--days、--half-days 中的一个给出学时。", code="hours")
    try:
        if args.hours:
            return to_tenths(args.hours), f"{format_tenths(to_tenths(args.hours))}学时"
        unit, count = given[0]
        db = cli._open(args)
        try:
            rates = rule_values(db)
        finally:
            db.close()
        return convert(unit, count, rates), f"{UNIT_NAMES[unit]}×{count}"
    except ValueError as exc:
        raise cli.CliError(f"学时无效：{exc}。", code="hours") from None


def cmd_forms(args: argparse.Namespace) -> dict[str, Any]:
    """List the study forms."""
    from partydesk.core.domain.study import STUDY_FORMS

    forms = [{"code": f.code, "name": f.name} for f in STUDY_FORMS]
    return {"message": "\n".join(f"{f['code']}\t{f['name']}" for f in forms), "forms": forms}


def cmd_add(args: argparse.Namespace) -> dict[str, Any]:
    """Record a study activity with its participants, or one member's own course with --evidence."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.domain.study import format_tenths
    from partydesk.core.services import study, study_files
    from partydesk.core.services.meetings import resolve_members
    from partydesk.core.storage.study_repo import ActivityData

    form = study.form_of(args.form)
    start = _date(args.date)
    end = _date(args.end) if args.end else start
    path = cli.db_path_of(args)
    with cli._lock_for(path):
        tenths, basis = _tenths(args)
        db = cli._open(args)
        try:
            people = list(dict.fromkeys(resolve_members(db, _ids(args.members)).values()))
            sha, name = "", ""
            if args.evidence:
                if len(people) != 1:
                    raise cli.CliError("附证明材料的个人学习只能有一名党员。", code="evidence_one")
                source = Path(args.evidence)
                sha, name = study_files.store_file(db.path, source), source.name
            data = ActivityData(form_code=form.code, topic=args.topic, start_on=start, end_on=end, hours_tenths=tenths,
                                organiser=args.organiser or "", basis=basis, individual=bool(args.evidence),
                                evidence_sha=sha, evidence_name=name)
            added = study.add_activity(db, LOCAL_USER, data, participants=dict.fromkeys(people))
        finally:
            db.close()
    return {"message": f"已记录{form.name}“{args.topic}”（{start:%Y-%m-%d}）：{added.credited} 人各计 "
                       f"{format_tenths(tenths)} 学时。",
            "id": added.activity_id, "members": added.credited, "hours": tenths / 10}


def cmd_count_meeting(args: argparse.Namespace) -> dict[str, Any]:
    """Count a recorded 党课 or 主题党日 as study for the members present."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.domain.study import format_tenths
    from partydesk.core.services import study

    path = cli.db_path_of(args)
    with cli._lock_for(path):
        tenths, _basis = _tenths(args)
        db = cli._open(args)
        try:
            added = study.count_meeting(db, LOCAL_USER, args.meeting, hours_tenths=tenths)
        finally:
            db.close()
    return {"message": f"已把这次会议计入学时：出席的 {added.credited} 人各计 {format_tenths(tenths)} 学时。",
            "id": added.activity_id, "members": added.credited, "hours": tenths / 10}


def cmd_list(args: argparse.Namespace) -> dict[str, Any]:
    """List a year's study activities."""
    from partydesk.core.domain.study import FORMS_BY_CODE, format_tenths
    from partydesk.core.services.study import activities_of_year

    year = args.year or date.today().year
    with cli.opened(args) as db:
        found = activities_of_year(db, year)
    rows = [{"id": a.id, "form": a.data.form_code, "start": a.data.start_on.isoformat(),
             "end": a.data.end_on.isoformat(), "topic": a.data.topic, "organiser": a.data.organiser,
             "hours": a.data.hours_tenths / 10, "members": a.participants, "individual": a.data.individual,
             "meeting_id": a.data.meeting_id} for a in found]
    lines = [f"{year}年共 {len(rows)} 项学习活动："] + [
        f"{a.data.start_on:%Y-%m-%d}\t{FORMS_BY_CODE[a.data.form_code].name}\t{a.data.topic}"
        f"\t{format_tenths(a.data.hours_tenths)} 学时\t{a.participants} 人" for a in found]
    return {"message": "\n".join(lines), "year": year, "activities": rows}


def cmd_hours(args: argparse.Namespace) -> dict[str, Any]:
    """Each member's year: hours required and credited (by name, never ranked)."""
    from partydesk.core.domain.study import format_tenths
    from partydesk.core.services.study_reports import ledger

    with cli.opened(args) as db:
        rows = ledger(db, args.year)
    members = [{"id": r.member_id, "name": r.name, "leader": r.leader, "required": r.required / 10,
                "expected": r.expected / 10, "credited": r.credited / 10, "done": r.done} for r in rows]
    done = sum(r.done for r in rows)
    lines = [f"{args.year}年学时台账：{len(rows)} 名党员，已完成年度学时 {done} 人。"] + [
        f"{r.name}\t应完成 {format_tenths(r.required)}\t已完成 {format_tenths(r.credited)}" for r in rows]
    return {"message": "\n".join(lines), "year": args.year, "members": members}


def cmd_report(args: argparse.Namespace) -> dict[str, Any]:
    """Write the year's study workbook: 党员培训情况, 学时台账 and each member's sheet."""
    from partydesk.core.services.study_export import write_study_report

    with cli.opened(args) as db:
        written = write_study_report(db, args.year, args.out)
    return {"message": f"已写入{args.year}年学习培训报表：{written}", "year": args.year, "path": str(written)}


def cmd_cert_add(args: argparse.Namespace) -> dict[str, Any]:
    """Record a member's certification or qualification."""
    from partydesk.core.changes import LOCAL_USER, ChangeKind
    from partydesk.core.domain.study_records import CertificationData
    from partydesk.core.services import study
    from partydesk.core.services.meetings import resolve_members

    obtained = _date(args.obtained) if args.obtained else None
    expires = _date(args.expires) if args.expires else None
    with cli.opened(args) as db:
        (member_id,) = resolve_members(db, [args.member]).values()
        changes = study.add_certification(db, LOCAL_USER, CertificationData(
            member_id, args.name, args.issuer or "", obtained, expires))
    (cert_id,) = changes.ids_of(ChangeKind.CERTIFICATION) or {""}
    return {"message": f"已登记证书“{args.name}”。", "id": cert_id}


def cmd_material_add(args: argparse.Namespace) -> dict[str, Any]:
    """Add a file (stored content-addressed beside the database) or a link to the materials library."""
    from partydesk.core.changes import LOCAL_USER, ChangeKind
    from partydesk.core.domain.study_records import MaterialData
    from partydesk.core.services import study, study_files

    if bool(args.file) == bool(args.link):
        raise cli.CliError("请用 --file 或 --link 中的一个给出资料。", code="file_or_link")
    dated = _date(args.date) if args.date else None
    with cli.opened(args) as db:
        sha, name = "", ""
        if args.file:
            source = Path(args.file)
            sha, name = study_files.store_file(db.path, source), source.name
        changes = study.add_material(db, LOCAL_USER, MaterialData(
            args.title, args.tags or "", dated, sha, name, args.link or ""))
    (material_id,) = changes.ids_of(ChangeKind.MATERIAL) or {""}
    return {"message": f"已加入学习资料“{args.title}”。", "id": material_id, "sha256": sha}


def cmd_materials(args: argparse.Namespace) -> dict[str, Any]:
    """List the materials library, or the items matching --search."""
    from partydesk.core.services.study import search_materials

    with cli.opened(args) as db:
        found = search_materials(db, args.search or "")
    rows = [{"id": i, "title": m.title, "tags": m.tags, "date": m.dated.isoformat() if m.dated else None,
             "file": m.file_name, "sha256": m.file_sha, "link": m.link} for i, m in found]
    lines = [f"学习资料 {len(rows)} 项："] + [f"{r['date'] or ''}\t{r['title']}\t{r['tags']}\t{r['file'] or r['link']}"
                                         for r in rows]
    return {"message": "\n".join(lines), "materials": rows}


def _hours_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--hours", metavar="N", help="学时数（可有一位小数）")
    p.add_argument("--days", metavar="N", help="脱产培训天数，按规则折算（默认每天 8 学时）")
    p.add_argument("--half-days", metavar="N", help="半天的次数，按规则折算（默认每半天 4 学时）")


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``partydesk study …`` to the command tree."""
    study = sub.add_parser("study", help="学习教育：记录学习活动、查看学时台账")
    actions = study.add_subparsers(dest="study_command", metavar="操作", required=True)
    actions.add_parser("forms", parents=[common], help="列出学习形式及其代码").set_defaults(handler=cmd_forms)
    p = actions.add_parser("add", parents=[common], help="记录一项学习活动及参加的党员")
    p.add_argument("--form", required=True, metavar="CODE", help="学习形式代码（见 study forms）")
    p.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="日期（多天的活动为开始日期）")
    p.add_argument("--end", metavar="YYYY-MM-DD", help="结束日期（多天的活动）")
    p.add_argument("--topic", required=True, help="学习内容")
    p.add_argument("--organiser", help="组织单位或主讲人")
    p.add_argument("--members", required=True, metavar="IDS", help="参加的党员：党员编号或公民身份号码，逗号分隔")
    p.add_argument("--evidence", metavar="FILE", help="证明材料（个人学习，仅一名党员时）")
    _hours_options(p)
    p.set_defaults(handler=cmd_add)
    p = actions.add_parser("count-meeting", parents=[common], help="把已记录的党课、主题党日计入出席党员的学时")
    p.add_argument("--meeting", required=True, metavar="ID", help="会议编号（见 meetings list --json）")
    _hours_options(p)
    p.set_defaults(handler=cmd_count_meeting)
    p = actions.add_parser("list", parents=[common], help="列出一年的学习活动")
    p.add_argument("--year", type=int, help="年份（默认今年）")
    p.set_defaults(handler=cmd_list)
    p = actions.add_parser("hours", parents=[common], help="每名党员一年的应完成和已完成学时")
    p.add_argument("--year", type=int, required=True, help="年份")
    p.set_defaults(handler=cmd_hours)
    p = actions.add_parser("cert-add", parents=[common], help="登记党员的技能证书或资格")
    p.add_argument("--member", required=True, metavar="ID", help="党员编号或公民身份号码")
    p.add_argument("--name", required=True, help="证书或资格名称")
    p.add_argument("--issuer", help="发证机关")
    p.add_argument("--obtained", metavar="YYYY-MM-DD", help="取得日期")
    p.add_argument("--expires", metavar="YYYY-MM-DD", help="有效期至（长期有效则不填）")
    p.set_defaults(handler=cmd_cert_add)
    p = actions.add_parser("material-add", parents=[common], help="把文件或链接加入学习资料库")
    p.add_argument("--title", required=True, help="标题")
    p.add_argument("--tags", help="标签，空格分隔")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="日期")
    p.add_argument("--file", metavar="FILE", help="资料文件（PDF、DOCX、文本等）")
    p.add_argument("--link", metavar="URL", help="链接")
    p.set_defaults(handler=cmd_material_add)
    p = actions.add_parser("materials", parents=[common], help="列出或搜索学习资料")
    p.add_argument("--search", metavar="WORDS", help="搜索标题、标签、备注或文件名")
    p.set_defaults(handler=cmd_materials)
    p = actions.add_parser("report", parents=[common], help="写出年度学习培训报表（.xlsx）")
    p.add_argument("--year", type=int, required=True, help="年份")
    p.add_argument("--out", required=True, metavar="FILE", help="输出的 .xlsx 文件")
    p.set_defaults(handler=cmd_report)
