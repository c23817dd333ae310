"""廉政意见回复 at the county (监督执纪): search a person, see in one view everything the county holds
that bears on the reply, and work through a request (来函) name by name.

Everything comes from ``app.services.integrity_reply``: the page opens no database session. The
left half is a request's names with each one's state and proposed reply; choosing a name (or
searching one) fills the right half: the people taken as this person, namesakes to check, open
clues, cases in progress, measures in force with their 影响期, and the older matters apart. 回复
answers the chosen name (prefilled from the proposal); 拟无问题的一并回复 answers every name still
waiting whose proposal is 无问题. A refusal is shown under the buttons, as the register words it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.registers.integrity import ANSWER_CHOICES, CLEAR, DEFER, INTEGRITY_REPLIES, ISSUES
from app.security.roles import PRINT, PermissionDenied
from app.services import integrity_reply as ir
from app.services.records import RecordService, ValidationError
from app.services.transitions import TransitionRefused
from ui.events import ChangeBus
from ui.i18n import tr_message, tr_register, tr_value
from ui.official_docs import export_letter, preview_letter
from ui.ops import run_op

if TYPE_CHECKING:
    from ui.dialogs.pdf_preview import PdfPreview

EMPTY = QT_TRANSLATE_NOOP("app", "「{label}」不能为空。")
SIGNED_BY = QT_TRANSLATE_NOOP("register", "签发人")


def _day(d: date | None) -> str:
    return d.isoformat() if d else ""


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class AnswerDialog(QDialog):
    """The answer to one name: 无问题 / 有问题 (facts) / 暂缓 (reason), the day and who signs."""

    def __init__(self, line: ir.Line, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("integrityAnswerDialog")
        self.setWindowTitle(self.tr("回复廉政意见 — {name}").format(name=line.name))
        self.answer = QComboBox()
        for code, label in ANSWER_CHOICES:
            self.answer.addItem(tr_register(label), code)
        self.answer.setCurrentIndex(self.answer.findData(line.review.proposal))
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(_qdate(date.today()))
        self.signed_by = QLineEdit()
        self.facts = QPlainTextEdit(line.review.proposed_facts)
        self.reason = QPlainTextEdit(line.review.proposed_reason)
        form = QFormLayout()
        form.addRow(self.tr("回复意见："), self.answer)
        form.addRow(self.tr("回复日期："), self.day)
        form.addRow(self.tr("签发人："), self.signed_by)
        form.addRow(self.tr("问题情况："), self.facts)
        form.addRow(self.tr("暂缓理由："), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, date, str, str, str]:
        code = str(self.answer.currentData())
        day: date = self.day.date().toPython()  # type: ignore[assignment]
        return (
            code,
            day,
            self.signed_by.text().strip(),
            self.facts.toPlainText().strip() if code == ISSUES else "",
            self.reason.toPlainText().strip() if code == DEFER else "",
        )


class IntegrityPage(QWidget):
    def __init__(self, records: RecordService, bus: ChangeBus, settings: QSettings) -> None:
        super().__init__()
        self.setObjectName("integrityPage")
        self.records = records
        self.bus = bus
        self.settings = settings
        self.batch: ir.Batch | None = None
        self.review: ir.Review | None = None

        self.requests = QComboBox()
        self.requests.setObjectName("integrityRequests")
        self.requests.currentIndexChanged.connect(lambda _i: self.show_batch())
        self.lines = QTableWidget(0, 5)
        self.lines.setObjectName("integrityLines")
        self.lines.setHorizontalHeaderLabels(
            [self.tr("姓名"), self.tr("工作单位"), self.tr("职务"), self.tr("状态"), self.tr("回复意见")]
        )
        self.lines.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.lines.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.lines.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.lines.itemSelectionChanged.connect(self._line_chosen)
        self.answer_button = QPushButton(self.tr("回复(&R)…"))
        self.answer_button.clicked.connect(self.answer_chosen)
        self.clear_button = QPushButton(self.tr("拟无问题的一并回复"))
        self.clear_button.clicked.connect(self.ask_answer_clear)
        self.letter_button = QPushButton(self.tr("复函(&L)"))
        self.letter_button.setObjectName("integrityLetter")
        self.letter_button.setToolTip(
            self.tr("按公文格式出具所选来函的廉政意见回复函：预览打印，或保存为 Word 文档")
        )
        letter_menu = QMenu(self.letter_button)
        self.act_letter_pdf = letter_menu.addAction(self.tr("预览并打印复函…"))
        self.act_letter_pdf.triggered.connect(lambda _checked=False: self.preview_letter())
        self.act_letter_docx = letter_menu.addAction(self.tr("保存复函为 .docx…"))
        self.act_letter_docx.triggered.connect(lambda _checked=False: self.export_letter())
        self.letter_button.setMenu(letter_menu)
        self.letter_button.setEnabled(records.can(PRINT))
        self.signed_by = QLineEdit()
        self.signed_by.setPlaceholderText(self.tr("签发人"))
        editable = records.may_edit(INTEGRITY_REPLIES)  # a read-only user sees, answers nothing
        for button in (self.answer_button, self.clear_button):
            button.setEnabled(editable)
        self.signed_by.setEnabled(editable)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828;")

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.addWidget(QLabel(self.tr("来函：")))
        lv.addWidget(self.requests)
        lv.addWidget(self.lines)
        row = QHBoxLayout()
        row.addWidget(self.answer_button)
        row.addWidget(self.signed_by)
        row.addWidget(self.clear_button)
        row.addWidget(self.letter_button)
        lv.addLayout(row)
        lv.addWidget(self.problem)

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("姓名"))
        self.id_number = QLineEdit()
        self.id_number.setPlaceholderText(self.tr("身份证号码"))
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(self.tr("工作单位"))
        self.search_button = QPushButton(self.tr("查询(&S)"))
        self.search_button.clicked.connect(self.search)
        self.name.returnPressed.connect(self.search)
        self.proposal = QLabel()
        self.proposal.setObjectName("integrityProposal")
        self.proposal.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("integrityReview")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([self.tr("事项"), self.tr("日期"), self.tr("状态或期限"), self.tr("单位")])
        right = QWidget()
        rv = QVBoxLayout(right)
        search = QHBoxLayout()
        for w in (self.name, self.id_number, self.unit, self.search_button):
            search.addWidget(w)
        rv.addLayout(search)
        rv.addWidget(self.proposal)
        rv.addWidget(self.tree)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        bus.changed.connect(lambda _c: self.refresh())
        self.refresh()

    # ---- asking the service -------------------------------------------------------------------
    def _refused(self, exc: Exception) -> None:
        if isinstance(exc, ValidationError):
            text = "；".join(tr_message(m) for m in exc.errors.values())
        elif isinstance(exc, PermissionDenied | TransitionRefused):
            text = tr_message(exc.message)
        else:
            raise exc
        self.problem.setText(text)

    def refresh(self) -> None:
        chosen = self.requests.currentData()
        try:
            found = ir.requests(self.records)
        except PermissionDenied as exc:
            self._refused(exc)
            return
        self.requests.blockSignals(True)
        self.requests.clear()
        for r in found:
            self.requests.addItem(
                f"{r.letter_no}（{r.received_on.isoformat()}，{tr_register(r.purpose_label)}）", r.id
            )
        index = self.requests.findData(chosen)
        self.requests.setCurrentIndex(index if index >= 0 else 0 if found else -1)
        self.requests.blockSignals(False)
        self.show_batch()

    def show_batch(self) -> None:
        request = self.requests.currentData()
        self.batch = ir.batch(self.records, request) if request else None
        lines = self.batch.lines if self.batch else ()
        self.lines.setRowCount(len(lines))
        for i, x in enumerate(lines):
            answer = (
                tr_register(x.answer_label)
                if not x.pending
                else self.tr("拟：{p}").format(p=tr_register(x.review.proposal_label))
            )
            state = self.tr("待回复") if x.pending else self.tr("已回复")
            for col, text in enumerate((x.name, x.unit, x.post, state, answer)):
                self.lines.setItem(i, col, QTableWidgetItem(text))
        if self.batch is not None:
            self.clear_button.setText(
                self.tr("拟无问题的一并回复（{n}）").format(n=len(self.batch.clear_pending))
            )

    # ---- the reply letter ----------------------------------------------------------------------
    def preview_letter(self) -> PdfPreview | None:
        request = self.requests.currentData()
        return preview_letter(self, self.records, self.settings, request) if request else None

    def export_letter(self) -> Path | None:
        request = self.requests.currentData()
        return export_letter(self, self.records, self.settings, request) if request else None

    def line(self) -> ir.Line | None:
        row = self.lines.currentRow()
        if self.batch is None or row < 0 or row >= len(self.batch.lines):
            return None
        return self.batch.lines[row]

    def _line_chosen(self) -> None:
        line = self.line()
        if line is not None:
            self.show_review(line.review)

    def search(self) -> None:
        self.problem.clear()
        try:
            found = ir.review(self.records, self.name.text(), self.id_number.text(), self.unit.text())
        except PermissionDenied as exc:
            self._refused(exc)
            return
        self.show_review(found)

    def show_review(self, review: ir.Review) -> None:
        self.review = review
        head = self.tr("截至 {day}，拟回复：{answer}").format(
            day=review.on.isoformat(), answer=tr_register(review.proposal_label)
        )
        grounds = "".join(f"<br>· {tr_message(g)}" for g in review.grounds)
        self.proposal.setText(head + grounds)
        self.tree.clear()

        def group(title: str, rows: list[tuple[str, str, str, str]]) -> None:
            top = QTreeWidgetItem([f"{title}（{len(rows)}）"])
            self.tree.addTopLevelItem(top)
            for r in rows:
                top.addChild(QTreeWidgetItem(list(r)))
            top.setExpanded(bool(rows))

        group(self.tr("认定为此人的人员"), [(m.person.display, "", "、".join(tr_value(x) for x in m.reason_labels), "")
                                          for m in review.people])  # fmt: skip
        group(self.tr("同名人员（其他单位，请核对）"), [(p.display, "", "", "") for p in review.namesakes])
        group(self.tr("未办结的问题线索"), [(c.number, _day(c.received_on), tr_value(c.state_label), c.handling_unit)
                                          for c in review.open_clues])  # fmt: skip
        group(self.tr("正在审查调查的案件"), [(c.number, _day(c.filed_on), tr_value(c.state_label), c.handling_unit)
                                            for c in review.open_cases])  # fmt: skip
        group(self.tr("影响期内的处理"), [(m.title, _day(m.decided_on), self._period(m), m.handling_unit)
                                        for m in review.in_force])  # fmt: skip
        group(self.tr("已了结的线索和已结案的案件"),
              [(c.number, _day(c.received_on), tr_value(c.state_label), c.handling_unit) for c in review.closed_clues]
              + [(c.number, _day(c.filed_on), tr_value(c.state_label), c.handling_unit) for c in review.closed_cases])  # fmt: skip
        group(self.tr("影响期已满或无影响期的处理"), [(m.title, _day(m.decided_on), self._period(m), m.handling_unit)
                                                    for m in review.past_measures])  # fmt: skip

    def _period(self, m: ir.pr.MeasureItem) -> str:
        if m.permanent:
            return self.tr("无期限")
        if m.ends_on is None:
            return self.tr("无影响期")
        return self.tr("影响期至 {day}").format(day=m.ends_on.isoformat())

    def group_texts(self) -> dict[str, list[list[str]]]:
        """Each group's title and its rows' texts (what the view shows, for tests and reading)."""
        out = {}
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            assert top is not None
            children = [top.child(j) for j in range(top.childCount())]
            out[top.text(0)] = [[c.text(k) for k in range(4)] for c in children if c is not None]
        return out

    # ---- answering ----------------------------------------------------------------------------
    def answer(self, code: str, day: date, signed_by: str, facts: str = "", reason: str = "") -> bool:
        """Answer the chosen name; False (the refusal shown) when refused."""
        line = self.line()
        if line is None:
            return False
        self.problem.clear()
        try:
            run_op(self.records.ctx, self.bus, lambda: ir.answer(self.records, line.reply_id, code, day, signed_by,
                                                                 facts=facts, defer_reason=reason))  # fmt: skip
        except (ValidationError, PermissionDenied, TransitionRefused) as exc:
            self._refused(exc)
            return False
        return True

    def answer_chosen(self) -> None:
        line = self.line()
        if line is None:
            return
        dialog = AnswerDialog(line, self)
        dialog.signed_by.setText(self.signed_by.text())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.answer(*dialog.values())

    def answer_clear(self, day: date, signed_by: str) -> int:
        """Answer 无问题 for every waiting name proposed so; how many (0 and the refusal shown)."""
        if self.batch is None:
            return 0
        self.problem.clear()
        request = self.batch.request.id
        try:
            done = run_op(
                self.records.ctx, self.bus, lambda: ir.answer_clear(self.records, request, day, signed_by)
            )
        except (ValidationError, PermissionDenied, TransitionRefused) as exc:
            self._refused(exc)
            return 0
        return len(done)

    def ask_answer_clear(self) -> None:
        if not self.signed_by.text().strip():
            self.problem.setText(tr_message(Message(EMPTY, {"label": SIGNED_BY})))
            return
        self.answer_clear(date.today(), self.signed_by.text().strip())


__all__ = ["CLEAR", "AnswerDialog", "IntegrityPage"]
