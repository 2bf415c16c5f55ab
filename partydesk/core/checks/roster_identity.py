"""A member whose recorded 性别 or 出生日期 is not what their 公民身份号码 says (``roster.id_mismatch``).

The number carries both (digits 7–14 the birthday, the 17th odd for men and even for women). The form and the
roster import warn when they disagree, but only warn (the number or the other field may be the wrong one, and
the office decides which), and an import's warnings are easily lost among its errors: so the disagreement
stays on the board until one of them is corrected. 注意, opening the member's record; more than
``grouping.NAMED_AT_MOST`` in one organisation, one summary.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from partydesk.core.checks import grouping
from partydesk.core.checks.findings import Finding, Severity, Target, check
from partydesk.core.storage import workbench_repo
from partydesk.core.storage.database import Database

CODE = "roster.id_mismatch"
RULE = "公民身份号码（GB 11643）"


@check(CODE)
def id_mismatch(db: Database, today: date) -> Iterator[Finding]:
    """Members whose 性别 or 出生日期 disagrees with their ID number."""
    orgs: dict[str, str] = {}
    found = list(_each(db, today, orgs))
    yield from grouping.regroup(db, CODE, found, rule=RULE, orgs=orgs,
                                text=lambda g: f"{g.count} 名党员的性别或出生日期与公民身份号码不一致")


def _each(db: Database, today: date, orgs: dict[str, str] | None = None) -> Iterator[Finding]:
    del today
    with db.read() as session:
        rows = workbench_repo.id_disagreements(session)
    for member_id, name, org, gender_off, birth_off, number in rows:
        what = "、".join(word for word, off in (("性别", gender_off), ("出生日期", birth_off)) if off)
        odd = int(number[16]) % 2 == 1
        parts = ([f"号码中出生日期为{number[6:10]}年{int(number[10:12])}月{int(number[12:14])}日"] if birth_off else [])
        parts += [f"号码第17位为{'单' if odd else '双'}数，应为{'男' if odd else '女'}"] if gender_off else []
        if orgs is not None:
            orgs[member_id] = org
        yield Finding(CODE, Severity.WARNING, member_id,
                      f"{name}的{what}与公民身份号码不一致（{'；'.join(parts)}），请核对后改正错的一项",
                      None, RULE, Target("member", member_id))


grouping.regroup_lister(CODE, lambda db, today: list(_each(db, today)))
