"""Quarters as the registers write them: ``2026Q4``."""

from __future__ import annotations

import re
from datetime import date, timedelta

QUARTER_PATTERN = r"\d{4}Q[1-4]"
_QUARTER = re.compile(r"^(\d{4})\s*[Qq季]?\s*([1-4])$")


def quarter_of(day: date) -> str:
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def parse_quarter(text: str) -> tuple[int, int]:
    """``2026Q4`` (also ``2026q4``, ``2026 4``) -> (2026, 4); ValueError otherwise."""
    m = _QUARTER.match(text.strip())
    if not m:
        raise ValueError(f"not a quarter: {text!r}")
    return int(m.group(1)), int(m.group(2))


def quarter_bounds(quarter: str) -> tuple[date, date]:
    """First and last day of a quarter."""
    year, q = parse_quarter(quarter)
    first = date(year, 3 * q - 2, 1)
    nxt = date(year + 1, 1, 1) if q == 4 else date(year, 3 * q + 1, 1)
    return first, nxt - timedelta(days=1)


def quarters_of_year(year: int) -> list[str]:
    return [f"{year}Q{q}" for q in range(1, 5)]
