"""The audit log: append-only, hash-chained, synchronised with the county.

Every entry names what happened (log-in, a change, an export, a view of a sensitive record …),
who did it, when, and which record and fields, never their content. Each unit's entries form one
chain: an entry's hash covers its own content and the previous entry's hash, and the algorithm
is named in the entry so an SM3 suite can follow. ``verify`` walks each chain and reports the
first entry that was edited, removed or moved. Entries are synchronised rows owned by their unit
(the county reviews every unit's log); nothing in the program updates or deletes them.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Integer, String, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from app.db import changelog
from app.db.base import Base, SyncMixin, utcnow

ALGORITHM = "sha256"
GENESIS = "0" * 64

# Actions
LOGIN = "login"
LOGIN_FAILED = "login_failed"
LOGOUT = "logout"
LOCK = "lock"
UNLOCK = "unlock"
CREATE = "create"
UPDATE = "update"
DELETE = "delete"
RESTORE = "restore"
VIEW_SENSITIVE = "view_sensitive"
EXPORT = "export"
IMPORT = "import"
PRINT = "print"
USER_CHANGE = "user_change"
PASSWORD_CHANGE = "password_change"
BACKUP = "backup"
RESTORE_BACKUP = "restore_backup"
INSTALL = "install"
CONVERT = "convert"


class AuditEntry(SyncMixin, Base):
    __tablename__ = "audit_log"
    __table_args__ = (UniqueConstraint("owner", "seq", name="uq_audit_log_owner_seq"),)

    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(32), index=True)
    target_table: Mapped[str] = mapped_column(String(64), default="")
    target_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    fields: Mapped[list[str]] = mapped_column(JSON, default=list)
    detail: Mapped[str] = mapped_column(String(200), default="")
    alg: Mapped[str] = mapped_column(String(16), default=ALGORITHM)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


def _canonical(e: AuditEntry) -> bytes:
    body = {
        "owner": e.owner,
        "seq": e.seq,
        "at": e.at.isoformat(timespec="microseconds"),
        "actor": e.actor,
        "action": e.action,
        "target_table": e.target_table or "",
        "target_id": e.target_id or "",
        "fields": list(e.fields or []),
        "detail": e.detail or "",
        "alg": e.alg,
        "prev": e.prev_hash,
    }
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def compute_hash(e: AuditEntry) -> str:
    if e.alg != ALGORITHM:
        raise ValueError(f"unknown audit hash algorithm {e.alg!r}")
    return hashlib.sha256(_canonical(e)).hexdigest()


def _tail(session: Session, owner: str) -> tuple[int, str]:
    """The last (seq, hash) of ``owner``'s chain in this transaction, including unflushed entries."""
    pending = [o for o in session.new if isinstance(o, AuditEntry) and o.owner == owner]
    if pending:
        last = max(pending, key=lambda o: o.seq)
        return last.seq, last.hash
    with session.no_autoflush:
        row = session.execute(
            select(AuditEntry.seq, AuditEntry.hash)
            .where(AuditEntry.owner == owner)
            .order_by(AuditEntry.seq.desc())
            .limit(1)
        ).first()
    return (int(row[0]), str(row[1])) if row else (0, GENESIS)


def new_entry(
    session: Session,
    action: str,
    *,
    actor: str | None = None,
    target_table: str = "",
    target_id: str = "",
    fields: list[str] | tuple[str, ...] = (),
    detail: str = "",
    at: datetime | None = None,
) -> AuditEntry:
    """Build the next entry of this installation's chain (not yet added to the session)."""
    owner = str(session.info.get("unit") or "")
    if not owner:
        raise RuntimeError("session has no unit: open sessions through app.services.database")
    seq, prev = _tail(session, owner)
    entry = AuditEntry(
        owner=owner,
        seq=seq + 1,
        at=at or utcnow(),
        actor=actor or str(session.info.get("user") or "system"),
        action=action,
        target_table=target_table,
        target_id=target_id,
        fields=sorted(fields),
        detail=detail[:200],
        alg=ALGORITHM,
        prev_hash=prev,
    )
    entry.hash = compute_hash(entry)
    return entry


def record(session: Session, action: str, **kwargs: Any) -> AuditEntry:
    """Append an entry in the caller's transaction: it is written if and only if the work is."""
    entry = new_entry(session, action, **kwargs)
    session.add(entry)
    return entry


_OPS = {"insert": CREATE, "update": UPDATE, "delete": DELETE}


def _audit_changes(session: Session, changes: list[changelog.Change], now: datetime) -> list[SyncMixin]:
    """One entry per changed synchronised row (field names only), written with the change."""
    if session.info.get("no_audit"):  # imports of other units' rows audit the import itself
        return []
    out: list[SyncMixin] = []
    for obj, op, fields in changes:
        if isinstance(obj, AuditEntry):
            continue
        action = RESTORE if fields.get("deleted") == [True, False] else _OPS[op]
        names = [f for f in fields if f != "deleted"]
        entry = new_entry(
            session,
            action,
            target_table=type(obj).__table__.name,  # type: ignore[attr-defined]
            target_id=obj.id or "",
            fields=names,
            at=now,
        )
        session.add(entry)  # visible to _tail for the next entry of this flush
        out.append(entry)
    return out


changelog.add_hook(_audit_changes)


@dataclass(frozen=True)
class Break:
    """The first place a chain does not hold."""

    owner: str
    seq: int
    entry_id: str
    reason: str  # "hash" (edited), "link" (previous entry removed, moved or edited), "gap", "deleted"


def verify(session: Session, owner: str | None = None) -> Break | None:
    """Walk every chain (or ``owner``'s) in order; None when every link holds."""
    stmt = select(AuditEntry).order_by(AuditEntry.owner, AuditEntry.seq)
    if owner is not None:
        stmt = stmt.where(AuditEntry.owner == owner)
    current_owner: str | None = None
    prev_hash, prev_seq = GENESIS, 0
    for e in session.scalars(stmt):
        if e.owner != current_owner:
            current_owner, prev_hash, prev_seq = e.owner, GENESIS, 0
        if e.deleted:
            return Break(e.owner, e.seq, e.id, "deleted")
        if e.seq != prev_seq + 1:
            return Break(e.owner, e.seq, e.id, "gap")
        if e.prev_hash != prev_hash:
            return Break(e.owner, e.seq, e.id, "link")
        try:
            ok = compute_hash(e) == e.hash
        except ValueError:
            ok = False
        if not ok:
            return Break(e.owner, e.seq, e.id, "hash")
        prev_hash, prev_seq = e.hash, e.seq
    return None
