"""The four lists of the study page (学习活动, 学时台账, 技能证书, 学习资料), each a ``ListPage``.

Each function builds one tab's list with its columns, search text and filters; the page fills them.
The ledger lists members by name and cannot be sorted by a header click: it is the secretary's record
of who still owes hours, never a ranking (DOMAIN.md on what users complain of).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from partydesk.core.domain.group_order import group_sort_key
from partydesk.core.domain.study import FORMS_BY_CODE, STUDY_FORMS, format_tenths, split_by_year
from partydesk.core.domain.study_records import ActivitySummary, CertificationData, MaterialData
from partydesk.core.services.branches import registered_short_names
from partydesk.core.services.study import is_earlier_hours
from partydesk.core.services.study_reports import LedgerRow
from partydesk.gui.operations.study import StudyYear
from partydesk.gui.pages.study_branches import StudyBranches
from partydesk.gui.translate import QT_TRANSLATE_NOOP
from partydesk.gui.widgets.list_page import ListColumn, ListPage

CertRow = tuple[str, str, CertificationData]
MaterialRow = tuple[str, MaterialData]


# Marked here for lupdate; ``_tr`` translates them in the page's context when a list is built or shown.
_MARKED = (
    QT_TRANSLATE_NOOP("StudyPage", "Meeting record"),
    QT_TRANSLATE_NOOP("StudyPage", "Own course"),
    QT_TRANSLATE_NOOP("StudyPage", "Entered"),
    QT_TRANSLATE_NOOP("StudyPage", "Earlier hours"),
    QT_TRANSLATE_NOOP("StudyPage", "Across the new year, the hours count in each year by its days: {parts}."),
    QT_TRANSLATE_NOOP("StudyPage", "{year}: {hours}"),
    QT_TRANSLATE_NOOP("StudyPage", ", "),
    QT_TRANSLATE_NOOP("StudyPage", "Entered from the old ledger."),
    QT_TRANSLATE_NOOP("StudyPage", "Each member has their own number from the old ledger; this is the largest. "
                                   "{total} hours in all."),
    QT_TRANSLATE_NOOP("StudyPage", "Date"),
    QT_TRANSLATE_NOOP("StudyPage", "Form"),
    QT_TRANSLATE_NOOP("StudyPage", "Topic"),
    QT_TRANSLATE_NOOP("StudyPage", "Organiser"),
    QT_TRANSLATE_NOOP("StudyPage", "Hours"),
    QT_TRANSLATE_NOOP("StudyPage", "Members"),
    QT_TRANSLATE_NOOP("StudyPage", "Source"),
    QT_TRANSLATE_NOOP("StudyPage", "Sent down to"),
    QT_TRANSLATE_NOOP("StudyPage", "Not sent yet (Send down…)"),
    QT_TRANSLATE_NOOP("StudyPage", "All {count} branches"),
    QT_TRANSLATE_NOOP("StudyPage", "Sent down"),
    QT_TRANSLATE_NOOP("StudyPage", "All forms"),
    QT_TRANSLATE_NOOP("StudyPage", "Complete"),
    QT_TRANSLATE_NOOP("StudyPage", "Behind schedule"),
    QT_TRANSLATE_NOOP("StudyPage", "Incomplete"),
    QT_TRANSLATE_NOOP("StudyPage", "On schedule"),
    QT_TRANSLATE_NOOP("StudyPage", "Name"),
    QT_TRANSLATE_NOOP("StudyPage", "Party group"),
    QT_TRANSLATE_NOOP("StudyPage", "Quota"),
    QT_TRANSLATE_NOOP("StudyPage", "Committee"),
    QT_TRANSLATE_NOOP("StudyPage", "Member"),
    QT_TRANSLATE_NOOP("StudyPage", "Required"),
    QT_TRANSLATE_NOOP("StudyPage", "Due by today"),
    QT_TRANSLATE_NOOP("StudyPage", "Credited"),
    QT_TRANSLATE_NOOP("StudyPage", "Standing"),
    QT_TRANSLATE_NOOP("StudyPage", "Everyone"),
    QT_TRANSLATE_NOOP("StudyPage", "Not yet complete"),
    QT_TRANSLATE_NOOP("StudyPage", "No expiry"),
    QT_TRANSLATE_NOOP("StudyPage", "Expired"),
    QT_TRANSLATE_NOOP("StudyPage", "Expiring soon"),
    QT_TRANSLATE_NOOP("StudyPage", "Valid"),
    QT_TRANSLATE_NOOP("StudyPage", "Certification or qualification"),
    QT_TRANSLATE_NOOP("StudyPage", "Issued by"),
    QT_TRANSLATE_NOOP("StudyPage", "Obtained"),
    QT_TRANSLATE_NOOP("StudyPage", "Valid until"),
    QT_TRANSLATE_NOOP("StudyPage", "Status"),
    QT_TRANSLATE_NOOP("StudyPage", "Title"),
    QT_TRANSLATE_NOOP("StudyPage", "Tags"),
    QT_TRANSLATE_NOOP("StudyPage", "File or link"),
    QT_TRANSLATE_NOOP("StudyPage", "No certifications recorded yet."),
    QT_TRANSLATE_NOOP("StudyPage", "{name}: {count}"),
    QT_TRANSLATE_NOOP("StudyPage", "; "),
    QT_TRANSLATE_NOOP("StudyPage", "Valid certifications held in the branch (members): "),
    QT_TRANSLATE_NOOP("StudyPage", "No valid holder any more: "),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("StudyPage", text)


def _day(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


def _form(a: ActivitySummary) -> str:
    form = FORMS_BY_CODE.get(a.data.form_code)
    return form.name if form is not None else a.data.form_code


def _source(a: ActivitySummary) -> str:
    if a.data.meeting_id:
        return _tr("Meeting record")
    if is_earlier_hours(a.data):  # each member's own number from the old ledger: 学时 is the largest of them
        return _tr("Earlier hours")
    return _tr("Own course") if a.data.individual else _tr("Entered")


def _hours_tip(a: ActivitySummary) -> str:
    """Why the hours a list shows are not what each member's ledger line got: a study across the new year
    counts in both years by their days; earlier hours are each member's own."""
    if is_earlier_hours(a.data) and a.participants > 1:
        return _tr("Each member has their own number from the old ledger; this is the largest. "
                   "{total} hours in all.").format(total=format_tenths(a.credited_tenths))
    if is_earlier_hours(a.data):
        return _tr("Entered from the old ledger.")
    if a.data.start_on.year == a.data.end_on.year:
        return ""
    shares = split_by_year(a.data.start_on, a.data.end_on, a.data.hours_tenths)
    parts = _tr(", ").join(_tr("{year}: {hours}").format(year=year, hours=format_tenths(tenths))
                     for year, tenths in sorted(shares.items()))
    return _tr("Across the new year, the hours count in each year by its days: {parts}.").format(parts=parts)


