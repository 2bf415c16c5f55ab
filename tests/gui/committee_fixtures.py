"""Fixtures for pages over a committee file holding two branches (``tests/core/exchange/two_branches``):
built once per test module through the real export and import, copied for each test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from partydesk.core.storage.database import Database, open_database
from partydesk.gui import languages
from partydesk.gui.context import AppContext
from tests.core.exchange.two_branches import build_committee, copy_committee


@pytest.fixture(scope="module")
def committee_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committee file with two imported branches (closed)."""
    return build_committee(tmp_path_factory.mktemp("committee"))


@pytest.fixture
def committee_db(committee_file: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the committee file, open."""
    database = open_database(copy_committee(committee_file, tmp_path / "mine"))
    yield database
    database.close()


@pytest.fixture
def committee_ctx(committee_db: Database, make_ctx: Callable[[Database], AppContext],
                  app: QApplication) -> AppContext:
    """A context over the committee copy, in Chinese."""
    context = make_ctx(committee_db)
    languages.install_language(app, "zh_CN", context.hub)
    return context
