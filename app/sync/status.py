"""What the 数据交换 page shows: this installation's role, its peers and the bundles sent and
received, and the removable drives a bundle can be written to or read from."""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.context import Context
from app.db.base import utcnow
from app.sync.exchange import BUNDLE_SUFFIX
from app.sync.merge import synced_models
from app.sync.state import SyncBundle, SyncConflict, SyncPeer

COUNTY = "county"
UNIT = "unit"


def _days_since(when: datetime | None, now: datetime) -> int | None:
    if when is None:
        return None
    return max((now.date() - when.date()).days, 0)


def _records_by_owner(s: Any) -> dict[str, int]:
    """Live rows per owning unit in the synchronised tables (the audit log not counted)."""
    out: dict[str, int] = {}
    for table, model in synced_models().items():
        if table == "audit_log":
            continue
        stmt = select(model.owner, func.count()).where(model.deleted.is_(False)).group_by(model.owner)
        for owner, n in s.execute(stmt):
            out[str(owner)] = out.get(str(owner), 0) + int(n)
    return out


def exchange_status(ctx: Context) -> dict[str, Any]:
    """This installation's role (``county`` or ``unit``), its peers and the bundle history.

    ``peers``: one dict per peer (code, name, unit_type, revoked, last_received, days_since,
    sent_sequence, received_sequence, received_upto, acked_upto, records, open_conflicts), by code.
    ``bundles``: every bundle sent and received, newest first (direction, peer, peer_name,
    sequence, at, file_name, records, upto, acked, summary).
    """
    info = ctx.db.installation()
    assert info is not None
    now = utcnow()
    with ctx.session() as s:
        peers = list(s.scalars(select(SyncPeer).order_by(SyncPeer.code)))
        held = _records_by_owner(s)
        conflicts = dict(
            s.execute(
                select(SyncConflict.peer, func.count())
                .where(SyncConflict.state == "open")
                .group_by(SyncConflict.peer)
            ).all()
        )
        names = {p.code: p.name for p in peers}
        peer_rows = [
            {
                "code": p.code,
                "name": p.name or p.code,
                "unit_type": p.unit_type,
                "revoked": bool(p.revoked),
                "enrolled_at": p.enrolled_at,
                "last_received": p.last_received_at,
                "days_since": _days_since(p.last_received_at, now),
                "sent_sequence": p.sent_sequence,
                "received_sequence": p.received_sequence,
                "received_upto": p.received_upto,
                "acked_upto": p.acked_upto,
                "records": held.get(p.code, 0),
                "open_conflicts": int(conflicts.get(p.code, 0)),
            }
            for p in peers
        ]
        bundles = [
            {
                "bundle_id": b.bundle_id,
                "direction": b.direction,
                "peer": b.peer,
                "peer_name": names.get(b.peer, "") or b.peer,
                "sequence": b.sequence,
                "at": b.at,
                "file_name": b.file_name,
                "records": b.records,
                "upto": b.upto,
                "acked": b.acked,
                "summary": dict(b.summary or {}),
            }
            for b in s.scalars(select(SyncBundle).order_by(SyncBundle.at.desc(), SyncBundle.sequence.desc()))
        ]
    return {
        "role": COUNTY if info.unit_type == "county" else UNIT,
        "unit_code": info.unit_code,
        "unit_name": info.unit_name,
        "enrolled": bool(peers),
        "peers": peer_rows,
        "bundles": bundles,
        "open_conflicts": sum(int(n) for n in conflicts.values()),
    }


def bundle_files(folder: Path, own_code: str) -> tuple[list[Path], list[Path]]:
    """The bundles in ``folder`` (not its subfolders), by name: those another installation wrote
    (to import: the import itself refuses any not addressed here) and those this one wrote."""
    try:
        found = sorted(p for p in Path(folder).iterdir() if p.suffix.lower() == BUNDLE_SUFFIX and p.is_file())
    except OSError:
        return [], []
    own = [p for p in found if p.name.startswith(f"{own_code}-")]
    return [p for p in found if p not in own], own


def _linux_drives() -> list[Path]:
    user = os.environ.get("USER") or os.environ.get("LOGNAME") or ""
    bases = [Path("/media") / user, Path("/run/media") / user, Path("/mnt")] if user else [Path("/mnt")]
    out: list[Path] = []
    for base in bases:
        try:
            children = sorted(base.iterdir())
        except OSError:
            continue
        for child in children:
            try:
                if child.is_dir() and os.path.ismount(child) and os.access(child, os.W_OK):
                    out.append(child)
            except OSError:
                continue
    return out


def _windows_drives() -> list[Path]:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    mask = int(kernel32.GetLogicalDrives())
    out: list[Path] = []
    for i in range(26):
        if mask & (1 << i):
            root = f"{chr(ord('A') + i)}:\\"
            if int(kernel32.GetDriveTypeW(ctypes.c_wchar_p(root))) == 2:  # DRIVE_REMOVABLE
                out.append(Path(root))
    return out


def removable_drives() -> list[Path]:
    """USB sticks and other removable drives this user can write to."""
    if sys.platform == "win32":
        try:
            return _windows_drives()
        except (OSError, AttributeError):
            return []
    if sys.platform.startswith("linux"):
        return _linux_drives()
    volumes = Path("/Volumes")  # macOS: every mounted volume but the system disk
    try:
        return [
            p
            for p in sorted(volumes.iterdir())
            if p.is_dir() and not p.is_symlink() and os.access(p, os.W_OK)
        ]
    except OSError:
        return []
