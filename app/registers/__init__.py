"""Every declared register, by name, and the navigation areas they belong to."""

from __future__ import annotations

from app.i18n import QT_TRANSLATE_NOOP
from app.registers import (
    appeals,
    calendar,
    cases,
    circulars,
    clearing,
    clues,
    detentions,
    education,
    inquiries,
    inspection,
    integrity,
    ledgers,
    measures,
    org,
    people,
    recusals,
    reporting,
    residency,
    ties,
    training,
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
        residency.VISITS,
        *ledgers.REGISTERS,
        residency.CHECKLIST,
        recusals.RECUSALS,
        *inspection.REGISTERS,
        *integrity.REGISTERS,
        *training.REGISTERS,
        *reporting.REGISTERS,
        *clearing.REGISTERS,
        *education.REGISTERS,
        *circulars.REGISTERS,
    )
}

# Navigation areas in display order: (key, Chinese title). An area with no register is not shown.
#   casework    监督执纪: clues to sanctions, 澄清正名, 容错免责, 廉政意见回复
#   residency   日常监督: 驻村（驻在）, the ledgers on the township's 党委 (签字背书, 谈话纪实, 三重一大),
#               村务监督委员会 and the liaisons' monthly reports
#   inspection  巡察整改: rectification after inspections, 驻点巡察 preparation
#   education   教育培训: 每月一课, 每周一测, 廉洁承诺, 清廉家庭, 警示教育
#   reporting   述职与通报: 半年述职述廉, 一岗双责 reports, 通报
#   org         组织机构
AREAS: tuple[tuple[str, str], ...] = (
    (clues.AREA, QT_TRANSLATE_NOOP("register", "监督执纪")),
    (residency.AREA, QT_TRANSLATE_NOOP("register", "日常监督")),
    ("inspection", QT_TRANSLATE_NOOP("register", "巡察整改")),
    ("education", QT_TRANSLATE_NOOP("register", "教育培训")),
    ("reporting", QT_TRANSLATE_NOOP("register", "述职与通报")),
    (org.AREA, QT_TRANSLATE_NOOP("register", "组织机构")),
)


def get(name: str) -> Register:
    try:
        return REGISTERS[name]
    except KeyError:
        raise KeyError(f"no register named {name!r}") from None


def in_area(area: str) -> list[Register]:
    return [r for r in REGISTERS.values() if r.area == area]
