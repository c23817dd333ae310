"""Keys a text box owns, and the program's shortcuts that must leave them to it.

While a text box has the focus, Ctrl+Z is its own undo, Ctrl+Insert its copy, Shift+Insert its
paste, and so on: a window's or a page's action with one of those keys (撤销, 撤销删除) must not
fire there. Qt asks the focused widget first (a ``ShortcutOverride`` event), and a writable
``QLineEdit`` already claims most of these keys; ``TextKeyGuard`` makes the rule hold for every
text box (read-only ones, spin boxes, editable lists and table cells included) and for every key
in ``TEXT_BOX_KEYS``. It is installed once on the application (``install_text_key_guard``).

``is_text_input`` says whether a widget is such a text box, for an action that wants to check
for itself (``when_not_typing``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

# The editing keys of a text box (the standard keys of Qt's line and text edits).
TEXT_BOX_KEYS: tuple[QKeySequence.StandardKey, ...] = (
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.SelectAll,
    QKeySequence.StandardKey.Delete,
    QKeySequence.StandardKey.DeleteEndOfWord,
    QKeySequence.StandardKey.DeleteStartOfWord,
    QKeySequence.StandardKey.DeleteEndOfLine,
    QKeySequence.StandardKey.MoveToNextWord,
    QKeySequence.StandardKey.MoveToPreviousWord,
    QKeySequence.StandardKey.MoveToStartOfLine,
    QKeySequence.StandardKey.MoveToEndOfLine,
    QKeySequence.StandardKey.SelectNextWord,
    QKeySequence.StandardKey.SelectPreviousWord,
    QKeySequence.StandardKey.SelectStartOfLine,
    QKeySequence.StandardKey.SelectEndOfLine,
)

_GUARD_PROPERTY = "jiwei_text_key_guard"


def is_text_input(widget: QObject | None) -> bool:
    """A line or text edit (read-only too), a spin box, or an editable list: a text box."""
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox):
        return True
    return isinstance(widget, QComboBox) and widget.isEditable()


def text_box_key(event: QKeyEvent) -> bool:
    """The key is one of a text box's own editing keys."""
    return any(event.matches(key) for key in TEXT_BOX_KEYS)


def typing() -> bool:
    """A text box has the keyboard now."""
    return is_text_input(QApplication.focusWidget())


def when_not_typing(slot: Callable[[], Any]) -> Callable[[], Any]:
    """``slot``, except while a text box has the focus (for an action whose key a text box uses
    and which is triggered some other way than by its shortcut)."""

    def run() -> Any:
        if typing():
            return None
        return slot()

    return run


class TextKeyGuard(QObject):
    """Claims a text box's own keys for the text box before any shortcut sees them."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
            and watched.hasFocus()
            and is_text_input(watched)
            and text_box_key(event)
        ):
            event.accept()  # the key goes to the text box as a key press
            return True
        return False


def install_text_key_guard() -> TextKeyGuard | None:
    """Install the guard on the application once; returns it (None without an application)."""
    app = QApplication.instance()
    if app is None:
        return None
    existing = app.property(_GUARD_PROPERTY)
    if isinstance(existing, TextKeyGuard):
        return existing
    guard = TextKeyGuard(app)
    app.installEventFilter(guard)
    app.setProperty(_GUARD_PROPERTY, guard)
    return guard


def ctrl_enter(owner: QWidget, slot: Callable[[], Any]) -> list[QShortcut]:
    """Ctrl+Enter (either Enter key) runs ``slot`` anywhere in ``owner``: how a form is saved from
    a multi-line field, where Enter starts a new line."""
    made = []
    for key in ("Ctrl+Return", "Ctrl+Enter"):
        shortcut = QShortcut(QKeySequence(key), owner)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)
        made.append(shortcut)
    return made


def key_text(sequence: QKeySequence | QKeySequence.StandardKey | str) -> str:
    """A key as the user reads it (Ctrl+Enter), for labels and tooltips."""
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


__all__ = [
    "TEXT_BOX_KEYS",
    "TextKeyGuard",
    "ctrl_enter",
    "install_text_key_guard",
    "is_text_input",
    "key_text",
    "text_box_key",
    "typing",
    "when_not_typing",
]
