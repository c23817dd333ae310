"""A list of 100,000 people: open and filter, against a plain SQL count of the same rows.

Targets (issue 2): opening the staff list model under 200 ms, filtering under 100 ms. The
baseline is `SELECT count(*) FROM staff WHERE deleted = 0` on the same database in the same run,
so the ratios say how far the list is from the cheapest query that touches every row.

    .venv/bin/python bench/list_100k.py [--rows 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from app.context import Context

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华平刚桂兰玉霞建国志文红梅飞鹏辉斌宇浩凯健俊帆"


def fill(db: object, rows: int) -> None:
    """Insert `rows` staff rows with the system columns set, in one transaction (bench data only)."""
    from sqlalchemy import insert, select

    from app.db.database import Database
    from app.models.org import Staff, Unit

    assert isinstance(db, Database)
    rng = random.Random(7)
    with db.session("bench") as s:
        units = list(s.scalars(select(Unit.id)))
        now = datetime(2022, 9, 20)
        batch = []
        posts = ["secretary", "deputy_secretary", "member", "inspector"]
        for i in range(rows):
            name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
            batch.append(
                dict(id=f"{i:08d}-0000-4000-8000-{rng.getrandbits(48):012x}", owner="DEMO", version_origin="DEMO",
                     version_counter=i + 1, created_at=now, created_by="bench", updated_at=now, updated_by="bench",
                     deleted=False, name=name, gender=rng.choice("男女"), unit_id=rng.choice(units),
                     post=rng.choice(posts), also_inspector=False, full_time=rng.random() < 0.2, seconded=False,
                     seconded_from="", phone=f"139{rng.randint(0, 99999999):08d}", home_village="", note="")
            )
            if len(batch) == 10_000:
                s.execute(insert(Staff), batch)
                batch.clear()
        if batch:
            s.execute(insert(Staff), batch)


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(qapp: Any, db: Any, rows: int, runs: int) -> dict[str, float]:
    """Median milliseconds for the baseline count, opening, filtering and re-sorting the staff list."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTableView
    from sqlalchemy import text

    from app.registers import get
    from app.services.records import RecordService
    from ui.models.record_table import RecordTableModel

    records = RecordService(Context.system(db, "bench"))
    staff = get("staff")

    def baseline() -> None:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM staff WHERE deleted = 0")).scalar_one()

    view = QTableView()
    view.resize(1000, 700)
    view.show()

    def open_list() -> None:
        model = RecordTableModel(records, staff)
        view.setModel(model)
        qapp.processEvents()  # the view asks for the visible rows' data here
        assert model.rowCount() >= rows

    model = RecordTableModel(records, staff)
    view.setModel(model)
    qapp.processEvents()
    searches = itertools.cycle(["王", "张伟", "139", "李娜", "陈"])
    orders = itertools.cycle([Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder])

    def filter_list() -> None:
        model.set_query(search=next(searches))
        qapp.processEvents()

    def sort_list() -> None:
        model.sort(0, next(orders))
        qapp.processEvents()

    baseline()
    out = {"baseline": median_ms(baseline, runs), "open": median_ms(open_list, runs)}
    model.set_query(search="")
    out["filter"] = median_ms(filter_list, runs)
    model.set_query(search="")
    out["sort"] = median_ms(sort_list, runs)
    view.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from app.demo.batch import create_demo_county

    qapp = QApplication(sys.argv)
    with tempfile.TemporaryDirectory(prefix="jiwei-bench-") as tmp:
        db = create_demo_county(Path(tmp), "bench-pass-2022").db
        fill(db, args.rows)
        m = measure(qapp, db, args.rows, args.runs)
        db.close()
    base = m["baseline"]
    print(f"rows: {args.rows} (encrypted database)")
    print(f"baseline, SQL count of live rows: {base:.1f} ms")
    print(f"open list (ids + visible rows): {m['open']:.1f} ms  ratio {m['open'] / base:.2f}x  (target < 200 ms)")
    print(f"filter by search text: {m['filter']:.1f} ms  ratio {m['filter'] / base:.2f}x  (target < 100 ms)")
    print(f"re-sort by name: {m['sort']:.1f} ms  ratio {m['sort'] / base:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
