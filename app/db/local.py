"""Tables that stay on this installation and are never synchronised."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, new_id, utcnow


class Installation(Base):
    """What this installation is: exactly one row, written by ``init``."""

    __tablename__ = "installation"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    unit_code: Mapped[str] = mapped_column(String(32))
    unit_type: Mapped[str] = mapped_column(String(16))
    unit_name: Mapped[str] = mapped_column(String(100))
    county_code: Mapped[str] = mapped_column(String(32))
    county_name: Mapped[str] = mapped_column(String(100))
    admin_username: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class LocalCounter(Base):
    """This installation's monotonic version counter (one row, id 1)."""

    __tablename__ = "local_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class User(Base):
    """A person who logs in to this installation."""

    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(64), default="")
    role: Mapped[str] = mapped_column(String(32))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ChangeLog(Base):
    """One entry per change of a synchronised row, written by the storage layer itself.

    ``changes`` maps each changed field to ``[old, new]`` (JSON-safe values); it is the
    history a person sees on a record and what the sync issue will export.
    """

    __tablename__ = "change_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(64), index=True)
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(8))
    origin: Mapped[str] = mapped_column(String(32))
    counter: Mapped[int] = mapped_column(Integer)
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    by: Mapped[str] = mapped_column(String(64))
