"""RecordForm: editors generated from the fields, messages under fields, nothing saved on refusal."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.registers import get
from app.services.records import ListQuery, RecordService
from tests.ui.conftest import Org
from ui.dialogs.record_form import DateField, RecordForm, parse_date


def type_chinese(widget: QWidget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def open_form(qtbot: QtBot, records: RecordService, name: str, row_id: str | None = None) -> RecordForm:
    form = RecordForm(records, get(name), row_id)
    # Closing at the end of a test must not stop on "放弃修改？"; tests that ask replace this.
    form.confirm_discard = lambda: True  # type: ignore[method-assign]
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    return form


def live_count(records: RecordService, name: str) -> int:
    return len(records.ids(get(name), ListQuery()))


def test_editors_follow_the_field_kinds(qtbot: QtBot, records: RecordService, org: Org) -> None:
    form = open_form(qtbot, records, "staff")
    assert isinstance(form.editor("name"), QLineEdit)
    assert form.editor("name").maxLength() == 64  # type: ignore[attr-defined]
    assert isinstance(form.editor("note"), QPlainTextEdit)
    assert isinstance(form.editor("full_time"), QCheckBox)
    assert isinstance(form.editors["secondment_start"].widget, DateField)
    gender = form.editor("gender")
    assert isinstance(gender, QComboBox) and not gender.isEditable()
    assert gender.itemText(0) == "" and gender.itemText(1) == "男"  # optional: an empty first item
    post = form.editor("post")
    assert isinstance(post, QComboBox)
    assert post.currentIndex() == -1 and post.findData(None) == -1  # required: no empty item, unchosen
    unit = form.editor("unit_id")
    assert isinstance(unit, QComboBox) and unit.isEditable()
    labels = {label.text() for label in form.findChildren(QLabel)}
    assert any(t.startswith("姓名") and "*" in t for t in labels)
    assert any(t == "性别" for t in labels)

    stats = open_form(qtbot, records, "township_stats")
    year = stats.editor("year")
    assert isinstance(year, QSpinBox) and year.maximum() == 2100
    assert stats.value("year") is None  # no default: shown as 未填
    assert stats.value("party_members") == 0


def test_required_fields_and_register_rules_show_under_their_fields(
    qtbot: QtBot, records: RecordService, org: Org
) -> None:
    form = open_form(qtbot, records, "staff")
    before = live_count(records, "staff")
    form.set_value("seconded", True)
    assert form.save() is False
    assert form.error_text("name") == "「姓名」不能为空。"
    assert form.error_text("unit_id") == "「所在单位」不能为空。"
    assert form.error_text("post") == "「岗位」不能为空。"
    assert form.editor("name").hasFocus()  # the first bad field takes the focus
    type_chinese(form.editor("name"), "周敏")
    form.set_value("unit_id", org.units["G01"])
    form.set_value("post", "secretary")  # a group has no 书记
    assert form.save() is False
    assert form.error_text("name") == ""
    assert form.error_text("post") == "该单位没有「书记」这一岗位。"
    form.set_value("post", "group_member")
    assert form.save() is False
    assert form.error_text("seconded_from") == "挂职人员须填写派出单位。"
    assert form.error_text("secondment_start") == "挂职人员须填写挂职开始日期。"
    assert live_count(records, "staff") == before
    type_chinese(form.editor("seconded_from"), "县财政局")
    qtbot.keyClicks(form.editor("secondment_start"), "2022.3.1")
    assert form.save() is True
    saved = records.get(get("staff"), form.saved_id or "")
    assert saved["secondment_start"] == date(2022, 3, 1)
    assert saved["secondment_end"] == date(2023, 3, 1)  # filled by the register's default rule


def test_dates_accept_common_spellings_and_report_bad_ones(
    qtbot: QtBot, records: RecordService, org: Org
) -> None:
    assert parse_date("2022-06-30") == date(2022, 6, 30)
    assert parse_date("2022.6.30") == date(2022, 6, 30)
    assert parse_date("2022/6/3") == date(2022, 6, 3)
    assert parse_date("2022年6月30日") == date(2022, 6, 30)
    assert parse_date("20220630") == date(2022, 6, 30)
    assert parse_date("  ") is None
    assert parse_date("2022-13-01") == "2022-13-01"
    form = open_form(qtbot, records, "staff", org.staff["王芳"])
    edit = form.editor("left_on")
    edit.setFocus()
    qtbot.keyClicks(edit, "2022-13-01")
    assert form.save() is False
    assert "须为日期" in form.error_text("left_on")
    edit.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(edit, "20220701")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.text() == "2022-07-01"  # type: ignore[attr-defined]
    assert form.save() is True
    assert records.get(get("staff"), org.staff["王芳"])["left_on"] == date(2022, 7, 1)


def test_typing_a_name_in_a_reference_finds_it(qtbot: QtBot, records: RecordService, org: Org) -> None:
    form = open_form(qtbot, records, "staff")
    unit = form.editor("unit_id")
    assert isinstance(unit, QComboBox)
    line = unit.lineEdit()
    assert line is not None
    line.setFocus()
    type_chinese(line, "河口乡纪委")
    assert form.value("unit_id") == org.units["T02"]
    line.clear()
    type_chinese(line, "不存在的单位")
    type_chinese(form.editor("name"), "赵六")
    form.set_value("post", "member")
    assert form.save() is False
    assert "所选的记录不存在" in form.error_text("unit_id")


def test_enter_saves_and_closes(qtbot: QtBot, records: RecordService, org: Org) -> None:
    form = open_form(qtbot, records, "zones")
    edit = form.editor("name")
    type_chinese(edit, "北片区")
    with qtbot.waitSignal(form.accepted):
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert form.saved_id is not None
    assert records.get(get("zones"), form.saved_id)["name"] == "北片区"


def test_save_and_new_keeps_the_form_open_for_the_next_record(
    qtbot: QtBot, records: RecordService, org: Org
) -> None:
    form = open_form(qtbot, records, "villages")
    form.set_value("township_id", org.units["T01"])
    type_chinese(form.editor("name"), "东村")
    with qtbot.waitSignal(form.saved):
        qtbot.keyClick(
            form.editor("name"),
            Qt.Key.Key_S,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert form.isVisible()
    assert form.value("name") == ""
    assert form.value("township_id") == org.units["T01"]  # references repeat: kept
    type_chinese(form.editor("name"), "西村")
    assert form.save_new_button is not None
    qtbot.mouseClick(form.save_new_button, Qt.MouseButton.LeftButton)
    names = {records.get(get("villages"), i)["name"] for i in records.ids(get("villages"))}
    assert names == {"东村", "西村"}
    form.reject()  # nothing typed since: closes without asking
    assert not form.isVisible()


def test_cancel_with_changes_asks_first(qtbot: QtBot, records: RecordService, org: Org) -> None:
    form = open_form(qtbot, records, "units", org.units["T01"])
    asked: list[bool] = []
    answer = [False]

    def confirm() -> bool:
        asked.append(True)
        return answer[0]

    form.confirm_discard = confirm  # type: ignore[method-assign]
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert asked == [] and not form.isVisible()  # nothing changed: no question

    form = open_form(qtbot, records, "units", org.units["T01"])
    form.confirm_discard = confirm  # type: ignore[method-assign]
    qtbot.keyClicks(form.editor("code"), "X")
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert asked == [True] and form.isVisible()
    answer[0] = True
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible()
    assert records.get(get("units"), org.units["T01"])["code"] == "T01"


def test_a_deleted_record_opens_read_only(qtbot: QtBot, records: RecordService, org: Org) -> None:
    records.delete(get("staff"), org.staff["刘洋"])
    form = open_form(qtbot, records, "staff", org.staff["刘洋"])
    assert form.read_only
    assert not form.editor("name").isEnabled()
    assert form.save_button is None
    assert form.save() is False
    assert "已删除" in form.notice.text()


@pytest.mark.parametrize(
    "name", ["units", "zones", "liaisons", "staff", "villages", "supervised_units", "township_stats"]
)
def test_every_register_gets_a_form(qtbot: QtBot, records: RecordService, org: Org, name: str) -> None:
    form = open_form(qtbot, records, name)
    assert set(form.editors) == {f.name for f in get(name).fields}
    assert not form.is_dirty()


def test_a_database_failure_is_shown_and_the_typed_values_stay(
    qtbot: QtBot, records: RecordService, org: Org, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure no rule foresaw (here the disk) is said in Chinese in the form, which stays open
    with what was typed, instead of vanishing into the event loop."""
    form = open_form(qtbot, records, "zones")
    edit = form.editor("name")
    type_chinese(edit, "北片区")

    def disk_full(*_args: object, **_kwargs: object) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(records, "save", disk_full)
    assert form.save() is False
    assert "磁盘空间不足" in form.error_text()
    assert form.values()["name"] == "北片区" and form.saved_id is None
