"""Talk/letter inquiries (谈话函询), preliminary verifications (初步核实), cases (立案审查调查),
co-reviews (协审) and the four forms (四种形态) (area "casework")."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.casework import Case, CaseUnit, Clue, CoReview, Inquiry, Verification
from app.registers.casework_choices import (
    CO_REVIEW_RESULT_CHOICES,
    INQUIRY_KIND_CHOICES,
    INQUIRY_OUTCOME_CHOICES,
    VERIFICATION_OUTCOME_CHOICES,
)
from app.registers.clues import CLUE_LIFECYCLE, NUMBER_HINT, NUMBER_PATTERN, subject_fields
from app.registers.fields import CHOICE, DATE, INT, LONGTEXT, REF, Field, Register
from app.registers.lifecycle import Lifecycle, Step
from app.registers.person_link import link_subject
from app.registers.recusals import recuse_step
from app.registers.ties import tie_warnings
from app.security.secrecy import secrecy_fields

AREA = "casework"
HANDLING_UNIT_TYPES = ("county", "office", "township", "group")


def _extension_fields() -> tuple[Field, ...]:
    return (
        Field(
            "extension_days",
            QT_TRANSLATE_NOOP("register", "延期天数"),
            kind=INT,
            minimum=0,
            maximum=365,
            default=0,
            in_list=False,
            editable=False,
        ),
        Field("extension_reason", QT_TRANSLATE_NOOP("register", "延期理由"), kind=LONGTEXT, in_list=False),
    )


def _inquiry_lifecycle(outcome_target: str) -> Lifecycle:
    return Lifecycle(
        states=(
            ("planned", QT_TRANSLATE_NOOP("register", "已制定方案")),
            ("ongoing", QT_TRANSLATE_NOOP("register", "办理中")),
            ("done", QT_TRANSLATE_NOOP("register", "已报告")),
        ),
        steps=(
            Step(
                "start",
                QT_TRANSLATE_NOOP("register", "开始办理"),
                ("planned",),
                "ongoing",
                requires=("started_on",),
            ),
            Step(
                "extend",
                QT_TRANSLATE_NOOP("register", "延期"),
                ("ongoing",),
                "ongoing",
                requires=("extension_days", "extension_reason"),
            ),
            Step(
                "report",
                QT_TRANSLATE_NOOP("register", "报告结果"),
                ("ongoing",),
                outcome_target,
                requires=("outcome", "finished_on", "report"),
            ),
            recuse_step("lead_id", "", ("planned", "ongoing")),
        ),
        open_states=("planned", "ongoing"),
    )


INQUIRY_LIFECYCLE = _inquiry_lifecycle("done")
VERIFICATION_LIFECYCLE = _inquiry_lifecycle("done")


def _team_validate(
    s: Session, values: dict[str, Any], row_id: str | None, clue_states: tuple[str, ...], what: str
) -> dict[str, Message]:
    errors: dict[str, Message] = {}
    lead, member = values.get("lead_id"), values.get("member_id")
    needs_two = values.get("kind", "talk") == "talk"
    if needs_two and not (lead and member):
        errors["member_id" if lead else "lead_id"] = Message(
            QT_TRANSLATE_NOOP("app", "{what}须由两名以上工作人员进行，请填写主办人和协办人。"), {"what": what}
        )
    elif lead and member and lead == member:
        errors["member_id"] = Message(QT_TRANSLATE_NOOP("app", "协办人不能与主办人是同一人。"))
    clue = s.get(Clue, values.get("clue_id")) if values.get("clue_id") else None
    if row_id is None and clue is not None and clue.state not in clue_states:
        errors["clue_id"] = Message(
            QT_TRANSLATE_NOOP("app", "线索 {number} 尚未决定采用「{what}」方式处置。"),
            {"number": clue.number, "what": what},
        )
    started, finished = values.get("started_on"), values.get("finished_on")
    if isinstance(started, date) and isinstance(finished, date) and finished < started:
        errors["finished_on"] = Message(QT_TRANSLATE_NOOP("app", "完成日期不能早于开始日期。"))
    return errors


def _inquiry_validate(s: Session, values: dict[str, Any], row_id: str | None) -> dict[str, Message]:
    what = (
        QT_TRANSLATE_NOOP("app", "谈话函询")
        if values.get("kind") != "talk"
        else QT_TRANSLATE_NOOP("app", "谈话")
    )
    return _team_validate(s, values, row_id, ("talk",), what)


def _verification_validate(s: Session, values: dict[str, Any], row_id: str | None) -> dict[str, Message]:
    values = {**values, "kind": "talk"}  # a verification team is at least two as well
    return _team_validate(s, values, row_id, ("verification",), QT_TRANSLATE_NOOP("app", "初步核实"))


def _team_complete(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Any]:
    """An inquiry or verification is about its clue's person."""
    clue = s.get(Clue, values.get("clue_id")) if values.get("clue_id") else None
    if clue is not None:
        values["person_id"] = clue.person_id
    return values


