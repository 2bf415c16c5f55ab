"""``partydesk shot``: render one page or dialog offscreen to PNG, for README pictures and visual checks."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QSettings, QSize, QtMsgType, qInstallMessageHandler

from partydesk.core.errors import KnownError


def page_ids() -> list[str]:
    """Every id ``--page`` accepts: the window's pages and the dialogs render_page knows."""
    from partydesk.gui.app import PAGE_IDS
    from partydesk.gui.mainwindow import PAGES

    return list(dict.fromkeys([*PAGE_IDS, *(spec.id for spec in PAGES)]))


def _quiet_offscreen(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    # The offscreen platform warns on every shown window that it cannot resize to size hints; harmless.
    if "propagateSizeHints" in message:
        return
    print(message, file=sys.stderr)


def take_shot(*, db_path: Path | None, page: str, out: Path, size: tuple[int, int], lang: str) -> None:
    """Render ``page`` at ``size`` into ``out``; without ``db_path`` a fresh demo database is used."""
    from partydesk.core.demo import populate
    from partydesk.core.services.store import open_store
    from partydesk.gui.app import create_application, render_page
    from partydesk.gui.context import make_context
    from partydesk.gui.languages import install_language

    qInstallMessageHandler(_quiet_offscreen)
    app = create_application(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="partydesk-shot-") as tmp:
        if db_path is None:
            db_path = Path(tmp) / "demo.db"
            db = open_store(db_path, backups=False)
            if page != "firstrun":
                populate(db)
        else:
            db = open_store(db_path, backups=False)
        # Shots never touch the user's own settings (window geometry, language).
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        ctx = make_context(db, settings=settings)
        try:
            install_language(app, lang, ctx.hub)
            try:
                image = render_page(ctx, page, QSize(*size))
            except ValueError as exc:
                raise KnownError(f"没有名为“{page}”的页面。可选：{', '.join(page_ids())}", code="page") from exc
        finally:
            ctx.runner.shutdown()
            db.close()
        out.parent.mkdir(parents=True, exist_ok=True)
        # PySide6's stub types the format as bytes, but the binding only accepts str.
        if not image.save(str(out), "PNG"):  # type: ignore[call-overload]
            raise KnownError(f"无法保存截图：{out}", code="write")
