"""Saving a chart as PNG, SVG or PDF (图表另存为), chosen by the file's suffix, with the Agg backend."""

from __future__ import annotations

from pathlib import Path
from typing import Any

FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}


def save_figure(figure: Any, path: Path, *, dpi: int = 150) -> Path:
    """Write ``figure`` to ``path``; ValueError for a suffix other than .png, .svg or .pdf."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"unsupported chart format {path.suffix!r}")
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    if figure.canvas is None or not hasattr(figure.canvas, "print_figure"):
        FigureCanvasAgg(figure)
    figure.savefig(path, format=fmt, dpi=dpi, metadata={"Creator": "partydesk"} if fmt != "png" else None)
    return path


def figure_png(figure: Any, *, dpi: int = 150) -> bytes:
    """The figure as PNG bytes at ``dpi`` (for documents: sharp when printed at its size)."""
    import io

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    buf = io.BytesIO()
    figure.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()
