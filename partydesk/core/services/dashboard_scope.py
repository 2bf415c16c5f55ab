"""The workbench of a committee (党委工作台): the branches its file holds and one branch's share of it.

A committee that imported branch packages holds the records of several organisations in one file. The
workbench then offers a branch selector (全部支部 / each branch): ``branches`` lists them, the figures
and charts are computed for one ``org_id`` (``dashboard.snapshot(org_id=…)``), and ``scope_findings``
keeps the to-dos about that branch's records.

A finding belongs to a branch when it is aimed at one of its members or talks, or at a cell of its
calendar (the key names the branch: ``"<org id>#<type>|<group>|<period start>"``), or when it sums up
many of its members (``checks.grouping``: the roster key ``"todo:<org id>#<code>"``). Findings about no single
record of a branch (a count of empty fields, the committee's own settings, the exchange) are shown under
全部支部 only, unless they name the branches they concern (``Finding.orgs``: a person on two branches' rolls
is shown under each of the two).

``repeats`` are the roll entries a count of the whole file leaves out, so that a person on two branches' rolls
counts once (``two_rolls_repo``); a branch's own scope leaves nothing out.
"""

from __future__ import annotations

from dataclasses import dataclass

from partydesk.core.checks import grouping, memo
from partydesk.core.checks.findings import Finding
from partydesk.core.storage import two_rolls_repo, workbench_repo
from partydesk.core.storage.database import Database


@dataclass(frozen=True)
class Branch:
    """One organisation with members in the file."""

    org_id: str
    code: str
    name: str
    members: int  # on the roll


def branches(db: Database) -> list[Branch]:
    """Every organisation with members on the roll, by code, when the file holds several; [] in a file
    of one organisation (told from the org index alone, so a branch's workbench pays nothing for it)."""
    with db.read() as session:
        if len(workbench_repo.member_org_ids(session)) < 2:
            return []
        rows = workbench_repo.organisations_with_members(session)
    return sorted((Branch(*r) for r in rows), key=lambda b: (b.code, b.name))


def repeats(db: Database, org_id: str | None) -> two_rolls_repo.Repeats:
    """The entries a count of the whole file (``org_id`` None) leaves out: each person on the rolls of two or
    more organisations counted once. Read once per workbench snapshot (``memo``); nothing for one branch, and
    nothing read in a file of one organisation."""
    if org_id is not None:
        return two_rolls_repo.NONE

    def read() -> two_rolls_repo.Repeats:
        with db.read() as session:
            return two_rolls_repo.repeated_entries(session)
    return memo.shared(("roll_repeats", id(db)), read)


def scope_findings(db: Database, findings: list[Finding], org_id: str) -> list[Finding]:
    """The findings aimed at a member or talk of ``org_id`` (the order kept); a member's to-do that opens
    where its work is done (``Target.record``: a new talk with them, their line of the study ledger) too."""
    return findings_by_branch(db, findings).get(org_id, [])


def findings_by_branch(db: Database, findings: list[Finding]) -> dict[str, list[Finding]]:
    """``scope_findings`` of every branch at once (org id -> its findings, each in the order given): one
    pass, each owner looked up once, so a committee of hundreds of branches pays for its to-dos once,
    not once per branch. Findings about no branch's record are under no key."""
    records = [f.target.record() if f.target is not None else None for f in findings]
    ids: dict[str, list[str]] = {"member": [], "talk": []}
    for record in records:
        if record is not None and record[0] in ids:
            ids[record[0]].append(record[1])
    with db.read() as session:
        owner = {"member": workbench_repo.member_orgs(session, ids["member"]),
                 "talk": workbench_repo.talk_orgs(session, ids["talk"])}
    out: dict[str, list[Finding]] = {}
    for finding, record in zip(findings, records, strict=True):
        org = _branch_of(finding, record, owner)
        for one in dict.fromkeys((org, *finding.orgs) if org else finding.orgs):
            out.setdefault(one, []).append(finding)
    return out


def _branch_of(finding: Finding, record: tuple[str, str] | None,
               owner: dict[str, dict[str, str]]) -> str:
    """The org id ``finding`` is about ("" when none): its record's organisation, or the one its calendar
    cell (``"<org id>#…"``) or its roster summary (``"todo:<org id>#<code>"``) names."""
    target = finding.target
    if target is None:
        return ""
    if record is not None:
        return owner.get(record[0], {}).get(record[1], "")
    key = target.key
    if target.kind == "roster" and key.startswith(grouping.KEY_PREFIX):
        key = key[len(grouping.KEY_PREFIX):]
    elif target.kind != "calendar":
        return ""
    org, mark, _rest = key.partition("#")
    return org if mark else ""
