"""Cases (立案审查调查), the units taking part in them (协办) and the county's co-reviews (协审)
(area "casework")."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.casework import Case, CaseUnit, Clue, CoReview, Trial
from app.models.org import Unit
from app.registers.authority import authority_problem
from app.registers.casework_choices import (
    CO_REVIEW_RESULT_CHOICES,
)
from app.registers.chain import REPORTED, accept_step, extension_fields, report_up_step
from app.registers.clues import CLUE_LIFECYCLE, NUMBER_HINT, NUMBER_PATTERN, subject_fields
from app.registers.fields import CHOICE, DATE, LONGTEXT, REF, Field, Register
from app.registers.lifecycle import Lifecycle, Step, extended_once
from app.registers.person_link import link_subject
from app.registers.recusals import recuse_step
from app.registers.ties import tie_warnings
from app.security.secrecy import secrecy_fields

AREA = "casework"
HANDLING_UNIT_TYPES = ("county", "office", "township", "group")


# ---- cases -------------------------------------------------------------------------------------
def _approval(s: Session, case: Any, values: dict[str, Any]) -> dict[str, Message]:
    errors = authority_problem(s, case)
    approved, filed = values.get("approved_on") or case.approved_on, values.get("filed_on") or case.filed_on
    if isinstance(approved, date) and isinstance(filed, date) and filed < approved:
        errors["filed_on"] = Message(QT_TRANSLATE_NOOP("app", "立案日期不能早于立案审批日期。"))
    return errors


def _filed(s: Session, transitions: Any, case: Any, _values: dict[str, Any]) -> None:
    """立案 moves the clue it came from; the case itself goes to the county in the next bundle
    (备案), as every record of a unit does."""
    transitions.follow(s, "clues", case.clue_id, "file_case", f"立案审批：{case.approval_no}")


def _concludable(s: Session, case: Any, values: dict[str, Any]) -> dict[str, Message]:
    errors = authority_problem(s, case)
    errors.update(trial_problem(s, case))
    concluded = values.get("concluded_on")
    if isinstance(concluded, date) and case.review_on is not None and concluded < case.review_on:
        errors["concluded_on"] = Message(QT_TRANSLATE_NOOP("app", "审结日期不能早于移送审理日期。"))
    return errors


def trial_problem(s: Session, case: Any) -> dict[str, Message]:
    """审结 needs the trial's opinion: for a case of the county or its offices, the trial office's
    (审理, at the county); for a township's or a group's, the county's co-review opinion (乡案县审)
    — a county record, which reaches the unit in the county's bundle and which no unit can enter."""
    unit = s.get(Unit, case.handling_unit_id) if case.handling_unit_id else None
    if unit is None or unit.unit_type in ("county", "office"):
        trial = s.scalars(
            select(Trial)
            .where(Trial.case_id == case.id, Trial.deleted.is_(False), Trial.state == "reported")
            .order_by(Trial.reported_on.desc())
        ).first()
        if trial is None:
            return {
                "": Message(
                    QT_TRANSLATE_NOOP("app", "县纪委监委本级案件须经案件审理室审理、提出审理意见后才能审结。")
                )
            }
        result = trial.result
    else:
        county = select(Unit.code).where(Unit.unit_type == "county", Unit.deleted.is_(False))
        review = s.scalars(
            select(CoReview)
            .where(
                CoReview.case_id == case.id,
                CoReview.deleted.is_(False),
                CoReview.state.in_(("opinion", "closed")),
                CoReview.owner.in_(county),
            )
            .order_by(CoReview.opinion_on.desc())
        ).first()
        if review is None:
            return {
                "": Message(
                    QT_TRANSLATE_NOOP(
                        "app",
                        "乡镇和派驻组的案件须经县纪委监委协审（乡案县审）："
                        "收到县纪委监委的协审意见后才能审结。",
                    )
                )
            }
        result = review.result
    if result == "return":
        return {
            "": Message(QT_TRANSLATE_NOOP("app", "审理（协审）意见为退回补充调查，请先「退回补充调查」。"))
        }
    return {}


def _concluded(s: Session, transitions: Any, case: Any, _values: dict[str, Any]) -> None:
    transitions.follow(s, "clues", case.clue_id, "finish", f"案件 {case.number} 审结")


