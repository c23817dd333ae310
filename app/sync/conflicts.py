"""Settling a sync conflict: a person chooses, field by field, the local or the received version.

``app.sync.merge`` keeps both versions of a record changed on both sides (``SyncConflict.local``
and ``.remote``, whole records as a bundle carries them) and applies a deterministic winner. The
settlement writes the chosen values onto the row as an ordinary local edit: the change log gives
the row a new version made here, which the next bundle carries like any other change, and the
audit log records it. A settled conflict is not settled again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from app.context import Context
from app.db.base import SyncMixin, utcnow
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.registers import REGISTERS
from app.security import audit
from app.security.roles import EXCHANGE, NotOwner
from app.services import undo
from app.sync.display import display, register_for
from app.sync.exchange import SyncError
from app.sync.merge import column_value, record_of, synced_models
from app.sync.state import SyncConflict, SyncPeer

LOCAL = "local"
REMOTE = "remote"
DELETED = "deleted"  # the tombstone, offered like a field


def _fields(record: Mapping[str, Any]) -> dict[str, Any]:
    fields = record.get("fields")
    return dict(fields) if isinstance(fields, dict) else {}


def conflict_fields(conflict: SyncConflict) -> list[tuple[str, Any, Any]]:
    """``(field, local value, received value)`` of every field the two versions disagree on, in
    the register's field order (others after, by name), and ``deleted`` when only one side deleted."""
    local, remote = _fields(conflict.local), _fields(conflict.remote)
    names = set(local) | set(remote)
    reg = register_for(conflict.table_name)
    order = {f.name: i for i, f in enumerate(reg.fields)} if reg else {}
    out = [
        (name, local.get(name), remote.get(name))
        for name in sorted(names, key=lambda n: (order.get(n, len(order)), n))
        if local.get(name) != remote.get(name)
    ]
    ld, rd = bool(conflict.local.get(DELETED)), bool(conflict.remote.get(DELETED))
    if ld != rd:
        out.append((DELETED, ld, rd))
    return out


def _open(s: Any, conflict_id: int) -> SyncConflict:
    conflict = s.get(SyncConflict, conflict_id)
    if conflict is None:
        raise SyncError(
            Message(QT_TRANSLATE_NOOP("app", "没有编号为 {id} 的数据冲突。"), {"id": str(conflict_id)})
        )
    if conflict.state != "open":
        raise SyncError(
            Message(
                QT_TRANSLATE_NOOP("app", "该数据冲突已由 {user} 处理过，不能再次处理。"),
                {"user": conflict.settled_by or "?"},
            )
        )
    return conflict


def _current(row: SyncMixin, name: str) -> Any:
    """A field's (or the tombstone's) value on the row as a record carries it."""
    rec = record_of(row)
    return rec["deleted"] if name == DELETED else rec["fields"].get(name)


def settle(ctx: Context, conflict_id: int, choices: Mapping[str, str]) -> None:
    """Write the chosen version of each differing field onto the row, mark the conflict settled
    and audit it, all in one transaction. ``choices`` maps a field (or ``deleted``) to ``local``
    or ``remote``; a differing field left out keeps the value the row has now. Needs EXCHANGE."""
    ctx.require(EXCHANGE)
    username = ctx.user
    with ctx.session() as s:
        conflict = _open(s, conflict_id)
        model = synced_models().get(conflict.table_name)
        row: SyncMixin | None = s.get(model, conflict.row_id) if model is not None else None
        if model is None or row is None:
            raise SyncError(Message(QT_TRANSLATE_NOOP("app", "冲突涉及的记录已不存在。")))
        differing = {name: (lv, rv) for name, lv, rv in conflict_fields(conflict)}
        columns = {c.key: c for c in model.__table__.columns}  # type: ignore[attr-defined]
        mine = not row.owner or row.owner == ctx.unit
        for name, side in choices.items():
            if side not in (LOCAL, REMOTE) or name not in differing:
                raise SyncError(
                    Message(QT_TRANSLATE_NOOP("app", "字段 {field} 不在这条冲突中。"), {"field": name})
                )
            value = differing[name][0 if side == LOCAL else 1]
            if not mine and value != _current(row, name):
                # Another unit's row: its owner's version stands; settling here only closes the
                # conflict (the other version stays in it for reading).
                raise NotOwner(row.owner)
            if name == DELETED:
                row.deleted = bool(value)
            elif name in columns and name not in SyncMixin.SYSTEM_COLUMNS:
                setattr(row, name, column_value(columns[name], value))
        conflict.state = "settled"
        conflict.settled_at = utcnow()
        conflict.settled_by = username
        s.flush()  # the change log gives the row its new local version here
        audit.record(
            s,
            audit.UPDATE,
            target_table=conflict.table_name,
            target_id=conflict.row_id,
            fields=sorted(choices),
            detail="conflict settled",
        )
        register = register_for(conflict.table_name)
        settled = display(register, row, conflict.row_id)
    undo.mark(ctx, undo.SETTLE, register.name if register is not None else conflict.table_name, settled)


