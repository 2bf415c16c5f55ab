"""Committed forms (partydesk/gui/forms/ui_*.py) match fresh pyside6-uic output of ui/*.ui."""

from __future__ import annotations

from pathlib import Path

from partydesk.gui import buildtools


def test_every_committed_form_matches_fresh_uic_output(tmp_path: Path) -> None:
    """A .ui edited without `python -m partydesk.gui.buildtools forms` fails here."""
    fresh = buildtools.build_forms(tmp_path)
    assert fresh, "ui/ holds no Designer files"
    stale = [
        path.name for path in fresh
        if (buildtools.FORMS_DIR / path.name).read_bytes() != path.read_bytes()
    ]
    assert stale == [], f"regenerate with `python -m partydesk.gui.buildtools forms`: {stale}"


def test_every_form_has_a_ui_source() -> None:
    """No generated form is left behind after its .ui was deleted."""
    expected = {buildtools.form_path(ui).name for ui in buildtools.ui_files()}
    present = {path.name for path in buildtools.FORMS_DIR.glob("ui_*.py")}
    assert present == expected
