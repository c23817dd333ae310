"""What a bundle may carry, decided record by record while it is merged (docs/bundle-format.md,
"What a bundle may carry").

- A unit's bundle (at the county) carries only the unit's own records: owner and version origin
  are the sender, and a row the county holds must be the sender's there too. A row the county has
  since handed to another unit (an ownership transfer) is the one exception that is not refused:
  the sender's edit, made before it learnt of the transfer, is kept in a conflict for a person.
- The county's bundle (at a unit) carries only what is addressed to the unit: shared reference
  data, the unit's own rows, clues it handles, co-reviews of its cases, rows transferred to or
  from it, and rows those refer to.
- No clock a sender controls decides anything: where two versions of a row meet, the version made
  by the row's owner wins (the owner as the county holds it), then the county's version, then the
  larger (origin, counter). Record times later than the bundle's signed creation time plus
  ``SKEW`` are refused, and so is a bundle created more than ``SKEW`` after the receiver's clock.

Any record outside these rules raises ``OutsideRights`` naming the record and the rule: the
caller rolls the whole bundle back.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from app.i18n import QT_TRANSLATE_NOOP, Message

# How far a record's time may run ahead of its bundle's creation time, and a bundle's creation
# time ahead of the receiver's clock: offices' clocks drift and time zones get mis-set, not more.
SKEW = timedelta(days=1)


class RecordError(ValueError):
    """A record whose shape does not fit the table it names."""


class OutsideRights(RecordError):
    """A record its sender may not send. ``message`` names the record and the rule."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(str(message))


OWN_RECORDS_ONLY = QT_TRANSLATE_NOOP(
    "app", "记录 {table}/{id} 属于 {owner}（版本来自 {origin}）：{sender} 的数据包只能带本单位自己的记录。"
)
OWNED_HERE_BY = QT_TRANSLATE_NOOP(
    "app", "记录 {table}/{id} 在本机属于 {owner}：{sender} 的数据包只能带本单位自己的记录。"
)
NOT_ADDRESSED = QT_TRANSLATE_NOOP(
    "app", "记录 {table}/{id} 属于 {owner}，与本单位无关：县纪委监委的数据包只能带发给本单位的记录。"
)
FUTURE_RECORD = QT_TRANSLATE_NOOP(
    "app",
    "记录 {table}/{id} 的时间 {time} 晚于数据包的生成时间 {created}（允许误差 1 天）：请检查发送单位电脑的日期。",
)
COUNTY_DATA = QT_TRANSLATE_NOOP(
    "app", "记录 {table}/{id}：表 {table} 只由县纪委监委维护，{sender} 的数据包不能带。"
)
REQUESTS_ONLY = QT_TRANSLATE_NOOP(
    "app", "记录 ownership_transfers/{id}：单位只能提出归属变更申请，变更和不同意只由县纪委监委作出。"
)
UNKNOWN_TABLE = QT_TRANSLATE_NOOP("app", "记录 {id} 所属的表 {table} 本机没有。")
OVER_COUNT = QT_TRANSLATE_NOOP("app", "表 {table} 的记录多于数据包声明的 {count} 条。")


def _text(value: Any) -> str:
    return "" if value is None else str(value)


