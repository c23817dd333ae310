"""How a record finds its person (``app.models.people.Person``): the one it names
(``person_id``) unless the record gives another name (a name corrected: the person is looked for
again), else the one this unit already keeps with the same name, unit and post, else a
new one made from what the record says, in the same transaction as the record. The record keeps
its own copy of the name, unit and post (a post at the time of the facts)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.people import Person
from app.registers.casework_choices import VILLAGE_CADRE

# Record column suffix -> person column, for the subject fields of reports, clues and cases.
SUBJECT = {
    "name": "name",
    "unit": "unit",
    "post": "post",
    "rank": "rank",
    "authority": "authority",
    "village": "village",
}
VILLAGE_RANK = "村（社区）干部"


_NAMESPACE = uuid.UUID("5b0c7f3e-9a51-4e0b-8a55-2f1f3c6d7e01")


def made_id(owner: str, name: str, unit: str, post: str) -> str:
    """The id of the person made for (owner, name, unit, post): the same at every installation
    that makes it (a unit and the county migrating the same records, a demo run twice)."""
    return str(uuid.uuid5(_NAMESPACE, "\x00".join((owner, name, unit, post))))


def category_for(is_object: bool, authority: str, rank: str) -> str:
    """The 监察对象 category a record's yes/no flag most likely means: a village cadre manages a
    基层群众性自治组织 (5), anyone else is taken as a civil servant (1) until someone corrects it."""
    if not is_object:
        return ""
    return "5" if authority == VILLAGE_CADRE or rank == VILLAGE_RANK else "1"


def find(s: Session, owner: str, name: str, unit: str, post: str) -> Person | None:
    return s.scalars(
        select(Person)
        .where(
            Person.deleted.is_(False),
            Person.owner == owner,
            Person.name == name,
            Person.unit == unit,
            Person.post == post,
        )
        .order_by(Person.created_at, Person.id)
    ).first()


def person_of(s: Session, values: Mapping[str, Any], prefix: str, attrs: Mapping[str, Any]) -> Person | None:
    """The person a record names, or finds, or makes (see the module). ``prefix``: the record's
    column prefix (``subject_``, ``person_``); ``attrs``: a new person's other values."""
    pid = values.get("person_id")
    name = str(values.get(f"{prefix}name") or "").strip()
    if pid:
        person = s.get(Person, pid)
        if person is None or not name or person.name == name:
            return person  # a missing or deleted one is the REF check's to refuse
        # Another name than the person's: the name was corrected, or is someone else.
    if not name:
        return None
    unit = str(values.get(f"{prefix}unit") or "")
    post = str(values.get(f"{prefix}post") or "")
    owner = str(s.info.get("unit") or "")
    person = find(s, owner, name, unit, post)
    if person is None:
        pid = made_id(owner, name, unit, post)
        if s.get(Person, pid) is not None:  # made so once, since renamed or deleted
            pid = str(uuid.uuid4())
        person = Person(id=pid, name=name, unit=unit, post=post, **attrs)
        s.add(person)
        s.flush()
    return person


def link_subject(s: Session, values: dict[str, Any]) -> dict[str, Any]:
    """A report's, clue's or case's ``person_id`` and subject fields: the person's values fill the
    subject fields left empty, and the person's flags (监察对象, 党员) are the record's."""
    attrs = {
        # A person made from a record is seen by whom the record is: its 密级 and 知悉范围.
        "secrecy": values.get("secrecy") or "none",
        "audience": values.get("audience") or "",
        "rank": values.get("subject_rank") or "",
        "authority": values.get("subject_authority") or "",
        "village": values.get("subject_village") or "",
        "party_member": bool(values.get("subject_is_member")),
        "object_category": category_for(
            bool(values.get("subject_is_object")),
            str(values.get("subject_authority") or ""),
            str(values.get("subject_rank") or ""),
        ),
    }
    person = person_of(s, values, "subject_", attrs)
    if person is None:
        return values
    values["person_id"] = person.id
    for suffix, column in SUBJECT.items():
        if not values.get(f"subject_{suffix}"):
            values[f"subject_{suffix}"] = getattr(person, column)
    values["subject_is_member"] = person.party_member
    values["subject_is_object"] = bool(person.object_category)
    return values


def link_measured(s: Session, values: dict[str, Any]) -> dict[str, Any]:
    """A measure's ``person_id`` and its name, unit and post (the same rules)."""
    person = person_of(s, values, "person_", {})
    if person is None:
        return values
    values["person_id"] = person.id
    for suffix in ("name", "unit", "post"):
        if not values.get(f"person_{suffix}"):
            values[f"person_{suffix}"] = getattr(person, suffix)
    return values
