"""A person's record (人员档案): everything on file about one person of the person register, the
measures that still bind them on a given day, and the people who may be the same person.

The officer's question "does this cadre have a record?" (before a promotion, an honour, an
integrity reply) is answered from here: ``find_people`` gives everyone of a name, ``person_record``
everything about one of them. It reads through a ``RecordService`` and shows what the registers
show the same person: a record whose audience (知悉范围) leaves the actor out is left out, here as
in the lists; viewing needs nothing more than viewing the registers does. Nothing sealed is
opened (the ID number is said to be on file or not), so nothing here writes an audit entry.

A measure is in force on a day when it was decided by then and its 处分期/影响期 has not run out
(``app.registers.sanctions.in_force``); the form it counts in is the county's mapping in force now
(``app.registers.form_mapping``), as the statistics count it. Possible duplicates are other people
with the same name and unit, or the same ID number (by its keyed hash); the program never merges
them, it points to them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models.casework import Case, CaseUnit, Clue, Disposition, Inquiry, Report, Verification
from app.models.org import Unit
from app.models.people import Person
from app.registers import REGISTERS, form_mapping
from app.registers.casework_choices import OBJECT_CATEGORY_CHOICES
from app.registers.fields import REF
from app.registers.people import likely_same
from app.registers.sanctions import KIND_LABELS, in_force, is_permanent, period_end
from app.security.secrecy import NotInAudience, audience_condition, has_secrecy, in_audience
from app.security.sensitive import RESTRICTED
from app.services.form_settings import FORM_LABELS
from app.services.records import NotFoundError, RecordService

# Measures an appeal's decision revoked or changed bind nobody any more.
WITHDRAWN = ("revoked", "changed")
SAME_NAME_UNIT = "name_unit"
SAME_ID_NUMBER = "id_number"
REASON_LABELS = {
    SAME_NAME_UNIT: QT_TRANSLATE_NOOP("app", "同名同单位"),
    SAME_ID_NUMBER: QT_TRANSLATE_NOOP("app", "身份证号码相同"),
}
# The registers whose records name a person (``person_id``), in the order a record lists them.
PERSON_REGISTERS = ("reports", "clues", "inquiries", "verifications", "cases", "dispositions")
_OBJECT_LABELS = dict(OBJECT_CATEGORY_CHOICES)


@dataclass(frozen=True)
class PersonInfo:
    """One person of the register, as the record's heading shows them (labels in Chinese)."""

    id: str
    name: str
    unit: str
    post: str
    village: str
    rank: str
    authority: str
    party_member: bool
    object_category: str  # 监察法 art. 15: "1".."6", "" not a 监察对象
    has_id_number: bool  # an ID number is on file (it is never opened here)
    owner: str

    @property
    def object_label(self) -> str:
        return _OBJECT_LABELS.get(self.object_category, "")

    @property
    def display(self) -> str:
        """姓名（单位，职务）, as the reference lists show a person."""
        where = "，".join(x for x in (self.unit, self.post) if x)
        return f"{self.name}（{where}）" if where else self.name


@dataclass(frozen=True)
class Duplicate:
    """Another person who may be the same one, and why (``SAME_NAME_UNIT``, ``SAME_ID_NUMBER``)."""

    person: PersonInfo
    reasons: tuple[str, ...]

    @property
    def reason_labels(self) -> tuple[str, ...]:
        return tuple(REASON_LABELS[r] for r in self.reasons)


@dataclass(frozen=True)
class ReportItem:
    id: str
    number: str
    received_on: date
    method: str  # label
    category: str
    state: str  # label


@dataclass(frozen=True)
class ClueItem:
    id: str
    number: str
    received_on: date
    source: str  # label
    state: str  # code
    state_label: str
    disposal: str  # code, "" not yet disposed of
    disposal_label: str
    handling_unit: str


@dataclass(frozen=True)
class InquiryItem:
    """A talk/letter inquiry or a preliminary verification."""

    id: str
    clue_id: str
    clue_number: str  # （受限） when the clue is outside the actor's audience
    kind: str  # label: 谈话, 函询; "" for a verification
    started_on: date | None
    finished_on: date | None
    outcome: str  # label
    state: str  # label


