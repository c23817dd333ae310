"""First start: what this installation is (county, township or dispatched group) and its administrator."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import Message
from app.services.database import Database, InstallationInfo
from app.services.installation import SetupError, SetupRequest, initialise
from ui.i18n import tr_message

ERROR_STYLE = "color: #b00020;"
COUNTY_COMMISSION_SUFFIX = "纪委监委"


class SetupWizard(QDialog):
    """Asks once, on first start, which unit this installation belongs to."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.result_info: InstallationInfo | None = None
        self.setWindowTitle(self.tr("首次使用：设置本机"))
        self.setMinimumWidth(520)

        intro = QLabel(
            self.tr(
                "请说明这台电脑属于哪个单位。设置后不能更改；\n"
                "单位代码由县纪委监委统一编排，请向县纪委监委确认后填写。"
            )
        )
        intro.setWordWrap(True)

        type_box = QGroupBox(self.tr("本机类型"))
        type_layout = QHBoxLayout(type_box)
        self.type_group = QButtonGroup(self)
        self.type_buttons: dict[str, QRadioButton] = {}
        for key, label in (
            ("township", self.tr("乡镇纪委")),
            ("group", self.tr("派驻纪检监察组")),
            ("county", self.tr("县纪委监委")),
        ):
            button = QRadioButton(label)
            self.type_group.addButton(button)
            self.type_buttons[key] = button
            type_layout.addWidget(button)
        self.type_buttons["township"].setChecked(True)
        self.type_group.buttonToggled.connect(self._type_changed)

        self.county_code = QLineEdit()
        self.county_name = QLineEdit()
        self.unit_code = QLineEdit()
        self.unit_name = QLineEdit()
        self.admin_username = QLineEdit("admin")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again = QLineEdit()
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        for edit, length in (
            (self.county_code, 32),
            (self.unit_code, 32),
            (self.county_name, 100),
            (self.unit_name, 100),
            (self.admin_username, 64),
        ):
            edit.setMaxLength(length)
        self.county_code.setPlaceholderText(self.tr("例如 X01"))
        self.county_name.setPlaceholderText(self.tr("例如 示范县"))
        self.unit_code.setPlaceholderText(self.tr("例如 X01-T03"))
        self.unit_name.setPlaceholderText(self.tr("例如 城关镇纪委"))

        form = QFormLayout()
        self.errors: dict[str, QLabel] = {}
        self.unit_rows: list[QWidget] = []
        rows: tuple[tuple[str, str, QWidget], ...] = (
            ("county_code", self.tr("县代码 *"), self.county_code),
            ("county_name", self.tr("县名称 *"), self.county_name),
            ("unit_code", self.tr("本单位代码 *"), self.unit_code),
            ("unit_name", self.tr("本单位名称 *"), self.unit_name),
            ("admin_username", self.tr("管理员用户名 *"), self.admin_username),
            ("admin_password", self.tr("管理员密码 *"), self.password),
            ("password_again", self.tr("再次输入密码 *"), self.password_again),
        )
        for key, label_text, widget in rows:
            holder = QWidget()
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(widget)
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            box.addWidget(error)
            self.errors[key] = error
            row_label = QLabel(label_text)
            row_label.setBuddy(widget)
            form.addRow(row_label, holder)
            if key in ("unit_code", "unit_name"):
                self.unit_rows.extend([row_label, holder])
        self.errors["unit_type"] = QLabel()
        self.errors["unit_type"].setStyleSheet(ERROR_STYLE)
        self.errors["unit_type"].hide()

        hint = QLabel(self.tr("密码至少 8 位，须同时包含字母和数字。请牢记，忘记后需由管理员重置。"))
        hint.setWordWrap(True)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("完成设置"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("退出"))
        buttons.accepted.connect(self.accept_setup)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(type_box)
        layout.addWidget(self.errors["unit_type"])
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self._type_changed()

    def unit_type(self) -> str:
        for key, button in self.type_buttons.items():
            if button.isChecked():
                return key
        return ""

    def _type_changed(self, *_args: object) -> None:
        county = self.unit_type() == "county"
        for w in self.unit_rows:
            w.setVisible(not county)

    def request(self) -> SetupRequest:
        county = self.unit_type() == "county"
        return SetupRequest(
            unit_type=self.unit_type(),
            unit_code=(self.county_code if county else self.unit_code).text().strip(),
            # The county commission's name is data shared with every unit: never translated.
            unit_name=(self.county_name.text().strip() + COUNTY_COMMISSION_SUFFIX)
            if county
            else self.unit_name.text().strip(),
            county_code=self.county_code.text().strip(),
            county_name=self.county_name.text().strip(),
            admin_username=self.admin_username.text().strip(),
            admin_password=self.password.text(),
        )

    def show_errors(self, messages: dict[str, Message | str]) -> None:
        for key, label in self.errors.items():
            msg = messages.get(key)
            if msg is None:
                label.hide()
                continue
            label.setText(tr_message(msg) if isinstance(msg, Message) else msg)
            label.show()

    def accept_setup(self) -> bool:
        """Validate and write the installation; True when done (the dialog then closes)."""
        req = self.request()
        problems: dict[str, Message | str] = dict(req.problems())
        if req.unit_type == "county":
            for src, dst in (("unit_code", "county_code"), ("unit_name", "county_name")):
                if src in problems and dst not in problems:
                    problems[dst] = problems.pop(src)
                else:
                    problems.pop(src, None)
        if self.password.text() != self.password_again.text():
            problems["password_again"] = self.tr("两次输入的密码不一致。")
        if problems:
            self.show_errors(problems)
            return False
        try:
            self.result_info = initialise(self.db, req)
        except SetupError as exc:
            self.show_errors(dict(exc.messages))
            return False
        self.show_errors({})
        self.accept()
        return True
