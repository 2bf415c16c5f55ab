"""A chart on a page: a ``FigureCanvasQTAgg`` that says which bar or slice was clicked, saves and prints.

matplotlib is imported when the first figure is set, never when this module is imported, so a page
holding charts costs nothing until it draws (DESIGN.md "GUI"). Clicking a bar or wedge that carries a
bucket key (``core.charts.members``) emits ``bucketClicked(key)``. The context menu saves the chart as
PNG, SVG or PDF (drawn here, written on the file lane) or prints it on a printer chosen in a dialog.
"""

from __future__ import annotations

import functools
import io
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QSizePolicy, QVBoxLayout, QWidget

from partydesk.core.atomicfile import atomic_write
from partydesk.core.errors import KnownError
from partydesk.gui.folders import DOCUMENTS, ask_save_file
from partydesk.gui.operations import run
from partydesk.gui.tasks import Lane
from partydesk.gui.widgets.saved_box import show_saved

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext

FORMATS = {"png": "png", "svg": "svg", "pdf": "pdf"}


def figure_bytes(figure: Any, fmt: str, *, dpi: int = 150) -> bytes:
    """The figure drawn as PNG, SVG or PDF bytes."""
    buf = io.BytesIO()
    figure.savefig(buf, format=fmt, dpi=dpi)
    return buf.getvalue()


@functools.cache
def canvas_class() -> Any:
    """``FigureCanvasQTAgg`` that draws quietly when squeezed below its labels (a window made very small)."""
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    class QuietCanvas(FigureCanvasQTAgg):
        def draw(self) -> None:
            from partydesk.core.charts.common import fit_x_labels

            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", "constrained_layout not applied", UserWarning)
                super().draw()
                if fit_x_labels(self.figure, self.get_renderer()):  # at this size, labels turned or upright
                    super().draw()

    return QuietCanvas


class ChartCanvas(QWidget):
    """Holds one matplotlib figure at a time; emits the key of a clicked bar or slice."""

    bucketClicked = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, name: str = "chart") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.name = name  # the file name offered when saving
        self.canvas: Any = None
        self.figure: Any = None
        self.menu: QMenu | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        metrics = self.fontMetrics()
        self.setMinimumSize(metrics.averageCharWidth() * 20, metrics.lineSpacing() * 4)

    def set_figure(self, figure: Any) -> None:
        """Show ``figure`` (replacing any earlier one)."""
        if self.canvas is not None:
            self._layout.removeWidget(self.canvas)
            self.canvas.deleteLater()
        self.figure = figure
        self.canvas = canvas_class()(figure)
        self.canvas.setParent(self)
        self.canvas.setMinimumSize(1, 1)  # the figure follows the widget, never the other way round
        self.canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.canvas.customContextMenuRequested.connect(self._show_menu)
        self.canvas.mpl_connect("pick_event", self._picked)
        self._layout.addWidget(self.canvas)
        self.canvas.draw_idle()

    def _picked(self, event: Any) -> None:
        from partydesk.core.charts.members import picked_key

        key = picked_key(getattr(event, "artist", None))
        if key is not None and getattr(getattr(event, "mouseevent", None), "button", 1) == 1:
            self.bucketClicked.emit(key)

    # -- context menu: save and print --------------------------------------------------------------

    def context_menu(self) -> QMenu:
        """The chart's menu: save as PNG, SVG, PDF; print."""
        menu = QMenu(self)
        for fmt, text in (("png", self.tr("Save as PNG image…")), ("svg", self.tr("Save as SVG…")),
                          ("pdf", self.tr("Save as PDF…"))):
            action = menu.addAction(text)
            action.triggered.connect(lambda _checked=False, fmt=fmt: self.save_as(fmt))
        menu.addSeparator()
        menu.addAction(self.tr("Print…"), self.print_chart)
        self.menu = menu
        return menu

    def _show_menu(self, pos: QPoint) -> None:
        if self.figure is not None:
            self.context_menu().popup(self.canvas.mapToGlobal(pos))

    def save_as(self, fmt: str, path: Path | None = None) -> None:
        """Ask where (unless ``path`` is given), draw the chart and write it on the file lane."""
        if path is None:
            title = self.tr("Save chart")
            chosen = ask_save_file(self, self.ctx.settings, DOCUMENTS, title, f"{self.name}.{fmt}",
                                   f"{fmt.upper()} (*.{fmt})")
            if not chosen:
                return
            path = Path(chosen if chosen.lower().endswith(f".{fmt}") else f"{chosen}.{fmt}")
        data = figure_bytes(self.figure, FORMATS[fmt])
        message = self.tr("The chart could not be saved to {path}. Check that the folder exists and the disk is "
                          "not full.").format(path=str(path))

        def write(_progress: Any) -> Path:
            try:
                atomic_write(path, data)
            except OSError as exc:
                raise KnownError(message, code="write") from exc
            return path

        def failed(error: KnownError) -> None:
            QMessageBox.warning(self, self.tr("Save chart"), error.message)

        def saved(written: Path) -> None:
            self.ctx.hub.statusMessage.emit(self.tr("Chart saved: {path}").format(path=str(written)))
            show_saved(self, self.tr("Save chart"), self.tr("The chart is saved:"), written)

        run(self, self.ctx, write, label="save chart", lane=Lane.FILE, on_error=failed, on_done=saved)

    def print_chart(self) -> bool:
        """Choose a printer and print the chart across the page; False when cancelled."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        paint_figure(self.figure, printer)
        return True


def paint_figure(figure: Any, device: Any) -> None:
    """Paint ``figure`` as a 200 dpi image fitted to ``device``'s page, keeping its proportions."""
    image = QImage.fromData(figure_bytes(figure, "png", dpi=200))
    painter = QPainter(device)
    try:
        area = painter.viewport()
        size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
        painter.drawImage(QRect(area.topLeft(), size), image)
    finally:
        painter.end()
