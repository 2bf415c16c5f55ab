"""The member card (党员信息卡) HTML: layout items, escaping, masking, the timeline, the file name."""

from __future__ import annotations

from datetime import date, datetime

from partydesk.core.domain.member import MemberData
from partydesk.core.domain.member_events import EventKind, MemberEvent
from partydesk.core.domain.roster import MemberRecord
from partydesk.core.io.member_card import card_file_name, describe_event, member_card_html

ID_NUMBER = "11010519491231002X"


def record(name: str = "张三", **changes: object) -> MemberRecord:
    """A stored member as the card builder receives it."""
    values: dict[str, object] = {
        "name": name, "gender": "1", "id_type": "1", "id_number": ID_NUMBER, "category": "1",
        "joined_on": date(1975, 7, 1), "confirmed_on": date(1976, 7, 1), "ethnicity": "01",
        "birth_date": date(1949, 12, 31), "education": "20", "party_group": "第一党小组", "party_post": "01",
        "work_post": "28", "work_unit": "退休", "phone": "13812345678", "address": "示范市文三路1号",
        "native_place": "浙江杭州", "notes": "",
    }
    values.update(changes)
    return MemberRecord("m1", "o1", MemberData(**values), True, datetime(2026, 1, 1), "local")  # type: ignore[arg-type]


EVENTS = [
    MemberEvent("e2", "m1", EventKind.LOST, date(2025, 1, 5), "1", "支部会议认定", 3),
    MemberEvent("e1", "m1", EventKind.JOINED, date(1975, 7, 1), "", "", 1),
    MemberEvent("e3", "m1", EventKind.MIGRANT_OUT, date(2025, 3, 1), "广东省深圳市", "", 4),
]


def card(**kwargs: object) -> str:
    """The card HTML of the default record with the sample events."""
    rec = kwargs.pop("rec", record())
    return member_card_html(rec, EVENTS, organisation="中共示范社区第一支部委员会",  # type: ignore[arg-type]
                            filled_on=date(2026, 11, 28), **kwargs)  # type: ignore[arg-type]


def test_card_has_the_title_organisation_date_and_items() -> None:
    """Title 党员信息卡, the organisation, 填表日期 and the usual items with code names."""
    html = card()
    assert "党员信息卡" in html
    assert "中共示范社区第一支部委员会" in html
    assert "填表日期：2026年11月28日" in html
    for text in ("姓名", "张三", "性别", "男", "民族", "汉族", "学历", "大学本科", "人员类别", "正式党员",
                 "入党日期", "1975-07-01", "转正日期", "1976-07-01", "党内职务", "书记", "工作岗位", "离退休人员",
                 "照片", "党籍状态", "正常"):
        assert text in html, text
    assert 'border="1"' in html


def test_numbers_are_masked_unless_asked_for() -> None:
    """The ID number and the phone are masked by default, in full only with full_numbers."""
    masked = card()
    assert "**************002X" in masked and ID_NUMBER not in masked
    assert "138****5678" in masked and "13812345678" not in masked
    full = card(full_numbers=True)
    assert ID_NUMBER in full and "13812345678" in full


def test_names_and_notes_are_escaped() -> None:
    """A name or note with < & " cannot inject markup."""
    html = card(rec=record(name="<b>张&三</b>", notes='a "quote" <script>x</script>\nline 2'))
    assert "<b>张" not in html and "<script>" not in html
    assert "&lt;b&gt;张&amp;三&lt;/b&gt;" in html
    assert "&lt;script&gt;" in html
    assert "line 2" in html


def test_organisation_name_is_escaped() -> None:
    """The organisation name is escaped too."""
    html = member_card_html(record(), [], organisation="A&B <委员会>", filled_on=date(2026, 1, 1))
    assert "A&amp;B &lt;委员会&gt;" in html
    assert "变动记录" in html and "无" in html


def test_events_are_listed_oldest_first_with_details() -> None:
    """The change record lists events by date with their detail in words and the note."""
    html = card()
    joined, lost, migrant = html.index("1975-07-01　入党"), html.index("2025-01-05"), html.index("2025-03-01")
    assert joined < lost < migrant
    assert "原因：外出务工经商" in html
    assert "流向：广东省深圳市" in html
    assert "（支部会议认定）" in html


def test_lost_and_migrant_situation_is_spelled_out() -> None:
    """是否失联 / 是否流动 read 否, or 是 with the date and cause or destination."""
    plain = card()
    assert "是否失联" in plain
    lost = card(rec=record(lost_contact=True, lost_since=date(2025, 1, 5), lost_cause="1"))
    assert "是，自 2025-01-05 失去联系，原因：外出务工经商" in lost
    migrant = card(rec=record(migrant=True, migrant_since=date(2025, 3, 1), migrant_destination="深圳"))
    assert "是，自 2025-03-01 外出，流向：深圳" in migrant


def test_describe_event_names_codes() -> None:
    """Status and cause codes become names; events without a detail describe as empty."""
    status = MemberEvent("e", "m", EventKind.STATUS, date(2025, 1, 1), "20")
    assert describe_event(status) == "党籍状态：停止党籍"
    assert describe_event(EVENTS[1]) == ""
    transfer = MemberEvent("e", "m", EventKind.TRANSFER_OUT, date(2025, 1, 1), "某某党委")
    assert describe_event(transfer) == "转往：某某党委"


def test_default_file_name_uses_the_member_name() -> None:
    """党员信息卡-<name>.pdf, without characters Windows cannot put in a file name."""
    assert card_file_name("张三") == "党员信息卡-张三.pdf"
    assert card_file_name('张/三:*?"') == "党员信息卡-张三.pdf"
    assert card_file_name("") == "党员信息卡-党员.pdf"


def test_card_shows_degree_and_the_date_work_started() -> None:
    """学位 by name and 参加工作日期 as a date; both cells are there, empty, when not known."""
    html = card(rec=record(degree="2", work_started_on=date(1968, 9, 1)))
    assert "<td" in html and ">学位</td>" in html and ">硕士</td>" in html
    assert ">参加工作日期</td>" in html and "1968-09-01" in html
    empty = card()
    assert ">学位</td>" in empty and ">参加工作日期</td>" in empty and "1968-09-01" not in empty


def test_card_rows_fill_the_seven_column_grid() -> None:
    """Every row of the item table spans the same seven columns (the photo spans the first four rows)."""
    import re

    html = card(rec=record(degree="1", work_started_on=date(1968, 9, 1)))
    table = html.split('border="1"', 1)[1].split("</table>", 1)[0]
    widths = []
    for row in re.findall(r"<tr>(.*?)</tr>", table, flags=re.S):
        cells = re.findall(r"<td([^>]*)>", row)
        widths.append(sum(int(m.group(1)) if (m := re.search(r'colspan="(\d+)"', a)) else 1 for a in cells))
    assert widths[0] == 7 and all(w == 6 for w in widths[1:4]) and all(w == 7 for w in widths[4:]), widths
