"""统计分析: the figures leaders ask for, for a year, a quarter, any range of days or every year,
each traceable to the rows behind it.

The figures come from ``app.services.statistics`` on a worker thread (``ui.tasks``); the page
shows headline figures and tables (four forms by unit type and by unit, clues by source and by
disposal, inspection-transferred clues' outcomes, co-review results). Double-click or Enter on a
number opens the records it counts (``DrillDownDialog``). The chosen period (year and quarter, or
a range of days) is remembered; the page reads again when a casework register or the units
change. The line under the period says which rule the four forms are counted by.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

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
from PySide6.QtGui import QAction, QFont, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.context import Changes, Context, reading
from app.quarters import quarter_name, quarter_text
from app.registers import get
from app.registers.casework_choices import (
    CO_REVIEW_RESULT_CHOICES,
    DISPOSAL_CHOICES,
    FORM_CHOICES,
    SOURCE_CHOICES,
    VERIFICATION_OUTCOME_CHOICES,
)
from app.registers.org import UNIT_TYPE_CHOICES
from app.reports.work_report import write_work_report
from app.security.roles import PRINT
from app.services.chart_figures import chart_data
from app.services.counting import COUNTY_MAPPING, DEFAULT_MAPPING, RULE
from app.services.records import RecordService
from app.services.statistics import (
    PENDING,
    UNDECIDED,
    drill,
    export_figures,
    figures,
    format_percent,
    period_bounds,
    range_problem,
    stats_years,
)
from ui.dialogs import ask
from ui.dialogs.drill_down import DrillDownDialog
from ui.dialogs.record_form import DateField
from ui.dialogs.work_report import WorkReportDialog, docx_path
from ui.events import ChangeBus
from ui.i18n import tr_app, tr_register
from ui.pages.statistics_charts import ChartDrill, StatisticsCharts
from ui.tasks import Progress, Task, run_task
from ui.watch import ReadTracking

YEAR_KEY = "pages/statistics/year"
QUARTER_KEY = "pages/statistics/quarter"
FROM_KEY = "pages/statistics/from"
TO_KEY = "pages/statistics/to"
VIEW_KEY = "pages/statistics/view"  # 0 the tables, 1 the charts
ALL = "all"
RANGE = "range"

DRILL_ROLE = Qt.ItemDataRole.UserRole
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex

# The headline table's rows, by the key of ``figures`` each shows.
HEADLINE_KEYS = (
    "first_form_total",
    "first_form_by_township_commissions",
    "first_form_township_share",
    "first_form_guided",
    "guided_share",
    "co_reviews",
    "inspection_clues_transferred",
    "inspection_clues.verified_by_groups",
    "inspection_clues.first_form_measures",
    "cases_with_group_participation",
    "group_participations.handled",
    "group_participations.taking_part",
)


@dataclass(frozen=True)
class Drill:
    """What to ask ``statistics.drill`` for: a figure's key and the parameters that narrow it."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Cell:
    text: str
    value: Any = None  # the raw number (int, or a share as float)
    drill: Drill | None = None
    numeric: bool = False


def _number(value: int) -> str:
    return QLocale().toString(int(value))


def _count(value: int, drill_: Drill | None) -> Cell:
    return Cell(_number(value), value, drill_, True)


