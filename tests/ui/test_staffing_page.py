"""StaffingPage: the seed's section 一 read back from registers, refresh on change, export."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.context import Changes, Context
from app.db.database import Database
from app.registers import get
from app.services.records import RecordService
from app.services.staffing import StaffingRow, TownshipTotals
from tests.ui.conftest import Org
from ui.events import ChangeBus
from ui.pages.staffing_page import StaffingPage, StaffingTableModel
from ui.tasks import TaskState

COLUMNS = [
    "单位类型",
    "单位数",
    "核定编制",
    "实际配备",
    "空缺",
    "专职",
    "专职占比",
    "兼监察员/监察员",
    "挂职",
    "书记/组长",
]


def seed_county(records: RecordService) -> Org:
    """The seed's section 一: 8 township commissions (5 posts, 书记 副书记 3 委员 of whom 2 are also
    监察员; only the secretaries full-time) and 10 dispatched groups (3 posts, 29 people)."""
    o = Org(records)
    for i in range(1, 9):
        code = f"T{i:02d}"
        o.unit(code, f"第{i}乡镇纪委", "township", 5)
        o.person(f"书记{i}", code, "secretary", full_time=True)
        o.person(f"副书记{i}", code, "deputy_secretary")
        for j in range(3):
            o.person(f"委员{i}-{j}", code, "member", also_inspector=j < 2)
        objects = 335 if i == 8 else 331
        members = 923 if i == 8 else 921
        records.save(
            get("township_stats"),
            {
                "township_id": o.units[code],
                "year": 2022,
                "supervision_objects": objects,
                "party_members": members,
            },
        )
    for i in range(1, 11):
        code = f"G{i:02d}"
        o.unit(code, f"第{i}派驻纪检监察组", "group", 3)
        o.person(f"组长{i}", code, "group_leader", full_time=True)
        o.person(
            f"副组长{i}",
            code,
            "deputy_leader",
            seconded=i == 1,
            seconded_from="县财政局",
            secondment_start="2022-01-01",
        )
        if i != 10:  # one vacancy
            o.person(f"组员{i}", code, "group_member")
    return o


@pytest.fixture
def page(qtbot: QtBot, db: Database, bus: ChangeBus, settings: QSettings) -> StaffingPage:
    p = StaffingPage(Context.system(db, "admin"), bus, settings)
    qtbot.addWidget(p)
    p.resize(1000, 600)
    p.show()
    qtbot.waitExposed(p)
    return p


def test_the_seed_figures_are_readable(
    qtbot: QtBot, records: RecordService, db: Database, bus: ChangeBus, settings: QSettings
) -> None:
    seed_county(records)
    page = StaffingPage(Context.system(db, "admin"), bus, settings)
    qtbot.addWidget(page)
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    assert headers == COLUMNS
    rows = {r[0]: r for r in page.row_texts()}
    assert rows["乡镇纪委"] == ["乡镇纪委", "8", "40", "40", "0", "8", "20.00%", "16", "0", "8"]
    assert rows["派驻纪检监察组"] == ["派驻纪检监察组", "10", "30", "29", "1", "10", "34.48%", "0", "1", "10"]
    assert page.row_texts()[-1][0] == "合计"
    assert "乡镇纪委 8 个，核定编制 40 名，实际配备 40 名，其中专职 8 名" in page.reading.text()
    assert "派驻纪检监察组 10 个，核定编制 30 名，实际配备 29 名" in page.reading.text()
    assert page.year_combo.currentData() == 2022
    assert page.totals_values() == {
        "year": 2022,
        "townships": 8,
        "supervision_objects": 2652,
        "party_members": 7370,
    }
    assert page.objects_label.text().replace(",", "") == "2652 人"
    assert page.members_label.text().replace(",", "") == "7370 名"


def test_refreshes_when_staff_change(
    qtbot: QtBot, page: StaffingPage, records: RecordService, org: Org
) -> None:
    page.refresh()
    rows = {r[0]: r for r in page.row_texts()}
    assert rows["乡镇纪委"][1:6] == ["2", "10", "3", "7", "2"]
    org.person("陈静", "T02", "inspector")
    with qtbot.waitSignal(page.refreshed):
        page.bus.changed.emit(Changes.of("staff"))
    rows = {r[0]: r for r in page.row_texts()}
    assert rows["乡镇纪委"][1:8] == ["2", "10", "4", "6", "2", "50.00%", "2"]
    with qtbot.assertNotEmitted(page.refreshed):
        page.bus.changed.emit(Changes.of("villages"))


def test_years_and_totals(
    qtbot: QtBot, page: StaffingPage, records: RecordService, org: Org, settings: QSettings
) -> None:
    assert page.totals_values() == {}
    assert not page.year_combo.isEnabled()
    assert page.objects_label.text() == "—"
    stats = get("township_stats")
    records.save(
        stats,
        {"township_id": org.units["T01"], "year": 2021, "supervision_objects": 100, "party_members": 300},
    )
    records.save(
        stats,
        {"township_id": org.units["T01"], "year": 2022, "supervision_objects": 110, "party_members": 310},
    )
    records.save(
        stats,
        {"township_id": org.units["T02"], "year": 2022, "supervision_objects": 90, "party_members": 200},
    )
    with qtbot.waitSignal(page.refreshed):
        page.bus.changed.emit(Changes.of("township_year_stats"))
    assert [page.year_combo.itemData(i) for i in range(page.year_combo.count())] == [2022, 2021]
    assert page.totals_values()["supervision_objects"] == 200
    page.year_combo.setCurrentIndex(1)
    assert page.totals_values() == {
        "year": 2021,
        "townships": 1,
        "supervision_objects": 100,
        "party_members": 300,
    }
    assert settings.value("pages/staffing/year") in (2021, "2021")


def test_export_writes_the_summary(
    qtbot: QtBot, page: StaffingPage, records: RecordService, org: Org, tmp_path: Path
) -> None:
    records.save(
        get("township_stats"),
        {"township_id": org.units["T01"], "year": 2022, "supervision_objects": 300, "party_members": 900},
    )
    page.refresh()
    target = tmp_path / "编制.xlsx"
    page.ask_export_path = lambda: target  # type: ignore[method-assign]
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    with qtbot.waitSignal(page.exported, timeout=10_000):
        qtbot.keyClick(page, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert page.last_task is not None and page.last_task.state is TaskState.SUCCEEDED
    ws = openpyxl.load_workbook(target).active
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    assert rows[0] == COLUMNS
    township = next(r for r in rows if r[0] == "乡镇纪委")
    assert township[1:6] == [2, 10, 3, 7, 2]
    assert township[6] == pytest.approx(0.6667)
    assert ws.cell(rows.index(township) + 1, 7).number_format == "0.00%"
    total = next(r for r in rows if r[0] == "合计")
    assert total[1:4] == [4, 13, 4]
    flat = [v for r in rows for v in r if v is not None]
    assert "乡镇监察对象与党员（2022 年）" in flat
    assert next(r[:2] for r in rows if r[0] == "监察对象") == ["监察对象", 300]
    assert "已导出到" in page.status_label.text()


class FixedSource:
    """Any object with summary/totals/years can feed the page."""

    def summary(self) -> list[StaffingRow]:
        return [StaffingRow("township", "乡镇纪委", 1, 5, 4, 1, 1, 2, 0, 1)]

    def totals(self, year: int) -> TownshipTotals:
        return TownshipTotals(year, 1, 10, 20)

    def years(self) -> list[int]:
        return [2023]


def test_a_plain_source_and_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, bus: ChangeBus, settings: QSettings
) -> None:
    page = StaffingPage(FixedSource(), bus, settings)
    qtbot.addWidget(page)
    assert page.row_texts()[0] == ["乡镇纪委", "1", "5", "4", "1", "1", "25.00%", "2", "0", "1"]
    assert page.totals_values()["party_members"] == 20
    qtmodeltester.check(page.model)
    empty = StaffingTableModel()
    qtmodeltester.check(empty)
