"""驻村（驻在）覆盖: for a year, every village (supervised unit) × the four quarters, for visits or
for one of the four quarterly ledgers.

The grid (``CoverageModel``) colours each cell by its status (``app.services.coverage``): 已驻
with the date (green), 已安排 with the date (blue), 未驻 (red: the quarter is over, or the day a
visit was planned for went by without it), 未安排 (amber: this quarter, nothing planned), 不适用
(grey: over before the village was added); for a ledger 已报 / 未报 / 待报. Under it each quarter's
totals line (8 乡镇 200 村：已驻 180，未驻 20). Double-click (or Enter) on a cell opens the visits
or entries behind it; on a missed or unplanned visit cell it offers to plan a visit. The grid
exports to .xlsx and prints (PDF preview). Year, what and unit are remembered.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import date, timedelta
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
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.context import Changes, reading
from app.quarters import quarter_bounds, quarter_name, quarter_of, quarter_text, quarters_of_year
from app.registers import get as get_register
from app.registers.residency import LEDGER_KINDS
from app.reports.coverage_report import coverage_pdf
from app.security.roles import EDIT, PRINT, Actor
from app.services.coverage import (
    MISSED,
    NOT_APPLICABLE,
    UNPLANNED,
    Cell,
    Row,
    ledger_coverage,
    visit_coverage,
)
from app.services.coverage_export import (
    STATUS_COLOURS,
    VISITS_KIND,
    cell_text,
    export_coverage,
    is_ledger,
    status_label,
    totals_line,
)
from app.services.records import RecordService
from app.services.visit_entry import PlanUnit, planning_units
from ui.actions import page_action
from ui.dialogs import ask
from ui.dialogs.drill_down import DrillDownDialog
from ui.dialogs.pdf_preview import PdfPreview, open_preview
from ui.dialogs.record_form import RecordForm
from ui.events import ChangeBus
from ui.heading import heading_label
from ui.i18n import tr_app, tr_register
from ui.ops import announce
from ui.tasks import Progress, Task, run_task
from ui.watch import ReadTracking

AnyIndex = QModelIndex | QPersistentModelIndex
CELL_ROLE = Qt.ItemDataRole.UserRole
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
FIXED_COLUMNS = 2  # unit, village / supervised unit
YEAR_KEY = "pages/coverage/year"
WHAT_KEY = "pages/coverage/what"
UNIT_KEY = "pages/coverage/unit"
TEXT_COLOUR = QColor("#212121")


class CoverageModel(QAbstractTableModel):
    """Rows grouped by unit (the unit's name on its first row), the four quarters as columns.
    ``UserRole`` gives a quarter cell's ``Cell``, ``UserRole + 1`` its status."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []
        self.year = date.today().year
        self.what = VISITS_KIND
        self.quarters = quarters_of_year(self.year)
        self._texts: list[list[str]] = []
        self._brushes = {s: QBrush(QColor(c)) for s, c in STATUS_COLOURS.items() if c}
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: Sequence[Row], year: int, what: str) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.year, self.what = year, what
        self.quarters = quarters_of_year(year)
        self._texts = []
        previous = None
        for r in self.rows:
            unit = r.unit_name if r.unit_id != previous else ""
            previous = r.unit_id
            self._texts.append(
                [unit, r.target_name, *(cell_text(r.cells[q], what, tr_app) for q in self.quarters)]
            )
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else FIXED_COLUMNS + 4

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def cell(self, row: int, column: int) -> Cell | None:
        if 0 <= row < len(self.rows) and FIXED_COLUMNS <= column < FIXED_COLUMNS + 4:
            return self.rows[row].cells[self.quarters[column - FIXED_COLUMNS]]
        return None

    def quarter(self, column: int) -> str | None:
        return self.quarters[column - FIXED_COLUMNS] if FIXED_COLUMNS <= column < FIXED_COLUMNS + 4 else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = index.row(), index.column()
        if not 0 <= column < FIXED_COLUMNS + 4:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[row][column]
        cell = self.cell(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._brushes.get(cell.status) if cell is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(TEXT_COLOUR) if cell is not None and cell.status in self._brushes else None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if column == 0 else None
        if role == Qt.ItemDataRole.ToolTipRole:
            r = self.rows[row]
            if cell is None:
                return f"{r.unit_name} · {r.target_name}"
            dates = "、".join(d.isoformat() for d in sorted(cell.dates))
            text = tr_app(status_label(cell.status, self.what)) or self.tr("（以后的季度）")
            if cell.status == NOT_APPLICABLE and r.since is not None:
                text = self.tr("不适用：{day} 添加，此前不计").format(day=r.since.isoformat())
            if dates:
                text += f"：{dates}"
            hint = (
                self.tr("双击查看明细")
                if cell.ids
                else self.tr("双击安排驻村（驻在）")
                if cell.status in (MISSED, UNPLANNED) and not is_ledger(self.what)
                else ""
            )
            return f"{r.target_name} {quarter_text(self.quarter(column) or '', tr_app)}\n{text}" + (
                f"\n{hint}" if hint else ""
            )
        if role == CELL_ROLE:
            return cell
        if role == STATUS_ROLE:
            return cell.status if cell is not None else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._texts[row][column] or self.tr("空")
        return None

    def headerData(  # noqa: N802 (Qt's name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.rows):
                return str(section + 1)
            return None
        if not 0 <= section < FIXED_COLUMNS + 4:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.tr("单位")
            if section == 1:
                return self.tr("村（社区）/ 被监督单位")
            return quarter_name(section - 1, tr_app)
        return None

    def texts(self) -> list[list[str]]:
        return [list(line) for line in self._texts]


class CoverageView(QTableView):
    """The grid: Enter on a cell asks for what is behind it, like a double-click."""

    cell_requested = Signal(QModelIndex)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("coverageGrid")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.doubleClicked.connect(self.cell_requested.emit)
        vertical = self.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        metrics = self.fontMetrics()
        header.setDefaultSectionSize(metrics.horizontalAdvance("已安排 12-31 ×2") + 24)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.cell_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class CoveragePage(ReadTracking, QWidget):
    """Year, what, unit; the grid; each quarter's totals; export and print."""

    refreshed = Signal()
    exported = Signal(str)
    opened = Signal(object)  # the dialog or form a cell opened

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
        self.setObjectName("coveragePage")
        self.records = records
        self.bus = bus
        self.settings = settings
        self.actor = actor if actor is not None else records.actor
        self.today = today
        self.open_record = open_record
        self.last_task: Task | None = None
        self.last_dialog: Any = None
        self.preview: PdfPreview | None = None
        self._stale = False
        self.units_read: set[str] = set()
        self._read_units()

        title = heading_label(self.tr("驻村（驻在）覆盖"), name="pageTitle")

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.act_export = self._action(self.tr("导出 Excel"), "Ctrl+E", self.tr("把覆盖表导出为 Excel 文件"),
                                       self.export_excel)  # fmt: skip
        self.act_print = self._action(self.tr("打印"), "Ctrl+P", self.tr("预览并打印覆盖表（横向 A4）"),
                                      self.print_preview)  # fmt: skip
        self.act_refresh = self._action(
            self.tr("刷新"), QKeySequence.StandardKey.Refresh, self.tr("重新读取"), self.refresh
        )
        can_print = self.actor.can(PRINT)
        self.act_export.setVisible(can_print)
        self.act_print.setVisible(can_print)

        # ---- the choices ----------------------------------------------------------------------
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("year")
        self.year_combo.setAccessibleName(self.tr("年度"))
        this_year = self.today().year
        for year in range(this_year + 1, this_year - 6, -1):
            self.year_combo.addItem(self.tr("{year} 年").format(year=year), year)
        self.what_combo = QComboBox()
        self.what_combo.setObjectName("what")
        self.what_combo.setAccessibleName(self.tr("统计内容"))
        self.what_combo.addItem(self.tr("驻村（驻在）"), VISITS_KIND)
        for kind, label in LEDGER_KINDS:
            self.what_combo.addItem(tr_register(label), kind)
        self.unit_combo = QComboBox()
        self.unit_combo.setObjectName("unit")
        self.unit_combo.setAccessibleName(self.tr("单位"))
        if self.can_choose_unit or not self.units:
            self.unit_combo.addItem(self.tr("全部乡镇和派驻组"), "")
        for u in self.units:
            self.unit_combo.addItem(u.name, u.id)
        self.unit_combo.setEnabled(self.unit_combo.count() > 1)
        self._restore_choices()
        for combo in (self.year_combo, self.what_combo, self.unit_combo):
            combo.currentIndexChanged.connect(self._choice_changed)

        choices = QHBoxLayout()
        for caption, combo in (
            (self.tr("年度："), self.year_combo),
            (self.tr("内容："), self.what_combo),
            (self.tr("单位："), self.unit_combo),
        ):
            buddy = QLabel(caption)
            buddy.setBuddy(combo)
            choices.addWidget(buddy)
            choices.addWidget(combo)
            choices.addSpacing(12)
        self.legend = QLabel()
        self.legend.setObjectName("legend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        choices.addWidget(self.legend, 1)

        # ---- the grid and the totals ----------------------------------------------------------
        self.model = CoverageModel(self)
        self.view = CoverageView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("覆盖表"))
        self.view.cell_requested.connect(self.open_cell)
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        header.resizeSection(0, metrics.horizontalAdvance("中" * 9) + 24)
        header.resizeSection(1, metrics.horizontalAdvance("中" * 10) + 24)
        for column in range(FIXED_COLUMNS, FIXED_COLUMNS + 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

        self.totals_box = QWidget()
        self.totals_box.setObjectName("totals")
        totals = QGridLayout(self.totals_box)
        totals.setContentsMargins(0, 0, 0, 0)
        totals.setHorizontalSpacing(12)
        self.total_labels: list[QLabel] = []
        for q in range(4):
            head = QLabel(quarter_name(q + 1, tr_app))
            bold = head.font()
            bold.setBold(True)
            head.setFont(bold)
            line = QLabel()
            line.setObjectName(f"total{q + 1}")
            line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            totals.addWidget(head, q // 2, (q % 2) * 2)
            totals.addWidget(line, q // 2, (q % 2) * 2 + 1)
            self.total_labels.append(line)
        totals.setColumnStretch(1, 1)
        totals.setColumnStretch(3, 1)

        self.hint = QLabel(self.tr("双击单元格查看驻村记录；双击红色或黄色的单元格可安排驻村。"))
        self.hint.setWordWrap(True)
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
        layout.addWidget(self.view, 1)
        layout.addWidget(self.totals_box)
        layout.addWidget(self.hint)
        layout.addWidget(self.status_label)

        bus.changed.connect(self._on_changed)
        self.refresh()

    def _action(self, text: str, shortcut: Any, tip: str, slot: Callable[[], object]) -> QAction:
        action = page_action(self, text, slot, shortcut, tip)
        self.toolbar.addAction(action)
        return action

    # ---- the choices -------------------------------------------------------------------------
    def _restore_choices(self) -> None:
        for combo, key, default in (
            (self.year_combo, YEAR_KEY, self.today().year),
            (self.what_combo, WHAT_KEY, VISITS_KIND),
            (self.unit_combo, UNIT_KEY, ""),
        ):
            saved = self.settings.value(key, default)
            if combo is self.year_combo:
                try:
                    saved = int(str(saved))
                except ValueError:
                    saved = default
            index = combo.findData(saved)
            combo.setCurrentIndex(index if index >= 0 else max(0, combo.findData(default)))

    def _choice_changed(self, _index: int = 0) -> None:
        self.settings.setValue(YEAR_KEY, self.year())
        self.settings.setValue(WHAT_KEY, self.what())
        self.settings.setValue(UNIT_KEY, self.unit_id() or "")
        self.refresh()

    def year(self) -> int:
        return int(self.year_combo.currentData())

    def what(self) -> str:
        return str(self.what_combo.currentData())

    def what_label(self) -> str:
        return self.what_combo.currentText()

    def unit_id(self) -> str | None:
        return str(self.unit_combo.currentData() or "") or None

    def set_choice(
        self, year: int | None = None, what: str | None = None, unit_id: str | None = None
    ) -> None:
        """Choose as a user would (tests, the home page)."""
        if year is not None:
            self.year_combo.setCurrentIndex(self.year_combo.findData(year))
        if what is not None:
            self.what_combo.setCurrentIndex(self.what_combo.findData(what))
        if unit_id is not None:
            self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(unit_id)))

    # ---- reading -----------------------------------------------------------------------------
    def read_rows(self) -> list[Row]:
        year, what, unit = self.year(), self.what(), self.unit_id()
        if is_ledger(what):
            return ledger_coverage(self.records, what, year, unit, today=self.today())
        return visit_coverage(self.records, year, unit, today=self.today())

    def refresh(self) -> None:
        """Read the year view again (a few queries: fast enough for the GUI thread)."""
        self._stale = False
        self.show_rows(self.tracked(self.read_rows))

    def show_rows(self, rows: Sequence[Row]) -> None:
        year, what = self.year(), self.what()
        self.model.set_rows(rows, year, what)
        for q, label in zip(quarters_of_year(year), self.total_labels, strict=True):
            label.setText(totals_line(rows, q, what, tr_app))
        statuses = ("visited", "missed", "unplanned", NOT_APPLICABLE) if is_ledger(what) else (
            "visited", "planned", "missed", "unplanned", NOT_APPLICABLE)  # fmt: skip
        self.legend.setText(
            "　".join(
                f'<span style="background-color:{STATUS_COLOURS[s]}">&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;'
                f"{html.escape(tr_app(status_label(s, what)))}"
                for s in statuses
            )
        )
        self.hint.setText(
            self.tr("双击单元格查看台账记录。")
            if is_ledger(what)
            else self.tr("双击单元格查看驻村（驻在）记录；双击红色或黄色的单元格可安排驻村（驻在）。")
        )
        current = quarter_of(self.today())
        if year == self.today().year:
            self.view.scrollTo(self.model.index(0, FIXED_COLUMNS + int(current[-1]) - 1))
        has_rows = bool(rows)
        self.act_export.setEnabled(has_rows)
        self.act_print.setEnabled(has_rows)
        self.refreshed.emit()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(self.units_read):
            self._read_units()
        if not self.touched(changes):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _read_units(self) -> None:
        """The units the plan may be made for (they change with the units register)."""
        with reading() as self.units_read:
            self.units, self.can_choose_unit = planning_units(self.records)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # ---- a cell ------------------------------------------------------------------------------
    def register_name(self) -> str:
        return "visits" if not is_ledger(self.what()) else f"ledger_{self.what()}"

    def open_cell(self, index: QModelIndex) -> Any:
        """The visits or entries behind a quarter cell; for a missed or unplanned visit cell, an
        offer to plan one. Returns what was opened (None when nothing)."""
        cell = self.model.cell(index.row(), index.column()) if index.isValid() else None
        if cell is None:
            return None
        row = self.model.rows[index.row()]
        quarter = self.model.quarter(index.column()) or ""
        reg = get_register(self.register_name())
        opened: Any = None
        if cell.ids:
            if len(cell.ids) == 1 and self.open_record is not None:
                self.open_record(reg.name, cell.ids[0])
                return None
            title = f"{row.target_name} {quarter_text(quarter, tr_app)}"
            dialog = DrillDownDialog(self.records, reg, cell.ids, title, None, self.settings, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
            opened = dialog
        elif cell.status in (MISSED, UNPLANNED) and not is_ledger(self.what()):
            opened = self.offer_plan(row, quarter)
        if opened is not None:
            self.last_dialog = opened
            self.opened.emit(opened)
        return opened

    def confirm(self, title: str, text: str, action: str) -> bool:
        """Ask a yes/no question (tests replace this)."""
        return ask.confirm(self, title, text, action)

    def plan_day(self, quarter: str) -> date:
        """A working day to propose: in the quarter when it is not over, else from today on."""
        today = self.today()
        first, last = quarter_bounds(quarter)
        day = max(first, today) if last >= today else today
        while day.weekday() >= 5:
            day += timedelta(days=1)
        return day

    def offer_plan(self, row: Row, quarter: str) -> RecordForm | None:
        if not self.actor.can(EDIT):
            return None
        over = quarter_bounds(quarter)[1] < self.today()
        text = (
            self.tr("「{target}」{quarter}没有驻村（驻在）记录。现在为它安排一次吗？")
            if over
            else self.tr("「{target}」{quarter}还没有安排驻村（驻在）。现在安排吗？")
        ).format(target=row.target_name, quarter=quarter_text(quarter, tr_app))
        if not self.confirm(self.tr("安排驻村（驻在）"), text, self.tr("安排")):
            return None
        target = "village_id" if row.target_kind == "village" else "supervised_unit_id"
        initial = {"unit_id": row.unit_id, target: row.target_id, "planned_on": self.plan_day(quarter)}
        form = RecordForm(self.records, get_register("visits"), None, self, initial=initial)
        form.saved.connect(self._planned_one)
        form.finished.connect(lambda _result: form.deleteLater())
        form.open()
        return form

    def _planned_one(self, _visit_id: str) -> None:
        announce(self.records.ctx, self.bus)
        self.refresh()

    # ---- export and print --------------------------------------------------------------------
    def file_stem(self) -> str:
        return self.tr("{year}年{what}覆盖情况").format(year=self.year(), what=self.what_label())

    def ask_export_path(self) -> Path | None:
        return ask.xlsx_path(self, self.settings, self.file_stem())

    def export_excel(self) -> Task | None:
        path = self.ask_export_path()
        return self.export_to(path) if path is not None else None

    def export_to(self, path: Path) -> Task:
        """Write the grid as shown to ``path`` on a worker thread (recorded in the audit log)."""
        self.settings.setValue(ask.EXPORT_DIR_KEY, str(path.parent))
        rows, year, what, label = list(self.model.rows), self.year(), self.what(), self.what_label()
        ctx = self.records.ctx

        def work(_progress: Progress) -> int:
            return export_coverage(path, rows, year, what, label, tr_app, ctx=ctx)

        def done(count: object) -> None:
            folder = QUrl.fromLocalFile(str(path.parent)).toString()
            self.status_label.setText(
                self.tr('已导出 {n} 行到 {path}　<a href="{folder}">打开所在文件夹</a>').format(
                    n=count, path=html.escape(str(path)), folder=html.escape(folder)
                )
            )
            self.exported.emit(str(path))

        self.last_task = run_task(
            self, work, title=self.tr("导出 Excel"), label=self.tr("正在导出覆盖表…"), on_success=done
        )
        self.last_task.failed.connect(lambda _text: self.status_label.setText(self.tr("导出失败。")))
        return self.last_task

    def print_preview(self) -> PdfPreview:
        rows, year, what, label = list(self.model.rows), self.year(), self.what(), self.what_label()
        ctx = self.records.ctx
        unit = self.unit_combo.currentText()
        printed = self.tr("单位：{unit}　统计日期：{day}").format(unit=unit, day=self.today().isoformat())

        def make(path: Path) -> None:
            coverage_pdf(path, rows, year, what, label, tr_app, subtitle=printed, ctx=ctx)

        self.preview = open_preview(
            self, make, self.file_stem(), self.settings, file_name=f"{self.file_stem()}.pdf"
        )
        return self.preview

    # ---- for tests and the home page ---------------------------------------------------------
    def row_of(self, target_name: str) -> int:
        return next((i for i, r in enumerate(self.model.rows) if r.target_name == target_name), -1)

    def cell_text_at(self, target_name: str, quarter: int) -> str:
        row = self.row_of(target_name)
        return str(self.model.index(row, FIXED_COLUMNS + quarter - 1).data()) if row >= 0 else ""

    def units_listed(self) -> list[PlanUnit]:
        return list(self.units)
