"""unit posts optional: 核定编制 left empty until someone enters it

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing values stay as they are: only new units may leave the posts empty.
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.alter_column("authorised_posts", existing_type=sa.INTEGER(), nullable=True)


def downgrade() -> None:
    op.execute("UPDATE units SET authorised_posts = 0 WHERE authorised_posts IS NULL")
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.alter_column("authorised_posts", existing_type=sa.INTEGER(), nullable=False)
