"""数据交换 page: a township exports its bundle to a folder through its page, the county imports it
through its own page (summary per file, per-unit table), a concurrent edit opens a conflict that
the conflict dialog settles; the tables' models pass qtmodeltester."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.context import Context
from app.db.database import Database
from app.registers import get
from app.security.roles import Actor, PermissionDenied
from app.services.records import RecordService
from app.sync.conflicts import conflict_rows
from app.sync.exchange import enrolment_package, init_from_package
from ui.dialogs.conflict_dialog import ConflictDialog
from ui.events import ChangeBus
from ui.pages.exchange_page import DAYS_KEY, FOLDER_KEY, ExchangePage
from ui.tasks import Task, TaskState


@dataclass
class World:
    county: Database
    town: Context
    stick: Path
    staff_id: str


@pytest.fixture
def world(db: Database, records: RecordService, tmp_path: Path) -> Iterator[World]:
    records.save(get("units"), {"code": "T01", "name": "城关镇纪委", "unit_type": "township"})
    # The package handed over in memory: its file's scrypt is tested in test_enrolment.py.
    package = enrolment_package(Context.system(db, "admin"), "T01")
    town = init_from_package(tmp_path / "town", None, package, "admin", "secret123")
    town_records = RecordService(Context.system(town.db, "admin"))
    [unit] = [u for u in town_records.ids(get("units")) if town_records.get(get("units"), u)["code"] == "T01"]
    staff = town_records.save(get("staff"), {"name": "王芳", "unit_id": unit, "post": "secretary"})
    stick = tmp_path / "stick"
    stick.mkdir()
    yield World(db, town, stick, staff)
    town.db.close()


def page_for(qtbot: QtBot, db: Database, settings: QSettings) -> ExchangePage:
    page = ExchangePage(Context(db, Actor("admin", "admin")), ChangeBus(), settings)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    return page


def finish(qtbot: QtBot, task: Task | None) -> Task:
    assert task is not None
    qtbot.waitUntil(lambda: task.state is not TaskState.RUNNING, timeout=60_000)
    assert task.state is TaskState.SUCCEEDED, task.error_text
    return task


def test_export_at_the_township_import_at_the_county_then_settle_a_conflict(
    qtbot: QtBot, world: World, settings: QSettings, tmp_path: Path, qtmodeltester: ModelTester
) -> None:
    town_settings = QSettings(str(tmp_path / "town.ini"), QSettings.Format.IniFormat)
    town = page_for(qtbot, world.town.db, town_settings)
    assert not town.is_county and "城关镇纪委" in town.role_label.text()
    town.set_folder(world.stick)
    assert town_settings.value(FOLDER_KEY) == str(world.stick)
    finish(qtbot, town.export())
    [written] = list(world.stick.glob("T01-00001-*.jwb"))
    assert str(written) in town.message_text() and "读回校验无误" in town.message_text()
    assert town.history_model.texts()[0][1] == "发出"

    county = page_for(qtbot, world.county, settings)
    assert county.is_county and county.units_model.texts()[0][0] == "城关镇纪委（T01）"
    assert county.units_model.texts()[0][5] in ("尚未报送", "正常")
    county.set_folder(world.stick)
    finish(qtbot, county.import_all())
    [line] = county.summary_model.texts()
    assert line[0] == written.name and line[1] == "城关镇纪委" and line[2] == "1" and line[3] == "已导入"
    assert int(line[4]) >= 1 and line[6] == "0" and line[7] == "0"
    [unit_line] = county.units_model.texts()
    assert unit_line[2] == "0" and int(unit_line[3]) >= 1 and unit_line[4] == "0" and unit_line[5] == "正常"
    assert [h[1] for h in county.history_model.texts()] == ["收到"]

    # Import again: says already imported, changes nothing.
    finish(qtbot, county.import_all())
    assert county.summary_model.texts()[0][3] == "已导入过"

    # Both sides edit the same person; the township's next bundle opens a conflict at the county.
    RecordService(Context.system(world.town.db, "admin")).save(
        get("staff"), {"phone": "111111", "note": "镇里"}, world.staff_id
    )
    RecordService(Context.system(world.county, "admin")).save(
        get("staff"), {"phone": "222222", "note": "县里"}, world.staff_id
    )
    finish(qtbot, town.export())
    finish(qtbot, county.import_all())
    imported = [r for r in county.summary_model.texts() if r[3] == "已导入"]
    assert imported and imported[0][7] == "1"
    assert county.conflicts_model.rowCount() == 1
    assert (
        county.conflicts_model.texts()[0][1] == "王芳"
        and county.conflicts_model.texts()[0][2] == "城关镇纪委"
    )
    assert county.units_model.texts()[0][4] == "1"

    dialog = county.open_conflict(modal=False)
    assert isinstance(dialog, ConflictDialog)
    qtbot.addWidget(dialog)
    assert set(dialog.radios) == {"phone", "note"}
    assert dialog.radios["phone"][0].text() == "222222" and dialog.radios["phone"][1].text() == "111111"
    # The township owns the person's row: its version stays, and the county may not put its own
    # note on it; settling keeps the owner's version and closes the conflict.
    dialog.choose("phone", "remote")
    dialog.choose("note", "local")
    assert not dialog.save()
    assert "属于单位 T01" in dialog.error_box.text()
    dialog.choose("note", "remote")
    assert dialog.save()
    assert conflict_rows(Context.system(world.county)) == []
    assert county.conflicts_model.rowCount() == 0
    row = RecordService(Context.system(world.county, "admin")).get(get("staff"), world.staff_id)
    assert row["phone"] == "111111" and row["note"] == "镇里"

    for model in (county.summary_model, county.units_model, county.conflicts_model, county.history_model):
        qtmodeltester.check(model)
    town.close()
    county.close()


def test_overdue_units_are_highlighted_and_the_days_remembered(
    qtbot: QtBot, world: World, settings: QSettings
) -> None:
    page = page_for(qtbot, world.county, settings)
    assert page.days_spin.value() == 30
    page.days_spin.setValue(7)
    assert settings.value(DAYS_KEY, type=int) == 7
    assert not page.units_model.tints  # enrolled today: not yet overdue
    page.status["peers"][0]["enrolled_at"] = page.status["peers"][0]["enrolled_at"].replace(year=2000)
    page._fill_units()
    assert page.units_model.tints and page.units_model.texts()[0][5] == "登记后从未报送"
    again = page_for(qtbot, world.county, settings)
    assert again.days_spin.value() == 7


def test_errors_are_shown_and_roles_without_exchange_get_no_page(
    qtbot: QtBot, world: World, settings: QSettings, tmp_path: Path
) -> None:
    with pytest.raises(PermissionDenied):
        ExchangePage(Context(world.county, Actor("clerk", "staff")), ChangeBus(), settings)
    page = page_for(qtbot, world.county, settings)
    page.set_folder(tmp_path / "missing")
    assert page.export(["T01"]) is None
    assert page.error_box is not None and "U 盘" in page.error_box.text()
    empty = tmp_path / "empty"
    empty.mkdir()
    page.set_folder(empty)
    assert page.import_all() is None and "没有其他单位发来的数据包" in page.message_text()
    # The county writes T01's bundle; a foreign file on the stick is refused with its reason.
    page.set_folder(world.stick)
    finish(qtbot, page.export(["T01"]))
    assert list(world.stick.glob("C01-T01-00001-*.jwb"))
    (world.stick / "X09-00001-20260101.jwb").write_bytes(b"not a bundle")
    finish(qtbot, page.import_all())
    [line] = page.summary_model.texts()
    assert line[3] == "拒绝" and line[9]
