"""Tab leaves every many-line field of the forms (minutes, decisions, a notice's text, notes), as it leaves
every other field: a field where Tab types a tab character traps the keyboard (the fields after it, and the
dialog's buttons, could only be reached with the mouse) and leaves stray tabs in the saved text."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit, QTextEdit, QWidget

import partydesk.gui.forms as forms

_FORMS = sorted(m.name for m in pkgutil.iter_modules(forms.__path__) if m.name.startswith("ui_"))


@pytest.mark.parametrize("name", _FORMS)
def test_tab_leaves_each_editable_many_line_field(name: str, app: QApplication) -> None:
    module = importlib.import_module(f"partydesk.gui.forms.{name}")
    (form_class,) = [v for k, v in vars(module).items() if k.startswith("Ui_")]
    host = QDialog()
    form = form_class()
    try:
        form.setupUi(host)
    except AttributeError:  # a page's form, set up on a plain widget
        host = QWidget()
        form.setupUi(host)
    fields = [f for f in host.findChildren(QPlainTextEdit) + host.findChildren(QTextEdit) if not f.isReadOnly()]
    trapping = [f.objectName() for f in fields if not f.tabChangesFocus()]
    assert trapping == [], f"{name}: Tab types a tab character in {trapping}"
    host.deleteLater()
