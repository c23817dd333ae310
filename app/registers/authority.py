"""管理权限: which matters a unit may dispose of itself, and which it reports up.

A township commission handles the township's general cadres, its village cadres and party members;
cadres the county manages (县管干部: the township's party secretary, its head and deputy heads) go
to the county commission (DOMAIN.md). A township that holds a clue or a case about one of them
cannot dispose of it, file it or conclude it: it reports it up (上报, a request that the county
take the record), and the county takes it up (提级办理) or assigns it (指定管辖). Dispatched groups
act with the county commission's authority over the units they supervise; the county over all.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.local import Installation
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.registers.casework_choices import COUNTY_MANAGED

# Installation types that may not dispose of a matter about a cadre of each 管理权限.
OUTSIDE: dict[str, tuple[str, ...]] = {COUNTY_MANAGED: ("township",)}


def installation_type(s: Session) -> str:
    return str(s.scalars(select(Installation.unit_type)).first() or "")


def authority_problem(s: Session, record: Any, field: str = "subject_authority") -> dict[str, Message]:
    """Why this installation may not dispose of ``record`` (a clue or a case), by the 管理权限 of
    the person it is about; {} when it may."""
    authority = str(getattr(record, field, "") or "")
    if installation_type(s) not in OUTSIDE.get(authority, ()):
        return {}
    return {
        "subject_authority": Message(
            QT_TRANSLATE_NOOP(
                "app",
                "「{name}」是{authority}，不属本单位管理权限，不能在本单位处置、立案或审结；"
                "请「上报县纪委监委」，由县纪委监委提级办理或指定管辖。",
            ),
            {"name": getattr(record, "subject_name", ""), "authority": authority},
        )
    }
