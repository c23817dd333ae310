"""录入记录表: entering a paper visit form (走访/驻村监督记录表) with the keyboard only.

The order is the paper's: the checklist first (one box per matter; Space ticks, Tab moves; the
first box has the focus when the dialog opens), then 实际驻村日期 (the planned date unless
changed), 谈话人员, 发现情况, 存在问题, 跟进措施, and a small table of the clues found (被反映人,
工作单位, 摘要; rows added and removed with the buttons or Alt+A / Alt+D). 保存
(Ctrl+S, Ctrl+Enter) calls ``app.services.visit_entry.record_visit``: the visit is recorded and the
clues are registered together, or nothing is. A visit already recorded (or cancelled) opens
read-only with a note saying why.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.registers import get as get_register
from app.security.roles import EDIT
from app.services.records import NotFoundError, RecordService, ValidationError
from app.services.transitions import TransitionRefused
from app.services.visit_entry import ClueDraft, entry_refused, linked_clues, record_visit, visit_sheet
from ui.i18n import tr_message, tr_register
from ui.shortcuts import ctrl_enter

CHECK_COLUMNS = 3
NAME, UNIT, SUMMARY = range(3)


class _EnterStaysInTable(QObject):
    """Enter in the clue table (a cell being typed into included) ends the cell, and goes no
    further: it does not press 保存 as Enter in a one-line field of the form does."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        return (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        )


