"""``python -m app policy …``: the county's policy on the command line.

``policy separation on|off`` turns separation of management duties (三员分立) on or off for every
installation of the county (the county's administrators only; a unit refuses); ``policy show``
says how it stands here (anyone logged in). Both go through ``app.services.policy`` as the person
logged in, with the same checks as every other caller.
"""

from __future__ import annotations

import argparse
from typing import Any

from app.cli_base import EXIT_OK, CliError, _Parser, _print_json, _say, _session_command
from app.context import Context
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.services import policy


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("policy", parents=[common], help="县级安全策略（三员分立）")
    p.set_defaults(handler=None, usage_parser=p)
    policy_sub = p.add_subparsers(dest="policy_command", metavar="ACTION", parser_class=_Parser)
    q = policy_sub.add_parser("separation", parents=[common], help="县纪委监委：开启或关闭三员分立")
    q.add_argument("state", metavar="on|off", choices=("on", "off"))
    q.set_defaults(handler=_session_command(_separation))
    q = policy_sub.add_parser("show", parents=[common], help="本机现行的安全策略")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=_session_command(_show))


def _state(on: bool) -> Message:
    if on:
        return Message(QT_TRANSLATE_NOOP("app", "三员分立：已开启。"))
    return Message(QT_TRANSLATE_NOOP("app", "三员分立：未开启。"))


def _separation(ctx: Context, args: argparse.Namespace) -> int:
    on = args.state == "on"
    try:
        policy.set_separation(ctx, on)
    except policy.PolicyError as exc:
        raise CliError(exc.message) from None
    _say(str(_state(on)))
    return EXIT_OK


def _show(ctx: Context, args: argparse.Namespace) -> int:
    on = policy.separation_on(ctx)
    if args.json:
        _print_json({"separation_of_duties": on})
    else:
        print(_state(on))
    return EXIT_OK
