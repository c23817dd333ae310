"""The edit form of any register, generated from its field declarations.

One editor per field (text, long text, whole number, date, yes/no, choice, reference), required
fields marked with *, and the service's Chinese messages shown under the fields they concern.
Nothing is saved until ``RecordService.save`` accepts every value.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLocale,
    QRegularExpression,
    QSignalBlocker,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from app.i18n import Message
from app.registers import REGISTERS
from app.registers.fields import BOOL, CHOICE, DATE, INT, LONGTEXT, REF, Field, Register
from app.security.roles import PermissionDenied
from app.security.secrecy import SECRECY_CHOICES, has_secrecy
from app.security.sensitive import RESTRICTED
from app.services.person_record import fill_from_person, has_person
from app.services.records import NeedsConfirmation, NotFoundError, RecordService, ValidationError
from app.services.transitions import TransitionRefused
from ui.i18n import tr_app, tr_message, tr_register, tr_value
from ui.shortcuts import ctrl_enter
from ui.steady import grow_upwards

INT_LIMIT = 999_999_999
PEOPLE = "people"


def offers_person_record(register: str) -> bool:
    """A form of ``register`` offers the 人员档案 of its person (or, for a person, their own)."""
    return register == PEOPLE or has_person(register)


ERROR_COLOUR = "#c62828"
STYLE = f"""
QLabel#fieldError {{ color: {ERROR_COLOUR}; }}
QLabel#errorSummary {{
    color: {ERROR_COLOUR}; background: #fdecea; border: 1px solid #f3b9b5; border-radius: 3px; padding: 6px;
}}
QLabel#notice {{ background: #fff8e1; border: 1px solid #f0d68a; border-radius: 3px; padding: 6px; }}
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QSpinBox[invalid="true"],
QComboBox[invalid="true"] {{ border: 1px solid {ERROR_COLOUR}; border-radius: 2px; padding: 2px; }}
QCheckBox[invalid="true"] {{ color: {ERROR_COLOUR}; }}
"""

_DATE_SEPARATED = re.compile(r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$")
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def _text(message: Message | str) -> str:
    return message if isinstance(message, str) else tr_message(message)


def parse_date(text: str) -> date | str | None:
    """A typed date: 2022-06-30, 2022.6.30, 2022/6/30, 2022年6月30日 or 20220630.

    Empty text gives None; text that is no date comes back unchanged so the service can say
    what is wrong with it.
    """
    text = text.strip()
    if not text:
        return None
    m = _DATE_SEPARATED.match(text) or _DATE_COMPACT.match(text)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return text
    return text


class DateField(QWidget):
    """A date: typed (several common spellings) or picked from a calendar; the placeholder says
    an optional one may stay empty."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, required: bool = False) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(
            self.tr("如 2022-06-30") if required else self.tr("如 2022-06-30，可留空")
        )
        self.edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[0-9 ./\-年月日]{0,12}"), self.edit)
        )
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self.changed)
        self.edit.editingFinished.connect(self._tidy)
        self.button = QToolButton()
        self.button.setText(self.tr("日历"))
        self.button.setToolTip(self.tr("从日历中选择日期（Alt+↓）"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.show_calendar)
        self._popup_shortcut = QShortcut(QKeySequence("Alt+Down"), self.edit, self.show_calendar)
        self._popup_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)

    def value(self) -> date | str | None:
        return parse_date(self.edit.text())

    def set_value(self, value: date | str | None) -> None:
        if isinstance(value, date):
            self.edit.setText(value.isoformat())
        else:
            self.edit.setText(value or "")

    def _tidy(self) -> None:
        value = self.value()
        if isinstance(value, date) and self.edit.text() != value.isoformat():
            self.edit.setText(value.isoformat())

    def show_calendar(self) -> None:
        menu = QMenu(self)
        calendar = QCalendarWidget()
        calendar.setGridVisible(True)
        calendar.setLocale(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        value = self.value()
        if isinstance(value, date):
            calendar.setSelectedDate(QDate(value.year, value.month, value.day))
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def picked(day: QDate) -> None:
            self.set_value(date(day.year(), day.month(), day.day()))
            menu.close()

        calendar.activated.connect(picked)
        calendar.clicked.connect(picked)
        calendar.setFocus()
        menu.exec(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))
        menu.deleteLater()
        self.edit.setFocus()