@dataclass(frozen=True)
class CaseItem:
    id: str
    number: str
    filed_on: date
    state: str  # code
    state_label: str
    handling_unit: str
    concluded_on: date | None


@dataclass(frozen=True)
class CaseUnitItem:
    """A unit taking part (协办) in one of the person's cases."""

    id: str
    case_id: str
    case_number: str
    unit: str
    joined_on: date | None
    role: str


@dataclass(frozen=True)
class MeasureItem:
    id: str
    kind: str  # code
    kind_label: str
    measure: str
    form: str  # "1".."4", "" not counted (the mapping in force now)
    decision_no: str
    deciding_body: str
    decided_on: date
    ends_on: date | None  # last day of the 处分期/影响期; None: none, or without end
    permanent: bool  # binds without end (政务处分 开除)
    in_force: bool  # on the record's day
    handling_unit: str
    clue_number: str
    case_number: str

    @property
    def form_label(self) -> str:
        return FORM_LABELS.get(self.form, FORM_LABELS[""])

    @property
    def title(self) -> str:
        """党纪处分（警告）; a kind of one measure by its name alone (诫勉, 批评教育)."""
        return self.measure if self.measure == self.kind_label else f"{self.kind_label}（{self.measure}）"

    @property
    def has_period(self) -> bool:
        return self.permanent or self.ends_on is not None


@dataclass(frozen=True)
class PersonRecord:
    """Everything on record about one person, newest first in each register, as of ``on``."""

    person: PersonInfo
    on: date
    reports: tuple[ReportItem, ...] = ()
    clues: tuple[ClueItem, ...] = ()
    inquiries: tuple[InquiryItem, ...] = ()
    verifications: tuple[InquiryItem, ...] = ()
    cases: tuple[CaseItem, ...] = ()
    case_units: tuple[CaseUnitItem, ...] = ()
    measures: tuple[MeasureItem, ...] = ()
    duplicates: tuple[Duplicate, ...] = field(default=())

    @property
    def in_force(self) -> tuple[MeasureItem, ...]:
        """The measures that still bind the person on ``on`` (their sanctions in force)."""
        return tuple(m for m in self.measures if m.in_force)

    @property
    def empty(self) -> bool:
        """Nothing on record (the answer to "does this cadre have a record?" is no)."""
        return not (self.reports or self.clues or self.inquiries or self.verifications or self.cases
                    or self.measures)  # fmt: skip


# ---- reading -----------------------------------------------------------------------------------
def _visible(records: RecordService, model: Any) -> list[Any]:
    """Live rows of ``model`` the actor may see."""
    conds: list[Any] = [model.deleted.is_(False)]
    if has_secrecy(model) and not records.system:
        conds.append(audience_condition(model, records.user))
    return conds


def _info(p: Person) -> PersonInfo:
    return PersonInfo(
        id=p.id,
        name=p.name,
        unit=p.unit,
        post=p.post,
        village=p.village,
        rank=p.rank,
        authority=p.authority,
        party_member=bool(p.party_member),
        object_category=p.object_category or "",
        has_id_number=bool(p.id_number),
        owner=p.owner,
    )


def _person(s: Session, records: RecordService, person_id: str) -> Person:
    p = s.get(Person, person_id)
    if p is None or p.deleted:
        raise NotFoundError(person_id)
    if not records.system and not in_audience(p.audience, records.user):
        raise NotInAudience()
    return p


def _unit_names(s: Session, ids: Iterable[str | None]) -> dict[str, str]:
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    return {i: n for i, n in s.execute(select(Unit.id, Unit.name).where(Unit.id.in_(wanted)))}


def _numbers(s: Session, records: RecordService, model: Any, ids: Iterable[str | None]) -> dict[str, str]:
    """Number of each clue or case by id; one the actor may not see reads （受限）."""
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    out = dict.fromkeys(wanted, RESTRICTED)
    visible = [audience_condition(model, records.user)] if not records.system else []
    out.update(
        {i: n for i, n in s.execute(select(model.id, model.number).where(model.id.in_(wanted), *visible))}
    )
    return out


def _label(register: str, name: str, value: Any) -> str:
    return REGISTERS[register].field(name).choice_label(value) if value else ""


