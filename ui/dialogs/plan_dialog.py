"""生成季度计划: propose a quarter's visits for a unit, edit them, save them all at once.

The proposals come from ``app.services.visit_plan.propose_plan`` (every village or supervised unit
not yet covered in the quarter, over the working days left, two staff in turn, nobody to their
home village). Each row's date, lead and member can be changed and a row removed; the note says
what a proposal is short of. The calendar (weeks × weekdays of the quarter) shows how many visits
fall on each day and where, and follows the table as it is edited; holidays are greyed with their
name (休) and weekend days worked in their place marked 班 (``quarter_calendar``: the holiday
calendar with the county's 节假日调整), and a year without a holiday calendar is said below it.
保存计划 stores them through ``save_plan``: all or none. The chosen quarter and unit are remembered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QDate, QSettings, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.quarters import quarter_bounds, quarter_of
from app.quarters import quarter_text as written_quarter
from app.services.records import RecordService, ValidationError
from app.services.visit_entry import PlanUnit, planning_units, unit_staff
from app.services.visit_plan import PlanError, ProposedVisit, propose_plan, quarter_calendar, save_plan
from app.services.workdays import CalendarView
from ui.i18n import tr_app, tr_message

QUARTER_KEY = "dialogs/plan/quarter"
UNIT_KEY = "dialogs/plan/unit"
WEEKDAYS = 7
TARGET, DAY, LEAD, MEMBER, NOTE = range(5)
BUSY = (QColor("#ffffff"), QColor("#e3f2fd"), QColor("#bbdefb"), QColor("#90caf9"), QColor("#64b5f6"))
OUTSIDE = QColor("#eeeeee")
HOLIDAY = QColor("#e0e0e0")  # 放假: greyed
HOLIDAY_TEXT = QColor("#757575")
WORKED = QColor("#e65100")  # 调休上班: a weekend day marked 班


def next_quarter(quarter: str) -> str:
    return quarter_of(quarter_bounds(quarter)[1] + timedelta(days=1))


def default_quarter(today: date) -> str:
    """This quarter, or the next once more than half of this one has gone."""
    first, last = quarter_bounds(quarter_of(today))
    gone = (today - first).days + 1
    return next_quarter(quarter_of(today)) if gone * 2 > (last - first).days + 1 else quarter_of(today)


def quarter_text(quarter: str) -> str:
    return written_quarter(quarter, tr_app)


class PlanDialog(QDialog):
    """``saved`` carries the new visits' ids once the plan is stored."""

    saved = Signal(list)

    def __init__(
        self,
        records: RecordService,
        settings: QSettings | None,
        parent: QWidget | None = None,
        *,
        unit_id: str | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("planDialog")
        self.setWindowTitle(self.tr("生成季度计划"))
        self.records = records
        self.settings = settings
        self.today = today
        self.proposals: list[ProposedVisit] = []
        self.staff: list[tuple[str, str]] = []
        self._holidays: tuple[str, CalendarView] | None = None  # (quarter, its marked days)
        self.saved_ids: list[str] = []
        self.units, choose = planning_units(records)

        # ---- quarter and unit ------------------------------------------------------------------
        self.quarter_combo = QComboBox()
        self.quarter_combo.setObjectName("quarter")
        self.quarter_combo.setAccessibleName(self.tr("季度"))
        q = quarter_of(today())
        for _ in range(4):
            self.quarter_combo.addItem(quarter_text(q), q)
            q = next_quarter(q)
        self.unit_combo = QComboBox()
        self.unit_combo.setObjectName("unit")
        self.unit_combo.setAccessibleName(self.tr("单位"))
        for u in self.units:
            self.unit_combo.addItem(u.name, u.id)
        self.unit_combo.setEnabled(choose and len(self.units) > 1)
        self._restore_choice(unit_id)
        self.quarter_combo.currentIndexChanged.connect(self._choice_changed)
        self.unit_combo.currentIndexChanged.connect(self._choice_changed)

        choice = QHBoxLayout()
        for text, combo in ((self.tr("季度："), self.quarter_combo), (self.tr("单位："), self.unit_combo)):
            label = QLabel(text)
            label.setBuddy(combo)
            choice.addWidget(label)
            choice.addWidget(combo)
            choice.addSpacing(12)
        choice.addStretch(1)

        # ---- the proposals -------------------------------------------------------------------
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("proposals")
        self.table.setAccessibleName(self.tr("计划安排"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("村（社区）/ 被监督单位"),
                self.tr("安排日期"),
                self.tr("主办人"),
                self.tr("协办人"),
                self.tr("说明"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.remove_button = QPushButton(self.tr("删除选中行"))
        self.remove_button.setObjectName("removeRow")
        self.remove_button.setToolTip(self.tr("不安排选中的村（社区），从计划中去掉（Del）"))
        self.remove_button.clicked.connect(self.remove_selected)
        remove_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        remove_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        remove_key.activated.connect(self.remove_selected)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")

        # ---- the calendar ----------------------------------------------------------------------
        self.calendar = QTableWidget(0, WEEKDAYS)
        self.calendar.setObjectName("calendar")
        self.calendar.setAccessibleName(self.tr("日历"))
        self.calendar.setHorizontalHeaderLabels(
            [
                self.tr("一"),
                self.tr("二"),
                self.tr("三"),
                self.tr("四"),
                self.tr("五"),
                self.tr("六"),
                self.tr("日"),
            ]
        )
        self.calendar.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.calendar.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.calendar.setWordWrap(True)
        self.calendar.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.calendar.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.calendar.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() * 2 + 8)
        self.calendar.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.calendar.setMinimumWidth(self.fontMetrics().horizontalAdvance("中" * 4) * WEEKDAYS)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(self.count_label)
        left_layout.addLayout(row)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        calendar_title = QLabel(self.tr("日历（每天安排的次数和地点）"))
        right_layout.addWidget(calendar_title)
        right_layout.addWidget(self.calendar, 1)
        self.calendar_note = QLabel()
        self.calendar_note.setObjectName("calendarNote")
        self.calendar_note.setWordWrap(True)
        self.calendar_note.setStyleSheet("color: #b26a00;")
        self.calendar_note.hide()
        right_layout.addWidget(self.calendar_note)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([660, 600])

        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("保存计划"))
        self.save_button.setObjectName("savePlan")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(choice)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(1280, 800)
        self.propose()

    # ---- the choice --------------------------------------------------------------------------
    def _restore_choice(self, unit_id: str | None) -> None:
        saved_q = str(self.settings.value(QUARTER_KEY, "") or "") if self.settings is not None else ""
        index = self.quarter_combo.findData(saved_q) if saved_q else -1
        if index < 0:
            index = self.quarter_combo.findData(default_quarter(self.today()))
        self.quarter_combo.setCurrentIndex(max(0, index))
        wanted = unit_id or (
            str(self.settings.value(UNIT_KEY, "") or "") if self.settings is not None else ""
        )
        self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(wanted)))

    def _choice_changed(self, _index: int = 0) -> None:
        if self.settings is not None:
            self.settings.setValue(QUARTER_KEY, self.quarter())
            self.settings.setValue(UNIT_KEY, self.unit_id() or "")
        self.propose()

    def quarter(self) -> str:
        return str(self.quarter_combo.currentData())

    def unit_id(self) -> str | None:
        data = self.unit_combo.currentData()
        return str(data) if data else None

    def set_choice(self, quarter: str | None = None, unit_id: str | None = None) -> None:
        if quarter is not None:
            self.quarter_combo.setCurrentIndex(self.quarter_combo.findData(quarter))
        if unit_id is not None:
            self.unit_combo.setCurrentIndex(self.unit_combo.findData(unit_id))

    def chosen_unit(self) -> PlanUnit | None:
        return next((u for u in self.units if u.id == self.unit_id()), None)

    # ---- proposing ---------------------------------------------------------------------------
    def propose(self) -> None:
        """Ask for the proposals of the chosen unit and quarter and show them."""
        self.message.clear()
        unit = self.unit_id()
        self.proposals = []
        if unit is None:
            self.message.setText(self.tr("没有可安排驻村（驻在）的单位。"))
        else:
            self.staff = unit_staff(self.records, unit)
            try:
                self.proposals = propose_plan(self.records, unit, self.quarter(), today=self.today())
            except PlanError as exc:
                self.message.setText(tr_message(exc.message))
        self._fill_table()
        if unit is not None and not self.proposals and not self.message.text():
            self.message.setStyleSheet("")
            self.message.setText(self.tr("这个季度每个村（社区）或被监督单位都已安排，无需再生成。"))
        else:
            self.message.setStyleSheet("color: #c62828;")
        self.update_calendar()

    def _fill_table(self) -> None:
        first, last = quarter_bounds(self.quarter())
        self.table.setRowCount(0)
        self.table.setRowCount(len(self.proposals))
        for row, p in enumerate(self.proposals):
            item = QTableWidgetItem(p.target_name)
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.table.setItem(row, TARGET, item)
            day = QDateEdit(QDate(p.planned_on.year, p.planned_on.month, p.planned_on.day))
            day.setCalendarPopup(True)
            day.setDisplayFormat("yyyy-MM-dd")
            day.setDateRange(
                QDate(first.year, first.month, first.day), QDate(last.year, last.month, last.day)
            )
            day.setAccessibleName(self.tr("{target}的安排日期").format(target=p.target_name))
            day.dateChanged.connect(lambda _d: self.update_calendar())
            self.table.setCellWidget(row, DAY, day)
            for column, chosen in ((LEAD, p.lead_id), (MEMBER, p.member_id)):
                combo = QComboBox()
                combo.addItem(self.tr("（未定）"), None)
                for sid, name in self.staff:
                    combo.addItem(name, sid)
                combo.setCurrentIndex(max(0, combo.findData(chosen)))
                combo.currentIndexChanged.connect(lambda _i: self.update_calendar())
                self.table.setCellWidget(row, column, combo)
            note = QTableWidgetItem(tr_app(p.note) if p.note else "")
            if p.note:
                note.setForeground(QBrush(QColor("#b26a00")))
            self.table.setItem(row, NOTE, note)
        self.table.resizeColumnsToContents()
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("共 {n} 处").format(n=self.table.rowCount()))
        self.save_button.setEnabled(self.table.rowCount() > 0)
        self.remove_button.setEnabled(self.table.rowCount() > 0)

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()}, reverse=True)
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        for row in rows:
            self.table.removeRow(row)
        self._update_count()
        self.update_calendar()

    def edited(self) -> list[ProposedVisit]:
        """The proposals as the table now has them (dates, people; removed rows left out)."""
        out = []
        names = dict(self.staff)
        for row in range(self.table.rowCount()):
            item = self.table.item(row, TARGET)
            assert item is not None
            p = self.proposals[int(item.data(Qt.ItemDataRole.UserRole))]
            day = self.table.cellWidget(row, DAY)
            lead, member = self.table.cellWidget(row, LEAD), self.table.cellWidget(row, MEMBER)
            assert (
                isinstance(day, QDateEdit) and isinstance(lead, QComboBox) and isinstance(member, QComboBox)
            )
            lead_id, member_id = lead.currentData(), member.currentData()
            out.append(
                replace(
                    p,
                    planned_on=day.date().toPython(),  # type: ignore[arg-type]
                    lead_id=lead_id,
                    member_id=member_id,
                    lead_name=names.get(lead_id, ""),
                    member_name=names.get(member_id, ""),
                )
            )
        return out

    # ---- the calendar ------------------------------------------------------------------------
    def holidays(self) -> CalendarView:
        """The quarter's holidays and 调休 working days (read once per quarter shown)."""
        quarter = self.quarter()
        if self._holidays is None or self._holidays[0] != quarter:
            self._holidays = (quarter, quarter_calendar(self.records, quarter))
        return self._holidays[1]

    def update_calendar(self) -> None:
        """Weeks of the quarter × weekdays; each day the number of visits and where, holidays
        greyed with their name and 调休 working days marked 班."""
        first, last = quarter_bounds(self.quarter())
        start = first - timedelta(days=first.weekday())
        weeks = ((last - start).days // 7) + 1
        by_day: dict[date, list[str]] = {}
        for p in self.edited() if self.proposals else []:
            by_day.setdefault(p.planned_on, []).append(p.target_name)
        self.day_counts = {d: len(v) for d, v in by_day.items()}
        view = self.holidays()
        self.calendar_note.setText(tr_message(view.warning) if view.warning else "")
        self.calendar_note.setVisible(view.warning is not None)
        self.calendar.setRowCount(weeks)
        self.calendar.setVerticalHeaderLabels([self.tr("第{n}周").format(n=w + 1) for w in range(weeks)])
        for w in range(weeks):
            for wd in range(WEEKDAYS):
                day = start + timedelta(days=w * 7 + wd)
                inside = first <= day <= last
                places = by_day.get(day, [])
                mark = view.marks.get(day)
                off = mark is not None and not mark.working
                worked = mark is not None and mark.working and mark.adjusted
                tip: list[str] = []
                text = ""
                if inside:
                    text = f"{day.month}-{day.day}"
                    name = tr_app(mark.name) if mark is not None and mark.name else ""
                    if off:
                        text += " " + self.tr("休") + (" " + name if name else "")
                        tip.append(self.tr("{name}放假").format(name=name) if name else self.tr("放假"))
                    elif worked:
                        text += " " + self.tr("班")
                        tip.append(
                            self.tr("{name}调休上班").format(name=name) if name else self.tr("调休上班")
                        )
                    if len(places) > 1:
                        text += "　" + self.tr("{n} 处").format(n=len(places))
                    if places:
                        text += "\n" + self.tr("、").join(places)
                        tip.append("、".join(places))
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                if not inside:
                    item.setBackground(QBrush(OUTSIDE))
                elif places:
                    item.setBackground(QBrush(BUSY[min(len(places), len(BUSY) - 1)]))
                elif off:
                    item.setBackground(QBrush(HOLIDAY))
                if inside and worked:
                    item.setForeground(QBrush(WORKED))
                elif inside and off:
                    item.setForeground(QBrush(HOLIDAY_TEXT))
                elif inside and wd >= 5 and not places:
                    item.setForeground(QBrush(QColor("#9e9e9e")))
                if tip:
                    item.setToolTip("\n".join(tip))
                self.calendar.setItem(w, wd, item)

    def calendar_text(self, day: date) -> str:
        """A day's cell as shown (tests)."""
        first = quarter_bounds(self.quarter())[0]
        start = first - timedelta(days=first.weekday())
        offset = (day - start).days
        item = self.calendar.item(offset // 7, offset % 7)
        return item.text() if item is not None else ""

    # ---- saving ------------------------------------------------------------------------------
    def save(self) -> bool:
        plan = self.edited()
        if not plan:
            return False
        same = [p.target_name for p in plan if p.lead_id and p.lead_id == p.member_id]
        if same:
            self.message.setStyleSheet("color: #c62828;")
            self.message.setText(
                self.tr("计划没有保存：{targets}的主办人和协办人是同一人。").format(
                    targets=self.tr("、").join(same)
                )
            )
            return False
        try:
            self.saved_ids = save_plan(self.records, plan)
        except ValidationError as exc:
            self.message.setStyleSheet("color: #c62828;")
            self.message.setText(
                self.tr("计划没有保存：{reason}").format(
                    reason=self.tr("；").join(tr_message(m) for m in exc.errors.values())
                )
            )
            return False
        self.saved.emit(list(self.saved_ids))
        self.accept()
        return True
