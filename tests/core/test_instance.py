"""House rule 5 / ST-2: one process per data folder; a second one is refused, and a dead holder frees the lock."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.errors import AlreadyRunningError
from partydesk.core.instance import LOCK_NAME, InstanceLock
from partydesk.core.services.setup import OrganisationInput, initialise_site
from partydesk.core.storage.database import open_database

ROOT = Path(__file__).resolve().parents[2]

# Takes the lock, says so, then waits for stdin to close (or for the test to kill it).
HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from partydesk.core.instance import InstanceLock

    lock = InstanceLock(Path(sys.argv[1]))
    lock.acquire()
    print("LOCKED", flush=True)
    sys.stdin.read()
    """
)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    return env


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], Path]]:
    """Another process holding the lock on ``tmp_path/data``."""
    folder = tmp_path / "data"
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(folder)], cwd=ROOT, env=_env(), stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        if line != "LOCKED":
            proc.kill()
            pytest.fail(f"the lock holder did not start: {line!r}\n{proc.communicate()[1]}")
        yield proc, folder
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=30)


def test_second_instance_is_refused_with_a_chinese_message(
    holder: tuple[subprocess.Popen[str], Path],
) -> None:
    """While another process holds the data folder, acquiring raises AlreadyRunningError in Chinese."""
    _proc, folder = holder
    with pytest.raises(AlreadyRunningError) as info:
        InstanceLock(folder).acquire()
    assert info.value.code == "already_running"
    assert info.value.message.startswith("党支部工作台已经在运行")  # the program by its Chinese name
    assert "已经在运行" in str(info.value)


def test_lock_is_free_again_after_the_holder_is_killed(holder: tuple[subprocess.Popen[str], Path]) -> None:
    """A killed holder leaves its lock file behind, but not a stale lock: the next start gets in."""
    proc, folder = holder
    with pytest.raises(AlreadyRunningError):
        InstanceLock(folder).acquire()
    proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no clean-up code runs
    proc.wait(timeout=30)
    assert (folder / LOCK_NAME).exists()
    lock = InstanceLock(folder)
    lock.acquire()
    try:
        if sys.platform != "win32":  # Windows refuses reads of a locked byte range, even to its owner
            assert (folder / LOCK_NAME).read_text() == str(os.getpid())
    finally:
        lock.release()


def test_lock_can_be_taken_again_after_release(tmp_path: Path) -> None:
    """Release (or leaving the with-block) lets the same process take the lock again."""
    with InstanceLock(tmp_path):
        pass
    with InstanceLock(tmp_path), pytest.raises(AlreadyRunningError):
        InstanceLock(tmp_path).acquire()


def test_cli_refuses_a_database_whose_folder_is_locked(
    holder: tuple[subprocess.Popen[str], Path],
) -> None:
    """`partydesk backup --db` on a folder another process holds exits non-zero with the Chinese reason."""
    _proc, folder = holder
    db_path = folder / "partydesk.db"
    db = open_database(db_path)
    initialise_site(db, LOCAL_USER, organisation=OrganisationInput(name="中共示例支部委员会", code="1001"),
                    role="branch")
    db.close()
    before = db_path.read_bytes()

    result = subprocess.run(
        [sys.executable, "-m", "partydesk", "backup", "--db", str(db_path)], cwd=ROOT, env=_env(),
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "已经在运行" in result.stderr and "请先关闭程序窗口或等那条命令结束" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert not (folder / "backups").exists()
    assert db_path.read_bytes() == before
