"""RecordTableModel: ids up front, rows on demand, SQL sort, deleted rows, selection kept."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.registers import get
from app.registers.fields import Register
from app.services.records import RecordService
from tests.ui.conftest import Org
from ui.models import record_table
from ui.models.record_table import DELETED_ROLE, RecordTableModel


def names(model: RecordTableModel, column: str = "name") -> list[str]:
    return [model.display_text(r, column) for r in range(model.rowCount())]


def test_model_passes_qt_model_tester(qtmodeltester: ModelTester, records: RecordService, org: Org) -> None:
    model = RecordTableModel(records, get("staff"))
    qtmodeltester.check(model)
    model.set_query(include_deleted=True)
    records.delete(get("staff"), org.staff["李强"])
    model.refresh()
    qtmodeltester.check(model)


def test_model_tester_on_units_with_computed_columns(
    qtmodeltester: ModelTester, records: RecordService, org: Org
) -> None:
    qtmodeltester.check(RecordTableModel(records, get("units")))


def test_header_labels_ids_and_alignment(records: RecordService, org: Org) -> None:
    model = RecordTableModel(records, get("units"))
    labels = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert labels[:4] == ["单位代码", "单位名称", "单位类型", "核定编制"]
    assert "实际配备" in labels and "空缺" in labels
    # Default sort: by code. The county's own unit C01 sorts before G01, T01, T02.
    assert names(model, "code") == ["C01", "G01", "T01", "T02"]
    row = model.row_of(org.units["T01"])
    assert model.id_at(row) == org.units["T01"]
    assert model.data(model.index(row, 0), Qt.ItemDataRole.UserRole) == org.units["T01"]
    assert model.display_text(row, "unit_type") == "乡镇纪委"
    assert model.display_text(row, "zone_id") == "东片区"
    assert model.display_text(row, "staffed") == "2"
    assert model.display_text(row, "vacancies") == "3"
    posts = model.columns.index("authorised_posts")
    align = model.data(model.index(row, posts), Qt.ItemDataRole.TextAlignmentRole)
    assert align & Qt.AlignmentFlag.AlignRight
    align = model.data(model.index(row, 1), Qt.ItemDataRole.TextAlignmentRole)
    assert align & Qt.AlignmentFlag.AlignLeft
    assert model.row_of("no-such-id") == -1
    assert model.id_at(99) is None


def test_search_filters_and_sort_are_sql_queries(records: RecordService, org: Org) -> None:
    model = RecordTableModel(records, get("staff"))
    assert model.rowCount() == 4
    model.set_query(search="王")
    assert names(model) == ["王芳"]
    model.set_query(search="", filters={"unit_id": org.units["T01"]})
    assert sorted(names(model)) == ["李强", "王芳"]
    model.set_query(filters={"unit_id": org.units["T01"], "post": "member"})
    assert names(model) == ["李强"]
    model.set_query(filters={})
    unit_col = model.columns.index("unit_id")
    model.sort(unit_col, Qt.SortOrder.AscendingOrder)  # by the unit's code: G01, T01, T01, T02
    assert model.query.sort == "unit_id"
    assert [model.display_text(r, "unit_id") for r in range(4)] == [
        "第一派驻纪检监察组",
        "城关镇纪委",
        "城关镇纪委",
        "河口乡纪委",
    ]
    model.sort(unit_col, Qt.SortOrder.DescendingOrder)
    assert model.descending
    assert model.display_text(0, "unit_id") == "河口乡纪委"


def test_deleted_rows_are_grey_and_struck_out(records: RecordService, org: Org) -> None:
    staff = get("staff")
    records.delete(staff, org.staff["张伟"])
    model = RecordTableModel(records, staff)
    assert "张伟" not in names(model)
    model.set_query(include_deleted=True)
    row = model.row_of(org.staff["张伟"])
    assert row >= 0
    index = model.index(row, 0)
    assert model.data(index, DELETED_ROLE) is True
    font = model.data(index, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.strikeOut()
    assert model.data(index, Qt.ItemDataRole.ForegroundRole) is not None
    live = model.index(model.row_of(org.staff["王芳"]), 0)
    assert model.data(live, DELETED_ROLE) is False
    assert model.data(live, Qt.ItemDataRole.FontRole) is None


def test_rows_are_fetched_in_pages_and_cached(
    records: RecordService, org: Org, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(record_table, "PAGE_SIZE", 2)
    monkeypatch.setattr(record_table, "CACHE_ROWS", 3)
    calls: list[int] = []
    original = records.rows

    def counting(reg: Register, ids: Sequence[str]) -> dict[str, dict[str, str]]:
        calls.append(len(ids))
        return original(reg, ids)

    monkeypatch.setattr(records, "rows", counting)
    model = RecordTableModel(records, get("staff"))
    assert calls == []  # opening reads ids only
    model.display_text(0, "name")
    model.display_text(1, "name")
    assert calls == [2]  # one page for both rows
    model.display_text(3, "name")
    assert calls == [2, 2]
    model.display_text(0, "name")  # evicted by the bound of 3 rows: fetched again
    assert len(calls) == 3


def test_refresh_keeps_selection_when_rows_only_change(
    qtbot: QtBot, records: RecordService, org: Org
) -> None:
    model = RecordTableModel(records, get("staff"))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    row = model.row_of(org.staff["李强"])
    view.selectionModel().select(
        model.index(row, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    )
    # 李强 renamed 阿强 sorts first now: the same record stays selected.
    records.save(get("staff"), {"name": "阿强"}, org.staff["李强"])
    model.refresh()
    selected = [model.id_at(i.row()) for i in view.selectionModel().selectedRows()]
    assert selected == [org.staff["李强"]]
    assert model.display_text(model.row_of(org.staff["李强"]), "name") == "阿强"
    # Sorting moves rows but keeps the selection too.
    model.sort(0, Qt.SortOrder.DescendingOrder)
    selected = [model.id_at(i.row()) for i in view.selectionModel().selectedRows()]
    assert selected == [org.staff["李强"]]


def test_refresh_after_insert_resets(records: RecordService, org: Org) -> None:
    model = RecordTableModel(records, get("staff"))
    org.person("陈静", "T02", "member", gender="女")
    assert model.rowCount() == 4
    model.refresh()
    assert model.rowCount() == 5
    assert model.row_of(org.staff["陈静"]) >= 0
