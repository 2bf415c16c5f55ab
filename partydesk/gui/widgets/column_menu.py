"""The roster's column chooser: one checkable entry per column and "default columns", remembered.

The choice is saved in the settings as a comma-joined list of column ids (QSettings in ini files turns
a one-item list into a str, so a joined string is the simplest form that survives both back ends).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView, QWidget

from partydesk.gui.models.roster_model import COLUMNS, column_index


class ColumnMenu(QMenu):
    """Shows and hides ``view``'s columns; ``fixed`` ones (the name) can never be hidden."""

    def __init__(self, view: QTableView, settings: QSettings, key: str, *, default: Sequence[str],
                 fixed: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view, self._settings, self._key = view, settings, key
        self._default, self._fixed = list(default), set(fixed)
        self.entries: dict[str, QAction] = {}
        for column in COLUMNS:
            action = QAction(self)
            action.setCheckable(True)
            action.setEnabled(column.id not in self._fixed)
            action.toggled.connect(lambda on, cid=column.id: self._toggled(cid, on))
            self.addAction(action)
            self.entries[column.id] = action
        self.addSeparator()
        self.default_action = QAction(self)
        self.default_action.triggered.connect(lambda: self.set_visible(self._default))
        self.addAction(self.default_action)

    def visible(self) -> list[str]:
        """Ids of the columns shown, in model order."""
        return [c.id for n, c in enumerate(COLUMNS) if not self._view.isColumnHidden(n)]

    def set_visible(self, column_ids: Sequence[str]) -> None:
        """Show exactly these columns (and the fixed ones) and remember the choice."""
        wanted = set(column_ids) | self._fixed
        for number, column in enumerate(COLUMNS):
            self._view.setColumnHidden(number, column.id not in wanted)
            action = self.entries[column.id]
            action.blockSignals(True)
            action.setChecked(column.id in wanted)
            action.blockSignals(False)
        self._save()

    def restore(self) -> None:
        """Apply the remembered choice, or the default one."""
        saved = self._settings.value(self._key)
        known = {c.id for c in COLUMNS}
        ids = [i for i in str(saved).split(",") if i in known] if saved else []
        self.set_visible(ids or self._default)

    def retranslate(self, default_text: str) -> None:
        """Entry texts from the model's (translated) headers."""
        self.default_action.setText(default_text)
        model = self._view.model()
        for column in COLUMNS:
            self.entries[column.id].setText(str(model.headerData(column_index(column.id), Qt.Orientation.Horizontal)))

    def _save(self) -> None:
        self._settings.setValue(self._key, ",".join(self.visible()))

    def _toggled(self, column_id: str, on: bool) -> None:
        self._view.setColumnHidden(column_index(column_id), not on)
        self._save()