# ---- what the conflicts screen shows -----------------------------------------------------------
@dataclass(frozen=True)
class ConflictRow:
    id: int
    table: str
    table_title: str  # a register title (context "register"), or the table name
    row_id: str
    record: str  # the row as its register displays it
    peer: str
    peer_name: str
    winner: str  # local | remote: the version applied now
    created_at: datetime
    state: str = "open"


def conflict_rows(ctx: Context, include_settled: bool = False) -> list[ConflictRow]:
    """The conflicts waiting for a person (oldest first), with what the list shows."""
    models = synced_models()
    with ctx.session() as s:
        stmt = select(SyncConflict).order_by(SyncConflict.id)
        if not include_settled:
            stmt = stmt.where(SyncConflict.state == "open")
        names = {p.code: p.name for p in s.scalars(select(SyncPeer))}
        out = []
        for c in s.scalars(stmt):
            reg = register_for(c.table_name)
            model = models.get(c.table_name)
            row = s.get(model, c.row_id) if model is not None else None
            out.append(
                ConflictRow(
                    id=c.id,
                    table=c.table_name,
                    table_title=reg.title if reg else c.table_name,
                    row_id=c.row_id,
                    record=display(reg, row, c.row_id[:8]),
                    peer=c.peer,
                    peer_name=names.get(c.peer, "") or c.peer,
                    winner=c.winner,
                    created_at=c.created_at,
                    state=c.state,
                )
            )
        return out


def get_conflict(ctx: Context, conflict_id: int) -> SyncConflict:
    """One conflict, detached from its session (both versions, the winner, the state)."""
    with ctx.session() as s:
        conflict = s.get(SyncConflict, conflict_id)
        if conflict is None:
            raise SyncError(
                Message(QT_TRANSLATE_NOOP("app", "没有编号为 {id} 的数据冲突。"), {"id": str(conflict_id)})
            )
        s.expunge(conflict)
        return conflict


# ---- the two versions side by side -------------------------------------------------------------
@dataclass(frozen=True)
class FieldChoice:
    name: str
    label: str  # a register field label (context "register") or an app label
    local: str  # the value as shown (choice labels, referenced records' names; translate with tr_value)
    remote: str
    sensitive: bool = False  # stored encrypted: the values are not shown


@dataclass(frozen=True)
class ConflictView:
    row: ConflictRow
    fields: list[FieldChoice]


DELETED_LABEL = QT_TRANSLATE_NOOP("app", "已删除")


def conflict_view(ctx: Context, conflict_id: int) -> ConflictView:
    """A conflict's differing fields with labels and displayable values, for the 数据冲突 dialog."""
    from app.services.records import RecordService

    rows = {r.id: r for r in conflict_rows(ctx, include_settled=True)}
    conflict = get_conflict(ctx, conflict_id)
    reg = register_for(conflict.table_name)
    diffs = conflict_fields(conflict)
    fields_by_name = {f.name: f for f in reg.fields} if reg else {}
    refs: dict[str, str] = {}
    wanted: dict[str, set[str]] = {}
    for name, lv, rv in diffs:
        f = fields_by_name.get(name)
        if f is not None and f.kind == "ref" and f.ref:
            wanted.setdefault(f.ref, set()).update(str(v) for v in (lv, rv) if v)
    if wanted:
        with ctx.session() as s:
            for target_name, ids in wanted.items():
                target = REGISTERS[target_name]
                for t in s.scalars(select(target.model).where(target.model.id.in_(ids))):
                    refs[t.id] = display(target, t, t.id[:8])
    out: list[FieldChoice] = []
    for name, lv, rv in diffs:
        if name == DELETED:
            out.append(FieldChoice(name, DELETED_LABEL, yes_no(lv), yes_no(rv)))
            continue
        f = fields_by_name.get(name)
        if f is None:
            out.append(FieldChoice(name, name, "" if lv is None else str(lv), "" if rv is None else str(rv)))
        elif f.sensitive:
            out.append(FieldChoice(name, f.label, "", "", sensitive=True))
        else:
            out.append(
                FieldChoice(
                    name,
                    f.label,
                    RecordService.display(f, lv, refs),
                    RecordService.display(f, rv, refs),
                )
            )
    return ConflictView(rows[conflict_id], out)


def yes_no(value: Any) -> str:
    from app.services.records import NO, YES

    return YES if value else NO
