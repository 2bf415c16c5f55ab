"""Organisation types (组织类别), installation roles, and what the user enters about an organisation."""

from __future__ import annotations

from collections.abc import Iterable
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


# Where a name shared by every branch of a committee may be cut: after the place or body it names.
_UNIT_ENDINGS = ("街道", "社区", "镇", "乡", "村", "党工委", "党委", "公司", "集团", "大学", "学院", "学校", "医院")


def short_names(names: Iterable[str]) -> dict[str, str]:
    """Each name's ``short_name`` with what all of them begin with left off, up to the last place or body
    that beginning names (中共示范街道幸福社区第一支部委员会 and …西溪社区第二支部委员会 → 幸福社区第一支部,
    西溪社区第二支部): a 支部 column of a committee's sixty branches shows what tells them apart. Nothing is
    left off one name alone, or when the rest of any name would be two characters or less, but for the
    committee's own 党委 (中共幸福社区委员会 beside its 第一支部, 第二支部)."""
    shorts = {name: short_name(name) for name in names}
    if len(set(shorts.values())) < 2:
        return shorts
    common = _common_start(list(shorts.values()))
    cut = max((common.rfind(ending) + len(ending) for ending in _UNIT_ENDINGS if ending in common), default=0)
    if cut and all(len(short) - cut > 2 or short[cut:] in _BODIES for short in shorts.values()):
        return {name: short[cut:] for name, short in shorts.items()}
    return shorts


_BODIES = frozenset({"党委", "党工委"})  # what ``short_name`` makes of a committee's own name, said alone


def _common_start(texts: list[str]) -> str:
    first, last = min(texts), max(texts)  # what the first and last in order share, all share
    size = next((i for i, (a, b) in enumerate(zip(first, last, strict=False)) if a != b), min(len(first), len(last)))
    return first[:size]


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
