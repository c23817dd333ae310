"""RegisterPage driven as a user would: typing, clicking headers, shortcuts, delete and undo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.context import Changes
from app.registers import get
from app.services.records import ListQuery, RecordService
from tests.ui.conftest import Org
from ui.dialogs.record_form import RecordForm
from ui.events import ChangeBus
from ui.pages.register_page import RegisterPage
from ui.tasks import Cancelled, Progress, TaskState, run_task, running_tasks

MakePage = Callable[[str], RegisterPage]


def type_chinese(widget: QWidget, text: str) -> None:
    """What an input method does when the user commits Chinese text."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def make_page(qtbot: QtBot, records: RecordService, bus: ChangeBus, settings: QSettings) -> MakePage:
    def make(name: str) -> RegisterPage:
        page = RegisterPage(records, get(name), bus, settings)
        qtbot.addWidget(page)
        page.resize(1100, 600)
        page.show()
        qtbot.waitExposed(page)
        page.activateWindow()
        qtbot.waitUntil(page.isActiveWindow)
        return page

    return make


def column_texts(page: RegisterPage, column: str) -> list[str]:
    return [page.model.display_text(r, column) for r in range(page.model.rowCount())]


def header_click(qtbot: QtBot, page: RegisterPage, column: str) -> None:
    header = page.table.horizontalHeader()
    logical = page.model.columns.index(column)
    x = header.sectionViewportPosition(logical) + header.sectionSize(logical) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_typing_in_the_search_box_filters_after_a_pause(qtbot: QtBot, make_page: MakePage, org: Org) -> None:
    page = make_page("units")
    assert page.model.rowCount() == 4
    assert page.count_label.text() == "共 4 条"
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_edit.hasFocus()
    with qtbot.waitSignal(page.refreshed, timeout=2000):
        qtbot.keyClicks(page.search_edit, "T0")
    assert column_texts(page, "code") == ["T01", "T02"]
    assert page.count_label.text() == "共 2 条（已筛选）"
    with qtbot.waitSignal(page.refreshed, timeout=2000):
        qtbot.keyClicks(page.search_edit, "2")
    assert column_texts(page, "code") == ["T02"]
    # Esc clears the search; ↓ would move into the list.
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Escape)
    assert page.search_edit.text() == ""
    assert page.model.rowCount() == 4


def test_header_click_sorts_in_sql(qtbot: QtBot, make_page: MakePage, org: Org) -> None:
    page = make_page("units")
    assert column_texts(page, "code") == ["C01", "G01", "T01", "T02"]
    header_click(qtbot, page, "authorised_posts")
    assert page.model.sort_column == "authorised_posts"
    # The county's own unit: set-up enters no posts, so its posts (and vacancies) are empty.
    texts = column_texts(page, "authorised_posts")
    assert texts.count("") == 1
    posts = [int(t) for t in texts if t]
    assert posts == sorted(posts)
    header_click(qtbot, page, "authorised_posts")
    assert page.model.descending
    posts = [int(t) for t in column_texts(page, "authorised_posts") if t]
    assert posts == sorted(posts, reverse=True)
    header_click(qtbot, page, "vacancies")  # a computed column sorts too
    assert column_texts(page, "vacancies") == ["", "2", "3", "4"]


def test_filter_combo_filters(qtbot: QtBot, make_page: MakePage, org: Org) -> None:
    page = make_page("units")
    combo = page.filters["unit_type"]
    assert combo.itemText(0) == "全部"
    assert [combo.itemText(i) for i in range(1, combo.count())] == [
        "县纪委监委",
        "委机关室",
        "乡镇纪委",
        "派驻纪检监察组",
    ]
    combo.setFocus()
    with qtbot.waitSignal(page.refreshed):
        combo.setCurrentIndex(combo.findText("乡镇纪委"))
    assert column_texts(page, "code") == ["T01", "T02"]
    zone = page.filters["zone_id"]
    with qtbot.waitSignal(page.refreshed):
        zone.setCurrentIndex(zone.findText("西片区"))
    assert column_texts(page, "code") == ["T02"]
    with qtbot.waitSignal(page.refreshed):
        combo.setCurrentIndex(0)
        zone.setCurrentIndex(0)
    assert page.model.rowCount() == 4


