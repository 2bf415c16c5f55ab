"""The roster import wizard: file and columns, the dry run with its problems, and the all-or-nothing import.

Fixture files are built in tmp_path with openpyxl (or raw bytes for CSV); QFileDialog and QMessageBox
static methods are patched, so no test waits for a user.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from partydesk.core.changes import LOCAL_USER, ChangeKind, Changes
from partydesk.core.domain.idnumber import check_char
from partydesk.core.domain.member import MemberData
from partydesk.core.io.roster_plan import RowIssue
from partydesk.core.services import members, roster_import
from partydesk.core.services.bulk import insert_members
from partydesk.core.services.roster_import import apply_import, plan_import
from partydesk.core.storage.database import Database
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.import_wizard import CHECK_STEP, DONE_STEP, FILE_STEP, ImportWizard
from partydesk.gui.languages import install_language
from partydesk.gui.models.issue_model import IssueModel
from partydesk.gui.tasks import Lane
from tests.gui.conftest import WAIT_MS

TITLE = "幸福社区第一支部党员花名册"
HEADER = ["序号", "姓名", "性别", "公民身份号码", "人员类别", "入党日期", "转正日期", "党小组", "联系电话"]
ID_COLUMN = HEADER.index("公民身份号码")
PHONE_COLUMN = HEADER.index("联系电话")


def make_id(birth: date, seq: int, region: str = "110105") -> str:
    """A valid 18-digit resident ID number (odd ``seq`` = male)."""
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first17 + check_char(first17)


def spoil_checksum(id_number: str) -> str:
    """The same number with a wrong check character."""
    wrong = "0" if id_number[17] != "0" else "1"
    return id_number[:17] + wrong


PEOPLE = [
    ("张建国", make_id(date(1970, 3, 4), 11)),
    ("李秀英", make_id(date(1982, 5, 6), 22)),
    ("王志强", make_id(date(1975, 7, 8), 33)),
    ("赵丽华", make_id(date(1990, 1, 2), 44)),
]


def line(number: int, name: str, id_number: object, *, phone: str = "13800138000") -> list[object]:
    """One roster row under HEADER."""
    male = isinstance(id_number, str) and int(id_number[16]) % 2 == 1
    return [number, name, "男" if male else "女", id_number, "正式党员", "2005-07-01", "2006-07-01", "第一党小组",
            phone]


def save_xlsx(path: Path, rows: Sequence[Sequence[object]], *, header: Sequence[str] = HEADER) -> Path:
    """A workbook as offices keep them: a title row, the header, then ``rows``; ID cells stored as text."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append([TITLE])
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.number_format = "@"
    wb.save(path)
    return path


def clean_file(path: Path, count: int = 3) -> Path:
    """``count`` members, all valid."""
    return save_xlsx(path, [line(i + 1, name, number) for i, (name, number) in enumerate(PEOPLE[:count])])


def file_with_bad_id(path: Path) -> Path:
    """Two good rows (Excel rows 3 and 5) and one with a wrong check digit (Excel row 4, column D)."""
    rows = [line(1, *PEOPLE[0]), line(2, PEOPLE[1][0], spoil_checksum(PEOPLE[1][1])), line(3, *PEOPLE[2])]
    return save_xlsx(path, rows)


def open_wizard(qtbot: QtBot, ctx: AppContext, path: Path | None = None) -> ImportWizard:
    """A shown wizard; with ``path``, after the file has been read."""
    wizard = ImportWizard(ctx, path=path)
    qtbot.addWidget(wizard)
    wizard.show()
    if path is not None:
        qtbot.waitUntil(lambda: not wizard.busy, timeout=WAIT_MS)
    return wizard


