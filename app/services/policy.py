"""The county's policy (``app.models.policy.CountyPolicy``): read it anywhere, change it only at
the county.

``set_separation`` turns separation of management duties (三员分立) on or off: county
installation only, MANAGE_USERS, one transaction with its audit entry. The county's next bundles
carry the row to every unit; everyone's next log-in there follows it (``app.services.login``).
A session already open keeps the rights it logged in with.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.context import Context
from app.db.database import Database
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.policy import POLICY_ID, CountyPolicy
from app.security import audit
from app.security.roles import MANAGE_USERS

NOT_COUNTY = QT_TRANSLATE_NOOP("app", "三员分立由县纪委监委统一设置，本机不能修改。")


class PolicyError(Exception):
    """Refused (a Chinese message)."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(str(message))


def _read(s: Session) -> bool:
    on = s.scalars(
        select(CountyPolicy.separation_of_duties).where(
            CountyPolicy.id == POLICY_ID, CountyPolicy.deleted.is_(False)
        )
    ).first()
    return bool(on)


def separation_on(where: Database | Session | Context) -> bool:
    """Whether separation of duties is on here (no row yet: off)."""
    if isinstance(where, Session):
        return _read(where)
    db = where.db if isinstance(where, Context) else where
    with db.session() as s:
        return _read(s)


def set_separation(ctx: Context, on: bool) -> bool:
    """Turn separation of duties on or off for the whole county; returns whether it changed."""
    ctx.require(MANAGE_USERS)
    if ctx.installation().unit_type != "county":
        raise PolicyError(Message(NOT_COUNTY))
    with ctx.session() as s:
        row = s.get(CountyPolicy, POLICY_ID)
        if _read(s) == on:  # no row yet is off
            return False
        if row is None:
            row = CountyPolicy(id=POLICY_ID, separation_of_duties=on)
            s.add(row)
        else:
            row.separation_of_duties = on
            row.deleted = False
        s.flush()
        audit.record(
            s,
            audit.POLICY_CHANGE,
            target_table=CountyPolicy.__tablename__,
            target_id=POLICY_ID,
            fields=["separation_of_duties"],
            detail=f"separation_of_duties={'on' if on else 'off'}",
        )
    return True


__all__ = ["PolicyError", "separation_on", "set_separation"]
