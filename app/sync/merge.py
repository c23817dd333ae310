"""Applying the records of a bundle: new rows, newer versions, tombstones, conflicts.

A record carries the row's fields, its version (origin + counter), the version its origin's edits
started from (base), owner, times and tombstone. For a row that exists here, with local version L
and received version R:

- R == L: nothing to do (the same content; different content under one version is a conflict);
- same origin: counters of one origin only grow, so the larger counter wins (R older: skipped);
- R's base is L (the sender edited the very version we hold): R replaces it;
- R is L's base (we edited what the sender sends again): skipped, ours is newer;
- otherwise both sides changed the row since they last agreed: a conflict. Both versions are kept
  (``SyncConflict``), the winner is chosen the same way on every installation (the owner's
  version, then the county's, then the larger origin and counter: ``rules.remote_wins``) and
  applied, and a person settles it; the settlement is an ordinary local edit, so it syncs like any
  other change.

What a bundle may carry at all (whose records, which times) is ``app.sync.rules``.

Rows are written with the sender's version: they keep that version, get a change-log entry under
it (so the county passes them on) and no audit entry each (the import writes one per bundle).
"""

from __future__ import annotations

import gc
import operator
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Date, DateTime, Numeric, Table, select
from sqlalchemy.orm import Session

from app.db.base import Base, SyncMixin, field_columns
from app.db.changelog import jsonable
from app.db.engine import json_text
from app.db.local import ChangeLog
from app.i18n import Message
from app.security import sensitive
from app.sync.bulk import NotSimple, RecordInsert, Writer
from app.sync.rules import UNKNOWN_TABLE, ImportRules, RecordError, remote_wins
from app.sync.state import SyncConflict

SYSTEM = ("owner", "created_at", "created_by", "updated_at", "updated_by")


@dataclass
class MergeSummary:
    new: int = 0
    updated: int = 0
    deleted: int = 0
    conflicts: int = 0
    skipped: int = 0
    unchanged: int = 0
    by_table: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, int]:
        return {
            "new": self.new,
            "updated": self.updated,
            "deleted": self.deleted,
            "conflicts": self.conflicts,
            "skipped": self.skipped,
            "unchanged": self.unchanged,
        }


def synced_models() -> dict[str, type[SyncMixin]]:
    """Every synchronised model by table name (a register added later is included by itself)."""
    out: dict[str, type[SyncMixin]] = {}
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        name = str(getattr(getattr(cls, "__table__", None), "name", ""))
        if name and issubclass(cls, SyncMixin) and Base.metadata.tables.get(name) is cls.__table__:  # type: ignore[attr-defined]
            out[name] = cls
    return out


def record_of(obj: SyncMixin) -> dict[str, Any]:
    """A row (an ORM object) as a bundle carries it."""
    table = type(obj).__table__  # type: ignore[attr-defined]
    return record_from_row(table, {c.key: getattr(obj, c.key) for c in table.columns})


def record_from_row(table: Table, row: Mapping[str, Any]) -> dict[str, Any]:
    """A row (column key -> value, as a Core ``select`` of the table returns it) as a bundle carries it."""
    shape = _Shape.of(table)
    fields = {name: row.get(name) for name in shape.names}
    for name in shape.texted:
        value = fields[name]
        if value is not None:
            fields[name] = jsonable(value)
    return {
        "table": table.name,
        "id": row["id"],
        "owner": row["owner"],
        "version": {"origin": row["version_origin"], "counter": row["version_counter"]},
        "base": {"origin": row["base_origin"], "counter": row["base_counter"]},
        "deleted": bool(row["deleted"]),
        "created_at": jsonable(row["created_at"]),
        "created_by": row["created_by"],
        "updated_at": jsonable(row["updated_at"]),
        "updated_by": row["updated_by"],
        "fields": fields,
    }


def _field_names(table: Table) -> list[str]:
    return _Shape.of(table).names


def column_value(column: Any, value: Any) -> Any:
    """A record's JSON value as the column holds it (dates and times come as ISO text)."""
    if value is None:
        return None
    if isinstance(column.type, DateTime) and isinstance(value, str):
        return datetime.fromisoformat(value)
    if isinstance(column.type, Date) and isinstance(value, str):
        return date.fromisoformat(value)
    return value


