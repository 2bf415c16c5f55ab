"""Roster checks (花名册): required fields left empty, and the branch's 换届 coming due.

- ``roster.missing_field``: for each required field of the field registry, how many members on the roll
  have it empty — one SQL count per field, in one query. Opening it lists those members.
- ``roster.empty``: a branch's file with nobody on the roll yet (a new installation): the first thing to do is
  to import the roster, and opening the to-do starts the import.
- ``roster.post_left``: a member no longer on the roll (转出, 出党, 去世) still recorded with a 党内职务, a 书记
  above all: the post is vacant and the record says otherwise (the roll, the workbench and the printed card
  would go on naming them).
- ``roster.term_due``: the committee's term (任期, the organisation's 届满日期 in settings) ends within six
  months (注意) or has ended (逾期). A branch committee's term is three years (《支部工作条例》), a village's or
  a community's five (村、社区党组织, elected with the 村（居）委会); without an end date the end is the start plus
  the term, told as worked out so.

Migrant members with no report this year are ``checks.roster_migrant``.
Probation, lost contact, 停止党籍 and 留党察看 are the member-status checks (``checks.roster_status``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from partydesk.core.checks.findings import Finding, Severity, Target, check
from partydesk.core.domain import codes, fields
from partydesk.core.domain.partial_date import in_words
from partydesk.core.domain.structure import shift_months
from partydesk.core.services.setup import own_organisation, site_role
from partydesk.core.storage import dashboard_repo
from partydesk.core.storage.database import Database

TERM_YEARS = 3
VILLAGE_TERM_YEARS = 5
TERM_WARN_MONTHS = 6
# A village's or a community's own Party organisation, as offices name it: 村 or 社区 right before the organisation
# (中共青山村支部委员会, 幸福社区第一支部委员会, 青山村党总支, 青山村联合党支部, 青山村（社区）党支部), not a unit
# that only has the words in its name (新村小学支部委员会, 曹杨新村第六小学支部委员会, 社区卫生服务中心支部委员会).
_VILLAGE = re.compile(r"(村|社区)(（社区）|\(社区\))?(联合|综合)?"
                      r"(党?总支部?|党?支部|党委|委员会|第[一二三四五六七八九十0-9０-９]{1,3}党?支部)")


def required_keys() -> tuple[str, ...]:
    """The required fields of the registry, in registry order."""
    return tuple(f.key for f in fields.FIELDS if f.required)


@check("roster.missing_field")
def missing_fields(db: Database, today: date) -> Iterator[Finding]:
    """One finding per required field that members on the roll have left empty."""
    del today
    with db.read() as session:
        counts = dashboard_repo.empty_counts(session, required_keys())
    for key, n in counts.items():
        if n:
            label = fields.label(key)
            yield Finding("roster.missing_field", Severity.WARNING, key, f"{n}名党员未填写{label}", None,
                          "fields.required", Target("roster", f"missing:{key}"))


@check("roster.empty", housekeeping=True)
def empty_roster(db: Database, today: date) -> Iterator[Finding]:
    """Nobody on a branch's roll (注意): import the roster first. Not at a committee, whose members come with its
    branches' packages (the exchange checks say when none has come)."""
    del today
    org = own_organisation(db)
    if org is None or site_role(db) == "committee":
        return
    with db.read() as session:
        on_roll = dashboard_repo.roll_counts(session)[0]
    if not on_roll:
        yield Finding("roster.empty", Severity.WARNING, org.id,
                      "花名册中还没有在册党员：请导入组织部门的花名册（Excel），或在“党员”页逐个新增", None,
                      "花名册", Target("members", "import"))


@check("roster.post_left")
def post_left(db: Database, today: date) -> Iterator[Finding]:
    """A member off the roll who still holds a 党内职务: 注意, the 书记's first (the branch has none on the roll)."""
    del today
    with db.read() as session:
        found = dashboard_repo.posts_off_roll(session)
    for member_id, name, post in sorted(found, key=lambda r: (r[2], r[1])):
        title = codes.PARTY_POST.name(post) or post
        yield Finding("roster.post_left", Severity.WARNING, member_id,
                      f"{name}已不在本支部名册，党内职务仍记为{title}：请清空其党内职务，并按规定补选或调整分工",
                      None, "支部工作条例", Target("member", member_id))


def term_years(name: str, org_type: str = "") -> int:
    """The years of a term of the organisation called ``name``: five for a village's or a community's, and for a
    基层党委 (《中国共产党基层组织选举工作条例》), else three (a 党总支's, a 党支部's)."""
    return VILLAGE_TERM_YEARS if _VILLAGE.search(name) or org_type == "党委" else TERM_YEARS


def term_end(start: date | None, end: date | None, name: str = "", org_type: str = "") -> date | None:
    """The day the committee's term ends: the one set, else ``term_years`` after its start."""
    if end is not None:
        return end
    return shift_months(start, term_years(name, org_type) * 12) if start is not None else None


@check("roster.term_due")
def term_due(db: Database, today: date) -> Iterator[Finding]:
    """换届 within six months of the term's end (注意), or the term has ended (逾期)."""
    org = own_organisation(db)
    if org is None:
        return
    years = term_years(org.name, org.org_type)
    ends = term_end(org.term_start, org.term_end, org.name, org.org_type)
    if ends is None or today < shift_months(ends, -TERM_WARN_MONTHS):
        return
    committee = "党委" if org.org_type == "党委" else "支部委员会"
    if today > ends:
        severity, message = Severity.OVERDUE, f"{committee}任期已于{in_words(ends)}届满，应按期换届"
    else:
        severity, message = Severity.WARNING, f"{committee}任期将于{in_words(ends)}届满，请做好换届准备"
    if org.org_type == "党委":
        kind, source = "基层党委每届任期5年", "基层组织选举工作条例"
    elif years == VILLAGE_TERM_YEARS:
        kind, source = "村、社区党组织每届任期5年", "村、社区党组织任期5年"
    else:
        kind, source = "支部委员会每届任期3年", "支部工作条例"
    if org.term_end is None:  # worked out: say how, and where to set the day when it is another
        message += f"（按任期开始日期推算：{kind}；如不是这一天，请在“设置 → 组织信息”填写任期届满日期）"
    yield Finding("roster.term_due", severity, org.id, message, ends, source,
                  Target("settings", "organisation"))
