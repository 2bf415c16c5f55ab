"""Writing a package to the stick: the file is read back before the stick is called safe to remove. A stick
that gives back other bytes than were written (or a shorter or longer file) fails the export with the
reason, leaves no package file, records no package and uses no channel number."""

from __future__ import annotations

from pathlib import Path

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.errors import KnownError
from partydesk.core.services import sync_export
from partydesk.core.services.sync_export import export_package
from partydesk.core.storage import sync_repo
from tests.core.exchange.conftest import Sites


def spoil_after_writing(monkeypatch: pytest.MonkeyPatch, spoil: str) -> None:
    real = sync_export.fsync_directory

    def then_spoil(folder: Path) -> None:
        real(folder)
        for path in folder.glob("*.pdsync"):
            data = bytearray(path.read_bytes())
            if spoil == "flip":
                data[len(data) // 2] ^= 0x10
            elif spoil == "short":
                data = data[:-1]
            else:
                data += b"\0"
            path.write_bytes(bytes(data))

    monkeypatch.setattr(sync_export, "fsync_directory", then_spoil)


@pytest.mark.parametrize("spoil", ["flip", "short", "long"])
def test_a_stick_giving_back_other_bytes_fails_the_export_and_keeps_nothing(
        sites: Sites, monkeypatch: pytest.MonkeyPatch, spoil: str) -> None:
    spoil_after_writing(monkeypatch, spoil)
    with pytest.raises(KnownError) as caught:
        export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick)
    assert caught.value.code == "verify_failed" and "U盘" in caught.value.message
    assert list(sites.stick.iterdir()) == []
    with sites.branch.read() as session:
        assert sync_repo.packages(session) == []
    monkeypatch.undo()
    again = export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick)
    assert again.channel_seq == 1
