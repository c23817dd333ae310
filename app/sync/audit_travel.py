"""Audit logs travel: a unit's audit entries go to the county in its bundles, the county checks
the unit's chain and keeps it, and the county's acknowledgement anchors the chain's head at the
unit (docs/bundle-format.md, "Audit logs").

- A unit's bundle carries, as records of table ``audit_log`` after its other records, the entries
  of its own chain after the last one the county acknowledged, and in its payload the chain's head
  when it wrote the bundle (``audit``: seq and hash). Until the county acknowledges, every bundle
  carries them again: a lost stick costs nothing.
- The county checks them before it keeps any: each entry is the sender's own, in order, its hash
  right, linked to the one before; the first links to the last entry the county holds of that
  unit (entries it already holds must be the same ones); the last is the head the payload names,
  and that head is not behind what the county holds. Anything else refuses the whole bundle
  (``ChainBroken``, naming the unit, the entry and why). Entries are kept in the county's
  ``audit_log`` under the unit's code (its own chain is its own code's), written as they came,
  without change-log entries: they travel no further.
- The county's bundle for a unit names the last entry of the unit's chain it holds
  (``audit_ack``); the unit keeps it as its chain's acknowledged head (``audit_anchor``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.security import audit, audit_anchor
from app.security.audit import GENESIS, AuditEntry
from app.sync.merge import RecordError, record_from_row

TABLE = "audit_log"
CHUNK = 2000

REFUSED = QT_TRANSLATE_NOOP("app", "数据包 {name} 带的审计日志不能接收，整个数据包未导入：{reason}。")
CHAIN_BROKEN = QT_TRANSLATE_NOOP("app", "单位 {unit} 的审计日志在第 {seq} 条处接不上：{reason}")
NO_HEAD = QT_TRANSLATE_NOOP(
    "app", "单位 {unit} 的数据包没有带审计日志的链头（可能是旧版程序导出的），请升级后重新导出。"
)
# Why a unit's chain does not continue what the county holds (context "app"); ``{head}``: a seq.
OWNER, SHORT, DIFFERS, NOT_HEAD, MISSING = "owner", "short", "differs", "not_head", "missing"
REASONS: dict[str, str] = {
    **audit.REASON_LABELS,
    OWNER: QT_TRANSLATE_NOOP("app", "不是该单位自己的条目"),
    SHORT: QT_TRANSLATE_NOOP("app", "比县纪委监委已收到的短（已收到第 {head} 条），末尾的条目被删除"),
    DIFFERS: QT_TRANSLATE_NOOP("app", "与县纪委监委已收到的同一条不同"),
    NOT_HEAD: QT_TRANSLATE_NOOP("app", "与数据包声明的链头（第 {head} 条）不符"),
    MISSING: QT_TRANSLATE_NOOP("app", "县纪委监委只收到第 {head} 条，缺少其后的条目"),
}


class AuditRefused(RecordError):
    """A unit's bundle whose audit entries the county cannot keep: the whole bundle is refused."""

    def __init__(self, message: Message, detail: str) -> None:
        self.message = message
        super().__init__(detail)


class ChainBroken(AuditRefused):
    """A unit's audit entries that do not continue what the county holds."""

    def __init__(self, unit: str, seq: int, reason: str, head: int = 0) -> None:
        self.unit, self.seq, self.reason, self.head = unit, seq, reason, head
        label = Message(REASONS.get(reason, reason), {"head": str(head)})
        super().__init__(
            Message(CHAIN_BROKEN, {"unit": unit, "seq": str(seq), "reason": label}),
            f"audit {unit}#{seq} {reason}",
        )


# ---- the unit's side -----------------------------------------------------------------------------
def for_county(s: Session, unit: str) -> tuple[dict[str, Any], Iterator[dict[str, Any]]]:
    """A unit's bundle: its payload's ``audit`` (the chain's head now) and the records of the
    entries after the county's acknowledgement, up to that head."""
    seq, hash_ = audit.chain_end(s, unit)
    anchor = audit_anchor.head_of(s, unit)
    acked = anchor.acked_seq if anchor is not None else 0
    return {"audit": {"seq": seq, "hash": hash_}}, _entries(s, unit, acked, seq)


