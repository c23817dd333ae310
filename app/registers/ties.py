"""回避: staff declare their ties; assigning a handler checks the person reported on against them.

``tie_warnings`` names every reason a handler should step aside: a declared tie to that person
(the person record where the tie and the matter both have one, else the name), the handler's own
unit being the subject's unit, the handler's home village being the subject's village. The
registers that assign handlers ask it through ``Register.warn``; the 回避 step
(``app.registers.recusals``) refuses a new handler it names and records the ground it finds.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.casework import StaffTie
from app.models.org import Staff, Unit
from app.models.people import Person
from app.registers.casework_choices import RELATION_CHOICES
from app.registers.fields import CHOICE, DATE, LONGTEXT, REF, Field, Register

AREA = "casework"


def _same(a: str | None, b: str | None) -> bool:
    return bool(a and b and a.strip() and a.strip() == b.strip())


def declared_ties(s: Session, staff_id: str, subject: dict[str, Any]) -> list[StaffTie]:
    """The ties ``staff_id`` declared that apply to ``subject``: by the person record when the tie
    and the matter both name one (the unit a record gives is then beside the point), by name
    otherwise, where a unit both give must be the same (the same name elsewhere is someone else)."""
    name = str(subject.get("subject_name") or "").strip()
    person = subject.get("person_id") or None
    unit = str(subject.get("subject_unit") or "")
    wanted = []
    if name:
        wanted.append(StaffTie.person_name == name)
    if person:
        wanted.append(StaffTie.person_id == person)
    if not wanted:
        return []
    out = []
    for tie in s.scalars(
        select(StaffTie)
        .where(StaffTie.staff_id == staff_id, StaffTie.deleted.is_(False), or_(*wanted))
        .order_by(StaffTie.created_at, StaffTie.id)
    ):
        if tie.person_id and person:
            if tie.person_id == person:
                out.append(tie)
            continue  # two person records: another person of the same name
        if not _same(tie.person_name, name):
            continue
        if tie.person_unit and unit and not _same(tie.person_unit, unit):
            continue  # the same name in another unit is another person
        out.append(tie)
    return out


def _same_unit(s: Session, staff: Staff, subject: dict[str, Any]) -> Unit | None:
    unit = s.get(Unit, staff.unit_id)
    return unit if unit is not None and _same(unit.name, subject.get("subject_unit")) else None


def tie_ground(s: Session, staff_id: str, subject: dict[str, Any]) -> str:
    """Why ``staff_id`` steps aside from a matter about ``subject``, as a 回避 ground
    (``GROUND_CHOICES``): the relation of the first declared tie that applies, else ``unit`` (the
    same unit), else ``village`` (the home village), else ``applied`` (本人申请: no recorded
    ground, the handler asked)."""
    ties = declared_ties(s, staff_id, subject)
    if ties:
        return ties[0].relation
    staff = s.get(Staff, staff_id)
    if staff is not None and _same_unit(s, staff, subject) is not None:
        return "unit"
    if staff is not None and _same(staff.home_village, subject.get("subject_village")):
        return "village"
    return "applied"


def tie_warnings(s: Session, staff_ids: Iterable[str | None], subject: dict[str, Any]) -> list[Message]:
    """Reasons the staff in ``staff_ids`` should not handle a matter about ``subject``
    (``person_id``, ``subject_name``, ``subject_unit``, ``subject_village``)."""
    name = str(subject.get("subject_name") or "").strip()
    out: list[Message] = []
    relation = dict(RELATION_CHOICES)
    for sid in dict.fromkeys(i for i in staff_ids if i):
        staff = s.get(Staff, sid)
        if staff is None:
            continue
        for tie in declared_ties(s, sid, subject):
            out.append(
                Message(
                    QT_TRANSLATE_NOOP("app", "「{staff}」申报过与「{person}」的回避关系：{relation}。"),
                    {
                        "staff": staff.name,
                        "person": name or tie.person_name,
                        "relation": relation.get(tie.relation, tie.relation),
                    },
                )
            )
        unit = _same_unit(s, staff, subject)
        if unit is not None:
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


def _tie_complete(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Any]:
    """A tie to a person of the person register takes the person's name and unit where it gives
    none (a tie by name alone makes no person: the register is of people matters are about)."""
    person = s.get(Person, values["person_id"]) if values.get("person_id") else None
    if person is not None:
        if not values.get("person_name"):
            values["person_name"] = person.name
        if not values.get("person_unit"):
            values["person_unit"] = person.unit
    return values


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
            "person_id",
            QT_TRANSLATE_NOOP("register", "人员库记录"),
            kind=REF,
            ref="people",
            in_list=False,
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
    complete=_tie_complete,
)
