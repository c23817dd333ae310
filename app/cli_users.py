"""``python -m app user …``: accounts on the command line, with the 用户管理 page's rules.

Every command goes through ``app.services.users`` as the person logged in, so the same checks
apply as in the window: only administrators manage accounts, the last administrator stays, one
does not deactivate or demote oneself, passwords follow the policy. New passwords are read from a
file (first line), never from the command line.
"""

from __future__ import annotations

import argparse
from typing import Any

from app.cli_base import EXIT_OK, CliError, _Parser, _print_json, _say, _session_command, read_first_line
from app.context import Context
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.security.roles import ROLES
from app.services import users


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("user", parents=[common], help="管理用户账号（单位管理员）")
    p.set_defaults(handler=None, usage_parser=p)
    user_sub = p.add_subparsers(dest="user_command", metavar="操作", parser_class=_Parser)
    roles = sorted(ROLES)
    q = user_sub.add_parser("add", parents=[common], help="新增一名用户")
    q.add_argument("name", metavar="NAME", help="用户名")
    q.add_argument("--role", required=True, choices=roles)
    q.add_argument("--full-name", required=True, metavar="TEXT")
    q.add_argument("--new-password-file", required=True, metavar="F", help="新用户的密码所在的文件（第一行）")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=_session_command(_add))
    q = user_sub.add_parser("list", parents=[common], help="列出用户")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=_session_command(_list))
    q = user_sub.add_parser("role", parents=[common], help="修改用户的角色")
    q.add_argument("name", metavar="NAME", help="用户名")
    q.add_argument("role", metavar="ROLE", choices=roles)
    q.add_argument("--new-password-file", metavar="F",
                   help="查看敏感信息的权限改变时须给出新密码（第一行）")  # fmt: skip
    q.set_defaults(handler=_session_command(_role))
    q = user_sub.add_parser("deactivate", parents=[common], help="停用用户")
    q.add_argument("name", metavar="NAME", help="用户名")
    q.set_defaults(handler=_session_command(_deactivate))
    q = user_sub.add_parser("reactivate", parents=[common], help="重新启用用户（须设新密码）")
    q.add_argument("name", metavar="NAME", help="用户名")
    q.add_argument("--new-password-file", required=True, metavar="F", help="新密码所在的文件（第一行）")
    q.set_defaults(handler=_session_command(_reactivate))
    q = user_sub.add_parser("reset", parents=[common], help="为用户设置新密码")
    q.add_argument("name", metavar="NAME", help="用户名")
    q.add_argument("--new-password-file", required=True, metavar="F", help="新密码所在的文件（第一行）")
    q.set_defaults(handler=_session_command(_reset))


def _new_password(path: str) -> str:
    return read_first_line(path)


def _json(info: users.UserInfo) -> dict[str, Any]:
    return {"username": info.username, "full_name": info.full_name, "role": info.role,
            "role_label": info.role_label, "active": info.active,
            "created_at": info.created_at.isoformat()}  # fmt: skip


def _done(info: users.UserInfo) -> int:
    state = QT_TRANSLATE_NOOP("app", "使用中") if info.active else QT_TRANSLATE_NOOP("app", "已停用")
    _say(str(Message(QT_TRANSLATE_NOOP("app", "用户 {user}：{role}，{state}。"),
                     {"user": info.username, "role": info.role_label, "state": state})))  # fmt: skip
    return EXIT_OK


def _refused(exc: users.UserError) -> CliError:
    return CliError("；".join(str(m) for m in exc.messages.values()))


def _add(ctx: Context, args: argparse.Namespace) -> int:
    password = _new_password(args.new_password_file)
    try:
        info = users.create_user(ctx, args.name, args.full_name, args.role, password)
    except users.UserError as exc:
        raise _refused(exc) from None
    if args.json:
        _print_json(_json(info))
    return _done(info)


def _list(ctx: Context, args: argparse.Namespace) -> int:
    rows = users.list_users(ctx)
    if args.json:
        _print_json([_json(u) for u in rows])
        return EXIT_OK
    for u in rows:
        print("\t".join((u.username, u.full_name, u.role, "1" if u.active else "0")))
    return EXIT_OK


def _role(ctx: Context, args: argparse.Namespace) -> int:
    password = _new_password(args.new_password_file) if args.new_password_file else None
    try:
        return _done(users.set_role(ctx, args.name, args.role, password))
    except users.UserError as exc:
        raise _refused(exc) from None


def _deactivate(ctx: Context, args: argparse.Namespace) -> int:
    try:
        return _done(users.deactivate(ctx, args.name))
    except users.UserError as exc:
        raise _refused(exc) from None


def _reactivate(ctx: Context, args: argparse.Namespace) -> int:
    try:
        return _done(users.reactivate(ctx, args.name, _new_password(args.new_password_file)))
    except users.UserError as exc:
        raise _refused(exc) from None


def _reset(ctx: Context, args: argparse.Namespace) -> int:
    try:
        return _done(users.reset_password(ctx, args.name, _new_password(args.new_password_file)))
    except users.UserError as exc:
        raise _refused(exc) from None
