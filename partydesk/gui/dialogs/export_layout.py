"""The first question of the roster export: which layout (完整版 or 报送版), and for 报送版 which columns.

完整版 holds every field for data exchange; 报送版 is the print layout a committee accepts. The choice, the
报送版 columns and the 制表人 name are remembered in QSettings between uses.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from partydesk.core.domain import fields
from partydesk.core.services.roster_export import PRINT_COLUMNS, Layout

LAYOUT_KEY = "export/layout"
COLUMNS_KEY = "export/print_columns"
PREPARER_KEY = "export/preparer"


class ExportLayoutDialog(QDialog):
    """Layout radio buttons, the 报送版 column list (checkable) and the 制表人 name."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("exportLayoutDialog")
        self.setWindowTitle(self.tr("Export roster"))
        layout = QVBoxLayout(self)
        self.full_radio = QRadioButton(self.tr("Complete (every field, for data exchange and import)"), self)
        self.full_radio.setObjectName("fullRadio")
        self.print_radio = QRadioButton(self.tr("For submission (print layout with sign-off lines)"), self)
        self.print_radio.setObjectName("printRadio")
        layout.addWidget(self.full_radio)
        layout.addWidget(self.print_radio)
        self.columns_label = QLabel(self.tr("Columns printed after the line number:"), self)
        layout.addWidget(self.columns_label)
        self.columns_list = QListWidget(self)
        self.columns_list.setObjectName("columnsList")
        chosen = self._saved_columns()
        for key in fields.export_order():
            item = QListWidgetItem(fields.label(key, short=True), self.columns_list)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in chosen else Qt.CheckState.Unchecked)
        # Sized from the font: most of the 25 fields in view at once, still inside a 768-pixel screen.
        self.columns_list.setMinimumHeight(self.fontMetrics().height() * 18)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        layout.addWidget(self.columns_list)
        form = QFormLayout()
        self.preparer_edit = QLineEdit(str(settings.value(PREPARER_KEY, "") or ""), self)
        self.preparer_edit.setObjectName("preparerEdit")
        self.preparer_edit.setPlaceholderText(self.tr("Contact person in the organisation details"))
        form.addRow(self.tr("Prepared by:"), self.preparer_edit)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(buttons)
        (self.print_radio if settings.value(LAYOUT_KEY, "full") == "print" else self.full_radio).setChecked(True)
        self.print_radio.toggled.connect(self._update)
        self.columns_list.itemChanged.connect(lambda _item: self._update())
        self._update()

    def _saved_columns(self) -> tuple[str, ...]:
        saved = self.settings.value(COLUMNS_KEY, "")
        keys = tuple(k for k in str(saved or "").split(",") if fields.is_field(k))
        return keys or PRINT_COLUMNS

    def _update(self) -> None:
        printing = self.print_radio.isChecked()
        for widget in (self.columns_label, self.columns_list, self.preparer_edit):
            widget.setEnabled(printing)
        self.ok_button.setEnabled(not printing or bool(self.columns()))

    def layout_choice(self) -> Layout:
        """"print" or "full"."""
        return "print" if self.print_radio.isChecked() else "full"

    def columns(self) -> list[str]:
        """The ticked 报送版 columns, in 花名册 order."""
        items = (self.columns_list.item(n) for n in range(self.columns_list.count()))
        return [str(i.data(Qt.ItemDataRole.UserRole)) for i in items if i.checkState() == Qt.CheckState.Checked]

    def preparer(self) -> str | None:
        """The 制表人 typed, or None for the organisation's contact person."""
        return self.preparer_edit.text().strip() or None

    def accept(self) -> None:
        """Remember the choices, then close."""
        self.settings.setValue(LAYOUT_KEY, self.layout_choice())
        self.settings.setValue(COLUMNS_KEY, ",".join(self.columns()))
        self.settings.setValue(PREPARER_KEY, self.preparer_edit.text().strip())
        super().accept()
