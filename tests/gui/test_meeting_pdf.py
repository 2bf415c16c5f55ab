"""Minutes as PDF: Chinese text a second reader (pdftotext) extracts, page numbers, headless export."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from partydesk.cli import main
from partydesk.core.changes import LOCAL_USER
from partydesk.core.io.minutes_html import minutes_html
from partydesk.core.services.meeting_docs import minutes_of
from partydesk.core.storage.database import Database
from partydesk.gui.pdf import html_to_pdf
from tests.meeting_docs_sample import ABSENT_NAME, GUEST, LEAVE_NAME, LEAVE_REASON, PRESENT_NAMES, record_sample

# Simplified forms whose glyph the CJK font shares with a CJK Radicals Supplement code point (页 and ⻚
# U+2EDA), which NFKC does not fold: the PDF's text map may name either.
RADICALS = str.maketrans("⻚⻅⻓⻔⻋⻛⻜⻢⻥⻦⻩⻬⻮⻰⻳⻉", "页见长门车风飞马鱼鸟黄齐齿龙龟贝")


def pdf_pages(path: Path) -> list[str]:
    """The text of each page (pdftotext), folded: the CJK font maps some glyphs back to Kangxi radicals
    (⼈ U+2F08, NFKC folds those) or supplement radicals (⻚), which look the same on paper."""
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return unicodedata.normalize("NFKC", text).translate(RADICALS).split("\f")[:-1]


def test_minutes_pdf_holds_header_names_body_and_signatures(app: QApplication, db: Database, tmp_path: Path) -> None:
    """Title, every name with its reason, the body, the decisions, both signature lines and 第 1 页 共 1 页."""
    sample = record_sample(db)
    minutes = minutes_of(db, LOCAL_USER, sample.meeting_id)
    out = tmp_path / "minutes.pdf"
    html_to_pdf(minutes_html(minutes), out, title=minutes.title)
    (page,) = pdf_pages(out)
    flat = "".join(page.split())
    wanted = ["支部党员大会记录", "讨论发展党员工作", "应到人数", "6人", "实到人数", "4人", "符合法定人数",
              f"{LEAVE_NAME}({LEAVE_REASON})", f"{ABSENT_NAME}(未请假)", f"{GUEST[0]}({GUEST[1]})",
              "一、会议内容", "1.传达上级文件精神", "二、会议决定", "主持人签字", "记录人签字", "第1页共1页",
              *PRESENT_NAMES]
    for expected in wanted:
        assert expected in flat, expected
    assert "alert" not in flat
    for _name, id_number, phone in sample.people:
        assert id_number not in flat and phone not in flat


def test_every_page_is_numbered(app: QApplication, tmp_path: Path) -> None:
    """A document longer than a page says 第 N 页 共 M 页 at the foot of each page."""
    html = "".join(f"<p>第{i}段：会议内容会议内容会议内容。</p>" for i in range(200))
    out = tmp_path / "long.pdf"
    html_to_pdf(html, out, title="长文档")
    pages = pdf_pages(out)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert f"第{number}页共{len(pages)}页" in "".join(page.split())


def test_pages_after_the_first_say_which_record_they_belong_to(app: QApplication, tmp_path: Path) -> None:
    """Long minutes: every page after the first is headed with the organisation, the title and the day (a loose
    page of a filed record still says whose it is); the first, which has the title itself, is not."""
    from dataclasses import replace

    from tests.core.io.test_minutes_docx import MINUTES

    body = "".join(f"<p>第 {n} 段发言：同意支部委员会的工作安排，并提出改进意见。</p>" for n in range(90))
    minutes = replace(MINUTES, body=body)
    out = tmp_path / "long.pdf"
    html_to_pdf(minutes_html(minutes), out, title=minutes.title, running=minutes.running_head)
    pages = ["".join(page.split()) for page in pdf_pages(out)]
    head = "".join(minutes.running_head.split())
    assert len(pages) >= 3 and head == "中共示例社区第一支部委员会支部党员大会记录2026年11月20日"
    assert not pages[0].startswith(head) and all(page.startswith(head) for page in pages[1:])


def test_cli_export_pdf_inside_a_running_application(app: QApplication, db: Database, db_path: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """`meetings export ID --out FILE.pdf` exits 0 and writes a PDF of the minutes."""
    meeting_id = record_sample(db).meeting_id
    out = tmp_path / "记录.pdf"
    assert main(["meetings", "export", meeting_id, "--db", str(db_path), "--out", str(out)]) == 0
    assert "已导出支部党员大会记录" in capsys.readouterr().out
    assert "主持人签字" in "".join(pdf_pages(out)[-1].split())


def test_cli_export_pdf_runs_headless_in_a_fresh_process(db: Database, db_path: Path, tmp_path: Path) -> None:
    """With no display and no Qt platform set, the command line makes its own offscreen application."""
    meeting_id = record_sample(db).meeting_id
    db.close()
    out = tmp_path / "headless.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run([sys.executable, "-m", "partydesk", "meetings", "export", meeting_id, "--db", str(db_path),
                           "--out", str(out)], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert LEAVE_NAME in "".join(pdf_pages(out)[0].split())


def test_the_last_section_and_the_signatures_are_never_split_over_two_pages(app: QApplication) -> None:
    """Whatever the length of the record, 会议决定 and the signature lines under it stand on one page: when a
    page would end between them, the section starts the next page (the signatures are never alone)."""
    from dataclasses import replace

    from PySide6.QtGui import QPdfWriter

    from partydesk.core.io.minutes_html import KEEP_WITH_END
    from partydesk.gui.pdf import _holds_anchor, layout_document, page_layout
    from tests.core.io.test_minutes_docx import MINUTES

    writer = QPdfWriter(os.devnull)
    writer.setPageLayout(page_layout())
    moved = 0
    for lines in range(0, 60, 2):
        body = "".join(f"<p>第 {n} 段发言：同意支部委员会的工作安排，并提出改进意见。</p>" for n in range(lines))
        document = layout_document(minutes_html(replace(MINUTES, body=body, decisions="同意。")), writer)
        page = document.pageSize().height()
        block = document.begin()
        while not _holds_anchor(block, KEEP_WITH_END):
            block = block.next()
        top = document.documentLayout().blockBoundingRect(block).top()
        end = document.documentLayout().documentSize().height()
        assert int(top // page) == int((end - 1) // page), f"{lines} paragraphs: the end is split"
        moved += block.blockFormat().pageBreakPolicy() != block.blockFormat().pageBreakPolicy().PageBreak_Auto
    assert moved, "some length puts a page break inside the end, and it was moved to a page of its own"


def _is_heading(block: Any) -> bool:
    from partydesk.core.io.minutes_html import KEEP_WITH_END, KEEP_WITH_NEXT
    from partydesk.gui.pdf import _holds_anchor

    return _holds_anchor(block, KEEP_WITH_NEXT, prefix=True) or _holds_anchor(block, KEEP_WITH_END)


def _middle_of_first_line(document: Any, block: Any) -> float:
    top = document.documentLayout().blockBoundingRect(block).top()  # (lays the block out first)
    if block.layout().lineCount() == 0:  # an empty block (a table cell with nothing in it)
        return float(top)
    line = block.layout().lineAt(0)
    return float(top + line.y() + line.height() / 2)


def test_a_heading_never_ends_a_page_without_the_lines_under_it(app: QApplication) -> None:
    """三、表决情况 and its table, 一、会议内容 and its first paragraph: whatever the length of what stands
    above, a heading's line and the first line under it are printed on the same page."""
    from dataclasses import replace

    from PySide6.QtGui import QPdfWriter

    from partydesk.core.io.minutes_data import MotionLine
    from partydesk.gui.pdf import layout_document, page_layout
    from tests.core.io.test_minutes_docx import MINUTES

    writer = QPdfWriter(os.devnull)
    writer.setPageLayout(page_layout())
    minutes = replace(MINUTES, motions=(MotionLine("接收李明为预备党员", 5, 0, 1, True),), decisions="同意。" * 10)
    checked = 0
    for lines in range(0, 60):
        body = "".join(f"<p>第 {n} 段发言：同意支部委员会的工作安排，并提出改进意见。</p>" for n in range(lines))
        document = layout_document(minutes_html(replace(minutes, body=body)), writer)
        page = document.pageSize().height()
        block = document.begin()
        while block.isValid():
            if _is_heading(block):
                under = block.next()
                assert int(_middle_of_first_line(document, block) // page) == int(
                    _middle_of_first_line(document, under) // page), (
                    f"{lines} paragraphs: “{block.text()}” ends a page alone")
                checked += 1
            block = block.next()
    assert checked == 60 * 3


