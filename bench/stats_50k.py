"""The figures page on a large county: 50,000 clues and 200,000 four-form rows, encrypted.

Targets (issue 4): ``figures(db, year=...)`` under 300 ms; filtering the clue list (search text
plus a source filter, through ``RecordService.ids``) under 100 ms. Each is printed against a
bare SQL aggregate over the same rows in the same run (the four forms of the year grouped by
form; the live clues grouped by source), so the ratios say how far the service is from the
cheapest query that reads those rows.

    .venv/bin/python bench/stats_50k.py [--clues 50000] [--dispositions 200000] [--runs 5]
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
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from app.context import Context

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华平刚桂兰玉霞建国志文红梅飞鹏辉斌宇浩凯健俊帆"
YEARS = (2019, 2020, 2021, 2022, 2023)
YEAR = 2021
BATCH = 10_000


def _system(i: int, now: datetime) -> dict[str, Any]:
    return dict(owner="DEMO", version_origin="DEMO", version_counter=i + 1, created_at=now, created_by="bench",
                updated_at=now, updated_by="bench", deleted=False)  # fmt: skip


def _day(rng: random.Random) -> date:
    year = rng.choice(YEARS)
    return date(year, 1, 1) + timedelta(days=rng.randrange(365))


def fill(db: Any, clues: int, dispositions: int) -> None:
    """Insert the clues, then the four-form rows (a tenth linked to a clue), with the system
    columns set, in one transaction and batches of executemany (bench data only)."""
    from sqlalchemy import insert, select

    from app.models.casework import Clue, Disposition
    from app.models.org import Unit
    from app.registers.casework_choices import CATEGORIES, DISPOSAL_CHOICES, SOURCE_CHOICES
    from app.registers.sanctions import DEFAULT_FORMS

    rng = random.Random(11)
    now = datetime(2023, 12, 20)
    sources = [code for code, _ in SOURCE_CHOICES]
    disposals = ["", *(code for code, _ in DISPOSAL_CHOICES)]
    categories = list(CATEGORIES)
    with db.session("bench") as s:
        units = list(s.execute(select(Unit.id, Unit.unit_type).where(Unit.deleted.is_(False)).order_by(Unit.code)).all())
        handling = [u for u, t in units if t in ("township", "group", "county")]
        groups = [u for u, t in units if t == "group"]
        clue_ids: list[str] = []
        batch: list[dict[str, Any]] = []
        for i in range(clues):
            source = rng.choice(sources)
            received = _day(rng)
            row_id = f"{i:08d}-0000-4000-8000-{rng.getrandbits(48):012x}"
            clue_ids.append(row_id)
            name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
            disposal = rng.choice(disposals)
            batch.append(
                dict(id=row_id, **_system(i, now), number=f"{received.year}-{i:06d}", report_id=None,
                     source=source, received_on=received, registered_on=received, category=rng.choice(categories),
                     subcategory="", summary="", register_only=False,
                     handling_unit_id=rng.choice(groups if source == "inspection" else handling), handler_id=None,
                     proposed_handling=disposal, approver="", disposal=disposal,
                     disposal_reason="集体研究" if disposal else "", decided_on=received if disposal else None,
                     duplicate_of=None, state="registered", secrecy="none", audience="", subject_name=name,
                     subject_unit=f"第{rng.randint(1, 40)}村", subject_post="", subject_rank="",
                     subject_authority="", subject_village="", subject_is_object=True, subject_is_member=True)
            )  # fmt: skip
            if len(batch) == BATCH:
                s.execute(insert(Clue), batch)
                batch.clear()
        if batch:
            s.execute(insert(Clue), batch)
            batch.clear()
        forms = ["1"] * 6 + ["2"] * 2 + ["3", "4"]
        for i in range(dispositions):
            form = rng.choice(forms)
            kind, measure = rng.choice([k for k, f in DEFAULT_FORMS.items() if f == form])
            guided = rng.random() < 0.1
            batch.append(
                dict(id=f"{i:08d}-1111-4000-8000-{rng.getrandbits(48):012x}", **_system(clues + i, now),
                     person_name=rng.choice(SURNAMES) + rng.choice(GIVEN), person_unit="", person_post="",
                     form=form, kind=kind, measure=measure, deciding_body="", decided_on=_day(rng),
                     clue_id=rng.choice(clue_ids) if clue_ids and rng.random() < 0.1 else None, case_id=None,
                     handling_unit_id=rng.choice(handling), guided=guided,
                     guided_by_id=None, note="")
            )  # fmt: skip
            if len(batch) == BATCH:
                s.execute(insert(Disposition), batch)
                batch.clear()
        if batch:
            s.execute(insert(Disposition), batch)
    with db.engine.connect() as conn:  # fresh statistics for the planner, as after a real import
        conn.exec_driver_sql("ANALYZE")
        conn.commit()


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(db: Any, runs: int) -> dict[str, float]:
    """Median milliseconds: the two bare aggregates, figures for a year, the clue-list filter."""
    from sqlalchemy import text

    from app.registers import get
    from app.services.records import ListQuery, RecordService
    from app.services.statistics import figures

    records = RecordService(Context.system(db, "bench"))
    clues = get("clues")
    first, last = date(YEAR, 1, 1).isoformat(), date(YEAR, 12, 31).isoformat()

    def forms_baseline() -> None:
        with db.engine.connect() as conn:
            conn.execute(
                text(
                    "SELECT form, count(*) FROM dispositions WHERE deleted = 0 "
                    "AND decided_on BETWEEN :a AND :b GROUP BY form"
                ),
                {"a": first, "b": last},
            ).all()

    def clues_baseline() -> None:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT source, count(*) FROM clues WHERE deleted = 0 GROUP BY source")).all()

    years = itertools.cycle([YEAR])

    def year_figures() -> None:
        r = figures(db, year=next(years))
        assert r["first_form_total"] > 0

    searches = itertools.cycle([("王", "inspection"), ("张伟", "petition"), ("第1村", "superior"), ("李", "")])

    def filter_clues() -> None:
        search, source = next(searches)
        records.ids(clues, ListQuery(search=search, filters={"source": source}))

    for fn in (forms_baseline, clues_baseline, year_figures, filter_clues):
        fn()  # warm the page cache (and the key derivation's session) before timing
    return {
        "forms_baseline": median_ms(forms_baseline, runs),
        "figures": median_ms(year_figures, runs),
        "clues_baseline": median_ms(clues_baseline, runs),
        "filter": median_ms(filter_clues, runs),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clues", type=int, default=50_000)
    parser.add_argument("--dispositions", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from app.demo.batch import create_demo_county
    from app.services.statistics import figures

    with tempfile.TemporaryDirectory(prefix="jiwei-bench-") as tmp:
        db = create_demo_county(Path(tmp), "bench-pass-2022").db
        assert db.encrypted
        start = time.perf_counter()
        fill(db, args.clues, args.dispositions)
        filled = time.perf_counter() - start
        m = measure(db, args.runs)
        r = figures(db, year=YEAR)
        db.close()
    fb, cb = m["forms_baseline"], m["clues_baseline"]
    print(f"rows: {args.clues} clues, {args.dispositions} four-form rows over {YEARS[0]}-{YEARS[-1]} "
          f"(encrypted database; inserted in {filled:.1f} s)")  # fmt: skip
    print(f"year {YEAR}: {sum(r['forms'].values())} four-form rows, first form {r['first_form_total']}, "
          f"townships {r['first_form_by_township_commissions']} ({r['first_form_township_share']:.2%})")  # fmt: skip
    print(f"baseline, SQL four forms of {YEAR} grouped by form: {fb:.1f} ms")
    print(f"figures(db, year={YEAR}): {m['figures']:.1f} ms  ratio {m['figures'] / fb:.2f}x  (target < 300 ms)")
    print(f"baseline, SQL live clues grouped by source: {cb:.1f} ms")
    print(f"clue list, search + source filter (RecordService.ids): {m['filter']:.1f} ms  "
          f"ratio {m['filter'] / cb:.2f}x  (target < 100 ms)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
