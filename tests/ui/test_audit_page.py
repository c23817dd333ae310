"""AuditPage driven as a user would: filters, sorting, 校验 before and after tampering, refresh."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from app.context import Changes, Context
from app.db.database import Database
from app.registers import get
from app.security import audit
from app.security.roles import Actor, PermissionDenied
from app.services.audit_log import AuditLogService, AuditQuery
from app.services.records import RecordService
from tests.ui.conftest import Org
from ui.events import ChangeBus
from ui.pages.audit_page import COLUMNS, AuditPage, AuditTableModel
from ui.tasks import TaskState

ADMIN = Actor("admin", "admin")
MakePage = Callable[..., AuditPage]


@pytest.fixture
def make_page(qtbot: QtBot, db: Database, bus: ChangeBus, settings: QSettings) -> MakePage:
    def make(actor: Actor = ADMIN, show: bool = True) -> AuditPage:
        page = AuditPage(Context(db, actor), bus, settings)
        qtbot.addWidget(page)
        page.resize(1200, 600)
        if show:
            page.show()
            qtbot.waitExposed(page)
        return page

    return make


def column(page: AuditPage, name: str) -> list[str]:
    c = COLUMNS.index(name)
    return [row[c] for row in page.row_texts()]


def total(db: Database) -> int:
    return AuditLogService(db, ADMIN).count()


def verify(qtbot: QtBot, page: AuditPage) -> None:
    with qtbot.waitSignal(page.verified, timeout=10_000):
        qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert page.last_task is not None and page.last_task.state is TaskState.SUCCEEDED


def test_the_model_passes_the_qt_model_tester(qtmodeltester: ModelTester, db: Database, org: Org) -> None:
    service = AuditLogService(db, ADMIN)
    model = AuditTableModel(service)
    assert model.rowCount() == total(db) > 10
    qtmodeltester.check(model)
    model.sort(COLUMNS.index("actor"), Qt.SortOrder.AscendingOrder)
    model.set_query(AuditQuery(action="delete"))  # nothing deleted: an empty model
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_the_list_shows_newest_first_in_chinese(make_page: MakePage, db: Database, org: Org) -> None:
    page = make_page()
    rows = page.row_texts()
    assert len(rows) == total(db) and page.count_label.text() == f"共 {len(rows)} 条"
    times = column(page, "at")
    assert times == sorted(times, reverse=True)
    assert column(page, "action")[-1] == "初始化安装"
    assert column(page, "detail")[-1] == "县纪委监委（C01）"
    staff = next(r for r in rows if r[COLUMNS.index("target")].startswith("人员与岗位"))
    assert staff[COLUMNS.index("action")] == "新增记录"
    assert "姓名" in staff[COLUMNS.index("fields")]
    assert staff[COLUMNS.index("seq")].startswith("C01 · ")
    # The record by the name lists give it; of its fields only their names, never their content.
    assert "人员与岗位 · 王芳" in column(page, "target")
    assert not any("女" in r[COLUMNS.index("fields")] + r[COLUMNS.index("detail")] for r in rows)
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMNS))]
    assert headers[:6] == ["时间", "用户", "操作", "对象", "字段", "说明"]


def test_filters_narrow_the_rows(make_page: MakePage, db: Database, org: Org, records: RecordService) -> None:
    clerk = RecordService(Context.system(db, "clerk"))
    village = clerk.save(get("villages"), {"name": "东村", "township_id": org.units["T01"]})
    clerk.save(get("villages"), {"name": "东村社区"}, village)
    records.delete(get("villages"), village)
    page = make_page()
    everything = page.model.rowCount()
    assert [page.user_combo.itemText(i) for i in range(page.user_combo.count())] == [
        "全部用户",
        "admin",
        "clerk",
    ]
    labels = [page.action_combo.itemText(i) for i in range(page.action_combo.count())]
    assert labels[0] == "全部操作" and len(labels) == len(audit.ACTIONS) + 1
    assert {"登录", "登录失败", "新增记录", "修改记录", "删除记录", "导出", "校验"} - set(labels) == {"校验"}
    assert not page.unit_pair.isVisibleTo(page)  # one unit only

    page.set_filters(user="clerk")
    assert column(page, "actor") == ["clerk", "clerk"]
    assert column(page, "action") == ["修改记录", "新增记录"]
    assert page.count_label.text() == "共 2 条（已筛选）"

    page.set_filters(user="", action="delete")
    assert column(page, "action") == ["删除记录"] and column(page, "actor") == ["admin"]

    page.set_filters(action="")
    page.target_edit.setText(village[:8])
    page.apply_filters()
    assert column(page, "action") == ["删除记录", "修改记录", "新增记录"]
    assert {t.split(" · ")[0] for t in column(page, "target")} == {"村（社区）"}
    page.set_filters(target="片区协作区")
    assert len(column(page, "target")) == 2

    page.set_filters(target="")
    today = date.today()
    page.set_filters(first=today, last=today)
    assert page.model.rowCount() == everything
    page.set_filters(first=today + timedelta(days=1))
    assert page.model.rowCount() == 0
    page.clear_filters()
    assert page.model.rowCount() == everything and page.count_label.text().endswith("条")
    assert page.from_edit.text() == page.to_edit.text() == "不限"


def test_typing_a_record_id_filters_after_a_pause(qtbot: QtBot, make_page: MakePage, org: Org) -> None:
    page = make_page()
    unit = org.units["G01"]
    with qtbot.waitSignal(page.refreshed, timeout=2000):
        qtbot.keyClicks(page.target_edit, unit[:6])
    assert column(page, "action") == ["新增记录"]
    assert page.model.data(
        page.model.index(0, COLUMNS.index("target")), Qt.ItemDataRole.ToolTipRole
    ).endswith(unit)


def test_sorting_by_a_header_click(qtbot: QtBot, make_page: MakePage, db: Database, org: Org) -> None:
    RecordService(Context.system(db, "clerk")).save(get("zones"), {"name": "南片区"})
    page = make_page()
    header = page.table.horizontalHeader()
    logical = COLUMNS.index("actor")
    x = header.sectionViewportPosition(logical) + header.sectionSize(logical) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    actors = column(page, "actor")
    assert actors == sorted(actors) or actors == sorted(actors, reverse=True)
    assert len(set(actors)) == 2
    assert page.settings.value("pages/audit/sort") == "actor"


def test_verify_reports_an_intact_log(qtbot: QtBot, make_page: MakePage, db: Database, org: Org) -> None:
    page = make_page()
    verify(qtbot, page)
    assert f"审计日志完整：{total(db)} 条，链条未断" in page.status_text()
    assert page.last_result is not None and page.last_result.ok
    assert page.model.broken_id is None
    assert page.verify_button.isEnabled()


def test_verify_finds_and_selects_a_tampered_entry(
    qtbot: QtBot, make_page: MakePage, db: Database, org: Org
) -> None:
    page = make_page()
    page.set_filters(action="login")  # the broken entry is not among these: the filters are cleared
    assert page.model.rowCount() == 0
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET actor = 'nobody' WHERE seq = 5"))
    verify(qtbot, page)
    assert "审计日志在单位 C01 第 5 条处断开：内容被改动" in page.status_text()
    broken = page.last_result.broken if page.last_result else None
    assert broken is not None and (broken.seq, broken.reason) == (5, "hash")
    assert not page.is_filtered()
    assert page.selected_ids() == [broken.entry_id]
    row = page.model.row_of(broken.entry_id)
    assert page.model.text(row, "seq") == "C01 · 5"
    assert page.model.data(page.model.index(row, 0), Qt.ItemDataRole.BackgroundRole) is not None

    with db.engine.begin() as conn:  # a removed entry: the next one is named
        conn.execute(text("DELETE FROM audit_log WHERE seq = 3"))
    verify(qtbot, page)
    assert "第 4 条处断开：序号缺失" in page.status_text()
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET deleted = 1 WHERE seq = 1"))
    verify(qtbot, page)
    assert "第 1 条处断开：被标记删除" in page.status_text()


def test_the_list_reads_again_on_a_change_and_when_shown(
    qtbot: QtBot, make_page: MakePage, db: Database, bus: ChangeBus, org: Org, records: RecordService
) -> None:
    page = make_page()
    before = page.model.rowCount()
    zone = records.save(get("zones"), {"name": "南片区"})
    with qtbot.waitSignal(page.refreshed, timeout=2000):
        bus.changed.emit(Changes.of("zones", "audit_log"))  # what a save writes
    assert page.model.rowCount() == before + 1
    assert column(page, "target")[0] == "片区协作区 · 南片区" and zone

    page.hide()
    records.save(get("zones"), {"leader": "孙常委"}, zone)
    bus.changed.emit(Changes.of("zones", "audit_log"))  # what a save writes
    assert page.model.rowCount() == before + 1  # hidden: read when shown again
    with db.session("admin") as s:  # a log-in writes an entry without a change signal
        audit.record(s, audit.LOGIN)
    with qtbot.waitSignal(page.refreshed, timeout=2000):
        page.show()
    assert page.model.rowCount() == before + 3
    assert column(page, "action")[:2] == ["登录", "修改记录"]


def test_filters_are_remembered(make_page: MakePage, db: Database, org: Org, settings: QSettings) -> None:
    RecordService(Context.system(db, "clerk")).save(get("zones"), {"name": "南片区"})
    page = make_page()
    first = date.today() - timedelta(days=3)
    page.set_filters(user="clerk", action="create", first=first, target="zones")
    shown = page.row_texts()
    assert len(shown) == 1
    page.close()

    again = make_page()
    assert again.user_combo.currentData() == "clerk"
    assert again.action_combo.currentData() == "create"
    assert again.from_edit.date().toPython() == first
    assert again.to_edit.text() == "不限"
    assert again.target_edit.text() == "zones"
    assert again.row_texts() == shown


def test_the_page_needs_view_audit(db: Database, bus: ChangeBus, settings: QSettings) -> None:
    assert AuditPage.allowed(ADMIN) and AuditPage.allowed(Actor("r", "reviewer"))
    for role in ("staff", "readonly"):
        actor = Actor("someone", role)
        assert not AuditPage.allowed(actor)
        with pytest.raises(PermissionDenied):
            AuditPage(Context(db, actor), bus, settings)


def test_the_county_chooses_a_units_log_and_verifies_it(
    qtbot: QtBot, tmp_path: Path, bus: ChangeBus, settings: QSettings
) -> None:
    """T01's log arrives in its bundle; the county picks T01 and sees and checks T01's chain alone."""
    from app.services.installation import SetupRequest
    from app.services.login import create
    from app.sync import exchange

    county = create(tmp_path / "county", None, SetupRequest("county", "C01", "测试县纪委监委", "C01", "测试县",
                                                            "admin", "secret123"))  # fmt: skip
    RecordService(county).save(get("units"), {"code": "T01", "name": "城关镇纪委", "unit_type": "township"})
    unit = exchange.init_from_package(
        tmp_path / "T01", None, exchange.enrolment_package(county, "T01"), "admin", "secret123"
    )
    try:
        RecordService(unit).save(get("clues"), {"source": "petition", "received_on": date(2026, 11, 2), "subject_name": "张三"},
                                 confirmed=True)  # fmt: skip
        stick = tmp_path / "stick"
        stick.mkdir()
        [result] = exchange.import_bundles(county, [exchange.export_bundle(unit, stick).path])
        assert result.status == "imported", result.message
        t01 = AuditLogService(county.db, ADMIN).count(AuditQuery(unit="T01"))
        assert t01 >= 3  # the township's entries up to its export

        page = AuditPage(county, bus, settings)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitExposed(page)
        assert page.unit_pair.isVisibleTo(page)
        assert [page.unit_combo.itemText(i) for i in range(page.unit_combo.count())] == [
            "全部单位",
            "测试县纪委监委（C01）",
            "城关镇纪委（T01）",
        ]
        page.unit_combo.setCurrentIndex(page.unit_combo.findData("T01"))
        page.apply_filters()
        assert len(page.row_texts()) == t01
        assert {s.split(" · ")[0] for s in column(page, "seq")} == {"T01"}
        verify(qtbot, page)
        assert page.last_result is not None and page.last_result.ok and page.last_result.entries == t01

        with county.db.engine.begin() as conn:  # the county's copy of T01's chain loses its end
            conn.execute(text("DELETE FROM audit_log WHERE owner = 'T01' AND seq = :s"), {"s": t01})
        verify(qtbot, page)
        assert page.last_result is not None and not page.last_result.ok
        assert page.last_result.broken is not None and page.last_result.broken.reason == "cut"
        assert "末尾的条目缺失" in page.status_text() and "T01" in page.status_text()
    finally:
        unit.db.close()
        county.db.close()
