"""The Chinese translation is complete, current with the sources, built, and loads Qt's own strings too."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from partydesk.gui import buildtools, languages

LANG = "zh_CN"
TS = buildtools.ts_path(LANG)
QM = buildtools.qm_path(LANG)
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%\d")


def _messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TS).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message.find("translation"))  # type: ignore[misc]
        for context in root.iter("context") for message in context.iter("message")
    ]


def test_ts_has_no_unfinished_vanished_or_obsolete_entries() -> None:
    """Every entry is translated, and none is left over from deleted source strings."""
    assert _messages(), "the .ts is empty"
    bad = [
        (context, source, translation.get("type"))
        for context, source, translation in _messages()
        if translation.get("type") in {"unfinished", "vanished", "obsolete"} or not (translation.text or "").strip()
    ]
    assert bad == []


def test_translations_keep_placeholders_and_shortcut_keys() -> None:
    """{path}-style placeholders survive translation, and a menu mnemonic (&F) stays in the translation."""
    for context, source, translation in _messages():
        text = translation.text or ""
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), (context, source)
        if "&" in source.replace("&&", ""):
            assert "&" in text, (context, source)


def test_every_source_string_is_in_the_ts(tmp_path: Path) -> None:
    """lupdate over partydesk/gui and ui/ adds or drops nothing: the committed .ts is current."""
    copy = tmp_path / TS.name
    shutil.copyfile(TS, copy)
    buildtools.update_ts(copy, LANG)
    assert copy.read_text(encoding="utf-8") == TS.read_text(encoding="utf-8"), (
        "run `python -m partydesk.gui.buildtools translations` and translate the new strings"
    )


def test_qm_is_built_from_the_current_ts(tmp_path: Path) -> None:
    """The committed .qm is exactly what lrelease makes of the committed .ts."""
    fresh = tmp_path / QM.name
    buildtools.release(TS, fresh)
    assert QM.read_bytes() == fresh.read_bytes(), "run `python -m partydesk.gui.buildtools translations`"


def test_buildtools_check_passes() -> None:
    """`python -m partydesk.gui.buildtools check` finds nothing stale."""
    assert buildtools.stale_products() == []


@pytest.mark.usefixtures("app")
def test_chinese_loads_our_strings_and_qt_standard_buttons() -> None:
    """With zh_CN installed our strings and Qt's standard buttons read in Chinese; English removes both."""
    application = QApplication.instance()
    assert application is not None
    assert languages.install_language(application, LANG) == LANG
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Ok)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    assert QCoreApplication.translate("MainWindow", "Settings") == "设置"
    languages.install_language(application, "en")
    assert QCoreApplication.translate("MainWindow", "Settings") == "Settings"
    english = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert english.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Cancel"


@pytest.mark.usefixtures("app")
def test_unknown_language_falls_back_to_chinese() -> None:
    """A language we do not ship (from an old settings file, say) gives the default, Chinese."""
    application = QApplication.instance()
    assert application is not None
    assert languages.install_language(application, "fr") == languages.DEFAULT_LANGUAGE
    assert QCoreApplication.translate("MainWindow", "Settings") == "设置"


def test_saved_language_defaults_to_chinese_and_is_remembered(settings: QSettings) -> None:
    """First start is Chinese; a saved choice comes back; rubbish in the settings file is ignored."""
    assert languages.saved_language(settings) == "zh_CN"
    languages.save_language(settings, "en")
    assert languages.saved_language(QSettings(settings.fileName(), QSettings.Format.IniFormat)) == "en"
    settings.setValue(languages.LANGUAGE_KEY, "klingon")
    assert languages.saved_language(settings) == "zh_CN"
