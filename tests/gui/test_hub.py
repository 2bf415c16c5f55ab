"""Tests for the application hub: Changes are broadcast only when something changed, on the GUI thread."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from partydesk.core.changes import ChangeKind, Changes
from partydesk.gui.hub import Hub


@pytest.fixture
def hub(qapp: object) -> Hub:
    """A fresh hub (needs the QApplication for its thread affinity)."""
    return Hub()


def test_publish_emits_changed_with_the_same_record(qtbot: QtBot, hub: Hub) -> None:
    """A non-empty Changes record reaches listeners unchanged."""
    changes = Changes.of(ChangeKind.MEMBER, "m-1", "m-2")
    with qtbot.waitSignal(hub.changed, timeout=1000) as blocker:
        hub.publish(changes)
    assert blocker.args == [changes]
    assert blocker.args[0].touches(ChangeKind.MEMBER)


def test_publish_of_empty_changes_emits_nothing(qtbot: QtBot, hub: Hub) -> None:
    """An empty Changes record means nothing was written, so no page refreshes."""
    with qtbot.assertNotEmitted(hub.changed):
        hub.publish(Changes())


def test_publish_of_merged_changes_emits_once(qtbot: QtBot, hub: Hub) -> None:
    """One write touching several kinds is one broadcast, not one per kind."""
    seen: list[Changes] = []
    hub.changed.connect(seen.append)
    hub.publish(Changes.of(ChangeKind.MEMBER, "m-1").merge(Changes.of(ChangeKind.ORGANISATION)))
    assert len(seen) == 1
    assert seen[0].touches(ChangeKind.MEMBER) and seen[0].touches(ChangeKind.ORGANISATION)


def test_publish_off_the_gui_thread_is_refused(hub: Hub) -> None:
    """Publishing from a worker would run page slots there, so it raises instead of emitting."""
    seen: list[Changes] = []
    errors: list[BaseException] = []
    hub.changed.connect(seen.append)

    def worker() -> None:
        try:
            hub.publish(Changes.of(ChangeKind.MEMBER))
        except RuntimeError as exc:
            errors.append(exc)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(5)
    assert len(errors) == 1
    assert seen == []


def test_status_backup_and_language_signals_carry_their_payloads(qtbot: QtBot, hub: Hub) -> None:
    """The other hub signals deliver what was emitted, for the status bar and retranslation."""
    with qtbot.waitSignal(hub.statusMessage, timeout=1000) as status:
        hub.statusMessage.emit("已保存")
    assert status.args == ["已保存"]
    backup = object()
    with qtbot.waitSignal(hub.backupMade, timeout=1000) as made:
        hub.backupMade.emit(backup)
    assert made.args[0] is backup
    with qtbot.waitSignal(hub.languageChanged, timeout=1000):
        hub.languageChanged.emit()
