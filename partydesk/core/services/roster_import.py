"""Roster import (花名册导入) from .xlsx/.csv: the use case the import wizard and the command line call.

The steps (``io.roster_plan`` reads and describes the file, ``services.roster_plan`` decides the rows):

>>> p = preview(path)                                  # headers, guessed mapping, first rows, warnings
>>> mapping = resolve_mapping(p.headers, {3: "phone"})  # the user's corrections (roster_headers)
>>> plan = plan_import(db, path, mapping=mapping)       # dry run: new / updated / unchanged / rejected
>>> write_rejects(plan, "rejected.xlsx")                # the rejected rows with their reasons
>>> result = apply_import(db, actor, plan)              # backup, then one transaction

``apply_import`` is all-or-nothing: it refuses a plan with rejected rows unless ``skip_rejected`` is
set, takes a verified backup (RELIABILITY ST-4), then writes every new and updated member in ONE
transaction; a failure or a cancel anywhere leaves the database exactly as it was. It also refuses when
the roster changed after planning (a member edited or deleted meanwhile): plan again and re-check.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from partydesk.core.changes import Actor, ChangeKind, Changes
from partydesk.core.errors import ValidationError
from partydesk.core.io.rejects import write_rejects
from partydesk.core.io.roster_headers import resolve_mapping, unmapped_headers
from partydesk.core.io.roster_plan import ImportPlan, ImportPreview, PlannedRow, PreviewRow, RowIssue, preview
from partydesk.core.io.roster_read import ImportRejected
from partydesk.core.progress import Progress
from partydesk.core.services import bulk, members
from partydesk.core.services.maintenance import backup_now
from partydesk.core.services.roster_plan import plan_import, roster_fingerprint
from partydesk.core.storage import member_repo
from partydesk.core.storage.database import Database

__all__ = [
    "ImportPlan",
    "ImportPreview",
    "ImportRejected",
    "ImportResult",
    "PlannedRow",
    "PreviewRow",
    "RenamesUnconfirmed",
    "RosterChanged",
    "RowIssue",
    "RowsRejected",
    "apply_import",
    "plan_import",
    "preview",
    "resolve_mapping",
    "unmapped_headers",
    "write_rejects",
]

_STEP = 200


class RowsRejected(ValidationError):
    """The plan has rejected rows and the caller did not choose to skip them; nothing was written."""

    code = "rows_rejected"


class RenamesUnconfirmed(ValidationError):
    """Rows whose ID number matches a member of another name were not confirmed; nothing was written."""

    code = "renames_unconfirmed"


class RosterChanged(ValidationError):
    """The roster changed between planning and applying; nothing was written. Plan again."""

    code = "roster_changed"


@dataclass(frozen=True)
class ImportResult:
    """What ``apply_import`` wrote."""

    new: int
    updated: int
    unchanged: int
    rejected: int
    """Rows left out because they had errors (only non-zero with ``skip_rejected``)."""
    member_ids: tuple[str, ...]
    """Ids of the members added, then of those updated."""
    changes: Changes
    """For the GUI hub: ``member`` when anything was written, empty otherwise."""
    backup_path: Path | None
    """The verified backup taken before writing; None when there was nothing to write."""
    skipped_rows: tuple[int, ...] = field(default=())
    """Row numbers of the rejected rows that were skipped."""

    def summary(self) -> dict[str, Any]:
        """Counts in the same shape as ``ImportPlan.summary`` (without the per-row lists)."""
        return {"new": self.new, "updated": self.updated, "unchanged": self.unchanged, "rejected": self.rejected}


def apply_import(
    db: Database,
    actor: Actor,
    plan: ImportPlan,
    *,
    skip_rejected: bool = False,
    accept_renames: bool | Collection[int] = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Write ``plan``: a verified backup first, then every new and updated row in one transaction.

    A ``conflict`` row (an ID number on record under another name) is written only when confirmed:
    ``accept_renames`` is True for all of them, or the row numbers confirmed one by one. Unconfirmed
    ones stop the import (RenamesUnconfirmed) unless ``skip_rejected``, which leaves them out too.
    Raises RowsRejected when the plan has rejected rows and ``skip_rejected`` is false, RosterChanged
    when the roster differs from the one planned against, Cancelled when ``progress`` is cancelled, and
    KnownError for disk or database trouble; in every such case nothing is written.
    """
    if plan.rejected and not skip_rejected:
        raise RowsRejected(
            f"有 {plan.rejected} 行未通过检查，没有导入任何数据。请改正后重新导入，或选择跳过这些行只导入其余各行。"
        )
    confirmed = {r.row for r in plan.conflict_rows if accept_renames is True or
                 (not isinstance(accept_renames, bool) and r.row in accept_renames)}
    unconfirmed = [r for r in plan.conflict_rows if r.row not in confirmed]
    if unconfirmed and not skip_rejected:
        listed = "；".join(f"第 {r.row} 行：表中“{r.data.name if r.data else ''}”，已有“{r.name_on_record}”"
                          for r in unconfirmed[:5])
        more = f"等 {len(unconfirmed)} 行" if len(unconfirmed) > 5 else ""
        raise RenamesUnconfirmed(
            f"身份证号与已有党员相同但姓名不同（{listed}{more}），没有导入任何数据。请逐行核对：确是改名的，"
            "确认后再导入（命令行加 --accept-renames）；身份证号填错的，请改正。"
        )
    new_rows = [r for r in plan.rows if r.action == "new"]
    updated_rows = [r for r in plan.rows if r.action == "updated" or r.row in confirmed]
    skipped = tuple(sorted([r.row for r in plan.rejected_rows] + [r.row for r in unconfirmed]))
    counts = {"unchanged": plan.unchanged, "rejected": plan.rejected + len(unconfirmed)}
    if not new_rows and not updated_rows:
        return ImportResult(0, 0, member_ids=(), changes=Changes(), backup_path=None, skipped_rows=skipped,
                            **counts)
    if db.site is None or db.site.organisation_id is None:
        raise ValidationError("请先完成初始设置（填写党组织信息）。", code="not_set_up")
    org_id = db.site.organisation_id
    total = len(new_rows) + len(updated_rows)
    report = _reporter(progress, total)
    report(0, "备份数据库")
    backup = backup_now(db, reason="import")

    with db.write(actor, action="roster.import") as session:
        if roster_fingerprint(member_repo.roster_rows(session, include_departed=True)) != plan.fingerprint:
            raise RosterChanged(
                "检查文件之后，花名册已被修改（有党员被添加、修改或删除），为避免覆盖这些修改，没有导入任何数据。"
                "请重新检查文件后再导入。"
            )
        new_data = [r.data for r in new_rows if r.data is not None]
        ids = bulk.bulk_insert_members(
            session, org_id=org_id, members=new_data, today=plan.today,
            progress=Progress(lambda done, _total, text: report(done, text)) if progress is not None else None,
        )
        for done, planned in enumerate(updated_rows, start=len(new_rows)):
            if done % _STEP == 0:
                report(done, "更新党员记录")
            stored = member_repo.get_member(session, planned.member_id) if planned.member_id else None
            if stored is None or planned.data is None:
                raise RosterChanged(f"第 {planned.row} 行对应的党员已不存在（可能已被删除），没有导入任何数据。"
                                    "请重新检查文件后再导入。")
            members.save_member(session, org_id=stored.org_id, data=planned.data, stored=stored, today=plan.today)
            ids.append(stored.id)
        report(total, "提交")
    return ImportResult(len(new_rows), len(updated_rows), member_ids=tuple(ids), changes=Changes.of(ChangeKind.MEMBER),
                        backup_path=backup.path, skipped_rows=skipped, **counts)


def _reporter(progress: Progress | None, total: int) -> Callable[[int, str], None]:
    def report(done: int, text: str) -> None:
        if progress is not None:
            progress.step(done, total, text)

    return report
