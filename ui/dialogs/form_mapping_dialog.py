"""四种形态对应: the form each measure counts in, kind × measure, the convention's form beside it.

Editable at the county by whoever may manage its units (``app.services.form_settings``); shown
read-only everywhere else, with why. 保存 changes every edited row in one operation (one audit
entry); 恢复默认 goes back to the convention after asking.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.context import Context
from app.security.roles import PermissionDenied
from app.services import form_settings
from app.services.policy import PolicyError
from ui.dialogs import ask
from ui.events import ChangeBus
from ui.i18n import tr_message, tr_register, tr_value
from ui.ops import run_op

FORMS = ("1", "2", "3", "4", "")
CHANGED_BACKGROUND = "#fff8e1"
STYLE = """
QLabel#formsNotice { background: #eef3fb; border: 1px solid #b9cbe8; border-radius: 3px; padding: 6px; }
QLabel#formsStatus[error="true"] { color: #c62828; }
"""


class FormMappingDialog(QDialog):
    """The county's mapping; ``saved`` after a change was stored."""

    saved = Signal()
    COLUMNS = 4

    def __init__(self, ctx: Context, parent: QWidget | None = None, *, bus: ChangeBus | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formMappingDialog")
        self.setStyleSheet(STYLE)
        self.setWindowTitle(self.tr("四种形态对应"))
        self.ctx = ctx
        self.bus = bus
        self.editable = form_settings.may_change(ctx)
        self.entries: tuple[form_settings.FormEntry, ...] = ()
        self.combos: dict[tuple[str, str], QComboBox] = {}

        self.notice = QLabel()
        self.notice.setObjectName("formsNotice")
        self.notice.setWordWrap(True)
        if self.editable:
            self.notice.setText(
                self.tr(
                    "各处理方式计入四种形态中的哪一种。默认按通行的统计口径；本县口径不同的，在“形态”列中修改后保存。"
                    "修改记入审计日志，统计按现行对应关系计算，并随数据包发往各单位。"
                )
            )
        elif ctx.installation().unit_type != "county":
            self.notice.setText(self.tr("四种形态的对应关系由县纪委监委统一设置，本机只能查看。"))
        else:
            self.notice.setText(self.tr("只有单位管理员可以修改四种形态的对应关系，当前用户只能查看。"))

        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("formsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("处理类别"), self.tr("处理方式"), self.tr("形态"), self.tr("默认")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab goes on to each row's 形态 list and the buttons
        self.table.setAccessibleName(self.tr("四种形态对应关系"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.status = QLabel()
        self.status.setObjectName("formsStatus")
        self.status.setWordWrap(True)
        self.save_button: QPushButton | None = None
        self.reset_button: QPushButton | None = None
        buttons = QHBoxLayout()
        if self.editable:
            self.reset_button = QPushButton(self.tr("恢复默认…"))
            self.reset_button.setAutoDefault(False)
            self.reset_button.clicked.connect(lambda _checked=False: self.reset_defaults())
            self.save_button = QPushButton(self.tr("保存"))
            self.save_button.setDefault(True)
            self.save_button.clicked.connect(lambda _checked=False: self.save())
            buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        if self.save_button is not None:
            buttons.addWidget(self.save_button)
        close = QPushButton(self.tr("关闭"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.load()
        # Wide enough for every column, the longest 默认 text included, without a horizontal scroll.
        longest = self.tr("已调整（默认：{form}）").format(form=tr_value(form_settings.FORM_LABELS[""]))
        last = self.table.fontMetrics().horizontalAdvance(longest) + 24
        wanted = sum(self.table.columnWidth(c) for c in range(self.COLUMNS - 1)) + last + 80
        self.resize(max(640, wanted), 640)

    # ---- the table ------------------------------------------------------------------------------
    def load(self) -> None:
        self.entries = form_settings.current(self.ctx)
        self.combos.clear()
        self.table.setRowCount(len(self.entries))
        previous = ""
        for row, e in enumerate(self.entries):
            kind = QTableWidgetItem(tr_register(e.kind_label) if e.kind != previous else "")
            kind.setData(Qt.ItemDataRole.AccessibleTextRole, tr_register(e.kind_label))
            previous = e.kind
            self.table.setItem(row, 0, kind)
            self.table.setItem(row, 1, QTableWidgetItem(tr_value(e.measure)))
            if self.editable:
                combo = QComboBox()
                combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                combo.setMinimumContentsLength(8)
                combo.setAccessibleName(
                    self.tr("{kind}（{measure}）计入的形态").format(
                        kind=tr_register(e.kind_label), measure=tr_value(e.measure)
                    )
                )
                for form in FORMS:
                    combo.addItem(tr_value(form_settings.FORM_LABELS[form]), form)
                combo.setCurrentIndex(FORMS.index(e.form))
                combo.currentIndexChanged.connect(lambda _i, row=row: self._edited(row))
                self.table.setCellWidget(row, 2, combo)
                self.combos[(e.kind, e.measure)] = combo
            else:
                self.table.setItem(row, 2, QTableWidgetItem(tr_value(e.form_label)))
            self.table.setItem(row, 3, QTableWidgetItem(""))
            self._mark(row)
        self._update_buttons()

    def form_of(self, kind: str, measure: str) -> str:
        """The form a row shows now (chosen, not yet saved, where editable)."""
        combo = self.combos.get((kind, measure))
        if combo is not None:
            return str(combo.currentData())
        return next(e.form for e in self.entries if (e.kind, e.measure) == (kind, measure))

    def row_of(self, kind: str, measure: str) -> int:
        return next(i for i, e in enumerate(self.entries) if (e.kind, e.measure) == (kind, measure))

    def default_text(self, kind: str, measure: str) -> str:
        item = self.table.item(self.row_of(kind, measure), 3)
        return item.text() if item is not None else ""

    def _mark(self, row: int) -> None:
        """The 默认 column: （默认） where a row counts as the convention does, else the convention's
        form; a row that differs is tinted and bold."""
        e = self.entries[row]
        differs = self.form_of(e.kind, e.measure) != e.default
        item = self.table.item(row, 3)
        assert item is not None
        item.setText(
            self.tr("已调整（默认：{form}）").format(form=tr_value(e.default_label))
            if differs
            else self.tr("（默认）")
        )
        for column in range(self.COLUMNS):
            cell = self.table.item(row, column)
            if cell is None:
                continue
            font = QFont(self.table.font())
            font.setBold(differs)
            cell.setFont(font)
            cell.setBackground(QBrush(QColor(CHANGED_BACKGROUND)) if differs else QBrush())

    def _edited(self, row: int) -> None:
        self._mark(row)
        self.status.clear()
        self._update_buttons()

    def changes(self) -> dict[tuple[str, str], str]:
        """The rows whose chosen form is not the stored one."""
        return {
            (e.kind, e.measure): self.form_of(e.kind, e.measure)
            for e in self.entries
            if self.form_of(e.kind, e.measure) != e.form
        }

    def _update_buttons(self) -> None:
        if self.save_button is not None:
            self.save_button.setEnabled(bool(self.changes()))
        if self.reset_button is not None:
            self.reset_button.setEnabled(any(e.changed for e in self.entries) or bool(self.changes()))

    # ---- saving ---------------------------------------------------------------------------------
    def _run(self, op: Callable[[], bool]) -> bool:
        try:
            if self.bus is not None:
                run_op(self.ctx, self.bus, op)
            else:
                op()
        except (PolicyError, PermissionDenied) as exc:
            self._say(tr_message(exc.message), error=True)
            return False
        return True

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setProperty("error", error)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def save(self) -> bool:
        changes = self.changes()
        if not changes:
            return False
        if not self._run(lambda: form_settings.set_forms(self.ctx, changes)):
            return False
        self.load()
        self._say(self.tr("已保存 {n} 项修改。").format(n=len(changes)))
        self.saved.emit()
        return True

    def confirm(self, title: str, text: str, action: str) -> bool:
        """Ask before going back to the convention (tests replace this)."""
        return ask.confirm(self, title, text, action)

    def reset_defaults(self) -> bool:
        if not self.confirm(
            self.tr("恢复默认"),
            self.tr("把全部处理方式恢复为默认的四种形态对应关系吗？本县所作的调整将被取消。"),
            self.tr("恢复默认"),
        ):
            return False
        if not self._run(lambda: form_settings.reset(self.ctx)):
            return False
        self.load()
        self._say(self.tr("已恢复为默认的对应关系。"))
        self.saved.emit()
        return True

    def reject(self) -> None:
        if self.changes() and not self.confirm(
            self.tr("放弃修改？"), self.tr("修改的对应关系还没有保存。确定要放弃吗？"), self.tr("放弃修改")
        ):
            return
        super().reject()
