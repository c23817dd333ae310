"""数据冲突: both versions of a record changed on both sides, side by side, one choice per field.

Each differing field has two radio buttons, 本机 and 对方, starting at the version applied now;
保存处理结果 writes the choices through ``app.sync.conflicts.settle`` (a new local version that
the next bundle carries) and closes the dialog. Keyboard: Tab moves from field to field, the arrow
keys choose within a field, Ctrl+S saves.
"""

from __future__ import annotations

import html

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.context import Context
from app.security.roles import PermissionDenied
from app.sync.conflicts import LOCAL, REMOTE, ConflictView, conflict_view, settle
from app.sync.exchange import SyncError
from ui.i18n import tr_message, tr_register, tr_value
from ui.tasks import show_error


class ConflictDialog(QDialog):
    def __init__(self, ctx: Context, conflict_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error_box: QMessageBox | None = None
        self.setObjectName("conflictDialog")
        self.ctx = ctx
        self.conflict_id = conflict_id
        self.view: ConflictView = conflict_view(ctx, conflict_id)
        row = self.view.row
        self.setWindowTitle(self.tr("处理数据冲突"))
        intro = QLabel(
            self.tr(
                "<b>{table}</b>：{record}<br>本机和 {peer} 都修改了这条记录。逐项选择要保留的内容；"
                "当前采用的是{winner}的版本。保存后，处理结果会随下一个数据包发给对方。"
            ).format(
                table=html.escape(tr_register(row.table_title)),
                record=html.escape(row.record),
                peer=html.escape(row.peer_name),
                winner=self.tr("本机") if row.winner == LOCAL else self.tr("对方"),
            )
        )
        intro.setWordWrap(True)

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        for col, text in enumerate(
            (
                self.tr("字段"),
                self.tr("本机的版本"),
                self.tr("对方（{peer}）的版本").format(peer=row.peer_name),
            )
        ):
            head = QLabel(f"<b>{html.escape(text)}</b>")
            grid.addWidget(head, 0, col)
        self.groups: dict[str, QButtonGroup] = {}
        self.radios: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        for r, f in enumerate(self.view.fields, start=1):
            label = tr_value(f.label) if f.name != "deleted" else tr_message_label(f.label)
            grid.addWidget(QLabel(label), r, 0)
            hidden = self.tr("（加密内容，不显示）")
            local = QRadioButton(hidden if f.sensitive else tr_value(f.local) or self.tr("（空）"))
            remote = QRadioButton(hidden if f.sensitive else tr_value(f.remote) or self.tr("（空）"))
            for button, side in ((local, self.tr("本机")), (remote, self.tr("对方"))):
                button.setAccessibleName(f"{label} · {side}")
                button.setToolTip(self.tr("采用{side}的「{field}」").format(side=side, field=label))
            group = QButtonGroup(self)
            group.addButton(local)
            group.addButton(remote)
            (local if row.winner == LOCAL else remote).setChecked(True)
            local.setObjectName(f"local_{f.name}")
            remote.setObjectName(f"remote_{f.name}")
            grid.addWidget(local, r, 1)
            grid.addWidget(remote, r, 2)
            self.groups[f.name] = group
            self.radios[f.name] = (local, remote)
        if not self.view.fields:
            grid.addWidget(QLabel(self.tr("两个版本的内容相同，保存即可关闭这条冲突。")), 1, 0, 1, 3)
        grid.setRowStretch(len(self.view.fields) + 2, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        body = QWidget()
        body.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("保存处理结果"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, lambda: self.save())

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.resize(720, min(220 + 36 * len(self.view.fields), 640))
        first = next(iter(self.radios.values()), None)
        if first is not None:
            (first[0] if first[0].isChecked() else first[1]).setFocus()

    def choices(self) -> dict[str, str]:
        return {name: (LOCAL if local.isChecked() else REMOTE) for name, (local, _r) in self.radios.items()}

    def choose(self, name: str, side: str) -> None:
        local, remote = self.radios[name]
        (local if side == LOCAL else remote).setChecked(True)

    def save(self) -> bool:
        try:
            settle(self.ctx, self.conflict_id, self.choices())
        except (SyncError, PermissionDenied) as exc:  # NotOwner: only the owner's version may stay
            self.error_box = show_error(self, self.tr("处理数据冲突"), tr_message(exc.message))
            return False
        self.accept()
        return True


def tr_message_label(text: str) -> str:
    """A label marked in app/ (context "app")."""
    from ui.i18n import tr_app

    return tr_app(text)


__all__ = ["ConflictDialog", "tr_register"]
