"""Taking a lifecycle step (办理) and reading a record's timeline (全程留痕).

``TransitionDialog`` asks for the fields the step needs and the reason, and hands them to
``Transitions.apply``; refusals come back as Chinese messages under the fields or at the top.
``TimelineView`` lists the steps a record took: when, who, which step, from which state to which,
and why.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import Message
from app.registers.fields import CHOICE, DATE, REF, Field, Register
from app.registers.lifecycle import Step
from app.security.roles import PermissionDenied
from app.services.records import NeedsConfirmation, NotFoundError, RecordService, ValidationError
from app.services.transitions import (
    APPROVED_BY,
    APPROVED_BY_LABEL,
    DOC_NO,
    DOC_NO_OF,
    DOC_ON,
    DOC_ON_OF,
    TimelineEntry,
    TransitionRefused,
    Transitions,
)
from ui.dialogs.history_dialog import local_time
from ui.dialogs.record_form import STYLE, _FieldEditor, _text, ask_to_go_on
from ui.i18n import tr_register
from ui.shortcuts import ctrl_enter
from ui.steady import bottom_kept


class TimelineView(QTreeWidget):
    """A record's steps, oldest first: 时间, 办理人, 环节, 状态, 理由."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setHeaderLabels(
            [
                QCoreApplication.translate("TimelineView", "时间"),
                QCoreApplication.translate("TimelineView", "办理人"),
                QCoreApplication.translate("TimelineView", "环节"),
                QCoreApplication.translate("TimelineView", "状态"),
                QCoreApplication.translate("TimelineView", "理由或依据"),
                QCoreApplication.translate("TimelineView", "文书与批准"),
            ]
        )
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.setAccessibleName(QCoreApplication.translate("TimelineView", "办理记录"))

    def set_entries(self, entries: list[TimelineEntry]) -> None:
        self.clear()
        for e in entries:
            state = tr_register(e.to_state)
            if e.from_state and e.from_state != e.to_state:
                state = f"{tr_register(e.from_state)} → {state}"
            paper = "；".join(
                part
                for part in (
                    e.document,
                    QCoreApplication.translate("TimelineView", "批准：{who}").format(who=e.approved_by)
                    if e.approved_by
                    else "",
                )
                if part
            )
            item = QTreeWidgetItem([local_time(e.at), e.by, tr_register(e.action), state, e.reason, paper])
            item.setToolTip(4, e.reason)
            item.setToolTip(5, paper)
            self.addTopLevelItem(item)
        # Room for four to eight steps (more scroll): one or two steps in a box a row and a half
        # tall read as a cut-off list.
        row = max(self.sizeHintForRow(0) if entries else 0, self.fontMetrics().height() + 8)
        shown = min(max(len(entries), 4), 8)
        self.setFixedHeight(self.header().sizeHint().height() + row * shown + 2 * self.frameWidth() + 6)

    def rows(self) -> list[list[str]]:
        out = []
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            assert item is not None
            out.append([item.text(c) for c in range(self.columnCount())])
        return out


def _step_fields(step: Step, register_fields: set[str]) -> list[Field]:
    """What a step asks besides the register's own fields: the number and date of the document
    it produces, and who approved it (``app.services.transitions``)."""
    out = []
    if step.document:
        label = {"document": step.document}
        out.append(Field(DOC_NO, _text(Message(DOC_NO_OF, label)), max_length=64))
        out.append(Field(DOC_ON, _text(Message(DOC_ON_OF, label)), kind=DATE))
    if step.approval and APPROVED_BY not in register_fields:
        out.append(Field(APPROVED_BY, APPROVED_BY_LABEL, max_length=64))
    return out


def step_menu(
    parent: QWidget, transitions: Transitions, reg: Register, row_id: str, chosen: Callable[[Step], None]
) -> QMenu:
    """The steps the record can take now; a record in a final state gets one disabled line."""
    menu = QMenu(parent)
    try:
        steps = transitions.allowed(reg, row_id)
    except (NotFoundError, PermissionDenied):
        steps = []
    for step in steps:
        action = menu.addAction(tr_register(step.label))
        action.setObjectName(f"step_{step.name}")
        action.triggered.connect(lambda _checked=False, st=step: chosen(st))
    if not steps:
        none = menu.addAction(QCoreApplication.translate("TransitionDialog", "（当前状态没有可办理的环节）"))
        none.setEnabled(False)
    return menu


