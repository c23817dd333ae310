"""Deadlines: what is due in the next days and what is overdue, per handler.

The number of days each step may take, and whether they are working days, is a setting
(``DeadlineRule`` rows, edited in the 办理期限设置 register and sent by the county); a step without
a row uses the common default (``casework_choices.DEADLINE_STEPS``). A record's deadline runs
while it is in one of its lifecycle's open states, from the day after it started (期间开始之日不
计入, ``app.services.workdays``); extensions (延期) add their days, in the rule's kind of days.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import Message
from app.models.casework import (
    Appeal,
    Case,
    Clue,
    CoReview,
    DeadlineRule,
    Detention,
    Disposition,
    Inquiry,
    Trial,
    Verification,
)
from app.models.inspection import InspectionItem, InspectionRound
from app.models.org import Staff, SupervisedUnit, Unit, Village
from app.registers import get as get_register
from app.registers.casework_choices import DEADLINE_STEP_CHOICES, DEFAULT_DAYS, DEFAULT_WORKING
from app.registers.inspection import DUE_STEP as RECTIFICATION_STEP
from app.registers.inspection import OPEN as RECTIFYING
from app.registers.measures import SANCTION_KINDS
from app.security.secrecy import audience_condition, has_secrecy
from app.services import workdays
from app.services.records import RecordService

HORIZON_DAYS = 7


@dataclass(frozen=True)
class DueItem:
    register: str
    row_id: str
    what: str  # the record: clue number, case number …
    subject: str  # the person reported on
    step: str  # Chinese label of the step that is due
    handler: str
    unit: str
    due: date
    days_left: int  # negative: overdue
    # A working-day deadline running through a year without a holiday calendar (counted Monday
    # to Friday there): ``workdays.UNCOVERED_YEAR``.
    warning: Message | None = None

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


Rules = dict[str, tuple[int, bool]]


def deadline_days(s: Session) -> dict[str, int]:
    """Days per step (the rules' and the defaults'), whatever kind of days they are."""
    return {step: days for step, (days, _working) in rules(s).items()}


def rules(s: Session) -> Rules:
    """(days, working) per step: the live ``DeadlineRule`` rows over the defaults."""
    table = {step: (days, DEFAULT_WORKING[step]) for step, days in DEFAULT_DAYS.items()}
    for rule in s.scalars(select(DeadlineRule).where(DeadlineRule.deleted.is_(False))):
        table[rule.step] = (rule.days, bool(rule.working))
    return table


def due_date(s: Session, step: str, start: date, extension_days: int = 0, rules: Rules | None = None) -> date:
    """The last day of ``step`` begun on ``start``: the step's days plus ``extension_days`` (of
    the same kind) after ``start``, which is not counted. ``rules``: ``rules(s)`` when already read."""
    days, working = (rules if rules is not None else _rules(s))[step]
    return workdays.add_days(s, start, days + (extension_days or 0), working=working)


_rules = rules


def _warning(s: Session, step: str, start: date, due: date, table: Rules) -> Message | None:
    if not table[step][1]:
        return None  # calendar days: no holiday calendar needed
    return workdays.uncovered_message(workdays.uncovered(s, start, due))


def _visible(records: RecordService, model: Any) -> list[Any]:
    if has_secrecy(model) and not records.system:
        return [audience_condition(model, records.user)]
    return []


def _names(s: Session, model: Any, ids: Iterable[str | None]) -> dict[str, str]:
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    return dict(s.execute(select(model.id, model.name).where(model.id.in_(wanted))).all())


def due_items(
    records: RecordService, today: date | None = None, horizon: int = HORIZON_DAYS
) -> list[DueItem]:
    """Open records due within ``horizon`` days or overdue, most urgent first."""
    today = today or date.today()
    step_label = dict(DEADLINE_STEP_CHOICES)
    Row = tuple[str, str, str, str, str, str | None, str | None, date, Message | None]
    out: list[Row] = []
    with records.ctx.session() as s:
        table = rules(s)

        def span(step: str, start: date, extension: int | None = 0) -> tuple[date, Message | None]:
            due = due_date(s, step, start, extension or 0, table)
            return due, _warning(s, step, start, due, table)

        clues = get_register("clues").lifecycle
        assert clues is not None
        for c in s.scalars(
            select(Clue).where(
                Clue.deleted.is_(False), Clue.state.in_(clues.open_states), *_visible(records, Clue)
            )
        ):
            out.append(("clues", c.id, c.number, c.subject_name, step_label["clue"], c.handler_id,
                        c.handling_unit_id, *span("clue", c.received_on)))  # fmt: skip
        pairs: tuple[tuple[Any, str, str], ...] = (
            (Inquiry, "inquiries", "inquiry"),
            (Verification, "verifications", "verification"),
        )
        for model, reg_name, step in pairs:
            lifecycle = get_register(reg_name).lifecycle
            assert lifecycle is not None
            rows = s.execute(
                select(model, Clue)
                .join(Clue, Clue.id == model.clue_id)
                .where(
                    model.deleted.is_(False),
                    model.state.in_(lifecycle.open_states),
                    *_visible(records, model),
                )
            )
            for item, clue in rows:
                if getattr(item, "state", "") == "sent" and item.delivered_on is not None:
                    # 函询: the written reply, 15 working days from the letter's delivery
                    due_of = span("letter_reply", item.delivered_on, item.extension_days)
                    label = step_label["letter_reply"]
                else:
                    due_of = span(step, item.started_on or item.created_at.date(), item.extension_days)
                    label = step_label[step]
                out.append((reg_name, item.id, clue.number, clue.subject_name, label, item.lead_id,
                            clue.handling_unit_id, *due_of))  # fmt: skip
        cases = get_register("cases").lifecycle
        assert cases is not None
        for k in s.scalars(
            select(Case).where(
                Case.deleted.is_(False), Case.state.in_(cases.open_states), *_visible(records, Case)
            )
        ):
            out.append(("cases", k.id, k.number, k.subject_name, step_label["case"], k.handler_id,
                        k.handling_unit_id, *span("case", k.filed_on, k.extension_days)))  # fmt: skip
        out.extend(_after_the_case(s, records, step_label, span))
        out.extend(_rectification(s, today + timedelta(days=horizon)))
        reviews: list[tuple[CoReview, Case]] = list(
            s.execute(
                select(CoReview, Case)
                .join(Case, Case.id == CoReview.case_id)
                .where(CoReview.deleted.is_(False), CoReview.state == "requested", *_visible(records, Case))
            )
        )
        staff = _names(s, Staff, (row[5] for row in out))
        units = _names(s, Unit, [row[6] for row in out] + [k.handling_unit_id for _r, k in reviews])
        items = [
            DueItem(
                reg,
                rid,
                what,
                subject,
                step,
                staff.get(h or "", ""),
                units.get(u or "", ""),
                due,
                (due - today).days,
                warning,
            )
            for reg, rid, what, subject, step, h, u, due, warning in out
        ]
        for r, k in reviews:
            due, warning = span("co_review", r.requested_on)
            items.append(
                DueItem(
                    "co_reviews",
                    r.id,
                    k.number,
                    k.subject_name,
                    step_label["co_review"],
                    r.reviewer,
                    units.get(k.handling_unit_id or "", ""),
                    due,
                    (due - today).days,
                    warning,
                )  # fmt: skip
            )
    items = [i for i in items if i.days_left <= horizon]
    items.sort(key=lambda i: (i.due, i.register, i.what))
    return items


def _after_the_case(
    s: Session, records: RecordService, step_label: dict[str, str], span: Any
) -> list[tuple[str, str, str, str, str, str | None, str | None, date, Message | None]]:
    """The steps after 移送审理: a county trial (审理), the county's co-review a township's or a
    group's case waits for (at the county), a sanction's 宣布送达, an appeal's decision."""
    out: list[tuple[str, str, str, str, str, str | None, str | None, date, Message | None]] = []
    for trial, case in s.execute(
        select(Trial, Case)
        .join(Case, Case.id == Trial.case_id)
        .where(Trial.deleted.is_(False), Trial.state == "received", *_visible(records, Case))
    ):
        out.append(("trials", trial.id, case.number, case.subject_name, step_label["trial"], case.handler_id,
                    case.handling_unit_id, *span("trial", trial.received_on, trial.extension_days)))  # fmt: skip
    if records.system or records.ctx.installation().unit_type == "county":
        units = select(Unit.id).where(Unit.unit_type.in_(("township", "group")))
        reviewed = select(CoReview.case_id).where(CoReview.deleted.is_(False))
        for case in s.scalars(
            select(Case).where(
                Case.deleted.is_(False),
                Case.state == "review",
                Case.review_on.is_not(None),
                Case.handling_unit_id.in_(units),
                Case.id.not_in(reviewed),
                *_visible(records, Case),
            )
        ):
            out.append(("cases", case.id, case.number, case.subject_name, step_label["co_review"], None,
                        case.handling_unit_id, *span("co_review", case.review_on)))  # fmt: skip
    for held, case in s.execute(
        select(Detention, Case)
        .join(Case, Case.id == Detention.case_id)
        .where(Detention.deleted.is_(False), Detention.state == "in_force", *_visible(records, Case))
    ):
        out.append(("detentions", held.id, case.number, case.subject_name, step_label["detention"],
                    case.handler_id, case.handling_unit_id,
                    *span("detention", held.started_on, held.extension_days)))  # fmt: skip
    for measure in s.scalars(
        select(Disposition).where(
            Disposition.deleted.is_(False),
            Disposition.state == "decided",
            Disposition.kind.in_(SANCTION_KINDS),
        )
    ):
        out.append(("dispositions", measure.id, measure.decision_no or measure.measure, measure.person_name,
                    step_label["announce"], None, measure.handling_unit_id,
                    *span("announce", measure.decided_on)))  # fmt: skip
    for appeal, measure in s.execute(
        select(Appeal, Disposition)
        .join(Disposition, Disposition.id == Appeal.disposition_id)
        .where(Appeal.deleted.is_(False), Appeal.state == "received")
    ):
        out.append(("appeals", appeal.id, measure.decision_no or measure.measure, measure.person_name,
                    step_label["appeal"], None, measure.handling_unit_id,
                    *span("appeal", appeal.received_on)))  # fmt: skip
    return out


