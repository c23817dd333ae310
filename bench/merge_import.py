"""Merge throughput: a township's 100,000 changed rows exported, then imported at the county.

Targets (issue 6): exporting 100,000 changes in under 3 s; importing them (decrypt, verify,
duplicate / replay checks and the merge's conflict checks, one transaction) at no less than 25% of
the rate at which raw ``sqlite3`` ``executemany`` inserts the same rows' columns into a plain table
of the same shape, measured in the same run.

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
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

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
    RecordService(county, "admin").save(
        get("units"), {"code": "T01", "name": "城关镇纪委", "unit_type": "township", "authorised_posts": 3}
    )
    package = root / "T01.jwenrol"
    exchange.enroll(county, "T01", package, PASSPHRASE)
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


def baseline(root: Path, town: Any) -> tuple[int, float]:
    """Raw sqlite3 ``executemany`` of the township's staff rows into a plain table of the same shape."""
    from sqlalchemy import select
    from sqlalchemy.schema import CreateTable

    from app.models.org import Staff

    table = Staff.__table__  # type: ignore[attr-defined]
    columns = [c.name for c in table.columns]
    with town.session("bench") as s:
        data = [tuple(r) for r in s.execute(select(*table.columns))]
    for row in data[:1]:
        assert len(row) == len(columns)
    ddl = str(
        CreateTable(table).compile(dialect=__import__("sqlalchemy.dialects.sqlite").dialects.sqlite.dialect())
    )
    sql = f"INSERT INTO staff ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    times = []
    for attempt in range(3):  # the median of three: one slow disk flush moved the ratio by half
        conn = sqlite3.connect(root / f"baseline{attempt}.db")
        conn.execute(ddl)
        conn.commit()
        start = time.perf_counter()
        conn.executemany(sql, data)
        conn.commit()
        times.append(time.perf_counter() - start)
        conn.close()
    return len(data), sorted(times)[1]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument(
        "--profile",
        choices=("import", "export"),
        help="cProfile the import or the export; print the hot spots",
    )
    parser.add_argument(
        "--sort", default="cumulative", help="pstats order of the profile (cumulative, tottime)"
    )
    args = parser.parse_args()
    os.environ.setdefault("JIWEI_TEST_FAST_KDF", "1")  # key slots only; the bundle crypto is unchanged

    from app.sync import exchange

    with tempfile.TemporaryDirectory(prefix="jiwei-bench-") as tmp:
        root = Path(tmp)
        county, town = installations(root)
        start = time.perf_counter()
        fill(town, args.rows)
        fill_s = time.perf_counter() - start
        stick = root / "stick"
        stick.mkdir()

        start = time.perf_counter()
        profiler = cProfile.Profile() if args.profile else None
        if profiler and args.profile == "export":
            profiler.enable()
        out = exchange.export_bundle(town, stick)
        if profiler:
            profiler.disable()
        export_s = time.perf_counter() - start
        assert out.records == args.rows, out

        start = time.perf_counter()
        if profiler and args.profile == "import":
            profiler.enable()
        [result] = exchange.import_bundles(county, [out.path])
        if profiler:
            profiler.disable()
        import_s = time.perf_counter() - start
        assert result.status == "imported" and result.summary is not None, result
        assert result.summary.new == args.rows, result.summary

        base_rows, base_s = baseline(root, town)
        size = out.path.stat().st_size
        county.close()
        town.close()

    base_rate, import_rate = base_rows / base_s, args.rows / import_s
    print(f"rows: {args.rows} staff records (encrypted databases); bulk fill with change log: {fill_s:.1f} s")
    print(
        f"export: {export_s:.2f} s, {args.rows / export_s:,.0f} rows/s, bundle {size / 1e6:.1f} MB  (target < 3 s)"
    )
    print(f"import at the county: {import_s:.2f} s, {import_rate:,.0f} rows/s")
    print(
        f"baseline, sqlite3 executemany into a plain table (median of 3): {base_s:.2f} s, {base_rate:,.0f} rows/s"
    )
    print(f"ratio import / executemany: {import_rate / base_rate:.1%}  (target >= 25%)")
    if profiler:
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats(args.sort).print_stats(30)
        print(text.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
