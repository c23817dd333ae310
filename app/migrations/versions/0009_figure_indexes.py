"""figure indexes: the statistics of a period read from covering indexes

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("clues", schema=None) as batch_op:
        batch_op.create_index(
            "ix_clues_figures",
            ["deleted", "received_on", "source", "disposal", "handling_unit_id"],
            unique=False,
        )

    with op.batch_alter_table("dispositions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dispositions_year"))
        batch_op.create_index(
            "ix_dispositions_year",
            ["deleted", "decided_on", "handling_unit_id", "form", "guided"],
            unique=False,
        )
        batch_op.create_index("ix_dispositions_clue_form", ["clue_id", "deleted", "form"], unique=False)

    with op.batch_alter_table("verifications", schema=None) as batch_op:
        batch_op.create_index(
            "ix_verifications_clue_outcome", ["clue_id", "deleted", "outcome"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("verifications", schema=None) as batch_op:
        batch_op.drop_index("ix_verifications_clue_outcome")

    with op.batch_alter_table("dispositions", schema=None) as batch_op:
        batch_op.drop_index("ix_dispositions_clue_form")
        batch_op.drop_index("ix_dispositions_year")
        batch_op.create_index(
            batch_op.f("ix_dispositions_year"),
            ["deleted", "decided_on", "form", "handling_unit_id"],
            unique=False,
        )

    with op.batch_alter_table("clues", schema=None) as batch_op:
        batch_op.drop_index("ix_clues_figures")
