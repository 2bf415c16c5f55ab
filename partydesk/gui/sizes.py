"""A file's size as the office reads it: bytes under a kilobyte (字节 in Chinese), then KB, then MB with one
decimal."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

KB = 1024
MB = 1024 * KB

translate = QCoreApplication.translate


def file_size(size: int) -> str:
    """``size`` bytes in words: "19 字节" ("19 bytes"), "12 KB", "3.4 MB" (a small file is not "1 KB")."""
    if size < KB:
        return translate("FileSize", "{count} bytes").format(count=size)
    if round(size / KB) < KB:
        return f"{round(size / KB)} KB"
    return f"{size / MB:.1f} MB"
