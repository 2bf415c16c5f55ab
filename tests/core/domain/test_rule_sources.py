"""Every rule says where its default comes from, and local practice is never labelled national."""

from __future__ import annotations

import pytest

from partydesk.core.domain import rules
from partydesk.core.domain.rules import LOCAL, NATIONAL_SOURCES, RULE_DEFAULTS, SOURCE_TITLES, is_national, source_of


@pytest.mark.parametrize("rule", RULE_DEFAULTS, ids=lambda r: r.key)
def test_every_rule_names_a_known_source(rule: rules.RuleDefault) -> None:
    """党章, 细则, 条例, a national plan or regulation, or 各地做法 — nothing else, never blank."""
    assert rule.source in SOURCE_TITLES


@pytest.mark.parametrize("key", [
    "meeting.heart_talk.months", "recruit.activist_wait.days", "recruit.review_valid.months",
    "recruit.publicity.days", "migrant.months", "dues.rounding",
])
def test_numbers_domain_md_marks_local_are_not_national(key: str) -> None:
    """The numbers DOMAIN.md marks [local] (谈心谈话, 公示期, 政审有效期 …) are 各地做法."""
    assert source_of(key) == LOCAL
    assert not is_national(key)


@pytest.mark.parametrize(("key", "source"), [
    ("probation.months", rules.DZ), ("recruit.min_age.years", rules.DZ), ("dues.lapse.months", rules.DZ),
    ("recruit.talk.days", rules.XZ), ("meeting.general.months", rules.TJ), ("study.member.hours", rules.JY),
    ("study.leader.hours", rules.PLAN), ("dues.employed.band1_rate", rules.FEE),
])
def test_national_rules_name_their_document(key: str, source: str) -> None:
    """A national number names the document it comes from."""
    assert source_of(key) == source
    assert is_national(key)


def test_no_note_calls_a_local_rule_national() -> None:
    """A local rule's note does not say 全国 (its value is not a national one)."""
    assert all("全国" not in r.note for r in RULE_DEFAULTS if r.source == LOCAL)
    assert LOCAL not in NATIONAL_SOURCES


def test_unknown_key_has_no_source() -> None:
    """A key this program does not know has no source and is not national."""
    assert source_of("no.such.rule") == ""
    assert not is_national("no.such.rule")
