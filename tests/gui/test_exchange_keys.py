"""The exchange page's key actions: 更换密钥 asks first, then shows the new fingerprint and who has to confirm it;
at a committee, 吊销… on the selected office asks for a reason and the office list then says 已吊销 with it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from partydesk.core.services.sync_rotate import key_state
from partydesk.core.storage.database import Database
from partydesk.gui import languages
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.sync_key_actions import RevokeDialog
from partydesk.gui.pages.exchange import ExchangePage
from tests.gui.test_exchange_page import WAIT_MS, pair

__all__ = ["pair"]  # the fixture, used by name


def test_change_key_then_revoke_the_branch(qtbot: QtBot, pair: tuple[Database, Database, Path],
                                           make_ctx: Callable[[Database], AppContext], app: QApplication,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    _branch, committee, _folder = pair
    ctx = make_ctx(committee)
    languages.install_language(app, "zh_CN", ctx.hub)
    page = ExchangePage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.peers.model.total == 1 and page.keys.state is not None, timeout=WAIT_MS)
    assert page.keys.rotate_button.text() == "更换密钥…" and page.keys.revoke_button.isVisible()
    assert not page.keys.state_label.isVisible()

    asked: list[str] = []
    told: list[str] = []
    cancel_first: list[bool] = []  # Enter on the question changes nothing

    def choose_change(box: QMessageBox) -> int:
        asked.append(box.text())
        cancel_first.append(box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel))
        next(b for b in box.buttons() if b.text() == "更换密钥").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose_change)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    page.keys.rotate_button.click()
    qtbot.waitUntil(lambda: bool(told), timeout=WAIT_MS)
    new = key_state(committee).next_fingerprint
    assert "回执" in asked[0] and new and new in told[0] and cancel_first == [True]
    qtbot.waitUntil(lambda: page.keys.state_label.isVisible(), timeout=WAIT_MS)
    assert new in page.keys.state_label.text()

    page.peers.select_id(page.peers.model.all_rows()[0].peer.site_id)
    page.keys.revoke_button.click()
    [dialog] = page.findChildren(RevokeDialog)
    assert not dialog.ok_button().isEnabled()
    dialog.reason_edit.setText("电脑被盗")
    dialog.ok_button().click()
    qtbot.waitUntil(lambda: len(told) == 2, timeout=WAIT_MS)
    assert "已吊销" in told[1]
    qtbot.waitUntil(lambda: page.keys.key_text("3301060012") == "已吊销（电脑被盗）", timeout=WAIT_MS)
    # The rotation no longer waits for the revoked branch: the new key is in use.
    qtbot.waitUntil(lambda: not page.keys.state_label.isVisible(), timeout=WAIT_MS)
    assert new in page.fingerprint.text()
