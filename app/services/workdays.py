"""Working days: the State Council's holidays and adjusted working days (调休) for deadlines.

A working day is Monday to Friday, except a holiday (放假), plus a weekend day made a working day
(调休上班). The published years come from ``chinese_calendar`` (maintained data, one release a
year when the next year's arrangement is published); the county adds a year the library lacks,
or corrects a day, in the 节假日调整 register (``CalendarDay`` rows, sent to every unit). A live
row decides its day over the library. A year covered by neither is counted Monday to Friday, and
the callers warn about it (``uncovered``, ``UNCOVERED_YEAR``).

Periods follow the rule 期间开始之日不计入: a period of N days starting on ``start`` ends N days
(working days: N working days) after it, ``start`` itself never counted.

Everything here is read-only and called for every open record on the 工作台: the library's days
are read once per process, a session's ``CalendarDay`` rows once per session (and again after
anything is flushed in it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

import chinese_calendar
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.casework import CalendarDay

if TYPE_CHECKING:
    from app.context import Context

UNCOVERED_YEAR = QT_TRANSLATE_NOOP(
    "app", "{year} 年的节假日安排尚未录入，按周一至周五计算工作日，请在「节假日调整」中补录。"
)

# The library's holidays by its (English) key, as the calendar shows them.
HOLIDAY_NAMES = {
    chinese_calendar.Holiday.new_years_day.value: QT_TRANSLATE_NOOP("app", "元旦"),
    chinese_calendar.Holiday.spring_festival.value: QT_TRANSLATE_NOOP("app", "春节"),
    chinese_calendar.Holiday.tomb_sweeping_day.value: QT_TRANSLATE_NOOP("app", "清明节"),
    chinese_calendar.Holiday.labour_day.value: QT_TRANSLATE_NOOP("app", "劳动节"),
    chinese_calendar.Holiday.dragon_boat_festival.value: QT_TRANSLATE_NOOP("app", "端午节"),
    chinese_calendar.Holiday.national_day.value: QT_TRANSLATE_NOOP("app", "国庆节"),
    chinese_calendar.Holiday.mid_autumn_festival.value: QT_TRANSLATE_NOOP("app", "中秋节"),
}

# A day's verdict: (working, name); name is "" for a day the library or a row does not name.
Verdict = tuple[bool, str]


@dataclass(frozen=True)
class DayMark:
    """A day that is not simply "Monday to Friday work, weekend rest", or that has a name."""

    day: date
    working: bool
    name: str  # 国庆节 …; for a 调休 working day the holiday it makes up for; "" if none is known
    adjusted: bool  # a working weekend day (调休上班) or a holiday on a weekday


@dataclass
class _Calendar:
    days: dict[date, Verdict]  # the library's named days with the session's rows over them
    row_years: frozenset[int]  # years with a live CalendarDay row
    memo: dict[tuple[date, int], date] = field(default_factory=dict)  # add_days(working=True)


def _library_name(key: Any) -> str:
    text = key.value if isinstance(key, chinese_calendar.Holiday) else str(key)
    if text in HOLIDAY_NAMES:
        return HOLIDAY_NAMES[text]
    try:
        return str(chinese_calendar.Holiday(text).chinese)
    except ValueError:
        return text


@cache
def _library() -> tuple[dict[date, Verdict], frozenset[int]]:
    """The library's holidays and 调休 working days, and the years it covers (read once)."""
    days: dict[date, Verdict] = {d: (False, _library_name(k)) for d, k in chinese_calendar.holidays.items()}
    days.update({d: (True, _library_name(k)) for d, k in chinese_calendar.workdays.items()})
    years = {d.year for d in chinese_calendar.holidays}
    return days, frozenset(range(min(years), max(years) + 1))


def library_years() -> frozenset[int]:
    """The years the shipped calendar covers."""
    return _library()[1]


_INFO_KEY = "workdays.calendar"
_NO_ROWS: _Calendar | None = None


