"""A file's size as the office reads it: bytes under a kilobyte, then KB, then MB with one decimal."""

from __future__ import annotations

KB = 1024
MB = 1024 * KB


def file_size(size: int) -> str:
    """``size`` bytes in words: "19 B", "12 KB", "3.4 MB" (a small file is not shown as "1 KB")."""
    if size < KB:
        return f"{size} B"
    if round(size / KB) < KB:
        return f"{round(size / KB)} KB"
    return f"{size / MB:.1f} MB"
