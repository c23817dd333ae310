"""``python -m app audit …``: the audit log on the command line.

``audit list [--unit CODE] [--json]`` prints a unit's log in chain order (the county holds every
unit's, received in their bundles); ``audit verify [--unit CODE] [--json]`` walks every chain (or
one unit's) and its anchors. Both read through ``app.services.audit_log`` as the person logged in
(``VIEW_AUDIT``).
"""

from __future__ import annotations

import argparse
from datetime import UTC
from typing import Any

from app.cli_base import EXIT_OK, CliError, _Parser, _print_json, _say, _session_command
from app.context import Context
from app.security.roles import PermissionDenied
from app.services.audit_log import AuditLogService, AuditRow, NoSuchLog


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("audit", parents=[common], help="审计日志")
    audit_sub = p.add_subparsers(dest="audit_command", metavar="操作", parser_class=_Parser)
    q = audit_sub.add_parser("verify", parents=[common], help="校验审计日志的哈希链，报告第一处断开")
    q.add_argument("--unit", metavar="CODE", default="", help="只校验这个单位的审计日志")
    q.add_argument("--json", action="store_true", help='以 JSON 输出 {"ok", "entries", "broken"}')
    q.set_defaults(handler=_session_command(_verify))
    q = audit_sub.add_parser("list", parents=[common], help="按顺序列出审计日志（县纪委监委可看各单位的）")
    q.add_argument("--unit", metavar="CODE", default="", help="这个单位的审计日志（默认本单位）")
    q.add_argument("--json", action="store_true", help="以 JSON 输出，每条一个对象")
    q.set_defaults(handler=_session_command(_list))
    p.set_defaults(handler=None, usage_parser=p)


def _service(ctx: Context) -> AuditLogService:
    try:
        return AuditLogService(ctx.db, ctx.actor)
    except PermissionDenied as exc:
        raise CliError(exc.message) from None


def _verify(ctx: Context, args: argparse.Namespace) -> int:
    """Walk the hash chains: exit 0 when they hold, 1 naming the first broken entry or cut end."""
    try:
        result = _service(ctx).verify(unit=args.unit)
    except NoSuchLog as exc:
        raise CliError(exc.message) from None
    if args.json:
        _print_json(result.to_json())
    if not result.ok:
        raise CliError(result.cli_message)
    _say(str(result.cli_message))
    return EXIT_OK


def _json(row: AuditRow) -> dict[str, Any]:
    return {
        "unit": row.unit, "seq": row.seq, "at": row.at.replace(tzinfo=UTC).isoformat(), "actor": row.actor,
        "action": row.action, "action_label": row.action_label, "target_table": row.target_table,
        "target_id": row.target_id, "target_title": row.target_title, "target_label": row.target_label,
        "fields": list(row.fields), "field_labels": list(row.field_labels), "detail": row.detail,
        "description": str(row.description) if row.description is not None else "",
    }  # fmt: skip


def _line(row: AuditRow) -> str:
    at = row.at.replace(tzinfo=UTC).astimezone()
    target = f"{row.target_title} {row.target_label or row.target_id}".strip()
    parts = [f"{row.unit}#{row.seq}", f"{at:%Y-%m-%d %H:%M:%S}", row.actor, row.action_label, target]
    if row.fields:
        parts.append("、".join(row.field_labels))
    if row.description is not None or row.detail:
        parts.append(str(row.description) if row.description is not None else row.detail)
    return "  ".join(p for p in parts if p)


def _list(ctx: Context, args: argparse.Namespace) -> int:
    service = _service(ctx)
    unit = args.unit or ctx.installation().unit_code
    try:
        rows = service.chain(unit)
    except NoSuchLog as exc:
        raise CliError(exc.message) from None
    if args.json:
        _print_json([_json(r) for r in rows])
    else:
        for row in rows:
            print(_line(row))
    return EXIT_OK
