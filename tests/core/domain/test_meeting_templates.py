"""A starting template for every meeting type, and the motion pass rule's arithmetic."""

from __future__ import annotations

from partydesk.core.domain.meeting_roll import Count
from partydesk.core.domain.meeting_templates import TEMPLATES, template_for
from partydesk.core.domain.meetings import MEETING_TYPES
from partydesk.core.domain.motions import BASE_PRESENT, Motion, MotionRules, passes, problems


def test_every_type_has_its_own_template_with_agenda_and_body() -> None:
    assert {t.code for t in MEETING_TYPES} == set(TEMPLATES)
    for kind in MEETING_TYPES:
        template = template_for(kind.code)
        assert template.agenda and template.sections
        assert template.body.count("<b>") == len(template.sections) and "<ul><li></li></ul>" in template.body
    assert "重温入党誓词" in template_for("theme_day").agenda
    assert "讲授要点" in template_for("lecture").sections
    assert template_for("general") != template_for("committee")
    assert template_for("no such type") == TEMPLATES["other"]
    # Votes and decisions have their own tabs and printed sections: no body template asks for them again.
    assert not any({"表决方式和结果", "会议决定"} & set(t.sections) for t in TEMPLATES.values())


def test_body_text_is_escaped() -> None:
    from partydesk.core.domain.meeting_templates import MeetingTemplate

    assert "&lt;script&gt;" in MeetingTemplate((), ("<script>",)).body


def test_votes_for_must_exceed_half_of_the_voting_members_due() -> None:
    """7 with a vote due, 4 present: 4 for passes (4 > 3.5), 3 does not; counted of those present, 3 passes."""
    tally = Count(expected=9, present=5, voting_expected=7, voting_present=4, quorum_met=True)
    assert passes(Motion("x", 4, 0, 0), tally, MotionRules())
    assert not passes(Motion("x", 3, 1, 0), tally, MotionRules())
    assert passes(Motion("x", 3, 1, 0), tally, MotionRules(base=BASE_PRESENT))
    assert not passes(Motion("x", 2, 0, 2), tally, MotionRules(base=BASE_PRESENT))
    assert passes(Motion("x", 5, 0, 0), tally, MotionRules(bp=6667)), "two thirds of 7 is 4.67"
    assert not passes(Motion("x", 4, 0, 0), tally, MotionRules(bp=6667))


def test_motion_problems_name_the_motion() -> None:
    tally = Count(5, 3, 4, 2, True)
    assert problems(Motion("接收张三", 2, 1, 1), tally) == []
    assert "接收张三" in problems(Motion("接收张三", 3, 1, 1), tally)[0]
    assert problems(Motion("接收张三", -1), tally) and problems(Motion(""), tally)
