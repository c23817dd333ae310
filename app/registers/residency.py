"""Village residency and residency at supervised units (驻村监督 / 驻在) and the visit checklist
(area "residency"); the quarterly supervision ledgers are ``app.registers.ledgers``."""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.local import Installation
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.org import Staff, SupervisedUnit, Unit, Village
from app.models.residency import ChecklistItem, Visit
from app.quarters import quarter_message, quarter_of
from app.registers.fields import BOOL, CHOICE, DATE, INT, LONGTEXT, REF, Field, Register
from app.registers.lifecycle import Lifecycle, Step

AREA = "residency"
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32: no I, L, O, U
CODE_LENGTH = 8
APPLIES_CHOICES = (
    ("township", QT_TRANSLATE_NOOP("register", "乡镇纪委（驻村）")),
    ("group", QT_TRANSLATE_NOOP("register", "派驻组（驻在）")),
    ("both", QT_TRANSLATE_NOOP("register", "两者")),
)
# The checklist when no item has been set (DOMAIN.md register 5; the seed's section 三).
# A new installation's 检查事项设置 starts with these rows (app.services.first_run.prefill).
# Sources: DOMAIN.md item 5 (the matters a visit form lists) and the seed's section 三(三)/(四).
DEFAULT_CHECKLIST: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("register", "村务公开"), "township"),  # DOMAIN.md 5: 村务公开
    (QT_TRANSLATE_NOOP("register", "集体“三资”管理"), "township"),  # DOMAIN.md 5: 集体资金资产资源
    (QT_TRANSLATE_NOOP("register", "惠民惠农资金发放"), "township"),  # DOMAIN.md 5: 惠民资金
    (QT_TRANSLATE_NOOP("register", "“三重一大”事项决策"), "both"),  # seed 三(三)一: “三重一大”季反馈
    (QT_TRANSLATE_NOOP("register", "作风问题"), "both"),  # DOMAIN.md 5: 作风问题
    (QT_TRANSLATE_NOOP("register", "村级纪检监察员履职"), "township"),  # seed 三(四)一: 村级纪检监察员
    (QT_TRANSLATE_NOOP("register", "“签字背书”落实"), "group"),  # seed 三(三)一: “签字背书”常态化检查
    (QT_TRANSLATE_NOOP("register", "主要负责人谈话纪实"), "group"),  # seed 三(三)一: 谈话纪实 季检季报
    # Not named in the seed: the group's supervision of its units' integrity risks (派驻监督),
    # kept from the program's first list; delete it where the county does not check it.
    (QT_TRANSLATE_NOOP("register", "廉政风险防控"), "group"),
)
# The quarterly ledgers (``app.registers.ledgers``: register ``ledger_<kind>``), as the coverage
# view offers them.
LEDGER_KINDS = (
    ("signoff", QT_TRANSLATE_NOOP("register", "签字背书检查")),
    ("talk_record", QT_TRANSLATE_NOOP("register", "谈话纪实季检季报")),
    ("major_matters", QT_TRANSLATE_NOOP("register", "三重一大季反馈")),
    ("law_study", QT_TRANSLATE_NOOP("register", "讲规学法检查")),
)


