"""履职覆盖: for a year and one frequency rule (每月一课, 每周一测, 每季度一期通报, 半年述职述廉, …),
every ower (staff member, commission, village…) × the rule's periods (``app.services.duties``).

Cells are 已完成 (green), 缺 (red: the period is over), 待完成 (amber: under way), blank (later) or
不适用 (grey: a staff member who had left). A line under the grid counts the current period. A
search box narrows the rows by unit or name, 只看缺项 keeps rows with a missed period. Double-click
(or Enter) on a paid cell opens the records behind it. The grid exports to .xlsx. Year, rule, unit
and the two filters are remembered."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.context import Changes
from app.registers import get as get_register
from app.registers.fields import WEEK, Duty
from app.security.roles import PRINT, Actor
from app.services import duties
from app.services.duties_export import export_duty
from app.services.records import RecordService
from app.services.visit_entry import planning_units
from ui.actions import page_action
from ui.dialogs import ask
from ui.dialogs.drill_down import DrillDownDialog
from ui.events import ChangeBus
from ui.heading import heading_label
from ui.i18n import tr_app, tr_message, tr_register
from ui.tasks import Progress, Task, run_task
from ui.watch import ReadTracking

AnyIndex = QModelIndex | QPersistentModelIndex
FIXED_COLUMNS = 2  # unit, ower
YEAR_KEY = "pages/duties/year"
DUTY_KEY = "pages/duties/duty"
UNIT_KEY = "pages/duties/unit"
MISSING_KEY = "pages/duties/missing_only"
TEXT_COLOUR = QColor("#212121")


class DutyModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[duties.Row] = []
        self.periods: list[duties.Period] = []
        self.period_kind = ""
        self._brushes = {s: QBrush(QColor(c)) for s, c in duties.STATUS_COLOURS.items() if c}
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(
        self, periods: Sequence[duties.Period], rows: Sequence[duties.Row], period_kind: str
    ) -> None:
        self.beginResetModel()
        self.periods, self.rows, self.period_kind = list(periods), list(rows), period_kind
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else FIXED_COLUMNS + len(self.periods)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def period(self, column: int) -> duties.Period | None:
        j = column - FIXED_COLUMNS
        return self.periods[j] if 0 <= j < len(self.periods) else None

    def cell(self, row: int, column: int) -> duties.Cell | None:
        p = self.period(column)
        return self.rows[row].cells[p.key] if p is not None and 0 <= row < len(self.rows) else None

    def text(self, row: int, column: int) -> str:
        r = self.rows[row]
        if column == 0:
            return r.unit_name if row == 0 or self.rows[row - 1].unit_id != r.unit_id else ""
        if column == 1:
            return r.ower_name
        cell = self.cell(row, column)
        if cell is None:
            return ""
        label = tr_app(duties.STATUS_LABELS[cell.status]) if duties.STATUS_LABELS[cell.status] else ""
        return f"{label} ×{len(cell.ids)}" if len(cell.ids) > 1 else label

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = self.text(row, column)
            return text or (self.tr("空") if role == Qt.ItemDataRole.AccessibleTextRole else "")
        cell = self.cell(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._brushes.get(cell.status) if cell is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(TEXT_COLOUR) if cell is not None and cell.status in self._brushes else None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if column == 0 else None
        if role == Qt.ItemDataRole.ToolTipRole and cell is not None:
            p = self.period(column)
            assert p is not None
            r = self.rows[row]
            head = (
                f"{r.ower_name} {tr_message(duties.period_label(p, self.period_kind))}（{p.first}—{p.last}）"
            )
            return head + (f"\n{self.tr('双击查看记录')}" if cell.ids else "")
        return None

    def headerData(  # noqa: N802 (Qt's name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return (
                str(section + 1) if role == Qt.ItemDataRole.DisplayRole and section < len(self.rows) else None
            )
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("单位")
        if section == 1:
            return self.tr("对象")
        p = self.period(section)
        return tr_message(duties.period_label(p, self.period_kind)) if p is not None else None


class DutyView(QTableView):
    """Enter on a cell asks for what is behind it, like a double-click."""

    cell_requested = Signal(QModelIndex)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("dutyGrid")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.doubleClicked.connect(self.cell_requested.emit)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setHighlightSections(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.cell_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class DutyPage(ReadTracking, QWidget):
    refreshed = Signal()
    exported = Signal(str)

    def __init__(
        self,
        records: RecordService,
        bus: ChangeBus,
        settings: QSettings,
        actor: Actor | None = None,
        today: Callable[[], date] = date.today,
        open_record: Callable[[str, str], None] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("dutyPage")
        self.records, self.bus, self.settings = records, bus, settings
        self.actor = actor if actor is not None else records.actor
        self.today = today
        self.open_record = open_record
        self.last_task: Task | None = None
        self.last_dialog: Any = None
        self._stale = False
        self.all_rows: list[duties.Row] = []

        title = heading_label(self.tr("履职覆盖"), name="pageTitle")
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.act_export = self._action(
            self.tr("导出 Excel"), "Ctrl+E", self.tr("把履职覆盖表导出为 Excel 文件"), self.export_excel
        )
        self.act_print = self._action(
            self.tr("打印…"), "Ctrl+P", self.tr("预览并打印显示的履职覆盖表"), self.print_grid
        )
        self.act_refresh = self._action(
            self.tr("刷新"), QKeySequence.StandardKey.Refresh, self.tr("重新读取"), self.refresh
        )
        self.act_export.setVisible(self.actor.can(PRINT))
        self.act_print.setVisible(self.actor.can(PRINT))

        self.year_combo = QComboBox()
        self.year_combo.setObjectName("year")
        self.year_combo.setAccessibleName(self.tr("年度"))
        this_year = self.today().year
        for year in range(this_year + 1, this_year - 6, -1):
            self.year_combo.addItem(self.tr("{year} 年").format(year=year), year)
        self.duty_combo = QComboBox()
        self.duty_combo.setObjectName("duty")
        self.duty_combo.setAccessibleName(self.tr("要求"))
        for _reg, d in duties.all_duties():
            self.duty_combo.addItem(tr_register(d.title), d.key)
        self.unit_combo = QComboBox()
        self.unit_combo.setObjectName("unit")
        self.unit_combo.setAccessibleName(self.tr("单位"))
        units, can_choose = planning_units(records)
        if can_choose or not units:
            self.unit_combo.addItem(self.tr("全部乡镇和派驻组"), "")
        for u in units:
            self.unit_combo.addItem(u.name, u.id)
        self.unit_combo.setEnabled(self.unit_combo.count() > 1)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("按单位或对象查找"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("查找"))
        self.missing_only = QCheckBox(self.tr("只看缺项"))
        self.missing_only.setObjectName("missingOnly")
        self._restore_choices()

        choices = QHBoxLayout()
        for caption, widget in (
            (self.tr("年度："), self.year_combo),
            (self.tr("要求："), self.duty_combo),
            (self.tr("单位："), self.unit_combo),
        ):
            buddy = QLabel(caption)
            buddy.setBuddy(widget)
            choices.addWidget(buddy)
            choices.addWidget(widget)
            choices.addSpacing(12)
        choices.addWidget(self.search, 1)
        choices.addWidget(self.missing_only)

        self.rule = QLabel()
        self.rule.setObjectName("rule")
        self.rule.setWordWrap(True)
        self.model = DutyModel(self)
        self.view = DutyView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("履职覆盖表"))
        self.view.cell_requested.connect(self.open_cell)
        self.totals_label = QLabel()
        self.totals_label.setObjectName("totals")
        self.totals_label.setWordWrap(True)
        self.empty = QLabel(self.tr("还没有登记簿规定频次要求。"))
        self.empty.setVisible(self.duty_combo.count() == 0)
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.status_label.setOpenExternalLinks(True)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.toolbar)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(choices)
        layout.addWidget(self.rule)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.totals_label)
        layout.addWidget(self.status_label)

        for combo in (self.year_combo, self.duty_combo, self.unit_combo):
            combo.currentIndexChanged.connect(self._choice_changed)
        self.search.textChanged.connect(self._filter_changed)
        self.missing_only.toggled.connect(self._filter_changed)
        bus.changed.connect(self._on_changed)
        self.refresh()

    def _action(self, text: str, shortcut: Any, tip: str, slot: Callable[[], object]) -> QAction:
        action = page_action(self, text, slot, shortcut, tip)
        self.toolbar.addAction(action)
        return action

    # ---- choices -----------------------------------------------------------------------------
    def _restore_choices(self) -> None:
        for combo, key, default in (
            (self.year_combo, YEAR_KEY, self.today().year),
            (self.duty_combo, DUTY_KEY, ""),
            (self.unit_combo, UNIT_KEY, ""),
        ):
            saved: Any = self.settings.value(key, default)
            if combo is self.year_combo:
                try:
                    saved = int(str(saved))
                except ValueError:
                    saved = default
            index = combo.findData(saved)
            combo.setCurrentIndex(index if index >= 0 else max(0, combo.findData(default)))
        self.missing_only.setChecked(str(self.settings.value(MISSING_KEY, "false")).lower() == "true")

    def _choice_changed(self, _index: int = 0) -> None:
        self.settings.setValue(YEAR_KEY, self.year())
        self.settings.setValue(DUTY_KEY, self.duty_key())
        self.settings.setValue(UNIT_KEY, self.unit_id() or "")
        self.refresh()

    def _filter_changed(self, *_args: object) -> None:
        self.settings.setValue(MISSING_KEY, self.missing_only.isChecked())
        self.show_rows()

    def year(self) -> int:
        return int(self.year_combo.currentData())

    def duty_key(self) -> str:
        return str(self.duty_combo.currentData() or "")

    def duty(self) -> Duty | None:
        key = self.duty_key()
        return duties.find_duty(key)[1] if key else None

    def unit_id(self) -> str | None:
        return str(self.unit_combo.currentData() or "") or None

    def set_choice(
        self, year: int | None = None, duty: str | None = None, unit_id: str | None = None
    ) -> None:
        """Choose as a user would (tests, the home page)."""
        if year is not None:
            self.year_combo.setCurrentIndex(self.year_combo.findData(year))
        if duty is not None:
            self.duty_combo.setCurrentIndex(self.duty_combo.findData(duty))
        if unit_id is not None:
            self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(unit_id)))

    # ---- reading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        self._stale = False
        duty = self.duty()
        if duty is None:
            self.all_rows, self.periods = [], []
        else:
            self.periods, self.all_rows = self.tracked(
                lambda: duties.duty_year(self.records, duty, self.year(), self.unit_id(), today=self.today())
            )
            self.rule.setText(
                self.tr("要求：{title}，{rule}。").format(
                    title=tr_register(duty.title), rule=tr_message(duties.rule_text(duty))
                )
            )
        self.show_rows()

    def shown_rows(self) -> list[duties.Row]:
        needle = self.search.text().strip()
        rows = [r for r in self.all_rows if not needle or needle in r.unit_name or needle in r.ower_name]
        if self.missing_only.isChecked():
            rows = [r for r in rows if any(r.status(p.key) == duties.MISSED for p in self.periods)]
        return rows

    def show_rows(self) -> None:
        duty = self.duty()
        rows = self.shown_rows()
        self.model.set_rows(self.periods, rows, duty.period if duty else "")
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        header.resizeSection(0, metrics.horizontalAdvance("中" * 8) + 24)
        header.resizeSection(1, metrics.horizontalAdvance("中" * 8) + 24)
        for column in range(FIXED_COLUMNS, self.model.columnCount()):
            header.resizeSection(column, metrics.horizontalAdvance("待完成 ×2") + 16)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.totals_label.setText(self.totals_text(rows))
        current = next((p for p in self.periods if p.first <= self.today() <= p.last), None)
        if current is not None and rows and duty is not None and duty.period == WEEK:
            # 53 weeks do not fit: show this week (a month's or a quarter's grid keeps its names in view)
            self.view.scrollTo(self.model.index(0, FIXED_COLUMNS + self.periods.index(current)))
        self.act_export.setEnabled(bool(rows))
        self.refreshed.emit()

    def totals_text(self, rows: Sequence[duties.Row]) -> str:
        duty = self.duty()
        current = next((p for p in self.periods if p.first <= self.today() <= p.last), None)
        if duty is None or not rows:
            return ""
        missed = sum(1 for r in rows for p in self.periods if r.status(p.key) == duties.MISSED)
        text = self.tr("全年缺 {n} 次。").format(n=missed)
        if current is not None:
            n = duties.totals(rows, current.key)
            text = (
                self.tr("{period}：已完成 {paid}，待完成 {due}。").format(
                    period=tr_message(duties.period_label(current, duty.period)),
                    paid=n[duties.PAID],
                    due=n[duties.DUE],
                )
                + text
            )
        return text

    def _on_changed(self, changes: Changes) -> None:
        if not self.touched(changes):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # ---- a cell ------------------------------------------------------------------------------
    def open_cell(self, index: QModelIndex) -> Any:
        """The records behind a paid cell: one opens on its page, several in a list."""
        cell = self.model.cell(index.row(), index.column()) if index.isValid() else None
        duty = self.duty()
        if cell is None or not cell.ids or duty is None:
            return None
        reg_name = duties.find_duty(duty.key)[0].name
        if len(cell.ids) == 1 and self.open_record is not None:
            self.open_record(reg_name, cell.ids[0])
            return None
        row = self.model.rows[index.row()]
        p = self.model.period(index.column())
        assert p is not None
        title = f"{row.ower_name} {tr_message(duties.period_label(p, duty.period))}"
        dialog = DrillDownDialog(
            self.records, get_register(reg_name), cell.ids, title, None, self.settings, self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    # ---- export ------------------------------------------------------------------------------
    def file_stem(self) -> str:
        return self.tr("{year}年{what}完成情况").format(year=self.year(), what=self.duty_combo.currentText())

    def print_grid(self) -> Any:
        """Preview and print the grid as shown (``ui.table_print``)."""
        from ui.table_print import print_duties

        return print_duties(self) if self.duty() is not None else None

    def ask_export_path(self) -> Path | None:
        return ask.xlsx_path(self, self.settings, self.file_stem())

    def export_excel(self) -> Task | None:
        path = self.ask_export_path()
        return self.export_to(path) if path is not None else None

    def export_to(self, path: Path) -> Task | None:
        duty = self.duty()
        if duty is None:
            return None
        self.settings.setValue(ask.EXPORT_DIR_KEY, str(path.parent))
        rows, periods, year, ctx = list(self.model.rows), list(self.periods), self.year(), self.records.ctx

        def work(_progress: Progress) -> int:
            return export_duty(path, duty, year, periods, rows, tr_app, tr_message, tr_register, ctx=ctx)

        def done(count: object) -> None:
            folder = QUrl.fromLocalFile(str(path.parent)).toString()
            self.status_label.setText(
                self.tr('已导出 {n} 行到 {path}　<a href="{folder}">打开所在文件夹</a>').format(
                    n=count, path=html.escape(str(path)), folder=html.escape(folder)
                )
            )
            self.exported.emit(str(path))

        self.last_task = run_task(
            self, work, title=self.tr("导出 Excel"), label=self.tr("正在导出履职覆盖表…"), on_success=done
        )
        self.last_task.failed.connect(lambda _text: self.status_label.setText(self.tr("导出失败。")))
        return self.last_task
