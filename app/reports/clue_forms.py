"""The two paper forms of a problem clue: 问题线索登记表 and 线索处置呈批表 (A4, one page a clue).

``clue_forms_pdf`` draws the forms of several clues into one PDF with the bundled CJK font
(embedded as a subset, see ``app.reports.fonts``), ruled like the forms a county office files.
The values are the ones ``RecordService.get`` gives the acting user: a sensitive field the actor
may not read (the summary, the reporter of the source report) is printed as （受限）, exactly as
the window shows it. Printing needs the PRINT permission and writes one PRINT entry per clue in
the audit log (the form and the clue's id, never its content), in the same step that puts the
file in place. The forms are Chinese documents for the office's files: their text does not follow
the interface language (like the recovery sheet's), so it is not marked for translation.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from app.registers import get as get_register
from app.registers.fields import DATE, REF
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
    place,
    registered_by,
    signature,
    signature_line,
    table,
    vertical,
    write_pdf,
)
from app.security import sensitive
from app.security.roles import PRINT
from app.security.secrecy import NotInAudience
from app.services.records import RecordService

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Flowable

REGISTER = "register"
APPROVAL = "approval"
KINDS = (REGISTER, APPROVAL)

TITLES = {REGISTER: "问题线索登记表", APPROVAL: "线索处置呈批表"}
REGISTER_ONLY_LINE = "仅登记，内容不录入"
ANONYMOUS = "匿名"


class UnknownFormError(ValueError):
    pass


@dataclass(frozen=True)
class ClueSheet:
    """What one clue's form shows: display text by field name, as the actor may see it."""

    clue_id: str
    text: dict[str, str]
    register_only: bool
    proposed: str  # the stored code of 拟办意见 ("" when none)
    registered_by: str = ""  # the name of who registered the clue ("" when unknown)


def _sheets(records: RecordService, ids: Sequence[str], with_reporter: bool) -> list[ClueSheet]:
    clues = get_register("clues")
    reports = get_register("reports")
    people = get_register("people")
    listed = records.rows(clues, list(ids))  # reference labels (承办单位, 承办人) as the list shows them
    creators = registered_by(records, clues.model, ids)
    out = []
    for clue_id in ids:
        values = records.get(clues, clue_id)
        text: dict[str, str] = {}
        for f in clues.fields:
            value = values.get(f.name)
            if f.kind == DATE:
                text[f.name] = date_text(value)
            elif f.kind == REF:
                text[f.name] = listed.get(clue_id, {}).get(f.name, "")
            else:
                text[f.name] = RecordService.display(f, value, {})
        if values.get("person_id"):  # the person record says what the rules ask (监察法 art. 15)
            person = records.rows(people, [values["person_id"]]).get(values["person_id"], {})
            codes = {label: code for code, label in people.field("object_category").choices}
            category = codes.get(person.get("object_category", ""), "")
            text["subject_is_object"] = f"是（第{'一二三四五六'[int(category) - 1]}类）" if category else "否"
            text["subject_is_member"] = person.get("party_member", text["subject_is_member"])
        text["report_number"] = ""
        text["reporter"] = ""
        if values.get("report_id"):
            if with_reporter and not values.get("register_only"):
                text["report_number"], text["reporter"] = _reporter(records, reports, values["report_id"])
            else:
                text["report_number"] = _report_number(records, reports, values["report_id"])
        out.append(
            ClueSheet(
                clue_id,
                text,
                bool(values.get("register_only")),
                values.get("proposed_handling") or "",
                creators.get(clue_id, ""),
            )
        )
    return out


def _report_number(records: RecordService, reports: Any, report_id: str) -> str:
    rows = records.rows(reports, [report_id])
    return rows.get(report_id, {}).get("number", sensitive.RESTRICTED)


def _reporter(records: RecordService, reports: Any, report_id: str) -> tuple[str, str]:
    """The source report's number and its reporter as the actor may see them."""
    try:
        report = records.get(reports, report_id)
    except NotInAudience:
        return sensitive.RESTRICTED, sensitive.RESTRICTED
    reporter = report.get("reporter") or ""
    if reporter in sensitive.PLACEHOLDERS:
        return report.get("number") or "", reporter
    if not reporter:
        return report.get("number") or "", "" if report.get("named") else ANONYMOUS
    return report.get("number") or "", reporter


# ---- drawing -------------------------------------------------------------------------------------
def _choices(page: Page, options: Sequence[tuple[str, str]], chosen: str) -> Flowable:
    """A row of tick boxes, the chosen one ticked."""
    from reportlab.platypus import Flowable

    size = 10.5
    box = 3.4 * page.mm

    class Choices(Flowable):
        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.width = available_width
            return available_width, size * 1.5

        def draw(self) -> None:
            c = self.canv
            x = 0.0
            step = self.width / max(1, len(options))
            for code, label in options:
                draw_tick_box(c, x, 0.5, box, code == chosen)
                fonts.draw_string(c, x + box + 1.5 * page.mm, 1.5, label, size)
                x += step

    return Choices()


