"""First-run set-up and the organisation's own details (组织信息)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from partydesk.core.changes import Actor, ChangeKind, Changes
from partydesk.core.domain.organisation import ORG_TYPES, ROLES
from partydesk.core.errors import ValidationError
from partydesk.core.storage.base import new_id
from partydesk.core.storage.database import Database
from partydesk.core.storage.settings_repo import OrganisationRecord, get_organisation, site_row
from partydesk.core.storage.stamping import INFO_CLOCK, clock_from_site, utc_now
from partydesk.core.storage.tables import Organisation, Site

CODE_RE = re.compile(r"^[0-9A-Za-z]{1,32}$")


@dataclass(frozen=True)
class OrganisationInput:
    """What the user enters about an organisation; validated by ``validate_organisation``."""

    name: str
    code: str
    org_type: str = "党支部"
    secretary: str = ""
    contact: str = ""
    phone: str = ""
    term_start: date | None = None
    term_end: date | None = None


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
    with db.write(actor) as session:
        site = Site(id=1, site_id=new_id(), role=role, created_at=utc_now(), change_seq=0, hlc_last="")
        session.add(site)
        session.flush()
        session.info[INFO_CLOCK] = clock_from_site(site)
        row = Organisation(owner_site=site.site_id, **_org_fields(org))
        session.add(row)
        session.flush()
        site.organisation_id = row.id
    db.reload_site()
    return Changes.of(ChangeKind.SITE).merge(Changes.of(ChangeKind.ORGANISATION, row.id))


def own_organisation(db: Database) -> OrganisationRecord | None:
    """This installation's own organisation, or None before set-up."""
    if db.site is None or db.site.organisation_id is None:
        return None
    with db.read() as session:
        return get_organisation(session, db.site.organisation_id)


def update_organisation(db: Database, actor: Actor, *, org_id: str, data: OrganisationInput) -> Changes:
    """Save edited organisation details."""
    org = validate_organisation(data)
    with db.write(actor) as session:
        row = session.get(Organisation, org_id)
        if row is None or row.deleted:
            raise ValidationError("找不到这个党组织，可能已被删除。", code="not_found")
        for key, value in _org_fields(org).items():
            setattr(row, key, value)
    return Changes.of(ChangeKind.ORGANISATION, org_id)


def _org_fields(org: OrganisationInput) -> dict[str, object]:
    return {
        "name": org.name, "code": org.code, "org_type": org.org_type, "secretary": org.secretary,
        "contact": org.contact, "phone": org.phone, "term_start": org.term_start, "term_end": org.term_end,
    }


def site_role(db: Database) -> str | None:
    """"branch", "committee", or None before set-up."""
    with db.read() as session:
        row = site_row(session)
        return row.role if row else None
