"""The lock: after an idle time (and on Ctrl+L) nothing on screen shows data until the same
person's password is typed again; unlocking puts everything back as it was.

``IdleLock`` watches every input event of the application (an event filter that only notes the
time, so it costs next to nothing) and locks when none came for the idle time from the settings:
``security/idle_minutes`` (default 10), or ``security/idle_seconds`` for tests.

Locking never closes or hides a window, because hiding a dialog that runs its own event loop
(``exec``) would end it. Instead the main window shows its lock screen in place of its contents,
and every other window has its contents hidden and its title replaced (a title may name a
record). A window that appears while locked (an error box, a progress dialog) is emptied the
same way before it is drawn. An application-modal prompt asks for the password; unlocking shows
the hidden contents again, so a form keeps everything typed into it, focus included.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from app.context import Context
from app.security.roles import role_label
from app.services.login import LoginError, note_lock, unlock_again
from ui.heading import heading_label
from ui.i18n import tr_app, tr_message
from ui.login_panel import PasswordPrompt
from ui.tasks import Progress, Task, run_task

IDLE_MINUTES_KEY = "security/idle_minutes"
IDLE_SECONDS_KEY = "security/idle_seconds"  # hidden: tests and demonstrations
DEFAULT_IDLE_MINUTES = 10
MAX_IDLE_MINUTES = 240

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
        QEvent.Type.InputMethod,
    }
)


def idle_seconds(settings: QSettings) -> int:
    """The idle time before the lock: ``security/idle_seconds`` if set, else the minutes."""
    raw = settings.value(IDLE_SECONDS_KEY)
    if raw not in (None, ""):
        try:
            seconds = int(str(raw))
        except ValueError:
            seconds = 0
        if seconds > 0:
            return seconds
    return idle_minutes(settings) * 60


def idle_minutes(settings: QSettings) -> int:
    try:
        minutes = int(str(settings.value(IDLE_MINUTES_KEY, DEFAULT_IDLE_MINUTES)))
    except ValueError:
        minutes = DEFAULT_IDLE_MINUTES
    return max(1, min(MAX_IDLE_MINUTES, minutes))


class LockScreen(QWidget):
    """What the main window shows in place of its contents while locked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.label = heading_label(self.tr("已锁定"), scale=2)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(self.tr("为保护数据，程序已锁定。输入密码后回到锁定前的画面，已填写的内容不会丢失。"))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(hint)
        layout.addStretch(2)


