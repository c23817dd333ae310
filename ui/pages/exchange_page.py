"""数据交换: bundles on a USB stick between the units and the county.

Pick the drive (removable drives, or 选择文件夹…; the choice is remembered), 导出数据包 (a unit:
its bundle for the county; the county: one bundle for each unit chosen) and 导入数据包 (every
*.jwb on the drive that another installation wrote; the import refuses any not addressed here and
says why). Both run on a worker thread with progress (``ui.tasks``). Below: the import summary
per file; at the county each unit's last bundle, days since, records held and open conflicts,
units silent for longer than the set number of days highlighted; the open conflicts, each opened
in ``ConflictDialog``; the history of bundles sent and received. Services only (``app.sync``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.context import Context
from app.db.base import utcnow
from app.security.roles import EXCHANGE, Actor, PermissionDenied
from app.sync.conflicts import LOCAL, conflict_rows
from app.sync.exchange import Exported, Imported, SyncError, export_bundle, import_bundles
from app.sync.status import COUNTY, bundle_files, exchange_status, removable_drives
from ui.dialogs.conflict_dialog import ConflictDialog
from ui.dialogs.history_dialog import local_time
from ui.events import ChangeBus
from ui.i18n import tr_message, tr_register
from ui.ops import announce
from ui.pages.transfers_panel import TransfersPanel
from ui.tasks import Cancelled, Progress, Task, run_task, show_error

PREFIX = "pages/exchange"
FOLDER_KEY = f"{PREFIX}/folder"
DAYS_KEY = f"{PREFIX}/overdue_days"
DEFAULT_DAYS = 30
CHOOSE = "__choose__"

KEY_ROLE = Qt.ItemDataRole.UserRole
AnyIndex = QModelIndex | QPersistentModelIndex
HIGHLIGHT = QColor(255, 226, 190)
REFUSED = QColor(255, 210, 210)


class RowsModel(QAbstractTableModel):
    """A read-only table of texts; ``UserRole`` gives a row's key; highlighted rows are tinted."""

    def __init__(self, headers: Sequence[str], numeric: Sequence[int] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.numeric = set(numeric)
        self.lines: list[list[str]] = []
        self.keys: list[Any] = []
        self.tints: dict[int, QColor] = {}
        self.tips: dict[int, str] = {}

    def set_rows(
        self,
        lines: Sequence[Sequence[str]],
        keys: Sequence[Any] | None = None,
        tints: dict[int, QColor] | None = None,
        tips: dict[int, str] | None = None,
    ) -> None:
        self.beginResetModel()
        width = len(self.headers)
        self.lines = [[*map(str, line[:width]), *[""] * (width - len(line))] for line in lines]
        self.keys = list(keys) if keys is not None else list(range(len(self.lines)))
        self.tints = dict(tints or {})
        self.tips = dict(tips or {})
        self.endResetModel()

    def key(self, row: int) -> Any:
        return self.keys[row] if 0 <= row < len(self.keys) else None

    def texts(self) -> list[list[str]]:
        return [list(line) for line in self.lines]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.lines) or index.column() >= len(self.headers):
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.lines[row][col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tips.get(row) or self.lines[row][col] or None
        if role == KEY_ROLE:
            return self.keys[row]
        if role == Qt.ItemDataRole.BackgroundRole and row in self.tints:
            return QBrush(self.tints[row])
        if role == Qt.ItemDataRole.ForegroundRole and row in self.tints:
            return QBrush(QColor(40, 20, 0))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802 (Qt's name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return str(section + 1) if 0 <= section < len(self.lines) else None


def _table(model: RowsModel, name: str, accessible: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move inside it
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return view


class UnitChoiceDialog(QDialog):
    """The county chooses the units to make bundles for (all checked at first)."""

    def __init__(self, units: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出数据包"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("要导出数据包的单位"))
        for code, name in units:
            item = QListWidgetItem(f"{name}（{code}）")
            item.setData(KEY_ROLE, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("导出"), QDialogButtonBox.ButtonRole.AcceptRole).setDefault(True)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        label = QLabel(self.tr("为下列单位各生成一个数据包（空格键勾选或取消）："))
        label.setBuddy(self.list)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def codes(self) -> list[str]:
        out = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(KEY_ROLE)))
        return out


class ExchangePage(QWidget):
    """Needs ``EXCHANGE``: the constructor raises ``PermissionDenied`` otherwise."""

    exported = Signal(object)  # list of (code, Exported | SyncError message text)
    imported = Signal(object)  # list of Imported
    refreshed = Signal()

    @staticmethod
    def allowed(actor: Actor) -> bool:
        return actor.can(EXCHANGE)

    def __init__(self, ctx: Context, bus: ChangeBus, settings: QSettings) -> None:
        db, actor = ctx.db, ctx.actor
        self.ctx = ctx
        if not actor.can(EXCHANGE):
            raise PermissionDenied(EXCHANGE)
        super().__init__()
        self.setObjectName("exchangePage")
        self.db = db
        self.actor = actor
        self.bus = bus
        self.settings = settings
        self.status: dict[str, Any] = {}
        self.last_task: Task | None = None
        self.error_box: Any = None
        self._restoring = False
        info = db.installation()
        assert info is not None
        self.info = info
        self.is_county = info.unit_type == "county"

        self.title_label = QLabel(self.tr("数据交换"))
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)
        self.role_label = QLabel()
        self.role_label.setObjectName("role")
        self.role_label.setWordWrap(True)

        # ---- the drive and the two actions -----------------------------------------------------
        self.drive_combo = QComboBox()
        self.drive_combo.setObjectName("drive")
        self.drive_combo.setAccessibleName(self.tr("U 盘或文件夹"))
        self.drive_combo.setMinimumContentsLength(28)
        self.drive_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        drive_label = QLabel(self.tr("U 盘(&U)："))
        drive_label.setBuddy(self.drive_combo)
        self.rescan_button = QPushButton(self.tr("重新查找(&R)"))
        self.rescan_button.setToolTip(self.tr("插入 U 盘后重新查找可移动磁盘"))
        self.export_button = QPushButton(
            self.tr("导出数据包(&E)…") if self.is_county else self.tr("导出数据包(&E)")
        )
        self.export_button.setObjectName("export")
        self.export_button.setToolTip(
            self.tr("为选定的单位各生成一个加密数据包，写到 U 盘")
            if self.is_county
            else self.tr("生成发给县纪委监委的加密数据包，写到 U 盘")
        )
        self.import_button = QPushButton(self.tr("导入数据包(&I)"))
        self.import_button.setObjectName("import")
        self.import_button.setToolTip(self.tr("导入 U 盘上所有发给本单位的数据包（*.jwb）"))
        drive_row = QHBoxLayout()
        drive_row.addWidget(drive_label)
        drive_row.addWidget(self.drive_combo, 1)
        drive_row.addWidget(self.rescan_button)
        drive_row.addSpacing(12)
        drive_row.addWidget(self.export_button)
        drive_row.addWidget(self.import_button)

        self.message_label = QLabel()
        self.message_label.setObjectName("message")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # ---- the import summary -----------------------------------------------------------------
        self.summary_model = RowsModel(
            [self.tr("文件"), self.tr("来自"), self.tr("第几号"), self.tr("结果"), self.tr("新增"),
             self.tr("更新"), self.tr("删除"), self.tr("冲突"), self.tr("跳过"), self.tr("说明")],
            numeric=(2, 4, 5, 6, 7, 8), parent=self,
        )  # fmt: skip
        self.summary_table = _table(self.summary_model, "summary", self.tr("导入结果"))
        self.summary_label = QLabel(self.tr("本次导入结果"))
        self.summary_label.setBuddy(self.summary_table)

        # ---- units (county), conflicts, history ---------------------------------------------
        self.units_model = RowsModel(
            [self.tr("单位"), self.tr("最近收到"), self.tr("距今天数"), self.tr("记录数"),
             self.tr("待处理冲突"), self.tr("状态")],
            numeric=(2, 3, 4), parent=self,
        )  # fmt: skip
        self.units_table = _table(self.units_model, "units", self.tr("各单位报送情况"))
        self.days_spin = QSpinBox()
        self.days_spin.setObjectName("overdueDays")
        self.days_spin.setRange(1, 365)
        self.days_spin.setSuffix(self.tr(" 天"))
        self.days_spin.setAccessibleName(self.tr("超过多少天未报送时突出显示"))
        days_label = QLabel(self.tr("超过(&D)"))
        days_label.setBuddy(self.days_spin)
        units_tab = QWidget()
        units_layout = QVBoxLayout(units_tab)
        days_row = QHBoxLayout()
        days_row.addWidget(days_label)
        days_row.addWidget(self.days_spin)
        days_row.addWidget(QLabel(self.tr("未报送的单位突出显示")))
        days_row.addStretch(1)
        units_layout.addLayout(days_row)
        units_layout.addWidget(self.units_table, 1)

        self.conflicts_model = RowsModel(
            [self.tr("表"), self.tr("记录"), self.tr("来自"), self.tr("当前采用"), self.tr("发现时间")],
            parent=self,
        )
        self.conflicts_table = _table(self.conflicts_model, "conflicts", self.tr("数据冲突"))
        self.conflicts_table.doubleClicked.connect(lambda _i: self.open_conflict())
        self.open_conflict_button = QPushButton(self.tr("处理冲突(&C)…"))
        self.open_conflict_button.setObjectName("openConflict")
        conflicts_tab = QWidget()
        conflicts_layout = QVBoxLayout(conflicts_tab)
        conflicts_layout.addWidget(
            QLabel(self.tr("本机和对方都修改过的记录：两个版本都已保存，请逐项选择要保留的内容。"))
        )
        conflicts_layout.addWidget(self.conflicts_table, 1)
        conflict_buttons = QHBoxLayout()
        conflict_buttons.addStretch(1)
        conflict_buttons.addWidget(self.open_conflict_button)
        conflicts_layout.addLayout(conflict_buttons)
        for key in ("Return", "Enter"):
            QShortcut(
                QKeySequence(key), self.conflicts_table, self.open_conflict,
                context=Qt.ShortcutContext.WidgetShortcut,
            )  # fmt: skip

        self.history_model = RowsModel(
            [self.tr("时间"), self.tr("方向"), self.tr("单位"), self.tr("第几号"), self.tr("记录数"),
             self.tr("确认到"), self.tr("内容"), self.tr("文件")],
            numeric=(3, 4, 5), parent=self,
        )  # fmt: skip
        self.history_table = _table(self.history_model, "history", self.tr("交换记录"))

        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        if self.is_county:
            self.tabs.addTab(units_tab, self.tr("各单位报送情况"))
        else:
            units_tab.hide()
        self.conflicts_index = self.tabs.addTab(conflicts_tab, self.tr("数据冲突"))
        self.transfers = TransfersPanel(ctx, bus, self.is_county, self)
        self.tabs.addTab(self.transfers, self.tr("归属变更"))
        self.tabs.addTab(self.history_table, self.tr("交换记录"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.role_label)
        layout.addLayout(drive_row)
        layout.addWidget(self.message_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.summary_table, 1)
        layout.addWidget(self.tabs, 2)
        self.summary_label.setVisible(False)
        self.summary_table.setVisible(False)

        self._restore()
        self.drive_combo.activated.connect(self._drive_activated)
        self.rescan_button.clicked.connect(self.scan_drives)
        self.export_button.clicked.connect(lambda: self.export())
        self.import_button.clicked.connect(lambda: self.import_all())
        self.open_conflict_button.clicked.connect(lambda: self.open_conflict())
        self.days_spin.valueChanged.connect(self._days_changed)
        self.refresh()

    # ---- the drive ------------------------------------------------------------------------------
    def _restore(self) -> None:
        self._restoring = True
        try:
            days = self.settings.value(DAYS_KEY, DEFAULT_DAYS, type=int)
            self.days_spin.setValue(int(days) if days else DEFAULT_DAYS)  # type: ignore[call-overload]
            self.scan_drives()
        finally:
            self._restoring = False

    def scan_drives(self) -> None:
        """List the removable drives, the remembered folder and 选择文件夹…, keeping the choice."""
        combo = self.drive_combo
        saved = str(self.settings.value(FOLDER_KEY, "") or "")
        current = self.folder() if combo.count() else (Path(saved) if saved else None)
        old = combo.blockSignals(True)
        combo.clear()
        for drive in removable_drives():
            combo.addItem(self.tr("U 盘 {path}").format(path=drive), str(drive))
        if current is not None and combo.findData(str(current)) < 0:
            combo.addItem(str(current), str(current))
        combo.addItem(self.tr("选择文件夹…"), CHOOSE)
        index = combo.findData(str(current)) if current is not None else -1
        combo.setCurrentIndex(index if index >= 0 else 0)
        combo.blockSignals(old)

    def folder(self) -> Path | None:
        data = self.drive_combo.currentData()
        if not data or data == CHOOSE:
            return None
        return Path(str(data))

    def set_folder(self, folder: Path) -> None:
        """Use ``folder`` (added to the list when it is not a drive) and remember it."""
        combo = self.drive_combo
        index = combo.findData(str(folder))
        if index < 0:
            combo.insertItem(max(combo.count() - 1, 0), str(folder), str(folder))
            index = combo.findData(str(folder))
        combo.setCurrentIndex(index)
        self.settings.setValue(FOLDER_KEY, str(folder))

    def _drive_activated(self, index: int) -> None:
        if self.drive_combo.itemData(index) == CHOOSE:
            remembered = str(self.settings.value(FOLDER_KEY, "") or "")
            chosen = QFileDialog.getExistingDirectory(self, self.tr("选择 U 盘或文件夹"), remembered)
            if chosen:
                self.set_folder(Path(chosen))
            else:
                self.scan_drives()
                previous = self.drive_combo.findData(remembered)
                self.drive_combo.setCurrentIndex(max(previous, 0))
        elif self.folder() is not None:
            self.settings.setValue(FOLDER_KEY, str(self.folder()))

    def _days_changed(self, value: int) -> None:
        if not self._restoring:
            self.settings.setValue(DAYS_KEY, int(value))
        self._fill_units()

    def _need_folder(self, title: str) -> Path | None:
        folder = self.folder()
        if folder is None or not folder.is_dir():
            self.error_box = show_error(
                self, title, self.tr("请先插入 U 盘并在“U 盘”中选中它，或选择一个文件夹。")
            )
            return None
        return folder

    # ---- export ---------------------------------------------------------------------------------
    def export_targets(self) -> list[tuple[str, str]]:
        return [
            (p["code"], p["name"])
            for p in self.status.get("peers", [])
            if p["unit_type"] != "county" and not p["revoked"]
        ]

    def export(self, codes: Sequence[str] | None = None) -> Task | None:
        """Write bundles to the chosen drive: a unit's for the county, or the county's for
        ``codes`` (asked for when None)."""
        title = self.tr("导出数据包")
        folder = self._need_folder(title)
        if folder is None:
            return None
        targets: list[str | None]
        if self.is_county:
            if codes is None:
                dialog = UnitChoiceDialog(self.export_targets(), self)
                if not dialog.exec():
                    return None
                codes = dialog.codes()
            if not codes:
                self.error_box = show_error(
                    self, title, self.tr("没有选择单位。请先登记单位（enroll），再选择要导出的单位。")
                )
                return None
            targets = list(codes)
        else:
            targets = [None]
        ctx = self.ctx

        def work(progress: Progress) -> list[tuple[str, Exported | str]]:
            out: list[tuple[str, Exported | str]] = []
            for i, code in enumerate(targets):
                if not progress(i, len(targets)):
                    raise Cancelled()
                try:
                    out.append((code or "", export_bundle(ctx, folder, to=code)))
                except SyncError as exc:
                    out.append((code or "", tr_message(exc.message)))
            progress(len(targets), len(targets))
            return out

        self._busy(True)
        self.show_message(self.tr("正在导出数据包…"))
        task = run_task(self, work, title=title, label=self.tr("正在加密并写入数据包，写完后读回校验…"),
                        on_success=self._exported)  # fmt: skip
        task.cancelled.connect(lambda: self.show_message(self.tr("已取消导出；已写完的数据包仍然有效。")))
        task.failed.connect(lambda _t: self.show_message(self.tr("导出没有完成。")))
        task.finished.connect(lambda: self._busy(False))
        self.last_task = task
        return task

    def _exported(self, result: object) -> None:
        announce(self.ctx, self.bus)
        assert isinstance(result, list)
        done = [(c, r) for c, r in result if isinstance(r, Exported)]
        errors = [(c, r) for c, r in result if isinstance(r, str)]
        lines = [
            self.tr("已写入 {path}（第 {n} 号，{records} 条记录），并已读回校验无误。").format(
                path=r.path, n=r.sequence, records=r.records
            )
            for _c, r in done
        ]
        if errors:
            lines += [self.tr("{code}：{reason}").format(code=c, reason=r) if c else r for c, r in errors]
            self.error_box = show_error(
                self, self.tr("导出数据包"), "\n".join(f"{c} {r}".strip() for c, r in errors)
            )
        self.show_message("\n".join(lines))
        self.refresh()
        self.exported.emit(result)

    # ---- import ---------------------------------------------------------------------------------
    def import_all(self) -> Task | None:
        """Import every bundle on the drive that another installation wrote."""
        title = self.tr("导入数据包")
        folder = self._need_folder(title)
        if folder is None:
            return None
        paths, own = bundle_files(folder, self.info.unit_code)
        if not paths:
            self.show_message(
                self.tr("{folder} 中没有其他单位发来的数据包（*.jwb）。").format(folder=folder)
                + (self.tr("另有 {n} 个本机导出的数据包。").format(n=len(own)) if own else "")
            )
            return None
        ctx = self.ctx

        def work(progress: Progress) -> list[Imported]:
            out: list[Imported] = []
            for i, path in enumerate(paths):  # by name: a unit's bundles in their order
                if not progress(i, len(paths)):
                    raise Cancelled()
                out.extend(import_bundles(ctx, [path]))
            progress(len(paths), len(paths))
            return out

        self._own_skipped = len(own)
        self._busy(True)
        self.show_message(self.tr("正在导入数据包…"))
        task = run_task(self, work, title=title, label=self.tr("正在校验、解密并合并数据包…"),
                        on_success=self._imported)  # fmt: skip
        task.cancelled.connect(
            lambda: self.show_message(self.tr("已停止导入；已导入的数据包完整有效，其余可再次导入。"))
        )
        task.failed.connect(lambda _t: self.show_message(self.tr("导入没有完成。")))
        task.finished.connect(lambda: self._busy(False))
        self.last_task = task
        return task

    def _imported(self, result: object) -> None:
        assert isinstance(result, list)
        names = {p["code"]: p["name"] for p in self.status.get("peers", [])}
        lines: list[list[str]] = []
        tints: dict[int, QColor] = {}
        tips: dict[int, str] = {}
        status_text = {
            "imported": self.tr("已导入"),
            "duplicate": self.tr("已导入过"),
            "refused": self.tr("拒绝"),
        }
        for i, r in enumerate(result):
            s = r.summary.as_dict() if r.summary is not None else {}
            reason = tr_message(r.message) if r.message is not None else ""
            sender = f"{names.get(r.sender, r.sender)}" if r.sender else ""
            counts = [str(s.get(k, 0)) if r.status == "imported" else "" for k in
                      ("new", "updated", "deleted", "conflicts", "skipped")]  # fmt: skip
            lines.append([r.path.name, sender, str(r.sequence or ""), status_text.get(r.status, r.status),
                          *counts, reason])  # fmt: skip
            if r.status == "refused":
                tints[i] = REFUSED
                tips[i] = reason
        self.summary_model.set_rows(lines, [str(r.path) for r in result], tints, tips)
        self.summary_label.setVisible(True)
        self.summary_table.setVisible(True)
        self.summary_table.resizeColumnsToContents()
        ok = sum(r.status == "imported" for r in result)
        refused = sum(r.status == "refused" for r in result)
        text = self.tr("导入了 {ok} 个数据包，{dup} 个此前已导入，{bad} 个被拒绝。").format(
            ok=ok, dup=sum(r.status == "duplicate" for r in result), bad=refused
        )
        if self._own_skipped:
            text += self.tr("（{n} 个本机导出的数据包未导入。）").format(n=self._own_skipped)
        self.show_message(text)
        announce(self.ctx, self.bus)  # what the merged bundles changed, register by register
        self.refresh()
        if any(r.summary is not None and r.summary.conflicts for r in result):
            self.tabs.setCurrentIndex(self.conflicts_index)
        self.imported.emit(result)

    # ---- conflicts ------------------------------------------------------------------------------
    def open_conflict(self, conflict_id: int | None = None, modal: bool = True) -> ConflictDialog | None:
        if conflict_id is None:
            rows = self.conflicts_table.selectionModel().selectedRows()
            row = rows[0].row() if rows else self.conflicts_table.currentIndex().row()
            conflict_id = self.conflicts_model.key(row)
        if conflict_id is None:
            return None
        try:
            dialog = ConflictDialog(self.ctx, int(conflict_id), self)
        except SyncError as exc:
            self.error_box = show_error(self, self.tr("处理数据冲突"), tr_message(exc.message))
            return None
        dialog.accepted.connect(self._conflict_settled)
        if modal:
            dialog.exec()
        else:
            dialog.open()
        return dialog

    def _conflict_settled(self) -> None:
        self.show_message(self.tr("冲突已处理；处理结果会随下一个数据包发给对方。"))
        announce(self.ctx, self.bus)
        self.refresh()

    # ---- reading the state ----------------------------------------------------------------------
    def refresh(self) -> None:
        self.status = exchange_status(self.ctx)
        st = self.status
        if st["role"] == COUNTY:
            units = [p for p in st["peers"] if p["unit_type"] != "county"]
            self.role_label.setText(
                self.tr("本机是县纪委监委（{code}）。已登记 {n} 个单位；每个单位的数据包分别导出。").format(
                    code=st["unit_code"], n=len(units)
                )
            )
        else:
            county = next((p for p in st["peers"] if p["unit_type"] == "county"), None)
            if county is None:
                self.role_label.setText(self.tr("本机尚未登记数据交换，须用县纪委监委的登记包初始化。"))
            else:
                last = local_time(county["last_received"]) if county["last_received"] else self.tr("尚未收到")
                self.role_label.setText(
                    self.tr(
                        "本机是{name}（{code}），与{county}交换数据。最近一次收到县里的数据包：{last}。"
                    ).format(name=st["unit_name"], code=st["unit_code"], county=county["name"], last=last)
                )
        self._fill_units()
        self._fill_conflicts()
        self._fill_history()
        if hasattr(self, "transfers"):
            self.transfers.refresh()
        self.refreshed.emit()

    def _fill_units(self) -> None:
        if not self.is_county:
            return
        limit = self.days_spin.value()
        now = utcnow()
        lines: list[list[str]] = []
        keys: list[str] = []
        tints: dict[int, QColor] = {}
        for p in self.status.get("peers", []):
            if p["unit_type"] == "county":
                continue
            days = p["days_since"]
            silent = days if days is not None else max((now.date() - p["enrolled_at"].date()).days, 0)
            if p["revoked"]:
                state = self.tr("已吊销")
            elif silent > limit:
                state = (
                    self.tr("超过 {n} 天未报送").format(n=limit)
                    if days is not None
                    else self.tr("登记后从未报送")
                )
                tints[len(lines)] = HIGHLIGHT
            elif days is None:
                state = self.tr("尚未报送")
            else:
                state = self.tr("正常")
            lines.append([
                f"{p['name']}（{p['code']}）",
                local_time(p["last_received"]) if p["last_received"] else self.tr("尚未收到"),
                "" if days is None else str(days),
                str(p["records"]),
                str(p["open_conflicts"]),
                state,
            ])  # fmt: skip
            keys.append(p["code"])
        self.units_model.set_rows(lines, keys, tints)
        self.units_table.resizeColumnsToContents()

    def _fill_conflicts(self) -> None:
        rows = conflict_rows(self.ctx)
        self.conflicts_model.set_rows(
            [[tr_register(r.table_title), r.record, r.peer_name,
              self.tr("本机的版本") if r.winner == LOCAL else self.tr("对方的版本"), local_time(r.created_at)]
             for r in rows],
            [r.id for r in rows],
        )  # fmt: skip
        self.conflicts_table.resizeColumnsToContents()
        n = len(rows)
        self.tabs.setTabText(
            self.conflicts_index, self.tr("数据冲突（{n}）").format(n=n) if n else self.tr("数据冲突")
        )
        self.open_conflict_button.setEnabled(n > 0)
        if n and not self.conflicts_table.selectionModel().hasSelection():
            self.conflicts_table.selectRow(0)

    def _fill_history(self) -> None:
        lines: list[list[str]] = []
        for b in self.status.get("bundles", []):
            summary = b["summary"] or {}
            if b["direction"] == "in":
                content = self.tr(
                    "新增 {new}，更新 {updated}，删除 {deleted}，冲突 {conflicts}，跳过 {skipped}"
                ).format(
                    **{k: summary.get(k, 0) for k in ("new", "updated", "deleted", "conflicts", "skipped")}
                )
            else:
                content = self.tr("{n} 张表").format(n=len(summary)) if summary else ""
            at: datetime = b["at"]
            lines.append([
                local_time(at),
                self.tr("发出") if b["direction"] == "out" else self.tr("收到"),
                f"{b['peer_name']}（{b['peer']}）",
                str(b["sequence"]),
                str(b["records"]),
                str(b["acked"]),
                content,
                b["file_name"],
            ])  # fmt: skip
        self.history_model.set_rows(lines, [b["bundle_id"] for b in self.status.get("bundles", [])])
        self.history_table.resizeColumnsToContents()
        self.history_table.setToolTip(self.tr("“确认到”：该数据包确认已收到对方变更日志的序号"))

    # ---- helpers --------------------------------------------------------------------------------
    def _busy(self, busy: bool) -> None:
        for button in (self.export_button, self.import_button, self.rescan_button):
            button.setEnabled(not busy)

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)

    def message_text(self) -> str:
        return self.message_label.text()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.refresh()