def person_info(records: RecordService, person_id: str) -> PersonInfo:
    """One person (``NotFoundError``: none or deleted; ``NotInAudience``: not for this actor)."""
    with records.ctx.session() as s:
        return _info(_person(s, records, person_id))


def find_people(records: RecordService, name: str) -> list[PersonInfo]:
    """Everyone in the person register with this name (the actor may see), by unit and post."""
    name = name.strip()
    if not name:
        return []
    with records.ctx.session() as s:
        rows = s.scalars(
            select(Person)
            .where(Person.name == name, *_visible(records, Person))
            .order_by(Person.unit, Person.post, Person.created_at, Person.id)
        )
        return [_info(p) for p in rows]


def find_by_id_key(records: RecordService, id_key: str) -> list[PersonInfo]:
    """Everyone in the person register (the actor may see) whose ID number has this keyed hash
    (``app.security.sensitive.keyed_hash`` for ``people.id_number``): one person, whichever unit
    recorded them."""
    if not id_key:
        return []
    with records.ctx.session() as s:
        rows = s.scalars(
            select(Person)
            .where(Person.id_key == id_key, *_visible(records, Person))
            .order_by(Person.unit, Person.post, Person.created_at, Person.id)
        )
        return [_info(p) for p in rows]


def _duplicates_of(s: Session, records: RecordService, p: Person) -> tuple[Duplicate, ...]:
    out = []
    for other in s.scalars(
        select(Person)
        .where(Person.id != p.id, likely_same(Person, p.name, p.unit, p.id_key), *_visible(records, Person))
        .order_by(Person.unit, Person.post, Person.created_at, Person.id)
    ):
        reasons = []
        if other.name == p.name and other.unit == p.unit:
            reasons.append(SAME_NAME_UNIT)
        if p.id_key and other.id_key == p.id_key:
            reasons.append(SAME_ID_NUMBER)
        out.append(Duplicate(_info(other), tuple(reasons)))
    return tuple(out)


def duplicates(records: RecordService, person_id: str) -> tuple[Duplicate, ...]:
    """The people who may be the same person as this one."""
    with records.ctx.session() as s:
        return _duplicates_of(s, records, _person(s, records, person_id))


def duplicate_groups(records: RecordService) -> list[list[Duplicate]]:
    """Every set of people who may be one person (linked by the same name and unit, or the same
    ID number), each person with the reasons that tie them to the others; largest sets first."""
    with records.ctx.session() as s:
        visible = _visible(records, Person)
        pairs = (
            select(Person.name, Person.unit)
            .where(*visible)
            .group_by(Person.name, Person.unit)
            .having(func.count() > 1)
        )
        keys = (
            select(Person.id_key)
            .where(Person.id_key != "", *visible)
            .group_by(Person.id_key)
            .having(func.count() > 1)
        )
        named = {(n, u) for n, u in s.execute(pairs).all()}
        keyed = set(s.scalars(keys))
        if not named and not keyed:
            return []
        conds: list[Any] = [Person.id_key.in_(keyed)] if keyed else []
        conds += [and_(Person.name == n, Person.unit == u) for n, u in named]
        people = list(
            s.scalars(
                select(Person)
                .where(or_(*conds), *visible)
                .order_by(Person.name, Person.unit, Person.post, Person.created_at, Person.id)
            )
        )
    parent = {p.id: p.id for p in people}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    firsts: dict[tuple[str, str], str] = {}
    for p in people:
        for key in ((SAME_NAME_UNIT, f"{p.name}\x00{p.unit}"), (SAME_ID_NUMBER, p.id_key)):
            if key[0] == SAME_ID_NUMBER and not p.id_key:
                continue
            first = firsts.setdefault(key, p.id)
            parent[root(p.id)] = root(first)
    groups: dict[str, list[Person]] = {}
    for p in people:
        groups.setdefault(root(p.id), []).append(p)
    out = []
    for members in groups.values():
        if len(members) < 2:
            continue
        entries = []
        for p in members:
            reasons = []
            if any(o is not p and o.name == p.name and o.unit == p.unit for o in members):
                reasons.append(SAME_NAME_UNIT)
            if p.id_key and any(o is not p and o.id_key == p.id_key for o in members):
                reasons.append(SAME_ID_NUMBER)
            entries.append(Duplicate(_info(p), tuple(reasons)))
        out.append(entries)
    out.sort(key=lambda g: (-len(g), g[0].person.name, g[0].person.unit))
    return out


