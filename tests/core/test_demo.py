"""The demo branch is plausible: retired members are old, the officers named in the settings are members."""

from __future__ import annotations

import random
import sqlite3
from contextlib import closing
from pathlib import Path

from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import DEMO_ORG, RETIRED_BORN_BEFORE, create_demo, demo_members
from partydesk.core.services.members import roster
from partydesk.core.storage.database import open_database


def test_only_old_members_are_retired() -> None:
    """工作岗位 离退休人员 (28) only for members born before 1966, and every one of them is."""
    members = demo_members(random.Random(2026), 2000)
    for member in members:
        assert member.birth_date is not None
        assert (member.work_post == "28") == (member.birth_date < RETIRED_BORN_BEFORE), member
    assert any(m.work_post == "28" for m in members) and any(m.work_post != "28" for m in members)


def test_secretary_and_contact_named_in_the_settings_are_in_the_roster(tmp_path: Path) -> None:
    """书记 王建国 and 联系人 李晓梅 of the demo organisation are members; the secretary holds post 01."""
    path = tmp_path / "demo.db"
    create_demo(path)
    db = open_database(path)
    try:
        rows = {row.name: row for row in roster(db, LOCAL_USER)}
    finally:
        db.close()
    assert DEMO_ORG.secretary in rows and DEMO_ORG.contact in rows
    assert rows[DEMO_ORG.secretary].party_post == "01"
    assert rows[DEMO_ORG.secretary].work_post != "28"


def test_demo_members_are_confirmed_on_the_day_probation_ends() -> None:
    """转正 takes effect on the day probation ends (入党 + 12 months, 党章): a roster exported from the demo and
    read back raises no "转正日期不是预备期满之日" warning (joined + 365 days was a day early across 29 February)."""
    from partydesk.core.domain import partial_date
    from partydesk.core.domain.probation import add_months

    members = demo_members(random.Random(2026), 2000)
    confirmed = [m for m in members if m.confirmed_on is not None and m.joined_on is not None]
    assert len(confirmed) > 1000
    for member in confirmed:
        joined, done = member.joined_on, member.confirmed_on
        if isinstance(joined, partial_date.PartialDate) or isinstance(done, partial_date.PartialDate):
            continue  # an old record known to the month only
        assert done == add_months(joined, 12), member  # type: ignore[arg-type]


def _meetings_held(path: Path) -> set[tuple[str, str, str]]:
    """(type, month, group) of every meeting in the demo file at ``path``."""
    with closing(sqlite3.connect(path)) as conn:
        return {(t, d[:7], g) for t, d, g in conn.execute(
            "SELECT type_code, held_on, party_group FROM meeting WHERE deleted = 0")}


def test_demo_branches_of_other_seeds_miss_meetings_of_their_own(tmp_path: Path) -> None:
    """Two demo branches side by side (a committee's comparison) do not show the same year; the default branch keeps
    the gaps its guide describes: no 支委会 in February, no 党课 in the second quarter, 第三党小组 not in August."""
    years = {seed: _meetings_held(create_demo(tmp_path / str(seed) / "demo.db", seed=seed, members=40).path)
             for seed in (2026, 7, 8)}
    default = years[2026]
    assert not any(t == "committee" and m == "2026-02" for t, m, _g in default)
    assert not any(t == "lecture" and m in ("2026-04", "2026-05", "2026-06") for t, m, _g in default)
    assert ("group", "2026-08", "第三党小组") not in default
    assert ("group", "2026-07", "第三党小组") in default
    assert len({frozenset(found) for found in years.values()}) == 3
    for found in years.values():  # each still misses some, and holds the most of its year
        assert len(found) < len(default | years[7] | years[8])
