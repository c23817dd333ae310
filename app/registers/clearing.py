"""Clearing a name (澄清正名) and tolerating an error (容错免责) (area "casework").

The seed (section 三, 四是): "建立容错免责机制……旗帜鲜明为那些敢于担当、踏实做事、不谋私利的干部撑腰鼓劲。
建立澄清正名机制……持续开展对恶意举报行为的责任追究，为受到恶意举报的党员干部通过《通报》等澄清正名的方式，
保护干部、激励干部。"

A name is cleared only after its clue ended so: a talk or letter inquiry reported as 了结澄清, or a
preliminary verification reported as 予以了结 (the matter found untrue). A report found to be a
malicious one (诬告陷害) says what was done about it; that text names the reporter and is sealed.

A 容错免责 application goes 申请 → 审查 → 决定. The review checks the 三个区分开来 (把干部在推进改革中
因缺乏经验、先行先试出现的失误错误，同明知故犯的违纪违法行为区分开来；把上级尚无明确限制的探索性试验中的失误
错误，同上级明令禁止后依然我行我素的违纪违法行为区分开来；把为推动发展的无意过失，同为谋取私利的违纪违法行为
区分开来) and the usual conditions (程序, 挽回损失). 免责 needs all three distinctions found; 减责 at
least one; 不予免责 none.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.casework import Clue, Inquiry, Verification
from app.models.education import NameClearing, Tolerance
from app.models.people import Person
from app.registers.fields import BOOL, CHOICE, DATE, LONGTEXT, REF, Field, Register
from app.registers.lifecycle import Lifecycle, Step
from app.registers.residency import with_own_unit

AREA = "intake"  # 澄清正名 follows a clue; 容错免责 sits with the sanctions (below)

CLEARING_FORMS = (
    ("meeting", QT_TRANSLATE_NOOP("register", "会议澄清")),
    ("written", QT_TRANSLATE_NOOP("register", "书面澄清")),
    ("circular", QT_TRANSLATE_NOOP("register", "通报澄清")),
)
DECISIONS = (
    ("exempt", QT_TRANSLATE_NOOP("register", "免责")),
    ("reduced", QT_TRANSLATE_NOOP("register", "减责")),
    ("refused", QT_TRANSLATE_NOOP("register", "不予免责")),
)
# The 三个区分开来, as the review finds each (field, label).
DISTINCTIONS = (
    ("no_experience", QT_TRANSLATE_NOOP("register", "因缺乏经验、先行先试出现失误，非明知故犯")),
    ("not_forbidden", QT_TRANSLATE_NOOP("register", "上级尚无明确限制的探索性试验，非明令禁止后我行我素")),
    ("not_for_self", QT_TRANSLATE_NOOP("register", "为推动发展的无意过失，非为谋取私利")),
)
CONDITIONS = (
    *DISTINCTIONS,
    ("procedure_followed", QT_TRANSLATE_NOOP("register", "决策履行了规定程序")),
    ("loss_remedied", QT_TRANSLATE_NOOP("register", "积极挽回损失、消除影响")),
)


def _person(s: Session, values: dict[str, Any]) -> dict[str, Any]:
    """The person's name, unit and post from the person record where left empty."""
    person = s.get(Person, values["person_id"]) if values.get("person_id") else None
    if person is not None:
        for name in ("name", "unit", "post"):
            if not values.get(f"person_{name}"):
                values[f"person_{name}"] = getattr(person, name)
    return values


def _person_fields() -> tuple[Field, ...]:
    return (
        Field(
            "person_id", QT_TRANSLATE_NOOP("register", "人员库记录"), kind=REF, ref="people", in_list=False
        ),
        Field("person_name", QT_TRANSLATE_NOOP("register", "姓名"), max_length=64, searchable=True),
        Field("person_unit", QT_TRANSLATE_NOOP("register", "工作单位"), max_length=100, searchable=True),
        Field("person_post", QT_TRANSLATE_NOOP("register", "职务"), max_length=64, in_list=False),
    )


def _unit_field() -> Field:
    return Field(
        "unit_id",
        QT_TRANSLATE_NOOP("register", "办理单位"),
        kind=REF,
        ref="units",
        filterable=True,
    )


# ---- 澄清正名 ----------------------------------------------------------------------------------
def clearing_finding(s: Session, clue_id: str) -> date | None:
    """The day the clue was found untrue — its inquiry reported 了结澄清 or its verification
    reported 予以了结 — or None when it did not end so."""
    days: list[date] = []
    for model, outcome in ((Inquiry, "clarified"), (Verification, "closed")):
        days += [
            d or date.min
            for d in s.scalars(
                select(model.finished_on).where(
                    model.clue_id == clue_id,
                    model.deleted.is_(False),
                    model.state == "done",
                    model.outcome == outcome,
                )
            )
        ]
    return min(days) if days else None


