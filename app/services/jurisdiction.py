"""提级办理 and 指定管辖: the county takes a clue or a case up, or gives it to a unit to handle.

Both are ownership transfers (``app.sync.transfers``, county only) that also set who handles the
matter, in one transaction: the record is the new owner's from then on, and the county's bundles
carry it to both units. A pending request for the record (a unit's 上报) is answered by it. The new
owner then takes the record in with its ``accept`` step when it was reported up.
"""

from __future__ import annotations

from sqlalchemy import select

from app.context import Context
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.org import Unit
from app.models.transfer import REQUEST, OwnershipTransfer
from app.sync import transfers

MATTERS = ("clues", "cases")
HANDLING_TYPES = ("county", "office", "township", "group")


def take_up(ctx: Context, table: str, row_id: str, reason: str) -> str:
    """提级办理: the county takes the matter. Returns the transfer's id."""
    return _give(ctx, table, row_id, "", reason)


def assign(ctx: Context, table: str, row_id: str, unit_code: str, reason: str) -> str:
    """指定管辖: the county gives the matter to ``unit_code``. Returns the transfer's id."""
    if not unit_code:
        raise transfers.TransferError(Message(QT_TRANSLATE_NOOP("app", "请指定承办单位。")))
    return _give(ctx, table, row_id, unit_code, reason)


def approve(ctx: Context, request_id: str, reason: str) -> str:
    """The county grants a unit's request: a clue or a case goes to the unit asked for and is
    handled there (a 上报 to the county: 提级办理), any other record only changes owner."""
    with ctx.session() as s:
        req = s.get(OwnershipTransfer, request_id)
        matter = req is not None and req.kind == REQUEST and req.table_name in MATTERS and not req.deleted
        target = (req.table_name, req.row_id, req.to_unit) if matter and req is not None else None
    if target is None:  # not a matter (or no such request: transfer says so)
        return transfers.transfer(ctx, "", "", "", reason, request_id=request_id)
    return _give(ctx, target[0], target[1], target[2], reason, request_id)


def _give(ctx: Context, table: str, row_id: str, unit_code: str, reason: str, request_id: str = "") -> str:
    if table not in MATTERS:
        raise transfers.TransferError(
            Message(QT_TRANSLATE_NOOP("app", "提级办理和指定管辖只用于问题线索和案件。"))
        )
    with ctx.session() as s:
        code = unit_code or ctx.unit
        unit = s.scalars(select(Unit).where(Unit.code == code, Unit.deleted.is_(False))).first()
        if unit is None or unit.unit_type not in HANDLING_TYPES:
            raise transfers.TransferError(
                Message(QT_TRANSLATE_NOOP("app", "{code} 不是可以承办案件的单位。"), {"code": code})
            )
        if request_id and transfers.answered(s, request_id):
            raise transfers.TransferError(Message(QT_TRANSLATE_NOOP("app", "这份申请已经处理过。")))
        pending = (
            [request_id]
            if request_id
            else [
                r.id
                for r in s.scalars(
                    select(OwnershipTransfer).where(
                        OwnershipTransfer.kind == REQUEST,
                        OwnershipTransfer.table_name == table,
                        OwnershipTransfer.row_id == row_id,
                        OwnershipTransfer.deleted.is_(False),
                    )
                )
                if not transfers.answered(s, r.id)
            ]
        )
        done = transfers.transfer_in(s, ctx, table, row_id, code, reason, pending[0] if pending else None)
        model = transfers.model_of(table)
        row = s.get(model, row_id)
        row.handling_unit_id = unit.id  # type: ignore[union-attr]
        s.flush()
        return done
