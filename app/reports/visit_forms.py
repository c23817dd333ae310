"""The printed visit form (驻村监督工作记录表 / 驻在监督工作记录表): A4, one page a visit.

Staff take the form to the village (or the supervised unit), fill it in by hand and enter it
afterwards; the visit's short code is printed as text and as a QR code in the top right corner so
the entry finds the visit again. ``visit_forms_pdf`` prints what is stored (pre-filled: the
people talked to, the matters ticked, findings, problems, clues, follow-up) or, with
``blank=True``, only what was planned (unit, village or supervised unit, dates, staff, code) and
empty boxes for the rest. The checklist is the county's setting for the unit type
(``app.services.checklist``). Printing needs the PRINT permission and writes one PRINT entry per
visit in the audit log, in the same step that puts the file in place (as the clue forms do). The
form's text is Chinese whatever the interface language (see ``app.reports.form_parts``).
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from app.quarters import parse_quarter, quarter_key, quarter_text
from app.registers import get as get_register
from app.reports import fonts
from app.reports.form_parts import (
    Page,
    a4_page,
    audited_print,
    date_text,
    draw_tick_box,
    fitted,
    footer,
    new_canvas,
    para,
    registered_by,
    table,
    write_pdf,
)
from app.security.roles import PRINT
from app.services.checklist import visit_checklist
from app.services.records import ListQuery, RecordService

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Flowable

TOWNSHIP, GROUP = "township", "group"
TITLES = {TOWNSHIP: "驻村监督工作记录表", GROUP: "驻在监督工作记录表"}
DOCUMENT_TITLE = "驻村（驻在）监督工作记录表"
# What the stored 检查事项 are joined with (the form's own "、", and what people type instead).
_MATTER_SEPARATORS = re.compile(r"[、，,；;\n]+")


@dataclass(frozen=True)
class VisitSheet:
    """What one visit's form shows (display text), pre-filled or blank."""

    visit_id: str
    code: str
    kind: str  # township | group
    unit: str
    target: str  # the village or the supervised unit
    quarter: str
    planned_on: str
    days: str
    lead: str
    member: str
    visited_on: str
    people_talked: str
    matters: tuple[tuple[str, bool], ...]  # the checklist, ticked where the visit checked it
    other_matters: str  # matters recorded that the checklist does not list
    findings: str
    problems: str
    clues_found: str
    follow_up: str


def quarter_visit_ids(records: RecordService, quarter: str) -> list[str]:
    """The live visits of ``quarter`` (``2026Q4``) that are planned or done (not cancelled), in
    date order: what ``print visit-forms --quarter`` prints. ValueError for a malformed quarter."""
    year, q = parse_quarter(quarter)
    visits = get_register("visits")
    key = quarter_key(year, q)
    every = records.ids(visits, ListQuery(filters={"quarter": key}, sort="planned_on"))
    cancelled = set(records.ids(visits, ListQuery(filters={"quarter": key, "state": "cancelled"})))
    return [vid for vid in every if vid not in cancelled]


def _split_matters(text: str) -> list[str]:
    return [m.strip() for m in _MATTER_SEPARATORS.split(text or "") if m.strip()]


