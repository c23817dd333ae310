"""履职覆盖: the frequency rules registers declare (``app.registers.fields.Duty``) as coverage.

A duty (每月一课, 每周一测, 每季度一期通报, 半年述职述廉, 每年一次警示教育, 联络员月报, …) is owed by
every ower (a staff member, a commission, a village…) in every period of its kind. For a year,
``duty_year`` gives one row per ower and one cell per period: ``paid`` (enough records), ``missed``
(the period is over without them), ``due`` (the period is under way, not yet paid), ``future`` (a
later period) or ``not_owed`` (不适用: a staff member who had left before the period began, or an
ower added after the period was over, with nothing paid in it: an ower counts from its record's
creation day, the registry keeping no joining or founding date, and a seconded staff member from
the first day of the secondment). ``missing_now``
gives the 工作台 what is owed and missing: this period's unpaid owers and the last period's missed
ones, per duty.

An installation sees its own owers: a township commission or a dispatched group those of its own
unit (its staff, its villages, itself), the county everyone's, from the merged data.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, case, select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.org import Staff, Unit, Village
from app.quarters import quarter_name_message
from app.registers import REGISTERS
from app.registers.fields import HALF, MONTH, QUARTER, WEEK, YEAR, Duty, Register
from app.registers.org import POST_CHOICES
from app.registers.residency import own_unit
from app.services.records import RecordService

PAID, MISSED, DUE, FUTURE, NOT_OWED = "paid", "missed", "due", "future", "not_owed"
STATUS_LABELS = {
    PAID: QT_TRANSLATE_NOOP("app", "已完成"),
    MISSED: QT_TRANSLATE_NOOP("app", "缺"),
    DUE: QT_TRANSLATE_NOOP("app", "待完成"),
    FUTURE: "",
    NOT_OWED: QT_TRANSLATE_NOOP("app", "不适用"),
}
STATUS_COLOURS = {PAID: "#c8e6c9", MISSED: "#ffcdd2", DUE: "#ffe0b2", FUTURE: "", NOT_OWED: "#eeeeee"}
OWER_LABELS = {
    "staff": QT_TRANSLATE_NOOP("app", "每名纪检监察干部"),
    "commission": QT_TRANSLATE_NOOP("app", "每个乡镇纪委和派驻组"),
    "township": QT_TRANSLATE_NOOP("app", "每个乡镇纪委"),
    "group": QT_TRANSLATE_NOOP("app", "每个派驻组"),
    "unit": QT_TRANSLATE_NOOP("app", "每个单位"),
    "village": QT_TRANSLATE_NOOP("app", "每个村（社区）"),
}
PERIOD_LABELS = {
    WEEK: QT_TRANSLATE_NOOP("app", "每周"),
    MONTH: QT_TRANSLATE_NOOP("app", "每月"),
    QUARTER: QT_TRANSLATE_NOOP("app", "每季度"),
    HALF: QT_TRANSLATE_NOOP("app", "每半年"),
    YEAR: QT_TRANSLATE_NOOP("app", "每年"),
}
UNKNOWN_DUTY = QT_TRANSLATE_NOOP("app", "没有名为 {key} 的履职要求。")
COMMISSIONS = ("township", "group")


class UnknownDutyError(LookupError):
    def __init__(self, key: str) -> None:
        self.message = Message(UNKNOWN_DUTY, {"key": key})
        super().__init__(str(self.message))


@dataclass(frozen=True)
class Period:
    key: str  # 2026W05, 2026-03, 2026Q1, 2026H1, 2026
    first: date
    last: date
    number: int  # week, month, quarter or half within the year (1 for a year)


@dataclass
class Cell:
    status: str
    ids: list[str] = field(default_factory=list)  # the records that paid it


@dataclass
class Row:
    unit_id: str
    unit_name: str
    ower_id: str
    ower_name: str
    cells: dict[str, Cell]

    def status(self, period: str) -> str:
        return self.cells[period].status


@dataclass
class Missing:
    """For the 工作台: one duty's owers missing in one period."""

    register: str
    duty: Duty
    period: Period
    status: str  # DUE (this period) or MISSED (the last one)
    owers: list[Row]


def all_duties() -> list[tuple[Register, Duty]]:
    return [(reg, d) for reg in REGISTERS.values() for d in reg.duties]


