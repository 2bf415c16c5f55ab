"""Inline error lines in dialogs: their colour, how they hide until needed, and growing the dialog for them."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from partydesk.gui.widgets.screen_room import keep_on_screen, room

# Error text colour: dark red that keeps a 4.5:1 contrast on Fusion's light window background.
ERROR_COLOUR = QColor("#b3261e")
# Warning text colour ("please check", saved only when confirmed): dark amber, 4.5:1 on the same background.
WARNING_COLOUR = QColor("#8a5300")


def mark_as_error_label(label: QLabel) -> None:
    """Make ``label`` an inline error message: red text, hidden until there is something to say.

    It is never shorter than its text (a minimum vertical policy; a fixed one would cut a wrapped
    message to one line), and when it appears the dialog grows (``grow_to_fit``) instead of the
    layout squeezing the fields around it.
    """
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, ERROR_COLOUR)
    label.setPalette(palette)
    policy = label.sizePolicy()
    policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)
    label.setSizePolicy(policy)
    label.clear()
    label.hide()


def say(label: QLabel, message: str) -> None:
    """Show ``message`` in an error label (hidden when it is ""), its window grown for it (``grow_to_fit``)."""
    label.setText(message)
    label.setVisible(bool(message))
    grow_to_fit(label.window())


def grow_to_fit(window: QWidget) -> None:
    """Make ``window`` tall enough for its contents at its width, after a message line appeared.

    A top-level window's minimum size ignores word-wrapped labels (their height depends on the
    width), so without this a new error line squeezes the fields above it to a few pixels. The
    window never shrinks below the size the user gave it and never grows past the ``room`` its screen
    has for it; grown, it is moved if need be so that its title bar and buttons stay on the screen.
    """
    layout = window.layout()
    if layout is None or not window.isVisible():
        return  # not shown yet: showing sizes it from its contents anyway
    layout.activate()
    width = max(window.width(), window.minimumSizeHint().width())
    needed = window.heightForWidth(width) if layout.hasHeightForWidth() else -1
    height = max(window.height(), needed if needed > 0 else window.sizeHint().height())
    limit = room(window)
    if limit is not None:
        width, height = min(width, limit.width()), min(height, limit.height())
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
        keep_on_screen(window)
