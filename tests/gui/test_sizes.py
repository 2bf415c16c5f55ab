"""File sizes as the notices panel and the USB backup dialog show them."""

from __future__ import annotations

import pytest

from partydesk.gui.sizes import file_size


@pytest.mark.parametrize(("size", "shown"), [(0, "0 B"), (19, "19 B"), (1023, "1023 B"), (1024, "1 KB"),
                                             (12_800, "12 KB"), (1024 * 1024 - 1, "1.0 MB"),
                                             (1024 * 1024, "1.0 MB"), (3_565_158, "3.4 MB")])
def test_a_small_file_is_not_shown_as_a_kilobyte(size: int, shown: str) -> None:
    assert file_size(size) == shown
