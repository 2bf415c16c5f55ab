"""Drafts: saved atomically and privately, offered back after the writing process is killed mid-typing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from partydesk.core import drafts

# A child that "types": it saves a growing draft as fast as it can, announcing each save on stdout.
CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from partydesk.core import drafts
    folder, key = Path(sys.argv[1]), sys.argv[2]
    body = ""
    n = 0
    while True:
        n += 1
        body += "记"
        drafts.save(folder, key, None, {"topic": "学习贯彻全会精神", "body": body, "n": n})
        print(n, flush=True)
""")


def test_a_draft_survives_its_writer_being_killed(tmp_path: Path) -> None:
    folder, key = tmp_path / "drafts", drafts.new_key()
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(folder), key], stdout=subprocess.PIPE, text=True,
                             cwd=Path(__file__).resolve().parents[2])
    assert child.stdout is not None
    seen = 0
    deadline = time.monotonic() + 30
    while seen < 40 and time.monotonic() < deadline:
        seen = int(child.stdout.readline())
    os.kill(child.pid, signal.SIGKILL if hasattr(signal, "SIGKILL") else signal.SIGTERM)
    child.wait(10)
    child.stdout.close()
    assert seen >= 40
    (draft,) = drafts.leftovers(folder)
    assert draft.key == key and draft.meeting_id is None
    # Killed between saves or inside one: the draft is a whole one, at least as new as the last announced.
    assert draft.state["n"] >= seen and draft.state["body"] == "记" * draft.state["n"]
    assert draft.state["topic"] == "学习贯彻全会精神"
    # A temp file of a save torn by the kill is left alone while fresh, and cleared once stale.
    for temp in folder.glob(".*.tmp"):
        os.utime(temp, (time.time() - drafts.STALE_TEMP_S - 5,) * 2)
    drafts.leftovers(folder)
    assert [p.name for p in folder.iterdir()] == [f"meeting-{key}.json"]


def test_a_fresh_temp_file_is_not_removed(tmp_path: Path) -> None:
    """It may be a save under way on the file lane."""
    folder = tmp_path / "drafts"
    folder.mkdir()
    temp = folder / ".meeting-x.json.abc.tmp"
    temp.write_bytes(b"{")
    assert drafts.leftovers(folder) == [] and temp.exists()


def test_drafts_are_private_newest_first_and_discarded(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    folder = tmp_path / "drafts"
    drafts.save(folder, "m1", "m1", {"a": 1}, now=datetime(2026, 11, 30, 8, 0, tzinfo=UTC))
    new = drafts.new_key()
    path = drafts.save(folder, new, None, {"a": 2}, now=datetime(2026, 11, 30, 9, 0, tzinfo=UTC))
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
    assert [d.key for d in drafts.leftovers(folder)] == [new, "m1"]
    assert drafts.for_meeting(folder, "m1").state == {"a": 1}  # type: ignore[union-attr]
    assert drafts.for_meeting(folder, None).key == new  # type: ignore[union-attr]
    drafts.discard(folder, "m1")
    assert drafts.for_meeting(folder, "m1") is None


def test_a_damaged_draft_is_skipped_not_raised(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "meeting-x.json").write_text("{not json", encoding="utf-8")
    assert drafts.leftovers(folder) == []
    assert drafts.leftovers(tmp_path / "none") == []


@pytest.mark.parametrize("key", ["", "../etc", "a/b", "x.json"])
def test_draft_keys_cannot_leave_the_folder(tmp_path: Path, key: str) -> None:
    with pytest.raises(ValueError):
        drafts.path_for(tmp_path, key)
