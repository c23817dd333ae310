"""Ownership transfers: who a record belongs to, and how that changes.

A record is changed only by the unit that owns it (``app.services.records``), and a unit's bundle
carries only its own records (``app.sync.rules``). When a record is to go to another unit (a case
reported up, handed over, taken up by the county), the unit files a request as a record of its
own (``kind`` ``request``); only the county changes a record's owner, and it records that as a
record of its own (``transfer``, answering a request or on its own motion; or ``refusal`` of a
request). The county's bundles carry the transfer, and the record in its new ownership, to the
units it concerns. From then on the former owner's edits to the record are refused.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, SyncMixin

REQUEST, TRANSFER, REFUSAL = "request", "transfer", "refusal"


class OwnershipTransfer(SyncMixin, Base):
    """归属变更: a request by a unit, or the county's transfer or refusal."""

    __tablename__ = "ownership_transfers"

    kind: Mapped[str] = mapped_column(String(16))  # request | transfer | refusal
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    from_unit: Mapped[str] = mapped_column(String(32), index=True)  # the owner when it was filed
    to_unit: Mapped[str] = mapped_column(String(32), index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    request_id: Mapped[str | None] = mapped_column(
        ForeignKey("ownership_transfers.id"), nullable=True, default=None
    )
