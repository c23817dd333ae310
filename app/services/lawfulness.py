"""Whether the casework records keep the rules (DOMAIN.md, "Rules the casework follows"): every
measure of a kind and one of that kind's measures, given to someone who may be given it (party
sanctions only to party members, 政务处分 only to 监察对象, a village cadre's 政务处分 no heavier
than 记大过), a party organisation's 问责 naming the organisation and no person; every record
about a person linked to a person record; every measure on a clue an inspection transferred
counted to the unit the rules give it to (``app.registers.measures``).

The registers refuse such records when they are entered; this finds those that came another way
(an old bundle, a migration, a person record corrected afterwards, a changed setting), over the
live rows of the whole database, with a few set-based queries (a county's years of records).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.casework import Case, Clue, Disposition, Inquiry, Report, Verification
from app.models.org import Unit
from app.models.people import Person
from app.registers.casework_choices import COUNTY_MANAGED
from app.registers.measures import ORGANISATION, inspection_problem, person_problem
from app.registers.sanctions import KIND_LABELS, KIND_MEASURES, VILLAGE_CATEGORY

__all__ = ["Problem", "problems"]


@dataclass(frozen=True)
class Problem:
    """One rule one record breaks: the register (``dispositions``, ``clues``, …), the row and why."""

    register: str
    row_id: str
    message: Message

    def __str__(self) -> str:
        return f"{self.register} {self.row_id}: {self.message}"


def _measure_problem(rid: str, label: str, template: str, **params: str) -> Problem:
    return Problem("dispositions", rid, Message(template, {"measure": label, **params}))


def _measure_problems(s: Session) -> Iterable[Problem]:
    about = aliased(Person)  # the person of the measure's clue
    rows = s.execute(
        select(
            Disposition.id,
            Disposition.kind,
            Disposition.measure,
            Disposition.person_id,
            Disposition.person_name,
            Disposition.org_name,
            Person.id.label("pid"),
            Person.deleted.label("person_deleted"),
            Person.name.label("name"),
            Person.party_member,
            Person.object_category,
            Person.authority,
            Clue.source,
            about.id.label("clue_pid"),
            about.authority.label("clue_authority"),
            about.object_category.label("clue_category"),
            Unit.unit_type,
        )
        .outerjoin(Person, Person.id == Disposition.person_id)
        .outerjoin(Clue, Clue.id == Disposition.clue_id)
        .outerjoin(about, about.id == Clue.person_id)
        .outerjoin(Unit, Unit.id == Disposition.handling_unit_id)
        .where(Disposition.deleted.is_(False))
        .order_by(Disposition.decided_on, Disposition.id)
    ).all()
    for r in rows:
        rid, kind, measure = r.id, r.kind or "", r.measure or ""
        label = f"{KIND_LABELS.get(kind, kind or '—')}（{measure}）"
        if measure not in KIND_MEASURES.get(kind, ()):
            yield _measure_problem(
                rid, label, QT_TRANSLATE_NOOP("app", "处理类别与处理方式不符：{measure}。")
            )
            continue
        if kind == ORGANISATION:
            if not r.org_name:
                yield _measure_problem(
                    rid, label, QT_TRANSLATE_NOOP("app", "问责党组织的记录没有填写党组织名称：{measure}。")
                )
            if r.person_id or r.person_name:
                yield _measure_problem(
                    rid, label, QT_TRANSLATE_NOOP("app", "问责党组织的记录填写了个人：{measure}。")
                )
            continue
        if r.pid is None or r.person_deleted:
            yield _measure_problem(rid, label, QT_TRANSLATE_NOOP("app", "{measure}没有关联人员库记录。"))
            continue
        name = str(r.name)
        if r.person_name and r.person_name != name:
            yield _measure_problem(
                rid,
                label,
                QT_TRANSLATE_NOOP("app", "{measure}的姓名「{given}」与人员库记录（{name}）不一致。"),
                given=str(r.person_name),
                name=name,
            )
        problem = person_problem(kind, measure, name, bool(r.party_member), str(r.object_category or ""))
        if problem is not None:
            yield Problem("dispositions", rid, problem)
        if r.source == "inspection" and r.unit_type is not None:
            known = r.clue_pid is not None  # the clue's person, else the measure's
            problem = inspection_problem(
                r.clue_authority if known else r.authority,
                r.clue_category if known else r.object_category,
                str(r.unit_type),
            )
            if problem is not None:
                yield Problem("dispositions", rid, problem)


def _unlinked(s: Session) -> Iterable[Problem]:
    """Records about a person that name no live person record."""
    message = Message(QT_TRANSLATE_NOOP("app", "被反映人没有关联人员库记录。"))
    for register, model, named in (
        ("reports", Report, Report.subject_name != ""),
        ("clues", Clue, Clue.subject_name != ""),
        ("cases", Case, None),
        ("inquiries", Inquiry, None),
        ("verifications", Verification, None),
    ):
        live_person = select(Person.id).where(Person.deleted.is_(False))
        stmt = select(model.id).where(
            model.deleted.is_(False),
            model.person_id.is_(None) | model.person_id.not_in(live_person),
        )
        if named is not None:
            stmt = stmt.where(named)
        for rid in s.scalars(stmt.order_by(model.id)):
            yield Problem(register, rid, message)


def _people(s: Session) -> Iterable[Problem]:
    rows = s.execute(
        select(Person.id, Person.name).where(
            Person.deleted.is_(False),
            Person.object_category == VILLAGE_CATEGORY,
            Person.authority == COUNTY_MANAGED,
        )
    )
    for rid, name in rows:
        yield Problem(
            "people",
            rid,
            Message(
                QT_TRANSLATE_NOOP(
                    "app", "{name} 是基层群众性自治组织中从事管理的人员，管理权限不应是县管干部。"
                ),
                {"name": name},
            ),
        )


def problems(s: Session) -> list[Problem]:
    """Every rule a live casework record breaks, measures first (by decision date), then the
    records naming no person, then the person records themselves; empty when all is lawful."""
    return [*_measure_problems(s), *_unlinked(s), *_people(s)]
