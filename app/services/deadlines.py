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
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import Message
from app.models.casework import Case, Clue, CoReview, DeadlineRule, Inquiry, Verification
from app.models.org import Staff, Unit
from app.registers import get as get_register
from app.registers.casework_choices import DEADLINE_STEP_CHOICES, DEFAULT_DAYS, DEFAULT_WORKING
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
                start = item.started_on or item.created_at.date()
                out.append((reg_name, item.id, clue.number, clue.subject_name, step_label[step], item.lead_id,
                            clue.handling_unit_id, *span(step, start, item.extension_days)))  # fmt: skip
        cases = get_register("cases").lifecycle
        assert cases is not None
        for k in s.scalars(
            select(Case).where(
                Case.deleted.is_(False), Case.state.in_(cases.open_states), *_visible(records, Case)
            )
        ):
            out.append(("cases", k.id, k.number, k.subject_name, step_label["case"], k.handler_id,
                        k.handling_unit_id, *span("case", k.filed_on, k.extension_days)))  # fmt: skip
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


def by_handler(items: Iterable[DueItem]) -> dict[str, list[DueItem]]:
    """Items grouped by handler name ("" for none), handlers with overdue items first."""
    groups: dict[str, list[DueItem]] = {}
    for item in items:
        groups.setdefault(item.handler, []).append(item)
    return dict(sorted(groups.items(), key=lambda kv: (min(i.due for i in kv[1]), kv[0])))
