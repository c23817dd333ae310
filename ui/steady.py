"""Dialogs keep their buttons in place: a message that comes and goes (an error, 已备份到 …) takes
room kept for it above the buttons instead of growing the dialog, so a second click meant for a
button does not land on another one.

``keep_room_for(dialog, layout, labels)``: the labels never ask for width (a long path wraps
instead of widening the dialog), a stretch before the buttons takes up what they do not use, and
the dialog opens ``lines`` lines taller than it needs, so the messages fit without moving anything.

``grow_upwards(window, size)``: a shown window that must grow for a message at its top (a form's
list of problems) grows upwards, so its bottom edge, where the buttons are, stays where it was.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QBoxLayout, QLabel, QSizePolicy, QWidget

MESSAGE_LINES = 3


def quiet_width(label: QLabel) -> QLabel:
    """A word-wrapped label that takes the width it is given and never asks for more."""
    label.setWordWrap(True)
    policy = label.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
    label.setSizePolicy(policy)
    label.setMinimumWidth(1)
    return label


def keep_room_for(
    dialog: QWidget, layout: QBoxLayout, labels: Iterable[QLabel], lines: int = MESSAGE_LINES
) -> None:
    """Call at the end of the dialog's set-up, before its button row is added to ``layout``."""
    for label in labels:
        quiet_width(label)
    layout.addStretch(1)
    room = dialog.fontMetrics().lineSpacing() * lines + 24
    layout.activate()
    width = max(dialog.sizeHint().width(), dialog.minimumWidth())
    needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else dialog.sizeHint().height()
    dialog.resize(width, max(needed, dialog.sizeHint().height()) + room)


def grow_upwards(window: QWidget, size: QSize) -> None:
    """Resize ``window``; when shown and taller, keep its bottom edge where it was (within the
    screen), so the buttons along the bottom do not move."""
    before = window.frameGeometry()
    grown = size.height() - window.height()
    window.resize(size)
    if not window.isVisible() or grown <= 0:
        return
    top = before.top() - grown
    screen = window.screen()
    if screen is not None:
        top = max(top, screen.availableGeometry().top())
    window.move(before.left(), top)


@contextmanager
def bottom_kept(window: QWidget) -> Iterator[None]:
    """Messages shown inside the block may make ``window`` taller: it grows upwards."""
    before = window.frameGeometry()
    height = window.height()
    yield
    if not window.isVisible():
        return
    layout = window.layout()
    if layout is not None:
        layout.activate()
        needed = layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth() else 0
        needed = max(needed, layout.totalMinimumSize().height())
        if window.height() < needed:
            window.resize(window.width(), needed)
    grown = window.height() - height
    if grown <= 0:
        return
    top = before.top() - grown
    screen = window.screen()
    if screen is not None:
        top = max(top, screen.availableGeometry().top())
    window.move(before.left(), top)
