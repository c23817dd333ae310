"""The person register (人员库, area "casework"): one record per person that clues, cases and
measures refer to; possible duplicates are shown, never merged by the program."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.people import Person
from app.registers.casework_choices import AUTHORITY_CHOICES, OBJECT_CATEGORY_CHOICES, RANK_CHOICES
from app.registers.fields import BOOL, CHOICE, LONGTEXT, Computed, Field, Register
from app.security.secrecy import secrecy_fields

AREA = "sanctions"

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_number_problem(text: str) -> Message | None:
    """Why ``text`` is not a resident ID number (GB 11643: 17 digits, a check character, a birth
    date), or None."""
    if not re.fullmatch(r"\d{17}[\dX]", text):
        return Message(QT_TRANSLATE_NOOP("app", "身份证号码应为18位：17位数字，最后一位为数字或X。"))
    try:
        date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        return Message(QT_TRANSLATE_NOOP("app", "身份证号码中的出生日期（第7～14位）不是有效日期。"))
    total = sum(int(d) * w for d, w in zip(text[:17], _ID_WEIGHTS, strict=True))
    if _ID_CHECK[total % 11] != text[17]:
        return Message(QT_TRANSLATE_NOOP("app", "身份证号码的校验位不对，请核对后重新填写。"))
    return None


def normal_id_number(text: Any) -> str:
    return str(text or "").strip().upper().replace(" ", "")


def _validate(_s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Message]:
    errors: dict[str, Message] = {}
    number = values.get("id_number")
    if isinstance(number, str) and number:
        problem = id_number_problem(normal_id_number(number))
        if problem is not None:
            errors["id_number"] = problem
    if values.get("object_category") == "5" and values.get("authority") == "县管干部":
        errors["authority"] = Message(
            QT_TRANSLATE_NOOP("app", "基层群众性自治组织中从事管理的人员不是县管干部，请核对管理权限。")
        )
    return errors


def _complete(_s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Any]:
    if isinstance(values.get("id_number"), str):
        values["id_number"] = normal_id_number(values["id_number"])
    return values


def likely_same(other: Any, name: Any, unit: Any, id_key: Any) -> ColumnElement[bool]:
    """``other`` may be the same person as one with this name, unit and ID-number hash (columns of
    another row, or values): the same name and unit, or the same ID number."""
    return or_(
        and_(other.name == name, other.unit == unit),
        and_(literal(id_key) != "" if isinstance(id_key, str) else id_key != "", other.id_key == id_key),
    )


def possible_duplicates() -> ColumnElement[Any]:
    """How many other live people share this one's name and unit, or its ID number (by its keyed
    hash); NULL for none."""
    other = aliased(Person)
    same = likely_same(other, Person.name, Person.unit, Person.id_key)
    n = (
        select(func.count())
        .select_from(other)
        .where(other.id != Person.id, other.deleted.is_(False), same)
        .correlate(Person)
        .scalar_subquery()
    )
    return func.nullif(n, 0)


def display(p: Person) -> str:
    where = "，".join(x for x in (p.unit, p.post) if x)
    return f"{p.name}（{where}）" if where else p.name


PEOPLE = Register(
    name="people",
    title=QT_TRANSLATE_NOOP("register", "人员库"),
    area=AREA,
    model=Person,
    fields=(
        Field("name", QT_TRANSLATE_NOOP("register", "姓名"), required=True, max_length=64, searchable=True),
        Field(
            "id_number",
            QT_TRANSLATE_NOOP("register", "身份证号码"),
            sensitive=True,
            in_list=False,
            max_length=18,
            keyed="id_key",
        ),
        Field("unit", QT_TRANSLATE_NOOP("register", "工作单位"), max_length=100, searchable=True),
        Field("post", QT_TRANSLATE_NOOP("register", "职务"), max_length=64, searchable=True),
        Field("village", QT_TRANSLATE_NOOP("register", "所在村（社区）"), max_length=64, in_list=False),
        Field(
            "rank",
            QT_TRANSLATE_NOOP("register", "职级"),
            kind=CHOICE,
            choices=RANK_CHOICES,
            filterable=True,
            in_list=False,
        ),
        Field(
            "authority",
            QT_TRANSLATE_NOOP("register", "管理权限"),
            kind=CHOICE,
            choices=AUTHORITY_CHOICES,
            filterable=True,
        ),
        Field(
            "party_member",
            QT_TRANSLATE_NOOP("register", "中共党员"),
            kind=BOOL,
            default=False,
            filterable=True,
        ),
        Field(
            "object_category",
            QT_TRANSLATE_NOOP("register", "监察对象类别"),
            kind=CHOICE,
            choices=OBJECT_CATEGORY_CHOICES,
            filterable=True,
        ),
        Field("note", QT_TRANSLATE_NOOP("register", "备注"), kind=LONGTEXT, in_list=False),
        *secrecy_fields(secrecy_in_list=False),
    ),
    display=display,
    default_sort="name",
    computed=(Computed("duplicates", QT_TRANSLATE_NOOP("register", "疑似重复"), possible_duplicates),),
    validate=_validate,
    complete=_complete,
)

REGISTERS = (PEOPLE,)
