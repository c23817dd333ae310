"""``python -m app duty list`` and ``duty coverage KEY [--year Y] [--unit CODE] [--missing]``: the
frequency rules the registers declare (每月一课, 每季度一期通报, …) and, for a year, who paid each
period and who is missing (``app.services.duties``), as the 履职覆盖 page shows them."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from sqlalchemy import select

from app.cli_base import EXIT_OK, CliError, _print_json, _session_command
from app.context import Context
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.org import Unit
from app.services import duties
from app.services.records import RecordService


def _year(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"年度须为四位数字，如 2026：{text}") from None
    if not 2000 <= value <= 2100:
        raise argparse.ArgumentTypeError(f"年度须在 2000 到 2100 之间：{text}")
    return value


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "duty", parents=[common], help="履职覆盖：每月一课、通报、述职述廉等频次要求的完成情况"
    )
    dsub = p.add_subparsers(dest="duty_command", metavar="{list,coverage}")
    q = dsub.add_parser("list", parents=[common], help="列出各登记簿规定的频次要求")
    q.add_argument("--json", action="store_true", help="以 JSON 输出")
    q.set_defaults(handler=_session_command(_list))
    q = dsub.add_parser("coverage", parents=[common], help="某项要求一年中每期的完成情况")
    q.add_argument("key", metavar="KEY", help="要求的代码（见 duty list）")
    q.add_argument("--year", type=_year, default=None, metavar="YYYY", help="年度（默认今年）")
    q.add_argument("--unit", metavar="CODE", help="只看一个单位（县纪委监委可选）")
    q.add_argument("--missing", action="store_true", help="只列出缺项")
    q.add_argument("--json", action="store_true", help="以 JSON 输出")
    q.set_defaults(handler=_session_command(_coverage))
    p.set_defaults(handler=None, usage_parser=p)


def _list(ctx: Context, args: argparse.Namespace) -> int:
    rows = [
        {
            "key": d.key,
            "title": d.title,
            "register": reg.name,
            "register_title": reg.title,
            "period": d.period,
            "owes": d.owes,
            "minimum": d.minimum,
            "rule": str(duties.rule_text(d)),
        }
        for reg, d in duties.all_duties()
    ]
    if args.json:
        _print_json(rows)
    else:
        for r in rows:
            print(f"{r['key']}\t{r['title']}\t{r['rule']}\t（{r['register_title']}）")
    return EXIT_OK


def _unit_id(ctx: Context, code: str | None) -> str | None:
    if not code:
        return None
    with ctx.session() as s:
        unit_id = s.scalar(select(Unit.id).where(Unit.code == code, Unit.deleted.is_(False)))
    if unit_id is None:
        raise CliError(Message(QT_TRANSLATE_NOOP("app", "没有代码为 {code} 的单位。"), {"code": code}))
    return unit_id


def _coverage(ctx: Context, args: argparse.Namespace) -> int:
    try:
        _reg, duty = duties.find_duty(args.key)
    except duties.UnknownDutyError as e:
        raise CliError(e.message) from None
    year = args.year or date.today().year
    periods, rows = duties.duty_year(RecordService(ctx), duty, year, _unit_id(ctx, args.unit))
    if args.missing:
        rows = [r for r in rows if any(r.status(p.key) == duties.MISSED for p in periods)]
    if args.json:
        _print_json(
            {
                "key": duty.key,
                "title": duty.title,
                "year": year,
                "periods": [
                    {"key": p.key, "first": p.first.isoformat(), "last": p.last.isoformat()} for p in periods
                ],
                "rows": [
                    {
                        "unit": r.unit_name,
                        "ower_id": r.ower_id,
                        "ower": r.ower_name,
                        "cells": {k: {"status": c.status, "ids": c.ids} for k, c in r.cells.items()},
                    }
                    for r in rows
                ],
            }
        )
        return EXIT_OK
    print(f"{duty.title}（{duties.rule_text(duty)}）{year} 年")
    print("\t".join(["单位", "对象", *(str(duties.period_label(p, duty.period)) for p in periods)]))
    for r in rows:
        cells = [str(duties.STATUS_LABELS[r.status(p.key)]) or "·" for p in periods]
        print("\t".join([r.unit_name, r.ower_name, *cells]))
    return EXIT_OK
