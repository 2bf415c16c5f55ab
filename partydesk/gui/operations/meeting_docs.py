"""Meeting document operations: read the minutes, register or brief source on the DB lane; write the PDF,
Word, Excel and picture files on the file lane.

Reading minutes for a document is audited by the service ("meeting.print"). Photos for a brief are
decoded here with Qt (turned upright by their EXIF orientation, scaled to a sensible size) and re-encoded,
which also leaves their EXIF — the place a photo was taken, the phone that took it — out of the brief.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, Qt
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtWidgets import QWidget

from partydesk.core.errors import KnownError
from partydesk.core.io.brief_data import BriefData, check_brief
from partydesk.core.io.brief_docx import write_brief_docx
from partydesk.core.io.brief_html import IMAGE_WIDTH, MARGIN, brief_html, photo_name
from partydesk.core.io.meeting_register import write_register
from partydesk.core.io.minutes_data import MinutesData
from partydesk.core.io.minutes_docx import write_minutes_docx
from partydesk.core.io.minutes_html import minutes_html
from partydesk.core.services import meeting_docs
from partydesk.gui.operations import not_saved, run
from partydesk.gui.pdf import html_to_pdf, html_to_png
from partydesk.gui.tasks import DoneCallback, ErrorCallback, Lane, TaskHandle

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext

MinutesFormat = Literal["pdf", "docx", "print"]
DOCX_PHOTO_WIDTH = 1600  # px: sharp at 15 cm on paper, a few hundred KB a photo


def load_minutes(parent: QWidget, ctx: AppContext, meeting_id: str, *, purpose: MinutesFormat,
                 on_done: DoneCallback, on_error: ErrorCallback | None = None) -> TaskHandle:
    """The meeting's ``MinutesData`` (a missing meeting is a KnownError for ``on_error``)."""
    db, actor = ctx.db, ctx.actor
    what = {"pdf": "PDF", "docx": "Word", "print": "打印"}[purpose]
    return run(parent, ctx, lambda _p: meeting_docs.minutes_of(db, actor, meeting_id, purpose=what),
               label="meeting minutes", on_done=on_done, on_error=on_error)


def write_minutes(parent: QWidget, ctx: AppContext, minutes: MinutesData, path: Path, *, on_done: DoneCallback,
                  on_error: ErrorCallback) -> TaskHandle:
    """Write the minutes to ``path`` (.pdf or .docx by its suffix) on the file lane; ``on_done`` gets the path."""

    def write(_progress: Any) -> Path:
        if path.suffix.lower() == ".docx":
            write_minutes_docx(minutes, path)
        else:
            html_to_pdf(minutes_html(minutes), path, title=minutes.title, running=minutes.running_head)
        return path

    return run(parent, ctx, lambda p: _file_errors(write, p, path), label="minutes file", on_done=on_done,
               on_error=on_error, lane=Lane.FILE)


def export_register(parent: QWidget, ctx: AppContext, year: int, path: Path, *, on_done: DoneCallback,
                    on_error: ErrorCallback) -> None:
    """Read ``year``'s register on the DB lane, then write it to ``path`` (.xlsx) on the file lane.

    ``on_done`` gets ``(path, meetings)``."""
    db, actor = ctx.db, ctx.actor

    def write(register: meeting_docs.Register) -> None:
        def save(_progress: Any) -> tuple[Path, int]:
            write_register(register.rows, path, organisation=register.organisation, year=year)
            return path, len(register.rows)

        run(parent, ctx, lambda p: _file_errors(save, p, path), label="meeting register file", on_done=on_done,
            on_error=on_error, lane=Lane.FILE)

    run(parent, ctx, lambda _p: meeting_docs.register_of(db, actor, year), label="meeting register",
        on_done=write, on_error=on_error)


def load_brief_source(parent: QWidget, ctx: AppContext, meeting_id: str, *, on_done: DoneCallback,
                      on_error: ErrorCallback | None = None) -> TaskHandle:
    """The meeting's ``BriefSource``: title, date, summary, names of those present."""
    db, actor = ctx.db, ctx.actor
    return run(parent, ctx, lambda _p: meeting_docs.brief_source(db, actor, meeting_id), label="brief source",
               on_done=on_done, on_error=on_error)


@dataclass(frozen=True)
class BriefWritten:
    """The files a brief was written to (either may be None when not asked for) and the picture's size."""

    docx: Path | None
    png: Path | None
    png_size: tuple[int, int] = (0, 0)


def read_photo(path: Path) -> QImage:
    """The photo upright (EXIF orientation applied); KnownError when it cannot be read as a picture."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    image = reader.read()
    if image.isNull():
        message = QCoreApplication.translate("MeetingDocs", "The photo {name} could not be read as a picture.")
        raise KnownError(message.format(name=path.name), code="bad_photo")
    return image


def _scaled(image: QImage, width: int) -> QImage:
    if image.width() <= width:
        return image
    return image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)


def _jpeg(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.convertToFormat(QImage.Format.Format_RGB32).save(buffer, "JPEG", 85)  # type: ignore[call-overload]
    return bytes(buffer.data().data())


def render_brief(data: BriefData, *, docx: Path | None, png: Path | None) -> BriefWritten:
    """Write the brief as .docx and/or as a picture ``IMAGE_WIDTH`` px wide (runs on any thread)."""
    check_brief(data)
    photos = [read_photo(p) for p in data.photos]
    if docx is not None:
        write_brief_docx(data, docx, [_jpeg(_scaled(photo, DOCX_PHOTO_WIDTH)) for photo in photos])
    size = (0, 0)
    if png is not None:
        content = IMAGE_WIDTH - 2 * MARGIN
        shown = [photo.scaledToWidth(content, Qt.TransformationMode.SmoothTransformation) for photo in photos]
        images = {photo_name(i): image for i, image in enumerate(shown)}
        html = brief_html(data, [image.height() for image in shown])
        image = html_to_png(html, png, width=IMAGE_WIDTH, images=images, margin=MARGIN)
        size = (image.width(), image.height())
    return BriefWritten(docx, png, size)


def write_brief(parent: QWidget, ctx: AppContext, data: BriefData, *, docx: Path | None, png: Path | None,
                on_done: DoneCallback, on_error: ErrorCallback) -> TaskHandle:
    """``render_brief`` on the file lane; ``on_done`` gets a ``BriefWritten``."""
    target = docx or png or Path(".")
    return run(parent, ctx, lambda p: _file_errors(lambda _q: render_brief(data, docx=docx, png=png), p, target),
               label="activity brief", on_done=on_done, on_error=on_error, lane=Lane.FILE)


def _file_errors(write: Any, progress: Any, path: Path) -> Any:
    """Run ``write``; an OSError the atomic writer did not classify becomes a KnownError naming ``path``."""
    try:
        return write(progress)
    except OSError as exc:
        raise not_saved(path) from exc


__all__: Sequence[str] = ["BriefWritten", "export_register", "load_brief_source", "load_minutes", "read_photo",
                          "render_brief", "write_brief", "write_minutes"]
