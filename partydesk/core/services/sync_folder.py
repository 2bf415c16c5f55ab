"""Every package in a folder at once (导入文件夹中的数据包): a committee collects a stick from many branches.

``check_folder`` runs the dry run of each ``.pdsync`` file in the folder (not its subfolders) and writes
nothing; ``import_checked`` then imports them one after another, each in its own transaction exactly as a
single import (SYNC.md: a package is applied whole or not at all), in the order their senders numbered
them, so a later package never warns of a gap its predecessor in the same folder fills.

Files addressed to another office, and the packages this office wrote itself and left on the stick, are
listed and left alone: they are not refused, and the ledger does not hear of them. The dry run refuses
them (an unknown key, another destination); only then is the manifest read again for whom it names,
unverified, which can only ever leave a file out, never let one in. A file refused for any other reason is
refused again by the import, which puts it in the ledger with its reason. A cancel
stops before the next package, or rolls back the one being imported; the ones before it stay imported.
An error the user can act on (a full disk, a pulled stick, a file gone since the check) stops it the same
way, and says so; such a file is not refused (nothing is wrong with it) and imports once it is back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from partydesk.core.changes import Actor, ChangeKind, Changes
from partydesk.core.errors import KnownError, known_error_from_db
from partydesk.core.exchange import container
from partydesk.core.exchange.errors import PackageRejected
from partydesk.core.exchange.manifest import parse
from partydesk.core.progress import Cancelled, Progress
from partydesk.core.services.sync_import import ImportReport, import_package
from partydesk.core.storage.database import Database

SUFFIX = ".pdsync"
OWN = "own_package"
NOT_OURS = frozenset({"wrong_destination", OWN})
GONE = frozenset({"not_found", "unreadable"})  # the file could not be read at all: the stick was pulled
NOT_A_PACKAGE = frozenset({"key_card"})  # a file of another kind under a package's name: said, left alone


@dataclass
class FolderEntry:
    """One package file of the folder and what became of it: the dry run's report, then the import's."""

    path: Path
    report: ImportReport
    imported: ImportReport | None = None
    failed: str = ""  # the error that stopped the import at this package (nothing of it was written)
    # The number of the package of the same sender this one is imported after (0: none in the folder): its
    # counts are as if alone.
    follows: int = 0

    @property
    def ready(self) -> bool:
        """The dry run passed: importing it would apply its records."""
        return self.report.status == "dry_run"

    @property
    def own(self) -> bool:
        """Written by this office (left on the stick after an export)."""
        return self.report.reason == OWN

    @property
    def to_import(self) -> bool:
        """The import runs it: ready, or refused for a reason of its own (the import records the refusal);
        not one already imported nor one addressed to another office."""
        return self.report.status == "dry_run" or (self.report.status == "rejected"
                                                   and self.report.reason not in NOT_OURS | GONE | NOT_A_PACKAGE)

    @property
    def unreadable(self) -> bool:
        """The file could not be read at the check (gone, locked, a failing drive): left alone, not refused."""
        return self.report.status == "rejected" and self.report.reason in GONE


@dataclass
class FolderImport:
    """The outcome of ``import_checked``: every entry (with ``imported`` set where it ran) and whether the
    user stopped it; ``changes`` covers every package that was applied."""

    entries: list[FolderEntry]
    cancelled: bool = False
    failed: str = ""  # why the import stopped at a package (its entry's ``failed`` says the same)
    changes: Changes = field(default_factory=lambda: Changes.of(ChangeKind.SYNC))

    @property
    def applied(self) -> int:
        """How many packages were applied."""
        return sum(1 for e in self.entries if e.imported is not None and e.imported.status == "applied")


def packages_in(folder: Path) -> list[Path]:
    """The package files directly in ``folder``, by name; a KnownError naming the folder if it cannot be read."""
    try:
        found = [p for p in folder.iterdir() if p.suffix.lower() == SUFFIX and p.is_file()]
    except FileNotFoundError as exc:
        raise KnownError(f"找不到文件夹：{folder}") from exc
    except OSError as exc:
        raise KnownError(f"无法读取文件夹 {folder}：{exc.strerror or exc}") from exc
    return sorted(found, key=lambda p: p.name)


def _order(entry: FolderEntry) -> tuple[int, str, int, str]:
    """Importable packages first, by sender and number; then the rest by name."""
    report = entry.report
    if report.status == "dry_run":
        return (0, report.origin, report.channel_seq, entry.path.name)
    return (1, "", 0, entry.path.name)


def _not_for_us(path: Path, own_site: str) -> ImportReport | None:
    """The report of a file whose manifest names this office as its sender or another as its destination; None
    for any other, readable or not (the dry run then judges it)."""
    try:
        manifest = parse(container.read_signed_manifest(container.read_file(path)).manifest)
    except (PackageRejected, OSError, MemoryError):
        return None
    if manifest.origin.site_id == own_site:
        return ImportReport("rejected", OWN, "这个数据包是本单位发出的。", origin=manifest.origin.org_code,
                            channel_seq=manifest.channel_seq)
    if manifest.destination.site_id != own_site:
        return ImportReport("rejected", "wrong_destination",
                            f"这个数据包是发给组织代码 {manifest.destination.org_code} 的，不是本单位。",
                            origin=manifest.origin.org_code, channel_seq=manifest.channel_seq,
                            destination=manifest.destination.org_code)
    return None


def check_folder(db: Database, actor: Actor, folder: Path, progress: Progress) -> list[FolderEntry]:
    """The dry run of every package in ``folder``, in the order ``import_checked`` would import them.

    A gap that another ready package of the same folder fills is not reported.
    """
    assert db.site is not None
    own_site = db.site.site_id
    paths = packages_in(folder)
    entries = []
    for number, path in enumerate(paths, start=1):
        said = f"正在检查第 {number}/{len(paths)} 个数据包：{path.name}"
        progress.step(number - 1, len(paths), said)
        report = import_package(db, actor, path, dry_run=True, progress=progress.part(number - 1, len(paths),
                                                                                     said + "\n"))
        if report.status == "rejected":  # only then is the file read again, for whom it names
            report = _not_for_us(path, own_site) or report
        entries.append(FolderEntry(path, report))
    progress.step(len(paths), len(paths))
    here = {(e.report.origin, e.report.channel_seq) for e in entries if e.ready}
    for entry in entries:
        report = entry.report
        if report.gap and (report.origin, report.prerequisite_seq) in here:
            report.gap = ""
        # Each dry run sees the database as it is now: a later package of a sender whose earlier one is here
        # too is counted as if imported alone (records the earlier one brings count as new, not unchanged).
        earlier = [seq for origin, seq in here if origin == report.origin and seq < report.channel_seq]
        entry.follows = max(earlier) if entry.ready and earlier else 0
    return sorted(entries, key=_order)


def import_checked(db: Database, actor: Actor, entries: list[FolderEntry], progress: Progress) -> FolderImport:
    """Import the entries ``check_folder`` found, one transaction each, in its order (see the module); the ones
    an earlier, cancelled or stopped call imported are not run again."""
    outcome = FolderImport(entries)
    chosen = [e for e in entries if e.to_import and e.imported is None]
    for number, entry in enumerate(chosen, start=1):
        try:
            said = f"正在导入第 {number}/{len(chosen)} 个数据包：{entry.path.name}"
            progress.step(number - 1, len(chosen), said)
            entry.failed = ""
            # One backup, before the first package: each later one would only copy the one before.
            report = import_package(db, actor, entry.path, progress=progress.part(number - 1, len(chosen), said + "\n"),
                                    backup=number == 1)
            if report.status == "rejected" and report.reason in GONE:  # not refused: the rest wait for the stick
                outcome.failed, entry.failed = report.message, report.message
                break
            entry.imported = report
        except Cancelled:
            outcome.cancelled = True
            break
        except Exception as exc:  # a full disk, a pulled stick: the packages before stay, the rest wait
            known = known_error_from_db(exc)  # a KnownError as it is, a database error mapped, else None
            if known is None:
                raise
            outcome.failed, entry.failed = known.message, known.message
            break
        outcome.changes = outcome.changes.merge(entry.imported.changes)
    return outcome
