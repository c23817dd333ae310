"""Measures (处理) given to a person, or to a party organisation (问责), in a decision: their
kinds and the rules of who may be given what (``app.registers.sanctions``), the form each counts
in (``app.registers.form_mapping``) and the end of their 处分期/影响期 (area "casework").

The register keeps the name ``dispositions`` (its table and every bundle know it by that)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.casework import Appeal, Case, Clue, Disposition
from app.models.org import Unit
from app.models.people import Person
from app.registers import form_mapping
from app.registers.casework_choices import COUNTY_MANAGED, FORM_CHOICES, TOWNSHIP_MANAGED, VILLAGE_CADRE
from app.registers.fields import BOOL, CHOICE, DATE, LONGTEXT, REF, Field, Register
from app.registers.lifecycle import Lifecycle, Step, StepCheck, not_before
from app.registers.person_link import link_measured
from app.registers.sanctions import (
    KIND_CHOICES,
    KIND_LABELS,
    KIND_MEASURES,
    MEASURE_CHOICES,
    PARTY_ONLY,
    STATE_ONLY,
    VILLAGE_CATEGORY,
    VILLAGE_STATE_MEASURES,
    period_end,
)

AREA = "sanctions"
HANDLING_UNIT_TYPES = ("county", "office", "township", "group")
ORGANISATION = "org_accountability"


def local_cadre(authority: str | None, category: str | None) -> bool:
    """A township's own cadre or a village cadre (the township commission handles them)."""
    return authority in (TOWNSHIP_MANAGED, VILLAGE_CADRE) or category == VILLAGE_CATEGORY


def person_problem(kind: str, measure: str, name: str, party_member: bool, category: str) -> Message | None:
    """Why this person may not be given this measure (条例, 政务处分法), or None."""
    who = {"name": name, "measure": f"{KIND_LABELS.get(kind, kind)}（{measure}）"}
    if (kind, measure) in PARTY_ONLY and not party_member:
        return Message(
            QT_TRANSLATE_NOOP(
                "app", "{name} 在人员库中不是中共党员，不能给予{measure}。如有误，请先在人员库中更正。"
            ),
            who,
        )
    if (kind, measure) in STATE_ONLY and not category:
        return Message(
            QT_TRANSLATE_NOOP(
                "app", "{name} 在人员库中不是监察对象，不能给予{measure}。如有误，请先在人员库中更正。"
            ),
            who,
        )
    if kind == "state" and category == VILLAGE_CATEGORY and measure not in VILLAGE_STATE_MEASURES:
        return Message(
            QT_TRANSLATE_NOOP(
                "app",
                "{name} 是基层群众性自治组织中从事管理的人员，政务处分只能是警告、记过或记大过，不能给予{measure}。",
            ),
            who,
        )
    return None


# Who counts the measures on a clue an inspection (巡察) transferred, by who the clue is about.
_TOWNSHIP = QT_TRANSLATE_NOOP(
    "app", "巡察移交的线索涉及乡镇干部或村干部，由乡镇纪委办理和计数，请选择该乡镇纪委。"
)
_COUNTY = QT_TRANSLATE_NOOP(
    "app", "巡察移交的线索涉及县管干部，由县纪委监委（委机关室）办理和计数，请选择县纪委监委或其室。"
)
_GROUP = QT_TRANSLATE_NOOP("app", "巡察移交的线索由初核的派驻纪检监察组办理和计数，请选择该派驻组。")


def inspection_problem(authority: str | None, category: str | None, unit_type: str) -> Message | None:
    """Why a unit of ``unit_type`` may not count a measure on an inspection-transferred clue about
    a person of this 管理权限 and 监察对象 category, or None: a township's or village cadre counts
    to the township commission, a 县管干部 to the county commission (an office), anyone else to
    the dispatched group that verified the clue."""
    if local_cadre(authority, category):
        return None if unit_type == "township" else Message(_TOWNSHIP)
    if authority == COUNTY_MANAGED:
        return None if unit_type in ("county", "office") else Message(_COUNTY)
    return None if unit_type == "group" else Message(_GROUP)


