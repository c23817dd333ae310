"""``python -m app transfer …``: ownership transfers on the command line (``app.sync.transfers``).

``transfer request TABLE ID --to CODE --reason …`` (a unit asks), ``transfer make TABLE ID --to
CODE --reason …`` and ``transfer approve REQUEST --reason …`` / ``transfer refuse REQUEST --reason
…`` (the county decides), ``transfer take-up TABLE ID`` (提级办理) and ``transfer assign TABLE ID
--to CODE`` (指定管辖), ``transfer list [--json]``. Each runs as the person logged in, with the
same checks as the window.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from app.cli_base import EXIT_OK, CliError, _Parser, _print_json, _say, _session_command
from app.context import Context
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.services import jurisdiction
from app.sync import transfers


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("transfer", parents=[common], help="记录归属变更（申请、变更、不同意）")
    p.set_defaults(handler=None, usage_parser=p)
    t_sub = p.add_subparsers(dest="transfer_command", metavar="操作", parser_class=_Parser)
    q = t_sub.add_parser(
        "request", parents=[common], help="乡镇/派驻组：申请把记录移交给另一单位或接收到本单位"
    )
    _target(q)
    q.set_defaults(handler=_session_command(_request))
    q = t_sub.add_parser("make", parents=[common], help="县纪委监委：变更记录的归属单位")
    _target(q)
    q.set_defaults(handler=_session_command(_make))
    q = t_sub.add_parser("approve", parents=[common], help="县纪委监委：同意一份申请并变更归属")
    q.add_argument("request_id", metavar="REQUEST")
    q.add_argument("--reason", required=True)
    q.set_defaults(handler=_session_command(_approve))
    q = t_sub.add_parser("refuse", parents=[common], help="县纪委监委：不同意一份申请")
    q.add_argument("request_id", metavar="REQUEST")
    q.add_argument("--reason", required=True)
    q.set_defaults(handler=_session_command(_refuse))
    q = t_sub.add_parser("take-up", parents=[common], help="县纪委监委：提级办理一条线索或一件案件")
    q.add_argument("table", metavar="TABLE", choices=jurisdiction.MATTERS)
    q.add_argument("row_id", metavar="ID")
    q.add_argument("--reason", required=True)
    q.set_defaults(handler=_session_command(_take_up))
    q = t_sub.add_parser("assign", parents=[common], help="县纪委监委：指定管辖，交给一个单位承办")
    _target(q)
    q.set_defaults(handler=_session_command(_assign))
    q = t_sub.add_parser("list", parents=[common], help="本机的申请、变更和不同意记录")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=_session_command(_list))


def _target(q: argparse.ArgumentParser) -> None:
    q.add_argument("table", metavar="TABLE")
    q.add_argument("row_id", metavar="ID")
    q.add_argument("--to", required=True, metavar="CODE")
    q.add_argument("--reason", required=True)


TRANSFERRED = QT_TRANSLATE_NOOP("app", "已变更归属（{id}），随下一批数据包发给相关单位。")


def _done(text: str, op: Callable[[], str]) -> int:
    """Run ``op`` (an ``app.sync.transfers`` operation returning a record id) and say ``text``."""
    try:
        rid = op()
    except transfers.TransferError as exc:
        raise CliError(exc.message) from None
    _say(str(Message(text, {"id": rid})))
    return EXIT_OK


def _request(ctx: Context, args: argparse.Namespace) -> int:
    return _done(
        QT_TRANSLATE_NOOP("app", "已提出归属变更申请 {id}，随下一个数据包报县纪委监委。"),
        lambda: transfers.request_transfer(ctx, args.table, args.row_id, args.to, args.reason),
    )


def _make(ctx: Context, args: argparse.Namespace) -> int:
    return _done(TRANSFERRED, lambda: transfers.transfer(ctx, args.table, args.row_id, args.to, args.reason))


def _take_up(ctx: Context, args: argparse.Namespace) -> int:
    return _done(TRANSFERRED, lambda: jurisdiction.take_up(ctx, args.table, args.row_id, args.reason))


def _assign(ctx: Context, args: argparse.Namespace) -> int:
    return _done(TRANSFERRED, lambda: jurisdiction.assign(ctx, args.table, args.row_id, args.to, args.reason))


def _approve(ctx: Context, args: argparse.Namespace) -> int:
    return _done(TRANSFERRED, lambda: jurisdiction.approve(ctx, args.request_id, args.reason))


def _refuse(ctx: Context, args: argparse.Namespace) -> int:
    return _done(
        QT_TRANSLATE_NOOP("app", "已记录不同意（{id}）。"),
        lambda: transfers.refuse_request(ctx, args.request_id, args.reason),
    )


def _list(ctx: Context, args: argparse.Namespace) -> int:
    rows = transfers.transfer_rows(ctx)
    if args.json:
        _print_json([{**r.__dict__, "at": r.at.isoformat(timespec="seconds")} for r in rows])
        return EXIT_OK
    for r in rows:
        print(f"{r.id}  {r.kind}  {r.table}/{r.row_id}  {r.from_unit}->{r.to_unit}  {r.answer}  {r.reason}")
    return EXIT_OK
