"""Circulars (通报, area "reporting"): what a commission circulates — typical cases (典型问题通报),
its work (工作通报) and the clearing of a wrongly reported cadre (澄清正名通报).

The seed (section 三, 五是): "加大案件通报警示力度，每季度下发通报至少1期"; and clearing names "通过
《通报》等澄清正名的方式". The duty is owed by each township commission and dispatched group, every
quarter (``owes="commission"``). The circular's printed document belongs to the documents work.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.education import Circular
from app.registers.fields import CHOICE, DATE, LONGTEXT, QUARTER, REF, Duty, Field, Register
from app.registers.residency import with_own_unit

AREA = "reporting"
CIRCULAR_KINDS = (
    ("typical", QT_TRANSLATE_NOOP("register", "典型问题通报")),
    ("work", QT_TRANSLATE_NOOP("register", "工作通报")),
    ("clearing", QT_TRANSLATE_NOOP("register", "澄清正名通报")),
)


def _complete(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Any]:
    return with_own_unit(s, values)


def _validate(_s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Message]:
    errors: dict[str, Message] = {}
    issued = values.get("issued_on")
    if isinstance(issued, date) and issued > date.today():
        errors["issued_on"] = Message(QT_TRANSLATE_NOOP("app", "印发日期不能晚于今天。"))
    if not values.get("unit_id"):
        errors["unit_id"] = Message(QT_TRANSLATE_NOOP("app", "请选择印发通报的单位。"))
    if values.get("kind") == "typical" and not (
        values.get("case_id") or values.get("person_id") or values.get("named")
    ):
        errors["named"] = Message(
            QT_TRANSLATE_NOOP("app", "典型问题通报须写明通报的人员或案件（或选择所涉案件、人员）。")
        )
    return errors


def circulars_paid(s: Session, first: date, last: date) -> Mapping[str, Sequence[str]]:
    """Who paid 通报 between ``first`` and ``last``: each issuing unit, with its circulars."""
    out: dict[str, list[str]] = {}
    for unit_id, row_id in s.execute(
        select(Circular.unit_id, Circular.id)
        .where(Circular.deleted.is_(False), Circular.issued_on >= first, Circular.issued_on <= last)
        .order_by(Circular.issued_on, Circular.id)
    ):
        out.setdefault(unit_id, []).append(row_id)
    return out


CIRCULAR_DUTY = Duty(
    key="circulars",
    title=QT_TRANSLATE_NOOP("register", "每季度下发通报至少1期"),
    period=QUARTER,
    owes="commission",
    paid=circulars_paid,
)

CIRCULARS = Register(
    name="circulars",
    title=QT_TRANSLATE_NOOP("register", "通报"),
    area=AREA,
    model=Circular,
    fields=(
        Field("number", QT_TRANSLATE_NOOP("register", "文号"), required=True, max_length=64, searchable=True),
        Field("issued_on", QT_TRANSLATE_NOOP("register", "印发日期"), kind=DATE, required=True),
        Field("title", QT_TRANSLATE_NOOP("register", "标题"), required=True, max_length=200, searchable=True),
        Field(
            "kind",
            QT_TRANSLATE_NOOP("register", "通报类别"),
            kind=CHOICE,
            choices=CIRCULAR_KINDS,
            required=True,
            default="typical",
            filterable=True,
        ),
        Field(
            "unit_id",
            QT_TRANSLATE_NOOP("register", "印发单位"),
            kind=REF,
            ref="units",
            filterable=True,
        ),
        Field("case_id", QT_TRANSLATE_NOOP("register", "所涉案件"), kind=REF, ref="cases", in_list=False),
        Field("person_id", QT_TRANSLATE_NOOP("register", "所涉人员"), kind=REF, ref="people", in_list=False),
        Field("named", QT_TRANSLATE_NOOP("register", "通报的人员和问题"), kind=LONGTEXT, searchable=True),
        Field("recipients", QT_TRANSLATE_NOOP("register", "主送（抄送）单位"), kind=LONGTEXT, in_list=False),
        Field(
            "body", QT_TRANSLATE_NOOP("register", "通报正文"), kind=LONGTEXT, in_list=False, searchable=True
        ),
    ),
    display=lambda c: c.number or c.title,
    default_sort="issued_on",
    unique=(("unit_id", "number"),),
    validate=_validate,
    complete=_complete,
    duties=(CIRCULAR_DUTY,),
)

REGISTERS = (CIRCULARS,)
