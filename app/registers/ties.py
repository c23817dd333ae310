"""回避: staff declare their ties; assigning a handler checks the person reported on against them.

``tie_warnings`` names every reason a handler should step aside: a declared tie to a person of
that name, the handler's own unit being the subject's unit, the handler's home village being the
subject's village. The registers that assign handlers ask it through ``Register.warn``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.casework import StaffTie
from app.models.org import Staff, Unit
from app.registers.casework_choices import RELATION_CHOICES
from app.registers.fields import CHOICE, DATE, LONGTEXT, REF, Field, Register

AREA = "casework"


def _same(a: str | None, b: str | None) -> bool:
    return bool(a and b and a.strip() and a.strip() == b.strip())


def tie_warnings(s: Session, staff_ids: Iterable[str | None], subject: dict[str, Any]) -> list[Message]:
    """Reasons the staff in ``staff_ids`` should not handle a matter about ``subject``
    (``subject_name``, ``subject_unit``, ``subject_village``)."""
    name = str(subject.get("subject_name") or "").strip()
    out: list[Message] = []
    relation = dict(RELATION_CHOICES)
    for sid in dict.fromkeys(i for i in staff_ids if i):
        staff = s.get(Staff, sid)
        if staff is None:
            continue
        if name:
            ties = s.scalars(
                select(StaffTie).where(
                    StaffTie.staff_id == sid, StaffTie.person_name == name, StaffTie.deleted.is_(False)
                )
            )
            for tie in ties:
                if (
                    tie.person_unit
                    and subject.get("subject_unit")
                    and not _same(tie.person_unit, subject.get("subject_unit"))
                ):
                    continue  # the same name in another unit is another person
                out.append(
                    Message(
                        QT_TRANSLATE_NOOP("app", "「{staff}」申报过与「{person}」的回避关系：{relation}。"),
                        {
                            "staff": staff.name,
                            "person": name,
                            "relation": relation.get(tie.relation, tie.relation),
                        },
                    )
                )
        unit = s.get(Unit, staff.unit_id)
        if unit is not None and _same(unit.name, subject.get("subject_unit")):
            out.append(
                Message(
                    QT_TRANSLATE_NOOP("app", "「{staff}」与被反映人同在「{unit}」。"),
                    {"staff": staff.name, "unit": unit.name},
                )
            )
        if _same(staff.home_village, subject.get("subject_village")):
            out.append(
                Message(
                    QT_TRANSLATE_NOOP("app", "「{staff}」的籍贯村与被反映人所在村相同（{village}）。"),
                    {"staff": staff.name, "village": staff.home_village},
                )
            )
    return out


STAFF_TIES = Register(
    name="staff_ties",
    title=QT_TRANSLATE_NOOP("register", "回避关系申报"),
    area=AREA,
    model=StaffTie,
    fields=(
        Field(
            "staff_id",
            QT_TRANSLATE_NOOP("register", "申报人"),
            kind=REF,
            ref="staff",
            required=True,
            filterable=True,
        ),
        Field(
            "person_name",
            QT_TRANSLATE_NOOP("register", "关系人姓名"),
            required=True,
            max_length=64,
            searchable=True,
        ),
        Field("person_unit", QT_TRANSLATE_NOOP("register", "关系人单位"), max_length=100, searchable=True),
        Field(
            "relation",
            QT_TRANSLATE_NOOP("register", "关系"),
            kind=CHOICE,
            choices=RELATION_CHOICES,
            required=True,
            filterable=True,
        ),
        Field("declared_on", QT_TRANSLATE_NOOP("register", "申报日期"), kind=DATE),
        Field("note", QT_TRANSLATE_NOOP("register", "说明"), kind=LONGTEXT, in_list=False, searchable=True),
    ),
    display=lambda t: t.person_name,
    default_sort="person_name",
    unique=(("staff_id", "person_name", "person_unit"),),
)
