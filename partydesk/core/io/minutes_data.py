"""The minutes of one meeting (会议记录) as a plain record, the shape every minutes document is written from.

``services.meeting_docs`` fills a ``MinutesData`` from the database; ``minutes_html`` and ``minutes_docx``
write it out, with no database and no Qt. Agenda items and motions are lists that stay empty when the
record has none. People appear by name only (with a reason for 请假/缺席): minutes never carry ID or
phone numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from partydesk.core.domain.meeting_templates import TEMPLATES
from partydesk.core.io.minutes_body import Block, body_blocks

__all__ = [
    "BLANK_LINES",
    "Attendee",
    "Guest",
    "MinutesData",
    "MotionLine",
    "grid_columns",
    "header_rows",
    "minutes_file_name",
    "motion_result",
    "record_blocks",
    "safe_file_part",
    "sections",
]

NUMERALS = "一二三四五六七八九十"
SIGNATURES = ("主持人签字：", "记录人签字：")
BLANK_LINES = {"body": 4, "decisions": 2}  # room to write by hand when the record was left empty
# A header row: one (label, value) pair across the table, or two side by side.
HeaderRow = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Attendee:
    """A member on the meeting's roll, by name, with the reason given for 请假 or 缺席."""

    name: str
    reason: str = ""


@dataclass(frozen=True)
class Guest:
    """A non-member attendee (列席人员) and what they are (单位、职务)."""

    name: str
    role: str = ""


@dataclass(frozen=True)
class MotionLine:
    """One motion put to the vote (表决事项): the votes and whether it passed (None: not decided)."""

    title: str
    votes_for: int
    against: int
    abstain: int
    passed: bool | None = None


@dataclass(frozen=True)
class MinutesData:
    """Everything a meeting's minutes show, as text and counts."""

    organisation: str
    type_name: str
    topic: str
    held_on: date
    start_time: str = ""
    end_time: str = ""
    place: str = ""
    chair: str = ""
    recorder: str = ""
    lecturer: str = ""
    party_group: str = ""
    present: tuple[Attendee, ...] = ()
    leave: tuple[Attendee, ...] = ()
    absent: tuple[Attendee, ...] = ()
    guests: tuple[Guest, ...] = ()
    agenda: tuple[str, ...] = ()
    body: str = ""  # simple HTML (bold, lists, paragraphs) or plain text
    motions: tuple[MotionLine, ...] = ()
    decisions: str = ""
    voting_expected: int = 0
    voting_present: int = 0
    quorum_met: bool | None = None  # None: no quorum applies to this type
    attachments: tuple[str, ...] = ()  # the names of the files kept with the record (签到表.jpg …)

    @property
    def expected(self) -> int:
        """应到: every member on the roll."""
        return len(self.present) + len(self.leave) + len(self.absent)

    @property
    def title(self) -> str:
        """The document's title: 支部党员大会记录; a group meeting is named by its group (第一党小组会议记录)."""
        if self.party_group:
            return f"{self.party_group}会议记录"
        return f"{self.type_name}记录"

    @property
    def running_head(self) -> str:
        """What each page after the first says it belongs to: 中共…第一支部委员会　支部党员大会记录　2026年3月15日."""
        day = f"{self.held_on.year}年{self.held_on.month}月{self.held_on.day}日"
        return "　".join(part for part in (self.organisation, self.title, day) if part)

    def when(self) -> str:
        """2026年10月25日 14:30—16:30 (the times only when recorded)."""
        day = f"{self.held_on.year}年{self.held_on.month}月{self.held_on.day}日"
        if self.start_time and self.end_time:
            return f"{day} {self.start_time}—{self.end_time}"
        return f"{day} {self.start_time}".rstrip()

    def quorum_text(self) -> str:
        """The quorum verdict in words, or "" when none applies."""
        if self.quorum_met is None:
            return ""
        verdict = "符合法定人数" if self.quorum_met else "未达到法定人数"
        if self.voting_expected:
            return f"有表决权的应到 {self.voting_expected} 人，实到 {self.voting_present} 人，{verdict}"
        return verdict


def safe_file_part(text: str) -> str:
    """``text`` without the characters Windows forbids in file names."""
    return "".join(ch for ch in text if ch not in '\\/:*?"<>|' and ch.isprintable()).strip()