def _rectification(
    s: Session, until: date
) -> list[tuple[str, str, str, str, str, str | None, str | None, date, Message | None]]:
    """巡察整改: the open rectification items due by ``until`` (a date the feedback set, not a
    rule's days), under the inspected unit, for the staff member who follows them up (督办人)."""
    rows = list(
        s.execute(
            select(InspectionItem, InspectionRound.name)
            .join(InspectionRound, InspectionRound.id == InspectionItem.round_id)
            .where(
                InspectionItem.deleted.is_(False),
                InspectionItem.state == RECTIFYING,
                InspectionItem.due_on <= until,
            )
        )
    )
    targets = {
        **_names(s, SupervisedUnit, (i.supervised_unit_id for i, _n in rows)),
        **_names(s, Village, (i.village_id for i, _n in rows)),
    }
    return [
        ("inspection_items", item.id, name, targets.get(item.supervised_unit_id or item.village_id or "", ""),
         RECTIFICATION_STEP, item.supervisor_id, item.unit_id, item.due_on, None)
        for item, name in rows
    ]  # fmt: skip


def by_handler(items: Iterable[DueItem]) -> dict[str, list[DueItem]]:
    """Items grouped by handler name ("" for none), handlers with overdue items first."""
    groups: dict[str, list[DueItem]] = {}
    for item in items:
        groups.setdefault(item.handler, []).append(item)
    return dict(sorted(groups.items(), key=lambda kv: (min(i.due for i in kv[1]), kv[0])))