def visit_sheets(records: RecordService, ids: Sequence[str], *, blank: bool = False) -> list[VisitSheet]:
    """What the form of each visit in ``ids`` shows, as the acting user may see it."""
    visits = get_register("visits")
    listed = records.rows(visits, list(ids))  # reference labels (unit, village, staff)
    checklists: dict[str, list[str]] = {}
    out = []
    for visit_id in ids:
        v = records.get(visits, visit_id)
        labels = listed.get(visit_id, {})
        kind = GROUP if v.get("supervised_unit_id") else TOWNSHIP
        if kind not in checklists:
            checklists[kind] = visit_checklist(records, kind)
        items = checklists[kind]
        checked = [] if blank else _split_matters(v.get("matters") or "")
        other = [m for m in checked if m not in items]

        def filled(name: str, v: dict[str, Any] = v) -> str:
            return "" if blank else str(v.get(name) or "")

        out.append(
            VisitSheet(
                visit_id=visit_id,
                code=str(v.get("code") or ""),
                kind=kind,
                unit=labels.get("unit_id", ""),
                target=labels.get("supervised_unit_id" if kind == GROUP else "village_id", ""),
                quarter=str(v.get("quarter") or ""),
                planned_on=date_text(v.get("planned_on")),
                days=f"{v.get('days') or 1} 天",
                lead=labels.get("lead_id", ""),
                member=labels.get("member_id", ""),
                visited_on="" if blank else date_text(v.get("visited_on")),
                people_talked=filled("people_talked"),
                matters=tuple((item, item in checked) for item in items),
                other_matters="、".join(other),
                findings=filled("findings"),
                problems=filled("problems"),
                clues_found=filled("clues_found"),
                follow_up=filled("follow_up"),
            )
        )
    return out


# ---- drawing -------------------------------------------------------------------------------------
QR_SIZE_MM = 24.0


def _qr(c: Canvas, page: Page, code: str, x: float, y: float) -> None:
    """The code as a QR code (error correction M, a two-module quiet zone included) of side
    QR_SIZE_MM with its lower left corner at (x, y).

    reportlab's QR encoder makes the modules; they are drawn as one filled path of dark runs
    (the barcode widget would build a shape object per run and encode the code twice)."""
    from reportlab.graphics.barcode.qr import QrCodeWidget

    qr = QrCodeWidget(code, barLevel="M").qr
    qr.make()
    modules = qr.modules
    border = 2
    box = QR_SIZE_MM * page.mm / (len(modules) + 2 * border)
    path = c.beginPath()
    for r, row in enumerate(modules):
        top = y + (len(modules) + border - r) * box
        start = None
        for col, dark in enumerate([*row, False]):
            if dark and start is None:
                start = col
            elif not dark and start is not None:
                path.rect(x + (start + border) * box, top - box, (col - start) * box, box)
                start = None
    c.setFillColorRGB(0, 0, 0)
    c.drawPath(path, stroke=0, fill=1)


def _header(c: Canvas, page: Page, sheet: VisitSheet) -> float:
    """The QR code and the code in the top right corner, the title and quarter, the filing unit;
    return the y where the table starts."""
    mm = page.mm
    qr_x = page.right - QR_SIZE_MM * mm + 2 * mm  # the QR code's quiet zone lines up with the margin
    _qr(c, page, sheet.code, qr_x, page.top - QR_SIZE_MM * mm + 4 * mm)
    fonts.draw_centred_string(c, page.width / 2, page.top - 12 * mm, TITLES[sheet.kind], 22, fonts.TITLE)
    sub = f"（{quarter_text(sheet.quarter)}）" if sheet.quarter else ""
    fonts.draw_centred_string(c, page.width / 2, page.top - 19 * mm, sub, 12)
    y = page.top - 28 * mm
    fonts.draw_string(c, page.left, y, "填报单位：" + sheet.unit, 11)
    # The code as text under the QR code, in a typewriter face (to copy by hand when it will not scan).
    label_w = fonts.string_width("记录表编码：", 11)
    code_w = fonts.string_width(sheet.code, 11, fonts.MONO_BOLD_FONT)
    x = page.right - label_w - code_w
    fonts.draw_string(c, x, y, "记录表编码：", 11)
    fonts.draw_string(c, x + label_w, y, sheet.code, 11, fonts.MONO_BOLD_FONT)
    return y - 3 * mm


