"""Working days (``app.services.workdays``): periods across the National Day and Spring Festival
holidays with their 调休 working weekends, the shipped calendar checked against ``holidays``, the
county's own days (节假日调整) for a year the calendar lacks, and the warning for a year nobody
entered."""

from __future__ import annotations

import re
from datetime import date, timedelta

import chinese_calendar
import holidays
import pytest

from app.context import Context
from app.db.database import Database
from app.registers import get
from app.services import workdays
from app.services.records import RecordService, ValidationError
from app.services.workdays import add_days, covered_years, is_working_day, uncovered

D = date
# 2024 National Day: 1-7 October off; Sunday 29 September and Saturday 12 October worked.
# 2025 Spring Festival: 28 January - 4 February off; Sunday 26 January and Saturday 8 February worked.
# (Read from chinese_calendar 1.11 before writing the table; ``test_the_table_agrees_with_
# chinese_calendar`` counts the working-day rows again with the library's own functions.)
TABLE = [
    # start, days, working, due, what it shows
    (D(2024, 9, 30), 0, True, D(2024, 9, 30), "no days: the start day"),
    (D(2024, 9, 26), 1, True, D(2024, 9, 27), "an ordinary Friday: the start day is not counted"),
    (D(2024, 9, 27), 1, True, D(2024, 9, 29), "the 调休 Sunday is a working day"),
    (D(2024, 9, 27), 2, True, D(2024, 9, 30), "the Sunday, then Monday"),
    (D(2024, 9, 28), 1, True, D(2024, 9, 29), "starting on a Saturday: the 调休 Sunday is day one"),
    (D(2024, 9, 30), 1, True, D(2024, 10, 8), "the whole National Day break skipped"),
    (D(2024, 10, 1), 1, True, D(2024, 10, 8), "starting on a holiday"),
    (D(2024, 10, 7), 1, True, D(2024, 10, 8), "starting on the last day of the break"),
    (D(2024, 9, 30), 5, True, D(2024, 10, 12), "ending on the 调休 Saturday"),
    (D(2024, 10, 11), 1, True, D(2024, 10, 12), "a Friday's next working day is the 调休 Saturday"),
    (D(2024, 10, 11), 2, True, D(2024, 10, 14), "then the Sunday rests"),
    (D(2024, 9, 20), 15, True, D(2024, 10, 16), "函询: 15 working days across the whole break"),
    (D(2025, 1, 24), 1, True, D(2025, 1, 26), "the Spring Festival's 调休 Sunday"),
    (D(2025, 1, 25), 1, True, D(2025, 1, 26), "starting on a Saturday before it"),
    (D(2025, 1, 27), 1, True, D(2025, 2, 5), "the Spring Festival break skipped"),
    (D(2025, 1, 28), 1, True, D(2025, 2, 5), "starting on New Year's Eve's holiday"),
    (D(2025, 2, 4), 3, True, D(2025, 2, 7), "after the break"),
    (D(2025, 2, 7), 1, True, D(2025, 2, 8), "the 调休 Saturday after the break"),
    (D(2025, 2, 7), 2, True, D(2025, 2, 10), "then Monday"),
    (D(2025, 1, 20), 15, True, D(2025, 2, 14), "函询: 15 working days across the Spring Festival"),
    # Calendar days: start + days, a holiday on the last day not moved (see add_days).
    (D(2024, 9, 30), 1, False, D(2024, 10, 1), "calendar days: the last day may be a holiday"),
    (D(2024, 9, 20), 15, False, D(2024, 10, 5), "calendar days across the break"),
    (D(2025, 1, 27), 30, False, D(2025, 2, 26), "a month of calendar days"),
    (D(2024, 2, 28), 2, False, D(2024, 3, 1), "29 February counts"),
]


@pytest.mark.parametrize(("start", "days", "working", "due", "why"), TABLE, ids=[row[-1] for row in TABLE])
def test_a_period_ends_on(start: date, days: int, working: bool, due: date, why: str) -> None:
    assert add_days(None, start, days, working=working) == due, why


@pytest.mark.parametrize(("start", "days", "due"), [(r[0], r[1], r[3]) for r in TABLE if r[2] and r[1]])
def test_the_table_agrees_with_chinese_calendar(start: date, days: int, due: date) -> None:
    """The expected ends, counted again with the library's own functions: the end is a working
    day and exactly ``days`` working days lie after the start up to it."""
    assert chinese_calendar.is_workday(due)
    assert len(chinese_calendar.get_workdays(start + timedelta(days=1), due)) == days


def test_named_days_and_the_calendar_marks() -> None:
    assert not is_working_day(None, D(2024, 10, 3)) and is_working_day(None, D(2024, 10, 12))
    assert not is_working_day(None, D(2024, 10, 13)) and is_working_day(None, D(2024, 10, 14))
    marks = workdays.day_marks(None, D(2024, 9, 28), D(2024, 10, 13))
    assert marks[D(2024, 10, 1)].name == "国庆节" and not marks[D(2024, 10, 1)].working
    assert marks[D(2024, 10, 5)].name == "国庆节" and not marks[D(2024, 10, 5)].adjusted  # a Saturday
    assert marks[D(2024, 9, 29)].working and marks[D(2024, 9, 29)].adjusted
    assert D(2024, 9, 28) not in marks and D(2024, 10, 13) not in marks  # plain weekend days
    assert workdays.day_marks(None, D(2025, 1, 28), D(2025, 1, 28))[D(2025, 1, 28)].name == "春节"


