"""Reporting (area "reporting", 述职与通报): 半年述职述廉 and the 党委's 一岗双责 reports.

半年述职述廉: each township commission and each dispatched group reports its half-year's work and
its own integrity to the county, in June and December (the seed). The unit owns its report
(``WORK_REPORTS``). The county's 评价/反馈意见 on it is a row of the county's own
(``FEEDBACK``, ``county_only`` like the co-review opinion): a unit neither writes nor changes
it, and the county's bundle carries it to the unit whose report it is
(``app.sync.addressing.relevant``), where it shows in the list and on the report's row.

A report dated outside June and December is not refused but asks to be confirmed
(``Register.warn``): a report held in early July is still the first half's, and the office must be
able to record it as it happened. Its half-year (``2026H1``) is taken from the date when not
given; one report per unit and half-year.

一岗双责: a township commission hears its 党委 (or a member of it) report on how it bears its
share of responsibility for the party's conduct (the date, who reported, the content, the
commission's opinion), every half-year (``PARTY_REPORTS``).

Duties (``fields.Duty``): 述职述廉 is owed by each commission and group every half-year; the
一岗双责 hearing by each township commission every half-year. A report pays the half-year it
names, whenever it was dated.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.org import Unit
from app.models.reporting import PartyReport, ReportFeedback, WorkReport
from app.registers.fields import CHOICE, DATE, HALF, LONGTEXT, REF, Computed, Duty, Field, Register
from app.registers.residency import with_own_unit

AREA = "reporting"
HALF_PATTERN = r"\d{4}H[12]"
HALF_HINT = QT_TRANSLATE_NOOP("app", "写成 2026H1 的样子（年份、H、上半年 1 或下半年 2）")
REPORT_MONTHS = (6, 12)
RATING_CHOICES = (
    ("good", QT_TRANSLATE_NOOP("register", "好")),
    ("fairly_good", QT_TRANSLATE_NOOP("register", "较好")),
    ("fair", QT_TRANSLATE_NOOP("register", "一般")),
    ("poor", QT_TRANSLATE_NOOP("register", "较差")),
)


# ---- half-years --------------------------------------------------------------------------------
def half_of(day: date) -> str:
    return f"{day.year}H{1 if day.month <= 6 else 2}"


def half_bounds(half: str) -> tuple[date, date]:
    """First and last day of a half-year written ``2026H1``; ValueError otherwise."""
    if not re.fullmatch(HALF_PATTERN, half):
        raise ValueError(f"not a half-year: {half!r}")
    year, part = int(half[:4]), int(half[5])
    if part == 1:
        return date(year, 1, 1), date(year, 6, 30)
    return date(year, 7, 1), date(year, 12, 31)


def halves_between(first: date, last: date) -> list[str]:
    """The half-years that the days from ``first`` to ``last`` touch."""
    out: list[str] = []
    day = first
    while day <= last:
        out.append(half_of(day))
        day = half_bounds(out[-1])[1] + timedelta(days=1)
    return out


def _by_unit(rows: Any) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for unit_id, row_id in rows:
        out.setdefault(unit_id, []).append(row_id)
    return out


def _complete(day_field: str, unit_types: tuple[str, ...]):
    def complete(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Any]:
        with_own_unit(s, values, unit_types)
        day = values.get(day_field)
        if not values.get("half") and isinstance(day, date):
            values["half"] = half_of(day)
        return values

    return complete


def _day_errors(values: dict[str, Any], day_field: str) -> dict[str, Message]:
    day, half = values.get(day_field), values.get("half")
    if not isinstance(day, date):
        return {}
    if day > date.today():
        return {day_field: Message(QT_TRANSLATE_NOOP("app", "日期不能晚于今天。"))}
    if half and day < half_bounds(str(half))[0]:
        return {
            day_field: Message(
                QT_TRANSLATE_NOOP("app", "日期不能早于所属半年（{half}）的开始。"), {"half": str(half)}
            )
        }
    return {}


# ---- 半年述职述廉 ------------------------------------------------------------------------------
def _report_validate(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Message]:
    return _day_errors(values, "reported_on")


def _report_warn(s: Session, values: dict[str, Any], _row_id: str | None) -> list[Message]:
    day = values.get("reported_on")
    if isinstance(day, date) and day.month not in REPORT_MONTHS:
        return [
            Message(
                QT_TRANSLATE_NOOP("app", "述职述廉按要求在 6 月和 12 月进行，{day} 不在这两个月。"),
                {"day": day.isoformat()},
            )
        ]
    return []


def reports_paid(s: Session, first: date, last: date) -> dict[str, list[str]]:
    """半年述职述廉: each unit with a report of a half-year between ``first`` and ``last``."""
    return _by_unit(
        s.execute(
            select(WorkReport.unit_id, WorkReport.id)
            .where(WorkReport.deleted.is_(False), WorkReport.half.in_(halves_between(first, last)))
            .order_by(WorkReport.reported_on, WorkReport.id)
        )
    )


HALF_YEAR_REPORT = Duty(
    key="half_year_report",
    title=QT_TRANSLATE_NOOP("register", "半年述职述廉"),
    period=HALF,
    owes="commission",
    paid=reports_paid,
)


def _feedback_column(column: Any) -> Any:
    return (
        select(column)
        .where(ReportFeedback.report_id == WorkReport.id, ReportFeedback.deleted.is_(False))
        .order_by(ReportFeedback.given_on.desc())
        .limit(1)
        .scalar_subquery()
    )


WORK_REPORTS = Register(
    name="work_reports",
    title=QT_TRANSLATE_NOOP("register", "半年述职述廉"),
    area=AREA,
    model=WorkReport,
    fields=(
        Field(
            "unit_id",
            QT_TRANSLATE_NOOP("register", "述职单位"),
            kind=REF,
            ref="units",
            ref_filter={"unit_type": ("township", "group")},
            filterable=True,
        ),
        Field(
            "half",
            QT_TRANSLATE_NOOP("register", "半年"),
            max_length=6,
            pattern=HALF_PATTERN,
            pattern_hint=HALF_HINT,
            filterable=True,
        ),
        Field("reported_on", QT_TRANSLATE_NOOP("register", "述职日期"), kind=DATE, required=True),
        Field("reporter", QT_TRANSLATE_NOOP("register", "述职人"), max_length=64, searchable=True),
        Field(
            "content",
            QT_TRANSLATE_NOOP("register", "述职内容摘要"),
            kind=LONGTEXT,
            required=True,
            in_list=False,
            searchable=True,
        ),
    ),
    computed=(
        Computed(
            "feedback_on",
            QT_TRANSLATE_NOOP("register", "县纪委反馈日期"),
            lambda: _feedback_column(ReportFeedback.given_on),
        ),
    ),
    display=lambda r: f"{r.half} {r.reported_on:%Y-%m-%d}",
    default_sort="reported_on",
    unique=(("unit_id", "half"),),
    complete=_complete("reported_on", ("township", "group")),
    validate=_report_validate,
    warn=_report_warn,
    warn_fields=("reported_on",),
    duties=(HALF_YEAR_REPORT,),
)


def _feedback_validate(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Message]:
    report = s.get(WorkReport, values.get("report_id")) if values.get("report_id") else None
    given = values.get("given_on")
    if report is not None and isinstance(given, date) and given < report.reported_on:
        return {"given_on": Message(QT_TRANSLATE_NOOP("app", "反馈日期不能早于述职日期。"))}
    return {}


FEEDBACK = Register(
    name="report_feedback",
    title=QT_TRANSLATE_NOOP("register", "述职述廉评价反馈"),
    area=AREA,
    model=ReportFeedback,
    fields=(
        Field(
            "report_id",
            QT_TRANSLATE_NOOP("register", "述职述廉"),
            kind=REF,
            ref="work_reports",
            required=True,
            filterable=True,
        ),
        Field("given_on", QT_TRANSLATE_NOOP("register", "反馈日期"), kind=DATE, required=True),
        Field(
            "rating",
            QT_TRANSLATE_NOOP("register", "评价"),
            kind=CHOICE,
            choices=RATING_CHOICES,
            required=True,
            filterable=True,
        ),
        Field(
            "opinion",
            QT_TRANSLATE_NOOP("register", "反馈意见"),
            kind=LONGTEXT,
            required=True,
            searchable=True,
        ),
    ),
    display=lambda f: f"{f.given_on:%Y-%m-%d}",
    default_sort="given_on",
    unique=(("report_id",),),
    validate=_feedback_validate,
    # The county gives it: no unit enters it (here: RecordService; in a unit's bundle:
    # app.sync.rules); it reaches the unit whose report it is in the county's bundle.
    county_only=True,
)


# ---- 一岗双责 ----------------------------------------------------------------------------------
def _party_validate(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Message]:
    return _day_errors(values, "heard_on")


def party_reports_paid(s: Session, first: date, last: date) -> dict[str, list[str]]:
    """一岗双责: each township commission that heard its 党委 report in a half-year between
    ``first`` and ``last``."""
    return _by_unit(
        s.execute(
            select(PartyReport.unit_id, PartyReport.id)
            .join(Unit, Unit.id == PartyReport.unit_id)
            .where(
                PartyReport.deleted.is_(False),
                Unit.unit_type == "township",
                PartyReport.half.in_(halves_between(first, last)),
            )
            .order_by(PartyReport.heard_on, PartyReport.id)
        )
    )


PARTY_REPORT = Duty(
    key="party_report",
    title=QT_TRANSLATE_NOOP("register", "听取党委一岗双责汇报"),
    period=HALF,
    owes="township",
    paid=party_reports_paid,
)

PARTY_REPORTS = Register(
    name="party_reports",
    title=QT_TRANSLATE_NOOP("register", "一岗双责汇报"),
    area=AREA,
    model=PartyReport,
    fields=(
        Field(
            "unit_id",
            QT_TRANSLATE_NOOP("register", "听取单位"),
            kind=REF,
            ref="units",
            ref_filter={"unit_type": ("township",)},
            filterable=True,
        ),
        Field(
            "half",
            QT_TRANSLATE_NOOP("register", "半年"),
            max_length=6,
            pattern=HALF_PATTERN,
            pattern_hint=HALF_HINT,
            filterable=True,
        ),
        Field("heard_on", QT_TRANSLATE_NOOP("register", "汇报日期"), kind=DATE, required=True),
        Field(
            "reporter",
            QT_TRANSLATE_NOOP("register", "汇报的党委（人）"),
            required=True,
            max_length=64,
            searchable=True,
        ),
        Field(
            "content",
            QT_TRANSLATE_NOOP("register", "汇报内容"),
            kind=LONGTEXT,
            required=True,
            in_list=False,
            searchable=True,
        ),
        Field(
            "opinion",
            QT_TRANSLATE_NOOP("register", "纪委意见"),
            kind=LONGTEXT,
            in_list=False,
            searchable=True,
        ),
    ),
    display=lambda r: f"{r.half} {r.reporter}",
    default_sort="heard_on",
    complete=_complete("heard_on", ("township",)),
    validate=_party_validate,
    duties=(PARTY_REPORT,),
)

REGISTERS = (WORK_REPORTS, FEEDBACK, PARTY_REPORTS)
