"""The body's simple rich text: paragraphs, bold and lists survive; everything else is dropped safely."""

from __future__ import annotations

from partydesk.core.io.minutes_body import Run, blocks_html, body_blocks, plain_text

QT_HTML = ('<!DOCTYPE HTML><html><head><meta name="qrichtext" content="1" /><style type="text/css">'
           "p, li { white-space: pre-wrap; }</style></head><body style=\" font-family:'Sans';\">"
           '<p style=" margin-top:0px;">会议由<span style=" font-weight:700;">王建国</span>主持。</p>'
           '<ul style="margin-top: 0px;"><li style=" margin-top:12px;">第一项 &amp; <b>重点</b></li>'
           "<li>第二项</li></ul><ol><li>甲</li><li>乙</li></ol>"
           '<p style="-qt-paragraph-type:empty;"><br /></p><p>结束</p></body></html>')


def test_a_qtextedit_document_becomes_paragraphs_bold_runs_and_numbered_items() -> None:
    """QTextEdit's HTML (style sheet, spans with font-weight) keeps paragraphs, bold, bullets and numbers."""
    blocks = body_blocks(QT_HTML)
    assert [b.text for b in blocks] == ["会议由王建国主持。", "第一项 & 重点", "第二项", "甲", "乙", "结束"]
    assert [(r.text, r.bold) for r in blocks[0].runs] == [("会议由", False), ("王建国", True), ("主持。", False)]
    assert [(b.list_kind, b.number) for b in blocks[1:5]] == [("ul", 1), ("ul", 2), ("ol", 1), ("ol", 2)]
    assert "white-space" not in "".join(b.text for b in blocks)


def test_scripts_styles_images_and_links_leave_nothing_but_their_text() -> None:
    """Script and style content vanishes; tags and attributes never reach the output HTML."""
    html = ('<p>甲<script>alert("x")</script><img src="x" onerror="steal()">乙'
            '<a href="http://evil" onclick="x()">丙</a></p><style>p{color:red}</style>')
    out = blocks_html(body_blocks(html))
    assert out == "<p>甲乙丙</p>"


def test_text_is_escaped_when_written_back_as_html() -> None:
    """A typed < or & is text, not markup."""
    out = blocks_html(body_blocks("<p>1 &lt; 2 &amp;&amp; &lt;b&gt;x&lt;/b&gt;</p>"))
    assert out == "<p>1 &lt; 2 &amp;&amp; &lt;b&gt;x&lt;/b&gt;</p>"


def test_plain_text_without_tags_is_one_paragraph_a_line() -> None:
    """Bodies stored as plain text (command line, older records) keep their lines; blank lines go."""
    blocks = body_blocks("第一段\n\n  第二段  \n")
    assert [b.text for b in blocks] == ["第一段", "第二段"]
    assert body_blocks("") == [] and body_blocks("  \n ") == []


def test_plain_text_rendering_keeps_bullets_and_numbers() -> None:
    """plain_text marks list items so a summary still reads as a list."""
    assert plain_text(QT_HTML).splitlines() == ["会议由王建国主持。", "• 第一项 & 重点", "• 第二项", "1. 甲", "2. 乙",
                                                "结束"]


def test_lists_are_grouped_back_with_their_style() -> None:
    """Consecutive items of a kind share one list element, carrying the given style."""
    out = blocks_html(body_blocks(QT_HTML), paragraph_style="font-size:12pt;", list_style="margin:0;")
    assert '<ul style="margin:0;"><li>第一项 &amp; <b>重点</b></li><li>第二项</li></ul>' in out
    assert '<ol style="margin:0;"><li>甲</li><li>乙</li></ol>' in out
    assert out.startswith('<p style="font-size:12pt;">会议由<b>王建国</b>主持。</p>')


def test_a_list_item_made_bold_by_its_block_keeps_the_bold_stretch_and_the_plain_ones() -> None:
    """A QTextEdit writes an item typed after a bold heading as <li style="font-weight:700" style="…"> (two
    style attributes) with the plain stretches un-bolded by spans: the bold phrase stays bold, the rest plain,
    as on screen."""
    html = ('<ul><li style=" font-weight:700;" style=" margin-top:12px;"><span style=" font-weight:400;">'
            '董勇：建议</span>加强青年党员教育<span style=" font-weight:400;">，多组织志愿服务。</span></li>'
            '<li style=" margin-top:12px;">冯桂兰：党费收缴要按月公示。</li></ul>'
            '<p style="font-weight:bold">整段<span style="font-weight:normal">不粗</span></p><p>其后</p>')
    assert [b.runs for b in body_blocks(html)] == [
        (Run("董勇：建议"), Run("加强青年党员教育", bold=True), Run("，多组织志愿服务。")),
        (Run("冯桂兰：党费收缴要按月公示。"),),
        (Run("整段", bold=True), Run("不粗")),
        (Run("其后"),),
    ]
