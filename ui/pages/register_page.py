"""The page of one register: search, filters, the list, and the actions on its records.

Everything on the page derives from the register's declaration: the columns, which fields are
searched, one filter per filterable field, the edit form and the export. Changes are announced
on the ``ChangeBus``; the page refreshes when its own register or one it shows changed.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QRect,
    QSettings,
    QSize,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QGuiApplication,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.context import Changes, reading
from app.registers.fields import BOOL, CHOICE, DATE, INT, LONGTEXT, REF, Register
from app.security.roles import EDIT, PRINT, PermissionDenied
from app.services import undo
from app.services.records import NotFoundError, RecordService, ValidationError
from app.services.spreadsheet import export_register
from app.services.xlsx_import import importable
from ui.actions import page_action
from ui.dialogs import ask
from ui.dialogs.history_dialog import HistoryDialog
from ui.dialogs.record_form import RecordForm, offers_person_record
from ui.events import ChangeBus
from ui.i18n import tr_message, tr_register, tr_value
from ui.models.record_table import RecordTableModel
from ui.ops import announce
from ui.pages.person_tools import PersonTools
from ui.pages.workflow_tools import WorkflowTools
from ui.tasks import Progress, Task, run_task
from ui.undo_action import undo_last

SEARCH_DELAY_MS = 200


class FlowLayout(QLayout):
    """Lays widgets out left to right and wraps to a new line when the page is narrow."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt's name)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        x, y, line_height = rect.x(), rect.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line_height > 0:
                x = rect.x()
                y += line_height + self._spacing
                line_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y()


class RecordTable(QTableView):
    """The list: Enter opens the current row; an empty list says what to do."""

    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.placeholder = ""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if enter and plain and self.currentIndex().isValid():
            self.open_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        model = self.model()
        if self.placeholder and model is not None and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            painter.drawText(
                self.viewport().rect().adjusted(24, 24, -24, -24),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                self.placeholder,
            )
            painter.end()


