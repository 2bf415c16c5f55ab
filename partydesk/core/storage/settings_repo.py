"""Repository for this installation's settings: the site row, organisations and the rule table.

Takes and hands out frozen dataclasses only; ORM objects never leave ``core/storage`` (house rule 2).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from partydesk.core.domain.organisation import OrganisationInput
from partydesk.core.domain.rules import RULE_DEFAULTS, RULES_BY_KEY
from partydesk.core.storage.base import new_id
from partydesk.core.storage.stamping import INFO_CLOCK, clock_from_site, utc_now
from partydesk.core.storage.tables import Organisation, Rule, Site


@dataclass(frozen=True)
class OrganisationRecord:
    """A Party organisation (党组织) as the rest of the program sees it."""

    id: str
    code: str
    name: str
    org_type: str
    parent_id: str | None
    secretary: str
    contact: str
    phone: str
    term_start: date | None
    term_end: date | None


@dataclass(frozen=True)
class SiteRecord:
    """This installation: its sync identity, role and own organisation."""

    site_id: str
    role: str
    organisation_id: str | None


@dataclass(frozen=True)
class RuleRecord:
    """One rule with its current value, national default and presentation."""

    key: str
    category: str
    label: str
    unit: str
    value: int
    default: int
    minimum: int
    maximum: int
    note: str
    choices: tuple[str, ...] = ()  # a choice rule's value names, from ``minimum`` up

    @property
    def is_default(self) -> bool:
        """Whether the office still uses the national default."""
        return self.value == self.default


def _org_record(row: Organisation) -> OrganisationRecord:
    return OrganisationRecord(
        row.id, row.code, row.name, row.org_type, row.parent_id, row.secretary, row.contact, row.phone,
        row.term_start, row.term_end,
    )


def get_organisation(session: Session, org_id: str) -> OrganisationRecord | None:
    """The live (not deleted) organisation with this id."""
    row = session.get(Organisation, org_id)
    return _org_record(row) if row is not None and not row.deleted else None


def get_site(session: Session) -> SiteRecord | None:
    """This installation, or None before first-run set-up."""
    row = session.execute(select(Site).where(Site.id == 1)).scalar_one_or_none()
    return SiteRecord(row.site_id, row.role, row.organisation_id) if row is not None else None


def records_began(session: Session) -> date | None:
    """The day the file began its records: the day it was set up (local time), unless dated back
    (``date_records_back``). Nothing before it was recorded here. None before set-up."""
    created = session.execute(select(Site.created_at).where(Site.id == 1)).scalar_one_or_none()
    if created is None:
        return None
    day: date = created.replace(tzinfo=UTC).astimezone().date()
    return day


def date_records_back(session: Session, day: date) -> None:
    """Record that the file's records began on ``day`` (a demo branch that has "used the program" since
    long before the day it was generated)."""
    session.execute(update(Site).where(Site.id == 1).values(created_at=datetime(day.year, day.month, day.day, 12)))
    note_records_began(session)


def _began_unnoted(session: Session) -> tuple[Organisation, date] | None:
    """The file's own organisation row and the day its records began, when the row does not say that day."""
    site = session.execute(select(Site).where(Site.id == 1)).scalar_one_or_none()
    row = session.get(Organisation, site.organisation_id) if site is not None and site.organisation_id else None
    began = records_began(session)
    if row is None or row.deleted or began is None or row.records_began == began:
        return None
    return row, began


def records_began_noted(session: Session) -> bool:
    """Whether the file's own organisation row says the day the file began its records (or there is none)."""
    return _began_unnoted(session) is None


def note_records_began(session: Session) -> bool:
    """Put the day the file began its records on its own organisation's row (a local change, so it travels
    upward) when the row says otherwise; whether it changed anything."""
    found = _began_unnoted(session)
    if found is None:
        return False
    row, began = found
    row.records_began = began
    session.flush()
    return True


