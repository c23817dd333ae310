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
        if _read(s) == on:  # no row yet is off
            return False
        policy_row(s).separation_of_duties = on
        recorded(s, "separation_of_duties", f"separation_of_duties={'on' if on else 'off'}")
    return True


def policy_row(s: Session) -> CountyPolicy:
    """The county's policy row, made when there is none. A tombstoned row stood for every setting
    off: it comes back with every setting off, for the caller to change one."""
    row = s.get(CountyPolicy, POLICY_ID)
    if row is None:
        row = CountyPolicy(id=POLICY_ID, separation_of_duties=False, form_mapping="")
        s.add(row)
    elif row.deleted:
        row.deleted, row.separation_of_duties, row.form_mapping = False, False, ""
    return row


def recorded(s: Session, field: str, detail: str) -> None:
    """Write a change of the policy's ``field`` and its audit entry (安全策略变更), in ``s``."""
    s.flush()
    audit.record(
        s,
        audit.POLICY_CHANGE,
        target_table=CountyPolicy.__tablename__,
        target_id=POLICY_ID,
        fields=[field],
        detail=detail,
    )


__all__ = ["PolicyError", "policy_row", "recorded", "separation_on", "set_separation"]
