"""打印… on the register lists, 统计分析, 履职覆盖 and the recovery key: each opens the one print
preview, whose PDF holds what the page shows (read back from the file)."""

from __future__ import annotations

import io
import re
import secrets
from datetime import date

import pypdf
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.context import Context
from app.db.database import Database
from app.registers import get
from app.security import audit
from app.security.roles import Actor
from app.services.records import RecordService
from tests.ui.conftest import Org
from tests.ui.test_statistics_page import add_disposition, wait_figures
from ui.dialogs.pdf_preview import PdfPreview
from ui.dialogs.recovery_key import RecoveryKeyPage
from ui.events import ChangeBus
from ui.pages.duty_page import DutyPage
from ui.pages.register_page import RegisterPage
from ui.pages.statistics_page import StatisticsPage


def shown(qtbot: QtBot, preview: PdfPreview | None) -> tuple[list[str], list[pypdf.PageObject]]:
    """Wait for the preview's pages; return each page's text (spaces removed) and the pages."""
    assert isinstance(preview, PdfPreview)  # a child of the page: closed with it
    if preview.page_count() == 0:
        with qtbot.waitSignal(preview.ready, timeout=30_000):
            pass
    assert preview.page_count() >= 1
    reader = pypdf.PdfReader(io.BytesIO(preview.path.read_bytes()))
    pages = list(reader.pages)
    assert len(pages) == preview.page_count()
    return [re.sub(r"\s+", "", p.extract_text() or "") for p in pages], pages


def prints(db: Database) -> list[audit.AuditEntry]:
    with db.session() as s:
        stmt = select(audit.AuditEntry).where(audit.AuditEntry.action == audit.PRINT)
        return list(s.scalars(stmt.order_by(audit.AuditEntry.seq)))


def register_page(
    qtbot: QtBot, records: RecordService, bus: ChangeBus, settings: QSettings, name: str = "staff"
) -> RegisterPage:
    page = RegisterPage(records, get(name), bus, settings)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_a_register_list_prints_the_rows_and_columns_shown(
    qtbot: QtBot, records: RecordService, bus: ChangeBus, settings: QSettings, org: Org, db: Database
) -> None:
    page = register_page(qtbot, records, bus, settings)
    combo = page.filters["unit_id"]
    combo.setCurrentIndex(combo.findData(org.units["T01"]))
    header = page.table.horizontalHeader()
    header.setSectionHidden(page.model.columns.index("gender"), True)
    assert page.act_print.isEnabled() and page.act_print.shortcut().toString() == "Ctrl+P"
    names = [page.model.display_text(r, "name") for r in range(page.model.rowCount())]
    assert sorted(names) == ["李强", "王芳"]
    page.act_print.trigger()
    texts, _pages = shown(qtbot, page.findChild(PdfPreview))
    text = "".join(texts)
    assert "人员" in text and "李强" in text and "王芳" in text
    assert "张伟" not in text and "刘洋" not in text  # filtered out
    assert text.index(names[0]) < text.index(names[1])  # in the order shown
    visible = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(header.count())]
    for c, title in enumerate(visible):
        if not header.isSectionHidden(c):
            assert re.sub(r"\s+", "", title) in text
    assert "性别" not in text  # a hidden column is not printed
    (entry,) = prints(db)
    assert entry.detail == "register=staff rows=2 filtered=yes"


def test_a_register_list_is_refused_without_print(
    qtbot: QtBot, db: Database, bus: ChangeBus, settings: QSettings, org: Org, monkeypatch: pytest.MonkeyPatch
) -> None:
    readonly = RecordService(Context(db, Actor("viewer", "readonly")))
    page = register_page(qtbot, readonly, bus, settings)
    assert not page.act_print.isEnabled()
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    assert page.print_list() is None
    assert warned == ["当前用户没有「打印」的权限。"]
    assert page.findChild(PdfPreview) is None and prints(db) == []


