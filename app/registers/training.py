"""Training (area "education", 教育培训): 每月一课 and 每周一测.

The seed names weak training as a problem of the township commissions and the dispatched groups.
A lesson (每月一课: the day, the topic, the teacher, the unit holding it) keeps its attendance as
rows of their own, one per staff member (present, or absent and why); a weekly test (每周一测: the
day, the subject) keeps each staff member's score out of 100 the same way. Only the holding
unit's own staff appear in its attendance and scores, and only the unit that keeps the lesson
(test) enters them. ``app.services.training.take_roll`` enters the staff in post as present.

Duties (``fields.Duty``): every staff member of a township commission or a dispatched group owes
one lesson attended in every month, and one test sat (a score recorded) in every week; ``paid``
names the attendance and score rows that pay them, so coverage says who missed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.org import Staff, Unit
from app.models.training import Lesson, LessonAttendance, WeeklyScore, WeeklyTest
from app.registers.fields import (
    BOOL,
    DATE,
    INT,
    LONGTEXT,
    MONTH,
    REF,
    WEEK,
    Computed,
    Duty,
    Field,
    Register,
)
from app.registers.residency import with_own_unit

AREA = "education"
HOLDERS = {"unit_type": ("township", "group")}


def _own_unit_default(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Any]:
    return with_own_unit(s, values, HOLDERS["unit_type"])


def _foreign_staff(s: Session, model: Any, parent: str, parent_id: str, unit_id: Any) -> str | None:
    """The name of a staff member listed under ``parent_id`` who is not of ``unit_id``."""
    stmt = (
        select(Staff.name)
        .join(model, model.staff_id == Staff.id)
        .where(getattr(model, parent) == parent_id, model.deleted.is_(False), Staff.unit_id != unit_id)
    )
    return s.scalars(stmt.limit(1)).first()


def _holder_validate(model: Any, parent: str, label: str):
    def validate(s: Session, values: dict[str, Any], row_id: str | None) -> dict[str, Message]:
        """A lesson or test that already lists staff keeps the unit they belong to."""
        if row_id is None or not values.get("unit_id"):
            return {}
        name = _foreign_staff(s, model, parent, row_id, values["unit_id"])
        if name is None:
            return {}
        return {
            "unit_id": Message(
                QT_TRANSLATE_NOOP("app", "{what}已登记了「{staff}」等原单位人员，不能改换举办单位。"),
                {"what": label, "staff": name},
            )
        }

    return validate


def _member_errors(s: Session, staff_id: Any, unit_id: str, held_on: date) -> dict[str, Message]:
    """The staff member must belong to the holding unit and not have left by the day."""
    staff = s.get(Staff, staff_id) if staff_id else None
    if staff is None:
        return {}
    if staff.unit_id != unit_id:
        unit = s.get(Unit, unit_id)
        return {
            "staff_id": Message(
                QT_TRANSLATE_NOOP("app", "「{staff}」不是{unit}的工作人员，不能登记在这里。"),
                {"staff": staff.name, "unit": unit.name if unit is not None else ""},
            )
        }
    if staff.left_on is not None and staff.left_on <= held_on:
        return {
            "staff_id": Message(
                QT_TRANSLATE_NOOP("app", "「{staff}」已于 {day} 离岗，不能登记在这里。"),
                {"staff": staff.name, "day": staff.left_on.isoformat()},
            )
        }
    return {}


def _owner_errors(s: Session, parent: Any, field: str, row_id: str | None) -> dict[str, Message]:
    """A new row of a lesson's attendance (a test's scores) is entered where the lesson (test) is
    kept: by the unit that owns it, which sends it with the rest in its bundle."""
    here = s.info.get("unit")
    if row_id is not None or not here or not parent.owner or parent.owner == here:
        return {}
    return {
        field: Message(
            QT_TRANSLATE_NOOP("app", "所选记录属于单位 {owner}，其中的人员只能由该单位登记。"),
            {"owner": parent.owner},
        )
    }


# ---- 每月一课 ----------------------------------------------------------------------------------
def _present_count(present: bool) -> Any:
    return (
        select(func.count(LessonAttendance.id))
        .where(
            LessonAttendance.lesson_id == Lesson.id,
            LessonAttendance.deleted.is_(False),
            LessonAttendance.present.is_(present),
        )
        .scalar_subquery()
    )


LESSONS = Register(
    name="lessons",
    title=QT_TRANSLATE_NOOP("register", "每月一课"),
    area=AREA,
    model=Lesson,
    fields=(
        Field(
            "unit_id",
            QT_TRANSLATE_NOOP("register", "举办单位"),
            kind=REF,
            ref="units",
            ref_filter=HOLDERS,
            filterable=True,
        ),
        Field("held_on", QT_TRANSLATE_NOOP("register", "授课日期"), kind=DATE, required=True),
        Field(
            "topic",
            QT_TRANSLATE_NOOP("register", "授课主题"),
            required=True,
            max_length=100,
            searchable=True,
        ),
        Field(
            "teacher",
            QT_TRANSLATE_NOOP("register", "授课人"),
            required=True,
            max_length=64,
            searchable=True,
        ),
        Field("place", QT_TRANSLATE_NOOP("register", "地点"), max_length=64, in_list=False),
        Field("note", QT_TRANSLATE_NOOP("register", "备注"), kind=LONGTEXT, in_list=False, searchable=True),
    ),
    computed=(
        Computed("present", QT_TRANSLATE_NOOP("register", "到课人数"), lambda: _present_count(True)),
        Computed("absent", QT_TRANSLATE_NOOP("register", "缺课人数"), lambda: _present_count(False)),
    ),
    display=lambda c: f"{c.held_on:%Y-%m-%d} {c.topic}",
    default_sort="held_on",
    complete=_own_unit_default,
    validate=_holder_validate(LessonAttendance, "lesson_id", QT_TRANSLATE_NOOP("app", "本课")),
)


def _attendance_complete(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Any]:
    if values.get("present"):
        values["absence_reason"] = ""
    return values


def _attendance_validate(s: Session, values: dict[str, Any], row_id: str | None) -> dict[str, Message]:
    lesson = s.get(Lesson, values.get("lesson_id")) if values.get("lesson_id") else None
    errors: dict[str, Message] = {}
    if lesson is not None:
        errors.update(_member_errors(s, values.get("staff_id"), lesson.unit_id, lesson.held_on))
        errors.update(_owner_errors(s, lesson, "lesson_id", row_id))
    if not values.get("present") and not values.get("absence_reason"):
        errors["absence_reason"] = Message(QT_TRANSLATE_NOOP("app", "缺课须填写缺课原因。"))
    return errors


def lessons_paid(s: Session, first: date, last: date) -> dict[str, list[str]]:
    """每月一课: each staff member present at a lesson held between ``first`` and ``last``, with
    the attendance rows that say so."""
    rows = s.execute(
        select(LessonAttendance.staff_id, LessonAttendance.id)
        .join(Lesson, Lesson.id == LessonAttendance.lesson_id)
        .where(
            LessonAttendance.deleted.is_(False),
            LessonAttendance.present.is_(True),
            Lesson.deleted.is_(False),
            Lesson.held_on >= first,
            Lesson.held_on <= last,
        )
        .order_by(Lesson.held_on, LessonAttendance.id)
    )
    out: dict[str, list[str]] = {}
    for staff_id, row_id in rows:
        out.setdefault(staff_id, []).append(row_id)
    return out


MONTHLY_LESSON = Duty(
    key="monthly_lesson",
    title=QT_TRANSLATE_NOOP("register", "每月一课"),
    period=MONTH,
    owes="staff",
    paid=lessons_paid,
)

ATTENDANCE = Register(
    name="lesson_attendance",
    title=QT_TRANSLATE_NOOP("register", "每月一课签到"),
    area=AREA,
    model=LessonAttendance,
    fields=(
        Field(
            "lesson_id",
            QT_TRANSLATE_NOOP("register", "课程"),
            kind=REF,
            ref="lessons",
            required=True,
            filterable=True,
        ),
        Field(
            "staff_id",
            QT_TRANSLATE_NOOP("register", "人员"),
            kind=REF,
            ref="staff",
            required=True,
            filterable=True,
        ),
        Field("present", QT_TRANSLATE_NOOP("register", "出勤"), kind=BOOL, default=True, filterable=True),
        Field(
            "absence_reason",
            QT_TRANSLATE_NOOP("register", "缺课原因"),
            max_length=100,
            searchable=True,
        ),
    ),
    computed=(
        Computed(
            "held_on",
            QT_TRANSLATE_NOOP("register", "授课日期"),
            lambda: select(Lesson.held_on).where(Lesson.id == LessonAttendance.lesson_id).scalar_subquery(),
        ),
    ),
    display=lambda a: a.id,
    default_sort="lesson_id",
    unique=(("lesson_id", "staff_id"),),
    complete=_attendance_complete,
    validate=_attendance_validate,
    duties=(MONTHLY_LESSON,),
)


# ---- 每周一测 ----------------------------------------------------------------------------------
def _score_stat(fn: Any) -> Any:
    return (
        select(fn(WeeklyScore.score))
        .where(WeeklyScore.test_id == WeeklyTest.id, WeeklyScore.deleted.is_(False))
        .scalar_subquery()
    )


TESTS = Register(
    name="weekly_tests",
    title=QT_TRANSLATE_NOOP("register", "每周一测"),
    area=AREA,
    model=WeeklyTest,
    fields=(
        Field(
            "unit_id",
            QT_TRANSLATE_NOOP("register", "举办单位"),
            kind=REF,
            ref="units",
            ref_filter=HOLDERS,
            filterable=True,
        ),
        Field("held_on", QT_TRANSLATE_NOOP("register", "测试日期"), kind=DATE, required=True),
        Field(
            "subject",
            QT_TRANSLATE_NOOP("register", "测试内容"),
            required=True,
            max_length=100,
            searchable=True,
        ),
        Field("note", QT_TRANSLATE_NOOP("register", "备注"), kind=LONGTEXT, in_list=False, searchable=True),
    ),
    computed=(
        Computed("sat", QT_TRANSLATE_NOOP("register", "参测人数"), lambda: _score_stat(func.count)),
        Computed(
            "average", QT_TRANSLATE_NOOP("register", "平均分"), lambda: func.round(_score_stat(func.avg), 1)
        ),
    ),
    display=lambda t: f"{t.held_on:%Y-%m-%d} {t.subject}",
    default_sort="held_on",
    complete=_own_unit_default,
    validate=_holder_validate(WeeklyScore, "test_id", QT_TRANSLATE_NOOP("app", "本次测试")),
)


def _score_complete(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Any]:
    if values.get("score") is not None:
        values["absence_reason"] = ""
    return values


def _score_validate(s: Session, values: dict[str, Any], row_id: str | None) -> dict[str, Message]:
    test = s.get(WeeklyTest, values.get("test_id")) if values.get("test_id") else None
    errors: dict[str, Message] = {}
    if test is not None:
        errors.update(_member_errors(s, values.get("staff_id"), test.unit_id, test.held_on))
        errors.update(_owner_errors(s, test, "test_id", row_id))
    if values.get("score") is None and not values.get("absence_reason"):
        errors["score"] = Message(QT_TRANSLATE_NOOP("app", "请填写成绩；未参加测试的，填写未参测原因。"))
    return errors


def scores_paid(s: Session, first: date, last: date) -> dict[str, list[str]]:
    """每周一测: each staff member with a score in a test held between ``first`` and ``last``."""
    rows = s.execute(
        select(WeeklyScore.staff_id, WeeklyScore.id)
        .join(WeeklyTest, WeeklyTest.id == WeeklyScore.test_id)
        .where(
            WeeklyScore.deleted.is_(False),
            WeeklyScore.score.is_not(None),
            WeeklyTest.deleted.is_(False),
            WeeklyTest.held_on >= first,
            WeeklyTest.held_on <= last,
        )
        .order_by(WeeklyTest.held_on, WeeklyScore.id)
    )
    out: dict[str, list[str]] = {}
    for staff_id, row_id in rows:
        out.setdefault(staff_id, []).append(row_id)
    return out


WEEKLY_TEST = Duty(
    key="weekly_test",
    title=QT_TRANSLATE_NOOP("register", "每周一测"),
    period=WEEK,
    owes="staff",
    paid=scores_paid,
)

SCORES = Register(
    name="test_scores",
    title=QT_TRANSLATE_NOOP("register", "每周一测成绩"),
    area=AREA,
    model=WeeklyScore,
    fields=(
        Field(
            "test_id",
            QT_TRANSLATE_NOOP("register", "测试"),
            kind=REF,
            ref="weekly_tests",
            required=True,
            filterable=True,
        ),
        Field(
            "staff_id",
            QT_TRANSLATE_NOOP("register", "人员"),
            kind=REF,
            ref="staff",
            required=True,
            filterable=True,
        ),
        Field("score", QT_TRANSLATE_NOOP("register", "成绩"), kind=INT, minimum=0, maximum=100),
        Field(
            "absence_reason",
            QT_TRANSLATE_NOOP("register", "未参测原因"),
            max_length=100,
            searchable=True,
        ),
    ),
    computed=(
        Computed(
            "held_on",
            QT_TRANSLATE_NOOP("register", "测试日期"),
            lambda: select(WeeklyTest.held_on).where(WeeklyTest.id == WeeklyScore.test_id).scalar_subquery(),
        ),
    ),
    display=lambda c: c.id,
    default_sort="test_id",
    unique=(("test_id", "staff_id"),),
    complete=_score_complete,
    validate=_score_validate,
    duties=(WEEKLY_TEST,),
)

REGISTERS = (LESSONS, ATTENDANCE, TESTS, SCORES)
