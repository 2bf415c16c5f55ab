"""A member picked by typing into a combo box: a name, or its pinyin in full or by initials (zs, zhangsan),
matched anywhere, as the roster's search box does. Each item carries its searchable text in ``SEARCH_ROLE``
(``searchable_text``); the completer puts only the name into the field."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QCompleter

from partydesk.core.domain.pinyin import pinyin_key

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2  # "name pinyin initials": what the completer matches


class NameCompleter(QCompleter):
    """Matches anywhere in name and pinyin, but puts only the item's text into the field."""

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


def searchable_text(name: str) -> str:
    """What a typed search matches of a member called ``name``: the name, its full pinyin and its initials."""
    return f"{name} {pinyin_key(name)}"


def search_names(combo: QComboBox) -> None:
    """Make ``combo`` (editable) complete what is typed from its items' ``SEARCH_ROLE`` texts."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = NameCompleter(combo.model(), combo)
    completer.setCompletionRole(SEARCH_ROLE)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    combo.setCompleter(completer)


def chosen(combo: QComboBox) -> object | None:
    """The data of the item whose text is in the field now (a name typed whole counts), else None."""
    index = combo.findText(combo.currentText().strip(), Qt.MatchFlag.MatchExactly)
    return combo.itemData(index) if index >= 0 else None
