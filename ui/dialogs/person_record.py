"""人员档案: everything on record about one person of the person register, grouped by register,
with the measures still in force on a chosen day (截至) highlighted with the end of their period.

The record comes from ``app.services.person_record`` (what the person logged in may see); each
row opens its record in the register's own form, and the people who may be the same person are
named at the top, each a link to their own record.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
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
from app.registers import get as get_register
from app.security.roles import PermissionDenied
from app.services import person_record as pr
from app.services.records import NotFoundError, RecordService
from ui.events import ChangeBus
from ui.i18n import tr_app, tr_message, tr_register, tr_value
from ui.ops import announce
from ui.watch import ReadTracking

ROW_ROLE = Qt.ItemDataRole.UserRole  # (register, id) of a record's row
IN_FORCE_BACKGROUND = "#fdecea"
IN_FORCE_TEXT = "#b71c1c"
STYLE = f"""
QLabel#personName {{ font-weight: bold; }}
QLabel#duplicates {{ background: #fff8e1; border: 1px solid #f0d68a; border-radius: 3px; padding: 6px; }}
QLabel#inForce[state="some"] {{
    color: {IN_FORCE_TEXT}; background: {IN_FORCE_BACKGROUND}; border: 1px solid #f3b9b5; border-radius: 3px;
    padding: 6px;
}}
QLabel#inForce[state="none"] {{ background: #eef6ee; border: 1px solid #b9dcb9; border-radius: 3px; padding: 6px; }}
QLabel#problem {{ color: #c62828; }}
"""
GROUPS = ("reports", "clues", "inquiries", "verifications", "cases", "case_units", "dispositions")
_ITEMS = {
    "reports": "reports",
    "clues": "clues",
    "inquiries": "inquiries",
    "verifications": "verifications",
    "cases": "cases",
    "case_units": "case_units",
    "dispositions": "measures",
}


class RecordTree(QTreeWidget):
    """Enter opens the current row (and never reaches the dialog's buttons)."""

    open_requested = Signal(QTreeWidgetItem)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self.open_requested.emit(self.currentItem())
            event.accept()
            return
        super().keyPressEvent(event)


def _day(d: date | None) -> str:
    return d.isoformat() if d else ""


class PersonRecordDialog(ReadTracking, QDialog):
    """The record of ``person_id`` as of ``on`` (default today). ``bus``: where a record saved from
    here is announced (the pages showing it refresh), and where this dialog hears of changes."""

    refreshed = Signal()

    COLUMNS = 5

    def __init__(
        self,
        records: RecordService,
        person_id: str,
        parent: QWidget | None = None,
        *,
        bus: ChangeBus | None = None,
        on: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("personRecordDialog")
        self.setStyleSheet(STYLE)
        self.records = records
        self.bus = bus
        self.person_id = person_id
        self.record: pr.PersonRecord | None = None
        self.current_form: QDialog | None = None

        self.name_label = QLabel()
        self.name_label.setObjectName("personName")
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        self.name_label.setFont(font)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        from ui.pages.register_page import FlowLayout  # (that module imports this one)

        self.facts = QWidget()
        self.facts.setObjectName("personFacts")
        self.facts_layout = FlowLayout(self.facts, spacing=16)  # a fact never breaks; the line does
        self.fact_labels: list[QLabel] = []
        self.duplicates_label = QLabel()
        self.duplicates_label.setObjectName("duplicates")
        self.duplicates_label.setWordWrap(True)
        self.duplicates_label.setTextFormat(Qt.TextFormat.RichText)
        self.duplicates_label.linkActivated.connect(self.show_person)
        self.duplicates_label.hide()
        self.problem_label = QLabel()
        self.problem_label.setObjectName("problem")
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()

        self.on_edit = QDateEdit()
        self.on_edit.setObjectName("onDate")
        self.on_edit.setCalendarPopup(True)
        self.on_edit.setDisplayFormat("yyyy-MM-dd")
        self.on_edit.setLocale(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        day = on or date.today()
        self.on_edit.setDate(QDate(day.year, day.month, day.day))
        self.on_edit.setToolTip(self.tr("查看这一天处分期（影响期）内的处理"))
        self.on_edit.dateChanged.connect(lambda _d: self.refresh())
        on_label = QLabel(self.tr("截至(&D)："))
        on_label.setBuddy(self.on_edit)
        self.today_button = QPushButton(self.tr("今天"))
        self.today_button.setAutoDefault(False)
        self.today_button.clicked.connect(self.show_today)
        self.in_force_label = QLabel()
        self.in_force_label.setObjectName("inForce")
        self.in_force_label.setWordWrap(True)
        self.in_force_label.setTextFormat(Qt.TextFormat.RichText)

        self.tree = RecordTree()
        self.tree.setObjectName("personRecordTree")
        self.tree.setColumnCount(self.COLUMNS)
        self.tree.setHeaderLabels(
            [self.tr("记录"), self.tr("日期"), self.tr("状态"), self.tr("单位"), self.tr("说明")]
        )
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAccessibleName(self.tr("在案记录"))
        self.tree.setToolTip(self.tr("双击或按回车打开记录"))
        self.tree.itemDoubleClicked.connect(lambda item, _column: self.open_item(item))
        self.tree.open_requested.connect(self.open_item)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        self.open_button = QPushButton(self.tr("打开记录"))
        self.open_button.setAutoDefault(False)
        self.open_button.setToolTip(self.tr("打开选中的记录（回车）"))
        self.open_button.clicked.connect(lambda _checked=False: self.open_item(self.tree.currentItem()))
        self.tree.currentItemChanged.connect(lambda *_a: self._update_buttons())
        close = QPushButton(self.tr("关闭"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.name_label, 1)
        top.addWidget(on_label)
        top.addWidget(self.on_edit)
        top.addWidget(self.today_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.facts)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.duplicates_label)
        layout.addWidget(self.in_force_label)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.resize(960, 620)
        if bus is not None:
            bus.changed.connect(self._bus_changed)
        self.refresh()
        self.tree.setFocus()

    # ---- reading -------------------------------------------------------------------------------
    def on(self) -> date:
        d = self.on_edit.date()
        return date(d.year(), d.month(), d.day())

    def set_on(self, day: date) -> None:
        self.on_edit.setDate(QDate(day.year, day.month, day.day))

    def show_today(self) -> None:
        self.set_on(date.today())

    def show_person(self, person_id: str) -> None:
        """Show another person's record here (a possible duplicate's link)."""
        self.person_id = person_id
        self.refresh()

    def refresh(self) -> None:
        try:
            record = self.tracked(lambda: pr.person_record(self.records, self.person_id, self.on()))
        except (NotFoundError, PermissionDenied) as exc:
            self.record = None
            self._show_problem(exc)
            return
        self.record = record
        self.problem_label.hide()
        self._fill(record)
        self.refreshed.emit()

    def _show_problem(self, exc: Exception) -> None:
        if isinstance(exc, PermissionDenied):
            text = tr_message(exc.message)
        else:
            text = self.tr("人员库中没有这个人员，或已被删除。")
        self.setWindowTitle(self.tr("人员档案"))
        self.name_label.setText(self.tr("人员档案"))
        self._set_facts([])
        self.duplicates_label.hide()
        self.in_force_label.hide()
        self.tree.clear()
        self.problem_label.setText(text)
        self.problem_label.show()
        self._update_buttons()

    def _bus_changed(self, changes: Changes) -> None:
        if self.touched(changes):
            self.refresh()

    # ---- showing ---------------------------------------------------------------------------------
    def _fill(self, record: pr.PersonRecord) -> None:
        p = record.person
        self.setWindowTitle(self.tr("人员档案 — {name}").format(name=p.name))
        where = self.tr("，").join(x for x in (p.unit, p.post) if x)
        self.name_label.setText(
            self.tr("{name}（{where}）").format(name=p.name, where=where) if where else p.name
        )
        facts = [
            self.tr("中共党员：{yes}").format(yes=tr_app("是") if p.party_member else tr_app("否")),
            self.tr("监察对象：{category}").format(
                category=tr_register(p.object_label) if p.object_category else tr_app("否")
            ),
        ]
        for label, value in (
            (self.tr("管理权限"), p.authority),
            (self.tr("职级"), p.rank),
            (self.tr("所在村（社区）"), p.village),
        ):
            if value:
                facts.append(self.tr("{label}：{value}").format(label=label, value=tr_value(value)))
        facts.append(self.tr("身份证号码：已登记") if p.has_id_number else self.tr("身份证号码：未登记"))
        self._set_facts(facts)
        self._fill_duplicates(record)
        self._fill_in_force(record)
        self._fill_tree(record)
        self._update_buttons()

    def _set_facts(self, facts: list[str]) -> None:
        for label in self.fact_labels:
            self.facts_layout.removeWidget(label)
            label.deleteLater()
        self.fact_labels = []
        for fact in facts:
            label = QLabel(fact)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts_layout.addWidget(label)
            self.fact_labels.append(label)
        self.facts.setVisible(bool(facts))

    def facts_text(self) -> str:
        """The facts about the person, as shown (one line)."""
        return "　".join(label.text() for label in self.fact_labels)

    def _fill_duplicates(self, record: pr.PersonRecord) -> None:
        if not record.duplicates:
            self.duplicates_label.hide()
            return
        links = [
            '<a href="{id}">{who}</a>（{why}）'.format(
                id=html.escape(d.person.id),
                who=html.escape(d.person.display),
                why=html.escape(self.tr("、").join(tr_app(r) for r in d.reason_labels)),
            )
            for d in record.duplicates
        ]
        self.duplicates_label.setText(
            self.tr("人员库中可能还有同一人的记录，请核对（程序不会合并）：{people}").format(
                people=self.tr("；").join(links)
            )
        )
        self.duplicates_label.show()

    def _fill_in_force(self, record: pr.PersonRecord) -> None:
        on = record.on.isoformat()
        label = self.in_force_label
        if record.in_force:
            lines = [
                self.tr("{measure}，{decided} 决定，{until}").format(
                    measure=html.escape(self._measure_title(m)),
                    decided=m.decided_on.isoformat(),
                    until=self._until(m),
                )
                for m in record.in_force
            ]
            label.setText(
                "<b>{}</b><br>{}".format(
                    html.escape(
                        self.tr("截至 {on}，处分期（影响期）内的处理 {n} 项：").format(on=on, n=len(lines))
                    ),
                    "<br>".join(lines),
                )
            )
            label.setProperty("state", "some")
        else:
            text = self.tr("截至 {on}，没有处分期（影响期）内的处理。").format(on=on)
            if record.empty:
                text += self.tr("人员库中没有关于此人的在案记录。")
            label.setText(html.escape(text))
            label.setProperty("state", "none")
        label.style().unpolish(label)
        label.style().polish(label)
        label.show()

    def _until(self, m: pr.MeasureItem) -> str:
        if m.permanent:
            return self.tr("无期限")
        return self.tr("至 {date}").format(date=_day(m.ends_on))

    def _measure_title(self, m: pr.MeasureItem) -> str:
        if m.measure == m.kind_label:
            return tr_value(m.measure)
        return self.tr("{kind}（{measure}）").format(
            kind=tr_register(m.kind_label), measure=tr_value(m.measure)
        )

    def _fill_tree(self, record: pr.PersonRecord) -> None:
        current = self.tree.currentItem()
        keep = current.data(0, ROW_ROLE) if current is not None else None
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for register in GROUPS:
            items = getattr(record, _ITEMS[register])
            title = tr_register(get_register(register).title)
            group = QTreeWidgetItem([self.tr("{title}（{n}）").format(title=title, n=len(items))])
            group.setFirstColumnSpanned(True)
            group.setFont(0, bold)
            group.setData(0, Qt.ItemDataRole.AccessibleTextRole, title)
            self.tree.addTopLevelItem(group)
            if not items:
                group.setForeground(0, QBrush(self.palette().color(self.palette().ColorGroup.Disabled,
                                                                  self.palette().ColorRole.Text)))  # fmt: skip
                group.setText(0, self.tr("{title}（无）").format(title=title))
                continue
            for x in items:
                row = QTreeWidgetItem(self._cells(register, x))
                row.setData(0, ROW_ROLE, (register, x.id))
                if register == "dispositions" and x.in_force:
                    for c in range(self.COLUMNS):
                        row.setBackground(c, QBrush(QColor(IN_FORCE_BACKGROUND)))
                        row.setForeground(c, QBrush(QColor(IN_FORCE_TEXT)))
                        row.setFont(c, bold)
                group.addChild(row)
                if keep == (register, x.id):
                    self.tree.setCurrentItem(row)
            group.setExpanded(True)
        metrics = self.tree.fontMetrics()
        least = ("中" * 10, "2022-06-30", "中" * 6, "中" * 6)  # an empty record keeps readable columns
        for c in range(self.COLUMNS - 1):
            self.tree.resizeColumnToContents(c)
            wanted = metrics.horizontalAdvance(least[c]) + 2 * metrics.horizontalAdvance("M")
            self.tree.setColumnWidth(c, max(self.tree.columnWidth(c), wanted))
        if self.tree.currentItem() is None:
            first = self._first_row()
            if first is not None:
                self.tree.setCurrentItem(first)

    def _first_row(self) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            if group is not None and group.childCount():
                return group.child(0)
        return None

    def _cells(self, register: str, x: object) -> list[str]:
        """记录, 日期, 状态, 单位, 说明 of one row."""
        if isinstance(x, pr.ReportItem):
            note = tr_value(x.method) + (self.tr("，") + tr_value(x.category) if x.category else "")
            return [x.number or self.tr("（无编号）"), _day(x.received_on), tr_value(x.state), "", note]
        if isinstance(x, pr.ClueItem):
            note = (
                tr_value(x.source)
                + self.tr("；")
                + (
                    self.tr("处置：{disposal}").format(disposal=tr_value(x.disposal_label))
                    if x.disposal
                    else self.tr("尚未处置")
                )
            )
            return [x.number, _day(x.received_on), tr_value(x.state_label), x.handling_unit, note]
        if isinstance(x, pr.InquiryItem):
            clue = self.tr("线索 {number}").format(number=tr_value(x.clue_number))
            what = self.tr("{kind}（{clue}）").format(kind=tr_value(x.kind), clue=clue) if x.kind else clue
            return [what, _day(x.started_on), tr_value(x.state), "", tr_value(x.outcome)]
        if isinstance(x, pr.CaseItem):
            note = self.tr("结案 {date}").format(date=_day(x.concluded_on)) if x.concluded_on else ""
            return [x.number, _day(x.filed_on), tr_value(x.state_label), x.handling_unit, note]
        if isinstance(x, pr.CaseUnitItem):
            case = self.tr("案件 {number}").format(number=tr_value(x.case_number))
            return [case, _day(x.joined_on), "", x.unit, x.role]
        assert isinstance(x, pr.MeasureItem)
        return [
            self._measure_title(x),
            _day(x.decided_on),
            self._measure_state(x),
            x.handling_unit,
            self.tr("；").join(t for t in (tr_value(x.form_label), x.decision_no) if t),
        ]

    def _measure_state(self, m: pr.MeasureItem) -> str:
        if m.in_force:
            return (
                self.tr("处分期内（无期限）")
                if m.permanent
                else self.tr("处分期内，至 {date}").format(date=_day(m.ends_on))
            )
        if not m.has_period:
            return self.tr("无处分期")
        if self.record is not None and m.decided_on > self.record.on:
            return self.tr("截至当日尚未决定")
        return self.tr("已期满（{date}）").format(date=_day(m.ends_on))

    # ---- rows ------------------------------------------------------------------------------------
    def row_items(self, register: str) -> list[QTreeWidgetItem]:
        """The rows shown for one register."""
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            if group is not None and GROUPS[i] == register:
                return [c for j in range(group.childCount()) if (c := group.child(j)) is not None]
        return []

    def row_texts(self, register: str) -> list[list[str]]:
        return [[item.text(c) for c in range(self.COLUMNS)] for item in self.row_items(register)]

    def _update_buttons(self) -> None:
        item = self.tree.currentItem()
        self.open_button.setEnabled(item is not None and item.data(0, ROW_ROLE) is not None)

    def open_item(self, item: QTreeWidgetItem | None) -> QDialog | None:
        """Open the record of a row in its register's form (a group row opens or closes)."""
        if item is None:
            return None
        target = item.data(0, ROW_ROLE)
        if target is None:
            item.setExpanded(not item.isExpanded())
            return None
        register, row_id = target
        return self.open_record(register, row_id)

    def open_record(self, register: str, row_id: str) -> QDialog | None:
        from ui.dialogs.record_form import RecordForm

        try:
            form = RecordForm(self.records, get_register(register), row_id, self)
        except (NotFoundError, PermissionDenied):
            self.refresh()
            return None
        form.saved.connect(lambda _id: self._record_saved())
        form.finished.connect(lambda _result: self._form_closed(form))
        self.current_form = form
        form.open()
        return form

    def _record_saved(self) -> None:
        if self.bus is not None:
            announce(self.records.ctx, self.bus)  # pages showing it refresh, and so does this
        else:
            self.refresh()

    def _form_closed(self, form: QDialog) -> None:
        if self.current_form is form:
            self.current_form = None
        form.deleteLater()
        self.tree.setFocus()
