"""Running slow work (disk, export, crypto) on a worker thread with a progress dialog.

``run_task(parent, fn, ...)`` calls ``fn(progress)`` on a thread of the global ``QThreadPool``;
``progress(done, total)`` moves the dialog's bar and returns False once the user pressed 取消
(the long operations in ``app/`` take exactly such a callback). The outcome comes back on the GUI
thread through the returned ``Task``'s signals; a failure is shown in a Chinese message box. The
GUI thread never waits for the worker.
"""

from __future__ import annotations

import errno
import sys
import threading
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from app import os_errors
from ui.i18n import tr_message

Progress = Callable[[int, int], bool]

# Show the progress dialog only when the work takes longer than this (ms): no flashing.
PROGRESS_DELAY_MS = 400


class Cancelled(Exception):
    """Raise from a task function to stop early; the task then reports ``cancelled``."""


def cancel_exceptions() -> tuple[type[BaseException], ...]:
    """Exceptions that mean "the user cancelled". Imported when a task ends, not at start-up:
    this module is loaded before the log-in dialog, which must not wait for SQLAlchemy."""
    from app.services.spreadsheet import ExportCancelled

    return (Cancelled, ExportCancelled)


class TaskState(Enum):
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"


def describe_error(exc: BaseException) -> tuple[str, bool]:
    """A Chinese explanation of ``exc`` and whether it is an error a user can meet."""
    from app.services.records import NotFoundError, ValidationError

    if isinstance(exc, ValidationError):
        return "\n".join(tr_message(m) for m in exc.errors.values()), True
    if isinstance(exc, NotFoundError):
        return QCoreApplication.translate("Task", "该记录已不存在，可能已被删除。请刷新列表后重试。"), True
    if isinstance(exc, PermissionError):
        return (
            QCoreApplication.translate(
                "Task",
                "没有权限写入该文件或文件夹。如果文件正在 Excel 等程序中打开，请先关闭它；或换一个文件夹再试。",
            ),
            True,
        )
    if isinstance(exc, FileNotFoundError):
        missing = Path(str(exc.filename or ""))
        if not missing.parent.exists():  # the folder is what is missing, not a temporary file in it
            missing = missing.parent
        text = QCoreApplication.translate("Task", "找不到文件或文件夹：{path}。请检查位置后重试。")
        return text.format(path=missing), True
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return QCoreApplication.translate("Task", "磁盘空间不足。请清理磁盘或换一个位置后重试。"), True
        return tr_message(os_errors.describe(exc)), True  # "Is a directory" and the like, in Chinese
    known = os_errors.database_failure(exc)  # the database's disk is full …
    if known is not None:
        return tr_message(known), True
    return (
        QCoreApplication.translate(
            "Task", "发生了意外错误（{kind}）。请重试；如果仍然出错，请联系县纪委监委的信息管理员。"
        ).format(kind=type(exc).__name__),
        False,
    )


class _Relay(QObject):
    """Carries the worker's results to the GUI thread (queued, because it lives there)."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], relay: _Relay, cancel: threading.Event) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay
        self.cancel = cancel

    def _progress(self, done: int, total: int) -> bool:
        self.relay.progressed.emit(int(done), int(total))
        return not self.cancel.is_set()

    def run(self) -> None:
        try:
            result = self.fn(self._progress)
        except BaseException as exc:  # noqa: BLE001 (delivered to the GUI thread, not swallowed)
            self.relay.failed.emit(exc)
        else:
            self.relay.succeeded.emit(result)


class Task(QObject):
    """One background operation. Signals arrive on the GUI thread; ``finished`` always comes last."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal()

    _running: set[Task] = set()

    def __init__(
        self,
        parent: QWidget | None,
        fn: Callable[[Progress], Any],
        *,
        title: str,
        label: str,
        cancellable: bool = True,
        show_errors: bool = True,
    ) -> None:
        super().__init__(None)
        self.parent_widget = parent
        self.title = title
        self.fn = fn
        self.state = TaskState.RUNNING
        self.result: Any = None
        self.error: BaseException | None = None
        self.error_text = ""
        self.error_box: QMessageBox | None = None
        self.show_errors = show_errors
        # The page that started the work may close before it ends: then only ``finished`` is sent.
        self.orphaned = False
        if parent is not None:
            parent.destroyed.connect(self._parent_destroyed)
        self._cancel = threading.Event()
        self._relay = _Relay()
        self._relay.progressed.connect(self._on_progress)
        self._relay.succeeded.connect(self._on_success)
        self._relay.failed.connect(self._on_failure)
        self.dialog = QProgressDialog(
            label, QCoreApplication.translate("Task", "取消") if cancellable else "", 0, 0, parent
        )
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        if not cancellable:
            self.dialog.setCancelButton(None)
        self.dialog.canceled.connect(self.cancel)
        self.dialog.setValue(0)

    def _parent_destroyed(self) -> None:
        self.orphaned = True
        self.parent_widget = None

    def start(self) -> Task:
        Task._running.add(self)
        QThreadPool.globalInstance().start(_Runnable(self.fn, self._relay, self._cancel))
        return self

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the worker to stop at its next progress report."""
        if self.state is TaskState.RUNNING and not self._cancel.is_set():
            self._cancel.set()
            if not self.orphaned:
                self.dialog.setLabelText(QCoreApplication.translate("Task", "正在取消…"))

    def _on_progress(self, done: int, total: int) -> None:
        if self.state is not TaskState.RUNNING or self.orphaned:
            return
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
        self.progressed.emit(done, total)

    def _close_dialog(self) -> None:
        if self.orphaned:  # the dialog went with its parent
            return
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()

    def _on_success(self, result: object) -> None:
        self.result = result
        self.state = TaskState.SUCCEEDED
        self._close_dialog()
        if not self.orphaned:
            self.succeeded.emit(result)
        self._finish()

    def _on_failure(self, exc: BaseException) -> None:
        self.error = exc
        self._close_dialog()
        if isinstance(exc, cancel_exceptions()):
            self.state = TaskState.CANCELLED
            if not self.orphaned:
                self.cancelled.emit()
            self._finish()
            return
        self.state = TaskState.FAILED
        text, expected = describe_error(exc)
        self.error_text = text
        if self.show_errors:
            self.error_box = show_error(self.parent_widget, self.title, text)
        if not self.orphaned:
            self.failed.emit(text)
        self._finish()
        if not expected:
            # A programming error: shown to the user above, and reported like any uncaught error.
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def _finish(self) -> None:
        self.finished.emit()
        Task._running.discard(self)


def show_error(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """A window-modal error box that does not block the caller."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        title or QCoreApplication.translate("Task", "操作失败"),
        text,
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.addButton(QCoreApplication.translate("Task", "确定"), QMessageBox.ButtonRole.AcceptRole)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def run_task(
    parent: QWidget | None,
    fn: Callable[[Progress], Any],
    *,
    title: str,
    label: str,
    on_success: Callable[[Any], None] | None = None,
    cancellable: bool = True,
    show_errors: bool = True,
) -> Task:
    """Start ``fn(progress)`` on a worker thread; ``on_success(result)`` runs on the GUI thread."""
    task = Task(parent, fn, title=title, label=label, cancellable=cancellable, show_errors=show_errors)
    if on_success is not None:
        task.succeeded.connect(on_success)
    return task.start()


def running_tasks() -> int:
    return len(Task._running)


def wait_for_tasks(timeout_ms: int = 30_000) -> bool:
    """Block until every worker is done (for shutdown only); True when none is left running."""
    return bool(QThreadPool.globalInstance().waitForDone(timeout_ms))
