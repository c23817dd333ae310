"""``python -m app record …``, ``clue from-report`` and ``conflicts settle``: the window's forms
and workflows on the command line, each one operation of ``app/`` with the window's rules.

Values are typed as in the form (``app.services.typed``); a refusal prints the form's messages
and changes nothing. A save the register warns about (a possible duplicate, a declared tie) is
refused with the warning unless ``--confirm`` says the person has read it.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime
from typing import Any

from app.cli_base import EXIT_OK, CliError, _Parser, _print_json, _say, _session_command
from app.context import Context
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.registers import REGISTERS
from app.registers.fields import Register
from app.services.intake import clue_from_report
from app.services.records import NeedsConfirmation, NotFoundError, RecordService, ValidationError
from app.services.transitions import TransitionRefused, Transitions
from app.services.typed import parse_assignments, typed_values

NO_REGISTER = QT_TRANSLATE_NOOP("app", "没有名为 {name} 的登记簿（info --json 的 records 列出全部）。")
NO_RECORD = QT_TRANSLATE_NOOP("app", "{title}中没有编号为 {id} 的记录。")


def add_parsers(sub: Any, common: Any, conflicts: Any) -> None:
    p = sub.add_parser("record", parents=[common], help="登记簿的记录：列出、查看、新增、修改、删除、办理")
    p.set_defaults(handler=None, usage_parser=p)
    rec = p.add_subparsers(dest="record_command", metavar="操作", parser_class=_Parser)
    q = rec.add_parser("list", parents=[common], help="列出登记簿的记录（当前账号可见的）")
    q.add_argument("register", metavar="REGISTER")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=_session_command(_list))
    q = rec.add_parser("show", parents=[common], help="一条记录的各字段")
    q.add_argument("register", metavar="REGISTER")
    q.add_argument("id", metavar="ID")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=_session_command(_show))
    for action, help_text in (("add", "新增一条记录"), ("edit", "修改一条记录")):
        q = rec.add_parser(action, parents=[common], help=help_text)
        q.add_argument("register", metavar="REGISTER")
        if action == "edit":
            q.add_argument("id", metavar="ID")
        _set_options(q)
        q.set_defaults(handler=_session_command(_save))
    q = rec.add_parser("delete", parents=[common], help="删除一条记录（可恢复）")
    q.add_argument("register", metavar="REGISTER")
    q.add_argument("id", metavar="ID")
    q.set_defaults(handler=_session_command(_delete))
    q = rec.add_parser("step", parents=[common], help="办理：把记录推进到下一环节")
    q.add_argument("register", metavar="REGISTER")
    q.add_argument("id", metavar="ID")
    q.add_argument("step", metavar="STEP", help="环节的名称或中文名，如 dispose 或 提出处置意见")
    q.add_argument("--reason", required=True, help="理由或依据")
    q.add_argument("--doc-no", default="", help="本环节形成的文书编号，如 〔2026〕3号")
    q.add_argument("--doc-on", default="", help="文书日期，如 2026-03-02")
    q.add_argument("--approved-by", default="", help="批准人或批准机关，如 镇党委")
    _set_options(q)
    q.set_defaults(handler=_session_command(_step))

    p = sub.add_parser("clue", parents=[common], help="问题线索的办理")
    p.set_defaults(handler=None, usage_parser=p)
    clue = p.add_subparsers(dest="clue_command", metavar="操作", parser_class=_Parser)
    q = clue.add_parser("from-report", parents=[common], help="把信访件转为问题线索（同时改变信访件的状态）")
    q.add_argument("id", metavar="ID", help="信访件的编号")
    _set_options(q)
    q.set_defaults(handler=_session_command(_from_report))

    settle = conflicts.add_subparsers(dest="conflicts_command", metavar="操作", parser_class=_Parser)
    q = settle.add_parser("settle", parents=[common], help="处理一个数据冲突：整条保留本机或对方的版本")
    q.add_argument("id", metavar="ID", type=int)
    q.add_argument("--keep", required=True, choices=("local", "remote"))
    q.set_defaults(handler=_session_command(_settle))


def _set_options(q: argparse.ArgumentParser) -> None:
    q.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                   help="字段（名称或中文名）=值，可多次给出；日期写成 2022-06-30，选项写中文")  # fmt: skip
    q.add_argument("--confirm", action="store_true", help="确认提示（如可能重复的线索）后仍然保存")
    q.add_argument("--json", action="store_true")


def _register(name: str) -> Register:
    reg = REGISTERS.get(name)
    if reg is None:
        for candidate in REGISTERS.values():
            if candidate.title == name:
                return candidate
        raise CliError(Message(NO_REGISTER, {"name": name}))
    return reg


def _refusal(exc: ValidationError | NeedsConfirmation | TransitionRefused) -> CliError:
    if isinstance(exc, ValidationError):
        return CliError("；".join(str(m) for m in exc.errors.values()))
    if isinstance(exc, NeedsConfirmation):
        return CliError(
            Message(
                QT_TRANSLATE_NOOP("app", "须确认后才能保存（加 --confirm）：{warnings}"),
                {"warnings": "；".join(str(w) for w in exc.warnings)},
            )  # fmt: skip
        )
    return CliError(exc.message)


def _jsonable(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _list(ctx: Context, args: argparse.Namespace) -> int:
    reg = _register(args.register)
    records = RecordService(ctx)
    ids = records.ids(reg)
    rows = records.rows(reg, ids)
    if args.json:
        _print_json([{"id": i, **rows.get(i, {})} for i in ids])
        return EXIT_OK
    columns = list(reg.columns)
    print("\t".join(["id", *columns]))
    for i in ids:
        print("\t".join([i, *(str(rows.get(i, {}).get(c, "")) for c in columns)]))
    return EXIT_OK


def _show(ctx: Context, args: argparse.Namespace) -> int:
    reg = _register(args.register)
    try:
        values = RecordService(ctx).get(reg, args.id)
    except NotFoundError:
        raise CliError(Message(NO_RECORD, {"title": reg.title, "id": args.id})) from None
    doc = {"id": args.id, "deleted": bool(values.pop("__deleted__", False)),
           "fields": {k: _jsonable(v) for k, v in values.items()}}  # fmt: skip
    if args.json:
        _print_json(doc)
    else:
        for f in reg.fields:
            print(f"{f.label}\t{'' if values.get(f.name) is None else values.get(f.name)}")
    return EXIT_OK


def _saved(ctx: Context, reg: Register, row_id: str, args: argparse.Namespace, done: str) -> int:
    if args.json:
        _print_json({"id": row_id})
    else:
        print(row_id)
    _say(str(Message(done, {"title": reg.title, "id": row_id})))
    return EXIT_OK


def _save(ctx: Context, args: argparse.Namespace) -> int:
    reg = _register(args.register)
    records = RecordService(ctx)
    row_id = getattr(args, "id", None)
    try:
        raw = typed_values(records, reg, parse_assignments(args.set))
        saved = records.save(reg, raw, row_id, confirmed=args.confirm)
    except (ValidationError, NeedsConfirmation) as exc:
        raise _refusal(exc) from None
    except NotFoundError:
        raise CliError(Message(NO_RECORD, {"title": reg.title, "id": str(row_id)})) from None
    done = QT_TRANSLATE_NOOP("app", "已保存{title}记录 {id}。")
    return _saved(ctx, reg, saved, args, done)


def _delete(ctx: Context, args: argparse.Namespace) -> int:
    reg = _register(args.register)
    try:
        RecordService(ctx).delete(reg, args.id)
    except ValidationError as exc:
        raise _refusal(exc) from None
    except NotFoundError:
        raise CliError(Message(NO_RECORD, {"title": reg.title, "id": args.id})) from None
    _say(
        str(
            Message(QT_TRANSLATE_NOOP("app", "已删除{title}记录 {id}。"), {"title": reg.title, "id": args.id})
        )
    )
    return EXIT_OK


def _step(ctx: Context, args: argparse.Namespace) -> int:
    reg = _register(args.register)
    if reg.lifecycle is None:
        raise CliError(Message(QT_TRANSLATE_NOOP("app", "{title}没有办理环节。"), {"title": reg.title}))
    step = next((s.name for s in reg.lifecycle.steps if args.step in (s.name, s.label)), args.step)
    records = RecordService(ctx)
    try:
        values = typed_values(records, reg, parse_assignments(args.set))
        values.update({k: v for k, v in (("doc_no", args.doc_no), ("doc_on", args.doc_on),
                                         ("approved_by", args.approved_by)) if v})  # fmt: skip
        state = Transitions(records).apply(reg, args.id, step, values, args.reason, confirmed=args.confirm)
    except (ValidationError, NeedsConfirmation, TransitionRefused) as exc:
        raise _refusal(exc) from None
    except NotFoundError:
        raise CliError(Message(NO_RECORD, {"title": reg.title, "id": args.id})) from None
    if args.json:
        _print_json({"id": args.id, "state": state})
    _say(str(Message(QT_TRANSLATE_NOOP("app", "已办理：{title}记录 {id} 现为「{state}」。"),
                     {"title": reg.title, "id": args.id, "state": reg.lifecycle.state_label(state)})))  # fmt: skip
    return EXIT_OK


def _from_report(ctx: Context, args: argparse.Namespace) -> int:
    records = RecordService(ctx)
    clues = REGISTERS["clues"]
    try:
        values = typed_values(records, clues, parse_assignments(args.set))
        clue_id = clue_from_report(records, args.id, values, confirmed=args.confirm)
    except (ValidationError, NeedsConfirmation, TransitionRefused) as exc:
        raise _refusal(exc) from None
    except NotFoundError:
        raise CliError(Message(NO_RECORD, {"title": REGISTERS["reports"].title, "id": args.id})) from None
    return _saved(ctx, clues, clue_id, args, QT_TRANSLATE_NOOP("app", "已转为{title}记录 {id}。"))


def _settle(ctx: Context, args: argparse.Namespace) -> int:
    from app.sync.conflicts import conflict_fields, get_conflict, settle
    from app.sync.exchange import SyncError

    try:
        conflict = get_conflict(ctx, args.id)
        settle(ctx, args.id, {name: args.keep for name, _l, _r in conflict_fields(conflict)})
    except SyncError as exc:
        raise CliError(exc.message) from None
    _say(str(Message(QT_TRANSLATE_NOOP("app", "数据冲突 {id} 已处理：保留{side}的版本。"),
                     {"id": str(args.id), "side": QT_TRANSLATE_NOOP("app", "本机") if args.keep == "local"
                      else QT_TRANSLATE_NOOP("app", "对方")})))  # fmt: skip
    return EXIT_OK
