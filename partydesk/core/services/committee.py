"""The committee's comparison view (各支部对比): per branch, its members, the meetings it held this year
against those its rules require (the figure its own workbench shows), the share of its members on track
for their study hours, its open to-dos (how many overdue) as its share of the committee's workbench, and its
last package and how old it is (the study share by the workbench's ``study_track``).

Each row counts its branch's roll as the branch keeps it: a person on the rolls of two branches (the same
公民身份号码, usually a transfer one of them has not recorded yet) is a member of both rows, since each branch
really lists them, and the to-do naming that person is among both branches' to-dos. The comparison has no total
row, on purpose: its rows added up would count that person twice. The committee's total is its workbench's
党员总数 (``dashboard.KeyFigures``), which counts each person once and says how many are on two rolls."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from partydesk.core.checks import engine, memo
from partydesk.core.checks.findings import Severity
from partydesk.core.services import dashboard, dashboard_scope, study_track
from partydesk.core.storage import sync_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.stamping import local_time, utc_now


@dataclass(frozen=True)
class BranchRow:
    """One branch in the comparison."""

    org_code: str
    org_name: str
    members: int
    meetings_held: int  # as on the branch's own workbench: periods with their meeting held
    meetings_required: int  # of the periods ended, and those running whose meeting was held
    last_package: datetime | None
    age_days: int | None
    own: bool  # this installation's own organisation (the committee itself)
    study_on_track: int = 0  # members on track for their study hours (the workbench's rule)
    study_counted: int = 0  # members the study ledger counts this year
    site_id: str = ""  # the installation the figures came from (one code may come from two after a reinstall)
    todos: int = 0  # the branch's open to-dos, as its share of the committee's workbench lists them
    overdue: int = 0  # of which overdue
    org_id: str = ""  # the organisation the figures are of (its workbench's branch filter), "" before any came

    @property
    def study_share(self) -> float | None:
        """The share of members on track for their study hours (None when nobody is counted)."""
        return self.study_on_track / self.study_counted if self.study_counted else None


def comparison(db: Database, *, today: date | None = None) -> list[BranchRow]:
    """Every organisation the committee holds records of, the committee itself first (only when it keeps
    members of its own), then each registered branch that has sent nothing yet (no package, no figures:
    the office's first question is who has not reported)."""
    today = today or date.today()
    now = utc_now()
    with db.read() as session:
        figures = sync_repo.branch_figures(session)
        ledger = sync_repo.packages(session)
        children = [p for p in sync_repo.peers(session) if p.relation == "child"]
    last_in: dict[str, datetime] = {}
    for entry in ledger:
        if entry.direction == "in" and entry.peer_site not in last_in:
            last_in[entry.peer_site] = entry.handled_at
    own_site = db.site.site_id if db.site else ""
    with memo.scope():  # reads every branch's figures share (the study ledger's special cases) made once
        rows = _figure_rows(db, figures, last_in, own_site, today, now)
    reported = {f.owner_site for f in figures}
    shown = {r.org_code for r in rows}
    for peer in children:
        # A branch registered again from a new installation (a reinstall) and silent since: its row is there.
        if peer.site_id not in reported and peer.org_code not in shown:
            got = last_in.get(peer.site_id)  # a package of receipts only brings no figures
            rows.append(BranchRow(peer.org_code, peer.org_name, 0, 0, 0, got, _days_since(got, now),
                                  False, site_id=peer.site_id))
            shown.add(peer.org_code)
    return sorted(rows, key=lambda r: (not r.own, r.org_code))


def _figure_rows(db: Database, figures: list[sync_repo.BranchFigures], last_in: dict[str, datetime], own_site: str,
                 today: date, now: datetime) -> list[BranchRow]:
    """The rows of the organisations the file holds records of (the committee's own only when it keeps
    members)."""
    by_branch = dashboard_scope.findings_by_branch(db, engine.open_findings(db, today))  # each branch's share
    rows = []
    for f in figures:
        got = last_in.get(f.owner_site)
        own = f.owner_site == own_site
        if own and not f.members:
            continue  # a 党委 keeping no roll of its own: a row of noughts among its branches
        good, counted = study_track.on_track(db, today.year, as_of=today, org_id=f.org_id) if f.members else (0, 0)
        # The committee itself (a 党委) owes none of the branch meetings; a branch's figure is its workbench's.
        by_type = [] if own else dashboard.meetings_by_type(db, today, org_id=f.org_id)
        mine = [] if own else by_branch.get(f.org_id, [])
        rows.append(BranchRow(f.org_code, f.org_name, f.members, sum(h for _n, _r, h in by_type),
                              sum(r for _n, r, _h in by_type), got, _days_since(got, now), own, good,
                              counted, f.owner_site, len(mine), sum(1 for x in mine if x.severity is Severity.OVERDUE),
                              f.org_id))
    return rows


def _days_since(got: datetime | None, now: datetime) -> int | None:
    """Days from the day a package was imported to today, in this office's time (None: none imported)."""
    return (local_time(now).date() - local_time(got).date()).days if got is not None else None
