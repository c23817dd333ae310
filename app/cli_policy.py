"""``python -m app policy …``: the county's policy on the command line.

``policy separation on|off`` turns separation of management duties (三员分立) on or off for every
installation of the county (the county's administrators only; a unit refuses); ``policy show``
says how it stands here (anyone logged in). ``policy forms`` shows the form each measure counts in
(四种形态对应), ``--set KIND/MEASURE=FORM`` (repeatable, one change) and ``--reset`` change it at the
county (``app.services.form_settings``). All go through ``app/`` as the person logged in, with the
same checks as every other caller.
"""

from __future__ import annotations

import argparse
from typing import Any

from app.cli_base import EXIT_OK, CliError, _Parser, _print_json, _say, _session_command
from app.context import Context
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.registers.sanctions import KIND_LABELS
from app.services import form_settings, policy


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("policy", parents=[common], help="县级安全策略（三员分立）")
    p.set_defaults(handler=None, usage_parser=p)
    policy_sub = p.add_subparsers(dest="policy_command", metavar="操作", parser_class=_Parser)
    q = policy_sub.add_parser("separation", parents=[common], help="县纪委监委：开启或关闭三员分立")
    q.add_argument("state", metavar="on|off", choices=("on", "off"))
    q.set_defaults(handler=_session_command(_separation))
    q = policy_sub.add_parser("show", parents=[common], help="本机现行的安全策略")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=_session_command(_show))
    q = policy_sub.add_parser(
        "forms", parents=[common], help="四种形态对应：各处理方式计入哪种形态（县纪委监委可修改）"
    )
    change = q.add_mutually_exclusive_group()
    change.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KIND/MEASURE=FORM",
        help="如 党纪处分/警告=2 或 criticism/通报批评=none；FORM 为 1-4 或 none（不计入），可多次给出",
    )
    change.add_argument("--reset", action="store_true", help="全部恢复为默认对应关系")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=_session_command(_forms))


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


BAD_SETTING = QT_TRANSLATE_NOOP(
    "app", "「{text}」的格式不对，应为 处理类别/处理方式=形态，如 党纪处分/警告=2。"
)
NONE_WORDS = ("none", "0", "不计入")


def _setting(text: str) -> tuple[tuple[str, str], str]:
    """``KIND/MEASURE=FORM``: the kind by code or label, FORM 1-4 or none."""
    key, eq, form = text.partition("=")
    kind, slash, measure = key.strip().partition("/")
    if not eq or not slash or not kind or not measure.strip():
        raise CliError(Message(BAD_SETTING, {"text": text}))
    kind = next((code for code, label in KIND_LABELS.items() if kind in (code, label)), kind)
    form = form.strip()
    return (kind, measure.strip()), "" if form.lower() in NONE_WORDS else form


def _forms(ctx: Context, args: argparse.Namespace) -> int:
    try:
        if args.reset:
            changed = form_settings.reset(ctx)
            _say(str(Message(QT_TRANSLATE_NOOP("app", "四种形态对应关系已恢复为默认。") if changed else
                             QT_TRANSLATE_NOOP("app", "四种形态对应关系本来就是默认，没有改动。"))))  # fmt: skip
        elif args.set:
            changes = dict(_setting(text) for text in args.set)
            changed = form_settings.set_forms(ctx, changes)
            _say(str(Message(QT_TRANSLATE_NOOP("app", "已修改四种形态对应关系。") if changed else
                             QT_TRANSLATE_NOOP("app", "四种形态对应关系没有变化。"))))  # fmt: skip
    except policy.PolicyError as exc:
        raise CliError(exc.message) from None
    entries = form_settings.current(ctx)
    if args.json:
        _print_json(
            [
                {
                    "kind": e.kind,
                    "kind_label": e.kind_label,
                    "measure": e.measure,
                    "form": e.form,
                    "default": e.default,
                    "changed": e.changed,
                }
                for e in entries
            ]
        )
        return EXIT_OK
    print("处理类别\t处理方式\t形态\t默认")
    for e in entries:
        mark = "（默认）" if not e.changed else f"已调整（默认：{e.default_label}）"
        print(f"{e.kind_label}\t{e.measure}\t{e.form_label}\t{mark}")
    return EXIT_OK
