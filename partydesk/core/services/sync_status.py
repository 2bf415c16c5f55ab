"""The state of the exchange for ``sync status`` and the exchange page: registered sites with the last
package each way and its age, the ledger, and how many conflicts wait for a decision."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from partydesk.core.services.sync_clock import ClockTrouble, clock_trouble
from partydesk.core.storage import sync_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.stamping import local_time, utc_now
from partydesk.core.storage.sync_repo import PackageEntry

__all__ = ["ExchangeStatus", "PackageEntry", "PeerStatus", "exchange_status"]


@dataclass(frozen=True)
class PeerStatus:
    """One registered site and where the exchange with it stands."""

    peer: sync_repo.Peer
    last_in: sync_repo.PackageEntry | None
    last_out: sync_repo.PackageEntry | None

    def age_days(self, now: datetime) -> int | None:
        """Days since the last package from this site was imported (None: never), from day to day in this office's
        time, as the silent-branch to-do counts them (an import at 23:00 is a day old the next morning)."""
        return (local_time(now).date() - local_time(self.last_in.handled_at).date()).days if self.last_in else None


SHOWN = 10  # packages listed in the text form (the JSON form lists the whole ledger)
KIND_NAMES = {"upward": "上报", "downward": "下发", "snapshot": "全量", "receipt": "回执"}  # as the office says them
_STATES = {"written": "已写出，等待对方确认", "acknowledged": "对方已确认", "imported": "已导入"}


@dataclass(frozen=True)
class ExchangeStatus:
    """Everything ``sync status`` shows."""

    peers: list[PeerStatus]
    packages: list[sync_repo.PackageEntry]
    open_conflicts: int
    now: datetime
    rejected: list[sync_repo.RejectionEntry] = field(default_factory=list)  # refused packages, newest first
    clock: ClockTrouble | None = None  # this office's clock ran ahead once, or reads too early now

    def ledger(self) -> list[sync_repo.PackageEntry]:
        """Packages in and out and the refused ones (state ``rejected``, the reason as the note), newest first. A
        refused file imported since (once the sender's key card was registered, say) says so in its note: the
        refusal alone would read as a package still missing."""
        imported = {p.file_name: p.handled_at for p in self.packages if p.direction == "in" and p.state != "rejected"}

        def note(r: sync_repo.RejectionEntry) -> str:
            since = imported.get(r.file_name)
            if since is None or since < r.rejected_at:
                return r.message
            return f"{r.message}（此后已于 {local_time(since):%Y-%m-%d %H:%M} 导入）"

        refused = [sync_repo.PackageEntry(
            package_id=f"rejected:{r.id}", direction="in", kind="", peer_site=r.site_id, channel_seq=0, covers_to=0,
            created_at=r.rejected_at, handled_at=r.rejected_at, handled_by=r.rejected_by, file_name=r.file_name,
            state="rejected", gap=note(r), counts={}, acked=False) for r in self.rejected]
        return sorted([*self.packages, *refused], key=lambda e: e.handled_at, reverse=True)

    def to_json(self) -> dict[str, Any]:
        """The ``--json`` form."""
        return {
            "peers": [{"org_code": p.peer.org_code, "org_name": p.peer.org_name, "relation": p.peer.relation,
                       "site_id": p.peer.site_id, "acked_seq": p.peer.acked_seq,
                       "last_in": p.last_in.handled_at.isoformat() if p.last_in else None,
                       "last_out": p.last_out.handled_at.isoformat() if p.last_out else None,
                       "age_days": p.age_days(self.now)} for p in self.peers],
            "packages": [{"package_id": e.package_id, "direction": e.direction, "kind": e.kind,
                          "peer_site": e.peer_site, "org_code": self._peer(e.peer_site)[0],
                          "file_name": e.file_name, "channel_seq": e.channel_seq, "state": e.state,
                          "gap": e.gap, "counts": e.counts, "handled_at": e.handled_at.isoformat(),
                          "audit_head": e.audit_head}
                         for e in self.packages],
            "open_conflicts": self.open_conflicts,
            "clock": None if self.clock is None else {
                "future_records": self.clock.future_records, "reads_too_early": self.clock.reads_too_early,
                "latest": self.clock.latest.isoformat() if self.clock.latest else None,
                "message": self.clock.message()},
            "rejected_packages": [{"file_name": r.file_name, "file_size": r.file_size, "org_code": r.org_code,
                                   "site_id": r.site_id, "reason": r.reason, "message": r.message,
                                   "rejected_at": r.rejected_at.isoformat(), "rejected_by": r.rejected_by}
                                  for r in self.rejected],
        }

    def _peer(self, site_id: str) -> tuple[str, str]:
        """(organisation code, name) of a registered site ("" each when it is not registered)."""
        found = next((p.peer for p in self.peers if p.peer.site_id == site_id), None)
        return (found.org_code, found.org_name) if found is not None else ("", "")

    def _package_line(self, entry: sync_repo.PackageEntry) -> str:
        """One package in words: when, which way, whose, its number and kind, where it stands."""
        code, name = self._peer(entry.peer_site)
        way = "发给" if entry.direction == "out" else "来自"
        state = _STATES.get(entry.state, entry.state)
        if entry.direction == "out" and entry.kind == "receipt":
            state = "已写出（回执，无需确认）"
        if entry.gap:
            state += f"；{entry.gap}"
        when = local_time(entry.handled_at)
        return (f"  {when:%Y-%m-%d %H:%M} {way} {name or code}（{code}）第 {entry.channel_seq} 号"
                f"{KIND_NAMES.get(entry.kind, entry.kind)}包：{state}")

    def text(self) -> str:
        """The plain-text form."""
        lines = [] if self.clock is None else [f"注意：{self.clock.message()}" + (
            "" if self.clock.reads_too_early else "核对电脑日期无误后，运行 partydesk sync mend-clock --yes 校正。")]
        if not self.peers:
            lines.append("还没有登记任何单位。先用 sync keycard 写出本单位的密钥卡，再用 sync register 登记对方的。")
            return "\n".join(lines)
        lines.append(f"已登记 {len(self.peers)} 个单位：")
        for p in self.peers:
            what = "下级" if p.peer.relation == "child" else "上级"
            got = (f"最近收到 {local_time(p.last_in.handled_at):%Y-%m-%d}（{p.age_days(self.now)} 天前）" if p.last_in
                   else "尚未收到数据包")
            sent = f"最近发出 {local_time(p.last_out.handled_at):%Y-%m-%d}" if p.last_out else "尚未发出"
            lines.append(f"  {what} {p.peer.org_code} {p.peer.org_name}：{got}；{sent}")
        if self.packages:
            lines.append(f"最近的数据包（共 {len(self.packages)} 个，列出最近 {min(len(self.packages), SHOWN)} 个）：")
            lines += [self._package_line(e) for e in self.packages[:SHOWN]]
        if self.open_conflicts:
            lines.append(f"有 {self.open_conflicts} 条冲突等待处理。")
        if self.rejected:
            last = self.rejected[0]
            lines.append(f"拒收过 {len(self.rejected)} 个数据包；最近一次 {local_time(last.rejected_at):%Y-%m-%d}"
                         f"（{last.file_name}）：{last.message}")
        return "\n".join(lines)



def exchange_status(db: Database, *, now: datetime | None = None) -> ExchangeStatus:
    """Where the exchange stands now."""
    with db.read() as session:
        peers = sync_repo.peers(session)
        ledger = sync_repo.packages(session)
        conflicts = len(sync_repo.open_conflicts(session))
        rejected = sync_repo.rejections(session)
    rows = []
    for peer in peers:
        mine = [e for e in ledger if e.peer_site == peer.site_id]
        rows.append(PeerStatus(peer, next((e for e in mine if e.direction == "in"), None),
                               next((e for e in mine if e.direction == "out"), None)))
    return ExchangeStatus(rows, ledger, conflicts, now or utc_now(), rejected, clock_trouble(db, now=now))
