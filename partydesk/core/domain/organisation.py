"""Organisation types (组织类别) and installation roles, as data with Chinese names."""

from __future__ import annotations

ORG_TYPES: tuple[str, ...] = ("党支部", "联合党支部", "临时党支部", "党总支", "党委", "党组")

ROLE_BRANCH = "branch"
ROLE_COMMITTEE = "committee"
ROLES: dict[str, str] = {ROLE_BRANCH: "党支部（向上级报送）", ROLE_COMMITTEE: "上级党委（汇总各支部）"}