def _clearing_complete(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Any]:
    values = with_own_unit(s, values)
    clue = s.get(Clue, values["clue_id"]) if values.get("clue_id") else None
    if clue is not None:
        if not values.get("person_id") and clue.person_id:
            values["person_id"] = clue.person_id
        for mine, theirs in (("name", "subject_name"), ("unit", "subject_unit"), ("post", "subject_post")):
            if not values.get(f"person_{mine}"):
                values[f"person_{mine}"] = getattr(clue, theirs)
    return _person(s, values)


def _clearing_validate(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Message]:
    errors: dict[str, Message] = {}
    clue = s.get(Clue, values["clue_id"]) if values.get("clue_id") else None
    if clue is not None:
        found = clearing_finding(s, clue.id)
        cleared = values.get("cleared_on")
        if found is None:
            errors["clue_id"] = Message(
                QT_TRANSLATE_NOOP(
                    "app",
                    "线索 {number} 尚未以「了结澄清」（谈话函询）或「予以了结」（初步核实，反映不实）办结，"
                    "不能澄清正名。",
                ),
                {"number": clue.number},
            )
        elif isinstance(cleared, date) and found != date.min and cleared < found:
            errors["cleared_on"] = Message(
                QT_TRANSLATE_NOOP("app", "澄清日期不能早于线索办结（{day}）。"), {"day": found.isoformat()}
            )
    cleared = values.get("cleared_on")
    if isinstance(cleared, date) and cleared > date.today():
        errors["cleared_on"] = Message(QT_TRANSLATE_NOOP("app", "澄清日期不能晚于今天。"))
    if values.get("form") == "circular" and not values.get("circular_id"):
        errors["circular_id"] = Message(QT_TRANSLATE_NOOP("app", "通报澄清请选择所发的通报。"))
    if values.get("malicious") and not values.get("accountability"):
        errors["accountability"] = Message(
            QT_TRANSLATE_NOOP("app", "认定为诬告陷害的，须写明对举报人的责任追究情况。")
        )
    if not values.get("person_name"):
        errors["person_name"] = Message(QT_TRANSLATE_NOOP("app", "请填写被澄清人的姓名。"))
    return errors


NAME_CLEARINGS = Register(
    name="name_clearings",
    title=QT_TRANSLATE_NOOP("register", "澄清正名"),
    area=AREA,
    model=NameClearing,
    fields=(
        Field(
            "clue_id",
            QT_TRANSLATE_NOOP("register", "所涉线索"),
            kind=REF,
            ref="clues",
            required=True,
            filterable=True,
        ),
        *_person_fields(),
        _unit_field(),
        Field("cleared_on", QT_TRANSLATE_NOOP("register", "澄清日期"), kind=DATE, required=True),
        Field(
            "form",
            QT_TRANSLATE_NOOP("register", "澄清方式"),
            kind=CHOICE,
            choices=CLEARING_FORMS,
            required=True,
            default="meeting",
            filterable=True,
        ),
        Field("scope", QT_TRANSLATE_NOOP("register", "澄清范围"), max_length=200, searchable=True),
        Field(
            "circular_id",
            QT_TRANSLATE_NOOP("register", "澄清通报"),
            kind=REF,
            ref="circulars",
            in_list=False,
        ),
        Field(
            "malicious",
            QT_TRANSLATE_NOOP("register", "认定诬告陷害"),
            kind=BOOL,
            default=False,
            filterable=True,
        ),
        Field(
            "accountability",
            QT_TRANSLATE_NOOP("register", "责任追究情况"),
            kind=LONGTEXT,
            sensitive=True,
            in_list=False,
        ),
        Field("note", QT_TRANSLATE_NOOP("register", "备注"), kind=LONGTEXT, in_list=False),
    ),
    display=lambda c: f"{c.person_name} {c.cleared_on:%Y-%m-%d}".strip(),
    default_sort="cleared_on",
    validate=_clearing_validate,
    complete=_clearing_complete,
)


# ---- 容错免责 ----------------------------------------------------------------------------------
TOLERANCE_LIFECYCLE = Lifecycle(
    states=(
        ("applied", QT_TRANSLATE_NOOP("register", "已申请")),
        ("reviewed", QT_TRANSLATE_NOOP("register", "已审查")),
        ("decided", QT_TRANSLATE_NOOP("register", "已决定")),
    ),
    steps=(
        Step(
            "review",
            QT_TRANSLATE_NOOP("register", "审查"),
            ("applied",),
            "reviewed",
            requires=("reviewed_on", "review_opinion"),
            asks=tuple(name for name, _label in CONDITIONS),
        ),
        Step(
            "decide",
            QT_TRANSLATE_NOOP("register", "作出决定"),
            ("reviewed",),
            "decided",
            requires=("decision", "decided_on", "decided_by"),
        ),
        Step(
            "reconsider",
            QT_TRANSLATE_NOOP("register", "退回重新审查"),
            ("reviewed", "decided"),
            "applied",
            sets={"decision": "", "decided_on": None, "decided_by": ""},
        ),
    ),
    open_states=("applied", "reviewed"),
)