class VisitEntryDialog(QDialog):
    """``saved`` carries the visit's id and the ids of the clues registered with it."""

    saved = Signal(str, list)

    def __init__(self, records: RecordService, visit_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitEntryDialog")
        self.records = records
        self.visit_id = visit_id
        self.sheet = visit_sheet(records, visit_id)
        self.clue_ids: list[str] = []
        refused = entry_refused(self.sheet)
        self.read_only = refused is not None or not records.can(EDIT)
        self.setWindowTitle(
            self.tr("录入记录表 {code} — {target}").format(
                code=self.sheet.code, target=self.sheet.target_name
            )
        )

        # ---- what the visit is -------------------------------------------------------------------
        people = self.tr("、").join(n for n in (self.sheet.lead_name, self.sheet.member_name) if n)
        self.heading = QLabel(
            self.tr("{unit} · {target}　安排日期 {day}　人员：{people}").format(
                unit=self.sheet.unit_name,
                target=self.sheet.target_name,
                day=self.sheet.planned_on.isoformat(),
                people=people or self.tr("未定"),
            )
        )
        self.heading.setObjectName("visitHeading")
        bold = self.heading.font()
        bold.setBold(True)
        self.heading.setFont(bold)
        self.note = QLabel()
        self.note.setObjectName("readOnlyNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #b26a00;")
        if refused is not None:
            clues = len(linked_clues(records, visit_id))
            text = tr_message(refused)
            if clues:
                text += self.tr("（由此登记的问题线索 {n} 条）").format(n=clues)
            self.note.setText(text)
        elif self.read_only:
            self.note.setText(self.tr("当前用户的角色只能查看，不能录入。"))
        self.note.setVisible(bool(self.note.text()))

        # ---- the checklist -------------------------------------------------------------------------
        ticked = set(self.sheet.values.get("matters") or [])
        self.checks: list[QCheckBox] = []
        box = QGroupBox(self.tr("检查事项（空格勾选，Tab 移到下一项）"))
        grid = QGridLayout(box)
        for i, matter in enumerate(self.sheet.checklist):
            check = QCheckBox(tr_register(matter))
            check.setProperty("matter", matter)
            check.setChecked(matter in ticked)
            grid.addWidget(check, i // CHECK_COLUMNS, i % CHECK_COLUMNS)
            self.checks.append(check)

        # ---- the form's fields ---------------------------------------------------------------------
        visits = get_register("visits")
        # The planned date, unless the form is entered before it (the stay came early).
        stored_day = self.sheet.values.get("visited_on") or min(self.sheet.planned_on, date.today())
        self.visited_on = QDateEdit(QDate(stored_day.year, stored_day.month, stored_day.day))
        self.visited_on.setObjectName("visited_on")
        self.visited_on.setDisplayFormat("yyyy-MM-dd")
        self.visited_on.setCalendarPopup(True)
        self.people_talked = QLineEdit(str(self.sheet.values.get("people_talked") or ""))
        self.people_talked.setObjectName("people_talked")
        self.people_talked.setPlaceholderText(self.tr("如：村支书张某、村会计李某"))
        self.texts: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        form.addRow(tr_register(visits.field("visited_on").label) + self.tr("："), self.visited_on)
        form.addRow(tr_register(visits.field("people_talked").label) + self.tr("："), self.people_talked)
        for name in ("findings", "problems", "follow_up"):
            edit = QPlainTextEdit(str(self.sheet.values.get(name) or ""))
            edit.setObjectName(name)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(self.fontMetrics().height() * 3 + 14)
            form.addRow(tr_register(visits.field(name).label) + self.tr("："), edit)
            self.texts[name] = edit

        # ---- the clues found ---------------------------------------------------------------------
        clue_reg = get_register("clues")
        self.summary_restricted = records.is_restricted(clue_reg.field("summary"))
        self.clue_table = QTableWidget(0, 3)
        self.clue_table.setObjectName("clueDrafts")
        self.clue_table.setAccessibleName(self.tr("发现的问题线索"))
        summary_label = tr_register(clue_reg.field("summary").label)
        if self.summary_restricted:
            summary_label += self.tr("（无权填写）")
        self.clue_table.setHorizontalHeaderLabels(
            [tr_register(clue_reg.field("subject_name").label), tr_register(clue_reg.field("subject_unit").label),
             summary_label]
        )  # fmt: skip
        self.clue_table.setTabKeyNavigation(False)
        self.clue_table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        header = self.clue_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(NAME, self.fontMetrics().horizontalAdvance("中" * 6) + 20)
        header.resizeSection(UNIT, self.fontMetrics().horizontalAdvance("中" * 12) + 20)
        self.clue_table.setMinimumHeight(self.fontMetrics().height() * 7)
        # Alt+A and Alt+D (the buttons' own letters) work from inside a text box or a cell being
        # typed into; Ctrl+Insert and Ctrl+Delete are a text box's copy and delete-word.
        self.add_clue_button = QPushButton(self.tr("添加线索(&A)"))
        self.add_clue_button.setObjectName("addClue")
        self.add_clue_button.setToolTip(self.tr("在表中添加一行线索（Alt+A）"))
        self.add_clue_button.setAutoDefault(False)
        self.add_clue_button.clicked.connect(lambda _checked=False: self.add_clue_row())
        self.remove_clue_button = QPushButton(self.tr("删除线索行(&D)"))
        self.remove_clue_button.setObjectName("removeClue")
        self.remove_clue_button.setToolTip(self.tr("删除表中当前的一行线索（Alt+D）"))
        self.remove_clue_button.setAutoDefault(False)
        self.remove_clue_button.clicked.connect(lambda _checked=False: self.remove_clue_row())
        clue_box = QGroupBox(self.tr("发现的问题线索（保存时登记到「问题线索」，来源为监督发现）"))
        clue_layout = QVBoxLayout(clue_box)
        clue_layout.addWidget(self.clue_table)
        clue_buttons = QHBoxLayout()
        clue_buttons.addWidget(self.add_clue_button)
        clue_buttons.addWidget(self.remove_clue_button)
        clue_buttons.addStretch(1)
        clue_layout.addLayout(clue_buttons)

        # ---- errors and buttons ------------------------------------------------------------------
        self.error_label = QLabel()
        self.error_label.setObjectName("errors")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("保存（Ctrl+S）"))
        self.save_button.setObjectName("save")
        self.save_button.setShortcut(QKeySequence("Ctrl+S"))
        self.save_button.setDefault(True)  # Enter in 谈话人员 or the date saves, as in every form
        self.save_button.clicked.connect(lambda _checked=False: self.save())
        self._enter_stays = _EnterStaysInTable(self)
        self.clue_table.installEventFilter(self._enter_stays)
        ctrl_enter(self, self.save)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        close = buttons.addButton(
            self.tr("关闭") if self.read_only else self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole
        )
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(box)
        layout.addLayout(form)
        layout.addWidget(clue_box, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        # Tab goes the paper's way: the boxes, the fields, the clue table and its buttons, 保存.
        chain: list[QWidget] = [
            *self.checks,
            self.visited_on,
            self.people_talked,
            *self.texts.values(),
            self.clue_table,
            self.add_clue_button,
            self.remove_clue_button,
            self.save_button,
            close,
        ]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)
        if self.read_only:
            self._lock()
        self.resize(860, 720)

    def _lock(self) -> None:
        for check in self.checks:
            check.setEnabled(False)
        self.visited_on.setReadOnly(True)
        self.people_talked.setReadOnly(True)
        for edit in self.texts.values():
            edit.setReadOnly(True)
        self.clue_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for button in (self.add_clue_button, self.remove_clue_button, self.save_button):
            button.setEnabled(False)
            button.hide()

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)  # type: ignore[arg-type]
        if self.checks and not self.read_only:
            self.checks[0].setFocus(Qt.FocusReason.TabFocusReason)

    # ---- the clue table ------------------------------------------------------------------------
    def add_clue_row(self) -> int:
        if self.read_only:
            return -1
        row = self.clue_table.rowCount()
        self.clue_table.insertRow(row)
        for column in (NAME, UNIT, SUMMARY):
            item = QTableWidgetItem("")
            if column == SUMMARY and self.summary_restricted:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(self.tr("当前用户无权填写线索摘要（敏感信息）"))
            self.clue_table.setItem(row, column, item)
        self.clue_table.setFocus()
        self.clue_table.setCurrentCell(row, NAME)
        first = self.clue_table.item(row, NAME)
        if first is not None:
            self.clue_table.editItem(first)
        return row

    def remove_clue_row(self) -> None:
        if self.read_only:
            return
        row = self.clue_table.currentRow()
        if row >= 0:
            self.clue_table.removeRow(row)

    def set_clue(self, row: int, name: str, unit: str = "", summary: str = "") -> None:
        """Fill a row of the clue table (tests)."""
        for column, text in ((NAME, name), (UNIT, unit), (SUMMARY, summary)):
            item = self.clue_table.item(row, column)
            assert item is not None
            item.setText(text)

    def drafts(self) -> list[ClueDraft]:
        out = []
        for row in range(self.clue_table.rowCount()):
            texts = []
            for column in (NAME, UNIT, SUMMARY):
                item = self.clue_table.item(row, column)
                texts.append(item.text().strip() if item is not None else "")
            out.append(ClueDraft(*texts))
        return out

    # ---- saving --------------------------------------------------------------------------------
    def matters(self) -> list[str]:
        return [str(c.property("matter")) for c in self.checks if c.isChecked()]

    def values(self) -> dict[str, object]:
        day: date = self.visited_on.date().toPython()  # type: ignore[assignment]
        return {
            "visited_on": day,
            "matters": self.matters(),
            "people_talked": self.people_talked.text().strip(),
            **{name: edit.toPlainText().strip() for name, edit in self.texts.items()},
        }

    def error_text(self) -> str:
        return self.error_label.text()

    def save(self) -> bool:
        """Record the visit and register its clues; True when saved."""
        if self.read_only:
            return False
        self.save_button.setFocus()  # a clue cell still being edited hands its text to the table
        self.error_label.clear()
        try:
            self.clue_ids = record_visit(self.records, self.visit_id, self.values(), self.drafts())
        except ValidationError as exc:
            self.error_label.setText(self._describe(exc))
            return False
        except TransitionRefused as exc:
            self.error_label.setText(tr_message(exc.message))
            return False
        except NotFoundError:
            self.error_label.setText(self.tr("这次驻村（驻在）已不存在，可能已被删除。"))
            return False
        self.saved.emit(self.visit_id, list(self.clue_ids))
        self.accept()
        return True

    def _describe(self, exc: ValidationError) -> str:
        lines = []
        for key, message in exc.errors.items():
            text = tr_message(message)
            if key.startswith("clue:"):
                row = int(key.split(":")[1]) + 1
                text = self.tr("第 {row} 条线索：{text}").format(row=row, text=text)
            lines.append(text)
        return "\n".join(lines)
