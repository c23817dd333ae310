"""编制配备汇总: posts against people per unit type, and the townships' supervision figures.

The figures come from ``app.services.staffing``; the columns and the export from
``app.services.staffing_export``. The page reads again when units, staff or the township
figures change.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.context import Changes, Context
from app.services.staffing import StaffingRow, TownshipTotals, staffing_summary, stats_years, township_totals
from app.services.staffing_export import (
    NOT_ENTERED,
    STAFFING_COLUMNS,
    export_staffing,
    format_percent,
    summary_total,
)
from ui.dialogs import ask
from ui.events import ChangeBus
from ui.heading import heading_label
from ui.i18n import tr_app, tr_register, tr_value
from ui.tasks import Progress, Task, run_task
from ui.watch import ReadTracking, tracks_reads

YEAR_KEY = "pages/staffing/year"

AnyIndex = QModelIndex | QPersistentModelIndex


class StaffingSource(Protocol):
    """Where the page gets its figures (a database, or anything else in tests)."""

    def summary(self) -> list[StaffingRow]: ...

    def totals(self, year: int) -> TownshipTotals: ...

    def years(self) -> list[int]: ...


class DatabaseStaffingSource:
    """The figures of an open database, read through ``app.services.staffing``."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.db = ctx.db
        self.user = ctx.user

    def summary(self) -> list[StaffingRow]:
        return staffing_summary(self.db, self.user)

    def totals(self, year: int) -> TownshipTotals:
        return township_totals(self.db, year, self.user)

    def years(self) -> list[int]:
        return stats_years(self.db, self.user)


def _number(value: int) -> str:
    return QLocale().toString(value)