def _topic(a: ActivitySummary) -> str:
    """The topic; a member's own course says whose it is first (任杰文：…), so it is found and told apart."""
    return f"{a.holder}：{a.data.topic}" if a.holder else a.data.topic


def activities_list(parent: QWidget, branches: StudyBranches) -> ListPage[ActivitySummary]:
    """学习活动: (a committee's 支部,) date, form, topic, organiser, hours, members, where the record came from."""
    columns = [
        branches.column(lambda a: a.org_id),
        ListColumn("date", _tr("Date"), lambda a: _day(a.data.start_on) + (
            f" – {a.data.end_on:%m-%d}" if a.data.end_on != a.data.start_on else ""), chars=9),
        ListColumn("form", _tr("Form"), _form, chars=5),
        ListColumn("topic", _tr("Topic"), _topic, chars=20, tooltip=_topic, stretch=True),
        ListColumn("organiser", _tr("Organiser"), lambda a: a.data.organiser, chars=12,
                   tooltip=lambda a: a.data.organiser),
        ListColumn("hours", _tr("Hours"), lambda a: format_tenths(a.data.hours_tenths),
                   sort_key=lambda a: a.data.hours_tenths, chars=3, align_right=True, tooltip=_hours_tip),
        ListColumn("members", _tr("Members"), lambda a: str(a.participants), sort_key=lambda a: a.participants,
                   chars=4, align_right=True),
        ListColumn("source", _tr("Source"), _source, chars=5),
    ]
    page: ListPage[ActivitySummary] = ListPage(
        columns, row_id=lambda a: a.id, parent=parent,
        haystack=lambda a: f"{a.data.topic} {a.data.organiser} {_form(a)} {a.data.materials} {a.holder}")
    page.model.natural_key = lambda a: a.data.start_on  # oldest first, as read; one added later takes its place
    options: list[tuple[str, Callable[[ActivitySummary], bool] | None]] = [(_tr("All forms"), None)]
    options += [(f.name, _form_is(f.code)) for f in STUDY_FORMS]
    page.add_filter("formFilter", options)
    branches.attach(page, lambda a: a.org_id)
    return page


