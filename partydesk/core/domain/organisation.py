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
