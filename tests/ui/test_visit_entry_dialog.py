"""扫码录入 on the visits page: a scanner types a visit's code and Enter, the entry dialog opens with
the checklist first and focused, the form is entered with the keyboard and saved (the visit is
recorded and the clues found are registered, linked to it); an unknown code is refused beside the
field; a recorded visit opens read-only."""

from __future__ import annotations

import secrets
from datetime import date

import pytest
from conftest import Org
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from app.context import Context
from app.db.database import Database
from app.db.local import User
from app.registers import get
from app.security.roles import Actor
from app.services.accounts import hash_password
from app.services.records import RecordService
from app.services.visit_entry import linked_clues
from ui.dialogs.visit_entry import VisitEntryDialog
from ui.events import ChangeBus
from ui.pages.register_page import RegisterPage

KEY = secrets.token_bytes(32)
VISITS = get("visits")


@pytest.fixture
def secretary(db: Database) -> RecordService:
    with db.session() as s:
        s.add(
            User(
                username="sec", full_name="陈书记", role="secretary", password_hash=hash_password("x1234567")
            )
        )
    return RecordService(Context(db, Actor("sec", "secretary", KEY)))


@pytest.fixture
def visit(org: Org, records: RecordService) -> tuple[str, str]:
    village = records.save(get("villages"), {"township_id": org.units["T01"], "name": "西岭村"})
    vid = records.save(
        VISITS,
        {
            "unit_id": org.units["T01"],
            "village_id": village,
            "planned_on": date.today(),
            "lead_id": org.staff["王芳"],
            "member_id": org.staff["李强"],
        },
    )
    return vid, str(records.get(VISITS, vid)["code"])


@pytest.fixture
def page(qtbot: QtBot, secretary: RecordService, bus: ChangeBus, settings: QSettings) -> RegisterPage:
    p = RegisterPage(secretary, VISITS, bus, settings)
    qtbot.addWidget(p)
    p.resize(1100, 600)
    p.show()
    qtbot.waitExposed(p)
    return p


def scan(qtbot: QtBot, page: RegisterPage, code: str) -> QLineEdit:
    field = page.findChild(QLineEdit, "scanEntry")
    assert isinstance(field, QLineEdit) and field.isVisible()
    assert field.placeholderText() == "扫码或输入记录表编码后回车"
    field.setFocus()
    qtbot.keyClicks(field, code)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    return field


