"""Deterministic demo data: the same seed always gives the same branch, for newcomers, shots and benchmarks."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain import partial_date
from partydesk.core.domain.idnumber import check_char
from partydesk.core.domain.member import MemberData
from partydesk.core.domain.member_events import EventKind
from partydesk.core.domain.probation import add_months
from partydesk.core.services.setup import OrganisationInput, date_records_back, initialise_site
from partydesk.core.storage.database import Database, open_database

DEMO_ORG = OrganisationInput(
    name="中共示范街道幸福社区第一支部委员会",
    code="3301060012",
    org_type="党支部",
    secretary="王建国",
    contact="李晓梅",
    phone="0571-86001234",
)


@dataclass(frozen=True)
class DemoSummary:
    """What the generator created."""

    path: Path
    seed: int
    members: int


def create_demo(path: Path, *, seed: int = 2026, members: int | None = None, org_code: str | None = None,
                org_name: str | None = None) -> DemoSummary:
    """Create a new demo database at ``path`` (which must not exist yet); another code and name make a
    second demo branch (several branches reporting to one committee on one computer)."""
    if path.exists():
        from partydesk.core.errors import ValidationError

        raise ValidationError(f"文件已存在：{path}。演示数据只能写入新的数据库文件。", code="exists")
    db = open_database(path)
    try:
        organisation = replace(DEMO_ORG, code=org_code or DEMO_ORG.code, name=org_name or DEMO_ORG.name)
        populate(db, seed=seed, members=members, organisation=organisation)
        count = member_count(db)
    finally:
        db.close()
    return DemoSummary(path, seed, count)


def populate(db: Database, *, seed: int = 2026, members: int | None = None,
             organisation: OrganisationInput = DEMO_ORG) -> None:
    """Fill a fresh database with the demo branch."""
    rng = random.Random(seed)
    initialise_site(db, LOCAL_USER, organisation=organisation, role="branch")
    _populate_members(db, rng, members)
    if members is None or members <= DEMO_MEETING_MAX_MEMBERS:
        from partydesk.core.demo_meetings import populate_meetings
        from partydesk.core.demo_talks import populate_talks

        populate_talks(db, random.Random(seed + 5), DEMO_TODAY)

        populate_meetings(db, random.Random(seed), DEMO_TODAY, secretary=organisation.secretary,
                          recorder=organisation.contact, seed=seed)
        from partydesk.core.demo_study import populate_study

        populate_study(db, random.Random(seed + 1), DEMO_TODAY, secretary=organisation.secretary)
        _report_one_migrant(db)
    # The demo branch has kept its records here since the January of last year, as its history says.
    date_records_back(db, LOCAL_USER, date(DEMO_TODAY.year - 1, 1, 1))


def _report_one_migrant(db: Database) -> None:
    """One migrant away since last year reported this summer (流动党员汇报); the others did not."""
    from partydesk.core.services.members import add_event
    from partydesk.core.storage import workbench_repo

    with db.read() as session:
        away = [m for m, _n, since, _r, _o in workbench_repo.migrant_reports(session)
                if since is not None and since.year < DEMO_TODAY.year]
    if away:
        add_event(db, LOCAL_USER, member_id=away[0], kind=EventKind.MIGRANT_REPORT, on_date=MIGRANT_REPORTED_ON,
                  note="电话汇报：在深圳参加流入地党组织生活，按月交纳党费", today=DEMO_TODAY)


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰文斌海燕晓梅春雷鹏辉丹宁"
REGIONS = ("330106", "330102", "330108", "110105", "320102", "440106", "510107", "420106", "370102")
UNITS = ("幸福社区居委会", "示范街道办事处", "第一小学", "市人民医院", "恒达机械有限公司", "个体经营",
         "社区卫生服务中心", "新华书店", "退休")
STREETS = ("文三路", "学院路", "幸福南路", "和平北街", "建设路", "湖滨路")
GROUPS = ("第一党小组", "第二党小组", "第三党小组", "第四党小组")
EDUCATIONS = ("20", "20", "30", "30", "61", "71", "14", "41", "D4")
WORK_POSTS = ("25", "24", "23", "24", "21", "21", "27", "27", "27")  # working people: never 28 离退休人员
RETIRED_POST = "28"
# Born before this, a member is of retirement age on DEMO_TODAY (60 and over) and listed as 离退休人员.
RETIRED_BORN_BEFORE = date(1966, 1, 1)
# The first two members are the 书记 and the 组织委员 named in the organisation's settings (书记, 联系人).
NAMED_OFFICERS = ((DEMO_ORG.secretary, True), (DEMO_ORG.contact, False))
POSTS = ("01", "03", "04", "05", "02")  # 书记, 组织委员, 宣传委员, 纪检委员, 副书记
OLD_RECORDS_BEFORE = 1990
DEMO_TODAY = date(2026, 11, 1)  # fixed, so the same seed always gives the same branch
DEFAULT_MEMBERS = 36
DEMO_MEETING_MAX_MEMBERS = 500  # scale runs (--members 100000) get members only
# Migrants from this index on left last year, so they owe a report this year (流动党员汇报); the demo
# records one for the first of them and leaves the next without (a to-do on the workbench).
MIGRANT_LAST_YEAR_FROM = 10
MIGRANT_REPORTED_ON = date(2026, 7, 15)


def fake_id_number(rng: random.Random, birth: date, male: bool) -> str:
    """A fictitious 18-digit number with a valid check digit and the right birth date and sex digit."""
    seq = rng.randrange(0, 500) * 2 + (1 if male else 0)
    first17 = f"{rng.choice(REGIONS)}{birth:%Y%m%d}{seq:03d}"
    return first17 + check_char(first17)


def _unique_id(rng: random.Random, birth: date, male: bool, used: set[str] | None) -> str:
    number = fake_id_number(rng, birth, male)
    while used is not None and number in used:
        number = fake_id_number(rng, birth, male)
    if used is not None:
        used.add(number)
    return number


def _random_date(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange(max(1, (end - start).days)))


def demo_member(rng: random.Random, index: int, used_ids: set[str] | None = None) -> MemberData:
    """One plausible member: dates consistent with each other, the ID and the rules.

    ``used_ids`` collects the numbers handed out so far; a clash draws again (one person, one number).
    """
    male = rng.random() < 0.6
    birth = _random_date(rng, date(1945, 1, 1), date(2001, 12, 31))
    officer = NAMED_OFFICERS[index] if index < len(NAMED_OFFICERS) else None
    if officer is not None:
        # The officers the settings name are in the roster, of working age.
        male = officer[1]
        birth = _random_date(rng, date(1968, 1, 1), date(1985, 12, 31))
    earliest_join = date(birth.year + 18, birth.month, min(birth.day, 28)) + timedelta(days=30)
    joined = _random_date(rng, earliest_join, min(DEMO_TODAY - timedelta(days=40),
                                                 date(birth.year + 45, 12, 31)))
    probationary = DEMO_TODAY - joined < timedelta(days=366)
    confirmed = None if probationary else add_months(joined, 12)  # 转正 on the day probation ends (党章)
    if joined.year < OLD_RECORDS_BEFORE:  # older files give 入党 and 转正 only to the month (1985.7)
        joined = partial_date.make(joined, partial_date.Precision.MONTH)
        confirmed = partial_date.make(confirmed, partial_date.Precision.MONTH) if confirmed else None
    name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
    if officer is not None:
        name = officer[0]
    retired = birth < RETIRED_BORN_BEFORE
    lost = index % 17 == 9
    migrant = index % 13 == 7 and not lost
    return MemberData(
        name=name, gender="1" if male else "2", id_type="1", id_number=_unique_id(rng, birth, male, used_ids),
        category="2" if probationary else "1", joined_on=joined, confirmed_on=confirmed,
        ethnicity="01" if rng.random() < 0.9 else rng.choice(("03", "08", "11", "04")), birth_date=birth,
        education=rng.choice(EDUCATIONS), party_group=GROUPS[index % len(GROUPS)],
        party_post=POSTS[index] if index < len(POSTS) else ("07" if index % 9 == 5 else ""),
        work_post=RETIRED_POST if retired else rng.choice(WORK_POSTS),
        work_unit="退休" if retired else rng.choice(UNITS),
        phone=f"1{rng.choice('3578')}{rng.randrange(10**9):09d}",
        address=f"示范市{rng.choice(STREETS)}{rng.randrange(1, 300)}号{rng.randrange(1, 30)}幢",
        native_place=rng.choice(("浙江杭州", "江苏南京", "山东济南", "河南郑州", "四川成都", "湖北武汉")),
        lost_contact=lost, lost_since=DEMO_TODAY - timedelta(days=300) if lost else None,
        lost_cause="1" if lost else "", migrant=migrant,
        migrant_destination="广东省深圳市" if migrant else "",
        migrant_since=DEMO_TODAY - timedelta(days=200 if index < MIGRANT_LAST_YEAR_FROM else 600) if migrant else None,
    )


def _populate_members(db: Database, rng: random.Random, members: int | None) -> None:
    from partydesk.core.services.bulk import insert_members

    count = DEFAULT_MEMBERS if members is None else members
    insert_members(db, LOCAL_USER, demo_members(rng, count))


def demo_members(rng: random.Random, count: int) -> list[MemberData]:
    """``count`` plausible members, no two with the same ID number."""
    used: set[str] = set()
    members = [demo_member(rng, i, used) for i in range(count)]
    return _posts_to_full_members(members)


def _posts_to_full_members(members: list[MemberData]) -> list[MemberData]:
    """A 预备党员 cannot be elected to the branch committee (党章第七条): a post drawn for one goes to the
    first full member after the officers who holds no post."""
    for at, member in enumerate(members):
        if member.category != "2" or member.party_post not in POSTS:
            continue
        heir = next((i for i, m in enumerate(members) if i >= len(POSTS) and m.category == "1" and not m.party_post),
                    None)
        if heir is None:
            members[at] = replace(member, party_post="")
            continue
        members[heir] = replace(members[heir], party_post=member.party_post)
        members[at] = replace(member, party_post="")
    return members


def member_count(db: Database) -> int:
    """How many live members the database holds."""
    from partydesk.core.services.members import roster

    return len(roster(db, LOCAL_USER))
