"""廉政意见回复 at the county: what it holds about a person the 组织部 asks about, and the reply it
proposes; a request's names answered one by one or all the clear ones at once.

``review`` searches the person register of the merged data (every unit's people arrive at the
county in their bundles) by name, unit and ID number (by its keyed hash, as the register finds its
duplicates: the ID number is never compared in the clear), reads each person found through
``app.services.person_record`` (what the officer may see, no more), and sorts what bears on the
reply: open clues, cases in progress and measures in force on the day with their 影响期, and, apart,
the older matters already closed. It proposes 无问题 when nothing bears, 暂缓 while a clue or a case
is open, 有问题 while a measure binds; the officer confirms (the register refuses a 无问题 that what
is held contradicts: ``app.registers.integrity``).

People taken as the person asked about: those with the same ID number; else, those of the same
name and unit (of the same name when the request gives no unit), unless their ID number on file
differs. People of the same name in other units are listed as namesakes to check by hand; they are
not counted in the proposal.

Every function acts for a ``RecordService`` and checks the rights the registers ask: the county's
own screen (a township or group is told "只在县纪委监委使用" as everywhere), EDIT to answer, the
sensitive right to search by ID number or write the facts.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.integrity import IntegrityReply, IntegrityRequest
from app.models.people import Person
from app.registers.integrity import (
    ANSWER_LABELS,
    CASE_CONCLUDED,
    CLEAR,
    CLUE_CONCLUDED,
    DEFER,
    INTEGRITY_REPLIES,
    INTEGRITY_REQUESTS,
    ISSUES,
    PENDING,
    PURPOSE_CHOICES,
)
from app.security import sensitive
from app.security.roles import VIEW_SENSITIVE, PermissionDenied
from app.security.secrecy import NotInAudience
from app.services import person_record as pr
from app.services import undo
from app.services.records import NotFoundError, RecordService
from app.services.transitions import Transitions

SAME_ID_NUMBER = "id_number"
SAME_NAME_UNIT = "name_unit"
SAME_NAME = "name"
LINKED = "linked"
REASON_LABELS = {
    LINKED: QT_TRANSLATE_NOOP("app", "回复所关联的人员"),
    SAME_ID_NUMBER: QT_TRANSLATE_NOOP("app", "身份证号码相同"),
    SAME_NAME_UNIT: QT_TRANSLATE_NOOP("app", "同名同单位"),
    SAME_NAME: QT_TRANSLATE_NOOP("app", "同名（来函未写单位）"),
}
PURPOSE_LABELS = dict(PURPOSE_CHOICES)
ID_PURPOSE = "people.id_number"  # the keyed hash the person register keeps (``Field.keyed``)
REPLY_REASON = QT_TRANSLATE_NOOP("app", "廉政意见回复")


@dataclass(frozen=True)
class Match:
    """A person of the register taken as the person asked about, and why."""

    person: pr.PersonInfo
    reasons: tuple[str, ...]

    @property
    def reason_labels(self) -> tuple[str, ...]:
        return tuple(REASON_LABELS[r] for r in self.reasons)


@dataclass(frozen=True)
class Review:
    """What the county holds about one person asked about, on ``on``, and the reply it proposes."""

    name: str
    unit: str
    on: date
    people: tuple[Match, ...] = ()
    namesakes: tuple[pr.PersonInfo, ...] = ()  # the same name, another unit: to check by hand
    open_clues: tuple[pr.ClueItem, ...] = ()
    open_cases: tuple[pr.CaseItem, ...] = ()
    in_force: tuple[pr.MeasureItem, ...] = ()
    closed_clues: tuple[pr.ClueItem, ...] = ()
    closed_cases: tuple[pr.CaseItem, ...] = ()
    past_measures: tuple[pr.MeasureItem, ...] = ()  # run out, withdrawn or without a period
    inquiries: tuple[pr.InquiryItem, ...] = ()  # talks, letters and verifications, for context

    @property
    def bears(self) -> bool:
        """Something stands against a 无问题."""
        return bool(self.open_clues or self.open_cases or self.in_force)

    @property
    def proposal(self) -> str:
        if self.in_force:
            return ISSUES
        if self.open_clues or self.open_cases:
            return DEFER
        return CLEAR

    @property
    def proposal_label(self) -> str:
        return ANSWER_LABELS[self.proposal]

    @property
    def grounds(self) -> tuple[Message, ...]:
        """Why the proposal is what it is, one line each (Chinese templates)."""
        out: list[Message] = []
        for m in self.in_force:
            if m.permanent or m.ends_on is None:
                out.append(
                    Message(
                        QT_TRANSLATE_NOOP("app", "{day} 受到{title}（{unit}），无期限"),
                        {"day": m.decided_on.isoformat(), "title": m.title, "unit": m.handling_unit or "—"},
                    )
                )
            else:
                out.append(
                    Message(
                        QT_TRANSLATE_NOOP("app", "{day} 受到{title}（{unit}），影响期至 {end}"),
                        {
                            "day": m.decided_on.isoformat(),
                            "title": m.title,
                            "unit": m.handling_unit or "—",
                            "end": m.ends_on.isoformat(),
                        },
                    )  # fmt: skip
                )
        for c in self.open_clues:
            out.append(
                Message(
                    QT_TRANSLATE_NOOP("app", "问题线索 {number}（{unit}）{state}，尚未办结"),
                    {"number": c.number, "unit": c.handling_unit or "—", "state": c.state_label},
                )
            )
        for k in self.open_cases:
            out.append(
                Message(
                    QT_TRANSLATE_NOOP("app", "案件 {number}（{unit}）{state}，尚未结案"),
                    {"number": k.number, "unit": k.handling_unit or "—", "state": k.state_label},
                )
            )
        if not out and self.namesakes:
            out.append(
                Message(
                    QT_TRANSLATE_NOOP("app", "人员库中另有同名人员 {n} 位（其他单位），请核对是否同一人"),
                    {"n": str(len(self.namesakes))},
                )
            )
        return tuple(out)

    @property
    def proposed_facts(self) -> str:
        """The facts a 有问题 would state (the officer edits them): the measures in force."""
        return "".join(
            f"{_cn_day(m.decided_on)}受到{m.title}"
            + ("。" if m.permanent or m.ends_on is None else f"，影响期至{_cn_day(m.ends_on)}。")
            for m in self.in_force
        )

    @property
    def proposed_reason(self) -> str:
        """The reason a 暂缓 would give: the matters still open."""
        parts = [f"有反映其问题的线索正在处置（{c.handling_unit or '—'}）" for c in self.open_clues]
        parts += [f"正在接受审查调查（{k.handling_unit or '—'}）" for k in self.open_cases]
        return "；".join(dict.fromkeys(parts)) + ("。" if parts else "")


def _cn_day(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _require_screen(records: RecordService) -> None:
    records._require_shown(INTEGRITY_REPLIES)


def id_key(records: RecordService, id_number: str) -> str:
    """The keyed hash the person register keeps for this ID number (needs the sensitive right)."""
    from app.registers.people import normal_id_number

    number = normal_id_number(id_number)
    if not number:
        return ""
    key = records.sensitive_key
    if key is None:
        raise PermissionDenied(VIEW_SENSITIVE)
    return sensitive.keyed_hash(key, ID_PURPOSE, number)


def _units_agree(a: str, b: str) -> bool:
    a, b = a.strip(), b.strip()
    return not a or not b or a in b or b in a


def review(
    records: RecordService,
    name: str,
    id_number: str = "",
    unit: str = "",
    on: date | None = None,
    *,
    person_id: str | None = None,
    key: str | None = None,
) -> Review:
    """Everything that bears on a reply about the person of this name (and ID number, unit), or
    about ``person_id`` (a reply linked to the register), as of ``on`` (default today). ``key``: the
    keyed hash of the ID number, when the caller has it already."""
    _require_screen(records)
    on = on or date.today()
    name, unit = name.strip(), unit.strip()
    wanted = key if key is not None else id_key(records, id_number)
    matches: dict[str, tuple[pr.PersonInfo, list[str]]] = {}

    def take(p: pr.PersonInfo, reason: str) -> None:
        matches.setdefault(p.id, (p, []))[1].append(reason)

    for p in pr.find_by_id_key(records, wanted):
        take(p, SAME_ID_NUMBER)
    namesakes = []
    same_name = pr.find_people(records, name)
    keys = _id_keys(records, [p.id for p in same_name])
    for p in same_name:
        if p.id in matches:
            continue
        other_number = bool(wanted) and bool(keys.get(p.id)) and keys.get(p.id) != wanted
        if _units_agree(unit, p.unit) and not other_number:
            take(p, SAME_NAME_UNIT if unit and p.unit else SAME_NAME)
        else:
            namesakes.append(p)
    if person_id:
        # Outside the officer's audience: not shown, but the register still checks a 无问题.
        with contextlib.suppress(NotFoundError, NotInAudience):
            take(pr.person_info(records, person_id), LINKED)
        for p in pr.find_by_id_key(records, _id_keys(records, [person_id]).get(person_id, "")):
            if p.id not in matches:
                take(p, SAME_ID_NUMBER)
        namesakes = [p for p in namesakes if p.id not in matches]
    found = [pr.person_record(records, pid, on) for pid in matches]
    clues = [c for r in found for c in r.clues]
    cases = [c for r in found for c in r.cases]
    measures = [m for r in found for m in r.measures]
    return Review(
        name=name,
        unit=unit,
        on=on,
        people=tuple(Match(p, tuple(reasons)) for p, reasons in matches.values()),
        namesakes=tuple(namesakes),
        open_clues=tuple(c for c in clues if c.state not in CLUE_CONCLUDED),
        open_cases=tuple(c for c in cases if c.state not in CASE_CONCLUDED),
        in_force=tuple(m for m in measures if m.in_force),
        closed_clues=tuple(c for c in clues if c.state in CLUE_CONCLUDED),
        closed_cases=tuple(c for c in cases if c.state in CASE_CONCLUDED),
        past_measures=tuple(m for m in measures if not m.in_force),
        inquiries=tuple(i for r in found for i in (*r.inquiries, *r.verifications)),
    )


def _id_keys(records: RecordService, person_ids: Iterable[str]) -> dict[str, str]:
    ids = [i for i in person_ids if i]
    if not ids:
        return {}
    with records.ctx.session() as s:
        return {i: k for i, k in s.execute(select(Person.id, Person.id_key).where(Person.id.in_(ids))) if k}


# ---- requests and their names -------------------------------------------------------------------
@dataclass(frozen=True)
class RequestInfo:
    id: str
    letter_no: str
    requester: str
    received_on: date
    purpose: str  # code
    due_on: date | None

    @property
    def purpose_label(self) -> str:
        return PURPOSE_LABELS.get(self.purpose, self.purpose)


@dataclass(frozen=True)
class Line:
    """One name of a request: its reply row as it stands, and what the county holds."""

    reply_id: str
    name: str
    unit: str
    post: str
    person_id: str | None
    state: str  # pending | replied
    answer: str  # "" not yet
    replied_on: date | None
    review: Review

    @property
    def pending(self) -> bool:
        return self.state == PENDING

    @property
    def answer_label(self) -> str:
        return ANSWER_LABELS.get(self.answer, "")


@dataclass(frozen=True)
class Batch:
    request: RequestInfo
    lines: tuple[Line, ...] = field(default=())

    @property
    def pending(self) -> tuple[Line, ...]:
        return tuple(x for x in self.lines if x.pending)

    @property
    def clear_pending(self) -> tuple[Line, ...]:
        """The names still to answer whose proposal is 无问题 (answered at once by ``answer_clear``)."""
        return tuple(x for x in self.pending if x.review.proposal == CLEAR)


def _request_info(r: IntegrityRequest) -> RequestInfo:
    return RequestInfo(r.id, r.letter_no, r.requester, r.received_on, r.purpose, r.due_on)


def requests(records: RecordService) -> list[RequestInfo]:
    """Every live request, newest first."""
    _require_screen(records)
    with records.ctx.session() as s:
        rows = s.scalars(
            select(IntegrityRequest)
            .where(IntegrityRequest.deleted.is_(False))
            .order_by(IntegrityRequest.received_on.desc(), IntegrityRequest.letter_no)
        )
        return [_request_info(r) for r in rows]


def find_request(records: RecordService, which: str) -> RequestInfo:
    """A request by its id or its letter number (``NotFoundError``)."""
    _require_screen(records)
    with records.ctx.session() as s:
        r = s.get(IntegrityRequest, which)
        if r is None or r.deleted:
            r = s.scalars(
                select(IntegrityRequest).where(
                    IntegrityRequest.letter_no == which.strip(), IntegrityRequest.deleted.is_(False)
                )
            ).first()
        if r is None or r.deleted:
            raise NotFoundError(which)
        return _request_info(r)


def _reply_key(records: RecordService, reply: IntegrityReply) -> str:
    """The person register's keyed hash of the ID number a reply gives ("" none, or no key)."""
    if not reply.id_number or records.sensitive_key is None:
        return ""
    number = records._reveal(INTEGRITY_REPLIES, INTEGRITY_REPLIES.field("id_number"), reply)
    if not isinstance(number, str) or number in sensitive.PLACEHOLDERS:
        return ""
    return id_key(records, number)


