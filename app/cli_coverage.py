"""``python -m app coverage [--year Y] [--what KIND] [--unit CODE] [--json]``: the 驻村（驻在）覆盖
year view (``app.services.coverage``), every village and supervised unit by quarter, for visits or
one of the quarterly ledgers, with each quarter's totals: the cells and totals the window's grid
shows (``app.services.coverage_export.grid``)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from app.cli_base import EXIT_OK, _print_json, _session_command
from app.cli_duties import _unit_id, _year
from app.context import Context
from app.quarters import quarter_text, quarters_of_year
from app.services.coverage import ledger_coverage, visit_coverage
from app.services.coverage_export import VISITS_KIND, WHAT_CHOICES, grid, is_ledger
from app.services.records import RecordService
from app.services.visit_entry import planning_units

WHATS = tuple(key for key, _label in WHAT_CHOICES)


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "coverage",
        parents=[common],
        help="驻村（驻在）覆盖：各村（社区）和被监督单位每个季度的驻村或台账情况",
    )
    p.add_argument("--year", type=_year, default=None, metavar="YYYY", help="年度（默认今年）")
    p.add_argument(
        "--what",
        choices=WHATS,
        default=VISITS_KIND,
        help="看什么：visits 驻村（驻在，默认），signoff、talk_record、major_matters、law_study 四种季度台账",
    )
    p.add_argument("--unit", metavar="CODE", help="只看一个单位（县纪委监委可选）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(handler=_session_command(_coverage))


def _coverage(ctx: Context, args: argparse.Namespace, today: date | None = None) -> int:
    today = today or date.today()
    year = args.year or today.year
    records = RecordService(ctx)
    unit = _unit_id(ctx, args.unit)
    own, can_choose = planning_units(records)
    if unit is None and own and not can_choose:
        unit = own[0].id  # a township or a group sees its own, as the window does
    what = args.what
    rows = (
        ledger_coverage(records, what, year, unit, today=today)
        if is_ledger(what)
        else visit_coverage(records, year, unit, today=today)
    )
    label = dict(WHAT_CHOICES)[what]
    table = grid(rows, year, what, label)
    quarters = quarters_of_year(year)
    if args.json:
        _print_json(
            {
                "year": year,
                "what": what,
                "quarters": [{"key": q, "label": quarter_text(q)} for q in quarters],
                "rows": [
                    {
                        "unit": r.unit_name,
                        "target_id": r.target_id,
                        "target": r.target_name,
                        "kind": r.target_kind,
                        "since": r.since.isoformat() if r.since and r.since != date.min else None,
                        "cells": {
                            q: {"status": c.status, "text": text, "ids": c.ids}
                            for (q, c), text in zip(r.cells.items(), line[2:], strict=True)
                        },
                    }
                    for r, line in zip(rows, table.lines, strict=True)
                ],
                "totals": dict(zip(quarters, table.totals, strict=True)),
            }
        )
        return EXIT_OK
    print(table.title)
    print("\t".join(table.header))
    for line in table.lines:
        print("\t".join(text or "·" for text in line))
    for head, totals in zip(table.header[2:], table.totals, strict=True):
        print(f"{head}\t{totals}")
    return EXIT_OK
