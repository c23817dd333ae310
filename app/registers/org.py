"""Declarations of the organisation registers (area "org")."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP as N
from app.i18n import Message
from app.models.org import Liaison, Staff, SupervisedUnit, TownshipYearStats, Unit, Village, Zone
from app.registers.fields import BOOL, CHOICE, DATE, INT, LONGTEXT, REF, Computed, Field, Register

AREA = "org"

UNIT_TYPE_CHOICES = (
    ("county", N("register", "县纪委监委")),
    ("office", N("register", "委机关室")),
    ("township", N("register", "乡镇纪委")),
    ("group", N("register", "派驻纪检监察组")),
)
POST_CHOICES = (
    ("secretary", N("register", "书记")),
    ("deputy_secretary", N("register", "副书记")),
    ("member", N("register", "委员")),
    ("inspector", N("register", "监察员")),
    ("group_leader", N("register", "组长")),
    ("deputy_leader", N("register", "副组长")),
    ("group_member", N("register", "组员")),
    ("director", N("register", "主任")),
    ("staff", N("register", "工作人员")),
)
# Which posts a unit of each type has.
POSTS_BY_UNIT_TYPE = {
    "township": ("secretary", "deputy_secretary", "member", "inspector"),
    "group": ("group_leader", "deputy_leader", "group_member"),
    "office": ("director", "staff"),
    "county": ("secretary", "deputy_secretary", "member", "director", "staff"),
}
GENDER_CHOICES = (("男", N("register", "男")), ("女", N("register", "女")))
VILLAGE_POST_CHOICES = (
    ("村党组织副书记", N("register", "村党组织副书记")),
    ("村党组织委员", N("register", "村党组织委员")),
    ("村务监督委员会主任", N("register", "村务监督委员会主任")),
    ("其他", N("register", "其他")),
)
CODE_PATTERN = r"[A-Za-z0-9_-]{1,32}"
CODE_HINT = N("app", "只能用字母、数字、下划线和连字符，最多 32 位")
PHONE_PATTERN = r"[0-9+\- ]{5,20}"
PHONE_HINT = N("app", "只能用数字、空格、+ 和 -，5 到 20 位")


def active_staff_count() -> Any:
    return (
        select(func.count(Staff.id))
        .where(and_(Staff.unit_id == Unit.id, Staff.deleted.is_(False), Staff.left_on.is_(None)))
        .correlate(Unit)
        .scalar_subquery()
    )


def vacancies() -> Any:
    staffed = active_staff_count()
    return case((Unit.authorised_posts > staffed, Unit.authorised_posts - staffed), else_=0)


def zone_member_count() -> Any:
    return (
        select(func.count(Unit.id))
        .where(and_(Unit.zone_id == Zone.id, Unit.deleted.is_(False)))
        .correlate(Zone)
        .scalar_subquery()
    )


ZONES = Register(
    name="zones",
    title=N("register", "片区协作区"),
    area=AREA,
    model=Zone,
    fields=(
        Field("name", N("register", "片区名称"), required=True, max_length=64, searchable=True),
        Field("leader", N("register", "统筹常委（委员）"), max_length=64, searchable=True),
        Field("note", N("register", "备注"), kind=LONGTEXT, in_list=False, searchable=True),
    ),
    display=lambda z: z.name,
    default_sort="name",
    computed=(Computed("members", N("register", "成员单位数"), zone_member_count),),
    unique=(("name",),),
)

UNITS = Register(
    name="units",
    title=N("register", "单位"),
    area=AREA,
    model=Unit,
    fields=(
        Field(
            "code",
            N("register", "单位代码"),
            required=True,
            max_length=32,
            pattern=CODE_PATTERN,
            pattern_hint=CODE_HINT,
            searchable=True,
        ),
        Field("name", N("register", "单位名称"), required=True, max_length=100, searchable=True),
        Field(
            "unit_type",
            N("register", "单位类型"),
            kind=CHOICE,
            required=True,
            choices=UNIT_TYPE_CHOICES,
            filterable=True,
        ),
        Field("authorised_posts", N("register", "核定编制"), kind=INT, minimum=0, maximum=99, default=0),
        Field("zone_id", N("register", "所属片区"), kind=REF, ref="zones", filterable=True),
        Field("note", N("register", "备注"), kind=LONGTEXT, in_list=False, searchable=True),
    ),
    display=lambda u: u.name,
    default_sort="code",
    computed=(
        Computed("staffed", N("register", "实际配备"), active_staff_count),
        Computed("vacancies", N("register", "空缺"), vacancies),
    ),
    unique=(("code",),),
)

LIAISONS = Register(
    name="liaisons",
    title=N("register", "点对点联系"),
    area=AREA,
    model=Liaison,
    fields=(
        Field(
            "office_id",
            N("register", "联系科室"),
            kind=REF,
            ref="units",
            required=True,
            ref_filter={"unit_type": ("office",)},
            filterable=True,
        ),
        Field(
            "unit_id",
            N("register", "联系单位"),
            kind=REF,
            ref="units",
            required=True,
            ref_filter={"unit_type": ("township", "group")},
            filterable=True,
        ),
        Field("matters", N("register", "联系事项"), kind=LONGTEXT, searchable=True),
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
            N("app", "该单位没有「{post}」这一岗位。"), {"post": STAFF.field("post").choice_label(post)}
        )
    if values.get("seconded"):
        if not values.get("seconded_from"):
            errors["seconded_from"] = Message(N("app", "挂职人员须填写派出单位。"))
        if values.get("secondment_start") is None:
            errors["secondment_start"] = Message(N("app", "挂职人员须填写挂职开始日期。"))
    start, end = values.get("secondment_start"), values.get("secondment_end")
    if isinstance(start, date) and isinstance(end, date) and end < start:
        errors["secondment_end"] = Message(N("app", "挂职结束日期不能早于开始日期。"))
    return errors


STAFF = Register(
    name="staff",
    title=N("register", "人员与岗位"),
    area=AREA,
    model=Staff,
    fields=(
        Field("name", N("register", "姓名"), required=True, max_length=64, searchable=True),
        Field("gender", N("register", "性别"), kind=CHOICE, choices=GENDER_CHOICES, filterable=True),
        Field("unit_id", N("register", "所在单位"), kind=REF, ref="units", required=True, filterable=True),
        Field(
            "post", N("register", "岗位"), kind=CHOICE, choices=POST_CHOICES, required=True, filterable=True
        ),
        Field("also_inspector", N("register", "兼监察员"), kind=BOOL, default=False, filterable=True),
        Field("full_time", N("register", "专职"), kind=BOOL, default=False, filterable=True),
        Field("seconded", N("register", "挂职"), kind=BOOL, default=False, filterable=True),
        Field("seconded_from", N("register", "派出单位"), max_length=100, searchable=True),
        Field("secondment_start", N("register", "挂职开始"), kind=DATE),
        Field("secondment_end", N("register", "挂职结束"), kind=DATE),
        Field(
            "phone",
            N("register", "联系电话"),
            max_length=32,
            pattern=PHONE_PATTERN,
            pattern_hint=PHONE_HINT,
            searchable=True,
        ),
        Field("home_village", N("register", "籍贯村（社区）"), max_length=64, in_list=False, searchable=True),
        Field("left_on", N("register", "离岗日期"), kind=DATE),
        Field("note", N("register", "备注"), kind=LONGTEXT, in_list=False, searchable=True),
    ),
    display=lambda s: s.name,
    default_sort="name",
    validate=_staff_validate,
    defaults=_staff_defaults,
)

VILLAGES = Register(
    name="villages",
    title=N("register", "村（社区）"),
    area=AREA,
    model=Village,
    fields=(
        Field(
            "township_id",
            N("register", "所属乡镇"),
            kind=REF,
            ref="units",
            required=True,
            ref_filter={"unit_type": ("township",)},
            filterable=True,
        ),
        Field("name", N("register", "村（社区）名称"), required=True, max_length=64, searchable=True),
        Field(
            "code",
            N("register", "村代码"),
            max_length=32,
            pattern=CODE_PATTERN,
            pattern_hint=CODE_HINT,
            searchable=True,
        ),
        Field("liaison_name", N("register", "村级纪检监察员"), max_length=64, searchable=True),
        Field(
            "liaison_post",
            N("register", "村级职务"),
            kind=CHOICE,
            choices=VILLAGE_POST_CHOICES,
            filterable=True,
        ),
        Field(
            "liaison_phone",
            N("register", "联系电话"),
            max_length=32,
            pattern=PHONE_PATTERN,
            pattern_hint=PHONE_HINT,
        ),
        Field("note", N("register", "备注"), kind=LONGTEXT, in_list=False, searchable=True),
    ),
    display=lambda v: v.name,
    default_sort="name",
    unique=(("township_id", "name"),),
)

SUPERVISED_UNITS = Register(
    name="supervised_units",
    title=N("register", "被监督单位"),
    area=AREA,
    model=SupervisedUnit,
    fields=(
        Field(
            "group_id",
            N("register", "派驻纪检监察组"),
            kind=REF,
            ref="units",
            required=True,
            ref_filter={"unit_type": ("group",)},
            filterable=True,
        ),
        Field("name", N("register", "单位名称"), required=True, max_length=100, searchable=True),
        Field("category", N("register", "类别"), max_length=32, searchable=True, filterable=True),
        Field("contact", N("register", "联系人"), max_length=64, searchable=True),
        Field(
            "phone", N("register", "联系电话"), max_length=32, pattern=PHONE_PATTERN, pattern_hint=PHONE_HINT
        ),
        Field("note", N("register", "备注"), kind=LONGTEXT, in_list=False, searchable=True),
    ),
    display=lambda s: s.name,
    default_sort="name",
    unique=(("group_id", "name"),),
)

TOWNSHIP_STATS = Register(
    name="township_stats",
    title=N("register", "监察对象与党员"),
    area=AREA,
    model=TownshipYearStats,
    fields=(
        Field(
            "township_id",
            N("register", "乡镇"),
            kind=REF,
            ref="units",
            required=True,
            ref_filter={"unit_type": ("township",)},
            filterable=True,
        ),
        Field(
            "year",
            N("register", "年度"),
            kind=INT,
            required=True,
            minimum=2000,
            maximum=2100,
            filterable=True,
        ),
        Field(
            "supervision_objects",
            N("register", "监察对象数"),
            kind=INT,
            minimum=0,
            maximum=1_000_000,
            default=0,
        ),
        Field("party_members", N("register", "党员数"), kind=INT, minimum=0, maximum=1_000_000, default=0),
        Field("note", N("register", "备注"), kind=LONGTEXT, in_list=False),
    ),
    display=lambda t: str(t.year),
    default_sort="year",
    unique=(("township_id", "year"),),
)

REGISTERS = (UNITS, ZONES, LIAISONS, STAFF, VILLAGES, SUPERVISED_UNITS, TOWNSHIP_STATS)