def _newest(items: Sequence[Any], when: str) -> tuple[Any, ...]:
    return tuple(sorted(items, key=lambda x: (getattr(x, when) or date.min, x.id), reverse=True))


def person_record(records: RecordService, person_id: str, on: date | None = None) -> PersonRecord:
    """Everything on record about the person, and what binds them on ``on`` (default today)."""
    on = on or date.today()
    with records.ctx.session() as s:
        p = _person(s, records, person_id)
        reports = list(s.scalars(select(Report).where(Report.person_id == p.id, *_visible(records, Report))))
        clues = list(s.scalars(select(Clue).where(Clue.person_id == p.id, *_visible(records, Clue))))
        inquiries = list(
            s.scalars(select(Inquiry).where(Inquiry.person_id == p.id, *_visible(records, Inquiry)))
        )
        verifications = list(
            s.scalars(
                select(Verification).where(Verification.person_id == p.id, *_visible(records, Verification))
            )
        )
        cases = list(s.scalars(select(Case).where(Case.person_id == p.id, *_visible(records, Case))))
        case_ids = [c.id for c in cases]
        parts = (
            list(
                s.scalars(select(CaseUnit).where(CaseUnit.case_id.in_(case_ids), CaseUnit.deleted.is_(False)))
            )
            if case_ids
            else []
        )
        measures = list(
            s.scalars(
                select(Disposition).where(Disposition.person_id == p.id, Disposition.deleted.is_(False))
            )
        )
        units = _unit_names(
            s,
            [c.handling_unit_id for c in clues]
            + [c.handling_unit_id for c in cases]
            + [u.unit_id for u in parts]
            + [m.handling_unit_id for m in measures],
        )
        clue_numbers = _numbers(
            s, records, Clue, [i.clue_id for i in inquiries + verifications] + [m.clue_id for m in measures]
        )
        case_numbers = {c.id: c.number for c in cases}
        case_numbers.update(
            _numbers(s, records, Case, [m.case_id for m in measures if m.case_id not in case_numbers])
        )
        forms = form_mapping.in_force(s)

        def measure(m: Disposition) -> MeasureItem:
            ends = m.ends_on or period_end(m.kind, m.measure, m.decided_on)
            return MeasureItem(
                id=m.id,
                kind=m.kind,
                kind_label=KIND_LABELS.get(m.kind, m.kind),
                measure=m.measure,
                form=forms.get((m.kind, m.measure), m.form),
                decision_no=m.decision_no,
                deciding_body=m.deciding_body,
                decided_on=m.decided_on,
                ends_on=ends,
                permanent=is_permanent(m.kind, m.measure),
                in_force=m.state not in WITHDRAWN and in_force(m.kind, m.measure, m.decided_on, ends, on),
                handling_unit=units.get(m.handling_unit_id, ""),
                clue_number=clue_numbers.get(m.clue_id, "") if m.clue_id else "",
                case_number=case_numbers.get(m.case_id, "") if m.case_id else "",
            )

        def team(x: Inquiry | Verification, register: str) -> InquiryItem:
            return InquiryItem(
                id=x.id,
                clue_id=x.clue_id,
                clue_number=clue_numbers.get(x.clue_id, ""),
                kind=_label(register, "kind", x.kind) if isinstance(x, Inquiry) else "",
                started_on=x.started_on,
                finished_on=x.finished_on,
                outcome=_label(register, "outcome", x.outcome),
                state=_label(register, "state", x.state),
            )

        return PersonRecord(
            person=_info(p),
            on=on,
            reports=_newest(
                [
                    ReportItem(
                        r.id,
                        r.number,
                        r.received_on,
                        _label("reports", "method", r.method),
                        r.category,
                        _label("reports", "state", r.state),
                    )
                    for r in reports
                ],
                "received_on",
            ),
            clues=_newest(
                [
                    ClueItem(
                        id=c.id,
                        number=c.number,
                        received_on=c.received_on,
                        source=_label("clues", "source", c.source),
                        state=c.state,
                        state_label=_label("clues", "state", c.state),
                        disposal=c.disposal,
                        disposal_label=_label("clues", "disposal", c.disposal),
                        handling_unit=units.get(c.handling_unit_id or "", ""),
                    )
                    for c in clues
                ],
                "received_on",
            ),
            inquiries=_newest([team(x, "inquiries") for x in inquiries], "started_on"),
            verifications=_newest([team(x, "verifications") for x in verifications], "started_on"),
            cases=_newest(
                [
                    CaseItem(
                        id=c.id,
                        number=c.number,
                        filed_on=c.filed_on,
                        state=c.state,
                        state_label=_label("cases", "state", c.state),
                        handling_unit=units.get(c.handling_unit_id or "", ""),
                        concluded_on=c.concluded_on,
                    )
                    for c in cases
                ],
                "filed_on",
            ),
            case_units=_newest(
                [
                    CaseUnitItem(
                        u.id,
                        u.case_id,
                        case_numbers.get(u.case_id, ""),
                        units.get(u.unit_id, ""),
                        u.joined_on,
                        u.role,
                    )  # fmt: skip
                    for u in parts
                ],
                "joined_on",
            ),
            measures=_newest([measure(m) for m in measures], "decided_on"),
            duplicates=_duplicates_of(s, records, p),
        )


