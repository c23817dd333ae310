"""The automatic change log: one ``before_flush`` listener for every synchronised model.

Any class that mixes in ``SyncMixin`` is covered the moment it is mapped: new rows get their
owner, version and timestamps, changed rows get a new version, and every change writes a
``ChangeLog`` entry with the fields that changed. A register added later needs no code here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, event, insert, inspect, update
from sqlalchemy.orm import Mapper, Session, UOWTransaction
from sqlalchemy.orm.base import PASSIVE_NO_INITIALIZE

from app.db.base import SyncMixin, new_id, utcnow
from app.db.local import ChangeLog, LocalCounter


class HardDeleteError(RuntimeError):
    """Synchronised rows are tombstoned, never deleted."""


def jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


# Version counters come in epochs: a restore moves the counter to the next multiple
# (``app.sync.epoch``), so no version is issued twice; 2**20 leaves a unit 2,047 restores within
# a 32-bit counter.
EPOCH = 1 << 20

# Statements on the counter row never stream: a connection left set to stream results (an
# export reads tables with ``yield_per``) made psycopg wrap this UPDATE in ``DECLARE … CURSOR``.
_PLAIN = {"stream_results": False}
_CHANGE_LOG: Table = ChangeLog.__table__  # type: ignore[assignment]


def _bump(session: Session, n: int) -> int:
    """Add ``n`` to the counter row and return its new value, making the row when there is none.

    The UPDATE takes the database's write lock (SQLite) or the row's lock (PostgreSQL) until the
    transaction ends, so writers that go through here take their turns instead of colliding."""
    conn = session.connection()
    bump = (
        update(LocalCounter)
        .where(LocalCounter.id == 1)
        .values(value=LocalCounter.value + n)
        .returning(LocalCounter.value)
    )
    value = conn.execute(bump, execution_options=_PLAIN).scalar()
    if value is None:  # a new database's first change: make the row (once, whoever comes first)
        make: Any = None
        if conn.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as make
        elif conn.dialect.name == "sqlite":
            from sqlalchemy.dialects.sqlite import insert as make
        if make is not None:
            conn.execute(
                make(LocalCounter).values(id=1, value=0).on_conflict_do_nothing(), execution_options=_PLAIN
            )
        else:  # pragma: no cover - the program runs on SQLite and PostgreSQL only
            conn.execute(insert(LocalCounter).values(id=1, value=0), execution_options=_PLAIN)
        value = conn.execute(bump, execution_options=_PLAIN).scalar_one()
    return int(value)


def take_write_lock(session: Session) -> None:
    """Make this transaction the database's one writer until it ends (others wait their turn).

    Call it before reading anything a write depends on (the last audit sequence number, whether a
    bundle was imported): two programs on one database otherwise both read the same value and the
    second fails on a UNIQUE constraint. SQLite waits up to its busy timeout for the lock."""
    _bump(session, 0)


def _next_counters(session: Session, n: int) -> int:
    """Reserve ``n`` counter values; return the first. Atomic inside the transaction."""
    return _bump(session, n) - n + 1


def _logged_keys(mapper: Mapper[Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The column attributes a new row's entry names (system columns left out) and those a
    changed row's entry names (the owner too: it changes only by a transfer, ``app.sync.transfers``,
    a change like any other)."""
    keys = _KEYS.get(mapper)
    if keys is None:
        names = [attr.key for attr in mapper.column_attrs]
        keys = _KEYS[mapper] = (
            tuple(k for k in names if k not in SyncMixin.SYSTEM_COLUMNS),
            tuple(k for k in names if k not in SyncMixin.SYSTEM_COLUMNS or k == "owner"),
        )
    return keys


