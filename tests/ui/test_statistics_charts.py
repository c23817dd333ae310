"""The statistics page's charts: the tables' numbers as bars, and a click on a bar opens the same
rows as the number it draws."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.registers import get
from app.services.transitions import Transitions
from tests.ui.conftest import Org, backdate_registry
from tests.ui.test_statistics_page import figures_data, index_of, make_page, wait_figures  # noqa: F401
from ui.dialogs.drill_down import DrillDownDialog
from ui.events import ChangeBus
from ui.pages.statistics_page import VIEW_KEY, StatisticsPage


def _clicked(qtbot: QtBot, page: StatisticsPage, chart: str, set_index: int, index: int) -> DrillDownDialog:
    with qtbot.waitSignal(page.drilled, timeout=5_000) as opened:
        page.charts.bar_clicked(chart, set_index, index)
    dialog = opened.args[0]
    assert isinstance(dialog, DrillDownDialog)
    return dialog


def test_the_charts_show_the_tables_numbers_and_open_the_same_rows(
    qtbot: QtBot,
    db: Database,
    figures_data: Org,  # noqa: F811
    bus: ChangeBus,
    settings: QSettings,
) -> None:
    page = make_page(qtbot, db, bus, settings)
    page.set_period(2021)
    wait_figures(qtbot, page)
    charts = page.charts
    # By unit type: a bar set per form, a bar per unit type with any (乡镇纪委, 派驻纪检监察组).
    types = charts.categories("byType")
    assert types == ["乡镇纪委", "派驻纪检监察组"]
    for t, label in enumerate(types):
        for form in range(4):
            cell = page.by_type.cell(next(r for r in range(page.by_type.rowCount())
                                          if page.by_type.cell(r, 0).text == label), 1 + form)  # fmt: skip
            assert charts.values("byType")[form][t] == cell.value
    # By unit: the units with any, the first form's bars as the table's column.
    units = charts.categories("byUnit")  # from the bottom up: the table's first unit on top
    assert units == [u["name"] for u in page.result["by_unit"] if u["total"]][::-1]  # type: ignore[index]
    for i, name in enumerate(units):
        assert (
            charts.values("byUnit")[0][i]
            == page.by_unit.cell(
                next(r for r in range(page.by_unit.rowCount()) if page.by_unit.cell(r, 0).text == name), 2
            ).value
        )
    # The trend: 2021's quarters; first form Q1 2 (T01 Feb, G01 Mar), Q2 1, Q3 1, Q4 1 = the total 5.
    assert charts.values("trend")[0] == [2, 1, 1, 1]
    assert sum(charts.values("trend")[0]) == page.by_type.cell(page.by_type.rowCount() - 1, 1).value == 5

    # A click on 乡镇纪委's first-form bar opens what double-clicking its number opens.
    index = index_of(page.by_type, "乡镇纪委", 1)
    table_dialog = page.open_drill(index)
    assert table_dialog is not None
    bar_dialog = _clicked(qtbot, page, "byType", 0, types.index("乡镇纪委"))
    assert bar_dialog.ids == table_dialog.ids and len(bar_dialog.ids) == 3
    assert bar_dialog.reg.name == "dispositions"
    # A unit's bar, and a quarter of the trend (its own days): Q1's first form is 2 measures.
    unit_index = index_of(page.by_unit, units[0], 2)
    assert _clicked(qtbot, page, "byUnit", 0, 0).ids == page.open_drill(unit_index).ids  # type: ignore[union-attr]
    q1 = _clicked(qtbot, page, "trend", 0, 0)
    assert len(q1.ids) == 2
    # The keyboard: Right onto 派驻纪检监察组's first-form bar, Enter opens its rows.
    view = charts.views["byType"]
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)  # first press: the first bar
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert charts.current["byType"] == (0, 1)
    assert view.toolTip().endswith("派驻纪检监察组 · 第一种形态：2")
    with qtbot.waitSignal(page.drilled, timeout=5_000) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    by_key = opened.args[0]
    assert by_key.ids == page.open_drill(index_of(page.by_type, "派驻纪检监察组", 1)).ids  # type: ignore[union-attr]
    for d in (table_dialog, bar_dialog, q1, by_key):
        d.close()


def test_residency_by_township_and_the_remembered_tab(
    qtbot: QtBot, db: Database, org: Org, bus: ChangeBus, settings: QSettings
) -> None:
    records = org.records
    village = records.save(get("villages"), {"township_id": org.units["T01"], "name": "东湾村"})
    records.save(get("villages"), {"township_id": org.units["T01"], "name": "西岭村"})
    backdate_registry(records)  # there in 2021, whatever today's date is
    vid = records.save(
        get("visits"),
        {"village_id": village, "unit_id": org.units["T01"], "planned_on": date(2021, 5, 8)},
        confirmed=True,
    )
    Transitions(records).apply(get("visits"), vid, "record", {"visited_on": date(2021, 5, 8), "matters": "村务公开"},
                               "录入纸质记录表")  # fmt: skip
    page = make_page(qtbot, db, bus, settings)
    page.set_period(2021, 2)
    wait_figures(qtbot, page)
    assert page.charts.values("coverage") == [[50.0]]  # 1 of 2 villages in the quarter
    dialog = _clicked(qtbot, page, "coverage", 0, 0)
    assert dialog.reg.name == "visits" and dialog.ids == [vid]
    dialog.close()
    page.tabs.setCurrentIndex(1)
    assert int(settings.value(VIEW_KEY)) == 1  # type: ignore[call-overload]
    again = make_page(qtbot, db, bus, settings)
    assert again.tabs.currentWidget() is again.charts
