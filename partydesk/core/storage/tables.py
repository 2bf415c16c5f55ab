"""The tables of the current schema. Every change here needs a migration in ``migrations/versions``."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import DDL, Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, event, func
from sqlalchemy.orm import Mapped, mapped_column

from partydesk.core.storage.base import Base, SyncMixin


class Site(Base):
    """This installation (one row): its identity, role and the sync counters that must never go back."""

    __tablename__ = "site"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site_id: Mapped[str] = mapped_column(String(36))
    role: Mapped[str] = mapped_column(String(16))  # "branch" | "committee"
    organisation_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    change_seq: Mapped[int] = mapped_column(Integer, default=0)
    hlc_last: Mapped[str] = mapped_column(String(64), default="")


class Organisation(SyncMixin, Base):
    """A Party organisation (党组织): this branch, its committee, or a branch under a committee."""

    __tablename__ = "organisation"

    code: Mapped[str] = mapped_column(String(32), index=True)
    name: Mapped[str] = mapped_column(String(200))
    org_type: Mapped[str] = mapped_column(String(32))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("organisation.id"), nullable=True)
    secretary: Mapped[str] = mapped_column(String(64), default="")
    contact: Mapped[str] = mapped_column(String(64), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    term_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    term_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    # The day the organisation's own file began its records (``settings_repo.records_began``), on its own
    # organisation's row: travels to its committee, which reckons the branch's meetings from it as the branch
    # does (None: not known, from a file older than this column, or an organisation with no file of its own).
    records_began: Mapped[date | None] = mapped_column(Date, nullable=True)


class Rule(Base):
    """One editable domain number (house rule 7); ``default_value`` keeps the national default."""

    __tablename__ = "rule"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)
    default_value: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    updated_by: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class Member(SyncMixin, Base):
    """A Party member (党员) of an organisation; state columns are derived from member_event rows."""

    __tablename__ = "member"

    org_id: Mapped[str] = mapped_column(ForeignKey("organisation.id"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    name_pinyin: Mapped[str] = mapped_column(String(256), default="")
    gender: Mapped[str] = mapped_column(String(2))
    ethnicity: Mapped[str] = mapped_column(String(4), default="")
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    id_type: Mapped[str] = mapped_column(String(2))
    id_number: Mapped[str] = mapped_column(String(32), index=True)
    education: Mapped[str] = mapped_column(String(4), default="")
    degree: Mapped[str] = mapped_column(String(2), default="", server_default="")
    category: Mapped[str] = mapped_column(String(2))
    joined_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    confirmed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    party_group: Mapped[str] = mapped_column(String(64), default="")
    party_post: Mapped[str] = mapped_column(String(4), default="")
    work_post: Mapped[str] = mapped_column(String(4), default="")
    work_unit: Mapped[str] = mapped_column(String(200), default="")
    work_started_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    phone: Mapped[str] = mapped_column(String(32), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    native_place: Mapped[str] = mapped_column(String(64), default="")
    membership_status: Mapped[str] = mapped_column(String(4), default="10")
    lost_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    lost_since: Mapped[date | None] = mapped_column(Date, nullable=True)
    lost_cause: Mapped[str] = mapped_column(String(4), default="")
    migrant: Mapped[bool] = mapped_column(Boolean, default=False)
    migrant_destination: Mapped[str] = mapped_column(String(200), default="")
    migrant_since: Mapped[date | None] = mapped_column(Date, nullable=True)
    in_branch: Mapped[bool] = mapped_column(Boolean, default=True)  # on the roll (在册): no left_reason
    left_reason: Mapped[str] = mapped_column(String(4), default="", server_default="")  # 减员原因
    left_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    deleted_reason: Mapped[str] = mapped_column(Text, default="")
    # How much of each date is known (domain.partial_date.Precision): "day", "month" or "year".
    birth_date_precision: Mapped[str] = mapped_column(String(5), default="day", server_default="day")
    joined_on_precision: Mapped[str] = mapped_column(String(5), default="day", server_default="day")
    confirmed_on_precision: Mapped[str] = mapped_column(String(5), default="day", server_default="day")
    work_started_on_precision: Mapped[str] = mapped_column(String(5), default="day", server_default="day")
    lost_since_precision: Mapped[str] = mapped_column(String(5), default="day", server_default="day")
    migrant_since_precision: Mapped[str] = mapped_column(String(5), default="day", server_default="day")


# What lists of people are ordered by: the names read syllable by syllable (李 before 林, as a Chinese list has
# them), by the connection's ``name_order`` function (engine.py), the same key the roster sorts by in Python.
# ``name_pinyin`` run together would put 林兰强 "linlanqiang" before 李晓梅 "lixiaomei".
MEMBER_NAME_ORDER = func.name_order(Member.name)

# Every member column the workbench counts by (core/storage/dashboard_repo.py), so its figures read this narrow
# index instead of the whole member table (about 10× less at 100 000 members). Migration 0012 creates it.
STRUCTURE_COLUMNS = ("deleted", "in_branch", "category", "gender", "ethnicity", "education", "party_group",
                     "birth_date", "confirmed_on", "joined_on", "name", "id_number")
Index("ix_member_structure", *(getattr(Member, c) for c in STRUCTURE_COLUMNS))
# The members on the roll by organisation and post, for the to-do checks (core/storage/todo_repo.py); with the
# id last, the checks that join members to their events by id read this index alone. Migrations 0018, 0019.
ROLL_COLUMNS = ("deleted", "org_id", "party_post", "in_branch", "membership_status", "lost_contact", "joined_on",
                "id")
Index("ix_member_roll", *(getattr(Member, c) for c in ROLL_COLUMNS))
# A member looked up by id from its events (the talk check: does the record's 入党日期 agree with its 入党
# events?) answered by this index alone. Migration 0019 creates it.
Index("ix_member_key", Member.id, Member.deleted, Member.joined_on, Member.org_id)


class MemberEventRow(SyncMixin, Base):
    """One dated event in a member's history (党员信息变动)."""

    __tablename__ = "member_event"

    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    on_date: Mapped[date | None] = mapped_column(Date, nullable=True)  # None: date not known
    on_date_precision: Mapped[str] = mapped_column(String(5), default="day", server_default="day")
    detail: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")


