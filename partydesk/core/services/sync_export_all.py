"""Writing the next package for every branch at once (写给全部下级): after importing a stick of many
branches' packages, a committee owes each of them a receipt, and may have notices or materials to send.

``export_all`` runs ``export_package`` for each registered branch in turn, into one folder: each package is
written, read back and verified, and recorded, on its own, exactly as when written alone. A branch with
nothing to send (no receipt owed, nothing new for it) is passed over and named, as is one whose keys were
all revoked. Any other error (a full or pulled stick) stops there, and says so; the packages before it are
written and verified. A cancel stops before the next branch, or leaves the one under way unwritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from partydesk.core.changes import Actor, ChangeKind, Changes
from partydesk.core.errors import ValidationError, known_error_from_db
from partydesk.core.progress import Cancelled, Progress
from partydesk.core.services.sync_export import Exported, export_package
from partydesk.core.storage import sync_repo
from partydesk.core.storage.database import Database

PASSED_OVER = frozenset({"nothing", "no_key"})


@dataclass
class AllExported:
    """What ``export_all`` wrote (office name and package, in order), passed over (office name and why), and
    where it stopped: ``failed`` (the error) or ``cancelled``."""

    written: list[tuple[str, Exported]] = field(default_factory=list)
    passed_over: list[tuple[str, str]] = field(default_factory=list)
    failed: str = ""
    cancelled: bool = False
    changes: Changes = field(default_factory=lambda: Changes.of(ChangeKind.SYNC))


def export_all(db: Database, actor: Actor, *, out_dir: Path, snapshot: bool = False,
               progress: Progress) -> AllExported:
    """The next package for every registered branch, into ``out_dir`` (see the module)."""
    with db.read() as session:
        branches = [p for p in sync_repo.peers(session) if p.relation == "child"]
    if not branches:
        raise ValidationError("还没有登记任何下级单位：请先导入下级的密钥卡并核对指纹。", field="to",
                              code="no_branches")
    outcome = AllExported()
    for number, branch in enumerate(branches, start=1):
        try:
            progress.step(number - 1, len(branches), f"正在写出第 {number}/{len(branches)} 个数据包：{branch.org_name}")
            done = export_package(db, actor, to_org_code=branch.org_code, out_dir=out_dir, snapshot=snapshot,
                                  progress=progress.nested())
        except Cancelled:
            outcome.cancelled = True
            break
        except Exception as exc:
            known = known_error_from_db(exc)  # a KnownError as it is, a database error mapped, else None
            if known is None:
                raise
            if known.code in PASSED_OVER:
                outcome.passed_over.append((branch.org_name, known.message))
                continue
            outcome.failed = f"写给“{branch.org_name}”的数据包没有写成：{known.message}"
            break
        outcome.written.append((branch.org_name, done))
    return outcome
