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

# Navigation areas in display order: (key, Chinese title). Each holds a handful of pages a newcomer
# can scan; an area with neither a register nor a page of its own is not shown.
#   intake      信访与线索: 信访举报, 问题线索, 谈话函询, 初步核实, 澄清正名
#   casework    审查调查: 立案审查调查, 协办单位, 协审, 审理, 留置, 回避
#   sanctions   处分与廉政: 处理处分, 申诉与复审复核, 容错免责, 人员库, 廉政意见
#   residency   日常监督: 驻村（驻在）, the ledgers on the township's 党委 (签字背书, 谈话纪实, 三重一大),
#               讲规学法, 村务监督委员会 and the liaisons' monthly reports
#   inspection  巡察整改: rectification after inspections, 驻点巡察 preparation
#   education   教育培训: 每月一课, 每周一测, 廉洁承诺, 警示教育
#   reporting   述职与通报: 半年述职述廉, 一岗双责 reports, 通报
#   figures     统计与覆盖: pages only (统计分析, 驻村覆盖, 履职覆盖)
#   org         组织机构
#   settings    基础设置: 办理期限, 节假日调整, 检查事项
AREAS: tuple[tuple[str, str], ...] = (
    ("intake", QT_TRANSLATE_NOOP("register", "信访与线索")),
    ("casework", QT_TRANSLATE_NOOP("register", "审查调查")),
    ("sanctions", QT_TRANSLATE_NOOP("register", "处分与廉政")),
    (residency.AREA, QT_TRANSLATE_NOOP("register", "日常监督")),
    ("inspection", QT_TRANSLATE_NOOP("register", "巡察整改")),
    ("education", QT_TRANSLATE_NOOP("register", "教育培训")),
    ("reporting", QT_TRANSLATE_NOOP("register", "述职与通报")),
    ("figures", QT_TRANSLATE_NOOP("register", "统计与覆盖")),
    (org.AREA, QT_TRANSLATE_NOOP("register", "组织机构")),
    ("settings", QT_TRANSLATE_NOOP("register", "基础设置")),
)


def get(name: str) -> Register:
    try:
        return REGISTERS[name]
    except KeyError:
        raise KeyError(f"no register named {name!r}") from None


def in_area(area: str) -> list[Register]:
    return [r for r in REGISTERS.values() if r.area == area]
