"""``python -m app deadline --from YYYY-MM-DD --days N [--working] [--json]``: the last day of a
period, as the deadlines on the 工作台 count it (``app.services.workdays``).

The start day is not counted (期间开始之日不计入). With ``--working`` only working days count: the
shipped holiday calendar with its adjusted working days (调休), and the county's 节假日调整 over it
— which is why the command opens the installation as the person logged in, like every other
command. A working-day period running into a year without a holiday calendar is counted Monday to
Friday there, and the command says so on stderr (and in the JSON).
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from app.cli_base import EXIT_OK, CliError, _print_json, _say, _session_command
from app.context import Context
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.services import workdays

MAX_DAYS = 3650
WEEKDAYS = (
    QT_TRANSLATE_NOOP("app", "星期一"),
    QT_TRANSLATE_NOOP("app", "星期二"),
    QT_TRANSLATE_NOOP("app", "星期三"),
    QT_TRANSLATE_NOOP("app", "星期四"),
    QT_TRANSLATE_NOOP("app", "星期五"),
    QT_TRANSLATE_NOOP("app", "星期六"),
    QT_TRANSLATE_NOOP("app", "星期日"),
)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD，如 2022-09-30：{text}") from None


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"天数须为整数：{text}") from None
    if not 0 <= value <= MAX_DAYS:
        raise argparse.ArgumentTypeError(f"天数须在 0 到 {MAX_DAYS} 之间：{text}")
    return value


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("deadline", parents=[common], help="期满日：自某日起若干日（或工作日）后是哪一天")
    p.add_argument(
        "--from", dest="start", required=True, type=_day, metavar="YYYY-MM-DD", help="期间开始之日（不计入）"
    )
    p.add_argument("--days", required=True, type=_days, metavar="N", help=f"天数（0 到 {MAX_DAYS}）")
    p.add_argument("--working", action="store_true", help="按工作日计算（跳过节假日，调休上班日计入）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(handler=_session_command(_deadline))


def _deadline(ctx: Context, args: argparse.Namespace) -> int:
    start, days, working = args.start, args.days, args.working
    with ctx.session() as s:
        try:
            due = workdays.add_days(s, start, days, working=working)
        except OverflowError:
            raise CliError(
                Message(QT_TRANSLATE_NOOP("app", "期满日超出了可以计算的日期范围（9999 年以后）。"))
            ) from None
        years = workdays.uncovered(s, start, due) if working else []
        working_day = workdays.is_working_day(s, due)
    warning = workdays.uncovered_message(years)
    if args.json:
        _print_json(
            {
                "from": start.isoformat(),
                "days": days,
                "working": working,
                "due": due.isoformat(),
                "due_is_working_day": working_day,
                "uncovered_years": years,
                "warning": str(warning) if warning else None,
            }
        )
    else:
        print(due.isoformat())
    if working:
        text = QT_TRANSLATE_NOOP(
            "app", "自 {start} 起 {days} 个工作日（开始之日不计入），期满日为 {due}（{weekday}）。"
        )
    else:
        text = QT_TRANSLATE_NOOP(
            "app", "自 {start} 起 {days} 日（开始之日不计入），期满日为 {due}（{weekday}）。"
        )
    params = {"start": start.isoformat(), "days": str(days), "due": due.isoformat()}
    _say(str(Message(text, {**params, "weekday": WEEKDAYS[due.weekday()]})))
    if not working and not working_day:
        _say(str(Message(QT_TRANSLATE_NOOP("app", "期满日 {due} 不是工作日。"), {"due": due.isoformat()})))
    if warning is not None:
        _say(str(warning))
    return EXIT_OK
