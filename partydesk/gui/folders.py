"""Where a file dialog opens when the user has not chosen a folder yet: the Documents folder, never the
folder the program happens to run in (on an office PC, its install folder); the USB stick when one is in;
and opening a file or link with the system's own program, saying so when there is none."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QStorageInfo, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget


def documents_folder() -> Path:
    """The user's Documents folder, or home when the system names none or it does not exist (a file dialog
    given a folder that is not there puts its name in the file-name box)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def open_with_system(parent: QWidget, target: Path | QUrl) -> bool:
    """Open a file (or a web link) with the program the system has for it; when it has none, or the file
    cannot be opened, say so and where the file is, instead of doing nothing. False when it was not opened."""
    url = QUrl.fromLocalFile(str(target)) if isinstance(target, Path) else target
    if QDesktopServices.openUrl(url):
        return True
    where = str(target) if isinstance(target, Path) else target.toString()
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
