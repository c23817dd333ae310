"""The person register (人员库): the one record of a person that clues, inquiries, verifications,
cases and measures refer to. The ID number is a sealed field; ``id_key`` is its keyed hash (the
same number gives the same key at every installation of the county: ``app.services.people``), so
duplicates can be found without opening any sealed value."""

from __future__ import annotations

from sqlalchemy import Boolean, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, SyncMixin, live_index
from app.db.secrecy import SecrecyMixin


class Person(SecrecyMixin, SyncMixin, Base):
    """人员: who a record is about, with what the rules ask of them."""

    __tablename__ = "people"
    __table_args__ = (
        live_index("people", "name"),
        Index("ix_people_name_unit", "name", "unit"),
    )

    name: Mapped[str] = mapped_column(String(64))
    id_number: Mapped[str] = mapped_column(Text, default="")  # sealed
    id_key: Mapped[str] = mapped_column(String(64), default="", index=True)
    unit: Mapped[str] = mapped_column(String(100), default="")
    post: Mapped[str] = mapped_column(String(64), default="")
    village: Mapped[str] = mapped_column(String(64), default="")
    rank: Mapped[str] = mapped_column(String(16), default="")
    authority: Mapped[str] = mapped_column(String(16), default="")  # 管理权限
    party_member: Mapped[bool] = mapped_column(Boolean, default=False)
    object_category: Mapped[str] = mapped_column(String(2), default="")  # 监察法 art. 15, "" none
    note: Mapped[str] = mapped_column(Text, default="")