class _Shape:
    """What a record of one table may set, and which of its values come as ISO text."""

    _cache: dict[str, _Shape] = {}

    def __init__(self, table: Table) -> None:
        self.fields = frozenset(c.key for c in field_columns(table))
        self.names = sorted(self.fields)
        # Fields whose values travel as text (dates, times, decimals: ``jsonable``).
        self.texted = [c.key for c in field_columns(table) if isinstance(c.type, Date | DateTime | Numeric)]
        self.dates: list[tuple[str, Callable[[str], Any]]] = []
        for c in table.columns:
            if c.key in ("id", "deleted"):
                continue
            if isinstance(c.type, DateTime):
                self.dates.append((c.key, datetime.fromisoformat))
            elif isinstance(c.type, Date):
                self.dates.append((c.key, date.fromisoformat))

    @classmethod
    def of(cls, table: Table) -> _Shape:
        shape = cls._cache.get(table.name)
        if shape is None:
            shape = cls._cache[table.name] = cls(table)
        return shape


def _row_values(table: Table, rec: Mapping[str, Any]) -> dict[str, Any]:
    """The columns a record sets (fields, system columns, version, base), typed for the table."""
    shape = _Shape.of(table)
    fields = rec.get("fields")
    if not isinstance(fields, dict):
        raise RecordError("fields")
    if not shape.fields.issuperset(fields):
        raise RecordError(", ".join(sorted(set(fields) - shape.fields)))
    values = dict(fields)
    try:
        for name in SYSTEM:
            values[name] = rec[name]
        version, base = rec["version"], rec.get("base") or {}
        values["id"] = str(rec["id"])
        values["deleted"] = bool(rec["deleted"])
        values["version_origin"] = str(version["origin"])
        values["version_counter"] = int(version["counter"])
        values["base_origin"] = str(base.get("origin") or "")
        values["base_counter"] = int(base.get("counter") or 0)
        for name, convert in shape.dates:
            value = values.get(name)
            if isinstance(value, str):
                values[name] = convert(value)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise RecordError(str(exc)) from None
    return values


def _changes(table: Table, old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, list[Any]]:
    """What the change-log entry of an imported row records: the fields (and tombstone) that changed."""
    out: dict[str, list[Any]] = {}
    for key in _field_names(table) + ["deleted"]:
        if key not in new:
            continue
        value = new[key]
        if old.get(key) != value:
            out[key] = [jsonable(old.get(key)), jsonable(value)]
    return out


def _new_changes(rec: Mapping[str, Any]) -> dict[str, list[Any]]:
    """The change-log entry of a row new here: every field set (the record's JSON values as they are)."""
    out = {k: [None, v] for k, v in rec["fields"].items() if v is not None}
    out["deleted"] = [None, bool(rec["deleted"])]
    return out


# Never written by a merge: audit entries travel their own way (``audit_travel``), never changed.
_NOT_MERGED = frozenset({"audit_log"})
CHUNK = 2000


def merge_records(
    session: Session,
    records: Iterable[Mapping[str, Any]],
    *,
    peer: str,
    bundle_id: str,
    adopt: bool = False,
    rules: ImportRules | None = None,
) -> MergeSummary:
    """Apply ``records`` in the caller's transaction (a bundle is merged whole or not at all).
    ``adopt``: the received version replaces whatever is here (a new installation taking the
    county's reference data from its enrolment package).

    Rows are read and written with Core statements a chunk at a time (one ``IN`` query, one
    ``executemany`` for the new rows, one per shape for the changed ones, one for their change-log
    entries) instead of one ORM object each; ORM objects of synchronised rows the session already
    held are expired afterwards so nothing stale is read back.

    ``rules``: what the bundle may carry (``app.sync.rules``); a record outside them raises
    ``OutsideRights``, a table unknown here ``RecordError`` (the caller's transaction is then
    rolled back: nothing of the bundle is applied). Without rules (enrolment, tests) records of an
    unknown table are skipped."""
    models = synced_models()
    summary = MergeSummary()
    session.flush()
    conn = session.connection()
    with _few_collections():
        for table_name, chunk in _chunks(records):
            model = models.get(table_name)
            if model is None or table_name in _NOT_MERGED:
                if rules is not None and model is None:
                    raise RecordError(
                        str(Message(UNKNOWN_TABLE, {"table": table_name, "id": str(chunk[0].get("id"))}))
                    )
                summary.skipped += len(chunk)
                continue
            table = model.__table__  # type: ignore[attr-defined]
            if rules is not None:
                for rec in chunk:
                    rules.check(table_name, rec)
            _merge_chunk(session, conn, table, chunk, summary, peer, bundle_id, adopt, rules)
            session.info.setdefault("changed_tables", set()).add(table_name)
    for obj in list(session.identity_map.values()):
        if isinstance(obj, SyncMixin):
            session.expire(obj)
    session.flush()
    return summary


