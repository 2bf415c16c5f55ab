"""First-run set-up and the organisation's own details (组织信息)."""

from __future__ import annotations

import logging
import re
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

from partydesk.core.changes import Actor, ChangeKind, Changes
from partydesk.core.domain.organisation import ORG_TYPES, ROLES, OrganisationInput
from partydesk.core.errors import ValidationError
from partydesk.core.storage import settings_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.settings_repo import OrganisationRecord

__all__ = ["OrganisationInput", "initialise_site", "own_organisation", "site_role", "update_organisation",
           "validate_organisation"]

CODE_RE = re.compile(r"^[0-9A-Za-z]{1,32}$")

log = logging.getLogger(__name__)


def validate_organisation(data: OrganisationInput) -> OrganisationInput:
    """Normalise and check an organisation; raises ValidationError naming the field and the rule."""
    name = data.name.strip()
    code = data.code.strip()
    if not name:
        raise ValidationError("请填写党组织名称。", field="name", code="required")
    if len(name) > 200:
        raise ValidationError("党组织名称不能超过 200 个字。", field="name", code="too_long")
    if not CODE_RE.match(code):
        raise ValidationError("组织代码只能由字母和数字组成，最多 32 位。", field="code", code="org_code")
    if data.org_type not in ORG_TYPES:
        raise ValidationError(f"组织类别“{data.org_type}”不在可选范围内。", field="org_type", code="org_type")
    phone = data.phone.strip()
    if phone:
        from partydesk.core.domain.validate import normalize_phone

        try:
            phone = normalize_phone(phone)
        except ValidationError as exc:
            raise ValidationError(exc.message, field="phone", code=exc.code) from None
    if data.term_start and data.term_end and data.term_end <= data.term_start:
        raise ValidationError("任期届满日期必须晚于任期开始日期。", field="term_end", code="date_order")
    return OrganisationInput(
        name, code, data.org_type, data.secretary.strip(), data.contact.strip(), phone, data.term_start,
        data.term_end,
    )


def initialise_site(db: Database, actor: Actor, *, organisation: OrganisationInput, role: str) -> Changes:
    """First run: create this installation (new site id) and its own organisation, in one transaction."""
    if not db.needs_setup:
        raise ValidationError("这个数据库已经完成初始设置。", code="already_set_up")
    if role not in ROLES:
        raise ValidationError(f"角色必须是 branch 或 committee，而不是“{role}”。", field="role", code="role")
    org = validate_organisation(organisation)
    with db.write(actor, action="setup.organisation") as session:
        _site_id, org_id = settings_repo.create_site(session, role=role, organisation=org)
    db.reload_site()
    return Changes.of(ChangeKind.SITE).merge(Changes.of(ChangeKind.ORGANISATION, org_id))


def own_organisation(db: Database) -> OrganisationRecord | None:
    """This installation's own organisation, or None before set-up."""
    if db.site is None or db.site.organisation_id is None:
        return None
    with db.read() as session:
        return settings_repo.get_organisation(session, db.site.organisation_id)


def update_organisation(db: Database, actor: Actor, *, org_id: str, data: OrganisationInput) -> Changes:
    """Save edited organisation details."""
    org = validate_organisation(data)
    with db.write(actor, action="setup.organisation") as session:
        if not settings_repo.update_organisation(session, org_id, org):
            raise ValidationError("找不到这个党组织，可能已被删除。", code="not_found")
    return Changes.of(ChangeKind.ORGANISATION, org_id)


def site_role(db: Database) -> str | None:
    """"branch", "committee", or None before set-up."""
    with db.read() as session:
        site = settings_repo.get_site(session)
        return site.role if site else None


def date_records_back(db: Database, actor: Actor, day: date) -> None:
    """Record that the file's records began on ``day`` rather than the day it was set up (a demo branch
    with a history; ``settings_repo.records_began``)."""
    with db.write(actor, action="site.records_began") as session:
        settings_repo.date_records_back(session, day)


def note_records_began(db: Database, actor: Actor) -> None:
    """Put the day the file began its records on its own organisation's record when it does not say it yet (a
    file older than the record's field): the next package carries it to the committee."""
    with db.read() as session:
        if settings_repo.records_began_noted(session):
            return
    with db.write(actor, action="site.records_began") as session:
        settings_repo.note_records_began(session)


def discard_unset(db_path: Path) -> bool:
    """Remove the (closed) database file at ``db_path`` and its journal files when it was never set up: no
    site row, no organisation, no member, nothing in the audit trail but the system seeding its rules.
    Called when the first-run set-up of a file this run created was cancelled, so no empty file is left
    behind. Returns whether it was removed; a file holding anything more is left alone."""
    if not db_path.is_file():
        return False
    try:
        with closing(sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)) as connection:
            tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not {"site", "organisation", "member", "audit"} <= tables:
                return False
            if any(connection.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone()  # fixed names
                   for name in ("site", "organisation", "member")):
                return False
            if connection.execute("SELECT 1 FROM audit WHERE actor_role != 'system' LIMIT 1").fetchone():
                return False  # (opening a new file seeds the rule table, which the trail notes as the system's)
    except sqlite3.Error:
        return False
    # The journal files first: a file still held open by another program (an antivirus, a sync client) stops
    # the removal with the database whole, not with its journal gone.
    try:
        for path in (*(db_path.with_name(db_path.name + end) for end in ("-wal", "-shm", "-journal")), db_path):
            path.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("could not remove the unused database file %s: %s", db_path, exc)
        return False
    return True