def _entries(s: Session, unit: str, after: int, upto: int) -> Iterator[dict[str, Any]]:
    table: Table = AuditEntry.__table__  # type: ignore[assignment]
    conn = s.connection()
    start = after
    while start < upto:
        result = conn.execute(
            select(table)
            .where(table.c.owner == unit, table.c.seq > start, table.c.seq <= upto)
            .order_by(table.c.seq)
            .limit(CHUNK)
        )
        keys = list(result.keys())
        rows = [dict(zip(keys, row, strict=True)) for row in result.all()]
        if not rows:
            return
        for row in rows:
            yield record_from_row(table, row)
        start = int(rows[-1]["seq"])


def take_ack(s: Session, unit: str, payload: Mapping[str, Any]) -> None:
    """A unit importing the county's bundle keeps the county's acknowledgement of its chain,
    unless a restore here cut off the entry it names (the county holds the entries made after the
    backup; until the restored chain reaches it, its acknowledgement names one of those)."""
    ack = payload.get("audit_ack")
    if isinstance(ack, Mapping) and isinstance(ack.get("seq"), int) and isinstance(ack.get("hash"), str):
        seq, hash_ = int(ack["seq"]), str(ack["hash"])
        if _cut_off_by_restore(s, unit, seq, hash_):
            return
        audit_anchor.acknowledge(s, unit, seq, hash_)


def _cut_off_by_restore(s: Session, unit: str, seq: int, hash_: str) -> bool:
    held = s.scalar(select(AuditEntry.hash).where(AuditEntry.owner == unit, AuditEntry.seq == seq))
    if held == hash_:
        return False
    restore = s.scalars(
        select(AuditEntry)
        .where(AuditEntry.owner == unit, AuditEntry.action == audit.RESTORE_BACKUP, AuditEntry.seq > seq)
        .order_by(AuditEntry.seq.desc())
        .limit(1)
    ).first()
    if restore is None:
        return False
    before = s.scalar(
        select(AuditEntry.seq).where(AuditEntry.owner == unit, AuditEntry.hash == restore.prev_hash)
    )
    return before is None or before < seq


# ---- the county's side ---------------------------------------------------------------------------
def ack_for(s: Session, unit: str) -> dict[str, Any]:
    """The county's bundle for ``unit``: the last entry of the unit's chain held here."""
    seq, hash_ = audit.chain_end(s, unit)
    return {"audit_ack": {"seq": seq, "hash": hash_}}


def _values(rec: Mapping[str, Any]) -> dict[str, Any]:
    """A received entry as the columns of ``audit_log``."""
    try:
        f, version, base = rec["fields"], rec["version"], rec.get("base") or {}
        return {
            "id": str(rec["id"]), "owner": str(rec["owner"]), "deleted": bool(rec["deleted"]),
            "version_origin": str(version["origin"]), "version_counter": int(version["counter"]),
            "base_origin": str(base.get("origin") or ""), "base_counter": int(base.get("counter") or 0),
            "created_at": datetime.fromisoformat(rec["created_at"]), "created_by": str(rec["created_by"]),
            "updated_at": datetime.fromisoformat(rec["updated_at"]), "updated_by": str(rec["updated_by"]),
            "seq": int(f["seq"]), "at": datetime.fromisoformat(f["at"]), "actor": str(f["actor"]),
            "action": str(f["action"]), "target_table": str(f.get("target_table") or ""),
            "target_id": str(f.get("target_id") or ""), "fields": [str(x) for x in f.get("fields") or []],
            "detail": str(f.get("detail") or ""), "alg": str(f["alg"]), "prev_hash": str(f["prev_hash"]),
            "hash": str(f["hash"]),
        }  # fmt: skip
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise RecordError(f"{TABLE}: {exc}") from None


