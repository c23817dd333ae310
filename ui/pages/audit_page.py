"""审计日志: who did what and when, filtered by user, action, time and record, and the chain check.

The list reads ids first (filtered and sorted in SQL, newest first) and the display rows of the
few it shows, like the register lists. 校验 walks every unit's hash chain (or the chosen unit's: the
county holds every unit's log, received in their bundles) on a worker thread and reports
"审计日志完整" or the first broken entry, which it then selects, or a chain cut short. The page reads again
when anything changes (every change writes an entry) and each time it is shown (log-ins, locks
and exports write entries too); the filters are remembered.
"""

from __future__ import annotations

import html
from collections import OrderedDict
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QDate,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QKeySequence, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.context import Changes, Context
from app.security.roles import VIEW_AUDIT, Actor, PermissionDenied
from app.services.audit_log import (
    SORT_ACTION,
    SORT_ACTOR,
    SORT_AT,
    SORT_DETAIL,
    SORT_FIELDS,
    SORT_SEQ,
    SORT_TARGET,
    AuditLogService,
    AuditQuery,
    AuditRow,
    VerifyResult,
    local_day_range,
)
from ui.dialogs.history_dialog import local_time
from ui.events import ChangeBus
from ui.i18n import tr_app, tr_message, tr_value
from ui.pages.register_page import FlowLayout
from ui.tasks import Cancelled, Progress, Task, run_task
from ui.watch import ReadTracking, tracks_reads

PAGE_SIZE = 200
CACHE_ROWS = 5_000
SEARCH_DELAY_MS = 250
PREFIX = "pages/audit"
NO_DATE = QDate(2000, 1, 1)  # the date edits' minimum, shown as 不限

ID_ROLE = Qt.ItemDataRole.UserRole
AnyIndex = QModelIndex | QPersistentModelIndex

COLUMNS = (SORT_AT, SORT_ACTOR, SORT_ACTION, SORT_TARGET, SORT_FIELDS, SORT_DETAIL, SORT_SEQ)