def batch(records: RecordService, request_id: str, on: date | None = None) -> Batch:
    """A request and each of its names with what the county holds and the reply it proposes."""
    _require_screen(records)
    with records.ctx.session() as s:
        r = s.get(IntegrityRequest, request_id)
        if r is None or r.deleted:
            raise NotFoundError(request_id)
        info = _request_info(r)
        rows = list(
            s.scalars(
                select(IntegrityReply)
                .where(IntegrityReply.request_id == request_id, IntegrityReply.deleted.is_(False))
                .order_by(IntegrityReply.created_at, IntegrityReply.id)
            )
        )
        plain = [(x, _reply_key(records, x)) for x in rows]
    lines = []
    for x, key in plain:
        day = x.replied_on if x.state != PENDING and x.replied_on else on
        found = review(records, x.name, unit=x.unit, on=day, person_id=x.person_id, key=key)
        lines.append(Line(x.id, x.name, x.unit, x.post, x.person_id, x.state, x.answer, x.replied_on, found))
    return Batch(info, tuple(lines))


def add_names(records: RecordService, request_id: str, names: Sequence[Mapping[str, Any]]) -> list[str]:
    """Add the names of a request (each: name, and maybe id_number, unit, post, person_id), all or
    none. A name is linked to the person register when exactly one person is taken as them."""
    _require_screen(records)
    rows = []
    for row in names:  # read first: the transaction below only writes
        values = {k: v for k, v in row.items() if v not in (None, "")}
        values["request_id"] = request_id
        if not values.get("person_id") and values.get("name"):
            found = review(records, str(values["name"]), str(values.get("id_number", "")),
                           str(values.get("unit", "")))  # fmt: skip
            if len(found.people) == 1:
                values["person_id"] = found.people[0].person.id
        rows.append(values)
    with records.ctx.session() as s:
        ids = [records.save_in(s, INTEGRITY_REPLIES, values, confirmed=True) for values in rows]
        done = undo.created(s, INTEGRITY_REPLIES, ids)
    undo.push(records.ctx, done)
    return ids


