"""Every declared register, by name, and the navigation areas they belong to."""

from __future__ import annotations

from app.i18n import QT_TRANSLATE_NOOP
from app.registers import (
    appeals,
    calendar,
    cases,
    clues,
    detentions,
    inquiries,
    measures,
    org,
    people,
    recusals,
    residency,
    ties,
    trials,
)
from app.registers.fields import Register

REGISTERS: dict[str, Register] = {
    r.name: r
    for r in (
        *org.REGISTERS,
        *clues.REGISTERS,
        *people.REGISTERS,
        *inquiries.REGISTERS,
        *cases.REGISTERS,
        *measures.REGISTERS,
        *trials.REGISTERS,
        *detentions.REGISTERS,
        *appeals.REGISTERS,
        ties.STAFF_TIES,
        clues.DEADLINE_RULES,
        calendar.CALENDAR_DAYS,
        *residency.REGISTERS,
        recusals.RECUSALS,
    )
}

# Navigation areas in display order: (key, Chinese title). Later registers add their area here.
AREAS: tuple[tuple[str, str], ...] = (
    (clues.AREA, QT_TRANSLATE_NOOP("register", "监督执纪")),
    (residency.AREA, QT_TRANSLATE_NOOP("register", "日常监督")),
    (org.AREA, QT_TRANSLATE_NOOP("register", "组织机构")),
)


def get(name: str) -> Register:
    try:
        return REGISTERS[name]
    except KeyError:
        raise KeyError(f"no register named {name!r}") from None


def in_area(area: str) -> list[Register]:
    return [r for r in REGISTERS.values() if r.area == area]
