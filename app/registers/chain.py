"""Steps the casework registers share: reporting a matter up to the county (上报) and taking one
back in, the 管理权限 check on disposing steps, and the rules for outcomes that move the record a
step came from (``Step.effect``: an inquiry's outcome moves its clue)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.local import Installation
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.casework import Transition
from app.registers.authority import authority_problem
from app.registers.fields import INT, LONGTEXT, Field
from app.registers.lifecycle import Step

REPORTED = ("reported", QT_TRANSLATE_NOOP("register", "已上报县纪委监委"))


def within_authority(s: Session, record: Any, _values: dict[str, Any]) -> dict[str, Message]:
    """A disposing step's check: the person is within this unit's 管理权限."""
    return authority_problem(s, record)


def _report_up(s: Session, transitions: Any, record: Any, _values: dict[str, Any]) -> None:
    """The request to the county carries the step's own reason."""
    reason = s.scalars(
        select(Transition.reason)
        .where(Transition.record_id == record.id, Transition.action == "report_up")
        .order_by(Transition.created_at.desc(), Transition.version_counter.desc())
    ).first()
    transitions.report_up(s, record.__tablename__, record, reason or "")


def _not_reported_here(s: Session, record: Any, _values: dict[str, Any]) -> dict[str, Message]:
    here = s.scalars(select(Installation.unit_code)).first()
    last = s.scalars(
        select(Transition.owner)
        .where(
            Transition.record_id == record.id,
            Transition.action == "report_up",
            Transition.deleted.is_(False),
        )
        .order_by(Transition.created_at.desc())
    ).first()
    if last is not None and last == here:
        return {
            "": Message(
                QT_TRANSLATE_NOOP(
                    "app", "本单位已将这条记录上报县纪委监委，须由县纪委监委提级办理或指定管辖后受理。"
                )
            )
        }
    return {}


def report_up_step(sources: tuple[str, ...]) -> Step:
    """上报: the unit asks the county to take the record; the record waits in 已上报."""
    return Step(
        "report_up",
        QT_TRANSLATE_NOOP("register", "上报县纪委监委（超出管理权限）"),
        sources,
        REPORTED[0],
        effect=_report_up,
    )


def accept_step(target: str) -> Step:
    """受理: the unit the county gave the record to (提级办理: the county; 指定管辖: another unit)
    takes it in."""
    return Step(
        "accept",
        QT_TRANSLATE_NOOP("register", "受理（提级办理或指定管辖）"),
        (REPORTED[0],),
        target,
        check=_not_reported_here,
    )


def extension_fields(maximum: int = 365, *, in_list: bool = False) -> tuple[Field, ...]:
    """延期: the days added so far (set by the 延期 step alone, at most ``maximum``) and why."""
    return (
        Field(
            "extension_days",
            QT_TRANSLATE_NOOP("register", "延期天数"),
            kind=INT,
            minimum=0,
            maximum=maximum,
            default=0,
            in_list=in_list,
            editable=False,
        ),
        Field("extension_reason", QT_TRANSLATE_NOOP("register", "延期理由"), kind=LONGTEXT, in_list=False),
    )