class Receiver:
    """One import's audit entries: ``divert`` takes them out of the bundle's records (checking and
    writing them as they come), ``finish`` checks the bundle's claimed head and keeps the anchors.
    From the county (at a unit) it takes the acknowledgement and ignores entries."""

    def __init__(
        self, s: Session, sender: str, payload: Mapping[str, Any], *, from_unit: bool, me: str
    ) -> None:
        self.s, self.sender, self.payload, self.from_unit, self.me = s, sender, payload, from_unit, me
        self.held_seq, self.held_hash = audit.chain_end(s, sender) if from_unit else (0, GENESIS)
        self.prev: tuple[int, str] | None = None  # the last entry of this bundle seen so far
        self.pending: list[dict[str, Any]] = []
        self.written: list[SimpleNamespace] = []
        self.held: dict[int, str] | None = None  # hashes of entries held here that come again

    def divert(self, records: Iterable[Any]) -> Iterator[Any]:
        for rec in records:
            if isinstance(rec, Mapping) and rec.get("table") == TABLE:
                if self.from_unit:
                    self._take(rec)
                continue
            yield rec

    def _broken(self, seq: int, reason: str, head: int = 0) -> ChainBroken:
        return ChainBroken(self.sender, seq, reason, head)

    def _take(self, rec: Mapping[str, Any]) -> None:
        v = _values(rec)
        e = SimpleNamespace(**v)
        if e.owner != self.sender or e.version_origin != self.sender:
            raise self._broken(e.seq, OWNER)
        if self.prev is None:
            if e.seq > self.held_seq + 1 and not audit.fork_allowed(self.s, e, self.held_seq, self.held_hash):
                raise self._broken(e.seq, MISSING, self.held_seq)
            prev_seq, prev_hash = e.seq - 1, (self.held_hash if e.seq == self.held_seq + 1 else e.prev_hash)
        else:
            prev_seq, prev_hash = self.prev
        fault = audit._first_fault(e, prev_hash, prev_seq)
        if (
            fault in (audit.GAP, audit.LINK)
            and e.seq > self.held_seq
            and audit.fork_allowed(self.s, e, prev_seq, prev_hash)
        ):
            fault = None  # a restored unit's new epoch (``app.sync.epoch``): a branch, nothing lost
        if fault is not None:
            raise self._broken(e.seq, fault)
        if e.seq <= self.held_seq:  # sent again before the acknowledgement came back: the same one?
            if self.held is None:  # what the county holds from here on, read once
                rows = self.s.execute(
                    select(AuditEntry.seq, AuditEntry.hash).where(
                        AuditEntry.owner == self.sender,
                        AuditEntry.seq >= e.seq,
                        AuditEntry.seq <= self.held_seq,
                    )
                )
                self.held = {int(seq): str(h) for seq, h in rows}
            if self.held.get(e.seq) != e.hash:
                raise self._broken(e.seq, DIFFERS)
        else:
            self.pending.append(v)
            self.written.append(e)
            if len(self.pending) >= CHUNK:
                self._flush()
        self.prev = (e.seq, e.hash)

    def _flush(self) -> None:
        if self.pending:
            self.s.connection().execute(insert(AuditEntry), self.pending)
            self.pending = []

    def finish(self) -> int:
        """Check the claimed head, write what is left, move the anchors; the entries kept."""
        if not self.from_unit:
            take_ack(self.s, self.me, self.payload)
            return 0
        claim = self.payload.get("audit")
        if not (
            isinstance(claim, Mapping)
            and isinstance(claim.get("seq"), int)
            and isinstance(claim.get("hash"), str)
        ):
            raise AuditRefused(Message(NO_HEAD, {"unit": self.sender}), f"audit {self.sender} no head")
        seq, hash_ = int(claim["seq"]), str(claim["hash"])
        if seq < self.held_seq:
            raise self._broken(seq + 1, SHORT, self.held_seq)
        last = self.prev or (self.held_seq, self.held_hash)
        if last[0] < seq:  # the entries stop before the head: none came, or some were left out
            raise self._broken(
                last[0] + 1, MISSING if self.prev is None else NOT_HEAD, last[0] if self.prev is None else seq
            )
        if last != (seq, hash_):
            raise self._broken(seq, NOT_HEAD, seq)
        self._flush()
        if self.written:
            audit_anchor.advance(self.s, self.sender, self.written)
            self.s.info.setdefault("changed_tables", set()).add(TABLE)
        return len(self.written)