@dataclass
class ImportRules:
    """The rules for one bundle. ``from_unit``: a unit's bundle at the county; ``addressed``: at a
    unit, which records of the county's bundle are for it (``addressed(table,
    record)`` True, or referred to by a row held here, checked by the caller after the merge);
    ``transferred_away(table, id, sender)``: at the county, whether the county handed that row
    away from the sender."""

    sender: str
    county: str
    from_unit: bool
    created_at: datetime | None = None
    counts: Mapping[str, int] | None = None
    addressed: Callable[[str, Mapping[str, Any]], bool] | None = None
    transferred_away: Callable[[str, str, str], bool] | None = None
    county_only: frozenset[str] = frozenset()  # tables only the county keeps (``COUNTY_ONLY``)
    seen: dict[str, int] = field(default_factory=dict)
    unaddressed: dict[str, set[str]] = field(default_factory=dict)

    # ---- before a record is looked at against the rows here ----------------------------------
    def check(self, table: str, rec: Mapping[str, Any]) -> None:
        version = rec.get("version")
        origin = version.get("origin") if isinstance(version, dict) else None
        self._count(table)
        if self.from_unit and (rec.get("owner") != self.sender or origin != self.sender):
            raise OutsideRights(Message(OWN_RECORDS_ONLY, {
                "table": table, "id": _text(rec.get("id")), "owner": _text(rec.get("owner")),
                "origin": _text(origin), "sender": self.sender}))  # fmt: skip
        if self.from_unit and table == "ownership_transfers":
            fields = rec.get("fields")
            if not isinstance(fields, dict) or fields.get("kind") != "request":
                raise OutsideRights(Message(REQUESTS_ONLY, {"id": _text(rec.get("id"))}))
        if self.from_unit and table in self.county_only:
            raise OutsideRights(Message(COUNTY_DATA, {"table": table, "id": _text(rec.get("id")),
                                                      "sender": self.sender}))  # fmt: skip
        if origin == self.sender:
            self._check_times(table, rec)
        if self.addressed is not None and not self.addressed(table, rec):
            self.unaddressed.setdefault(table, set()).add(_text(rec.get("id")))

    def _count(self, table: str) -> None:
        n = self.seen[table] = self.seen.get(table, 0) + 1
        if self.counts is not None and n > int(self.counts.get(table) or 0):
            raise RecordError(
                str(Message(OVER_COUNT, {"table": table, "count": str(self.counts.get(table) or 0)}))
            )

    def _check_times(self, table: str, rec: Mapping[str, Any]) -> None:
        if self.created_at is None:
            return
        latest = self.created_at + SKEW
        for key in ("updated_at", "created_at"):
            value = rec.get(key)
            try:
                when = utc_naive(value) if isinstance(value, str) else None
            except ValueError:
                raise RecordError(f"{key}: {value!r}") from None
            if when is not None and when > latest:
                raise OutsideRights(Message(FUTURE_RECORD, {
                    "table": table, "id": _text(rec.get("id")), "time": _text(value),
                    "created": self.created_at.isoformat(timespec="seconds")}))  # fmt: skip

    # ---- against the row held here ------------------------------------------------------------
    def foreign_row_kept(self, table: str, local_owner: str, rec: Mapping[str, Any]) -> bool:
        """At the county, a unit's record for a row the county holds as another's: True when the
        county handed the row away from the sender (keep the sender's version in a conflict),
        else ``OutsideRights``."""
        if not self.from_unit or local_owner == self.sender:
            return False
        rid = _text(rec.get("id"))
        if self.transferred_away is not None and self.transferred_away(table, rid, self.sender):
            return True
        raise OutsideRights(Message(OWNED_HERE_BY, {"table": table, "id": rid, "owner": local_owner,
                                                    "sender": self.sender}))  # fmt: skip

    def owner_of(self, local: Mapping[str, Any], rec: Mapping[str, Any]) -> str:
        """The row's owner as the county holds it: at the county its own row's, at a unit the
        county's record's."""
        return _text(local.get("owner") if self.from_unit else rec.get("owner"))


def utc_naive(text: str) -> datetime:
    """An ISO time as the program stores times, naive UTC (an aware one is taken to UTC first);
    ``ValueError`` for text that is not one."""
    when = datetime.fromisoformat(text)
    return when.astimezone(UTC).replace(tzinfo=None) if when.tzinfo is not None else when


def remote_wins(local: Mapping[str, Any], rec: Mapping[str, Any], owner: str, county: str) -> bool:
    """Which of two versions of a row stays applied, the same on every installation: the one made
    by the row's owner; else the county's; else the larger (origin, counter). No time decides."""
    lo, ro = _text(local["version"]["origin"]), _text(rec["version"]["origin"])
    if (ro == owner) != (lo == owner):
        return ro == owner
    if county and (ro == county) != (lo == county):
        return ro == county
    return (ro, int(rec["version"]["counter"])) > (lo, int(local["version"]["counter"]))