def _team_warn(s: Session, values: dict[str, Any], _row_id: str | None) -> list[Message]:
    clue = s.get(Clue, values.get("clue_id")) if values.get("clue_id") else None
    if clue is None:
        return []
    subject = {k: getattr(clue, k) for k in ("person_id", "subject_name", "subject_unit", "subject_village")}
    return tie_warnings(s, [values.get("lead_id"), values.get("member_id")], subject)


def _team_fields(outcomes: tuple[tuple[str, str], ...], lifecycle: Lifecycle) -> tuple[Field, ...]:
    return (
        Field(
            "clue_id",
            QT_TRANSLATE_NOOP("register", "线索"),
            kind=REF,
            ref="clues",
            required=True,
            filterable=True,
        ),
        Field(
            "person_id",
            QT_TRANSLATE_NOOP("register", "被反映人"),
            kind=REF,
            ref="people",
            editable=False,
        ),
        Field("lead_id", QT_TRANSLATE_NOOP("register", "主办人"), kind=REF, ref="staff", filterable=True),
        Field("member_id", QT_TRANSLATE_NOOP("register", "协办人"), kind=REF, ref="staff"),
        Field("other_members", QT_TRANSLATE_NOOP("register", "其他组员"), max_length=100, in_list=False),
        Field("plan", QT_TRANSLATE_NOOP("register", "工作方案"), kind=LONGTEXT, in_list=False),
        Field("started_on", QT_TRANSLATE_NOOP("register", "开始日期"), kind=DATE),
        *_extension_fields(),
        Field("finished_on", QT_TRANSLATE_NOOP("register", "完成日期"), kind=DATE),
        Field(
            "outcome",
            QT_TRANSLATE_NOOP("register", "处理结果"),
            kind=CHOICE,
            choices=outcomes,
            filterable=True,
        ),
        Field(
            "report", QT_TRANSLATE_NOOP("register", "情况报告"), kind=LONGTEXT, sensitive=True, in_list=False
        ),
        Field(
            "state",
            QT_TRANSLATE_NOOP("register", "状态"),
            kind=CHOICE,
            choices=lifecycle.states,
            default=lifecycle.initial,
            filterable=True,
            editable=False,
        ),
        *secrecy_fields(secrecy_in_list=False),
    )


INQUIRIES = Register(
    name="inquiries",
    title=QT_TRANSLATE_NOOP("register", "谈话函询"),
    area=AREA,
    model=Inquiry,
    fields=(
        Field(
            "kind",
            QT_TRANSLATE_NOOP("register", "方式"),
            kind=CHOICE,
            choices=INQUIRY_KIND_CHOICES,
            required=True,
            default="talk",
            filterable=True,
        ),
        *_team_fields(INQUIRY_OUTCOME_CHOICES, INQUIRY_LIFECYCLE),
    ),
    display=lambda i: i.id,
    default_sort="started_on",
    validate=_inquiry_validate,
    complete=_team_complete,
    warn=_team_warn,
    warn_fields=("lead_id", "member_id", "clue_id"),
    lifecycle=INQUIRY_LIFECYCLE,
)

