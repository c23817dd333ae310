"""StatisticsPage: figures for the data added, the period choosers, drill-down to the rows, export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.context import Changes, Context
from app.db.database import Database
from app.registers import get
from app.security.roles import Actor
from app.services.records import RecordService
from tests.ui.conftest import Org
from ui.dialogs.drill_down import DrillDownDialog, FixedRecordModel
from ui.events import ChangeBus
from ui.pages.statistics_page import DRILL_ROLE, Cell, Drill, FigureTableModel, StatisticsPage
from ui.tasks import TaskState

ADMIN = Actor("admin", "admin")


def add_disposition(records: RecordService, unit: str, day: date, form: str = "1", **values: object) -> str:
    kind, measure = {"1": ("reminder", "提醒谈话"), "2": ("organisational", "调整职务"),
                     "3": ("organisational", "降职"), "4": ("prosecution", "移送检察机关审查起诉")}[form]  # fmt: skip
    return records.save(
        get("dispositions"),
        {"person_name": "干部", "kind": kind, "measure": measure, "decided_on": day, "handling_unit_id": unit,
         **values},
    )  # fmt: skip


@pytest.fixture
def figures_data(records: RecordService, org: Org) -> Org:
    """2021: first form 5 (T01 2, T02 1, G01 2), second form 1 (T01); 2022: first form 1 (T01);
    three clues in 2021 (2 inspection, 1 petition)."""
    for day in (date(2021, 2, 1), date(2021, 5, 1)):
        add_disposition(records, org.units["T01"], day)
    add_disposition(records, org.units["T02"], date(2021, 8, 1))
    add_disposition(records, org.units["G01"], date(2021, 3, 3))
    add_disposition(records, org.units["G01"], date(2021, 11, 3))
    add_disposition(records, org.units["T01"], date(2021, 6, 6), form="2")
    add_disposition(records, org.units["T01"], date(2022, 1, 6))
    for day, source in (
        (date(2021, 1, 9), "inspection"),
        (date(2021, 4, 9), "inspection"),
        (date(2021, 4, 10), "petition"),
    ):
        records.save(
            get("clues"),
            {"source": source, "received_on": day, "subject_name": f"对象{day.month}{day.day}",
             "handling_unit_id": org.units["G01"]},
            confirmed=True,
        )  # fmt: skip
    return org


def make_page(qtbot: QtBot, db: Database, bus: ChangeBus, settings: QSettings) -> StatisticsPage:
    page = StatisticsPage(Context(db, ADMIN), bus, settings)
    qtbot.addWidget(page)
    wait_figures(qtbot, page)
    return page


def wait_figures(qtbot: QtBot, page: StatisticsPage) -> None:
    task = page.last_task
    assert task is not None
    qtbot.waitUntil(lambda: task.state is not TaskState.RUNNING, timeout=10_000)
    assert task.state is TaskState.SUCCEEDED, task.error_text
    assert page.result is not None


def index_of(model: FigureTableModel, row_label: str, column: int) -> QModelIndex:
    for row in range(model.rowCount()):
        if model.cell(row, 0).text.strip() == row_label:
            return model.index(row, column)
    raise KeyError(row_label)


def test_the_page_shows_the_figures_of_the_year(
    qtbot: QtBot, db: Database, figures_data: Org, bus: ChangeBus, settings: QSettings
) -> None:
    page = make_page(qtbot, db, bus, settings)
    page.set_period(2021)
    wait_figures(qtbot, page)
    assert page.number("first_form_total") == "5"
    assert page.number("first_form_by_township_commissions") == "3"
    assert page.number("first_form_township_share") == "60.00%"
    assert page.number("inspection_clues_transferred") == "2"
    assert page.by_type.texts()[-1][:6] == ["合计", "5", "1", "0", "0", "6"]
    township = index_of(page.by_type, "乡镇纪委", 1)
    assert township.data() == "3"
    units = {line[0]: line for line in page.by_unit.texts()}
    assert units["城关镇纪委"][1:] == ["乡镇纪委", "2", "1", "0", "0", "3"]
    assert units["第一派驻纪检监察组"][-1] == "2"
    sources = {line[0]: line[1] for line in page.by_source.texts()}
    assert sources["巡察移交"] == "2" and sources["信访举报"] == "1" and sources["合计"] == "3"
    disposals = {line[0]: line[1] for line in page.by_disposal.texts()}
    assert disposals["未处置"] == "3"
    # Another year, a quarter, every year.
    page.set_period(2022)
    wait_figures(qtbot, page)
    assert page.number("first_form_total") == "1"
    assert page.number("first_form_township_share") == "100.00%"
    page.set_period(2021, 1)
    wait_figures(qtbot, page)
    assert page.number("first_form_total") == "2"  # T01 in February, G01 in March
    assert page.number("first_form_township_share") == "50.00%"
    page.set_period(None)
    wait_figures(qtbot, page)
    assert page.number("first_form_total") == "6"
    assert not page.quarter_combo.isEnabled()
    assert page.rule_label.text().startswith("计数口径：同一人在同一决定中受到多项处理的计一人次")
    # A range of days: 2021-05-01 to 2022-01-06 holds T01 (May), T02, G01 (November), T01 (2022).
    page.set_range(date(2021, 5, 1), date(2022, 1, 6))
    wait_figures(qtbot, page)
    assert page.range_box.isVisible() or not page.isVisible()
    assert page.number("first_form_total") == "4"
    assert page.period_text() == "2021-05-01 至 2022-01-06"
    assert settings.value("pages/statistics/year") == "range"
    assert settings.value("pages/statistics/from") == "2021-05-01"
    again = make_page(qtbot, db, bus, settings)  # the range is remembered
    assert again.in_range_mode() and again.selected_range() == (date(2021, 5, 1), date(2022, 1, 6))
    assert again.number("first_form_total") == "4"
    drilled = page.open_drill(index_of(page.headline, "运用第一种形态（人次）", 1))
    assert drilled is not None and "2021-05-01 至 2022-01-06" in drilled.windowTitle()
    assert len(drilled.ids) == 4
    drilled.close()
    # A range that ends before it starts says so and keeps the figures it had.
    task = page.last_task
    page.to_field.set_value("2021-01-01")
    page._range_changed()
    assert page.range_error.text() == "截止日期不能早于起始日期。"
    assert page.last_task is task


def test_choosing_a_year_in_the_combo_changes_the_figures_and_is_remembered(
    qtbot: QtBot, db: Database, figures_data: Org, bus: ChangeBus, settings: QSettings
) -> None:
    page = make_page(qtbot, db, bus, settings)
    years = [page.year_combo.itemData(i) for i in range(page.year_combo.count())]
    assert years[-2:] == ["all", "range"] and 2021 in years and 2022 in years and date.today().year in years
    assert page.year_combo.itemText(page.year_combo.count() - 2) == "全部年度"
    assert page.year_combo.itemText(page.year_combo.count() - 1) == "日期范围…"
    assert [page.quarter_combo.itemText(i) for i in range(5)] == [
        "全年",
        "第一季度",
        "第二季度",
        "第三季度",
        "第四季度",
    ]
    page.year_combo.setCurrentIndex(page.year_combo.findData(2021))
    wait_figures(qtbot, page)
    assert page.result is not None and page.result["year"] == 2021
    assert page.number("first_form_total") == "5"
    page.quarter_combo.setCurrentIndex(2)  # 第二季度
    wait_figures(qtbot, page)
    assert page.number("first_form_total") == "1"
    assert page.period_text() == "2021年第二季度"
    again = make_page(qtbot, db, bus, settings)
    assert again.selected_year() == 2021 and again.selected_quarter() == 2
    assert again.number("first_form_total") == "1"


def test_a_change_reads_the_figures_again(
    qtbot: QtBot, db: Database, records: RecordService, figures_data: Org, bus: ChangeBus, settings: QSettings
) -> None:
    page = make_page(qtbot, db, bus, settings)
    page.show()
    page.set_period(2021)
    wait_figures(qtbot, page)
    add_disposition(records, figures_data.units["T02"], date(2021, 9, 9))
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        bus.changed.emit(Changes.of("dispositions"))
    assert page.number("first_form_total") == "6"
    assert page.number("first_form_by_township_commissions") == "4"


@pytest.mark.parametrize(
    ("table", "row", "column", "register"),
    [
        ("headline", "运用第一种形态（人次）", 1, "dispositions"),
        ("headline", "其中乡镇纪委（人次）", 1, "dispositions"),
        ("headline", "巡察移交线索（件）", 1, "clues"),
        ("by_type", "乡镇纪委", 1, "dispositions"),
        ("by_type", "合计", 5, "dispositions"),
        ("by_unit", "城关镇纪委", 6, "dispositions"),
        ("by_source", "巡察移交", 1, "clues"),
        ("by_disposal", "合计", 1, "clues"),
    ],
)
def test_double_click_opens_the_rows_behind_a_number(
    qtbot: QtBot,
    db: Database,
    figures_data: Org,
    bus: ChangeBus,
    settings: QSettings,
    table: str,
    row: str,
    column: int,
    register: str,
) -> None:
    page = make_page(qtbot, db, bus, settings)
    page.set_period(2021)
    wait_figures(qtbot, page)
    page.resize(1400, 1000)
    page.show()
    qtbot.waitExposed(page)
    model = getattr(page, table)
    index = index_of(model, row, column)
    number = int(index.data().rstrip("%"))
    view = next(v for v in page.views.values() if v.model() is model)
    view.scrollTo(index)
    rect = view.visualRect(index)
    assert view.viewport().rect().contains(rect.center())
    with qtbot.waitSignal(page.drilled, timeout=5_000) as opened:
        # A real double-click: press and release first (Qt's item views want the pressed index).
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = opened.args[0]
    assert isinstance(dialog, DrillDownDialog)
    assert dialog.reg.name == register
    assert dialog.row_count() == number > 0
    assert f"共 {number} 条" in dialog.summary.text()
    dialog.close()


def test_enter_opens_the_rows_and_a_label_opens_nothing(
    qtbot: QtBot, db: Database, figures_data: Org, bus: ChangeBus, settings: QSettings
) -> None:
    page = make_page(qtbot, db, bus, settings)
    page.set_period(2021)
    wait_figures(qtbot, page)
    page.show()
    view = page.views["headline"]
    view.setCurrentIndex(page.headline.index(0, 0))
    assert page.open_drill(page.headline.index(0, 0)) is None
    view.setCurrentIndex(page.headline.index(0, 1))
    with qtbot.waitSignal(page.drilled, timeout=5_000) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    dialog = opened.args[0]
    assert dialog.row_count() == 5
    texts = [dialog.model.display_text(r, "decided_on") for r in range(dialog.row_count())]
    assert texts == sorted(texts) and all(t.startswith("2021-") for t in texts)
    assert "2021 年" in dialog.windowTitle()
    dialog.close()


def test_the_drill_down_export(
    qtbot: QtBot, db: Database, figures_data: Org, bus: ChangeBus, settings: QSettings, tmp_path: Path
) -> None:
    page = make_page(qtbot, db, bus, settings)
    page.set_period(2021)
    wait_figures(qtbot, page)
    dialog = page.open_drill(index_of(page.by_source, "巡察移交", 1))
    assert dialog is not None
    path = tmp_path / "明细.xlsx"
    task = dialog.export_to(path)
    qtbot.waitUntil(lambda: task.state is not TaskState.RUNNING, timeout=10_000)
    assert task.state is TaskState.SUCCEEDED
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    rows = list(ws.iter_rows(values_only=True))
    assert len(rows) == 1 + 2
    assert "巡察移交" in rows[1]
    dialog.close()


def test_the_page_exports_its_figures(
    qtbot: QtBot, db: Database, figures_data: Org, bus: ChangeBus, settings: QSettings, tmp_path: Path
) -> None:
    page = make_page(qtbot, db, bus, settings)
    page.set_period(2021)
    wait_figures(qtbot, page)
    path = tmp_path / "统计.xlsx"
    with qtbot.waitSignal(page.exported, timeout=10_000):
        page.export_to(path)
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    values = [row for row in ws.iter_rows(values_only=True)]
    assert values[0][0] == "统计分析　2021 年"
    flat = [v for row in values for v in row if v is not None]
    assert "运用第一种形态（人次）" in flat
    share_row = next(row for row in values if row[0] == "乡镇纪委占比")
    assert share_row[1] == pytest.approx(0.6)
    assert settings.value("export/last_dir") == str(tmp_path)


def test_the_models_pass_the_qt_model_tester(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    db: Database,
    records: RecordService,
    figures_data: Org,
    bus: ChangeBus,
    settings: QSettings,
) -> None:
    page = make_page(qtbot, db, bus, settings)
    page.set_period(2021)
    wait_figures(qtbot, page)
    for model in (page.headline, page.by_type, page.by_unit, page.by_source, page.by_disposal,
                  page.inspection, page.co_reviews):  # fmt: skip
        qtmodeltester.check(model)
    empty = FigureTableModel()
    qtmodeltester.check(empty)
    small = FigureTableModel()
    small.set_table(["a", "b"], [[Cell("x"), Cell("1", 1, Drill("co_reviews"), True)]])
    qtmodeltester.check(small)
    assert small.index(0, 1).data(DRILL_ROLE) == Drill("co_reviews")
    ids = records.ids(get("dispositions"))
    fixed = FixedRecordModel(records, get("dispositions"), ids[:3])
    qtmodeltester.check(fixed)
    assert fixed.rowCount() == 3
    qtmodeltester.check(FixedRecordModel(records, get("dispositions"), []))


def test_the_page_writes_the_work_report_of_a_range(
    qtbot: QtBot, db: Database, figures_data: Org, bus: ChangeBus, settings: QSettings, tmp_path: Path
) -> None:
    import docx

    from ui.dialogs.work_report import WorkReportDialog

    page = make_page(qtbot, db, bus, settings)
    assert page.act_report.isEnabled()
    page.set_period(2021)
    wait_figures(qtbot, page)
    assert page.report_range() == (date(2021, 1, 1), date(2021, 12, 31))
    dialog = WorkReportDialog(page, date(2021, 12, 31), date(2021, 1, 1))
    qtbot.addWidget(dialog)
    assert dialog.error.text() == "截止日期不能早于起始日期。"
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.from_field.set_value("2021-13-01")
    assert "2022-09-30" in dialog.error.text()
    dialog.from_field.set_value(date(2021, 1, 1))
    dialog.to_field.set_value(date(2021, 12, 31))
    assert dialog.error.text() == "" and dialog.range() == (date(2021, 1, 1), date(2021, 12, 31))
    path = tmp_path / "工作报告.docx"
    with qtbot.waitSignal(page.reported, timeout=20_000):
        page.write_work_report(date(2021, 1, 1), date(2021, 12, 31), path)
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "2021年，共运用“第一种形态”处理党员干部5人次，其中各乡镇纪委3人次，占比60.00%" in text
    assert str(path) in page.status_label.text()
    reader = StatisticsPage(Context(db, Actor("reader", "readonly")), bus, settings)
    qtbot.addWidget(reader)
    assert not reader.act_report.isEnabled()
