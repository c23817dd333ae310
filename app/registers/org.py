"""Declarations of the organisation registers (area "org")."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from app.db.local import Installation
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.org import Liaison, Staff, SupervisedUnit, TownshipYearStats, Unit, Village, Zone, unit_row_id
from app.registers.fields import BOOL, CHOICE, DATE, INT, LONGTEXT, REF, Computed, Field, Register
from app.security import roles

AREA = "org"

UNIT_TYPE_CHOICES = (
    ("county", QT_TRANSLATE_NOOP("register", "县纪委监委")),
    ("office", QT_TRANSLATE_NOOP("register", "委机关室")),
    ("township", QT_TRANSLATE_NOOP("register", "乡镇纪委")),
    ("group", QT_TRANSLATE_NOOP("register", "派驻纪检监察组")),
)
POST_CHOICES = (
    ("secretary", QT_TRANSLATE_NOOP("register", "书记")),
    ("deputy_secretary", QT_TRANSLATE_NOOP("register", "副书记")),
    ("member", QT_TRANSLATE_NOOP("register", "委员")),
    ("inspector", QT_TRANSLATE_NOOP("register", "监察员")),
    ("group_leader", QT_TRANSLATE_NOOP("register", "组长")),
    ("deputy_leader", QT_TRANSLATE_NOOP("register", "副组长")),
    ("group_member", QT_TRANSLATE_NOOP("register", "组员")),
    ("director", QT_TRANSLATE_NOOP("register", "主任")),
    ("staff", QT_TRANSLATE_NOOP("register", "工作人员")),
)
# Which posts a unit of each type has.
POSTS_BY_UNIT_TYPE = {
    "township": ("secretary", "deputy_secretary", "member", "inspector"),
    "group": ("group_leader", "deputy_leader", "group_member"),
    "office": ("director", "staff"),
    "county": ("secretary", "deputy_secretary", "member", "director", "staff"),
}
GENDER_CHOICES = (("男", QT_TRANSLATE_NOOP("register", "男")), ("女", QT_TRANSLATE_NOOP("register", "女")))
VILLAGE_POST_CHOICES = (
    ("村党组织副书记", QT_TRANSLATE_NOOP("register", "村党组织副书记")),
    ("村党组织委员", QT_TRANSLATE_NOOP("register", "村党组织委员")),
    ("村务监督委员会主任", QT_TRANSLATE_NOOP("register", "村务监督委员会主任")),
    ("其他", QT_TRANSLATE_NOOP("register", "其他")),
)
CODE_PATTERN = r"[A-Za-z0-9_-]{1,32}"
CODE_HINT = QT_TRANSLATE_NOOP("app", "只能用字母、数字、下划线和连字符，最多 32 位")
PHONE_PATTERN = r"[0-9+\- ]{5,20}"
PHONE_HINT = QT_TRANSLATE_NOOP("app", "只能用数字、空格、+ 和 -，5 到 20 位")


def active_staff_count() -> Any:
    return (
        select(func.count(Staff.id))
        .where(and_(Staff.unit_id == Unit.id, Staff.deleted.is_(False), Staff.left_on.is_(None)))
        .correlate(Unit)
        .scalar_subquery()
    )


def vacancies() -> Any:
    staffed = active_staff_count()
    # No posts entered: no vacancy figure either (NULL, shown empty).
    return case(
        (Unit.authorised_posts.is_(None), None),
        (Unit.authorised_posts > staffed, Unit.authorised_posts - staffed),
        else_=0,
    )


def zone_member_count() -> Any:
    return (
        select(func.count(Unit.id))
        .where(and_(Unit.zone_id == Zone.id, Unit.deleted.is_(False)))
        .correlate(Zone)
        .scalar_subquery()
    )


ZONES = Register(
    name="zones",
    title=QT_TRANSLATE_NOOP("register", "片区协作区"),
    area=AREA,
    model=Zone,
    fields=(
        Field(
            "name", QT_TRANSLATE_NOOP("register", "片区名称"), required=True, max_length=64, searchable=True
        ),
        Field("leader", QT_TRANSLATE_NOOP("register", "统筹常委（委员）"), max_length=64, searchable=True),
        Field("note", QT_TRANSLATE_NOOP("register", "备注"), kind=LONGTEXT, in_list=False, searchable=True),
    ),
    display=lambda z: z.name,
    default_sort="name",
    computed=(Computed("members", QT_TRANSLATE_NOOP("register", "成员单位数"), zone_member_count),),
    unique=(("name",),),
    county_only=True,
)


def _unit_id(session: Session, values: dict[str, Any]) -> str:
    county = session.scalars(select(Installation.county_code)).first() or ""
    return unit_row_id(county, str(values["code"]))


UNITS = Register(
    name="units",
    title=QT_TRANSLATE_NOOP("register", "单位"),
    area=AREA,
    model=Unit,
    fields=(
        Field(
            "code",
            QT_TRANSLATE_NOOP("register", "单位代码"),
            required=True,
            max_length=32,
            pattern=CODE_PATTERN,
            pattern_hint=CODE_HINT,
            searchable=True,
        ),
        Field(
            "name", QT_TRANSLATE_NOOP("register", "单位名称"), required=True, max_length=100, searchable=True
        ),
        Field(
            "unit_type",
            QT_TRANSLATE_NOOP("register", "单位类型"),
            kind=CHOICE,
            required=True,
            choices=UNIT_TYPE_CHOICES,
            filterable=True,
        ),
        Field(
            "authorised_posts",
            QT_TRANSLATE_NOOP("register", "核定编制"),
            kind=INT,
            minimum=0,
            maximum=99,  # no default: left empty (未填) until someone enters the posts
        ),
        Field("zone_id", QT_TRANSLATE_NOOP("register", "所属片区"), kind=REF, ref="zones", filterable=True),
        Field("note", QT_TRANSLATE_NOOP("register", "备注"), kind=LONGTEXT, in_list=False, searchable=True),
    ),
    display=lambda u: u.name,
    default_sort="code",
    computed=(
        Computed("staffed", QT_TRANSLATE_NOOP("register", "实际配备"), active_staff_count),
        Computed("vacancies", QT_TRANSLATE_NOOP("register", "空缺"), vacancies),
    ),
    unique=(("code",),),
    make_id=_unit_id,
    permission=roles.UNITS,
    county_only=True,
)

LIAISONS = Register(
    name="liaisons",
    title=QT_TRANSLATE_NOOP("register", "点对点联系"),
    area=AREA,
    model=Liaison,
    fields=(
        Field(
            "office_id",
            QT_TRANSLATE_NOOP("register", "联系科室"),
            kind=REF,
            ref="units",
            required=True,
            ref_filter={"unit_type": ("office",)},
            filterable=True,
        ),
        Field(
            "unit_id",
            QT_TRANSLATE_NOOP("register", "联系单位"),
            kind=REF,
            ref="units",
            required=True,
            ref_filter={"unit_type": ("township", "group")},
            filterable=True,
        ),
        Field("matters", QT_TRANSLATE_NOOP("register", "联系事项"), kind=LONGTEXT, searchable=True),
    ),
    display=lambda li: li.id,
    default_sort="office_id",
    unique=(("office_id", "unit_id"),),
)


def _staff_defaults(values: dict[str, Any]) -> dict[str, Any]:
    start = values.get("secondment_start")
    if values.get("seconded") and isinstance(start, date) and values.get("secondment_end") is None:
        try:
            values["secondment_end"] = start.replace(year=start.year + 1)
        except ValueError:  # 29 February
            values["secondment_end"] = start.replace(year=start.year + 1, day=28)
    return values


def _staff_validate(session: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Message]:
    errors: dict[str, Message] = {}
    unit = session.get(Unit, values.get("unit_id")) if values.get("unit_id") else None
    post = values.get("post")
    if unit is not None and post and post not in POSTS_BY_UNIT_TYPE.get(unit.unit_type, ()):
        errors["post"] = Message(
            QT_TRANSLATE_NOOP("app", "该单位没有「{post}」这一岗位。"),
            {"post": STAFF.field("post").choice_label(post)},
        )
    if values.get("seconded"):
        if not values.get("seconded_from"):
            errors["seconded_from"] = Message(QT_TRANSLATE_NOOP("app", "挂职人员须填写派出单位。"))
        if values.get("secondment_start") is None:
            errors["secondment_start"] = Message(QT_TRANSLATE_NOOP("app", "挂职人员须填写挂职开始日期。"))
    start, end = values.get("secondment_start"), values.get("secondment_end")
    if isinstance(start, date) and isinstance(end, date) and end < start:
        errors["secondment_end"] = Message(QT_TRANSLATE_NOOP("app", "挂职结束日期不能早于开始日期。"))
    return errors


STAFF = Register(
    name="staff",
    title=QT_TRANSLATE_NOOP("register", "人员与岗位"),
    area=AREA,
    model=Staff,
    fields=(
        Field("name", QT_TRANSLATE_NOOP("register", "姓名"), required=True, max_length=64, searchable=True),
        Field(
            "gender",
            QT_TRANSLATE_NOOP("register", "性别"),
            kind=CHOICE,
            choices=GENDER_CHOICES,
            filterable=True,
        ),
        Field(
            "unit_id",
            QT_TRANSLATE_NOOP("register", "所在单位"),
            kind=REF,
            ref="units",
            required=True,
            filterable=True,
        ),
        Field(
            "post",
            QT_TRANSLATE_NOOP("register", "岗位"),
            kind=CHOICE,
            choices=POST_CHOICES,
            required=True,
            filterable=True,
        ),
        Field(
            "also_inspector",
            QT_TRANSLATE_NOOP("register", "兼监察员"),
            kind=BOOL,
            default=False,
            filterable=True,
        ),
        Field("full_time", QT_TRANSLATE_NOOP("register", "专职"), kind=BOOL, default=False, filterable=True),
        Field("seconded", QT_TRANSLATE_NOOP("register", "挂职"), kind=BOOL, default=False, filterable=True),
        Field("seconded_from", QT_TRANSLATE_NOOP("register", "派出单位"), max_length=100, searchable=True),
        Field("secondment_start", QT_TRANSLATE_NOOP("register", "挂职开始"), kind=DATE),
        Field("secondment_end", QT_TRANSLATE_NOOP("register", "挂职结束"), kind=DATE),
        Field(
            "phone",
            QT_TRANSLATE_NOOP("register", "联系电话"),
            max_length=32,
            pattern=PHONE_PATTERN,
            pattern_hint=PHONE_HINT,
            searchable=True,
        ),
        Field(
            "home_village",
            QT_TRANSLATE_NOOP("register", "籍贯村（社区）"),
            max_length=64,
            in_list=False,
            searchable=True,
        ),
        Field("left_on", QT_TRANSLATE_NOOP("register", "离岗日期"), kind=DATE),
        Field("note", QT_TRANSLATE_NOOP("register", "备注"), kind=LONGTEXT, in_list=False, searchable=True),
    ),
    display=lambda s: s.name,
    default_sort="name",
    validate=_staff_validate,
    defaults=_staff_defaults,
)

VILLAGES = Register(
    name="villages",
    title=QT_TRANSLATE_NOOP("register", "村（社区）"),
    area=AREA,
    model=Village,
    fields=(
        Field(
            "township_id",
            QT_TRANSLATE_NOOP("register", "所属乡镇"),
            kind=REF,
            ref="units",
            required=True,
            ref_filter={"unit_type": ("township",)},
            filterable=True,
        ),
        Field(
            "name",
            QT_TRANSLATE_NOOP("register", "村（社区）名称"),
            required=True,
            max_length=64,
            searchable=True,
        ),
        Field(
            "code",
            QT_TRANSLATE_NOOP("register", "村代码"),
            max_length=32,
            pattern=CODE_PATTERN,
            pattern_hint=CODE_HINT,
            searchable=True,
        ),
        Field(
            "liaison_name", QT_TRANSLATE_NOOP("register", "村级纪检监察员"), max_length=64, searchable=True
        ),
        Field(
            "liaison_post",
            QT_TRANSLATE_NOOP("register", "村级职务"),
            kind=CHOICE,
            choices=VILLAGE_POST_CHOICES,
            filterable=True,
        ),
        Field(
            "liaison_phone",
            QT_TRANSLATE_NOOP("register", "联系电话"),
            max_length=32,
            pattern=PHONE_PATTERN,
            pattern_hint=PHONE_HINT,
        ),
        Field("note", QT_TRANSLATE_NOOP("register", "备注"), kind=LONGTEXT, in_list=False, searchable=True),
    ),
    display=lambda v: v.name,
    default_sort="name",
    unique=(("township_id", "name"),),
)

SUPERVISED_UNITS = Register(
    name="supervised_units",
    title=QT_TRANSLATE_NOOP("register", "被监督单位"),
    area=AREA,
    model=SupervisedUnit,
    fields=(
        Field(
            "group_id",
            QT_TRANSLATE_NOOP("register", "派驻纪检监察组"),
            kind=REF,
            ref="units",
            required=True,
            ref_filter={"unit_type": ("group",)},
            filterable=True,
        ),
        Field(
            "name", QT_TRANSLATE_NOOP("register", "单位名称"), required=True, max_length=100, searchable=True
        ),
        Field(
            "category", QT_TRANSLATE_NOOP("register", "类别"), max_length=32, searchable=True, filterable=True
        ),
        Field("contact", QT_TRANSLATE_NOOP("register", "联系人"), max_length=64, searchable=True),
        Field(
            "phone",
            QT_TRANSLATE_NOOP("register", "联系电话"),
            max_length=32,
            pattern=PHONE_PATTERN,
            pattern_hint=PHONE_HINT,
        ),
        Field("note", QT_TRANSLATE_NOOP("register", "备注"), kind=LONGTEXT, in_list=False, searchable=True),
    ),
    display=lambda s: s.name,
    default_sort="name",
    unique=(("group_id", "name"),),
)

TOWNSHIP_STATS = Register(
    name="township_stats",
    title=QT_TRANSLATE_NOOP("register", "监察对象与党员"),
    area=AREA,
    model=TownshipYearStats,
    fields=(
        Field(
            "township_id",
            QT_TRANSLATE_NOOP("register", "乡镇"),
            kind=REF,
            ref="units",
            required=True,
            ref_filter={"unit_type": ("township",)},
            filterable=True,
        ),
        Field(
            "year",
            QT_TRANSLATE_NOOP("register", "年度"),
            kind=INT,
            required=True,
            minimum=2000,
            maximum=2100,
            filterable=True,
        ),
        Field(
            "supervision_objects",
            QT_TRANSLATE_NOOP("register", "监察对象数"),
            kind=INT,
            minimum=0,
            maximum=1_000_000,
            default=0,
        ),
        Field(
            "party_members",
            QT_TRANSLATE_NOOP("register", "党员数"),
            kind=INT,
            minimum=0,
            maximum=1_000_000,
            default=0,
        ),
        Field("note", QT_TRANSLATE_NOOP("register", "备注"), kind=LONGTEXT, in_list=False),
    ),
    display=lambda t: str(t.year),
    default_sort="year",
    unique=(("township_id", "year"),),
)

REGISTERS = (UNITS, ZONES, LIAISONS, STAFF, VILLAGES, SUPERVISED_UNITS, TOWNSHIP_STATS)
