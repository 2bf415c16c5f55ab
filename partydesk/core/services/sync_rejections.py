"""Refused packages in the exchange ledger (issue 12: every package in and out with its state).

When an import refuses a package, ``record_rejection`` writes one ledger row in its own small
transaction, after the refusal: the records were never touched, and the row holds only the file's name
and size, the sender's organisation code and site as the manifest names them (when the manifest could be
read at all — it need not be genuine), the reason code, the Chinese message and who and when. Nothing
from the payload, and no personal data. A dry run records nothing; the import wizard records the refusal
the user was shown. A failure to record never hides the refusal itself.
"""

from __future__ import annotations

import logging
from pathlib import Path

from partydesk.core.changes import Actor
from partydesk.core.errors import KnownError
from partydesk.core.exchange import container
from partydesk.core.exchange.errors import PackageRejected
from partydesk.core.exchange.manifest import parse
from partydesk.core.exchange.reader import open_envelope
from partydesk.core.storage import sync_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.sync_repo import RejectionEntry

__all__ = ["RejectionEntry", "record_rejection", "rejections", "sender_named"]

log = logging.getLogger(__name__)


def sender_named(path: Path) -> tuple[str, str, int]:
    """(organisation code, site id, file size) as the file claims them; empty where it cannot be read."""
    try:
        size = path.stat().st_size
    except OSError:
        return "", "", 0
    try:
        data = container.read_file(path)
    except (PackageRejected, OSError, MemoryError):
        return "", "", size
    try:
        manifest = open_envelope(data).manifest
    except PackageRejected:
        try:  # a damaged payload: the manifest alone may still say whose it is, as the import wizard said
            manifest = parse(container.read_signed_manifest(data).manifest)
        except PackageRejected:
            return "", "", size
    return manifest.origin.org_code, manifest.origin.site_id, size


def record_rejection(db: Database, actor: Actor, path: Path, *, reason: str, message: str) -> bool:
    """Write the ledger row of a refused package; False (and a log line) when it could not be written."""
    code, site, size = sender_named(path)
    try:
        with db.write(actor, action="sync.reject") as session:
            sync_repo.add_rejection(session, file_name=path.name, file_size=size, org_code=code, site_id=site,
                                    reason=reason, message=message, by=actor.user_id)
    except KnownError as exc:
        log.warning("the refusal of a package could not be recorded: %s", exc.code)
        return False
    return True


def rejections(db: Database) -> list[RejectionEntry]:
    """Refused packages, newest first."""
    with db.read() as session:
        return sync_repo.rejections(session)
