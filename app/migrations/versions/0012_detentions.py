"""detentions

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "detentions",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("approved_by", sa.String(length=64), nullable=False),
        sa.Column("approval_no", sa.String(length=64), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=100), nullable=False),
        sa.Column("extension_days", sa.Integer(), nullable=False),
        sa.Column("extension_reason", sa.Text(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.Text(), nullable=False),
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
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_detentions_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_detentions")),
    )
    with op.batch_alter_table("detentions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_detentions_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_detentions_owner"), ["owner"], unique=False)
        batch_op.create_index(batch_op.f("ix_detentions_state"), ["state"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("detentions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_detentions_state"))
        batch_op.drop_index(batch_op.f("ix_detentions_owner"))
        batch_op.drop_index(batch_op.f("ix_detentions_case_id"))

    op.drop_table("detentions")
