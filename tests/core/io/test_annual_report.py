"""The yearly report (年度党建工作台账): the same content in .docx and HTML; figures, charts, register, to-dos."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import docx
import pytest

from partydesk.core.demo import populate
from partydesk.core.io.annual_report import Heading, Paragraph, Picture, Table, blocks
from partydesk.core.io.annual_report_docx import report_docx
from partydesk.core.io.annual_report_html import report_html
from partydesk.core.services.annual_report import AnnualReport, annual_report
from partydesk.core.storage.database import open_database


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> AnnualReport:
    """The demo branch's 2026 report, judged on 2026-11-30."""
    db = open_database(tmp_path_factory.mktemp("annual") / "demo.db")
    try:
        populate(db)
        return annual_report(db, 2026, today=date(2026, 11, 30))
    finally:
        db.close()


def _text(document: docx.document.Document) -> str:
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_blocks_cover_figures_structure_meetings_study_talks_and_todos_in_order(report: AnnualReport) -> None:
    """Six numbered sections, in order; the key figures table says 36 members."""
    headings = [b.text for b in blocks(report) if isinstance(b, Heading) and b.level == 1]
    assert headings == ["一、主要数据", "二、党员队伍结构", "三、组织生活", "四、学习培训", "五、谈心谈话",
                        "六、待办事项与存在问题"]
    figures = next(b for b in blocks(report) if isinstance(b, Table))
    assert ("党员总数", "36 名") in figures.rows
    # It ends with the lines the committee's copy is stamped and signed on, after the last section.
    last = [b.text for b in blocks(report)[-3:] if isinstance(b, Paragraph)]
    assert last[0] == f"填报单位（盖章）：{report.organisation}"
    assert last[1].startswith("书记（签字）：") and "填报人（签字）：" in last[1] and last[2].startswith("填报日期：")


def test_docx_opens_and_holds_the_figures_register_todos_and_every_chart(report: AnnualReport) -> None:
    """python-docx reads it back: title, 36 名, a meeting of the register, an overdue to-do, one picture per chart."""
    document = docx.Document(io.BytesIO(report_docx(report)))
    text = _text(document)
    assert "2026年度党建工作台账" in text and "36 名" in text
    assert report.register[0].topic in text
    assert "2026年第二季度未召开党课" in text
    assert "完成全年规定学时" in text and "人均学时" in text
    assert len(document.inline_shapes) == len(report.charts) == 7


def test_html_embeds_every_chart_and_escapes_text(report: AnnualReport) -> None:
    """Charts travel inside the HTML as PNG data: URLs, so a PDF writer needs no files."""
    html = report_html(report)
    assert html.count("data:image/png;base64,") == len(report.charts)
    assert "<script" not in html and "党员总数" in html


def test_every_heading_is_kept_with_what_follows_and_no_part_is_forced_onto_a_new_page(
        report: AnnualReport) -> None:
    """Each part's and section's heading carries the keep-with-next anchor the PDF writer honours; no part
    starts a page of its own whatever the one before left (that made nearly empty pages)."""
    import re

    from partydesk.core.io.minutes_html import KEEP_WITH_NEXT

    html = report_html(report)
    assert "page-break" not in html
    kept = re.findall(rf"<h([12])><a name='{KEEP_WITH_NEXT}-h\d+'>(.+?)</a></h\1>", html)
    headings = [(str(b.level), b.text) for b in blocks(report) if isinstance(b, Heading) and b.level > 0]
    assert kept == headings


def test_pictures_are_pngs_with_their_titles(report: AnnualReport) -> None:
    """Each chart block is a PNG titled as the chart."""
    pictures = [b for b in blocks(report) if isinstance(b, Picture)]
    assert {p.title for p in pictures} >= {"年龄结构", "各类会议应开与已开", "组织生活出席率"}
    assert all(p.png.startswith(b"\x89PNG") for p in pictures)


