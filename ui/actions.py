"""A page's own actions: its shortcut named in the tooltip (保存（Ctrl+S）), the tooltip also in the
status bar, the action on the page so the shortcut works while the page has focus."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def page_action(
    owner: QWidget, text: str, slot: Callable[[], Any], shortcut: Any = None, tip: str = ""
) -> QAction:
    """An action of ``owner`` that runs ``slot`` (without the triggered signal's argument)."""
    action = QAction(text, owner)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        tip = f"{tip}（{key}）" if tip and key else tip
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    owner.addAction(action)
    return action
