"""Migration 0014 moves every 签字背书, 谈话纪实 and 三重一大 entry out of the generic ledger table
into its own register with all its values and the same id, owner and version; their change-log,
conflict and transfer entries follow them; the 讲规学法 entries stay, each with its target."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine, create_engine, select

from app.db import migrate
from app.models import LedgerEntry, MajorMatterCheck, SignoffCheck, TalkCheck

pytestmark = pytest.mark.real_migrations


def _insert(engine: Engine, table: str, **values: Any) -> None:
    with engine.begin() as conn:
        conn.execute(sa.table(table, *(sa.column(k) for k in values)).insert().values(**values))


def _sync(owner: str, n: int, deleted: bool = False) -> dict[str, Any]:
    return {"owner": owner, "version_origin": owner, "version_counter": n, "created_by": "admin",
            "updated_by": "admin", "deleted": deleted, "created_at": datetime(2022, 1, 1, 8, n),
            "updated_at": datetime(2022, 2, 1, 8, n), "base_origin": "C01", "base_counter": n - 1}  # fmt: skip


def _unit(engine: Engine) -> dict[str, Any]:
    """Township T01 at the old schema, every NOT NULL column given a plain value."""
    unit: dict[str, Any] = {
        "id": "u-t01",
        "code": "T01",
        "name": "城关镇纪委",
        "unit_type": "township",
        **_sync("C01", 1),
    }
    for c in sa.inspect(engine).get_columns("units"):
        if c["name"] not in unit and not c["nullable"] and c.get("default") is None:
            unit[c["name"]] = 0 if "INT" in str(c["type"]).upper() else ""
    _insert(engine, "units", **unit)
    return unit


def _entry(engine: Engine, rid: str, kind: str, n: int, **values: Any) -> None:
    row = {"id": rid, "kind": kind, "quarter": "2022Q2", "unit_id": "u-t01", "village_id": "v1",
           "supervised_unit_id": None, "checked_on": date(2022, 6, 20), "content": f"{kind} 内容",
           "problems": f"{kind} 问题", "follow_up": f"{kind} 跟进", "reported": True, **_sync("T01", n)}  # fmt: skip
    row.update(values)
    _insert(engine, "ledger_entries", **row)
    _insert(engine, "change_log", table_name="ledger_entries", row_id=rid, op="insert", origin="T01", counter=n,
            changes="{}", at=datetime(2022, 6, 20), by="admin")  # fmt: skip


def test_every_ledger_entry_moves_to_its_register(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    migrate.upgrade(engine, "0012")
    unit = _unit(engine)
    _insert(engine, "units", **{**unit, "id": "u-g01", "code": "G01", "name": "第一派驻组", "unit_type": "group",
                                **_sync("C01", 2)})  # fmt: skip
    village = {"id": "v1", "township_id": "u-t01", "name": "东湾村", "code": "", "liaison_name": "",
               "liaison_post": "", "liaison_phone": "", "note": "", **_sync("C01", 3)}  # fmt: skip
    _insert(engine, "villages", **village)
    _insert(engine, "supervised_units", id="s1", group_id="u-g01", name="县财政局", category="", contact="",
            phone="", note="", **_sync("C01", 4))  # fmt: skip
    _entry(engine, "e-sign", "signoff", 5)
    _entry(engine, "e-talk", "talk_record", 6, unit_id="u-g01", village_id=None, supervised_unit_id="s1",
           owner="G01", version_origin="G01")  # fmt: skip
    _entry(engine, "e-major", "major_matters", 7, reported=False)
    _entry(engine, "e-major-gone", "major_matters", 8, deleted=True)  # a tombstone moves too
    _entry(engine, "e-law", "law_study", 9)
    _insert(engine, "sync_conflicts", table_name="ledger_entries", row_id="e-major", peer="C01", bundle_id="b1",
            local="{}", remote="{}", winner="local", state="open", created_at=datetime(2022, 7, 1),
            settled_by="")  # fmt: skip
    with engine.connect() as conn:
        before = {r.id: r._asdict() for r in conn.execute(sa.text("SELECT * FROM ledger_entries"))}

    migrate.upgrade(engine, "head")

    moved = {"e-sign": SignoffCheck, "e-talk": TalkCheck, "e-major": MajorMatterCheck, "e-major-gone": MajorMatterCheck,
             "e-law": LedgerEntry}  # fmt: skip
    with engine.connect() as conn:
        for rid, model in moved.items():
            table = model.__table__.name  # type: ignore[attr-defined]
            row = conn.execute(sa.text(f"SELECT * FROM {table} WHERE id = :id"), {"id": rid}).one()._asdict()  # noqa: S608
            old = before[rid]
            kept = {k: v for k, v in old.items() if k != "kind"}
            assert {k: row[k] for k in kept} == kept, rid  # every value, the id, owner and version
            assert row["target"] == ("supervised_unit" if rid == "e-talk" else "village")
        assert conn.execute(sa.text("SELECT id, kind FROM ledger_entries")).all() == [("e-law", "law_study")]
        # Every entry is there once: 5 before, 5 after.
        total = sum(conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar() or 0  # noqa: S608
                    for t in ("ledger_entries", "signoff_checks", "talk_checks", "major_matter_checks"))  # fmt: skip
        assert total == len(before) == 5
        # History and sync name the new tables.
        logged = dict(conn.execute(sa.text("SELECT row_id, table_name FROM change_log")).all())
        assert logged == {"e-sign": "signoff_checks", "e-talk": "talk_checks", "e-major": "major_matter_checks",
                          "e-major-gone": "major_matter_checks", "e-law": "ledger_entries"}  # fmt: skip
        conflict = conn.execute(
            sa.text("SELECT table_name FROM sync_conflicts WHERE row_id = 'e-major'")
        ).scalar()
        assert conflict == "major_matter_checks"
        new_fields = conn.execute(select(MajorMatterCheck.matter_kind, MajorMatterCheck.amount).where(
            MajorMatterCheck.id == "e-major")).one()  # fmt: skip
        assert tuple(new_fields) == ("", None)


def test_downgrade_puts_the_entries_back(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    migrate.upgrade(engine, "0012")
    _unit(engine)
    _insert(engine, "villages", id="v1", township_id="u-t01", name="东湾村", code="", liaison_name="",
            liaison_post="", liaison_phone="", note="", **_sync("C01", 3))  # fmt: skip
    _entry(engine, "e-sign", "signoff", 5)
    migrate.upgrade(engine, "0014")
    from alembic import command

    command.downgrade(migrate.alembic_config(engine), "0012")
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT id, kind FROM ledger_entries")).all() == [("e-sign", "signoff")]
        assert conn.execute(sa.text("SELECT table_name FROM change_log")).scalar() == "ledger_entries"
