"""Checks over the exchange. On a committee, over what the branches sent: the same person on two branches'
rolls (often a transfer half done), and a registered branch that has sent nothing for too long. On any
office: a clock that ran ahead once, whose records the other office refuses (``sync_clock``), and conflicts
an import queued for a person to decide (``sync_conflicts``).

All but the first are about the program's exchange, not the Party work (``housekeeping``): a person on two
rolls is a 组织关系 question the yearly report keeps."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date

from partydesk.core.checks.findings import Finding, Severity, Target, check
from partydesk.core.services import sync_refusals
from partydesk.core.services.sync_clock import clock_trouble
from partydesk.core.services.sync_orphans import ORPHAN
from partydesk.core.services.sync_status import exchange_status
from partydesk.core.storage import refusal_repo, sync_repo, two_rolls_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.stamping import local_time

SILENT_DAYS = 120  # a branch reports at least every quarter; after four months without a package, ask


@check("exchange.same_person")
def same_person_in_two_branches(db: Database, today: date) -> Iterator[Finding]:
    """A 公民身份号码 on the live records of two organisations (``two_rolls_repo``): flagged, never merged
    (SYNC.md). A file whose members all belong to one organisation (a branch's own) cannot have one: the org
    index says so at once."""
    with db.read() as session:
        shared = two_rolls_repo.people_in_two_organisations(session)
    for person in shared:
        # Of no one record (it is about two), so listed under each organisation's scope by ``orgs``: the
        # committee looking at one branch (its workbench, its yearly report) sees it there too.
        yield Finding(
            code="exchange.same_person", severity=Severity.WARNING, subject=person.digest,
            message=f"{person.names}同时出现在{person.organisations}的花名册中（身份证号尾号 {person.tail}），"
                    "请核实组织关系是否已转接",
            due=None, rule="SYNC.md", target=None, orgs=person.org_ids)


@check("exchange.branch_silent", housekeeping=True)
def silent_branches(db: Database, today: date) -> Iterator[Finding]:
    """A registered branch whose last package is older than SILENT_DAYS (or that never sent one)."""
    status = exchange_status(db)
    for peer in status.peers:
        if peer.peer.relation != "child":
            continue
        # Stored in UTC: the day it was here (an import at 07:00 in Beijing is the day before in UTC).
        last = local_time(peer.last_in.handled_at if peer.last_in else peer.peer.registered_at).date()
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


_NAMED_REFUSED = 5  # records named one by one in a to-do; beyond, "等 n 条"


def _digest(reason: str, ids: list[str]) -> str:
    """A short stable name for a set of refused records (a to-do set aside comes back when the set changes)."""
    return hashlib.sha256(repr((reason, sorted(ids))).encode("utf-8")).hexdigest()[:16]


@check("exchange.refused", housekeeping=True)
def records_refused(db: Database, today: date) -> Iterator[Finding]:
    """Records of ours another office told us it refused, one to-do per office and reason, until it takes them:
    each package to it sends them again, as they are then (sync_refusals). Records refused only because their
    parent was (a refused meeting's attendance) are counted with their parents, not listed on their own."""
    with db.read() as session:
        refused = refusal_repo.refused_here(session)
        if not refused:
            return
        names = {p.site_id: p.org_name for p in sync_repo.peers(session)}
        with_roots = {r.peer_site for r in refused if not r.reason.startswith(ORPHAN)}
        groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
        details: dict[str, int] = {}
        for r in refused:
            if r.peer_site in with_roots and r.reason.startswith(ORPHAN):
                details[r.peer_site] = details.get(r.peer_site, 0) + 1
            else:
                groups.setdefault((r.peer_site, r.reason), []).append((r.record_type, r.record_id))
        # Only the records a to-do names are looked up (a refused 100 000-member snapshot is one line).
        named = {key: "、".join(sync_refusals.describe(session, t, i) for t, i in records[:_NAMED_REFUSED])
                 for key, records in groups.items()}
    told: set[str] = set()
    for (peer_site, reason), records in groups.items():
        if len(records) == 1:
            said = f"{named[(peer_site, reason)]}（{reason}）"
        else:
            said = (f" {len(records)} 条记录（{reason}）：{named[(peer_site, reason)]}"
                    + ("等" if len(records) > _NAMED_REFUSED else ""))
        if details.get(peer_site) and peer_site not in told:
            said += f"，连同其明细 {details[peer_site]} 条"
            told.add(peer_site)
        kinds = {record_type for record_type, _id in records}
        target = (Target("member", records[0][1]) if len(records) == 1 and kinds == {"member"}
                  else Target("exchange", "refused"))
        yield Finding(
            code="exchange.refused", severity=Severity.WARNING,
            subject=f"{peer_site}:{_digest(reason, [i for _t, i in records])}",
            message=f"{names.get(peer_site, '对方')}没有接收本单位的{said}。"
                    "以后每次向对方导出时都会重新发送，对方接收后本条自动消失；如是本机的记录有误，请先改正",
            due=None, rule="SYNC.md", target=target)
