"""What the import wizard says of a package (``sync_import_wizard``): the members it touches, the sender's refusals
of this office's records, a folder row's state after the check, a package imported before, the conflicts left to
decide. In the wizard's own translation context (ImportDialog)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from partydesk.core.services.sync_folder import NOT_A_PACKAGE
from partydesk.core.services.sync_words import added_in_words, changed_in_words, removed_in_words

if TYPE_CHECKING:
    from partydesk.core.services.sync_folder import FolderEntry
    from partydesk.core.services.sync_import import ImportReport

OUTCOME_ORDER = ("new", "updated", "unchanged", "conflict", "rejected")
RETURNED_SHOWN = 5  # refused records named in the summary; the rest counted (the board lists them)

translate = QCoreApplication.translate  # ``translate("ImportDialog", ...)``: found there by the translation tools


def is_receipt(report: ImportReport) -> bool:
    """A package of receipts only (回执): it carries no records, so every figure of records is nought."""
    return not report.carries and not any(report.counts.values())


def members_touched(report: ImportReport) -> list[str]:
    """What importing the package would do to members, by name: those it adds (the first, all counted), those it
    deletes, those it changes (and what of them); nothing when it touches no member."""
    lines = []
    if report.added_count:  # otherwise only "new" records in the counts, members or their meetings' attendance
        lines.append(translate("ImportDialog", "It adds these members: {names}.").format(
            names=added_in_words(report.added, report.added_count)))
    if report.removed:  # otherwise only "updated" records in the counts
        lines.append(translate("ImportDialog", "It deletes these members: {names}.").format(
            names=removed_in_words(report.removed)))
    if report.changed_count:  # which members, and what of them, not only how many
        lines.append(translate("ImportDialog", "It changes these members' records: {names}.").format(
            names=changed_in_words(report.changed, report.changed_count)))
    return lines


def returned_said(report: ImportReport, origin: str) -> str:
    """What the package says the sender refused of this office's records, or has now taken ('' if nothing)."""
    said = ""
    if report.returned:
        shown = report.returned[:RETURNED_SHOWN]
        more = len(report.returned) - len(shown) + report.returned_more
        said += "\n\n" + translate("ImportDialog", "{origin} did not accept these records of this office:").format(
            origin=origin) + "\n" + "\n".join(shown)
        if more:
            said += "\n" + translate("ImportDialog", "… and {count} more (see the to-do board).").format(count=more)
        if report.returned_details:
            said += "\n" + translate("ImportDialog", "With their details: {count} more record(s), such as a "
                                                    "meeting's attendance.").format(count=report.returned_details)
        said += "\n" + translate("ImportDialog", "They are sent again with every package to it until it accepts "
                                                "them; if a record here is wrong, correct it first.")
    if report.returned_taken:
        said += "\n" + translate("ImportDialog", "{origin} has now accepted {count} record(s) it had refused "
                                                "before.").format(origin=origin, count=report.returned_taken)
    return said


def declined_said(report: ImportReport, origin: str) -> str:
    """Our corrections the sender answers with its own version, and in what: "" when there are none."""
    if not report.declined_count:
        return ""
    more = report.declined_count - len(report.declined)
    names = "；".join(report.declined) + (translate("ImportDialog", "; {count} other record(s)").format(count=more)
                                          if more > 0 else "")
    return translate("ImportDialog", "{origin} sends records this office corrected in a version unlike the "
                                     "correction (it kept its own, or changed them after taking it); importing puts "
                                     "its version in place: {names}.").format(origin=origin, names=names.lstrip("；"))


def checked_state(entry: FolderEntry) -> str:
    """A folder row's state after the check: ready (and what to know before importing it), or why it is left."""
    report = entry.report
    if entry.ready:
        text = translate("ImportDialog", "Ready to import")
        if is_receipt(report):
            text = translate("ImportDialog", "Ready to import (a receipt: no records)")
        if entry.follows:
            text = translate("ImportDialog", "Ready to import after No. {seq} (once that one is in, these counts "
                                             "come out lower)").format(seq=entry.follows)
        conflicts = report.counts.get("conflict", 0)
        if conflicts:
            text += translate("ImportDialog", "; {count} conflict(s) to decide afterwards").format(count=conflicts)
        held = len(report.held) + len(report.held_other)
        if held:  # counted 未变, though the sender did change them
            text += translate("ImportDialog", "; {count} record(s) it also changed keep this office's correction "
                                              "until it decides").format(count=held)
        if report.declined_count:  # counted 更新, though a correction of ours goes
            text += translate("ImportDialog", "; {count} record(s) this office corrected come back in its own "
                                              "version").format(count=report.declined_count)
        return text + "；" + report.gap if report.gap else text
    if report.status == "already_imported":
        return imported_before(report)
    if entry.own:
        return translate("ImportDialog", "Written by this office: left alone")
    if entry.unreadable:
        return translate("ImportDialog", "Could not be read: left alone. {message}").format(message=report.message)
    if report.reason in NOT_A_PACKAGE:
        return translate("ImportDialog", "Not a package: left alone. {message}").format(message=report.message)
    if not entry.to_import:
        if report.destination:
            return translate("ImportDialog", "For the office with code {code}: left alone, pass it on").format(
                code=report.destination)
        return translate("ImportDialog", "For another office: left alone")
    return translate("ImportDialog", "Refused: {message}").format(message=report.message)


def imported_before(report: ImportReport) -> str:
    """A package already imported: when, where that is known."""
    if report.imported_at is None:
        return translate("ImportDialog", "Imported before")
    return translate("ImportDialog", "Imported on {when}: left alone").format(
        when=f"{report.imported_at:%Y-%m-%d %H:%M}")


def conflicts_said(count: int) -> str:
    """The conflicts an import left to decide, and where: a figure in a column is easily missed."""
    return translate("ImportDialog", "{count} record(s) were changed here too: this office's version is kept for now. "
                                     "After closing, choose “Decide the conflicts…” on this page and decide each "
                                     "one.").format(count=count)
