"""Quarters: the key the registers store (``2026Q4``) and the one way a person reads it.

A quarter is stored, filtered on and named in files as ``2026Q4``. Everywhere a person reads one
(windows, printed forms and reports, spreadsheets, the command line's output) it is written
``2026年第四季度`` (in English ``Q4 2026``): ``quarter_text``. Inside a year's table, where the year
is in the title, a column is ``第四季度`` (``Q4``): ``quarter_name``. What a user types is read by
``parse_quarter``, which takes the key and the written forms alike (``2026Q4``, ``2026年第四季度``,
``2026 年第4季度``, ``2026年四季度``, ``Q4 2026``).

The forms are marked for translation (context "app"), one per quarter: ``{year}年第四季度`` is
``Q4 {year}`` in English, ``第四季度`` is ``Q4``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from app.i18n import QT_TRANSLATE_NOOP, Message

QUARTER_PATTERN = r"\d{4}Q[1-4]"
NUMERALS = ("一", "二", "三", "四")
QUARTER_TEXTS = (
    QT_TRANSLATE_NOOP("app", "{year}年第一季度"),
    QT_TRANSLATE_NOOP("app", "{year}年第二季度"),
    QT_TRANSLATE_NOOP("app", "{year}年第三季度"),
    QT_TRANSLATE_NOOP("app", "{year}年第四季度"),
)
QUARTER_NAMES = (
    QT_TRANSLATE_NOOP("app", "第一季度"),
    QT_TRANSLATE_NOOP("app", "第二季度"),
    QT_TRANSLATE_NOOP("app", "第三季度"),
    QT_TRANSLATE_NOOP("app", "第四季度"),
)
# What a user may type for a quarter, and how a refusal tells them.
QUARTER_HINT = QT_TRANSLATE_NOOP("app", "写成 2026年第四季度 或 2026Q4 的样子")

_DIGIT = r"([1-4一二三四])"
_FORMS = (
    re.compile(rf"^(\d{{4}})\s*[Qq]\s*{_DIGIT}$"),  # 2026Q4
    re.compile(rf"^(\d{{4}})\s*年?\s*第?\s*{_DIGIT}\s*(?:季度)?$"),  # 2026年第四季度, 2026 年第4季度, 2026 4
    re.compile(rf"^[Qq]\s*{_DIGIT}\s*[,，/]?\s*(\d{{4}})$"),  # Q4 2026
)

Labels = Callable[[str], str]


def _number(text: str) -> int:
    return NUMERALS.index(text) + 1 if text in NUMERALS else int(text)


def quarter_key(year: int, q: int) -> str:
    """(2026, 4) -> ``2026Q4``, the stored form."""
    if not 1 <= q <= 4:
        raise ValueError(f"not a quarter: {q!r}")
    return f"{year}Q{q}"


def quarter_after(quarter: str, n: int) -> str:
    """The quarter ``n`` quarters after ``quarter`` (before it when ``n`` is negative), stored form."""
    year, q = parse_quarter(quarter)
    index = year * 4 + (q - 1) + n
    return quarter_key(index // 4, index % 4 + 1)


def quarter_of(day: date) -> str:
    return quarter_key(day.year, (day.month - 1) // 3 + 1)


def parse_quarter(text: str) -> tuple[int, int]:
    """What a user (or a register) wrote for a quarter -> (year, quarter); ValueError otherwise.

    ``2026Q4``, ``2026q4``, ``2026年第四季度``, ``2026 年第4季度``, ``2026年四季度``, ``2026 4`` and
    ``Q4 2026`` all give (2026, 4)."""
    s = text.strip()
    for i, form in enumerate(_FORMS):
        m = form.match(s)
        if m:
            year, q = (m.group(2), m.group(1)) if i == 2 else (m.group(1), m.group(2))
            return int(year), _number(q)
    raise ValueError(f"not a quarter: {text!r}")


def normalise_quarter(text: str) -> str:
    """What a user wrote -> the stored key (``2026年第四季度`` -> ``2026Q4``); ValueError otherwise."""
    return quarter_key(*parse_quarter(text))


def _split(quarter: str | tuple[int, int]) -> tuple[int, int]:
    return parse_quarter(quarter) if isinstance(quarter, str) else quarter


def quarter_message(quarter: str | tuple[int, int]) -> Message:
    """``2026Q4`` -> the message ``2026年第四季度`` (``Q4 2026`` in English)."""
    year, q = _split(quarter)
    return Message(QUARTER_TEXTS[q - 1], {"year": str(year)})


def quarter_text(quarter: str | tuple[int, int], labels: Labels = lambda s: s) -> str:
    """``2026Q4`` (or (2026, 4)) -> ``2026年第四季度``; ``labels`` translates the template."""
    year, q = _split(quarter)
    return labels(QUARTER_TEXTS[q - 1]).format(year=year)


def quarter_text_wrapped(
    quarter: str | tuple[int, int], sep: str = "\n", labels: Labels = lambda s: s
) -> str:
    """The written form over two lines for a chart's narrow axis: ``2026年`` ``sep`` ``第四季度``
    (``Q4`` ``sep`` ``2026`` in English)."""
    text = quarter_text(quarter, labels)
    if "年" in text:
        return text.replace("年", "年" + sep, 1)
    return text.replace(" ", sep, 1)


def quarter_name_message(q: int) -> Message:
    """4 -> the message ``第四季度`` (``Q4`` in English)."""
    if not 1 <= q <= 4:
        raise ValueError(f"not a quarter: {q!r}")
    return Message(QUARTER_NAMES[q - 1])


def quarter_name(q: int, labels: Labels = lambda s: s) -> str:
    """4 -> ``第四季度``: a quarter inside a year's table (``Q4`` in English)."""
    if not 1 <= q <= 4:
        raise ValueError(f"not a quarter: {q!r}")
    return labels(QUARTER_NAMES[q - 1])


def quarter_bounds(quarter: str) -> tuple[date, date]:
    """First and last day of a quarter."""
    year, q = parse_quarter(quarter)
    first = date(year, 3 * q - 2, 1)
    nxt = date(year + 1, 1, 1) if q == 4 else date(year, 3 * q + 1, 1)
    return first, nxt - timedelta(days=1)


def quarters_of_year(year: int) -> list[str]:
    return [quarter_key(year, q) for q in range(1, 5)]
