"""Deadlines: what is due in the next days and what is overdue, per handler.

The number of days each step may take is a setting (``DeadlineRule`` rows, edited in the
办理期限设置 register and sent by the county); a step without a row uses the common default
(``casework_choices.DEADLINE_STEPS``). A record's deadline runs while it is in one of its
lifecycle's open states; extensions (延期) add their days.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.casework import Case, Clue, CoReview, DeadlineRule, Inquiry, Verification
from app.models.org import Staff, Unit
from app.registers import get as get_register
from app.registers.casework_choices import DEADLINE_STEP_CHOICES, DEFAULT_DAYS
from app.security.secrecy import audience_condition, has_secrecy
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

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


def deadline_days(s: Session) -> dict[str, int]:
    days = dict(DEFAULT_DAYS)
    for rule in s.scalars(select(DeadlineRule).where(DeadlineRule.deleted.is_(False))):
        days[rule.step] = rule.days
    return days


def due_date(s: Session, step: str, start: date, extension_days: int = 0) -> date:
    """When a period of the deadline rule ``step`` that starts on ``start`` ends."""
    return start + timedelta(days=deadline_days(s).get(step, 15) + extension_days)


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
    out: list[tuple[str, str, str, str, str, str | None, str | None, date]] = []
    with records.ctx.session() as s:
        days = deadline_days(s)
        clues = get_register("clues").lifecycle
        assert clues is not None
        for c in s.scalars(
            select(Clue).where(
                Clue.deleted.is_(False), Clue.state.in_(clues.open_states), *_visible(records, Clue)
            )
        ):
            due = c.received_on + timedelta(days=days["clue"])
            out.append(("clues", c.id, c.number, c.subject_name, step_label["clue"], c.handler_id,
                        c.handling_unit_id, due))  # fmt: skip
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
                due = start + timedelta(days=days[step] + (item.extension_days or 0))
                out.append((reg_name, item.id, clue.number, clue.subject_name, step_label[step], item.lead_id,
                            clue.handling_unit_id, due))  # fmt: skip
        cases = get_register("cases").lifecycle
        assert cases is not None
        for k in s.scalars(
            select(Case).where(
                Case.deleted.is_(False), Case.state.in_(cases.open_states), *_visible(records, Case)
            )
        ):
            due = k.filed_on + timedelta(days=days["case"] + (k.extension_days or 0))
            out.append(("cases", k.id, k.number, k.subject_name, step_label["case"], k.handler_id,
                        k.handling_unit_id, due))  # fmt: skip
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
            )
            for reg, rid, what, subject, step, h, u, due in out
        ]
        for r, k in reviews:
            due = r.requested_on + timedelta(days=days["co_review"])
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
