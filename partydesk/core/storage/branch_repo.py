"""Reading which organisations (党组织) a database holds records of: the committee's branches.

A committee file holds the members, meetings and study records of every branch whose packages it has
imported; each record names its organisation (``org_id``). This module lists the organisations that
matter to the pages — this site's own and every other one that owns a live member or meeting — so a
branch file that merely holds its committee's organisation record is still a single-branch file.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from partydesk.core.storage.meeting_tables import Meeting
from partydesk.core.storage.tables import Member, Organisation


@dataclass(frozen=True)
class OrganisationRow:
    """An organisation as the branch lists show it."""

    id: str
    code: str
    name: str


def organisations_with_records(session: Session, own_id: str | None) -> list[OrganisationRow]:
    """The live organisations that are ``own_id`` or own a live member or meeting, by code."""
    has_member = exists().where(Member.org_id == Organisation.id, Member.deleted.is_(False))
    has_meeting = exists().where(Meeting.org_id == Organisation.id, Meeting.deleted.is_(False))
    wanted = or_(has_member, has_meeting) if own_id is None else or_(Organisation.id == own_id, has_member,
                                                                      has_meeting)
    query = (select(Organisation.id, Organisation.code, Organisation.name)
             .where(Organisation.deleted.is_(False), wanted).order_by(Organisation.code, Organisation.name))
    return [OrganisationRow(*r) for r in session.execute(query)]
