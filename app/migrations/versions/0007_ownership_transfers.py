"""ownership transfers; the counter a peer reached

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ownership_transfers",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("from_unit", sa.String(length=32), nullable=False),
        sa.Column("to_unit", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("request_id", sa.String(length=36), nullable=True),
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
            ["request_id"],
            ["ownership_transfers.id"],
            name=op.f("fk_ownership_transfers_request_id_ownership_transfers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ownership_transfers")),
    )
    with op.batch_alter_table("ownership_transfers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ownership_transfers_from_unit"), ["from_unit"], unique=False)
        batch_op.create_index(batch_op.f("ix_ownership_transfers_owner"), ["owner"], unique=False)
        batch_op.create_index(batch_op.f("ix_ownership_transfers_row_id"), ["row_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_ownership_transfers_to_unit"), ["to_unit"], unique=False)

    with op.batch_alter_table("sync_peers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("received_counter", sa.Integer(), server_default="0", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("sync_peers", schema=None) as batch_op:
        batch_op.drop_column("received_counter")
    with op.batch_alter_table("ownership_transfers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ownership_transfers_to_unit"))
        batch_op.drop_index(batch_op.f("ix_ownership_transfers_row_id"))
        batch_op.drop_index(batch_op.f("ix_ownership_transfers_owner"))
        batch_op.drop_index(batch_op.f("ix_ownership_transfers_from_unit"))

    op.drop_table("ownership_transfers")
