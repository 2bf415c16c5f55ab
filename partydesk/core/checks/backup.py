"""A copy of the data off this computer (RELIABILITY ST-5): the backups beside the database go with it
when the disk fails or the computer is taken, so the workbench asks for a USB backup every week. It is the
program's own upkeep (``housekeeping``): the yearly report leaves it out."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from partydesk.core.checks.findings import Finding, Severity, Target, check
from partydesk.core.services import offsite
from partydesk.core.storage import settings_repo
from partydesk.core.storage.database import Database


@check("backup.offsite", housekeeping=True)
def offsite_backup(db: Database, today: date) -> Iterator[Finding]:
    """No USB backup in the last week (or none at all, a week after the file was set up)."""
    last = offsite.last_written(db.path)
    if last is None:
        with db.read() as session:
            began = settings_repo.records_began(session)
        if began is None:
            return
        since, subject = began, "never"
    else:
        since, subject = last.date(), last.isoformat()
    due = since + timedelta(days=offsite.DUE_DAYS)
    if today < due:
        return
    message = (f"已有{(today - since).days}天没有把数据备份到U盘" if last is not None
               else "还没有把数据备份到U盘：电脑损坏或丢失时，本机上的备份会一起丢失")
    yield Finding(code="backup.offsite", severity=Severity.WARNING, subject=subject, message=message,
                  due=due if last is not None else None,  # never made: no date of the file's set-up to puzzle over
                  rule="每周备份到U盘", target=Target("backup", "offsite"))