class AuditTableModel(QAbstractTableModel):
    """Entries of the audit log for a query; ``UserRole`` gives an entry's id."""

    def __init__(self, service: AuditLogService, parent: Any = None) -> None:
        super().__init__(parent)
        self.service = service
        self._query = AuditQuery()
        self._ids: list[str] = []
        self._positions: dict[str, int] | None = None
        self._cache: OrderedDict[str, AuditRow | None] = OrderedDict()
        self.broken_id: str | None = None  # the entry 校验 found broken (highlighted)
        self._headers = (
            self.tr("时间"),
            self.tr("用户"),
            self.tr("操作"),
            self.tr("对象"),
            self.tr("字段"),
            self.tr("说明"),
            self.tr("单位·序号"),
        )
        self._ids = self.service.ids(self._query)

    # ---- the query ---------------------------------------------------------------------------
    @property
    def query(self) -> AuditQuery:
        q = self._query
        return AuditQuery(q.user, q.action, q.since, q.until, q.target, q.unit, q.sort, q.descending)

    def set_query(self, q: AuditQuery) -> None:
        self.beginResetModel()
        self._query = q
        self._load()
        self.endResetModel()

    def refresh(self) -> None:
        self.set_query(self.query)

    def _load(self) -> None:
        self._ids = self.service.ids(self._query)
        self._positions = None
        self._cache.clear()

    def set_broken(self, entry_id: str | None) -> None:
        old, self.broken_id = self.broken_id, entry_id
        for row in {self.row_of(old), self.row_of(entry_id)}:
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    # ---- ids and rows -------------------------------------------------------------------------
    def ids(self) -> list[str]:
        return list(self._ids)

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, entry_id: str | None) -> int:
        if entry_id is None:
            return -1
        if self._positions is None:
            self._positions = {e: i for i, e in enumerate(self._ids)}
        return self._positions.get(entry_id, -1)

    def entry(self, row: int) -> AuditRow | None:
        entry_id = self.id_at(row)
        if entry_id is None:
            return None
        if entry_id not in self._cache:
            start = (row // PAGE_SIZE) * PAGE_SIZE
            wanted = [i for i in self._ids[start : start + PAGE_SIZE] if i not in self._cache]
            fetched = self.service.rows(wanted)
            for i in wanted:
                self._cache[i] = fetched.get(i)
            while len(self._cache) > CACHE_ROWS:
                self._cache.popitem(last=False)
        return self._cache.get(entry_id)

    def text(self, row: int, column: str) -> str:
        """What a cell shows."""
        e = self.entry(row)
        if e is None:
            return ""
        if column == SORT_AT:
            return local_time(e.at)
        if column == SORT_ACTOR:
            return e.actor
        if column == SORT_ACTION:
            return tr_app(e.action_label)
        if column == SORT_TARGET:
            title = tr_value(e.target_title) if e.target_title else ""
            short = e.target_id[:8]
            return f"{title} · {short}" if title and short else title or short
        if column == SORT_FIELDS:
            return self.tr("、").join(tr_value(label) for label in e.field_labels)
        if column == SORT_DETAIL:
            return tr_message(e.description) if e.description is not None else e.detail
        if column == SORT_SEQ:
            return f"{e.unit} · {e.seq}"
        return ""

    def tooltip(self, row: int, column: str) -> str:
        e = self.entry(row)
        if e is None:
            return ""
        if column == SORT_TARGET and e.target_id:
            return self.tr("{title}，记录编号 {id}").format(
                title=tr_value(e.target_title) if e.target_title else "", id=e.target_id
            )
        if column == SORT_AT:
            return self.tr("本机时间 {local}（UTC {utc}）").format(
                local=local_time(e.at), utc=e.at.strftime("%Y-%m-%d %H:%M:%S")
            )
        return self.text(row, column)

    # ---- QAbstractTableModel -----------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids) or index.column() >= len(COLUMNS):
            return None
        row, column = index.row(), COLUMNS[index.column()]
        if role == ID_ROLE:
            return self._ids[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        broken = self.broken_id is not None and self._ids[row] == self.broken_id
        if role == Qt.ItemDataRole.BackgroundRole and broken:
            return QBrush(QColor(255, 205, 205))
        if role == Qt.ItemDataRole.ForegroundRole:
            if broken:
                return QBrush(QColor(120, 0, 0))
            e = self.entry(row)
            if e is not None and e.deleted:
                return QBrush(
                    QGuiApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
                )
            return None
        if role == Qt.ItemDataRole.FontRole and broken:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(  # noqa: N802 (Qt's name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(COLUMNS):
                return None
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return self._headers[section]
            if role == Qt.ItemDataRole.UserRole:
                return COLUMNS[section]
            return None
        if not 0 <= section < len(self._ids):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL by the column."""
        if not 0 <= column < len(COLUMNS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if COLUMNS[column] == self._query.sort and descending == self._query.descending:
            return
        q = self.query
        q.sort, q.descending = COLUMNS[column], descending
        self.layoutAboutToBeChanged.emit()
        old_ids = self._ids
        persistent = self.persistentIndexList()
        self._query = q
        self._load()
        positions = {e: i for i, e in enumerate(self._ids)}
        new_list = []
        for idx in persistent:
            entry_id = old_ids[idx.row()] if 0 <= idx.row() < len(old_ids) else None
            row = positions.get(entry_id, -1) if entry_id is not None else -1
            new_list.append(self.index(row, idx.column()) if row >= 0 else QModelIndex())
        self.changePersistentIndexList(persistent, new_list)
        self.layoutChanged.emit()


class _RangeDateEdit(QDateEdit):
    """A date edit whose Tab leaves it while it shows 不限 (Qt's own keeps Tab inside for ever,
    looking for a next section the special text does not have)."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 (Qt's names)
        if self.specialValueText() and self.date() == self.minimumDate():
            return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)


class AuditPage(ReadTracking, QWidget):
    """The audit log viewer. Needs ``VIEW_AUDIT``: the constructor raises ``PermissionDenied``
    otherwise (the window offers the page only when ``AuditPage.allowed(actor)``)."""

    refreshed = Signal()  # after the list was read again
    verified = Signal(object)  # a VerifyResult, after 校验

    @staticmethod
    def allowed(actor: Actor) -> bool:
        return actor.can(VIEW_AUDIT)

    def __init__(self, ctx: Context, bus: ChangeBus, settings: QSettings) -> None:
        db, actor = ctx.db, ctx.actor
        self.ctx = ctx
        if not actor.can(VIEW_AUDIT):
            raise PermissionDenied(VIEW_AUDIT)
        super().__init__()
        self.setObjectName("auditPage")
        self.db = db
        self.actor = actor
        self.bus = bus
        self.settings = settings
        self.service = AuditLogService(db, actor)
        self.last_task: Task | None = None
        self.last_result: VerifyResult | None = None
        self._stale = False
        self._shown_before = False
        self._restoring = False
        self.model = AuditTableModel(self.service, self)

        # ---- title and buttons --------------------------------------------------------------
        self.title_label = QLabel(self.tr("审计日志"))
        self.title_label.setObjectName("pageTitle")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title_label.setFont(font)
        self.verify_button = QPushButton(self.tr("校验"))
        self.verify_button.setObjectName("verify")
        self.verify_button.setToolTip(
            self.tr("逐条核对审计日志的哈希链，找出被改动、删除、移动或标记删除的第一条")
        )
        self.verify_button.clicked.connect(self.verify)
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.setObjectName("refresh")
        self.refresh_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_button.clicked.connect(self.refresh)
        self.clear_button = QPushButton(self.tr("清除筛选"))
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.clicked.connect(self.clear_filters)

        # ---- filters ------------------------------------------------------------------------
        self.user_combo = self._combo("filter_user", self.tr("按用户筛选"))
        self.action_combo = self._combo("filter_action", self.tr("按操作筛选"))
        self.action_combo.addItem(self.tr("全部操作"), "")
        for code, label in self.service.actions():
            self.action_combo.addItem(tr_app(label), code)
        self.unit_combo = self._combo("filter_unit", self.tr("按单位筛选"))
        self.from_edit = self._date_edit("filter_from", self.tr("起始日期"))
        self.to_edit = self._date_edit("filter_to", self.tr("截止日期"))
        self.target_edit = QLineEdit()
        self.target_edit.setObjectName("filter_target")
        self.target_edit.setClearButtonEnabled(True)
        self.target_edit.setPlaceholderText(self.tr("记录编号或登记簿名称"))
        self.target_edit.setToolTip(
            self.tr("填记录编号（可只填开头几位），或登记簿名称（如“单位”）、表名，只看与之有关的条目")
        )
        self.target_edit.setAccessibleName(self.tr("按记录筛选"))
        self.target_edit.setMinimumWidth(220)
        self._target_timer = QTimer(self)
        self._target_timer.setSingleShot(True)
        self._target_timer.setInterval(SEARCH_DELAY_MS)
        self._target_timer.timeout.connect(self.apply_filters)
        self.target_edit.textChanged.connect(self._target_timer.start)
        self.target_edit.returnPressed.connect(self.apply_filters)

        self.filter_bar = QWidget()
        flow = FlowLayout(self.filter_bar)
        self.unit_pair = self._pair(self.tr("单位："), self.unit_combo)
        for widget in (
            self._pair(self.tr("用户："), self.user_combo),
            self._pair(self.tr("操作："), self.action_combo),
            self._pair(self.tr("日期："), self.from_edit, QLabel(self.tr("至")), self.to_edit),
            self.unit_pair,
            self._pair(self.tr("记录："), self.target_edit),
            self.clear_button,
        ):
            flow.addWidget(widget)

        # ---- the table ----------------------------------------------------------------------
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName(self.tr("审计日志"))
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setToolTip(self.tr("点击列标题排序；拖动调整列宽和顺序"))

        # ---- status -------------------------------------------------------------------------
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.status_label.setWordWrap(True)
        self.status_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label, 1)
        status_row.addSpacing(12)
        status_row.addWidget(self.count_label)

        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addStretch(1)
        top.addWidget(self.verify_button)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(status_row)

        self._load_options()
        self._restore_state()
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_changed)
        header.sectionResized.connect(self._header_changed)
        header.sectionMoved.connect(self._header_changed)
        for combo in (self.user_combo, self.action_combo, self.unit_combo):
            combo.currentIndexChanged.connect(self._filters_changed)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self._filters_changed)
        bus.changed.connect(self._on_changed)
        self._after_query()

    # ---- construction helpers -----------------------------------------------------------------
    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _date_edit(self, name: str, accessible: str) -> QDateEdit:
        edit = _RangeDateEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("不限"))
        edit.setDate(NO_DATE)
        edit.setToolTip(self.tr("“不限”表示不按这一端限制；日期为本机日期"))
        return edit

    @staticmethod
    def _pair(text: str, *widgets: QWidget) -> QWidget:
        pair = QWidget()
        row = QHBoxLayout(pair)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        label = QLabel(text)
        label.setBuddy(widgets[0])
        row.addWidget(label)
        for w in widgets:
            row.addWidget(w)
        return pair

    def _load_options(self) -> None:
        """The users and units the log names (kept chosen when still there)."""
        for combo, everyone, values in (
            (self.user_combo, self.tr("全部用户"), [(a, a) for a in self.service.actors()]),
            (self.unit_combo, self.tr("全部单位"), self.service.unit_labels()),
        ):
            current = combo.currentData() if combo.currentIndex() > 0 else ""
            old = combo.blockSignals(True)
            combo.clear()
            combo.addItem(everyone, "")
            for value, label in values:
                combo.addItem(label, value)
            if current and combo.findData(current) < 0:
                combo.addItem(current, current)  # a remembered choice with no entries (yet)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(old)
        self.unit_pair.setVisible(self.unit_combo.count() > 2 or self.unit_combo.currentIndex() > 0)

    # ---- filters --------------------------------------------------------------------------------
    @staticmethod
    def _date(edit: QDateEdit) -> date | None:
        d = edit.date()
        return None if d == NO_DATE else date(d.year(), d.month(), d.day())

    def current_query(self) -> AuditQuery:
        """The query the filters describe, with the list's sort."""
        since, until = local_day_range(self._date(self.from_edit), self._date(self.to_edit))
        sort = self.model.query
        return AuditQuery(
            user=str(self.user_combo.currentData() or ""),
            action=str(self.action_combo.currentData() or ""),
            since=since,
            until=until,
            target=self.target_edit.text().strip(),
            unit=str(self.unit_combo.currentData() or ""),
            sort=sort.sort,
            descending=sort.descending,
        )

    def is_filtered(self) -> bool:
        q = self.current_query()
        return bool(q.user or q.action or q.unit or q.target or q.since or q.until)

    def set_filters(
        self,
        user: str | None = None,
        action: str | None = None,
        first: date | None = None,
        last: date | None = None,
        target: str | None = None,
        unit: str | None = None,
    ) -> None:
        """Set filters (None leaves one as it is; "" clears a text or choice) and apply them now."""
        self._restoring = True
        try:
            for combo, value in (
                (self.user_combo, user),
                (self.action_combo, action),
                (self.unit_combo, unit),
            ):
                if value is not None:
                    index = combo.findData(value)
                    if index < 0:
                        raise KeyError(f"{combo.objectName()} has no option {value!r}")
                    combo.setCurrentIndex(index)
            if first is not None:
                self.from_edit.setDate(QDate(first.year, first.month, first.day))
            if last is not None:
                self.to_edit.setDate(QDate(last.year, last.month, last.day))
            if target is not None:
                self.target_edit.setText(target)
        finally:
            self._restoring = False
        self.apply_filters()

    def clear_filters(self) -> None:
        self._restoring = True
        try:
            for combo in (self.user_combo, self.action_combo, self.unit_combo):
                combo.setCurrentIndex(0)
            self.from_edit.setDate(NO_DATE)
            self.to_edit.setDate(NO_DATE)
            self.target_edit.clear()
        finally:
            self._restoring = False
        self.apply_filters()

    def _filters_changed(self, *_args: object) -> None:
        if not self._restoring:
            self.apply_filters()

    def apply_filters(self) -> None:
        """Read the list again with the filters as they are now, and remember them."""
        self._target_timer.stop()
        keep = self.selected_ids()
        self.model.set_query(self.current_query())
        self.select_ids(keep)
        self._save_filters()
        self._after_query()

    @tracks_reads
    def refresh(self) -> None:
        """Read the users, units and entries again, keeping the selection."""
        self._stale = False
        keep = self.selected_ids()
        self._restoring = True
        try:
            self._load_options()
        finally:
            self._restoring = False
        self.model.set_query(self.current_query())
        self.select_ids(keep, scroll=False)
        self._after_query()

    def _after_query(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(
            self.tr("共 {n} 条（已筛选）").format(n=n)
            if self.is_filtered()
            else self.tr("共 {n} 条").format(n=n)
        )
        self.refreshed.emit()

    def _on_changed(self, changes: Changes) -> None:
        if not self.touched(changes):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        # Log-ins, locks and exports write entries without a change signal: read again each time
        # the page comes back (the first time it shows what it has just read).
        if self._shown_before or self._stale:
            self.refresh()
        self._shown_before = True

    # ---- selection ------------------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [e for r in rows if (e := self.model.id_at(r)) is not None]

    def select_ids(self, ids: list[str], scroll: bool = True) -> None:
        rows = [r for r in (self.model.row_of(i) for i in ids) if r >= 0]
        sel = self.table.selectionModel()
        if not rows:
            sel.clearSelection()
            return
        flags = QItemSelectionModel.SelectionFlag.Rows
        sel.setCurrentIndex(
            self.model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.ClearAndSelect | flags
        )
        for r in rows[1:]:
            sel.select(self.model.index(r, 0), QItemSelectionModel.SelectionFlag.Select | flags)
        if scroll:
            self.table.scrollTo(self.model.index(rows[0], 0))

    def row_texts(self) -> list[list[str]]:
        """The list as shown (for tests and copying)."""
        return [[self.model.text(r, c) for c in COLUMNS] for r in range(self.model.rowCount())]

    # ---- the check ------------------------------------------------------------------------------
    def verify(self) -> Task:
        """Check the chain on a worker thread; the outcome is shown under the list."""
        service = self.service
        unit = str(self.unit_combo.currentData() or "")  # the chosen unit's chain, or every chain

        def work(progress: Progress) -> VerifyResult:
            def report(done: int, total: int) -> None:
                if not progress(done, total):
                    raise Cancelled()

            return service.verify(progress=report, unit=unit)

        self.verify_button.setEnabled(False)
        self.show_status(self.tr("正在校验审计日志…"))
        task = run_task(
            self,
            work,
            title=self.tr("校验审计日志"),
            label=self.tr("正在逐条核对审计日志…"),
            on_success=self._verified,
        )
        task.cancelled.connect(lambda: self.show_status(self.tr("已取消校验。")))
        task.failed.connect(lambda _text: self.show_status(self.tr("校验没有完成。")))
        task.finished.connect(lambda: self.verify_button.setEnabled(True))
        self.last_task = task
        return task

    def _verified(self, result: object) -> None:
        assert isinstance(result, VerifyResult)
        self.last_result = result
        text = html.escape(tr_message(result.message))
        broken = result.broken
        if broken is None:
            self.model.set_broken(None)
            self.show_status(f'<span style="color:#1b6e20">✔ {text}</span>')
        else:
            self.refresh()
            if broken.entry_id:  # a cut chain's missing end has no entry to show
                if self.model.row_of(broken.entry_id) < 0 and self.is_filtered():
                    self.clear_filters()  # the broken entry is hidden by the filters: show everything
                self.model.set_broken(broken.entry_id)
                self.select_ids([broken.entry_id])
                self.table.setFocus()
            self.show_status(f'<span style="color:#b00020">✘ {text}</span>')
        self.verified.emit(result)

    def show_status(self, rich_text: str) -> None:
        self.status_label.setText(rich_text)

    def status_text(self) -> str:
        return self.status_label.text()

    # ---- remembered filters and layout ----------------------------------------------------------
    def _save_filters(self) -> None:
        if self._restoring:
            return
        s, p = self.settings, PREFIX
        s.setValue(f"{p}/user", str(self.user_combo.currentData() or ""))
        s.setValue(f"{p}/action", str(self.action_combo.currentData() or ""))
        s.setValue(f"{p}/unit", str(self.unit_combo.currentData() or ""))
        s.setValue(f"{p}/target", self.target_edit.text())
        for key, edit in (("from", self.from_edit), ("to", self.to_edit)):
            d = self._date(edit)
            s.setValue(f"{p}/{key}", d.isoformat() if d else "")

    def _restore_state(self) -> None:
        self._restoring = True
        try:
            s, p = self.settings, PREFIX
            for combo, key in (
                (self.user_combo, "user"),
                (self.action_combo, "action"),
                (self.unit_combo, "unit"),
            ):
                value = str(s.value(f"{p}/{key}", "") or "")
                index = combo.findData(value) if value else 0
                if index < 0 and combo is not self.action_combo:
                    combo.addItem(value, value)
                    index = combo.count() - 1
                combo.setCurrentIndex(max(index, 0))
            self.unit_pair.setVisible(self.unit_combo.count() > 2 or self.unit_combo.currentIndex() > 0)
            for key, edit in (("from", self.from_edit), ("to", self.to_edit)):
                text = str(s.value(f"{p}/{key}", "") or "")
                try:
                    d = date.fromisoformat(text) if text else None
                except ValueError:
                    d = None
                edit.setDate(QDate(d.year, d.month, d.day) if d else NO_DATE)
            self.target_edit.setText(str(s.value(f"{p}/target", "") or ""))
            self._target_timer.stop()
            sort = str(s.value(f"{p}/sort", SORT_AT) or SORT_AT)
            if sort not in COLUMNS:
                sort = SORT_AT
            descending = s.value(f"{p}/descending", True, type=bool)
            q = self.current_query()
            q.sort, q.descending = sort, bool(descending)
            self.model.set_query(q)
            header = self.table.horizontalHeader()
            metrics = self.table.fontMetrics()
            for column, sample in enumerate(
                ("2022-06-30 23:59:59 ·", "中" * 6, "中" * 7, "中" * 10, "中" * 14, "中" * 14, "C01 · 99999")
            ):
                header.resizeSection(
                    column, metrics.horizontalAdvance(sample) + 2 * metrics.horizontalAdvance("M")
                )
            state = s.value(f"{p}/header")
            if isinstance(state, QByteArray):
                header.restoreState(state)
            order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            header.setSortIndicator(COLUMNS.index(sort), order)
        finally:
            self._restoring = False

    def _sort_changed(self, _section: int, _order: Qt.SortOrder) -> None:
        if not self._restoring:
            q = self.model.query
            self.settings.setValue(f"{PREFIX}/sort", q.sort)
            self.settings.setValue(f"{PREFIX}/descending", q.descending)
            self.settings.setValue(f"{PREFIX}/header", self.table.horizontalHeader().saveState())

    def _header_changed(self, *_args: object) -> None:
        if not self._restoring:
            self.settings.setValue(f"{PREFIX}/header", self.table.horizontalHeader().saveState())
