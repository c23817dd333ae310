"""inspection rectification: rounds, their items, 驻点巡察 briefings

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inspection_rounds",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("village_id", sa.String(length=36), nullable=True),
        sa.Column("supervised_unit_id", sa.String(length=36), nullable=True),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("inspectors", sa.String(length=64), nullable=False),
        sa.Column("inspected_from", sa.Date(), nullable=True),
        sa.Column("inspected_to", sa.Date(), nullable=True),
        sa.Column("feedback_on", sa.Date(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
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
        sa.ForeignKeyConstraint(
            ["supervised_unit_id"],
            ["supervised_units.id"],
            name=op.f("fk_inspection_rounds_supervised_unit_id_supervised_units"),
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_inspection_rounds_unit_id_units")),
        sa.ForeignKeyConstraint(
            ["village_id"], ["villages.id"], name=op.f("fk_inspection_rounds_village_id_villages")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_rounds")),
    )
    with op.batch_alter_table("inspection_rounds", schema=None) as batch_op:
        batch_op.create_index(
            "ix_inspection_rounds_live_feedback_on", ["deleted", "feedback_on", "id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_inspection_rounds_owner"), ["owner"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_inspection_rounds_supervised_unit_id"), ["supervised_unit_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_inspection_rounds_unit_id"), ["unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_inspection_rounds_village_id"), ["village_id"], unique=False)

    op.create_table(
        "inspection_briefings",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("village_id", sa.String(length=36), nullable=True),
        sa.Column("supervised_unit_id", sa.String(length=36), nullable=True),
        sa.Column("round_id", sa.String(length=36), nullable=True),
        sa.Column("prepared_on", sa.Date(), nullable=False),
        sa.Column("prepared_by_id", sa.String(length=36), nullable=True),
        sa.Column("briefing", sa.Text(), nullable=False),
        sa.Column("sources", sa.Text(), nullable=False),
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
            ["prepared_by_id"], ["staff.id"], name=op.f("fk_inspection_briefings_prepared_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["inspection_rounds.id"],
            name=op.f("fk_inspection_briefings_round_id_inspection_rounds"),
        ),
        sa.ForeignKeyConstraint(
            ["supervised_unit_id"],
            ["supervised_units.id"],
            name=op.f("fk_inspection_briefings_supervised_unit_id_supervised_units"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name=op.f("fk_inspection_briefings_unit_id_units")
        ),
        sa.ForeignKeyConstraint(
            ["village_id"], ["villages.id"], name=op.f("fk_inspection_briefings_village_id_villages")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_briefings")),
    )
    with op.batch_alter_table("inspection_briefings", schema=None) as batch_op:
        batch_op.create_index(
            "ix_inspection_briefings_live_prepared_on", ["deleted", "prepared_on", "id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_inspection_briefings_owner"), ["owner"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_inspection_briefings_supervised_unit_id"), ["supervised_unit_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_inspection_briefings_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "inspection_items",
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("village_id", sa.String(length=36), nullable=True),
        sa.Column("supervised_unit_id", sa.String(length=36), nullable=True),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("measure", sa.Text(), nullable=False),
        sa.Column("responsible", sa.String(length=64), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("supervisor_id", sa.String(length=36), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("checked_by_id", sa.String(length=36), nullable=True),
        sa.Column("talked_on", sa.Date(), nullable=True),
        sa.Column("talked_with", sa.String(length=64), nullable=False),
        sa.Column("accountability_id", sa.String(length=36), nullable=True),
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
        sa.ForeignKeyConstraint(
            ["accountability_id"],
            ["dispositions.id"],
            name=op.f("fk_inspection_items_accountability_id_dispositions"),
        ),
        sa.ForeignKeyConstraint(
            ["checked_by_id"], ["staff.id"], name=op.f("fk_inspection_items_checked_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["inspection_rounds.id"],
            name=op.f("fk_inspection_items_round_id_inspection_rounds"),
        ),
        sa.ForeignKeyConstraint(
            ["supervised_unit_id"],
            ["supervised_units.id"],
            name=op.f("fk_inspection_items_supervised_unit_id_supervised_units"),
        ),
        sa.ForeignKeyConstraint(
            ["supervisor_id"], ["staff.id"], name=op.f("fk_inspection_items_supervisor_id_staff")
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_inspection_items_unit_id_units")),
        sa.ForeignKeyConstraint(
            ["village_id"], ["villages.id"], name=op.f("fk_inspection_items_village_id_villages")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_items")),
    )
    with op.batch_alter_table("inspection_items", schema=None) as batch_op:
        batch_op.create_index("ix_inspection_items_live_due_on", ["deleted", "due_on", "id"], unique=False)
        batch_op.create_index("ix_inspection_items_open", ["deleted", "state", "due_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_inspection_items_owner"), ["owner"], unique=False)
        batch_op.create_index(batch_op.f("ix_inspection_items_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_inspection_items_state"), ["state"], unique=False)
        batch_op.create_index(batch_op.f("ix_inspection_items_unit_id"), ["unit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("inspection_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspection_items_unit_id"))
        batch_op.drop_index(batch_op.f("ix_inspection_items_state"))
        batch_op.drop_index(batch_op.f("ix_inspection_items_round_id"))
        batch_op.drop_index(batch_op.f("ix_inspection_items_owner"))
        batch_op.drop_index("ix_inspection_items_open")
        batch_op.drop_index("ix_inspection_items_live_due_on")

    op.drop_table("inspection_items")
    with op.batch_alter_table("inspection_briefings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspection_briefings_unit_id"))
        batch_op.drop_index(batch_op.f("ix_inspection_briefings_supervised_unit_id"))
        batch_op.drop_index(batch_op.f("ix_inspection_briefings_owner"))
        batch_op.drop_index("ix_inspection_briefings_live_prepared_on")

    op.drop_table("inspection_briefings")
    with op.batch_alter_table("inspection_rounds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspection_rounds_village_id"))
        batch_op.drop_index(batch_op.f("ix_inspection_rounds_unit_id"))
        batch_op.drop_index(batch_op.f("ix_inspection_rounds_supervised_unit_id"))
        batch_op.drop_index(batch_op.f("ix_inspection_rounds_owner"))
        batch_op.drop_index("ix_inspection_rounds_live_feedback_on")

    op.drop_table("inspection_rounds")
