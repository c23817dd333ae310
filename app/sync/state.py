"""What an installation keeps about sync: its own keys, its peers, the bundles sent and received,
and the conflicts waiting for a person. Local tables: they never travel in a bundle themselves."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, utcnow


class SyncIdentity(Base):
    """This installation's key pairs (private parts live only in the encrypted database) and the
    machine it was enrolled on."""

    __tablename__ = "sync_identity"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    unit_code: Mapped[str] = mapped_column(String(32))
    county_code: Mapped[str] = mapped_column(String(32))
    signing_private: Mapped[str] = mapped_column(Text)
    signing_public: Mapped[str] = mapped_column(String(64))
    key_id: Mapped[str] = mapped_column(String(32))
    age_identity: Mapped[str] = mapped_column(Text)
    age_recipient: Mapped[str] = mapped_column(String(128))
    machine_id: Mapped[str] = mapped_column(String(64))
    enrolled_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SyncPeer(Base):
    """Another installation: at the county every enrolled unit, at a unit the county (and the
    units the county revoked, so their revocation is known everywhere)."""

    __tablename__ = "sync_peers"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    unit_type: Mapped[str] = mapped_column(String(16), default="")
    signing_public: Mapped[str] = mapped_column(String(64), default="")
    key_id: Mapped[str] = mapped_column(String(32), default="")
    age_recipient: Mapped[str] = mapped_column(String(128), default="")
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    enrolled_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    sent_sequence: Mapped[int] = mapped_column(Integer, default=0)  # the last bundle made for it
    received_sequence: Mapped[int] = mapped_column(Integer, default=0)  # the newest bundle imported
    received_upto: Mapped[int] = mapped_column(Integer, default=0)  # its change-log seq we hold
    acked_upto: Mapped[int] = mapped_column(Integer, default=0)  # our change-log seq it confirmed
    # The highest version counter of its origin received from it (``app.sync.epoch``).
    received_counter: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_received_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class SyncBundle(Base):
    """A bundle sent or received (the history on the 数据交换 page)."""

    __tablename__ = "sync_bundles"

    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    direction: Mapped[str] = mapped_column(String(3))  # in | out
    peer: Mapped[str] = mapped_column(String(32), index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    file_name: Mapped[str] = mapped_column(String(200), default="")
    records: Mapped[int] = mapped_column(Integer, default=0)
    upto: Mapped[int] = mapped_column(Integer, default=0)  # the sender's change-log seq it reaches
    acked: Mapped[int] = mapped_column(Integer, default=0)  # what it acknowledged of the receiver's
    summary: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)


class SyncConflict(Base):
    """The same record changed on both sides: both versions, the one applied, and the settlement."""

    __tablename__ = "sync_conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    peer: Mapped[str] = mapped_column(String(32))
    bundle_id: Mapped[str] = mapped_column(String(36))
    local: Mapped[dict[str, object]] = mapped_column(JSON)
    remote: Mapped[dict[str, object]] = mapped_column(JSON)
    winner: Mapped[str] = mapped_column(String(8))  # local | remote
    state: Mapped[str] = mapped_column(String(8), default="open", index=True)  # open | settled
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    settled_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    settled_by: Mapped[str] = mapped_column(String(64), default="")
