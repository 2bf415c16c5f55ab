"""人员类别 for an imported row when the file has no such column: read from the 转正 date.

National collection forms (采集表) often leave 人员类别 out because the dates already say it: a member
with a 转为正式党员日期 is a full member (正式党员); one without is a probationary member (预备党员). A
probationary member past the end of the probation period (rule table ``probation.months``) is still
imported as 预备党员 — the branch may have extended the period or not yet decided — with a warning
asking the office to record the decision.
"""

from __future__ import annotations

import calendar
from datetime import date

from partydesk.core.domain.member import CATEGORY_FULL, CATEGORY_PROBATIONARY, Value
from partydesk.core.domain.validate import Issue, parse_date
from partydesk.core.errors import ValidationError

__all__ = ["infer_category"]


def _blank(value: Value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _add_months(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def infer_category(
    joined_on: Value, confirmed_on: Value, *, today: date, probation_months: int, stored: str = ""
) -> tuple[str, Issue | None]:
    """The category code for a row without one, and a warning when the decision needs a look.

    ``stored`` is the matched member's category ("" for a new member): it is kept, except that a stored
    预备党员 whose row now has a 转正 date becomes 正式党员.
    """
    if not _blank(confirmed_on):
        return CATEGORY_FULL, None
    if stored:
        return stored, None
    try:
        joined = parse_date(joined_on, field="入党日期", partial=True) if not _blank(joined_on) else None
    except ValidationError:
        joined = None  # the date check reports it; the category does not add a second complaint
    if joined is None:
        return CATEGORY_PROBATIONARY, None
    ends = _add_months(joined, probation_months)
    if ends > today:
        return CATEGORY_PROBATIONARY, None
    return CATEGORY_PROBATIONARY, Issue(
        "category", "category_probation_over",
        f"表中没有人员类别和转正日期，按预备党员导入；但预备期已于 {ends.isoformat()} 期满（入党满 {probation_months} "
        "个月）。请核对：已转正的请填写转正日期；延长预备期或取消预备党员资格的，请在党员信息中记录支部的决定",
        "warning",
    )