# The member events by kind (停止党籍, 转出, the days talks fall due from …), for the to-do checks.
# Migration 0018 creates it.
Index("ix_member_event_kind", MemberEventRow.kind, MemberEventRow.deleted, MemberEventRow.member_id,
      MemberEventRow.on_date)


class AuditRow(Base):
    """One entry of the append-only, hash-chained audit trail (RELIABILITY §3.4); never personal data.

    ``record_ids`` is a JSON list; ``summary`` names tables, counts and changed field names, never values.
    ``hash`` = sha256(previous row's hash ‖ canonical JSON of this row), see ``storage/audit.py``.
    """

    __tablename__ = "audit"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(32))  # ISO 8601 UTC text, hashed exactly as stored
    actor_id: Mapped[str] = mapped_column(String(64))
    actor_role: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(64))
    record_ids: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text)
    hash: Mapped[str] = mapped_column(String(64))


# Append-only in the file itself, not just in our code. Migration 0003 creates the same triggers for
# older files (a test compares the two); other databases would need their own form of these.
AUDIT_TRIGGERS = (
    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
    "BEGIN SELECT RAISE(ABORT, 'audit rows cannot be changed'); END",
    "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
    "BEGIN SELECT RAISE(ABORT, 'audit rows cannot be deleted'); END",
)
for _sql in AUDIT_TRIGGERS:
    event.listen(AuditRow.__table__, "after_create", DDL(_sql).execute_if(dialect="sqlite"))  # type: ignore[no-untyped-call]

from partydesk.core.storage import correction_hook as correction_hook  # noqa: E402  (corrections noted on flush)
from partydesk.core.storage import meeting_tables as meeting_tables  # noqa: E402  (registers its tables)
from partydesk.core.storage import notice_tables as notice_tables  # noqa: E402  (registers its tables)
from partydesk.core.storage import study_tables as study_tables  # noqa: E402  (registers its tables)
from partydesk.core.storage import sync_downward_tables as sync_downward_tables  # noqa: E402  (registers its tables)
from partydesk.core.storage import sync_tables as sync_tables  # noqa: E402  (registers its tables)
from partydesk.core.storage import talk_tables as talk_tables  # noqa: E402  (registers its tables)
from partydesk.core.storage import workbench_tables as workbench_tables  # noqa: E402  (registers its table)
