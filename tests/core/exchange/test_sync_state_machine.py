"""A Hypothesis state machine over two branches and a committee exchanging packages in any order, with
losses, repeats, receipts, edits, deletes and committee corrections. Invariants: every valid package is
accepted exactly once (a repeat is a reported no-op), a delete never comes back, the committee never holds
a version newer than the owner's unless it corrected the record itself, once every package has arrived the
committee equals each branch on every record nobody else touched, and after one more round each way (the
corrections go down and come back) on every record no conflict queue holds."""

from __future__ import annotations

import random
import shutil
import tempfile
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule
from sqlalchemy import select

from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import demo_members
from partydesk.core.domain.organisation import OrganisationInput
from partydesk.core.errors import ValidationError
from partydesk.core.services import members
from partydesk.core.services.bulk import insert_members
from partydesk.core.services.setup import initialise_site
from partydesk.core.services.sync_conflicts import open_conflicts
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.storage.database import Database, open_database
from partydesk.core.storage.sync_records import owned_records
from partydesk.core.storage.tables import Member
from tests.core.exchange.conftest import introduce, make_committee

CODES = ("1001", "1002")


def _branch(path: Path, code: str, seed: int) -> Database:
    db = open_database(path)
    organisation = OrganisationInput(name=f"第{code}支部委员会", code=code)
    initialise_site(db, LOCAL_USER, organisation=organisation, role="branch")
    insert_members(db, LOCAL_USER, demo_members(random.Random(seed), 3))
    return db


@cache
def template() -> Path:
    """Two registered branches and their committee, made once and copied for every run."""
    root = Path(tempfile.mkdtemp(prefix="pd-sync-template-"))
    for name in ("a", "b", "c"):
        (root / name).mkdir()
    branches = [_branch(root / "a" / "a.db", CODES[0], 1), _branch(root / "b" / "b.db", CODES[1], 2)]
    committee = make_committee(root / "c" / "c.db")
    for branch in branches:
        introduce(branch, committee)
    for db in (*branches, committee):
        db.close()
    return root


# The branches here hold an organisation and members with their events, nothing else.
TYPES = ("organisation", "member", "member_event")


def dump(db: Database, site: str) -> dict[str, tuple[str, bool, object]]:
    with db.read() as session:
        return {str(r["id"]): (str(r["version"]), bool(r["deleted"]), r["data"])
                for r in owned_records(session, site, 0, TYPES)}


