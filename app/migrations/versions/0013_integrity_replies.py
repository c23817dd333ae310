"""integrity requests and replies (廉政意见回复)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "integrity_requests",
        sa.Column("letter_no", sa.String(length=64), nullable=False),
        sa.Column("requester", sa.String(length=64), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("purpose", sa.String(length=16), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_integrity_requests")),
    )
    with op.batch_alter_table("integrity_requests", schema=None) as batch_op:
        batch_op.create_index(
            "ix_integrity_requests_live_received_on", ["deleted", "received_on", "id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_integrity_requests_owner"), ["owner"], unique=False)

    op.create_table(
        "integrity_replies",
        sa.Column("request_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("id_number", sa.Text(), nullable=False),
        sa.Column("id_key", sa.String(length=64), nullable=False),
        sa.Column("unit", sa.String(length=100), nullable=False),
        sa.Column("post", sa.String(length=64), nullable=False),
        sa.Column("answer", sa.String(length=16), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.Column("defer_reason", sa.Text(), nullable=False),
        sa.Column("replied_on", sa.Date(), nullable=True),
        sa.Column("signed_by", sa.String(length=64), nullable=False),
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
            ["person_id"], ["people.id"], name=op.f("fk_integrity_replies_person_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["integrity_requests.id"],
            name=op.f("fk_integrity_replies_request_id_integrity_requests"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_integrity_replies")),
    )
    with op.batch_alter_table("integrity_replies", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_integrity_replies_id_key"), ["id_key"], unique=False)
        batch_op.create_index("ix_integrity_replies_live_name", ["deleted", "name", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_integrity_replies_owner"), ["owner"], unique=False)
        batch_op.create_index(batch_op.f("ix_integrity_replies_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_integrity_replies_request_id"), ["request_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_integrity_replies_state"), ["state"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("integrity_replies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_integrity_replies_state"))
        batch_op.drop_index(batch_op.f("ix_integrity_replies_request_id"))
        batch_op.drop_index(batch_op.f("ix_integrity_replies_person_id"))
        batch_op.drop_index(batch_op.f("ix_integrity_replies_owner"))
        batch_op.drop_index("ix_integrity_replies_live_name")
        batch_op.drop_index(batch_op.f("ix_integrity_replies_id_key"))

    op.drop_table("integrity_replies")
    with op.batch_alter_table("integrity_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_integrity_requests_owner"))
        batch_op.drop_index("ix_integrity_requests_live_received_on")

    op.drop_table("integrity_requests")
