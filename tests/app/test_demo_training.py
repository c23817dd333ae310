"""Training and reporting demo data: lessons with attendance (and absences), weekly tests with
scores, half-year reports and 一岗双责 hearings in township and group installations, every row
valid, the duties showing gaps; in the demo county the county's feedback reaches the unit."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from apphelpers import PASSWORD, OpenDb, init_installation
from sqlalchemy import select

from app.context import Context
from app.db.database import Database
from app.demo.batch import add_demo_batch
from app.models.org import Staff
from app.models.reporting import PartyReport, ReportFeedback, WorkReport
from app.models.training import Lesson, LessonAttendance, WeeklyScore, WeeklyTest
from app.registers import get
from app.registers.training import lessons_paid, scores_paid
from app.services import login
from app.services.records import RecordService

TODAY = date(2026, 7, 15)
UNITS = {"township": ("T05", "河口镇纪委"), "group": ("G03", "派驻第三纪检监察组")}
REGISTERS = ("lessons", "lesson_attendance", "weekly_tests", "test_scores", "work_reports", "party_reports")


def _rows(db: Database, model: Any) -> list[Any]:
    with db.session() as s:
        rows = list(s.scalars(select(model).where(model.deleted.is_(False))))
        s.expunge_all()
        return rows


@pytest.mark.parametrize("unit_type", list(UNITS))
def test_a_batch_fills_lessons_tests_and_reports(open_db: OpenDb, unit_type: str) -> None:
    code, name = UNITS[unit_type]
    db = init_installation(open_db(), unit_type=unit_type, code=code, name=name)
    counts = add_demo_batch(Context.system(db), 1, today=TODAY)
    assert counts["lessons.added"] >= 5 and counts["test_scores.added"] >= 20
    records = RecordService(Context.system(db, "admin"))
    for register in REGISTERS:  # every row saves again unchanged: valid by the registers' rules
        reg = get(register)
        for rid in records.ids(reg):
            records.save(reg, {}, rid, confirmed=True)

    staff = {p.id for p in _rows(db, Staff)}
    attendance = _rows(db, LessonAttendance)
    absent = [a for a in attendance if not a.present]
    assert absent and all(a.absence_reason for a in absent) and len(absent) < len(attendance) / 3
    assert {a.staff_id for a in attendance} == staff
    scores = _rows(db, WeeklyScore)
    assert all(0 <= s.score <= 100 for s in scores if s.score is not None)
    assert any(s.score is None and s.absence_reason for s in scores)
    lessons, tests = _rows(db, Lesson), _rows(db, WeeklyTest)
    assert all(date(2026, 1, 1) <= c.held_on < TODAY for c in lessons)
    assert all(TODAY - timedelta(weeks=9) <= t.held_on < TODAY for t in tests)
    reports = _rows(db, WorkReport)
    assert reports and {r.half for r in reports} <= {"2025H2", "2026H1"}
    assert all(r.reported_on.month in (6, 7, 12, 1) for r in reports)
    assert bool(_rows(db, PartyReport)) is (unit_type == "township")  # heard by townships only
    assert not _rows(db, ReportFeedback)  # the county gives it, not the unit

    # Coverage has gaps: in some month or week someone is missing.
    with db.session() as s:
        months = [(date(2026, m, 1), date(2026, m + 1, 1) - timedelta(days=1)) for m in range(1, 7)]
        lesson_gaps = [first for first, last in months if set(lessons_paid(s, first, last)) != staff]
        monday = TODAY - timedelta(days=TODAY.weekday())
        weeks = [
            (monday - timedelta(weeks=n), monday - timedelta(weeks=n) + timedelta(days=6))
            for n in range(1, 9)
        ]
        test_gaps = [first for first, last in weeks if set(scores_paid(s, first, last)) != staff]
    assert lesson_gaps and len(lesson_gaps) < len(months) + 1
    assert test_gaps


def test_a_later_batch_adds_this_months_lesson_and_a_test(open_db: OpenDb) -> None:
    db = init_installation(open_db(), unit_type="township", code="T05", name="河口镇纪委")
    add_demo_batch(Context.system(db), 1, today=TODAY)
    before = {c.held_on for c in _rows(db, WeeklyTest)}
    counts = add_demo_batch(Context.system(db), 2, today=TODAY + timedelta(days=3))
    assert counts.get("weekly_tests.added", 0) == 1
    assert {c.held_on for c in _rows(db, WeeklyTest)} - before == {TODAY + timedelta(days=2)}


def test_the_demo_county_gives_feedback_that_reaches_the_units(
    demo_county_cli: tuple[Path, subprocess.CompletedProcess[str], Path],
) -> None:
    county = login.login(demo_county_cli[0] / "DEMO", None, "admin", PASSWORD)
    try:
        with county.db.session() as s:
            feedback = list(s.scalars(select(ReportFeedback)))
            reports = {r.id: r.owner for r in s.scalars(select(WorkReport))}
            lessons = set(s.scalars(select(Lesson.owner)))
            tests = set(s.scalars(select(WeeklyTest.owner)))
    finally:
        county.db.close()
    assert len(lessons) == len(tests) == 18  # every township and group keeps them
    assert len(set(reports.values())) >= 10 and feedback and {f.owner for f in feedback} == {"DEMO"}
    code = reports[feedback[0].report_id]
    theirs = {f.id for f in feedback if reports[f.report_id] == code}
    unit = login.login(demo_county_cli[0] / code, None, "admin", PASSWORD)
    try:
        with unit.db.session() as s:
            held = set(s.scalars(select(ReportFeedback.id)))
    finally:
        unit.db.close()
    assert held == theirs  # the county's feedback on the unit's reports, and on no other unit's
