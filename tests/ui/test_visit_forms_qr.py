"""The visit forms' QR codes scan: each page, rendered by Qt PDF at 150 dpi, decodes (zxing-cpp) to
the code of the visit printed on it. And the visits' print actions: the selected visits'
forms, pre-filled or blank, and the whole quarter of the selected visit (or of today)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, QSettings, QSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.database import Database
from app.quarters import quarter_of
from app.registers import get
from app.reports.visit_forms import quarter_visit_ids, visit_forms_pdf
from app.security import audit
from app.services.records import RecordService
from ui.dialogs.pdf_preview import PdfPreview
from ui.print_actions import register_print_actions, selected_quarter

VISITS = get("visits")
DPI = 150


def visits_of_a_township_and_a_group(records: RecordService, org: object) -> list[str]:
    """Three village visits of 城关镇纪委 and one unit visit of the first group in 2025Q4."""
    units = org.units  # type: ignore[attr-defined]
    r = records
    villages = [
        r.save(get("villages"), {"township_id": units["T01"], "name": n})
        for n in ("东湾村", "西岭村", "南塘村")
    ]
    bureau = r.save(get("supervised_units"), {"group_id": units["G01"], "name": "县教育局"})
    ids = [
        r.save(VISITS, {"unit_id": units["T01"], "village_id": v, "planned_on": date(2025, 10, 6 + 7 * n)})
        for n, v in enumerate(villages)
    ]
    ids.append(
        r.save(
            VISITS, {"unit_id": units["G01"], "supervised_unit_id": bureau, "planned_on": date(2025, 12, 1)}
        )
    )
    return ids


def page_images(path: Path) -> list[Image.Image]:
    """Each page rendered at DPI, as a PIL image (through PNG, as a scanner's picture would be)."""
    document = QPdfDocument()
    document.load(str(path))
    assert document.status() == QPdfDocument.Status.Ready
    images = []
    for n in range(document.pageCount()):
        points = document.pagePointSize(n)
        size = QSize(round(points.width() * DPI / 72), round(points.height() * DPI / 72))
        image = document.render(n, size)
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        assert image.save(buffer, "PNG")
        page = Image.open(io.BytesIO(bytes(buffer.data().data()))).convert("RGBA")
        paper = Image.new("RGBA", page.size, "white")  # Qt renders on a transparent background
        paper.alpha_composite(page)
        images.append(paper.convert("L"))
    document.close()
    return images


@pytest.mark.parametrize("blank", [False, True])
def test_each_pages_qr_code_scans_to_its_visits_code(
    records: RecordService, org: object, tmp_path: Path, blank: bool
) -> None:
    ids = visits_of_a_township_and_a_group(records, org)
    assert quarter_visit_ids(records, "2025Q4") == ids
    path = tmp_path / "visits.pdf"
    assert visit_forms_pdf(records, ids, path, blank=blank) == 4
    codes = [records.get(VISITS, vid)["code"] for vid in ids]
    images = page_images(path)
    assert len(images) == 4
    for image, code in zip(images, codes, strict=True):
        found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
        assert [b.text for b in found] == [code]
        # In the top right corner.
        position = found[0].position
        assert position.top_left.x > image.width * 0.7 and position.bottom_left.y < image.height * 0.15


def prints(db: Database) -> list[audit.AuditEntry]:
    with db.session() as s:
        return list(s.scalars(select(audit.AuditEntry).where(audit.AuditEntry.action == audit.PRINT)))


def test_the_visit_print_actions(
    qtbot: QtBot, db: Database, records: RecordService, org: object, settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    ids = visits_of_a_township_and_a_group(records, org)
    actions = register_print_actions("visits")
    assert [a.label for a in actions] == ["打印选中的记录表", "打印选中的空白记录表", "打印本季度全部记录表"]
    assert [a.needs_selection for a in actions] == [True, True, False]
    assert all(a.needs_selection for a in register_print_actions("clues"))
    assert selected_quarter(records, ids[1:2]) == "2025Q4"
    assert selected_quarter(records, [], today=date(2026, 5, 1)) == "2026Q2"
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()

    def run(index: int, chosen: list[str]) -> int:
        actions[index].run(parent, records, settings, chosen)
        dialog = parent.findChild(PdfPreview)
        assert dialog is not None
        with qtbot.waitSignal(dialog.ready, timeout=20_000) as ready:
            pass
        dialog.close()
        dialog.setParent(None)  # type: ignore[call-overload]
        dialog.deleteLater()
        return int(ready.args[0])

    assert run(0, ids[:2]) == 2
    assert run(1, ids[2:3]) == 1
    assert run(2, ids[3:]) == 4  # the whole quarter of the selected visit
    details = [e.detail for e in prints(db)]
    assert details == ["form=visit"] * 2 + ["form=visit_blank"] + ["form=visit"] * 4
    # Nothing selected and nothing planned this quarter: says so, opens no preview.
    assert quarter_visit_ids(records, quarter_of(date.today())) == []
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text, *a, **k: shown.append(text))
    actions[2].run(parent, records, settings, [])
    assert parent.findChild(PdfPreview) is None
    assert shown and "没有已安排或已完成" in shown[0]


def test_the_print_menu_offers_the_quarter_without_a_selection(
    qtbot: QtBot, records: RecordService, org: object, settings: QSettings
) -> None:
    from ui.events import ChangeBus
    from ui.pages.register_page import RegisterPage

    ids = visits_of_a_township_and_a_group(records, org)
    pages = {}
    for name in ("visits", "clues"):
        page = RegisterPage(records, get(name), ChangeBus(), settings)
        qtbot.addWidget(page)
        page.show()
        pages[name] = page
    visits, clues = pages["visits"].workflow, pages["clues"].workflow
    assert visits is not None and visits.print_button is not None
    assert clues is not None and clues.print_button is not None
    pages["visits"].select_ids([])
    visits.update()
    assert visits.print_button.isEnabled()
    assert [item.isEnabled() for item, _action in visits.print_items] == [False, False, True]
    pages["visits"].select_ids(ids[:1])
    visits.update()
    assert [item.isEnabled() for item, _action in visits.print_items] == [True, True, True]
    clues.update()  # nothing selected: every clue form needs a selected clue
    assert not clues.print_button.isEnabled()
