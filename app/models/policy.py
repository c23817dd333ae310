"""The county's policy: settings the county decides for every installation of the county.

One row with a fixed id (``POLICY_ID``), owned by the county and listed in
``app.sync.addressing.SHARED_TABLES``: the county's bundles carry it to every unit, where it is the
same row, read-only there (only its owner changes it). No row yet means every setting is off.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, SyncMixin

POLICY_ID = "00000000-0000-0000-0000-00000000c001"  # the same row at the county and every unit


class CountyPolicy(SyncMixin, Base):
    """县级安全策略. ``separation_of_duties``: 三员分立 (GB/T 22239), see ``app.security.roles``."""

    __tablename__ = "county_policy"

    separation_of_duties: Mapped[bool] = mapped_column(Boolean, default=False)
    # Which form each measure counts in, where the county departs from the convention
    # (``app.registers.form_mapping``); "" counts by the convention.
    form_mapping: Mapped[str] = mapped_column(Text, default="", server_default="")
