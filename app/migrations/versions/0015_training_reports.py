"""training (每月一课, 每周一测) and reporting (述职述廉, feedback, 一岗双责)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lessons",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("topic", sa.String(length=100), nullable=False),
        sa.Column("teacher", sa.String(length=64), nullable=False),
        sa.Column("place", sa.String(length=64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner", sa.String(length=32), nullable=False),
        sa.Column("version_origin", sa.String(length=32), nullable=False),
        sa.Column("version_counter", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("base_origin", sa.String(length=32), server_default="", nullable=False),
        sa.Column("base_counter", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_lessons_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lessons")),
    )
    with op.batch_alter_table("lessons", schema=None) as batch_op:
        batch_op.create_index("ix_lessons_live_held_on", ["deleted", "held_on", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_lessons_owner"), ["owner"], unique=False)
        batch_op.create_index(batch_op.f("ix_lessons_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "party_reports",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("half", sa.String(length=6), nullable=False),
        sa.Column("heard_on", sa.Date(), nullable=False),
        sa.Column("reporter", sa.String(length=64), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("opinion", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner", sa.String(length=32), nullable=False),
        sa.Column("version_origin", sa.String(length=32), nullable=False),
        sa.Column("version_counter", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("base_origin", sa.String(length=32), server_default="", nullable=False),
        sa.Column("base_counter", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_party_reports_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_party_reports")),
    )
    with op.batch_alter_table("party_reports", schema=None) as batch_op:
        batch_op.create_index("ix_party_reports_half", ["deleted", "half", "unit_id"], unique=False)
        batch_op.create_index("ix_party_reports_live_heard_on", ["deleted", "heard_on", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_party_reports_owner"), ["owner"], unique=False)
        batch_op.create_index(batch_op.f("ix_party_reports_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "weekly_tests",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("subject", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner", sa.String(length=32), nullable=False),
        sa.Column("version_origin", sa.String(length=32), nullable=False),
        sa.Column("version_counter", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("base_origin", sa.String(length=32), server_default="", nullable=False),
        sa.Column("base_counter", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_weekly_tests_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_weekly_tests")),
    )
    with op.batch_alter_table("weekly_tests", schema=None) as batch_op:
        batch_op.create_index("ix_weekly_tests_live_held_on", ["deleted", "held_on", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_weekly_tests_owner"), ["owner"], unique=False)
        batch_op.create_index(batch_op.f("ix_weekly_tests_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "work_reports",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("half", sa.String(length=6), nullable=False),
        sa.Column("reported_on", sa.Date(), nullable=False),
        sa.Column("reporter", sa.String(length=64), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner", sa.String(length=32), nullable=False),
        sa.Column("version_origin", sa.String(length=32), nullable=False),
        sa.Column("version_counter", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("base_origin", sa.String(length=32), server_default="", nullable=False),
        sa.Column("base_counter", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_work_reports_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_reports")),
    )
    with op.batch_alter_table("work_reports", schema=None) as batch_op:
        batch_op.create_index("ix_work_reports_half", ["deleted", "half", "unit_id"], unique=False)
        batch_op.create_index(
            "ix_work_reports_live_reported_on", ["deleted", "reported_on", "id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_work_reports_owner"), ["owner"], unique=False)
        batch_op.create_index(batch_op.f("ix_work_reports_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "lesson_attendance",
        sa.Column("lesson_id", sa.String(length=36), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=False),
        sa.Column("present", sa.Boolean(), nullable=False),
        sa.Column("absence_reason", sa.String(length=100), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner", sa.String(length=32), nullable=False),
        sa.Column("version_origin", sa.String(length=32), nullable=False),
        sa.Column("version_counter", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("base_origin", sa.String(length=32), server_default="", nullable=False),
        sa.Column("base_counter", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["lesson_id"], ["lessons.id"], name=op.f("fk_lesson_attendance_lesson_id_lessons")
        ),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_lesson_attendance_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lesson_attendance")),
    )
    with op.batch_alter_table("lesson_attendance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lesson_attendance_lesson_id"), ["lesson_id"], unique=False)
        batch_op.create_index(
            "ix_lesson_attendance_live_lesson_id", ["deleted", "lesson_id", "id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_lesson_attendance_owner"), ["owner"], unique=False)
        batch_op.create_index(batch_op.f("ix_lesson_attendance_staff_id"), ["staff_id"], unique=False)

    op.create_table(
        "report_feedback",
        sa.Column("report_id", sa.String(length=36), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("rating", sa.String(length=16), nullable=False),
        sa.Column("opinion", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner", sa.String(length=32), nullable=False),
        sa.Column("version_origin", sa.String(length=32), nullable=False),
        sa.Column("version_counter", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("base_origin", sa.String(length=32), server_default="", nullable=False),
        sa.Column("base_counter", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"], ["work_reports.id"], name=op.f("fk_report_feedback_report_id_work_reports")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_feedback")),
    )
    with op.batch_alter_table("report_feedback", schema=None) as batch_op:
        batch_op.create_index("ix_report_feedback_live_given_on", ["deleted", "given_on", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_report_feedback_owner"), ["owner"], unique=False)
        batch_op.create_index(batch_op.f("ix_report_feedback_report_id"), ["report_id"], unique=False)

    op.create_table(
        "test_scores",
        sa.Column("test_id", sa.String(length=36), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("absence_reason", sa.String(length=100), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner", sa.String(length=32), nullable=False),
        sa.Column("version_origin", sa.String(length=32), nullable=False),
        sa.Column("version_counter", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("base_origin", sa.String(length=32), server_default="", nullable=False),
        sa.Column("base_counter", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_test_scores_staff_id_staff")),
        sa.ForeignKeyConstraint(
            ["test_id"], ["weekly_tests.id"], name=op.f("fk_test_scores_test_id_weekly_tests")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_test_scores")),
    )
    with op.batch_alter_table("test_scores", schema=None) as batch_op:
        batch_op.create_index("ix_test_scores_live_test_id", ["deleted", "test_id", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_test_scores_owner"), ["owner"], unique=False)
        batch_op.create_index(batch_op.f("ix_test_scores_staff_id"), ["staff_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_test_scores_test_id"), ["test_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("test_scores", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_test_scores_test_id"))
        batch_op.drop_index(batch_op.f("ix_test_scores_staff_id"))
        batch_op.drop_index(batch_op.f("ix_test_scores_owner"))
        batch_op.drop_index("ix_test_scores_live_test_id")

    op.drop_table("test_scores")
    with op.batch_alter_table("report_feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_report_feedback_report_id"))
        batch_op.drop_index(batch_op.f("ix_report_feedback_owner"))
        batch_op.drop_index("ix_report_feedback_live_given_on")

    op.drop_table("report_feedback")
    with op.batch_alter_table("lesson_attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lesson_attendance_staff_id"))
        batch_op.drop_index(batch_op.f("ix_lesson_attendance_owner"))
        batch_op.drop_index("ix_lesson_attendance_live_lesson_id")
        batch_op.drop_index(batch_op.f("ix_lesson_attendance_lesson_id"))

    op.drop_table("lesson_attendance")
    with op.batch_alter_table("work_reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_work_reports_unit_id"))
        batch_op.drop_index(batch_op.f("ix_work_reports_owner"))
        batch_op.drop_index("ix_work_reports_live_reported_on")
        batch_op.drop_index("ix_work_reports_half")

    op.drop_table("work_reports")
    with op.batch_alter_table("weekly_tests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_weekly_tests_unit_id"))
        batch_op.drop_index(batch_op.f("ix_weekly_tests_owner"))
        batch_op.drop_index("ix_weekly_tests_live_held_on")

    op.drop_table("weekly_tests")
    with op.batch_alter_table("party_reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_party_reports_unit_id"))
        batch_op.drop_index(batch_op.f("ix_party_reports_owner"))
        batch_op.drop_index("ix_party_reports_live_heard_on")
        batch_op.drop_index("ix_party_reports_half")

    op.drop_table("party_reports")
    with op.batch_alter_table("lessons", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lessons_unit_id"))
        batch_op.drop_index(batch_op.f("ix_lessons_owner"))
        batch_op.drop_index("ix_lessons_live_held_on")

    op.drop_table("lessons")