VERIFICATIONS = Register(
    name="verifications",
    title=QT_TRANSLATE_NOOP("register", "初步核实"),
    area=AREA,
    model=Verification,
    fields=_team_fields(VERIFICATION_OUTCOME_CHOICES, VERIFICATION_LIFECYCLE),
    display=lambda v: v.id,
    default_sort="started_on",
    validate=_verification_validate,
    complete=_team_complete,
    warn=_team_warn,
    warn_fields=("lead_id", "member_id", "clue_id"),
    lifecycle=VERIFICATION_LIFECYCLE,
)


# ---- cases -------------------------------------------------------------------------------------
CASE_LIFECYCLE = Lifecycle(
    states=(
        ("filed", QT_TRANSLATE_NOOP("register", "已立案")),
        ("investigating", QT_TRANSLATE_NOOP("register", "审查调查中")),
        ("review", QT_TRANSLATE_NOOP("register", "移送审理")),
        ("concluded", QT_TRANSLATE_NOOP("register", "已结案")),
    ),
    steps=(
        Step("investigate", QT_TRANSLATE_NOOP("register", "开始审查调查"), ("filed",), "investigating"),
        Step(
            "extend",
            QT_TRANSLATE_NOOP("register", "延期"),
            ("investigating",),
            "investigating",
            requires=("extension_days", "extension_reason"),
        ),
        Step(
            "to_review",
            QT_TRANSLATE_NOOP("register", "移送审理"),
            ("investigating",),
            "review",
            requires=("review_on", "facts"),
        ),
        Step("back", QT_TRANSLATE_NOOP("register", "退回补充调查"), ("review",), "investigating"),
        Step(
            "conclude",
            QT_TRANSLATE_NOOP("register", "审结"),
            ("review",),
            "concluded",
            requires=("concluded_on",),
        ),
        recuse_step("handler_id", "cases", ("filed", "investigating", "review")),
    ),
    open_states=("filed", "investigating"),
)


def _case_validate(s: Session, values: dict[str, Any], row_id: str | None) -> dict[str, Message]:
    errors: dict[str, Message] = {}
    clue = s.get(Clue, values.get("clue_id")) if values.get("clue_id") else None
    if row_id is None and clue is not None and clue.state not in ("talk", "verification", "case"):
        errors["clue_id"] = Message(
            QT_TRANSLATE_NOOP("app", "线索 {number} 处于「{state}」状态，不能据此立案。"),
            {"number": clue.number, "state": CLUE_LIFECYCLE.state_label(clue.state)},
        )
    filed = values.get("filed_on")
    for name in ("review_on", "concluded_on"):
        d = values.get(name)
        if isinstance(filed, date) and isinstance(d, date) and d < filed:
            errors[name] = Message(QT_TRANSLATE_NOOP("app", "该日期不能早于立案日期。"))
    return errors


def _case_complete(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Any]:
    clue = s.get(Clue, values.get("clue_id")) if values.get("clue_id") else None
    if clue is not None:
        same = not values.get("subject_name") or values.get("subject_name") == clue.subject_name
        if not values.get("person_id") and same:
            values["person_id"] = clue.person_id
        for name in ("subject_name", "subject_unit", "subject_post", "subject_rank", "subject_village"):
            if not values.get(name):
                values[name] = getattr(clue, name)
    return link_subject(s, values)


def _case_warn(s: Session, values: dict[str, Any], _row_id: str | None) -> list[Message]:
    return tie_warnings(s, [values.get("handler_id")], values)