def _labels(names: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    return tuple(label for _name, label in names)


def _tolerance_validate(_s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Message]:
    errors: dict[str, Message] = {}
    applied, reviewed, decided = values.get("applied_on"), values.get("reviewed_on"), values.get("decided_on")
    if isinstance(applied, date) and applied > date.today():
        errors["applied_on"] = Message(QT_TRANSLATE_NOOP("app", "申请日期不能晚于今天。"))
    if isinstance(applied, date) and isinstance(reviewed, date) and reviewed < applied:
        errors["reviewed_on"] = Message(QT_TRANSLATE_NOOP("app", "审查日期不能早于申请日期。"))
    if isinstance(reviewed, date) and isinstance(decided, date) and decided < reviewed:
        errors["decided_on"] = Message(QT_TRANSLATE_NOOP("app", "决定日期不能早于审查日期。"))
    if not values.get("person_name"):
        errors["person_name"] = Message(QT_TRANSLATE_NOOP("app", "请填写申请人的姓名。"))
    decision = values.get("decision")
    if not decision:
        if values.get("state") == "decided":
            errors["decision"] = Message(QT_TRANSLATE_NOOP("app", "已作出决定的申请，处理决定不能为空。"))
        return errors
    if values.get("state") != "decided":
        errors["decision"] = Message(QT_TRANSLATE_NOOP("app", "处理决定须经审查后通过「作出决定」办理。"))
        return errors
    if not (values.get("reviewed_on") and values.get("review_opinion")):
        errors["decision"] = Message(QT_TRANSLATE_NOOP("app", "尚未审查容错条件，不能作出决定。"))
        return errors
    missing = tuple(label for name, label in DISTINCTIONS if not values.get(name))
    if decision == "exempt" and missing:
        errors["decision"] = Message(
            QT_TRANSLATE_NOOP("app", "免责须经审查符合「三个区分开来」的全部情形，以下尚未认定：{missing}"),
            {"missing": missing},
        )
    elif decision == "reduced" and len(missing) == len(DISTINCTIONS):
        errors["decision"] = Message(
            QT_TRANSLATE_NOOP("app", "减责须经审查至少符合「三个区分开来」的一种情形：{all}"),
            {"all": _labels(DISTINCTIONS)},
        )
    return errors


TOLERANCES = Register(
    name="tolerances",
    title=QT_TRANSLATE_NOOP("register", "容错免责"),
    area="sanctions",
    model=Tolerance,
    fields=(
        *_person_fields(),
        _unit_field(),
        Field("applied_on", QT_TRANSLATE_NOOP("register", "申请日期"), kind=DATE, required=True),
        Field(
            "matter",
            QT_TRANSLATE_NOOP("register", "申请容错的事项"),
            kind=LONGTEXT,
            required=True,
            searchable=True,
        ),
        *(Field(name, label, kind=BOOL, default=False, in_list=False) for name, label in CONDITIONS),
        Field("reviewed_on", QT_TRANSLATE_NOOP("register", "审查日期"), kind=DATE, in_list=False),
        Field("review_opinion", QT_TRANSLATE_NOOP("register", "审查意见"), kind=LONGTEXT, in_list=False),
        Field(
            "decision",
            QT_TRANSLATE_NOOP("register", "处理决定"),
            kind=CHOICE,
            choices=DECISIONS,
            filterable=True,
        ),
        Field("decided_on", QT_TRANSLATE_NOOP("register", "决定日期"), kind=DATE),
        Field("decided_by", QT_TRANSLATE_NOOP("register", "决定机关"), max_length=64, searchable=True),
        Field(
            "state",
            QT_TRANSLATE_NOOP("register", "状态"),
            kind=CHOICE,
            choices=TOLERANCE_LIFECYCLE.states,
            default=TOLERANCE_LIFECYCLE.initial,
            filterable=True,
            editable=False,
        ),
    ),
    display=lambda t: f"{t.person_name} {t.applied_on:%Y-%m-%d}".strip(),
    default_sort="applied_on",
    validate=_tolerance_validate,
    complete=lambda s, values, _row_id: _person(s, with_own_unit(s, values)),
    lifecycle=TOLERANCE_LIFECYCLE,
)

REGISTERS = (NAME_CLEARINGS, TOLERANCES)
