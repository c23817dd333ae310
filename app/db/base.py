"""Declarative base and the columns every synchronised row carries.

A synchronised row is born with a UUID, belongs to one unit (``owner``), carries a version
(``version_origin`` + ``version_counter``: the installation that made the last change and that
installation's monotonic counter), who/when created and updated it, and is never hard-deleted:
``deleted`` is a tombstone. These columns are filled by the storage layer itself
(``app.db.changelog``); services never set them by hand.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Boolean, Column, DateTime, Index, Integer, MetaData, String, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A new row id, made where the row is born."""
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SyncMixin:
    """Columns of every synchronised row. Subclass together with ``Base``."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    owner: Mapped[str] = mapped_column(String(32), index=True)
    version_origin: Mapped[str] = mapped_column(String(32))
    version_counter: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(64))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    # The version this row's present local edits started from (app.sync.merge): set when a row
    # received from elsewhere is first changed here; empty for a row born here.
    base_origin: Mapped[str] = mapped_column(String(32), default="", server_default="")
    base_counter: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    # Columns the storage layer manages; never part of a "what changed" record.
    SYSTEM_COLUMNS = frozenset(
        {
            "id",
            "owner",
            "version_origin",
            "version_counter",
            "created_at",
            "created_by",
            "updated_at",
            "updated_by",
            "base_origin",
            "base_counter",
        }
    )


def field_columns(table: Table) -> list[Column[Any]]:
    """The columns a synchronised record carries as its fields: all but the storage layer's
    (``SyncMixin.SYSTEM_COLUMNS``) and the tombstone, in the table's order."""
    return [c for c in table.columns if c.key not in SyncMixin.SYSTEM_COLUMNS and c.key != "deleted"]


def live_index(table: str, column: str) -> Index:
    """An index that serves a register's default list: live rows in ``column`` order, covering the id.

    Lists ask ``WHERE deleted = false ORDER BY column, id`` and read only ids; with this index
    SQLite walks the index alone, with no sort and no table look-ups.
    """
    return Index(f"ix_{table}_live_{column}", "deleted", column, "id")


def is_synced(obj: object) -> bool:
    return isinstance(obj, SyncMixin)