class TransitionDialog(QDialog):
    """Take ``step`` for one record: the fields it needs, the reason, 确定."""

    def __init__(
        self,
        records: RecordService,
        reg: Register,
        row_id: str,
        step: Step,
        parent: QWidget | None = None,
        subject: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("transitionDialog")
        self.setStyleSheet(STYLE)
        self.records = records
        self.transitions = Transitions(records)
        self.reg = reg
        self.row_id = row_id
        self.step = step
        self.new_state: str | None = None
        self.confirm_warnings: Callable[[list[str]], bool] = lambda warnings: ask_to_go_on(self, warnings)
        title = tr_register(step.label)
        self.setWindowTitle(
            self.tr("{step} — {subject}").format(step=title, subject=subject) if subject else title
        )
        stored: Mapping[str, Any] = records.get(reg, row_id)
        self.summary = QLabel()
        self.summary.setObjectName("errorSummary")
        self.summary.setWordWrap(True)
        self.summary.hide()
        lifecycle = reg.lifecycle
        assert lifecycle is not None
        state = str(stored.get("state") or "")
        target = step.target or state
        heading = QLabel(
            self.tr("状态：{before} → {after}").format(
                before=tr_register(lifecycle.state_label(state)),
                after=tr_register(lifecycle.state_label(target)),
            )
        )
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.editors: dict[str, _FieldEditor] = {}
        self.error_labels: dict[str, QLabel] = {}
        for name in (*step.requires, *step.asks):
            f = reg.field(name)
            options = records.options(reg, name) if f.kind in (CHOICE, REF) else []
            if name == "extension_days":
                from dataclasses import replace

                f = replace(f, editable=True, default=None, minimum=1, maximum=180)
            editor = _FieldEditor(self, f, options)  # type: ignore[arg-type]
            if name != "extension_days":
                editor.set_value(stored.get(name))
            self.editors[name] = editor
            star = ' <span style="color:#c62828">*</span>' if name in step.requires else ""
            self._add_row(form, tr_register(f.label) + star, name, editor.widget)
        fields = {f.name for f in reg.fields}
        for f in _step_fields(step, fields):
            editor = _FieldEditor(self, f, [])  # type: ignore[arg-type]
            self.editors[f.name] = editor
            self._add_row(
                form, tr_register(f.label) + ' <span style="color:#c62828">*</span>', f.name, editor.widget
            )
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.reason.fontMetrics().lineSpacing() * 4 + 12)
        self.reason.setPlaceholderText(self.tr("写明办理的理由或依据，例如集体研究的会议、领导批示"))
        self.reason.setAccessibleName(self.tr("理由或依据"))
        self._add_row(
            form, self.tr("理由或依据") + ' <span style="color:#c62828">*</span>', "reason", self.reason
        )
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("确定办理"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self.take_step)
        self.ok_button.setToolTip(self.tr("回车；在理由中按 Ctrl+Enter"))
        ctrl_enter(self, self.take_step)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(max(self.sizeHint().width(), 520), self.sizeHint().height())
        first = next(iter(self.editors.values()), None)
        (first.focus if first is not None else self.reason).setFocus()

    # _FieldEditor asks its form these two things.
    def _field_changed(self, name: str) -> Callable[[], None]:
        def changed(*_args: object) -> None:
            label = self.error_labels.get(name)
            if label is not None:
                label.hide()

        return changed

    def _add_row(self, form: QFormLayout, label_text: str, name: str, widget: QWidget) -> None:
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        error = QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.hide()
        box.addWidget(error)
        self.error_labels[name] = error
        label = QLabel(label_text)
        label.setBuddy(widget)
        form.addRow(label, cell)

    def set_value(self, name: str, value: Any) -> None:
        if name == "reason":
            self.reason.setPlainText(str(value))
        else:
            self.editors[name].set_value(value)

    def error_text(self, name: str = "") -> str:
        if not name:
            return self.summary.text() if not self.summary.isHidden() else ""
        label = self.error_labels[name]
        return label.text() if not label.isHidden() else ""

    def show_errors(self, errors: Mapping[str, Message | str]) -> None:
        with bottom_kept(self):  # 确定办理 stays under the pointer
            self._show_errors(errors)

    def _show_errors(self, errors: Mapping[str, Message | str]) -> None:
        lines = []
        for name, label in self.error_labels.items():
            message = errors.get(name)
            if message is None:
                label.hide()
                continue
            label.setText(_text(message))
            label.show()
        for message in errors.values():
            lines.append(_text(message))
        self.summary.setText("\n".join(lines))
        self.summary.setVisible(bool(lines))

    def take_step(self) -> bool:
        values = {name: editor.value() for name, editor in self.editors.items()}
        reason = self.reason.toPlainText()
        try:
            try:
                self.new_state = self.transitions.apply(self.reg, self.row_id, self.step.name, values, reason)
            except NeedsConfirmation as exc:
                if not self.confirm_warnings([_text(w) for w in exc.warnings]):
                    return False
                self.new_state = self.transitions.apply(
                    self.reg, self.row_id, self.step.name, values, reason, confirmed=True
                )
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return False
        except TransitionRefused as exc:
            self.show_errors({"": exc.message})
            return False
        except PermissionDenied as exc:
            self.show_errors({"": exc.message})
            return False
        except NotFoundError:
            self.show_errors({"": self.tr("这条记录已被删除。")})
            return False
        self.accept()
        return True
