"""audit heads: each audit chain's anchors outside the chain

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_heads",
        sa.Column("owner", sa.String(length=32), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("acked_seq", sa.Integer(), nullable=False),
        sa.Column("acked_hash", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("owner", name=op.f("pk_audit_heads")),
    )
    # Every chain already here is anchored at its present end: what was cut before cannot be told.
    op.execute(
        "INSERT INTO audit_heads (owner, seq, hash, acked_seq, acked_hash, updated_at) "
        "SELECT a.owner, a.seq, a.hash, 0, '', CURRENT_TIMESTAMP FROM audit_log a "
        "WHERE a.seq = (SELECT MAX(b.seq) FROM audit_log b WHERE b.owner = a.owner)"
    )


def downgrade() -> None:
    op.drop_table("audit_heads")
