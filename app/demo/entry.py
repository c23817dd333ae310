"""Entering rows generated elsewhere into an installation as its own local changes (``demo-county``).

The demo county's records are generated in one scratch installation (``create_demo_county``), so
that the seed report's county-wide figures come out exactly. ``owned_rows`` reads the rows one
unit owns there; ``enter`` writes them into that unit's real installation through the ORM, as if
a person had entered them there: the storage layer gives every row a new version made at that
installation (its ``version_origin`` is the unit, its counter the installation's own), a
change-log entry and an audit entry, so the installation's next bundle carries them. Ids, owners
and field values are kept; creation and update times are the time of entry.

Sensitive values are sealed under the scratch installation's key there; they are opened and
sealed again under the receiving installation's key (each installation has its own).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, text

from app.context import Context
from app.db.base import Base, SyncMixin
from app.security import sensitive
from app.sync.merge import synced_models

__all__ = ["Rows", "enter", "owned_rows"]

# Table name -> rows (column key -> value), in foreign-key order (referenced tables first).
Rows = dict[str, list[dict[str, Any]]]

# Columns the storage layer sets on entry (new version, times, who); ``id`` and ``owner`` are kept.
_MANAGED = SyncMixin.SYSTEM_COLUMNS - {"id", "owner"}


def owned_rows(source: Context, owner: str) -> Rows:
    """Every synchronised row ``owner`` owns in ``source`` (tombstones too), the audit log
    excepted: each installation writes its own."""
    models = synced_models()
    out: Rows = {}
    with source.db.session() as s:
        for table in Base.metadata.sorted_tables:
            if table.name not in models or table.name == "audit_log":
                continue
            rows = [
                {c.key: value for c, value in zip(table.columns, row, strict=True) if c.key not in _MANAGED}
                for row in s.execute(select(table).where(table.c.owner == owner).order_by(table.c.id))
            ]
            if rows:
                out[table.name] = rows
    return out


def _reseal(table: str, rows: list[dict[str, Any]], from_key: bytes | None, to_key: bytes | None) -> None:
    names = sensitive.sensitive_columns().get(table, frozenset())
    if not names or from_key is None or to_key is None or from_key == to_key:
        return
    for row in rows:
        for name in names:
            value = row.get(name)
            if isinstance(value, str) and sensitive.is_sealed(value):
                where = sensitive.Context(table, name, row["id"])
                row[name] = sensitive.seal(to_key, sensitive.open(from_key, value, where), where)


def enter(target: Context, rows: Rows, from_key: bytes | None, user: str) -> int:
    """Write ``rows`` (from ``owned_rows`` of an installation whose sensitive-field key is
    ``from_key``) into ``target`` as local changes made by ``user``, in one transaction; rows
    whose id ``target`` already holds are left as they are. Returns how many were written."""
    models = synced_models()
    written = 0
    with target.db.session(user) as s:
        if s.get_bind().dialect.name == "sqlite":
            s.execute(text("PRAGMA defer_foreign_keys = ON"))  # a clue may name a later duplicate
        for table in Base.metadata.sorted_tables:
            todo = rows.get(table.name)
            if not todo:
                continue
            model = models[table.name]
            ids = [r["id"] for r in todo]
            present: set[str] = set()
            for i in range(0, len(ids), 500):
                present |= set(s.scalars(select(model.id).where(model.id.in_(ids[i : i + 500]))))
            todo = [dict(r) for r in todo if r["id"] not in present]
            _reseal(table.name, todo, from_key, target.held_keys.sensitive)
            s.add_all(model(**r) for r in todo)
            s.flush()  # referenced tables first: the change log numbers them first too
            s.expunge_all()
            written += len(todo)
    return written
