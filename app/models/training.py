"""Training (教育培训): 每月一课 with its attendance, 每周一测 with its scores.

Attendance and scores are rows of their own, one per staff member per lesson or test, so that
coverage can say who missed (``app.registers.training``: the duties' ``paid``)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, SyncMixin, live_index


class Lesson(SyncMixin, Base):
    """每月一课: one lesson a township commission or a dispatched group holds for its staff."""

    __tablename__ = "lessons"
    __table_args__ = (live_index("lessons", "held_on"),)

    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    topic: Mapped[str] = mapped_column(String(100))
    teacher: Mapped[str] = mapped_column(String(64), default="")
    place: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class LessonAttendance(SyncMixin, Base):
    """One staff member at one lesson: present, or absent and why (签到表)."""

    __tablename__ = "lesson_attendance"
    __table_args__ = (live_index("lesson_attendance", "lesson_id"),)

    lesson_id: Mapped[str] = mapped_column(ForeignKey("lessons.id"), index=True)
    staff_id: Mapped[str] = mapped_column(ForeignKey("staff.id"), index=True)
    present: Mapped[bool] = mapped_column(Boolean, default=True)
    absence_reason: Mapped[str] = mapped_column(String(100), default="")


class WeeklyTest(SyncMixin, Base):
    """每周一测: one weekly test of a unit's staff."""

    __tablename__ = "weekly_tests"
    __table_args__ = (live_index("weekly_tests", "held_on"),)

    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    subject: Mapped[str] = mapped_column(String(100))
    note: Mapped[str] = mapped_column(Text, default="")


class WeeklyScore(SyncMixin, Base):
    """One staff member's score (out of 100) in one weekly test, or why they did not sit it."""

    __tablename__ = "test_scores"
    __table_args__ = (live_index("test_scores", "test_id"),)

    test_id: Mapped[str] = mapped_column(ForeignKey("weekly_tests.id"), index=True)
    staff_id: Mapped[str] = mapped_column(ForeignKey("staff.id"), index=True)
    score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    absence_reason: Mapped[str] = mapped_column(String(100), default="")