def test_new_record_through_the_form_lands_in_the_list(
    qtbot: QtBot, make_page: MakePage, records: RecordService, org: Org
) -> None:
    page = make_page("units")
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = page.current_form
    assert isinstance(form, RecordForm)
    qtbot.waitExposed(form)
    qtbot.keyClicks(form.editor("code"), "T03")
    type_chinese(form.editor("name"), "新桥镇纪委")
    unit_type = form.editor("unit_type")
    unit_type.setFocus()
    form.set_value("unit_type", "township")
    posts = form.editor("authorised_posts")
    posts.setFocus()
    qtbot.keyClick(posts, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(posts, "5")
    with qtbot.waitSignal(form.saved) as saved:
        assert form.save_button is not None
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    new_id = saved.args[0]
    row = page.model.row_of(new_id)
    assert row >= 0
    assert page.model.display_text(row, "name") == "新桥镇纪委"
    assert page.model.display_text(row, "authorised_posts") == "5"
    assert page.selected_id() == new_id
    assert "已保存" in page.status_text()
    assert page.count_label.text() == "共 5 条"
    assert records.get(get("units"), new_id)["unit_type"] == "township"


@pytest.mark.parametrize(
    ("code", "message"),
    [("a b", "「单位代码」格式不对"), ("T01", "已有相同「单位代码」的记录。")],
)
def test_bad_value_shows_the_message_and_saves_nothing(
    qtbot: QtBot, make_page: MakePage, records: RecordService, org: Org, code: str, message: str
) -> None:
    page = make_page("units")
    before = records.ids(get("units"), ListQuery(include_deleted=True))
    form = page.open_editor()
    qtbot.keyClicks(form.editor("code"), code)
    type_chinese(form.editor("name"), "某某乡纪委")
    form.set_value("unit_type", "township")
    assert form.save_button is not None
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.isVisible()
    assert message in form.error_text("code")
    assert message in form.error_text()
    assert form.editor("code").property("invalid") is True
    assert form.value("code") == code  # what was typed stays
    assert form.value("name") == "某某乡纪委"
    assert records.ids(get("units"), ListQuery(include_deleted=True)) == before
    assert page.model.rowCount() == 4
    # Fixing the field clears its message.
    form.editor("code").setFocus()
    qtbot.keyClick(form.editor("code"), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(form.editor("code"), "T09")
    assert form.error_text("code") == ""
    form.confirm_discard = lambda: True  # type: ignore[method-assign]
    form.reject()


def test_delete_asks_then_tombstones_and_undo_restores(
    qtbot: QtBot, make_page: MakePage, records: RecordService, org: Org
) -> None:
    page = make_page("staff")
    questions: list[str] = []
    answer = [False]

    def confirm(title: str, text: str) -> bool:
        questions.append(text)
        return answer[0]

    page.confirm = confirm  # type: ignore[method-assign]
    page.select_ids([org.staff["李强"]])
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert questions and "李强" in questions[0]
    assert page.model.row_of(org.staff["李强"]) >= 0  # said no: nothing deleted

    answer[0] = True
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.model.row_of(org.staff["李强"]) == -1
    assert records.get(get("staff"), org.staff["李强"])["__deleted__"] is True
    assert "已删除「李强」" in page.status_text()
    assert page.undo_button.isVisible()

    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)  # Ctrl+Z is the window's
    assert page.model.row_of(org.staff["李强"]) >= 0
    assert records.get(get("staff"), org.staff["李强"])["__deleted__"] is False
    assert page.selected_id() == org.staff["李强"]
    assert not page.undo_button.isVisible()


def test_deleted_rows_can_be_shown_and_restored(
    qtbot: QtBot, make_page: MakePage, records: RecordService, org: Org
) -> None:
    records.delete(get("staff"), org.staff["张伟"])
    page = make_page("staff")
    assert page.model.row_of(org.staff["张伟"]) == -1
    qtbot.mouseClick(page.show_deleted, Qt.MouseButton.LeftButton)
    assert page.show_deleted.isChecked()
    row = page.model.row_of(org.staff["张伟"])
    assert row >= 0 and page.model.is_deleted(row)
    page.select_ids([org.staff["张伟"]])
    assert page.act_restore.isEnabled() and not page.act_delete.isEnabled()
    page.act_restore.trigger()
    assert records.get(get("staff"), org.staff["张伟"])["__deleted__"] is False
    assert not page.model.is_deleted(page.model.row_of(org.staff["张伟"]))


def test_delete_refused_tells_the_reason(
    qtbot: QtBot, make_page: MakePage, records: RecordService, org: Org
) -> None:
    page = make_page("units")
    warnings: list[str] = []
    page.confirm = lambda title, text: True  # type: ignore[method-assign]
    page.warn = lambda title, text: warnings.append(text)  # type: ignore[method-assign]
    page.select_ids([org.units["T01"]])
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert len(warnings) == 1
    assert "还有记录引用它" in warnings[0] and "人员与岗位 2 条" in warnings[0]
    assert records.get(get("units"), org.units["T01"])["__deleted__"] is False
    assert page.model.row_of(org.units["T01"]) >= 0


def test_enter_opens_the_editor_and_history_shows_the_change(
    qtbot: QtBot, make_page: MakePage, records: RecordService, org: Org
) -> None:
    page = make_page("units")
    page.select_ids([org.units["T02"]])
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    form = page.current_form
    assert form is not None and form.row_id == org.units["T02"]
    assert form.value("code") == "T02"
    qtbot.waitUntil(form.isActiveWindow)
    edit = form.editor("name")
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_End)
    for _ in range(2):
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    type_chinese(edit, "纪委（新）")
    with qtbot.waitSignal(form.finished):
        qtbot.keyClick(edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.model.display_text(page.model.row_of(org.units["T02"]), "name") == "河口乡纪委（新）"

    page.activateWindow()  # a window manager does this when the form closes; offscreen does not
    qtbot.waitUntil(page.isActiveWindow)
    assert page.selected_id() == org.units["T02"]
    qtbot.keyClick(page.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialogs = page.findChildren(QWidget, "historyDialog")
    assert len(dialogs) == 1
    rows = dialogs[0].rows()  # type: ignore[attr-defined]
    assert rows[0][1] == "admin" and rows[0][2] == "新增"
    change = [r for r in rows if r[3] == "单位名称" and r[2] == "修改"]
    assert change == [[change[0][0], "admin", "修改", "单位名称", "河口乡纪委", "河口乡纪委（新）"]]
    dialogs[0].close()


def test_export_writes_the_list_as_shown(
    qtbot: QtBot, make_page: MakePage, org: Org, tmp_path: Path, settings: QSettings
) -> None:
    page = make_page("staff")
    combo = page.filters["unit_id"]
    combo.setCurrentIndex(combo.findData(org.units["T01"]))
    target = tmp_path / "out" / "人员.xlsx"
    target.parent.mkdir()
    page.ask_export_path = lambda: target  # type: ignore[method-assign]
    with qtbot.waitSignal(page.exported, timeout=10_000):
        qtbot.keyClick(page.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert page.last_task is not None and page.last_task.state is TaskState.SUCCEEDED
    ws = openpyxl.load_workbook(target).active
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    assert rows[0][:4] == ["姓名", "性别", "所在单位", "岗位"]
    assert sorted(r[0] for r in rows[1:]) == ["李强", "王芳"]
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["王芳"][1:5] == ["女", "城关镇纪委", "书记", "否"]
    assert "已导出 2 条记录" in page.status_text()
    assert settings.value("export/last_dir") == str(target.parent)


def test_a_change_elsewhere_refreshes_dependent_lists(qtbot: QtBot, make_page: MakePage, org: Org) -> None:
    units = make_page("units")
    staff = make_page("staff")
    t02 = units.model.row_of(org.units["T02"])
    assert units.model.display_text(t02, "staffed") == "1"
    form = staff.open_editor()
    type_chinese(form.editor("name"), "陈静")
    form.set_value("unit_id", org.units["T02"])
    form.set_value("post", "member")
    with qtbot.waitSignal(units.refreshed):
        assert form.save_button is not None
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    t02 = units.model.row_of(org.units["T02"])
    assert units.model.display_text(t02, "staffed") == "2"


def test_settings_remember_columns_sort_and_filters(qtbot: QtBot, make_page: MakePage, org: Org) -> None:
    page = make_page("units")
    header = page.table.horizontalHeader()
    header.resizeSection(1, 333)
    header.moveSection(header.visualIndex(2), 0)
    header_click(qtbot, page, "authorised_posts")
    header_click(qtbot, page, "authorised_posts")
    page.filters["unit_type"].setCurrentIndex(page.filters["unit_type"].findData("township"))
    page.close()

    again = make_page("units")
    h = again.table.horizontalHeader()
    assert h.sectionSize(1) == 333
    assert h.logicalIndex(0) == 2
    assert again.model.sort_column == "authorised_posts" and again.model.descending
    assert h.sortIndicatorSection() == again.model.columns.index("authorised_posts")
    assert h.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert again.filters["unit_type"].currentData() == "township"
    assert sorted(column_texts(again, "code")) == ["T01", "T02"]


# ---- ui.tasks: the worker behind export --------------------------------------------------------
def test_a_task_can_be_cancelled(qtbot: QtBot) -> None:
    import threading

    cancel_pressed = threading.Event()

    def work(progress: Progress) -> int:
        progress(1, 10)
        cancel_pressed.wait(10)
        if not progress(2, 10):
            raise Cancelled()
        return 2

    task = run_task(None, work, title="测试", label="正在处理…")
    with qtbot.waitSignal(task.progressed):
        pass
    with qtbot.waitSignal(task.cancelled), qtbot.waitSignal(task.finished):
        task.dialog.canceled.emit()  # what the dialog's 取消 button (or Esc) sends
        cancel_pressed.set()
    assert task.state is TaskState.CANCELLED
    assert running_tasks() == 0


def test_a_task_failure_is_shown_in_chinese(qtbot: QtBot) -> None:
    def work(_progress: Progress) -> None:
        raise PermissionError(13, "Permission denied", "/x.xlsx")

    task = run_task(None, work, title="导出 Excel", label="正在导出…")
    with qtbot.waitSignal(task.failed) as failed:
        pass
    assert "没有权限写入" in failed.args[0]
    assert task.state is TaskState.FAILED
    assert task.error_box is not None and "没有权限写入" in task.error_box.text()
    task.error_box.close()


def test_an_unexpected_task_error_is_reported_not_swallowed(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    reported: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, exc, tb: reported.append(kind))

    def work(_progress: Progress) -> None:
        raise KeyError("bug")

    task = run_task(None, work, title="测试", label="…", show_errors=False)
    with qtbot.waitSignal(task.finished):
        pass
    assert task.state is TaskState.FAILED
    assert "意外错误" in task.error_text
    assert reported == [KeyError]


def test_export_into_a_missing_folder_fails_with_a_message(
    qtbot: QtBot, make_page: MakePage, org: Org, tmp_path: Path
) -> None:
    page = make_page("zones")
    task = page.export_to(tmp_path / "no-such-folder" / "x.xlsx")
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert task.state is TaskState.FAILED
    assert "找不到文件或文件夹" in task.error_text and "no-such-folder。" in task.error_text
    assert page.status_text() == "导出失败。"
    assert task.error_box is not None
    task.error_box.close()


def test_f5_reads_again_and_hidden_pages_catch_up_when_shown(
    qtbot: QtBot, make_page: MakePage, records: RecordService, org: Org
) -> None:
    page = make_page("zones")
    records.save(get("zones"), {"name": "南片区"})  # written elsewhere, nobody announced it
    assert page.model.rowCount() == 2
    with qtbot.waitSignal(page.refreshed):
        qtbot.keyClick(page.table, Qt.Key.Key_F5)
    assert sorted(column_texts(page, "name")) == ["东片区", "南片区", "西片区"]

    page.hide()
    records.save(get("zones"), {"name": "北片区"})
    with qtbot.assertNotEmitted(page.refreshed):
        page.bus.changed.emit(Changes.of("zones"))  # hidden: only noted
    with qtbot.waitSignal(page.refreshed):
        page.show()
    assert page.model.rowCount() == 4


def test_a_task_outlives_the_page_that_started_it(qtbot: QtBot) -> None:
    import threading

    release = threading.Event()
    page = QWidget()
    delivered: list[object] = []

    def work(progress: Progress) -> int:
        release.wait(10)
        return 7

    task = run_task(page, work, title="测试", label="…", on_success=delivered.append)
    # Not qtbot.waitSignal(page.destroyed): pytest-qt then disconnects from the signal of an object
    # already gone, which PySide6 6.9 reports as a failed disconnect (an error under -W error).
    gone: list[bool] = []
    page.destroyed.connect(lambda: gone.append(True))
    page.deleteLater()
    qtbot.waitUntil(lambda: bool(gone), timeout=5_000)
    with qtbot.waitSignal(task.finished):
        release.set()
    assert task.orphaned and task.state is TaskState.SUCCEEDED and task.result == 7
    assert delivered == []  # nothing is handed to a page that is gone
