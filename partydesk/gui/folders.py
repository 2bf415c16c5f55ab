"""Where a file dialog opens: the folder last used for that kind of file (remembered in QSettings), else the
last folder used for any file, else the Documents folder — never the folder the program happens to run in
(on an office PC, its install folder); the USB stick when one is in; and opening a file or link with the
system's own program, saying so when there is none.

Every file dialog asks through ``ask_save_file``, ``ask_open_file`` or ``ask_open_files``, or reads
``start_folder`` and calls ``remember_folder`` itself, so a save to a folder makes the next dialog open there,
whatever the kind of file, until a file of its own kind was chosen elsewhere. The kinds are the constants below.
(The roster import and export and the sync wizards keep their own folders under their own keys.)
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, QSettings, QStandardPaths, QStorageInfo, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

# Kinds of file, each remembering its own folder ("folders/<kind>" in QSettings).
DOCUMENTS = "documents"  # what the program writes for people: minutes, registers, reports, cards, charts
ATTACHMENTS = "attachments"  # files chosen to keep with a record: meeting attachments, proofs, materials
PHOTOS = "photos"  # photos for an activity brief
KEY_CARDS = "keycards"  # .pdkey cards: ours saved to the stick, the other office's read from it
_KEY = "folders/{kind}"
_ANY = "folders/last"  # the folder of the last file chosen in any dialog


def documents_folder() -> Path:
    """The user's Documents folder, or home when the system names none or it does not exist (a file dialog
    given a folder that is not there puts its name in the file-name box)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def _settings(settings: QSettings | None) -> QSettings:
    from partydesk.gui.languages import make_settings

    return settings if settings is not None else make_settings()


def _folder(value: object) -> Path | None:
    text = str(value or "")
    return Path(text) if text and Path(text).is_dir() else None


def per_database(key: str, db_path: Path | None) -> str:
    """A settings key of one database's own (the sync wizards' last folders): a committee's file and a branch's
    on one computer do not offer each other's sticks and folders."""
    if db_path is None:
        return key
    return f"{key}/{hashlib.sha1(str(db_path.resolve()).encode('utf-8')).hexdigest()[:16]}"


def remembered_folder(settings: QSettings | None, kind: str) -> Path | None:
    """The folder last used for ``kind``, while it still exists (a stick taken out is not), else None."""
    return _folder(_settings(settings).value(_KEY.format(kind=kind)))


def start_folder(settings: QSettings | None, kind: str, fallback: Path | None = None) -> Path:
    """The folder a dialog for ``kind`` opens in: the one last used for that kind, else the last one used at all
    (each only while it still exists), else ``fallback``, else Documents."""
    return (remembered_folder(settings, kind) or _folder(_settings(settings).value(_ANY)) or fallback
            or documents_folder())


def remember_folder(settings: QSettings | None, kind: str, chosen: str | Path) -> None:
    """Remember the folder of ``chosen`` (a file, or a folder itself) for ``kind`` and as the last one used."""
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    store = _settings(settings)
    store.setValue(_KEY.format(kind=kind), str(folder))
    store.setValue(_ANY, str(folder))


def ask_save_file(parent: QWidget | None, settings: QSettings | None, kind: str, title: str, file_name: str,
                  file_filter: str = "") -> str:
    """``QFileDialog.getSaveFileName`` offering ``file_name`` in ``kind``'s folder; the chosen path ("" when
    cancelled), its folder remembered."""
    start = start_folder(settings, kind) / file_name
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(start), file_filter)
    if chosen:
        remember_folder(settings, kind, chosen)
    return str(chosen or "")


def ask_open_file(parent: QWidget | None, settings: QSettings | None, kind: str, title: str, file_filter: str = "",
                  *, fallback: Path | None = None) -> str:
    """``QFileDialog.getOpenFileName`` in ``kind``'s folder; the chosen file ("" when cancelled), its folder
    remembered."""
    chosen, _filter = QFileDialog.getOpenFileName(parent, title, str(start_folder(settings, kind, fallback)),
                                                  file_filter)
    if chosen:
        remember_folder(settings, kind, chosen)
    return str(chosen or "")


def ask_open_files(parent: QWidget | None, settings: QSettings | None, kind: str, title: str,
                   file_filter: str = "") -> list[str]:
    """``QFileDialog.getOpenFileNames`` in ``kind``'s folder; the chosen files, their folder remembered."""
    chosen, _filter = QFileDialog.getOpenFileNames(parent, title, str(start_folder(settings, kind)), file_filter)
    if chosen:
        remember_folder(settings, kind, chosen[0])
    return [str(c) for c in chosen]


def open_with_system(parent: QWidget | None, target: Path | QUrl) -> bool:
    """Open a file (or a web link) with the program the system has for it; when it has none, or the file
    cannot be opened, say so and where the file is, instead of doing nothing. False when it was not opened."""
    url = QUrl.fromLocalFile(str(target)) if isinstance(target, Path) else target
    if QDesktopServices.openUrl(url):
        return True
    # A file is named by its folder path as the office's file manager shows it, not as a file:/// address.
    local = str(target) if isinstance(target, Path) else (target.toLocalFile() if target.isLocalFile() else "")
    where = QDir.toNativeSeparators(local) if local else url.toString()
    QMessageBox.information(parent, QCoreApplication.translate("OpenFile", "Cannot open"), QCoreApplication.translate(
        "OpenFile", "This computer has no program set up to open it. It is here:\n{where}").format(where=where))
    return False


def removable_folder() -> Path | None:
    """A mounted removable drive (USB stick), if one is found; else None."""
    for volume in QStorageInfo.mountedVolumes():
        root = volume.rootPath()
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly():
            continue
        if root.startswith(("/media/", "/run/media/")) or (len(root) <= 3 and root[:1] not in "Cc" and ":" in root):
            return Path(root)
    return None
