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

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.i18n import QT_TRANSLATE_NOOP

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


def roomy_menu(menu: QMenu) -> QMenu:
    """Two characters of room in ``menu`` each time it opens: with a CJK fallback font the style
    measures an item a little short of what it draws, and cut the longest label in the middle
    (新的恢复…R)…)."""

    def widen() -> None:
        menu.setMinimumWidth(0)
        menu.setMinimumWidth(menu.sizeHint().width() + menu.fontMetrics().horizontalAdvance("中中"))

    menu.aboutToShow.connect(widen)
    return menu


# 帮助 → 快捷键: (heading, [(keys, what they do)]), every key one that fires where it is said to.
_T = "Shortcuts"
SHORTCUT_LIST: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("Shortcuts", "登记簿列表"),
        (
            ("Ctrl+N", QT_TRANSLATE_NOOP("Shortcuts", "新增")),
            (QT_TRANSLATE_NOOP("Shortcuts", "F2 或 回车"), QT_TRANSLATE_NOOP(_T, "编辑选中的记录")),
            ("Del", QT_TRANSLATE_NOOP("Shortcuts", "删除选中的记录")),
            ("Ctrl+Z", QT_TRANSLATE_NOOP("Shortcuts", "撤销本次登录的上一步操作（在文字框中是撤销输入）")),
            ("Ctrl+F", QT_TRANSLATE_NOOP("Shortcuts", "搜索")),
            ("F5", QT_TRANSLATE_NOOP("Shortcuts", "刷新")),
            ("Ctrl+H", QT_TRANSLATE_NOOP("Shortcuts", "修改历史")),
            ("Ctrl+I", QT_TRANSLATE_NOOP("Shortcuts", "人员档案")),
            ("Ctrl+E", QT_TRANSLATE_NOOP("Shortcuts", "导出 Excel")),
            ("Ctrl+P", QT_TRANSLATE_NOOP("Shortcuts", "打印列表")),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "填写表单"),
        (
            (QT_TRANSLATE_NOOP("Shortcuts", "回车"), QT_TRANSLATE_NOOP(_T, "在单行文字或日期中：保存")),
            ("Ctrl+Enter", QT_TRANSLATE_NOOP("Shortcuts", "在多行文字中：保存（回车是换行）")),
            ("Ctrl+S", QT_TRANSLATE_NOOP("Shortcuts", "保存并关闭")),
            ("Ctrl+Shift+S", QT_TRANSLATE_NOOP("Shortcuts", "保存并继续新增")),
            ("Ctrl+J", QT_TRANSLATE_NOOP("Shortcuts", "办理下一环节")),
            ("Alt+↓", QT_TRANSLATE_NOOP("Shortcuts", "在日期中：打开日历")),
            ("Esc", QT_TRANSLATE_NOOP("Shortcuts", "关闭窗口（有未保存的内容时先询问）")),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "窗口"),
        (
            ("Alt+1…9", QT_TRANSLATE_NOOP("Shortcuts", "切换到第 1…9 页")),
            ("Ctrl+PgDown / Ctrl+PgUp", QT_TRANSLATE_NOOP("Shortcuts", "下一页 / 上一页")),
            ("Ctrl+B", QT_TRANSLATE_NOOP("Shortcuts", "到导航栏")),
            ("Ctrl++ / Ctrl+-", QT_TRANSLATE_NOOP("Shortcuts", "放大 / 缩小字体")),
            ("Ctrl+0", QT_TRANSLATE_NOOP("Shortcuts", "默认字号")),
            ("Ctrl+,", QT_TRANSLATE_NOOP("Shortcuts", "设置")),
            ("Ctrl+L", QT_TRANSLATE_NOOP("Shortcuts", "锁定")),
            ("Ctrl+Q", QT_TRANSLATE_NOOP("Shortcuts", "退出")),
            ("F1", QT_TRANSLATE_NOOP("Shortcuts", "使用手册（本表在“帮助 → 快捷键”）")),
        ),
    ),
)


class ShortcutsDialog(QDialog):
    """帮助 → 快捷键: a heading per part, then the keys and what they do, in two columns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("快捷键"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setColumnStretch(1, 1)
        self.rows: list[tuple[QLabel, QLabel]] = []
        row = 0
        for heading, keys in SHORTCUT_LIST:
            title = QLabel(f"<b>{QCoreApplication.translate(_T, heading)}</b>")
            grid.addWidget(title, row, 0, 1, 2)
            row += 1
            for key, what in keys:
                key_label = QLabel(QCoreApplication.translate(_T, key))
                key_label.setObjectName("shortcutKey")
                what_label = QLabel(QCoreApplication.translate(_T, what))
                grid.addWidget(key_label, row, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                grid.addWidget(what_label, row, 1, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.rows.append((key_label, what_label))
                row += 1
            grid.setRowMinimumHeight(row, 8)
            row += 1
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(buttons)

    def texts(self) -> list[tuple[str, str]]:
        return [(k.text(), w.text()) for k, w in self.rows]


def key_text(sequence: QKeySequence | QKeySequence.StandardKey | str) -> str:
    """A key as the user reads it (Ctrl+Enter), for labels and tooltips."""
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


__all__ = [
    "SHORTCUT_LIST",
    "ShortcutsDialog",
    "TEXT_BOX_KEYS",
    "TextKeyGuard",
    "ctrl_enter",
    "install_text_key_guard",
    "is_text_input",
    "key_text",
    "roomy_menu",
    "text_box_key",
    "typing",
    "when_not_typing",
]