def find_duty(key: str) -> tuple[Register, Duty]:
    for reg, d in all_duties():
        if d.key == key:
            return reg, d
    raise UnknownDutyError(key)


# ---- periods ---------------------------------------------------------------------------------
def periods_of_year(period: str, year: int) -> list[Period]:
    if period == WEEK:  # ISO weeks: a week belongs to the year of its Thursday
        weeks = date(year, 12, 28).isocalendar().week
        return [
            Period(f"{year}W{w:02d}", date.fromisocalendar(year, w, 1), date.fromisocalendar(year, w, 7), w)
            for w in range(1, weeks + 1)
        ]
    size = {MONTH: 1, QUARTER: 3, HALF: 6, YEAR: 12}[period]
    out = []
    for n, month in enumerate(range(1, 13, size), start=1):
        first = date(year, month, 1)
        nxt = date(year + 1, 1, 1) if month + size > 12 else date(year, month + size, 1)
        key = {MONTH: f"{year}-{month:02d}", QUARTER: f"{year}Q{n}", HALF: f"{year}H{n}", YEAR: f"{year}"}[
            period
        ]
        out.append(Period(key, first, nxt - timedelta(days=1), n))
    return out


def period_of(period: str, day: date) -> Period:
    year = day.isocalendar().year if period == WEEK else day.year
    for p in periods_of_year(period, year):
        if p.first <= day <= p.last:
            return p
    raise AssertionError(day)  # every day is in one period of its year


def period_label(p: Period, period: str) -> Message:
    """A period's column heading: 第5周, 3月, 第一季度, 上半年, 2026年."""
    if period == QUARTER:
        return quarter_name_message(p.number)
    if period == HALF:
        return Message(
            QT_TRANSLATE_NOOP("app", "上半年") if p.number == 1 else QT_TRANSLATE_NOOP("app", "下半年")
        )
    template = {
        WEEK: QT_TRANSLATE_NOOP("app", "第{n}周"),
        MONTH: QT_TRANSLATE_NOOP("app", "{n}月"),
        YEAR: QT_TRANSLATE_NOOP("app", "{n}年"),
    }[period]
    return Message(template, {"n": str(p.first.year if period == YEAR else p.number)})


def rule_text(duty: Duty) -> Message:
    """每名纪检监察干部 每月 1 次"""
    return Message(
        QT_TRANSLATE_NOOP("app", "{owers}{period}至少 {n} 次"),
        {
            "owers": Message(OWER_LABELS[duty.owes]),
            "period": Message(PERIOD_LABELS[duty.period]),
            "n": str(duty.minimum),
        },
    )


def post_rank() -> ColumnElement[int]:
    """Staff in the order of their posts (书记 before 委员), as POST_CHOICES lists them."""
    return case(
        {value: rank for rank, (value, _label) in enumerate(POST_CHOICES)}, value=Staff.post, else_=99
    )


# ---- owers -----------------------------------------------------------------------------------
def _day(created: datetime | None) -> date:
    return created.date() if created is not None else date.min


@dataclass(frozen=True)
class Ower:
    unit_id: str
    unit_name: str
    id: str
    name: str
    left_on: date | None = None  # a staff member who has left owes nothing after
    since: date = date.min  # added then (its record's creation day): owes nothing before