class Exchange(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="pd-sync-run-"))
        shutil.copytree(template(), self.root, dirs_exist_ok=True)
        self.branches = [open_database(self.root / "a" / "a.db"), open_database(self.root / "b" / "b.db")]
        self.committee = open_database(self.root / "c" / "c.db")
        self.sites = [b.site.site_id for b in self.branches]  # type: ignore[union-attr]
        self.sent: list[tuple[int, Path]] = []
        self.imported: set[Path] = set()
        self.deleted_at_committee: set[str] = set()
        self.corrected: set[str] = set()
        self.stick = self.root / "stick"
        self.stick.mkdir()

    def teardown(self) -> None:
        try:
            self._everything_arrives()
        finally:
            for db in (*self.branches, self.committee):
                db.close()
            shutil.rmtree(self.root, ignore_errors=True)

    def _live(self, index: int) -> list[str]:
        return sorted(r.id for r in members.roster(self.branches[index], LOCAL_USER) if r.id)

    @rule(branch=st.integers(0, 1), pick=st.integers(0, 10), text=st.text("东西南北路街号", min_size=1, max_size=6))
    def edit(self, branch: int, pick: int, text: str) -> None:
        live = self._live(branch)
        if live:
            with self.branches[branch].write(LOCAL_USER, action="test.edit") as session:
                session.get(Member, live[pick % len(live)]).address = text  # type: ignore[union-attr]

    @rule(branch=st.integers(0, 1), pick=st.integers(0, 10))
    def delete(self, branch: int, pick: int) -> None:
        live = self._live(branch)
        if len(live) > 1:
            members.delete_member(self.branches[branch], LOCAL_USER, member_id=live[pick % len(live)], reason="测试")

    @rule(branch=st.integers(0, 1))
    def export(self, branch: int) -> None:
        try:
            done = export_package(self.branches[branch], LOCAL_USER, to_org_code="1000", out_dir=self.stick)
        except ValidationError as exc:
            assert exc.code == "nothing"
            return
        self.sent.append((branch, done.path))

    @rule(pick=st.integers(0, 50))
    def deliver(self, pick: int) -> None:
        if not self.sent:
            return
        _branch_index, path = self.sent[pick % len(self.sent)]
        report = import_package(self.committee, LOCAL_USER, path)
        expected = "already_imported" if path in self.imported else "applied"
        assert report.status == expected, (report.status, report.message)
        assert report.counts["rejected"] == 0
        self.imported.add(path)

    @rule(branch=st.integers(0, 1))
    def receipt(self, branch: int) -> None:
        try:
            done = export_package(self.committee, LOCAL_USER, to_org_code=CODES[branch], out_dir=self.stick)
        except ValidationError as exc:
            assert exc.code == "nothing"
            return
        assert import_package(self.branches[branch], LOCAL_USER, done.path).status == "applied"

    @rule(branch=st.integers(0, 1), pick=st.integers(0, 10))
    def correct(self, branch: int, pick: int) -> None:
        with self.committee.read() as session:
            held = sorted(session.scalars(select(Member.id).where(Member.owner_site == self.sites[branch],
                                                                  Member.deleted.is_(False))))
        if held:
            record_id = held[pick % len(held)]
            with self.committee.write(LOCAL_USER, action="test.correct") as session:
                session.get(Member, record_id).phone = "13900000000"  # type: ignore[union-attr]
            self.corrected.add(record_id)

    @invariant()
    def deletes_stay_deleted_and_the_committee_is_never_ahead(self) -> None:
        for index, site in enumerate(self.sites):
            here, owner = dump(self.committee, site), dump(self.branches[index], site)
            for record_id, (version, deleted, _data) in here.items():
                if record_id in self.deleted_at_committee:
                    assert deleted, f"{record_id} came back"
                if deleted:
                    self.deleted_at_committee.add(record_id)
                if record_id not in self.corrected:
                    assert version <= owner[record_id][0]

    def _everything_arrives(self) -> None:
        for index in (0, 1):  # the owner changes every record once more, over any correction
            for pick in range(len(self._live(index))):
                self.edit(index, pick, "终")
            self.export(index)
        for _branch_index, path in self.sent:
            if path not in self.imported:
                assert import_package(self.committee, LOCAL_USER, path).status == "applied"
                self.imported.add(path)
        for index, site in enumerate(self.sites):
            here, owner = dump(self.committee, site), dump(self.branches[index], site)
            untouched = {k: v for k, v in owner.items() if k not in self.corrected}
            assert {k: here.get(k) for k in untouched} == untouched
        with self.committee.read() as session:  # a correction is never overwritten: it waits in the queue
            for record_id in self.corrected:
                row = session.get(Member, record_id)
                assert row is not None and row.phone == "13900000000" and not row.deleted
        self._corrections_converge()

    def _corrections_converge(self) -> None:
        """One more round each way: corrections go down and come back; every record no conflict holds is then
        the same at the committee and its owner."""
        for index in (0, 1):
            self.receipt(index)
            try:
                done = export_package(self.branches[index], LOCAL_USER, to_org_code="1000", out_dir=self.stick)
            except ValidationError as exc:
                assert exc.code == "nothing"
            else:
                assert import_package(self.committee, LOCAL_USER, done.path).status == "applied"
        held = {v.record_id for v in open_conflicts(self.committee)}
        for branch in self.branches:
            held |= {v.record_id for v in open_conflicts(branch)}
        for index, site in enumerate(self.sites):
            here, owner = dump(self.committee, site), dump(self.branches[index], site)
            settled = {k: v for k, v in owner.items() if k not in held}
            assert {k: here.get(k) for k in settled} == settled


TestExchange = Exchange.TestCase
TestExchange.settings = settings(max_examples=300, stateful_step_count=8, deadline=None,
                                 suppress_health_check=[HealthCheck.too_slow])
