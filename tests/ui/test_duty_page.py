"""履职覆盖 and the 工作台's panel of frequency rules, on a made-up rule over visits (every staff
member leads a visit each month) so that the page is tested apart from the registers that
declare real rules."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from conftest import Org, backdate_registry
from openpyxl import load_workbook
from PySide6.QtCore import QSettings, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.residency import Visit
from app.registers import REGISTERS, get
from app.registers.fields import MONTH, Duty
from app.services.records import RecordService
from app.services.transitions import Transitions
from ui.events import ChangeBus
from ui.pages.duty_page import FIXED_COLUMNS, DutyPage
from ui.pages.home_page import HomePage

VISITS = get("visits")
TODAY = date(2026, 3, 5)


def led(s: Session, first: date, last: date) -> Mapping[str, Sequence[str]]:
    out: dict[str, list[str]] = {}
    stmt = select(Visit).where(
        Visit.deleted.is_(False), Visit.state == "done", Visit.visited_on.between(first, last)
    )
    for v in s.scalars(stmt):
        if v.lead_id:
            out.setdefault(v.lead_id, []).append(v.id)
    return out


LEAD = Duty("test_lead_monthly", "每月带队驻村", MONTH, "staff", led)


@pytest.fixture
def visits(monkeypatch: pytest.MonkeyPatch, org: Org, records: RecordService) -> list[str]:
    """王芳 led visits in January (two) and February, 李强 in February; 张伟 and 刘洋 none."""
    monkeypatch.setitem(REGISTERS, "visits", replace(VISITS, duties=(LEAD,)))
    village = records.save(get("villages"), {"township_id": org.units["T01"], "name": "东湾村"})
    backdate_registry(records)
    out = []
    for lead, day in (("王芳", date(2026, 1, 9)), ("王芳", date(2026, 1, 20)), ("王芳", date(2026, 2, 3)),
                      ("李强", date(2026, 2, 4))):  # fmt: skip
        vid = records.save(VISITS, {"unit_id": org.units["T01"], "village_id": village, "planned_on": day,
                                    "lead_id": org.staff[lead]})  # fmt: skip
        Transitions(records).apply(VISITS, vid, "record", {"visited_on": day, "matters": "村务公开"}, "录入")
        out.append(vid)
    return out


@pytest.fixture
def page(
    qtbot: QtBot, records: RecordService, bus: ChangeBus, settings: QSettings, visits: list[str]
) -> DutyPage:
    opened: list[tuple[str, str]] = []
    p = DutyPage(records, bus, settings, today=lambda: TODAY, open_record=lambda r, i: opened.append((r, i)))
    p.opened_records = opened  # type: ignore[attr-defined]
    qtbot.addWidget(p)
    p.resize(1100, 600)
    p.show()
    p.set_choice(year=2026, duty=LEAD.key)
    return p


def texts(page: DutyPage) -> dict[str, list[str]]:
    m = page.model
    return {
        m.rows[r].ower_name: [m.text(r, c) for c in range(FIXED_COLUMNS, FIXED_COLUMNS + 4)]
        for r in range(m.rowCount())
    }


def test_the_grid_names_who_missed_each_month(qtbot: QtBot, page: DutyPage, visits: list[str]) -> None:
    ModelTester(qtbot).check(page.model)
    assert page.model.columnCount() == FIXED_COLUMNS + 12
    assert page.model.headerData(FIXED_COLUMNS + 2, Qt_horizontal()) == "3月"
    assert texts(page) == {
        "王芳": ["已完成 ×2", "已完成", "待完成", ""],
        "李强": ["缺", "已完成", "待完成", ""],
        "张伟": ["缺", "缺", "待完成", ""],
        "刘洋": ["缺", "缺", "待完成", ""],
    }
    assert "每名纪检监察干部每月至少 1 次" in page.rule.text()
    assert page.totals_label.text() == "3月：已完成 0，待完成 4。全年缺 5 次。"
    # A paid cell opens its record; two open in a list.
    feb = page.model.index(0, FIXED_COLUMNS + 1)
    page.open_cell(feb)
    assert page.opened_records == [("visits", visits[2])]  # type: ignore[attr-defined]
    dialog = page.open_cell(page.model.index(0, FIXED_COLUMNS))
    assert dialog is not None and dialog.model.rowCount() == 2
    dialog.close()


def test_search_and_missing_only_narrow_the_rows(page: DutyPage, settings: QSettings) -> None:
    page.search.setText("城关")
    assert [r.ower_name for r in page.model.rows] == ["王芳", "李强"]
    page.missing_only.setChecked(True)
    assert [r.ower_name for r in page.model.rows] == ["李强"]
    page.search.clear()
    assert [r.ower_name for r in page.model.rows] == ["李强", "张伟", "刘洋"]
    assert str(settings.value("pages/duties/missing_only")).lower() == "true"


def test_the_grid_exports_as_shown(qtbot: QtBot, page: DutyPage, tmp_path: Path) -> None:
    out = tmp_path / "lead.xlsx"
    task = page.export_to(out)
    assert task is not None
    with qtbot.waitSignal(page.exported, timeout=10000):
        pass
    ws = load_workbook(out).active
    assert ws is not None
    assert ws.cell(1, 1).value == "2026 每月带队驻村（每名纪检监察干部每月至少 1 次）"
    assert [ws.cell(2, c).value for c in range(1, 5)] == ["单位", "对象", "1月", "2月"]
    assert [ws.cell(4, c).value for c in range(2, 5)] == ["李强", "缺", "已完成"]
    assert ws.cell(ws.max_row, 4).value == "完成 2，缺 2，待完成 0"


def test_the_workbench_lists_this_month_and_last_months_gaps(
    qtbot: QtBot, records: RecordService, bus: ChangeBus, settings: QSettings, visits: list[str]
) -> None:
    opened: list[str] = []
    home = HomePage(records, bus, settings, lambda r, i: None, today=lambda: TODAY, open_duty=opened.append)
    qtbot.addWidget(home)
    home.refresh()
    rows = home.duty_rows()
    ours = [i for i, row in enumerate(rows) if row[0] == "每月带队驻村"]
    assert [rows[i] for i in ours] == [
        ["每月带队驻村", "3月", "尚未完成", "4"],
        ["每月带队驻村", "2月", "缺", "2"],
    ]
    missed = home.duty_tree.topLevelItem(ours[1])
    assert missed is not None
    assert [missed.child(i).text(0) for i in range(missed.childCount())] == [  # type: ignore[union-attr]
        "河口乡纪委 · 张伟",
        "第一派驻纪检监察组 · 刘洋",
    ]
    home._duty_activated(missed)
    assert opened == [LEAD.key]


def Qt_horizontal() -> Qt.Orientation:  # noqa: N802
    return Qt.Orientation.Horizontal
