"""The daily supervision ledgers (area "residency", 日常监督): 签字背书, 谈话纪实季检季报, 三重一大 and
讲规学法, one register each; the village affairs supervision committees (村务监督委员会: members and
what they did) and the village liaisons' monthly reports (联络员月报).

A ledger row checks one body: the township's own 党委 (``target`` "committee", only a township
commission), a village of the township, or a supervised unit of the dispatched group. The quarter
is the one checked (季检季报): given, or the quarter of the check (of the meeting, for 三重一大).

Frequency rules (``Duty``) where the seed states one: 谈话纪实 "季检季报" and 三重一大 "季反馈" are
asked of 乡镇纪委和派驻纪检监察组 (the seed, section 三(三)一): each commission owes one of each a
quarter. The liaison reports monthly to the township (DOMAIN.md): every village, every month.
签字背书, 讲规学法 and the 村务监督委员会 have no stated frequency.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.casework import Inquiry
from app.models.ledgers import (
    LiaisonReport,
    MajorMatterCheck,
    SignoffCheck,
    TalkCheck,
    VillageCommitteeMember,
    VillageCommitteeRecord,
)
from app.models.org import SupervisedUnit, Unit, Village
from app.models.residency import LedgerEntry
from app.quarters import (
    QUARTER_HINT,
    QUARTER_PATTERN,
    normalise_quarter,
    quarter_bounds,
    quarter_of,
    quarter_text,
)
from app.registers.fields import (
    BOOL,
    CHOICE,
    DATE,
    INT,
    LONGTEXT,
    MONTH,
    QUARTER,
    REF,
    Duty,
    Field,
    Register,
)
from app.registers.org import PHONE_HINT, PHONE_PATTERN
from app.registers.residency import AREA, own_unit, with_own_unit

TARGET_CHOICES = (
    ("committee", QT_TRANSLATE_NOOP("register", "本乡镇党委")),
    ("village", QT_TRANSLATE_NOOP("register", "村（社区）")),
    ("supervised_unit", QT_TRANSLATE_NOOP("register", "被监督单位")),
)
MATTER_KINDS = (
    ("decision", QT_TRANSLATE_NOOP("register", "重大决策")),
    ("appointment", QT_TRANSLATE_NOOP("register", "重要人事任免")),
    ("project", QT_TRANSLATE_NOOP("register", "重大项目安排")),
    ("funds", QT_TRANSLATE_NOOP("register", "大额资金使用")),
)
MEETINGS = (
    ("party_committee", QT_TRANSLATE_NOOP("register", "党委（党组）会议")),
    ("leadership", QT_TRANSLATE_NOOP("register", "领导班子会议")),
    ("village_committees", QT_TRANSLATE_NOOP("register", "村两委联席会议")),
    ("villagers", QT_TRANSLATE_NOOP("register", "村民（代表）会议")),
    ("other", QT_TRANSLATE_NOOP("register", "其他会议")),
)
SUPERVISION = (
    ("attended", QT_TRANSLATE_NOOP("register", "列席监督")),
    ("reviewed", QT_TRANSLATE_NOOP("register", "事后审查")),
)
COMMITTEE_ROLES = (
    ("chair", QT_TRANSLATE_NOOP("register", "主任")),
    ("member", QT_TRANSLATE_NOOP("register", "委员")),
)
COMMITTEE_RECORD_KINDS = (
    ("meeting", QT_TRANSLATE_NOOP("register", "监委会会议")),
    ("attend", QT_TRANSLATE_NOOP("register", "列席村两委会议")),
    ("finance", QT_TRANSLATE_NOOP("register", "财务审核")),
    ("supervision", QT_TRANSLATE_NOOP("register", "村务监督检查")),
    ("other", QT_TRANSLATE_NOOP("register", "其他")),
)
MONTH_PATTERN = r"\d{4}-(0[1-9]|1[0-2])"
MONTH_HINT = QT_TRANSLATE_NOOP("app", "写成 2026-11 的样子（年份、-、两位月份）")
# The ledger kinds (the coverage view's choices) and the model each is kept in.
LEDGER_MODELS: dict[str, type[Any]] = {
    "signoff": SignoffCheck,
    "talk_record": TalkCheck,
    "major_matters": MajorMatterCheck,
    "law_study": LedgerEntry,
}


def committee_name(unit_name: str) -> str:
    """城关镇纪委 -> 城关镇党委: how a township's own 党委 is named in lists and coverage."""
    base = unit_name.strip()
    for suffix in ("纪委", "纪律检查委员会"):
        if base.endswith(suffix):
            base = base[: -len(suffix)]
            break
    return f"{base}党委"


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _months_between(first: date, last: date) -> list[str]:
    out, y, m = [], first.year, first.month
    while (y, m) <= (last.year, last.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _quarters_between(first: date, last: date) -> list[str]:
    out, day = [], first
    while day <= last:
        q = quarter_of(day)
        out.append(q)
        day = quarter_bounds(q)[1] + timedelta(days=1)
    return out


def _shown(quarter: str | None) -> str:
    """A row's quarter as people read it (2026年第四季度)."""
    try:
        return quarter_text(quarter or "")
    except ValueError:
        return quarter or ""


# ---- what a ledger row checks ---------------------------------------------------------------------
def _target_complete(s: Session, values: dict[str, Any]) -> None:
    with_own_unit(s, values)
    typed = values.get("quarter")
    if isinstance(typed, str) and typed.strip():
        with contextlib.suppress(ValueError):  # else the field's pattern says how to write it
            values["quarter"] = normalise_quarter(typed)  # 2026年第四季度, Q4 2026 … -> 2026Q4
    if not values.get("target"):
        if values.get("village_id"):
            values["target"] = "village"
        elif values.get("supervised_unit_id"):
            values["target"] = "supervised_unit"
        else:
            unit = s.get(Unit, values["unit_id"]) if values.get("unit_id") else None
            values["target"] = "committee" if unit is not None and unit.unit_type == "township" else ""


def target_errors(s: Session, values: dict[str, Any]) -> dict[str, Message]:
    """A township commission checks its own 党委 or its villages, a dispatched group its supervised
    units; exactly the body the target names is chosen."""
    unit = s.get(Unit, values.get("unit_id")) if values.get("unit_id") else None
    target = values.get("target")
    village, supervised = values.get("village_id"), values.get("supervised_unit_id")
    if target == "committee":
        if village or supervised:
            return {
                "target": Message(
                    QT_TRANSLATE_NOOP("app", "检查对象是本乡镇党委时，不要再选村（社区）或被监督单位。")
                )
            }
        if unit is not None and unit.unit_type != "township":
            return {"target": Message(QT_TRANSLATE_NOOP("app", "只有乡镇纪委可以登记对本乡镇党委的检查。"))}
        return {}
    if target == "village" and (not village or supervised):
        return {
            "village_id": Message(QT_TRANSLATE_NOOP("app", "检查对象是村（社区）时，请选择一个村（社区）。"))
        }
    if target == "supervised_unit" and (not supervised or village):
        return {
            "supervised_unit_id": Message(
                QT_TRANSLATE_NOOP("app", "检查对象是被监督单位时，请选择一个被监督单位。")
            )
        }
    if target not in ("village", "supervised_unit"):
        return {"target": Message(QT_TRANSLATE_NOOP("app", "请选择检查对象。"))}
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


def _checked_errors(values: dict[str, Any]) -> dict[str, Message]:
    checked, quarter = values.get("checked_on"), values.get("quarter")
    if isinstance(checked, date) and checked > date.today():
        return {"checked_on": Message(QT_TRANSLATE_NOOP("app", "检查日期不能晚于今天。"))}
    if isinstance(checked, date) and quarter and quarter_of(checked) < str(quarter):
        return {"checked_on": Message(QT_TRANSLATE_NOOP("app", "检查日期不能早于所属季度。"))}
    return {}


def _ledger_complete(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Any]:
    _target_complete(s, values)
    checked = values.get("checked_on")
    if not values.get("quarter") and isinstance(checked, date):
        values["quarter"] = quarter_of(checked)
    return values


def _ledger_validate(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Message]:
    return {**_checked_errors(values), **target_errors(s, values)}


def _head_fields() -> tuple[Field, ...]:
    return (
        Field(
            "quarter",
            QT_TRANSLATE_NOOP("register", "季度"),
            # No length limit on what is typed (2026年第四季度): it is stored as 2026Q4, the pattern.
            pattern=QUARTER_PATTERN,
            pattern_hint=QUARTER_HINT,
            filterable=True,
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
            "target",
            QT_TRANSLATE_NOOP("register", "检查对象"),
            kind=CHOICE,
            choices=TARGET_CHOICES,
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
    )


def _tail_fields(content_label: str, reported_label: str) -> tuple[Field, ...]:
    return (
        Field("checked_on", QT_TRANSLATE_NOOP("register", "检查日期"), kind=DATE, required=True),
        Field("content", content_label, kind=LONGTEXT, searchable=True, in_list=False),
        Field(
            "problems",
            QT_TRANSLATE_NOOP("register", "发现问题"),
            kind=LONGTEXT,
            in_list=False,
            searchable=True,
        ),
        Field("follow_up", QT_TRANSLATE_NOOP("register", "整改和跟进"), kind=LONGTEXT, in_list=False),
        Field("reported", reported_label, kind=BOOL, default=False, filterable=True),
    )


def _by_unit(s: Session, model: Any, first: date, last: date) -> Mapping[str, Sequence[str]]:
    """Who paid a quarterly ledger duty: each unit with a live row for a quarter in the period."""
    out: dict[str, list[str]] = {}
    stmt = select(model.id, model.unit_id).where(
        model.deleted.is_(False), model.quarter.in_(_quarters_between(first, last))
    )
    for rid, unit_id in s.execute(stmt.order_by(model.checked_on, model.id)):
        out.setdefault(unit_id, []).append(rid)
    return out


def talks_paid(s: Session, first: date, last: date) -> Mapping[str, Sequence[str]]:
    return _by_unit(s, TalkCheck, first, last)


def major_matters_paid(s: Session, first: date, last: date) -> Mapping[str, Sequence[str]]:
    return _by_unit(s, MajorMatterCheck, first, last)


# ---- 签字背书 -------------------------------------------------------------------------------------
def _signoff_complete(s: Session, values: dict[str, Any], row_id: str | None) -> dict[str, Any]:
    _ledger_complete(s, values, row_id)
    inquiry = s.get(Inquiry, values["inquiry_id"]) if values.get("inquiry_id") else None
    if inquiry is not None:  # a 函询 reply: its letter, who signed it off and when
        if not values.get("matter"):
            values["matter"] = f"函询回复 {inquiry.letter_no}".strip()
        if not values.get("signer"):
            values["signer"] = inquiry.signed_by
        if not values.get("signed_on"):
            values["signed_on"] = inquiry.reply_on
    return values


def _signoff_validate(s: Session, values: dict[str, Any], row_id: str | None) -> dict[str, Message]:
    errors = _ledger_validate(s, values, row_id)
    if not (values.get("matter") or "").strip():
        errors["matter"] = Message(
            QT_TRANSLATE_NOOP("app", "请填写签字背书的事项（函询回复请选择所回复的函询）。")
        )
    signed, checked = values.get("signed_on"), values.get("checked_on")
    if isinstance(signed, date) and isinstance(checked, date) and signed > checked:
        errors["signed_on"] = Message(QT_TRANSLATE_NOOP("app", "签字日期不能晚于检查日期。"))
    return errors


SIGNOFFS = Register(
    name="ledger_signoff",
    title=QT_TRANSLATE_NOOP("register", "签字背书检查"),
    area=AREA,
    model=SignoffCheck,
    fields=(
        *_head_fields(),
        Field("matter", QT_TRANSLATE_NOOP("register", "签字背书事项"), max_length=200, searchable=True),
        Field(
            "inquiry_id",
            QT_TRANSLATE_NOOP("register", "所回复的函询"),
            kind=REF,
            ref="inquiries",
            ref_filter={"kind": ("letter",)},
            in_list=False,
        ),
        Field(
            "signer", QT_TRANSLATE_NOOP("register", "签字人（主要负责人）"), max_length=64, searchable=True
        ),
        Field("signer_post", QT_TRANSLATE_NOOP("register", "签字人职务"), max_length=64, in_list=False),
        Field("signed_on", QT_TRANSLATE_NOOP("register", "签字日期"), kind=DATE),
        *_tail_fields(QT_TRANSLATE_NOOP("register", "检查内容"), QT_TRANSLATE_NOOP("register", "已上报")),
    ),
    display=lambda e: f"{_shown(e.quarter)} {e.matter}".strip(),
    default_sort="checked_on",
    validate=_signoff_validate,
    complete=_signoff_complete,
)


# ---- 谈话纪实季检季报 -------------------------------------------------------------------------------
TALK_COUNTS = ("appointment_talks", "reminder_talks", "routine_talks", "other_talks")


def _talk_validate(s: Session, values: dict[str, Any], row_id: str | None) -> dict[str, Message]:
    errors = _ledger_validate(s, values, row_id)
    if not values.get("quarter"):
        errors["quarter"] = Message(QT_TRANSLATE_NOOP("app", "请填写所检查的季度。"))
    return errors


TALKS = Register(
    name="ledger_talk_record",
    title=QT_TRANSLATE_NOOP("register", "谈话纪实季检季报"),
    area=AREA,
    model=TalkCheck,
    fields=(
        *_head_fields(),
        Field("leader", QT_TRANSLATE_NOOP("register", "主要负责人"), max_length=64, searchable=True),
        Field("leader_post", QT_TRANSLATE_NOOP("register", "职务"), max_length=64, in_list=False),
        Field(
            "appointment_talks",
            QT_TRANSLATE_NOOP("register", "任职谈话"),
            kind=INT,
            minimum=0,
            maximum=999,
            default=0,
        ),
        Field(
            "reminder_talks",
            QT_TRANSLATE_NOOP("register", "提醒谈话"),
            kind=INT,
            minimum=0,
            maximum=999,
            default=0,
        ),
        Field(
            "routine_talks",
            QT_TRANSLATE_NOOP("register", "日常谈话"),
            kind=INT,
            minimum=0,
            maximum=999,
            default=0,
        ),
        Field(
            "other_talks",
            QT_TRANSLATE_NOOP("register", "其他谈话"),
            kind=INT,
            minimum=0,
            maximum=999,
            default=0,
            in_list=False,
        ),
        *_tail_fields(QT_TRANSLATE_NOOP("register", "检查情况"), QT_TRANSLATE_NOOP("register", "已季报")),
    ),
    display=lambda e: f"{_shown(e.quarter)} {e.leader}".strip(),
    default_sort="checked_on",
    validate=_talk_validate,
    complete=_ledger_complete,
    # 季检季报 (seed 三(三)一: 要求乡镇纪委和派驻纪检监察组做到季检季报): owed by each township
    # commission and each dispatched group, once a quarter.
    duties=(
        Duty(
            "talk_record_quarterly",
            QT_TRANSLATE_NOOP("register", "谈话纪实季检季报"),
            QUARTER,
            "commission",
            talks_paid,
        ),
    ),
)


# ---- 三重一大 -------------------------------------------------------------------------------------
def _major_complete(s: Session, values: dict[str, Any], row_id: str | None) -> dict[str, Any]:
    _target_complete(s, values)
    when = values.get("meeting_on") or values.get("checked_on")
    if not values.get("quarter") and isinstance(when, date):
        values["quarter"] = quarter_of(when)
    return values


def _major_validate(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Message]:
    errors = target_errors(s, values)
    checked, meeting = values.get("checked_on"), values.get("meeting_on")
    if isinstance(checked, date) and checked > date.today():
        errors["checked_on"] = Message(QT_TRANSLATE_NOOP("app", "检查日期不能晚于今天。"))
    if values.get("matter_kind") == "funds" and values.get("amount") in (None, ""):
        errors["amount"] = Message(QT_TRANSLATE_NOOP("app", "大额资金使用须填写金额（元）。"))
    if isinstance(checked, date) and isinstance(meeting, date):
        if values.get("supervision") == "attended" and checked != meeting:
            errors["checked_on"] = Message(QT_TRANSLATE_NOOP("app", "列席监督的日期就是会议日期。"))
        elif meeting > checked:
            errors["checked_on"] = Message(QT_TRANSLATE_NOOP("app", "事后审查的日期不能早于会议日期。"))
    return errors


MAJOR_MATTERS = Register(
    name="ledger_major_matters",
    title=QT_TRANSLATE_NOOP("register", "三重一大季反馈"),
    area=AREA,
    model=MajorMatterCheck,
    fields=(
        *_head_fields(),
        Field(
            "matter_kind",
            QT_TRANSLATE_NOOP("register", "事项类别"),
            kind=CHOICE,
            choices=MATTER_KINDS,
            required=True,
            filterable=True,
        ),
        Field(
            "matter", QT_TRANSLATE_NOOP("register", "事项"), required=True, max_length=200, searchable=True
        ),
        Field(
            "amount",
            QT_TRANSLATE_NOOP("register", "金额（元）"),
            kind=INT,
            minimum=0,
            maximum=999_999_999_999,
        ),
        Field(
            "meeting",
            QT_TRANSLATE_NOOP("register", "决策会议"),
            kind=CHOICE,
            choices=MEETINGS,
            filterable=True,
        ),
        Field("meeting_on", QT_TRANSLATE_NOOP("register", "会议日期"), kind=DATE),
        Field("attendees", QT_TRANSLATE_NOOP("register", "参会人员"), kind=LONGTEXT, in_list=False),
        Field(
            "objections",
            QT_TRANSLATE_NOOP("register", "异议情况"),
            kind=LONGTEXT,
            in_list=False,
            searchable=True,
        ),
        Field(
            "supervision",
            QT_TRANSLATE_NOOP("register", "监督方式"),
            kind=CHOICE,
            choices=SUPERVISION,
            required=True,
            filterable=True,
        ),
        *_tail_fields(QT_TRANSLATE_NOOP("register", "监督意见"), QT_TRANSLATE_NOOP("register", "已季反馈")),
    ),
    display=lambda e: f"{_shown(e.quarter)} {e.matter}".strip(),
    default_sort="checked_on",
    validate=_major_validate,
    complete=_major_complete,
    # 季反馈 (seed 三(三)一: 推行乡镇纪委和派驻纪检监察组监督“三重一大”工作季反馈工作机制): owed by
    # each township commission and each dispatched group, once a quarter.
    duties=(
        Duty(
            "major_matters_quarterly",
            QT_TRANSLATE_NOOP("register", "三重一大季反馈"),
            QUARTER,
            "commission",
            major_matters_paid,
        ),
    ),
)


# ---- 讲规学法 -------------------------------------------------------------------------------------
LAW_STUDY = Register(
    name="ledger_law_study",
    title=QT_TRANSLATE_NOOP("register", "讲规学法检查"),
    area=AREA,
    model=LedgerEntry,
    fields=(
        Field(
            "kind",
            QT_TRANSLATE_NOOP("register", "台账"),
            kind=CHOICE,
            choices=(("law_study", QT_TRANSLATE_NOOP("register", "讲规学法检查")),),
            default="law_study",
            in_list=False,
            editable=False,
        ),
        *_head_fields(),
        *_tail_fields(QT_TRANSLATE_NOOP("register", "学习情况"), QT_TRANSLATE_NOOP("register", "已上报")),
    ),
    display=lambda e: _shown(e.quarter),
    default_sort="checked_on",
    scope={"kind": ("law_study",)},
    validate=_ledger_validate,
    complete=_ledger_complete,
)


# ---- 村务监督委员会 -------------------------------------------------------------------------------
def own_village_errors(s: Session, village_id: Any, name: str = "village_id") -> dict[str, Message]:
    """At a township only its own villages; a group keeps no village records."""
    unit = own_unit(s)
    village = s.get(Village, village_id) if village_id else None
    if unit is None or village is None:
        return {}
    if unit.unit_type == "group" or (unit.unit_type == "township" and village.township_id != unit.id):
        return {name: Message(QT_TRANSLATE_NOOP("app", "只能选择本乡镇的村（社区）。"))}
    return {}


def _member_validate(s: Session, values: dict[str, Any], row_id: str | None) -> dict[str, Message]:
    errors = own_village_errors(s, values.get("village_id"))
    start, end = values.get("term_start"), values.get("term_end")
    if isinstance(start, date) and isinstance(end, date) and end < start:
        errors["term_end"] = Message(QT_TRANSLATE_NOOP("app", "任期结束不能早于任期开始。"))
        return errors
    if values.get("role") == "chair" and values.get("village_id"):
        stmt = select(VillageCommitteeMember).where(
            VillageCommitteeMember.deleted.is_(False),
            VillageCommitteeMember.village_id == values["village_id"],
            VillageCommitteeMember.role == "chair",
        )
        for other in s.scalars(stmt):
            if other.id == row_id:
                continue
            # Terms overlap unless one ends before the other starts (an open end never ends).
            apart = (isinstance(end, date) and other.term_start is not None and end < other.term_start) or (
                other.term_end is not None and isinstance(start, date) and other.term_end < start
            )
            if not apart:
                errors["role"] = Message(
                    QT_TRANSLATE_NOOP("app", "该村（社区）同一任期已有村务监督委员会主任「{name}」。"),
                    {"name": other.name},
                )
                break
    return errors


COMMITTEE_MEMBERS = Register(
    name="village_committee_members",
    title=QT_TRANSLATE_NOOP("register", "村务监督委员会成员"),
    area=AREA,
    model=VillageCommitteeMember,
    fields=(
        Field(
            "village_id",
            QT_TRANSLATE_NOOP("register", "村（社区）"),
            kind=REF,
            ref="villages",
            required=True,
            filterable=True,
        ),
        Field("name", QT_TRANSLATE_NOOP("register", "姓名"), required=True, max_length=64, searchable=True),
        Field(
            "role",
            QT_TRANSLATE_NOOP("register", "职务"),
            kind=CHOICE,
            choices=COMMITTEE_ROLES,
            required=True,
            default="member",
            filterable=True,
        ),
        Field("term_start", QT_TRANSLATE_NOOP("register", "任期开始"), kind=DATE),
        Field("term_end", QT_TRANSLATE_NOOP("register", "任期结束"), kind=DATE),
        Field(
            "phone",
            QT_TRANSLATE_NOOP("register", "联系电话"),
            max_length=32,
            pattern=PHONE_PATTERN,
            pattern_hint=PHONE_HINT,
        ),
        Field("note", QT_TRANSLATE_NOOP("register", "备注"), kind=LONGTEXT, in_list=False),
    ),
    display=lambda m: m.name,
    default_sort="name",
    validate=_member_validate,
)


def _record_validate(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Message]:
    errors = own_village_errors(s, values.get("village_id"))
    held = values.get("held_on")
    if isinstance(held, date) and held > date.today():
        errors["held_on"] = Message(QT_TRANSLATE_NOOP("app", "日期不能晚于今天。"))
    return errors


COMMITTEE_RECORDS = Register(
    name="village_committee_records",
    title=QT_TRANSLATE_NOOP("register", "村务监督委员会工作记录"),
    area=AREA,
    model=VillageCommitteeRecord,
    fields=(
        Field(
            "village_id",
            QT_TRANSLATE_NOOP("register", "村（社区）"),
            kind=REF,
            ref="villages",
            required=True,
            filterable=True,
        ),
        Field("held_on", QT_TRANSLATE_NOOP("register", "日期"), kind=DATE, required=True),
        Field(
            "kind",
            QT_TRANSLATE_NOOP("register", "类别"),
            kind=CHOICE,
            choices=COMMITTEE_RECORD_KINDS,
            required=True,
            default="meeting",
            filterable=True,
        ),
        Field(
            "subject", QT_TRANSLATE_NOOP("register", "事由"), required=True, max_length=200, searchable=True
        ),
        Field("attendees", QT_TRANSLATE_NOOP("register", "参加人员"), kind=LONGTEXT, in_list=False),
        Field(
            "content",
            QT_TRANSLATE_NOOP("register", "监督内容"),
            kind=LONGTEXT,
            in_list=False,
            searchable=True,
        ),
        Field(
            "problems",
            QT_TRANSLATE_NOOP("register", "发现问题"),
            kind=LONGTEXT,
            in_list=False,
            searchable=True,
        ),
        Field("follow_up", QT_TRANSLATE_NOOP("register", "处理情况"), kind=LONGTEXT, in_list=False),
    ),
    display=lambda r: f"{r.held_on} {r.subject}",
    default_sort="held_on",
    validate=_record_validate,
)


# ---- 联络员月报 -----------------------------------------------------------------------------------
def _report_complete(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Any]:
    reported = values.get("reported_on")
    if not values.get("month") and isinstance(reported, date):
        values["month"] = month_of(reported)
    village = s.get(Village, values["village_id"]) if values.get("village_id") else None
    if village is not None and not values.get("liaison"):
        values["liaison"] = village.liaison_name
    return values


def _report_validate(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Message]:
    errors = own_village_errors(s, values.get("village_id"))
    reported, month = values.get("reported_on"), values.get("month")
    if isinstance(reported, date) and reported > date.today():
        errors["reported_on"] = Message(QT_TRANSLATE_NOOP("app", "报告日期不能晚于今天。"))
    elif isinstance(reported, date) and month and month_of(reported) < str(month):
        errors["reported_on"] = Message(QT_TRANSLATE_NOOP("app", "报告日期不能早于所报月份。"))
    if not (values.get("liaison") or "").strip():
        errors["liaison"] = Message(
            QT_TRANSLATE_NOOP("app", "请填写联络员（或在村（社区）登记中填写村级纪检监察员）。")
        )
    return errors


def liaison_reports_paid(s: Session, first: date, last: date) -> Mapping[str, Sequence[str]]:
    """Who paid the monthly report: each village with a live report for a month in the period."""
    out: dict[str, list[str]] = {}
    stmt = select(LiaisonReport.id, LiaisonReport.village_id).where(
        LiaisonReport.deleted.is_(False), LiaisonReport.month.in_(_months_between(first, last))
    )
    for rid, village_id in s.execute(stmt.order_by(LiaisonReport.month, LiaisonReport.id)):
        out.setdefault(village_id, []).append(rid)
    return out


def missing_liaison_reports(s: Session, month: str) -> list[Village]:
    """The live villages with no liaison report for ``month`` (by township, then name)."""
    year, m = (int(part) for part in month.split("-"))
    first = date(year, m, 1)
    paid = liaison_reports_paid(s, first, first)
    villages = s.scalars(
        select(Village)
        .join(Unit, Unit.id == Village.township_id)
        .where(Village.deleted.is_(False), Unit.deleted.is_(False))
        .order_by(Unit.code, Village.name)
    ).all()
    return [v for v in villages if v.id not in paid]


LIAISON_REPORTS = Register(
    name="liaison_reports",
    title=QT_TRANSLATE_NOOP("register", "联络员月报"),
    area=AREA,
    model=LiaisonReport,
    fields=(
        Field(
            "village_id",
            QT_TRANSLATE_NOOP("register", "村（社区）"),
            kind=REF,
            ref="villages",
            required=True,
            filterable=True,
        ),
        Field(
            "month",
            QT_TRANSLATE_NOOP("register", "月份"),
            max_length=7,
            pattern=MONTH_PATTERN,
            pattern_hint=MONTH_HINT,
            filterable=True,
        ),
        Field("liaison", QT_TRANSLATE_NOOP("register", "联络员"), max_length=64, searchable=True),
        Field("reported_on", QT_TRANSLATE_NOOP("register", "报告日期"), kind=DATE, required=True),
        Field("village_affairs", QT_TRANSLATE_NOOP("register", "村务公开情况"), kind=LONGTEXT, in_list=False),
        Field("assets", QT_TRANSLATE_NOOP("register", "“三资”管理情况"), kind=LONGTEXT, in_list=False),
        Field(
            "problems",
            QT_TRANSLATE_NOOP("register", "发现问题"),
            kind=LONGTEXT,
            in_list=False,
            searchable=True,
        ),
        Field(
            "clues",
            QT_TRANSLATE_NOOP("register", "上报问题线索"),
            kind=LONGTEXT,
            in_list=False,
            sensitive=True,
        ),
        Field(
            "clue_count",
            QT_TRANSLATE_NOOP("register", "上报线索数"),
            kind=INT,
            minimum=0,
            maximum=99,
            default=0,
        ),
    ),
    display=lambda r: r.month,
    default_sort="month",
    unique=(("village_id", "month"),),
    validate=_report_validate,
    complete=_report_complete,
    # 联络员月报 (DOMAIN.md: the village liaison reports monthly to the township): owed by every
    # live village, every month.
    duties=(
        Duty(
            "liaison_monthly",
            QT_TRANSLATE_NOOP("register", "联络员月报"),
            MONTH,
            "village",
            liaison_reports_paid,
        ),
    ),
)

LEDGERS = (SIGNOFFS, TALKS, MAJOR_MATTERS, LAW_STUDY)
REGISTERS = (*LEDGERS, COMMITTEE_MEMBERS, COMMITTEE_RECORDS, LIAISON_REPORTS)
