"""Every write to a syncable record is stamped in the same transaction (SYNC.md, DESIGN.md Storage)."""

from __future__ import annotations

import time
from datetime import datetime

import pytest
from sqlalchemy import select

from partydesk.core.changes import LOCAL_USER
from partydesk.core.clock import Version
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


REMOTE_SITE = "9b1e4c1a-0000-4000-8000-00000000remo"


def _received(version: Version) -> Organisation:
    """An organisation as it arrives from another site: its own id, version, author and owner."""
    return Organisation(id="2c6a6f0e-1111-4111-8111-000000000001", code="R1", name="下级支部", org_type="党支部",
                        owner_site=REMOTE_SITE, version=version.encode(), updated_by="remote-secretary",
                        updated_at=datetime(2026, 1, 2, 3, 4, 5), change_seq=777, deleted=False)


def test_remote_apply_keeps_the_received_version_author_and_owner(db: Database) -> None:
    """remote=True: the record keeps its values; only the local change_seq moves; the clock catches up."""
    with db.read() as s:
        seq_before = s.execute(select(Site.change_seq)).scalar_one()
    ahead = Version(int(time.time() * 1000) + 3_600_000, 5, REMOTE_SITE)  # an hour ahead of this PC
    with db.write(LOCAL_USER, action="sync.apply", remote=True) as s:
        s.add(_received(ahead))
    with db.read() as s:
        row = s.get(Organisation, "2c6a6f0e-1111-4111-8111-000000000001")
        assert row is not None
        assert (row.version, row.updated_by, row.owner_site) == (ahead.encode(), "remote-secretary", REMOTE_SITE)
        assert row.updated_at == datetime(2026, 1, 2, 3, 4, 5)
        site = s.execute(select(Site)).scalar_one()
        assert row.change_seq == site.change_seq == seq_before + 1
    # The next local write sorts after what was received, even though this PC's clock is behind it.
    assert db.clock is not None and db.clock.tick() > ahead


def test_the_same_record_written_locally_is_stamped_as_ours(db: Database) -> None:
    """Without remote=True the flush overwrites version and author with this site's (the local path)."""
    old = Version(1_700_000_000_000, 0, REMOTE_SITE)
    with db.write(LOCAL_USER, action="sync.apply") as s:
        s.add(_received(old))
    with db.read() as s:
        row = s.get(Organisation, "2c6a6f0e-1111-4111-8111-000000000001")
        assert row is not None and db.site is not None
        assert row.version != old.encode() and row.version.endswith(db.site.site_id)
        assert row.updated_by == "local"
        assert row.owner_site == REMOTE_SITE  # set by the creator; a local edit never takes ownership


def test_a_remote_record_without_its_version_is_refused(db: Database) -> None:
    """Applying a received record that lacks its bookkeeping is a bug, and nothing is written."""
    bare = Organisation(code="R2", name="缺版本", org_type="党支部", owner_site=REMOTE_SITE)
    with pytest.raises(RuntimeError, match="version"), db.write(LOCAL_USER, action="sync.apply", remote=True) as s:
        s.add(bare)
    with db.read() as s:
        assert s.execute(select(Organisation).where(Organisation.code == "R2")).first() is None
