"""A year of demo study (学习教育) for the demo branch; the same seed, the same year.

The twelve months before the demo's fixed today, as a secretary would enter them: a two-hour 集体学习
each month (most members there), each quarter's 党课 meeting counted as study (half a day, 4 学时), a
two-day 培训班 for the committee in May, a 远程教育 half day in winter, a three-day class over the new year
for the secretary (split between the years), and members' own 网络培训 courses. A few certifications
(one about to expire, one expired) and a small materials library of links. The member who stops coming
to meetings also stops studying, so the ledger has someone behind.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain.meetings import add_months
from partydesk.core.domain.study_quota import is_leader, roll_spans
from partydesk.core.services import study
from partydesk.core.services.meetings import meetings_of_year
from partydesk.core.storage import meeting_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.study_repo import ActivityData, CertificationData, MaterialData

TOPICS = ("学习《中国共产党章程》", "学习习近平新时代中国特色社会主义思想", "学习《中国共产党纪律处分条例》",
          "学习党的二十届四中全会精神", "学习《中国共产党支部工作条例（试行）》", "学习身边先进典型事迹")
COURSES = ("新时代党的建设总要求", "基层党组织书记履职能力提升", "党史专题网络课程", "党员干部网络学院专题班")
CERTIFICATES = (("注册安全工程师", "应急管理部", 5), ("护士执业证书", "省卫生健康委员会", 5),
                ("特种设备安全管理人员证", "市场监督管理局", 8), ("心理咨询师（三级）", "人力资源和社会保障部", 0),
                ("社会工作者职业水平证书", "民政部", 0))
MATERIALS = (("《中国共产党章程》全文", "党章 基础", date(2022, 10, 22), "https://www.12371.cn/special/zggcdzc/"),
             ("党员教育培训工作规划解读", "培训 规划", date(2024, 1, 5), "https://www.12371.cn/"),
             ("红色教育影片：《觉醒年代》选段", "影片 党史", date(2026, 3, 1), "https://www.12371.cn/dyjy/"),
             ("主题党日活动方案参考", "主题党日 方案", date(2026, 6, 20), "https://www.12371.cn/"))


def populate_study(db: Database, rng: random.Random, today: date, *, secretary: str) -> int:
    """Add the demo year of study before ``today``; returns how many activities were added."""
    with db.read() as session:
        people = meeting_repo.roll_members(session)
    if not people:
        return 0
    dropout = people[len(people) // 2].id  # the same member demo_meetings has stop coming
    first = add_months(today, -12)
    added = 0

    def record(data: ActivityData, share: float, who: list[str] | None = None) -> None:
        nonlocal added
        pool = who if who is not None else [m.id for m in people]
        on_roll = {m.id for m in people if m.id in pool and roll_spans(m, data.start_on, data.end_on)}
        # In the roll's own order (by name): the ids are random, and the same seed must give the same people.
        chosen = {m.id: None for m in people if m.id in on_roll
                  if rng.random() < share and not (m.id == dropout and data.start_on >= add_months(today, -5))}
        if chosen:
            study.add_activity(db, LOCAL_USER, data, participants=chosen)
            added += 1

    for step in range(12):
        month = add_months(first, step)
        day = date(month.year, month.month, 10)
        record(ActivityData("collective", TOPICS[step % len(TOPICS)], day, day, 20, organiser="本支部",
                            basis="学习2小时", materials="学习资料另附"), 0.85)
        if month.month in (12, 1):
            winter = date(month.year, month.month, 18)
            record(ActivityData("remote", "冬训：农村远程教育专题片", winter, winter, 40, organiser="街道党工委",
                                basis="半天×1"), 0.7)
    leaders = [m.id for m in people if is_leader(m)]
    may = date(today.year, 5, 12) if date(today.year, 5, 13) < today else date(today.year - 1, 5, 12)
    record(ActivityData("class", "支部书记和委员培训班", may, date(may.year, 5, 13), 160, organiser="区委组织部",
                        basis="全天×2"), 1.0, leaders)
    if leaders:
        new_year = date(first.year, 12, 30) if first.month <= 12 else date(first.year + 1, 12, 30)
        study.add_activity(db, LOCAL_USER, ActivityData(
            "class", "基层党组织书记示范培训", new_year, date(new_year.year + 1, 1, 1), 240, organiser="市委党校",
            basis="全天×3"), participants={leaders[0]: None})
        added += 1
    for summary in meetings_of_year(db, first.year) + meetings_of_year(db, today.year):
        if summary.type_code == "lecture" and first <= summary.held_on < today and summary.present:
            study.count_meeting(db, LOCAL_USER, summary.id, hours_tenths=40)
            added += 1
    for m in people:
        if rng.random() < 0.35 and m.id != dropout:
            day = date(today.year, rng.randrange(1, max(2, today.month)), rng.randrange(1, 28))
            if roll_spans(m, day, day):
                study.add_own_course(db, LOCAL_USER, m.id, ActivityData(
                    "online", rng.choice(COURSES), day, day, rng.choice((40, 60, 80, 120)),
                    organiser="党员教育网络学院", basis="网络课程"))
                added += 1
    _certifications(db, rng, today, [m.id for m in people if m.id != dropout])
    for title, tags, dated, link in MATERIALS:
        study.add_material(db, LOCAL_USER, MaterialData(title, tags, dated, link=link))
    return added


def _certifications(db: Database, rng: random.Random, today: date, ids: list[str]) -> None:
    holders = rng.sample(ids, min(len(ids), len(CERTIFICATES)))
    for index, (member_id, (name, issuer, years)) in enumerate(zip(holders, CERTIFICATES, strict=False)):
        obtained = date(today.year - rng.randrange(1, 6), rng.randrange(1, 13), 1)
        expires = None
        if years:
            expires = date(obtained.year + years, obtained.month, 1)
            if index == 0:
                expires = today + timedelta(days=45)  # expiring within the notice days
            elif index == 1:
                expires = today - timedelta(days=20)  # expired
        study.add_certification(db, LOCAL_USER, CertificationData(member_id, name, issuer, obtained, expires))