def minutes_file_name(data: MinutesData, suffix: str) -> str:
    """The default file name: 会议记录-2026-10-25-支部党员大会.pdf (a group meeting: …-第一党小组.pdf)."""
    what = safe_file_part(data.party_group or data.type_name) or "会议"
    return f"会议记录-{data.held_on.isoformat()}-{what}{suffix}"


def _names(people: tuple[Attendee, ...], *, reasons: bool = False) -> str:
    if not people:
        return "无"
    return "、".join(f"{p.name}（{p.reason}）" if reasons and p.reason else p.name for p in people)


def header_rows(data: MinutesData) -> list[HeaderRow]:
    """The header table's rows, the same in every format: basics, then attendance by name."""
    rows: list[HeaderRow] = [(("会议主题", data.topic),),
                             (("时间", data.when()), ("地点", data.place)),
                             (("主持人", data.chair), ("记录人", data.recorder))]
    if data.lecturer:
        rows.append((("授课人", data.lecturer),))
    if data.party_group:
        rows.append((("党小组", data.party_group),))
    rows += [(("应到人数", f"{data.expected} 人"), ("实到人数", f"{len(data.present)} 人")),
             (("请假人数", f"{len(data.leave)} 人"), ("缺席人数", f"{len(data.absent)} 人")),
             (("出席人员", _names(data.present)),),
             (("请假人员", _names(data.leave, reasons=True)),),
             (("缺席人员", _names(data.absent, reasons=True)),),
             (("列席人员", "、".join(f"{g.name}（{g.role}）" if g.role else g.name for g in data.guests) or "无"),)]
    if data.quorum_text():
        rows.append((("法定人数", data.quorum_text()),))
    if data.attachments:  # the papers filed with the record are named on it, as a paper file lists its enclosures
        rows.append((("附件", "；".join(data.attachments)),))
    return rows


# The headings a new record's body starts from (meeting_templates), but 散会, which is the record's last line
# whether or not anything is written under it.
_TEMPLATE_HEADINGS = frozenset(h for t in TEMPLATES.values() for h in t.sections) - {"散会"}


def _bare_heading(block: Block | None) -> bool:
    return block is not None and not block.list_kind and all(r.bold for r in block.runs)


GRID_COLUMNS = 6  # names a row of the 出席人员 grid holds; more present than this and they stand in a grid


def grid_columns(names: list[str]) -> int:
    """How many names a row of the 出席人员 grid holds: ``GRID_COLUMNS`` of up to five characters, fewer as the
    longest grows, so that no name wraps inside its cell (阿卜杜热合曼·买买提 split over two lines reads as two
    people)."""
    longest = max(map(len, names), default=0)
    return GRID_COLUMNS if longest <= 5 else 4 if longest <= 7 else 3 if longest <= 10 else 2


def record_blocks(stored: str) -> list[Block]:
    """The blocks of a stored body as printed: a heading of the type's starting template left with nothing
    written under it (the next block another heading, or none) is left out, so the minutes show what was
    recorded rather than the skeleton's unused prompts. A record with nothing else is empty (room to write)."""
    blocks = body_blocks(stored)
    after: list[Block | None] = [*blocks[1:], None]
    kept = [block for i, block in enumerate(blocks)
            if not (_bare_heading(block) and block.text.rstrip("：: ") in _TEMPLATE_HEADINGS
                    and (after[i] is None or _bare_heading(after[i])))]
    return [] if all(_bare_heading(b) and b.text.strip() == "散会" for b in kept) else kept


def sections(data: MinutesData) -> list[tuple[str, str]]:
    """(key, numbered heading) of the sections after the header: the agenda and the votes only when there
    are any; the record of the meeting and its decisions always."""
    keys = [k for k, present in (("agenda", bool(data.agenda)), ("body", True), ("motions", bool(data.motions)),
                                 ("decisions", True)) if present]
    titles = {"agenda": "会议议程", "body": "会议内容", "motions": "表决情况", "decisions": "会议决定"}
    return [(key, f"{NUMERALS[i]}、{titles[key]}") for i, key in enumerate(keys)]


def motion_result(motion: MotionLine) -> str:
    """通过 / 未通过 / "" when not decided."""
    return {True: "通过", False: "未通过", None: ""}[motion.passed]
