"""Interface languages: installing translators at start-up and at run time, and remembering the choice.

English is the source language of every string; Chinese (zh_CN) is the default. A language is our own
``partydesk_<lang>.qm`` plus Qt's ``qtbase_<lang>.qm`` (so standard buttons read 确定 / 取消). Switching
at run time swaps the translators; Qt then sends every widget a LanguageChange event, on which pages
re-run ``retranslateUi``; ``Hub.languageChanged`` tells non-widget listeners (models, titles).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QSettings, QTranslator

from partydesk.paths import resources_dir

if TYPE_CHECKING:
    from partydesk.gui.hub import Hub

log = logging.getLogger(__name__)

APP_NAME = "partydesk"
ORG_NAME = "partydesk"
# Each language's name in itself: a user who cannot read the current language can still find theirs.
LANGUAGES: dict[str, str] = {"zh_CN": "中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"
SOURCE_LANGUAGE = "en"
LANGUAGE_KEY = "ui/language"

# Strings of Qt's own file dialog that qtbase_zh_CN.qm leaves in English (Qt 6.11): (context, source).
QT_GAPS: dict[str, dict[tuple[str, str], str]] = {
    "zh_CN": {
        ("QFileDialog", "&Look in:"): "查找范围(&L)：",
        ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
        ("QAbstractFileIconProvider", "Folder"): "文件夹",
        ("QAbstractFileIconProvider", "File"): "文件",
        ("QAbstractFileIconProvider", "%1 File"): "%1 文件",
        ("QAbstractFileIconProvider", "Drive"): "驱动器",
        ("QAbstractFileIconProvider", "File Folder"): "文件夹",
    },
}


class QtGapTranslator(QTranslator):
    """Fills the few gaps of Qt's own translation (``QT_GAPS``), so Qt's file dialog is all Chinese."""

    def __init__(self, table: dict[tuple[str, str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table = table

    def isEmpty(self) -> bool:
        return not self._table

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        # None is a null QString: Qt then asks the next translator (an empty string would end the search).
        return self._table.get((context, source))


# The translators currently installed, so a switch can remove exactly them.
_translators: list[QTranslator] = []
_language = SOURCE_LANGUAGE


def translations_dir() -> Path:
    """Where our built .qm files are."""
    return resources_dir() / "translations"


def current_language() -> str:
    """The language installed last ("en" when none was)."""
    return _language


def install_language(app: QCoreApplication, lang: str, hub: Hub | None = None) -> str:
    """Install ``lang``'s translators instead of the current ones; returns the language now in effect.

    An unknown language falls back to the default. Safe to call again at run time: widgets get a
    LanguageChange event and ``hub.languageChanged`` is emitted.
    """
    global _language
    if lang not in LANGUAGES:
        log.warning("unknown language %r, using %s", lang, DEFAULT_LANGUAGE)
        lang = DEFAULT_LANGUAGE
    while _translators:
        translator = _translators.pop()
        app.removeTranslator(translator)
        translator.deleteLater()
    if lang != SOURCE_LANGUAGE:
        own = QTranslator(app)
        if own.load(f"partydesk_{lang}", str(translations_dir())):
            _translators.append(own)
        else:
            log.warning("translation partydesk_%s.qm not found in %s", lang, translations_dir())
        qt = QTranslator(app)
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _translators.append(qt)
        if lang in QT_GAPS:
            _translators.append(QtGapTranslator(QT_GAPS[lang], app))
        for translator in _translators:
            app.installTranslator(translator)
    # Dates, numbers and the calendar popup follow the interface language.
    QLocale.setDefault(QLocale(lang))
    _language = lang
    if hub is not None:
        hub.languageChanged.emit()
    return lang


def make_settings() -> QSettings:
    """The user's settings store (registry on Windows, an ini file elsewhere)."""
    return QSettings(ORG_NAME, APP_NAME)


def saved_language(settings: QSettings) -> str:
    """The remembered language, or the default (Chinese) on first start."""
    value = settings.value(LANGUAGE_KEY, DEFAULT_LANGUAGE)
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(settings: QSettings, lang: str) -> None:
    """Remember ``lang`` for the next start."""
    settings.setValue(LANGUAGE_KEY, lang)
    settings.sync()
