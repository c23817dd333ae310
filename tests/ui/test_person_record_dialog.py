"""人员档案 in the window: the dialog (grouped records, sanctions in force on the 截至 day, duplicates,
rows opening their records), and 查看档案 / 查看人员档案 on the register pages and in the forms."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.registers import get
from tests.ui.persons import Data, person_data
from ui.dialogs.person_record import IN_FORCE_BACKGROUND, PersonRecordDialog
from ui.dialogs.record_form import RecordForm
from ui.events import ChangeBus
from ui.pages.register_page import RegisterPage


@pytest.fixture
def data(db: Database) -> Data:
    return person_data(db)


def open_dialog(
    qtbot: QtBot, data: Data, person: str, on: date, bus: ChangeBus | None = None
) -> PersonRecordDialog:
    dialog = PersonRecordDialog(data.records, person, bus=bus, on=on)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_record_is_grouped_by_register_with_sanctions_in_force_highlighted(
    qtbot: QtBot, data: Data, bus: ChangeBus
) -> None:
    dialog = open_dialog(qtbot, data, data.zhang, date(2025, 6, 1), bus)
    assert dialog.windowTitle() == "人员档案 — 张三"
    assert dialog.name_label.text() == "张三（城关镇人民政府，副镇长）"
    facts = dialog.facts_text()
    assert "中共党员：是" in facts and "（一）公务员及参公管理人员" in facts and "身份证号码：已登记" in facts
    groups = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]  # type: ignore[union-attr]
    assert groups == ["信访举报（无）", "问题线索（1）", "谈话函询（无）", "初步核实（无）", "立案审查调查（1）",
                      "协办单位（无）", "处理处分（2）"]  # fmt: skip
    assert dialog.row_texts("clues") == [
        ["2024-0001", "2024-03-01", "已拟办待批", "城关镇纪委", "信访举报；尚未处置"]
    ]
    assert dialog.row_texts("cases")[0][:3] == ["LA2024-01", "2024-05-01", "已结案"]
    warning, demerit = dialog.row_texts("dispositions")
    assert warning == [
        "党纪处分（警告）",
        "2025-03-01",
        "处分期内，至 2026-02-28",
        "城关镇纪委",
        "第二种形态",
    ]
    assert demerit[0] == "政务处分（记过）" and demerit[2] == "已期满（2021-12-31）"
    in_force_row = dialog.row_items("dispositions")[0]
    assert in_force_row.background(0).color() == QColor(IN_FORCE_BACKGROUND)
    assert in_force_row.font(2).bold() and not dialog.row_items("dispositions")[1].font(2).bold()
    box = dialog.in_force_label
    assert box.property("state") == "some" and "截至 2025-06-01，处分期（影响期）内的处理 1 项" in box.text()
    assert "党纪处分（警告），2025-03-01 决定，至 2026-02-28" in box.text()

    # 截至 another day: the other measure binds, then none.
    dialog.set_on(date(2021, 6, 30))
    assert dialog.row_texts("dispositions")[1][2] == "处分期内，至 2021-12-31"
    assert dialog.row_texts("dispositions")[0][2] == "截至当日尚未决定"
    dialog.set_on(date(2026, 3, 1))
    assert box.property("state") == "none" and "截至 2026-03-01，没有处分期（影响期）内的处理。" in box.text()
    qtbot.mouseClick(dialog.today_button, Qt.MouseButton.LeftButton)
    assert dialog.on() == date.today()


def test_duplicates_are_pointed_to_and_open_their_own_record(qtbot: QtBot, data: Data) -> None:
    dialog = open_dialog(qtbot, data, data.zhang, date(2025, 6, 1))
    text = dialog.duplicates_label.text()
    assert (
        dialog.duplicates_label.isVisible()
        and "张三（城关镇人民政府，主任科员）" in text
        and "同名同单位" in text
    )
    dialog.duplicates_label.linkActivated.emit(data.twin)
    assert dialog.name_label.text() == "张三（城关镇人民政府，主任科员）"
    assert "人员库中没有关于此人的在案记录。" in dialog.in_force_label.text()
    assert dialog.row_items("clues") == [] and not dialog.open_button.isEnabled()
    lone = open_dialog(qtbot, data, data.li, date(2025, 6, 1))
    assert not lone.duplicates_label.isVisible()
    assert "职级：村（社区）干部" in lone.facts_text() and "身份证号码：未登记" in lone.facts_text()


def test_a_row_opens_its_record_and_a_save_there_refreshes_the_record(
    qtbot: QtBot, data: Data, bus: ChangeBus
) -> None:
    dialog = open_dialog(qtbot, data, data.zhang, date(2025, 6, 1), bus)
    dialog.tree.setCurrentItem(dialog.row_items("dispositions")[0])
    dialog.tree.setFocus()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    form = dialog.current_form
    assert isinstance(form, RecordForm) and form.reg.name == "dispositions" and form.row_id == data.warning
    assert dialog.isVisible()  # Enter opened the row; it did not close the dialog
    form.set_value("decided_on", date(2024, 3, 1))
    with qtbot.waitSignal(dialog.refreshed, timeout=2000):
        form.save_and_close()
    assert dialog.row_texts("dispositions")[0][1:3] == ["2024-03-01", "已期满（2025-02-28）"]
    assert dialog.in_force_label.property("state") == "none"


@pytest.fixture
def make_page(qtbot: QtBot, data: Data, bus: ChangeBus, settings: QSettings) -> Callable[[str], RegisterPage]:
    def make(name: str) -> RegisterPage:
        page = RegisterPage(data.records, get(name), bus, settings)
        qtbot.addWidget(page)
        page.resize(1100, 600)
        page.show()
        qtbot.waitExposed(page)
        page.activateWindow()
        qtbot.waitUntil(page.isActiveWindow)
        return page

    return make


def test_the_people_page_opens_the_selected_persons_record(
    qtbot: QtBot, data: Data, make_page: Callable[[str], RegisterPage]
) -> None:
    page = make_page("people")
    tools = page.person_tools
    assert tools is not None and tools.action.text() == "查看档案"
    assert tools.action in page.toolbar.actions() and tools.action.shortcut().toString() == "Ctrl+I"
    page.table.clearSelection()
    page._update_actions()
    assert not tools.action.isEnabled()
    page.select_ids([data.zhang])
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    dialog = tools.dialog
    assert dialog is not None and dialog.isVisible() and dialog.person_id == data.zhang
    assert dialog.row_texts("clues")[0][0] == "2024-0001"
    dialog.reject()


def test_a_record_page_opens_its_persons_record(
    qtbot: QtBot, data: Data, make_page: Callable[[str], RegisterPage]
) -> None:
    page = make_page("clues")
    tools = page.person_tools
    assert tools is not None and tools.action.text() == "查看人员档案"
    page.select_ids([data.clue])
    dialog = tools.open_selected()
    assert dialog is not None and dialog.person_id == data.zhang
    dialog.reject()
    page.select_ids([data.bare_clue])
    assert tools.open_selected() is None
    assert "这条记录没有关联人员库中的人员。" in page.status_text()
    assert make_page("units").person_tools is None


def test_a_forms_person_record_button(qtbot: QtBot, data: Data) -> None:
    form = RecordForm(data.records, get("dispositions"), data.warning)
    qtbot.addWidget(form)
    button = form.person_record_button
    assert button is not None and button.text() == "查看人员档案" and button.isEnabled()
    dialog = form.show_person_record()
    assert isinstance(dialog, PersonRecordDialog) and dialog.person_id == data.zhang
    dialog.reject()
    person = RecordForm(data.records, get("people"), data.zhang)
    qtbot.addWidget(person)
    assert person.person_record_button is not None and person.person_record_button.text() == "查看档案"
    new = RecordForm(data.records, get("clues"))
    qtbot.addWidget(new)
    assert new.person_record_button is not None and not new.person_record_button.isEnabled()
    assert RecordForm(data.records, get("people")).person_record_button is None  # not yet a person
