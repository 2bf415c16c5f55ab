"""The rule table drives the member checks: an office's edited rule changes what a save reports."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain.member import MemberInput
from partydesk.core.services import members, rules
from partydesk.core.storage.database import Database

TODAY = date(2026, 11, 28)
# Born 1949-12-31, joined at 25 and a half.
ZHANG = MemberInput(name="张三", gender="男", id_number="110105194912310038", category="正式党员",
                    joined_on="1975-07-01", confirmed_on="1976-07-01")


def _warning_codes(db: Database, data: MemberInput) -> set[tuple[str, str]]:
    _clean, warnings = members.validate(db, data, today=TODAY)
    return {(i.field, i.code) for i in warnings}


def test_raising_the_minimum_joining_age_flags_a_member_who_joined_younger(db: Database) -> None:
    """recruit.min_age.years at 26 makes joining at 25 a join_age warning on joined_on; at 18 it is not."""
    assert ("joined_on", "join_age") not in _warning_codes(db, ZHANG)
    rules.set_rule(db, LOCAL_USER, key="recruit.min_age.years", value=26)
    assert ("joined_on", "join_age") in _warning_codes(db, ZHANG)
    saved = members.add_member(db, LOCAL_USER, data=ZHANG, today=TODAY)
    assert [w.message for w in saved.warnings if w.code == "join_age"] == ["入党时未满26周岁"]


def test_a_shorter_extension_limit_flags_a_late_confirmation(db: Database) -> None:
    """转正 20 months after joining fits one year plus a 12-month extension, not plus a 6-month one."""
    late = replace(ZHANG, confirmed_on="1977-03-01")
    assert ("confirmed_on", "probation_length") not in _warning_codes(db, late)
    rules.set_rule(db, LOCAL_USER, key="probation.extension_max.months", value=6)
    assert ("confirmed_on", "probation_length") in _warning_codes(db, late)
    rules.restore_default(db, LOCAL_USER, key="probation.extension_max.months")
    assert ("confirmed_on", "probation_length") not in _warning_codes(db, late)