def owers(s: Session, owes: str, unit_id: str | None = None) -> list[Ower]:
    """Who owes a duty, as this installation sees them (its own unit's, or everyone's at the
    county), ordered by unit and name. ``unit_id`` narrows to one unit."""
    own = own_unit(s)
    if own is not None and own.unit_type != "county":
        unit_id = own.id  # a township or a group sees its own
    live_units = select(Unit).where(Unit.deleted.is_(False))
    if unit_id:
        live_units = live_units.where(Unit.id == unit_id)
    if owes == "staff":
        stmt = (
            select(
                Unit.id,
                Unit.name,
                Staff.id,
                Staff.name,
                Staff.left_on,
                Staff.created_at,
                Staff.secondment_start,
            )
            .join(Unit, Unit.id == Staff.unit_id)
            .where(Staff.deleted.is_(False), Unit.deleted.is_(False), Unit.unit_type.in_(COMMISSIONS))
            .order_by(Unit.unit_type.desc(), Unit.code, post_rank(), Staff.name)
        )
        if unit_id:
            stmt = stmt.where(Unit.id == unit_id)
        # A seconded member owes from the first day of the secondment, whenever it was entered.
        return [
            Ower(u, un, i, n, left, start or _day(at)) for u, un, i, n, left, at, start in s.execute(stmt)
        ]
    if owes == "village":
        villages = (
            select(Unit.id, Unit.name, Village.id, Village.name, Village.created_at)
            .join(Unit, Unit.id == Village.township_id)
            .where(Village.deleted.is_(False), Unit.deleted.is_(False))
            .order_by(Unit.code, Village.name)
        )
        if unit_id:
            villages = villages.where(Unit.id == unit_id)
        return [Ower(u, un, i, n, None, _day(at)) for u, un, i, n, at in s.execute(villages)]
    types = {"commission": COMMISSIONS, "township": ("township",), "group": ("group",)}.get(owes)
    if types is not None:
        live_units = live_units.where(Unit.unit_type.in_(types))
    units = s.scalars(live_units.order_by(Unit.unit_type.desc(), Unit.code))
    return [Ower(u.id, u.name, u.id, u.name, None, _day(u.created_at)) for u in units]


# ---- coverage --------------------------------------------------------------------------------
def _status(
    p: Period, today: date, paid: Sequence[str], minimum: int, left_on: date | None, since: date
) -> str:
    if left_on is not None and left_on < p.first:
        return NOT_OWED
    if len(paid) >= minimum:
        return PAID
    if p.last < since and not paid:
        return NOT_OWED  # over before the ower was added
    if p.last < today:
        return MISSED
    return DUE if p.first <= today else FUTURE


def _rows(s: Session, duty: Duty, periods: Sequence[Period], today: date, who: Sequence[Ower]) -> list[Row]:
    paid_in = {p.key: {k: list(v) for k, v in duty.paid(s, p.first, p.last).items()} for p in periods}
    rows = []
    for o in who:
        cells = {}
        for p in periods:
            ids = paid_in[p.key].get(o.id, [])
            cells[p.key] = Cell(_status(p, today, ids, duty.minimum, o.left_on, o.since), ids)
        rows.append(Row(o.unit_id, o.unit_name, o.id, o.name, cells))
    return rows


def duty_year(
    records: RecordService, key: str | Duty, year: int, unit_id: str | None = None, today: date | None = None
) -> tuple[list[Period], list[Row]]:
    """One duty (by key) for a year: its periods, and a row per ower with a cell per period."""
    today = today or date.today()
    duty = find_duty(key)[1] if isinstance(key, str) else key
    periods = periods_of_year(duty.period, year)
    with records.ctx.session() as s:
        return periods, _rows(s, duty, periods, today, owers(s, duty.owes, unit_id))


def missing_now(records: RecordService, today: date | None = None) -> list[Missing]:
    """Per duty: the owers who have not paid this period yet (DUE) and those who missed the last
    one (MISSED). Duties with nobody missing are left out."""
    today = today or date.today()
    out: list[Missing] = []
    with records.ctx.session() as s:
        who: dict[str, list[Ower]] = {}  # several rules are owed by the same people
        for reg, duty in all_duties():
            current = period_of(duty.period, today)
            last = period_of(duty.period, current.first - timedelta(days=1))
            if duty.owes not in who:
                who[duty.owes] = owers(s, duty.owes)
            rows = _rows(s, duty, [last, current], today, who[duty.owes])
            for p, status in ((current, DUE), (last, MISSED)):
                owing = [r for r in rows if r.status(p.key) == status]
                if owing:
                    out.append(Missing(reg.name, duty, p, status, owing))
    return out


def totals(rows: Sequence[Row], period: str) -> dict[str, int]:
    counts = dict.fromkeys(STATUS_LABELS, 0)
    for r in rows:
        counts[r.status(period)] += 1
    return counts


def iter_missing(rows: Sequence[Row], periods: Sequence[Period]) -> Iterator[tuple[Row, Period]]:
    """(row, period) of every missed cell, in row order."""
    for r in rows:
        for p in periods:
            if r.status(p.key) == MISSED:
                yield r, p
