"""A year of demo talks (谈心谈话) for the demo branch, with a few members left out; same seed, same year.

The twelve months before the demo's fixed today: the 书记 talks with every member on the roll once
(most face to face, some at home or by phone), the committee members talk with each
other (all but one pair), each 党小组 has a 集体谈心, a leader from the 街道党工委 talks with the 书记, and a member who
stopped coming to meetings gets a 谈话提醒. Three members are left out so the to-do board shows them;
follow-ups: one done, one open and past its date, one still to come.
"""

from __future__ import annotations

import itertools
import random
from datetime import date, timedelta

from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain.meeting_roll import RollRules, on_roll
from partydesk.core.domain.meetings import COMMITTEE_POSTS
from partydesk.core.domain.talks import on_roll_since
from partydesk.core.services.talks import TalkData, add_talk
from partydesk.core.storage import meeting_repo
from partydesk.core.storage.database import Database

TOPICS = ("了解思想动态和工作生活情况", "听取对支部工作的意见建议", "交流学习党的理论的体会",
          "谈家庭困难和需要帮助的事", "谈发挥党员先锋模范作用", "谈参加组织生活的情况")
COMMITTEE_TOPICS = ("交流支委分工履职情况", "相互提醒、开展批评和自我批评", "听取对支部班子的意见")
LEFT_OUT = 3  # members never talked with in the demo year
FOLLOW_UPS = ("协调社区帮助解决就医问题", "联系单位了解子女入学政策", "回访了解思想变化情况")


def populate_talks(db: Database, rng: random.Random, today: date) -> int:
    """Add the demo year of talks before ``today``; returns how many were added."""
    with db.read() as session:
        people = meeting_repo.roll_members(session)
    rules = RollRules(count_migrants=True)
    start = today - timedelta(days=360)
    roll = [m for m in people if on_roll(m, start, rules) is not None]
    if len(roll) < LEFT_OUT + 3:
        return 0
    secretary = next((m for m in roll if m.party_post == "01"), roll[0])
    last_day = today - timedelta(days=1)
    committee = [m for m in people if m.party_post in COMMITTEE_POSTS and on_roll(m, last_day, rules) is not None]
    others = [m for m in roll if m.id != secretary.id]
    ordinary = [m for m in others if m.party_post not in COMMITTEE_POSTS]
    left_out = {m.id for m in rng.sample(ordinary, min(LEFT_OUT, len(ordinary)))}  # a tiny demo has few
    added = 0

    def talk(day: date, with_ids: tuple[str, ...], **more: object) -> None:
        nonlocal added
        data = TalkData(held_on=day, with_ids=with_ids, **more)  # type: ignore[arg-type]
        add_talk(db, LOCAL_USER, data)
        added += 1

    follow_days = (-60, -10, 20)  # done, open and overdue, still to come (relative to today)
    for i, m in enumerate(m for m in others if m.id not in left_out):
        day = start + timedelta(days=rng.randrange(5, 340))
        form = "visit" if rng.random() < 0.15 else "phone" if rng.random() < 0.1 else "individual"
        more: dict[str, object] = {}
        if i < len(FOLLOW_UPS):
            day = today + timedelta(days=follow_days[i] - 21)
            due = today + timedelta(days=follow_days[i])
            more = {"follow_up": FOLLOW_UPS[i], "follow_up_on": due, "follow_up_done": due < today - timedelta(days=30)}
        talk(day, (m.id,), by_member_id=secretary.id, form=form, topic=rng.choice(TOPICS),
             content="谈话对象表示将积极参加组织生活，认真学习，发挥党员作用。", **more)
    pairs = list(itertools.combinations(committee, 2))
    # One pair did not get to it: the last one without the secretary (who talks with everyone above).
    skipped = next((p for p in reversed(pairs) if secretary.id not in (p[0].id, p[1].id)), None)
    for a, b in (p for p in pairs if p is not skipped):
        both_on = max(start, *(on_roll_since(m, last_day) or start for m in (a, b)))
        day = both_on + timedelta(days=rng.randrange(max(1, (last_day - both_on).days)))
        talk(day, (b.id,), by_member_id=a.id, form="individual", topic=rng.choice(COMMITTEE_TOPICS))
    groups = sorted({m.party_group for m in roll if m.party_group})
    for n, group in enumerate(groups):
        members = tuple(m.id for m in roll if m.party_group == group and m.id not in left_out and m.id != secretary.id)
        if members:
            talk(start + timedelta(days=60 + 70 * n), members, by_member_id=secretary.id, form="group",
                 topic="集体谈心：谈学习体会和工作打算")
    dropout = people[len(people) // 2]  # the member demo_meetings has stop coming lately
    if dropout.id not in left_out and dropout.id != secretary.id:
        talk(today - timedelta(days=12), (dropout.id,), by_member_id=secretary.id, form="reminder",
             topic="连续缺席组织生活，谈话提醒", follow_up="下次党员大会前再次了解情况",
             follow_up_on=today + timedelta(days=40))
    talk(start + timedelta(days=200), (secretary.id,), by_name="街道党工委张书记", form="individual",
         topic="听取支部工作情况汇报，提出改进要求")
    return added
