"""``python -m app setup status [--json]``: the set-up steps of this installation and whether the
data shows each done, with the same texts as the 工作台's checklist (``app.services.first_run``)."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli_base import EXIT_OK, _print_json, _session_command
from app.context import Context
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.services import first_run

ALL_DONE = QT_TRANSLATE_NOOP("app", "首次使用的设置都已完成。")
LEFT = QT_TRANSLATE_NOOP("app", "还有 {n} 项没有完成。")


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("setup", parents=[common], help="首次使用：本机还需完成的设置")
    ssub = p.add_subparsers(dest="setup_command", metavar="{status}")
    q = ssub.add_parser("status", parents=[common], help="列出首次使用的设置步骤及是否完成")
    q.add_argument("--json", action="store_true", help="以 JSON 输出")
    q.set_defaults(handler=_session_command(_status))
    p.set_defaults(handler=None, usage_parser=p)


def _status(ctx: Context, args: argparse.Namespace) -> int:
    steps = first_run.steps(ctx.db, ctx.user)
    if args.json:
        _print_json(
            {
                "done": first_run.all_done(steps),
                "steps": [
                    {
                        "key": s.key,
                        "title": str(Message(s.title)),
                        "hint": str(Message(s.hint)),
                        "done": s.done,
                    }
                    for s in steps
                ],
            }
        )
        return EXIT_OK
    for s in steps:
        print(f"[{'x' if s.done else ' '}] {Message(s.title)}：{Message(s.hint)}")
    left = sum(1 for s in steps if not s.done)
    print(Message(LEFT, {"n": str(left)}) if left else Message(ALL_DONE))
    return EXIT_OK
