"""巡察整改 in the window: a late item shows its days late in the list and is overdue on the
工作台 under the staff member who follows it up."""

from __future__ import annotations

from datetime import date, timedelta

from conftest import Org
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.registers import get
from app.services.records import RecordService
from ui.events import ChangeBus
from ui.pages.home_page import HomePage
from ui.pages.register_page import RegisterPage


def test_a_late_item_is_late_in_its_list_and_on_the_home_page(
    qtbot: QtBot, records: RecordService, bus: ChangeBus, settings: QSettings, org: Org
) -> None:
    today = date.today()
    bureau = records.save(get("supervised_units"), {"group_id": org.units["G01"], "name": "县交通运输局"})
    rid = records.save(get("inspection_rounds"), {"name": "县委第五轮巡察", "unit_id": org.units["G01"],
                                                  "supervised_unit_id": bureau, "feedback_on": today - timedelta(days=70),
                                                  "deadline": today - timedelta(days=12)})  # fmt: skip
    late = records.save(get("inspection_items"), {"round_id": rid, "problem": "工程招投标监管不严",
                                                  "supervisor_id": org.staff["刘洋"]})  # fmt: skip
    page = RegisterPage(records, get("inspection_items"), bus, settings)
    qtbot.addWidget(page)
    page.show()
    row = page.model.row_of(late)
    assert page.model.display_text(row, "days_late") == "12"
    assert page.model.display_text(row, "state") == "整改中"
    opened: list[tuple[str, str]] = []
    home = HomePage(records, bus, settings, lambda reg, rid: opened.append((reg, rid)))
    qtbot.addWidget(home)
    home.show()
    [shown] = [r for r in home.rows() if r[0] == "整改事项"]
    assert shown[1:4] == ["县委第五轮巡察", "县交通运输局", "巡察反馈问题整改"]
    assert shown[6] == "已超期 12 天"
    top = home.tree.topLevelItem(0)
    assert top is not None and top.text(0).startswith("刘洋")
