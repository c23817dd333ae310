"""Version epochs: a restored installation never issues a version, or a bundle number, twice.

Versions are (origin, counter) and a unit's counter only grows; so do its bundles' sequence
numbers. A backup holds older values of both, so a restored unit would issue them again, and two
different contents could travel under one version. Three things prevent it:

- every export notes the counter and the sequence numbers it reached in ``ISSUED`` beside the
  database in the data folder (a restore replaces the database, not that file);
- a restore starts a new epoch (``start_epoch``): the counter moves to the next multiple of
  ``EPOCH`` (2**20) above both the backup's and the noted value, the sequence numbers to the noted
  ones. The first change of a row in the new epoch records the row's version as its base, so the
  county sees that the edit started from an older version than it may hold (``app.sync.merge``
  keeps both in a conflict);
- the restore's own audit entry takes a number in a new epoch of the audit chain too
  (``audit_epoch``), linked to the backup's last entry: the county keeps the entries made after
  the backup as a branch the restore cut off, and takes the new ones;
- the county tells the unit in each bundle the highest counter and sequence number it received
  from it (``your_counter``, ``your_sequence``), and the unit moves past them (``adopt_county_view``):
  this covers a restore onto a new PC, where the noted file is gone.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.changelog import EPOCH
from app.db.local import LocalCounter
from app.security.audit import AuditEntry
from app.sync.state import SyncPeer

ISSUED = "sync-issued.json"


def issued(folder: Path | None) -> dict[str, Any]:
    """What exports from ``folder`` issued: ``{"counter": n, "sent": {peer: sequence}}``."""
    if folder is None:
        return {}
    try:
        data = json.loads((folder / ISSUED).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def note_issued(folder: Path | None, counter: int, peer: str, sequence: int, audit_seq: int = 0) -> None:
    """After an export: keep the highest counter, the peer's sequence number and the audit
    chain's last number (atomically)."""
    if folder is None:
        return
    data = issued(folder)
    given = data.get("sent")
    sent: dict[str, Any] = given if isinstance(given, dict) else {}
    sent[peer] = max(int(sent.get(peer) or 0), sequence)
    data = {
        "counter": max(int(data.get("counter") or 0), counter),
        "sent": sent,
        "audit": max(int(data.get("audit") or 0), audit_seq),
    }
    fd, tmp = tempfile.mkstemp(prefix=f".{ISSUED}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, folder / ISSUED)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def counter(s: Session) -> int:
    return int(s.scalar(select(LocalCounter.value).where(LocalCounter.id == 1)) or 0)


def _raise_counter(s: Session, value: int) -> None:
    row = s.get(LocalCounter, 1)
    if row is None:
        s.add(LocalCounter(id=1, value=value))
    elif row.value < value:
        row.value = value


def audit_epoch(s: Session, folder: Path | None, unit: str) -> int:
    """The number the restore's own audit entry takes: the next multiple of ``EPOCH`` past the
    chain's end here and past what exports noted, so the county, holding the entries made after
    the backup, never sees one number twice (``app.security.audit.fork_allowed``)."""
    top = max(audit_top(s, unit), int(issued(folder).get("audit") or 0))
    return (top // EPOCH + 1) * EPOCH


def audit_top(s: Session, unit: str) -> int:
    """The last number of ``unit``'s audit chain here."""
    return int(s.scalar(select(func.max(AuditEntry.seq)).where(AuditEntry.owner == unit)) or 0)


def start_epoch(s: Session, folder: Path | None) -> int:
    """In a just-restored database: move the counter to a new epoch and the bundle numbers past
    what was issued. Returns the new counter."""
    noted = issued(folder)
    top = max(counter(s), int(noted.get("counter") or 0))
    new = (top // EPOCH + 1) * EPOCH
    _raise_counter(s, new)
    for code, sequence in (noted.get("sent") or {}).items():
        peer = s.get(SyncPeer, str(code))
        if peer is not None and peer.sent_sequence < int(sequence):
            peer.sent_sequence = int(sequence)
    return new


def adopt_county_view(s: Session, peer: SyncPeer, payload: dict[str, Any]) -> None:
    """At a unit importing the county's bundle: never fall behind what the county holds of us."""
    your_counter = int(payload.get("your_counter") or 0)
    if your_counter > counter(s):
        _raise_counter(s, (your_counter // EPOCH + 1) * EPOCH)
    peer.sent_sequence = max(peer.sent_sequence, int(payload.get("your_sequence") or 0))
