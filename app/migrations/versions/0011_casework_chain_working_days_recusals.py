"""casework chain, working days, recusals

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("working", sa.Boolean(), nullable=False),
        sa.Column("name", sa.String(length=32), nullable=False),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_days")),
    )
    with op.batch_alter_table("calendar_days", schema=None) as batch_op:
        batch_op.create_index("ix_calendar_days_live_day", ["deleted", "day", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_calendar_days_owner"), ["owner"], unique=False)

    op.create_table(
        "recusals",
        sa.Column("register", sa.String(length=32), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=False),
        sa.Column("replaced_by_id", sa.String(length=36), nullable=True),
        sa.Column("ground", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("approved_by", sa.String(length=64), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
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
            ["replaced_by_id"], ["staff.id"], name=op.f("fk_recusals_replaced_by_id_staff")
        ),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_recusals_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recusals")),
    )
    with op.batch_alter_table("recusals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_recusals_owner"), ["owner"], unique=False)
        batch_op.create_index("ix_recusals_record", ["record_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_recusals_staff_id"), ["staff_id"], unique=False)

    op.create_table(
        "trials",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("judge", sa.String(length=64), nullable=False),
        sa.Column("extension_days", sa.Integer(), nullable=False),
        sa.Column("extension_reason", sa.Text(), nullable=False),
        sa.Column("report_no", sa.String(length=64), nullable=False),
        sa.Column("reported_on", sa.Date(), nullable=True),
        sa.Column("opinion", sa.Text(), nullable=False),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
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
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_trials_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trials")),
    )
    with op.batch_alter_table("trials", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_trials_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_trials_owner"), ["owner"], unique=False)
        batch_op.create_index(batch_op.f("ix_trials_state"), ["state"], unique=False)

    op.create_table(
        "appeals",
        sa.Column("disposition_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("grounds", sa.Text(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decision_no", sa.String(length=64), nullable=False),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("new_measure", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
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
            ["disposition_id"], ["dispositions.id"], name=op.f("fk_appeals_disposition_id_dispositions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appeals")),
    )
    with op.batch_alter_table("appeals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_appeals_disposition_id"), ["disposition_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_appeals_owner"), ["owner"], unique=False)
        batch_op.create_index(batch_op.f("ix_appeals_state"), ["state"], unique=False)

    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("approved_by", sa.String(length=64), server_default="", nullable=False))
        batch_op.add_column(sa.Column("approval_no", sa.String(length=64), server_default="", nullable=False))
        batch_op.add_column(sa.Column("approved_on", sa.Date(), nullable=True))

    with op.batch_alter_table("deadline_rules", schema=None) as batch_op:
        batch_op.add_column(sa.Column("working", sa.Boolean(), server_default=sa.false(), nullable=False))

    with op.batch_alter_table("dispositions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("state", sa.String(length=16), server_default="untracked", nullable=False)
        )
        batch_op.add_column(sa.Column("announced_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("executed_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("revisited_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("revisit_note", sa.Text(), server_default="", nullable=False))
        batch_op.create_index(batch_op.f("ix_dispositions_state"), ["state"], unique=False)

    with op.batch_alter_table("inquiries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("letter_no", sa.String(length=64), server_default="", nullable=False))
        batch_op.add_column(sa.Column("letter_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("delivered_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("reply_due", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("reply_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("signed_by", sa.String(length=64), server_default="", nullable=False))
        batch_op.add_column(sa.Column("sign_opinion", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("assessment", sa.String(length=16), server_default="", nullable=False))

    with op.batch_alter_table("staff_ties", schema=None) as batch_op:
        batch_op.add_column(sa.Column("person_id", sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f("ix_staff_ties_person_id"), ["person_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_staff_ties_person_id_people"), "people", ["person_id"], ["id"]
        )

    with op.batch_alter_table("transitions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("doc_no", sa.String(length=64), server_default="", nullable=False))
        batch_op.add_column(sa.Column("doc_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("approved_by", sa.String(length=64), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("transitions", schema=None) as batch_op:
        batch_op.drop_column("approved_by")
        batch_op.drop_column("doc_on")
        batch_op.drop_column("doc_no")

    with op.batch_alter_table("staff_ties", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_staff_ties_person_id_people"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_staff_ties_person_id"))
        batch_op.drop_column("person_id")

    with op.batch_alter_table("inquiries", schema=None) as batch_op:
        batch_op.drop_column("assessment")
        batch_op.drop_column("sign_opinion")
        batch_op.drop_column("signed_by")
        batch_op.drop_column("reply_on")
        batch_op.drop_column("reply_due")
        batch_op.drop_column("delivered_on")
        batch_op.drop_column("letter_on")
        batch_op.drop_column("letter_no")

    with op.batch_alter_table("dispositions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dispositions_state"))
        batch_op.drop_column("revisit_note")
        batch_op.drop_column("revisited_on")
        batch_op.drop_column("executed_on")
        batch_op.drop_column("announced_on")
        batch_op.drop_column("state")

    with op.batch_alter_table("deadline_rules", schema=None) as batch_op:
        batch_op.drop_column("working")

    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("approved_on")
        batch_op.drop_column("approval_no")
        batch_op.drop_column("approved_by")

    with op.batch_alter_table("appeals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_appeals_state"))
        batch_op.drop_index(batch_op.f("ix_appeals_owner"))
        batch_op.drop_index(batch_op.f("ix_appeals_disposition_id"))

    op.drop_table("appeals")
    with op.batch_alter_table("trials", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trials_state"))
        batch_op.drop_index(batch_op.f("ix_trials_owner"))
        batch_op.drop_index(batch_op.f("ix_trials_case_id"))

    op.drop_table("trials")
    with op.batch_alter_table("recusals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_recusals_staff_id"))
        batch_op.drop_index("ix_recusals_record")
        batch_op.drop_index(batch_op.f("ix_recusals_owner"))

    op.drop_table("recusals")
    with op.batch_alter_table("calendar_days", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_calendar_days_owner"))
        batch_op.drop_index("ix_calendar_days_live_day")

    op.drop_table("calendar_days")
