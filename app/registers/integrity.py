"""廉政意见回复 (area "casework", county only): the 组织部's requests (来函) for the county
commission's opinion on cadres before a promotion, an honour or a transfer, and the county's reply
about each person named.

A request (INTEGRITY_REQUESTS) names several people; each has a reply row (INTEGRITY_REPLIES): the
person of the person register, or the name, ID number, unit and post as the request writes them
when the register does not hold the person. A reply is 待回复 until the step 回复 gives the answer
(无问题 / 有问题 with the facts / 暂缓 with the reason), its date and who signed it.

The county may not answer 无问题 about a person it holds an open clue, a case in progress or a
sanction in force against (``held``): the save is refused, naming what is held. A confirmed
warning would not do: the reply is the commission's word to the 组织部, which promotes on it, and
a 无问题 while a 处分影响期 runs or a matter is open is simply wrong (the rules bar promotion in
the 影响期 and while one is under review); the officer answers 有问题 or 暂缓 instead, or first
closes the matter in its register if it is in fact closed. Only the person linked to the reply (and
the people the register holds with the same ID number) are checked, on the day of the reply; a
reply not linked to the register is checked by ``app.services.integrity_reply`` when it proposes an
answer, and the save warns (to be confirmed) when the register holds people of the same name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.casework import Case, Clue, Disposition
from app.models.integrity import IntegrityReply, IntegrityRequest
from app.models.org import Unit
from app.models.people import Person
from app.registers.fields import CHOICE, DATE, LONGTEXT, REF, Computed, Field, Register
from app.registers.lifecycle import Lifecycle, Step
from app.registers.people import id_number_problem
from app.registers.sanctions import KIND_LABELS, in_force, period_end

AREA = "sanctions"

PURPOSE_CHOICES = (
    ("promotion", QT_TRANSLATE_NOOP("register", "提拔")),
    ("honour", QT_TRANSLATE_NOOP("register", "评先评优")),
    ("transfer", QT_TRANSLATE_NOOP("register", "转任")),
    ("other", QT_TRANSLATE_NOOP("register", "其他")),
)
CLEAR, ISSUES, DEFER = "clear", "issues", "defer"
ANSWER_CHOICES = (
    (CLEAR, QT_TRANSLATE_NOOP("register", "无问题")),
    (ISSUES, QT_TRANSLATE_NOOP("register", "有问题")),
    (DEFER, QT_TRANSLATE_NOOP("register", "暂缓")),
)
ANSWER_LABELS = dict(ANSWER_CHOICES)
PENDING, REPLIED = "pending", "replied"

# A clue in these states is concluded (已了结, 已办结); in any other it is open. A case is in
# progress until 已结案. A measure an appeal revoked or changed binds nobody.
CLUE_CONCLUDED = ("closed", "finished")
CASE_CONCLUDED = ("concluded",)
WITHDRAWN = ("revoked", "changed")


def _facts_rule(values: dict[str, Any]) -> dict[str, Message]:
    """有问题 needs the facts, 暂缓 the reason. A sealed value the actor cannot read is left out
    of ``values``: it is not known to be empty."""
    answer = values.get("answer")
    if answer == ISSUES and "facts" in values and not values.get("facts"):
        return {"facts": Message(QT_TRANSLATE_NOOP("app", "回复「有问题」须写明掌握的问题情况。"))}
    if answer == DEFER and "defer_reason" in values and not values.get("defer_reason"):
        return {"defer_reason": Message(QT_TRANSLATE_NOOP("app", "回复「暂缓」须写明暂缓的理由。"))}
    return {}


REPLY_LIFECYCLE = Lifecycle(
    states=(
        (PENDING, QT_TRANSLATE_NOOP("register", "待回复")),
        (REPLIED, QT_TRANSLATE_NOOP("register", "已回复")),
    ),
    steps=(
        Step(
            "reply",
            QT_TRANSLATE_NOOP("register", "回复"),
            (PENDING,),
            REPLIED,
            requires=("answer", "replied_on", "signed_by"),
            asks=("facts", "defer_reason"),
        ),
        Step("reopen", QT_TRANSLATE_NOOP("register", "重新回复"), (REPLIED,), PENDING),
    ),
    open_states=(PENDING,),
)


# ---- what the county holds about a person ------------------------------------------------------
@dataclass(frozen=True)
class Held:
    """What bears against a 无问题 about some people on a day (no sealed value, no clue number:
    a message naming them may reach someone outside a clue's audience)."""

    open_clues: tuple[str, ...] = ()  # handling units, one per open clue
    open_cases: tuple[str, ...] = ()  # handling units, one per case in progress
    in_force: tuple[tuple[str, date | None], ...] = ()  # (党纪处分（警告）, last day or None: no end)

    def __bool__(self) -> bool:
        return bool(self.open_clues or self.open_cases or self.in_force)

    def messages(self) -> tuple[Message, ...]:
        out: list[Message] = []
        if self.open_clues:
            out.append(
                Message(
                    QT_TRANSLATE_NOOP("app", "未办结的问题线索 {n} 件（{units}）"),
                    {"n": str(len(self.open_clues)), "units": _units(self.open_clues)},
                )
            )
        if self.open_cases:
            out.append(
                Message(
                    QT_TRANSLATE_NOOP("app", "正在审查调查的案件 {n} 件（{units}）"),
                    {"n": str(len(self.open_cases)), "units": _units(self.open_cases)},
                )
            )
        for title, ends in self.in_force:
            if ends is None:
                out.append(Message(QT_TRANSLATE_NOOP("app", "{title}，无期限"), {"title": title}))
            else:
                out.append(
                    Message(
                        QT_TRANSLATE_NOOP("app", "{title}，影响期至 {day}"),
                        {"title": title, "day": ends.isoformat()},
                    )
                )
        return tuple(out)


def _units(names: Iterable[str]) -> tuple[str, ...]:
    seen: list[str] = []
    for n in names:
        if n and n not in seen:
            seen.append(n)
    return tuple(seen) or ("—",)


def same_people(s: Session, person_id: str) -> list[str]:
    """The person and the live people the register holds with the same ID number (by its keyed
    hash): one person, whichever unit recorded them."""
    p = s.get(Person, person_id)
    if p is None:
        return [person_id]
    ids = [p.id]
    if p.id_key:
        ids += [
            i
            for i in s.scalars(
                select(Person.id).where(
                    Person.id_key == p.id_key, Person.deleted.is_(False), Person.id != p.id
                )
            )
        ]
    return ids


def measure_title(kind: str, measure: str) -> str:
    label = KIND_LABELS.get(kind, kind)
    return measure if measure == label else f"{label}（{measure}）"


def held(s: Session, person_ids: Iterable[str], on: date) -> Held:
    """The open clues, cases in progress and measures in force on ``on`` about these people, in
    every unit's data this installation holds."""
    ids = list(person_ids)
    if not ids:
        return Held()
    names = dict(s.execute(select(Unit.id, Unit.name)).all())
    clues = s.execute(
        select(Clue.handling_unit_id).where(
            Clue.person_id.in_(ids), Clue.deleted.is_(False), Clue.state.not_in(CLUE_CONCLUDED)
        )
    ).all()
    cases = s.execute(
        select(Case.handling_unit_id).where(
            Case.person_id.in_(ids), Case.deleted.is_(False), Case.state.not_in(CASE_CONCLUDED)
        )
    ).all()
    measures = []
    for m in s.scalars(
        select(Disposition)
        .where(Disposition.person_id.in_(ids), Disposition.deleted.is_(False))
        .order_by(Disposition.decided_on)
    ):
        ends = m.ends_on or period_end(m.kind, m.measure, m.decided_on)
        if m.state not in WITHDRAWN and in_force(m.kind, m.measure, m.decided_on, ends, on):
            measures.append((measure_title(m.kind, m.measure), ends))
    return Held(
        tuple(names.get(u or "", "") for (u,) in clues),
        tuple(names.get(u or "", "") for (u,) in cases),
        tuple(measures),
    )


def _validate(s: Session, values: dict[str, Any], row_id: str | None) -> dict[str, Message]:
    errors = _facts_rule(values)
    number = values.get("id_number")
    if isinstance(number, str) and number:
        problem = id_number_problem(number)
        if problem is not None:
            errors["id_number"] = problem
    request = s.get(IntegrityRequest, values.get("request_id")) if values.get("request_id") else None
    replied = values.get("replied_on")
    if request is not None and isinstance(replied, date) and replied < request.received_on:
        errors["replied_on"] = Message(QT_TRANSLATE_NOOP("app", "回复日期不能早于收函日期。"))
    person_id = values.get("person_id")
    if values.get("answer") == CLEAR and person_id and not errors:
        old = s.get(IntegrityReply, row_id) if row_id else None
        settled = (
            old is not None and old.answer == CLEAR and old.person_id == person_id and old.state == REPLIED
        )
        if not settled:  # a 无问题 once given is not re-checked against what came later
            found = held(s, same_people(s, person_id), replied if isinstance(replied, date) else date.today())
            if found:
                person = s.get(Person, person_id)
                errors["answer"] = Message(
                    QT_TRANSLATE_NOOP(
                        "app", "本机掌握「{name}」的{what}，不能回复「无问题」：请回复「有问题」或「暂缓」。"
                    ),
                    {"name": person.name if person else values.get("name", ""), "what": found.messages()},
                )
    return errors


def _complete(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Any]:
    """A reply about a person of the register takes the name (and the unit and post left empty)
    from the register."""
    person = s.get(Person, values["person_id"]) if values.get("person_id") else None
    if person is not None:
        if not values.get("name"):
            values["name"] = person.name
        for name in ("unit", "post"):
            if not values.get(name):
                values[name] = getattr(person, name)
    if isinstance(values.get("id_number"), str):
        values["id_number"] = values["id_number"].strip().upper().replace(" ", "")
    return values


def _warn(s: Session, values: dict[str, Any], _row_id: str | None) -> list[Message]:
    if values.get("person_id") or not values.get("name"):
        return []
    n = s.scalar(select(func.count()).where(Person.name == values["name"], Person.deleted.is_(False)))
    if not n:
        return []
    return [
        Message(
            QT_TRANSLATE_NOOP(
                "app", "人员库中有 {n} 位「{name}」，本条未关联人员库：请核对是否同一人，是则选择「人员」。"
            ),
            {"n": str(n), "name": values["name"]},
        )
    ]


def _replies() -> Any:
    return (
        select(func.count())
        .where(IntegrityReply.request_id == IntegrityRequest.id, IntegrityReply.deleted.is_(False))
        .correlate(IntegrityRequest)
        .scalar_subquery()
    )


def _pending() -> Any:
    return (
        select(func.nullif(func.count(), 0))
        .where(
            IntegrityReply.request_id == IntegrityRequest.id,
            IntegrityReply.deleted.is_(False),
            IntegrityReply.state == PENDING,
        )
        .correlate(IntegrityRequest)
        .scalar_subquery()
    )


INTEGRITY_REQUESTS = Register(
    name="integrity_requests",
    title=QT_TRANSLATE_NOOP("register", "廉政意见来函"),
    area=AREA,
    model=IntegrityRequest,
    fields=(
        Field(
            "letter_no",
            QT_TRANSLATE_NOOP("register", "来函文号"),
            required=True,
            max_length=64,
            searchable=True,
        ),
        Field(
            "requester",
            QT_TRANSLATE_NOOP("register", "来函单位"),
            max_length=64,
            default="县委组织部",
            searchable=True,
            filterable=True,
        ),
        Field("received_on", QT_TRANSLATE_NOOP("register", "收函日期"), kind=DATE, required=True),
        Field(
            "purpose",
            QT_TRANSLATE_NOOP("register", "征求意见事由"),
            kind=CHOICE,
            choices=PURPOSE_CHOICES,
            required=True,
            filterable=True,
        ),
        Field("due_on", QT_TRANSLATE_NOOP("register", "回复期限"), kind=DATE),
        Field("note", QT_TRANSLATE_NOOP("register", "备注"), kind=LONGTEXT, in_list=False, searchable=True),
    ),
    display=lambda r: r.letter_no,
    default_sort="received_on",
    computed=(
        Computed("replies", QT_TRANSLATE_NOOP("register", "人数"), _replies),
        Computed("pending", QT_TRANSLATE_NOOP("register", "待回复"), _pending),
    ),
    unique=(("letter_no",),),
    county_only=True,
    county_screen=True,
)


INTEGRITY_REPLIES = Register(
    name="integrity_replies",
    title=QT_TRANSLATE_NOOP("register", "廉政意见回复"),
    area=AREA,
    model=IntegrityReply,
    fields=(
        Field(
            "request_id",
            QT_TRANSLATE_NOOP("register", "来函"),
            kind=REF,
            ref="integrity_requests",
            required=True,
            filterable=True,
        ),
        Field("person_id", QT_TRANSLATE_NOOP("register", "人员"), kind=REF, ref="people", in_list=False),
        Field("name", QT_TRANSLATE_NOOP("register", "姓名"), required=True, max_length=64, searchable=True),
        Field(
            "id_number",
            QT_TRANSLATE_NOOP("register", "身份证号码"),
            sensitive=True,
            in_list=False,
            max_length=18,
            keyed="id_key",
        ),
        Field("unit", QT_TRANSLATE_NOOP("register", "工作单位"), max_length=100, searchable=True),
        Field("post", QT_TRANSLATE_NOOP("register", "职务"), max_length=64, searchable=True),
        Field(
            "answer",
            QT_TRANSLATE_NOOP("register", "回复意见"),
            kind=CHOICE,
            choices=ANSWER_CHOICES,
            filterable=True,
        ),
        Field(
            "facts",
            QT_TRANSLATE_NOOP("register", "问题情况"),
            kind=LONGTEXT,
            sensitive=True,
            in_list=False,
        ),
        Field(
            "defer_reason",
            QT_TRANSLATE_NOOP("register", "暂缓理由"),
            kind=LONGTEXT,
            sensitive=True,
            in_list=False,
        ),
        Field("replied_on", QT_TRANSLATE_NOOP("register", "回复日期"), kind=DATE),
        Field("signed_by", QT_TRANSLATE_NOOP("register", "签发人"), max_length=64, searchable=True),
        Field(
            "state",
            QT_TRANSLATE_NOOP("register", "状态"),
            kind=CHOICE,
            choices=REPLY_LIFECYCLE.states,
            default=REPLY_LIFECYCLE.initial,
            filterable=True,
            editable=False,
        ),
    ),
    display=lambda r: r.name,
    default_sort="name",
    validate=_validate,
    complete=_complete,
    warn=_warn,
    warn_fields=("person_id", "name"),
    lifecycle=REPLY_LIFECYCLE,
    county_only=True,
    county_screen=True,
)

REGISTERS = (INTEGRITY_REQUESTS, INTEGRITY_REPLIES)
