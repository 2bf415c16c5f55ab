"""The minutes as .docx, read back with python-docx: title, header table, sections, signatures, fonts, A4."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from partydesk.core.io.minutes_data import Attendee, Guest, MinutesData, MotionLine, minutes_file_name
from partydesk.core.io.minutes_docx import write_minutes_docx

MINUTES = MinutesData(
    organisation="中共示例社区第一支部委员会", type_name="支部党员大会", topic="讨论发展党员工作",
    held_on=date(2026, 11, 20), start_time="14:30", end_time="16:30", place="社区党群服务中心", chair="王建国",
    recorder="李秀英", present=(Attendee("王建国"), Attendee("李秀英")), leave=(Attendee("赵敏", "出差"),),
    absent=(Attendee("孙强", "未请假"),), guests=(Guest("周丽", "街道党工委组织委员"),),
    body='<p>会议由<span style="font-weight:700">王建国</span>主持。</p><ol><li>传达文件</li><li>讨论</li></ol>',
    decisions="同意接收李明同志为中共预备党员。", voting_expected=3, voting_present=2, quorum_met=True)


def _read(tmp_path: Path, data: MinutesData) -> Document:  # type: ignore[valid-type]
    path = tmp_path / minutes_file_name(data, ".docx")
    write_minutes_docx(data, path)
    return Document(str(path))


def _table_text(document: Document) -> list[list[str]]:  # type: ignore[valid-type]
    return [[cell.text for cell in row.cells] for row in document.tables[0].rows]  # type: ignore[attr-defined]


def test_title_header_table_and_attendance_names(tmp_path: Path) -> None:
    """The title, the organisation and a header table with 应到/实到 and every name and reason."""
    document = _read(tmp_path, MINUTES)
    texts = [p.text for p in document.paragraphs]
    assert texts[:2] == ["支部党员大会记录", "中共示例社区第一支部委员会"]
    rows = {row[0]: row[1:] for row in _table_text(document)}
    assert rows["时间"] == ["2026年11月20日 14:30—16:30", "地点", "社区党群服务中心"]
    assert rows["应到人数"] == ["4 人", "实到人数", "2 人"]
    assert rows["出席人员"][0] == "王建国、李秀英"
    assert rows["请假人员"][0] == "赵敏（出差）" and rows["缺席人员"][0] == "孙强（未请假）"
    assert rows["列席人员"][0] == "周丽（街道党工委组织委员）"
    assert "符合法定人数" in rows["法定人数"][0]


def test_sections_are_headings_with_the_body_as_paragraphs(tmp_path: Path) -> None:
    """一、会议内容 and 二、会议决定 are headings; bold stays bold; list items are numbered."""
    document = _read(tmp_path, MINUTES)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["一、会议内容", "二、会议决定"]
    texts = [p.text for p in document.paragraphs]
    assert "1. 传达文件" in texts and "2. 讨论" in texts and "同意接收李明同志为中共预备党员。" in texts
    (opening,) = [p for p in document.paragraphs if p.text == "会议由王建国主持。"]
    assert [(r.text, bool(r.bold)) for r in opening.runs] == [("会议由", False), ("王建国", True), ("主持。", False)]


def test_agenda_and_votes_appear_only_when_recorded(tmp_path: Path) -> None:
    """With agenda items and motions the sections are numbered 一 to 四 and the votes form a table."""
    data = MinutesData(**{**vars(MINUTES), "agenda": ("审议发展对象",),
                          "motions": (MotionLine("接收李明为预备党员", 5, 0, 1, True),)})
    document = _read(tmp_path, data)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["一、会议议程", "二、会议内容", "三、表决情况", "四、会议决定"]
    votes = [[c.text for c in row.cells] for row in document.tables[1].rows]
    assert votes == [["表决事项", "赞成", "反对", "弃权", "结果"], ["接收李明为预备党员", "5", "0", "1", "通过"]]


def test_signature_lines_for_chair_and_recorder(tmp_path: Path) -> None:
    """The last paragraphs carry 主持人签字 and 记录人签字."""
    document = _read(tmp_path, MINUTES)
    signed = [p.text for p in document.paragraphs if "签字" in p.text]
    assert len(signed) == 1 and "主持人签字：" in signed[0] and "记录人签字：" in signed[0]


def test_a4_page_east_asian_fonts_and_page_numbers(tmp_path: Path) -> None:
    """A4; every run with text names its East-Asian font; every page's footer holds PAGE and NUMPAGES fields,
    and every page after the first is headed with the organisation, the title and the day."""
    document = _read(tmp_path, MINUTES)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert section.left_margin >= Mm(20)
    runs = [r for p in document.paragraphs for r in p.runs if r.text.strip()]
    runs += [r for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    fonts = {r._element.rPr.rFonts.get(qn("w:eastAsia")) for r in runs}
    assert fonts <= {"宋体", "仿宋", "黑体"} and None not in fonts
    assert min(r.font.size.pt for r in runs) >= 10.5
    for footer in (section.footer, section.first_page_footer):
        xml = footer.paragraphs[0]._p.xml
        assert "PAGE" in xml and "NUMPAGES" in xml and "第 " in footer.paragraphs[0].text
    assert section.different_first_page_header_footer
    assert section.header.paragraphs[0].text == "中共示例社区第一支部委员会　支部党员大会记录　2026年11月20日"
    assert not "".join(p.text for p in section.first_page_header.paragraphs)  # the first page has its title


def test_file_name_names_date_and_type_or_group() -> None:
    """会议记录-<date>-<type or group>.docx, with no characters Windows forbids; a group names its title."""
    data = MinutesData(**{**vars(MINUTES), "type_name": "党小组会", "party_group": "第一/党小组"})
    assert minutes_file_name(MINUTES, ".pdf") == "会议记录-2026-11-20-支部党员大会.pdf"
    assert minutes_file_name(data, ".docx") == "会议记录-2026-11-20-第一党小组.docx"
    assert data.title == "第一/党小组会议记录"


def test_an_empty_record_leaves_room_to_write_by_hand(tmp_path: Path) -> None:
    """With no body and no decisions the sections keep blank lines (4 and 2) for a handwritten record."""
    document = _read(tmp_path, MinutesData(**{**vars(MINUTES), "body": "", "decisions": ""}))
    texts = [p.text for p in document.paragraphs]
    body_at, decisions_at = texts.index("一、会议内容"), texts.index("二、会议决定")
    assert texts[body_at + 1:decisions_at] == [""] * 4
    assert texts[decisions_at + 1:decisions_at + 3] == [""] * 2 and "无" not in texts


def test_many_present_are_listed_in_a_grid_of_whole_names(tmp_path: Path) -> None:
    """Thirteen present: the names stand in a borderless grid, six to a row, each in a cell of its own (running
    text would break a name over two lines: "沈/鹏丹"); every name is there, in order."""
    names = ["蔡磊", "程晓超", "邓丽", "丁红芳", "董勇", "冯桂兰", "冯桂磊", "何静伟", "何军丹", "李华华", "李兰",
             "林兰强", "沈鹏丹"]
    document = _read(tmp_path, replace(MINUTES, present=tuple(Attendee(n) for n in names)))
    header = document.tables[0]  # type: ignore[attr-defined]
    [row] = [r for r in header.rows if r.cells[0].text == "出席人员"]
    [grid] = row.cells[1].tables
    cells = [[c.text for c in r.cells] for r in grid.rows]
    assert [len(r) for r in cells] == [6, 6, 6]
    assert [t for r in cells for t in r if t] == names
    assert row.cells[1].paragraphs[-1].text == "", "the cell ends with the paragraph Word requires"


def test_the_pdf_copy_lists_many_present_in_a_grid_of_whole_names_too() -> None:
    """The HTML the PDF is printed from puts each of thirteen names in a cell of its own, six to a row, as the
    Word copy does: no name can break over two lines ("李晓/梅")."""
    import re

    from partydesk.core.io.minutes_html import minutes_html

    names = ["蔡磊", "程晓超", "邓丽", "丁红芳", "董勇", "冯桂兰", "冯桂磊", "何静伟", "何军丹", "李华华", "李兰",
             "林兰强", "李晓梅"]
    html = minutes_html(replace(MINUTES, present=tuple(Attendee(n) for n in names)))
    grid = html[html.index("出席人员"):]
    grid = grid[grid.index('<table width="100%" border="0"'):grid.index("</table>")]
    rows = re.findall(r"<tr>(.*?)</tr>", grid)
    assert [len(re.findall(r"<td", r)) for r in rows] == [6, 6, 6]
    assert [n for r in rows for n in re.findall(r"<td[^>]*>([^<]+)</td>", r)] == names


def test_the_template_s_unused_headings_are_not_printed(tmp_path: Path) -> None:
    """A 党员大会 record started from its template with only 传达学习内容 written: the minutes show that heading
    with what was written under it, and 散会; not 主持人讲话 and 讨论发言 with nothing below them. A record
    where nothing was written under any heading prints as room to write."""
    from partydesk.core.domain.meeting_templates import template_for

    skeleton = template_for("general").body
    written = skeleton.replace("<p><b>传达学习内容</b></p><ul><li></li></ul>",
                               "<p><b>传达学习内容</b></p><ul><li>传达了区委全会精神。</li></ul>")
    texts = [p.text for p in _read(tmp_path, replace(MINUTES, body=written)).paragraphs]
    body = texts[texts.index("一、会议内容") + 1:texts.index("二、会议决定")]
    assert body == ["传达学习内容", "• 传达了区委全会精神。", "散会"]
    untouched = [p.text for p in _read(tmp_path, replace(MINUTES, body=skeleton)).paragraphs]
    assert untouched[untouched.index("一、会议内容") + 1:untouched.index("二、会议决定")] == [""] * 4


def test_the_pdf_copy_leaves_the_unused_headings_out_too() -> None:
    from partydesk.core.domain.meeting_templates import template_for
    from partydesk.core.io.minutes_html import minutes_html

    written = template_for("general").body.replace("<p><b>散会</b></p><ul><li></li></ul>",
                                                   "<p><b>散会</b></p><ul><li>16:30 散会。</li></ul>")
    html = minutes_html(replace(MINUTES, body=written))
    assert "16:30 散会。" in html and "主持人讲话" not in html and "讨论发言" not in html


def test_a_long_name_among_many_present_gets_a_grid_with_room_for_it(tmp_path: Path) -> None:
    """阿卜杜热合曼·买买提 (ten characters) among thirteen present: three names a row, so it is not split over
    two lines of a cell (it was, six a row); the PDF copy the same."""
    from partydesk.core.io.minutes_html import minutes_html

    names = ["阿卜杜热合曼·买买提", "程晓超", "邓丽", "丁红芳", "董勇", "冯桂兰", "冯桂磊", "何静伟", "何军丹",
             "李华华", "李兰", "林兰强", "沈鹏丹"]
    data = replace(MINUTES, present=tuple(Attendee(n) for n in names))
    header = _read(tmp_path, data).tables[0]  # type: ignore[attr-defined]
    [row] = [r for r in header.rows if r.cells[0].text == "出席人员"]
    [grid] = row.cells[1].tables
    assert [len(r.cells) for r in grid.rows] == [3] * 5
    assert [c.text for r in grid.rows for c in r.cells if c.text] == names
    assert minutes_html(data).count('<td width="33%">') == len(names)


def test_the_votes_table_is_never_split_and_goes_with_its_heading(tmp_path: Path) -> None:
    """LibreOffice printed an empty bordered strip atop page 2 when a votes row could split: no row splits, the
    header row repeats on a page the table runs onto, every row but the last is kept with the next, and the
    heading 三、表决情况 with the table."""
    motions = (MotionLine("接收李明为预备党员", 5, 0, 1, True), MotionLine("通过年度工作计划", 6, 0, 0, True))
    document = _read(tmp_path, replace(MINUTES, motions=motions))
    table = document.tables[-1]
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    kept = [all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs) for row in table.rows]
    assert kept == [True, True, False]
    heading = next(p for p in document.paragraphs if "表决情况" in p.text)
    assert heading.paragraph_format.keep_with_next