def _header(c: Canvas, page: Page, title: str, unit_name: str, sheet: ClueSheet) -> float:
    """Secrecy mark, title, unit and number; return the y where the table starts."""
    mm = page.mm
    secrecy = sheet.text.get("secrecy", "")
    mark = "密级：" + (secrecy if secrecy and sheet.text.get("secrecy") != "无" else "")
    width = fonts.string_width("密级：" + "　" * 4, 12, fonts.HEITI)
    x = page.right - width
    fonts.draw_string(c, x, page.top - 4 * mm, mark, 12, fonts.HEITI)
    c.setLineWidth(0.6)
    c.line(
        x + fonts.string_width("密级：", 12, fonts.HEITI), page.top - 5 * mm, page.right, page.top - 5 * mm
    )
    fonts.draw_centred_string(c, page.width / 2, page.top - 18 * mm, title, 22, fonts.TITLE)
    y = page.top - 28 * mm
    fonts.draw_string(c, page.left, y, "填报单位：" + unit_name, 11)
    number = "线索编号：" + sheet.text.get("number", "")
    fonts.draw_string(c, page.right - fonts.string_width(number, 11), y, number, 11)
    return y - 3 * mm


def _register_form(c: Canvas, page: Page, sheet: ClueSheet, top: float) -> None:
    mm = page.mm
    t = sheet.text
    a, b, d = 12 * mm, 26 * mm, 28 * mm
    cc = (page.inner - a - b - d) * 0.45
    e = page.inner - a - b - d - cc
    widths = [a, b, cc, d, e]
    bottom = page.bottom + 16 * mm  # the 登记人 line and the footer

    def p(text: str) -> Flowable:
        return para(page, text)

    def lab(text: str) -> Flowable:
        return para(page, text, "label")

    def pair_row(l1: str, v1: str, l2: str, v2: str) -> list[Any]:
        return [lab(l1), "", p(v1), lab(l2), p(v2)]

    def build(flex: float | None) -> Any:
        rows: list[list[Any]] = [
            pair_row("线索来源", t["source"], "来源信访件", t["report_number"]),
            pair_row("收到日期", t["received_on"], "登记日期", t["registered_on"]),
        ]
        spans: list[tuple[Any, ...]] = [("SPAN", (0, 0), (1, 0)), ("SPAN", (0, 1), (1, 1))]
        heights: list[float | None] = [10 * mm, 10 * mm]
        flex_row = -1
        if sheet.register_only:
            rows.append(pair_row("承办单位", t["handling_unit_id"], "承办人", t["handler_id"]))
            heights.append(10 * mm)
            rows.append([lab("内容"), "", para(page, REGISTER_ONLY_LINE, "note"), "", ""])
            flex_row = len(rows) - 1
            heights.append(40 * mm + (flex or 0.0) if flex is not None else 40 * mm)
            spans += [("SPAN", (0, 2), (1, 2)), ("SPAN", (0, 3), (1, 3)), ("SPAN", (2, 3), (4, 3))]
        else:
            rows.append([lab("反映人"), "", p(t["reporter"]), "", ""])
            heights.append(10 * mm)
            spans += [("SPAN", (0, 2), (1, 2)), ("SPAN", (2, 2), (4, 2))]
            first = len(rows)
            rows += [
                [
                    vertical(page, "被反映人"),
                    lab("姓名"),
                    p(t["subject_name"]),
                    lab("工作单位"),
                    p(t["subject_unit"]),
                ],
                ["", lab("职务"), p(t["subject_post"]), lab("职级"), p(t["subject_rank"])],
                [
                    "",
                    lab("管理权限"),
                    p(t["subject_authority"]),
                    lab("所在村（社区）"),
                    p(t["subject_village"]),
                ],
                ["", lab("监察对象"), p(t["subject_is_object"]), lab("中共党员"), p(t["subject_is_member"])],
            ]
            heights += [10 * mm] * 4
            spans.append(("SPAN", (0, first), (0, first + 3)))
            rows.append(pair_row("问题类别", t["category"], "二级类别", t["subcategory"]))
            heights.append(10 * mm)
            spans.append(("SPAN", (0, len(rows) - 1), (1, len(rows) - 1)))
            summary_height = 60 * mm + (flex or 0.0)
            rows.append(
                [
                    vertical(page, "线索摘要"),
                    fitted([para(page, t["summary"], "body")], b + cc + d + e - 10, summary_height - 10),
                    "",
                    "",
                    "",
                ]
            )
            flex_row = len(rows) - 1
            heights.append(summary_height)
            spans += [("SPAN", (1, flex_row), (4, flex_row)), ("VALIGN", (1, flex_row), (4, flex_row), "TOP")]
            rows.append(pair_row("承办单位", t["handling_unit_id"], "承办人", t["handler_id"]))
            heights.append(10 * mm)
            spans.append(("SPAN", (0, len(rows) - 1), (1, len(rows) - 1)))
        assert flex_row >= 0
        return table(page, rows, widths, heights, spans)

    place(c, page, build, top, bottom)
    y = page.bottom + 8 * mm
    x = signature_line(c, page.left, y, "登记人：", 40 * mm, sheet.registered_by)
    signature_line(c, x + 20 * mm, y, "登记日期：", 45 * mm, t["registered_on"] or "")