def test_a_year_without_meetings_says_so(tmp_path: Path) -> None:
    """A fresh branch's report still reads: no meetings that year, nothing to list."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.services.setup import OrganisationInput, initialise_site

    db = open_database(tmp_path / "new.db")
    try:
        initialise_site(db, LOCAL_USER, organisation=OrganisationInput(name="中共新支部", code="9"), role="branch")
        empty = annual_report(db, 2025, today=date(2026, 11, 30))
    finally:
        db.close()
    text = _text(docx.Document(io.BytesIO(report_docx(empty))))
    assert "2025年没有会议记录。" in text and empty.as_of == date(2025, 12, 31)
    assert "无可统计的党员（花名册中还没有党员）" in text  # not "not enabled": there is simply nobody to count


def test_docx_columns_fit_dates_and_counts_and_headers_repeat(report: AnnualReport) -> None:
    """The meeting register's date and count columns are as wide as their text (no wrapped dates), the
    topic takes the rest; every table fills the text width and repeats its header on each page."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn

    from partydesk.core.io.annual_report_docx import TEXT_WIDTH_CM, column_widths_cm

    document = docx.Document(io.BytesIO(report_docx(report)))
    register = next(t for t in document.tables if t.rows[0].cells[0].text == "日期")
    widths = [c.width.cm for c in register.columns]
    assert widths[0] >= 2.5 and widths[2] == max(widths)
    assert sum(widths) == pytest.approx(TEXT_WIDTH_CM, abs=0.05)
    assert all(t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None for t in document.tables)
    # Each header cell as the PDF prints it: bold, centred, shaded light grey.
    for cell in register.rows[0].cells:
        shading = cell._tc.tcPr.find(qn("w:shd"))
        assert shading is not None and shading.get(qn("w:fill")) == "EEEEEE", cell.text
        assert cell.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER and cell.paragraphs[0].runs[0].bold
    short = column_widths_cm(["项目", "数值"], [("党员总数", "36 名")])
    assert sum(short) == pytest.approx(TEXT_WIDTH_CM, abs=0.05) and short[0] > short[1]
    # A committee's register of all its branches: the topic gets the room, not shared alike with the branch's
    # name (both were left about 2.7 cm, the topic wrapping to four lines); the date still never wraps.
    rows = [("2026-10-25", "幸福社区第一支部", "支部党员大会", "讨论发展党员和预备党员转正，研究年底工作安排",
             "第四党小组", "36", "33")]
    date_, branch, _kind, topic, *_rest = column_widths_cm(
        ["日期", "支部", "会议类型", "主题", "党小组", "应到", "实到"], rows)
    assert topic >= 1.5 * branch and date_ >= 2.5


def test_docx_rows_stay_whole_and_pages_are_numbered(report: AnnualReport) -> None:
    """No row breaks across a page (a topic split between pages read as two meetings); every page's foot says
    第 n 页 共 m 页 through Word's PAGE and NUMPAGES fields, the first page's too; every page after the first is
    headed with the report's title."""
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(report_docx(report)))
    rows = [row for table in document.tables for row in table.rows]
    assert rows and all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in rows)
    section = document.sections[0]
    for footer in (section.footer.paragraphs[0], section.first_page_footer.paragraphs[0]):
        codes = [e.text.strip() for e in footer._p.iter(qn("w:instrText"))]
        assert codes == ["PAGE", "NUMPAGES"] and footer.text == "第 1 页 共 1 页"
    assert section.different_first_page_header_footer
    assert section.header.paragraphs[0].text == f"{report.organisation}{report.year}年度党建工作台账"
    assert not "".join(p.text for p in section.first_page_header.paragraphs)


def test_the_todos_leave_out_the_program_s_own_reminders(report: AnnualReport) -> None:
    """Section 五 is the Party work's: the workbench's USB-backup reminder (the program's housekeeping) is not
    in it, nor counted in 未办结的待办事项, while an overdue meeting is."""
    assert any(f.code == "backup.offsite" for f in report.dashboard.findings), "the demo has no USB backup yet"
    listed = next(b for b in blocks(report) if isinstance(b, Table) and b.headers == ("程度", "事项", "期限"))
    items = [row[1] for row in listed.rows]
    assert "2026年第二季度未召开党课" in items
    assert not any("U盘" in item for item in items)
    figures = next(b for b in blocks(report) if isinstance(b, Table))
    assert ("未办结的待办事项", f"{len(items)} 项") in figures.rows