_KEYS: dict[Mapper[Any], tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _field_changes(obj: SyncMixin, *, new: bool) -> dict[str, list[Any]]:
    state = inspect(obj)
    changes: dict[str, list[Any]] = {}
    for_new, for_changed = _logged_keys(state.mapper)
    if new:
        for key in for_new:
            value = getattr(obj, key)
            if value is not None:
                changes[key] = [None, jsonable(value)]
        return changes
    for key in for_changed:
        hist = state.get_history(key, PASSIVE_NO_INITIALIZE)  # what ``state.attrs[key].history`` reads
        if hist.has_changes():
            old = hist.deleted[0] if hist.deleted else None
            value = hist.added[0] if hist.added else None
            if old != value:
                changes[key] = [jsonable(old), jsonable(value)]
    return changes


def _before_flush(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
    written = session.info.setdefault("changed_tables", set())
    for obj in (*session.new, *session.dirty, *session.deleted):
        table = getattr(type(obj), "__table__", None)
        if table is not None:
            written.add(table.name)
    for obj in session.deleted:
        if isinstance(obj, SyncMixin):
            raise HardDeleteError(f"{type(obj).__name__} rows are tombstoned, not deleted")
    pending: list[tuple[SyncMixin, str, dict[str, list[Any]]]] = []
    for obj in session.new:
        if isinstance(obj, SyncMixin):
            pending.append((obj, "insert", _field_changes(obj, new=True)))
    for obj in session.dirty:
        if isinstance(obj, SyncMixin) and session.is_modified(obj, include_collections=False):
            changes = _field_changes(obj, new=False)
            if not changes:
                continue
            op = "delete" if changes.get("deleted") == [False, True] else "update"
            pending.append((obj, op, changes))
    if not pending:
        return
    unit = str(session.info.get("unit") or "")
    user = str(session.info.get("user") or "system")
    if not unit:
        raise RuntimeError("session has no unit: open sessions through app.db.database")
    now = utcnow()
    for hook in _hooks:
        for extra in hook(session, [(obj, op, changes) for obj, op, changes in pending], now):
            session.add(extra)
            pending.append((extra, "insert", _field_changes(extra, new=True)))
    written.update(type(obj).__table__.name for obj, _op, _changes in pending)  # type: ignore[attr-defined]
    counter = _next_counters(session, len(pending))
    entries: list[dict[str, Any]] = []
    for obj, op, changes in pending:
        if op == "insert":
            if not obj.id:
                obj.id = new_id()
            if not obj.owner:
                obj.owner = unit
            obj.created_at = now
            obj.created_by = user
            if obj.deleted is None:
                obj.deleted = False
        elif obj.version_origin != unit or obj.version_counter // EPOCH != counter // EPOCH:
            # A local change of a version received from elsewhere, or made here in an earlier
            # epoch (before a restore: ``app.sync.epoch``): remember what it started from
            # (further local changes keep that base until another version arrives).
            obj.base_origin = obj.version_origin
            obj.base_counter = obj.version_counter
        obj.version_origin = unit
        obj.version_counter = counter
        obj.updated_at = now
        obj.updated_by = user
        entries.append(
            {
                "table_name": type(obj).__table__.name,  # type: ignore[attr-defined]
                "row_id": obj.id,
                "op": op,
                "origin": unit,
                "counter": counter,
                "changes": changes,
                "at": now,
                "by": user,
            }
        )
        counter += 1
    # Written with the flush's first statements, in this order (their seq numbers as the unit of
    # work would give them), as one executemany: nothing reads an entry back as an object, and the
    # unit of work inserts rows with a database-made key one statement at a time.
    session.connection().execute(insert(_CHANGE_LOG), entries, execution_options=_PLAIN)


Change = tuple[SyncMixin, str, dict[str, list[Any]]]
# Hooks see every change of a flush and may return new synchronised rows to write with it (the
# audit log uses this: one entry per change, in the same transaction).
_hooks: list[Callable[[Session, list[Change], datetime], list[SyncMixin]]] = []


def add_hook(hook: Callable[[Session, list[Change], datetime], list[SyncMixin]]) -> None:
    if hook not in _hooks:
        _hooks.append(hook)


_installed = False


def install() -> None:
    """Attach the listener to every Session (idempotent)."""
    global _installed
    if not _installed:
        event.listen(Session, "before_flush", _before_flush)
        _installed = True
