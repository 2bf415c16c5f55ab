"""RELIABILITY D-9 / ST-3: the database location check, with the drive type, platform and environment mocked."""

from __future__ import annotations

from pathlib import Path

import pytest

from partydesk.core.location import (
    DRIVE_CDROM,
    DRIVE_FIXED,
    DRIVE_NO_ROOT,
    DRIVE_RAMDISK,
    DRIVE_REMOTE,
    DRIVE_REMOVABLE,
    DRIVE_UNKNOWN,
    location_risk,
)


class Drives:
    """A GetDriveTypeW stand-in: ``Drives(C=DRIVE_FIXED, E=DRIVE_REMOVABLE)``; records the roots asked."""

    def __init__(self, **kinds: int) -> None:
        self.kinds = kinds
        self.asked: list[str] = []

    def __call__(self, root: str) -> int:
        self.asked.append(root)
        return self.kinds[root[0].upper()]


def never_asked(root: str) -> int:
    """A drive-type function that must not be called."""
    raise AssertionError(f"drive type asked for {root!r}")


def windows_risk(path: str, *, env: dict[str, str] | None = None, **kinds: int) -> str | None:
    """The warning for a Windows ``path`` on drives of the given kinds (none given: no lookup allowed)."""
    return location_risk(Path(path), platform="win32", environ=env or {},
                         drive_type=Drives(**kinds) if kinds else never_asked)


def test_local_fixed_drive_is_safe() -> None:
    """The default place, %LOCALAPPDATA% on C:, is a fixed disk: no warning; the drive root is what is asked."""
    drive_type = Drives(C=DRIVE_FIXED)
    path = Path(r"C:\Users\李明\AppData\Local\partydesk\partydesk.db")
    assert location_risk(path, platform="win32", environ={}, drive_type=drive_type) is None
    assert drive_type.asked == ["C:\\"]


def test_removable_drive_is_refused_with_a_usb_warning() -> None:
    """A database on a USB stick warns that pulling it out can destroy the file."""
    path = r"E:\党务资料\partydesk.db"
    warning = windows_risk(path, E=DRIVE_REMOVABLE)
    assert warning is not None
    assert "可移动磁盘" in warning and "U 盘" in warning
    assert path in warning


def test_mapped_network_drive_is_refused() -> None:
    """A mapped drive letter that GetDriveTypeW reports as remote gets the network warning."""
    warning = windows_risk(r"Z:\支部\partydesk.db", Z=DRIVE_REMOTE)
    assert warning is not None
    assert "网络共享盘" in warning


@pytest.mark.parametrize("path", [r"\\fileserver\党建\partydesk.db", "//fileserver/党建/partydesk.db"])
def test_unc_path_is_refused_without_asking_the_drive_type(path: str) -> None:
    """A UNC path is a network share by its shape alone; no drive letter is looked up."""
    warning = windows_risk(path)
    assert warning is not None
    assert "网络共享盘" in warning


@pytest.mark.parametrize("kind", [DRIVE_CDROM, DRIVE_RAMDISK, DRIVE_UNKNOWN, DRIVE_NO_ROOT])
def test_cdrom_ramdisk_and_unknown_drives_are_refused(kind: int) -> None:
    """CD-ROM, RAM disk and drives Windows cannot classify are no place to keep data."""
    warning = windows_risk(r"D:\partydesk.db", D=kind)
    assert warning is not None
    assert "磁盘类型不适合" in warning


@pytest.mark.parametrize("var", ["OneDrive", "OneDriveCommercial", "OneDriveConsumer"])
def test_path_under_a_onedrive_variable_is_refused(var: str) -> None:
    """OneDrive's folder (wherever Known Folder Move put it) is found through its environment variable."""
    env = {var: r"D:\云端\工作资料"}  # a renamed folder, so only the variable can tell
    warning = windows_risk(r"d:\云端\工作资料\文档\partydesk.db", env=env, D=DRIVE_FIXED)
    assert warning is not None
    assert "云同步文件夹" in warning


def test_onedrive_variable_does_not_flag_a_sibling_folder() -> None:
    """Only paths inside the OneDrive folder are flagged, not a folder whose name merely starts the same."""
    env = {"OneDrive": r"D:\云端\工作资料"}
    assert windows_risk(r"D:\云端\工作资料备份\partydesk.db", env=env, D=DRIVE_FIXED) is None


def test_empty_onedrive_variable_flags_nothing() -> None:
    """An empty OneDrive variable (client uninstalled) does not turn every path into a cloud path."""
    assert windows_risk(r"C:\partydesk\partydesk.db", env={"OneDrive": ""}, C=DRIVE_FIXED) is None


@pytest.mark.parametrize("path", [
    r"D:\百度网盘\党建\partydesk.db",
    r"C:\Users\李明\BaiduNetdisk\partydesk.db",
    r"C:\Users\李明\OneDrive\文档\partydesk.db",
    r"C:\Users\李明\坚果云\partydesk.db",
])
def test_known_sync_client_folders_are_refused(path: str) -> None:
    """Sync clients' folders are recognised by name even without an environment variable."""
    warning = windows_risk(path, C=DRIVE_FIXED, D=DRIVE_FIXED)
    assert warning is not None
    assert "云同步文件夹" in warning
    assert path in warning


def test_sync_folder_is_refused_on_other_systems_too() -> None:
    """The cloud-folder check does not depend on Windows."""
    warning = location_risk(Path("/home/li/百度网盘/partydesk.db"), platform="linux", environ={},
                            drive_type=never_asked)
    assert warning is not None
    assert "云同步文件夹" in warning


def test_plain_path_on_other_systems_is_safe_without_drive_lookup() -> None:
    """On Linux or macOS a plain local path is accepted, and Windows drive types are never asked."""
    path = Path("/home/li/.local/share/partydesk/partydesk.db")
    assert location_risk(path, platform="linux", environ={}, drive_type=never_asked) is None
    assert location_risk(path, platform="darwin", environ={}, drive_type=never_asked) is None
