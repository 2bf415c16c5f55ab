"""The 会议文档 button, the printer path and the brief dialog: files written off the GUI thread and read back."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from PySide6.QtGui import QColor, QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from partydesk.core.changes import LOCAL_USER
from partydesk.core.io.brief_data import BriefData
from partydesk.core.io.minutes_html import minutes_html
from partydesk.core.services.meeting_docs import brief_source, minutes_of
from partydesk.core.storage.database import Database
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.meeting_brief import MeetingBriefDialog
from partydesk.gui.operations.meeting_docs import read_photo, render_brief
from partydesk.gui.pdf import page_layout, print_on
from partydesk.gui.widgets.meeting_docs_button import MeetingDocsButton, request_register
from tests.gui.conftest import WAIT_MS
from tests.gui.test_meeting_pdf import pdf_pages
from tests.meeting_docs_sample import LEAVE_NAME, PRESENT_NAMES, Sample, record_sample


@pytest.fixture
def sample(db: Database, ctx: AppContext) -> Sample:
    """The sample meeting, in the database the context works on."""
    return record_sample(db)


def photo(tmp_path: Path, name: str, width: int, height: int) -> Path:
    """A plain picture file of the given size."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#c0392b"))
    path = tmp_path / name
    assert image.save(str(path))
    return path


def button(ctx: AppContext, qtbot: QtBot, meeting_id: str | None, out: Path) -> MeetingDocsButton:
    widget = MeetingDocsButton(ctx, lambda: meeting_id, choose_path=lambda suggested, _filter: out)
    qtbot.addWidget(widget)
    return widget


def test_button_menu_offers_pdf_print_word_and_brief_in_chinese(ctx: AppContext, qtbot: QtBot, tmp_path: Path) -> None:
    """The menu's four entries, in Chinese."""
    widget = button(ctx, qtbot, None, tmp_path / "x.pdf")
    assert widget.text() == "会议文档"
    texts = [a.text() for a in widget.menu().actions() if not a.isSeparator()]
    assert texts == ["导出PDF…", "打印…", "导出Word…", "制作活动简报…"]


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_button_writes_the_minutes_on_the_file_lane(ctx: AppContext, sample: Sample, qtbot: QtBot, tmp_path: Path,
                                                     suffix: str) -> None:
    """导出PDF / 导出Word write the chosen meeting's minutes where the user chose, and say so."""
    out = tmp_path / f"minutes{suffix}"
    widget = button(ctx, qtbot, sample.meeting_id, out)
    with qtbot.waitSignal(ctx.hub.statusMessage, timeout=WAIT_MS) as said:
        (widget.pdf_action if suffix == ".pdf" else widget.docx_action).trigger()
    assert str(out) in said.args[0]
    box = widget.window().findChild(QMessageBox, "savedBox")  # said in a box too, with its folder a click away
    assert box is not None and box.isVisible() and box.text() == f"会议记录已保存：\n{out}"
    box.close()
    if suffix == ".pdf":
        text = "".join("".join(pdf_pages(out)).split())
    else:
        text = "".join(c.text for t in Document(str(out)).tables for row in t.rows for c in row.cells)
    assert LEAVE_NAME in text and all(name in text for name in PRESENT_NAMES)


def test_without_a_chosen_meeting_the_button_asks_for_one(ctx: AppContext, qtbot: QtBot, tmp_path: Path) -> None:
    """No meeting chosen: a status message, and no file."""
    out = tmp_path / "x.pdf"
    widget = button(ctx, qtbot, None, out)
    with qtbot.waitSignal(ctx.hub.statusMessage, timeout=WAIT_MS) as said:
        widget.pdf_action.trigger()
    assert said.args[0] == "请先选择一次会议。"
    assert not out.exists()