def _calendar(s: Session | None) -> _Calendar:
    global _NO_ROWS
    if s is None:
        if _NO_ROWS is None:
            _NO_ROWS = _Calendar(dict(_library()[0]), frozenset())
        return _NO_ROWS
    found = s.info.get(_INFO_KEY)
    if isinstance(found, _Calendar):
        return found
    days = dict(_library()[0])
    rows = s.execute(
        select(CalendarDay.day, CalendarDay.working, CalendarDay.name).where(CalendarDay.deleted.is_(False))
    ).all()
    for day, working, name in sorted(rows, key=lambda r: r[0]):
        days[day] = (bool(working), name or "")
    made = _Calendar(days, frozenset(r[0].year for r in rows))
    s.info[_INFO_KEY] = made
    return made


def _forget(s: Session, *_args: Any) -> None:
    s.info.pop(_INFO_KEY, None)


# A session that writes (a CalendarDay saved, a bundle merged) reads the rows again next time.
event.listen(Session, "after_flush", _forget)
event.listen(Session, "after_soft_rollback", _forget)


def _working(cal: _Calendar, day: date) -> bool:
    verdict = cal.days.get(day)
    if verdict is not None:
        return verdict[0]
    return day.weekday() < 5


def is_working_day(s: Session | None, day: date) -> bool:
    """Whether ``day`` is a working day: the county's row for it, else the library's calendar,
    else Monday to Friday."""
    return _working(_calendar(s), day)


def add_days(s: Session | None, start: date, days: int, *, working: bool) -> date:
    """The last day of a period of ``days`` days that starts on ``start`` (期间开始之日不计入).

    ``working``: only working days count (``is_working_day``), so the period ends on a working day
    ``days`` working days after ``start``, whatever ``start`` is (a holiday, a weekend).

    Otherwise ``start + days``, plain calendar days. The civil and procedural codes move a period
    whose last day is a holiday to the next working day; the discipline-inspection rules this
    program follows (监督执纪工作规则, 纪律处分条例, DOMAIN.md) set the office's own time limits and
    say nothing of the kind, so a calendar-day limit is not moved. A county that counts a step in
    working days sets that step's rule to 工作日.
    """
    if days < 0:
        raise ValueError(f"a period of {days} days")
    if not working:
        return start + timedelta(days=days)
    cal = _calendar(s)
    key = (start, days)
    found = cal.memo.get(key)
    if found is not None:
        return found
    day, left = start, days
    while left:
        day += timedelta(days=1)
        if _working(cal, day):
            left -= 1
    if len(cal.memo) > 50_000:
        cal.memo.clear()
    cal.memo[key] = day
    return day


def covered_years(s: Session | None) -> set[int]:
    """Years with a holiday calendar: the library's and those with a live ``CalendarDay`` row."""
    return set(library_years() | _calendar(s).row_years)


def uncovered(s: Session | None, start: date, due: date) -> list[int]:
    """The years from ``start`` to ``due`` (both included) that have no holiday calendar."""
    covered = library_years() | _calendar(s).row_years
    low, high = sorted((start.year, due.year))
    return [y for y in range(low, high + 1) if y not in covered]


def uncovered_message(years: Iterable[int]) -> Message | None:
    """The warning for ``years`` without a holiday calendar (``None`` when there are none)."""
    wanted = tuple(str(y) for y in sorted(set(years)))
    return Message(UNCOVERED_YEAR, {"year": wanted}) if wanted else None


def day_marks(s: Session | None, first: date, last: date) -> dict[date, DayMark]:
    """The days from ``first`` to ``last`` a calendar shows apart: holidays (weekend days of a
    holiday break too), 调休 working days, and the county's named days."""
    cal = _calendar(s)
    out: dict[date, DayMark] = {}
    day = first
    while day <= last:
        verdict = cal.days.get(day)
        if verdict is not None:
            working, name = verdict
            adjusted = working != (day.weekday() < 5)
            if adjusted or name:
                out[day] = DayMark(day, working, name, adjusted)
        day += timedelta(days=1)
    return out


@dataclass(frozen=True)
class CalendarView:
    """What a calendar from ``first`` to ``last`` shows (``calendar_view``)."""

    marks: dict[date, DayMark]
    warning: Message | None  # years in the range without a holiday calendar


def calendar_view(ctx: Context, first: date, last: date) -> CalendarView:
    """The marked days and the uncovered-year warning for a calendar the window shows."""
    with ctx.session() as s:
        return CalendarView(day_marks(s, first, last), uncovered_message(uncovered(s, first, last)))
