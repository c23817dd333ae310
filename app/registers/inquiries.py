"""Talk and letter inquiries (谈话函询) and preliminary verifications (初步核实) (area "casework"):
a team of two, a plan, the steps of a talk or of a letter with its written reply, and the outcome,
which moves the clue (``Step.effect``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.casework import Clue, Inquiry, Verification
from app.registers.casework_choices import (
    INQUIRY_ASSESSMENT_CHOICES,
    INQUIRY_KIND_CHOICES,
    INQUIRY_OUTCOME_CHOICES,
    VERIFICATION_OUTCOME_CHOICES,
)
from app.registers.chain import extension_fields
from app.registers.fields import CHOICE, DATE, LONGTEXT, REF, Field, Register
from app.registers.lifecycle import Lifecycle, Step, StepCheck, StepEffect, not_before
from app.registers.recusals import recuse_step
from app.registers.ties import tie_warnings
from app.security.secrecy import secrecy_fields

AREA = "intake"


# What an inquiry's or a verification's outcome does to its clue (the clue's step); outcomes not
# named leave the clue where it is (建议立案: the case's approval moves it).
INQUIRY_CLUE_STEPS = {"clarified": "finish", "first_form": "finish", "to_verification": "to_verification"}
VERIFICATION_CLUE_STEPS = {"closed": "finish", "first_form": "finish", "hold": "hold"}


def _moves_clue(steps: dict[str, str], what: str) -> StepEffect:
    def effect(s: Session, transitions: Any, item: Any, _values: dict[str, Any]) -> None:
        step = steps.get(item.outcome)
        if step is None:
            return
        choices = dict(
            INQUIRY_OUTCOME_CHOICES if item.__tablename__ == "inquiries" else VERIFICATION_OUTCOME_CHOICES
        )
        reason = f"{what}结果：{choices.get(item.outcome, item.outcome)}"
        transitions.follow(s, "clues", item.clue_id, step, reason)

    return effect


def _kind_is(kind: str, message: str) -> StepCheck:
    def check(_s: Session, item: Any, _values: dict[str, Any]) -> dict[str, Message]:
        return {} if item.kind == kind else {"kind": Message(message)}

    return check


def _letter_sent(_s: Session, item: Any, values: dict[str, Any]) -> dict[str, Message]:
    errors = _kind_is("letter", QT_TRANSLATE_NOOP("app", "谈话不发函询函，请用「开始办理」。"))(
        _s, item, values
    )
    sent, delivered = values.get("letter_on"), values.get("delivered_on")
    if isinstance(sent, date) and isinstance(delivered, date) and delivered < sent:
        errors["delivered_on"] = Message(QT_TRANSLATE_NOOP("app", "送达日期不能早于发函日期。"))
    return errors


def _set_reply_due(s: Session, transitions: Any, item: Any, _values: dict[str, Any]) -> None:
    """函询: the reply is due 15 working days after the person received the letter (the rule
    ``letter_reply`` of 办理期限设置)."""
    item.reply_due = transitions.due_date(s, "letter_reply", item.delivered_on)
    if item.started_on is None:
        item.started_on = item.letter_on


def _reply_received(_s: Session, item: Any, values: dict[str, Any]) -> dict[str, Message]:
    return not_before(
        "reply_on", "delivered_on", QT_TRANSLATE_NOOP("app", "回复日期不能早于函询函送达日期。")
    )(_s, item, values)


def _letter_assessed(_s: Session, item: Any, values: dict[str, Any]) -> dict[str, Message]:
    if item.kind == "letter" and not (values.get("assessment") or item.assessment):
        return {"assessment": Message(QT_TRANSLATE_NOOP("app", "函询须对回复作出评估后才能报告结果。"))}
    return {}


def _report_step(
    sources: tuple[str, ...], effect: StepEffect, check: StepCheck | None = None, asks: tuple[str, ...] = ()
) -> Step:
    return Step(
        "report",
        QT_TRANSLATE_NOOP("register", "报告结果"),
        sources,
        "done",
        requires=("outcome", "finished_on", "report"),
        asks=asks,
        check=check,
        effect=effect,
    )


def _extend_step(sources: tuple[str, ...]) -> Step:
    return Step(
        "extend",
        QT_TRANSLATE_NOOP("register", "延期"),
        sources,
        "",
        requires=("extension_days", "extension_reason"),
        approval=True,
    )


INQUIRY_LIFECYCLE = Lifecycle(
    states=(
        ("planned", QT_TRANSLATE_NOOP("register", "已制定方案")),
        ("ongoing", QT_TRANSLATE_NOOP("register", "谈话中")),
        ("sent", QT_TRANSLATE_NOOP("register", "已发函待回复")),
        ("replied", QT_TRANSLATE_NOOP("register", "已回复待评估")),
        ("done", QT_TRANSLATE_NOOP("register", "已报告")),
    ),
    steps=(
        Step(
            "start",
            QT_TRANSLATE_NOOP("register", "开始谈话"),
            ("planned",),
            "ongoing",
            requires=("started_on",),
            check=_kind_is("talk", QT_TRANSLATE_NOOP("app", "函询不当面谈话，请用「发出函询函」。")),
        ),
        Step(
            "send_letter",
            QT_TRANSLATE_NOOP("register", "发出函询函"),
            ("planned",),
            "sent",
            requires=("letter_no", "letter_on", "delivered_on"),
            check=_letter_sent,
            effect=_set_reply_due,
        ),
        Step(
            "receive_reply",
            QT_TRANSLATE_NOOP("register", "收到书面回复"),
            ("sent",),
            "replied",
            requires=("reply_on", "signed_by", "sign_opinion"),
            check=_reply_received,
        ),
        _extend_step(("ongoing", "sent")),
        _report_step(
            ("ongoing", "replied"),
            _moves_clue(INQUIRY_CLUE_STEPS, "谈话函询"),
            check=_letter_assessed,
            asks=("assessment",),
        ),
        recuse_step("lead_id", "inquiries", ("planned", "ongoing", "sent", "replied")),
    ),
    open_states=("planned", "ongoing", "sent", "replied"),
)

VERIFICATION_LIFECYCLE = Lifecycle(
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
        _extend_step(("ongoing",)),
        _report_step(("ongoing",), _moves_clue(VERIFICATION_CLUE_STEPS, "初步核实")),
        recuse_step("lead_id", "verifications", ("planned", "ongoing")),
    ),
    open_states=("planned", "ongoing"),
)


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
        *extension_fields(),
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


def _letter_fields() -> tuple[Field, ...]:
    """函询: the letter, its delivery, the written reply signed off by the principal leader of the
    person's 党委（党组）, and the office's assessment."""
    return (
        Field("letter_no", QT_TRANSLATE_NOOP("register", "函询函文号"), max_length=64, in_list=False,
              searchable=True),
        Field("letter_on", QT_TRANSLATE_NOOP("register", "发函日期"), kind=DATE, in_list=False),
        Field("delivered_on", QT_TRANSLATE_NOOP("register", "送达日期"), kind=DATE, in_list=False),
        Field("reply_due", QT_TRANSLATE_NOOP("register", "回复期限"), kind=DATE, editable=False),
        Field("reply_on", QT_TRANSLATE_NOOP("register", "回复日期"), kind=DATE, in_list=False),
        Field("signed_by", QT_TRANSLATE_NOOP("register", "党委（党组）主要负责人"), max_length=64,
              in_list=False),
        Field("sign_opinion", QT_TRANSLATE_NOOP("register", "主要负责人签署意见"), kind=LONGTEXT,
              in_list=False),
        Field("assessment", QT_TRANSLATE_NOOP("register", "回复评估"), kind=CHOICE,
              choices=INQUIRY_ASSESSMENT_CHOICES, in_list=False, filterable=True),
    )  # fmt: skip


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
        *_letter_fields(),
    ),
    display=lambda i: i.letter_no or (i.started_on.isoformat() if i.started_on else i.id),
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
    display=lambda v: v.started_on.isoformat() if v.started_on else v.id,
    default_sort="started_on",
    validate=_verification_validate,
    complete=_team_complete,
    warn=_team_warn,
    warn_fields=("lead_id", "member_id", "clue_id"),
    lifecycle=VERIFICATION_LIFECYCLE,
)


REGISTERS = (INQUIRIES, VERIFICATIONS)
