"""Education (area "education", 教育培训): integrity pledges (廉洁承诺) and warning education (警示教育).

The seed (section 三, 三是 and 五是): the county drew up the 《党员干部廉洁自律承诺书》 and the
《构筑廉政防线共建清廉家庭倡议书》 so that cadres and their families build the defence together;
and "要求全市各级党组织每年开展分层分岗到教育基地学习培训不少于1次". That rule is every party
organisation's, not only the commissions': the duty is owed by every unit (``owes="unit"``), and
only a visit to an education base pays it (a film or a lesson on cases is recorded, but is not the
yearly base visit the seed asks for).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.education import Pledge, WarningEducation
from app.models.org import Staff, Village
from app.models.people import Person
from app.registers.fields import CHOICE, DATE, INT, LONGTEXT, REF, YEAR, Duty, Field, Register
from app.registers.residency import with_own_unit

AREA = "education"

PLEDGE_KINDS = (
    ("integrity", QT_TRANSLATE_NOOP("register", "廉洁自律承诺书")),
    ("family", QT_TRANSLATE_NOOP("register", "清廉家庭倡议书")),
)
SIGNER_TYPES = (
    ("staff", QT_TRANSLATE_NOOP("register", "纪检监察干部")),
    ("village", QT_TRANSLATE_NOOP("register", "村（社区）干部")),
    ("cadre", QT_TRANSLATE_NOOP("register", "其他党员干部")),
)
RELATIONS = tuple(
    (v, v)
    for v in (
        QT_TRANSLATE_NOOP("register", "配偶"),
        QT_TRANSLATE_NOOP("register", "子女"),
        QT_TRANSLATE_NOOP("register", "父母"),
        QT_TRANSLATE_NOOP("register", "其他亲属"),
    )
)
EDUCATION_FORMS = (
    ("base", QT_TRANSLATE_NOOP("register", "参观警示教育基地")),
    ("film", QT_TRANSLATE_NOOP("register", "观看警示教育片")),
    ("lesson", QT_TRANSLATE_NOOP("register", "以案说纪警示教育课")),
    ("trial", QT_TRANSLATE_NOOP("register", "旁听庭审")),
    ("other", QT_TRANSLATE_NOOP("register", "其他形式")),
)
BASE_VISIT = "base"


def _not_future(values: dict[str, Any], name: str, message: str) -> dict[str, Message]:
    on = values.get(name)
    if isinstance(on, date) and on > date.today():
        return {name: Message(message)}
    return {}


# ---- pledges -----------------------------------------------------------------------------------
def _pledge_complete(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Any]:
    values = with_own_unit(s, values)
    staff = s.get(Staff, values["staff_id"]) if values.get("staff_id") else None
    person = s.get(Person, values["person_id"]) if values.get("person_id") else None
    source = staff if staff is not None else person
    if source is not None and not values.get("signer_name"):
        values["signer_name"] = source.name
    if person is not None and not values.get("signer_post"):
        values["signer_post"] = person.post
    return values


def _pledge_validate(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Message]:
    errors = _not_future(values, "signed_on", QT_TRANSLATE_NOOP("app", "签订日期不能晚于今天。"))
    kind, signer = values.get("kind"), values.get("signer_type")
    unit_id = values.get("unit_id")
    if signer == "staff":
        staff = s.get(Staff, values["staff_id"]) if values.get("staff_id") else None
        if staff is None:
            errors["staff_id"] = Message(QT_TRANSLATE_NOOP("app", "纪检监察干部签订的承诺，请选择签订人。"))
        elif unit_id and staff.unit_id != unit_id:
            errors["staff_id"] = Message(
                QT_TRANSLATE_NOOP("app", "「{staff}」不是本单位的工作人员。"), {"staff": staff.name}
            )
    elif values.get("staff_id"):
        errors["staff_id"] = Message(QT_TRANSLATE_NOOP("app", "只有纪检监察干部才选择工作人员，请清空此项。"))
    if signer == "village":
        village = s.get(Village, values["village_id"]) if values.get("village_id") else None
        if village is None:
            errors["village_id"] = Message(
                QT_TRANSLATE_NOOP("app", "村（社区）干部签订的承诺，请选择所在村（社区）。")
            )
        elif unit_id and village.township_id != unit_id:
            errors["village_id"] = Message(QT_TRANSLATE_NOOP("app", "只能选择本乡镇的村（社区）。"))
    if not values.get("signer_name"):
        errors.setdefault(
            "signer_name", Message(QT_TRANSLATE_NOOP("app", "请填写签订人姓名，或选择工作人员、人员库记录。"))
        )
    if kind == "family" and not values.get("family_member"):
        errors["family_member"] = Message(
            QT_TRANSLATE_NOOP("app", "清廉家庭倡议书须由家庭成员共同签订，请填写签订的家庭成员。")
        )
    if kind != "family" and (values.get("family_member") or values.get("family_relation")):
        errors["family_member"] = Message(
            QT_TRANSLATE_NOOP(
                "app", "廉洁自律承诺书由本人签订，不填家庭成员；家庭共签请选「清廉家庭倡议书」。"
            )
        )
    return errors


PLEDGES = Register(
    name="pledges",
    title=QT_TRANSLATE_NOOP("register", "廉洁承诺"),
    area=AREA,
    model=Pledge,
    fields=(
        Field(
            "kind",
            QT_TRANSLATE_NOOP("register", "承诺类别"),
            kind=CHOICE,
            choices=PLEDGE_KINDS,
            required=True,
            default="integrity",
            filterable=True,
        ),
        Field(
            "unit_id",
            QT_TRANSLATE_NOOP("register", "单位"),
            kind=REF,
            ref="units",
            filterable=True,
        ),
        Field("signed_on", QT_TRANSLATE_NOOP("register", "签订日期"), kind=DATE, required=True),
        Field(
            "signer_type",
            QT_TRANSLATE_NOOP("register", "签订人类别"),
            kind=CHOICE,
            choices=SIGNER_TYPES,
            required=True,
            default="staff",
            filterable=True,
        ),
        Field("staff_id", QT_TRANSLATE_NOOP("register", "工作人员"), kind=REF, ref="staff", in_list=False),
        Field(
            "village_id",
            QT_TRANSLATE_NOOP("register", "村（社区）"),
            kind=REF,
            ref="villages",
            filterable=True,
        ),
        Field(
            "person_id", QT_TRANSLATE_NOOP("register", "人员库记录"), kind=REF, ref="people", in_list=False
        ),
        Field("signer_name", QT_TRANSLATE_NOOP("register", "签订人"), max_length=64, searchable=True),
        Field("signer_post", QT_TRANSLATE_NOOP("register", "职务"), max_length=64, searchable=True),
        Field(
            "family_member",
            QT_TRANSLATE_NOOP("register", "共同签订的家庭成员"),
            max_length=64,
            searchable=True,
        ),
        Field(
            "family_relation",
            QT_TRANSLATE_NOOP("register", "与签订人关系"),
            kind=CHOICE,
            choices=RELATIONS,
            in_list=False,
        ),
        Field("note", QT_TRANSLATE_NOOP("register", "备注"), kind=LONGTEXT, in_list=False),
    ),
    display=lambda p: f"{p.signer_name} {p.signed_on:%Y-%m-%d}".strip(),
    default_sort="signed_on",
    validate=_pledge_validate,
    complete=_pledge_complete,
)


# ---- warning education -------------------------------------------------------------------------
def _education_validate(_s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Message]:
    errors = _not_future(values, "held_on", QT_TRANSLATE_NOOP("app", "开展日期不能晚于今天。"))
    if values.get("form") == BASE_VISIT and not values.get("place"):
        errors["place"] = Message(QT_TRANSLATE_NOOP("app", "参观警示教育基地须写明基地名称（地点）。"))
    if not values.get("unit_id"):
        errors["unit_id"] = Message(QT_TRANSLATE_NOOP("app", "请选择组织开展的单位。"))
    return errors


def base_visits_paid(s: Session, first: date, last: date) -> Mapping[str, Sequence[str]]:
    """Who paid 警示教育 between ``first`` and ``last``: each unit that held a visit to an
    education base then, with those activities."""
    out: dict[str, list[str]] = {}
    for unit_id, row_id in s.execute(
        select(WarningEducation.unit_id, WarningEducation.id)
        .where(
            WarningEducation.deleted.is_(False),
            WarningEducation.form == BASE_VISIT,
            WarningEducation.held_on >= first,
            WarningEducation.held_on <= last,
        )
        .order_by(WarningEducation.held_on, WarningEducation.id)
    ):
        out.setdefault(unit_id, []).append(row_id)
    return out


WARNING_DUTY = Duty(
    key="warning_education",
    title=QT_TRANSLATE_NOOP("register", "到警示教育基地学习每年不少于1次"),
    period=YEAR,
    owes="unit",
    paid=base_visits_paid,
)

WARNING_EDUCATIONS = Register(
    name="warning_educations",
    title=QT_TRANSLATE_NOOP("register", "警示教育"),
    area=AREA,
    model=WarningEducation,
    fields=(
        Field("held_on", QT_TRANSLATE_NOOP("register", "开展日期"), kind=DATE, required=True),
        Field(
            "unit_id",
            QT_TRANSLATE_NOOP("register", "组织单位"),
            kind=REF,
            ref="units",
            filterable=True,
        ),
        Field(
            "form",
            QT_TRANSLATE_NOOP("register", "教育形式"),
            kind=CHOICE,
            choices=EDUCATION_FORMS,
            required=True,
            default=BASE_VISIT,
            filterable=True,
        ),
        Field("place", QT_TRANSLATE_NOOP("register", "地点（教育基地）"), max_length=100, searchable=True),
        Field("topic", QT_TRANSLATE_NOOP("register", "主题"), max_length=100, searchable=True),
        Field(
            "participants",
            QT_TRANSLATE_NOOP("register", "参加人数"),
            kind=INT,
            required=True,
            minimum=1,
            maximum=100000,
        ),
        Field(
            "party_orgs",
            QT_TRANSLATE_NOOP("register", "参加的党组织"),
            kind=LONGTEXT,
            searchable=True,
        ),
        Field("summary", QT_TRANSLATE_NOOP("register", "活动情况"), kind=LONGTEXT, in_list=False),
    ),
    display=lambda e: f"{e.held_on:%Y-%m-%d} {e.topic or e.place}".strip(),
    default_sort="held_on",
    validate=_education_validate,
    complete=lambda s, values, _row_id: with_own_unit(s, values),
    duties=(WARNING_DUTY,),
)

REGISTERS = (PLEDGES, WARNING_EDUCATIONS)
