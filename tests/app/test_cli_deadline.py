"""``deadline --from YYYY-MM-DD --days N [--working] [--json]`` on the command line, in-process: the
due date across a holiday break, the county's own days for a year the shipped calendar lacks, the
warning while nobody has entered it, and the refusals."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from apphelpers import Cli

from app.services import workdays

NEXT = max(workdays.library_years()) + 1  # the first year the shipped calendar lacks


@pytest.fixture
def county(cli: Cli) -> Cli:
    cli.init_county()
    return cli


def test_the_due_date_across_the_national_day_break(county: Cli) -> None:
    result = county.ok("deadline", "--from", "2024-09-30", "--days", "5", "--working")
    assert result.stdout == "2024-10-12\n"  # 8-11 October, then the 调休 Saturday
    assert "自 2024-09-30 起 5 个工作日（开始之日不计入），期满日为 2024-10-12（星期六）。" in result.stderr
    plain = county.ok("deadline", "--from", "2024-09-30", "--days", "1")
    assert plain.stdout == "2024-10-01\n"
    assert "期满日 2024-10-01 不是工作日。" in plain.stderr
    doc = county.json("deadline", "--from", "2025-01-20", "--days", "15", "--working", "--json")
    assert doc == {
        "from": "2025-01-20",
        "days": 15,
        "working": True,
        "due": "2025-02-14",
        "due_is_working_day": True,
        "uncovered_years": [],
        "warning": None,
    }


def test_a_year_without_a_calendar_is_warned_until_the_county_enters_it(county: Cli) -> None:
    start = date(NEXT, 9, 30)
    while start.weekday() != 3:  # a Thursday: the next working day is a Friday
        start += timedelta(days=1)
    friday = start + timedelta(days=1)
    args = ("deadline", "--from", start.isoformat(), "--days", "1", "--working")
    result = county.ok(*args)
    assert result.stdout == f"{friday}\n"
    assert (
        f"{NEXT} 年的节假日安排尚未录入，按周一至周五计算工作日，请在「节假日调整」中补录。" in result.stderr
    )
    assert county.json(*args, "--json")["uncovered_years"] == [NEXT]
    # Not for calendar days: the holiday calendar does not decide them.
    assert "尚未录入" not in county.ok("deadline", "--from", start.isoformat(), "--days", "1").stderr

    county.ok("record", "add", "calendar_days", "--set", f"day={friday}", "--set", "name=国庆节")
    saturday = friday + timedelta(days=1)
    county.ok("record", "add", "calendar_days", "--set", f"day={saturday}", "--set", "working=是")
    doc = county.json(*args, "--json")
    assert (doc["due"], doc["uncovered_years"], doc["warning"]) == (saturday.isoformat(), [], None)
    assert "尚未录入" not in county.ok(*args).stderr


def test_bad_input_is_a_usage_error(county: Cli) -> None:
    bad_date = county.run("deadline", "--from", "2024-02-30", "--days", "3")
    assert bad_date.returncode == 2 and "日期格式应为 YYYY-MM-DD" in bad_date.stderr
    for days in ("-1", "three", "3651"):
        bad = county.run("deadline", "--from", "2024-02-01", "--days", days)
        assert bad.returncode == 2 and "天数须" in bad.stderr, days
    missing = county.run("deadline", "--days", "3")
    assert missing.returncode == 2 and bad_date.stdout == missing.stdout == ""
    late = county.run("deadline", "--from", "9999-12-30", "--days", "5")
    assert late.returncode == 1 and "超出了可以计算的日期范围" in late.stderr


def test_it_needs_an_installation(cli: Cli) -> None:
    result = cli.run("deadline", "--from", "2024-09-30", "--days", "5")
    assert result.returncode == 1 and "尚未初始化" in result.stderr