class UnlockDialog(QDialog):
    """The password prompt over a locked program. It cannot be closed: only unlocking ends it."""

    unlocked = Signal()

    def __init__(self, opened: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.opened = opened
        self.last_task: Task | None = None
        self._done = False
        self.setObjectName("unlockDialog")
        self.setWindowTitle(self.tr("已锁定"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.setMinimumWidth(380)
        actor = opened.actor
        who = QLabel(
            self.tr("程序已锁定。请 {user}（{role}）输入密码解锁。").format(
                user=actor.username, role=tr_app(role_label(actor.role))
            )
        )
        who.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(256)
        form = QFormLayout()
        label = QLabel(self.tr("密码(&P)"))
        label.setBuddy(self.password)
        form.addRow(label, self.password)
        self.message = QLabel()
        self.busy_bar = QProgressBar()
        self.unlock_button = QPushButton(self.tr("解锁"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.submit)
        buttons = QDialogButtonBox()
        buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.prompt = PasswordPrompt(self.password, self.unlock_button, self.message, self.busy_bar)
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.busy_bar)
        layout.addWidget(buttons)
        self.prompt.countdown.ticked.connect(lambda _left: self._fit())
        self.password.setFocus()

    def _fit(self) -> None:
        """As tall as the prompt and its message need at the dialog's width."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        height = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else 0
        height = max(height, layout.totalMinimumSize().height())
        if self.height() < height:
            self.resize(self.width(), height)

    def _ready(self) -> None:
        """After an answer: the password field has the keyboard (its text, if any, selected) and
        Enter presses 解锁 again."""
        self.prompt.set_busy(False, [self.password])
        self.unlock_button.setDefault(True)
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)
        self.password.selectAll()
        self._fit()

    def message_text(self) -> str:
        return self.message.text() if not self.message.isHidden() else ""

    def submit(self) -> Task | None:
        """Check the password on a worker thread; None when nothing was started."""
        if self.prompt.busy or self.prompt.countdown.running():
            return None
        password = self.password.text()
        if not password:
            self.prompt.show_message(self.tr("请输入密码。"))
            self._ready()
            return None
        self.prompt.show_message("")
        self.prompt.set_busy(True, [self.password])
        opened = self.opened

        def work(_progress: Progress) -> LoginError | None:
            try:
                unlock_again(opened, password)
            except LoginError as exc:  # an answer, not a failure
                return exc
            return None

        self.last_task = run_task(
            self, work, title=self.tr("解锁"), label=self.tr("正在验证密码…"), on_success=self._answered,
            cancellable=False,
        )  # fmt: skip
        self.last_task.failed.connect(lambda _text: self._ready())
        return self.last_task

    def _answered(self, result: object) -> None:
        self.prompt.set_busy(False, [self.password])
        if isinstance(result, LoginError):
            self.prompt.refused("" if result.wait_seconds else tr_message(result.message), result.wait_seconds)
            self._ready()
            return
        self.password.clear()
        self._done = True
        self.unlocked.emit()

    def reject(self) -> None:  # Esc does not unlock
        if self._done:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if not self._done:
            event.ignore()
            return
        super().closeEvent(event)


def _alive(obj: QObject | None) -> bool:
    return obj is not None and shiboken6.isValid(obj)


@dataclass
class _Covered:
    """A window whose contents were hidden, and what to give back."""

    window: QWidget
    title: str
    hidden: list[QWidget] = field(default_factory=list)
    focus: QWidget | None = None


class IdleLock(QObject):
    """Locks the program after the idle time and on Ctrl+L; ``set_locked(bool)`` is the main
    window's part (its lock screen, menus and actions)."""

    locked_changed = Signal(bool)

    def __init__(
        self, window: QWidget, opened: Context, settings: QSettings, set_locked: Callable[[bool], None]
    ) -> None:
        super().__init__(window)
        self.window = window
        self.opened = opened
        self.settings = settings
        self.set_window_locked = set_locked
        self.locked = False
        self.dialog: UnlockDialog | None = None
        self._covered: list[_Covered] = []
        self._focus: QWidget | None = None
        self._active: QWidget | None = None
        self._last_input = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._timeout)
        self.reload_settings()
        app = QApplication.instance()
        assert app is not None
        self._app = app
        app.installEventFilter(self)
        window.destroyed.connect(self.stop)

    # ---- the idle timer -------------------------------------------------------------------------
    def idle_ms(self) -> int:
        return idle_seconds(self.settings) * 1000

    def reload_settings(self) -> None:
        """The idle time may have changed in the settings dialog."""
        self._last_input = time.monotonic()
        if not self.locked:
            self._timer.start(self.idle_ms())

    def stop(self) -> None:
        """No more locking (the window is closing)."""
        self._timer.stop()
        self._app.removeEventFilter(self)

    def _timeout(self) -> None:
        if self.locked:
            return
        left = self.idle_ms() - int((time.monotonic() - self._last_input) * 1000)
        if left > 20:  # there was input meanwhile: wait for the rest
            self._timer.start(left)
            return
        self.lock("idle")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if self.locked:
            if kind == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
                self._cover_late(watched)
            return False
        if kind in INPUT_EVENTS:
            self._last_input = time.monotonic()
            # Ctrl+L also where the menu's shortcut does not reach (a modal form is open).
            if (
                kind == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_L
                and event.modifiers() == Qt.KeyboardModifier.ControlModifier
            ):
                self.lock()
                return True
        return False

    # ---- locking ----------------------------------------------------------------------------------
    def _is_lock_ui(self, widget: QWidget) -> bool:
        w: QWidget | None = widget
        while w is not None:
            if w is self.dialog:
                return True
            w = w.parentWidget()
        return False

    def _cover(self, window: QWidget) -> None:
        if any(c.window is window for c in self._covered):
            return
        covered = _Covered(window, window.windowTitle(), focus=window.focusWidget())
        for child in window.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if not child.isWindow() and not child.isHidden():
                child.hide()
                covered.hidden.append(child)
        window.setWindowTitle(self.tr("已锁定"))
        self._covered.append(covered)

    def _cover_late(self, window: QWidget) -> None:
        if window is self.window or self._is_lock_ui(window):
            return
        if window.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
            QTimer.singleShot(0, window.close)
            return
        self._cover(window)

    def lock(self, reason: str = "manual") -> None:
        """Hide everything that may show data and ask for the password."""
        if self.locked:
            return
        self.locked = True
        try:
            note_lock(self.opened, reason)
        except Exception:  # the lock itself must never fail: the screen is hidden regardless
            kind, error, trace = sys.exc_info()
            if kind is not None and error is not None:
                QTimer.singleShot(0, lambda: sys.excepthook(kind, error, trace))
        self._timer.stop()
        QToolTip.hideText()
        for _ in range(20):  # open menus and completer lists close (a menu's exec() returns)
            popup = QApplication.activePopupWidget()
            if popup is None:
                break
            popup.close()
        self._focus = QApplication.focusWidget()
        self._active = QApplication.activeWindow()
        for w in QApplication.topLevelWidgets():
            if w is not self.window and w.isVisible() and not self._is_lock_ui(w):
                self._cover(w)
        self.set_window_locked(True)
        self.dialog = UnlockDialog(self.opened, self.window)
        self.dialog.unlocked.connect(self._unlocked)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.locked_changed.emit(True)

    def _unlocked(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.hide()
            dialog.deleteLater()
        for covered in reversed(self._covered):
            if not _alive(covered.window):  # closed meanwhile (a finished task's progress dialog)
                continue
            for child in covered.hidden:
                if _alive(child):
                    child.show()
            covered.window.setWindowTitle(covered.title)
            if _alive(covered.focus):
                assert covered.focus is not None
                covered.focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self._covered.clear()
        self.set_window_locked(False)
        self.locked = False
        if _alive(self._active) and self._active is not None and self._active.isVisible():
            self._active.activateWindow()
        if _alive(self._focus) and self._focus is not None and self._focus.isVisible():
            self._focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self._focus = self._active = None
        self._last_input = time.monotonic()
        self._timer.start(self.idle_ms())
        self.locked_changed.emit(False)

    def covered_windows(self) -> list[QWidget]:
        return [c.window for c in self._covered]
