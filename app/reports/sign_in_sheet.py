"""The printed sign-in sheet of a lesson (每月一课签到表): A4, a lesson a page (or more).

The sheet shows the unit, the date, the topic, the teacher and the place, then a row per staff
member with their post, a column to sign in and one for notes. The rows are the lesson's
attendance when it has been entered (an absence's reason printed in the notes), else the unit's
staff in post on the lesson's day, so the sheet can be printed before the lesson and signed
there. Printing needs the PRINT permission and writes one PRINT entry per lesson in the audit
log, in the same step that puts the file in place. The sheet's text is Chinese whatever the
interface language (see ``app.reports.form_parts``).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from sqlalchemy import or_, select

from app.models.org import Staff
from app.registers import get as get_register
from app.reports import fonts
from app.reports.form_parts import (
    a4_page,
    audited_print,
    date_text,
    footer,
    new_canvas,
    para,
    registered_by,
    table,
    write_pdf,
)
from app.security.roles import PRINT
from app.services.records import ListQuery, RecordService

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

    from app.reports.form_parts import Page

TITLE = "每月一课签到表"
ROWS_PER_PAGE = 20


@dataclass(frozen=True)
class SignInSheet:
    """What one lesson's sheet shows (display text)."""

    lesson_id: str
    unit: str
    held_on: str
    topic: str
    teacher: str
    place: str
    people: tuple[tuple[str, str, str], ...]  # (name, post, note)
    registered_by: str = ""  # the full name of who entered the lesson ("" when not known here)


def sign_in_sheets(records: RecordService, ids: Sequence[str]) -> list[SignInSheet]:
    """What the sheet of each lesson in ``ids`` shows, as the acting user may see it."""
    lessons, attendance, staff = (
        get_register("lessons"),
        get_register("lesson_attendance"),
        get_register("staff"),
    )
    listed = records.rows(lessons, list(ids))
    who = registered_by(records, lessons.model, ids)
    post_field = staff.field("post")
    out = []
    for lesson_id in ids:
        lesson = records.get(lessons, lesson_id)
        held: date = lesson["held_on"]
        entered = [
            records.get(attendance, a)
            for a in records.ids(attendance, ListQuery(filters={"lesson_id": lesson_id}))
        ]
        with records.ctx.session() as s:
            if entered:
                named = select(Staff).where(Staff.id.in_([v["staff_id"] for v in entered]))
                people = {p.id: p for p in s.scalars(named)}
                listing = [
                    (people[v["staff_id"]], "" if v["present"] else f"缺课：{v['absence_reason']}")
                    for v in entered
                    if v["staff_id"] in people
                ]
            else:
                in_post = select(Staff).where(
                    Staff.deleted.is_(False),
                    Staff.unit_id == lesson["unit_id"],
                    or_(Staff.left_on.is_(None), Staff.left_on > held),
                )
                listing = [(p, "") for p in s.scalars(in_post)]
            order = {value: n for n, (value, _label) in enumerate(post_field.choices)}
            listing.sort(key=lambda pair: (order.get(pair[0].post, 99), pair[0].name))
            people_rows = tuple((p.name, post_field.choice_label(p.post), note) for p, note in listing)
        labels = listed.get(lesson_id, {})
        out.append(
            SignInSheet(
                lesson_id=lesson_id,
                unit=labels.get("unit_id", ""),
                held_on=date_text(held),
                topic=str(lesson.get("topic") or ""),
                teacher=str(lesson.get("teacher") or ""),
                place=str(lesson.get("place") or ""),
                people=people_rows,
                registered_by=who.get(lesson_id, ""),
            )
        )
    return out


# ---- drawing -------------------------------------------------------------------------------------
def _page(
    c: Canvas, page: Page, sheet: SignInSheet, people: Sequence[tuple[str, str, str]], start: int
) -> None:
    mm = page.mm
    fonts.draw_centred_string(c, page.width / 2, page.top - 12 * mm, TITLE, 22, fonts.TITLE)
    y = page.top - 24 * mm

    def lab(text: str) -> Any:
        return para(page, text, "label")

    def p(text: str) -> Any:
        return para(page, text)

    label_w = 22 * mm
    value_w = (page.inner - 2 * label_w) / 2
    head = table(
        page,
        [
            [lab("单　　位"), p(sheet.unit), lab("日　　期"), p(sheet.held_on)],
            [lab("主　　题"), p(sheet.topic), "", ""],
            [lab("授 课 人"), p(sheet.teacher), lab("地　　点"), p(sheet.place)],
        ],
        [label_w, value_w, label_w, value_w],
        [10 * mm, 10 * mm, 10 * mm],
        [("SPAN", (1, 1), (3, 1))],
    )
    _w, h = head.wrapOn(c, page.inner, y - page.bottom)
    head.drawOn(c, page.left, y - h)
    y -= h + 4 * mm
    widths = [14 * mm, 32 * mm, 28 * mm, 56 * mm]
    widths.append(page.inner - sum(widths))
    rows: list[list[Any]] = [[lab("序号"), lab("姓名"), lab("职务"), lab("签　　名"), lab("备注")]]
    for n, (name, post, note) in enumerate(people, start=start):
        rows.append([lab(str(n)), lab(name), lab(post), "", p(note)])
    for _blank in range(max(0, min(3, ROWS_PER_PAGE - len(people)))):  # room for a late arrival
        rows.append(["", "", "", "", ""])
    body = table(page, rows, widths, [10 * mm] * len(rows), [])
    _w, h = body.wrapOn(c, page.inner, y - page.bottom)
    body.drawOn(c, page.left, y - h)


def _draw(target: str | io.BytesIO, records: RecordService, sheets: Sequence[SignInSheet]) -> int:
    page = a4_page()
    info = records.db.installation()
    printed = datetime.now()
    pages = [
        (sheet, sheet.people[i : i + ROWS_PER_PAGE], i + 1)
        for sheet in sheets
        for i in range(0, max(1, len(sheet.people)), ROWS_PER_PAGE)
    ]
    c = new_canvas(target, page, TITLE, info.unit_name if info else "")
    for n, (sheet, people, start) in enumerate(pages, start=1):
        _page(c, page, sheet, people, start)
        footer(c, page, n, len(pages), printed=printed, unit=sheet.unit, registered_by=sheet.registered_by)
        c.showPage()
    c.save()
    return len(pages)


def sign_in_pdf(records: RecordService, ids: list[str], out: Path | BinaryIO) -> int:
    """Write the sign-in sheet of each lesson in ``ids`` to ``out`` (a path, written atomically,
    or a binary stream); return the page count. Needs the PRINT permission; audited per lesson."""
    records.actor.require(PRINT)
    if not ids:
        raise ValueError("no lessons to print")
    ids = list(dict.fromkeys(ids))
    sheets = sign_in_sheets(records, ids)
    table_name = get_register("lessons").model.__table__.name  # type: ignore[attr-defined]
    pages = [0]

    def draw(target: str | io.BytesIO) -> None:
        pages[0] = _draw(target, records, sheets)

    write_pdf(out, draw, lambda: audited_print(records, table_name, ids, "sign_in"))
    return pages[0]
