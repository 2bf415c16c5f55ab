"""Step 1 of the roster import wizard: the file and its columns (read, preview, column mapping).

A mixin of ``ImportWizard`` (it uses the wizard's form, context and job helpers ``_start_job``, ``_show``
and ``_update_buttons``), kept apart because choosing and mapping the file is a job of its own. The file is
read on the file lane; each column gets a combo with the core's guess preselected; a field chosen twice or
no ID-number column blocks Next with a sentence saying why; changing a column re-reads the file in the
background so the tinted cells and warnings follow the choices. Required fields are marked * in the
combos and named under the table; below the file's columns, the table has one row per field that a
whole file often shares (人员类别, 党小组, 工作单位): when no column holds it, one value can be set there
for every row (``plan_import(fixed_values=...)``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QLabel, QLineEdit, QTableWidgetItem, QWidget

from partydesk.core.domain import fields
from partydesk.core.domain.member import FIELD_LABELS
from partydesk.core.errors import KnownError
from partydesk.core.io.roster_headers import FIELD_KEYS
from partydesk.core.io.roster_plan import ImportPreview
from partydesk.gui.folders import documents_folder
from partydesk.gui.models.issue_model import MUTED_COLOUR
from partydesk.gui.operations import roster_files as file_ops
from partydesk.gui.tasks import TaskHandle

if TYPE_CHECKING:
    from partydesk.core.io.roster_plan import ImportPlan
    from partydesk.gui.context import AppContext

    _DialogBase = QDialog  # what the mixin is mixed into, for the type checker
else:
    _DialogBase = object

SETTINGS_DIR_KEY = "import/last_dir"
FLAG_BACKGROUND = QColor("#ffe7a3")  # a cell the core flagged: "look here"
CLASH_BACKGROUND = QColor("#f9d0cc")  # a mapping row whose field is also chosen elsewhere
_ENCODINGS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "gb18030": "GBK/GB18030"}
# Fields a whole file often shares, offered for one value when no column holds them.
FIXABLE_FIELDS: tuple[str, ...] = ("category", "party_group", "work_unit")
REQUIRED_FIELDS: tuple[str, ...] = tuple(f.key for f in fields.FIELDS if f.required)
# Required fields the import fills in when the file lacks them (from the ID number, from the dates).
_FILLED_IN = {"gender", "category"}


class ImportFileStep(_DialogBase):
    """The wizard's file-and-columns step; mixed into ``ImportWizard`` (a QDialog)."""

    ui: Any
    ctx: AppContext
    _path: Path | None
    _preview: ImportPreview | None
    _plan: ImportPlan | None
    _combos: list[QComboBox]
    _fixed: dict[str, QWidget]
    _clashes: dict[str, list[int]]
    _generation: int
    _refresh: QTimer

    # Provided by ImportWizard.
    def _start_job(self, kind: str, handle: TaskHandle, text: str) -> None:
        raise NotImplementedError

    def _update_buttons(self) -> None:
        raise NotImplementedError

    @staticmethod
    def _show(label: QLabel, text: str) -> None:
        raise NotImplementedError

    def mapping(self) -> dict[int, str]:
        """Column index → field key as the combos say now (a field chosen twice appears once)."""
        return {i: key for i, combo in enumerate(self._combos) if (key := combo.currentData()) is not None}

    def fixed_values(self) -> dict[str, str]:
        """Field key → the one value set for every row, for fields no column holds (blank ones left out)."""
        mapped = set(self.mapping().values())
        values: dict[str, str] = {}
        for key, widget in self._fixed.items():
            if key in mapped:
                continue
            text = widget.text().strip() if isinstance(widget, QLineEdit) else str(
                widget.currentData() or "") if isinstance(widget, QComboBox) else ""
            if text:
                values[key] = text
        return values

    def set_fixed_value(self, key: str, text: str) -> None:
        """Give ``key`` one value for every row ("" clears it), as the user would in the mapping table."""
        widget = self._fixed[key]
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(0, widget.findData(text or None)))
        elif isinstance(widget, QLineEdit):
            widget.setText(text)

    def set_column_field(self, column: int, key: str | None) -> None:
        """Choose ``key`` (None: 不导入) for the file's column ``column`` (0-based), as the user would."""
        combo = self._combos[column]
        combo.setCurrentIndex(0 if key is None else FIELD_KEYS.index(key) + 1)

    # -- step 1: the file and its columns ----------------------------------------------------------

    def choose_file(self) -> None:
        """Ask for a roster file, then read it."""
        start = str(self.ctx.settings.value(SETTINGS_DIR_KEY, "") or "") or str(documents_folder())
        if self._path is not None:
            start = str(self._path.parent)
        filters = ";;".join((self.tr("Spreadsheet or CSV (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv)"),
                             self.tr("Excel workbook (*.xlsx)"), self.tr("CSV (*.csv)")))
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose the roster file"), start, filters)
        if path:
            self.ctx.settings.setValue(SETTINGS_DIR_KEY, str(Path(path).parent))
            self.open_file(path)

    def open_file(self, path: str | Path) -> None:
        """Read ``path`` on the file lane and show what it holds; the column choices start from the guess."""
        self._path = Path(path)
        self._preview = None
        self._plan = None
        self._generation += 1
        generation = self._generation
        self._refresh.stop()
        self._clear_file_page()
        self.ui.fileLabel.setText(str(self._path))
        self.ui.fileLabel.setToolTip(str(self._path))
        target = self._path
        self._start_job(
            "read", file_ops.preview_file(
                self, self.ctx, target,
                on_done=lambda found: self._previewed(generation, found, fresh=True),
                on_error=lambda error: self._read_failed(generation, error),
            ), self.tr("Reading the file…"))

    def _refresh_preview(self) -> None:
        # The flags, warnings and merged-cell fill depend on the mapping: read again in the background,
        # without disabling the columns the user is working on.
        mapping = self.mapping()
        if self._path is None or self._preview is None or self._clashes:
            return
        target, generation = self._path, self._generation
        file_ops.preview_file(
            self, self.ctx, target, mapping=mapping,
            on_done=lambda found: self._previewed(generation, found, fresh=False),
            on_error=lambda error: self._read_failed(generation, error),
        )

    def _clear_file_page(self) -> None:
        ui = self.ui
        for label in (ui.factsLabel, ui.fileWarningsLabel, ui.fileErrorLabel, ui.mappingErrorLabel, ui.missingLabel,
                      ui.previewNote, ui.requiredLabel):
            label.clear()
            label.hide()
        self._combos = []
        self._fixed = {}
        self._clashes = {}
        ui.mappingTable.setRowCount(0)
        ui.previewTable.clear()
        ui.previewTable.setRowCount(0)
        ui.previewTable.setColumnCount(0)

    def _previewed(self, generation: int, found: ImportPreview, *, fresh: bool) -> None:
        if generation != self._generation:
            return
        self._preview = found
        if fresh:
            self._fill_mapping(found)
        self._show_facts()
        self._fill_preview(found)
        self._mapping_changed(refresh=False)

    def _read_failed(self, generation: int, error: KnownError) -> None:
        if generation != self._generation:
            return
        self._preview = None
        self._clear_file_page()
        self._show(self.ui.fileErrorLabel, error.message)
        self._update_buttons()

    def _show_facts(self) -> None:
        found = self._preview
        if found is None:
            return
        if found.source_kind == "csv":
            facts = self.tr("CSV file, read as {encoding}; header in row {row}; {count} data rows.").format(
                encoding=_ENCODINGS.get(found.encoding, found.encoding.upper()), row=found.header_rows,
                count=found.total_rows)
        else:
            facts = self.tr("Sheet “{sheet}”; header in row {row}; {count} data rows.").format(
                sheet=found.sheet_name, row=found.header_rows, count=found.total_rows)
        if found.not_people:
            facts += " " + self.tr("{count} of them are no members (totals, signatures, notes or empty lines) and "
                                   "are left out.").format(count=len(found.not_people))
        self._show(self.ui.factsLabel, facts)
        self._show(self.ui.fileWarningsLabel, "\n".join("• " + w for w in found.warnings))
        shown = len(found.rows)
        note = self.tr("Showing the first {shown} of {count} rows.").format(shown=shown, count=found.total_rows)
        if any(row.flags and row.row not in found.not_people for row in found.rows):  # (those are greyed, not tinted)
            note += " " + self.tr("Tinted cells need a look: point at one to see why.")
        self._show(self.ui.previewNote, note)

    def _fill_mapping(self, found: ImportPreview) -> None:
        table = self.ui.mappingTable
        table.setRowCount(len(found.headers))
        self._combos = []
        for index, (letter, header) in enumerate(zip(found.column_letters, found.headers, strict=True)):
            letter_item = QTableWidgetItem(letter)
            letter_item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            header_item = QTableWidgetItem(header)
            header_item.setToolTip(header)
            table.setItem(index, 0, letter_item)
            table.setItem(index, 1, header_item)
            combo = QComboBox(table)
            combo.addItem(self.tr("Do not import"), None)
            for field_key in FIELD_KEYS:
                combo.addItem(FIELD_LABELS[field_key] + (" *" if field_key in REQUIRED_FIELDS else ""), field_key)
            guess = found.mapping.get(index)
            combo.setCurrentIndex(0 if guess is None else FIELD_KEYS.index(guess) + 1)
            combo.currentIndexChanged.connect(lambda _i: self._mapping_changed(refresh=True))
            combo.setAccessibleName(self.tr("Column {letter} imported as").format(letter=letter))
            table.setCellWidget(index, 2, combo)
            self._combos.append(combo)
        self._add_fixed_rows(len(found.headers))

    def _add_fixed_rows(self, first: int) -> None:
        """One row per fixable field under the file's columns: a value for every row when no column has it."""
        table = self.ui.mappingTable
        table.setRowCount(first + len(FIXABLE_FIELDS))
        self._fixed = {}
        for offset, key in enumerate(FIXABLE_FIELDS):
            row = first + offset
            mark = QTableWidgetItem()
            mark.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(row, 0, mark)
            table.setItem(row, 1, QTableWidgetItem())
            widget: QWidget
            table_of = fields.field(key).table
            if table_of is not None:
                combo = QComboBox(table)
                combo.addItem("", None)
                for _code, name in table_of.items():
                    combo.addItem(name, name)
                combo.currentIndexChanged.connect(lambda _i: self._fixed_changed())
                widget = combo
            else:
                edit = QLineEdit(table)
                edit.setMaxLength(fields.field(key).max_length or 200)
                edit.textChanged.connect(lambda _t: self._fixed_changed())
                widget = edit
            table.setCellWidget(row, 2, widget)
            self._fixed[key] = widget
        self._label_fixed_rows()

    def _label_fixed_rows(self) -> None:
        table = self.ui.mappingTable
        first = len(self._combos)
        for offset, key in enumerate(FIXABLE_FIELDS):
            item = table.item(first + offset, 1)
            widget = self._fixed.get(key)
            if item is None or widget is None:
                continue
            label = FIELD_LABELS[key] + (" *" if key in REQUIRED_FIELDS else "")
            item.setText(label)
            item.setToolTip(self.tr("The file has no column for {field}: the value chosen here is used for every "
                                    "row.").format(field=FIELD_LABELS[key]))
            mark = table.item(first + offset, 0)
            mark.setText(self.tr("All"))
            mark.setToolTip(self.tr("Same value for every row"))
            widget.setAccessibleName(self.tr("{field} for every row").format(field=FIELD_LABELS[key]))
            if isinstance(widget, QComboBox):
                widget.setItemText(0, self.tr("From the dates") if key == "category" else self.tr("Not set"))
            elif isinstance(widget, QLineEdit):
                widget.setPlaceholderText(self.tr("Not set"))

    def _fixed_changed(self) -> None:
        self._mapping_changed(refresh=False)
        self._plan = None
        self._update_buttons()

    def _show_required(self, mapping: dict[int, str]) -> None:
        """Name the required fields, and say what happens to those the file lacks."""
        if self._preview is None:
            self.ui.requiredLabel.hide()
            return
        present = set(mapping.values()) | set(self.fixed_values())
        lines = [self.tr("Required (marked *): {fields}.").format(
            fields="、".join(FIELD_LABELS[k] for k in REQUIRED_FIELDS))]
        absent = [k for k in REQUIRED_FIELDS if k not in present]
        if "gender" in absent:
            lines.append(self.tr("{field}: not in the file, read from each ID number.").format(
                field=FIELD_LABELS["gender"]))
        if "category" in absent:
            lines.append(self.tr("{field}: not in the file, read from the dates — with a {confirmed} it is "
                                 "{full}, without one {probationary}. Or choose one value below.").format(
                field=FIELD_LABELS["category"], confirmed=FIELD_LABELS["confirmed_on"], full="正式党员",
                probationary="预备党员"))
        lacking = [FIELD_LABELS[k] for k in absent if k not in _FILLED_IN]
        if lacking:
            lines.append(self.tr("Not in the file: {fields}. Every row will be rejected until a column is chosen "
                                 "for them.").format(fields="、".join(lacking)))
        self._show(self.ui.requiredLabel, "\n".join(lines))

    def _fill_preview(self, found: ImportPreview) -> None:
        table = self.ui.previewTable
        metrics = self.fontMetrics()
        table.setUpdatesEnabled(False)
        try:
            table.clear()
            table.setColumnCount(len(found.headers))
            table.setRowCount(len(found.rows))
            table.setHorizontalHeaderLabels([f"{letter} {header}".strip() for letter, header
                                             in zip(found.column_letters, found.headers, strict=True)])
            table.setVerticalHeaderLabels([str(row.row) for row in found.rows])
            widths = [metrics.horizontalAdvance(f"{letter} {header}") for letter, header
                      in zip(found.column_letters, found.headers, strict=True)]
            for r, row in enumerate(found.rows):
                if row.hidden:
                    head = table.verticalHeaderItem(r)
                    head.setText(self.tr("{row} (hidden)").format(row=row.row))
                    head.setToolTip(self.tr("This row is hidden in Excel."))
                skipped = found.not_people.get(row.row)
                for c, text in enumerate(row.texts):
                    item = QTableWidgetItem(text)
                    note = row.flags.get(c)
                    if skipped is not None:
                        item.setForeground(MUTED_COLOUR)
                        item.setToolTip(self.tr("Not a member ({reason}): left out.").format(reason=skipped))
                    elif note:
                        item.setBackground(FLAG_BACKGROUND)
                        item.setToolTip(note)
                    elif len(text) > 12:
                        item.setToolTip(text)
                    table.setItem(r, c, item)
                    widths[c] = max(widths[c], metrics.horizontalAdvance(text))
            # Fifty rows at most, so measuring them is cheap; no column wider than an ID number and a half.
            cap = metrics.horizontalAdvance("0") * 26
            for c, width in enumerate(widths):
                table.setColumnWidth(c, min(cap, width + metrics.horizontalAdvance("汉") * 2))
        finally:
            table.setUpdatesEnabled(True)

    def _mapping_changed(self, *, refresh: bool) -> None:
        mapping = self.mapping()
        chosen: dict[str, list[int]] = {}
        for index, combo in enumerate(self._combos):
            key = combo.currentData()
            if key is not None:
                chosen.setdefault(key, []).append(index)
        self._clashes = {key: columns for key, columns in chosen.items() if len(columns) > 1}
        clashing = {i for columns in self._clashes.values() for i in columns}
        table = self.ui.mappingTable
        for index in range(table.rowCount()):
            for column in (0, 1):
                item = table.item(index, column)
                if item is not None:
                    item.setBackground(CLASH_BACKGROUND if index in clashing else QColor(Qt.GlobalColor.transparent))
        self._grey_unmapped_columns(mapping)
        first = len(self._combos)
        for offset, key in enumerate(FIXABLE_FIELDS):
            table.setRowHidden(first + offset, key in mapping.values())
        self._label_fixed_rows()
        self._show_required(mapping)
        found = self._preview
        letters = found.column_letters if found is not None else []
        if self._clashes:
            key, columns = next(iter(self._clashes.items()))
            message = self.tr("“{field}” is chosen for more than one column ({columns}). Keep one and set the "
                              "others to “Do not import”.").format(
                field=FIELD_LABELS[key], columns="、".join(letters[i] for i in columns))
            self._show(self.ui.mappingErrorLabel, message)
        elif found is not None and "id_number" not in mapping.values():
            self._show(self.ui.mappingErrorLabel, self.tr(
                "Choose the column that holds the ID numbers ({field}): without it the rows cannot be matched "
                "to members.").format(field=FIELD_LABELS["id_number"]))
        else:
            self.ui.mappingErrorLabel.clear()
            self.ui.mappingErrorLabel.hide()
        fixed = self.fixed_values()
        # Required fields the file lacks are explained by requiredLabel; these are the optional ones.
        missing = [FIELD_LABELS[k] for k in FIELD_KEYS
                   if k not in mapping.values() and k not in fixed and k not in REQUIRED_FIELDS]
        if found is not None and missing:
            self._show(self.ui.missingLabel, self.tr(
                "Not in this file: {fields}. New members get these empty; members already in the roster keep "
                "what they have.").format(fields="、".join(missing)))
        else:
            self.ui.missingLabel.hide()
        if refresh:
            self._plan = None
            if not self._clashes:
                self._refresh.start()
        self._update_buttons()

    def _grey_unmapped_columns(self, mapping: dict[int, str]) -> None:
        table = self.ui.previewTable
        found = self._preview
        # Rows that are no members (合计, 填表人, empty lines) stay grey whatever their column.
        skipped = {r for r, row in enumerate(found.rows) if row.row in found.not_people} if found else set()
        for c in range(table.columnCount()):
            colour = MUTED_COLOUR if c not in mapping else self.palette().color(QPalette.ColorRole.Text)
            head = table.horizontalHeaderItem(c)
            if head is not None:
                head.setForeground(colour)
                head.setToolTip("" if c in mapping else self.tr("This column is not imported."))
            for r in range(table.rowCount()):
                item = table.item(r, c)
                if item is not None:
                    item.setForeground(MUTED_COLOUR if r in skipped else colour)

    def _can_go_next(self) -> bool:
        return (self._preview is not None and not self._clashes and "id_number" in self.mapping().values())