def answer(
    records: RecordService,
    reply_id: str,
    answer: str,
    replied_on: date,
    signed_by: str,
    *,
    facts: str = "",
    defer_reason: str = "",
    reason: str = "",
) -> str:
    """The step 回复 for one name (the register's rules apply: ``ValidationError``)."""
    _require_screen(records)
    values: dict[str, Any] = {"answer": answer, "replied_on": replied_on, "signed_by": signed_by}
    if facts:
        values["facts"] = facts
    if defer_reason:
        values["defer_reason"] = defer_reason
    return Transitions(records).apply(
        INTEGRITY_REPLIES, reply_id, "reply", values, reason or str(REPLY_REASON), confirmed=True
    )


def answer_clear(records: RecordService, request_id: str, replied_on: date, signed_by: str) -> list[str]:
    """Answer 无问题 for every name of the request still to answer whose proposal is 无问题, in one
    transaction; the ids answered. The other names wait for the officer."""
    _require_screen(records)
    lines = batch(records, request_id, replied_on).clear_pending
    flow = Transitions(records)
    with records.ctx.session() as s:
        for line in lines:
            flow.apply_in(s, INTEGRITY_REPLIES, line.reply_id, "reply",
                          {"answer": CLEAR, "replied_on": replied_on, "signed_by": signed_by},
                          str(REPLY_REASON), confirmed=True)  # fmt: skip
    return [x.reply_id for x in lines]


def save_request(records: RecordService, values: Mapping[str, Any], row_id: str | None = None) -> str:
    """Create or change a request (the register's rules apply)."""
    return records.save(INTEGRITY_REQUESTS, values, row_id)


__all__ = [
    "Batch",
    "Line",
    "Match",
    "RequestInfo",
    "Review",
    "add_names",
    "answer",
    "answer_clear",
    "batch",
    "find_request",
    "id_key",
    "requests",
    "review",
    "save_request",
]