def _inspection_errors(s: Session, values: dict[str, Any], person: Person | None) -> dict[str, Message]:
    clue = s.get(Clue, values.get("clue_id")) if values.get("clue_id") else None
    unit = s.get(Unit, values.get("handling_unit_id")) if values.get("handling_unit_id") else None
    if clue is None or unit is None or clue.source != "inspection":
        return {}
    about = s.get(Person, clue.person_id) if clue.person_id else person
    problem = inspection_problem(
        about.authority if about else None, about.object_category if about else None, unit.unit_type
    )
    return {"handling_unit_id": problem} if problem is not None else {}


def _validate(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Message]:
    errors: dict[str, Message] = {}
    kind, measure = str(values.get("kind") or ""), str(values.get("measure") or "")
    if kind and measure and measure not in KIND_MEASURES.get(kind, ()):
        errors["measure"] = Message(
            QT_TRANSLATE_NOOP("app", "「{measure}」不是{kind}的处理方式，可选：{allowed}"),
            {"measure": measure, "kind": KIND_LABELS.get(kind, kind), "allowed": KIND_MEASURES.get(kind, ())},
        )
    person = s.get(Person, values.get("person_id")) if values.get("person_id") else None
    if kind == ORGANISATION:
        if not values.get("org_name"):
            errors["org_name"] = Message(QT_TRANSLATE_NOOP("app", "问责党组织须填写被问责的党组织名称。"))
        if values.get("person_id") or values.get("person_name"):
            errors["person_name"] = Message(
                QT_TRANSLATE_NOOP("app", "问责党组织的记录不填写个人；对个人问责请选「问责（个人）」。")
            )
    elif not values.get("person_name"):
        errors["person_name"] = Message(QT_TRANSLATE_NOOP("app", "「{label}」不能为空。"), {"label": "姓名"})
    elif values.get("org_name"):
        errors["org_name"] = Message(QT_TRANSLATE_NOOP("app", "只有问责党组织的记录才填写党组织名称。"))
    if not errors and person is not None:
        problem = person_problem(kind, measure, person.name, person.party_member, person.object_category)
        if problem is not None:
            errors["measure"] = problem
    if values.get("guided") and not values.get("guided_by_id"):
        errors["guided_by_id"] = Message(QT_TRANSLATE_NOOP("app", "指导领办的须选择指导科室。"))
    if values.get("guided_by_id") and not values.get("guided"):
        errors["guided"] = Message(QT_TRANSLATE_NOOP("app", "选了指导科室，请同时勾选「指导领办」。"))
    errors.update(_inspection_errors(s, values, person))
    errors.update(_case_errors(s, values, _row_id))
    return errors


# Sanctions that need a concluded case (审结) before the decision, and are announced afterwards.
SANCTION_KINDS = ("party", "state")


def _case_errors(s: Session, values: dict[str, Any], row_id: str | None) -> dict[str, Message]:
    """A sanction decided on a case comes after the case is concluded (审结)."""
    case = s.get(Case, values.get("case_id")) if values.get("case_id") else None
    if row_id is not None or case is None or values.get("kind") not in SANCTION_KINDS:
        return {}
    if case.state != "concluded":
        return {
            "case_id": Message(
                QT_TRANSLATE_NOOP("app", "案件 {number} 尚未审结，不能作出处分决定。"),
                {"number": case.number},
            )
        }
    decided = values.get("decided_on")
    if isinstance(decided, date) and case.concluded_on is not None and decided < case.concluded_on:
        return {"decided_on": Message(QT_TRANSLATE_NOOP("app", "处分决定日期不能早于案件审结日期。"))}
    return {}


