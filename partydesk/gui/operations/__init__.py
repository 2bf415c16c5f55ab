"""Operations: one small function per use case, how pages and dialogs call services (Anki's aqt/operations).

Each function takes the widget that asked (``parent``: results are dropped once it is gone, progress
dialogs sit over it), the ``AppContext`` and the use case's data, and runs the service on the right lane
of the task runner: database work on ``Lane.DB``, file work on ``Lane.FILE``. Writes return a record that
is or carries ``Changes``; the runner publishes it, so no caller publishes by hand. Widgets never call
services or the runner directly for a use case that has an operation here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from partydesk.core.atomicfile import atomic_write
from partydesk.core.errors import KnownError
from partydesk.gui.tasks import DoneCallback, ErrorCallback, JobFn, Lane, TaskHandle
from partydesk.gui.widgets.guard import guarded

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


def run(
    parent: QWidget | None,
    ctx: AppContext,
    fn: JobFn,
    *,
    label: str,
    on_done: DoneCallback | None = None,
    on_error: ErrorCallback | None = None,
    lane: Lane = Lane.DB,
    progress_title: str | None = None,
    cancellable: bool = True,
) -> TaskHandle:
    """Run ``fn`` on ``lane``; callbacks are skipped once ``parent`` is deleted.

    With ``progress_title`` a window-modal progress dialog (with Cancel unless ``cancellable`` is
    False) appears over ``parent`` when the job takes more than a moment.
    """
    done = _guard(parent, on_done)
    failed = _guard(parent, on_error)
    if progress_title is not None:
        return ctx.runner.run_with_progress(parent, fn, title=progress_title, on_done=done, on_error=failed,
                                            cancellable=cancellable, lane=lane)
    return ctx.runner.submit(fn, on_done=done, on_error=failed, label=label, lane=lane)


def not_saved(path: Path) -> KnownError:
    """A file that could not be written (an OSError the atomic writer did not name): where, and what to check."""
    return KnownError(QCoreApplication.translate(
        "SaveFile", "The file could not be saved to {path}. Check that the folder exists, that the file is not open "
        "in another program, and that the disk is not full.").format(path=str(path)), code="write")


def save_bytes(parent: QWidget | None, ctx: AppContext, path: Path, content: Callable[[], bytes], *, label: str,
               result: Any, on_done: DoneCallback, on_error: ErrorCallback) -> TaskHandle:
    """Lay out ``content()`` and write it to ``path`` atomically on the file lane (a file made from what was read
    on the DB lane); ``on_done`` gets ``result``. An OSError the atomic writer did not name becomes a
    KnownError naming the path and what to check."""

    def save(_progress: Any) -> Any:
        try:
            atomic_write(path, content())
        except OSError as exc:
            raise not_saved(path) from exc
        return result

    return run(parent, ctx, save, label=label, on_done=on_done, on_error=on_error, lane=Lane.FILE)


def _guard(parent: QWidget | None, callback: Callable[[Any], None] | None) -> Callable[[Any], None] | None:
    if callback is None or parent is None:
        return callback
    return guarded(parent, callback)