class RegisterPage(QWidget):
    """One register's list with search, filters, edit, delete/undo, history and export."""

    refreshed = Signal()  # after the list was read again (query, filter, refresh)
    exported = Signal(str)  # the file written

    def __init__(
        self,
        records: RecordService,
        reg: Register,
        bus: ChangeBus,
        settings: QSettings,
    ) -> None:
        super().__init__()
        self.records = records
        # What the person may do here (the service refuses the rest anyway): without EDIT (or the
        # register's own permission: the units need UNITS) no 新增/编辑/删除/恢复 and records open
        # for viewing only; without PRINT no export.
        self.actor = records.actor
        self.can_edit = records.may_edit(reg)
        self.can_export = self.actor.can(PRINT)
        self.reg = reg
        self.bus = bus
        self.settings = settings
        self.prefix = f"pages/{reg.name}"
        self.setObjectName(f"registerPage_{reg.name}")
        self._stale = False
        self._emitting = False
        self._restoring = False
        self.last_task: Task | None = None
        self.current_form: RecordForm | None = None

        # The ids are read once, by ``_restore_state``'s ``set_query`` below (300,000 ids took
        # 0.4 s, and were read twice).
        self.model = RecordTableModel(records, reg, self, load=False)

        # ---- title, tool bar ----------------------------------------------------------------
        self.title_label = QLabel(tr_register(reg.title))
        self.title_label.setObjectName("pageTitle")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title_label.setFont(font)

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.act_new = self._action(
            self.tr("新增"), self.new_record, QKeySequence.StandardKey.New, self.tr("新增一条记录")
        )
        self.act_edit = self._action(
            self.tr("编辑"), self.edit_selected, "F2", self.tr("编辑选中的记录（也可双击或按回车）")
        )
        self.act_delete = self._action(
            self.tr("删除"),
            self.delete_selected,
            QKeySequence.StandardKey.Delete,
            self.tr("删除选中的记录，可撤销"),
        )
        self.act_delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # only in the list
        self.act_restore = self._action(
            self.tr("恢复"), self.restore_selected, None, self.tr("恢复选中的已删除记录")
        )
        # Ctrl+Z is the window's (编辑 → 撤销, ``ui.undo_action``): one key for the log-in's last
        # operation, whichever page made it.
        self.act_undo = self._action(
            self.tr("撤销"), self.undo_delete, None, self.tr("撤销本次登录的上一步操作（Ctrl+Z）")
        )
        self.act_history = self._action(
            self.tr("历史"), self.show_history, "Ctrl+H", self.tr("查看选中记录的修改历史")
        )
        self.act_export = self._action(
            self.tr("导出 Excel"), self.export_excel, "Ctrl+E", self.tr("把当前列表导出为 Excel 文件")
        )
        self.act_print = self._action(
            self.tr("打印列表…"), self.print_list, "Ctrl+P", self.tr("预览并打印当前列表：显示的行和列")
        )
        self.act_template = self._action(
            self.tr("下载导入模板…"),
            self.save_template,
            None,
            self.tr("写出本登记簿的 Excel 导入模板：列名、下拉列表和填写说明"),
        )
        self.act_import = self._action(
            self.tr("从 Excel 导入…"),
            self.import_excel,
            None,
            self.tr("从 Excel 台账导入记录：先预览并检查每一行，没有错误才能导入"),
        )
        self.act_refresh = self._action(
            self.tr("刷新"), self.reload, QKeySequence.StandardKey.Refresh, self.tr("重新读取列表")
        )
        self.act_search = self._action(self.tr("搜索"), self.focus_search, QKeySequence.StandardKey.Find, "")
        self.act_copy = self._action(
            self.tr("复制"),
            self.copy_selected,
            QKeySequence.StandardKey.Copy,
            self.tr("复制选中的行，可粘贴到 Excel 或 WPS"),
        )
        self.act_copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        for action in (self.act_new, self.act_edit, self.act_delete, self.act_restore):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        for action in (self.act_history, self.act_export, self.act_print, self.act_refresh):
            self.toolbar.addAction(action)
        # The records of a register only its steps fill (回避决定) are not brought from Excel.
        self.can_import = self.can_edit and importable(reg)
        self.excel_menu = QMenu(self.tr("Excel 导入"), self)
        self.excel_menu.addAction(self.act_template)
        self.excel_menu.addAction(self.act_import)
        if importable(reg):
            excel_button = QToolButton()
            excel_button.setObjectName("excelImportButton")
            excel_button.setText(self.tr("Excel 导入"))
            excel_button.setMenu(self.excel_menu)
            excel_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            self.toolbar.insertWidget(self.act_refresh, excel_button)
        if not self.can_edit:
            # The service's own refusal, as the command line prints it.
            refusal = tr_message(PermissionDenied(reg.permission or EDIT).message)
            self.act_import.setToolTip(refusal)
            self.act_import.setStatusTip(refusal)
        self.act_restore.setVisible(False)
        self.workflow: WorkflowTools | None = WorkflowTools(
            self
        )  # 办理 and 打印, where the register has them
        # 查看档案 / 查看人员档案, where the register's records are people or name one
        self.person_tools = PersonTools(self) if offers_person_record(reg.name) else None
        if not self.can_edit:
            why = self.tr("当前用户的角色只能查看，不能修改。")
            for action in (self.act_new, self.act_delete, self.act_restore, self.act_undo):
                action.setToolTip(why)
                action.setStatusTip(why)
            self.act_edit.setToolTip(self.tr("查看选中的记录（也可双击或按回车）；当前用户的角色不能修改"))
        if not self.can_export:
            why = self.tr("当前用户的角色没有打印和导出的权限。")
            for action in (self.act_export, self.act_print):
                action.setToolTip(why)
                action.setStatusTip(why)

        # ---- search and filters -------------------------------------------------------------
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search")
        self.search_edit.setClearButtonEnabled(True)
        searchable = [tr_register(f.label) for f in reg.fields if f.searchable and f.kind != LONGTEXT]
        self.search_edit.setPlaceholderText(
            self.tr("搜索{fields}…（Ctrl+F）").format(fields=self.tr("、").join(searchable[:4]))
        )
        self.search_edit.setToolTip(
            self.tr("在以下字段中查找：{fields}").format(
                fields=self.tr("、").join(tr_register(f.label) for f in reg.fields if f.searchable)
            )
        )
        self.search_edit.setAccessibleName(self.tr("搜索"))
        self.search_edit.setMinimumWidth(280)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.search_edit.returnPressed.connect(self._search_now)
        self.search_edit.installEventFilter(self)

        self.filters: dict[str, QComboBox] = {}
        self.filter_bar = QWidget()
        filter_row = FlowLayout(self.filter_bar)
        filter_row.addWidget(self.search_edit)
        for f in reg.fields:
            if not f.filterable:
                continue
            combo = QComboBox()
            combo.setObjectName(f"filter_{f.name}")
            combo.setAccessibleName(self.tr("按{label}筛选").format(label=tr_register(f.label)))
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10 if f.kind == REF else 5 if f.kind == CHOICE else 3)
            label = QLabel(self.tr("{label}：").format(label=tr_register(f.label)))
            label.setBuddy(combo)
            pair = QWidget()
            pair_layout = QHBoxLayout(pair)
            pair_layout.setContentsMargins(0, 0, 0, 0)
            pair_layout.setSpacing(2)
            pair_layout.addWidget(label)
            pair_layout.addWidget(combo)
            filter_row.addWidget(pair)
            self.filters[f.name] = combo
        self._load_filter_options()
        for combo in self.filters.values():
            combo.currentIndexChanged.connect(self._filter_changed)
        self.show_deleted = QCheckBox(self.tr("显示已删除"))
        self.show_deleted.setToolTip(self.tr("同时列出已删除的记录（灰色、划线），可选中后恢复"))
        self.show_deleted.toggled.connect(self._show_deleted_toggled)
        filter_row.addWidget(self.show_deleted)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")

        # ---- the table ----------------------------------------------------------------------
        self.table = RecordTable()
        self.table.setObjectName("recordTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)
        self.table.open_requested.connect(self.edit_selected)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.addAction(self.act_delete)
        self.table.addAction(self.act_copy)
        self.table.setAccessibleName(tr_register(reg.title))
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        vertical.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.setToolTip(self.tr("点击列标题排序；拖动调整列宽和顺序；右键选择显示的列"))

        # ---- status line with undo ----------------------------------------------------------
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.status_label.setOpenExternalLinks(True)
        self.status_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.undo_button = QPushButton(self.tr("撤销（Ctrl+Z）"))
        self.undo_button.setObjectName("undo")
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_button.hide()
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(self.undo_button)
        status_row.addSpacing(12)
        status_row.addWidget(self.count_label)

        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addStretch(1)
        top.addWidget(self.toolbar)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(status_row)

        self._restore_state()
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_changed)
        header.sectionResized.connect(self._header_changed)
        header.sectionMoved.connect(self._header_changed)
        sel = self.table.selectionModel()
        sel.selectionChanged.connect(self._update_actions)
        sel.currentChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        bus.changed.connect(self._on_changed)
        self._after_query()

    # ---- construction helpers -------------------------------------------------------------
    def _action(
        self, text: str, slot: Any, shortcut: QKeySequence | QKeySequence.StandardKey | str | None, tip: str
    ) -> QAction:
        return page_action(self, text, slot, shortcut, tip)

    def _load_filter_options(self) -> bool:
        """Fill the filter lists; True when a chosen value is gone (that filter is back to 全部)."""
        lost = False
        for name, combo in self.filters.items():
            f = self.reg.field(name)
            current = combo.currentData() if combo.currentIndex() > 0 else None
            old = combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("全部"), None)
            with reading(self.model.read_tables):
                options = self.records.options(self.reg, name)
            for value, label in options:
                combo.addItem(tr_value(label) if f.kind in (CHOICE, BOOL) else str(label), value)
            index = combo.findData(current) if current is not None else 0
            lost = lost or index < 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(old)
            view = combo.view()
            view.setMinimumWidth(min(view.sizeHintForColumn(0) + 24, 480))
        return lost

    def reload(self) -> None:
        """Options and rows again, after a change."""
        if self._load_filter_options():
            self.apply_filters()
        else:
            self.refresh()

    # ---- the query ----------------------------------------------------------------------------
    def filter_values(self) -> dict[str, Any]:
        return {name: combo.currentData() for name, combo in self.filters.items() if combo.currentIndex() > 0}

    def set_filter(self, name: str, value: Any) -> None:
        """Choose a filter value (None for 全部) and apply it now."""
        combo = self.filters[name]
        index = 0 if value is None else combo.findData(value)
        if index < 0:
            raise KeyError(f"{name} has no option {value!r}")
        combo.setCurrentIndex(index)

    def _filter_changed(self) -> None:
        for name, combo in self.filters.items():
            data = combo.currentData() if combo.currentIndex() > 0 else None
            self.settings.setValue(f"{self.prefix}/filters/{name}", json.dumps(data, ensure_ascii=False))
        self.apply_filters()

    def _show_deleted_toggled(self, _checked: bool) -> None:
        self.act_restore.setVisible(self.show_deleted.isChecked())
        self.apply_filters()

    def _search_now(self) -> None:
        self._search_timer.stop()
        self.apply_filters()
        if self.model.rowCount():
            self.table.setFocus()
            if not self.table.currentIndex().isValid():
                self.select_ids([self.model.ids()[0]])

    def apply_filters(self) -> None:
        """Read the list again with the search text, filters and 显示已删除 as they are now."""
        self._search_timer.stop()
        keep = self.selected_ids()
        self.model.set_query(
            search=self.search_edit.text(),
            filters=self.filter_values(),
            include_deleted=self.show_deleted.isChecked(),
        )
        self.select_ids(keep, scroll=True)
        self._after_query()

    def refresh(self) -> None:
        """Read the list again, keeping the selected rows where they still exist."""
        self._stale = False
        keep = self.selected_ids()
        current = self.selected_id()
        self.model.refresh()
        if keep and self.selected_ids() != keep:
            self.select_ids(keep, current=current)
        self._after_query()

    def _after_query(self) -> None:
        n = self.model.rowCount()
        filtered = bool(self.search_edit.text().strip() or self.filter_values())
        self.count_label.setText(
            self.tr("共 {n} 条（已筛选）").format(n=n) if filtered else self.tr("共 {n} 条").format(n=n)
        )
        if filtered:
            self.table.placeholder = self.tr("没有符合条件的记录。可以换个搜索词，或把筛选改为“全部”。")
        else:
            self.table.placeholder = self.tr("还没有记录。点击“新增”或按 Ctrl+N 添加第一条。")
        self.table.viewport().update()
        self._update_actions()
        self.refreshed.emit()

    def _on_changed(self, changes: Changes) -> None:
        if self._emitting or not changes.touches(self.model.read_tables):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True  # read again when shown

    def _announce(self) -> None:
        """Tell every other view what this page's operations changed (it reloads itself)."""
        self._emitting = True
        try:
            announce(self.records.ctx, self.bus)
        finally:
            self._emitting = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        self.save_state()
        super().hideEvent(event)

    # ---- selection -------------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [row_id for r in rows if (row_id := self.model.id_at(r)) is not None]

    def selected_id(self) -> str | None:
        """The current record: the current row when selected, else the first selected one."""
        current = self.table.currentIndex()
        if current.isValid() and self.table.selectionModel().isRowSelected(current.row(), QModelIndex()):
            return self.model.id_at(current.row())
        ids = self.selected_ids()
        return ids[0] if ids else None

    def select_ids(self, ids: list[str], current: str | None = None, scroll: bool = True) -> None:
        """Select the rows of these ids (those still listed) and make one of them current."""
        rows = [r for r in (self.model.row_of(i) for i in ids) if r >= 0]
        sel = self.table.selectionModel()
        if not rows:
            sel.clearSelection()
            return
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for r in rows:
            selection.select(self.model.index(r, 0), self.model.index(r, last))
        current_row = self.model.row_of(current) if current else -1
        if current_row < 0:
            current_row = rows[0]
        index = self.model.index(current_row, 0)
        sel.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        sel.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if scroll:
            self.table.scrollTo(index)

    def _subject(self, row_id: str) -> str:
        """A short name of a record for messages: its name column, else its first column."""
        row = self.model.row_of(row_id)
        column = "name" if "name" in self.model.columns else self.model.columns[0]
        return self.model.display_text(row, column) if row >= 0 else ""

    def _update_actions(self, *_args: object) -> None:
        ids = self.selected_ids()
        if self.model.include_deleted and len(ids) <= 1000:
            deleted = [self.model.is_deleted(self.model.row_of(i)) for i in ids]
        else:
            deleted = [False] * len(ids)
        one = len(ids) == 1
        edit = self.can_edit
        self.act_new.setEnabled(edit)
        self.act_edit.setEnabled(one)
        self.act_edit.setText(self.tr("查看") if not edit or (one and deleted[0]) else self.tr("编辑"))
        self.act_delete.setEnabled(edit and any(not d for d in deleted))
        self.act_restore.setEnabled(edit and any(deleted))
        self.act_history.setEnabled(one)
        self.act_copy.setEnabled(bool(ids))
        self.act_export.setEnabled(self.can_export and self.model.rowCount() > 0)
        self.act_print.setEnabled(self.can_export and self.model.rowCount() > 0)
        self.act_import.setEnabled(self.can_import)
        last = undo.last(self.records.ctx)
        self.act_undo.setEnabled(edit and last is not None and last.undoable)
        self.undo_button.setEnabled(edit)
        if self.workflow is not None:
            self.workflow.update()
        if self.person_tools is not None:
            self.person_tools.update()

    # ---- editing ---------------------------------------------------------------------------
    def open_editor(self, row_id: str | None = None) -> RecordForm:
        """Open the form for a new record (None) or an existing one; returns it, already shown."""
        initial = self.filter_values() if row_id is None else None
        form = RecordForm(self.records, self.reg, row_id, self, initial=initial)  # view only without EDIT
        form.saved.connect(self._saved)
        form.finished.connect(lambda _result, form=form: self._form_closed(form))
        self.current_form = form
        form.open()
        return form

    def _form_closed(self, form: RecordForm) -> None:
        if self.current_form is form:
            self.current_form = None
        form.deleteLater()
        self.table.setFocus()

    def new_record(self) -> RecordForm | None:
        if not self.can_edit:
            return None
        return self.open_editor(None)

    def show_record(self, row_id: str) -> RecordForm | None:
        """Find a record in the list (clearing search and filters if they hide it) and open it."""
        if self.model.row_of(row_id) < 0 and (self.search_edit.text() or self.filter_values()):
            self.search_edit.clear()
            for combo in self.filters.values():
                combo.setCurrentIndex(0)
            self.apply_filters()
        self.select_ids([row_id])
        return self.open_editor(row_id)

    def edit_selected(self) -> RecordForm | None:
        row_id = self.selected_id()
        if row_id is None:
            return None
        return self.open_editor(row_id)

    def _saved(self, row_id: str) -> None:
        self._announce()
        self.reload()
        if self.model.row_of(row_id) < 0 and (self.search_edit.text() or self.filter_values()):
            self.show_status(self.tr("已保存。这条记录不符合当前的搜索或筛选条件，所以不在列表中。"))
        else:
            self.select_ids([row_id])
            self.show_status(
                self.tr("已保存「{name}」。").format(name=html.escape(self._subject(row_id))),
                undo=self._undoable(),
            )

    @staticmethod
    def tr_label(label: str) -> str:
        return tr_register(label)

    # ---- delete, undo, restore ---------------------------------------------------------------
    def confirm(self, title: str, text: str) -> bool:
        """Ask a yes/no question (tests replace this)."""
        return ask.confirm(self, title, text, self.tr("删除"))

    def warn(self, title: str, text: str) -> None:
        """Tell the user why something was refused (tests replace this)."""
        ask.warn(self, title, text)

    def delete_selected(self) -> list[str]:
        """Tombstone the selected live records after asking; returns the ids deleted."""
        ids = [i for i in self.selected_ids() if not self.model.is_deleted(self.model.row_of(i))]
        if not ids or not self.can_edit:
            return []
        if len(ids) == 1:
            text = self.tr(
                "确定删除「{name}」吗？\n删除后可以立即撤销，也可以勾选“显示已删除”后恢复。"
            ).format(name=self._subject(ids[0]))
        else:
            text = self.tr(
                "确定删除选中的 {n} 条记录吗？\n删除后可以立即撤销，也可以勾选“显示已删除”后恢复。"
            ).format(n=len(ids))
        if not self.confirm(self.tr("删除记录"), text):
            return []
        subjects = {i: self._subject(i) for i in ids}
        done: list[str] = []
        refused: list[str] = []
        with undo.grouped(self.records.ctx, undo.DELETE, self.reg.name):  # one 撤销 for them all
            for row_id in ids:
                try:
                    self.records.delete(self.reg, row_id)
                except ValidationError as exc:
                    reasons = self.tr("；").join(tr_message(m) for m in exc.errors.values())
                    refused.append(
                        self.tr("「{name}」：{reason}").format(name=subjects[row_id], reason=reasons)
                    )
                except NotFoundError:
                    continue
                else:
                    done.append(row_id)
        if done:
            self._announce()
            self.reload()
            if len(done) == 1:
                message = self.tr("已删除「{name}」。").format(name=html.escape(subjects[done[0]]))
            else:
                message = self.tr("已删除 {n} 条记录。").format(n=len(done))
            self.show_status(message, undo=self._undoable())
        if refused:
            self.warn(self.tr("不能删除"), "\n".join(refused))
        return done

    def _undoable(self) -> bool:
        last = undo.last(self.records.ctx)
        return self.can_edit and last is not None and last.undoable

    def undo_delete(self) -> None:
        """Undo the log-in's last operation (the delete or save just made, here or elsewhere)."""
        if not self.can_edit:
            return
        before = undo.last(self.records.ctx)
        self._emitting = True
        try:
            done, text = undo_last(self.records, self.bus)
        finally:
            self._emitting = False
        if not done:
            self.show_status(html.escape(text))
            self.warn(self.tr("不能撤销"), text)
            return
        self.reload()
        if before is not None:
            ids = [st.row_id for st in before.steps if st.register == self.reg.name]
            if ids and self.model.row_of(ids[0]) >= 0:
                self.select_ids(ids)
                self.table.setFocus()
        self.show_status(html.escape(text))

    def restore_selected(self) -> None:
        ids = [i for i in self.selected_ids() if self.model.is_deleted(self.model.row_of(i))]
        if ids and self.can_edit:
            self._restore_ids(ids)
            self.show_status(self.tr("已恢复 {n} 条记录。").format(n=len(ids)))

    def _restore_ids(self, ids: list[str]) -> None:
        with undo.grouped(self.records.ctx, undo.RESTORE, self.reg.name):
            for row_id in ids:
                try:
                    self.records.restore(self.reg, row_id)
                except NotFoundError:
                    continue
        self._announce()
        self.reload()
        self.select_ids(ids)
        self.table.setFocus()

    def show_status(self, rich_text: str, undo: bool = False) -> None:
        """A message under the list (rich text: escape data); ``undo`` offers 撤销."""
        self.status_label.setText(rich_text)
        self.undo_button.setVisible(undo)
        self._update_actions()

    def status_text(self) -> str:
        return self.status_label.text()

    # ---- history, copy -----------------------------------------------------------------------
    def show_history(self) -> HistoryDialog | None:
        row_id = self.selected_id()
        if row_id is None:
            return None
        dialog = HistoryDialog(self.records, self.reg, row_id, self, subject=self._subject(row_id))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def copy_selected(self) -> None:
        header = self.table.horizontalHeader()
        columns = [
            header.logicalIndex(v)
            for v in range(header.count())
            if not header.isSectionHidden(header.logicalIndex(v))
        ]
        lines = ["\t".join(str(self.model.headerData(c, Qt.Orientation.Horizontal)) for c in columns)]
        for row_id in self.selected_ids():
            row = self.model.row_of(row_id)
            lines.append("\t".join(self.model.display_text(row, self.model.columns[c]) for c in columns))
        QGuiApplication.clipboard().setText("\n".join(lines))
        self.show_status(self.tr("已复制 {n} 行，可粘贴到 Excel 或 WPS。").format(n=len(lines) - 1))

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 (Qt's name)
        # ↓ in the search box moves into the list; Esc clears the search.
        if (
            watched is self.search_edit
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
        ):
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self._search_now()
                return True
            if event.key() == Qt.Key.Key_Escape and self.search_edit.text():
                self.search_edit.clear()
                self.apply_filters()
                return True
        return super().eventFilter(watched, event)

    # ---- export and print ----------------------------------------------------------------------
    def print_list(self) -> Any:
        """Preview and print the list as shown (``ui.table_print``)."""
        from ui.table_print import print_register_list

        return print_register_list(self)

    def ask_export_path(self) -> Path | None:
        return ask.xlsx_path(self, self.settings, tr_register(self.reg.title))

    def export_excel(self) -> Task | None:
        path = self.ask_export_path()
        if path is None:
            return None
        return self.export_to(path)

    def export_to(self, path: Path) -> Task:
        """Write the list as it is shown (rows and order) to ``path`` on a worker thread."""
        self.settings.setValue(ask.EXPORT_DIR_KEY, str(path.parent))
        ids = self.model.ids()
        records, reg = self.records, self.reg

        def work(progress: Progress) -> int:
            return export_register(records, reg, ids, path, labels=tr_value, progress=progress)

        def done(count: object) -> None:
            folder = QUrl.fromLocalFile(str(path.parent)).toString()
            self.show_status(
                self.tr('已导出 {n} 条记录到 {path}　<a href="{folder}">打开所在文件夹</a>').format(
                    n=count, path=html.escape(str(path)), folder=html.escape(folder)
                )
            )
            self.exported.emit(str(path))

        self.last_task = run_task(
            self,
            work,
            title=self.tr("导出 Excel"),
            label=self.tr("正在导出 {n} 条记录…").format(n=len(ids)),
            on_success=done,
        )
        self.last_task.cancelled.connect(lambda: self.show_status(self.tr("已取消导出，没有写入文件。")))
        self.last_task.failed.connect(lambda _text: self.show_status(self.tr("导出失败。")))
        return self.last_task

    # ---- Excel templates and import ------------------------------------------------------------
    def ask_template_path(self) -> Path | None:
        return ask.xlsx_path(
            self, self.settings, self.tr("{title}_导入模板").format(title=tr_register(self.reg.title))
        )

    def save_template(self) -> Task | None:
        path = self.ask_template_path()
        if path is None:
            return None
        return self.template_to(path)

    def template_to(self, path: Path) -> Task:
        """Write the register's import template to ``path`` on a worker thread."""
        from app.services.xlsx_template import write_template

        self.settings.setValue(ask.EXPORT_DIR_KEY, str(path.parent))
        records, reg = self.records, self.reg

        def done(_columns: object) -> None:
            self.show_status(self.tr("已写出导入模板 {path}").format(path=html.escape(str(path))))
            self.exported.emit(str(path))

        self.last_task = run_task(
            self,
            lambda _progress: write_template(records, reg, path, labels=tr_value),
            title=self.tr("下载导入模板"),
            label=self.tr("正在写出导入模板…"),
            on_success=done,
        )
        return self.last_task

    def ask_import_path(self) -> Path | None:
        folder = str(self.settings.value(ask.EXPORT_DIR_KEY, "") or "")
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("从 Excel 导入"), folder, self.tr("Excel 工作簿 (*.xlsx *.xlsm)")
        )
        return Path(path) if path else None

    def import_excel(self) -> QDialog | None:
        path = self.ask_import_path()
        if path is None:
            return None
        return self.import_from(path)

    def import_from(self, path: Path) -> QDialog:
        """Open the preview of ``path``'s rows; its 导入 saves them all (or none)."""
        from ui.dialogs.import_dialog import ImportDialog

        self.settings.setValue(ask.EXPORT_DIR_KEY, str(path.parent))

        def imported(report: Any) -> None:
            self.reload()
            self._announce()
            self.show_status(
                self.tr("已从 Excel 导入：新增 {created} 条、更新 {updated} 条").format(
                    created=report.count("created"), updated=report.count("updated")
                )
            )

        dialog = ImportDialog(self.records, self.reg, path, on_imported=imported, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.start_check()
        return dialog

    # ---- menus ---------------------------------------------------------------------------------
    def _table_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for action in (self.act_edit, self.act_history, self.act_copy):
            menu.addAction(action)
        if self.person_tools is not None:
            menu.addAction(self.person_tools.action)
        menu.addSeparator()
        menu.addAction(self.act_delete)
        if self.act_restore.isEnabled():
            menu.addAction(self.act_restore)
        menu.addSeparator()
        menu.addAction(self.act_new)
        menu.addAction(self.act_export)
        if importable(self.reg):
            menu.addMenu(self.excel_menu)
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _header_menu(self, pos: QPoint) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        menu.addSection(self.tr("显示的列"))
        visible = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        for c in range(header.count()):
            action = menu.addAction(str(self.model.headerData(c, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(c))
            action.setEnabled(header.isSectionHidden(c) or len(visible) > 1)
            action.toggled.connect(lambda on, c=c: self._set_column_visible(c, on))
        menu.addSeparator()
        reset = menu.addAction(self.tr("恢复默认列宽和顺序"))
        reset.triggered.connect(self.reset_columns)
        menu.exec(header.mapToGlobal(pos))
        menu.deleteLater()

    def _set_column_visible(self, column: int, visible: bool) -> None:
        self.table.horizontalHeader().setSectionHidden(column, not visible)
        self.save_state()

    # ---- remembered layout ---------------------------------------------------------------------
    def default_column_width(self, column: str) -> int:
        """Wide enough for the title and a typical value of the column's kind."""
        metrics = self.table.fontMetrics()
        label = str(self.model.headerData(self.model.columns.index(column), Qt.Orientation.Horizontal))
        sample = "中" * 6
        if column not in {c.name for c in self.reg.computed}:
            f = self.reg.field(column)
            if f.kind == CHOICE:
                sample = max((tr_value(text) for _value, text in f.choices), key=metrics.horizontalAdvance)
            elif f.kind == BOOL:
                sample = "中"
            elif f.kind == INT:
                sample = "0" * 6
            elif f.kind == DATE:
                sample = "2022-06-30"
            elif f.kind == REF:
                sample = "中" * 9
            elif f.max_length is not None and f.max_length <= 32:
                sample = "中" * 6
            else:
                sample = "中" * 10
        padding = 2 * metrics.horizontalAdvance("M")
        return max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(label) + 20) + padding

    def reset_columns(self) -> None:
        header = self.table.horizontalHeader()
        for logical, column in enumerate(self.model.columns):
            header.setSectionHidden(logical, False)
            header.moveSection(header.visualIndex(logical), logical)
            header.resizeSection(logical, self.default_column_width(column))
        self.save_state()

    def _restore_state(self) -> None:
        self._restoring = True
        try:
            header = self.table.horizontalHeader()
            for logical, column in enumerate(self.model.columns):
                header.resizeSection(logical, self.default_column_width(column))
            sort = str(self.settings.value(f"{self.prefix}/sort", "") or "")
            descending = self.settings.value(f"{self.prefix}/descending", False, type=bool)
            if sort not in self.model.columns:
                sort = self.model.sort_column
            filters = {}
            for name, combo in self.filters.items():
                raw = self.settings.value(f"{self.prefix}/filters/{name}", "")
                try:
                    value = json.loads(str(raw)) if raw else None
                except ValueError:
                    value = None
                index = combo.findData(value) if value is not None else 0
                old = combo.blockSignals(True)
                combo.setCurrentIndex(max(index, 0))
                combo.blockSignals(old)
                if index > 0:
                    filters[name] = value
            self.model.set_query(filters=filters, sort=sort, descending=bool(descending))
            state = self.settings.value(f"{self.prefix}/header")
            columns = str(self.settings.value(f"{self.prefix}/columns", ""))
            if isinstance(state, QByteArray) and columns == ",".join(self.model.columns):
                header.restoreState(state)
            order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            header.setSortIndicator(self.model.columns.index(sort), order)
        finally:
            self._restoring = False

    def save_state(self) -> None:
        """Remember column widths, order, hidden columns and the sort (also done on every change)."""
        header = self.table.horizontalHeader()
        self.settings.setValue(f"{self.prefix}/header", header.saveState())
        self.settings.setValue(f"{self.prefix}/columns", ",".join(self.model.columns))
        self.settings.setValue(f"{self.prefix}/sort", self.model.sort_column)
        self.settings.setValue(f"{self.prefix}/descending", self.model.descending)

    def _header_changed(self, *_args: object) -> None:
        if not self._restoring:
            self.settings.setValue(f"{self.prefix}/header", self.table.horizontalHeader().saveState())
            self.settings.setValue(f"{self.prefix}/columns", ",".join(self.model.columns))

    def _sort_changed(self, _section: int, _order: Qt.SortOrder) -> None:
        # The view has already asked the model to sort (in SQL); remember it.
        if not self._restoring:
            self.save_state()
            self._after_query()