class StaffingTableModel(QAbstractTableModel):
    """One line per unit type, then 合计 (bold). ``UserRole`` gives the raw number."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.lines: list[StaffingRow] = []

    def set_rows(self, rows: Sequence[StaffingRow]) -> None:
        self.beginResetModel()
        self.lines = [*rows, summary_total(rows)] if rows else []
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(STAFFING_COLUMNS)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def text(self, row: int, key: str) -> str:
        """A cell's text by column key (``units``, ``full_time_share``...)."""
        value = getattr(self.lines[row], key)
        if key == "full_time_share":
            return format_percent(value)
        if value is None:  # posts nobody entered
            return tr_app(NOT_ENTERED)
        if isinstance(value, str):
            return tr_value(value)
        return _number(value)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.lines) or index.column() >= len(STAFFING_COLUMNS):
            return None
        column = STAFFING_COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), column.key)
        if role == Qt.ItemDataRole.UserRole:
            return getattr(self.lines[index.row()], column.key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignLeft if index.column() == 0 else Qt.AlignmentFlag.AlignRight
            return horizontal | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole and index.row() == len(self.lines) - 1:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(  # noqa: N802 (Qt's name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(STAFFING_COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return tr_app(STAFFING_COLUMNS[section].label)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None


class StaffingPage(ReadTracking, QWidget):
    """The summary table, a one-line reading of it, and one year's township totals."""

    refreshed = Signal()
    exported = Signal(str)

    def __init__(self, source: Context | StaffingSource, bus: ChangeBus, settings: QSettings) -> None:
        super().__init__()
        self.setObjectName("staffingPage")
        self.source: StaffingSource = (
            DatabaseStaffingSource(source) if isinstance(source, Context) else source
        )
        self.bus = bus
        self.settings = settings
        self._stale = False
        self.rows: list[StaffingRow] = []
        self.current_totals: TownshipTotals | None = None
        self.last_task: Task | None = None

        title = heading_label(self.tr("编制配备汇总"), name="pageTitle")

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.act_export = QAction(self.tr("导出 Excel"), self)
        self.act_export.setShortcut(QKeySequence("Ctrl+E"))
        self.act_export.setToolTip(self.tr("把汇总表导出为 Excel 文件（Ctrl+E）"))
        self.act_export.triggered.connect(lambda _checked=False: self.export_excel())
        self.act_refresh = QAction(self.tr("刷新"), self)
        self.act_refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.act_refresh.setToolTip(self.tr("重新统计（F5）"))
        self.act_refresh.triggered.connect(lambda _checked=False: self.refresh())
        for action in (self.act_export, self.act_refresh):
            self.addAction(action)
            self.toolbar.addAction(action)

        self.model = StaffingTableModel(self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move inside it
        self.table.setObjectName("staffingTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("编制配备汇总表"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(header.fontMetrics().horizontalAdvance("0000000") + 12)
        self.table.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.reading = QLabel()
        self.reading.setObjectName("reading")
        self.reading.setWordWrap(True)
        self.reading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.year_combo = QComboBox()
        self.year_combo.setObjectName("year")
        self.year_combo.setAccessibleName(self.tr("年度"))
        self.year_combo.currentIndexChanged.connect(self._year_changed)
        self.townships_label = QLabel()
        self.objects_label = QLabel()
        self.members_label = QLabel()
        for label in (self.townships_label, self.objects_label, self.members_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        totals_box = QGroupBox(self.tr("乡镇监察对象与党员"))
        totals_form = QFormLayout(totals_box)
        year_label = QLabel(self.tr("年度："))
        year_label.setBuddy(self.year_combo)
        year_row = QHBoxLayout()
        year_row.addWidget(self.year_combo)
        year_row.addStretch(1)
        totals_form.addRow(year_label, year_row)
        totals_form.addRow(self.tr("乡镇数："), self.townships_label)
        totals_form.addRow(self.tr("监察对象："), self.objects_label)
        totals_form.addRow(self.tr("党员："), self.members_label)
        self.totals_hint = QLabel()  # one line: wrapped, it was cut in the box held to the left
        totals_form.addRow(self.totals_hint)

        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.status_label.setOpenExternalLinks(True)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.toolbar)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.reading)
        layout.addWidget(totals_box, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status_label)
        layout.addStretch(1)

        bus.changed.connect(self._on_changed)
        self.refresh()

    # ---- reading ---------------------------------------------------------------------------
    @tracks_reads
    def refresh(self) -> None:
        self._stale = False
        self.rows = self.source.summary()
        self.model.set_rows(self.rows)
        self.reading.setText(self.describe())
        self._load_years()
        self.act_export.setEnabled(bool(self.rows))
        self.refreshed.emit()

    def describe(self) -> str:
        """The summary in words, as a report would put it."""
        if not self.rows:
            return self.tr("还没有单位记录。请先在“单位”中登记单位和核定编制，在“人员与岗位”中登记人员。")
        entered = self.tr(
            "{type} {units} 个，核定编制 {authorised} 名，实际配备 {staffed} 名，其中专职 {full_time} 名"
        )
        # No posts entered: say so, with no number (never a figure nobody entered).
        not_entered = self.tr(
            "{type} {units} 个，核定编制未填，实际配备 {staffed} 名，其中专职 {full_time} 名"
        )
        parts = [
            (not_entered if r.authorised is None else entered).format(
                type=tr_register(r.unit_type_label),
                units=_number(r.units),
                authorised=_number(r.authorised or 0),
                staffed=_number(r.staffed),
                full_time=_number(r.full_time),
            )
            for r in self.rows
        ]
        return self.tr("；").join(parts) + self.tr("。")

    def _load_years(self) -> None:
        years = self.source.years()
        wanted = self.year_combo.currentData()
        if wanted is None:
            saved = self.settings.value(YEAR_KEY, None)
            try:
                wanted = int(str(saved)) if saved not in (None, "") else None
            except ValueError:
                wanted = None
        old = self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in years:
            self.year_combo.addItem(self.tr("{year} 年").format(year=year), year)
        index = self.year_combo.findData(wanted) if wanted is not None else -1
        self.year_combo.setCurrentIndex(index if index >= 0 else (0 if years else -1))
        self.year_combo.setEnabled(bool(years))
        self.year_combo.blockSignals(old)
        self._show_totals()

    def _year_changed(self, _index: int) -> None:
        year = self.year_combo.currentData()
        if year is not None:
            self.settings.setValue(YEAR_KEY, int(year))
        self._show_totals()

    def _show_totals(self) -> None:
        year = self.year_combo.currentData()
        if year is None:
            self.current_totals = None
            for label in (self.townships_label, self.objects_label, self.members_label):
                label.setText("—")
            self.totals_hint.setText(
                self.tr("还没有登记监察对象与党员数。请在“监察对象与党员”中按乡镇和年度登记。")
            )
            self.totals_hint.show()
            return
        totals = self.source.totals(int(year))
        self.current_totals = totals
        self.townships_label.setText(self.tr("{n} 个").format(n=_number(totals.townships)))
        self.objects_label.setText(self.tr("{n} 人").format(n=_number(totals.supervision_objects)))
        self.members_label.setText(self.tr("{n} 名").format(n=_number(totals.party_members)))
        self.totals_hint.setText("")
        self.totals_hint.hide()

    def totals_values(self) -> dict[str, int]:
        """The year's totals shown (for tests and printing); empty when there are none."""
        t = self.current_totals
        if t is None:
            return {}
        return {
            "year": t.year,
            "townships": t.townships,
            "supervision_objects": t.supervision_objects,
            "party_members": t.party_members,
        }

    def row_texts(self) -> list[list[str]]:
        """The table as shown, line by line (the last line is 合计)."""
        return [[self.model.text(r, c.key) for c in STAFFING_COLUMNS] for r in range(self.model.rowCount())]

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

    # ---- export ----------------------------------------------------------------------------
    def ask_export_path(self) -> Path | None:
        return ask.xlsx_path(self, self.settings, self.tr("编制配备汇总"))

    def export_excel(self) -> Task | None:
        path = self.ask_export_path()
        return self.export_to(path) if path is not None else None

    def export_to(self, path: Path) -> Task:
        """Write what the page shows (summary and the chosen year's totals) on a worker thread."""
        self.settings.setValue(ask.EXPORT_DIR_KEY, str(path.parent))
        rows, totals, source = list(self.rows), self.current_totals, self.source

        def work(progress: Progress) -> int:
            if isinstance(source, DatabaseStaffingSource):  # recorded in the audit log
                return export_staffing(path, rows, totals, labels=tr_value, progress=progress, ctx=source.ctx)
            return export_staffing(path, rows, totals, labels=tr_value, progress=progress)

        def done(_result: object) -> None:
            folder = QUrl.fromLocalFile(str(path.parent)).toString()
            self.status_label.setText(
                self.tr('已导出到 {path}　<a href="{folder}">打开所在文件夹</a>').format(
                    path=html.escape(str(path)), folder=html.escape(folder)
                )
            )
            self.exported.emit(str(path))

        self.last_task = run_task(
            self, work, title=self.tr("导出 Excel"), label=self.tr("正在导出编制配备汇总…"), on_success=done
        )
        self.last_task.failed.connect(lambda _text: self.status_label.setText(self.tr("导出失败。")))
        return self.last_task
