"""Start-up safety in the window: recovery from a corrupt database, the risky-location warning."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from partydesk.core.changes import LOCAL_USER
from partydesk.core.errors import DamagedInSessionError
from partydesk.core.services import maintenance
from partydesk.core.services.rules import rule_values, set_rule
from partydesk.core.services.setup import OrganisationInput, initialise_site
from partydesk.core.storage.database import open_database
from partydesk.gui import launch


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096:4096 + 12] = b"\x00" * 12  # page 2 loses its b-tree header
    path.write_bytes(bytes(data))


def _damage_table(path: Path, table: str) -> None:
    """The root page of ``table`` loses its b-tree header: that table cannot be read, the others can."""
    with closing(sqlite3.connect(path)) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(path.read_bytes())
    data[(root - 1) * size:(root - 1) * size + 12] = b"\x00" * 12
    path.write_bytes(bytes(data))


@pytest.fixture
def backed_up_db(tmp_path: Path) -> Path:
    """A database with a verified backup holding rule value 40, then changed to 50 and closed."""
    path = tmp_path / "partydesk.db"
    db = open_database(path)
    initialise_site(db, LOCAL_USER, organisation=OrganisationInput(name="中共测试支部", code="9"), role="branch")
    set_rule(db, LOCAL_USER, key="study.member.hours", value=40)
    maintenance.backup_now(db, reason="manual")
    set_rule(db, LOCAL_USER, key="study.member.hours", value=50)
    db.close()
    return path


def _answers(monkeypatch: pytest.MonkeyPatch, *choices: str) -> list[str]:
    """The recovery's questions answered with ``choices`` in turn ("newest", "file", "quit"); what it told
    afterwards (a restore's result, a failure) goes into the list returned."""
    from partydesk.gui import languages
    from partydesk.gui.dialogs.recover import Recovery

    languages.install_language(QApplication.instance(), "zh_CN")  # type: ignore[arg-type]
    pending, told = list(choices), []
    monkeypatch.setattr(Recovery, "ask", lambda self: pending.pop(0))
    monkeypatch.setattr(Recovery, "show", lambda self, title, text, *, failed: told.append(text))
    return told


def test_corrupt_database_is_quarantined_and_restored_from_the_newest_backup(
    qapp: QApplication, backed_up_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A damaged file is copied aside, never written, and the verified backup is restored on request; the
    office is told what came back, that later entries are not in it, and where the damaged copy is."""
    _damage(backed_up_db)
    damaged = backed_up_db.read_bytes()
    told = _answers(monkeypatch, "newest")
    db = launch.open_with_recovery(backed_up_db)
    assert db is not None
    try:
        assert rule_values(db)["study.member.hours"] == 40
    finally:
        db.close()
    quarantined = list((maintenance.backup_dir(backed_up_db) / "quarantine").rglob("partydesk.db"))
    assert quarantined and quarantined[0].read_bytes() == damaged
    assert len(told) == 1 and "恢复" in told[0] and "不在其中" in told[0]
    assert any(str(copy.parent) in told[0] for copy in quarantined), "where the damaged copy is"


def test_declining_the_restore_leaves_the_damaged_file_untouched(
    qapp: QApplication, backed_up_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quitting opens nothing and changes nothing."""
    _damage(backed_up_db)
    damaged = backed_up_db.read_bytes()
    _answers(monkeypatch, "quit")
    assert launch.open_with_recovery(backed_up_db) is None
    assert backed_up_db.read_bytes() == damaged


def test_with_no_backup_here_the_usb_backup_is_the_way_back(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No backup on this computer (all lost with the disk's trouble): the USB backup (.pdbak) is chosen, a wrong
    passphrase asked again, and the records come back from it."""
    from partydesk.core.services import offsite
    from partydesk.gui.dialogs.recover import Recovery

    path = tmp_path / "office" / "partydesk.db"
    path.parent.mkdir()
    db = open_database(path)
    initialise_site(db, LOCAL_USER, organisation=OrganisationInput(name="中共测试支部", code="9"), role="branch")
    set_rule(db, LOCAL_USER, key="study.member.hours", value=44)
    usb = tmp_path / "usb"
    usb.mkdir()
    written = offsite.write(db, usb, "正确的口令12345")
    db.close()
    for backup in maintenance.list_backups(path):
        backup.path.unlink()
    _damage(path)
    told = _answers(monkeypatch, "file")
    tries = iter(["错误的口令12345", "正确的口令12345"])
    monkeypatch.setattr(Recovery, "choose_file", lambda self: written.path)
    monkeypatch.setattr(Recovery, "ask_passphrase", lambda self, p, *, again: next(tries))
    restored = launch.open_with_recovery(path)
    assert restored is not None
    try:
        assert rule_values(restored)["study.member.hours"] == 44
    finally:
        restored.close()
    assert len(told) == 1 and written.path.name in told[0]


def test_foreign_file_is_reported_and_not_opened(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that is not a partydesk database gets a clear message, and stays as it was."""
    path = tmp_path / "roster.db"
    path.write_bytes("姓名,电话\n".encode())
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(str(a[2])))
    assert launch.open_with_recovery(path) is None
    assert shown and "不是 partydesk 数据库" in shown[0]
    assert path.read_bytes() == "姓名,电话\n".encode()


def _cancelled_set_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's run stands in for one whose first-run set-up the user cancelled: the database is opened,
    nothing is set up, the window closes."""
    import partydesk.gui.app as app_module

    def main_gui(opener, **_kwargs):  # type: ignore[no-untyped-def]
        assert opener(None) is not None
        return 0

    monkeypatch.setattr(app_module, "main_gui", main_gui)
    monkeypatch.setattr(launch, "configure_logging", lambda _folder: None)  # no log file left open by a test


def test_a_new_file_whose_set_up_is_cancelled_is_not_left_behind(
        tmp_path: Path, app: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    _cancelled_set_up(monkeypatch)
    path = tmp_path / "data" / "partydesk.db"
    path.parent.mkdir()
    assert launch.launch(path) == 0
    assert not path.exists() and not list(path.parent.glob("partydesk.db*"))


def test_an_existing_file_is_kept_whatever_happens_to_its_set_up(
        tmp_path: Path, app: QApplication, monkeypatch: pytest.MonkeyPatch, backed_up_db: Path) -> None:
    """A file that was there before the run stays: set up (as here) or not (someone else's empty file)."""
    _cancelled_set_up(monkeypatch)
    empty = tmp_path / "other" / "partydesk.db"
    empty.parent.mkdir()
    open_database(empty).close()
    for path in (backed_up_db, empty):
        before = path.read_bytes()
        assert launch.launch(path) == 0
        assert path.exists() and path.read_bytes() == before


def test_only_a_file_holding_nothing_is_discarded(tmp_path: Path) -> None:
    from partydesk.core.services.setup import discard_unset

    fresh = tmp_path / "fresh.db"
    open_database(fresh).close()
    assert discard_unset(fresh) and not fresh.exists()
    kept = tmp_path / "kept.db"
    db = open_database(kept)
    initialise_site(db, LOCAL_USER, organisation=OrganisationInput(name="中共测试支部", code="9"), role="branch")
    db.close()
    assert not discard_unset(kept) and kept.exists()
    other = tmp_path / "notes.txt"
    other.write_text("不是数据库")
    assert not discard_unset(other) and other.exists()


def test_the_window_runs_the_collector_on_its_own_thread(app: QApplication) -> None:
    """No collection starts on a database lane (where freeing a Qt object can deadlock): the automatic
    collector is off and the GUI thread's timer collects what is due."""
    import gc

    from PySide6.QtCore import QTimer

    timer = app.findChild(QTimer, "garbageCollector")
    assert not gc.isenabled() and timer is not None and timer.isActive()


def test_a_file_held_open_elsewhere_is_left_whole_without_an_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows refuses to delete a file another program holds (an antivirus, a sync client): the file stays
    as it was, journal and all, and nothing is raised at exit."""
    from partydesk.core.services.setup import discard_unset

    fresh = tmp_path / "fresh.db"
    open_database(fresh).close()
    real = Path.unlink

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self == fresh:
            raise PermissionError(32, "The process cannot access the file because it is being used")
        real(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    assert discard_unset(fresh) is False and fresh.exists()


def test_a_file_that_is_no_backup_is_refused_by_name_and_the_question_comes_back(
    qapp: QApplication, backed_up_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Chosen by mistake, a spreadsheet is refused with a message naming the problem, nothing is replaced, and the
    office is asked again (here it quits)."""
    from partydesk.gui.dialogs.recover import Recovery

    _damage(backed_up_db)
    damaged = backed_up_db.read_bytes()
    wrong = tmp_path / "花名册.db"
    wrong.write_bytes("姓名,电话\n".encode())
    told = _answers(monkeypatch, "file", "quit")
    monkeypatch.setattr(Recovery, "choose_file", lambda self: wrong)
    assert launch.open_with_recovery(backed_up_db) is None
    assert len(told) == 1 and "不是 partydesk 数据库文件" in told[0], told
    assert backed_up_db.read_bytes() == damaged


def test_salvage_keeps_what_was_entered_after_the_backup(
    qapp: QApplication, backed_up_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The backup is older than the last change (40, then 50): salvaging the damaged file itself keeps the 50
    wherever its page is sound, and says what came back, that the rest could not be, and where the damaged
    copy is."""
    _damage(backed_up_db)
    told = _answers(monkeypatch, "salvage")
    db = launch.open_with_recovery(backed_up_db)
    assert db is not None
    try:
        assert rule_values(db)["study.member.hours"] == 50
    finally:
        db.close()
    quarantined = list((maintenance.backup_dir(backed_up_db) / "quarantine").rglob("partydesk.db"))
    assert len(told) == 1 and "抢救出" in told[0] and "本单位的基本设置已按" in told[0], told
    assert any(str(copy.parent) in told[0] for copy in quarantined), "where the damaged copy is"


def test_the_damaged_file_can_be_looked_at_read_only_and_nothing_is_written_to_it(
    qapp: QApplication, backed_up_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Looking instead of restoring: what can be read is read as the damaged file holds it (50, newer than the
    backup's 40); every change is refused, saying why and what to do, before anything is written; closing writes
    nothing and makes no backup of it."""
    _damage_table(backed_up_db, "member_event")
    damaged = backed_up_db.read_bytes()
    backups = len(maintenance.list_backups(backed_up_db))
    told = _answers(monkeypatch, "view")
    db = launch.open_with_recovery(backed_up_db)
    assert db is not None and not told
    try:
        assert db.damaged is not None
        assert rule_values(db)["study.member.hours"] == 50
        with pytest.raises(DamagedInSessionError) as refused:
            set_rule(db, LOCAL_USER, key="study.member.hours", value=60)
        assert "只读查看" in refused.value.message and "从备份恢复" in refused.value.message
        assert "抢救" in refused.value.message
    finally:
        db.close()
    assert backed_up_db.read_bytes() == damaged
    assert len(maintenance.list_backups(backed_up_db)) == backups


def test_a_file_too_damaged_to_look_at_says_so_and_the_question_comes_back(
    qapp: QApplication, backed_up_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When not even the office's own settings read, looking is refused by name and the office asked again (here
    it quits); the file is left as it was."""
    _damage_table(backed_up_db, "site")
    damaged = backed_up_db.read_bytes()
    told = _answers(monkeypatch, "view", "quit")
    assert launch.open_with_recovery(backed_up_db) is None
    assert len(told) == 1 and "读不出" in told[0] and "无法只读查看" in told[0], told
    assert backed_up_db.read_bytes() == damaged


def test_a_damaged_file_never_set_up_is_not_opened_to_look_at(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file whose set-up was never finished holds nothing to look at, and the set-up must not start on a damaged
    file: looking is refused and the question comes back."""
    path = tmp_path / "partydesk.db"
    open_database(path).close()
    _damage_table(path, "member_event")
    told = _answers(monkeypatch, "view", "quit")
    assert launch.open_with_recovery(path) is None
    assert len(told) == 1 and "无法只读查看" in told[0], told


@pytest.mark.parametrize(("button", "answer"), [
    ("只读查看损坏的文件", "view"), ("抢救损坏文件中还能读出的记录", "salvage"), ("退出", "quit")])
def test_each_button_of_the_question_gives_its_answer(
    qapp: QApplication, tmp_path: Path, button: str, answer: str
) -> None:
    from PySide6.QtCore import QTimer

    from partydesk.gui import languages
    from partydesk.gui.dialogs.recover import Recovery

    languages.install_language(qapp, "zh_CN")
    seen: list[str] = []

    def click() -> None:
        box = qapp.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.informativeText())
        next(b for b in box.buttons() if b.text() == button).click()

    QTimer.singleShot(0, click)
    assert Recovery(tmp_path / "partydesk.db", "数据库文件检查未通过", tmp_path, None, None).ask() == answer
    assert "只读查看损坏的文件" in seen[0] and "不会改动" in seen[0]


def test_a_file_looked_at_with_its_audit_damaged_starts_the_window_s_upkeep_without_an_error(
    qapp: QApplication, backed_up_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window's start-up asks whether the last session left writes unbacked, from the audit table: on a file
    only looked at (never backed up) it is not asked, so damage there does not stop the hooks that wire the backup
    menu and timer (a restore from the menu would have left them dead)."""
    _damage_table(backed_up_db, "audit")
    _answers(monkeypatch, "view")
    db = launch.open_with_recovery(backed_up_db)
    assert db is not None
    try:
        assert maintenance.note_unbacked_writes(db) is False and db.changed is False
    finally:
        db.close()