@contextmanager
def _few_collections() -> Iterator[None]:
    """A large import allocates millions of short-lived containers (records, rows, change entries),
    almost all freed by reference counting; the cycle collector, triggered by the allocations and
    walking every object of the program each time, took a sixth of a 100,000-row import. It is
    paused while records are applied (the few cycles made meanwhile are collected afterwards)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _chunks(records: Iterable[Mapping[str, Any]]) -> Iterator[tuple[str, list[Mapping[str, Any]]]]:
    """Runs of records of one table, at most ``CHUNK`` long."""
    chunk: list[Mapping[str, Any]] = []
    for rec in records:
        if type(rec) is not dict and not isinstance(rec, Mapping):
            raise RecordError("record")
        if chunk and (rec.get("table") != chunk[0].get("table") or len(chunk) >= CHUNK):
            yield str(chunk[0].get("table")), chunk
            chunk = []
        chunk.append(rec)
    if chunk:
        yield str(chunk[0].get("table")), chunk


def _merge_chunk(
    session: Session,
    conn: Connection,
    table: Table,
    chunk: list[Mapping[str, Any]],
    summary: MergeSummary,
    peer: str,
    bundle_id: str,
    adopt: bool,
    rules: ImportRules | None = None,
) -> None:
    ids = [str(r.get("id")) for r in chunk]
    here: dict[str, dict[str, Any]] = {
        row["id"]: dict(row) for row in conn.execute(select(table).where(table.c.id.in_(ids))).mappings()
    }
    inserts: dict[str, dict[str, Any]] = {}
    updates: dict[str, dict[str, Any]] = {}
    logs: list[dict[str, Any]] = []
    # New rows straight to insert parameters (SQLite; ids distinct in the chunk, as exports make them).
    direct = RecordInsert.of(conn, table) if len(set(ids)) == len(ids) else None
    direct_rows: list[tuple[str, tuple[Any, ...], tuple[Any, ...]]] = []  # id, row, change-log entry
    for rec in chunk:
        if direct is not None and str(rec.get("id")) not in here:
            try:
                params = direct.params(rec)
            except NotSimple:
                pass  # the general way below: it stores the record or says what is wrong with it
            else:
                log = direct.log_params(params, json_text(_masked(table, _new_changes(rec))))
                direct_rows.append((RecordInsert.at(params, "id"), params, log))
                summary.new += 1
                continue
        values = _row_values(table, rec)
        rid = values["id"]
        local = here.get(rid)
        if local is None:
            inserts[rid] = values
            here[rid] = values
            logs.append(_log(table, "insert", values, _masked(table, _new_changes(rec))))
            summary.new += 1
            continue
        if rules is not None and rules.foreign_row_kept(table.name, str(local["owner"]), rec):
            # Handed away from the sender by the county before the sender learnt of it: its
            # version is kept for a person, the county's row stays.
            _conflict(session, record_from_row(table, local), rec, peer, bundle_id, remote=False)
            summary.conflicts += 1
            continue
        owner = rules.owner_of(local, rec) if rules is not None else str(local["owner"])
        county = rules.county if rules is not None else ""
        rv = (values["version_origin"], values["version_counter"])
        rbase = (values["base_origin"], values["base_counter"])
        lv = (local["version_origin"], local["version_counter"])
        lbase = (local["base_origin"], local["base_counter"])
        if adopt:
            take = True
        elif rv == lv:
            mine = record_from_row(table, local)
            if mine["fields"] == rec["fields"] and mine["deleted"] == bool(rec["deleted"]):
                summary.unchanged += 1
                continue
            take = _conflict(
                session, mine, rec, peer, bundle_id, remote=remote_wins(mine, rec, owner, county)
            )
            summary.conflicts += 1
        elif rv[0] == lv[0] and rbase[0] == rv[0] and rbase[1] < lv[1] < rv[1]:
            # A restored origin's edit (a new epoch: ``app.sync.epoch``) of a version older than
            # the one held here: the later counter stays applied, the version held is kept.
            mine = record_from_row(table, local)
            take = _conflict(session, mine, rec, peer, bundle_id, remote=True)
            summary.conflicts += 1
        elif rv[0] == lv[0]:
            take = rv[1] > lv[1]
            if not take:
                summary.skipped += 1
                continue
        elif rbase == lv:
            take = True
        elif rv == lbase:
            summary.skipped += 1
            continue
        else:
            mine = record_from_row(table, local)
            take = _conflict(
                session, mine, rec, peer, bundle_id, remote=remote_wins(mine, rec, owner, county)
            )
            summary.conflicts += 1
        if not take:
            continue
        changes = _changes(table, local, values)
        op = "delete" if changes.get("deleted") == [False, True] else "update"
        merged = {**local, **values}
        if rid in inserts:  # the same row twice in one run: the insert carries the later version
            inserts[rid] = merged
        else:
            updates[rid] = merged
        here[rid] = merged
        logs.append(_log(table, op, values, _masked(table, changes)))
        if op == "delete":
            summary.deleted += 1
        else:
            summary.updated += 1
        summary.by_table[table.name] = summary.by_table.get(table.name, 0) + 1
    # New rows and their change-log entries in key order: the pages of the primary key's index and
    # of the change log's row index are visited once each (in record order, the change log's row
    # index took more time than the rows and their five indexes together).
    if direct is not None and direct_rows:
        direct_rows.sort(key=operator.itemgetter(0))
        conn.exec_driver_sql(direct.sql, [params for _, params, _ in direct_rows])
        conn.exec_driver_sql(direct.log_sql(ChangeLog.__table__), [log for _, _, log in direct_rows])  # type: ignore[arg-type]
    write = Writer.of(conn, table)
    write.inserts([inserts[k] for k in sorted(inserts)])
    write.updates(list(updates.values()))
    Writer.of(conn, ChangeLog.__table__).inserts(logs)  # type: ignore[arg-type]


_SECRET: dict[str, frozenset[str]] | None = None


def _masked(table: Table, changes: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """The change log never holds a sensitive value, not even sealed (``app.security.sensitive``):
    the field's name stays, its values are replaced as for a change made here."""
    global _SECRET
    if _SECRET is None:
        _SECRET = sensitive.sensitive_columns()
    for name in _SECRET.get(table.name, ()):
        pair = changes.get(name)
        if pair is not None:
            changes[name] = [sensitive.masked(pair[0]), sensitive.masked(pair[1])]
    return changes


def _log(table: Table, op: str, values: Mapping[str, Any], changes: dict[str, list[Any]]) -> dict[str, Any]:
    """The change-log entry of an imported row, under the sender's version (so it is passed on)."""
    return {
        "table_name": table.name,
        "row_id": values["id"],
        "op": op,
        "origin": values["version_origin"],
        "counter": values["version_counter"],
        "changes": changes,
        "at": values["updated_at"],
        "by": values["updated_by"],
    }


def _conflict(
    session: Session, mine: dict[str, Any], rec: Mapping[str, Any], peer: str, bundle_id: str, *, remote: bool
) -> bool:
    """Keep both versions; ``remote``: the received one wins (and is to be applied). Returns it."""
    existing = session.scalars(
        select(SyncConflict).where(
            SyncConflict.row_id == mine["id"],
            SyncConflict.state == "open",
            SyncConflict.bundle_id == bundle_id,
        )
    ).first()
    if existing is None:
        session.add(
            SyncConflict(
                table_name=mine["table"],
                row_id=mine["id"],
                peer=peer,
                bundle_id=bundle_id,
                local=mine,
                remote=dict(rec),
                winner="remote" if remote else "local",
            )
        )
    return remote
