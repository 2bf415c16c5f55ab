"""Refused records are refused whole, with their details (services/sync_orphans.py).

The committee here runs "an older program": one whose meeting records are of an older format, so it refuses
the branch's meetings as 记录格式比本程序新 — as a committee that has not yet upgraded would."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from partydesk.core.changes import LOCAL_USER
from partydesk.core.checks import engine
from partydesk.core.services.setup import own_organisation
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.storage.database import Database
from partydesk.core.storage.meeting_tables import Meeting, MeetingAttendance
from partydesk.core.storage.sync_records import TYPES_BY_NAME
from tests.core.exchange.conftest import Sites

COMMITTEE = "1000"
NEWER = "记录格式比本程序新，请升级"


@contextmanager
def older_meetings() -> Iterator[None]:
    """While inside: this process reads meeting records as a program one format older would."""
    kind = TYPES_BY_NAME["meeting"]
    TYPES_BY_NAME["meeting"] = dataclasses.replace(kind, type_version=kind.type_version - 1)
    try:
        yield
    finally:
        TYPES_BY_NAME["meeting"] = kind


def code_of(db: Database) -> str:
    org = own_organisation(db)
    assert org is not None
    return org.code


def count(db: Database, model: type) -> int:
    with db.read() as session:
        return session.query(model).count()


def refused_findings(db: Database) -> list[str]:
    return [f.message for f in engine.open_findings(db, date.today()) if f.code == "exchange.refused"]


def test_the_details_of_a_refused_meeting_are_refused_with_it_and_the_rest_is_imported(sites: Sites) -> None:
    """Before, the first attendance row of a refused meeting broke the foreign key and the whole package
    failed with a database error; now each detail is refused naming its meeting, and the members arrive."""
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    with older_meetings():
        report = import_package(sites.committee, LOCAL_USER, sent.path)
    assert report.status == "applied", report.message
    reasons = {(kind, reason) for kind, _id, reason in report.rejected}
    assert ("meeting", NEWER) in reasons
    assert ("meeting_attendance", "所属的会议没有被接收") in reasons
    assert report.counts["rejected"] >= sent.counts["meeting"] + sent.counts["meeting_attendance"]
    assert count(sites.committee, Meeting) == 0 and count(sites.committee, MeetingAttendance) == 0
    assert report.counts["new"] >= sent.counts["member"]
