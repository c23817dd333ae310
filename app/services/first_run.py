"""The first days of an installation: the settings it starts with, and the checklist of set-up
steps the 工作台 (and ``setup status``) shows until every step is done.

A new installation made by the set-up (not from the county's enrolment package, which brings the
county's own settings) starts with its 办理期限设置 and 检查事项设置 filled in from the rules and
the seed's practices (``prefill``), each row saying where it comes from; they are ordinary rows,
edited and deleted like any other.

A step is done by what the data says, never by a flag a person ticks: staff registered, villages
(or supervised units, or the county's units) registered, deadline rows and check items present,
a backup made by hand (an automatic backup at exit does not count: it stays on this PC), and the
recovery key's sheet printed or saved since the key was last made (both recorded in the audit
log, ``record_recovery_sheet``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.db.database import Database
from app.i18n import QT_TRANSLATE_NOOP
from app.models.casework import DeadlineRule
from app.models.org import UNIT_ID_NAMESPACE, Staff, SupervisedUnit, Unit, Village
from app.models.residency import ChecklistItem
from app.registers.casework_choices import DEADLINE_STEPS
from app.registers.residency import DEFAULT_CHECKLIST
from app.security import audit

# ---- the settings a new installation starts with ------------------------------------------------
# Each step's days come from casework_choices.DEADLINE_STEPS (what the program counts with when a
# step has no row); the note says where they come from, as the 依据或说明 column shows it.
# Sources: the 中国共产党纪律检查机关监督执纪工作规则 (监督执纪工作规则), the 监察法 and the
# 政务处分法, as DOMAIN.md ("Rules the casework follows") and the seed state them; a step no rule
# fixes says so, and that the county's own practice should be entered.
DEADLINE_NOTES: dict[str, str] = {
    # DOMAIN.md item 1: "A disposal proposal is due within one month of receipt (local practice)".
    "clue": "收到问题线索后一个月内提出处置意见（常见做法，各地不同，请按本县规定修改）",
    # No published time limit for the inquiry as a whole: the program's default.
    "inquiry": "本程序默认值，没有统一规定，请按本县规定修改",
    # 监督执纪工作规则: the person answers a 函询 in writing within 15 working days of receiving it.
    "letter_reply": "被函询人收到函询后15个工作日内书面回复（《中国共产党纪律检查机关监督执纪工作规则》）",
    # No published time limit for 初步核实 in the rules DOMAIN.md lists: the program's default.
    "verification": "本程序默认值，没有统一规定，请按本县规定修改",
    # 监督执纪工作规则: 审查调查 90 days, extendable once by up to 90 days with approval.
    "case": "审查调查期限不超过90日，经批准可延长一次、不超过90日（《中国共产党纪律检查机关监督执纪工作规则》）",
    # 监督执纪工作规则: 审理 one month, extendable by one month for major or complex cases.
    "trial": "审理一般1个月内完成，重大复杂案件经批准可延长1个月（《中国共产党纪律检查机关监督执纪工作规则》）",
    # 监督执纪工作规则: a party sanction is announced within one month of the decision.
    "announce": "处分决定作出后1个月内宣布送达（《中国共产党纪律检查机关监督执纪工作规则》）",
    # 政务处分法: the decision on a 复审 within 30 days.
    "appeal": "复审、复核机关30日内作出决定（《中华人民共和国公职人员政务处分法》）",
    # The seed (section 二, 三是) tells of 48 co-reviews but no time limit: the program's default.
    "co_review": "乡案县审协审期限：本程序默认值，没有统一规定，请按本县规定修改",
    # 监察法: 留置 not longer than three months (kept as 90 days).
    "detention": "留置时间不超过三个月（《中华人民共和国监察法》）",
}


def _row_id(unit_code: str, table: str, key: str) -> str:
    """A starting row's id: the same for the same unit on every set-up (two fresh installations
    with the same code hold the same rows, as their demo batches do)."""
    return str(uuid.uuid5(UNIT_ID_NAMESPACE, f"{unit_code}/{table}/{key}"))


def prefill(s: Session, unit_code: str) -> None:
    """Write the starting 办理期限设置 (one row per step) and 检查事项设置 (the visit form's default
    list, ``residency.DEFAULT_CHECKLIST``, whose comments give each item's source) into a new
    installation, in the caller's transaction. Nothing is written where rows exist already."""
    if s.scalar(select(func.count()).select_from(DeadlineRule).where(DeadlineRule.deleted.is_(False))) == 0:
        for step, _label, days, working in DEADLINE_STEPS:
            s.add(
                DeadlineRule(
                    id=_row_id(unit_code, "deadline_rules", step),
                    step=step,
                    days=days,
                    working=working,
                    note=DEADLINE_NOTES[step],
                )
            )
    if s.scalar(select(func.count()).select_from(ChecklistItem).where(ChecklistItem.deleted.is_(False))) == 0:
        for position, (name, applies) in enumerate(DEFAULT_CHECKLIST, start=1):
            s.add(
                ChecklistItem(
                    id=_row_id(unit_code, "checklist_items", name),
                    name=name,
                    applies_to=applies,
                    position=position * 10,
                    active=True,
                )
            )


# ---- the recovery key's sheet -------------------------------------------------------------------
SHEET_PRINTED = "recovery sheet printed"
SHEET_SAVED = "recovery sheet saved"
# Audit details of a new recovery key (the one made at set-up is the INSTALL entry's).
NEW_KEY_DETAILS = ("new recovery key", "plain database encrypted")


def record_recovery_sheet(db: Database, user: str, printed: bool) -> None:
    """Note in the audit log that the recovery key's sheet was sent to the printer (``printed``)
    or saved as a PDF to print: the checklist's last step reads it."""
    with db.session(user) as s:
        audit.record(s, audit.PRINT, detail=SHEET_PRINTED if printed else SHEET_SAVED)


# ---- the steps ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Step:
    key: str  # staff, villages, supervised_units, units, deadlines, checklist, backup, recovery_sheet
    title: str  # marked for translation (context "app")
    hint: str  # what to do, marked for translation (context "app")
    page: str  # what the step opens: a page key of the window ("register:staff") or an action
    done: bool


STEP_TEXTS: dict[str, tuple[str, str, str]] = {
    "staff": (
        QT_TRANSLATE_NOOP("app", "登记本单位人员"),
        QT_TRANSLATE_NOOP("app", "在“人员与岗位”中登记纪检监察干部，承办人才有人可选。"),
        "register:staff",
    ),
    "villages": (
        QT_TRANSLATE_NOOP("app", "登记所辖村（社区）"),
        QT_TRANSLATE_NOOP("app", "在“村（社区）”中登记本乡镇的村和社区，驻村覆盖才能计算。"),
        "register:villages",
    ),
    "supervised_units": (
        QT_TRANSLATE_NOOP("app", "登记被监督单位"),
        QT_TRANSLATE_NOOP("app", "在“被监督单位”中登记本组监督的单位，驻在覆盖才能计算。"),
        "register:supervised_units",
    ),
    "units": (
        QT_TRANSLATE_NOOP("app", "登记乡镇纪委和派驻组"),
        QT_TRANSLATE_NOOP("app", "在“单位”中登记各乡镇纪委、派驻纪检监察组和委机关各室。"),
        "register:units",
    ),
    "deadlines": (
        QT_TRANSLATE_NOOP("app", "核对办理期限"),
        QT_TRANSLATE_NOOP("app", "“办理期限设置”已按规定预填，请按本县做法核对修改；期限提醒据此计算。"),
        "register:deadline_rules",
    ),
    "checklist": (
        QT_TRANSLATE_NOOP("app", "核对检查事项"),
        QT_TRANSLATE_NOOP("app", "“检查事项设置”列出驻村（驻在）记录表要勾选的事项，请核对修改。"),
        "register:checklist_items",
    ),
    "backup": (
        QT_TRANSLATE_NOOP("app", "做第一次备份"),
        QT_TRANSLATE_NOOP("app", "把加密备份保存到专用 U 盘（退出时的自动备份只在本机，不算）。"),
        "action:backup",
    ),
    "recovery_sheet": (
        QT_TRANSLATE_NOOP("app", "打印恢复密钥"),
        QT_TRANSLATE_NOOP(
            "app", "打印或保存恢复密钥页并锁进保密柜；设置时没有打印的，可生成新的恢复密钥再打印。"
        ),
        "action:recovery_key",
    ),
}
# The steps of each kind of installation, in the order they are best done.
STEPS_BY_TYPE: dict[str, tuple[str, ...]] = {
    "township": ("staff", "villages", "deadlines", "checklist", "backup", "recovery_sheet"),
    "group": ("staff", "supervised_units", "deadlines", "checklist", "backup", "recovery_sheet"),
    "county": ("units", "staff", "deadlines", "checklist", "backup", "recovery_sheet"),
}


def _live(s: Session, model: Any, *where: Any) -> bool:
    return s.scalar(select(model.id).where(model.deleted.is_(False), *where).limit(1)) is not None


def _sheet_done(s: Session, unit_code: str) -> bool:
    """A sheet printed or saved after the newest recovery key (set-up's, or a new one)."""
    sheet = s.scalar(
        select(func.max(audit.AuditEntry.seq)).where(
            audit.AuditEntry.owner == unit_code,
            audit.AuditEntry.action == audit.PRINT,
            audit.AuditEntry.detail.in_((SHEET_PRINTED, SHEET_SAVED)),
        )
    )
    if sheet is None:
        return False
    key = s.scalar(
        select(func.max(audit.AuditEntry.seq)).where(
            audit.AuditEntry.owner == unit_code,
            or_(
                audit.AuditEntry.action == audit.INSTALL,
                audit.AuditEntry.detail.in_(NEW_KEY_DETAILS),
            ),
        )
    )
    return key is None or sheet > key


def _done(s: Session, key: str, unit_type: str, unit_code: str, unit_id: str | None) -> bool:
    if key == "staff":
        return _live(s, Staff, Staff.unit_id == unit_id) if unit_id else _live(s, Staff)
    if key == "villages":
        return _live(s, Village, Village.township_id == unit_id)
    if key == "supervised_units":
        return _live(s, SupervisedUnit, SupervisedUnit.group_id == unit_id)
    if key == "units":
        return _live(s, Unit, Unit.unit_type.in_(("township", "group")))
    if key == "deadlines":
        return _live(s, DeadlineRule)
    if key == "checklist":
        return _live(s, ChecklistItem)
    if key == "backup":
        return (
            s.scalar(
                select(audit.AuditEntry.id)
                .where(
                    audit.AuditEntry.owner == unit_code,
                    audit.AuditEntry.action == audit.BACKUP,
                    audit.AuditEntry.detail.not_like("auto %"),
                )
                .limit(1)
            )
            is not None
        )
    if key == "recovery_sheet":
        return _sheet_done(s, unit_code)
    raise KeyError(key)


def steps(db: Database, user: str = "system") -> list[Step]:
    """The set-up steps of this installation, each with whether the data shows it done."""
    info = db.installation()
    if info is None:
        return []
    with db.session(user) as s:
        own = s.scalars(select(Unit).where(Unit.code == info.unit_code, Unit.deleted.is_(False))).first()
        unit_id = own.id if own is not None and info.unit_type != "county" else None
        out = []
        for key in STEPS_BY_TYPE.get(info.unit_type, STEPS_BY_TYPE["township"]):
            title, hint, page = STEP_TEXTS[key]
            out.append(Step(key, title, hint, page, _done(s, key, info.unit_type, info.unit_code, unit_id)))
    return out


def all_done(found: list[Step]) -> bool:
    return all(step.done for step in found)
