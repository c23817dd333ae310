"""The automatic change log and version stamps, on both backends, for every synchronised model."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from apphelpers import OpenDb
from sqlalchemy import Date, Integer, String, func, select
from sqlalchemy.orm import mapped_column

from app.cli import dump_records, synced_models
from app.context import Context
from app.db.base import Base, SyncMixin
from app.db.changelog import HardDeleteError
from app.db.database import Database
from app.db.local import ChangeLog, LocalCounter
from app.models.org import Unit, Village, Zone


def _log(db: Database, row_id: str) -> list[ChangeLog]:
    with db.session() as s:
        return list(s.scalars(select(ChangeLog).where(ChangeLog.row_id == row_id).order_by(ChangeLog.seq)))


def _log_size(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(ChangeLog)) or 0)


def test_insert_update_and_tombstone_are_logged_with_versions(county_db: Database) -> None:
    db = county_db
    with db.session("alice") as s:
        zone = Zone(name="第一片区协作区", leader="张三")
        s.add(zone)
    zone_id = zone.id
    assert zone_id and uuid.UUID(zone_id).version == 4

    with db.session("bob") as s:
        row = s.get(Zone, zone_id)
        assert row is not None
        row.leader = "李四"
    with db.session("bob") as s:
        row = s.get(Zone, zone_id)
        assert row is not None
        row.leader = "李四"  # the same value: not a change, not logged
    with db.session("carol") as s:
        row = s.get(Zone, zone_id)
        assert row is not None
        row.deleted = True

    entries = _log(db, zone_id)
    assert [e.op for e in entries] == ["insert", "update", "delete"]
    assert {e.table_name for e in entries} == {"zones"}
    assert [e.by for e in entries] == ["alice", "bob", "carol"]
    assert all(e.origin == "C01" for e in entries)
    assert entries[0].changes["name"] == [None, "第一片区协作区"]
    assert entries[0].changes["leader"] == [None, "张三"]
    assert entries[1].changes == {"leader": ["张三", "李四"]}
    assert entries[2].changes == {"deleted": [False, True]}
    counters = [e.counter for e in entries]
    assert counters == sorted(counters) and len(set(counters)) == 3

    with db.session() as s:
        row = s.get(Zone, zone_id)
        assert row is not None
        assert row.deleted is True
        assert row.owner == "C01"
        assert row.version_origin == "C01"
        assert row.version_counter == counters[-1]
        assert row.created_by == "alice" and row.updated_by == "carol"
        assert row.created_at is not None and row.updated_at >= row.created_at
        assert s.get(LocalCounter, 1).value >= counters[-1]  # type: ignore[union-attr]


def test_rows_flushed_together_get_distinct_counters(county_db: Database) -> None:
    db = county_db
    with db.session("alice") as s:
        zones = [Zone(name=f"片区{i}") for i in range(3)]
        s.add_all(zones)
    with db.session() as s:
        counters = sorted(s.scalars(select(Zone.version_counter)))
    assert len(set(counters)) == 3
    assert counters == list(range(counters[0], counters[0] + 3))


def test_a_row_from_another_unit_keeps_its_owner(county_db: Database) -> None:
    with county_db.session("alice") as s:
        unit = Unit(code="T01", name="城关镇纪委", unit_type="township", authorised_posts=5, owner="T01")
        s.add(unit)
    with county_db.session() as s:
        row = s.get(Unit, unit.id)
        assert row is not None
        assert row.owner == "T01"
        assert row.version_origin == "C01"


def test_hard_delete_is_refused_and_changes_nothing(county_db: Database) -> None:
    db = county_db
    with db.session() as s:
        zone = Zone(name="第二片区协作区")
        s.add(zone)
    before = _log_size(db)
    with pytest.raises(HardDeleteError), db.session() as s:
        row = s.get(Zone, zone.id)
        s.delete(row)
    with db.session() as s:
        row = s.get(Zone, zone.id)
        assert row is not None and row.deleted is False
    assert _log_size(db) == before


@pytest.fixture
def throwaway_model(county_db: Database) -> Iterator[type[SyncMixin]]:
    """A synchronised model defined here, with no code anywhere else; removed afterwards."""
    suffix = uuid.uuid4().hex[:8]
    model = type(
        f"Throwaway{suffix}",
        (SyncMixin, Base),
        {
            "__tablename__": f"throwaway_{suffix}",
            "title": mapped_column(String(50)),
            "amount": mapped_column(Integer, default=0),
            "due": mapped_column(Date, nullable=True),
        },
    )
    table = model.__table__  # type: ignore[attr-defined]
    Base.metadata.create_all(county_db.engine, tables=[table])  # just this table
    try:
        yield model
    finally:
        table.drop(county_db.engine)
        Base.metadata.remove(table)


def test_a_model_added_later_is_logged_and_dumped_without_extra_code(
    county_db: Database, throwaway_model: type[SyncMixin]
) -> None:
    db = county_db
    model: type = throwaway_model
    with db.session("alice") as s:
        row = model(title="新台账", amount=3, due=date(2022, 9, 20))
        s.add(row)
    with db.session("bob") as s:
        s.get(model, row.id).amount = 4
    with db.session("bob") as s:
        s.get(model, row.id).deleted = True

    entries = _log(db, row.id)
    assert [e.op for e in entries] == ["insert", "update", "delete"]
    assert entries[0].table_name == model.__table__.name
    assert entries[0].changes["due"] == [None, "2022-09-20"]
    assert entries[0].changes["amount"] == [None, 3]
    assert entries[1].changes == {"amount": [3, 4]}
    assert entries[1].counter < entries[2].counter

    assert model in synced_models()
    dumped = [r for r in dump_records(Context.system(db)) if r["table"] == model.__table__.name]
    assert dumped == [
        {
            "table": model.__table__.name,
            "id": row.id,
            "owner": "C01",
            "version": {"origin": "C01", "counter": entries[2].counter},
            "deleted": True,
            "fields": {"amount": 4, "due": "2022-09-20", "title": "新台账"},
        }
    ]


def test_sessions_without_a_unit_are_refused(open_db: OpenDb) -> None:
    db = open_db()  # not initialised: no unit to stamp on changes
    with pytest.raises(RuntimeError, match="no unit"), db.session() as s:
        s.add(Village(township_id="x", name="王家庄村"))
