"""The member card (党员信息卡) as HTML: one bordered A4 table in the usual paper layout.

Built from plain records (a ``MemberRecord``, its ``MemberEvent``s, the organisation's name) with no Qt and
no database, so it can be
tested and reused by any printer or exporter; the GUI hands the HTML to ``QTextDocument`` for PDF and
printing. The HTML sticks to what ``QTextDocument`` renders (tables with ``border``/``cellpadding``,
``colspan``/``rowspan``, inline CSS for colour and size). Every value is escaped. ID numbers and phones
are shown as the masking policy says (``domain.masking``: ``**************002X``, ``138****5678``) unless
``full_numbers`` is asked for. Item names come from the field registry (``domain.fields``).

Events are listed oldest first, as on the member page's timeline and on paper records. 党龄 is counted
from 转正 (``domain.party_age``) to the date the card is filled in; a batch of cards
(``member_cards_html``) puts each on a page of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from partydesk.core.domain import codes
from partydesk.core.domain.fields import label as item
from partydesk.core.domain.masking import Masking, shown
from partydesk.core.domain.member_events import (
    EVENT_LABELS,
    LEAVING_REASON,
    LEGACY_STATUS_REASON,
    EventKind,
    MemberEvent,
    event_order,
)
from partydesk.core.domain.membership import describe_status_detail, suspended_periods
from partydesk.core.domain.party_age import party_age_text
from partydesk.core.domain.roster import MemberRecord

__all__ = ["MemberCard", "card_file_name", "code_name", "describe_event", "format_date", "member_card_html",
           "member_cards_html"]

TITLE = "党员信息卡"
LABEL_BG = "#f2f2f2"
EMPTY = "&nbsp;"


def code_name(table: codes.CodeTable, code: str) -> str:
    """The Chinese name of ``code`` ("" for no code; the code itself if the table lacks it)."""
    if not code:
        return ""
    try:
        return table.name(code)
    except KeyError:
        return code


def format_date(value: date | None) -> str:
    """A date as 2021-07-01 (2019-03 or 1972 when known only to the month or the year), or "" when not set."""
    return value.isoformat() if value is not None else ""


def describe_event(event: MemberEvent) -> str:
    """The detail of an event in words: the new status, the cause, where to; "" when it has none."""
    detail = event.detail
    if not detail:
        return ""
    match event.kind:
        case EventKind.STATUS:
            if detail in LEGACY_STATUS_REASON:  # an old flat status that was a way of leaving
                return f"减员原因：{LEAVING_REASON.name(LEGACY_STATUS_REASON[detail])}"
            return f"党籍状态：{code_name(codes.MEMBERSHIP_STATUS, detail)}"
        case EventKind.LOST:
            return f"原因：{code_name(codes.LOST_CONTACT_CAUSE, detail)}"
        case EventKind.MIGRANT_OUT:
            return f"流向：{detail}"
        case EventKind.TRANSFER_OUT:
            return f"转往：{detail}"
        case EventKind.TRANSFER_IN:
            return f"转自：{detail}"
        case _:
            return describe_status_detail(event.kind, detail) or detail


def card_file_name(name: str) -> str:
    """The default file name of a member's card: 党员信息卡-张三.pdf (characters Windows forbids dropped)."""
    safe = "".join(ch for ch in name if ch not in '\\/:*?"<>|' and ch.isprintable()).strip() or "党员"
    return f"{TITLE}-{safe}.pdf"


def _cell(text: str, *, colspan: int = 1, label: bool = False, width: str = "", nowrap: bool = False) -> str:
    attrs = f' colspan="{colspan}"' if colspan > 1 else ""
    if nowrap:
        attrs += ' style="white-space:nowrap;"'
    if width:
        attrs += f' width="{width}"'
    if label:
        return (f'<td{attrs} align="center" style="background-color:{LABEL_BG}; white-space:nowrap;">'
                f"{escape(text)}</td>")
    return f"<td{attrs}>{escape(text).replace(chr(10), '<br>') if text else EMPTY}</td>"


def _head(key: str, *, short: bool = False, width: str = "") -> str:
    """The shaded cell naming a field, in the registry's words."""
    return _cell(item(key, short=short), label=True, width=width)


def _situation(flag: bool, since: date | None, rest: str, verb: str) -> str:
    if not flag:
        return "否"
    parts = ["是"]
    if since is not None:
        parts.append(f"自 {since.isoformat()} {verb}")
    if rest:
        parts.append(rest)
    return "，".join(parts)


@dataclass(frozen=True)
class MemberCard:
    """One member's record and events, for a batch of cards."""

    record: MemberRecord
    events: Sequence[MemberEvent]


def member_card_html(
    record: MemberRecord, events: Sequence[MemberEvent], *, organisation: str, filled_on: date,
    full_numbers: bool = False,
) -> str:
    """The card of one member as a complete HTML document."""
    return member_cards_html([MemberCard(record, events)], organisation=organisation, filled_on=filled_on,
                             full_numbers=full_numbers)


