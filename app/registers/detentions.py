"""留置 (area "casework", the county's screens only): a measure only the county commission takes,
on a case it handles, approved by the commission above it; three months, extendable once by up to
three months (监察法 art. 43). A township or a group neither sees nor enters it: its rows stay at the
county (``Register.county_only``, ``Register.county_screen``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.casework import Case, Detention
from app.models.org import Unit
from app.registers.chain import extension_fields
from app.registers.fields import CHOICE, DATE, LONGTEXT, REF, Field, Register
from app.registers.lifecycle import Lifecycle, Step, extended_once, not_before

AREA = "casework"
EXTENSION_MAX = 90


DETENTION_LIFECYCLE = Lifecycle(
    states=(
        ("in_force", QT_TRANSLATE_NOOP("register", "留置中")),
        ("ended", QT_TRANSLATE_NOOP("register", "已解除")),
    ),
    steps=(
        Step(
            "extend",
            QT_TRANSLATE_NOOP("register", "延长留置"),
            ("in_force",),
            "",
            requires=("extension_days", "extension_reason"),
            approval=True,
            document=QT_TRANSLATE_NOOP("register", "延长留置决定书"),
            check=extended_once(QT_TRANSLATE_NOOP("register", "留置"), EXTENSION_MAX),
        ),
        Step(
            "end",
            QT_TRANSLATE_NOOP("register", "解除留置"),
            ("in_force",),
            "ended",
            requires=("ended_on", "end_reason"),
            document=QT_TRANSLATE_NOOP("register", "解除留置决定书"),
            check=not_before(
                "ended_on", "started_on", QT_TRANSLATE_NOOP("app", "解除日期不能早于留置开始日期。")
            ),
        ),
    ),
    open_states=("in_force",),
)


def _validate(s: Session, values: dict[str, Any], row_id: str | None) -> dict[str, Message]:
    case = s.get(Case, values.get("case_id")) if values.get("case_id") else None
    if case is None:
        return {}
    unit = s.get(Unit, case.handling_unit_id) if case.handling_unit_id else None
    if unit is not None and unit.unit_type not in ("county", "office"):
        return {
            "case_id": Message(
                QT_TRANSLATE_NOOP("app", "留置只用于县纪委监委办理的案件；乡镇、派驻组的案件须先提级办理。")
            )
        }
    if row_id is None and case.state not in ("filed", "investigating"):
        return {"case_id": Message(QT_TRANSLATE_NOOP("app", "只有已立案、审查调查中的案件才能采取留置。"))}
    started = values.get("started_on")
    if isinstance(started, date) and started < case.filed_on:
        return {"started_on": Message(QT_TRANSLATE_NOOP("app", "留置开始日期不能早于立案日期。"))}
    return {}


DETENTIONS = Register(
    name="detentions",
    title=QT_TRANSLATE_NOOP("register", "留置"),
    area=AREA,
    model=Detention,
    fields=(
        Field(
            "case_id",
            QT_TRANSLATE_NOOP("register", "案件"),
            kind=REF,
            ref="cases",
            required=True,
            filterable=True,
        ),
        Field(
            "approved_by",
            QT_TRANSLATE_NOOP("register", "批准机关"),
            required=True,
            max_length=64,
            searchable=True,
        ),
        Field(
            "approval_no",
            QT_TRANSLATE_NOOP("register", "留置决定书文号"),
            required=True,
            max_length=64,
            searchable=True,
        ),
        Field("started_on", QT_TRANSLATE_NOOP("register", "留置开始日期"), kind=DATE, required=True),
        Field("place", QT_TRANSLATE_NOOP("register", "留置场所"), max_length=100, in_list=False),
        *extension_fields(EXTENSION_MAX, in_list=True),
        Field("ended_on", QT_TRANSLATE_NOOP("register", "解除日期"), kind=DATE),
        Field("end_reason", QT_TRANSLATE_NOOP("register", "解除原因"), kind=LONGTEXT, in_list=False),
        Field(
            "state",
            QT_TRANSLATE_NOOP("register", "状态"),
            kind=CHOICE,
            choices=DETENTION_LIFECYCLE.states,
            default=DETENTION_LIFECYCLE.initial,
            filterable=True,
            editable=False,
        ),
    ),
    display=lambda d: d.approval_no or d.id,
    default_sort="started_on",
    validate=_validate,
    lifecycle=DETENTION_LIFECYCLE,
    county_only=True,
    county_screen=True,
)

REGISTERS = (DETENTIONS,)
