"""Why a package was refused: one error class, a stable ``reason`` code and a Chinese message naming it.

Every failure of the reader and the importer before anything is written is a ``PackageRejected``; the CLI
prints the message and reports the code as ``reason`` in ``--json`` output.
"""

from __future__ import annotations

from partydesk.core.errors import KnownError


class PackageRejected(KnownError):
    """The package is refused; nothing was written."""

    code = "rejected"

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message, code=reason)
        self.reason = reason
