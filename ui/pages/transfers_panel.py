"""归属变更: the requests, transfers and refusals held here (``app.sync.transfers``), with search
and sort; at the county, 同意 and 不同意 answer a pending request. A request is filed on the
command line (``transfer request``) until the casework screens file them where the work happens."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.context import Context
from app.models.transfer import REQUEST, TRANSFER
from app.security.roles import EDIT, PermissionDenied
from app.services import jurisdiction
from app.sync import transfers
from ui.dialogs.history_dialog import local_time
from ui.events import ChangeBus
from ui.i18n import tr_message, tr_register
from ui.ops import run_op
from ui.tasks import show_error

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class TransfersPanel(QWidget):
    def __init__(self, ctx: Context, bus: ChangeBus, is_county: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.bus, self.is_county = ctx, bus, is_county
        self.rows: dict[str, transfers.TransferRow] = {}
        self.model = QStandardItemModel(0, 7, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("类别"),
                self.tr("记录"),
                self.tr("原属单位"),
                self.tr("变更为"),
                self.tr("状态"),
                self.tr("理由"),
                self.tr("时间"),
            ]  # fmt: skip
        )
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit()
        self.search.setObjectName("transferSearch")
        self.search.setPlaceholderText(self.tr("搜索单位、记录或理由"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setObjectName("transfers")
        self.table.setAccessibleName(self.tr("归属变更"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        search_label = QLabel(self.tr("搜索(&S)："))
        search_label.setBuddy(self.search)
        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        hint = (
            self.tr("各单位的归属变更申请：同意后记录改属新单位，随下一批数据包发给双方。")
            if is_county
            else self.tr("本单位的归属变更申请及县纪委监委的决定（申请用命令行 transfer request 提出）。")
        )
        layout.addWidget(QLabel(hint))
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.approve_button = QPushButton(self.tr("同意(&A)…"))
        self.approve_button.setObjectName("approveTransfer")
        self.refuse_button = QPushButton(self.tr("不同意(&R)…"))
        self.refuse_button.setObjectName("refuseTransfer")
        if is_county:
            buttons = QHBoxLayout()
            buttons.addStretch(1)
            buttons.addWidget(self.approve_button)
            buttons.addWidget(self.refuse_button)
            layout.addLayout(buttons)
        self.approve_button.clicked.connect(lambda: self.answer(True))
        self.refuse_button.clicked.connect(lambda: self.answer(False))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.error_box: QMessageBox | None = None
        self.refresh()

    def _answer_text(self, r: transfers.TransferRow) -> str:
        if r.kind != REQUEST:
            return self.tr("县纪委监委已变更") if r.kind == TRANSFER else self.tr("县纪委监委不同意")
        return {"pending": self.tr("待决定"), "transfer": self.tr("已同意"), "refusal": self.tr("未同意")}[
            r.answer
        ]

    def refresh(self) -> None:
        chosen = self.selected()
        rows = transfers.transfer_rows(self.ctx)
        self.rows = {r.id: r for r in rows}
        kinds = {"request": self.tr("申请"), "transfer": self.tr("变更"), "refusal": self.tr("不同意")}
        self.model.setRowCount(0)
        for r in rows:
            cells = [kinds[r.kind], f"{tr_register(r.table_title)}：{r.record}", r.from_unit, r.to_unit, self._answer_text(r),
                     r.reason, local_time(r.at)]  # fmt: skip
            items = [QStandardItem(text) for text in cells]
            items[0].setData(r.id, KEY_ROLE)
            self.model.appendRow(items)
        self.table.resizeColumnsToContents()
        for row in range(self.proxy.rowCount()):  # the same request stays selected
            if chosen is not None and self.proxy.index(row, 0).data(KEY_ROLE) == chosen.id:
                self.table.selectRow(row)
        self._enable()

    def selected(self) -> transfers.TransferRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.rows.get(str(self.proxy.index(rows[0].row(), 0).data(KEY_ROLE)))

    def _enable(self) -> None:
        r = self.selected()
        ok = self.is_county and self.ctx.actor.can(EDIT) and r is not None and r.kind == "request"
        ok = ok and r is not None and r.answer == "pending"
        self.approve_button.setEnabled(bool(ok))
        self.refuse_button.setEnabled(bool(ok))

    def answer(self, approve: bool, reason: str | None = None) -> bool:
        r = self.selected()
        if r is None:
            return False
        if reason is None:
            title = self.tr("同意归属变更") if approve else self.tr("不同意归属变更")
            reason, ok = QInputDialog.getText(self, title, self.tr("理由（必填）："))
            if not ok:
                return False
        try:
            if approve:
                run_op(
                    self.ctx,
                    self.bus,
                    lambda: jurisdiction.approve(self.ctx, r.id, reason),
                )
            else:
                run_op(self.ctx, self.bus, lambda: transfers.refuse_request(self.ctx, r.id, reason))
        except (transfers.TransferError, PermissionDenied) as exc:
            self.error_box = show_error(self, self.tr("归属变更"), tr_message(exc.message))
            return False
        self.refresh()
        return True