def _form_is(code: str) -> Callable[[ActivitySummary], bool]:
    return lambda a: a.data.form_code == code


def _standing(row: LedgerRow) -> str:
    return {"done": _tr("Complete"), "incomplete": _tr("Incomplete"), "behind": _tr("Behind schedule"),
            "on_schedule": _tr("On schedule")}[row.standing]


def ledger_list(parent: QWidget, branches: StudyBranches) -> ListPage[LedgerRow]:
    """学时台账: each member's (branch,) required, expected so far and credited hours, in name order."""
    columns = [
        branches.column(lambda r: r.org_id),
        ListColumn("name", _tr("Name"), lambda r: r.name, chars=5),
        ListColumn("group", _tr("Party group"), lambda r: r.party_group, chars=6,
                   sort_key=lambda r: group_sort_key(r.party_group)),
        ListColumn("role", _tr("Quota"), lambda r: _tr("Committee") if r.leader else _tr("Member"), chars=4),
        ListColumn("required", _tr("Required"), lambda r: format_tenths(r.required), chars=4, align_right=True),
        ListColumn("expected", _tr("Due by today"), lambda r: format_tenths(r.expected), chars=7,
                   align_right=True),
        ListColumn("credited", _tr("Credited"), lambda r: format_tenths(r.credited), chars=4, align_right=True),
        ListColumn("standing", _tr("Standing"), _standing, chars=5),
    ]
    page: ListPage[LedgerRow] = ListPage(columns, row_id=lambda r: r.member_id, parent=parent,
                                         haystack=lambda r: f"{r.name} {r.party_group}", pinyin_of=lambda r: r.name)
    page.table.setSortingEnabled(False)
    page.add_filter("ledgerFilter", [(_tr("Everyone"), None), (_tr("Not yet complete"), lambda r: not r.done),
                                     (_tr("Behind schedule"), lambda r: not r.done and r.behind)])
    branches.attach(page, lambda r: r.org_id)
    return page


def cert_status(c: CertificationData, today: date, notice_days: int) -> str:
    """有效 / 即将到期 / 已过期 / 长期有效."""
    if c.expires_on is None:
        return _tr("No expiry")
    if c.expires_on < today:
        return _tr("Expired")
    return _tr("Expiring soon") if c.expires_on <= today + timedelta(days=notice_days) else _tr("Valid")


def certifications_list(parent: QWidget, today: date, notice_days: Callable[[], int]) -> ListPage[CertRow]:
    """技能证书: who holds what, issued by whom, valid until when."""
    columns: list[ListColumn[CertRow]] = [
        ListColumn("name", _tr("Name"), lambda r: r[1], chars=5),
        ListColumn("cert", _tr("Certification or qualification"), lambda r: r[2].name, chars=14),
        ListColumn("issuer", _tr("Issued by"), lambda r: r[2].issuer, chars=10),
        ListColumn("obtained", _tr("Obtained"), lambda r: _day(r[2].obtained_on), chars=6),
        ListColumn("expires", _tr("Valid until"), lambda r: _day(r[2].expires_on), chars=6),
        ListColumn("status", _tr("Status"), lambda r: cert_status(r[2], today, notice_days()),
                   chars=5),
    ]
    return ListPage(columns, row_id=lambda r: r[0], parent=parent,
                    haystack=lambda r: f"{r[1]} {r[2].name} {r[2].issuer}", pinyin_of=lambda r: r[1])


