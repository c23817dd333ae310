"""Applying the records of a bundle: new rows, newer versions, tombstones, conflicts.

A record carries the row's fields, its version (origin + counter), the version its origin's edits
started from (base), owner, times and tombstone. For a row that exists here, with local version L
and received version R:

- R == L: nothing to do (the same content; different content under one version is a conflict);
- same origin: counters of one origin only grow, so the larger counter wins (R older: skipped);
- R's base is L (the sender edited the very version we hold): R replaces it;
- R is L's base (we edited what the sender sends again): skipped, ours is newer;
- otherwise both sides changed the row since they last agreed: a conflict. Both versions are kept
  (``SyncConflict``), the winner is chosen the same way on every installation (later
  ``updated_at``, then origin, then counter) and applied, and a person settles it; the settlement is
  an ordinary local edit, so it syncs like any other change.

Rows are written with the sender's version and marked imported (``app.db.changelog``): they keep
that version, get a change-log entry under it and no audit entry each.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, select
from sqlalchemy.orm import Session

from app.db.base import Base, SyncMixin
from app.db.changelog import jsonable, mark_imported
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


def field_names(model: type[SyncMixin]) -> list[str]:
    table = model.__table__  # type: ignore[attr-defined]
    return sorted(
        c.key for c in table.columns if c.key not in SyncMixin.SYSTEM_COLUMNS and c.key != "deleted"
    )


def record_of(obj: SyncMixin) -> dict[str, Any]:
    """A row as a bundle carries it."""
    model = type(obj)
    return {
        "table": model.__table__.name,  # type: ignore[attr-defined]
        "id": obj.id,
        "owner": obj.owner,
        "version": {"origin": obj.version_origin, "counter": obj.version_counter},
        "base": {"origin": obj.base_origin, "counter": obj.base_counter},
        "deleted": bool(obj.deleted),
        "created_at": jsonable(obj.created_at),
        "created_by": obj.created_by,
        "updated_at": jsonable(obj.updated_at),
        "updated_by": obj.updated_by,
        "fields": {name: jsonable(getattr(obj, name)) for name in field_names(model)},
    }


def _value(column: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, DateTime) and isinstance(value, str):
        return datetime.fromisoformat(value)
    if isinstance(column.type, Date) and isinstance(value, str):
        return date.fromisoformat(value)
    return value


class RecordError(ValueError):
    """A record whose shape does not fit the table it names."""


def _apply(obj: SyncMixin, rec: Mapping[str, Any]) -> None:
    table = type(obj).__table__  # type: ignore[attr-defined]
    columns = {c.key: c for c in table.columns}
    fields = rec.get("fields")
    if not isinstance(fields, dict):
        raise RecordError("fields")
    for name, value in fields.items():
        if name not in columns or name in SyncMixin.SYSTEM_COLUMNS or name in ("id", "deleted"):
            raise RecordError(name)
        setattr(obj, name, _value(columns[name], value))
    for name in SYSTEM:
        setattr(obj, name, _value(columns[name], rec[name]))
    obj.deleted = bool(rec["deleted"])
    obj.version_origin = str(rec["version"]["origin"])
    obj.version_counter = int(rec["version"]["counter"])
    base = rec.get("base") or {}
    obj.base_origin = str(base.get("origin") or "")
    obj.base_counter = int(base.get("counter") or 0)


def _winner_key(rec: Mapping[str, Any]) -> tuple[str, str, int]:
    return (str(rec["updated_at"]), str(rec["version"]["origin"]), int(rec["version"]["counter"]))


def merge_records(
    session: Session, records: Iterable[Mapping[str, Any]], *, peer: str, bundle_id: str, adopt: bool = False
) -> MergeSummary:
    """Apply ``records`` in the caller's transaction (a bundle is merged whole or not at all).
    ``adopt``: the received version replaces whatever is here (a new installation taking the
    county's reference data from its enrolment package)."""
    models = synced_models()
    summary = MergeSummary()
    last_table = ""
    for rec, local in _with_local_rows(session, records, models):
        if rec.get("table") != last_table:
            session.flush()  # rows of the tables before are in: references to them hold
            last_table = str(rec.get("table"))
        model = models.get(str(rec.get("table")))
        if model is None:
            summary.skipped += 1
            continue
        rv = (str(rec["version"]["origin"]), int(rec["version"]["counter"]))
        base = rec.get("base") or {}
        rbase = (str(base.get("origin") or ""), int(base.get("counter") or 0))
        if local is None:
            obj = model(id=rec["id"])  # type: ignore[call-arg]
            _apply(obj, rec)
            session.add(obj)
            mark_imported(session, obj)
            summary.new += 1
            continue
        lv = (local.version_origin, local.version_counter)
        lbase = (local.base_origin, local.base_counter)
        if adopt:
            take = True
        elif rv == lv:
            if record_of(local)["fields"] == rec["fields"] and bool(local.deleted) == bool(rec["deleted"]):
                summary.unchanged += 1
                continue
            take = _conflict(session, local, rec, peer, bundle_id)
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
            take = _conflict(session, local, rec, peer, bundle_id)
            summary.conflicts += 1
        if not take:
            continue
        was_deleted = bool(local.deleted)
        _apply(local, rec)
        mark_imported(session, local)
        if local.deleted and not was_deleted:
            summary.deleted += 1
        else:
            summary.updated += 1
        table = str(rec["table"])
        summary.by_table[table] = summary.by_table.get(table, 0) + 1
    session.flush()
    return summary


CHUNK = 500


def _with_local_rows(
    session: Session, records: Iterable[Mapping[str, Any]], models: Mapping[str, type[SyncMixin]]
) -> Iterable[tuple[Mapping[str, Any], SyncMixin | None]]:
    """Each record with the row it names here (or None), rows read a chunk at a time with one query."""
    chunk: list[Mapping[str, Any]] = []

    def release() -> Iterable[tuple[Mapping[str, Any], SyncMixin | None]]:
        model = models.get(str(chunk[0].get("table")))
        found: dict[str, SyncMixin] = {}
        if model is not None:
            ids = [str(r.get("id")) for r in chunk]
            with session.no_autoflush:
                found = {o.id: o for o in session.scalars(select(model).where(model.id.in_(ids)))}
        for r in chunk:
            yield r, found.get(str(r.get("id")))

    for rec in records:
        if chunk and (rec.get("table") != chunk[0].get("table") or len(chunk) >= CHUNK):
            yield from release()
            chunk = []
        chunk.append(rec)
    if chunk:
        yield from release()


def _conflict(session: Session, local: SyncMixin, rec: Mapping[str, Any], peer: str, bundle_id: str) -> bool:
    """Keep both versions; True when the received one wins (and is to be applied)."""
    mine = record_of(local)
    remote_wins = _winner_key(rec) > _winner_key(mine)
    existing = session.scalars(
        select(SyncConflict).where(
            SyncConflict.row_id == local.id, SyncConflict.state == "open", SyncConflict.bundle_id == bundle_id
        )
    ).first()
    if existing is None:
        session.add(
            SyncConflict(
                table_name=mine["table"],
                row_id=local.id,
                peer=peer,
                bundle_id=bundle_id,
                local=mine,
                remote=dict(rec),
                winner="remote" if remote_wins else "local",
            )
        )
    return remote_wins