def _approval_form(c: Canvas, page: Page, sheet: ClueSheet, top: float) -> None:
    mm = page.mm
    t = sheet.text
    label_w = 31 * mm
    value_w = (page.inner - 2 * label_w) / 2
    widths = [label_w, value_w, label_w, value_w]
    span_w = page.inner - label_w - 10
    bottom = page.bottom + 4 * mm
    choices = get_register("clues").field("proposed_handling").choices

    def p(text: str, style: str = "value") -> Flowable:
        return para(page, text, style)

    def lab(text: str) -> Flowable:
        return para(page, text, "label")

    def box(lines: list[str], signature_label: str, height: float) -> Flowable:
        from reportlab.platypus import Spacer

        content: list[Flowable] = [p(line) for line in lines if line]
        used = sum(x.wrap(span_w, height)[1] for x in content)
        sign = signature(page, signature_label)
        content += [Spacer(1, max(0.0, height - 10 - used - sign.wrap(span_w, height)[1] - 2)), sign]
        return fitted(content, span_w, height - 8)

    summary = REGISTER_ONLY_LINE if sheet.register_only else t["summary"]
    subject_post = "　".join(x for x in (t["subject_unit"], t["subject_post"]) if x)
    category = "／".join(x for x in (t["category"], t["subcategory"]) if x)

    def build(flex: float | None) -> Any:
        summary_h = 40 * mm + (flex or 0.0)
        handler_h, dept_h, leader_h, reason_h = 24 * mm, 28 * mm, 34 * mm, 30 * mm
        rows: list[list[Any]] = [
            [lab("线索编号"), p(t["number"]), lab("收到日期"), p(t["received_on"])],
            [lab("被反映人"), p(t["subject_name"]), lab("工作单位及职务"), p(subject_post)],
            [lab("线索来源"), p(t["source"]), lab("问题类别"), p(category)],
            [lab("线索摘要"), fitted([p(summary, "body")], span_w, summary_h - 10), "", ""],
            [lab("拟办意见"), _choices(page, choices, sheet.proposed), "", ""],
            [
                lab("处置理由"),
                fitted([p(t["disposal_reason"], "body")], span_w, reason_h - 10),
                "",
                "",
            ],
            [lab("承办人意见"), box([f"承办人：{t['handler_id']}"], "签名：", handler_h), "", ""],
            [lab("承办部门意见"), box([], "负责人签名：", dept_h), "", ""],
            [lab("分管领导审批"), box([f"审批领导：{t['approver']}"], "签名：", leader_h), "", ""],
            [lab("集体研究日期"), p(t["decided_on"]), lab("处置方式"), p(t["disposal"])],
        ]
        heights: list[float | None] = [
            10 * mm, 12 * mm, 10 * mm, summary_h, 11 * mm, reason_h, handler_h, dept_h, leader_h, 10 * mm,
        ]  # fmt: skip
        extra: list[tuple[Any, ...]] = [("SPAN", (1, r), (3, r)) for r in range(3, 9)]
        extra += [("VALIGN", (1, r), (3, r), "TOP") for r in (3, 5, 6, 7, 8)]
        return table(page, rows, widths, heights, extra)

    place(c, page, build, top, bottom)


_FORMS = {REGISTER: _register_form, APPROVAL: _approval_form}


def _draw(target: str | io.BytesIO, records: RecordService, sheets: Sequence[ClueSheet], kind: str) -> None:
    page = a4_page()
    info = records.db.installation()
    unit_name = info.unit_name if info else ""
    title = TITLES[kind]
    printed = datetime.now()
    c = new_canvas(target, page, title, unit_name)
    for n, sheet in enumerate(sheets, start=1):
        top = _header(c, page, title, unit_name, sheet)
        _FORMS[kind](c, page, sheet, top)
        footer(c, page, n, len(sheets), printed=printed, unit=unit_name, registered_by=sheet.registered_by)
        c.showPage()
    c.save()


def clue_forms_pdf(records: RecordService, ids: list[str], kind: str, out: Path | BinaryIO) -> int:
    """Write the ``kind`` form ("register" or "approval") of each clue in ``ids``, one page a
    clue, to ``out`` (a path, written atomically, or a binary stream); return the page count.

    Needs the PRINT permission; shows what the acting user may see; audited per clue."""
    if kind not in KINDS:
        raise UnknownFormError(kind)
    records.actor.require(PRINT)
    if not ids:
        raise ValueError("no clues to print")
    ids = list(dict.fromkeys(ids))
    sheets = _sheets(records, ids, with_reporter=kind == REGISTER)
    table_name = get_register("clues").model.__table__.name  # type: ignore[attr-defined]
    write_pdf(
        out,
        lambda target: _draw(target, records, sheets, kind),
        lambda: audited_print(records, table_name, ids, f"clue_{kind}"),
    )
    return len(sheets)