def _by_appeal(result: str) -> StepCheck:
    """撤销 and 变更 come only from a decided appeal (申诉, 复审, 复核) with that result."""

    def check(s: Session, d: Any, _values: dict[str, Any]) -> dict[str, Message]:
        found = s.scalars(
            select(Appeal.id).where(
                Appeal.disposition_id == d.id,
                Appeal.deleted.is_(False),
                Appeal.state == "decided",
                Appeal.result == result,
            )
        ).first()
        if found is None:
            return {"": Message(QT_TRANSLATE_NOOP("app", "撤销或变更处分须有相应的申诉、复审或复核决定。"))}
        return {}

    return check


# The states an appeal's decision may revoke or change a measure in.
DECIDED_STATES = ("decided", "announced", "executed", "visited", "untracked")

DISPOSITION_LIFECYCLE = Lifecycle(
    states=(
        ("decided", QT_TRANSLATE_NOOP("register", "已作出决定")),
        ("announced", QT_TRANSLATE_NOOP("register", "已宣布送达")),
        ("executed", QT_TRANSLATE_NOOP("register", "已执行")),
        ("visited", QT_TRANSLATE_NOOP("register", "已回访")),
        ("revoked", QT_TRANSLATE_NOOP("register", "已撤销")),
        ("changed", QT_TRANSLATE_NOOP("register", "已变更")),
        ("untracked", QT_TRANSLATE_NOOP("register", "升级前登记")),
    ),
    steps=(
        Step(
            "announce",
            QT_TRANSLATE_NOOP("register", "宣布送达"),
            ("decided",),
            "announced",
            requires=("announced_on",),
            check=not_before(
                "announced_on", "decided_on", QT_TRANSLATE_NOOP("app", "宣布送达日期不能早于决定日期。")
            ),
        ),
        Step(
            "execute",
            QT_TRANSLATE_NOOP("register", "执行"),
            ("announced",),
            "executed",
            requires=("executed_on",),
            check=not_before(
                "executed_on", "announced_on", QT_TRANSLATE_NOOP("app", "执行日期不能早于宣布送达日期。")
            ),
        ),
        Step(
            "revisit",
            QT_TRANSLATE_NOOP("register", "回访教育"),
            ("executed",),
            "visited",
            requires=("revisited_on", "revisit_note"),
            check=not_before(
                "revisited_on", "executed_on", QT_TRANSLATE_NOOP("app", "回访日期不能早于执行日期。")
            ),
        ),
        *(
            Step(name, label, DECIDED_STATES, target, check=_by_appeal(target))
            for name, label, target in (
                ("revoke", QT_TRANSLATE_NOOP("register", "撤销（依申诉或复审复核决定）"), "revoked"),
                ("change", QT_TRANSLATE_NOOP("register", "变更（依申诉或复审复核决定）"), "changed"),
            )
        ),
    ),
    open_states=("decided",),
)


def _complete(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Any]:
    clue = s.get(Clue, values.get("clue_id")) if values.get("clue_id") else None
    organisation = values.get("kind") == ORGANISATION
    if clue is not None and not organisation:
        same = not values.get("person_name") or values.get("person_name") == clue.subject_name
        if not values.get("person_id") and same:
            values["person_id"] = clue.person_id
        if not values.get("person_name"):
            values["person_name"] = clue.subject_name
        if not values.get("person_unit"):
            values["person_unit"] = clue.subject_unit
    if clue is not None and not values.get("handling_unit_id") and clue.handling_unit_id:
        values["handling_unit_id"] = clue.handling_unit_id
    if not organisation:
        values = link_measured(s, values)
    kind, measure = str(values.get("kind") or ""), str(values.get("measure") or "")
    values["form"] = form_mapping.in_force(s).get((kind, measure), "")
    values["ends_on"] = period_end(kind, measure, values.get("decided_on"))
    return values


def display(d: Disposition) -> str:
    """Who, the measure and the day, all data (no label: the English window shows it as it is)."""
    day = d.decided_on.isoformat() if d.decided_on else ""
    return " ".join(p for p in (d.person_name or d.org_name, d.measure, day) if p)