def test_statistics_prints_every_table(
    qtbot: QtBot, db: Database, records: RecordService, bus: ChangeBus, settings: QSettings, org: Org
) -> None:
    add_disposition(records, org.units["T01"], date(2021, 2, 1))
    add_disposition(records, org.units["G01"], date(2021, 3, 3))
    page = StatisticsPage(Context(db, Actor("admin", "admin")), bus, settings)
    qtbot.addWidget(page)
    wait_figures(qtbot, page)
    page.set_period(2021)  # the year of the dispositions: the charts have something to show
    wait_figures(qtbot, page)
    assert page.act_print.isEnabled()
    tables = page.tables()
    assert tables
    texts, _pages = shown(qtbot, page.print_figures())
    text = "".join(texts)
    assert "统计分析" in text
    for caption, header, _rows in tables:
        assert re.sub(r"\s+", "", caption) in text
        assert all(re.sub(r"\s+", "", str(h)) in text for h in header)
    assert "城关镇纪委" in text and "第一派驻纪检监察组" in text
    # The charts follow the tables, drawn from the same figures (their captions and labels in the PDF).
    assert "图1运用“四种形态”情况（按单位类型）" in text and "图2运用“四种形态”情况（按单位）" in text
    assert prints(db)[-1].detail.startswith("report=statistics rows=")


def test_the_duty_grid_prints_as_shown(
    qtbot: QtBot, records: RecordService, bus: ChangeBus, settings: QSettings, org: Org, db: Database
) -> None:
    page = DutyPage(records, bus, settings, today=lambda: date(2026, 3, 5))
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    assert page.duty() is not None  # the registers declare frequency rules
    owers = {row.ower_name for row in page.model.rows}
    assert owers
    texts, pages = shown(qtbot, page.print_grid())
    text = "".join(texts)
    assert page.duty_combo.currentText() in text
    assert all(name in text for name in owers)
    assert float(pages[0].mediabox.width) > 0
    assert prints(db)[-1].detail.startswith("report=duty_")


def test_the_recovery_key_prints_through_the_preview(qtbot: QtBot, settings: QSettings) -> None:
    page = RecoveryKeyPage(settings)
    qtbot.addWidget(page)
    key = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789"
    page.set_key(key, unit_name="城关镇纪委", county_name="测试县")
    page.show()
    page.print_button.click()
    preview = page.findChild(PdfPreview)
    texts, _pages = shown(qtbot, preview)
    text = "".join(texts)
    assert "恢复密钥" in text and "城关镇纪委" in text
    assert key.replace("-", "")[:8] in text.replace("-", "")
    assert preview is not None
    folder = preview.path.parent
    preview.reject()
    assert not folder.exists()  # the key does not stay on the disk


def test_a_sealed_value_prints_as_the_list_shows_it(
    qtbot: QtBot, db: Database, bus: ChangeBus, settings: QSettings, org: Org
) -> None:
    secretary = RecordService(Context(db, Actor("sec", "secretary", secrets.token_bytes(32))))
    values = {"number": "XF2024-017", "received_on": date(2024, 3, 4), "method": "letter", "named": True,
              "reporter": "王秀英", "subject_name": "张建国", "summary": "来信反映危房改造补助问题。"}  # fmt: skip
    secretary.save(get("reports"), values)
    clerk = RecordService(Context(db, Actor("clerk", "staff", None)))  # may print, may not see 举报人
    page = register_page(qtbot, clerk, bus, settings, "reports")
    shown_reporter = page.model.display_text(0, "reporter")
    assert shown_reporter and shown_reporter != "王秀英"
    texts, _pages = shown(qtbot, page.print_list())
    text = "".join(texts)
    assert "XF2024-017" in text and re.sub(r"\s+", "", shown_reporter) in text and "王秀英" not in text


def test_the_records_behind_a_figure_print_from_the_drill_down(
    qtbot: QtBot, records: RecordService, settings: QSettings, org: Org, db: Database
) -> None:
    from ui.dialogs.drill_down import DrillDownDialog

    ids = [org.staff["王芳"], org.staff["刘洋"]]
    dialog = DrillDownDialog(records, get("staff"), ids, "专职人员", None, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.print_button.isEnabled()
    dialog.print_button.click()
    texts, _pages = shown(qtbot, dialog.findChild(PdfPreview))
    text = "".join(texts)
    assert "王芳" in text and "刘洋" in text and "李强" not in text and "专职人员" in text
    assert prints(db)[-1].detail == "register=staff rows=2 filtered=yes"
