"""pledges, warning education, circulars, name clearing and tolerance

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tolerances",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("person_name", sa.String(length=64), nullable=False),
        sa.Column("person_unit", sa.String(length=100), nullable=False),
        sa.Column("person_post", sa.String(length=64), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=False),
        sa.Column("matter", sa.Text(), nullable=False),
        sa.Column("no_experience", sa.Boolean(), nullable=False),
        sa.Column("not_forbidden", sa.Boolean(), nullable=False),
        sa.Column("not_for_self", sa.Boolean(), nullable=False),
        sa.Column("procedure_followed", sa.Boolean(), nullable=False),
        sa.Column("loss_remedied", sa.Boolean(), nullable=False),
        sa.Column("reviewed_on", sa.Date(), nullable=True),
        sa.Column("review_opinion", sa.Text(), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decided_by", sa.String(length=64), nullable=False),
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
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name=op.f("fk_tolerances_person_id_people")),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_tolerances_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tolerances")),
    )
    with op.batch_alter_table("tolerances", schema=None) as batch_op:
        batch_op.create_index("ix_tolerances_live_applied_on", ["deleted", "applied_on", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_tolerances_owner"), ["owner"], unique=False)
        batch_op.create_index(batch_op.f("ix_tolerances_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_tolerances_state"), ["state"], unique=False)
        batch_op.create_index(batch_op.f("ix_tolerances_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "warning_educations",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("form", sa.String(length=16), nullable=False),
        sa.Column("place", sa.String(length=100), nullable=False),
        sa.Column("topic", sa.String(length=100), nullable=False),
        sa.Column("participants", sa.Integer(), nullable=False),
        sa.Column("party_orgs", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
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
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_warning_educations_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_warning_educations")),
    )
    with op.batch_alter_table("warning_educations", schema=None) as batch_op:
        batch_op.create_index(
            "ix_warning_educations_live_held_on", ["deleted", "held_on", "id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_warning_educations_owner"), ["owner"], unique=False)
        batch_op.create_index(batch_op.f("ix_warning_educations_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "pledges",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("signer_type", sa.String(length=16), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("village_id", sa.String(length=36), nullable=True),
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("signer_name", sa.String(length=64), nullable=False),
        sa.Column("signer_post", sa.String(length=64), nullable=False),
        sa.Column("family_member", sa.String(length=64), nullable=False),
        sa.Column("family_relation", sa.String(length=16), nullable=False),
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
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name=op.f("fk_pledges_person_id_people")),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_pledges_staff_id_staff")),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_pledges_unit_id_units")),
        sa.ForeignKeyConstraint(["village_id"], ["villages.id"], name=op.f("fk_pledges_village_id_villages")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pledges")),
    )
    with op.batch_alter_table("pledges", schema=None) as batch_op:
        batch_op.create_index("ix_pledges_live_signed_on", ["deleted", "signed_on", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_pledges_owner"), ["owner"], unique=False)
        batch_op.create_index(batch_op.f("ix_pledges_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_pledges_staff_id"), ["staff_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_pledges_unit_id"), ["unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_pledges_village_id"), ["village_id"], unique=False)

    op.create_table(
        "circulars",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("named", sa.Text(), nullable=False),
        sa.Column("recipients", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
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
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_circulars_case_id_cases")),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name=op.f("fk_circulars_person_id_people")),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_circulars_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_circulars")),
    )
    with op.batch_alter_table("circulars", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_circulars_case_id"), ["case_id"], unique=False)
        batch_op.create_index("ix_circulars_live_issued_on", ["deleted", "issued_on", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_circulars_owner"), ["owner"], unique=False)
        batch_op.create_index(batch_op.f("ix_circulars_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_circulars_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "name_clearings",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("clue_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("person_name", sa.String(length=64), nullable=False),
        sa.Column("person_unit", sa.String(length=100), nullable=False),
        sa.Column("person_post", sa.String(length=64), nullable=False),
        sa.Column("cleared_on", sa.Date(), nullable=False),
        sa.Column("form", sa.String(length=16), nullable=False),
        sa.Column("scope", sa.String(length=200), nullable=False),
        sa.Column("circular_id", sa.String(length=36), nullable=True),
        sa.Column("malicious", sa.Boolean(), nullable=False),
        sa.Column("accountability", sa.Text(), nullable=False),
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
            ["circular_id"], ["circulars.id"], name=op.f("fk_name_clearings_circular_id_circulars")
        ),
        sa.ForeignKeyConstraint(["clue_id"], ["clues.id"], name=op.f("fk_name_clearings_clue_id_clues")),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_name_clearings_person_id_people")
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_name_clearings_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_name_clearings")),
    )
    with op.batch_alter_table("name_clearings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_name_clearings_circular_id"), ["circular_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_name_clearings_clue_id"), ["clue_id"], unique=False)
        batch_op.create_index(
            "ix_name_clearings_live_cleared_on", ["deleted", "cleared_on", "id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_name_clearings_owner"), ["owner"], unique=False)
        batch_op.create_index(batch_op.f("ix_name_clearings_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_name_clearings_unit_id"), ["unit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("name_clearings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_name_clearings_unit_id"))
        batch_op.drop_index(batch_op.f("ix_name_clearings_person_id"))
        batch_op.drop_index(batch_op.f("ix_name_clearings_owner"))
        batch_op.drop_index("ix_name_clearings_live_cleared_on")
        batch_op.drop_index(batch_op.f("ix_name_clearings_clue_id"))
        batch_op.drop_index(batch_op.f("ix_name_clearings_circular_id"))

    op.drop_table("name_clearings")
    with op.batch_alter_table("circulars", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_circulars_unit_id"))
        batch_op.drop_index(batch_op.f("ix_circulars_person_id"))
        batch_op.drop_index(batch_op.f("ix_circulars_owner"))
        batch_op.drop_index("ix_circulars_live_issued_on")
        batch_op.drop_index(batch_op.f("ix_circulars_case_id"))

    op.drop_table("circulars")
    with op.batch_alter_table("pledges", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pledges_village_id"))
        batch_op.drop_index(batch_op.f("ix_pledges_unit_id"))
        batch_op.drop_index(batch_op.f("ix_pledges_staff_id"))
        batch_op.drop_index(batch_op.f("ix_pledges_person_id"))
        batch_op.drop_index(batch_op.f("ix_pledges_owner"))
        batch_op.drop_index("ix_pledges_live_signed_on")

    op.drop_table("pledges")
    with op.batch_alter_table("warning_educations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_warning_educations_unit_id"))
        batch_op.drop_index(batch_op.f("ix_warning_educations_owner"))
        batch_op.drop_index("ix_warning_educations_live_held_on")

    op.drop_table("warning_educations")
    with op.batch_alter_table("tolerances", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tolerances_unit_id"))
        batch_op.drop_index(batch_op.f("ix_tolerances_state"))
        batch_op.drop_index(batch_op.f("ix_tolerances_person_id"))
        batch_op.drop_index(batch_op.f("ix_tolerances_owner"))
        batch_op.drop_index("ix_tolerances_live_applied_on")

    op.drop_table("tolerances")