def test_the_study_activities_and_the_talks_of_the_year_are_registered(report: AnnualReport) -> None:
    """学习活动登记 lists each organised activity with its 学时 and numbers (members' own courses only counted);
    五、谈心谈话 counts the talks and the members talked with, then lists each talk: who, with whom, about
    what, never what was said."""
    from partydesk.core.io.annual_report import Paragraph

    parts = blocks(report)
    at = next(i for i, b in enumerate(parts) if isinstance(b, Heading) and b.text == "学习活动登记")
    register = parts[at + 1]
    assert isinstance(register, Table) and register.headers == ("日期", "形式", "主题", "学时", "参加人数")
    assert len(register.rows) == len(report.activities) > 0
    first = report.activities[0]
    assert register.rows[0][1:] == (first.form_name, first.topic, f"{first.hours_tenths / 10:g}",
                                    str(first.participants))
    if report.own_courses:
        assert any(isinstance(b, Paragraph) and f"{report.own_courses} 项" in b.text for b in parts)
    talks_at = next(i for i, b in enumerate(parts) if isinstance(b, Heading) and b.text == "五、谈心谈话")
    summary, listed = parts[talks_at + 1], parts[talks_at + 3]
    assert isinstance(summary, Table) and summary.rows[0] == ("谈心谈话", f"{len(report.talks)} 次")
    assert summary.rows[1][1].startswith(f"{report.talked_with} 名（在册 36 名")
    assert isinstance(listed, Table) and listed.headers == ("日期", "谈话人", "谈话对象", "主题")
    assert len(listed.rows) == len(report.talks) > 0
    assert [r[0] for r in listed.rows] == sorted(r[0] for r in listed.rows)  # oldest first
    text = _text(docx.Document(io.BytesIO(report_docx(report))))
    assert report.talks[0].topic in text and report.activities[-1].topic in text


def test_a_person_on_two_branches_rolls_is_said_in_the_figures_and_over_the_tables(report: AnnualReport) -> None:
    """A committee's roll with one person on two branches' rolls (a transfer under way): 党员总数 says that person
    is counted once and what the branches add up to, and the structure tables say they count them once. None of
    it for one roll each."""
    from dataclasses import replace

    from partydesk.core.io.annual_report import Paragraph

    def said(of: AnnualReport) -> str:
        parts = blocks(of)
        return "\n".join([str(cell) for b in parts if isinstance(b, Table) for row in b.rows for cell in row]
                         + [b.text for b in parts if isinstance(b, Paragraph)])

    figures = report.dashboard.figures
    assert "只计一次" not in said(report) and "两个支部" not in said(report)
    twice = replace(report, dashboard=replace(report.dashboard, figures=replace(
        figures, entries=figures.members + 1, on_two_rolls=1)))
    text = said(twice)
    assert (f"{figures.members} 名（其中 1 人同时在两个支部的花名册上，只计一次；"
            f"各支部人数相加为 {figures.members + 1} 名）") in text
    assert "有 1 人（公民身份号码相同）同时在两个支部的花名册上，本部分各表只计一次。" in text


def test_to_dos_set_aside_are_listed_with_their_reasons(tmp_path: Path) -> None:
    """A to-do dismissed or snoozed does not simply vanish from a document for filing: section 六 lists it with
    what was decided and why, and the figures count it beside the open ones."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.checks import engine

    db = open_database(tmp_path / "demo.db")
    try:
        populate(db)
        day = date(2026, 11, 30)
        lecture = next(f for f in engine.open_findings(db, day) if f.message == "2026年第二季度未召开党课")
        engine.dismiss(db, LOCAL_USER, lecture, reason="与主题党日合并开展，已报街道党工委")
        report = annual_report(db, 2026, today=day)
    finally:
        db.close()
    out = blocks(report)
    decided = next(b for b in out if isinstance(b, Table) and b.headers == ("事项", "处理", "原因"))
    assert decided.rows == [("2026年第二季度未召开党课", "忽略", "与主题党日合并开展，已报街道党工委")]
    listed = next(b for b in out if isinstance(b, Table) and b.headers == ("程度", "事项", "期限"))
    assert "2026年第二季度未召开党课" not in [row[1] for row in listed.rows]
    figures = next(b for b in out if isinstance(b, Table))
    assert ("未办结的待办事项", f"{len(listed.rows)} 项（另有 1 项已忽略或暂缓）") in figures.rows


def test_a_year_gone_by_is_charted_as_the_whole_year(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The 2025 report, made in 2026, charts 各类会议应开与已开 for 2025年全年, not 今年截至今日; this year's, made
    before its end, says 今年截至今日."""
    from partydesk.core.charts import activity

    spans: list[str] = []
    drawn = activity.meetings_by_type

    def spy(*args: object, **kwargs: object) -> object:
        spans.append(str(kwargs.get("span")))
        return drawn(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(activity, "meetings_by_type", spy)
    db = open_database(tmp_path / "demo.db")
    try:
        populate(db)
        annual_report(db, 2025, today=date(2026, 11, 30))
        annual_report(db, 2026, today=date(2026, 11, 30))
    finally:
        db.close()
    assert spans == ["2025年全年", "今年截至今日"]
    figure = drawn([("党课", 4, 3)], span="2025年全年")
    assert figure.axes[0].get_title() == "各类会议应开与已开（2025年全年）"
