"""A killed backup or export leaves a full copy of the roster in a temp file; the next start removes it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from partydesk.core.demo import create_demo
from partydesk.core.instance import InstanceLock


def _run_until(script: str, marker: Path) -> None:
    """Run ``script`` in a child, wait until it creates ``marker``, then SIGKILL it."""
    with subprocess.Popen([sys.executable, "-c", textwrap.dedent(script)]) as proc:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert proc.poll() is None, "the child ended before reaching the kill point"
            assert time.monotonic() < deadline
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()


def _temps(folder: Path) -> list[Path]:
    return [p for p in folder.rglob(".*") if p.is_file() and ".tmp" in p.name]


def test_killed_export_temp_file_is_removed_at_next_start(tmp_path: Path) -> None:
    """An export killed half-way leaves its temp file on the stick; the next lock of the data folder removes it."""
    data = tmp_path / "data"
    stick = tmp_path / "stick"
    stick.mkdir()
    marker = tmp_path / "writing"
    _run_until(f"""
        import time
        from pathlib import Path
        from partydesk.core.instance import InstanceLock
        from partydesk.core.atomicfile import atomic_writer
        with InstanceLock(Path({str(data)!r})):
            with atomic_writer(Path({str(stick / "花名册.xlsx")!r})) as fh:
                fh.write(b"x" * 100_000)
                fh.flush()
                Path({str(marker)!r}).touch()
                time.sleep(60)
    """, marker)
    assert len(_temps(stick)) == 1
    assert not (stick / "花名册.xlsx").exists()
    with InstanceLock(data):
        pass
    assert _temps(stick) == []


def test_killed_backup_temp_file_is_removed_at_next_start(tmp_path: Path) -> None:
    """A backup killed while copying leaves a hidden temp copy in backups/; the next start removes it."""
    db = tmp_path / "data" / "pd.db"
    create_demo(db, seed=5, members=200)
    marker = tmp_path / "copying"
    _run_until(f"""
        import time
        from pathlib import Path
        from partydesk.core.instance import InstanceLock
        from partydesk.core.progress import Progress
        from partydesk.core.storage.backup import make_backup

        def stall(done, total, text=""):
            Path({str(marker)!r}).touch()
            time.sleep(60)

        with InstanceLock(Path({str(db.parent)!r})):
            make_backup(Path({str(db)!r}), Path({str(db.parent / "backups")!r}), reason="manual",
                        progress=Progress(stall))
    """, marker)
    assert _temps(db.parent / "backups")
    with InstanceLock(db.parent):
        pass
    assert _temps(db.parent) == []


def test_a_live_writer_temp_file_is_not_touched_by_a_refused_second_start(tmp_path: Path) -> None:
    """Cleaning happens only once the lock is ours: a second instance, refused, removes nothing."""
    data = tmp_path / "data"
    target = tmp_path / "out.xlsx"
    first = InstanceLock(data)
    first.acquire()
    try:
        from partydesk.core.atomicfile import atomic_writer
        from partydesk.core.errors import AlreadyRunningError

        with atomic_writer(target) as fh:
            fh.write(b"data")
            live = _temps(tmp_path)
            assert len(live) == 1
            with pytest.raises(AlreadyRunningError):
                InstanceLock(data).acquire()
            assert _temps(tmp_path) == live
    finally:
        first.release()
    assert target.read_bytes() == b"data"
