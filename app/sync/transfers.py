"""Ownership transfers (``app.models.transfer``): a unit asks, the county decides.

``request_transfer`` (a unit: a record of its own asking that one of its records go to another
unit, or that another unit's record come to it), ``transfer`` (the county: changes the record's
owner, answering a request or on its own motion) and ``refuse_request`` (the county). Each is one
transaction with its audit entry. The county's bundles carry the transfer and the record in its new
ownership to both units (``app.sync.addressing``); the former owner's edits are refused from then
on: here by ``RecordService`` (``NotOwner``), at the county by the merge (``app.sync.rules``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import text_rules
from app.context import Context
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.org import Unit
from app.models.transfer import REFUSAL, REQUEST, TRANSFER, OwnershipTransfer
from app.security import audit
from app.security.roles import EDIT
from app.sync.addressing import SHARED_TABLES
from app.sync.display import display, register_for
from app.sync.merge import synced_models


class TransferError(Exception):
    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(str(message))


_NOT_MOVABLE = frozenset(SHARED_TABLES) | {"ownership_transfers", "audit_log"}


def _fail(text: str, **params: str) -> TransferError:
    return TransferError(Message(text, params))


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise _fail(QT_TRANSLATE_NOOP("app", "请填写变更归属的理由。"))
    if len(reason) > 500:
        raise _fail(QT_TRANSLATE_NOOP("app", "理由不能超过 500 个字。"))
    try:
        return text_rules.multi_line(reason, "理由")
    except ValueError as exc:
        raise TransferError(exc.args[0]) from None


def _row(s: Session, table: str, row_id: str) -> object:
    model = synced_models().get(table)
    if model is None or table in _NOT_MOVABLE:
        raise _fail(QT_TRANSLATE_NOOP("app", "表 {table} 的记录不能变更归属单位。"), table=table)
    row = s.get(model, row_id)
    if row is None or row.deleted:
        raise _fail(QT_TRANSLATE_NOOP("app", "没有这条记录：{table}/{id}。"), table=table, id=row_id)
    return row


def model_of(table: str) -> Any:
    """The synced model of ``table``."""
    return synced_models()[table]


def _unit(s: Session, code: str) -> Unit:
    unit = s.scalars(select(Unit).where(Unit.code == code, Unit.deleted.is_(False))).first()
    if unit is None:
        raise _fail(QT_TRANSLATE_NOOP("app", "没有代码为 {code} 的单位。"), code=code)
    return unit


def answered(s: Session, request_id: str) -> bool:
    return (
        s.scalars(
            select(OwnershipTransfer.id).where(
                OwnershipTransfer.request_id == request_id, OwnershipTransfer.deleted.is_(False)
            )
        ).first()
        is not None
    )


def request_transfer(ctx: Context, table: str, row_id: str, to_unit: str, reason: str) -> str:
    """A unit asks the county to move a record: one of its own to ``to_unit``, or another unit's
    to itself (EDIT). Returns the request's id."""
    with ctx.session() as s:
        return request_transfer_in(s, ctx, table, row_id, to_unit, reason)


def request_transfer_in(s: Session, ctx: Context, table: str, row_id: str, to_unit: str, reason: str) -> str:
    """``request_transfer`` inside the caller's transaction (a clue reported up: its step and the
    request stand or fall together)."""
    ctx.require(EDIT)
    me = ctx.unit
    if ctx.installation().unit_type == "county":
        raise _fail(QT_TRANSLATE_NOOP("app", "县纪委监委直接变更归属，无需申请。"))
    reason = _reason(reason)
    row = _row(s, table, row_id)
    owner = str(row.owner)  # type: ignore[attr-defined]
    _unit(s, to_unit)
    if to_unit == owner:
        raise _fail(QT_TRANSLATE_NOOP("app", "这条记录已经属于 {code}。"), code=to_unit)
    if me not in (owner, to_unit):
        raise _fail(QT_TRANSLATE_NOOP("app", "只能申请移交本单位的记录，或申请接收记录到本单位。"))
    pending = s.scalars(
        select(OwnershipTransfer).where(
            OwnershipTransfer.kind == REQUEST,
            OwnershipTransfer.table_name == table,
            OwnershipTransfer.row_id == row_id,
            OwnershipTransfer.to_unit == to_unit,
            OwnershipTransfer.owner == me,
            OwnershipTransfer.deleted.is_(False),
        )  # fmt: skip
    ).all()
    if any(not answered(s, p.id) for p in pending):
        raise _fail(QT_TRANSLATE_NOOP("app", "已有同样的申请等待县纪委监委决定。"))
    req = OwnershipTransfer(kind=REQUEST, table_name=table, row_id=row_id, from_unit=owner,
                            to_unit=to_unit, reason=reason)  # fmt: skip
    s.add(req)
    s.flush()
    audit.record(s, audit.CREATE, target_table="ownership_transfers", target_id=req.id,
                 detail=f"request {table}/{row_id} {owner}->{to_unit}")  # fmt: skip
    return req.id


