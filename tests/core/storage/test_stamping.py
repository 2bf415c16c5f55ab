"""Every write to a syncable record is stamped in the same transaction (SYNC.md, DESIGN.md Storage)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from partydesk.core.changes import LOCAL_USER
from partydesk.core.services.setup import OrganisationInput, own_organisation, update_organisation
from partydesk.core.storage.database import Database
from partydesk.core.storage.stamping import allocate
from partydesk.core.storage.tables import Organisation, Site


def _row(db: Database, org_id: str) -> tuple[str, int, str, str]:
    with db.read() as s:
        row = s.get(Organisation, org_id)
        assert row is not None
        return row.version, row.change_seq, row.updated_by, row.owner_site


def test_update_bumps_change_seq_and_version_and_records_the_actor(db: Database) -> None:
    """An edit gets a newer version, the next change_seq and the acting user."""
    org = own_organisation(db)
    assert org is not None
    v1, seq1, _, owner = _row(db, org.id)
    update_organisation(db, LOCAL_USER, org_id=org.id,
                        data=OrganisationInput(name="新名称支部", code=org.code, org_type=org.org_type))
    v2, seq2, by, owner2 = _row(db, org.id)
    assert v2 > v1 and seq2 == seq1 + 1 and by == "local"
    assert db.site is not None and owner == owner2 == db.site.site_id
    with db.read() as s:
        assert s.execute(select(Site.change_seq)).scalar_one() == seq2


def test_rolled_back_write_does_not_advance_the_saved_counter(db: Database) -> None:
    """change_seq lives in the same transaction: a failed write leaves it where it was."""
    with db.read() as s:
        before = s.execute(select(Site.change_seq)).scalar_one()
    with pytest.raises(RuntimeError), db.write(LOCAL_USER, action="test.write") as s:
        s.add(Organisation(code="Z", name="临时", org_type="党支部"))
        s.flush()
        raise RuntimeError("stop")
    with db.read() as s:
        assert s.execute(select(Site.change_seq)).scalar_one() == before


def test_bulk_allocation_gives_distinct_increasing_stamps(db: Database) -> None:
    """Stamps reserved for Core bulk inserts are unique and ordered."""
    with db.write(LOCAL_USER, action="test.write") as s:
        stamps = list(allocate(s, 50))
    seqs = [st.change_seq for st in stamps]
    versions = [st.version for st in stamps]
    assert seqs == sorted(set(seqs)) and versions == sorted(set(versions))


def test_writing_a_sync_record_outside_database_write_is_refused(db: Database) -> None:
    """A session without the actor and clock cannot write a syncable record unstamped."""
    from sqlalchemy.orm import Session

    with Session(db.engine) as s:
        s.add(Organisation(code="Q", name="未盖戳", org_type="党支部"))
        with pytest.raises(RuntimeError, match=r"Database\.write"):
            s.flush()
        s.rollback()
