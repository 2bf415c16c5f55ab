"""The activity brief in the core: personal numbers refused, names only when chosen, the .docx read back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx import Document

from partydesk.core.errors import ValidationError
from partydesk.core.io.brief_data import BriefData, brief_file_name, check_brief, personal_numbers
from partydesk.core.io.brief_docx import write_brief_docx
from partydesk.core.io.brief_html import brief_html

BRIEF = BriefData("开展主题党日活动", date(2026, 11, 15), "中共示例社区第一支部委员会",
                  "上午，支部开展活动。\n\n大家深受教育。")


@pytest.mark.parametrize("text", ["身份证 11010519491231002X 已登记", "联系电话 13812345678", "电话：010-62345678",
                                  "旧证 110105491231002"])
def test_id_and_phone_numbers_are_refused_wherever_they_are_typed(text: str) -> None:
    """An ID- or phone-shaped number in the title, the summary or the names stops the brief, naming the field."""
    for field, brief in (("title", BriefData(**{**vars(BRIEF), "title": text})),
                         ("summary", BriefData(**{**vars(BRIEF), "summary": text})),
                         ("names", BriefData(**{**vars(BRIEF), "names": ("张伟", text)}))):
        with pytest.raises(ValidationError, match="身份证号码或电话号码") as caught:
            check_brief(brief)
        assert caught.value.field == field


def test_dates_counts_and_years_are_not_mistaken_for_numbers() -> None:
    """Ordinary numbers in a summary (a date, a count, a year) pass."""
    assert personal_numbers("2026年11月15日，36名党员参加，历时2小时，累计服务1200人次。") == []
    check_brief(BRIEF)


def test_a_brief_needs_a_title_and_real_photos(tmp_path: Path) -> None:
    """No title, a missing photo or a file that is no picture is refused before anything is written."""
    with pytest.raises(ValidationError, match="标题"):
        check_brief(BriefData(**{**vars(BRIEF), "title": " "}))
    with pytest.raises(ValidationError, match="找不到照片"):
        check_brief(BriefData(**{**vars(BRIEF), "photos": (tmp_path / "none.jpg",)}))
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(ValidationError, match="不是支持的图片"):
        check_brief(BriefData(**{**vars(BRIEF), "photos": (tmp_path / "notes.txt",)}))


def test_docx_has_heading_title_summary_and_names_only_when_chosen(tmp_path: Path) -> None:
    """The .docx reads back with its heading, title and paragraphs; 参加人员 appears only with names."""
    path = tmp_path / brief_file_name(BRIEF, ".docx")
    write_brief_docx(BRIEF, path)
    texts = [p.text for p in Document(str(path)).paragraphs]
    assert texts[0] == "活动简报" and "开展主题党日活动" in texts
    assert "上午，支部开展活动。" in texts and "大家深受教育。" in texts
    assert not any("参加人员" in t for t in texts)
    write_brief_docx(BriefData(**{**vars(BRIEF), "names": ("张伟", "李秀英")}), path)
    assert "参加人员：张伟、李秀英" in [p.text for p in Document(str(path)).paragraphs]


def test_html_escapes_what_was_typed_and_lists_names_only_when_chosen() -> None:
    """Typed markup stays text; the names line is there only when names were given."""
    html = brief_html(BriefData(**{**vars(BRIEF), "title": "<b>活动</b>"}))
    assert "&lt;b&gt;活动&lt;/b&gt;" in html and "参加人员" not in html
    assert "参加人员：</b>张伟" in brief_html(BriefData(**{**vars(BRIEF), "names": ("张伟",)}))
