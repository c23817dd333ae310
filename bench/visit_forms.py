"""The quarter's visit forms of a township with 30 villages: one A4 page a visit.

Target (issue 5): making the quarter's PDF (``quarter_visit_ids`` plus ``visit_forms_pdf``,
pre-filled, with the PRINT audit entries) under 1 s. It is printed against reportlab drawing the
same number of empty A4 pages with the same bundled font (registered the same way, one short
Chinese string a page) in the same run, so the ratio says what the forms cost beyond reportlab
itself. Half the visits are recorded as done with notes, so pre-filled pages carry text.

    .venv/bin/python bench/visit_forms.py [--villages 30] [--runs 5]
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from app.context import Context

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from app.security import kdf  # noqa: E402

kdf.set_default_params(kdf.TEST_PARAMS)  # the installation's key slot is not what is measured

STAFF = (
    ("王芳", "secretary"),
    ("李强", "deputy_secretary"),
    ("赵敏", "member"),
    ("陈静", "member"),
    ("刘洋", "inspector"),
)
VILLAGE_NAMES = "东湾西岭南塘北坡石桥白沙青山柳林河口新华红星光明长坪桃园杨柳松柏梅岭竹溪枫树荷花金山银湖大坝龙潭凤凰太平永安和平双井三合"
NOTES = {
    "people_talked": "村党支部书记、村委会主任、村务监督委员会主任、村民代表3人",
    "findings": "查阅本季度村务公开栏和财务凭证，收支明细已按月公开；走访农户6户，群众对惠民资金发放无异议。",
    "problems": "部分工程款支出公开不及时，未附明细。",
    "clues_found": "无",
    "follow_up": "督促村两委限期补充公开，下次驻村时复查。",
}


def previous_quarter(today: date) -> str:
    """The last finished quarter (its visits can be recorded as done)."""
    first = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    last = first - timedelta(days=1)
    return f"{last.year}Q{(last.month - 1) // 3 + 1}"


def build(data_dir: Path, villages: int) -> tuple[Any, str]:
    """A township installation with its villages, five staff and a saved plan for the last quarter;
    every other visit recorded as done. Returns (records, quarter)."""
    from app.db.database import Database
    from app.registers import get
    from app.services.installation import SetupRequest, initialise
    from app.services.records import RecordService
    from app.services.transitions import Transitions
    from app.services.visit_plan import propose_plan, save_plan

    db = Database.open(data_dir)
    initialise(db, SetupRequest("township", "T01", "城关镇纪委", "C01", "测试县", "admin", "bench-pass-2022"))
    records = RecordService(Context.system(db, "admin"))
    unit = records.ids(get("units"))[0]
    for n in range(villages):
        base = VILLAGE_NAMES[2 * (n % 30) : 2 * (n % 30) + 2]
        name = f"{base}村" if n < 30 else f"{base}{n // 30 + 1}村"
        records.save(get("villages"), {"township_id": unit, "name": name})
    for name, post in STAFF:
        records.save(get("staff"), {"name": name, "unit_id": unit, "post": post})
    quarter = previous_quarter(date.today())
    ids = save_plan(records, propose_plan(records, unit, quarter))
    transitions = Transitions(records)
    visits = get("visits")
    for vid in ids[::2]:
        planned = records.get(visits, vid)["planned_on"]
        values = {"visited_on": planned, "matters": "村务公开、集体“三资”管理、作风问题", **NOTES}
        transitions.apply(visits, vid, "record", values, "录入纸质记录表")
    return records, quarter


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--villages", type=int, default=30)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from app.reports import fonts
    from app.reports.visit_forms import quarter_visit_ids, visit_forms_pdf

    with tempfile.TemporaryDirectory(prefix="jiwei-bench-") as tmp:
        records, quarter = build(Path(tmp) / "data", args.villages)
        pages = len(quarter_visit_ids(records, quarter))
        sizes: dict[str, int] = {}

        def baseline() -> None:
            out = io.BytesIO()
            c = Canvas(out, pagesize=A4, pageCompression=1)
            font = fonts.cjk_font()
            for n in range(pages):
                c.setFont(font, 12)
                c.drawString(72, 770, f"驻村监督工作记录表{n + 1}")
                c.showPage()
            c.save()
            sizes["baseline"] = len(out.getvalue())

        def quarter_pdf() -> None:
            out = io.BytesIO()
            assert visit_forms_pdf(records, quarter_visit_ids(records, quarter), out) == pages
            sizes["forms"] = len(out.getvalue())

        target = Path(tmp) / "visits.pdf"

        def quarter_file() -> None:
            visit_forms_pdf(records, quarter_visit_ids(records, quarter), target, blank=True)

        for fn in (baseline, quarter_pdf, quarter_file):
            fn()  # warm up: font registration, imports, the page cache
        base = median_ms(baseline, args.runs)
        forms = median_ms(quarter_pdf, args.runs)
        to_file = median_ms(quarter_file, args.runs)
        records.db.close()
    print(f"township of {args.villages} villages, quarter {quarter}: {pages} visits planned "
          f"({(pages + 1) // 2} recorded as done with notes)")  # fmt: skip
    print(f"baseline, reportlab {pages} empty A4 pages, bundled font, one Chinese string each: "
          f"{base:.1f} ms ({sizes['baseline'] / 1024:.0f} KB)")  # fmt: skip
    print(f"quarter's visit forms, pre-filled, to memory (ids + PDF + {pages} audit entries): "
          f"{forms:.1f} ms ({sizes['forms'] / 1024:.0f} KB)  ratio {forms / base:.2f}x  (target < 1000 ms)")  # fmt: skip
    print(f"quarter's visit forms, blank, to a file (atomic write, fsync): {to_file:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