def click(qtbot: QtBot, button: object) -> None:
    """A left click on ``button``."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def to_check_step(qtbot: QtBot, wizard: ImportWizard) -> None:
    """Press Next and wait for the dry run."""
    click(qtbot, wizard.ui.nextButton)
    qtbot.waitUntil(lambda: not wizard.busy, timeout=WAIT_MS)
    assert wizard.step == CHECK_STEP, wizard.ui.fileErrorLabel.text()


def import_now(qtbot: QtBot, wizard: ImportWizard) -> None:
    """Press Import and wait for it to end."""
    click(qtbot, wizard.ui.importButton)
    qtbot.waitUntil(lambda: not wizard.busy, timeout=WAIT_MS)


def roster_names(db: Database) -> list[str]:
    """Names of the live roster, sorted."""
    return sorted(row.name for row in members.roster(db, LOCAL_USER))


def test_clean_file_is_previewed_checked_and_imported_with_a_backup(qtbot: QtBot, ctx: AppContext,
                                                                     tmp_path: Path) -> None:
    """Guessed columns are preselected, the counts are right, the import writes all and shows the backup."""
    wizard = open_wizard(qtbot, ctx, clean_file(tmp_path / "花名册.xlsx"))
    assert wizard.step == FILE_STEP
    assert wizard.mapping()[ID_COLUMN] == "id_number"
    assert wizard.mapping()[1] == "name"
    assert 0 not in wizard.mapping(), "序号 is no member field"
    assert "3" in wizard.ui.factsLabel.text() and "花名册" in wizard.ui.factsLabel.text()
    assert wizard.ui.previewTable.rowCount() == 3
    assert wizard.ui.previewTable.item(0, 1).text() == "张建国"
    assert wizard.ui.nextButton.isEnabled()

    to_check_step(qtbot, wizard)
    plan = wizard.plan
    assert plan is not None and (plan.new, plan.updated, plan.unchanged, plan.rejected) == (3, 0, 0, 0)
    assert "3" in wizard.ui.newLabel.text() and "0" in wizard.ui.rejectedLabel.text()
    assert wizard.ui.importButton.isEnabled()
    assert not wizard.ui.saveRejectsButton.isEnabled()
    # Nothing rejected: no greyed button stretched across the dialog.
    assert not wizard.ui.saveRejectsButton.isVisibleTo(wizard)
    assert ctx.db and roster_names(ctx.db) == [], "the dry run writes nothing"

    with qtbot.waitSignal(ctx.hub.changed, timeout=WAIT_MS) as published:
        import_now(qtbot, wizard)
    assert isinstance(published.args[0], Changes) and published.args[0].touches(ChangeKind.MEMBER)
    assert wizard.step == DONE_STEP
    assert roster_names(ctx.db) == sorted(name for name, _ in PEOPLE[:3])
    result = wizard.import_result
    assert result is not None and result.new == 3 and result.backup_path is not None
    assert result.backup_path.exists()
    assert wizard.ui.backupPathLabel.text() == str(result.backup_path)
    assert wizard.ui.finishButton.isVisible()
    click(qtbot, wizard.ui.finishButton)
    assert wizard.import_result is not None and wizard.isHidden()


def test_bad_id_is_listed_with_row_column_and_checksum_message_and_blocks_import(
        qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    """A wrong check digit: the problem names Excel row 4, column D and the 校验位 rule; Import stays off."""
    wizard = open_wizard(qtbot, ctx, file_with_bad_id(tmp_path / "bad.xlsx"))
    to_check_step(qtbot, wizard)
    plan = wizard.plan
    assert plan is not None and (plan.new, plan.rejected) == (2, 1)
    model = wizard.issues
    errors = [model.issue(r) for r in range(model.rowCount()) if model.issue(r).severity == "error"]
    assert [(i.row, i.column, i.header, i.code) for i in errors] == [(4, "D", "公民身份号码", "id_checksum")]
    shown = [model.index(0, c).data() for c in range(model.columnCount())]
    assert shown[:5] == ["4", PEOPLE[1][0], "D", "公民身份号码", "id_checksum"] and "校验位" in shown[5]
    table = wizard.ui.issuesTable
    assert table.isColumnHidden(IssueModel.CODE_COLUMN), "the internal code is not a column the office sees"
    assert not table.isColumnHidden(IssueModel.MESSAGE_COLUMN)
    assert "id_checksum" in model.index(0, IssueModel.MESSAGE_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert not wizard.ui.importButton.isEnabled()
    assert wizard.ui.reasonLabel.isVisible() and "1" in wizard.ui.reasonLabel.text()
    assert wizard.ui.saveRejectsButton.isEnabled() and wizard.ui.saveRejectsButton.isVisibleTo(wizard)
    assert wizard.ui.skipCheck.isVisible() and not wizard.ui.skipCheck.isChecked()
    qtbot.keyClick(wizard, Qt.Key.Key_Return)
    assert wizard.step == CHECK_STEP and roster_names(ctx.db) == [], "Enter does nothing while Import is off"


def test_saving_rejected_rows_writes_a_workbook_with_the_reason(qtbot: QtBot, ctx: AppContext, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """保存未通过的行 offers 未通过的行.xlsx beside the file and writes each rejected row with its reason."""
    wizard = open_wizard(qtbot, ctx, file_with_bad_id(tmp_path / "bad.xlsx"))
    to_check_step(qtbot, wizard)
    offered: list[str] = []
    target = tmp_path / "out" / "rejects"
    target.parent.mkdir()

    def ask(_parent: object, _caption: str, start: str, _filter: str) -> tuple[str, str]:
        offered.append(start)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    click(qtbot, wizard.ui.saveRejectsButton)
    qtbot.waitUntil(lambda: not wizard.busy, timeout=WAIT_MS)
    assert Path(offered[0]).parent == tmp_path
    assert Path(offered[0]).name == wizard.tr("rejected rows") + ".xlsx"
    saved = target.with_suffix(".xlsx")
    assert saved.exists(), "the .xlsx suffix is added when the user leaves it out"
    assert str(saved) in wizard.ui.checkStatusLabel.text()
    book = openpyxl.load_workbook(saved)
    errors = [[c.value for c in row] for row in book["错误清单"].iter_rows(min_row=2)]
    assert len(errors) == 1 and errors[0][:4] == [4, PEOPLE[1][0], "D", "公民身份号码"]
    assert "校验位" in errors[0][4] and len(errors[0]) == 5
    rows = [[c.value for c in row] for row in book["未通过的行"].iter_rows(min_row=2)]
    assert rows[0][0] == 4 and rows[0][2] == PEOPLE[1][0] and "校验位" in rows[0][-1]


def test_skipping_rejected_rows_imports_the_rest(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    """Ticking 跳过未通过的行 enables Import, which writes the good rows and reports the skipped one."""
    wizard = open_wizard(qtbot, ctx, file_with_bad_id(tmp_path / "bad.xlsx"))
    to_check_step(qtbot, wizard)
    assert "2" in wizard.ui.skipCheck.text()
    wizard.ui.skipCheck.setChecked(True)
    assert wizard.ui.importButton.isEnabled()
    import_now(qtbot, wizard)
    assert wizard.step == DONE_STEP
    assert roster_names(ctx.db) == sorted([PEOPLE[0][0], PEOPLE[2][0]])
    assert wizard.import_result is not None and (wizard.import_result.new, wizard.import_result.rejected) == (2, 1)
    assert "1" in wizard.ui.doneCountsLabel.text().splitlines()[-1]
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert wizard.isHidden() and wizard.result() == QDialog.DialogCode.Accepted, "after the import, Esc means Done"


def test_setting_a_column_to_do_not_import_changes_the_plan(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    """A member whose phone differs is "updated"; with 联系电话 set to 不导入 the same row is "unchanged"."""
    first = clean_file(tmp_path / "first.xlsx", count=1)
    apply_import(ctx.db, LOCAL_USER, plan_import(ctx.db, first))
    changed = save_xlsx(tmp_path / "second.xlsx", [line(1, *PEOPLE[0], phone="13900139000")])
    wizard = open_wizard(qtbot, ctx, changed)
    to_check_step(qtbot, wizard)
    assert wizard.plan is not None and (wizard.plan.updated, wizard.plan.unchanged) == (1, 0)

    click(qtbot, wizard.ui.backButton)
    assert wizard.step == FILE_STEP and wizard.mapping()[PHONE_COLUMN] == "phone", "Back keeps the columns"
    wizard.set_column_field(PHONE_COLUMN, None)
    assert PHONE_COLUMN not in wizard.mapping()
    to_check_step(qtbot, wizard)
    assert wizard.plan is not None and (wizard.plan.updated, wizard.plan.unchanged) == (0, 1)
    assert PHONE_COLUMN not in wizard.plan.mapping
    assert not wizard.ui.importButton.isEnabled() and wizard.ui.reasonLabel.text()


def test_a_field_chosen_for_two_columns_is_flagged_and_blocks_next(qtbot: QtBot, ctx: AppContext,
                                                                    tmp_path: Path) -> None:
    """Two columns as 姓名: both named in a red sentence, Next off; undoing it enables Next again."""
    wizard = open_wizard(qtbot, ctx, clean_file(tmp_path / "a.xlsx"))
    wizard.set_column_field(0, "name")
    assert not wizard.ui.nextButton.isEnabled()
    assert wizard.ui.mappingErrorLabel.isVisible()
    assert "姓名" in wizard.ui.mappingErrorLabel.text() and "A、B" in wizard.ui.mappingErrorLabel.text()
    qtbot.keyClick(wizard, Qt.Key.Key_Return)
    assert wizard.step == FILE_STEP
    wizard.set_column_field(0, None)
    assert wizard.ui.nextButton.isEnabled() and wizard.ui.mappingErrorLabel.isHidden()


def test_without_an_id_number_column_next_is_off_and_says_why(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    """Setting 公民身份号码 to 不导入 leaves nothing to match members on: Next is off with a sentence."""
    wizard = open_wizard(qtbot, ctx, clean_file(tmp_path / "a.xlsx"))
    wizard.set_column_field(ID_COLUMN, None)
    assert not wizard.ui.nextButton.isEnabled()
    assert "公民身份号码" in wizard.ui.mappingErrorLabel.text()
    # The file is read again with the new columns in the background, so the file's notes follow them.
    qtbot.waitUntil(lambda: "没有找到“公民身份号码”列" in wizard.ui.fileWarningsLabel.text(), timeout=WAIT_MS)
    assert wizard.mapping().get(ID_COLUMN) is None, "the re-read keeps the user's choices"


def test_unreadable_csv_shows_the_encoding_message_with_line_and_byte(qtbot: QtBot, ctx: AppContext,
                                                                       tmp_path: Path) -> None:
    """A byte neither UTF-8 nor GB18030 accepts: the red message names its line and byte; nothing crashes."""
    good = ("党员花名册\r\n" + ",".join(HEADER) + "\r\n").encode("gb18030")
    path = tmp_path / "broken.csv"
    path.write_bytes(good + b"1,\xff\xfe,\r\n")
    wizard = open_wizard(qtbot, ctx, path)
    message = wizard.ui.fileErrorLabel.text()
    assert wizard.ui.fileErrorLabel.isVisible()
    assert "第 3 行" in message and "0xFF" in message and "字节" in message
    assert not wizard.ui.nextButton.isEnabled()
    assert wizard.ui.mappingTable.rowCount() == 0


def test_gbk_csv_shows_its_encoding_in_the_file_facts(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    """A CSV saved by Chinese Excel (GBK) is read, and the facts say which encoding was used."""
    lines = ["党员花名册", ",".join(HEADER), ",".join(str(v) for v in line(1, *PEOPLE[0]))]
    path = tmp_path / "gbk.csv"
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    wizard = open_wizard(qtbot, ctx, path)
    assert "GBK" in wizard.ui.factsLabel.text()
    assert wizard.ui.nextButton.isEnabled()


def test_choose_file_reads_the_file_picked_in_the_dialog(qtbot: QtBot, ctx: AppContext, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """选择文件… opens the file dialog for .xlsx and .csv files and reads what was picked."""
    path = clean_file(tmp_path / "picked.xlsx")
    filters: list[str] = []

    def pick(_parent: object, _caption: str, _start: str, filter_: str) -> tuple[str, str]:
        filters.append(filter_)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(pick))
    wizard = open_wizard(qtbot, ctx)
    assert not wizard.ui.nextButton.isEnabled()
    click(qtbot, wizard.ui.chooseButton)
    qtbot.waitUntil(lambda: wizard.preview_result is not None and not wizard.busy, timeout=WAIT_MS)
    assert "*.xlsx" in filters[0] and "*.csv" in filters[0]
    assert wizard.ui.fileLabel.text() == str(path)
    assert wizard.ui.nextButton.isEnabled()


def test_enter_goes_to_the_next_step_and_imports(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    """Enter presses Next on step 1 and Import on step 2."""
    wizard = open_wizard(qtbot, ctx, clean_file(tmp_path / "a.xlsx", count=2))
    qtbot.keyClick(wizard, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.step == CHECK_STEP and not wizard.busy, timeout=WAIT_MS)
    qtbot.keyClick(wizard, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.step == DONE_STEP, timeout=WAIT_MS)
    assert len(roster_names(ctx.db)) == 2


def test_cancel_during_the_import_writes_nothing_and_says_so(qtbot: QtBot, ctx: AppContext, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Cancelled after the backup, inside the write: the roster is untouched and the wizard says so."""
    wizard = open_wizard(qtbot, ctx, clean_file(tmp_path / "a.xlsx"))
    to_check_step(qtbot, wizard)
    real_backup = roster_import.backup_now

    def backup_then_cancel(*args: object, **kwargs: object) -> object:
        info = real_backup(*args, **kwargs)  # type: ignore[arg-type]
        assert wizard._job is not None
        wizard._job.cancel()  # what the progress dialog's Cancel button does
        return info

    monkeypatch.setattr(roster_import, "backup_now", backup_then_cancel)
    import_now(qtbot, wizard)
    assert roster_names(ctx.db) == []
    assert wizard.step == CHECK_STEP and wizard.import_result is None
    assert wizard.ui.checkStatusLabel.text() == wizard.tr(
        "The import was cancelled. Nothing was written: the roster is as it was.")
    assert wizard.ui.importButton.isEnabled(), "the user may try again"