def test_the_yearly_report_keeps_each_heading_with_its_lines_and_leaves_no_page_nearly_empty(
        app: QApplication, tmp_path_factory: pytest.TempPathFactory) -> None:
    """The demo branch's 台账 as PDF: every block of text is placed (once a heading was moved, Qt's layout left
    later headings of no height, never printed); every part's and section's heading is printed on the page
    of the first line under it (a part's heading and its first section's together), and no page but the
    last is left less than half full."""
    from datetime import date

    from PySide6.QtGui import QPdfWriter

    from partydesk.core.demo import populate
    from partydesk.core.io.annual_report_html import report_html
    from partydesk.core.services.annual_report import annual_report
    from partydesk.core.storage.database import open_database
    from partydesk.gui.pdf import layout_document, page_layout

    db = open_database(tmp_path_factory.mktemp("report") / "demo.db")
    try:
        populate(db)
        report = annual_report(db, 2026, today=date(2026, 11, 30))
    finally:
        db.close()
    writer = QPdfWriter(os.devnull)
    writer.setPageLayout(page_layout())
    document = layout_document(report_html(report), writer)
    page = document.pageSize().height()
    layout = document.documentLayout()
    block, checked, used = document.begin(), 0, {}
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        assert rect.height() > 0 or not block.text().strip(), f"“{block.text()}” is not placed: never printed"
        if rect.height() and rect.height() < page:
            sheet = int(rect.top() // page)
            used[sheet] = max(used.get(sheet, 0.0), rect.bottom() - sheet * page)
        if _is_heading(block):
            assert int((rect.top() + 1) // page) == int((rect.bottom() - 1) // page), f"“{block.text()}” is cut"
            under = block.next()
            while _is_heading(under):
                under = under.next()
            assert int(_middle_of_first_line(document, block) // page) == int(
                _middle_of_first_line(document, under) // page), f"“{block.text()}” ends a page alone"
            checked += 1
        block = block.next()
    assert checked >= 15
    last = max(used)
    assert all(used[n] > page / 2 for n in used if n != last), {n: round(u / page, 2) for n, u in used.items()}


def test_a_heading_goes_with_a_table_qt_moves_to_the_next_page(app: QApplication) -> None:
    """A heading, then a table with a header row: whatever stands above, the heading is printed on the page
    where the table starts (Qt moves a table that cannot start at a page's foot to the next page, which left
    三、组织生活 alone at the foot of a committee's 台账)."""
    from PySide6.QtGui import QPdfWriter

    from partydesk.core.io.minutes_html import KEEP_WITH_NEXT
    from partydesk.gui.pdf import layout_document, page_layout

    writer = QPdfWriter(os.devnull)
    writer.setPageLayout(page_layout())
    table = ("<table border='1' cellpadding='3' width='100%'><thead><tr><th>会议类型</th><th>应开</th></tr></thead>"
             "<tbody>" + "<tr><td>支部党员大会</td><td>4</td></tr>" * 8 + "</tbody></table>")
    checked = 0
    for lines in range(30, 80):
        above = "".join(f"<p>第 {n} 行：统计截至年底的情况。</p>" for n in range(lines))
        html = f"<html><body>{above}<h1><a name='{KEEP_WITH_NEXT}-h1'>三、组织生活</a></h1>{table}</body></html>"
        document = layout_document(html, writer)
        page = document.pageSize().height()
        block = document.begin()
        while block.isValid() and block.text() != "三、组织生活":
            block = block.next()
        assert int(_middle_of_first_line(document, block) // page) == int(
            _middle_of_first_line(document, block.next()) // page), f"{lines} lines above: the heading is alone"
        checked += 1
    assert checked == 50


def _row_pages(document: Any, table: Any, row: int) -> set[int]:
    """The pages the lines of a table row's cells are printed on."""
    page, layout = document.pageSize().height(), document.documentLayout()
    pages = set()
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        block = document.findBlock(cell.firstPosition())
        while block.isValid() and block.position() <= cell.lastPosition():
            rect = layout.blockBoundingRect(block)
            lines = block.layout()
            for n in range(lines.lineCount()):
                line = lines.lineAt(n)
                pages.add(int((rect.top() + line.y() + line.height() / 2) // page))
            block = block.next()
    return pages


def test_a_table_row_is_never_split_over_two_pages(app: QApplication) -> None:
    """A register whose rows have one to three lines, with more or less above it so that every kind of row
    meets a page's foot somewhere: each row's lines are printed on one page (Qt left a topic's first line
    at the foot and its last under the next page's header), and every row is still there, in order."""
    from PySide6.QtGui import QPdfWriter, QTextTable

    from partydesk.gui.pdf import layout_document, page_layout

    writer = QPdfWriter(os.devnull)
    writer.setPageLayout(page_layout())
    topics = ("集体学习党章", "学习《中国共产党支部工作条例（试行）》，交流体会", "年度组织生活会：对照检查，开展批评和"
              "自我批评，民主评议党员，通报整改落实情况，部署下一年度的工作")
    body = "".join(f"<tr><td>2026-01-{n % 28 + 1:02d}</td><td>第{n}社区党支部</td><td>支部党员大会</td>"
                   f"<td>{topics[n % 3]}</td><td>第一党小组</td><td>{n}</td></tr>" for n in range(90))
    table = ("<table border='1' cellspacing='0' cellpadding='3' width='100%'><thead><tr><th>日期</th><th>支部</th>"
             f"<th>会议类型</th><th>主题</th><th>党小组</th><th>实到</th></tr></thead><tbody>{body}</tbody></table>")
    for lines in range(0, 40, 3):
        above = "".join(f"<p>第 {n} 行。</p>" for n in range(lines))
        document = layout_document(f"<html><body>{above}{table}</body></html>", writer)
        [register] = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]
        assert register.rows() == 91
        assert [document.findBlock(register.cellAt(r, 5).firstPosition()).text() for r in range(1, 91)] == [
            str(n) for n in range(90)]
        split = [r for r in range(1, 91) if len(_row_pages(document, register, r)) > 1]
        assert split == [], f"{lines} lines above: rows {split} split over two pages"
        assert document.pageCount() >= 4


def test_rows_stay_whole_under_headings_at_the_pdf_s_resolution_with_no_blank_band(app: QApplication) -> None:
    """The yearly report's shape at the PDF's 300 dpi: paragraphs, then sections each a heading over a register.
    Whatever stands above: no row is split (the first under a table's header neither), each heading is on the
    page where its table's first row is, and a row made taller to push the next to a new page is the last on
    its page (a row padded for a position a later move changed would leave a blank band mid-page)."""
    from PySide6.QtGui import QPdfWriter, QTextTable

    from partydesk.core.io.minutes_html import KEEP_WITH_NEXT
    from partydesk.gui.pdf import RESOLUTION, layout_document, page_layout

    writer = QPdfWriter(os.devnull)
    writer.setPageLayout(page_layout())
    writer.setResolution(RESOLUTION)
    topics = ("集体学习党章", "学习《中国共产党支部工作条例（试行）》，交流体会，结合实际谈认识",
              "年度组织生活会：对照检查，开展批评和自我批评，民主评议党员，通报整改落实情况，部署下一年度的工作")
    sections = "".join(
        f"<h2><a name='{KEEP_WITH_NEXT}-h{s}'>第{s}部分</a></h2><table border='1' cellspacing='0' cellpadding='3' "
        "width='100%'><thead><tr><th>日期</th><th>支部</th><th>主题</th><th>实到</th></tr></thead><tbody>"
        + "".join(f"<tr><td>2026-0{s}-{n + 1:02d}</td><td>第{n}社区党支部</td><td>{topics[(n + s) % 3]}</td>"
                  f"<td>{n}</td></tr>" for n in range(6 + 5 * s)) + "</tbody></table>" for s in range(1, 5))
    for lines in range(15, 60, 2):
        above = "".join(f"<p>第 {n} 行。</p>" for n in range(lines))
        document = layout_document(f"<html><body>{above}{sections}</body></html>", writer)
        page = document.pageSize().height()
        tables = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]
        assert len(tables) == 4
        for number, table in enumerate(tables, start=1):
            body = range(1, table.rows())
            split = [r for r in body if len(_row_pages(document, table, r)) > 1]
            assert split == [], f"{lines} lines above, table {number}: rows {split} split"
            padding = table.format().cellPadding()
            padded = [r for r in body if table.cellAt(r, 0).format().toTableCellFormat().bottomPadding() > padding]
            band = [r for r in padded if r + 1 < table.rows()
                    and _row_pages(document, table, r + 1) == _row_pages(document, table, r)]
            assert band == [], f"{lines} lines above, table {number}: rows {band} padded with the next row beside"
            heading = document.findBlock(table.firstPosition() - 1)
            assert heading.text() == f"第{number}部分"
            assert {int(_middle_of_first_line(document, heading) // page)} == _row_pages(document, table, 1), (
                f"{lines} lines above: 第{number}部分 apart from its first row")