def test_a_negative_period_is_a_mistake() -> None:
    with pytest.raises(ValueError):
        add_days(None, D(2024, 1, 1), -1, working=True)


# ---- the shipped calendar against the holidays package ---------------------------------------
# The two packages differ on one day: Saturday 31 December 2005 (the 2006 New Year break), which
# holidays says a day off was made up on and chinese_calendar keeps as a weekend day. It is long
# past every deadline the program counts; any other difference fails.
KNOWN_DIFFERENCES = {D(2005, 12, 31)}
SUBSTITUTED = re.compile(r"substituted from (\d\d)/(\d\d)/(\d{4})")


def _both_years() -> list[int]:
    mine = workdays.library_years()
    theirs = set(holidays.China(years=mine).years)
    return sorted(mine & theirs)


def test_every_statutory_holiday_is_a_day_off() -> None:
    """Every day ``holidays`` lists (statutory days, their observed days and the days off made up
    by 调休) is a day off in the shipped calendar. The other direction does not hold: ``holidays``
    leaves out the weekend days of a break."""
    years = _both_years()
    assert years[0] <= 2010 and years[-1] >= 2025
    listed = holidays.China(years=years)
    worked = sorted(day for day in listed if chinese_calendar.is_workday(day))
    assert worked == []
    assert len(listed) > 400  # the package did list them


def test_every_weekend_made_up_is_a_working_day() -> None:
    """The weekend days ``holidays`` says a day off was made up on (调休上班) are working days."""
    made_up = set()
    for _day, names in holidays.China(years=_both_years()).items():
        for name in names.split("; "):
            m = SUBSTITUTED.search(name)
            if m:
                made_up.add(D(int(m[3]), int(m[1]), int(m[2])))
    assert len(made_up) > 100
    differ = sorted(day for day in made_up if not is_working_day(None, day))
    assert set(differ) == KNOWN_DIFFERENCES
    assert all(day.weekday() >= 5 for day in made_up)


# ---- the county's own days ---------------------------------------------------------------------
NEXT = max(workdays.library_years()) + 1  # the first year the shipped calendar lacks


@pytest.fixture
def records(county_db: Database) -> RecordService:
    return RecordService(Context.system(county_db, "admin"))


def _first(weekday: int, year: int, month: int) -> date:
    day = D(year, month, 1)
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def test_a_year_the_library_lacks_is_entered_by_the_county(records: RecordService) -> None:
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(D(NEXT, 3, 1))
    ctx = records.ctx
    monday = _first(0, NEXT, 10)  # a Monday in October
    saturday = monday + timedelta(days=5)
    with ctx.session() as s:
        assert NEXT not in covered_years(s) and NEXT - 1 in covered_years(s)
        assert uncovered(s, D(NEXT - 1, 12, 1), D(NEXT + 1, 1, 10)) == [NEXT, NEXT + 1]
        assert add_days(s, monday - timedelta(days=3), 1, working=True) == monday  # Monday to Friday
        assert add_days(s, saturday - timedelta(days=1), 1, working=True) == saturday + timedelta(days=2)
    message = workdays.uncovered_message(uncovered(None, D(NEXT, 1, 1), D(NEXT + 1, 1, 1)))
    assert message is not None
    assert str(message) == (
        f"{NEXT}、{NEXT + 1} 年的节假日安排尚未录入，按周一至周五计算工作日，请在「节假日调整」中补录。"
    )
    assert workdays.uncovered_message([]) is None

    days = get("calendar_days")
    holiday = records.save(days, {"day": monday, "working": False, "name": "国庆节"})
    records.save(days, {"day": saturday, "working": True, "name": "国庆节"})
    with ctx.session() as s:
        assert NEXT in covered_years(s) and uncovered(s, D(NEXT, 1, 1), D(NEXT, 12, 31)) == []
        assert not is_working_day(s, monday) and is_working_day(s, saturday)
        assert add_days(s, monday - timedelta(days=3), 1, working=True) == monday + timedelta(days=1)
        assert add_days(s, saturday - timedelta(days=1), 1, working=True) == saturday
        marks = workdays.day_marks(s, monday, saturday)
        assert marks[monday].name == "国庆节" and marks[saturday].adjusted
    # The same day twice is refused; a deleted row counts no more.
    with pytest.raises(ValidationError):
        records.save(days, {"day": monday, "working": True})
    records.delete(days, holiday)
    with ctx.session() as s:
        assert is_working_day(s, monday)


def test_a_row_corrects_the_library_and_is_seen_in_the_same_session(records: RecordService) -> None:
    """A row decides its day over the shipped calendar; a session that saves one reads the rows
    again (the cache is per session and dropped on flush)."""
    worked = D(2024, 10, 12)  # the 调休 Saturday
    with records.ctx.session() as s:
        assert add_days(s, D(2024, 10, 11), 1, working=True) == worked
        records.save_in(s, get("calendar_days"), {"day": worked, "working": False, "name": "更正"})
        assert add_days(s, D(2024, 10, 11), 1, working=True) == D(2024, 10, 14)
        assert not is_working_day(s, worked)
    assert add_days(None, D(2024, 10, 11), 1, working=True) == worked  # the library itself unchanged
