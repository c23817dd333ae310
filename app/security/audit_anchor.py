"""Where each audit chain's head is anchored, outside the chain itself.

A chain shows an edited or removed entry in its middle, but an entry cut off its end leaves no
trace in what remains. So every installation keeps, per chain it holds (``audit_heads``, a local
table never synchronised):

- the **recorded head**: the highest (seq, hash) this database ever wrote for the chain. It only
  advances along the chain (an entry that does not link to it leaves it where it was), so a cut
  followed by new entries under reused numbers still shows;
- at a unit, the **acknowledged head**: the last (seq, hash) of the unit's chain the county said it
  holds (the ``audit_ack`` of the county's bundles, ``app.sync.audit_travel``).

``shortfall`` compares a chain's last entry with both; ``audit.check`` reports what it finds like
any other break. Someone who can delete rows can also edit this table; the acknowledged head is
what the county holds, and the county checks the unit's next bundle against its own copy.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from app.db import changelog
from app.db.base import Base, utcnow
from app.security import audit
from app.security.audit import CUT, CUT_ACKED, GENESIS, REPLACED, REPLACED_ACKED, AuditEntry, Break


class AuditHead(Base):
    """One chain's anchors at this installation (see the module's docstring)."""

    __tablename__ = "audit_heads"

    owner: Mapped[str] = mapped_column(String(32), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    hash: Mapped[str] = mapped_column(String(64), default=GENESIS)
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)
    acked_hash: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


def head_of(session: Session, owner: str) -> AuditHead | None:
    kept = audit.held(session).get(("head", owner))
    if kept is not None and audit.held_in(session, kept):
        return kept
    with session.no_autoflush:
        return session.get(AuditHead, owner)


def advance(session: Session, owner: str, entries: list[Any]) -> None:
    """Move ``owner``'s recorded head along ``entries`` (objects or rows with seq, prev_hash and
    hash) as far as they link to it; a first head is taken as it comes."""
    head = head_of(session, owner)
    if head is None:
        head = AuditHead(owner=owner, seq=0, hash=GENESIS, acked_seq=0, acked_hash="")
        session.add(head)
        if entries and min(e.seq for e in entries) > 1:  # a chain older than this table
            first = min(entries, key=lambda e: e.seq)
            head.seq, head.hash = first.seq - 1, first.prev_hash
    audit.held(session)[("head", owner)] = head  # the next flush of this transaction finds it
    moved = False
    for e in sorted(entries, key=lambda e: e.seq):
        if e.seq == head.seq + 1 and e.prev_hash == head.hash:
            head.seq, head.hash, moved = e.seq, e.hash, True
    if moved:
        head.updated_at = utcnow()


def acknowledge(session: Session, owner: str, seq: int, hash_: str) -> None:
    """Keep the county's acknowledgement of ``owner``'s chain (the highest one received)."""
    head = head_of(session, owner)
    if head is None:
        head = AuditHead(owner=owner, seq=0, hash=GENESIS, acked_seq=0, acked_hash="")
        session.add(head)
    if seq >= head.acked_seq:
        head.acked_seq, head.acked_hash = seq, hash_


def _note_heads(session: Session, changes: list[changelog.Change], _now: datetime) -> list[Any]:
    """Changelog hook, after the audit log's own: every new entry of this flush moves its head."""
    by_owner: dict[str, list[AuditEntry]] = {}
    for obj, op, _fields in changes:
        if op == "insert" and isinstance(obj, AuditEntry):
            by_owner.setdefault(obj.owner, []).append(obj)
    for owner, entries in by_owner.items():
        advance(session, owner, entries)
    return []


changelog.add_hook(_note_heads)


def shortfall(session: Session, owner: str, last_seq: int, last_hash: str) -> Break | None:
    """Whether ``owner``'s chain, ending at (last_seq, last_hash), is shorter than one of its
    anchors or no longer holds the entry an anchor names."""
    head = head_of(session, owner)
    if head is None:
        return None
    for seq, hash_, cut, replaced in (
        (head.acked_seq, head.acked_hash, CUT_ACKED, REPLACED_ACKED),
        (head.seq, head.hash, CUT, REPLACED),
    ):
        if seq <= 0 or not hash_:
            continue
        if last_seq < seq:
            return Break(owner, last_seq + 1, "", cut, head=seq)
        held = last_hash if last_seq == seq else _hash_at(session, owner, seq)
        if held != hash_:
            return Break(owner, seq, "", replaced, head=seq)
    return None


def _hash_at(session: Session, owner: str, seq: int) -> str | None:
    return session.scalar(select(AuditEntry.hash).where(AuditEntry.owner == owner, AuditEntry.seq == seq))


def owners(session: Session) -> list[str]:
    """Every chain with an anchor here (a chain cut to nothing still has one)."""
    return list(session.scalars(select(AuditHead.owner).order_by(AuditHead.owner)))
