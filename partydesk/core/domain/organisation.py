"""Organisation types (组织类别), installation roles, and what the user enters about an organisation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

ORG_TYPES: tuple[str, ...] = ("党支部", "联合党支部", "临时党支部", "党总支", "党委", "党组")

ROLE_BRANCH = "branch"
ROLE_COMMITTEE = "committee"
ROLES: dict[str, str] = {ROLE_BRANCH: "党支部（向上级报送）", ROLE_COMMITTEE: "上级党委（汇总各支部）"}


@dataclass(frozen=True)
class OrganisationInput:
    """What the user enters about an organisation (党组织); ``services.setup`` validates it."""

    name: str
    code: str
    org_type: str = "党支部"
    secretary: str = ""
    contact: str = ""
    phone: str = ""
    term_start: date | None = None
    term_end: date | None = None


def short_name(name: str) -> str:
    """An organisation's name without what every branch's name shares, as offices shorten it in a table:
    no 中共 before it, 支部委员会 as 支部, 工作委员会 as 党工委, any other 委员会 as 党委
    (中共示范社区第一支部委员会 → 示范社区第一支部); the name itself when nothing would be left."""
    short = name.removeprefix("中共")
    for long, brief in (("支部委员会", "支部"), ("工作委员会", "党工委"), ("委员会", "党委")):
        if short.endswith(long) and short != long:
            short = short.removesuffix(long) + brief
            break
    return short or name