def test_roster_changed_after_the_check_goes_back_to_step_one(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    """A member added between the check and Import: nothing is written, step 1 explains, columns kept."""
    wizard = open_wizard(qtbot, ctx, clean_file(tmp_path / "a.xlsx", count=2))
    wizard.set_column_field(PHONE_COLUMN, None)
    to_check_step(qtbot, wizard)
    name, number = PEOPLE[3]
    insert_members(ctx.db, LOCAL_USER, [MemberData(name=name, gender="2", id_type="1", id_number=number,
                                                   category="1", joined_on=date(2015, 7, 1),
                                                   confirmed_on=date(2016, 7, 1))])
    import_now(qtbot, wizard)
    assert wizard.step == FILE_STEP
    assert wizard.ui.fileErrorLabel.isVisible() and "修改" in wizard.ui.fileErrorLabel.text()
    assert PHONE_COLUMN not in wizard.mapping()
    assert roster_names(ctx.db) == [name]


def test_escape_closes_at_once_when_idle(qtbot: QtBot, ctx: AppContext, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """With no job running, Esc closes without a question."""
    wizard = open_wizard(qtbot, ctx, clean_file(tmp_path / "a.xlsx"))

    def never(*_args: object) -> QMessageBox.StandardButton:
        raise AssertionError("no question expected")

    monkeypatch.setattr(QMessageBox, "question", staticmethod(never))
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert wizard.isHidden()


def test_escape_while_a_job_runs_asks_and_cancels_it(qtbot: QtBot, ctx: AppContext, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Esc while the file is being read asks first; "No" keeps waiting, "Yes" cancels the job and closes."""
    release = threading.Event()
    # The file is read on the file lane: block that lane so the read is still queued when Esc comes.
    ctx.runner.submit(lambda _progress: release.wait(WAIT_MS / 1000), label="block the lane", lane=Lane.FILE)
    wizard = open_wizard(qtbot, ctx)
    wizard.open_file(clean_file(tmp_path / "a.xlsx"))
    assert wizard.busy and not wizard.ui.chooseButton.isEnabled()
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert wizard.isVisible() and wizard.busy
    job = wizard._job
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert wizard.isHidden() and len(asked) == 2
    assert job is not None and job.cancel_requested
    release.set()
    assert ctx.runner.wait_idle(WAIT_MS)
    assert job.cancelled and wizard.preview_result is None


def test_wizard_fits_a_1366x768_screen(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    """The wizard opens no larger than the screen, and its minimum size fits 1366×768 at 125 % scaling."""
    wizard = open_wizard(qtbot, ctx, file_with_bad_id(tmp_path / "bad.xlsx"))
    screen = QApplication.primaryScreen().availableGeometry()
    assert wizard.width() <= screen.width() and wizard.height() <= screen.height()
    for step in (FILE_STEP, CHECK_STEP, DONE_STEP):
        wizard.ui.stack.setCurrentIndex(step)
        hint = wizard.minimumSizeHint()
        assert hint.width() <= 1366 / 1.25 and hint.height() <= (768 - 40) / 1.25, (step, hint)


def test_warnings_are_marked_in_words_not_only_in_grey(qapp: QApplication) -> None:
    """A warning's explanation starts with "Warning:" (提醒：); an error's does not; both tooltips name the code."""
    error = RowIssue(4, "D", "公民身份号码", "id_number", "id_checksum", "公民身份号码校验位错误")
    warning = RowIssue(5, "F", "入党日期", "joined_on", "joined_young", "入党时不满18周岁", "warning")
    model = IssueModel()
    model.set_issues([error], [warning])
    column = IssueModel.MESSAGE_COLUMN
    assert model.index(0, column).data() == "公民身份号码校验位错误"
    assert model.index(1, column).data() == model.tr("Warning: {message}").format(message="入党时不满18周岁")
    assert model.index(1, column).data() != "入党时不满18周岁"
    assert model.index(1, column).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "joined_young" in model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "id_checksum" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_tab_leaves_every_wizard_table(qtbot: QtBot, ctx: AppContext) -> None:
    """The column mapping, the preview and the problem list let Tab move on to the next control."""
    wizard = open_wizard(qtbot, ctx)
    for table in (wizard.ui.mappingTable, wizard.ui.previewTable, wizard.ui.issuesTable):
        assert not table.tabKeyNavigation(), table.objectName()


def test_issue_model_passes_the_model_tester(qtmodeltester: object, qapp: QApplication, ctx: AppContext,
                                             tmp_path: Path) -> None:
    """The problem table's model is a well-behaved Qt model, sorted or not."""
    plan = plan_import(ctx.db, file_with_bad_id(tmp_path / "bad.xlsx"))
    model = IssueModel()
    model.set_issues(plan.errors, plan.warnings)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_switching_the_language_retranslates_the_wizard(qtbot: QtBot, ctx: AppContext, tmp_path: Path,
                                                        app: QApplication) -> None:
    """A language switch re-renders the texts built in code (counts, facts), not only the form's."""
    wizard = open_wizard(qtbot, ctx, clean_file(tmp_path / "a.xlsx"))
    to_check_step(qtbot, wizard)
    install_language(app, "zh_CN", ctx.hub)
    qtbot.waitUntil(lambda: wizard.ui.newLabel.text() == "新增 3 人")
    install_language(app, "en", ctx.hub)
    qtbot.waitUntil(lambda: wizard.ui.newLabel.text() == "3 new")
    assert wizard.ui.importButton.text() == "Import"
    assert wizard.ui.factsLabel.text().startswith("Sheet")


def test_the_file_is_read_on_the_file_lane(qtbot: QtBot, ctx: AppContext, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading the spreadsheet is file work: it runs on the file lane, never holding up the DB lane."""
    from PySide6.QtCore import QThread

    from partydesk.gui.operations import roster_files

    threads: list[str] = []
    real = roster_files.preview

    def reading(*args: object, **kwargs: object) -> object:
        threads.append(QThread.currentThread().objectName())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(roster_files, "preview", reading)
    wizard = open_wizard(qtbot, ctx, clean_file(tmp_path / "a.xlsx"))
    assert ctx.runner.wait_idle(WAIT_MS)
    assert threads and set(threads) == {"partydesk-file-lane"}
    assert wizard.preview_result is not None


def _store(ctx: AppContext, name: str, number: str) -> None:
    male = int(number[16]) % 2 == 1
    insert_members(ctx.db, LOCAL_USER, [MemberData(name=name, gender="1" if male else "2", id_type="1",
                                                   id_number=number, category="1", joined_on=date(2005, 7, 1),
                                                   confirmed_on=date(2006, 7, 1), party_group="第一党小组",
                                                   phone="13800138000")])


def test_rename_conflict_is_listed_and_imported_only_when_ticked(qtbot: QtBot, ctx: AppContext,
                                                                 tmp_path: Path) -> None:
    """A known ID number under a new name shows both names, blocks Import until ticked, then renames."""
    _store(ctx, "杜涛", PEOPLE[0][1])
    wizard = open_wizard(qtbot, ctx, save_xlsx(tmp_path / "a.xlsx", [line(1, "王五", PEOPLE[0][1]),
                                                                     line(2, *PEOPLE[1])]))
    to_check_step(qtbot, wizard)
    box = wizard.ui.renamesList
    assert wizard.ui.renamesGroup.isVisible() and box.count() == 1
    assert "杜涛" in box.item(0).text() and "王五" in box.item(0).text()
    assert not wizard.ui.importButton.isEnabled()
    assert "另一个姓名" in wizard.ui.reasonLabel.text()
    box.item(0).setCheckState(Qt.CheckState.Checked)
    assert wizard.ui.importButton.isEnabled()
    import_now(qtbot, wizard)
    assert wizard.step == DONE_STEP
    assert roster_names(ctx.db) == sorted(["王五", PEOPLE[1][0]])


def test_skipping_leaves_an_unticked_rename_out(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    """With the skip box ticked and the rename not confirmed, the other row is imported and 杜涛 stays."""
    _store(ctx, "杜涛", PEOPLE[0][1])
    wizard = open_wizard(qtbot, ctx, save_xlsx(tmp_path / "a.xlsx", [line(1, "王五", PEOPLE[0][1]),
                                                                     line(2, *PEOPLE[1])]))
    to_check_step(qtbot, wizard)
    wizard.ui.skipCheck.setChecked(True)
    assert wizard.ui.importButton.isEnabled()
    import_now(qtbot, wizard)
    assert roster_names(ctx.db) == sorted(["杜涛", PEOPLE[1][0]])


def test_when_no_row_passes_the_blocked_import_says_so(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    """Every row with a wrong check digit, skipping ticked: Import stays off, and the reason is that no row
    passed (not that the rows match the roster, which is empty)."""
    rows = [line(i + 1, name, spoil_checksum(number)) for i, (name, number) in enumerate(PEOPLE[:2])]
    wizard = open_wizard(qtbot, ctx, save_xlsx(tmp_path / "all-bad.xlsx", rows))
    to_check_step(qtbot, wizard)
    wizard.ui.skipCheck.setChecked(True)
    assert not wizard.ui.importButton.isEnabled()
    reason = wizard._import_block()
    assert "2 行都没有通过检查" in reason and "完全相同" not in reason


def test_the_check_lists_who_the_file_updates_and_what_it_changes(qtbot: QtBot, ctx: AppContext, app: QApplication,
                                                                  tmp_path: Path) -> None:
    """Re-importing an older copy: the check lists each member updated with the field, the recorded value and
    the file's (the phone masked as the roster masks it), so a step backwards is seen before 导入."""
    from partydesk.gui import languages

    wizard = open_wizard(qtbot, ctx, clean_file(tmp_path / "first.xlsx", count=2))
    to_check_step(qtbot, wizard)
    assert wizard.changes.isHidden()  # nothing on record yet: nothing to change
    import_now(qtbot, wizard)
    languages.install_language(app, "zh_CN", ctx.hub)
    older = save_xlsx(tmp_path / "older.xlsx", [line(1, *PEOPLE[0], phone="13900001111"), line(2, *PEOPLE[1])])
    again = open_wizard(qtbot, ctx, older)
    to_check_step(qtbot, again)
    table = again.changes.table
    assert not again.changes.isHidden() and "（1 人）" in again.changes.title()
    cells = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    assert cells == [["3", "张建国", "联系电话", "138****8000", "139****1111"]]
    again.resize(again.sizeHint())
    again.grab().save(str(tmp_path / "changes.png"))
