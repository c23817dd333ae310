"""Proposing a quarter's visits: every village of a township commission (every supervised unit of
a dispatched group) at least once, spread over the working days left in the quarter (holidays
left out, 调休 working weekends in: ``app.services.workdays``), two staff each in turn, nobody sent
to their home village or to a village they declared a tie with.

``propose_plan`` only proposes; the person edits the proposals and ``save_plan`` stores them in one
transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.casework import StaffTie
from app.models.org import Staff, SupervisedUnit, Unit, Village
from app.models.residency import Visit
from app.quarters import quarter_bounds
from app.registers import get as get_register
from app.services import undo, workdays
from app.services.records import RecordService

PLAN_NO_STAFF = QT_TRANSLATE_NOOP("app", "本单位没有可安排的在岗人员，请先在「人员与岗位」中登记。")


@dataclass
class ProposedVisit:
    unit_id: str
    target_id: str
    target_name: str
    target_kind: str  # village | supervised_unit
    planned_on: date
    lead_id: str | None
    member_id: str | None
    lead_name: str = ""
    member_name: str = ""
    note: str = ""  # why the proposal is short of something (only one person could go, …)


class PlanError(Exception):
    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(str(message))


def working_days(quarter: str, today: date | None = None, s: Session | None = None) -> list[date]:
    """The working days from today (or the quarter's first day) to the quarter's last day: the
    holiday calendar's, with the county's 节假日调整 when ``s`` is given; Monday to Friday in a
    year without a calendar."""
    first, last = quarter_bounds(quarter)
    start = max(first, today) if today else first
    days, d = [], start
    while d <= last:
        if workdays.is_working_day(s, d):
            days.append(d)
        d += timedelta(days=1)
    return days


def quarter_calendar(records: RecordService, quarter: str) -> workdays.CalendarView:
    """The quarter's holidays and 调休 working days for the plan's calendar, and the warning when
    its year has no holiday calendar."""
    first, last = quarter_bounds(quarter)
    return workdays.calendar_view(records.ctx, first, last)


def _barred(s: Session, staff: Staff, target_name: str) -> bool:
    """Home village, or a declared tie of kind 同村 naming the place."""
    if staff.home_village and staff.home_village.strip() == target_name:
        return True
    ties = s.scalars(
        select(StaffTie.id).where(
            StaffTie.staff_id == staff.id,
            StaffTie.deleted.is_(False),
            StaffTie.relation == "village",
            (StaffTie.person_unit == target_name) | (StaffTie.person_name == target_name),
        )
    )
    return ties.first() is not None


def propose_plan(
    records: RecordService, unit_id: str, quarter: str, today: date | None = None
) -> list[ProposedVisit]:
    """A visit for each village (supervised unit) of the unit that has none planned or done in
    the quarter."""
    with records.ctx.session() as s:
        unit = s.get(Unit, unit_id)
        if unit is None or unit.deleted:
            raise PlanError(Message(QT_TRANSLATE_NOOP("app", "找不到这个单位。")))
        if unit.unit_type == "township":
            targets = [(v.id, v.name, "village") for v in s.scalars(
                select(Village).where(Village.township_id == unit_id, Village.deleted.is_(False)).order_by(Village.name)
            )]  # fmt: skip
            covered = set(s.scalars(select(Visit.village_id).where(
                Visit.quarter == quarter, Visit.deleted.is_(False), Visit.state != "cancelled")))  # fmt: skip
        elif unit.unit_type == "group":
            targets = [(su.id, su.name, "supervised_unit") for su in s.scalars(
                select(SupervisedUnit).where(SupervisedUnit.group_id == unit_id, SupervisedUnit.deleted.is_(False))
                .order_by(SupervisedUnit.name)
            )]  # fmt: skip
            covered = set(s.scalars(select(Visit.supervised_unit_id).where(
                Visit.quarter == quarter, Visit.deleted.is_(False), Visit.state != "cancelled")))  # fmt: skip
        else:
            raise PlanError(
                Message(QT_TRANSLATE_NOOP("app", "只有乡镇纪委和派驻纪检监察组安排驻村（驻在）。"))
            )
        staff = list(s.scalars(
            select(Staff).where(Staff.unit_id == unit_id, Staff.deleted.is_(False), Staff.left_on.is_(None))
            .order_by(Staff.post, Staff.name)
        ))  # fmt: skip
        if not staff:
            raise PlanError(Message(PLAN_NO_STAFF))
        todo = [t for t in targets if t[0] not in covered]
        days = working_days(quarter, today, s) or [quarter_bounds(quarter)[1]]
        out: list[ProposedVisit] = []
        turn = 0
        busy: dict[date, set[str]] = {}
        for i, (tid, name, kind) in enumerate(todo):
            day = days[min(len(days) - 1, int((i + 0.5) * len(days) / max(len(todo), 1)))]
            eligible = [p for p in staff if not _barred(s, p, name)]
            # In turn, and nobody twice on one day where that can be helped.
            ordered = eligible[turn % len(eligible) :] + eligible[: turn % len(eligible)] if eligible else []
            free = [p for p in ordered if p.id not in busy.get(day, set())] or ordered
            team = free[:2]
            turn += 2
            busy.setdefault(day, set()).update(p.id for p in team)
            note = ""
            if not team:
                note = str(Message(QT_TRANSLATE_NOOP("app", "没有可以回避后安排的人员")))
            elif len(team) < 2:
                note = str(Message(QT_TRANSLATE_NOOP("app", "只有一人可安排，请补充")))
            out.append(
                ProposedVisit(
                    unit_id=unit_id,
                    target_id=tid,
                    target_name=name,
                    target_kind=kind,
                    planned_on=day,
                    lead_id=team[0].id if team else None,
                    member_id=team[1].id if len(team) > 1 else None,
                    lead_name=team[0].name if team else "",
                    member_name=team[1].name if len(team) > 1 else "",
                    note=note,
                )
            )
        return out


def save_plan(records: RecordService, proposals: Sequence[ProposedVisit]) -> list[str]:
    """Store the (edited) proposals as planned visits, all or none."""
    visits = get_register("visits")
    ids = []
    with records.ctx.session() as s:
        for p in proposals:
            values = {
                "unit_id": p.unit_id,
                "village_id": p.target_id if p.target_kind == "village" else None,
                "supervised_unit_id": p.target_id if p.target_kind == "supervised_unit" else None,
                "planned_on": p.planned_on,
                "lead_id": p.lead_id,
                "member_id": p.member_id,
            }
            ids.append(records.save_in(s, visits, values, confirmed=True))
        done = undo.created(s, visits, ids)
    undo.push(records.ctx, done)
    return ids
