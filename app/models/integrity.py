"""廉政意见回复: the 组织部 asks the county commission, before a cadre is promoted or honoured,
whether it holds anything against them; a request (来函) names several people, and the county
answers each one (无问题 / 有问题 with the facts / 暂缓 with the reason). County only."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, SyncMixin, live_index


class IntegrityRequest(SyncMixin, Base):
    """One request (来函) of the 组织部: its letter number, when it came, why, and by when."""

    __tablename__ = "integrity_requests"
    __table_args__ = (live_index("integrity_requests", "received_on"),)

    letter_no: Mapped[str] = mapped_column(String(64))  # 来函文号
    requester: Mapped[str] = mapped_column(String(64), default="")  # 来函单位 (县委组织部)
    received_on: Mapped[date] = mapped_column(Date)
    purpose: Mapped[str] = mapped_column(String(16))  # promotion | honour | transfer | other
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class IntegrityReply(SyncMixin, Base):
    """The reply about one person of a request: the person of the person register, or the person
    as the request writes them (not in the register), and the county's answer."""

    __tablename__ = "integrity_replies"
    __table_args__ = (live_index("integrity_replies", "name"),)

    request_id: Mapped[str] = mapped_column(ForeignKey("integrity_requests.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"), nullable=True, index=True)
    name: Mapped[str] = mapped_column(String(64))
    id_number: Mapped[str] = mapped_column(Text, default="")  # sealed
    id_key: Mapped[str] = mapped_column(String(64), default="", index=True)
    unit: Mapped[str] = mapped_column(String(100), default="")
    post: Mapped[str] = mapped_column(String(64), default="")
    answer: Mapped[str] = mapped_column(String(16), default="")  # clear | issues | defer, "" not yet
    facts: Mapped[str] = mapped_column(Text, default="")  # sealed: what the county holds (有问题)
    defer_reason: Mapped[str] = mapped_column(Text, default="")  # sealed: why 暂缓
    replied_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    signed_by: Mapped[str] = mapped_column(String(64), default="")
    state: Mapped[str] = mapped_column(String(16), default="pending", index=True)
