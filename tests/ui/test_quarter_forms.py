"""One way to write a quarter in the window: every quarter the coverage page, the duty page, the
statistics period, the 工作台 and the plan dialog show is written 2026年第四季度 (or 第四季度 in a
year's table), never 2026Q4, 2026 年第4季度 or 四季度; and coverage tells the truth about time
(a planned day gone by is 未驻, a village added late is 不适用 before it was added)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime

import pytest
from PySide6.QtCore import QAbstractItemModel, QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.context import Context
from app.models.org import Village
from app.models.residency import Visit
from app.registers import REGISTERS, get
from app.registers.fields import QUARTER, Duty
from app.security.roles import Actor
from app.services.records import RecordService
from app.services.transitions import Transitions
from tests.ui.conftest import Org, backdate_registry
from ui.dialogs.plan_dialog import PlanDialog
from ui.events import ChangeBus
from ui.pages.coverage_page import FIXED_COLUMNS, STATUS_ROLE, CoveragePage
from ui.pages.duty_page import DutyPage
from ui.pages.home_page import HomePage
from ui.pages.statistics_page import StatisticsPage
from ui.tasks import TaskState

VISITS = get("visits")
TODAY = date(2026, 12, 5)  # December: the fourth quarter is under way
# Anything that looks like a quarter (not inside a visit's code), and the one way it may be written.
QUARTER_LIKE = re.compile(
    r"(?<![0-9A-Za-z])(?:\d{4}\s*)?[Qq][1-4](?![0-9A-Za-z])|(?:\d{4}\s*年\s*)?第?\s*[1-4一二三四]\s*季度"
)
ONE_FORM = re.compile(r"(?:\d{4}年)?第[一二三四]季度")


def _visited(s: Session, first: date, last: date) -> Mapping[str, Sequence[str]]:
    out: dict[str, list[str]] = {}
    stmt = select(Visit).where(
        Visit.deleted.is_(False), Visit.state == "done", Visit.visited_on.between(first, last)
    )
    for v in s.scalars(stmt):
        if v.village_id:
            out.setdefault(v.village_id, []).append(v.id)
    return out


VILLAGE_QUARTERLY = Duty("test_village_quarterly", "每季度驻村", QUARTER, "village", _visited)


def model_texts(model: QAbstractItemModel) -> Iterator[str]:
    for section in range(model.columnCount()):
        yield str(model.headerData(section, Qt.Orientation.Horizontal) or "")
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    yield value


def shown_texts(widget: QWidget) -> list[str]:
    """Labels, combo items, window titles, table headers, cells and tooltips under ``widget``."""
    out = [widget.windowTitle()]
    for label in widget.findChildren(QLabel):
        out.append(label.text())
    for combo in widget.findChildren(QComboBox):
        out.extend(combo.itemText(i) for i in range(combo.count()))
    for view in widget.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None:
            out.extend(model_texts(model))
    return [t for t in out if t]


def quarters_written(texts: Sequence[str]) -> list[str]:
    return [m.group(0) for text in texts for m in QUARTER_LIKE.finditer(text)]


def assert_one_form(texts: Sequence[str]) -> list[str]:
    found = quarters_written(texts)
    wrong = [q for q in found if not ONE_FORM.fullmatch(q)]
    assert not wrong, f"quarters written another way: {sorted(set(wrong))}"
    return found


@pytest.fixture
def year(org: Org, records: RecordService, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """东湾村 visited in May, planned for 15 October and never visited; 新村 added on 20 August."""
    monkeypatch.setitem(REGISTERS, "visits", replace(VISITS, duties=(VILLAGE_QUARTERLY,)))
    t1 = org.units["T01"]
    villages = {n: records.save(get("villages"), {"township_id": t1, "name": n}) for n in ("东湾村", "新村")}
    backdate_registry(records)
    with records.ctx.session() as s:
        s.execute(
            update(Village).where(Village.id == villages["新村"]).values(created_at=datetime(2026, 8, 20))
        )

    def visit(village: str, day: date) -> str:
        return records.save(
            VISITS,
            {"unit_id": t1, "village_id": villages[village], "planned_on": day, "lead_id": org.staff["李强"]},
        )

    may = visit("东湾村", date(2026, 5, 12))
    Transitions(records).apply(
        VISITS, may, "record", {"visited_on": date(2026, 5, 12), "matters": "村务公开"}, "录入"
    )
    late = visit("东湾村", date(2026, 10, 15))
    return {**villages, "late": late}


def test_the_coverage_page_writes_quarters_one_way_and_tells_the_truth_about_time(
    qtbot: QtBot, records: RecordService, bus: ChangeBus, settings: QSettings, year: dict[str, str]
) -> None:
    page = CoveragePage(records, bus, settings, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1000, 640)
    page.show()
    page.set_choice(year=2026)
    found = assert_one_form(shown_texts(page))
    assert "第四季度" in found and "2026年第四季度" in found  # headers and tooltips
    model = page.model
    row = next(r for r in range(model.rowCount()) if model.rows[r].target_name == "东湾村")
    new = next(r for r in range(model.rowCount()) if model.rows[r].target_name == "新村")
    # 15 October went by without the visit: 未驻 in December, not blue 已安排.
    assert model.index(row, FIXED_COLUMNS + 3).data(STATUS_ROLE) == "missed"
    assert page.cell_text_at("东湾村", 4) == "未驻" and page.cell_text_at("东湾村", 2) == "已驻 05-12"
    # 新村 was added on 20 August: nothing owed before, 未驻 in the third quarter.
    assert [page.cell_text_at("新村", q) for q in (1, 2, 3)] == ["不适用", "不适用", "未驻"]
    assert "2026-08-20" in str(model.index(new, FIXED_COLUMNS).data(Qt.ItemDataRole.ToolTipRole))
    assert page.total_labels[0].text().endswith("1 乡镇 1 村：未驻 1")


def test_the_duty_page_and_the_workbench_write_quarters_one_way(
    qtbot: QtBot, records: RecordService, bus: ChangeBus, settings: QSettings, year: dict[str, str]
) -> None:
    page = DutyPage(records, bus, settings, today=lambda: TODAY, open_record=lambda r, i: None)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    page.set_choice(year=2026, duty=VILLAGE_QUARTERLY.key)
    found = assert_one_form(shown_texts(page))
    assert {"第一季度", "第四季度"} <= set(found)
    texts = {
        page.model.rows[r].ower_name: [page.model.text(r, c) for c in range(page.model.columnCount())][-4:]
        for r in range(page.model.rowCount())
    }
    assert texts["新村"][:2] == ["不适用", "不适用"]
    home = HomePage(records, bus, settings, lambda r, i: None, today=lambda: TODAY)
    qtbot.addWidget(home)
    home.refresh()
    found = assert_one_form(shown_texts(home))
    assert "2026年第四季度" in found
    rows = {row[1]: row for row in home.missing_rows()}
    assert rows["东湾村"][2] == "2026-10-15（已过，未驻）"


def test_the_plan_dialog_and_the_statistics_period_write_quarters_one_way(
    qtbot: QtBot, records: RecordService, bus: ChangeBus, settings: QSettings, year: dict[str, str]
) -> None:
    dialog = PlanDialog(records, settings, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    found = assert_one_form(shown_texts(dialog))
    assert "2026年第四季度" in found and "2027年第一季度" in found
    page = StatisticsPage(Context(records.ctx.db, Actor("admin", "admin")), bus, settings)
    qtbot.addWidget(page)
    task = page.last_task
    assert task is not None
    qtbot.waitUntil(lambda: task.state is not TaskState.RUNNING, timeout=10_000)
    page.set_period(2026, 4)
    assert page.period_text() == "2026年第四季度"
    assert [page.quarter_combo.itemText(i) for i in range(1, 5)] == [
        "第一季度",
        "第二季度",
        "第三季度",
        "第四季度",
    ]
    assert page.charts.quarter_label("2026Q4") == "2026年第四季度"
    assert_one_form([page.period_text(), *shown_texts(page)])


def test_the_lists_show_a_quarter_as_it_is_written_and_filter_on_its_key(
    qtbot: QtBot, records: RecordService, bus: ChangeBus, settings: QSettings, year: dict[str, str]
) -> None:
    from ui.pages.register_page import RegisterPage

    page = RegisterPage(records, VISITS, bus, settings)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    shown = [page.model.display_text(r, "quarter") for r in range(page.model.rowCount())]
    assert sorted(shown) == ["2026年第二季度", "2026年第四季度"]
    combo = page.filters["quarter"]
    items = {combo.itemText(i): combo.itemData(i) for i in range(1, combo.count())}
    assert items == {"2026年第二季度": "2026Q2", "2026年第四季度": "2026Q4"}
    assert_one_form(shown_texts(page))
