"""A branch with members (ID and phone numbers on file) and one general meeting recorded in full, for the
tests of meeting documents (minutes, register, brief) in the core, the command line and the GUI."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import fake_id_number
from partydesk.core.domain.member import MemberInput
from partydesk.core.services import meetings, members
from partydesk.core.storage.database import Database
from partydesk.core.storage.meeting_repo import LEAVE, PRESENT, MeetingData

TODAY = date(2026, 11, 30)
HELD_ON = date(2026, 11, 20)
PRESENT_NAMES = ("王建国", "李秀英", "张伟", "钱预备")
LEAVE_NAME, LEAVE_REASON = "赵敏", "出差"
ABSENT_NAME = "孙强"
GUEST = ("周丽", "街道党工委组织委员")
BODY = ('<!DOCTYPE HTML><html><head><style type="text/css">p { white-space: pre-wrap; }</style></head><body>'
        '<p>会议由<span style=" font-weight:700;">王建国</span>同志主持。</p>'
        "<ol><li>传达上级文件精神；</li><li>讨论发展党员工作。</li></ol>"
        "<ul><li>各党小组做好传达。</li></ul><script>alert('x')</script><p>会议结束。</p></body></html>")
DECISIONS = "同意接收李明同志为中共预备党员。"


@dataclass(frozen=True)
class Sample:
    """The meeting's id and every member's (name, ID number, phone)."""

    meeting_id: str
    people: tuple[tuple[str, str, str], ...]


def record_sample(db: Database) -> Sample:
    """Add six members and a 支部党员大会 with four present, one on leave, one absent and a guest."""
    ids: dict[str, str] = {}
    people = []
    for seed, name in enumerate((*PRESENT_NAMES, LEAVE_NAME, ABSENT_NAME), start=1):
        probationary = name == "钱预备"
        number = fake_id_number(random.Random(seed), date(1975, 1, seed), True)
        phone = f"1381234{seed:04d}"
        data = MemberInput(name=name, gender="男", id_number=number, phone=phone,
                           category="预备党员" if probationary else "正式党员",
                           joined_on="2026-03-01" if probationary else "2000-07-01",
                           confirmed_on=None if probationary else "2001-07-01",
                           party_post="书记" if name == "王建国" else "", party_group="第一党小组")
        ids[name] = members.add_member(db, LOCAL_USER, data=data, today=TODAY).member_id
        people.append((name, number, phone))
    statuses = {ids[n]: PRESENT for n in PRESENT_NAMES} | {ids[LEAVE_NAME]: LEAVE}
    data = MeetingData(type_code="general", topic="讨论发展党员工作", held_on=HELD_ON, start_time="14:30",
                       end_time="16:30", place="社区党群服务中心", chair="王建国", recorder="李秀英", body=BODY,
                       decisions=DECISIONS)
    added = meetings.add_meeting(db, LOCAL_USER, data, statuses=statuses,
                                 reasons={ids[LEAVE_NAME]: LEAVE_REASON, ids[ABSENT_NAME]: "未请假"},
                                 guests=[GUEST])
    return Sample(added.meeting_id, tuple(people))
