"""The coverage year view of 8 townships × 25 villages with a year of visits: reading it into the
page's model and drawing the grid once, against a plain QTableWidget of the same 200 × 4 strings.

Target (issue 5): reading and drawing under 200 ms. The baseline fills a ``QTableWidget`` with
200 rows of 4 fixed strings and grabs it (offscreen) in the same run and at the same size, so
the ratio says how far the page is from the cheapest table Qt can draw.

    .venv/bin/python bench/coverage_view.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from app.context import Context

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TOWNSHIPS = 8
VILLAGES = 25
YEAR = 2025
TODAY = date(2025, 11, 20)  # Q4 under way: visited, planned, missed and unplanned cells all occur
SIZE = (1100, 720)


def fill(db: Any) -> None:
    """Townships, villages and staff through the register service; a year of visits inserted
    directly with the system columns set (bench data only)."""
    from sqlalchemy import insert

    from app.models.residency import Visit
    from app.quarters import quarter_of
    from app.registers import get
    from app.services.records import RecordService

    rng = random.Random(5)
    records = RecordService(Context.system(db, "bench"))
    now = datetime(2025, 11, 20)
    batch = []
    with db.session("bench") as s:
        for t in range(TOWNSHIPS):
            unit = records.save_in(s, get("units"), {"code": f"T{t + 1:02d}", "name": f"第{t + 1}镇纪委",
                                                     "unit_type": "township", "authorised_posts": 5})  # fmt: skip
            staff = [
                records.save_in(s, get("staff"), {"name": f"干部{t}{i}", "unit_id": unit, "post": "member"})
                for i in range(4)
            ]
            for v in range(VILLAGES):
                village = records.save_in(
                    s, get("villages"), {"township_id": unit, "name": f"{t + 1}镇{v + 1:02d}村"}
                )
                for q in range(4):
                    if q == 3 and rng.random() < 0.4:
                        continue  # not planned yet this quarter
                    day = date(YEAR, 3 * q + 1, 1) + timedelta(days=rng.randint(0, 85))
                    done = day < TODAY and rng.random() < 0.9
                    batch.append(
                        dict(id=f"{len(batch):08d}-0000-4000-8000-{rng.getrandbits(48):012x}", owner="BENCH",
                             version_origin="BENCH", version_counter=len(batch) + 1, created_at=now,
                             created_by="bench", updated_at=now, updated_by="bench", deleted=False,
                             code=f"V{len(batch):08d}", unit_id=unit, village_id=village, supervised_unit_id=None,
                             quarter=quarter_of(day), planned_on=day, days=1, lead_id=staff[q],
                             member_id=staff[(q + 1) % 4], visited_on=day if done else None, people_talked="",
                             matters="村务公开" if done else "", findings="", problems="", clues_found="",
                             follow_up="", state="done" if done else "planned")
                    )  # fmt: skip
        s.execute(insert(Visit), batch)


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(qapp: Any, db: Any, runs: int) -> dict[str, float]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

    from app.services.coverage import visit_coverage
    from app.services.records import RecordService
    from ui.events import ChangeBus
    from ui.pages.coverage_page import CoverageModel, CoveragePage, CoverageView

    records = RecordService(Context.system(db, "bench"))
    rows = TOWNSHIPS * VILLAGES
    texts = ["已驻 03-14", "已驻 05-02", "未驻", "已安排 12-08"]

    base = QTableWidget(rows, 4)
    base.resize(*SIZE)
    base.show()

    def baseline() -> None:
        for r in range(rows):
            for c in range(4):
                base.setItem(r, c, QTableWidgetItem(texts[c]))
        base.grab()

    view = CoverageView()
    view.resize(*SIZE)
    view.show()

    def grid() -> None:
        model = CoverageModel(view)
        model.set_rows(visit_coverage(records, YEAR, today=TODAY), YEAR, "visits")
        assert model.rowCount() == rows
        view.setModel(model)
        view.grab()

    settings = QSettings(str(Path(tempfile.mkdtemp(prefix="jiwei-bench-ini-")) / "window.ini"),
                         QSettings.Format.IniFormat)  # fmt: skip
    bus = ChangeBus()

    def page() -> None:
        p = CoveragePage(records, bus, settings, today=lambda: TODAY)
        p.resize(*SIZE)
        p.show()
        p.grab()
        p.close()
        p.deleteLater()
        qapp.processEvents()

    baseline()
    grid()
    page()
    out = {
        "baseline": median_ms(baseline, runs),
        "grid": median_ms(grid, runs),
        "page": median_ms(page, runs),
    }
    start = time.perf_counter()
    for _ in range(runs):
        visit_coverage(records, YEAR, today=TODAY)
    out["read"] = (time.perf_counter() - start) * 1000 / runs
    base.close()
    view.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from app.db.database import Database
    from app.services.installation import SetupRequest, initialise

    qapp = QApplication(sys.argv)
    with tempfile.TemporaryDirectory(prefix="jiwei-bench-") as tmp:
        db = Database.open(Path(tmp) / "data")
        initialise(
            db, SetupRequest("county", "C01", "测试县纪委监委", "C01", "测试县", "admin", "bench-pass-2022")
        )
        fill(db)
        m = measure(qapp, db, args.runs)
        db.close()
    base = m["baseline"]
    print(f"cells: {TOWNSHIPS} townships × {VILLAGES} villages × 4 quarters, a year of visits")
    print(f"baseline, QTableWidget of 200×4 plain strings filled and grabbed: {base:.1f} ms")
    print(f"coverage_view: read year view (SQL + cells): {m['read']:.1f} ms")
    print(f"coverage_view: model built + grid grabbed: {m['grid']:.1f} ms  ratio {m['grid'] / base:.2f}x"
          "  (target < 200 ms)")  # fmt: skip
    print(f"coverage_view: whole page opened + grabbed: {m['page']:.1f} ms  ratio {m['page'] / base:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
