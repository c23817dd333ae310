"""A new township installation's first hour in the window: the wizard offers the administrator as
a staff member, the 工作台 shows the set-up steps, each opens its page, the list goes once all are
done (or when hidden), and the township's statistics and staffing say nothing it did not enter."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from pytestqt.qtbot import QtBot

from app.context import Context
from app.models.casework import DeadlineRule
from app.models.org import Staff
from app.registers import get
from app.services import backup, first_run
from app.services.installation import SetupRequest
from app.services.login import create
from app.services.records import RecordService
from tests.ui.conftest import SETUP, make_window
from ui.dialogs.backup_dialogs import BackupDialog
from ui.dialogs.setup_wizard import SetupWizard
from ui.main_window import MainWindow
from ui.pages.home_page import HomePage
from ui.pages.staffing_page import StaffingPage
from ui.pages.statistics_page import StatisticsPage
from ui.tasks import TaskState

TOWNSHIP = SetupRequest(
    unit_type="township",
    unit_code="T01",
    unit_name="城关镇纪委",
    county_code="C01",
    county_name="测试县",
    admin_username=SETUP.admin_username,
    admin_password=SETUP.admin_password,
    admin_name="张明",
    admin_post="secretary",
    prefill=True,
)


@pytest.fixture
def township(tmp_path: Path) -> Iterator[Context]:
    o = create(tmp_path / "town", None, TOWNSHIP)
    yield o
    o.db.close()


def home_of(window: MainWindow) -> HomePage:
    page = window.show_page("home")
    assert isinstance(page, HomePage)
    return page


def test_the_wizard_offers_the_administrator_as_staff_and_prefills(qtbot: QtBot, tmp_path: Path) -> None:
    wizard = SetupWizard(tmp_path / "fresh", None)
    qtbot.addWidget(wizard)
    wizard.show()
    assert [wizard.admin_post.itemData(i) for i in range(wizard.admin_post.count())] == [
        "", "secretary", "deputy_secretary", "member", "inspector",
    ]  # fmt: skip
    qtbot.keyClicks(wizard.county_code, "X01")
    wizard.county_name.setText("示范县")
    qtbot.keyClicks(wizard.unit_code, "X01-T01")
    wizard.unit_name.setText("城关镇纪委")
    wizard.admin_name.setText("张明")
    wizard.admin_post.setCurrentIndex(wizard.admin_post.findData("secretary"))
    qtbot.keyClicks(wizard.password, "town2022pass")
    qtbot.keyClicks(wizard.password_again, "town2022pass")
    qtbot.mouseClick(wizard.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(wizard.showing_recovery_key, timeout=10_000)
    opened = wizard.opened
    assert opened is not None
    try:
        # saving the sheet as a PDF is recorded: the checklist's last step is done
        task = wizard.recovery.save_pdf_to(tmp_path / "key.pdf")
        qtbot.waitUntil(lambda: task.state is not TaskState.RUNNING, timeout=20_000)
        assert task.state is TaskState.SUCCEEDED, task.error_text
        check = wizard.recovery.check
        qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))
        qtbot.mouseClick(wizard.finish_button, Qt.MouseButton.LeftButton)
        with opened.db.session() as s:
            assert [(p.name, p.post) for p in s.query(Staff)] == [("张明", "secretary")]
            assert s.query(DeadlineRule).count() == 10
        steps = {s.key: s.done for s in first_run.steps(opened.db)}
        assert steps["staff"] and steps["recovery_sheet"] and not steps["backup"]
    finally:
        opened.db.close()


def test_the_home_page_shows_the_steps_and_each_opens_its_page(
    qtbot: QtBot, township: Context, settings: QSettings
) -> None:
    window = make_window(qtbot, township, settings)
    home = home_of(window)
    panel = home.setup
    assert panel.isVisible()
    assert panel.rows() == [
        ("staff", True), ("villages", False), ("deadlines", True), ("checklist", True),
        ("backup", False), ("recovery_sheet", False),
    ]  # fmt: skip
    assert panel.marks["villages"].text() == "○ 未完成" and panel.marks["staff"].text() == "✓ 已完成"
    qtbot.mouseClick(panel.buttons["villages"], Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "register:villages"
    home = home_of(window)
    qtbot.mouseClick(home.setup.buttons["deadlines"], Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "register:deadline_rules"
    home = home_of(window)
    qtbot.mouseClick(home.setup.buttons["backup"], Qt.MouseButton.LeftButton)
    (dialog,) = [d for d in window.findChildren(BackupDialog) if d.isVisible()]
    dialog.reject()


def test_the_panel_goes_once_every_step_is_done(
    qtbot: QtBot, township: Context, settings: QSettings, tmp_path: Path
) -> None:
    window = make_window(qtbot, township, settings)
    home = home_of(window)
    assert home.setup.isVisible()
    records = RecordService(township)
    own = records.ids(get("units"))[0]
    records.save(get("villages"), {"name": "东村", "township_id": own})
    backup.backup(township, tmp_path)
    first_run.record_recovery_sheet(township.db, "admin", printed=True)
    home.refresh()
    assert not home.setup.isVisible()
    assert first_run.all_done(home.setup.steps)


def test_the_panel_can_be_hidden_and_stays_hidden(
    qtbot: QtBot, township: Context, settings: QSettings
) -> None:
    window = make_window(qtbot, township, settings)
    home = home_of(window)
    qtbot.mouseClick(home.setup.hide_button, Qt.MouseButton.LeftButton)
    assert not home.setup.isVisible()
    window.close()
    again = make_window(qtbot, township, settings)
    home = home_of(again)
    home.refresh()
    assert not home.setup.isVisible()


def test_a_county_installation_without_steps_left_shows_no_panel(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    opened = create(tmp_path / "county", None, SETUP)  # no prefill: the steps are not done
    try:
        window = make_window(qtbot, opened, settings)
        home = home_of(window)
        assert home.setup.isVisible() and home.setup.rows()[0] == ("units", False)
    finally:
        opened.db.close()


def test_a_township_statistics_and_staffing_list_no_county_rows(
    qtbot: QtBot, township: Context, settings: QSettings
) -> None:
    records = RecordService(township)
    for code, name, kind in (
        ("C01", "测试县纪委监委", "county"), ("S01", "纪检监察室", "office"),
        ("T02", "东关镇纪委", "township"), ("G01", "第一派驻纪检监察组", "group"),
    ):  # fmt: skip
        RecordService(Context.system(township.db, "admin")).save(
            get("units"), {"code": code, "name": name, "unit_type": kind}
        )
    window = make_window(qtbot, township, settings)
    page = window.show_page("statistics")
    assert isinstance(page, StatisticsPage)
    task = page.last_task
    assert task is not None
    qtbot.waitUntil(lambda: task.state is not TaskState.RUNNING, timeout=10_000)
    assert [line[0] for line in page.by_type.texts()] == ["乡镇纪委", "合计"]
    assert [line[0] for line in page.by_unit.texts()] == ["城关镇纪委"]
    staffing = window.show_page("staffing")
    assert isinstance(staffing, StaffingPage)
    model = staffing.model
    assert model.rowCount() == 2  # 乡镇纪委 and 合计
    assert (model.text(0, "authorised"), model.text(0, "staffed"), model.text(0, "vacancies")) == (
        "未填", "1", "未填",
    )  # fmt: skip
    assert staffing.describe() == "乡镇纪委 1 个，核定编制未填，实际配备 1 名，其中专职 0 名。"
    assert records.ids(get("staff"))


def test_a_step_the_role_may_not_do_is_not_opened(
    qtbot: QtBot, township: Context, settings: QSettings
) -> None:
    from app.security.roles import Actor

    staff = Context(township.db, Actor("clerk", "staff", None))
    window = make_window(qtbot, staff, settings)
    window.open_setup_step("action:backup")
    assert window.statusBar().currentMessage() == "这一步需由管理员完成。"
    assert not [d for d in window.findChildren(BackupDialog) if d.isVisible()]
    window.open_setup_step("register:villages")
    assert window.current_page_key() == "register:villages"
