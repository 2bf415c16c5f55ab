"""``partydesk report annual``: the yearly branch report (年度党建工作台账) as .docx or PDF.

The suffix of ``--out`` picks the format. The PDF is laid out by Qt (imported here only, lazily: the
core never imports Qt); the .docx by python-docx.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from partydesk import cli

FORMATS = (".pdf", ".docx")


def cmd_annual(args: argparse.Namespace) -> dict[str, Any]:
    """Gather one year's report and write it."""
    from partydesk.core.services.annual_report import annual_report

    out = Path(args.out)
    if out.suffix.lower() not in FORMATS:
        raise cli.CliError(f"--out 的文件名应以 .pdf 或 .docx 结尾，而不是“{out.name}”。", code="format")
    if not out.parent.exists():
        raise cli.CliError(f"文件夹不存在：{out.parent}", code="no_folder")
    today = date.today()
    year = args.year or today.year
    if not 1950 <= year <= today.year:
        raise cli.CliError(f"年份 {year} 无效：应在 1950 到 {today.year} 之间。", code="year")
    from partydesk.cli_meetings import branch_org_id

    with cli.opened(args) as db:
        org_id = branch_org_id(db, args.branch) if args.branch else None
        report = annual_report(db, year, today=today, org_id=org_id)
    from partydesk.gui.report_pdf import write_report  # Qt lays the PDF out: imported only here

    write_report(report, out)
    fig = report.dashboard.figures
    whose = f"“{report.organisation}”" if args.branch else ""
    return {"message": f"已生成{whose}{year}年度党建工作台账：{out}", "out": str(out), "year": year,
            "branch": args.branch or "",
            "members": fig.members, "probationary": fig.probationary, "meetings_held": fig.meetings_held,
            "meetings_required": fig.meetings_required, "open_todos": fig.open_todos,
            "meetings": len(report.register)}


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``partydesk report annual`` to the command tree."""
    report = sub.add_parser("report", help="报表：年度党建工作台账")
    actions = report.add_subparsers(dest="report_command", metavar="报表", required=True)
    p = actions.add_parser("annual", parents=[common], help="生成年度党建工作台账（.pdf 或 .docx）")
    p.add_argument("--year", type=int, help="年份（默认今年）")
    p.add_argument("--out", required=True, metavar="FILE", help="输出文件：.pdf 或 .docx")
    p.add_argument("--branch", metavar="ORG_CODE", help="只写这个支部的台账（党委的数据库；默认全部支部）")
    p.set_defaults(handler=cmd_annual)
