"""A year of demo meetings (三会一课) for the demo branch, with a few real gaps; the same seed, the same year.

The twelve months before the demo's fixed today: a 党员大会 each quarter, a 支委会 and a 主题党日 each
month, a 党小组会 per group each month, a 党课 each quarter, the 组织生活会 and 民主评议 in January.
Gaps a secretary would meet: no 支委会 in the Spring Festival month, no 党课 in the second quarter and
one group that skipped August (another seed's branch has gaps of its own: ``gaps``). One member stops coming
(absent at the last meetings in a row); the members who lost contact come to none from the day they did.
"""

from __future__ import annotations

import random
from datetime import date

from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain.meeting_roll import expected_members
from partydesk.core.domain.meetings import add_months, meeting_type
from partydesk.core.services.meetings import add_meeting, roll_rules
from partydesk.core.storage import meeting_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.meeting_repo import ABSENT, LEAVE, PRESENT, MeetingData

PLACE = "社区党群服务中心会议室"
TOPICS = {
    "general": ("传达学习上级会议精神，讨论支部工作", "讨论发展党员和预备党员转正", "通报党费收缴情况"),
    "committee": ("研究本月支部工作安排", "研究主题党日活动方案", "讨论积极分子培养考察情况"),
    "group": ("集体学习党章", "交流学习体会，开展谈心谈话", "学习《中国共产党纪律处分条例》"),
    "lecture": ("书记讲党课：坚定理想信念", "党课：传承红色基因"),
    "theme_day": ("社区志愿服务", "重温入党誓词", "参观红色教育基地", "集中学习"),
    "org_life": ("年度组织生活会：对照检查，开展批评和自我批评",),
    "appraisal": ("年度民主评议党员",),
}
LEAVE_REASONS = ("出差", "生病", "家中有事", "值班")
SKIPPED = {("committee", 2), ("lecture", 4)}  # (type, month): meetings not held
SKIPPED_GROUP = ("第三党小组", 8)
DEFAULT_SEED = 2026


def gaps(seed: int) -> tuple[set[tuple[str, int]], tuple[str, int]]:
    """The meetings a demo branch did not hold: the default branch's (``SKIPPED``, ``SKIPPED_GROUP``) for the
    default seed; another seed's branch misses others of the same kinds, so two demo branches side by side (a
    committee's comparison) do not show the same year: its 支委会 in a month of the first quarter, one quarter's 党课
    (or, one time in three, none), and one group's meeting in some month."""
    if seed == DEFAULT_SEED:
        return set(SKIPPED), SKIPPED_GROUP
    pick = random.Random(f"demo-gaps-{seed}")
    skipped = {("committee", pick.choice((1, 2, 3)))}
    if pick.random() >= 1 / 3:
        skipped.add(("lecture", pick.choice((1, 4, 7, 10))))
    from partydesk.core.demo import GROUPS

    return skipped, (pick.choice(GROUPS), pick.randint(1, 12))


def populate_meetings(db: Database, rng: random.Random, today: date, *, secretary: str, recorder: str,
                      seed: int = DEFAULT_SEED) -> int:
    """Add the demo year of meetings before ``today`` (the gaps of ``seed``'s branch); returns how many were added."""
    rules = roll_rules(db)
    with db.read() as session:
        people = meeting_repo.roll_members(session)
        lost = meeting_repo.lost_since_of(session)
    groups = sorted({m.party_group for m in people if m.party_group})
    skipped, skipped_group = gaps(seed)
    dropout = people[len(people) // 2].id if people else ""
    names = {m.id: m.name for m in people}
    first = add_months(today, -12)
    added = 0
    for step in range(12):
        month = add_months(first, step)
        plan: list[tuple[str, int, str]] = [("committee", 3, ""), ("theme_day", 15, "")]
        plan += [("group", 20, g) for g in groups if (g, month.month) != skipped_group]
        if month.month in (1, 4, 7, 10):
            plan += [("general", 25, ""), ("lecture", 26, "")]
        if month.month == 1:
            plan += [("org_life", 28, ""), ("appraisal", 28, "")]
        for code, day, group in plan:
            if (code, month.month) in skipped:
                continue
            held_on = date(month.year, month.month, day)
            kind = meeting_type(code)
            roll = expected_members(kind, people, held_on, rules, group=group)
            late = held_on >= add_months(today, -3)
            statuses, reasons = {}, {}
            for e in roll:
                roll_of_dice = rng.random()
                lost_since = lost.get(e.member_id)
                away = (e.member_id == dropout and late) or (lost_since is not None and held_on >= lost_since)
                if away:
                    statuses[e.member_id] = ABSENT
                elif roll_of_dice < 0.86:
                    statuses[e.member_id] = PRESENT
                elif roll_of_dice < 0.95:
                    statuses[e.member_id] = LEAVE
                    reasons[e.member_id] = rng.choice(LEAVE_REASONS)
                else:
                    statuses[e.member_id] = ABSENT
                if not away and names.get(e.member_id) in (secretary, recorder):
                    statuses[e.member_id] = PRESENT  # who chairs and records a meeting is at it (dice thrown alike)
                    reasons.pop(e.member_id, None)
            if roll and PRESENT not in statuses.values():  # a meeting nobody attended cannot be recorded
                statuses[next((e.member_id for e in roll if e.member_id != dropout), roll[0].member_id)] = PRESENT
            data = MeetingData(type_code=code, topic=rng.choice(TOPICS[code]), held_on=held_on,
                               start_time="14:30", end_time="16:30", place=PLACE,
                               chair=secretary, recorder=recorder, party_group=group,
                               lecturer=secretary if code == "lecture" else "")
            add_meeting(db, LOCAL_USER, data, statuses=statuses, reasons=reasons)
            added += 1
    return added
