"""Taking the roll of a lesson (每月一课): the unit's staff in post on the lesson's day, each
entered as present, so that only the absences are left to mark (with their reasons).

``take_roll`` adds an attendance row for every staff member of the lesson's unit who was in post
on its day and is not listed yet; one transaction, every row through the register's own rules
(``app.registers.training``). A lesson taken twice gains nothing the second time."""

from __future__ import annotations

from sqlalchemy import or_, select

from app.models.org import Staff
from app.models.training import Lesson, LessonAttendance
from app.registers.training import ATTENDANCE
from app.services import undo
from app.services.records import NotFoundError, RecordService


def take_roll(records: RecordService, lesson_id: str) -> list[str]:
    """The ids of the attendance rows added (present) to ``lesson_id``, in name order."""
    with records.ctx.session() as s:
        lesson = s.get(Lesson, lesson_id)
        if lesson is None or lesson.deleted:
            raise NotFoundError(lesson_id)
        listed = select(LessonAttendance.staff_id).where(
            LessonAttendance.lesson_id == lesson_id, LessonAttendance.deleted.is_(False)
        )
        missing = s.scalars(
            select(Staff.id)
            .where(
                Staff.deleted.is_(False),
                Staff.unit_id == lesson.unit_id,
                or_(Staff.left_on.is_(None), Staff.left_on > lesson.held_on),
                Staff.id.not_in(listed),
            )
            .order_by(Staff.name, Staff.id)
        ).all()
        ids = [records.save_in(s, ATTENDANCE, {"lesson_id": lesson_id, "staff_id": sid}) for sid in missing]
        done = undo.created(s, ATTENDANCE, ids)
    undo.push(records.ctx, done)
    return ids
