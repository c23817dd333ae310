"""party ledgers, village committees, liaison reports

The 签字背书, 谈话纪实 and 三重一大 ledgers leave the generic ledger table for their own tables;
every existing row moves with all its values and the same id, owner and version (and its
change-log, conflict and ownership-transfer entries are renamed to the new table, so bundles and
history still match). The 讲规学法 checks stay in ``ledger_entries``. Every ledger row gains
``target``: a village or a supervised unit for the rows that exist (they had to name one), the
township's own 党委 from now on too. New tables: 村务监督委员会 members and records, 联络员月报.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "liaison_reports",
        sa.Column("village_id", sa.String(length=36), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("liaison", sa.String(length=64), nullable=False),
        sa.Column("reported_on", sa.Date(), nullable=False),
        sa.Column("village_affairs", sa.Text(), nullable=False),
        sa.Column("assets", sa.Text(), nullable=False),
        sa.Column("problems", sa.Text(), nullable=False),
        sa.Column("clues", sa.Text(), nullable=False),
        sa.Column("clue_count", sa.Integer(), nullable=False),
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
            ["village_id"], ["villages.id"], name=op.f("fk_liaison_reports_village_id_villages")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_liaison_reports")),
    )
    with op.batch_alter_table("liaison_reports", schema=None) as batch_op:
        batch_op.create_index("ix_liaison_reports_month", ["deleted", "month", "village_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_liaison_reports_owner"), ["owner"], unique=False)
        batch_op.create_index(batch_op.f("ix_liaison_reports_village_id"), ["village_id"], unique=False)

    op.create_table(
        "major_matter_checks",
        sa.Column("matter_kind", sa.String(length=16), nullable=False),
        sa.Column("matter", sa.String(length=200), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=True),
        sa.Column("meeting", sa.String(length=32), nullable=False),
        sa.Column("meeting_on", sa.Date(), nullable=True),
        sa.Column("attendees", sa.Text(), nullable=False),
        sa.Column("objections", sa.Text(), nullable=False),
        sa.Column("supervision", sa.String(length=16), nullable=False),
        sa.Column("quarter", sa.String(length=6), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("target", sa.String(length=16), nullable=False),
        sa.Column("village_id", sa.String(length=36), nullable=True),
        sa.Column("supervised_unit_id", sa.String(length=36), nullable=True),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("problems", sa.Text(), nullable=False),
        sa.Column("follow_up", sa.Text(), nullable=False),
        sa.Column("reported", sa.Boolean(), nullable=False),
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
            name=op.f("fk_major_matter_checks_supervised_unit_id_supervised_units"),
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_major_matter_checks_unit_id_units")),
        sa.ForeignKeyConstraint(
            ["village_id"], ["villages.id"], name=op.f("fk_major_matter_checks_village_id_villages")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_major_matter_checks")),
    )
    with op.batch_alter_table("major_matter_checks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_major_matter_checks_owner"), ["owner"], unique=False)
        batch_op.create_index(
            "ix_major_matter_checks_quarter", ["deleted", "quarter", "unit_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_major_matter_checks_supervised_unit_id"), ["supervised_unit_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_major_matter_checks_unit_id"), ["unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_major_matter_checks_village_id"), ["village_id"], unique=False)

    op.create_table(
        "talk_checks",
        sa.Column("leader", sa.String(length=64), nullable=False),
        sa.Column("leader_post", sa.String(length=64), nullable=False),
        sa.Column("appointment_talks", sa.Integer(), nullable=False),
        sa.Column("reminder_talks", sa.Integer(), nullable=False),
        sa.Column("routine_talks", sa.Integer(), nullable=False),
        sa.Column("other_talks", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.String(length=6), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("target", sa.String(length=16), nullable=False),
        sa.Column("village_id", sa.String(length=36), nullable=True),
        sa.Column("supervised_unit_id", sa.String(length=36), nullable=True),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("problems", sa.Text(), nullable=False),
        sa.Column("follow_up", sa.Text(), nullable=False),
        sa.Column("reported", sa.Boolean(), nullable=False),
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
            name=op.f("fk_talk_checks_supervised_unit_id_supervised_units"),
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_talk_checks_unit_id_units")),
        sa.ForeignKeyConstraint(
            ["village_id"], ["villages.id"], name=op.f("fk_talk_checks_village_id_villages")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_talk_checks")),
    )
    with op.batch_alter_table("talk_checks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_talk_checks_owner"), ["owner"], unique=False)
        batch_op.create_index("ix_talk_checks_quarter", ["deleted", "quarter", "unit_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_talk_checks_supervised_unit_id"), ["supervised_unit_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_talk_checks_unit_id"), ["unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_talk_checks_village_id"), ["village_id"], unique=False)

    op.create_table(
        "village_committee_members",
        sa.Column("village_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("term_start", sa.Date(), nullable=True),
        sa.Column("term_end", sa.Date(), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=False),
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
            ["village_id"], ["villages.id"], name=op.f("fk_village_committee_members_village_id_villages")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_village_committee_members")),
    )
    with op.batch_alter_table("village_committee_members", schema=None) as batch_op:
        batch_op.create_index(
            "ix_village_committee_members_live_name", ["deleted", "name", "id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_village_committee_members_owner"), ["owner"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_village_committee_members_village_id"), ["village_id"], unique=False
        )

    op.create_table(
        "village_committee_records",
        sa.Column("village_id", sa.String(length=36), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("attendees", sa.Text(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("problems", sa.Text(), nullable=False),
        sa.Column("follow_up", sa.Text(), nullable=False),
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
            ["village_id"], ["villages.id"], name=op.f("fk_village_committee_records_village_id_villages")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_village_committee_records")),
    )
    with op.batch_alter_table("village_committee_records", schema=None) as batch_op:
        batch_op.create_index(
            "ix_village_committee_records_live_held_on", ["deleted", "held_on", "id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_village_committee_records_owner"), ["owner"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_village_committee_records_village_id"), ["village_id"], unique=False
        )

    op.create_table(
        "signoff_checks",
        sa.Column("matter", sa.String(length=200), nullable=False),
        sa.Column("inquiry_id", sa.String(length=36), nullable=True),
        sa.Column("signer", sa.String(length=64), nullable=False),
        sa.Column("signer_post", sa.String(length=64), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("quarter", sa.String(length=6), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("target", sa.String(length=16), nullable=False),
        sa.Column("village_id", sa.String(length=36), nullable=True),
        sa.Column("supervised_unit_id", sa.String(length=36), nullable=True),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("problems", sa.Text(), nullable=False),
        sa.Column("follow_up", sa.Text(), nullable=False),
        sa.Column("reported", sa.Boolean(), nullable=False),
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
            ["inquiry_id"], ["inquiries.id"], name=op.f("fk_signoff_checks_inquiry_id_inquiries")
        ),
        sa.ForeignKeyConstraint(
            ["supervised_unit_id"],
            ["supervised_units.id"],
            name=op.f("fk_signoff_checks_supervised_unit_id_supervised_units"),
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_signoff_checks_unit_id_units")),
        sa.ForeignKeyConstraint(
            ["village_id"], ["villages.id"], name=op.f("fk_signoff_checks_village_id_villages")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signoff_checks")),
    )
    with op.batch_alter_table("signoff_checks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_signoff_checks_inquiry_id"), ["inquiry_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_signoff_checks_owner"), ["owner"], unique=False)
        batch_op.create_index("ix_signoff_checks_quarter", ["deleted", "quarter", "unit_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_signoff_checks_supervised_unit_id"), ["supervised_unit_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_signoff_checks_unit_id"), ["unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_signoff_checks_village_id"), ["village_id"], unique=False)

    with op.batch_alter_table("ledger_entries", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("target", sa.String(length=16), server_default="village", nullable=False)
        )

    _move_ledger_rows()


def downgrade() -> None:
    """The moved rows go back to ledger_entries (their new fields are lost, and a 党委 row, which
    the old schema cannot hold, is dropped with the tables)."""
    op.execute(sa.text("DELETE FROM signoff_checks WHERE target = 'committee'"))
    op.execute(sa.text("DELETE FROM talk_checks WHERE target = 'committee'"))
    op.execute(sa.text("DELETE FROM major_matter_checks WHERE target = 'committee'"))
    op.execute(sa.text("DELETE FROM ledger_entries WHERE target = 'committee'"))
    _move_back()
    with op.batch_alter_table("ledger_entries", schema=None) as batch_op:
        batch_op.drop_column("target")

    with op.batch_alter_table("signoff_checks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signoff_checks_village_id"))
        batch_op.drop_index(batch_op.f("ix_signoff_checks_unit_id"))
        batch_op.drop_index(batch_op.f("ix_signoff_checks_supervised_unit_id"))
        batch_op.drop_index("ix_signoff_checks_quarter")
        batch_op.drop_index(batch_op.f("ix_signoff_checks_owner"))
        batch_op.drop_index(batch_op.f("ix_signoff_checks_inquiry_id"))

    op.drop_table("signoff_checks")
    with op.batch_alter_table("village_committee_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_village_committee_records_village_id"))
        batch_op.drop_index(batch_op.f("ix_village_committee_records_owner"))
        batch_op.drop_index("ix_village_committee_records_live_held_on")

    op.drop_table("village_committee_records")
    with op.batch_alter_table("village_committee_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_village_committee_members_village_id"))
        batch_op.drop_index(batch_op.f("ix_village_committee_members_owner"))
        batch_op.drop_index("ix_village_committee_members_live_name")

    op.drop_table("village_committee_members")
    with op.batch_alter_table("talk_checks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_talk_checks_village_id"))
        batch_op.drop_index(batch_op.f("ix_talk_checks_unit_id"))
        batch_op.drop_index(batch_op.f("ix_talk_checks_supervised_unit_id"))
        batch_op.drop_index("ix_talk_checks_quarter")
        batch_op.drop_index(batch_op.f("ix_talk_checks_owner"))

    op.drop_table("talk_checks")
    with op.batch_alter_table("major_matter_checks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_major_matter_checks_village_id"))
        batch_op.drop_index(batch_op.f("ix_major_matter_checks_unit_id"))
        batch_op.drop_index(batch_op.f("ix_major_matter_checks_supervised_unit_id"))
        batch_op.drop_index("ix_major_matter_checks_quarter")
        batch_op.drop_index(batch_op.f("ix_major_matter_checks_owner"))

    op.drop_table("major_matter_checks")
    with op.batch_alter_table("liaison_reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_liaison_reports_village_id"))
        batch_op.drop_index(batch_op.f("ix_liaison_reports_owner"))
        batch_op.drop_index("ix_liaison_reports_month")

    op.drop_table("liaison_reports")


# The rows that leave ledger_entries: kind -> (new table, its NOT NULL columns the old rows lack).
MOVED: dict[str, tuple[str, dict[str, object]]] = {
    "signoff": ("signoff_checks", {"matter": "", "signer": "", "signer_post": ""}),
    "talk_record": (
        "talk_checks",
        {
            "leader": "",
            "leader_post": "",
            "appointment_talks": 0,
            "reminder_talks": 0,
            "routine_talks": 0,
            "other_talks": 0,
        },
    ),
    "major_matters": (
        "major_matter_checks",
        {
            "matter_kind": "",
            "matter": "",
            "meeting": "",
            "attendees": "",
            "objections": "",
            "supervision": "",
        },
    ),
}
KEPT = (
    "id",
    "owner",
    "version_origin",
    "version_counter",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
    "deleted",
    "base_origin",
    "base_counter",
    "quarter",
    "unit_id",
    "village_id",
    "supervised_unit_id",
    "checked_on",
    "content",
    "problems",
    "follow_up",
    "reported",
)
# Tables that name a synchronised row by table and id.
NAMING = (
    ("change_log", "table_name", "row_id"),
    ("sync_conflicts", "table_name", "row_id"),
    ("ownership_transfers", "table_name", "row_id"),
)
TARGET = (
    "CASE WHEN village_id IS NOT NULL THEN 'village' WHEN supervised_unit_id IS NOT NULL "
    "THEN 'supervised_unit' ELSE 'committee' END"
)


def _move_ledger_rows() -> None:
    """Every 签字背书, 谈话纪实 and 三重一大 row into its own table, as it is (plain SQL: the same on
    SQLite and PostgreSQL, and never through the models, which change after this revision)."""
    op.execute(sa.text(f"UPDATE ledger_entries SET target = {TARGET}"))
    kept = ", ".join(KEPT)
    for kind, (table, filled) in MOVED.items():
        extra = ", ".join(filled)
        params = {f"v_{name}": value for name, value in filled.items()}
        op.get_bind().execute(
            sa.text(
                f"INSERT INTO {table} ({kept}, target, {extra}) "
                f"SELECT {kept}, target, {', '.join(':' + k for k in params)} FROM ledger_entries "
                "WHERE kind = :kind"
            ),
            {**params, "kind": kind},
        )
        for naming, table_col, id_col in NAMING:
            op.get_bind().execute(
                sa.text(
                    f"UPDATE {naming} SET {table_col} = :table WHERE {table_col} = 'ledger_entries' "
                    f"AND {id_col} IN (SELECT id FROM ledger_entries WHERE kind = :kind)"
                ),
                {"table": table, "kind": kind},
            )
        op.get_bind().execute(sa.text("DELETE FROM ledger_entries WHERE kind = :kind"), {"kind": kind})


def _move_back() -> None:
    kept = ", ".join(KEPT)
    for kind, (table, _filled) in MOVED.items():
        op.get_bind().execute(
            sa.text(f"INSERT INTO ledger_entries ({kept}, kind) SELECT {kept}, :kind FROM {table}"),
            {"kind": kind},
        )
        for naming, table_col, _id_col in NAMING:
            op.get_bind().execute(
                sa.text(f"UPDATE {naming} SET {table_col} = 'ledger_entries' WHERE {table_col} = :table"),
                {"table": table},
            )