class _FieldEditor:
    """The widget for one field and how to read and write its value."""

    def __init__(self, form: RecordForm, f: Field, options: list[tuple[Any, str]]) -> None:
        self.field = f
        self.restricted = form.records.is_restricted(f)  # sensitive, and this user has no key
        self.empty_value: int | None = None
        self.widget: QWidget
        self.focus: QWidget  # what gets the red border and the focus
        changed: Callable[[], None] = form._field_changed(f.name)
        if f.kind == LONGTEXT:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
            edit.textChanged.connect(changed)
            self.widget = self.focus = edit
        elif f.kind == INT:
            spin = QSpinBox()
            low = f.minimum if f.minimum is not None else -INT_LIMIT
            high = f.maximum if f.maximum is not None else INT_LIMIT
            if f.default is None:
                # One below the minimum shows as "未填": the number may be left empty.
                self.empty_value = low - 1
                low -= 1
                spin.setSpecialValueText(QCoreApplication.translate("RecordForm", "未填"))
            spin.setRange(low, high)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel must not change it by accident
            spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("0000000") + 40)
            spin.valueChanged.connect(changed)
            self.widget = self.focus = spin
        elif f.kind == DATE:
            date_field = DateField(required=f.required)
            date_field.changed.connect(changed)
            self.widget = date_field
            self.focus = date_field.edit
        elif f.kind == BOOL:
            box = QCheckBox(QCoreApplication.translate("RecordForm", "是"))
            box.toggled.connect(changed)
            self.widget = self.focus = box
        elif f.kind == CHOICE:
            combo = QComboBox()
            if not f.required:
                combo.addItem("", None)
            for value, label in options:
                combo.addItem(tr_value(label), value)
            combo.setPlaceholderText(QCoreApplication.translate("RecordForm", "请选择"))
            combo.currentIndexChanged.connect(changed)
            self.widget = self.focus = combo
        elif f.kind == REF:
            combo = QComboBox()
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            if not f.required:
                combo.addItem("", None)
            for value, label in options:
                combo.addItem(label, value)
            completer = combo.completer()
            if completer is not None:
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            line = combo.lineEdit()
            if line is not None:
                line.setPlaceholderText(
                    QCoreApplication.translate("RecordForm", "输入名称查找，或从列表中选择")
                )
            combo.currentIndexChanged.connect(changed)
            combo.editTextChanged.connect(changed)
            self.widget = self.focus = combo
        else:  # TEXT
            line_edit = QLineEdit()
            if f.max_length:
                line_edit.setMaxLength(f.max_length)
            if f.pattern_hint:
                line_edit.setToolTip(tr_app(f.pattern_hint))
            line_edit.textChanged.connect(changed)
            self.widget = self.focus = line_edit
        if not f.editable:
            self.widget.setEnabled(False)
            self.widget.setToolTip(QCoreApplication.translate("RecordForm", "由办理环节设定，不能直接修改。"))
        if self.restricted:
            self._restrict()
        elif f.sensitive:
            self.widget.setToolTip(
                QCoreApplication.translate("RecordForm", "敏感信息：加密保存，打开查看会记入审计日志。")
            )

    def _restrict(self) -> None:
        """A sensitive field this user may not read: （受限）, read-only, never sent back."""
        w = self.widget
        text = tr_app(RESTRICTED)
        if isinstance(w, QPlainTextEdit):
            w.setPlainText(text)
            w.setReadOnly(True)
        elif isinstance(w, QLineEdit):
            w.setText(text)
            w.setReadOnly(True)
        w.setToolTip(QCoreApplication.translate("RecordForm", "敏感信息：您的角色无权查看或填写。"))
        w.setAccessibleDescription(QCoreApplication.translate("RecordForm", "受限，无权查看"))

    def value(self) -> Any:
        w = self.widget
        kind = self.field.kind
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, QSpinBox):
            return None if w.value() == self.empty_value else w.value()
        if isinstance(w, DateField):
            return w.value()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QComboBox) and kind == CHOICE:
            return w.currentData() if w.currentIndex() >= 0 else None
        if isinstance(w, QComboBox):  # REF: the item whose name is typed, else the typed text
            text = w.currentText().strip()
            if not text:
                return None
            if w.currentIndex() >= 0 and w.itemText(w.currentIndex()) == text:
                return w.currentData()
            found = w.findText(text, Qt.MatchFlag.MatchFixedString)
            return w.itemData(found) if found >= 0 else text
        assert isinstance(w, QLineEdit)
        return w.text()

    def set_value(self, value: Any) -> None:
        w = self.widget
        if self.restricted:
            return
        if isinstance(w, QPlainTextEdit):
            w.setPlainText("" if value is None else str(value))
        elif isinstance(w, QSpinBox):
            if value is None or value == "":
                w.setValue(self.empty_value if self.empty_value is not None else w.minimum())
            else:
                w.setValue(int(value))
        elif isinstance(w, DateField):
            w.set_value(value)
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QComboBox):
            index = -1 if value is None or value == "" else w.findData(value)
            if index < 0 and value not in (None, "") and self.field.kind == REF:
                # The stored target is no longer offered (deleted meanwhile): show it as such.
                w.addItem(QCoreApplication.translate("RecordForm", "（已删除或不可选的记录）"), value)
                index = w.count() - 1
            if index < 0 and (value is None or value == ""):
                index = w.findData(None)
            w.setCurrentIndex(index)
            if index < 0 and w.isEditable():
                w.setEditText("")
        else:
            assert isinstance(w, QLineEdit)
            w.setText("" if value is None else str(value))