CASES = Register(
    name="cases",
    title=QT_TRANSLATE_NOOP("register", "立案审查调查"),
    area=AREA,
    model=Case,
    fields=(
        Field(
            "number",
            QT_TRANSLATE_NOOP("register", "案件编号"),
            required=True,
            max_length=32,
            pattern=NUMBER_PATTERN,
            pattern_hint=NUMBER_HINT,
            searchable=True,
        ),
        Field("clue_id", QT_TRANSLATE_NOOP("register", "来源线索"), kind=REF, ref="clues", in_list=False),
        Field("filed_on", QT_TRANSLATE_NOOP("register", "立案日期"), kind=DATE, required=True),
        *subject_fields(),
        Field(
            "handling_unit_id",
            QT_TRANSLATE_NOOP("register", "承办单位"),
            kind=REF,
            ref="units",
            ref_filter={"unit_type": HANDLING_UNIT_TYPES},
            required=True,
            filterable=True,
        ),
        Field("handler_id", QT_TRANSLATE_NOOP("register", "承办人"), kind=REF, ref="staff", filterable=True),
        Field(
            "guided_by_id",
            QT_TRANSLATE_NOOP("register", "指导领办科室"),
            kind=REF,
            ref="units",
            ref_filter={"unit_type": ("office",)},
            in_list=False,
        ),
        *_extension_fields(),
        Field("review_on", QT_TRANSLATE_NOOP("register", "移送审理日期"), kind=DATE, in_list=False),
        Field("concluded_on", QT_TRANSLATE_NOOP("register", "结案日期"), kind=DATE),
        Field(
            "facts",
            QT_TRANSLATE_NOOP("register", "主要违纪违法事实"),
            kind=LONGTEXT,
            sensitive=True,
            in_list=False,
        ),
        Field(
            "state",
            QT_TRANSLATE_NOOP("register", "状态"),
            kind=CHOICE,
            choices=CASE_LIFECYCLE.states,
            default="filed",
            filterable=True,
            editable=False,
        ),
        *secrecy_fields(secrecy_in_list=False),
    ),
    display=lambda c: c.number,
    default_sort="filed_on",
    unique=(("number",),),
    validate=_case_validate,
    complete=_case_complete,
    warn=_case_warn,
    warn_fields=("handler_id", "subject_name", "subject_unit", "subject_village"),
    lifecycle=CASE_LIFECYCLE,
)


# ---- units taking part (协办) ------------------------------------------------------------------
def _case_unit_validate(s: Session, values: dict[str, Any], row_id: str | None) -> dict[str, Message]:
    case = s.get(Case, values.get("case_id")) if values.get("case_id") else None
    unit_id = values.get("unit_id")
    if case is None or not unit_id:
        return {}
    if case.handling_unit_id == unit_id:
        return {
            "unit_id": Message(QT_TRANSLATE_NOOP("app", "该单位是本案的承办单位，不必再登记为协办单位。"))
        }
    twin = select(CaseUnit.id).where(
        CaseUnit.case_id == case.id, CaseUnit.unit_id == unit_id, CaseUnit.deleted.is_(False)
    )
    if row_id:
        twin = twin.where(CaseUnit.id != row_id)
    if s.scalars(twin).first() is not None:
        return {"unit_id": Message(QT_TRANSLATE_NOOP("app", "该单位已登记为本案的协办单位。"))}
    joined = values.get("joined_on")
    if isinstance(joined, date) and joined < case.filed_on:
        return {"joined_on": Message(QT_TRANSLATE_NOOP("app", "参与日期不能早于立案日期。"))}
    return {}


