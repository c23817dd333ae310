"""审理: the county case-trial office's register of the cases of the county and its offices it
tries (area "casework", county only). A township's or a group's case is co-reviewed instead
(协审, ``app.registers.cases.CO_REVIEWS``). Trial takes one month, extendable once by one month
for a major or complex case (DOMAIN.md); the case cannot be concluded before the trial reports."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.casework import Case, Trial
from app.models.org import Unit
from app.registers.cases import CASE_LIFECYCLE
from app.registers.casework_choices import CO_REVIEW_RESULT_CHOICES
from app.registers.chain import extension_fields
from app.registers.fields import CHOICE, DATE, LONGTEXT, REF, Field, Register
from app.registers.lifecycle import Lifecycle, Step, extended_once, not_before

AREA = "casework"
EXTENSION_MAX = 30


TRIAL_LIFECYCLE = Lifecycle(
    states=(
        ("received", QT_TRANSLATE_NOOP("register", "审理中")),
        ("reported", QT_TRANSLATE_NOOP("register", "已提出审理意见")),
    ),
    steps=(
        Step(
            "extend",
            QT_TRANSLATE_NOOP("register", "延期"),
            ("received",),
            "",
            requires=("extension_days", "extension_reason"),
            approval=True,
            check=extended_once(QT_TRANSLATE_NOOP("register", "审理"), EXTENSION_MAX),
        ),
        Step(
            "report",
            QT_TRANSLATE_NOOP("register", "提出审理意见"),
            ("received",),
            "reported",
            requires=("report_no", "reported_on", "opinion", "result"),
            check=not_before(
                "reported_on", "received_on", QT_TRANSLATE_NOOP("app", "审理报告日期不能早于受理日期。")
            ),
        ),
    ),
    open_states=("received",),
)


def _validate(s: Session, values: dict[str, Any], row_id: str | None) -> dict[str, Message]:
    case = s.get(Case, values.get("case_id")) if values.get("case_id") else None
    if case is None:
        return {}
    unit = s.get(Unit, case.handling_unit_id) if case.handling_unit_id else None
    if unit is not None and unit.unit_type not in ("county", "office"):
        return {
            "case_id": Message(
                QT_TRANSLATE_NOOP("app", "乡镇和派驻组的案件由县纪委监委协审，请登记「协审」。")
            )
        }
    if row_id is None and case.state != "review":
        return {
            "case_id": Message(
                QT_TRANSLATE_NOOP("app", "案件 {number} 处于「{state}」状态，尚未移送审理。"),
                {"number": case.number, "state": CASE_LIFECYCLE.state_label(case.state)},
            )
        }
    received = values.get("received_on")
    if isinstance(received, date) and case.review_on is not None and received < case.review_on:
        return {"received_on": Message(QT_TRANSLATE_NOOP("app", "受理日期不能早于移送审理日期。"))}
    return {}


TRIALS = Register(
    name="trials",
    title=QT_TRANSLATE_NOOP("register", "审理"),
    area=AREA,
    model=Trial,
    fields=(
        Field(
            "case_id",
            QT_TRANSLATE_NOOP("register", "案件"),
            kind=REF,
            ref="cases",
            required=True,
            filterable=True,
        ),
        Field("received_on", QT_TRANSLATE_NOOP("register", "受理日期"), kind=DATE, required=True),
        Field("judge", QT_TRANSLATE_NOOP("register", "承办人（审理室）"), max_length=64, searchable=True),
        *extension_fields(EXTENSION_MAX),
        Field("report_no", QT_TRANSLATE_NOOP("register", "审理报告文号"), max_length=64, searchable=True),
        Field("reported_on", QT_TRANSLATE_NOOP("register", "审理报告日期"), kind=DATE),
        Field(
            "opinion",
            QT_TRANSLATE_NOOP("register", "审理意见"),
            kind=LONGTEXT,
            sensitive=True,
            in_list=False,
        ),
        Field(
            "result",
            QT_TRANSLATE_NOOP("register", "审理结果"),
            kind=CHOICE,
            choices=CO_REVIEW_RESULT_CHOICES,
            filterable=True,
        ),
        Field(
            "state",
            QT_TRANSLATE_NOOP("register", "状态"),
            kind=CHOICE,
            choices=TRIAL_LIFECYCLE.states,
            default=TRIAL_LIFECYCLE.initial,
            filterable=True,
            editable=False,
        ),
    ),
    display=lambda t: t.report_no or t.id,
    default_sort="received_on",
    validate=_validate,
    lifecycle=TRIAL_LIFECYCLE,
    county_only=True,
    county_screen=True,
)

REGISTERS = (TRIALS,)
