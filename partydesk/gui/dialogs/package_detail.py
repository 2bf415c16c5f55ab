"""One package of the ledger in full (数据包详情): whose it is, its number and kind, where it stands, what it
carried, and the whole note (a refusal's reason or a gap), which the list can only show cut short.

Opened from the exchange page's package list (Enter or double-click). Read-only; every value can be
selected and copied, to read out to the other office on the phone.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from partydesk.core.changes import LOCAL_USER

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

    from partydesk.core.services.sync_status import PackageEntry

OUTCOMES = ("new", "updated", "unchanged", "conflict", "rejected")


class PackageDialog(QDialog):
    """The details of ``entry``; ``peer``, ``state`` and ``note`` as the list shows them, ``when`` turns a
    ledger time into this computer's time."""

    def __init__(self, entry: PackageEntry, *, peer: str, kind: str, state: str, note: str,
                 when: Callable[[datetime], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packageDialog")
        self.entry = entry
        incoming = entry.direction == "in"
        refused = entry.state == "rejected"
        handled = {(True, True): self.tr("Refused at:"), (False, True): self.tr("Imported at:"),
                   (False, False): self.tr("Written at:")}.get((refused, incoming), "")
        rows = [
            ("peer", self.tr("Other office:"), peer or "—"),
            ("direction", self.tr("Direction:"), self.tr("received") if incoming else self.tr("sent")),
            ("kind", self.tr("Kind:"), kind or "—"),
            ("seq", self.tr("Number:"), self.tr("No. {seq}").format(seq=entry.channel_seq) if entry.channel_seq
             else "—"),
            ("state", self.tr("State:"), state),
            ("handled", handled, when(entry.handled_at)),
        ]
        if not refused:
            rows.append(("created", self.tr("Package written:"), when(entry.created_at)))
        if entry.handled_by not in ("", LOCAL_USER.user_id):  # without sign-in, everyone is "local": said by nobody
            rows.append(("by", self.tr("By:"), entry.handled_by))
        rows.append(("file", self.tr("File:"), entry.file_name or "—"))
        if not refused:
            rows.append(("records", self.tr("Records:"), self._records()))
        if note:
            rows.append(("note", self.tr("Note:"), note))
        self.values = {key: value for key, _label, value in rows}
        # One rich-text table: the long lines (a refusal's reason) wrap at the window's width and scroll when
        # they must, which word-wrapped labels in a form do not do reliably; everything can be selected.
        self.text = QTextBrowser(self)
        self.text.setObjectName("packageText")
        self.text.setOpenLinks(False)
        cells = "".join(f'<tr><td style="white-space:nowrap; padding-right:12px">{html.escape(label)}</td>'
                        f"<td>{html.escape(value)}</td></tr>" for _key, label, value in rows)
        self.text.setHtml(f'<table cellspacing="4">{cells}</table>')
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("Package details"))
        em = self.fontMetrics().horizontalAdvance("中")
        lines = len(rows) + len(note) // 26 + 5  # a note wraps at about 26 characters a line at this width
        self.resize(em * 40, self.fontMetrics().lineSpacing() * lines + em * 4)

    def _records(self) -> str:
        """What the package carried: a received one, what the import did with each record; a sent one, how
        many records it carried."""
        counts = self.entry.counts
        if self.entry.direction == "in":
            return self.tr("new {new}, updated {updated}, unchanged {unchanged}, conflict {conflict}, refused "
                           "{rejected}").format(**{o: counts.get(o, 0) for o in OUTCOMES})
        total = sum(counts.values())
        return self.tr("{count} record(s)").format(count=total) if total else self.tr("receipts only")