def member_cards_html(
    cards: Sequence[MemberCard], *, organisation: str, filled_on: date, full_numbers: bool = False,
) -> str:
    """Several cards in one HTML document, each starting on a new page (one card per page)."""
    return _document("".join(
        _card_body(_rows(card.record, card.events, filled_on, full_numbers), organisation, filled_on,
                   new_page=number > 0)
        for number, card in enumerate(cards)))


def _rows(record: MemberRecord, events: Sequence[MemberEvent], filled_on: date, full_numbers: bool) -> str:
    d = record.data
    masking = Masking.FULL if full_numbers else Masking.MASKED
    id_number = shown("id_number", d.id_number, masking)
    phone = shown("phone", d.phone, masking)
    lost = _situation(d.lost_contact, d.lost_since, (f"原因：{code_name(codes.LOST_CONTACT_CAUSE, d.lost_cause)}"
                                                     if d.lost_cause else ""), "失去联系")
    migrant = _situation(d.migrant, d.migrant_since,
                         f"流向：{d.migrant_destination}" if d.migrant_destination else "", "外出")
    photo = ('<td rowspan="4" width="14%" align="center" valign="middle" '
             'style="color:#888888;">照片</td>')
    rows = [
        _head("name", width="13%") + _cell(d.name, width="17%") + _head("gender", width="13%")
        + _cell(code_name(codes.GENDER, d.gender), width="13%") + _head("birth_date", width="13%")
        + _cell(format_date(d.birth_date), width="17%", nowrap=True) + photo,
        _head("ethnicity") + _cell(code_name(codes.ETHNICITY, d.ethnicity)) + _head("native_place")
        + _cell(d.native_place) + _head("education") + _cell(code_name(codes.EDUCATION, d.education)),
        _head("id_type") + _cell(code_name(codes.ID_TYPE, d.id_type))
        + _head("id_number") + _cell(id_number, colspan=3, nowrap=True),
        _head("category") + _cell(code_name(codes.MEMBER_CATEGORY, d.category))
        + _head("joined_on") + _cell(format_date(d.joined_on), nowrap=True) + _head("confirmed_on", short=True)
        + _cell(format_date(d.confirmed_on), nowrap=True),
        _head("membership_status") + _cell(code_name(codes.MEMBERSHIP_STATUS, d.membership_status))
        + _cell("党龄", label=True)
        + _cell(party_age_text(d.confirmed_on, filled_on, excluded=suspended_periods(events)), nowrap=True)
        + _head("party_group") + _cell(d.party_group, colspan=2),
        _head("party_post") + _cell(code_name(codes.PARTY_POST, d.party_post)) + _head("work_post")
        + _cell(code_name(codes.WORK_POST, d.work_post), colspan=2) + _head("degree")
        + _cell(code_name(codes.DEGREE, d.degree)),
        _head("work_unit") + _cell(d.work_unit, colspan=3) + _head("work_started_on")
        + _cell(format_date(d.work_started_on), colspan=2, nowrap=True),
        _head("phone") + _cell(phone, nowrap=True) + _head("address")
        + _cell(d.address, colspan=4),
        _head("lost_contact") + _cell(lost, colspan=6),
        _cell("是否流动", label=True) + _cell(migrant, colspan=6),
        _cell("组织关系", label=True) + _cell("在本支部" if record.in_branch else "已转出", colspan=6),
        _cell("变动记录", label=True) + f'<td colspan="6">{_events_html(events)}</td>',
        _head("notes") + _cell(d.notes, colspan=6),
    ]
    return "".join(f"<tr>{row}</tr>" for row in rows)


def _document(body: str) -> str:
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>'
            f'{TITLE}</title></head><body style="font-size:10.5pt;">{body}</body></html>')


def _card_body(body: str, organisation: str, filled_on: date, *, new_page: bool = False) -> str:
    brk = ' page-break-before:always;' if new_page else ""
    return (
        f'<p align="center" style="font-size:20pt; font-weight:bold; letter-spacing:4pt;{brk}">{TITLE}</p>'
        '<table width="100%" cellspacing="0" cellpadding="2" style="margin-bottom:6px;"><tr>'
        f"<td>所在党组织：{escape(organisation)}</td>"
        f'<td align="right">填表日期：{filled_on.year}年{filled_on.month}月{filled_on.day}日</td>'
        "</tr></table>"
        '<table width="100%" border="1" cellspacing="0" cellpadding="8" '
        'style="border-collapse:collapse; border-color:#000000; border-style:solid;">'
        f"{body}</table>"
        '<table width="100%" cellspacing="0" cellpadding="2" style="margin-top:24px;"><tr>'
        '<td width="50%">本人签字：</td><td>填表人（签字）：</td></tr>'
        '<tr><td style="padding-top:18px;">支部书记（签字）：</td><td style="padding-top:18px;">党支部（盖章）</td>'
        "</tr></table>"
    )


def _events_html(events: Sequence[MemberEvent]) -> str:
    if not events:
        return "无"
    lines = []
    for event in sorted(events, key=event_order):
        parts = [event.on_date.isoformat() if event.on_date else "日期不详", EVENT_LABELS[event.kind]]
        detail = describe_event(event)
        if detail:
            parts.append(detail)
        if event.note:
            parts.append(f"（{event.note}）")
        lines.append(escape("　".join(parts)))
    return "<br>".join(lines)
