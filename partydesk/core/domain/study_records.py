"""The study records as plain data (学习活动, 学时, 技能证书, 学习资料): what services and pages pass around.

Hours are tenths of a 学时 (domain/study.py). The repository (storage/study_repo.py) takes and returns these.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ActivityData:
    """What a person records about a study activity (hours in tenths of a 学时)."""

    form_code: str
    topic: str
    start_on: date
    end_on: date
    hours_tenths: int
    organiser: str = ""
    basis: str = ""
    materials: str = ""
    individual: bool = False
    meeting_id: str | None = None
    evidence_sha: str = ""
    evidence_name: str = ""
    notes: str = ""


@dataclass(frozen=True)
class Credit:
    """One member's tenths for one activity in one year."""

    member_id: str
    year: int
    tenths: int


@dataclass(frozen=True)
class ActivitySummary:
    """An activity as lists show it: its record, how many members were credited and the tenths in total."""

    id: str
    data: ActivityData
    participants: int
    credited_tenths: int
    org_id: str = ""  # the branch that recorded it (a committee's file holds many)
    holder: str = ""  # a member's own course: whose it is (the one member it credits)


@dataclass(frozen=True)
class CertificationData:
    """A member's certification."""

    member_id: str
    name: str
    issuer: str = ""
    obtained_on: date | None = None
    expires_on: date | None = None
    notes: str = ""


@dataclass(frozen=True)
class MaterialData:
    """An item of the materials library: a stored file (sha) or a link."""

    title: str
    tags: str = ""
    dated: date | None = None
    file_sha: str = ""
    file_name: str = ""
    link: str = ""
    notes: str = ""


@dataclass(frozen=True)
class MeetingCandidate:
    """A 党课, 主题党日 or 党小组学习 recorded as a meeting, as the 计为学习 list shows it."""

    id: str
    org_id: str
    type_code: str
    topic: str
    held_on: date
    start_time: str
    end_time: str
    present: int  # members present, who would be credited
    counted: bool  # a live activity already counts it as study


EARLIER_NOTE = "补录此前学时"  # the notes of a record of the hours members had before the file began


def is_earlier_hours(data: ActivityData) -> bool:
    """Whether a study record holds the hours members had before the file began its records (补录此前学时): each
    member credited their own number, corrected in its own dialog, not a session held."""
    return data.notes == EARLIER_NOTE and not data.individual and data.meeting_id is None
