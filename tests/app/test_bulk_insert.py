"""The two ways a merge writes a new row store the same bytes: a demo township's records of every
table merged once through ``RecordInsert`` (a record straight to insert parameters, SQLite) and
once the general way (the row's values, column bind processors), then every table compared cell
by cell with SQLite's own type of each value."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from apphelpers import init_installation
from sqlalchemy import select, text

from app.context import Context
from app.db.database import Database
from app.db.local import ChangeLog
from app.demo.batch import add_demo_batch
from app.sync import bulk
from app.sync.merge import merge_records, record_from_row, synced_models


def _records(db: Database) -> list[dict[str, Any]]:
    from app.sync.exchange import _table_order

    order = _table_order()
    out: list[dict[str, Any]] = []
    with db.session() as s:
        for name, model in sorted(synced_models().items(), key=lambda kv: order.get(kv[0], 0)):
            if name == "audit_log":
                continue
            table = model.__table__  # type: ignore[attr-defined]
            out += [record_from_row(table, dict(r)) for r in s.execute(select(table)).mappings()]
    return out


def _cells(db: Database, tables: list[str], ids: set[str]) -> dict[str, list[tuple[Any, ...]]]:
    out: dict[str, list[tuple[Any, ...]]] = {}
    with db.session() as s:
        for name in tables:
            cols = [r[1] for r in s.execute(text(f'PRAGMA table_info("{name}")'))]
            picked = ", ".join(f'"{c}", typeof("{c}")' for c in cols)
            out[name] = sorted(
                (tuple(r) for r in s.execute(text(f'SELECT {picked} FROM "{name}"'))), key=repr
            )
        out["change_log"] = sorted(
            tuple(r)
            for r in s.execute(
                select(
                    ChangeLog.table_name,
                    ChangeLog.row_id,
                    ChangeLog.op,
                    ChangeLog.origin,
                    ChangeLog.counter,
                    ChangeLog.changes,
                    ChangeLog.at,
                    ChangeLog.by,
                )  # fmt: skip
            )
            if r[1] in ids
        )
    return out


def test_direct_and_general_inserts_store_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[Database] = []

    def open_db(url: str, folder: Path) -> Database:
        opened.append(Database(url, folder))
        return opened[-1]

    town = init_installation(
        open_db(f"sqlite:///{tmp_path}/t.db", tmp_path / "t"),
        unit_type="township",
        code="T01",
        name="城关镇纪委",
    )
    add_demo_batch(Context.system(town), 1)
    records = [r for r in _records(town) if r["table"] != "units"]
    tables = sorted({r["table"] for r in records})
    assert {"staff", "villages", "clues", "visits"} <= set(tables)

    direct = init_installation(open_db(f"sqlite:///{tmp_path}/a.db", tmp_path / "a"))
    general = init_installation(open_db(f"sqlite:///{tmp_path}/b.db", tmp_path / "b"))
    units = [r for r in _records(town) if r["table"] == "units"]
    for db in (direct, general):
        with db.session() as s:
            merge_records(s, units, peer="T01", bundle_id="units", adopt=True)

    calls = {"n": 0}
    params = bulk.RecordInsert.params

    def counted(self: bulk.RecordInsert, rec: Any) -> tuple[Any, ...]:
        out = params(self, rec)  # raises NotSimple where the general way is taken
        calls["n"] += 1
        return out

    monkeypatch.setattr(bulk.RecordInsert, "params", counted)
    with direct.session() as s:
        assert merge_records(s, records, peer="T01", bundle_id="b").new == len(records)
    assert calls["n"] == len(records)  # every row went the direct way, none fell back

    monkeypatch.setattr(bulk.RecordInsert, "of", classmethod(lambda cls, conn, table: None))
    with general.session() as s:
        assert merge_records(s, records, peer="T01", bundle_id="b").new == len(records)

    ids = {r["id"] for r in records}
    a, b = _cells(direct, tables, ids), _cells(general, tables, ids)
    for name in [*tables, "change_log"]:
        assert a[name] == b[name], name
    assert len(a["change_log"]) == len(records)
    for db in opened:
        db.close()
