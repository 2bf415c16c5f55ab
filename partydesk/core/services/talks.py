"""Talk use cases (谈心谈话): record, change and delete a talk; the year's talks; who is due a talk.

A talk names who talked — a member, or by name a leader from outside the roster — and the members
talked with. Who is due comes from the roll as it stands on the day asked about (domain/meeting_roll.py:
members in the branch with 党籍, 外出流动 members included, since keeping in touch matters most for them)
and the last talk with each, an SQL aggregate (storage/talk_repo.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy.orm import Session

from partydesk.core.changes import Actor, ChangeKind, Changes
from partydesk.core.domain.meeting_roll import RollRules, on_roll
from partydesk.core.domain.pinyin import name_order
from partydesk.core.domain.roster import RosterRow
from partydesk.core.domain.study_roll import MOVING_KINDS
from partydesk.core.domain.talks import FORMS_BY_CODE, RULE_KEY, on_roll_since, talk_due
from partydesk.core.errors import ValidationError
from partydesk.core.services import branches
from partydesk.core.services.rules import rule_values
from partydesk.core.storage import meeting_repo, member_repo, settings_repo, talk_repo, workbench_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.talk_repo import TalkData, TalkRecord

__all__ = ["TalkAdded", "TalkData", "TalkDue", "TalkRecord", "add_talk", "delete_talk", "follow_up_due", "get_talk",
           "last_talk_by_member", "open_follow_ups", "talk_months", "talks_due", "talks_of_year", "update_talk"]


@dataclass(frozen=True)
class TalkAdded:
    """What adding a talk did: the change record and the new id."""

    changes: Changes
    talk_id: str


@dataclass(frozen=True)
class TalkDue:
    """A member on the roll and when the next talk with the member is due (None: at once, nothing known)."""

    member_id: str
    name: str
    party_group: str
    last_talk: date | None
    due: date | None
    branch: str = ""  # in a file of several branches (a committee's): the member's branch, by its short name
    branch_name: str = ""  # and by its full name


def _checked(session: Session, data: TalkData, org_id: str | None) -> TalkData:
    """The talk as it will be stored, the talker's name filled in; ValidationError names the field. Those
    talked with are members of the talk's organisation ``org_id`` (a committee's file holds every branch's
    members: a talk with a branch's member is the branch's to record)."""
    if data.form not in FORMS_BY_CODE:
        known = "、".join(f"{f.code}（{f.name}）" for f in FORMS_BY_CODE.values())
        raise ValidationError(f"未知的谈话形式“{data.form}”。可用的形式：{known}。", field="form", code="unknown_form")
    if data.held_on > date.today():  # a talk is recorded once held: one dated ahead would sit outside every year shown
        raise ValidationError(f"谈话日期 {data.held_on:%Y-%m-%d} 还没到：谈心谈话请在谈话之后记录；如果日期填错了，"
                              "请改正。", field="held_on", code="future")
    if not data.topic.strip():
        raise ValidationError("请填写谈话主题。", field="topic", code="no_topic")
    with_ids = tuple(dict.fromkeys(data.with_ids))
    if not with_ids:
        raise ValidationError("请至少选择一名谈话对象。", field="with_ids", code="no_one")
    missing = [m for m in with_ids if member_repo.get_member(session, m) is None]
    if not missing and org_id is not None:
        others = member_repo.names_outside(session, with_ids, org_id)
        if others:
            raise ValidationError(f"{'、'.join(others)}不是本组织的党员：与其他支部党员的谈话由该支部记录。",
                                  field="with_ids", code="other_branch")
    if missing:
        raise ValidationError(f"找不到这些谈话对象：{'、'.join(missing)}（可能已被删除）。", field="with_ids",
                              code="unknown_member")
    by_name = data.by_name.strip()
    if data.by_member_id is not None:
        talker = member_repo.get_member(session, data.by_member_id)
        if talker is None:
            raise ValidationError("找不到谈话人，可能已被删除。", field="by", code="unknown_member")
        if data.by_member_id in with_ids:
            raise ValidationError(f"谈话人{talker.data.name}不能同时是谈话对象。", field="with_ids", code="self_talk")
        by_name = talker.data.name
    elif not by_name:
        raise ValidationError("请填写谈话人（本支部党员，或上级领导的姓名）。", field="by", code="no_talker")
    if data.follow_up_on is not None and not data.follow_up.strip():
        raise ValidationError("填写了跟进日期，请同时写明需要跟进的事项。", field="follow_up", code="no_follow_up")
    if data.follow_up_on is not None and data.follow_up_on < data.held_on:
        raise ValidationError("跟进日期不能早于谈话日期。", field="follow_up_on", code="follow_up_early")
    return replace(data, with_ids=with_ids, by_name=by_name, topic=data.topic.strip())


def add_talk(db: Database, actor: Actor, data: TalkData) -> TalkAdded:
    """Record a talk."""
    if db.site is None or db.site.organisation_id is None:
        raise ValidationError("请先完成初始设置（填写党组织信息）。", code="not_set_up")
    with db.write(actor, action="talk.add") as session:
        talk_id = talk_repo.insert_talk(session, db.site.organisation_id,
                                        _checked(session, data, db.site.organisation_id))
    return TalkAdded(Changes.of(ChangeKind.TALK, talk_id), talk_id)


def update_talk(db: Database, actor: Actor, talk_id: str, data: TalkData) -> Changes:
    """Change a recorded talk: every field and who was talked with."""
    with db.write(actor, action="talk.update") as session:
        if not talk_repo.update_talk(session, talk_id, _checked(session, data, talk_repo.talk_org(session, talk_id))):
            raise ValidationError("找不到这次谈话，可能已被删除。", code="no_talk")
    return Changes.of(ChangeKind.TALK, talk_id)


def people(db: Database, actor: Actor, org_id: str | None = None) -> list[RosterRow]:
    """The members a talk may name, on the roll now: of the talk's organisation ``org_id``, or of this office's
    for a new talk (a committee's file holds every branch's members; a talk with one is the branch's)."""
    from partydesk.core.services.members import roster

    whose = org_id or (db.site.organisation_id if db.site is not None else None)
    return [r for r in roster(db, actor, include_departed=False) if whose is None or r.org_id == whose]


def not_own_members(db: Database, member_ids: list[str]) -> set[str]:
    """Those of ``member_ids`` on another organisation's roll than this office's (a committee's file)."""
    if not member_ids or db.site is None or db.site.organisation_id is None:
        return set()
    with db.read() as session:
        return set(member_repo.ids_outside(session, member_ids, db.site.organisation_id))


def delete_talk(db: Database, actor: Actor, talk_id: str) -> Changes:
    """Delete a talk: it stays as a tombstone (it may already be in a sync file) with its words wiped."""
    with db.write(actor, action="talk.delete") as session:
        if not talk_repo.tombstone_talk(session, talk_id):
            raise ValidationError("找不到这次谈话，可能已被删除。", code="no_talk")
    return Changes.of(ChangeKind.TALK, talk_id)


def get_talk(db: Database, talk_id: str) -> TalkRecord | None:
    """One live talk, or None."""
    with db.read() as session:
        return talk_repo.get_talk(session, talk_id)


def talks_of_year(db: Database, year: int) -> list[TalkRecord]:
    """The talks held in ``year``, newest first."""
    with db.read() as session:
        return talk_repo.talks_between(session, date(year, 1, 1), date(year, 12, 31))


def last_talk_by_member(db: Database, until: date | None = None) -> dict[str, date]:
    """member id -> the date of the latest talk with the member."""
    with db.read() as session:
        return talk_repo.last_talk_by_member(session, until)


def talk_months(db: Database) -> int:
    """The rule-table interval: each member talked with at least once every this many months."""
    return rule_values(db).get(RULE_KEY, 12)


@dataclass(frozen=True)
class _OnRoll:
    """A member on the roll on the day asked about, and since when."""

    id: str
    name: str
    party_group: str
    party_post: str
    since: date | None
    org_id: str | None = None


def _on_roll_today(session: Session, today: date, *, ids: list[str] | None = None) -> list[_OnRoll]:
    """The members on the roll on ``today`` (外出流动 included), in 拼音 order, with the day each came onto it.

    Most members have no event that moves the roll: they are on it from their admission day, read from
    one outline (``meeting_repo.roll_outline``). Only the few with a moving event, or with no admission day
    known, are read with their events and judged by ``meeting_roll.on_roll`` and ``talks.on_roll_since``:
    a committee's 100 000 members are not replayed one by one. ``ids``: only these members.
    """
    outline = meeting_repo.roll_outline(session, MOVING_KINDS, ids=ids)
    replay = [o.id for o in outline if o.moves or o.admitted_on is None]
    full = {m.id: m for m in meeting_repo.roll_members(session, ids=replay)} if replay else {}
    rules = RollRules(count_migrants=True)
    out = []
    for o in outline:
        member = full.get(o.id)
        if member is not None:
            if on_roll(member, today, rules) is not None:
                out.append(_OnRoll(o.id, o.name, o.party_group, o.party_post, on_roll_since(member, today), o.org_id))
        elif o.admitted_on is not None and o.admitted_on <= today:
            out.append(_OnRoll(o.id, o.name, o.party_group, o.party_post, o.admitted_on, o.org_id))
    return out


def talks_due(db: Database, today: date) -> list[TalkDue]:
    """Every member on the roll on ``today`` with the day the next talk is due, the most overdue first; in a file
    of several branches (a committee's), each with its branch."""
    months = talk_months(db)
    with db.read() as session:
        people = _on_roll_today(session, today)
        last = talk_repo.last_talk_by_member(session, today)
        by_org, own = settings_repo.began_by_organisation(session)
    held = branches.branches(db)
    several = held.multi

    def named(org_id: str | None) -> tuple[str, str]:
        return (held.short_of(org_id), held.name_of(org_id)) if several and org_id else ("", "")

    out = [TalkDue(m.id, m.name, m.party_group, last.get(m.id),
                   talk_due(last.get(m.id), m.since, months, by_org.get(m.org_id or "", own)), *named(m.org_id))
           for m in people]
    return sorted(out, key=lambda d: (d.due or date.min, name_order(d.name), d.name))


UNDATED_FOLLOW_UP_DAYS = 30  # a follow-up written without a date is due a month after the talk


def follow_up_due(record: TalkRecord) -> date:
    """The day a talk's follow-up is due: its own date, or ``UNDATED_FOLLOW_UP_DAYS`` after the talk when the
    secretary wrote what to follow up but no date (before, such a follow-up never came up again)."""
    return record.data.follow_up_on or record.data.held_on + timedelta(days=UNDATED_FOLLOW_UP_DAYS)


def open_follow_ups(db: Database) -> list[TalkRecord]:
    """Talks with a follow-up not yet done: dated ones by date first, then those with no date (``follow_up_due``)."""
    with db.read() as session:
        return talk_repo.open_follow_ups(session)



def resolve_talker(db: Database, token: str) -> tuple[str | None, str]:
    """(member id or None, name) of who talked: a member id, a 公民身份号码 or a roster name that is
    unique among live members gives the member; any other text is the name of someone off the roster.
    Empty text means the organisation's 书记 as set up."""
    from partydesk.core.services.setup import own_organisation

    text = token.strip()
    if not text:
        org = own_organisation(db)
        text = org.secretary if org is not None else ""
        if not text:
            raise ValidationError("请指明谈话人（党员编号、身份证号或姓名）。", field="by", code="no_talker")
    with db.read() as session:
        people = meeting_repo.roll_members(session)
        by_number = member_repo.all_id_numbers(session)
    if any(m.id == text for m in people):
        return text, next(m.name for m in people if m.id == text)
    if text.upper() in by_number:
        member_id = by_number[text.upper()]
        return member_id, next(m.name for m in people if m.id == member_id)
    named = [m.id for m in people if m.name == text]
    return (named[0], text) if len(named) == 1 else (None, text)


@dataclass(frozen=True)
class CommitteePair:
    """Two committee members (支委) who have not talked with each other within the rule's interval."""

    first_id: str
    first_name: str
    second_id: str
    second_name: str
    since: date  # the start of the interval looked at


def committee_pairs_due(db: Database, today: date) -> list[CommitteePair]:
    """Pairs of committee members of one organisation on the roll today with no talk between them in the
    last interval (either one talking, the other talked with). Posts have no history yet, so the committee
    is taken as it stands today. In a committee's file each branch's 支委 are paired among themselves only.

    A committee is owed its pairs' talks only once it has had an interval to hold them (due within
    ``SOON_DAYS``): counted from its term's start (a committee elected this month), and, as a member's own
    talk, from ``floor_start`` of the day the organisation's file began its records (talks before are not
    known)."""
    from partydesk.core.domain.meetings import COMMITTEE_POSTS
    from partydesk.core.domain.talks import SOON_DAYS, floor_start, same_day_months_later

    months = talk_months(db)
    since = same_day_months_later(today, -months)
    with db.read() as session:
        posts = member_repo.ids_with_posts(session, sorted(COMMITTEE_POSTS))
        people = _on_roll_today(session, today, ids=posts)
        pairs = talk_repo.talked_pairs(session, since, today)
        committee = [m for m in people if m.party_post in COMMITTEE_POSTS]
        org = workbench_repo.org_of(session, [m.id for m in committee])
        starts = settings_repo.counting_starts(session)

    def owed(org_id: str | None) -> bool:
        term, began = starts.get(org_id or "", (None, None))
        counted = [day for day in (term, floor_start(began, months)) if day is not None]
        return not counted or same_day_months_later(max(counted), months) <= today + timedelta(days=SOON_DAYS)

    owing = {o for o in set(org.values()) if owed(o)}
    return [CommitteePair(a.id, a.name, b.id, b.name, since)
            for i, a in enumerate(committee) for b in committee[i + 1:]
            if org.get(a.id) == org.get(b.id) and org.get(a.id) in owing and frozenset((a.id, b.id)) not in pairs]