def test_printing_paints_every_page_with_its_number(ctx: AppContext, sample: Sample, db: Database,
                                                    tmp_path: Path) -> None:
    """The print path lays the minutes out on the printer's A4 page (here a PDF printer) with page numbers."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    printer.setPageLayout(page_layout())
    pages = print_on(printer, minutes_html(minutes_of(db, LOCAL_USER, sample.meeting_id)))
    del printer
    assert pages == 1
    text = "".join(pdf_pages(out)[0].split())
    assert "主持人签字" in text and "第1页共1页" in text


def test_register_is_written_where_chosen(ctx: AppContext, sample: Sample, qtbot: QtBot, tmp_path: Path) -> None:
    """request_register reads the year on the DB lane and writes the .xlsx on the file lane."""
    out = tmp_path / "台账.xlsx"
    host = button(ctx, qtbot, None, out)
    saved: list[tuple[Path, int]] = []
    request_register(ctx, host, 2026, choose_path=lambda _s, _f: out, on_saved=lambda p, n: saved.append((p, n)))
    qtbot.waitUntil(lambda: bool(saved), timeout=WAIT_MS)
    assert saved == [(out, 1)]
    assert openpyxl.load_workbook(out).active["D3"].value == "讨论发展党员工作"


def test_the_menu_saves_the_shown_year_s_register_without_a_meeting_chosen(
        ctx: AppContext, sample: Sample, qtbot: QtBot, tmp_path: Path) -> None:
    """With the page's year, the menu ends in that year's 会议台账 (named with the year as the menu opens), which
    is written with no meeting selected."""
    out = tmp_path / "台账.xlsx"
    year = [2025]
    widget = MeetingDocsButton(ctx, lambda: None, choose_path=lambda _s, _f: out, year_getter=lambda: year[0])
    qtbot.addWidget(widget)
    year[0] = 2026
    widget.menu().aboutToShow.emit()
    assert widget.register_action in widget.menu().actions()
    assert widget.register_action.text() == "2026年会议台账（Excel）…"
    with qtbot.waitSignal(ctx.hub.statusMessage, timeout=WAIT_MS) as said:
        widget.register_action.trigger()
    assert str(out) in said.args[0] and "1" in said.args[0]
    assert openpyxl.load_workbook(out).active["D3"].value == "讨论发展党员工作"


def brief_dialog(ctx: AppContext, db: Database, sample: Sample, qtbot: QtBot, out: Path) -> MeetingBriefDialog:
    dialog = MeetingBriefDialog(ctx, brief_source(db, LOCAL_USER, sample.meeting_id), choose_path=lambda _s: out)
    qtbot.addWidget(dialog)
    return dialog


def test_brief_with_photos_and_names_is_a_900px_picture_and_a_docx_without_numbers(
        ctx: AppContext, db: Database, sample: Sample, qtbot: QtBot, tmp_path: Path) -> None:
    """Ticked names appear; the picture is 900 px wide with the photos; no ID or phone number anywhere."""
    out = tmp_path / "brief.docx"
    dialog = brief_dialog(ctx, db, sample, qtbot, out)
    dialog.add_photos([photo(tmp_path, "wide.png", 2400, 1200), photo(tmp_path, "tall.jpg", 600, 900)])
    dialog.ui.namesCheck.setChecked(True)
    assert dialog.ui.namesLabel.text() == "、".join(sample_names := dialog.source.names)
    dialog.make_brief()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=WAIT_MS)
    written = dialog.written
    assert written is not None and written.png == out.with_suffix(".png")
    picture = QImage(str(written.png))
    assert picture.width() == 900 and picture.height() > 900 + 450  # both photos at 820 px wide, and the text
    document = Document(str(out))
    assert f"参加人员：{'、'.join(sample_names)}" in [p.text for p in document.paragraphs]
    assert len(document.inline_shapes) == 2
    with zipfile.ZipFile(out) as archive:
        everything = b"".join(archive.read(n) for n in archive.namelist()).decode("utf-8", "replace")
    raw = written.png.read_bytes().decode("latin-1")
    for _name, id_number, phone in sample.people:
        for number in (id_number, phone):
            assert number not in everything and number not in raw


def test_brief_leaves_names_out_unless_ticked(ctx: AppContext, db: Database, sample: Sample, qtbot: QtBot,
                                              tmp_path: Path) -> None:
    """Without the tick, no attendee's name is listed (the docx only)."""
    out = tmp_path / "brief.docx"
    dialog = brief_dialog(ctx, db, sample, qtbot, out)
    dialog.ui.pngCheck.setChecked(False)
    assert dialog.ui.namesLabel.text() == "简报中不列出姓名。"
    dialog.make_brief()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=WAIT_MS)
    assert not out.with_suffix(".png").exists()
    assert not any("参加人员" in p.text for p in Document(str(out)).paragraphs)


def test_a_phone_number_typed_into_the_summary_stops_the_brief(ctx: AppContext, db: Database, sample: Sample,
                                                               qtbot: QtBot, tmp_path: Path) -> None:
    """The check runs before any file dialog: the error line says why and nothing is written."""
    out = tmp_path / "brief.docx"
    dialog = brief_dialog(ctx, db, sample, qtbot, out)
    dialog.ui.summaryEdit.setPlainText(f"联系人电话 {sample.people[0][2]}")
    dialog.make_brief()
    assert not dialog.ui.errorLabel.isHidden()
    assert "电话号码" in dialog.ui.errorLabel.text()
    assert not out.exists() and not out.with_suffix(".png").exists()
    assert dialog.ui.dateEdit.date().toString("yyyy-MM-dd") == date(2026, 11, 20).isoformat()


def test_a_photo_taken_sideways_is_turned_upright(ctx: AppContext, tmp_path: Path) -> None:
    """A camera JPEG stored landscape with EXIF orientation 6 ("rotate 90°") is read upright."""
    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("#2e86de"))
    plain = tmp_path / "plain.jpg"
    assert image.save(str(plain))
    # An APP1 segment holding one IFD entry: Orientation (0x0112), SHORT, 1 value: 6.
    tiff = b"MM\x00*\x00\x00\x00\x08" + b"\x00\x01" + b"\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00" + b"\x00" * 4
    app1 = b"\xff\xe1" + (len(tiff) + 8).to_bytes(2, "big") + b"Exif\x00\x00" + tiff
    data = plain.read_bytes()
    sideways = tmp_path / "sideways.jpg"
    sideways.write_bytes(data[:2] + app1 + data[2:])
    photo = read_photo(sideways)
    assert (photo.width(), photo.height()) == (100, 200)
    brief = BriefData("主题党日", date(2026, 11, 15), "中共示例社区第一支部委员会", "活动。", (sideways,))
    out = tmp_path / "brief.docx"
    render_brief(brief, docx=out, png=None)
    with zipfile.ZipFile(out) as archive:
        media = [archive.read(n) for n in archive.namelist() if n.startswith("word/media/")]
    assert len(media) == 1 and b"Exif" not in media[0]  # re-encoded: where and with what it was taken stays out