def new_visit_code() -> str:
    """A short code a scanner can type: V and 8 characters of Crockford's base 32 (40 bits)."""
    return "V" + "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    """What a person or scanner typed, as stored: upper case, no spaces or hyphens, O read as 0
    and I/L as 1 (Crockford)."""
    cleaned = "".join(ch for ch in text.strip().upper() if ch not in " -_")
    if not cleaned:
        return ""
    head, tail = cleaned[0], cleaned[1:]
    return head + tail.replace("O", "0").replace("I", "1").replace("L", "1")


def own_unit(s: Session) -> Unit | None:
    code = s.scalars(select(Installation.unit_code)).first()
    return s.scalars(select(Unit).where(Unit.code == code, Unit.deleted.is_(False))).first() if code else None


def with_own_unit(s: Session, values: dict[str, Any], unit_types: tuple[str, ...] = ()) -> dict[str, Any]:
    """``values`` with an empty ``unit_id`` filled with this installation's unit (of one of
    ``unit_types``, when given): a township's or group's records are its own by default."""
    if not values.get("unit_id"):
        unit = own_unit(s)
        if unit is not None and (not unit_types or unit.unit_type in unit_types):
            values["unit_id"] = unit.id
    return values


def _target_errors(s: Session, values: dict[str, Any]) -> dict[str, Message]:
    """A township commission goes to its own villages, a dispatched group to its supervised units."""
    unit = s.get(Unit, values.get("unit_id")) if values.get("unit_id") else None
    village, supervised = values.get("village_id"), values.get("supervised_unit_id")
    if bool(village) == bool(supervised):
        return {
            "village_id": Message(
                QT_TRANSLATE_NOOP("app", "请选择一个村（社区）或一个被监督单位，二者选其一。")
            )
        }
    if unit is None:
        return {}
    if village:
        v = s.get(Village, village)
        if unit.unit_type != "township" or (v is not None and v.township_id != unit.id):
            return {"village_id": Message(QT_TRANSLATE_NOOP("app", "只能选择本乡镇的村（社区）。"))}
    if supervised:
        su = s.get(SupervisedUnit, supervised)
        if unit.unit_type != "group" or (su is not None and su.group_id != unit.id):
            return {"supervised_unit_id": Message(QT_TRANSLATE_NOOP("app", "只能选择本派驻组的被监督单位。"))}
    return {}


# ---- visits ------------------------------------------------------------------------------------
VISIT_LIFECYCLE = Lifecycle(
    states=(
        ("planned", QT_TRANSLATE_NOOP("register", "已安排")),
        ("done", QT_TRANSLATE_NOOP("register", "已驻村（在）")),
        ("cancelled", QT_TRANSLATE_NOOP("register", "已取消")),
    ),
    steps=(
        Step(
            "record",
            QT_TRANSLATE_NOOP("register", "录入记录表"),
            ("planned",),
            "done",
            requires=("visited_on", "matters"),
        ),
        Step("cancel", QT_TRANSLATE_NOOP("register", "取消安排"), ("planned",), "cancelled"),
        Step("replan", QT_TRANSLATE_NOOP("register", "重新安排"), ("cancelled",), "planned"),
        Step("correct", QT_TRANSLATE_NOOP("register", "退回修改"), ("done",), "planned"),
    ),
    open_states=("planned",),
)


def _visit_complete(s: Session, values: dict[str, Any], row_id: str | None) -> dict[str, Any]:
    with_own_unit(s, values)
    if not values.get("code"):
        code = new_visit_code()
        while s.scalars(select(Visit.id).where(Visit.code == code)).first() is not None:
            code = new_visit_code()
        values["code"] = code
    planned = values.get("planned_on")
    if isinstance(planned, date):
        values["quarter"] = quarter_of(planned)
    return values


def _visit_validate(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Message]:
    errors = _target_errors(s, values)
    lead, member = values.get("lead_id"), values.get("member_id")
    if lead and member and lead == member:
        errors["member_id"] = Message(QT_TRANSLATE_NOOP("app", "协办人不能与主办人是同一人。"))
    planned, visited = values.get("planned_on"), values.get("visited_on")
    if isinstance(visited, date) and visited > date.today():
        errors["visited_on"] = Message(QT_TRANSLATE_NOOP("app", "驻村（在）日期不能晚于今天。"))
    if isinstance(planned, date) and isinstance(visited, date) and quarter_of(visited) != quarter_of(planned):
        errors["visited_on"] = Message(
            QT_TRANSLATE_NOOP("app", "实际驻村（在）日期须在安排的季度（{quarter}）内；跨季度请另行安排。"),
            {"quarter": quarter_message(quarter_of(planned))},
        )
    return errors


def _visit_warn(s: Session, values: dict[str, Any], _row_id: str | None) -> list[Message]:
    """Nobody is sent to their home village."""
    village = s.get(Village, values.get("village_id")) if values.get("village_id") else None
    if village is None:
        return []
    out = []
    for sid in (values.get("lead_id"), values.get("member_id")):
        staff = s.get(Staff, sid) if sid else None
        if staff is not None and staff.home_village and staff.home_village.strip() == village.name:
            out.append(
                Message(
                    QT_TRANSLATE_NOOP("app", "「{staff}」的籍贯村就是「{village}」，按回避要求不宜安排。"),
                    {"staff": staff.name, "village": village.name},
                )
            )
    return out


VISITS = Register(
    name="visits",
    title=QT_TRANSLATE_NOOP("register", "驻村（驻在）监督"),
    area=AREA,
    model=Visit,
    fields=(
        Field(
            "code",
            QT_TRANSLATE_NOOP("register", "记录表编码"),
            max_length=16,
            searchable=True,
            editable=False,
        ),
        Field(
            "unit_id",
            QT_TRANSLATE_NOOP("register", "单位"),
            kind=REF,
            ref="units",
            ref_filter={"unit_type": ("township", "group")},
            filterable=True,
        ),
        Field(
            "village_id",
            QT_TRANSLATE_NOOP("register", "村（社区）"),
            kind=REF,
            ref="villages",
            filterable=True,
        ),
        Field(
            "supervised_unit_id",
            QT_TRANSLATE_NOOP("register", "被监督单位"),
            kind=REF,
            ref="supervised_units",
            filterable=True,
        ),
        Field(
            "quarter",
            QT_TRANSLATE_NOOP("register", "季度"),
            max_length=6,
            filterable=True,
            editable=False,
        ),
        Field("planned_on", QT_TRANSLATE_NOOP("register", "安排日期"), kind=DATE, required=True),
        Field("days", QT_TRANSLATE_NOOP("register", "天数"), kind=INT, minimum=1, maximum=30, default=1),
        Field("lead_id", QT_TRANSLATE_NOOP("register", "主办人"), kind=REF, ref="staff", filterable=True),
        Field("member_id", QT_TRANSLATE_NOOP("register", "协办人"), kind=REF, ref="staff"),
        Field("visited_on", QT_TRANSLATE_NOOP("register", "实际驻村（在）日期"), kind=DATE),
        Field("matters", QT_TRANSLATE_NOOP("register", "检查事项"), kind=LONGTEXT, in_list=False),
        Field("people_talked", QT_TRANSLATE_NOOP("register", "谈话人员"), kind=LONGTEXT, in_list=False),
        Field(
            "findings",
            QT_TRANSLATE_NOOP("register", "发现情况"),
            kind=LONGTEXT,
            in_list=False,
            searchable=True,
        ),
        Field(
            "problems",
            QT_TRANSLATE_NOOP("register", "存在问题"),
            kind=LONGTEXT,
            in_list=False,
            searchable=True,
        ),
        Field("clues_found", QT_TRANSLATE_NOOP("register", "发现的问题线索"), kind=LONGTEXT, in_list=False),
        Field("follow_up", QT_TRANSLATE_NOOP("register", "跟进措施"), kind=LONGTEXT, in_list=False),
        Field(
            "state",
            QT_TRANSLATE_NOOP("register", "状态"),
            kind=CHOICE,
            choices=VISIT_LIFECYCLE.states,
            default="planned",
            filterable=True,
            editable=False,
        ),
    ),
    display=lambda v: v.code,
    default_sort="planned_on",
    dated="visited_on",  # a visit counts in the work figures when it was made
    unique=(("code",),),
    validate=_visit_validate,
    complete=_visit_complete,
    warn=_visit_warn,
    warn_fields=("lead_id", "member_id", "village_id"),
    lifecycle=VISIT_LIFECYCLE,
)


# ---- checklist ---------------------------------------------------------------------------------
CHECKLIST = Register(
    name="checklist_items",
    title=QT_TRANSLATE_NOOP("register", "检查事项设置"),
    area="settings",
    model=ChecklistItem,
    fields=(
        Field(
            "name", QT_TRANSLATE_NOOP("register", "检查事项"), required=True, max_length=32, searchable=True
        ),
        Field(
            "applies_to",
            QT_TRANSLATE_NOOP("register", "适用于"),
            kind=CHOICE,
            choices=APPLIES_CHOICES,
            required=True,
            default="both",
            filterable=True,
        ),
        Field("position", QT_TRANSLATE_NOOP("register", "排序"), kind=INT, minimum=0, maximum=999, default=0),
        Field("active", QT_TRANSLATE_NOOP("register", "启用"), kind=BOOL, default=True, filterable=True),
    ),
    display=lambda c: c.name,
    default_sort="position",
    unique=(("name",),),
)


def checklist(s: Session, unit_type: str) -> list[str]:
    """The matters a visit of a township (驻村) or a group (驻在) ticks, in order."""
    rows = s.scalars(
        select(ChecklistItem)
        .where(ChecklistItem.deleted.is_(False))
        .order_by(ChecklistItem.position, ChecklistItem.name)
    ).all()
    if not rows:
        return [name for name, applies in DEFAULT_CHECKLIST if applies in (unit_type, "both")]
    return [r.name for r in rows if r.active and r.applies_to in (unit_type, "both")]


REGISTERS = (VISITS, CHECKLIST)  # the ledgers: app.registers.ledgers
