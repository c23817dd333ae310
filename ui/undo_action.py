"""编辑 → 撤销: undo this log-in's last operation (``app.services.undo``), named in the menu.

The action reads "撤销(&U)：修改 问题线索 2026-0001" when the last operation can be undone, and is
disabled with the reason as its tooltip when it cannot (nothing done yet, a lifecycle step, an
import, a record changed since). Ctrl+Z reaches it only when the focus is not in a text box: a
line edit, a text area or a date box takes Ctrl+Z for its own undo first (Qt's shortcut
override), so the window never steals a text box's key.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from app.security.roles import PermissionDenied
from app.services import undo
from app.services.records import RecordService, ValidationError
from ui.dialogs import ask
from ui.events import ChangeBus
from ui.i18n import tr_message
from ui.ops import announce


def undo_last(records: RecordService, bus: ChangeBus) -> tuple[bool, str]:
    """Undo the last operation and announce what it changed. (True, "已撤销：…") or (False, why)."""
    try:
        op = undo.undo(records)
    except undo.UndoRefused as refused:
        return False, tr_message(refused.message)
    except ValidationError as refused:
        return False, QCoreApplication.translate("UndoAction", "；").join(
            tr_message(m) for m in refused.errors.values()
        )
    except PermissionDenied as refused:
        return False, tr_message(refused.message)
    finally:
        announce(records.ctx, bus)
    return True, QCoreApplication.translate("UndoAction", "已撤销：{what}").format(
        what=tr_message(op.label())
    )


class UndoAction(QAction):
    """The window's 撤销 for the log-in's last operation; ``undone`` carries the status text."""

    undone = Signal(str)

    def __init__(self, records: RecordService, bus: ChangeBus, parent: QWidget) -> None:
        super().__init__(parent)
        self.records = records
        self.bus = bus
        self.setObjectName("undoAction")
        self.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.triggered.connect(lambda _checked=False: self.run())
        self.refresh()

    def refresh(self) -> None:
        """Name the last operation, or say why there is nothing to undo."""
        op = undo.last(self.records.ctx)
        why = undo.refusal(self.records, op)
        key = self.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if op is None:
            self.setText(QCoreApplication.translate("UndoAction", "撤销(&U)"))
        else:
            what = tr_message(op.label()).replace("&", "&&")
            self.setText(QCoreApplication.translate("UndoAction", "撤销(&U)：{what}").format(what=what))
        if why is None:
            tip = QCoreApplication.translate(
                "UndoAction", "撤销本次登录的上一步操作，作为一次新的修改记入历史（{key}）"
            ).format(key=key)
        else:
            tip = tr_message(why)
        self.setToolTip(tip)
        self.setStatusTip(tip)
        self.setEnabled(why is None)

    def run(self) -> bool:
        """Undo now; the status text goes out on ``undone``, a refusal to ``warn``."""
        done, text = undo_last(self.records, self.bus)
        self.refresh()
        if done:
            self.undone.emit(text)
        else:
            self.warn(QCoreApplication.translate("UndoAction", "不能撤销"), text)
        return done

    def warn(self, title: str, text: str) -> None:
        """Tell the user why the undo was refused (tests replace this)."""
        parent = self.parent()
        if isinstance(parent, QWidget):
            ask.warn(parent, title, text)
