"""people, typed measures, units taking part

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.engine import Connection

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "people",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("id_number", sa.Text(), nullable=False),
        sa.Column("id_key", sa.String(length=64), nullable=False),
        sa.Column("unit", sa.String(length=100), nullable=False),
        sa.Column("post", sa.String(length=64), nullable=False),
        sa.Column("village", sa.String(length=64), nullable=False),
        sa.Column("rank", sa.String(length=16), nullable=False),
        sa.Column("authority", sa.String(length=16), nullable=False),
        sa.Column("party_member", sa.Boolean(), nullable=False),
        sa.Column("object_category", sa.String(length=2), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("secrecy", sa.String(length=16), nullable=False),
        sa.Column("audience", sa.String(length=500), nullable=False),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
    )
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_people_id_key"), ["id_key"], unique=False)
        batch_op.create_index("ix_people_live_name", ["deleted", "name", "id"], unique=False)
        batch_op.create_index("ix_people_name_unit", ["name", "unit"], unique=False)
        batch_op.create_index(batch_op.f("ix_people_owner"), ["owner"], unique=False)

    op.create_table(
        "case_units",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=True),
        sa.Column("role", sa.String(length=64), nullable=False),
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
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_case_units_case_id_cases")),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_case_units_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_units")),
    )
    with op.batch_alter_table("case_units", schema=None) as batch_op:
        batch_op.create_index("ix_case_units_case", ["case_id", "deleted"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_units_owner"), ["owner"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_units_unit_id"), ["unit_id"], unique=False)

    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("person_id", sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f("ix_cases_person_id"), ["person_id"], unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_cases_person_id_people"), "people", ["person_id"], ["id"])

    with op.batch_alter_table("clues", schema=None) as batch_op:
        batch_op.add_column(sa.Column("person_id", sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f("ix_clues_person_id"), ["person_id"], unique=False)
        batch_op.create_index(
            "ix_clues_inspection",
            ["source", "deleted", "received_on", "handling_unit_id", "id"],
            unique=False,
        )
        batch_op.create_foreign_key(batch_op.f("fk_clues_person_id_people"), "people", ["person_id"], ["id"])

    with op.batch_alter_table("county_policy", schema=None) as batch_op:
        batch_op.add_column(sa.Column("form_mapping", sa.Text(), server_default="", nullable=False))

    with op.batch_alter_table("dispositions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("person_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("org_name", sa.String(length=100), server_default="", nullable=False))
        batch_op.add_column(sa.Column("kind", sa.String(length=20), server_default="", nullable=False))
        batch_op.add_column(sa.Column("decision_no", sa.String(length=64), server_default="", nullable=False))
        batch_op.add_column(sa.Column("ends_on", sa.Date(), nullable=True))
        batch_op.create_index(batch_op.f("ix_dispositions_person_id"), ["person_id"], unique=False)
        # The person-time count reads every column it needs from this index (app.services.counting).
        batch_op.drop_index("ix_dispositions_year")
        batch_op.create_index(
            "ix_dispositions_counting",
            ["deleted", "decided_on", "handling_unit_id", "person_id", "person_name", "case_id", "clue_id",
             "kind", "measure", "form", "guided"],
            unique=False,
        )  # fmt: skip
        batch_op.create_foreign_key(
            batch_op.f("fk_dispositions_person_id_people"), "people", ["person_id"], ["id"]
        )

    with op.batch_alter_table("inquiries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("person_id", sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f("ix_inquiries_person_id"), ["person_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_inquiries_person_id_people"), "people", ["person_id"], ["id"]
        )

    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("person_id", sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f("ix_reports_person_id"), ["person_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_reports_person_id_people"), "people", ["person_id"], ["id"]
        )

    with op.batch_alter_table("verifications", schema=None) as batch_op:
        batch_op.add_column(sa.Column("person_id", sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f("ix_verifications_person_id"), ["person_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_verifications_person_id_people"), "people", ["person_id"], ["id"]
        )

    _people_and_measures(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table("verifications", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_verifications_person_id_people"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_verifications_person_id"))
        batch_op.drop_column("person_id")

    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_reports_person_id_people"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_reports_person_id"))
        batch_op.drop_column("person_id")

    with op.batch_alter_table("inquiries", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_inquiries_person_id_people"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_inquiries_person_id"))
        batch_op.drop_column("person_id")

    with op.batch_alter_table("dispositions", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_dispositions_person_id_people"), type_="foreignkey")
        batch_op.drop_index("ix_dispositions_counting")
        batch_op.create_index(
            "ix_dispositions_year",
            ["deleted", "decided_on", "handling_unit_id", "form", "guided"],
            unique=False,
        )
        batch_op.drop_index(batch_op.f("ix_dispositions_person_id"))
        batch_op.drop_column("ends_on")
        batch_op.drop_column("decision_no")
        batch_op.drop_column("kind")
        batch_op.drop_column("org_name")
        batch_op.drop_column("person_id")

    with op.batch_alter_table("county_policy", schema=None) as batch_op:
        batch_op.drop_column("form_mapping")

    with op.batch_alter_table("clues", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_clues_person_id_people"), type_="foreignkey")
        batch_op.drop_index("ix_clues_inspection")
        batch_op.drop_index(batch_op.f("ix_clues_person_id"))
        batch_op.drop_column("person_id")

    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_cases_person_id_people"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_cases_person_id"))
        batch_op.drop_column("person_id")

    with op.batch_alter_table("case_units", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_units_unit_id"))
        batch_op.drop_index(batch_op.f("ix_case_units_owner"))
        batch_op.drop_index("ix_case_units_case")

    op.drop_table("case_units")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_people_owner"))
        batch_op.drop_index("ix_people_name_unit")
        batch_op.drop_index("ix_people_live_name")
        batch_op.drop_index(batch_op.f("ix_people_id_key"))

    op.drop_table("people")


# ---- the data: people made from the records, measures typed, participations --------------------
# Fixed here (not imported): a later program may change its own tables, this step stays as it was.
_NAMESPACE = uuid.UUID("5b0c7f3e-9a51-4e0b-8a55-2f1f3c6d7e01")  # app.registers.person_link
_SUBJECT_TABLES = ("reports", "clues", "cases")
_OLD_AUTHORITY = "乡（部门）管干部"
_VILLAGE = "村级干部"
# Old (form-bound) measure -> (kind, measure).
_OLD_MEASURES = {
    "谈话提醒": ("reminder", "提醒谈话"),
    "批评教育": ("criticism", "批评教育"),
    "责令检查": ("self_review", "责令检查"),
    "通报批评": ("criticism", "通报批评"),
    "诫勉": ("admonition", "诫勉"),
    "警告": ("party", "警告"),
    "严重警告": ("party", "严重警告"),
    "政务警告": ("state", "警告"),
    "记过": ("state", "记过"),
    "记大过": ("state", "记大过"),
    "停职检查": ("organisational", "停职检查"),
    "调整职务": ("organisational", "调整职务"),
    "责令辞职": ("organisational", "责令辞职"),
    "免职": ("organisational", "免职"),
    "降职": ("organisational", "降职"),
    "撤销党内职务": ("party", "撤销党内职务"),
    "留党察看": ("party", "留党察看一年"),
    "开除党籍": ("party", "开除党籍"),
    "降级": ("state", "降级"),
    "撤职": ("state", "撤职"),
    "开除": ("state", "开除"),
    "移送检察机关": ("prosecution", "移送检察机关审查起诉"),
    "立案审查后移送司法": ("prosecution", "移送检察机关审查起诉"),
}
_MONTHS = {
    ("party", "警告"): 12, ("party", "严重警告"): 18, ("party", "撤销党内职务"): 24,
    ("party", "留党察看一年"): 36, ("party", "开除党籍"): 60, ("state", "警告"): 6,
    ("state", "记过"): 12, ("state", "记大过"): 18, ("state", "降级"): 24, ("state", "撤职"): 24,
    ("organisational", "调整职务"): 12, ("organisational", "责令辞职"): 24,
    ("organisational", "免职"): 24, ("organisational", "降职"): 24, ("admonition", "诫勉"): 6,
}  # fmt: skip


def _made_id(owner: str, name: str, unit: str, post: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "\x00".join((owner, name, unit, post))))


def _end(kind: str, measure: str, decided: Any) -> date | None:
    months = _MONTHS.get((kind, measure))
    if months is None or decided is None:
        return None
    if isinstance(decided, str):
        decided = date.fromisoformat(decided[:10])
    m0 = decided.month - 1 + months
    year, month = decided.year + m0 // 12, m0 % 12 + 1
    for d in (decided.day, 30, 29, 28):
        try:
            return date.fromordinal(date(year, month, d).toordinal() - 1)
        except ValueError:
            continue
    return None


class _Writer:
    """Rows made here: this installation's own ones get its next versions and a change-log entry
    (so they travel in its next bundle, with the records that now refer to them); another unit's
    (at the county) get version 0 of their owner and travel from that unit instead, where the same
    step made the same rows with the same ids."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        row = conn.execute(sa.text("SELECT unit_code FROM installation")).first()
        self.own = str(row[0]) if row else ""
        self.now = datetime.now(UTC).replace(tzinfo=None)

    def _counters(self, n: int) -> int:
        conn = self.conn
        if conn.execute(sa.text("SELECT value FROM local_counter WHERE id = 1")).first() is None:
            conn.execute(sa.text("INSERT INTO local_counter (id, value) VALUES (1, 0)"))
        conn.execute(sa.text("UPDATE local_counter SET value = value + :n WHERE id = 1"), {"n": n})
        return int(conn.execute(sa.text("SELECT value FROM local_counter WHERE id = 1")).scalar_one()) - n + 1

    def insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        own = [r for r in rows if r["owner"] == self.own]
        first = self._counters(len(own)) if own else 0
        log = []
        for r in rows:
            fields = dict(r)
            r.update(created_at=self.now, created_by="system", updated_at=self.now, updated_by="system",
                     base_origin="", base_counter=0)  # fmt: skip
            if r["owner"] == self.own:
                r.update(version_origin=self.own, version_counter=first)
                changes = {k: [None, v.isoformat() if isinstance(v, date) else v]
                           for k, v in fields.items() if k not in ("id", "owner") and v is not None}  # fmt: skip
                log.append({"table_name": table, "row_id": r["id"], "op": "insert", "origin": self.own,
                            "counter": first, "changes": changes, "at": self.now, "by": "system"})  # fmt: skip
                first += 1
            else:
                r.update(version_origin=r["owner"], version_counter=0)
        meta = sa.MetaData()
        target = sa.Table(table, meta, autoload_with=self.conn)
        self.conn.execute(sa.insert(target), rows)
        if log:
            change_log = sa.Table("change_log", meta, autoload_with=self.conn)
            self.conn.execute(sa.insert(change_log), log)