def counting_starts(session: Session) -> dict[str, tuple[date | None, date | None]]:
    """org id -> (its committee's term start, the day its file began its records) of every live organisation:
    this file's own from the file itself, another's (a committee's branches) from its organisation record."""
    own_id = session.execute(select(Site.organisation_id).where(Site.id == 1)).scalar_one_or_none()
    began = records_began(session)
    rows = session.execute(select(Organisation.id, Organisation.term_start, Organisation.records_began)
                           .where(Organisation.deleted.is_(False)))
    return {org_id: (term, began if org_id == own_id else recorded) for org_id, term, recorded in rows}


def began_by_organisation(session: Session) -> tuple[dict[str, date], date | None]:
    """(org id -> the day its file began its records, as its organisation record says; this file's own day,
    for those whose record does not say it): a committee judges each branch from the branch's own day, an
    organisation that has not said it (an older program) from the committee's. As ``todo_repo.Floor`` reads
    them in SQL."""
    rows = session.execute(select(Organisation.id, Organisation.records_began)
                           .where(Organisation.records_began.is_not(None)))
    return {org_id: began for org_id, began in rows if began is not None}, records_began(session)


def organisation_began(session: Session, org_id: str) -> date | None:
    """The day another organisation's own file began its records, as its organisation record says (None when
    not known)."""
    began: date | None = session.execute(
        select(Organisation.records_began).where(Organisation.id == org_id)).scalar_one_or_none()
    return began


def _org_values(org: OrganisationInput) -> dict[str, object]:
    return {
        "name": org.name, "code": org.code, "org_type": org.org_type, "secretary": org.secretary,
        "contact": org.contact, "phone": org.phone, "term_start": org.term_start, "term_end": org.term_end,
    }


def create_site(session: Session, *, role: str, organisation: OrganisationInput) -> tuple[str, str]:
    """First run: this installation (a new site id) and its own organisation; returns (site id, org id).

    The site row comes first because it carries the clock that stamps the organisation.
    """
    site = Site(id=1, site_id=new_id(), role=role, created_at=utc_now(), change_seq=0, hlc_last="")
    session.add(site)
    session.flush()
    session.info[INFO_CLOCK] = clock_from_site(site)
    row = Organisation(owner_site=site.site_id, records_began=records_began(session), **_org_values(organisation))
    session.add(row)
    session.flush()
    site.organisation_id = row.id
    session.flush()
    return site.site_id, row.id


def update_organisation(session: Session, org_id: str, organisation: OrganisationInput) -> bool:
    """Store edited organisation details; False when there is no such live organisation."""
    row = session.get(Organisation, org_id)
    if row is None or row.deleted:
        return False
    for key, value in _org_values(organisation).items():
        if getattr(row, key) != value:
            setattr(row, key, value)
    session.flush()
    return True


def ensure_rules(session: Session) -> int:
    """Insert every rule the program knows but the file lacks, at its national default; returns how many."""
    present = set(session.execute(select(Rule.key)).scalars())
    missing = [r for r in RULE_DEFAULTS if r.key not in present]
    for r in missing:
        session.add(Rule(key=r.key, value=r.default, default_value=r.default, updated_by="", note=""))
    # A newer release may change a national default: keep the office's value, refresh the default.
    for row in session.execute(select(Rule)).scalars():
        known = RULES_BY_KEY.get(row.key)
        if known is not None and row.default_value != known.default:
            row.default_value = known.default
    return len(missing)


def list_rules(session: Session) -> list[RuleRecord]:
    """Every known rule in the order of RULE_DEFAULTS."""
    values = {r.key: r.value for r in session.execute(select(Rule)).scalars()}
    return [
        RuleRecord(r.key, r.category, r.label, r.unit, values.get(r.key, r.default), r.default, r.minimum,
                   r.maximum, r.note, r.choices)
        for r in RULE_DEFAULTS
    ]


def set_rule(session: Session, key: str, value: int, updated_by: str) -> bool:
    """Store a rule's value; returns False when it was already that value."""
    row = session.get(Rule, key)
    if row is None:
        raise KeyError(key)
    if row.value == value:
        return False
    row.value = value
    row.updated_at = utc_now()
    row.updated_by = updated_by
    return True
