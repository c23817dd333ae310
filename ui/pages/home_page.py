"""工作台: what needs doing. The deadline panel lists, per handler, the clues, inquiries,
verifications, cases and co-reviews whose deadline falls within the next 7 days or has passed.
Double-click (or Enter) opens the record on its register page.

The residency panel (本季度未驻村（驻在）) lists the villages and supervised units with no visit
done this quarter, with the planned date where one is planned: double-click opens the planned
visit, or the coverage page for one not planned.

The frequency-rule panel (履职要求) lists, per rule the registers declare (每月一课, 通报, …), who has
not paid it yet this period and who missed the last one (``app.services.duties``); double-click
opens 履职覆盖 on that rule."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.context import Changes
from app.quarters import quarter_of, quarter_text
from app.registers import get as get_register
from app.services.coverage import MISSED as NOT_VISITED
from app.services.coverage import Row, missing_this_quarter
from app.services.deadlines import HORIZON_DAYS, DueItem, by_handler, due_items
from app.services.duties import DUE, MISSED, Missing, missing_now, period_label
from app.services.records import RecordService
from ui.events import ChangeBus
from ui.heading import heading_label
from ui.i18n import tr_app, tr_message, tr_register
from ui.pages.setup_checklist import SetupChecklist
from ui.watch import ReadTracking, tracks_reads

ITEM_ROLE = Qt.ItemDataRole.UserRole
OVERDUE = QColor("#c62828")
UNPLANNED = QColor("#b26a00")
DUE_COLUMN = 5  # 期限


class DeadlineTree(QTreeWidget):
    """Handlers as top rows, their due items below; Enter opens the current item."""

    def __init__(self, open_item: Callable[[DueItem], None]) -> None:
        super().__init__()
        self.open_item = open_item
        self.itemActivated.connect(self._activated)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        due = item.data(0, ITEM_ROLE)
        if isinstance(due, DueItem):
            self.open_item(due)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        current = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current is not None:
            self._activated(current, 0)
            return
        super().keyPressEvent(event)


class HomePage(ReadTracking, QWidget):
    def __init__(
        self,
        records: RecordService,
        bus: ChangeBus,
        settings: QSettings,
        open_record: Callable[[str, str], None],
        today: Callable[[], date] = date.today,
        open_coverage: Callable[[], None] | None = None,
        open_duty: Callable[[str], None] | None = None,
        open_step: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("homePage")
        self.records = records
        self.settings = settings
        self.open_record = open_record
        self.today = today
        self.open_coverage = open_coverage or (lambda: None)
        self.open_duty = open_duty or (lambda _key: None)
        self.duties_missing: list[Missing] = []
        self.items: list[DueItem] = []
        self.missing: list[Row] = []
        self._stale = True

        title = heading_label(self.tr("工作台"), name="pageTitle")
        # 首次使用: a new installation's set-up steps, gone once done (ui.pages.setup_checklist).
        step = open_step or (lambda _page: None)
        self.setup = SetupChecklist(records.ctx.db, records.ctx.user, settings, step)
        self.summary = QLabel()
        self.summary.setObjectName("deadlineSummary")
        # A working-day deadline in a year without a holiday calendar (counted Monday to Friday).
        self.calendar_warning = QLabel()
        self.calendar_warning.setObjectName("calendarWarning")
        self.calendar_warning.setWordWrap(True)
        self.calendar_warning.setStyleSheet("color: #b26a00;")
        self.calendar_warning.hide()
        refresh = QPushButton(self.tr("刷新"))
        refresh.clicked.connect(self.refresh)
        heading = QLabel(self.tr("期限提醒：{n} 天内到期和已超期的事项（按承办人）").format(n=HORIZON_DAYS))
        heading.setObjectName("panelTitle")
        bold = heading.font()
        bold.setBold(True)
        heading.setFont(bold)

        self.tree = DeadlineTree(self._open)
        self.tree.setObjectName("deadlines")
        self.tree.setHeaderLabels(
            [
                self.tr("承办人 / 事项"),
                self.tr("编号"),
                self.tr("被反映人"),
                self.tr("办理环节"),
                self.tr("承办单位"),
                self.tr("期限"),
                self.tr("剩余"),
            ]
        )
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setAccessibleName(self.tr("期限提醒"))
        self.empty = QLabel(self.tr("没有 7 天内到期或已超期的事项。"))
        self.empty.hide()

        self.missing_heading = QLabel()
        self.missing_heading.setObjectName("missingTitle")
        self.missing_heading.setFont(bold)
        self.missing_tree = QTreeWidget()
        self.missing_tree.setObjectName("missingVisits")
        self.missing_tree.setRootIsDecorated(False)
        self.missing_tree.setHeaderLabels(
            [self.tr("单位"), self.tr("村（社区）/ 被监督单位"), self.tr("安排日期")]
        )
        self.missing_tree.setAlternatingRowColors(True)
        self.missing_tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.missing_tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.missing_tree.setAccessibleName(self.tr("本季度未驻村（驻在）"))
        self.missing_tree.setToolTip(self.tr("双击打开已安排的驻村记录，或打开覆盖情况安排驻村"))
        self.missing_tree.itemActivated.connect(self._missing_activated)

        self.duty_heading = QLabel(self.tr("履职要求：本期尚未完成和上期缺项"))
        self.duty_heading.setObjectName("dutyTitle")
        self.duty_heading.setFont(bold)
        self.duty_tree = QTreeWidget()
        self.duty_tree.setObjectName("missingDuties")
        self.duty_tree.setHeaderLabels(
            [self.tr("要求 / 对象"), self.tr("期间"), self.tr("情况"), self.tr("人数")]
        )
        self.duty_tree.setAlternatingRowColors(True)
        self.duty_tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.duty_tree.setAccessibleName(self.tr("履职要求"))
        self.duty_tree.setToolTip(self.tr("双击打开履职覆盖"))
        self.duty_tree.itemActivated.connect(self._duty_activated)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.setup)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.calendar_warning)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.missing_heading)
        layout.addWidget(self.missing_tree, 1)
        layout.addWidget(self.duty_heading)
        layout.addWidget(self.duty_tree, 1)
        bus.changed.connect(self._on_changed)

    def _on_changed(self, changes: Changes) -> None:
        if self.touched(changes):
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self.refresh()
        else:
            self.setup.refresh()  # a backup or a printed key sheet changes no register

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        super().hideEvent(event)

    @tracks_reads
    def refresh(self) -> None:
        self._stale = False
        self.setup.refresh()
        self.refresh_missing()
        self.refresh_duties()
        self.items = due_items(self.records, today=self.today())
        self.tree.clear()
        overdue = sum(1 for i in self.items if i.overdue)
        self.summary.setText(
            self.tr("已超期 {overdue} 项，{n} 天内到期 {soon} 项。").format(
                overdue=overdue, n=HORIZON_DAYS, soon=len(self.items) - overdue
            )
        )
        warnings = dict.fromkeys(tr_message(i.warning) for i in self.items if i.warning is not None)
        self.calendar_warning.setText("\n".join(warnings))
        self.calendar_warning.setVisible(bool(warnings))
        self.empty.setVisible(not self.items)
        self.tree.setVisible(bool(self.items))
        for handler, items in by_handler(self.items).items():
            late = sum(1 for i in items if i.overdue)
            top = QTreeWidgetItem(
                [
                    self.tr("{handler}（{n} 项，超期 {late} 项）").format(
                        handler=handler or self.tr("未指定承办人"), n=len(items), late=late
                    )
                ]
            )
            font = QFont(top.font(0))
            font.setBold(True)
            top.setFont(0, font)
            self.tree.addTopLevelItem(top)
            for item in items:
                left = (
                    self.tr("已超期 {n} 天").format(n=-item.days_left)
                    if item.overdue
                    else self.tr("今天到期")
                    if item.days_left == 0
                    else self.tr("还有 {n} 天").format(n=item.days_left)
                )
                row = QTreeWidgetItem(
                    [
                        tr_register(get_register(item.register).title),
                        item.what,
                        item.subject,
                        tr_register(item.step),
                        item.unit,
                        item.due.isoformat(),
                        left,
                    ]
                )
                row.setData(0, ITEM_ROLE, item)
                if item.warning is not None:
                    row.setToolTip(DUE_COLUMN, tr_message(item.warning))
                if item.overdue:
                    for c in range(self.tree.columnCount()):
                        row.setForeground(c, QBrush(OVERDUE))
                top.addChild(row)
            top.setExpanded(True)

    def rows(self) -> list[list[str]]:
        """Every item row as shown (tests)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            assert top is not None
            for j in range(top.childCount()):
                child = top.child(j)
                assert child is not None
                out.append([child.text(c) for c in range(self.tree.columnCount())])
        return out

    def _open(self, item: DueItem) -> None:
        self.open_record(item.register, item.row_id)

    # ---- this quarter's missing visits ---------------------------------------------------------
    def refresh_missing(self) -> None:
        today = self.today()
        quarter = quarter_of(today)
        self.missing = missing_this_quarter(self.records, today=today)
        villages = sum(1 for r in self.missing if r.target_kind == "village")
        self.missing_heading.setText(
            self.tr("本季度未驻村（驻在）：{quarter}，{villages} 个村（社区）、{units} 个被监督单位").format(
                quarter=quarter_text(quarter, tr_app), villages=villages,
                units=len(self.missing) - villages,
            )
        )  # fmt: skip
        self.missing_tree.clear()
        for r in self.missing:
            cell = r.cells[quarter]
            planned = min(cell.dates).isoformat() if cell.dates else self.tr("未安排")
            if cell.status == NOT_VISITED and cell.dates:  # the planned day went by without the visit
                planned = self.tr("{day}（已过，未驻）").format(day=max(cell.dates).isoformat())
            item = QTreeWidgetItem([r.unit_name, r.target_name, planned])
            item.setData(0, ITEM_ROLE, (r, cell.ids[0] if cell.ids else None))
            if not cell.ids or cell.status == NOT_VISITED:
                item.setForeground(2, QBrush(UNPLANNED))
            self.missing_tree.addTopLevelItem(item)

    def missing_rows(self) -> list[list[str]]:
        """The residency panel's rows as shown (tests)."""
        out = []
        for i in range(self.missing_tree.topLevelItemCount()):
            item = self.missing_tree.topLevelItem(i)
            assert item is not None
            out.append([item.text(c) for c in range(self.missing_tree.columnCount())])
        return out

    # ---- frequency rules ------------------------------------------------------------------------
    def refresh_duties(self) -> None:
        self.duties_missing = missing_now(self.records, today=self.today())
        self.duty_tree.clear()
        for m in self.duties_missing:
            status = self.tr("尚未完成") if m.status == DUE else self.tr("缺")
            top = QTreeWidgetItem(
                [
                    tr_register(m.duty.title),
                    tr_message(period_label(m.period, m.duty.period)),
                    status,
                    str(len(m.owers)),
                ]
            )
            top.setData(0, ITEM_ROLE, m.duty.key)
            if m.status == MISSED:
                for c in range(self.duty_tree.columnCount()):
                    top.setForeground(c, QBrush(OVERDUE))
            for r in m.owers:
                child = QTreeWidgetItem(
                    [f"{r.unit_name} · {r.ower_name}" if r.unit_name != r.ower_name else r.ower_name]
                )
                child.setData(0, ITEM_ROLE, m.duty.key)
                top.addChild(child)
            self.duty_tree.addTopLevelItem(top)
        self.duty_heading.setVisible(bool(self.duties_missing))
        self.duty_tree.setVisible(bool(self.duties_missing))

    def duty_rows(self) -> list[list[str]]:
        """The rules panel's top rows as shown (tests)."""
        out = []
        for i in range(self.duty_tree.topLevelItemCount()):
            item = self.duty_tree.topLevelItem(i)
            assert item is not None
            out.append([item.text(c) for c in range(self.duty_tree.columnCount())])
        return out

    def _duty_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        key = item.data(0, ITEM_ROLE)
        if isinstance(key, str):
            self.open_duty(key)

    def _missing_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, ITEM_ROLE)
        if not isinstance(data, tuple):
            return
        _row, visit_id = data
        if visit_id:
            self.open_record("visits", visit_id)
        else:
            self.open_coverage()
