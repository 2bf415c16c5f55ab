"""Party-group bars in their numbered order (第一 … 第十, then other names by pinyin), as drawn."""

from __future__ import annotations

from datetime import date

from partydesk.core.changes import LOCAL_USER
from partydesk.core.charts import members as member_charts
from partydesk.core.charts.common import to_png
from partydesk.core.domain.member import MemberData
from partydesk.core.services import dashboard
from partydesk.core.services.bulk import insert_members
from partydesk.core.services.dashboard import STRUCTURE_TITLES
from partydesk.core.storage.database import Database

TODAY = date(2026, 11, 30)
NUMBERED = ["第一党小组", "第二党小组", "第三党小组", "第四党小组", "第五党小组", "第六党小组", "第七党小组",
            "第八党小组", "第九党小组", "第十党小组", "第十一党小组"]
OTHERS = ["机关党小组", "离退休党小组"]  # jī… before lí…


def test_group_bars_are_drawn_in_numbered_order_then_by_pinyin(db: Database) -> None:
    """Whatever the sizes, 第二 comes before 第十 and 第十一, and named groups follow by pinyin; no group last."""
    sizes = {name: (i * 7) % 5 + 1 for i, name in enumerate(NUMBERED + OTHERS)}
    sizes[""] = 9
    people = []
    for name, n in sizes.items():
        for k in range(n):
            i = len(people)
            people.append(MemberData(name=f"党员{i}", gender="1", id_type="1", id_number=f"1101011980{i:04d}001X",
                                     category="1", joined_on=date(2000, 1, 1), party_group=name))
            del k
    insert_members(db, LOCAL_USER, people, today=TODAY)
    buckets = dashboard.structure(db, TODAY)["group"]
    fig = member_charts.bars(STRUCTURE_TITLES["group"], [b.label for b in buckets], [b.value for b in buckets],
                             [b.key for b in buckets], horizontal=True)
    to_png(fig)
    ax = fig.axes[0]
    drawn = [t.get_text() for t in ax.get_yticklabels()]
    assert drawn == [*NUMBERED, *OTHERS, "未编入党小组"]  # as the roster's filter says it
    assert [p.get_width() for p in ax.patches] == [sizes[n] for n in NUMBERED + OTHERS] + [9]


def test_the_sort_key_reads_arabic_and_chinese_numerals_alike() -> None:
    """第3党小组 before 第12党小组; 第二 before 第十; a named group after every numbered one."""
    names = ["老干部党小组", "第12党小组", "第十党小组", "第3党小组", "第二党小组"]
    assert sorted(names, key=dashboard.group_sort_key) == ["第二党小组", "第3党小组", "第十党小组", "第12党小组",
                                                           "老干部党小组"]