CASE_LIFECYCLE = Lifecycle(
    states=(
        ("proposed", QT_TRANSLATE_NOOP("register", "立案呈批")),
        ("filed", QT_TRANSLATE_NOOP("register", "已立案")),
        ("investigating", QT_TRANSLATE_NOOP("register", "审查调查中")),
        ("review", QT_TRANSLATE_NOOP("register", "移送审理")),
        ("concluded", QT_TRANSLATE_NOOP("register", "已结案")),
        REPORTED,
    ),
    steps=(
        Step(
            "approve",
            QT_TRANSLATE_NOOP("register", "立案审批"),
            ("proposed",),
            "filed",
            requires=("approved_by", "approval_no", "approved_on", "filed_on"),
            check=_approval,
            effect=_filed,
        ),
        Step("investigate", QT_TRANSLATE_NOOP("register", "开始审查调查"), ("filed",), "investigating"),
        Step(
            "extend",
            QT_TRANSLATE_NOOP("register", "延期"),
            ("investigating",),
            "",
            requires=("extension_days", "extension_reason"),
            approval=True,
            document=QT_TRANSLATE_NOOP("register", "延期审批表"),
            check=extended_once(QT_TRANSLATE_NOOP("register", "审查调查"), 90),
        ),
        Step(
            "to_review",
            QT_TRANSLATE_NOOP("register", "移送审理（提请协审）"),
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
            document=QT_TRANSLATE_NOOP("register", "审理报告"),
            check=_concludable,
            effect=_concluded,
        ),
        report_up_step(("proposed",)),
        accept_step("proposed"),
        recuse_step("handler_id", "cases", ("proposed", "filed", "investigating", "review")),
    ),
    open_states=("proposed", "filed", "investigating"),
    not_imported=("reported",),  # 上报 waits for the county to accept: no old ledger makes it
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
        Field(
            "approved_by",
            QT_TRANSLATE_NOOP("register", "立案审批机关"),
            max_length=64,
            in_list=False,
            searchable=True,
        ),
        Field(
            "approval_no",
            QT_TRANSLATE_NOOP("register", "立案决定书文号"),
            max_length=64,
            in_list=False,
            searchable=True,
        ),
        Field("approved_on", QT_TRANSLATE_NOOP("register", "审批日期"), kind=DATE, in_list=False),
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
        *extension_fields(),
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
            default=CASE_LIFECYCLE.initial,
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
def _returned(s: Session, review: Any, _values: dict[str, Any]) -> dict[str, Message]:
    """A co-review opens again only after a 退回补充调查, once the case is back in 移送审理."""
    case = s.get(Case, review.case_id)
    if review.result != "return":
        return {"": Message(QT_TRANSLATE_NOOP("app", "只有「退回补充调查」的协审才能重新提请。"))}
    if case is None or case.state != "review":
        return {"": Message(QT_TRANSLATE_NOOP("app", "案件补充调查后重新移送审理，才能重新提请协审。"))}
    return {}


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
            requires=("reviewer", "opinion", "opinion_on", "result"),
        ),
        Step(
            "close",
            QT_TRANSLATE_NOOP("register", "登记结果并办结"),
            ("opinion",),
            "closed",
            requires=("result",),
        ),
        Step(
            "resubmit",
            QT_TRANSLATE_NOOP("register", "补充调查后重新提请"),
            ("opinion", "closed"),
            "requested",
            check=_returned,
        ),
    ),
    open_states=("requested",),
)


def _co_review_validate(s: Session, values: dict[str, Any], row_id: str | None) -> dict[str, Message]:
    case = s.get(Case, values.get("case_id")) if values.get("case_id") else None
    requested, opinion = values.get("requested_on"), values.get("opinion_on")
    errors: dict[str, Message] = {}
    if isinstance(requested, date) and isinstance(opinion, date) and opinion < requested:
        errors["opinion_on"] = Message(QT_TRANSLATE_NOOP("app", "意见日期不能早于提请日期。"))
    if case is not None and isinstance(requested, date) and requested < case.filed_on:
        errors["requested_on"] = Message(QT_TRANSLATE_NOOP("app", "提请协审日期不能早于立案日期。"))
    if case is not None and row_id is None and case.state != "review":
        errors["case_id"] = Message(
            QT_TRANSLATE_NOOP("app", "案件 {number} 处于「{state}」状态，尚未移送审理（提请协审）。"),
            {"number": case.number, "state": CASE_LIFECYCLE.state_label(case.state)},
        )
    if case is not None and not errors:
        unit = s.get(Unit, case.handling_unit_id) if case.handling_unit_id else None
        if unit is not None and unit.unit_type in ("county", "office"):
            errors["case_id"] = Message(
                QT_TRANSLATE_NOOP("app", "协审用于乡镇和派驻组的案件；县纪委监委本级案件请登记「审理」。")
            )
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
    # The county's case-trial office gives the opinion: no unit enters it (here: RecordService; in a
    # unit's bundle: app.sync.rules); it reaches the unit whose case it is in the county's bundle.
    county_only=True,
)


REGISTERS = (CASES, CASE_UNITS, CO_REVIEWS)