DISPOSITIONS = Register(
    name="dispositions",
    title=QT_TRANSLATE_NOOP("register", "处理处分"),
    area=AREA,
    model=Disposition,
    fields=(
        Field(
            "person_id",
            QT_TRANSLATE_NOOP("register", "人员库记录"),
            kind=REF,
            ref="people",
            in_list=False,
        ),
        Field("person_name", QT_TRANSLATE_NOOP("register", "姓名"), max_length=64, searchable=True),
        Field("person_unit", QT_TRANSLATE_NOOP("register", "工作单位"), max_length=100, searchable=True),
        Field("person_post", QT_TRANSLATE_NOOP("register", "职务"), max_length=64, in_list=False),
        Field(
            "org_name",
            QT_TRANSLATE_NOOP("register", "被问责党组织"),
            max_length=100,
            in_list=False,
            searchable=True,
        ),
        Field(
            "kind",
            QT_TRANSLATE_NOOP("register", "处理类别"),
            kind=CHOICE,
            choices=KIND_CHOICES,
            required=True,
            filterable=True,
        ),
        Field(
            "measure",
            QT_TRANSLATE_NOOP("register", "处理方式"),
            kind=CHOICE,
            choices=MEASURE_CHOICES,
            required=True,
            filterable=True,
        ),
        Field(
            "form",
            QT_TRANSLATE_NOOP("register", "形态"),
            kind=CHOICE,
            choices=FORM_CHOICES,
            filterable=True,
            editable=False,
        ),
        Field(
            "decision_no",
            QT_TRANSLATE_NOOP("register", "决定文号"),
            max_length=64,
            searchable=True,
            in_list=False,
        ),
        Field("deciding_body", QT_TRANSLATE_NOOP("register", "决定机关"), max_length=64, searchable=True),
        Field("decided_on", QT_TRANSLATE_NOOP("register", "决定日期"), kind=DATE, required=True),
        Field("ends_on", QT_TRANSLATE_NOOP("register", "处分期（影响期）至"), kind=DATE, editable=False),
        Field("clue_id", QT_TRANSLATE_NOOP("register", "关联线索"), kind=REF, ref="clues", in_list=False),
        Field("case_id", QT_TRANSLATE_NOOP("register", "关联案件"), kind=REF, ref="cases", in_list=False),
        Field(
            "handling_unit_id",
            QT_TRANSLATE_NOOP("register", "办理单位"),
            kind=REF,
            ref="units",
            ref_filter={"unit_type": HANDLING_UNIT_TYPES},
            required=True,
            filterable=True,
        ),
        Field("guided", QT_TRANSLATE_NOOP("register", "指导领办"), kind=BOOL, default=False, filterable=True),
        Field(
            "guided_by_id",
            QT_TRANSLATE_NOOP("register", "指导科室"),
            kind=REF,
            ref="units",
            ref_filter={"unit_type": ("office",)},
            filterable=True,
        ),
        Field("note", QT_TRANSLATE_NOOP("register", "备注"), kind=LONGTEXT, in_list=False, searchable=True),
        Field("announced_on", QT_TRANSLATE_NOOP("register", "宣布送达日期"), kind=DATE, in_list=False),
        Field("executed_on", QT_TRANSLATE_NOOP("register", "执行日期"), kind=DATE, in_list=False),
        Field("revisited_on", QT_TRANSLATE_NOOP("register", "回访日期"), kind=DATE, in_list=False),
        Field("revisit_note", QT_TRANSLATE_NOOP("register", "回访情况"), kind=LONGTEXT, in_list=False),
        Field(
            "state",
            QT_TRANSLATE_NOOP("register", "状态"),
            kind=CHOICE,
            choices=DISPOSITION_LIFECYCLE.states,
            default=DISPOSITION_LIFECYCLE.initial,
            filterable=True,
            editable=False,
        ),
    ),
    display=display,
    default_sort="decided_on",
    validate=_validate,
    complete=_complete,
    lifecycle=DISPOSITION_LIFECYCLE,
)

REGISTERS = (DISPOSITIONS,)
