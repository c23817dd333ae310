"""Merge throughput: a township's 100,000 changed rows exported, then imported at the county.

Targets (issue 6): exporting 100,000 changes in under 3 s; importing them (decrypt, verify,
duplicate / replay checks, the merge's conflict checks and change-log entries, one transaction) at
no less than 25% of the rate at which raw SQLite inserts the same rows with ``executemany``,
measured in the same run. Two baselines are measured, interleaved with the imports (medians):

- A, the target's: the driver's own ``executemany`` of the rows as SQLite stores them into the same
  table as the county's database has it (its indexes and foreign key), in an SQLCipher file with
  the program's pragmas, in the merge's chunks sorted as the merge sorts them;
- B, stricter, for reference: the same rows into a bare table (primary key only) of a plain,
  unencrypted ``sqlite3`` file, in one call.

The township's rows are staff records inserted in bulk with the change-log entries the
``before_flush`` listener would write (not timed). Both installations are encrypted databases
made through the Python API (``enroll`` + ``init_from_enrolment``).

    .venv/bin/python bench/merge_import.py [--rows 100000] [--profile import|export] [--sort tottime]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from app.context import Context

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSWORD = "bench-pass-2022"
PASSPHRASE = "bench-enrolment-2022"
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华平刚桂兰玉霞建国志文红梅飞鹏辉斌宇浩凯健俊帆"


def installations(root: Path) -> tuple[Any, Any]:
    """County C01 and township T01 enrolled from it."""
    from app.registers import get
    from app.services.installation import SetupRequest
    from app.services.login import create
    from app.services.records import RecordService
    from app.sync import exchange

    county = create(root / "county", None, SetupRequest(
        unit_type="county", unit_code="C01", unit_name="测试县纪委监委", county_code="C01",
        county_name="测试县", admin_username="admin", admin_password=PASSWORD,
    )).db  # fmt: skip
    RecordService(Context.system(county, "admin")).save(
        get("units"), {"code": "T01", "name": "城关镇纪委", "unit_type": "township", "authorised_posts": 3}
    )
    package = root / "T01.jwenrol"
    exchange.enroll(Context.system(county), "T01", package, PASSPHRASE)
    town = exchange.init_from_enrolment(root / "T01", None, package, PASSPHRASE, "admin", PASSWORD).db
    return county, town


def fill(town: Any, rows: int) -> None:
    """``rows`` new staff records with their change-log entries, as the ``before_flush`` listener
    writes them, inserted in bulk (adding 100,000 objects through the ORM takes about ten minutes)."""
    from datetime import datetime

    from sqlalchemy import insert, select, update

    from app.db.base import new_id
    from app.db.local import ChangeLog, LocalCounter
    from app.models.org import Staff, Unit

    rng = random.Random(7)
    posts = ["secretary", "deputy_secretary", "member", "inspector"]
    now = datetime(2022, 9, 20)
    with town.session("bench") as s:
        unit = s.scalars(select(Unit.id).where(Unit.code == "T01")).one()
        first = int(s.scalar(select(LocalCounter.value).where(LocalCounter.id == 1)) or 0) + 1
        s.execute(update(LocalCounter).where(LocalCounter.id == 1).values(value=first + rows - 1))
        for start in range(0, rows, 10_000):
            staff, log = [], []
            for i in range(start, min(rows, start + 10_000)):
                fields = dict(name=rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2))),
                              gender=rng.choice("男女"), unit_id=unit, post=rng.choice(posts), also_inspector=False,
                              full_time=rng.random() < 0.2, seconded=False, seconded_from="",
                              phone=f"139{rng.randint(0, 99999999):08d}", home_village="", note="")  # fmt: skip
                rid = new_id()
                staff.append(dict(id=rid, owner="T01", version_origin="T01", version_counter=first + i,
                                  base_origin="", base_counter=0, created_at=now, created_by="bench",
                                  updated_at=now, updated_by="bench", deleted=False, **fields))  # fmt: skip
                log.append(dict(table_name="staff", row_id=rid, op="insert", origin="T01", counter=first + i,
                                changes={k: [None, v] for k, v in fields.items()}, at=now, by="bench"))  # fmt: skip
            s.execute(insert(Staff), staff)
            s.execute(insert(ChangeLog), log)


def _rows(town: Any) -> tuple[Any, list[tuple[Any, ...]], list[dict[str, Any]]]:
    """The township's staff rows as stored, and the units they refer to."""
    from sqlalchemy import select

    from app.models.org import Staff, Unit

    table: Any = Staff.__table__
    units_table: Any = Unit.__table__
    with town.session("bench") as s:
        # As SQLite holds them (text, integers): no driver adaptation of date-times or booleans.
        names = ", ".join(c.name for c in table.columns)
        data = [tuple(r) for r in s.connection().exec_driver_sql(f"SELECT {names} FROM {table.name}")]
        units = [dict(r) for r in s.execute(select(units_table)).mappings()]
    assert data and len(data[0]) == len(table.columns)
    return table, data, units


