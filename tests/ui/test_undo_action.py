"""编辑 → 撤销 in the window: the last operation named, undone by the menu and by Ctrl+Z from the
list, the list refreshed and the status bar saying what was undone; disabled with the reason when
nothing can be undone; Ctrl+Z in a text box stays the text box's own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from app.context import Context
from app.registers import get
from app.services import undo
from app.services.login import create
from app.services.records import RecordService
from tests.ui.conftest import SETUP, make_window
from ui.main_window import MainWindow
from ui.pages.register_page import RegisterPage

ZONES = get("zones")


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[Context]:
    o = create(tmp_path / "x", None, SETUP)
    yield o
    o.db.close()


def edit_menu(window: MainWindow) -> QMenu:
    action = next(a for a in window.menuBar().actions() if a.text() == "编辑(&E)")
    menu = action.menu()
    assert isinstance(menu, QMenu)
    return menu


def zones_page(window: MainWindow) -> RegisterPage:
    page = window.show_page("register:zones")
    assert isinstance(page, RegisterPage)
    return page


def save_zone_through_the_form(qtbot: QtBot, page: RegisterPage, row_id: str | None, name: str) -> str:
    form = page.open_editor(row_id)
    form.set_value("name", name)
    assert form.save()
    form.accept()
    row = page.selected_id()
    assert row is not None
    return row


def test_the_menu_names_the_last_edit_and_undoes_it(
    qtbot: QtBot, opened: Context, settings: QSettings
) -> None:
    window = make_window(qtbot, opened, settings)
    menu = edit_menu(window)
    assert [a for a in menu.actions()] == [window.act_undo]
    assert menu.toolTipsVisible()
    assert not window.act_undo.isEnabled()
    assert window.act_undo.toolTip() == "本次登录以来没有可以撤销的操作。"

    page = zones_page(window)
    zone = save_zone_through_the_form(qtbot, page, None, "东片区")
    save_zone_through_the_form(qtbot, page, zone, "东部片区")
    menu.aboutToShow.emit()
    assert window.act_undo.isEnabled()
    assert window.act_undo.text() == "撤销(&U)：修改 片区协作区 东部片区"

    window.act_undo.trigger()
    assert window.statusBar().currentMessage() == "已撤销：修改 片区协作区 东部片区"
    assert page.model.display_text(page.model.row_of(zone), "name") == "东片区"  # the list refreshed
    assert window.act_undo.text() == "撤销(&U)：新增 片区协作区 东片区"


def test_ctrl_z_in_the_list_undoes_a_delete(qtbot: QtBot, opened: Context, settings: QSettings) -> None:
    window = make_window(qtbot, opened, settings)
    page = zones_page(window)
    zone = save_zone_through_the_form(qtbot, page, None, "西片区")
    page.confirm = lambda title, text: True  # type: ignore[method-assign]
    page.select_ids([zone])
    assert page.delete_selected() == [zone]
    assert page.model.row_of(zone) == -1
    assert window.act_undo.text() == "撤销(&U)：删除 片区协作区 西片区"

    window.activateWindow()
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.model.row_of(zone) >= 0
    assert window.statusBar().currentMessage() == "已撤销：删除 片区协作区 西片区"
    assert RecordService(opened).get(ZONES, zone)["__deleted__"] is False
    assert page.status_text() == "已撤销：删除 片区协作区 西片区" and not page.undo_button.isVisible()


def test_ctrl_z_in_a_text_box_is_the_text_box_undo(
    qtbot: QtBot, opened: Context, settings: QSettings
) -> None:
    window = make_window(qtbot, opened, settings)
    page = zones_page(window)
    zone = save_zone_through_the_form(qtbot, page, None, "南片区")
    page.search_edit.setFocus()
    qtbot.keyClicks(page.search_edit, "ab")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.search_edit.text() == ""  # the typing was undone
    assert RecordService(opened).get(ZONES, zone)["__deleted__"] is False  # the create was not
    assert window.act_undo.text() == "撤销(&U)：新增 片区协作区 南片区"


def test_a_lifecycle_step_or_a_later_change_disables_undo_with_the_reason(
    qtbot: QtBot, opened: Context, settings: QSettings
) -> None:
    window = make_window(qtbot, opened, settings)
    page = zones_page(window)
    zone = save_zone_through_the_form(qtbot, page, None, "北片区")
    RecordService(Context.system(opened.db, "lisi")).save(ZONES, {"leader": "孙常委"}, zone)
    edit_menu(window).aboutToShow.emit()
    assert not window.act_undo.isEnabled()
    assert window.act_undo.toolTip() == "「北片区」在这次操作之后又被 lisi 修改过，不能撤销。"

    undo.mark(opened, undo.IMPORT, "zones", "片区")
    edit_menu(window).aboutToShow.emit()
    assert window.act_undo.text() == "撤销(&U)：导入：片区"
    assert window.act_undo.toolTip() == "上一步操作是导入（片区），导入不能撤销。"
    assert not window.act_undo.isEnabled()


def test_a_refusal_at_the_moment_of_undo_is_told(qtbot: QtBot, opened: Context, settings: QSettings) -> None:
    window = make_window(qtbot, opened, settings)
    page = zones_page(window)
    zone = save_zone_through_the_form(qtbot, page, None, "中片区")
    told: list[str] = []
    window.act_undo.warn = lambda title, text: told.append(text)  # type: ignore[method-assign]
    RecordService(Context.system(opened.db, "lisi")).save(ZONES, {"leader": "周常委"}, zone)
    assert window.act_undo.isEnabled()  # another program's change: not announced here
    window.act_undo.trigger()
    assert told == ["「中片区」在这次操作之后又被 lisi 修改过，不能撤销。"]
    assert RecordService(opened).get(ZONES, zone)["__deleted__"] is False
