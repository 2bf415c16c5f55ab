"""Key actions of the exchange page (数据交换): "更换密钥" with a confirmation that says what happens next, and at
a committee "吊销…" on a registered office, with a reason.

``KeyActions`` adds its button beside the page's own, a line under them with this office's key state (the
new fingerprint and the offices still to confirm it, during a rotation), and the revoke action on the
office list; ``key_text`` gives the list's key column (the fingerprint, or 已吊销 with the reason).
A rotation normally travels in the next packages, signed with the old key; "立即更换" is for a stolen key,
after which the other side must register the new key card.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from partydesk.gui.operations import exchange_keys as ops
from partydesk.gui.widgets.reason_dialog import ReasonDialog

if TYPE_CHECKING:
    from partydesk.core.services.sync_rotate import KeyState, PeerKeys, Revoked
    from partydesk.gui.context import AppContext
    from partydesk.gui.widgets.list_page import ListPage


class RevokeDialog(ReasonDialog):
    """Asks "revoke the keys of <office>?" with a reason; ``revoked(Revoked)`` after the core did it."""

    revoked = Signal(object)

    def __init__(self, ctx: AppContext, org_code: str, org_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, explain_chars=30)
        self.ctx, self.org_code, self.org_name = ctx, org_code, org_name
        self._retranslate()

    def _run(self, reason: str) -> None:
        ops.revoke(self, self.ctx, org_code=self.org_code, reason=reason, on_done=self._done, on_error=self._failed)

    def _done(self, done: Revoked) -> None:
        self.revoked.emit(done)
        self._finished()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Revoke an office's key"))
        self.question.setText(self.tr("Revoke the key of {name} (code {code})?").format(
            name=self.org_name, code=self.org_code))
        self.explanation.setText(self.tr(
            "Do this when the office's computer or key was stolen or lost. From now on every package signed "
            "with this key is refused, and nothing more can be sent to the office. The office must change its "
            "key and give you its new key card; register it after comparing the fingerprint by phone. Other "
            "branches are not affected."))
        self.reason_label.setText(self.tr("Reason:"))
        self.reason_edit.setPlaceholderText(self.tr("Required, e.g. the computer was stolen"))
        self.ok_button().setText(self.tr("Revoke"))
        self._update()


class KeyActions(QObject):
    """The key button, the key state line and the revoke action of the exchange page."""

    def __init__(self, ctx: AppContext, page: QWidget, buttons: QBoxLayout, page_layout: QBoxLayout,
                 peers: ListPage[Any]) -> None:
        super().__init__(page)
        self.ctx, self.page, self.peers = ctx, page, peers
        self.state: KeyState | None = None
        self.offices: dict[str, PeerKeys] = {}
        self.rotate_button = QPushButton(page)
        self.rotate_button.setObjectName("rotateKeyButton")
        self.rotate_button.clicked.connect(self.rotate)
        buttons.addWidget(self.rotate_button)
        self.state_label = QLabel(page)
        self.state_label.setObjectName("keyStateLabel")
        self.state_label.setWordWrap(True)
        self.state_label.hide()
        page_layout.insertWidget(1, self.state_label)
        self.revoke_button = peers.add_action("revokeButton", self.revoke, needs_selection=True)
        self.revoke_button.hide()
        self.retranslate()

    def refresh(self, role: str) -> None:
        """Read the key state again (the page calls this whenever it reloads)."""
        self.revoke_button.setVisible(role == "committee")
        ops.load_keys(self.page, self.ctx, self._show)

    def _show(self, result: tuple[KeyState, list[PeerKeys]]) -> None:
        self.state, offices = result
        self.offices = {o.org_code: o for o in offices}
        waiting = self.state.next_fingerprint != ""
        self.state_label.setVisible(waiting)
        if waiting:
            self.state_label.setText(self.tr(
                "Changing the key: new fingerprint {fingerprint}. Waiting for {count} office(s) to confirm it "
                "({names}): write each a package; when its receipt comes back the new key takes over and the "
                "old one is revoked.").format(fingerprint=self.state.next_fingerprint,
                                              count=len(self.state.waiting), names="、".join(self.state.waiting)))
        self.peers.set_rows(self.peers.model.all_rows())  # the key column reads self.offices

    def key_text(self, org_code: str) -> str:
        """The office list's key column: the whole fingerprint (what is read out on the phone when checking a
        card), or revoked with the reason."""
        office = self.offices.get(org_code)
        if office is None:
            return ""
        if office.revoked:
            return self.tr("revoked ({reason})").format(reason=office.reason) if office.reason else self.tr("revoked")
        return office.fingerprint

    def rotation_question(self) -> tuple[QMessageBox, QPushButton, QPushButton]:
        """The confirmation, saying what happens next: (box, change button, change-now button)."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Change this office's key"), self.tr(
            "A new key pair is made. The next package to each registered office carries the new key, signed "
            "with the old one; when that office's receipt comes back, the new key takes over and the old one "
            "is revoked. Until then the old key stays in use.\n\nIf this computer or its key was stolen, "
            "choose \"Change now\" instead: the old key stops at once, and every office must register your "
            "new key card."), parent=self.page)
        normal = box.addButton(self.tr("Change the key"), QMessageBox.ButtonRole.AcceptRole)
        now = box.addButton(self.tr("Change now (key stolen)"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))  # a stray Enter changes nothing
        return box, normal, now

    def rotate(self) -> None:
        """Explain what happens next, then change the key (normally, or at once after a theft)."""
        box, normal, now = self.rotation_question()
        box.exec()
        clicked = box.clickedButton()
        if clicked in (normal, now):
            ops.rotate(self.page, self.ctx, now=clicked is now, on_done=self._rotated)

    def _rotated(self, state: KeyState) -> None:
        if state.next_fingerprint:
            text = self.tr("The new key's fingerprint is {fingerprint}. It goes out with the next package to "
                           "each office ({count} to confirm).").format(fingerprint=state.next_fingerprint,
                                                                       count=len(state.waiting))
        else:
            text = self.tr("The new key is in use. Fingerprint: {fingerprint}\n\nWrite the new key card and give "
                           "it to each office to register.").format(fingerprint=state.fingerprint)
        QMessageBox.information(self.page, self.tr("Key changed"), text)

    def revoke(self) -> None:
        """Revoke the selected office's key after asking for the reason."""
        rows = self.peers.selected_rows()
        if not rows:
            return
        peer = rows[0].peer
        dialog = RevokeDialog(self.ctx, peer.org_code, peer.org_name, self.page)
        dialog.revoked.connect(self._revoked)
        dialog.open()

    def _revoked(self, done: Revoked) -> None:
        QMessageBox.information(self.page, self.tr("Key revoked"), self.tr(
            "The key of {name} is revoked ({fingerprints}). Its packages are refused from now on; register its "
            "new key card when it brings one.").format(name=done.org_name, fingerprints="、".join(done.fingerprints)))

    def retranslate(self) -> None:
        """Set every visible text in the current language."""
        self.rotate_button.setText(self.tr("Change key…"))
        self.revoke_button.setText(self.tr("Revoke…"))