def ask_to_go_on(parent: QWidget, warnings: list[str]) -> bool:
    """The register warns (a handler with a declared tie, a possible duplicate): go on anyway?"""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("RecordForm", "请注意"),
        QCoreApplication.translate("RecordForm", "保存前请确认：\n\n{warnings}\n\n仍要保存吗？").format(
            warnings="\n".join(f"• {w}" for w in warnings)
        ),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    yes = box.addButton(
        QCoreApplication.translate("RecordForm", "仍然保存"), QMessageBox.ButtonRole.AcceptRole
    )
    no = box.addButton(
        QCoreApplication.translate("RecordForm", "返回修改"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


class RecordForm(QDialog):
    """New (``row_id`` None) or edit a record. ``saved`` carries the id after each save.

    When the register warns (``NeedsConfirmation``) the form asks ``confirm_warnings`` (a message
    box; tests replace it) and saves again only if the person goes on."""

    saved = Signal(str)

    def __init__(
        self,
        records: RecordService,
        reg: Register,
        row_id: str | None = None,
        parent: QWidget | None = None,
        initial: Mapping[str, Any] | None = None,
        save_op: Callable[[dict[str, Any], bool], str] | None = None,
    ) -> None:
        """``save_op(values, confirmed)``: the operation a new record is saved with, when it is more
        than the register's save (a clue made from a report moves the report too)."""
        super().__init__(parent)
        self.records = records
        self.save_op = save_op
        self.reg = reg
        self.row_id = row_id
        self.saved_id: str | None = None
        self.read_only = False
        self.no_permission = not records.may_edit(reg)
        self.confirm_warnings: Callable[[list[str]], bool] = lambda warnings: ask_to_go_on(self, warnings)
        self.last_warnings: list[str] = []
        self.setObjectName("recordForm")
        self.setStyleSheet(STYLE)
        title = tr_register(reg.title)
        self.setWindowTitle(
            self.tr("新增 — {title}").format(title=title)
            if row_id is None
            else self.tr("编辑 — {title}").format(title=title)
        )

        stored: dict[str, Any] = records.defaults(reg)
        if row_id is not None:
            stored = records.get(reg, row_id)
            self.read_only = bool(stored.get("__deleted__"))
        elif initial:
            stored.update({k: v for k, v in initial.items() if v is not None})

        self.summary = QLabel()
        self.summary.setObjectName("errorSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.hide()
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.hide()

        self.editors: dict[str, _FieldEditor] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.new_person_buttons: dict[str, QPushButton] = {}
        self.person_form: RecordForm | None = None  # the people form a 新建… button opened
        self.person_dialog: QDialog | None = None  # the 人员档案 opened from here
        self._filled: dict[str, Any] = {}  # what choosing a person last put into the form
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(8)
        for f in reg.fields:
            options = records.options(reg, f.name) if f.kind in (CHOICE, REF) else []
            editor = _FieldEditor(self, f, options)
            self.editors[f.name] = editor
            cell = QWidget()
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(2)
            if f.kind == REF and f.ref == PEOPLE and f.editable:
                cell_layout.addWidget(self._with_new_person_button(f, editor.widget))
            else:
                cell_layout.addWidget(editor.widget)
            error = QLabel()
            error.setObjectName("fieldError")
            error.setWordWrap(True)
            error.hide()
            cell_layout.addWidget(error)
            self.error_labels[f.name] = error
            label = QLabel(self._label_text(f))
            label.setBuddy(editor.focus)
            form.addRow(label, cell)
            editor.focus.setAccessibleName(tr_register(f.label))
        for f in reg.fields:
            self.editors[f.name].set_value(stored.get(f.name))
        if row_id is None:
            for f in reg.fields:  # a required choice with no default starts unchosen
                w = self.editors[f.name].widget
                if isinstance(w, QComboBox) and f.required and stored.get(f.name) in (None, ""):
                    w.setCurrentIndex(-1)
                    if w.isEditable():
                        w.setEditText("")

        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(form_widget)

        self.buttons = QDialogButtonBox()
        self.save_button: QPushButton | None = None
        self.save_new_button: QPushButton | None = None
        notices = [self._secrecy_notice(reg, stored)] if row_id is not None else []
        if self.no_permission and not self.read_only:
            self.read_only = True
            notices.append(self.tr("您的角色只能查看，不能修改。"))
        elif self.read_only:
            notices.append(self.tr("此记录已删除，只能查看。恢复后才能修改。"))
        if any(notices):
            self.notice.setText("\n".join(n for n in notices if n))
            self.notice.show()
        if self.read_only:
            for editor in self.editors.values():
                editor.widget.setEnabled(False)
            for button in self.new_person_buttons.values():
                button.hide()
            close = self.buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
            close.setDefault(True)
        else:
            if row_id is None:
                self.save_new_button = QPushButton(self.tr("保存并继续新增"))
                self.save_new_button.setToolTip(self.tr("保存这一条，接着录入下一条（Ctrl+Shift+S）"))
                self.save_new_button.setAutoDefault(False)
                self.save_new_button.clicked.connect(self.save_and_new)
                QShortcut(QKeySequence("Ctrl+Shift+S"), self, self.save_and_new)
            self.save_button = self.buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
            self.save_button.setToolTip(self.tr("保存并关闭（回车；多行文字中按 Ctrl+Enter；Ctrl+S）"))
            self.save_button.setDefault(True)
            cancel = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
            cancel.setAutoDefault(False)
            self.save_button.clicked.connect(self.save_and_close)
            # Enter in a one-line field presses 保存 (the default button); in a multi-line field
            # it starts a new line, and Ctrl+Enter saves.
            QShortcut(QKeySequence.StandardKey.Save, self, self.save_and_close)
            ctrl_enter(self, self.save_and_close)
        self.buttons.rejected.connect(self.reject)

        button_row = QHBoxLayout()
        if self.save_new_button is not None:
            button_row.addWidget(self.save_new_button)
        self.person_record_button: QPushButton | None = None
        if offers_person_record(reg.name) and (reg.name != PEOPLE or row_id is not None):
            self.person_record_button = QPushButton(
                self.tr("查看档案") if reg.name == PEOPLE else self.tr("查看人员档案")
            )
            self.person_record_button.setObjectName("personRecordButton")
            self.person_record_button.setToolTip(self.tr("在案的全部记录和处分期内的处理（Ctrl+I）"))
            self.person_record_button.setAutoDefault(False)
            self.person_record_button.clicked.connect(lambda _checked=False: self.show_person_record())
            QShortcut(QKeySequence("Ctrl+I"), self, self.show_person_record)
            button_row.addWidget(self.person_record_button)
        button_row.addStretch(1)
        button_row.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.summary)
        layout.addWidget(self.scroll_area, 1)
        self.timeline: Any = None
        self.step_button: QPushButton | None = None
        self.transition_dialog: Any = None
        if reg.lifecycle is not None and row_id is not None:
            self._add_timeline(layout, button_row)
        layout.addLayout(button_row)
        self.form_widget = form_widget
        self._fit()
        self._initial = self.values()
        for f in reg.fields:
            if f.kind == REF and f.ref == PEOPLE and f.editable and not self.read_only:
                combo = self.editors[f.name].widget
                assert isinstance(combo, QComboBox)
                combo.currentIndexChanged.connect(lambda _i, name=f.name: self.person_chosen(name))
                self._filled = self._as_person_fills(f.name)
        self._update_person_button()
        first = next(iter(self.editors.values()), None)
        if first is not None:
            first.focus.setFocus()

    # ---- the person a record is about ----------------------------------------------------------
    def _with_new_person_button(self, f: Field, widget: QWidget) -> QWidget:
        """The person's list with 新建… beside it (a person not yet in the register)."""
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(widget, 1)
        button = QPushButton(self.tr("新建…"))
        button.setObjectName(f"newPerson_{f.name}")
        button.setAutoDefault(False)
        button.setToolTip(self.tr("人员库中还没有这个人：新建一条人员记录并选中它"))
        button.clicked.connect(lambda _checked=False, name=f.name: self.new_person(name))
        button.setVisible(self.records.may_edit(REGISTERS[PEOPLE]))
        layout.addWidget(button)
        self.new_person_buttons[f.name] = button
        return row

    def _person_id(self) -> str | None:
        """The person this record is about, as the form says now (a chosen one, not typed text)."""
        if self.reg.name == PEOPLE:
            return self.row_id
        editor = self.editors.get("person_id")
        if editor is None:
            return None
        combo = editor.widget
        value = editor.value()
        if isinstance(combo, QComboBox) and value and combo.findData(value) >= 0:
            return str(value)
        return None

    def _update_person_button(self) -> None:
        if self.person_record_button is not None:
            self.person_record_button.setEnabled(self._person_id() is not None)

    def person_chosen(self, name: str) -> None:
        """A person was chosen in ``name``: fill the record's name, unit and post left empty (or
        still as a person chosen before filled them) from the person, as saving will."""
        self._update_person_button()
        editor = self.editors[name]
        value = editor.value()
        combo = editor.widget
        if not value or not isinstance(combo, QComboBox) or combo.findData(value) < 0:
            return
        try:
            fill = fill_from_person(self.records, self.reg.name, str(value))
        except (NotFoundError, PermissionDenied):
            return
        filled: dict[str, Any] = {}
        for field_name, new in fill.when_empty.items():
            target = self.editors.get(field_name)
            if target is None or target.restricted or not target.field.editable:
                continue
            now = target.value()
            if now in (None, "") or (field_name in self._filled and now == self._filled[field_name]):
                target.set_value(new)
                filled[field_name] = target.value()
        for field_name, new in fill.always.items():
            target = self.editors.get(field_name)
            if target is not None and target.field.editable:
                target.set_value(new)
        self._filled = filled

    def _as_person_fills(self, name: str) -> dict[str, Any]:
        """The fields that say what the person already chosen in ``name`` would fill: choosing
        another person replaces them as it replaces what it filled itself."""
        person = self.editors[name].value()
        if not person:
            return {}
        try:
            fill = fill_from_person(self.records, self.reg.name, str(person))
        except (NotFoundError, PermissionDenied):
            return {}
        return {
            k: v
            for k, v in fill.when_empty.items()
            if k in self.editors and v not in (None, "") and self.editors[k].value() == v
        }

    def new_person(self, name: str) -> RecordForm:
        """The people form, started from the name, unit and post typed here; once saved the new
        person is offered and chosen in ``name``."""
        people = REGISTERS[PEOPLE]
        initial: dict[str, Any] = {}
        for prefix in ("subject_", "person_"):
            for suffix in ("name", "unit", "post"):
                editor = self.editors.get(prefix + suffix)
                if editor is not None and editor.value() not in (None, ""):
                    initial[suffix] = editor.value()
        combo = self.editors[name].widget
        if "name" not in initial and isinstance(combo, QComboBox):
            typed = combo.currentText().strip()
            if typed and combo.findText(typed, Qt.MatchFlag.MatchFixedString) < 0:
                initial["name"] = typed
        form = RecordForm(self.records, people, None, self, initial=initial)
        form.setWindowTitle(self.tr("新建人员 — {title}").format(title=tr_register(people.title)))
        form.saved.connect(lambda person_id, name=name: self._person_made(name, person_id))
        form.finished.connect(lambda _result: form.deleteLater())
        self.person_form = form
        form.open()
        return form

    def _person_made(self, name: str, person_id: str) -> None:
        editor = self.editors[name]
        combo = editor.widget
        assert isinstance(combo, QComboBox)
        with QSignalBlocker(combo):
            combo.clear()
            if not editor.field.required:
                combo.addItem("", None)
            for value, label in self.records.options(self.reg, name):
                combo.addItem(label, value)
            combo.setCurrentIndex(-1)
        editor.set_value(person_id)  # currentIndexChanged: the form fills from the new person
        self._update_person_button()

    def show_person_record(self) -> QDialog | None:
        """The 人员档案 of the person this record is about."""
        from ui.dialogs.person_record import PersonRecordDialog

        person_id = self._person_id()
        if person_id is None:
            return None
        dialog = PersonRecordDialog(self.records, person_id, self)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.person_dialog = dialog
        dialog.open()
        return dialog

    # ---- lifecycle: the timeline and the 办理 button ---------------------------------------------
    def _add_timeline(self, layout: QVBoxLayout, button_row: QHBoxLayout) -> None:
        from ui.dialogs.transition_dialog import TimelineView

        heading = QLabel(self.tr("办理记录（全程留痕）"))
        heading.setObjectName("timelineHeading")
        self.timeline = TimelineView()
        layout.addWidget(heading)
        layout.addWidget(self.timeline)
        self.refresh_timeline()
        if not self.read_only:
            self.step_button = QPushButton(self.tr("办理…"))
            self.step_button.setObjectName("stepButton")
            self.step_button.setToolTip(self.tr("按办理流程进入下一环节（Ctrl+J）"))
            self.step_button.setAutoDefault(False)
            self.step_button.clicked.connect(self.show_step_menu)
            QShortcut(QKeySequence("Ctrl+J"), self, self.show_step_menu)
            button_row.insertWidget(0, self.step_button)

    def refresh_timeline(self) -> None:
        from app.services.transitions import Transitions

        if self.timeline is not None and self.row_id is not None:
            self.timeline.set_entries(Transitions(self.records).timeline(self.reg, self.row_id))

    def step_menu(self) -> QMenu:
        from app.services.transitions import Transitions
        from ui.dialogs.transition_dialog import step_menu

        assert self.row_id is not None
        return step_menu(self, Transitions(self.records), self.reg, self.row_id, self.take_step)

    def show_step_menu(self) -> None:
        if self.step_button is None:
            return
        menu = self.step_menu()
        menu.exec(self.step_button.mapToGlobal(self.step_button.rect().bottomLeft()))

    def take_step(self, step: Any) -> Any:
        """Open the dialog for a step (unsaved edits are saved first); returns the dialog."""
        from ui.dialogs.transition_dialog import TransitionDialog

        if self.row_id is None or (self.is_dirty() and not self.save()):
            return None
        dialog = TransitionDialog(self.records, self.reg, self.row_id, step, self, subject=self.windowTitle())
        dialog.accepted.connect(self._step_taken)
        self.transition_dialog = dialog
        dialog.open()
        return dialog

    def _step_taken(self) -> None:
        assert self.row_id is not None
        stored = self.records.get(self.reg, self.row_id)
        for f in self.reg.fields:
            self.editors[f.name].set_value(stored.get(f.name))
        self._initial = self.values()
        self.refresh_timeline()
        self.saved.emit(self.row_id)

    def _fit(self) -> None:
        """As tall as the form needs (messages included), within the screen."""
        layout = self.layout()
        assert layout is not None
        layout.activate()
        wanted = self.form_widget.sizeHint()
        extra = self.sizeHint().height() - self.scroll_area.sizeHint().height()
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        limit = int(screen.height() * 0.9) if screen is not None else 800
        width = max(self.width() if self.isVisible() else 0, 540, wanted.width() + 60)
        height = min(max(self.height() if self.isVisible() else 0, wanted.height() + extra + 24), limit)
        grow_upwards(self, QSize(width, height))  # the buttons stay under the pointer

    # ---- labels and values -------------------------------------------------------------------
    @staticmethod
    def _label_text(f: Field) -> str:
        text = tr_register(f.label)
        if f.sensitive:
            text += '<span style="color:#888">{}</span>'.format(
                QCoreApplication.translate("RecordForm", "（敏感）")
            )
        if f.required:
            return f'{text}<span style="color:{ERROR_COLOUR}"> *</span>'
        return text

    def _secrecy_notice(self, reg: Register, stored: Mapping[str, Any]) -> str:
        """密级 and 知悉范围 of a record that has them, in one line at the top."""
        if not has_secrecy(reg.model):
            return ""
        level = stored.get("secrecy") or "none"
        audience = stored.get("audience") or ""
        if level == "none" and not audience:
            return ""
        label = next((tr_register(text) for value, text in SECRECY_CHOICES if value == level), level)
        parts = [self.tr("密级：{level}").format(level=label)]
        if audience:
            parts.append(self.tr("知悉范围：{names}").format(names=audience.replace(",", self.tr("、"))))
        return self.tr("；").join(parts) + self.tr("。请按保密规定处理。")

    def _field_changed(self, name: str) -> Callable[[], None]:
        def changed(*_args: object) -> None:
            self._clear_error(name)

        return changed

    def values(self) -> dict[str, Any]:
        """What the form would save; sensitive fields the user may not read, and fields only the
        program sets (a lifecycle's state), are left out."""
        return {
            name: editor.value()
            for name, editor in self.editors.items()
            if not editor.restricted and editor.field.editable
        }

    def value(self, name: str) -> Any:
        """The value a field holds now, as it would be saved (typed text for an unknown reference)."""
        return self.editors[name].value()

    def set_value(self, name: str, value: Any) -> None:
        self.editors[name].set_value(value)

    def editor(self, name: str) -> QWidget:
        """The widget that takes the keyboard for a field."""
        return self.editors[name].focus

    def is_dirty(self) -> bool:
        return self.values() != self._initial

    # ---- errors -----------------------------------------------------------------------------
    def error_text(self, name: str = "") -> str:
        """The message shown for a field ("" for the summary at the top), or "" when none."""
        if not name:
            return self.summary.text() if not self.summary.isHidden() else ""
        label = self.error_labels[name]
        return label.text() if not label.isHidden() else ""

    def _set_invalid(self, name: str, invalid: bool) -> None:
        w = self.editors[name].focus
        if bool(w.property("invalid")) == invalid:
            return
        w.setProperty("invalid", invalid)
        style = w.style()
        style.unpolish(w)
        style.polish(w)
        w.update()

    def _clear_error(self, name: str) -> None:
        label = self.error_labels.get(name)
        if label is not None and not label.isHidden():
            label.hide()
            label.clear()
            self._set_invalid(name, False)
            self.editors[name].focus.setAccessibleDescription("")

    def clear_errors(self) -> None:
        for name in self.editors:
            self._clear_error(name)
        self.summary.hide()
        self.summary.clear()

    def show_errors(self, errors: Mapping[str, Message | str]) -> None:
        """Each message under its field, all of them in the summary; focus the first bad field.

        A ``Message`` comes from ``app/`` and is translated here; a ``str`` is already translated.
        """
        self.clear_errors()
        lines = []
        first: QWidget | None = None
        for f in self.reg.fields:
            message = errors.get(f.name)
            if message is None:
                continue
            text = _text(message)
            label = self.error_labels[f.name]
            label.setText(text)
            label.show()
            self._set_invalid(f.name, True)
            self.editors[f.name].focus.setAccessibleDescription(text)
            lines.append(text)
            if first is None:
                first = self.editors[f.name].focus
        extra = [_text(m) for name, m in errors.items() if name not in self.editors]
        lines = extra + lines
        self.summary.setText(
            self.tr("未能保存，请先修改下面标出的问题：") + "\n" + "\n".join(f"· {line}" for line in lines)
        )
        self.summary.show()
        self._fit()
        if first is not None:
            first.setFocus()

    # ---- saving -------------------------------------------------------------------------------
    def save(self) -> bool:
        """Validate and save; on refusal show the messages, keep the typed values and return False."""
        if self.read_only:
            return False
        try:
            try:
                row_id = self._save(confirmed=False)
            except NeedsConfirmation as exc:
                self.last_warnings = [_text(w) for w in exc.warnings]
                if not self.confirm_warnings(self.last_warnings):
                    return False
                row_id = self._save(confirmed=True)
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return False
        except NotFoundError:
            self.show_errors({"": self.tr("这条记录已被删除，不能再保存。请关闭后刷新列表。")})
            return False
        except (PermissionDenied, TransitionRefused) as exc:
            self.show_errors({"": exc.message})
            return False
        except Exception as exc:  # noqa: BLE001 — a database or disk failure: say so, keep what was typed
            from ui.tasks import describe_error

            logging.getLogger(__name__).exception("saving %s failed", self.reg.name)
            self.show_errors({"": describe_error(exc)[0]})
            return False
        self.clear_errors()
        self.saved_id = row_id
        self._initial = self.values()
        self.saved.emit(row_id)
        return True

    def _save(self, confirmed: bool) -> str:
        if self.save_op is not None and self.row_id is None:
            return self.save_op(self.values(), confirmed)
        return self.records.save(self.reg, self.values(), self.row_id, confirmed=confirmed)

    def save_and_close(self) -> None:
        if self.save():
            self.accept()

    def save_and_new(self) -> None:
        """Save, then empty the form for the next record (references kept: they often repeat)."""
        if self.row_id is not None or not self.save():
            return
        defaults = self.records.defaults(self.reg)
        for f in self.reg.fields:
            if f.kind != REF:
                self.editors[f.name].set_value(defaults.get(f.name))
                w = self.editors[f.name].widget
                if isinstance(w, QComboBox) and f.required and defaults.get(f.name) in (None, ""):
                    with QSignalBlocker(w):
                        w.setCurrentIndex(-1)
        self.clear_errors()
        self._initial = self.values()
        self.notice.setText(self.tr("已保存。可以接着录入下一条。"))
        self.notice.show()
        first = next(iter(self.editors.values()), None)
        if first is not None:
            first.focus.setFocus()

    # ---- closing ------------------------------------------------------------------------------
    def confirm_discard(self) -> bool:
        """Ask whether typed changes may be thrown away (tests replace this)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("放弃修改？"),
            self.tr("填写的内容还没有保存。确定要放弃吗？"),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        discard = box.addButton(self.tr("放弃修改"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("继续填写"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is discard

    def reject(self) -> None:
        if not self.read_only and self.is_dirty() and not self.confirm_discard():
            return
        super().reject()