Words = Callable[[str], str]  # an id to a cell's text


def material_columns(source: Words, sent: tuple[Words, Words] | None = None) -> list[ListColumn[MaterialRow]]:
    """学习资料's columns: title, tags, date, the stored file or the link, and where one of another office came
    from (``source`` of its id: sent down from above, or on a committee the branch whose it is); on a
    committee (``sent``: the text and the tooltip of an id), 下发至: the branches its own material goes to."""
    columns: list[ListColumn[MaterialRow]] = [
        ListColumn("title", _tr("Title"), lambda r: r[1].title, chars=18),
        ListColumn("tags", _tr("Tags"), lambda r: r[1].tags, chars=8),
        ListColumn("dated", _tr("Date"), lambda r: _day(r[1].dated), chars=6),
        ListColumn("where", _tr("File or link"), lambda r: r[1].file_name or r[1].link, chars=20),
        ListColumn("from", _tr("Source"), lambda r: source(r[0]), chars=9),
    ]
    if sent is not None:
        text, tip = sent
        columns.append(ListColumn("sent", _tr("Sent down to"), lambda r: text(r[0]), chars=12,
                                  tooltip=lambda r: tip(r[0])))
    return columns


def _sent_names(data: StudyYear, material_id: str) -> list[str]:
    names = dict(data.registered)
    return [names.get(code) or code for code in data.sent_to.get(material_id, [])]


def material_sent(data: StudyYear | None, material_id: str) -> str:
    """A committee's own material: the branches it goes down to (全部 n 个支部, their short names, or 未下发);
    another office's: nothing."""
    if data is None or material_id in data.sources:
        return ""
    codes = data.sent_to.get(material_id, [])
    if not codes:
        return _tr("Not sent yet (Send down…)")
    if len(codes) > 1 and set(codes) == {code for code, _name in data.registered}:
        return _tr("All {count} branches").format(count=len(codes))
    shorts = registered_short_names(data.branches, data.registered)  # as the other lists cut them
    return "、".join(shorts.get(code, code) for code in codes)


def material_sent_tip(data: StudyYear | None, material_id: str) -> str:
    """The full names of the branches a material goes down to, one a line."""
    return "\n".join(_sent_names(data, material_id)) if data is not None else ""


def materials_list(parent: QWidget, source: Callable[[str], str] = lambda _id: "") -> ListPage[MaterialRow]:
    """学习资料 (``material_columns``; a committee's page adds 下发至 once it knows it is one)."""
    return ListPage(material_columns(source), row_id=lambda r: r[0], parent=parent,
                    haystack=lambda r: f"{r[1].title} {r[1].tags} {r[1].notes} {r[1].file_name}")


def skills_summary(rows: list[CertRow], today: date) -> str:
    """One line: each certification the branch holds, with how many members hold it valid today."""
    valid: dict[str, set[str]] = {}
    for _id, _name, c in rows:
        if c.expires_on is None or c.expires_on >= today:
            valid.setdefault(c.name, set()).add(c.member_id)
        else:
            valid.setdefault(c.name, set())
    if not valid:
        return _tr("No certifications recorded yet.")
    held = [(name, len(ids)) for name, ids in sorted(valid.items()) if ids]
    lapsed = [name for name, ids in sorted(valid.items()) if not ids]
    text = _tr("Valid certifications held in the branch (members): ") + _tr("; ").join(
        _tr("{name}: {count}").format(name=name, count=count) for name, count in held)
    if lapsed:
        text += "\n" + _tr("No valid holder any more: ") + _tr("; ").join(lapsed)
    return text