def raw_insert(
    path: Path, table: Any, data: list[tuple[Any, ...]], units: list[dict[str, Any]], *, same_database: bool
) -> float:
    """Seconds for the driver's own ``executemany`` of ``data`` into ``table`` and the commit.

    ``same_database``: an SQLCipher file with the program's schema (the table's five indexes, its
    foreign key to the units, present) and pragmas (WAL, full fsync, 64 MiB cache), the rows in
    chunks of the merge's size, each sorted by key as the merge sorts them; otherwise a plain ``sqlite3`` file with the bare table (its primary
    key only), all rows in one call."""
    from sqlalchemy import insert
    from sqlalchemy.dialects import sqlite
    from sqlalchemy.schema import CreateTable

    from app.db.base import Base
    from app.db.engine import make_engine
    from app.models.org import Unit
    from app.sync.merge import CHUNK

    columns = [c.name for c in table.columns]
    sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    if same_database:
        engine = make_engine(f"sqlite:///{path}", os.urandom(32))
        Base.metadata.create_all(engine)
        with engine.begin() as c:
            c.execute(insert(Unit), units)
        conn = engine.raw_connection()  # the driver's connection, pragmas and key applied
        # Chunks of the merge's size, each in key order as the merge writes them (no credit for that).
        key = columns.index("id")
        chunks = [sorted(data[i : i + CHUNK], key=lambda r: r[key]) for i in range(0, len(data), CHUNK)]
    else:
        engine = None
        conn = sqlite3.connect(path)  # type: ignore[assignment]
        conn.execute(str(CreateTable(table).compile(dialect=sqlite.dialect())))
        conn.commit()
        chunks = [data]
    cur = conn.cursor()
    start = time.perf_counter()
    for chunk in chunks:
        cur.executemany(sql, chunk)
    conn.commit()
    seconds = time.perf_counter() - start
    conn.close()
    if engine is not None:
        engine.dispose()
    return seconds


def import_once(
    root: Path, bundle: Path, rows: int, attempt: int, profiler: cProfile.Profile | None
) -> float:
    """Seconds to import ``bundle`` into a fresh copy of the county as it was before any import."""
    from app.services.login import login
    from app.sync import exchange

    folder = root / f"county-{attempt}"
    shutil.copytree(root / "county", folder)
    county = login(folder, None, "admin", PASSWORD).db
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    [result] = exchange.import_bundles(Context.system(county), [bundle])
    if profiler:
        profiler.disable()
    seconds = time.perf_counter() - start
    assert result.status == "imported" and result.summary is not None, result
    assert result.summary.new == rows, result.summary
    county.close()
    shutil.rmtree(folder)
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3, help="imports and baselines, interleaved; medians")
    parser.add_argument(
        "--profile",
        choices=("import", "export"),
        help="cProfile the (first) import or the export; print the hot spots",
    )
    parser.add_argument(
        "--sort", default="cumulative", help="pstats order of the profile (cumulative, tottime)"
    )
    args = parser.parse_args()
    from app.security import kdf

    kdf.set_default_params(kdf.TEST_PARAMS)  # key slots only; the bundle crypto is unchanged

    from app.sync import exchange

    with tempfile.TemporaryDirectory(prefix="jiwei-bench-") as tmp:
        root = Path(tmp)
        county, town = installations(root)
        county.close()
        start = time.perf_counter()
        fill(town, args.rows)
        fill_s = time.perf_counter() - start
        stick = root / "stick"
        stick.mkdir()

        start = time.perf_counter()
        profiler = cProfile.Profile() if args.profile else None
        if profiler and args.profile == "export":
            profiler.enable()
        out = exchange.export_bundle(Context.system(town), stick)
        if profiler:
            profiler.disable()
        export_s = time.perf_counter() - start
        assert out.records == args.rows, out
        table, data, units = _rows(town)
        town.close()
        size = out.path.stat().st_size

        imports, same, plain = [], [], []
        for attempt in range(args.rounds):  # interleaved: a slow spell of the machine hits all three
            same.append(raw_insert(root / f"same{attempt}.db", table, data, units, same_database=True))
            plain.append(raw_insert(root / f"plain{attempt}.db", table, data, units, same_database=False))
            prof = profiler if args.profile == "import" and attempt == 0 else None
            imports.append(import_once(root, out.path, args.rows, attempt, prof))

    import_s, same_s, plain_s = (statistics.median(x) for x in (imports, same, plain))
    rate = args.rows / import_s
    print(f"rows: {args.rows} staff records (encrypted databases); bulk fill with change log: {fill_s:.1f} s")
    print(
        f"export: {export_s:.2f} s, {args.rows / export_s:,.0f} rows/s, bundle {size / 1e6:.1f} MB  (target < 3 s)"
    )
    print(
        f"import at the county (median of {args.rounds}: {_list(imports)}): {import_s:.2f} s, {rate:,.0f} rows/s"
    )
    print(
        f"baseline A, executemany of the same rows into the same table (its indexes) in an SQLCipher file "
        f"with the program's pragmas (median of {args.rounds}: {_list(same)}): {same_s:.2f} s, "
        f"{args.rows / same_s:,.0f} rows/s"
    )
    print(
        f"baseline B, executemany into a bare table (primary key only) of a plain sqlite3 file "
        f"(median of {args.rounds}: {_list(plain)}): {plain_s:.2f} s, {args.rows / plain_s:,.0f} rows/s"
    )
    print(f"ratio import / baseline A: {same_s / import_s:.1%}  (target >= 25%)")
    print(f"ratio import / baseline B: {plain_s / import_s:.1%}")
    if profiler:
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats(args.sort).print_stats(30)
        print(text.getvalue())
    return 0


def _list(values: list[float]) -> str:
    return " ".join(f"{v:.2f}" for v in values)


if __name__ == "__main__":
    sys.exit(main())