def _people_and_measures(conn: Connection) -> None:
    w = _Writer(conn)
    townships = {r[0] for r in conn.execute(sa.text("SELECT code FROM units WHERE unit_type = 'township'"))}
    # 管理权限: the old value stood for township- and department-managed cadres alike.
    for table in _SUBJECT_TABLES:
        for rid, owner in conn.execute(
            sa.text(f"SELECT id, owner FROM {table} WHERE subject_authority = :old"), {"old": _OLD_AUTHORITY}
        ).all():
            new = "乡镇管干部" if owner in townships else "部门管干部"
            conn.execute(
                sa.text(f"UPDATE {table} SET subject_authority = :a WHERE id = :id"), {"a": new, "id": rid}
            )

    people: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    links: dict[str, list[tuple[str, str]]] = {t: [] for t in (*_SUBJECT_TABLES, "dispositions")}

    def person(key: tuple[str, str, str, str], attrs: dict[str, Any], deleted: bool) -> str:
        found = people.get(key)
        if found is None:
            owner, name, unit, post = key
            found = people[key] = {"id": _made_id(*key), "owner": owner, "name": name, "unit": unit,
                                   "post": post, "id_number": "", "id_key": "", "note": "",
                                   "deleted": True, **attrs}  # fmt: skip
        found["deleted"] = found["deleted"] and deleted
        return str(found["id"])

    clue_person: dict[str, tuple[str, str]] = {}  # clue id -> (person id, name)
    for table in _SUBJECT_TABLES:
        rows = conn.execute(
            sa.text(
                f"SELECT id, owner, subject_name, subject_unit, subject_post, subject_rank, subject_authority, "
                f"subject_village, subject_is_member, subject_is_object, secrecy, audience, deleted FROM {table} "
                "WHERE subject_name <> '' ORDER BY created_at, id"
            )
        ).all()
        for r in rows:
            authority, rank = r[6] or "", r[5] or ""
            category = ("5" if authority == _VILLAGE or rank == "村（社区）干部" else "1") if r[9] else ""
            attrs = {"rank": rank, "authority": authority, "village": r[7] or "", "party_member": bool(r[8]),
                     "object_category": category, "secrecy": r[10] or "none", "audience": r[11] or ""}  # fmt: skip
            pid = person((r[1], r[2], r[3] or "", r[4] or ""), attrs, bool(r[12]))
            links[table].append((r[0], pid))
            if table == "clues":
                clue_person[r[0]] = (pid, r[2])
    plain = {"rank": "", "authority": "", "village": "", "party_member": False, "object_category": "",
             "secrecy": "none", "audience": ""}  # fmt: skip
    measures = conn.execute(
        sa.text(
            "SELECT id, owner, person_name, person_unit, person_post, clue_id, measure, decided_on, deleted "
            "FROM dispositions ORDER BY created_at, id"
        )
    ).all()
    for r in measures:
        kind, measure = _OLD_MEASURES.get(r[6], ("", r[6]))
        if kind:
            conn.execute(
                sa.text("UPDATE dispositions SET kind = :k, measure = :m, ends_on = :e WHERE id = :id"),
                {"k": kind, "m": measure, "e": _end(kind, measure, r[7]), "id": r[0]},
            )
        if not r[2]:
            continue
        via_clue = clue_person.get(r[5]) if r[5] else None
        if via_clue is not None and via_clue[1] == r[2]:
            links["dispositions"].append((r[0], via_clue[0]))
        else:
            links["dispositions"].append(
                (r[0], person((r[1], r[2], r[3] or "", r[4] or ""), dict(plain), bool(r[8])))
            )
    w.insert("people", list(people.values()))
    for table, pairs in links.items():
        for rid, pid in pairs:
            conn.execute(sa.text(f"UPDATE {table} SET person_id = :p WHERE id = :id"), {"p": pid, "id": rid})
    for table in ("inquiries", "verifications"):
        conn.execute(
            sa.text(
                f"UPDATE {table} SET person_id = (SELECT c.person_id FROM clues c WHERE c.id = {table}.clue_id)"
            )
        )
    # 参与办案的派驻组 -> a participation (协办) of that group in the case.
    taking_part = [
        {
            "id": str(uuid.uuid5(_NAMESPACE, f"case_units\x00{case_id}\x00{group_id}")),
            "owner": owner,
            "case_id": case_id,
            "unit_id": group_id,
            "joined_on": filed,
            "role": "参与办案",
            "note": "",
            "deleted": bool(deleted),
        }  # fmt: skip
        for case_id, owner, group_id, filed, deleted in conn.execute(
            sa.text(
                "SELECT id, owner, group_id, filed_on, deleted FROM cases "
                "WHERE group_id IS NOT NULL AND group_id <> handling_unit_id ORDER BY id"
            )
        ).all()
    ]
    for row in taking_part:
        if isinstance(row["joined_on"], str):
            row["joined_on"] = date.fromisoformat(row["joined_on"][:10])
    w.insert("case_units", taking_part)
