"""A stored member as the rest of the program sees it: the full record, and the lighter roster line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from partydesk.core.domain.member import MemberData


@dataclass(frozen=True)
class MemberRecord:
    """A stored member: identity, the checked data, and the bookkeeping the GUI shows."""

    id: str
    org_id: str
    data: MemberData
    in_branch: bool  # on the roll (在册)
    updated_at: datetime
    updated_by: str
    left_reason: str = ""  # 减员原因 (member_events.LEAVING_REASON), "" while on the roll
    left_on: date | None = None
    corrected: bool = False  # last changed by a site other than its owner: a correction by the higher level (上级更正)


class RosterRow(NamedTuple):
    """One roster line, as codes; a NamedTuple because the roster holds up to 100 000 of them."""

    id: str
    name: str
    pinyin: str
    gender: str
    ethnicity: str
    birth_date: date | None
    id_type: str
    id_number: str
    education: str
    degree: str
    category: str
    joined_on: date | None
    confirmed_on: date | None
    party_group: str
    party_post: str
    work_post: str
    work_unit: str
    work_started_on: date | None
    phone: str
    address: str
    native_place: str
    membership_status: str
    lost_contact: bool
    lost_since: date | None
    lost_cause: str
    migrant: bool
    migrant_destination: str
    migrant_since: date | None
    in_branch: bool
    notes: str
    org_id: str = ""  # the organisation whose roll it is (a committee file holds many)
