"""归属变更 on the 数据交换 page: a township's request arrives at the county, where 同意 moves the
record to the other unit (and 不同意 answers the next one); the table searches and sorts."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from app.registers import get
from app.services.records import RecordService
from app.sync import exchange, transfers
from ui.events import ChangeBus
from ui.pages.exchange_page import ExchangePage

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "app"))
from apphelpers import enrolled_pair  # noqa: E402


def test_the_county_answers_a_townships_requests(qtbot: QtBot, tmp_path: Path, settings: QSettings) -> None:
    pair = enrolled_pair(tmp_path)
    county, town = pair.county, pair.unit
    stick = tmp_path / "stick"
    stick.mkdir()
    clues = get("clues")
    one, two = (
        RecordService(town).save(
            clues,
            {"source": "petition", "received_on": date(2026, 11, n), "subject_name": name},
            confirmed=True,
        )  # fmt: skip
        for n, name in ((2, "张三"), (3, "李四"))
    )
    transfers.request_transfer(town, "clues", one, "C01", "涉及县管干部，报请提级办理")
    transfers.request_transfer(town, "clues", two, "C01", "线索较轻，申请县里指定办理")
    [result] = exchange.import_bundles(county, [exchange.export_bundle(town, stick).path])
    assert result.status == "imported"

    page = ExchangePage(county, ChangeBus(), settings)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    panel = page.transfers
    assert panel.proxy.rowCount() == 2 and not panel.approve_button.isEnabled()
    panel.search.setText("提级")
    assert panel.proxy.rowCount() == 1
    panel.table.selectRow(0)
    assert panel.approve_button.isEnabled() and panel.refuse_button.isEnabled()
    assert panel.answer(True, reason="同意提级办理")
    with county.db.session() as s:
        assert s.get(type(s.get(get("clues").model, one)), one).owner == "C01"  # type: ignore[union-attr]
    assert panel.answer(True, reason="再次同意") is False or not panel.approve_button.isEnabled()

    panel.search.setText("")
    panel.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)
    texts = {
        panel.proxy.index(r, 5).data(): panel.proxy.index(r, 4).data() for r in range(panel.proxy.rowCount())
    }
    assert texts["涉及县管干部，报请提级办理"] == "已同意" and texts["线索较轻，申请县里指定办理"] == "待决定"
    row = next(
        r for r in range(panel.proxy.rowCount()) if panel.proxy.index(r, 5).data().startswith("线索较轻")
    )
    panel.table.selectRow(row)
    assert panel.answer(False, reason="由乡镇自行办理")
    texts = {
        panel.proxy.index(r, 5).data(): panel.proxy.index(r, 4).data() for r in range(panel.proxy.rowCount())
    }
    assert texts["线索较轻，申请县里指定办理"] == "未同意"
    page.tabs.setCurrentWidget(panel)
    assert "线索登记" in panel.proxy.index(0, 1).data() or "线索" in panel.proxy.index(0, 1).data()
