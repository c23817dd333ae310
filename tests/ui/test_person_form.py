"""A record's form and its person: choosing a person fills what the record leaves empty, 新建…
makes a person in the people form and chooses them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from app.context import Context
from app.db.database import Database
from app.registers import get
from app.security.roles import Actor
from app.services.records import RecordService
from tests.ui.persons import Data, person_data
from ui.dialogs.person_record import PersonRecordDialog
from ui.dialogs.record_form import RecordForm


@pytest.fixture
def data(db: Database) -> Data:
    return person_data(db)


def open_form(qtbot: QtBot, data: Data, name: str, row_id: str | None = None) -> RecordForm:
    form = RecordForm(data.records, get(name), row_id)
    form.confirm_discard = lambda: True  # type: ignore[method-assign]
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def choose(form: RecordForm, name: str, person: str) -> None:
    combo = form.editors[name].widget
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(person))


def test_choosing_a_person_fills_what_the_record_leaves_empty(qtbot: QtBot, data: Data) -> None:
    form = open_form(qtbot, data, "clues")
    button = form.person_record_button
    assert button is not None and button.text() == "查看人员档案" and not button.isEnabled()
    form.set_value("subject_post", "镇长")  # typed before choosing: kept
    choose(form, "person_id", data.zhang)
    assert form.value("subject_name") == "张三" and form.value("subject_unit") == "城关镇人民政府"
    assert form.value("subject_post") == "镇长" and form.value("subject_authority") == "乡镇管干部"
    assert form.value("subject_is_member") is True and form.value("subject_is_object") is True
    choose(form, "person_id", data.li)  # another person: what the first one filled follows
    assert form.value("subject_name") == "李四" and form.value("subject_unit") == "河口乡人民政府"
    assert form.value("subject_rank") == "村（社区）干部" and form.value("subject_post") == "镇长"
    assert form.value("subject_is_member") is False and form.value("subject_is_object") is False
    assert button.isEnabled()
    dialog = form.show_person_record()
    assert isinstance(dialog, PersonRecordDialog) and dialog.person_id == data.li
    dialog.reject()

    measure = open_form(qtbot, data, "dispositions", data.warning)  # an existing record: left as it is
    assert measure.value("person_name") == "张三" and not measure.is_dirty()
    choose(measure, "person_id", data.li)  # another person: what the first one gave follows
    assert (measure.value("person_name"), measure.value("person_unit")) == ("李四", "河口乡人民政府")
    assert measure.person_record_button is not None and measure.person_record_button.isEnabled()
    person = open_form(qtbot, data, "people", data.zhang)
    assert person.person_record_button is not None and person.person_record_button.text() == "查看档案"


def test_new_person_makes_the_person_and_chooses_them(qtbot: QtBot, data: Data) -> None:
    form = open_form(qtbot, data, "dispositions")
    form.set_value("person_name", "王五")
    form.set_value("person_unit", "山前镇人民政府")
    button = form.new_person_buttons["person_id"]
    assert button.isVisible() and button.text() == "新建…"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    people_form = form.person_form
    assert people_form is not None and people_form.reg.name == "people" and people_form.isVisible()
    assert people_form.value("name") == "王五" and people_form.value("unit") == "山前镇人民政府"
    post = people_form.editor("post")
    assert isinstance(post, QLineEdit)
    post.setFocus()
    event = QInputMethodEvent()
    event.setCommitString("副镇长")  # what an input method does
    QApplication.sendEvent(post, event)
    people_form.save_and_close()
    made = people_form.saved_id
    assert made is not None and form.value("person_id") == made
    combo = form.editors["person_id"].widget
    assert isinstance(combo, QComboBox) and combo.currentText() == "王五（山前镇人民政府，副镇长）"
    assert form.value("person_post") == "副镇长"  # filled from the new person
    assert form.person_record_button is not None and form.person_record_button.isEnabled()


def test_a_read_only_form_offers_no_new_person(qtbot: QtBot, data: Data, db: Database) -> None:
    reader = RecordService(Context(db, Actor("reader", "readonly")))
    form = RecordForm(reader, get("clues"), data.clue)
    qtbot.addWidget(form)
    form.show()
    assert not form.new_person_buttons["person_id"].isVisible()
    assert form.person_record_button is not None and form.person_record_button.isEnabled()