def _pending_request(s: Session, request_id: str) -> OwnershipTransfer:
    """The request ``request_id``, not yet answered."""
    req = s.get(OwnershipTransfer, request_id)
    if req is None or req.kind != REQUEST or req.deleted:
        raise _fail(QT_TRANSLATE_NOOP("app", "没有编号为 {id} 的归属变更申请。"), id=request_id)
    if answered(s, req.id):
        raise _fail(QT_TRANSLATE_NOOP("app", "这份申请已经处理过。"))
    return req


def _county_only(ctx: Context) -> None:
    ctx.require(EDIT)
    if ctx.installation().unit_type != "county":
        raise _fail(QT_TRANSLATE_NOOP("app", "只有县纪委监委可以变更记录的归属单位；本单位可以提出申请。"))


def transfer(
    ctx: Context, table: str, row_id: str, to_unit: str, reason: str, request_id: str | None = None
) -> str:
    """The county moves a record to ``to_unit`` (EDIT, county only): its owner changes, with a new
    version made here, and the transfer is recorded; both in one transaction. Returns the
    transfer's id."""
    with ctx.session() as s:
        return transfer_in(s, ctx, table, row_id, to_unit, reason, request_id)


def transfer_in(
    s: Session,
    ctx: Context,
    table: str,
    row_id: str,
    to_unit: str,
    reason: str,
    request_id: str | None = None,
) -> str:
    """``transfer`` inside the caller's transaction (提级办理 and 指定管辖 also set who handles)."""
    _county_only(ctx)
    reason = _reason(reason)
    if request_id:
        req = _pending_request(s, request_id)
        table, row_id, to_unit = req.table_name, req.row_id, to_unit or req.to_unit
    row = _row(s, table, row_id)
    owner = str(row.owner)  # type: ignore[attr-defined]
    _unit(s, to_unit)
    if to_unit == owner:
        raise _fail(QT_TRANSLATE_NOOP("app", "这条记录已经属于 {code}。"), code=to_unit)
    row.owner = to_unit  # type: ignore[attr-defined]
    done = OwnershipTransfer(kind=TRANSFER, table_name=table, row_id=row_id, from_unit=owner,
                             to_unit=to_unit, reason=reason, request_id=request_id or None)  # fmt: skip
    s.add(done)
    s.flush()
    audit.record(s, audit.UPDATE, target_table=table, target_id=row_id, fields=["owner"],
                 detail=f"transfer {owner}->{to_unit} ({done.id})")  # fmt: skip
    return done.id


def refuse_request(ctx: Context, request_id: str, reason: str) -> str:
    """The county answers a request with a refusal (EDIT, county only). Returns the refusal's id."""
    _county_only(ctx)
    reason = _reason(reason)
    with ctx.session() as s:
        req = _pending_request(s, request_id)
        no = OwnershipTransfer(kind=REFUSAL, table_name=req.table_name, row_id=req.row_id,
                               from_unit=req.from_unit, to_unit=req.to_unit, reason=reason,
                               request_id=req.id)  # fmt: skip
        s.add(no)
        s.flush()
        audit.record(s, audit.CREATE, target_table="ownership_transfers", target_id=no.id,
                     detail=f"refusal of {req.id}")  # fmt: skip
        return no.id


@dataclass(frozen=True)
class TransferRow:
    id: str
    kind: str
    table: str
    row_id: str
    from_unit: str
    to_unit: str
    reason: str
    table_title: str  # the register's title (context "register"), or the table name
    record: str  # the moved record as its register shows it
    filed_by: str  # the unit that filed it (the owner of this record)
    at: datetime
    answer: str  # for a request: pending | transfer | refusal


def transfer_rows(ctx: Context) -> list[TransferRow]:
    """Every request, transfer and refusal held here, newest first."""
    with ctx.session() as s:
        rows = s.scalars(
            select(OwnershipTransfer)
            .where(OwnershipTransfer.deleted.is_(False))
            .order_by(OwnershipTransfer.created_at.desc(), OwnershipTransfer.id)
        ).all()
        answers = {r.request_id: r.kind for r in rows if r.request_id}
        models = synced_models()

        def named(table: str, row_id: str) -> tuple[str, str]:
            reg = register_for(table)
            model = models.get(table)
            row = s.get(model, row_id) if model is not None else None
            return (reg.title if reg is not None else table), display(reg, row, row_id)

        out = []
        for r in rows:
            answer = answers.get(r.id, "pending") if r.kind == REQUEST else ""
            out.append(TransferRow(r.id, r.kind, r.table_name, r.row_id, r.from_unit, r.to_unit, r.reason,
                                   *named(r.table_name, r.row_id), r.owner, r.created_at, answer))  # fmt: skip
        return out


def transferred_away(s: Session, table: str, row_id: str, unit: str, county: str) -> bool:
    """Whether the county (unit code ``county``) moved ``table``/``row_id`` away from ``unit``."""
    found = s.scalars(
        select(OwnershipTransfer.id).where(
            OwnershipTransfer.kind == TRANSFER,
            OwnershipTransfer.table_name == table,
            OwnershipTransfer.row_id == row_id,
            OwnershipTransfer.from_unit == unit,
            OwnershipTransfer.owner == county,
            OwnershipTransfer.deleted.is_(False),
        )  # fmt: skip
    ).first()
    return found is not None