class FigureTableModel(QAbstractTableModel):
    """A small table of labels and numbers. ``UserRole`` gives a cell's ``Drill`` (None for a
    label), ``UserRole + 1`` its raw value; the last row is bold when ``total_row`` is set."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []
        self.lines: list[list[Cell]] = []
        self.total_row = False

    def set_table(
        self, headers: Sequence[str], lines: Sequence[Sequence[Cell]], total_row: bool = False
    ) -> None:
        self.beginResetModel()
        self.headers = list(headers)
        self.lines = [list(line) + [Cell("")] * (len(self.headers) - len(line)) for line in lines]
        self.total_row = total_row
        self.endResetModel()

    def cell(self, row: int, column: int) -> Cell:
        return self.lines[row][column]

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
        cell = self.lines[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("双击或按回车查看明细") if cell.drill is not None else None
        if role == DRILL_ROLE:
            return cell.drill
        if role == VALUE_ROLE:
            return cell.value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if cell.numeric else Qt.AlignmentFlag.AlignLeft
            return horizontal | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole and self.total_row and index.row() == len(self.lines) - 1:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(  # noqa: N802 (Qt's name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def texts(self) -> list[list[str]]:
        return [[c.text for c in line] for line in self.lines]


class FigureView(QTableView):
    """A figures table: double-click or Enter on a number asks for the rows behind it."""

    drill_requested = Signal(QModelIndex)

    def __init__(self, name: str, accessible: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(header.fontMetrics().horizontalAdvance("0000000") + 12)
        self.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.doubleClicked.connect(self.drill_requested.emit)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.drill_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)

    def fit(self, max_rows: int = 14) -> None:
        """As wide as the columns and as tall as the rows (up to ``max_rows``, then it scrolls)."""
        self.resizeColumnsToContents()
        model = self.model()
        rows = model.rowCount() if model is not None else 0
        shown = min(rows, max_rows)
        row_height = self.verticalHeader().defaultSectionSize()
        height = (
            self.horizontalHeader().sizeHint().height() + row_height * max(shown, 1) + 2 * self.frameWidth()
        )
        width = self.horizontalHeader().length() + 2 * self.frameWidth()
        if rows > max_rows:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            width += self.verticalScrollBar().sizeHint().width()
        self.setFixedSize(width, height)


class StatisticsPage(ReadTracking, QWidget):
    """Year and quarter, headline figures, and the tables behind them."""

    refreshed = Signal()
    exported = Signal(str)
    reported = Signal(str)  # the work report's path
    drilled = Signal(object)  # the DrillDownDialog opened

    def __init__(self, ctx: Context, bus: ChangeBus, settings: QSettings) -> None:
        db, actor = ctx.db, ctx.actor
        self.ctx = ctx
        super().__init__()
        self.setObjectName("statisticsPage")
        self.db = db
        self.actor = actor
        self.bus = bus
        self.settings = settings
        self.result: dict[str, Any] | None = None
        self.years: list[int] = []
        self.last_task: Task | None = None
        self.last_dialog: DrillDownDialog | None = None
        self._stale = False
        self._generation = 0

        title = QLabel(self.tr("统计分析"))
        title.setObjectName("pageTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        title.setFont(font)

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.act_export = QAction(self.tr("导出 Excel"), self)
        self.act_export.setShortcut(QKeySequence("Ctrl+E"))
        self.act_export.setToolTip(self.tr("把本页统计数字导出为 Excel 文件（Ctrl+E）"))
        self.act_export.triggered.connect(lambda _checked=False: self.export_excel())
        self.act_export.setEnabled(False)
        self.act_print = QAction(self.tr("打印…"), self)
        self.act_print.setObjectName("printFigures")
        self.act_print.setShortcut(QKeySequence("Ctrl+P"))
        self.act_print.setToolTip(self.tr("预览并打印本页全部统计表（Ctrl+P）"))
        self.act_print.triggered.connect(lambda _checked=False: self.print_figures())
        self.act_print.setEnabled(False)
        self.act_report = QAction(self.tr("生成工作报告…"), self)
        self.act_report.setObjectName("workReport")
        self.act_report.setToolTip(
            self.tr("按日期范围生成乡镇纪委和派驻纪检监察组工作报告（Word 文档），供编辑后上报")
        )
        self.act_report.triggered.connect(lambda _checked=False: self.work_report())
        self.act_report.setEnabled(actor.can(PRINT))
        self.act_refresh = QAction(self.tr("刷新"), self)
        self.act_refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.act_refresh.setToolTip(self.tr("重新统计（F5）"))
        self.act_refresh.triggered.connect(lambda _checked=False: self.refresh())
        for action in (self.act_export, self.act_print, self.act_report, self.act_refresh):
            self.addAction(action)
            self.toolbar.addAction(action)

        self.year_combo = QComboBox()
        self.year_combo.setObjectName("year")
        self.year_combo.setAccessibleName(self.tr("年度"))
        self.year_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.quarter_combo = QComboBox()
        self.quarter_combo.setObjectName("quarter")
        self.quarter_combo.setAccessibleName(self.tr("季度"))
        self.quarter_combo.addItem(self.tr("全年"), 0)
        for q in range(1, 5):
            self.quarter_combo.addItem(quarter_name(q, tr_app), q)
        self._fill_years(self._saved_year(), [])
        saved_quarter = self._saved_int(QUARTER_KEY) or 0
        self.quarter_combo.setCurrentIndex(max(0, self.quarter_combo.findData(saved_quarter)))
        self.quarter_combo.setEnabled(self.selected_year() is not None)
        self.year_combo.currentIndexChanged.connect(self._period_changed)
        self.quarter_combo.currentIndexChanged.connect(self._period_changed)
        # A range of days (the seed's "2021年以来" figures run to September 2022).
        self.from_field, self.to_field = DateField(), DateField()
        for edit, key, name in (
            (self.from_field, FROM_KEY, self.tr("起始日期")),
            (self.to_field, TO_KEY, self.tr("截止日期")),
        ):
            edit.setObjectName(key.rsplit("/", 1)[-1])
            edit.edit.setAccessibleName(name)
            edit.edit.setPlaceholderText(self.tr("如 2022-09-30"))
            edit.set_value(str(self.settings.value(key, "") or ""))
            edit.edit.editingFinished.connect(self._range_changed)
        self.range_box = QWidget()
        range_layout = QHBoxLayout(self.range_box)
        range_layout.setContentsMargins(0, 0, 0, 0)
        from_label = QLabel(self.tr("自："))
        from_label.setBuddy(self.from_field.edit)
        to_label = QLabel(self.tr("至："))
        to_label.setBuddy(self.to_field.edit)
        range_layout.addWidget(from_label)
        range_layout.addWidget(self.from_field)
        range_layout.addWidget(to_label)
        range_layout.addWidget(self.to_field)
        self.range_error = QLabel()
        self.range_error.setStyleSheet("color: #b00020;")
        range_layout.addWidget(self.range_error)
        self.range_box.setVisible(self.in_range_mode())
        self.rule_label = QLabel()
        self.rule_label.setObjectName("countingRule")
        self.rule_label.setWordWrap(True)
        self.rule_label.setStyleSheet("color: #555;")
        year_label = QLabel(self.tr("年度："))
        year_label.setBuddy(self.year_combo)
        quarter_label = QLabel(self.tr("季度："))
        quarter_label.setBuddy(self.quarter_combo)
        self.period_hint = QLabel(self.tr("双击任一数字（或选中后按回车）可查看其明细记录。"))
        self.period_hint.setWordWrap(True)

        # The tables: headline, four forms by unit type, by unit, clues, inspection, co-reviews.
        self.headline = FigureTableModel(self)
        self.by_type = FigureTableModel(self)
        self.by_unit = FigureTableModel(self)
        self.by_source = FigureTableModel(self)
        self.by_disposal = FigureTableModel(self)
        self.inspection = FigureTableModel(self)
        self.co_reviews = FigureTableModel(self)
        self.work = FigureTableModel(self)
        self.views: dict[str, FigureView] = {}
        boxes = (
            ("headline", self.headline, self.tr("主要数字")),
            ("byType", self.by_type, self.tr("四种形态（按单位类型，人次）")),
            ("byUnit", self.by_unit, self.tr("四种形态（按单位，人次）")),
            ("bySource", self.by_source, self.tr("问题线索（按来源）")),
            ("byDisposal", self.by_disposal, self.tr("问题线索（按处置方式）")),
            ("inspection", self.inspection, self.tr("巡察移交线索的初核结果")),
            ("coReviews", self.co_reviews, self.tr("协审结果")),
            ("work", self.work, self.tr("各项工作（按单位，条）")),
        )
        grid = QGridLayout()
        positions = {
            "headline": (0, 0, 1, 1),
            "byType": (0, 1, 1, 2),
            "byUnit": (1, 0, 1, 3),
            "bySource": (2, 0, 1, 1),
            "byDisposal": (2, 1, 1, 1),
            "inspection": (3, 0, 1, 1),
            "coReviews": (3, 1, 1, 1),
            "work": (4, 0, 1, 3),
        }
        for name, model, caption in boxes:
            view = FigureView(name, caption)
            view.setModel(model)
            view.drill_requested.connect(self.open_drill)
            self.views[name] = view
            box = QGroupBox(caption)
            box_layout = QVBoxLayout(box)
            box_layout.addWidget(view)
            grid.addWidget(box, *positions[name], Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(3, 1)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(grid)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)

        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.status_label.setOpenExternalLinks(True)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.toolbar)
        period = QHBoxLayout()
        period.addWidget(year_label)
        period.addWidget(self.year_combo)
        period.addSpacing(12)
        period.addWidget(quarter_label)
        period.addWidget(self.quarter_combo)
        period.addSpacing(12)
        period.addWidget(self.range_box)
        period.addSpacing(12)
        period.addWidget(self.period_hint, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(period)
        layout.addWidget(self.rule_label)
        # The tables or the same figures as charts (a tab each; the last one shown is remembered).
        self.charts = StatisticsCharts()
        self.charts.drill_requested.connect(self.open_chart_drill)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("statisticsViews")
        self.tabs.addTab(scroll, self.tr("表格"))
        self.tabs.addTab(self.charts, self.tr("图表"))
        self.tabs.setCurrentIndex(1 if self._saved_int(VIEW_KEY) == 1 else 0)
        self.tabs.currentChanged.connect(lambda i: self.settings.setValue(VIEW_KEY, i))
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status_label)

        bus.changed.connect(self._on_changed)
        self.refresh()

    # ---- the period ------------------------------------------------------------------------
    def _saved_int(self, key: str) -> int | None:
        saved = self.settings.value(key, None)
        try:
            return int(str(saved)) if saved not in (None, "", ALL) else None
        except ValueError:
            return None

    def _saved_year(self) -> int | str:
        saved = self.settings.value(YEAR_KEY, None)
        if saved in (ALL, RANGE):
            return str(saved)
        return self._saved_int(YEAR_KEY) or date.today().year

    def in_range_mode(self) -> bool:
        return bool(self.year_combo.currentData() == RANGE)

    def selected_range(self) -> tuple[date | None, date | None] | None:
        """The range of days asked for (either end may be open), or None outside range mode or
        while a date is not a date yet."""
        if not self.in_range_mode():
            return None
        start, end = self.from_field.value(), self.to_field.value()
        if isinstance(start, str) or isinstance(end, str):
            return None
        return start, end

    def set_range(self, start: date | None, end: date | None) -> None:
        """Choose a range of days and read its figures (the 日期范围 entry of the year list)."""
        old = self.year_combo.blockSignals(True)
        self.year_combo.setCurrentIndex(self.year_combo.findData(RANGE))
        self.year_combo.blockSignals(old)
        self.from_field.set_value(start)
        self.to_field.set_value(end)
        self._period_changed()

    def _range_changed(self) -> None:
        if self.in_range_mode():
            self._period_changed()

    def selected_year(self) -> int | None:
        data = self.year_combo.currentData()
        return None if data in (None, ALL, RANGE) else int(data)

    def selected_quarter(self) -> int | None:
        if self.selected_year() is None:
            return None
        data = self.quarter_combo.currentData()
        return (int(data) or None) if data is not None else None

    def _fill_years(self, wanted: int | str | None, years: Sequence[int]) -> None:
        """Years with data, the current year, and 全部年度; keep ``wanted`` selected."""
        shown = sorted({*years, date.today().year}, reverse=True)
        if isinstance(wanted, int) and wanted not in shown:
            shown = sorted({*shown, wanted}, reverse=True)
        old = self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in shown:
            self.year_combo.addItem(self.tr("{year} 年").format(year=year), year)
        self.year_combo.addItem(self.tr("全部年度"), ALL)
        self.year_combo.addItem(self.tr("日期范围…"), RANGE)
        index = self.year_combo.findData(wanted if wanted is not None else date.today().year)
        self.year_combo.setCurrentIndex(index if index >= 0 else 0)
        self.year_combo.blockSignals(old)

    def set_period(self, year: int | None, quarter: int | None = None) -> None:
        """Choose the period as a user would (tests, other pages)."""
        old = self.year_combo.blockSignals(True)
        index = self.year_combo.findData(ALL if year is None else year)
        if index < 0 and year is not None:
            self._fill_years(year, self.years)
            index = self.year_combo.findData(year)
        self.year_combo.setCurrentIndex(index)
        self.year_combo.blockSignals(old)
        old = self.quarter_combo.blockSignals(True)
        self.quarter_combo.setCurrentIndex(max(0, self.quarter_combo.findData(quarter or 0)))
        self.quarter_combo.blockSignals(old)
        self._period_changed()

    def _period_changed(self, _index: int = 0) -> None:
        year = self.selected_year()
        ranged = self.in_range_mode()
        self.quarter_combo.setEnabled(year is not None)
        self.range_box.setVisible(ranged)
        self.settings.setValue(YEAR_KEY, RANGE if ranged else ALL if year is None else year)
        self.settings.setValue(QUARTER_KEY, self.selected_quarter() or 0)
        if ranged:
            start, end = self.from_field.value(), self.to_field.value()
            if isinstance(start, str) or isinstance(end, str):
                self.range_error.setText(self.tr("请按 2022-09-30 的格式填写日期。"))
                return
            problem = range_problem(start, end)
            self.range_error.setText(tr_app(problem) if problem else "")
            if problem:
                return
            self.settings.setValue(FROM_KEY, start.isoformat() if start else "")
            self.settings.setValue(TO_KEY, end.isoformat() if end else "")
        self.refresh()

    def period_text(self) -> str:
        year, quarter = self.selected_year(), self.selected_quarter()
        bounds = self.selected_range()
        if bounds is not None:
            start, end = bounds
            if start and end:
                return self.tr("{start} 至 {end}").format(start=start.isoformat(), end=end.isoformat())
            if start:
                return self.tr("{start} 以来").format(start=start.isoformat())
            if end:
                return self.tr("{end} 及以前").format(end=end.isoformat())
        if year is None:
            return self.tr("全部年度")
        if quarter:
            return quarter_text((year, quarter), tr_app)
        return self.tr("{year} 年").format(year=year)

    # ---- reading ---------------------------------------------------------------------------
    def refresh(self) -> Task:
        """Read the figures of the chosen period on a worker thread; the newest request wins."""
        self._stale = False
        self._generation += 1
        generation = self._generation
        db, year, quarter, user = self.db, self.selected_year(), self.selected_quarter(), self.actor.username
        ctx = self.ctx
        start, end = self.selected_range() or (None, None)

        def work(_progress: Progress) -> tuple[list[int], dict[str, Any], set[str]]:
            with reading() as tables:  # on this worker thread: what the figures came from
                figs = figures(db, year=year, quarter=quarter, user=user, start=start, end=end)
                figs["charts"] = chart_data(ctx, year, quarter, start=start, end=end)
                return stats_years(db, user), figs, tables

        def done(result: object) -> None:
            if generation != self._generation:
                return
            assert isinstance(result, tuple)
            years, figs, self.read_tables = result
            self.years = list(years)
            wanted = RANGE if self.in_range_mode() else self.selected_year()
            self._fill_years(ALL if wanted is None else wanted, self.years)
            self.show_figures(figs)

        self.last_task = run_task(
            self,
            work,
            title=self.tr("统计分析"),
            label=self.tr("正在统计…"),
            on_success=done,
            cancellable=False,
        )
        return self.last_task

    def show_figures(self, r: dict[str, Any]) -> None:
        self.result = r
        changed = int(r["counting"]["changed"])
        mapping = tr_app(COUNTY_MAPPING).format(n=changed) if changed else tr_app(DEFAULT_MAPPING)
        self.rule_label.setText(f"{tr_app(RULE)}；{mapping}")
        forms = [code for code, _label in FORM_CHOICES]
        form_headers = [tr_register(label) for _code, label in FORM_CHOICES]
        total_text = self.tr("合计")

        share = r["first_form_township_share"]
        guided = r["guided_share"]
        ins = r["inspection_clues"]
        self.headline.set_table(
            [self.tr("项目"), self.tr("数字")],
            [
                [
                    Cell(self.tr("运用第一种形态（人次）")),
                    _count(r["first_form_total"], Drill("first_form_total")),
                ],
                [
                    Cell(self.tr("其中乡镇纪委（人次）")),
                    _count(
                        r["first_form_by_township_commissions"], Drill("first_form_by_township_commissions")
                    ),
                ],
                [
                    Cell(self.tr("乡镇纪委占比")),
                    Cell(format_percent(share), share, Drill("first_form_by_township_commissions"), True),
                ],
                [
                    Cell(self.tr("指导领办（人次）")),
                    _count(r["first_form_guided"], Drill("first_form_guided")),
                ],
                [
                    Cell(self.tr("指导领办占比")),
                    Cell(format_percent(guided), guided, Drill("first_form_guided"), True),
                ],
                [Cell(self.tr("协审（件）")), _count(r["co_reviews"], Drill("co_reviews"))],
                [
                    Cell(self.tr("巡察移交线索（件）")),
                    _count(r["inspection_clues_transferred"], Drill("inspection_clues_transferred")),
                ],
                [
                    Cell(self.tr("　派驻组初步核实（件）")),
                    _count(ins["verified_by_groups"], Drill("inspection_clues.verified_by_groups")),
                ],
                [
                    Cell(self.tr("　以第一种形态处理（人次）")),
                    _count(ins["first_form_measures"], Drill("inspection_clues.first_form_measures")),
                ],
                [
                    Cell(self.tr("派驻组参与办理的案件（件）")),
                    _count(r["cases_with_group_participation"], Drill("cases_with_group_participation")),
                ],
                [
                    Cell(self.tr("　派驻组承办（件次）")),
                    _count(r["group_participations"]["handled"], Drill("group_participations.handled")),
                ],
                [
                    Cell(self.tr("　派驻组协办（件次）")),
                    _count(
                        r["group_participations"]["taking_part"], Drill("group_participations.taking_part")
                    ),
                ],
            ],
        )

        type_lines = []
        for code, label in UNIT_TYPE_CHOICES:
            if code not in r["by_unit_type"]:
                continue  # outside this installation's scope (app.services.scope)
            counts = r["by_unit_type"][code]
            type_lines.append(
                [
                    Cell(tr_register(label)),
                    *(
                        _count(counts.get(f, 0), Drill("by_unit_type", {"unit_type": code, "form": f}))
                        for f in forms
                    ),
                    _count(sum(counts.values()), Drill("by_unit_type", {"unit_type": code})),
                ]
            )
        type_lines.append(
            [
                Cell(total_text),
                *(_count(r["forms"][f], Drill("forms", {"form": f})) for f in forms),
                _count(sum(r["forms"].values()), Drill("forms")),
            ]
        )
        self.by_type.set_table([self.tr("单位类型"), *form_headers, total_text], type_lines, total_row=True)

        type_labels = dict(UNIT_TYPE_CHOICES)
        unit_lines = [
            [
                Cell(u["name"]),
                Cell(tr_register(type_labels.get(u["unit_type"], u["unit_type"]))),
                *(_count(u["forms"][f], Drill("by_unit", {"unit_id": u["id"], "form": f})) for f in forms),
                _count(u["total"], Drill("by_unit", {"unit_id": u["id"]})),
            ]
            for u in r["by_unit"]
        ]
        self.by_unit.set_table([self.tr("单位"), self.tr("类型"), *form_headers, total_text], unit_lines)

        self.by_source.set_table(
            [self.tr("来源"), self.tr("件数")],
            self._choice_lines(
                r["clues_by_source"], SOURCE_CHOICES, "", "clues_by_source", "source", total=True
            ),
            total_row=True,
        )
        self.by_disposal.set_table(
            [self.tr("处置方式"), self.tr("件数")],
            self._choice_lines(
                r["clues_by_disposal"],
                DISPOSAL_CHOICES,
                UNDECIDED,
                "clues_by_disposal",
                "disposal",
                total=True,
            ),
            total_row=True,
        )
        self.inspection.set_table(
            [self.tr("初核结果"), self.tr("件数")],
            self._choice_lines(
                ins["outcomes"], VERIFICATION_OUTCOME_CHOICES, PENDING, "inspection_clues.outcomes", "outcome"
            ),
        )
        self.co_reviews.set_table(
            [self.tr("协审结果"), self.tr("件数")],
            self._choice_lines(
                r["co_review_results"],
                CO_REVIEW_RESULT_CHOICES,
                PENDING,
                "co_review_results",
                "result",
                total=True,
            ),
            total_row=True,
        )
        self.show_work(r["work"])
        self.charts.show_charts(r, r.get("charts", {}), self.period_text())
        for view in self.views.values():
            view.fit()
        self.act_export.setEnabled(True)
        self.act_print.setEnabled(True)
        self.refreshed.emit()

    def show_work(self, work: dict[str, Any]) -> None:
        """各项工作: a row per unit, a column per register of the daily work, a total row."""
        registers = work["registers"]
        type_labels = dict(UNIT_TYPE_CHOICES)
        lines = [
            [
                Cell(u["name"]),
                Cell(tr_register(type_labels.get(u["unit_type"], u["unit_type"]))),
                *(
                    _count(
                        w["by_unit"].get(u["id"], 0),
                        Drill("work", {"register": w["register"], "unit_id": u["id"]}),
                    )
                    for w in registers
                ),
            ]
            for u in work["units"]
        ]
        lines.append(
            [
                Cell(self.tr("合计")),
                Cell(""),
                *(_count(w["total"], Drill("work", {"register": w["register"]})) for w in registers),
            ]
        )
        self.work.set_table(
            [self.tr("单位"), self.tr("类型"), *(tr_register(w["title"]) for w in registers)],
            lines,
            total_row=True,
        )

    def _choice_lines(
        self,
        counts: Mapping[str, int],
        choices: Sequence[tuple[str, str]],
        empty: str,
        key: str,
        param: str,
        *,
        total: bool = False,
    ) -> list[list[Cell]]:
        labels = {**dict(choices), "": empty}
        lines = [
            [
                Cell(tr_register(labels[code]) if code else tr_app(labels[code])),
                _count(n, Drill(key, {param: code})),
            ]
            for code, n in counts.items()
            if code in labels
        ]
        if total:
            lines.append([Cell(self.tr("合计")), _count(sum(counts.values()), Drill(key))])
        return lines

    def number(self, key: str) -> str:
        """A headline figure as shown, by its key in ``figures`` (nested ones as
        ``inspection_clues.verified_by_groups``)."""
        for row, name in enumerate(HEADLINE_KEYS):
            if name == key:
                return self.headline.cell(row, 1).text
        raise KeyError(key)

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

    # ---- the rows behind a number ------------------------------------------------------------
    def open_drill(self, index: QModelIndex) -> DrillDownDialog | None:
        """Open the records behind the number at ``index`` (a label cell opens nothing)."""
        if not index.isValid():
            return None
        drill_ = index.data(DRILL_ROLE)
        if not isinstance(drill_, Drill):
            return None
        model = index.model()
        row_label = str(model.index(index.row(), 0).data() or "").strip()
        column = str(model.headerData(index.column(), Qt.Orientation.Horizontal) or "")
        what = row_label if model.columnCount() <= 2 else f"{row_label} · {column}"
        value = index.data(VALUE_ROLE)
        return self.open_figure(
            drill_, f"{self.period_text()} {what}", value if isinstance(value, int) else None
        )

    def open_chart_drill(self, chart: ChartDrill, title: str, expected: int | None) -> DrillDownDialog:
        """A chart's bar: the same rows as its number (a quarter of the trend over its own days)."""
        if chart.register:
            return self.open_rows(chart.register, list(chart.ids), title, expected)
        bounds = (chart.start, chart.end) if chart.start or chart.end else None
        return self.open_figure(Drill(chart.key, dict(chart.params)), title, expected, bounds)

    def open_figure(
        self, drill_: Drill, title: str, expected: int | None = None, bounds: tuple[Any, Any] | None = None
    ) -> DrillDownDialog:
        """Open the records behind a figure over the page's period (or ``bounds``, a range of days)."""
        year, quarter = (None, None) if bounds else (self.selected_year(), self.selected_quarter())
        start, end = bounds or self.selected_range() or (None, None)
        register, ids = drill(
            self.db, drill_.key, year, quarter, start=start, end=end, actor=self.actor, **drill_.params
        )
        return self.open_rows(register, ids, title, expected)

    def open_rows(self, register: str, ids: list[str], title: str, expected: int | None) -> DrillDownDialog:
        dialog = DrillDownDialog(
            RecordService(self.ctx), get(register), ids, title, expected, self.settings, self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_dialog = dialog
        self.drilled.emit(dialog)
        return dialog

    # ---- export ----------------------------------------------------------------------------
    def tables(self) -> list[tuple[str, list[str], list[list[Any]]]]:
        """What the page shows, table by table: (caption, header, rows of numbers and text)."""
        out = []
        for view in self.views.values():
            model = view.model()
            assert isinstance(model, FigureTableModel)
            caption = view.accessibleName()
            rows = [
                [c.value if c.numeric and c.value is not None else c.text for c in line]
                for line in model.lines
            ]
            out.append((caption, list(model.headers), rows))
        return out

    def ask_export_path(self) -> Path | None:
        return ask.xlsx_path(self, self.settings, self.tr("统计分析"))

    def print_figures(self) -> Any:
        """Preview and print every table of the page (``ui.table_print``)."""
        from ui.table_print import print_statistics

        return print_statistics(self)

    # ---- the work report ---------------------------------------------------------------------
    def report_range(self) -> tuple[date, date]:
        """The range the report dialog proposes: the page's range, year or quarter (this year to
        today when the page shows every year)."""
        today = date.today()
        bounds = self.selected_range()
        if bounds is not None:
            start, end = bounds
            return start or date(today.year, 1, 1), end or today
        year = self.selected_year()
        if year is None:
            return date(today.year, 1, 1), today
        first, last = period_bounds(year, self.selected_quarter())  # type: ignore[misc]
        return first, min(last, max(today, first))

    def ask_work_report(self) -> tuple[date, date, Path] | None:
        dialog = WorkReportDialog(self, *self.report_range())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        start, end = dialog.range()
        stem = self.tr("工作报告_{start}至{end}").format(start=f"{start:%Y%m%d}", end=f"{end:%Y%m%d}")
        path = docx_path(self, self.settings, stem)
        return (start, end, path) if path is not None else None

    def work_report(self) -> Task | None:
        asked = self.ask_work_report()
        return self.write_work_report(*asked) if asked is not None else None

    def write_work_report(self, start: date, end: date, path: Path) -> Task:
        """Gather the figures and write the report on a worker thread (recorded in the audit log)."""
        self.settings.setValue(ask.EXPORT_DIR_KEY, str(path.parent))
        ctx = self.ctx

        def work(_progress: Progress) -> object:
            return write_work_report(ctx, start, end, path)

        def done(_result: object) -> None:
            folder = QUrl.fromLocalFile(str(path.parent)).toString()
            self.status_label.setText(
                self.tr('工作报告已写入 {path}　<a href="{folder}">打开所在文件夹</a>').format(
                    path=html.escape(str(path)), folder=html.escape(folder)
                )
            )
            self.reported.emit(str(path))

        self.last_task = run_task(
            self, work, title=self.tr("生成工作报告"), label=self.tr("正在生成工作报告…"), on_success=done
        )
        self.last_task.failed.connect(lambda _text: self.status_label.setText(self.tr("生成工作报告失败。")))
        return self.last_task

    def export_excel(self) -> Task | None:
        path = self.ask_export_path()
        return self.export_to(path) if path is not None else None

    def export_to(self, path: Path) -> Task:
        """Write the page's tables to one sheet on a worker thread (recorded in the audit log)."""
        self.settings.setValue(ask.EXPORT_DIR_KEY, str(path.parent))
        sheets, period, db, user = self.tables(), self.period_text(), self.db, self.actor.username
        title = self.tr("统计分析")

        def work(_progress: Progress) -> int:
            return export_figures(path, sheets, title=title, period=period, db=db, user=user)

        def done(_result: object) -> None:
            folder = QUrl.fromLocalFile(str(path.parent)).toString()
            self.status_label.setText(
                self.tr('已导出到 {path}　<a href="{folder}">打开所在文件夹</a>').format(
                    path=html.escape(str(path)), folder=html.escape(folder)
                )
            )
            self.exported.emit(str(path))

        self.last_task = run_task(
            self, work, title=self.tr("导出 Excel"), label=self.tr("正在导出统计数字…"), on_success=done
        )
        self.last_task.failed.connect(lambda _text: self.status_label.setText(self.tr("导出失败。")))
        return self.last_task
