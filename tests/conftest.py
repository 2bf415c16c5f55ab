"""Shared fixtures. Sets the offscreen Qt platform before any QApplication exists."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("partydesk", database=None, deadline=None, print_blob=True)
settings.load_profile("partydesk")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

from partydesk.core.changes import LOCAL_USER  # noqa: E402
from partydesk.core.services.setup import OrganisationInput, initialise_site  # noqa: E402
from partydesk.core.storage.database import Database, open_database  # noqa: E402

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test under tests/gui with ``gui``."""
    gui_dir = HERE / "gui"
    for item in items:
        if gui_dir in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _root_logger_restored() -> Iterator[None]:
    """cli.main() adds a NullHandler to the root logger on every call; keep tests from piling them up."""
    import logging

    root = logging.getLogger()
    handlers = list(root.handlers)
    yield
    root.handlers[:] = handlers


@pytest.fixture(autouse=True)
def _collected_between_tests() -> Iterator[None]:
    """Once a QApplication exists the cyclic collector runs only when the GUI thread asks (core/collector.py);
    its timer seldom gets a turn inside a test, so what is due is collected here, on the main thread."""
    from partydesk.core import collector

    yield
    if collector.collects_on_one_thread():
        collector.collect_if_due()


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test ever touches the real per-user data folder."""
    monkeypatch.setenv("PARTYDESK_DATA_DIR", str(tmp_path_factory.mktemp("data")))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's database file goes."""
    return tmp_path / "partydesk.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """A fresh database, set up as a branch."""
    database = open_database(db_path)
    initialise_site(
        database, LOCAL_USER,
        organisation=OrganisationInput(name="中共示例社区第一支部委员会", code="1001", org_type="党支部"),
        role="branch",
    )
    # Its records go back before any date a test judges (tests use fixed dates; the set-up is today's):
    # a test of what happens before the records began dates them itself (``set_up_on``).
    set_up_on(database, date(2000, 1, 1))
    yield database
    database.close()


@contextmanager
def time_zone(zone: str) -> Iterator[None]:
    """This process's local time in ``zone`` (an IANA name) while inside, as it was after; ``time.tzset`` is
    POSIX's, so such a test runs where CI does, not on Windows."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


def set_up_on(database: Database, day: date) -> None:
    """Date the file's set-up (the day its records began: ``settings_repo.records_began``) to ``day``."""
    from partydesk.core.services.setup import date_records_back

    date_records_back(database, LOCAL_USER, day)


@pytest.fixture
def blank_db(db_path: Path) -> Iterator[Database]:
    """A fresh database before first-run set-up."""
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def cheap_offsite_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """USB backups keyed at the lowest scrypt cost their reader accepts: the same format, fast tests."""
    from partydesk.core.storage import offsite

    monkeypatch.setattr(offsite, "KDF_COST", 2**10)


@pytest.fixture
def stick(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder standing in for a USB stick, away from the database's (a stick is never inside the data folder)."""
    return tmp_path_factory.mktemp("U盘")
