"""File sizes as the notices panel and the USB backup dialog show them."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from partydesk.gui import languages
from partydesk.gui.sizes import file_size


@pytest.mark.parametrize(("size", "shown"), [(0, "0 bytes"), (19, "19 bytes"), (1023, "1023 bytes"), (1024, "1 KB"),
                                             (12_800, "12 KB"), (1024 * 1024 - 1, "1.0 MB"),
                                             (1024 * 1024, "1.0 MB"), (3_565_158, "3.4 MB")])
def test_a_small_file_is_not_shown_as_a_kilobyte(size: int, shown: str) -> None:
    assert file_size(size) == shown


def test_bytes_are_said_in_chinese(app: QApplication) -> None:
    """Under a kilobyte the Chinese screen says 字节, not a bare "B"."""
    languages.install_language(app, "zh_CN")
    assert file_size(56) == "56 字节"