# ---- a record's person -------------------------------------------------------------------------
def has_person(register: str) -> bool:
    """Whether records of ``register`` name a person of the person register."""
    reg = REGISTERS.get(register)
    if reg is None:
        return False
    return any(f.name == "person_id" and f.kind == REF and f.ref == "people" for f in reg.fields)


def person_of_record(records: RecordService, register: str, row_id: str) -> str | None:
    """The person a record is about (None: none named), without opening anything sealed."""
    reg = REGISTERS[register]
    if not has_person(register):
        return None
    with records.ctx.session() as s:
        obj = s.get(reg.model, row_id)
        if obj is None:
            raise NotFoundError(row_id)
        if (
            has_secrecy(reg.model)
            and not records.system
            and not in_audience(getattr(obj, "audience", ""), records.user)
        ):
            raise NotInAudience()
        return getattr(obj, "person_id", None) or None


# The values a record takes from its person when saved (``app.registers.person_link``): the
# name, unit and post (and for a subject its rank, 管理权限 and village) fill what the record
# leaves empty; a subject's flags (监察对象, 中共党员) are always the person's.
_SUBJECT_FILL = {
    "subject_name": "name",
    "subject_unit": "unit",
    "subject_post": "post",
    "subject_rank": "rank",
    "subject_authority": "authority",
    "subject_village": "village",
}
_MEASURED_FILL = {"person_name": "name", "person_unit": "unit", "person_post": "post"}


@dataclass(frozen=True)
class PersonFill:
    """What a form of ``register`` shows once a person is chosen: ``when_empty`` fills the fields
    left empty, ``always`` replaces what the form says (the record will take it on save)."""

    when_empty: dict[str, Any]
    always: dict[str, Any]


def fill_from_person(records: RecordService, register: str, person_id: str) -> PersonFill:
    reg = REGISTERS[register]
    names = {f.name for f in reg.fields}
    p = person_info(records, person_id)
    if "subject_name" in names:
        return PersonFill(
            {k: getattr(p, v) for k, v in _SUBJECT_FILL.items() if k in names},
            {"subject_is_member": p.party_member, "subject_is_object": bool(p.object_category)},
        )
    if "person_name" in names:
        return PersonFill({k: getattr(p, v) for k, v in _MEASURED_FILL.items() if k in names}, {})
    return PersonFill({}, {})


__all__ = [
    "PERSON_REGISTERS",
    "CaseItem",
    "CaseUnitItem",
    "ClueItem",
    "Duplicate",
    "InquiryItem",
    "MeasureItem",
    "PersonFill",
    "PersonInfo",
    "PersonRecord",
    "ReportItem",
    "duplicate_groups",
    "duplicates",
    "fill_from_person",
    "find_by_id_key",
    "find_people",
    "has_person",
    "person_info",
    "person_of_record",
    "person_record",
]
