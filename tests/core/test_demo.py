"""The demo branch is plausible: retired members are old, the officers named in the settings are members."""

from __future__ import annotations

import random
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
