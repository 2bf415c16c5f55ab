"""Checks over the exchange. On a committee, over what the branches sent: the same person on two branches'
rolls (often a transfer half done), and a registered branch that has sent nothing for too long. On any
office: a clock that ran ahead once, whose records the other office refuses (``sync_clock``), and conflicts
an import queued for a person to decide (``sync_conflicts``).

All but the first are about the program's exchange, not the Party work (``housekeeping``): a person on two
rolls is a 组织关系 question the yearly report keeps."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from partydesk.core.checks.findings import Finding, Severity, Target, check
from partydesk.core.services.sync_clock import clock_trouble
from partydesk.core.services.sync_status import exchange_status
from partydesk.core.storage import sync_repo, todo_repo
from partydesk.core.storage.database import Database

SILENT_DAYS = 120  # a branch reports at least every quarter; after four months without a package, ask


@check("exchange.same_person")
def same_person_in_two_branches(db: Database, today: date) -> Iterator[Finding]:
    """A 公民身份号码 on the live roll of two organisations: flagged, never merged (SYNC.md). A file whose
    members all belong to one organisation (a branch's own) cannot have one: the org index says so at once."""
    with db.read() as session:
        if todo_repo.member_org_count(session) < 2:
            return
        pairs = sync_repo.people_in_two_organisations(session)
    for digest, tail, names, organisations in pairs:
        yield Finding(
            code="exchange.same_person", severity=Severity.WARNING, subject=digest,
            message=f"{names}同时出现在{organisations}的花名册中（身份证号尾号 {tail}），请核实组织关系是否已转接",
            due=None, rule="SYNC.md", target=None)


@check("exchange.branch_silent", housekeeping=True)
def silent_branches(db: Database, today: date) -> Iterator[Finding]:
    """A registered branch whose last package is older than SILENT_DAYS (or that never sent one)."""
    status = exchange_status(db)
    for peer in status.peers:
        if peer.peer.relation != "child":
            continue
        last = peer.last_in.handled_at.date() if peer.last_in else peer.peer.registered_at.date()
        if (today - last).days > SILENT_DAYS:
            yield Finding(
                code="exchange.branch_silent", severity=Severity.WARNING, subject=peer.peer.site_id,
                message=f"{peer.peer.org_name}已有{(today - last).days}天没有报送数据包",
                due=None, rule="SYNC.md", target=Target("exchange", peer.peer.site_id))


@check("exchange.clock_ahead", housekeeping=True)
def clock_ahead(db: Database, today: date) -> Iterator[Finding]:
    """This office's records dated in the future (the clock once ran ahead), or a clock that reads before any
    package could have been written: either way the other office refuses what it is sent."""
    trouble = clock_trouble(db)
    if trouble is None:
        return
    yield Finding(code="exchange.clock_ahead", severity=Severity.OVERDUE, subject="clock",
                  message=trouble.message(), due=None, rule="SYNC.md", target=Target("exchange", "clock"))


@check("exchange.conflicts", housekeeping=True)
def conflicts_waiting(db: Database, today: date) -> Iterator[Finding]:
    """Conflicts an import queued (the same record changed here and there): until someone decides each, the
    local version stays and the two offices hold different data. One count query when there are none. The
    subject names the newest conflict, so a to-do set aside comes back when another one arrives."""
    with db.read() as session:
        count, newest = sync_repo.open_conflict_count(session)
    if not count:
        return
    # 注意, not 逾期: no rule or date is broken, and the board's 逾期 list is of what is late.
    yield Finding(code="exchange.conflicts", severity=Severity.WARNING, subject=f"upto:{newest}",
                  message=f"有 {count} 条数据冲突等待处理：同一条记录本机和对方都改过，"
                          "请在“数据交换”中逐条决定采用哪一个",
                  due=None, rule="SYNC.md", target=Target("exchange", "conflicts"))