def _checklist(page: Page, sheet: VisitSheet, width: float) -> Flowable:
    """The matters in two columns, each with a drawn tick box, then 其他 with a line to write on."""
    from reportlab.platypus import Flowable

    size = 10.5
    mm = page.mm
    box = 3.4 * mm
    line_h = 6.2 * mm
    items = sheet.matters
    per_column = (len(items) + 1) // 2
    other = sheet.other_matters

    class Checklist(Flowable):
        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.width = width
            self.height = (per_column + 1) * line_h + 1 * mm
            return self.width, self.height

        def draw(self) -> None:
            c = self.canv
            column = self.width / 2
            for i, (name, ticked) in enumerate(items):
                x = (i // per_column) * column
                y = self.height - (i % per_column + 1) * line_h + 1.2 * mm
                draw_tick_box(c, x, y - 0.6, box, ticked)
                fonts.draw_string(c, x + box + 2 * mm, y, name, size)
            y = self.height - (per_column + 1) * line_h + 1.2 * mm
            draw_tick_box(c, 0, y - 0.6, box, bool(other))
            w = fonts.draw_string(c, box + 2 * mm, y, "其他：", size)
            start = box + 2 * mm + w
            c.setLineWidth(0.5)
            c.line(start, y - 1.5, self.width - 2 * mm, y - 1.5)
            if other:
                fonts.draw_string(c, start + 1 * mm, y, other, size)

    return Checklist()


def _date_parts(mm: float) -> tuple[tuple[str, float], ...]:
    """年　月　日 with room to write (text, blank width after it)."""
    return (("", 12 * mm), ("年", 7 * mm), ("月", 7 * mm), ("日", 0.0))


def _draw_blank_date(c: Canvas, x: float, y: float, mm: float, size: float = 10.5) -> None:
    for text, gap in _date_parts(mm):
        x += fonts.draw_string(c, x, y, text, size) + gap


def _blank_date(page: Page) -> Flowable:
    """年　　月　　日 to fill in by hand (a paragraph would fold the blanks)."""
    from reportlab.platypus import Flowable

    class BlankDate(Flowable):
        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return available_width, 12.0

        def draw(self) -> None:
            _draw_blank_date(self.canv, 0, 2, page.mm)

    return BlankDate()


def _sign_box(page: Page, label: str, width: float, height: float) -> Flowable:
    """A signature cell: the label at the top, 年　月　日 at the bottom right to fill in by hand."""
    from reportlab.platypus import Flowable

    size = 10.5
    mm = page.mm

    class SignBox(Flowable):
        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.width, self.height = width, height
            return width, height

        def draw(self) -> None:
            c = self.canv
            fonts.draw_string(c, 0, self.height - size - 1 * mm, label, size)
            total = sum(fonts.string_width(text, size) + gap for text, gap in _date_parts(mm))
            _draw_blank_date(c, self.width - total - 2 * mm, 1 * mm, mm, size)

    return SignBox()


def _form(c: Canvas, page: Page, sheet: VisitSheet, top: float) -> None:
    mm = page.mm
    label_w = 27 * mm
    value_w = (page.inner - 2 * label_w) / 2
    widths = [label_w, value_w, label_w, value_w]
    span_w = page.inner - label_w - 10
    bottom = page.bottom + 2 * mm
    village = sheet.kind == TOWNSHIP
    stay = "驻村" if village else "驻在"
    blocks = (
        ("发现情况", sheet.findings),
        ("存在问题", sheet.problems),
        ("发现的\n问题线索", sheet.clues_found),
        ("跟进措施", sheet.follow_up),
    )

    def p(text: str, style: str = "value") -> Flowable:
        return para(page, text, style)

    def lab(text: str) -> Flowable:
        return para(page, text, "label")

    def filled_in(text: str, height: float) -> Flowable | str:
        """What was entered, shrunk to its box; an empty cell to write in."""
        return fitted([p(text, "body")], span_w, height - 8) if text else ""

    # Every row has a set height, so the four note boxes share what is left in one pass.
    talked_h, sign_h = 17 * mm, 24 * mm
    checklist = _checklist(page, sheet, span_w)
    checklist_h = checklist.wrap(span_w, top - bottom)[1] + 5 + 4  # its paddings
    fixed = 4 * 10 * mm + talked_h + checklist_h + sign_h
    block_h = max(24 * mm, (top - bottom - fixed) / len(blocks))
    visited = p(sheet.visited_on) if sheet.visited_on else _blank_date(page)
    rows: list[list[Any]] = [
        [lab("单　　位"), p(sheet.unit), lab("村（社区）" if village else "被监督单位"), p(sheet.target)],
        [lab(f"安排{stay}日期"), p(sheet.planned_on), lab(f"{stay}天数"), p(sheet.days)],
        [lab(f"实际{stay}日期"), visited, lab("所属季度"), p(quarter_text(sheet.quarter))],
        [lab("主 办 人"), p(sheet.lead), lab("协 办 人"), p(sheet.member)],
        [lab("谈话人员"), filled_in(sheet.people_talked, talked_h), "", ""],
        [lab("检查事项"), checklist, "", ""],
    ]
    heights: list[float | None] = [10 * mm, 10 * mm, 10 * mm, 10 * mm, talked_h, checklist_h]
    for label, text in blocks:
        rows.append([lab(label), filled_in(text, block_h), "", ""])
        heights.append(block_h)
    half = page.inner / 2 - 10
    leader = "村（社区）负责人签名：" if village else "被监督单位负责人签名："
    rows.append(
        [
            _sign_box(page, f"{stay}人员签名：", half, sign_h - 8),
            "",
            _sign_box(page, leader, half, sign_h - 8),
            "",
        ]
    )
    heights.append(sign_h)
    last = len(rows) - 1
    extra: list[tuple[Any, ...]] = [("SPAN", (1, r), (3, r)) for r in range(4, last)]
    extra += [("VALIGN", (1, r), (3, r), "TOP") for r in range(4, last)]
    extra += [("SPAN", (0, last), (1, last)), ("SPAN", (2, last), (3, last))]
    extra += [("VALIGN", (0, last), (-1, last), "TOP"), ("TOPPADDING", (0, 5), (-1, 5), 5)]
    form = table(page, rows, widths, heights, extra)
    _w, h = form.wrapOn(c, page.inner, top - bottom)
    form.drawOn(c, page.left, top - h)


def _draw(target: str | io.BytesIO, records: RecordService, sheets: Sequence[VisitSheet]) -> None:
    page = a4_page()
    info = records.db.installation()
    kinds = {s.kind for s in sheets}
    title = TITLES[kinds.pop()] if len(kinds) == 1 else DOCUMENT_TITLE
    printed = datetime.now()
    unit_name = info.unit_name if info else ""
    creators = registered_by(records, get_register("visits").model, [s.visit_id for s in sheets])
    c = new_canvas(target, page, title, unit_name)
    for n, sheet in enumerate(sheets, start=1):
        top = _header(c, page, sheet)
        _form(c, page, sheet, top)
        who = creators.get(sheet.visit_id, "")
        footer(c, page, n, len(sheets), printed=printed, unit=sheet.unit or unit_name, registered_by=who)
        c.showPage()
    c.save()


def visit_forms_pdf(
    records: RecordService, ids: list[str], out: Path | BinaryIO, *, blank: bool = False
) -> int:
    """Write the visit form of each visit in ``ids``, one page a visit, to ``out`` (a path,
    written atomically, or a binary stream); return the page count.

    Pre-filled with what is stored, or ``blank`` (only unit, target, dates, staff and code).
    Needs the PRINT permission; audited per visit."""
    records.actor.require(PRINT)
    if not ids:
        raise ValueError("no visits to print")
    ids = list(dict.fromkeys(ids))
    sheets = visit_sheets(records, ids, blank=blank)
    table_name = get_register("visits").model.__table__.name  # type: ignore[attr-defined]
    form = "visit_blank" if blank else "visit"
    write_pdf(
        out,
        lambda target: _draw(target, records, sheets),
        lambda: audited_print(records, table_name, ids, form),
    )
    return len(sheets)