def test_scanning_a_code_opens_the_form_and_the_keyboard_enters_it(
    qtbot: QtBot, page: RegisterPage, secretary: RecordService, visit: tuple[str, str]
) -> None:
    visit_id, code = visit
    scan(qtbot, page, code.lower())  # a scanner in lower case still finds it
    tools = page.workflow.visit_tools  # type: ignore[union-attr]
    assert tools is not None
    dialog = tools.entry
    assert isinstance(dialog, VisitEntryDialog) and dialog.visit_id == visit_id
    qtbot.waitExposed(dialog)
    assert not dialog.read_only
    # The checklist comes first and has the focus.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.checks[0])
    assert dialog.checks[0].text() == "村务公开"
    # Space ticks, Tab moves to the next matter, Space ticks it too.
    qtbot.keyClick(dialog.checks[0], Qt.Key.Key_Space)
    qtbot.keyClick(dialog.checks[0], Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert isinstance(focused, QCheckBox) and focused is dialog.checks[1]
    qtbot.keyClick(focused, Qt.Key.Key_Space)
    assert dialog.matters() == [dialog.checks[0].property("matter"), dialog.checks[1].property("matter")]
    # The date defaults to the planned one; the text fields follow.
    assert dialog.visited_on.date().toPython() == date.today()
    # (Chinese text is typed through an input method: put in directly.)
    dialog.people_talked.setText("村支书、村会计")
    dialog.texts["findings"].setPlainText("村务公开栏未更新")
    dialog.texts["follow_up"].setPlainText("督促整改")
    # Two clues found on the visit.
    for name, unit, summary in (
        ("周某", "西岭村村委会", "反映周某虚报低保"),
        ("吴某", "", "反映吴某优亲厚友"),
    ):
        row = dialog.add_clue_row()
        dialog.set_clue(row, name, unit, summary)
    # The last clue's 摘要 is still being edited when Ctrl+S comes: what was typed is kept.
    dialog.clue_table.setCurrentCell(1, 2)
    dialog.clue_table.editItem(dialog.clue_table.item(1, 2))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("反映吴某优亲厚友、违规发放")
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved.args is not None and saved.args[0] == visit_id

    stored = secretary.get(VISITS, visit_id)
    assert stored["state"] == "done" and stored["visited_on"] == date.today()
    assert stored["matters"] == "村务公开、集体“三资”管理"
    assert stored["people_talked"] == "村支书、村会计" and stored["follow_up"] == "督促整改"
    clue_ids = linked_clues(secretary, visit_id)
    assert len(clue_ids) == 2 and sorted(saved.args[1]) == sorted(clue_ids)
    clues = [secretary.get(get("clues"), i) for i in clue_ids]
    assert {c["subject_name"] for c in clues} == {"周某", "吴某"}
    assert {c["summary"] for c in clues} == {"反映周某虚报低保", "反映吴某优亲厚友、违规发放"}
    assert all(c["source"] == "supervision" and c["state"] == "registered" for c in clues)
    assert "已录入记录表" in page.status_text() and "2 条" in page.status_text()

    # Scanned again: the recorded form opens read-only, with a note.
    scan(qtbot, page, code)
    again = tools.entry
    assert isinstance(again, VisitEntryDialog) and again is not dialog
    assert again.read_only and "已经录入" in again.note.text() and "2 条" in again.note.text()
    assert not again.checks[0].isEnabled() and again.checks[0].isChecked()
    assert not again.save()
    again.reject()


def test_an_unknown_code_is_refused_beside_the_field(
    qtbot: QtBot, page: RegisterPage, visit: tuple[str, str]
) -> None:
    field = scan(qtbot, page, "V0000ZZZZ")
    tools = page.workflow.visit_tools  # type: ignore[union-attr]
    assert tools is not None and tools.entry is None
    message = page.findChild(QLabel, "scanMessage")
    assert isinstance(message, QLabel) and "没有编码为「V0000ZZZZ」的记录表" in message.text()
    assert field.selectedText() == "V0000ZZZZ"  # the next scan replaces it


def test_a_bad_clue_row_saves_nothing(
    qtbot: QtBot, page: RegisterPage, secretary: RecordService, visit: tuple[str, str]
) -> None:
    visit_id, _code = visit
    page.reload()
    page.select_ids([visit_id])
    tools = page.workflow.visit_tools  # type: ignore[union-attr]
    assert tools is not None and tools.act_entry.isEnabled()
    tools.act_entry.trigger()
    dialog = tools.entry
    assert isinstance(dialog, VisitEntryDialog)
    dialog.checks[0].setChecked(True)
    dialog.set_clue(dialog.add_clue_row(), "", "西岭村", "没写被反映人")
    assert not dialog.save()
    assert "第 1 条线索" in dialog.error_text()
    assert secretary.get(VISITS, visit_id)["state"] == "planned"
    assert linked_clues(secretary, visit_id) == []
    dialog.reject()


def test_clue_rows_are_added_with_alt_a_from_inside_a_cell(
    qtbot: QtBot, page: RegisterPage, visit: tuple[str, str]
) -> None:
    """Alt+A / Alt+D work while a cell is typed into; Ctrl+Insert there is the cell's copy."""
    _visit_id, code = visit
    scan(qtbot, page, code)
    tools = page.workflow.visit_tools  # type: ignore[union-attr]
    assert tools is not None and isinstance(tools.entry, VisitEntryDialog)
    dialog = tools.entry
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.checks[0])
    assert "Ctrl+Insert" not in dialog.add_clue_button.text() + dialog.add_clue_button.toolTip()
    qtbot.keyClick(dialog.checks[0], Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.clue_table.rowCount() == 1)  # a button's letter clicks it animated
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)  # the new row's first cell is being typed into
    qtbot.keyClicks(editor, "Zhou")
    qtbot.keyClick(editor, Qt.Key.Key_Insert, Qt.KeyboardModifier.ControlModifier)  # copy, not a row
    assert dialog.clue_table.rowCount() == 1
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.clue_table.rowCount() == 2)
    assert dialog.drafts()[0].subject_name == "Zhou"  # the cell's text was kept
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.clue_table.rowCount() == 1)
    # Enter in a cell ends the cell and does not save; Enter in 谈话人员 saves, as in any form.
    tried: list[bool] = []
    dialog.save = lambda: tried.append(True) or False  # type: ignore[method-assign]
    dialog.clue_table.setCurrentCell(0, 1)
    dialog.clue_table.editItem(dialog.clue_table.item(0, 1))
    cell = QApplication.focusWidget()
    assert isinstance(cell, QLineEdit)
    qtbot.keyClicks(cell, "Xiling")
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.drafts()[0].subject_unit == "Xiling")
    assert tried == [] and dialog.isVisible()
    dialog.people_talked.setFocus()
    qtbot.keyClick(dialog.people_talked, Qt.Key.Key_Return)
    assert tried == [True]
    dialog.reject()