CASE_UNITS = Register(
    name="case_units",
    title=QT_TRANSLATE_NOOP("register", "协办单位"),
    area=AREA,
    model=CaseUnit,
    fields=(
        Field(
            "case_id",
            QT_TRANSLATE_NOOP("register", "案件"),
            kind=REF,
            ref="cases",
            required=True,
            filterable=True,
        ),
        Field(
            "unit_id",
            QT_TRANSLATE_NOOP("register", "协办单位"),
            kind=REF,
            ref="units",
            ref_filter={"unit_type": HANDLING_UNIT_TYPES},
            required=True,
            filterable=True,
        ),
        Field("joined_on", QT_TRANSLATE_NOOP("register", "参与日期"), kind=DATE),
        Field("role", QT_TRANSLATE_NOOP("register", "参与内容"), max_length=64, searchable=True),
        Field("note", QT_TRANSLATE_NOOP("register", "备注"), kind=LONGTEXT, in_list=False),
    ),
    display=lambda p: p.id,
    default_sort="joined_on",
    validate=_case_unit_validate,
)


# ---- co-reviews --------------------------------------------------------------------------------
CO_REVIEW_LIFECYCLE = Lifecycle(
    states=(
        ("requested", QT_TRANSLATE_NOOP("register", "已提请协审")),
        ("opinion", QT_TRANSLATE_NOOP("register", "已出具意见")),
        ("closed", QT_TRANSLATE_NOOP("register", "已办结")),
    ),
    steps=(
        Step(
            "give_opinion",
            QT_TRANSLATE_NOOP("register", "出具协审意见"),
            ("requested",),
            "opinion",
            requires=("reviewer", "opinion", "opinion_on"),
        ),
        Step(
            "close",
            QT_TRANSLATE_NOOP("register", "登记结果并办结"),
            ("opinion",),
            "closed",
            requires=("result",),
        ),
    ),
    open_states=("requested",),
)


def _co_review_validate(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Message]:
    case = s.get(Case, values.get("case_id")) if values.get("case_id") else None
    requested, opinion = values.get("requested_on"), values.get("opinion_on")
    errors: dict[str, Message] = {}
    if isinstance(requested, date) and isinstance(opinion, date) and opinion < requested:
        errors["opinion_on"] = Message(QT_TRANSLATE_NOOP("app", "意见日期不能早于提请日期。"))
    if case is not None and isinstance(requested, date) and requested < case.filed_on:
        errors["requested_on"] = Message(QT_TRANSLATE_NOOP("app", "提请协审日期不能早于立案日期。"))
    return errors


CO_REVIEWS = Register(
    name="co_reviews",
    title=QT_TRANSLATE_NOOP("register", "协审"),
    area=AREA,
    model=CoReview,
    fields=(
        Field(
            "case_id",
            QT_TRANSLATE_NOOP("register", "案件"),
            kind=REF,
            ref="cases",
            required=True,
            filterable=True,
        ),
        Field("requested_on", QT_TRANSLATE_NOOP("register", "提请日期"), kind=DATE, required=True),
        Field(
            "reviewer", QT_TRANSLATE_NOOP("register", "协审人（案件审理室）"), max_length=64, searchable=True
        ),
        Field("opinion", QT_TRANSLATE_NOOP("register", "协审意见"), kind=LONGTEXT, in_list=False),
        Field("opinion_on", QT_TRANSLATE_NOOP("register", "意见日期"), kind=DATE),
        Field(
            "result",
            QT_TRANSLATE_NOOP("register", "协审结果"),
            kind=CHOICE,
            choices=CO_REVIEW_RESULT_CHOICES,
            filterable=True,
        ),
        Field(
            "state",
            QT_TRANSLATE_NOOP("register", "状态"),
            kind=CHOICE,
            choices=CO_REVIEW_LIFECYCLE.states,
            default="requested",
            filterable=True,
            editable=False,
        ),
    ),
    display=lambda r: r.id,
    default_sort="requested_on",
    validate=_co_review_validate,
    lifecycle=CO_REVIEW_LIFECYCLE,
)


REGISTERS = (INQUIRIES, VERIFICATIONS, CASES, CASE_UNITS, CO_REVIEWS)
