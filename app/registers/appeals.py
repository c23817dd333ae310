"""申诉, 复审 and 复核 against a decision (area "casework").

A party member may appeal (申诉) a party sanction; against a 政务处分 the person may ask the body
that decided for a review (复审) within one month of receiving the decision, which answers within
30 days, and then the body above for a recheck (复核) (DOMAIN.md). The decision on an appeal moves
the measure: 撤销 revokes it, 变更 marks it changed (the new measure is entered as its own record).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.casework import Appeal, Disposition
from app.registers.fields import CHOICE, DATE, LONGTEXT, REF, Field, Register
from app.registers.lifecycle import Lifecycle, Step, not_before
from app.registers.sanctions import add_months

AREA = "sanctions"
KIND_CHOICES = (
    ("complaint", QT_TRANSLATE_NOOP("register", "申诉（党纪处分）")),
    ("review", QT_TRANSLATE_NOOP("register", "复审（政务处分）")),
    ("recheck", QT_TRANSLATE_NOOP("register", "复核（政务处分）")),
)
RESULT_CHOICES = (
    ("upheld", QT_TRANSLATE_NOOP("register", "维持原决定")),
    ("changed", QT_TRANSLATE_NOOP("register", "变更")),
    ("revoked", QT_TRANSLATE_NOOP("register", "撤销")),
)
# The kind of measure each kind of appeal is against.
AGAINST = {"complaint": "party", "review": "state", "recheck": "state"}


def _moves_measure(s: Session, transitions: Any, appeal: Any, _values: dict[str, Any]) -> None:
    step = {"revoked": "revoke", "changed": "change"}.get(appeal.result)
    if step is not None:
        label = dict(KIND_CHOICES).get(appeal.kind, appeal.kind)
        transitions.follow(
            s, "dispositions", appeal.disposition_id, step, f"{label}决定 {appeal.decision_no}"
        )


APPEAL_LIFECYCLE = Lifecycle(
    states=(
        ("received", QT_TRANSLATE_NOOP("register", "已受理")),
        ("decided", QT_TRANSLATE_NOOP("register", "已作出决定")),
    ),
    steps=(
        Step(
            "decide",
            QT_TRANSLATE_NOOP("register", "作出决定"),
            ("received",),
            "decided",
            requires=("decided_on", "decision_no", "result"),
            check=not_before(
                "decided_on", "received_on", QT_TRANSLATE_NOOP("app", "决定日期不能早于受理日期。")
            ),
            effect=_moves_measure,
        ),
    ),
    open_states=("received",),
)


def _validate(s: Session, values: dict[str, Any], row_id: str | None) -> dict[str, Message]:
    measure = s.get(Disposition, values.get("disposition_id")) if values.get("disposition_id") else None
    kind, received = str(values.get("kind") or ""), values.get("received_on")
    if measure is None or not kind:
        return {}
    if AGAINST.get(kind) != measure.kind:
        return {
            "kind": Message(
                QT_TRANSLATE_NOOP(
                    "app", "申诉针对党纪处分，复审、复核针对政务处分；所选处理是「{measure}」。"
                ),
                {"measure": measure.measure},
            )
        }
    if not isinstance(received, date):
        return {}
    if received < measure.decided_on:
        return {"received_on": Message(QT_TRANSLATE_NOOP("app", "受理日期不能早于处分决定日期。"))}
    if kind == "review":
        start = measure.announced_on or measure.decided_on
        limit = add_months(start, 1)
        if received > limit:
            return {
                "received_on": Message(
                    QT_TRANSLATE_NOOP("app", "复审须在收到处分决定之日起一个月内提出（{date} 前）。"),
                    {"date": limit.isoformat()},
                )
            }
    if kind == "recheck":
        review = s.scalars(
            select(Appeal)
            .where(
                Appeal.disposition_id == measure.id,
                Appeal.kind == "review",
                Appeal.state == "decided",
                Appeal.deleted.is_(False),
            )
            .order_by(Appeal.decided_on.desc())
        ).first()
        if review is None or review.decided_on is None:
            return {"kind": Message(QT_TRANSLATE_NOOP("app", "复核须在复审作出决定之后提出。"))}
        limit = add_months(review.decided_on, 1)
        if received > limit:
            return {
                "received_on": Message(
                    QT_TRANSLATE_NOOP("app", "复核须在收到复审决定之日起一个月内提出（{date} 前）。"),
                    {"date": limit.isoformat()},
                )
            }
    return {}


APPEALS = Register(
    name="appeals",
    title=QT_TRANSLATE_NOOP("register", "申诉与复审复核"),
    area=AREA,
    model=Appeal,
    fields=(
        Field(
            "disposition_id",
            QT_TRANSLATE_NOOP("register", "原处理处分"),
            kind=REF,
            ref="dispositions",
            required=True,
            filterable=True,
        ),
        Field(
            "kind",
            QT_TRANSLATE_NOOP("register", "类别"),
            kind=CHOICE,
            choices=KIND_CHOICES,
            required=True,
            filterable=True,
        ),
        Field("received_on", QT_TRANSLATE_NOOP("register", "受理日期"), kind=DATE, required=True),
        Field(
            "grounds", QT_TRANSLATE_NOOP("register", "申请理由"), kind=LONGTEXT, sensitive=True, in_list=False
        ),
        Field("decided_on", QT_TRANSLATE_NOOP("register", "决定日期"), kind=DATE),
        Field("decision_no", QT_TRANSLATE_NOOP("register", "决定文号"), max_length=64, searchable=True),
        Field(
            "result",
            QT_TRANSLATE_NOOP("register", "决定结果"),
            kind=CHOICE,
            choices=RESULT_CHOICES,
            filterable=True,
        ),
        Field("new_measure", QT_TRANSLATE_NOOP("register", "变更后的处理"), max_length=16, in_list=False),
        Field("note", QT_TRANSLATE_NOOP("register", "备注"), kind=LONGTEXT, in_list=False),
        Field(
            "state",
            QT_TRANSLATE_NOOP("register", "状态"),
            kind=CHOICE,
            choices=APPEAL_LIFECYCLE.states,
            default=APPEAL_LIFECYCLE.initial,
            filterable=True,
            editable=False,
        ),
    ),
    display=lambda a: a.decision_no or a.id,
    default_sort="received_on",
    validate=_validate,
    lifecycle=APPEAL_LIFECYCLE,
)

REGISTERS = (APPEALS,)
