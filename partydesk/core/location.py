"""Warn when the database would sit on a removable, network or cloud-synced drive (ST-3, D-9).

Such places lose or corrupt SQLite files (sticks pulled out, sync clients copying half-written files).
The Windows checks sit behind ``drive_type`` so tests can drive them on any OS.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path, PureWindowsPath

# GetDriveTypeW results
DRIVE_UNKNOWN, DRIVE_NO_ROOT, DRIVE_REMOVABLE, DRIVE_FIXED, DRIVE_REMOTE, DRIVE_CDROM, DRIVE_RAMDISK = range(7)

SYNC_ENV_VARS = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")
SYNC_FOLDER_NAMES = ("onedrive", "dropbox", "百度网盘", "baidunetdisk", "坚果云", "nutstore", "wps云盘",
                     "wpsdrive", "icloud drive", "google drive", "seafile", "nextcloud")

DriveType = Callable[[str], int]


def windows_drive_type(root: str) -> int:
    """GetDriveTypeW for a root such as ``C:\\`` (Windows only)."""
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


def location_risk(
    path: Path,
    *,
    platform: str = sys.platform,
    environ: Mapping[str, str] | None = None,
    drive_type: DriveType | None = None,
) -> str | None:
    """A Chinese warning naming the risk of keeping the database at ``path``, or None when it is safe."""
    env = os.environ if environ is None else environ
    text = str(path)
    folded = text.replace("\\", "/").casefold()
    for var in SYNC_ENV_VARS:
        root = env.get(var)
        if root and folded.startswith(root.replace("\\", "/").casefold().rstrip("/") + "/"):
            return _cloud(text)
    if any(f"/{name}" in folded for name in SYNC_FOLDER_NAMES):
        return _cloud(text)
    if platform != "win32":
        return None
    win = PureWindowsPath(text)
    if win.drive.startswith("\\\\"):
        return _network(text)
    kind = (drive_type or windows_drive_type)(win.anchor or text[:3])
    if kind == DRIVE_REMOVABLE:
        return (f"数据库位于可移动磁盘（U 盘等）上：{text}。拔出或断电时文件可能损坏、丢失。"
                "请把数据库放在本机硬盘上，U 盘只用来存放备份和上报文件。")
    if kind == DRIVE_REMOTE:
        return _network(text)
    if kind in (DRIVE_CDROM, DRIVE_RAMDISK, DRIVE_UNKNOWN, DRIVE_NO_ROOT):
        return f"数据库所在的磁盘类型不适合长期保存数据：{text}。请把数据库放在本机硬盘上。"
    return None


def _network(text: str) -> str:
    return (f"数据库位于网络共享盘上：{text}。网络中断时数据库可能损坏，且多人同时打开会冲突。"
            "请把数据库放在本机硬盘上。")


def _cloud(text: str) -> str:
    return (f"数据库位于云同步文件夹（如 OneDrive、百度网盘）中：{text}。同步软件可能复制到写了一半的文件，"
            "造成数据损坏或泄露。请把数据库放在本机硬盘上的非同步文件夹中。")
