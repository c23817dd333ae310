"""驻村（驻在）覆盖: the year grid (未驻 in a past quarter, 已驻 and 已安排 with dates), its totals,
the export, the model's consistency; the quarter plan dialog; the home page's panel of this
quarter's missing villages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import Org, backdate_registry
from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import QComboBox, QDateEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.registers import get
from app.services.records import RecordService
from app.services.transitions import Transitions
from ui.dialogs.drill_down import DrillDownDialog
from ui.dialogs.plan_dialog import PlanDialog, default_quarter
from ui.dialogs.record_form import RecordForm
from ui.events import ChangeBus
from ui.pages.coverage_page import FIXED_COLUMNS, STATUS_ROLE, CoveragePage
from ui.pages.home_page import HomePage

VISITS = get("visits")
TODAY = date(2026, 11, 27)  # 2026Q4, more than half gone


@pytest.fixture
def villages(org: Org, records: RecordService) -> dict[str, str]:
    t1, t2 = org.units["T01"], org.units["T02"]
    out = {
        name: records.save(get("villages"), {"township_id": unit, "name": name})
        for unit, name in ((t1, "东湾村"), (t1, "西岭村"), (t1, "南塘村"), (t2, "河口村"))
    }
    out["财政局"] = records.save(get("supervised_units"), {"group_id": org.units["G01"], "name": "财政局"})
    backdate_registry(records)
    return out


def visit(records: RecordService, org: Org, village: str, planned: date, unit: str = "T01") -> str:
    return records.save(VISITS, {"unit_id": org.units[unit], "village_id": village, "planned_on": planned,
                                 "lead_id": org.staff["李强"]})  # fmt: skip


@pytest.fixture
def year_data(org: Org, records: RecordService, villages: dict[str, str]) -> dict[str, str]:
    """西岭村 visited in Q2 and Q4, 南塘村 planned in December, 东湾村 never visited."""
    q2 = visit(records, org, villages["西岭村"], date(2026, 5, 12))
    q4 = visit(records, org, villages["西岭村"], date(2026, 10, 9))
    for vid, day in ((q2, date(2026, 5, 12)), (q4, date(2026, 10, 9))):
        Transitions(records).apply(VISITS, vid, "record", {"visited_on": day, "matters": "村务公开"}, "录入")
    planned = visit(records, org, villages["南塘村"], date(2026, 12, 8))
    return {"q2": q2, "q4": q4, "planned": planned}


@pytest.fixture
def page(qtbot: QtBot, records: RecordService, bus: ChangeBus, settings: QSettings) -> CoveragePage:
    p = CoveragePage(records, bus, settings, today=lambda: TODAY)
    qtbot.addWidget(p)
    p.resize(1000, 640)
    p.show()
    return p


def test_the_grid_shows_each_village_by_quarter(
    qtbot: QtBot, org: Org, year_data: dict[str, str], page: CoveragePage
) -> None:
    page.set_choice(year=2026)
    page.refresh()
    assert page.cell_text_at("东湾村", 1) == "未驻"  # a past quarter with no visit
    assert page.cell_text_at("东湾村", 4) == "未安排"  # this quarter, nothing planned
    assert page.cell_text_at("西岭村", 2) == "已驻 05-12"
    assert page.cell_text_at("西岭村", 4) == "已驻 10-09"
    assert page.cell_text_at("南塘村", 4) == "已安排 12-08"
    assert page.cell_text_at("财政局", 3) == "未驻"
    row = page.row_of("东湾村")
    assert page.model.index(row, FIXED_COLUMNS).data(STATUS_ROLE) == "missed"
    # Grouped by unit: the unit's name on its first row only.
    texts = page.model.texts()
    assert [t[0] for t in texts].count("城关镇纪委") == 1
    q4 = page.total_labels[3].text()
    assert q4 == "2 乡镇 4 村、1 派驻组 1 单位：已驻 1，已安排 1，未安排 3"
    assert page.total_labels[0].text().endswith("未驻 5")

    # One township only; the choice is remembered.
    page.set_choice(unit_id=org.units["T02"])
    assert [r.target_name for r in page.model.rows] == ["河口村"]
    again = CoveragePage(page.records, page.bus, page.settings, today=lambda: TODAY)
    qtbot.addWidget(again)
    assert again.unit_id() == org.units["T02"] and again.year() == 2026

    # A ledger instead of visits.
    page.set_choice(unit_id="", what="signoff")
    assert page.cell_text_at("东湾村", 1) == "未报" and page.cell_text_at("东湾村", 4) == "待报"
    # A ledger checks each township's own 党委 too: its row comes first among the township's.
    assert page.row_of("城关镇党委") < page.row_of("东湾村") and page.cell_text_at("河口乡党委", 1) == "未报"
    assert page.total_labels[0].text().startswith("2 乡镇党委、2 乡镇 4 村、1 派驻组 1 单位：")


def test_double_click_opens_the_visits_or_offers_a_plan(
    qtbot: QtBot, year_data: dict[str, str], page: CoveragePage
) -> None:
    page.set_choice(year=2026)
    dialog = page.open_cell(page.model.index(page.row_of("西岭村"), FIXED_COLUMNS + 1))
    assert isinstance(dialog, DrillDownDialog) and dialog.ids == [year_data["q2"]]
    dialog.close()
    asked: list[str] = []
    page.confirm = lambda _title, text, _action: asked.append(text) or True  # type: ignore[method-assign]
    form = page.open_cell(page.model.index(page.row_of("东湾村"), FIXED_COLUMNS + 3))
    assert isinstance(form, RecordForm) and "东湾村" in asked[0]
    assert form.value("village_id") and str(form.value("planned_on")) >= "2026-11-27"
    form.close()


def test_the_grid_exports_to_xlsx(
    qtbot: QtBot, year_data: dict[str, str], page: CoveragePage, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    page.set_choice(year=2026)
    path = tmp_path / "coverage.xlsx"
    with qtbot.waitSignal(page.exported, timeout=10_000):
        page.export_to(path)
    ws = load_workbook(path).active
    assert ws is not None
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    assert rows[0][0] == "2026 年驻村（驻在）覆盖情况"
    assert rows[1][:3] == ["单位", "村（社区）/ 被监督单位", "第一季度"]
    by_target = {r[1]: r for r in rows[2:] if r[1]}
    assert by_target["东湾村"][2] == "未驻" and by_target["西岭村"][3] == "已驻 05-12"
    assert rows[-1][0] == "合计" and "未驻 5" in rows[-1][2]
    assert ws.cell(3, 3).fill.fgColor.rgb.endswith("EF9A9A")  # 未驻 in red


def test_the_model_is_consistent(
    qtmodeltester: ModelTester, year_data: dict[str, str], page: CoveragePage
) -> None:
    page.set_choice(year=2026)
    qtmodeltester.check(page.model)


def test_the_plan_dialog_proposes_every_village_and_saves_them(
    qtbot: QtBot, records: RecordService, settings: QSettings, org: Org, villages: dict[str, str]
) -> None:
    assert default_quarter(TODAY) == "2027Q1" and default_quarter(date(2026, 10, 20)) == "2026Q4"
    dialog = PlanDialog(records, settings, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.quarter() == "2027Q1"
    dialog.set_choice(unit_id=org.units["T01"])
    proposed = sorted(p.target_name for p in dialog.edited())
    assert proposed == ["东湾村", "南塘村", "西岭村"]
    # Move the first visit to a Monday with another one: the calendar follows.
    day = dialog.table.cellWidget(0, 1)
    assert isinstance(day, QDateEdit)
    other = dialog.edited()[1].planned_on
    day.setDate(QDate(other.year, other.month, other.day))
    assert "2 处" in dialog.calendar_text(other)
    # Remove the last row, swap the first row's two people.
    dialog.table.selectRow(2)
    dialog.remove_selected()
    lead, member = dialog.table.cellWidget(0, 2), dialog.table.cellWidget(0, 3)
    assert isinstance(lead, QComboBox) and isinstance(member, QComboBox)
    first_lead = lead.currentData()
    lead.setCurrentIndex(member.currentIndex())
    assert not dialog.save() and "同一人" in dialog.message.text()
    member.setCurrentIndex(member.findData(first_lead))
    with qtbot.waitSignal(dialog.saved) as saved:
        assert dialog.save()
    ids = saved.args[0] if saved.args else []
    assert len(ids) == 2
    stored = [records.get(VISITS, i) for i in ids]
    assert all(v["quarter"] == "2027Q1" and v["state"] == "planned" for v in stored)
    assert stored[0]["planned_on"] == other and stored[0]["member_id"] == first_lead
    # The choice is remembered; what is planned is not proposed again.
    again = PlanDialog(records, settings, today=lambda: TODAY)
    qtbot.addWidget(again)
    assert again.quarter() == "2027Q1" and again.unit_id() == org.units["T01"]
    assert len(again.edited()) == 1


def test_the_plan_calendar_marks_holidays_and_proposes_none(
    qtbot: QtBot, records: RecordService, settings: QSettings, org: Org, villages: dict[str, str]
) -> None:
    from app.services import workdays
    from ui.dialogs.plan_dialog import HOLIDAY, WORKED

    dialog = PlanDialog(records, settings, unit_id=org.units["T01"], today=lambda: date(2024, 8, 20))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.quarter() == "2024Q4"
    assert dialog.calendar_text(date(2024, 10, 1)).startswith("10-1 休 国庆节")
    assert dialog.calendar_text(date(2024, 10, 12)).startswith("10-12 班")  # the 调休 Saturday
    sunday = dialog.calendar_text(date(2024, 10, 13))
    assert sunday.startswith("10-13") and "班" not in sunday and "休" not in sunday  # a plain weekend day
    first = date(2024, 9, 30)  # the Monday the calendar's first week starts on
    held = dialog.calendar.item(0, 3)  # Thursday 3 October
    worked = dialog.calendar.item((date(2024, 10, 12) - first).days // 7, 5)
    assert held is not None and worked is not None
    assert held.background().color() == HOLIDAY and "国庆节放假" in held.toolTip()
    assert worked.foreground().color() == WORKED and "国庆节调休上班" in worked.toolTip()
    assert dialog.calendar_note.isHidden()
    # The proposals fall on working days only.
    assert all(workdays.is_working_day(None, p.planned_on) for p in dialog.edited())
    assert not any(date(2024, 10, 1) <= p.planned_on <= date(2024, 10, 7) for p in dialog.edited())

    # A year without a holiday calendar is said under the calendar until the county enters it.
    year = max(workdays.library_years()) + 1
    later = PlanDialog(records, settings, unit_id=org.units["T01"], today=lambda: date(year, 1, 10))
    qtbot.addWidget(later)
    later.show()
    assert later.quarter() == f"{year}Q1"
    assert (
        f"{year} 年的节假日安排尚未录入" in later.calendar_note.text() and not later.calendar_note.isHidden()
    )
    records.save(get("calendar_days"), {"day": date(year, 1, 1), "working": False, "name": "元旦"})
    again = PlanDialog(records, settings, unit_id=org.units["T01"], today=lambda: date(year, 1, 10))
    qtbot.addWidget(again)
    again.show()
    assert again.calendar_text(date(year, 1, 1)).startswith("1-1 休 元旦")
    assert again.calendar_note.isHidden()


def test_the_home_page_lists_this_quarters_missing_villages(
    qtbot: QtBot, records: RecordService, bus: ChangeBus, settings: QSettings, year_data: dict[str, str]
) -> None:
    opened: list[tuple[str, str]] = []
    coverage: list[bool] = []
    home = HomePage(records, bus, settings, lambda reg, rid: opened.append((reg, rid)), today=lambda: TODAY,
                    open_coverage=lambda: coverage.append(True))  # fmt: skip
    qtbot.addWidget(home)
    home.show()
    rows = {r[1]: r for r in home.missing_rows()}
    assert set(rows) == {"东湾村", "南塘村", "河口村", "财政局"}  # 西岭村 was visited in Q4
    assert rows["南塘村"][2] == "2026-12-08" and rows["东湾村"][2] == "未安排"
    assert "3 个村（社区）、1 个被监督单位" in home.missing_heading.text()
    tree = home.missing_tree
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        assert item is not None
        tree.itemActivated.emit(item, 0)
    assert opened == [("visits", year_data["planned"])] and len(coverage) == 3
