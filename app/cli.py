"""The command line: ``python -m app [global options] COMMAND ...`` (see docs/cli.md).

Exit status: 0 done, 1 refused or failed (a one-line reason on stderr, nothing changed),
2 usage. ``--json`` output is one JSON document on stdout; human messages go to stderr.
This module must not import Qt.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from app import VERSION_LINE, os_errors
from app.cli_base import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    NOT_INITIALISED,
    PASSPHRASE_FILE,
    CliError,
    UsageError,
    _global_options,
    _info,
    _locate,
    _one_line,
    _Parser,
    _print_json,
    _read_password,
    _read_reason,
    _say,
    _session_command,
    read_first_line,
    require_folder,
)
from app.context import Context
from app.db.base import SyncMixin, field_columns
from app.db.changelog import jsonable
from app.db.database import Database, InstallationInfo
from app.db.engine import busy_message, is_busy
from app.db.migrate import current_revision, head_revision
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.os_errors import database_failure, failure_message
from app.registers import REGISTERS
from app.registers import get as get_register
from app.registers.org import UNIT_TYPE_CHOICES, active_staff_count, vacancies
from app.security.keyslots import KeyFile
from app.security.roles import EXCHANGE, PRINT, UNITS, PermissionDenied
from app.services import login as login_service

UNIT_TYPE_LABELS = dict(UNIT_TYPE_CHOICES)
NOT_ENTERED = QT_TRANSLATE_NOOP("app", "未填")


def _or_not_entered(value: int | None) -> str:
    return str(Message(NOT_ENTERED)) if value is None else str(value)


COUNTY_ONLY = QT_TRANSLATE_NOOP("app", "只有县纪委监委的安装才能管理单位（本机是{unit_type}）。")


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"不是整数：{text}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"不能为负数：{text}")
    return value


def _year(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"不是年份：{text}") from None
    if not 1949 <= value <= 2100:
        raise argparse.ArgumentTypeError(f"年份须在 1949 到 2100 之间：{text}")
    return value


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD，如 2022-09-30：{text}") from None


def _demo_day(text: str) -> date:
    """``--today`` of the demo commands: a day (YYYY-MM-DD) the demo may be dated from."""
    from app.demo.batch import demo_today_problem

    value = _day(text)
    problem = demo_today_problem(value)
    if problem is not None:
        raise argparse.ArgumentTypeError(str(problem))
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="jiwei-cli" if getattr(sys, "frozen", False) else "python -m app",  # frozen: packaging/
        description="基层纪检监察工作台（Jiwei Desk）命令行。",
    )
    parser.add_argument("--version", action="version", version=VERSION_LINE)
    _global_options(parser, suppress=False)
    common = _Parser(add_help=False)
    _global_options(common, suppress=True)
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)

    p = sub.add_parser("init", parents=[common], help="创建本机安装及其管理员")
    p.add_argument("--type", choices=("county", "township", "group"), dest="unit_type")
    p.add_argument("--code", help="本单位代码")
    p.add_argument("--name", help="本单位名称")
    p.add_argument("--enrollment", metavar="FILE", help="乡镇或派驻组：用县里的登记包创建本机安装")
    p.add_argument("--passphrase-file", metavar="F", help="登记包口令所在的文件（第一行）")
    p.add_argument("--county-code", help="县代码（县纪委监委可省略）")
    p.add_argument("--county-name", help="县名称（县纪委监委可省略）")
    p.add_argument("--admin", required=True, help="管理员用户名")
    p.add_argument("--admin-name", metavar="NAME", help="管理员本人姓名：同时登记为本单位人员")
    p.add_argument("--admin-post", metavar="POST", help="管理员本人岗位：书记、副书记、委员、监察员、组长、副组长、组员、主任或工作人员")
    p.add_argument("--json", action="store_true", help="以 JSON 输出安装信息")
    p.add_argument("--recovery-pdf", metavar="FILE", help="同时把恢复密钥写成可打印的 PDF")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("info", parents=[common], help="本机安装的单位、数据库版本和记录数")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_info)

    p = sub.add_parser("dump", parents=[common], help="每条同步记录一行 JSON")
    p.set_defaults(handler=cmd_dump)

    p = sub.add_parser("demo", parents=[common], help="按本机单位类型添加一批示范数据")
    p.add_argument("--seed", type=_non_negative, default=1, help="种子（默认 1）")
    p.add_argument("--today", type=_demo_day, metavar="YYYY-MM-DD", help="近期待办按哪一天编排（默认今天）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("demo-county", parents=[common], help="建立一个完整的示范县：每个单位一个数据目录")
    p.add_argument("--out", required=True, metavar="DIR", help="放各单位数据目录的空目录")
    p.add_argument("--seed", type=_non_negative, default=1, help="种子（默认 1）")
    p.add_argument("--today", type=_demo_day, metavar="YYYY-MM-DD", help="近期待办按哪一天编排（默认今天）")
    p.set_defaults(handler=cmd_demo_county)

    p = sub.add_parser("stats", parents=[common], help="统计数字（四种形态、线索、协审等），县级为汇总数")
    p.add_argument("--year", type=_year, help="年度（省略为全部年度）")
    p.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), help="季度（须同时给出 --year）")
    p.add_argument(
        "--from", dest="start", type=_day, help="起始日期 YYYY-MM-DD（按日期范围统计，不与 --year 同用）"
    )
    p.add_argument("--to", dest="end", type=_day, help="截止日期 YYYY-MM-DD（含当日）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(handler=cmd_stats)

    p = sub.add_parser("enroll", parents=[common], help="县纪委监委：为单位制作数据交换登记包")
    p.add_argument("code", metavar="CODE")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--passphrase-file", required=True, metavar="F", help="登记包口令所在的文件（第一行）")
    p.set_defaults(handler=cmd_enroll)

    p = sub.add_parser("revoke", parents=[common], help="县纪委监委：吊销单位的数据交换密钥")
    p.add_argument("code", metavar="CODE")
    p.set_defaults(handler=cmd_revoke)

    p = sub.add_parser("export", parents=[common], help="写出下一个数据包")
    p.add_argument("--to", metavar="CODE", help="县纪委监委：收件单位")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("import", parents=[common], help="校验并合并数据包")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("conflicts", parents=[common], help="待处理的数据冲突")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_conflicts)
    conflicts_parser = p

    p = sub.add_parser("unit", parents=[common], help="县纪委监委：登记和列出单位")
    unit_sub = p.add_subparsers(dest="unit_command", metavar="操作", parser_class=_Parser)
    q = unit_sub.add_parser("add", parents=[common], help="登记一个单位")
    q.add_argument("--type", required=True, choices=("township", "group", "office"), dest="unit_type")
    q.add_argument("--code", required=True)
    q.add_argument("--name", required=True, help="单位名称")
    q.add_argument("--posts", type=_non_negative, help="核定编制（不填则为“未填”）")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_unit_add)
    q = unit_sub.add_parser("list", parents=[common], help="列出单位")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_unit_list)
    p.set_defaults(handler=None, usage_parser=p)

    p = sub.add_parser("print", parents=[common], help="把表格写成可打印的 PDF")
    print_sub = p.add_subparsers(dest="print_command", metavar="FORM", parser_class=_Parser)
    q = print_sub.add_parser(
        "visit-forms", parents=[common], help="一个季度的驻村（驻在）监督工作记录表，每次驻村一页"
    )
    q.add_argument("--quarter", required=True, metavar="YYYYQn", help="季度，如 2026年第四季度 或 2026Q4")
    q.add_argument("--out", required=True, metavar="FILE.pdf", help="写入的 PDF 文件")
    q.add_argument("--blank", action="store_true", help="空白记录表：只印单位、村（社区）、日期、人员和编码")
    q.set_defaults(handler=cmd_print_visit_forms)
    p.set_defaults(handler=None, usage_parser=p)

    from app import (  # their handlers use this module's helpers
        cli_integrity,
        cli_people,
        cli_policy,
        cli_transfers,
        cli_users,
    )

    cli_users.add_parser(sub, common)
    cli_policy.add_parser(sub, common)
    cli_transfers.add_parser(sub, common)
    cli_people.add_parser(sub, common)
    cli_integrity.add_parser(sub, common)
    from app import cli_records

    cli_records.add_parsers(sub, common, conflicts_parser)

    from app import cli_audit, cli_coverage, cli_deadline, cli_duties, cli_setup

    cli_audit.add_parser(sub, common)
    cli_deadline.add_parser(sub, common)
    cli_duties.add_parser(sub, common)
    cli_coverage.add_parser(sub, common)
    cli_setup.add_parser(sub, common)
    from app import cli_report, cli_xlsx

    cli_xlsx.add_parser(sub, common)
    cli_report.add_parser(sub, common)

    p = sub.add_parser("backup", parents=[common], help="制作加密备份文件")
    p.add_argument("--out", required=True, metavar="FILE_OR_DIR", help="备份文件，或放备份文件的文件夹")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", parents=[common], help="从备份文件恢复到数据目录")
    p.add_argument("file", metavar="FILE", help="备份文件（.jwbak）")
    p.add_argument("--replace", action="store_true", help="数据目录里已有数据时替换它（原文件移到一旁保留）")
    p.add_argument("--recovery-key-file", metavar="F", help="用恢复密钥（文件内容）代替管理员密码")
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("recover", parents=[common], help="忘记全部密码时：用恢复密钥为账号设置新密码")
    p.add_argument("--recovery-key-file", required=True, metavar="F", help="恢复密钥所在的文件")
    p.set_defaults(handler=cmd_recover)

    p = sub.add_parser("recovery-key", parents=[common], help="管理员：生成新的恢复密钥（旧密钥随即失效）")
    p.add_argument("--pdf", metavar="FILE", help="同时把新的恢复密钥写成可打印的 PDF")
    p.set_defaults(handler=cmd_recovery_key)
    return parser


# ---- init ---------------------------------------------------------------------------------------------
def _post_code(text: str) -> str:
    """A post as typed (书记, or its code ``secretary``) as its code; anything else as typed, for
    the set-up's own check to refuse with its message."""
    from app.registers.org import POST_CHOICES

    by_label = {label: code for code, label in POST_CHOICES}
    return by_label.get(text.strip(), text.strip())


def cmd_init(args: argparse.Namespace) -> int:
    """Create the installation and its administrator."""
    from app.services.installation import SetupError, SetupRequest

    if args.enrollment:
        return _init_from_enrollment(args)
    missing_basic = [
        o for o, v in (("--type", args.unit_type), ("--code", args.code), ("--name", args.name)) if not v
    ]
    if missing_basic:
        raise UsageError(f"需要 {' 和 '.join(missing_basic)}（或用 --enrollment 从登记包创建）")
    if args.unit_type == "county":
        county_code = args.county_code or args.code
        county_name = args.county_name or args.name
    else:
        missing = [
            o for o, v in (("--county-code", args.county_code), ("--county-name", args.county_name)) if not v
        ]
        if missing:
            raise UsageError(f"--type {args.unit_type} 需要 {' 和 '.join(missing)}")
        county_code, county_name = args.county_code, args.county_name
    _check_pdf_target(args.recovery_pdf)
    password = _read_password(args, confirm=True)
    req = SetupRequest(
        unit_type=args.unit_type,
        unit_code=args.code,
        unit_name=args.name,
        county_code=county_code,
        county_name=county_name,
        admin_username=args.admin,
        admin_password=password,
        admin_name=args.admin_name or "",
        admin_post=_post_code(args.admin_post or ""),
        prefill=True,  # 办理期限设置 and 检查事项设置 from the rules (app.services.first_run)
    )
    data_dir, url = _locate(args)
    try:
        opened = login_service.create(data_dir, url, req)
    except SetupError as exc:
        raise CliError("；".join(str(m) for m in exc.messages.values())) from None
    db = opened.db
    info = _info(db)
    try:
        if args.json:
            _print_json({**_installation_json(info), "recovery_key": opened.recovery_key})
        _say(
            str(
                Message(
                    QT_TRANSLATE_NOOP(
                        "app", "已初始化：{unit}（{code}，{type}），管理员 {admin}。数据库：{db}"
                    ),
                    {
                        "unit": info.unit_name,
                        "code": info.unit_code,
                        "type": UNIT_TYPE_LABELS.get(info.unit_type, info.unit_type),
                        "admin": info.admin_username,
                        "db": db.describe(),
                    },
                )
            )
        )
        _say(
            str(
                Message(
                    QT_TRANSLATE_NOOP(
                        "app",
                        "恢复密钥（忘记全部密码时用它打开数据，请抄写或打印后妥善保管，只显示这一次）：{key}",
                    ),
                    {"key": opened.recovery_key or ""},
                )
            )
        )
        if args.recovery_pdf:
            _write_recovery_pdf(Path(args.recovery_pdf), info, opened.recovery_key or "")
            from app.services.first_run import record_recovery_sheet

            record_recovery_sheet(db, info.admin_username, printed=False)
    finally:
        db.close()
    return EXIT_OK


def _installation_json(info: InstallationInfo) -> dict[str, Any]:
    return {
        "unit": {
            "code": info.unit_code,
            "name": info.unit_name,
            "type": info.unit_type,
            "type_label": UNIT_TYPE_LABELS.get(info.unit_type, info.unit_type),
        },
        "county": {"code": info.county_code, "name": info.county_name},
        "admin": info.admin_username,
    }


# ---- info -------------------------------------------------------------------------------------------
def _info_cmd(ctx: Context, args: argparse.Namespace) -> int:
    """What this installation is: unit, county, schema version, live records per register."""
    from app.services.records import RecordService

    db = ctx.db
    info = _info(db)
    records = RecordService(ctx)
    # The county's own work (留置, 审理) is not even counted at a unit.
    counts = {name: records.count(reg) for name, reg in REGISTERS.items() if records.shown(reg)}
    revision = current_revision(db.engine)
    doc = _installation_json(info)
    doc.update(
        {
            "schema_version": revision,
            "schema_head": head_revision(),
            "database": db.describe(),
            "data_dir": str(db.data_dir) if db.data_dir else None,
            "records": counts,
        }
    )
    if args.json:
        _print_json(doc)
        return EXIT_OK
    type_label = UNIT_TYPE_LABELS.get(info.unit_type, info.unit_type)
    lines = [
        f"单位：{info.unit_name}（{info.unit_code}，{type_label}）",
        f"所属县：{info.county_name}（{info.county_code}）",
        f"管理员：{info.admin_username}",
        f"数据库：{db.describe()}",
        f"数据库版本：{revision}",
        "记录数：",
    ]
    lines += [f"  {REGISTERS[name].title}\t{n}" for name, n in counts.items()]
    print("\n".join(lines))
    return EXIT_OK


cmd_info = _session_command(_info_cmd)


# ---- dump --------------------------------------------------------------------------------------------
def synced_models() -> list[type[SyncMixin]]:
    """Every synchronised model, by table name (a register added later is dumped with no code here)."""
    from app.sync.merge import synced_models as by_table

    return [model for _table, model in sorted(by_table().items())]


def dump_records(ctx: Context) -> Iterator[dict[str, Any]]:
    """Every synchronised record (tombstones too), sorted by table then id; sensitive fields as
    stored (sealed tokens: the dump never opens them)."""
    for model in synced_models():
        table = model.__table__  # type: ignore[attr-defined]
        fields = [c.key for c in field_columns(table)]
        with ctx.session() as s:
            rows = [r._mapping for r in s.execute(select(table))]
        for row in sorted(rows, key=lambda r: str(r["id"])):
            yield {
                "table": table.name,
                "id": row["id"],
                "owner": row["owner"],
                "version": {"origin": row["version_origin"], "counter": row["version_counter"]},
                "deleted": bool(row["deleted"]),
                "fields": {name: jsonable(row[name]) for name in sorted(fields)},
            }


def _dump_cmd(ctx: Context, args: argparse.Namespace) -> int:
    """Every synchronised record, one JSON object per line."""
    out = sys.stdout
    for record in dump_records(ctx):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.flush()
    return EXIT_OK


cmd_dump = _session_command(_dump_cmd)


# ---- demo --------------------------------------------------------------------------------------------
def _demo_cmd(ctx: Context, args: argparse.Namespace) -> int:
    """Add one deterministic batch of demo data."""
    from app.demo.batch import add_demo_batch
    from app.services.records import ValidationError

    try:
        counts = add_demo_batch(ctx, args.seed, today=args.today)
    except ValidationError as exc:
        raise CliError(
            Message(QT_TRANSLATE_NOOP("app", "示范数据与已有数据冲突：{reason}"), {"reason": str(exc)})
        ) from None
    added = sum(n for k, n in counts.items() if k.endswith(".added"))
    edited = sum(n for k, n in counts.items() if k.endswith(".edited"))
    deleted = sum(n for k, n in counts.items() if k.endswith(".deleted"))
    if args.json:
        _print_json(
            {
                "seed": args.seed,
                "applied": bool(counts),
                "counts": counts,
                "totals": {"added": added, "edited": edited, "deleted": deleted},
            }
        )
    if counts:
        _say(
            str(
                Message(
                    QT_TRANSLATE_NOOP(
                        "app",
                        "已添加示范数据（种子 {seed}）：新增 {added} 条，修改 {edited} 条，删除 {deleted} 条。",
                    ),
                    {
                        "seed": str(args.seed),
                        "added": str(added),
                        "edited": str(edited),
                        "deleted": str(deleted),
                    },
                )
            )
        )
    else:
        _say(
            str(
                Message(
                    QT_TRANSLATE_NOOP("app", "种子 {seed} 的示范数据已经添加过，没有新的变化。"),
                    {"seed": str(args.seed)},
                )
            )
        )
    return EXIT_OK


cmd_demo = _session_command(_demo_cmd)


# ---- sync ---------------------------------------------------------------------------------------------
def _read_passphrase(path: str | None) -> str:
    if not path:
        raise UsageError("需要 --passphrase-file")
    return read_first_line(path, PASSPHRASE_FILE)


def _init_from_enrollment(args: argparse.Namespace) -> int:
    from app.sync.exchange import SyncError, init_from_enrolment

    if not args.admin:
        raise UsageError("需要 --admin")
    passphrase = _read_passphrase(args.passphrase_file)
    password = _read_password(args, confirm=True)
    data_dir, url = _locate(args)
    try:
        opened = init_from_enrolment(data_dir, url, Path(args.enrollment), passphrase, args.admin, password)
    except SyncError as exc:
        raise CliError(exc.message) from None
    try:
        info = _info(opened.db)
        if args.json:
            _print_json({**_installation_json(info), "recovery_key": opened.recovery_key})
        _say(
            str(
                Message(
                    QT_TRANSLATE_NOOP(
                        "app",
                        "已按登记包初始化：{unit}（{code}），管理员 {admin}。恢复密钥（只显示这一次）：{key}",
                    ),
                    {
                        "unit": info.unit_name,
                        "code": info.unit_code,
                        "admin": args.admin,
                        "key": opened.recovery_key or "",
                    },
                )  # fmt: skip
            )
        )
    finally:
        opened.db.close()
    return EXIT_OK


def _enroll_cmd(ctx: Context, args: argparse.Namespace) -> int:
    from app.sync.enrolment import EnrolmentError
    from app.sync.exchange import SyncError, enroll

    ctx.require(UNITS)
    passphrase = _read_passphrase(args.passphrase_file)
    if ctx.actor.sensitive_key is None:
        # The package carries the county's sensitive-field key; without it the unit would seal
        # its reporters under a key of its own and the county could never read them.
        raise CliError(
            Message(
                QT_TRANSLATE_NOOP(
                    "app", "登记单位须由能查看敏感信息的账号操作：登记包要带上全县共用的敏感信息密钥。"
                )
            )
        )
    try:
        path = enroll(ctx, args.code, Path(args.out).expanduser(), passphrase)
    except SyncError as exc:
        raise CliError(exc.message) from None
    except EnrolmentError as exc:  # the package could not be written there: say why too
        cause = exc.__cause__
        raise CliError(
            f"{exc.message} {os_errors.describe(cause)}" if isinstance(cause, OSError) else exc.message
        ) from None
    print(path)
    _say(str(Message(QT_TRANSLATE_NOOP("app", "已为 {code} 制作登记包：{path}。口令请另行交给该单位。"),
                     {"code": args.code, "path": str(path)})))  # fmt: skip
    return EXIT_OK


def _revoke_cmd(ctx: Context, args: argparse.Namespace) -> int:
    from app.sync.exchange import SyncError, revoke

    try:
        revoke(ctx, args.code)
    except SyncError as exc:
        raise CliError(exc.message) from None
    _say(
        str(
            Message(
                QT_TRANSLATE_NOOP("app", "已吊销 {code} 的数据交换密钥；其数据包从此不再接收。"),
                {"code": args.code},
            )
        )
    )
    return EXIT_OK


def _export_cmd(ctx: Context, args: argparse.Namespace) -> int:
    from app.sync.exchange import SyncError, export_bundle

    ctx.require(EXCHANGE)
    out = Path(args.out).expanduser()
    require_folder(out, must_exist=False)
    if not out.is_dir():
        raise CliError(Message(QT_TRANSLATE_NOOP("app", "导出目录不存在：{path}"), {"path": str(out)}))
    try:
        result = export_bundle(ctx, out, args.to)
    except SyncError as exc:
        raise CliError(exc.message) from None
    if args.json:
        _print_json({"path": str(result.path), "sequence": result.sequence, "records": result.records,
                     "counts": result.counts})  # fmt: skip
    else:
        print(result.path)
    _say(str(Message(QT_TRANSLATE_NOOP("app", "已写出数据包 {name}（第 {n} 号，{records} 条记录），已读回校验。"),
                     {"name": result.path.name, "n": str(result.sequence), "records": str(result.records)})))  # fmt: skip
    return EXIT_OK


def _import_cmd(ctx: Context, args: argparse.Namespace) -> int:
    from app.sync.exchange import import_bundles

    results = import_bundles(ctx, [Path(f).expanduser() for f in args.files])
    docs = []
    for r in results:
        summary = r.summary.as_dict() if r.summary else None
        docs.append({"file": str(r.path), "status": r.status, "sender": r.sender, "sequence": r.sequence,
                     "summary": summary, "message": str(r.message) if r.message else ""})  # fmt: skip
        if r.status == "imported" and summary:
            _say(str(Message(
                QT_TRANSLATE_NOOP("app", "{file}：来自 {sender}，新增 {new}，更新 {updated}，删除 {deleted}，冲突 {conflicts}，跳过 {skipped}。"),
                {"file": r.path.name, "sender": r.sender, **{k: str(v) for k, v in summary.items()}},
            )))  # fmt: skip
        else:
            _say(f"{r.path.name}：{r.message}")
    if args.json:
        _print_json({"bundles": docs})
    return EXIT_FAILED if any(r.status == "refused" for r in results) else EXIT_OK


def _conflicts_cmd(ctx: Context, args: argparse.Namespace) -> int:
    from app.sync.exchange import open_conflicts

    rows = open_conflicts(ctx)
    if args.json:
        _print_json([{"id": c.id, "table": c.table_name, "row_id": c.row_id, "peer": c.peer, "winner": c.winner,
                      "local": c.local, "remote": c.remote} for c in rows])  # fmt: skip
    else:
        from app.services.audit_log import table_title

        winners = {"local": "本机", "remote": "对方"}  # whose version stands until settled
        for c in rows:
            print(
                f"{c.id}\t{table_title(c.table_name)}\t{c.row_id}\t{c.peer}\t{winners.get(c.winner, c.winner)}"
            )
        _say(str(Message(QT_TRANSLATE_NOOP("app", "待处理的数据冲突：{n} 个。"), {"n": str(len(rows))})))
    return EXIT_OK


cmd_enroll = _session_command(_enroll_cmd)
cmd_revoke = _session_command(_revoke_cmd)
cmd_export = _session_command(_export_cmd)
cmd_import = _session_command(_import_cmd)
cmd_conflicts = _session_command(_conflicts_cmd)


# ---- demo-county --------------------------------------------------------------------------------------
def cmd_demo_county(args: argparse.Namespace) -> int:
    """Build a whole demo county, one data folder per unit plus the county's; print
    ``CODE<TAB>TYPE<TAB>PATH`` per folder."""
    from app.demo.county import DemoCountyError, build_demo_county

    out = Path(args.out).expanduser()
    password = _read_password(args, confirm=True)
    try:
        folders = build_demo_county(out, password, seed=args.seed, today=args.today)
    except DemoCountyError as exc:
        raise CliError(exc.message) from None
    for folder in folders:
        print(f"{folder.code}\t{folder.unit_type}\t{folder.path}")
    return EXIT_OK


# ---- stats --------------------------------------------------------------------------------------------
def _stats_cmd(ctx: Context, args: argparse.Namespace) -> int:
    """The figures leaders ask for, for a year, a quarter or a range of days (all years when no
    period is given)."""
    from app.services.statistics import RANGE_WITH_YEAR, figures, range_problem, render_text

    if args.quarter and not args.year:
        raise UsageError("--quarter 须同时给出 --year")
    if (args.start or args.end) and args.year:
        raise UsageError(RANGE_WITH_YEAR)
    problem = range_problem(args.start, args.end)
    if problem is not None:
        raise UsageError(problem)
    result = figures(ctx.db, year=args.year, quarter=args.quarter, start=args.start, end=args.end)
    if args.json:
        _print_json(result)
    else:
        for line in render_text(result):
            _say(line)
    return EXIT_OK


cmd_stats = _session_command(_stats_cmd)


# ---- unit add / list ----------------------------------------------------------------------------------
def _require_county(db: Database) -> None:
    info = _info(db)
    if info.unit_type != "county":
        raise CliError(
            Message(COUNTY_ONLY, {"unit_type": UNIT_TYPE_LABELS.get(info.unit_type, info.unit_type)})
        )


def _unit_rows(ctx: Context, ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
    from app.models.org import Unit, Zone

    zone_name = select(Zone.name).where(Zone.id == Unit.zone_id).correlate(Unit).scalar_subquery()
    stmt = select(
        Unit, active_staff_count().label("staffed"), vacancies().label("vacancies"), zone_name.label("zone")
    ).where(Unit.deleted.is_(False))
    if ids is not None:
        stmt = stmt.where(Unit.id.in_(list(ids)))
    with ctx.session() as s:
        rows = s.execute(stmt.order_by(Unit.code, Unit.id)).all()
        return [
            {
                "id": row[0].id,
                "code": row[0].code,
                "name": row[0].name,
                "type": row[0].unit_type,
                "type_label": UNIT_TYPE_LABELS.get(row[0].unit_type, row[0].unit_type),
                "authorised_posts": row[0].authorised_posts,
                "staffed": int(row.staffed or 0),
                "vacancies": None if row.vacancies is None else int(row.vacancies),
                "zone": row.zone,
            }
            for row in rows
        ]


def _unit_add_cmd(ctx: Context, args: argparse.Namespace) -> int:
    """Register a unit (county only), with the register's own validation."""
    from app.services.records import RecordService, ValidationError

    _require_county(ctx.db)
    # Posts are stored only when given: a figure nobody entered is never shown (未填).
    posts = args.posts
    values = {"code": args.code, "name": args.name, "unit_type": args.unit_type, "authorised_posts": posts}
    try:
        row_id = RecordService(ctx).save(get_register("units"), values)
    except ValidationError as exc:
        raise CliError(str(exc)) from None
    row = _unit_rows(ctx, [row_id])[0]
    if args.json:
        _print_json(row)
    else:
        print(row_id)
    _say(
        str(
            Message(
                QT_TRANSLATE_NOOP("app", "已登记单位：{name}（{code}，{type}，核定编制 {posts}）。"),
                {
                    "name": row["name"],
                    "code": row["code"],
                    "type": row["type_label"],
                    "posts": str(posts) if posts is not None else Message(NOT_ENTERED),
                },
            )
        )
    )
    return EXIT_OK


def _unit_list_cmd(ctx: Context, args: argparse.Namespace) -> int:
    """The live units, by code (county only)."""
    _require_county(ctx.db)
    rows = _unit_rows(ctx)
    if args.json:
        _print_json(rows)
        return EXIT_OK
    print("代码\t类型\t名称\t核定编制\t实际配备\t空缺\t片区")
    for r in rows:
        print(
            "\t".join(
                str(v)
                for v in (
                    r["code"],
                    r["type_label"],
                    r["name"],
                    _or_not_entered(r["authorised_posts"]),
                    r["staffed"],
                    _or_not_entered(r["vacancies"]),
                    r["zone"] or "",
                )
            )
        )
    return EXIT_OK


cmd_unit_add = _session_command(_unit_add_cmd)
cmd_unit_list = _session_command(_unit_list_cmd)


# ---- print visit-forms --------------------------------------------------------------------------------
def _print_visit_forms_cmd(ctx: Context, args: argparse.Namespace) -> int:
    """The quarter's visit forms (planned and done visits, in date order), one page a visit."""
    from app.quarters import QUARTER_HINT, parse_quarter, quarter_key, quarter_message
    from app.reports.visit_forms import quarter_visit_ids, visit_forms_pdf
    from app.security.roles import PermissionDenied
    from app.services.records import RecordService

    try:
        year, q = parse_quarter(args.quarter)
    except ValueError:
        raise CliError(
            Message(
                QT_TRANSLATE_NOOP("app", "季度写得不对：{quarter}。请{hint}。"),
                {"quarter": args.quarter, "hint": Message(QUARTER_HINT)},
            )
        ) from None
    quarter = quarter_key(year, q)
    _check_pdf_target(args.out)
    ctx.require(PRINT)
    records = RecordService(ctx)
    ids = quarter_visit_ids(records, quarter)
    if not ids:
        raise CliError(
            Message(
                QT_TRANSLATE_NOOP(
                    "app", "{quarter} 没有已安排或已完成的驻村（驻在）监督，没有要打印的记录表。"
                ),
                {"quarter": quarter_message(quarter)},
            )
        )
    path = Path(args.out).expanduser().resolve()
    try:
        pages = visit_forms_pdf(records, ids, path, blank=args.blank)
    except PermissionDenied as exc:
        raise CliError(exc.message) from None
    except OSError as exc:
        raise CliError(
            Message(
                QT_TRANSLATE_NOOP("app", "无法写入 PDF {path}：{reason}"),
                {"path": str(path), "reason": os_errors.describe(exc, with_path=False)},
            )
        ) from None
    print(f"{path}\t{pages}")
    _say(
        str(
            Message(
                QT_TRANSLATE_NOOP(
                    "app", "已写入 {quarter} 的驻村（驻在）监督工作记录表：{path}，共 {pages} 页。"
                ),
                {"quarter": quarter_message(quarter), "path": str(path), "pages": str(pages)},
            )
        )
    )
    return EXIT_OK


cmd_print_visit_forms = _session_command(_print_visit_forms_cmd)


# ---- backup, restore, recovery ---------------------------------------------------------------------
def _check_pdf_target(path: str | None) -> None:
    """Refuse before anything is made when the PDF could not be written there."""
    if path and not Path(path).expanduser().resolve().parent.is_dir():
        raise CliError(
            Message(
                QT_TRANSLATE_NOOP("app", "找不到保存 PDF 的文件夹：{dir}。"),
                {"dir": str(Path(path).expanduser().resolve().parent)},
            )
        )


def _write_recovery_pdf(path: Path, info: InstallationInfo, key: str) -> None:
    from datetime import datetime

    from app.reports.recovery_sheet import write_recovery_sheet

    try:
        write_recovery_sheet(
            path, unit_name=info.unit_name, county_name=info.county_name, recovery_key=key,
            created=datetime.now().astimezone(),
        )  # fmt: skip
    except OSError as exc:
        raise CliError(
            Message(
                QT_TRANSLATE_NOOP("app", "无法写入恢复密钥 PDF {path}：{reason}（密钥已在上面显示，请抄写）"),
                {"path": str(path), "reason": os_errors.describe(exc, with_path=False)},
            )
        ) from None
    _say(
        str(
            Message(
                QT_TRANSLATE_NOOP("app", "恢复密钥 PDF：{path}。打印后请删除这个文件。"), {"path": str(path)}
            )
        )
    )


def _read_recovery_key(path: str) -> str:
    """The whole file (the key may be copied in groups over several lines), without blanks."""
    try:
        text = Path(path).expanduser().read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(
            Message(
                QT_TRANSLATE_NOOP("app", "无法读取恢复密钥文件 {path}：{reason}"),
                {"path": str(path), "reason": _read_reason(exc)},
            )
        ) from None
    key = "".join(text.split())
    if not key:
        raise CliError(Message(QT_TRANSLATE_NOOP("app", "恢复密钥文件 {path} 是空的。"), {"path": str(path)}))
    return key


def _backup_cmd(ctx: Context, args: argparse.Namespace) -> int:
    """Write an encrypted backup; print its path."""
    from app.security.roles import PermissionDenied
    from app.services.backup import BackupError, backup

    out = Path(args.out).expanduser()
    if not out.is_dir():
        require_folder(out.parent, must_exist=False)  # a file named as the folder to write into
    try:
        path = backup(ctx, out)
    except (BackupError, PermissionDenied) as exc:
        raise CliError(exc.message) from None
    print(path)
    _say(str(Message(QT_TRANSLATE_NOOP("app", "已备份并校验：{path}"), {"path": str(path)})))
    return EXIT_OK


cmd_backup = _session_command(_backup_cmd)


def cmd_restore(args: argparse.Namespace) -> int:
    """Restore a backup into --data-dir (which must hold no installation unless --replace)."""
    from app.services.backup import BackupError, restore

    data_dir, _url = _locate(args)
    source = Path(args.file).expanduser()
    if not source.is_file():
        raise CliError(Message(QT_TRANSLATE_NOOP("app", "找不到备份文件：{path}"), {"path": str(source)}))
    if args.recovery_key_file:
        secret: dict[str, Any] = {"recovery_key": _read_recovery_key(args.recovery_key_file)}
    else:
        secret = {"username": args.user, "password": _read_password(args)}
    try:
        result = restore(source, data_dir, db_url=args.db, replace=args.replace, **secret)
    except BackupError as exc:
        raise CliError(exc.message) from None
    m = result.manifest
    _say(
        str(
            Message(
                QT_TRANSLATE_NOOP(
                    "app", "已从备份恢复：{unit}（{code}），备份时间 {created}。数据目录：{dir}"
                ),
                {
                    "unit": m.unit_name,
                    "code": m.unit_code,
                    "created": f"{m.created.astimezone():%Y-%m-%d %H:%M}",
                    "dir": str(result.data_dir),
                },
            )
        )
    )
    if result.replaced is not None:
        _say(
            str(
                Message(
                    QT_TRANSLATE_NOOP("app", "原有的数据文件已移到 {dir}。"), {"dir": str(result.replaced)}
                )
            )
        )
    return EXIT_OK


def cmd_recover(args: argparse.Namespace) -> int:
    """Give an account a new password (from --password-file) with the recovery key."""
    from app.services.recovery import RecoveryError, recover

    data_dir, url = _locate(args)
    if login_service.state(data_dir, url) in ("new", "plain") or not KeyFile.exists(data_dir):
        raise CliError(Message(NOT_INITIALISED))
    key = _read_recovery_key(args.recovery_key_file)
    username = args.user or KeyFile.load(data_dir).admin
    password = _read_password(args, confirm=True)
    try:
        opened = recover(data_dir, url, key, username, password)
    except RecoveryError as exc:
        raise CliError(exc.message) from None
    opened.db.close()
    if opened.upgrade is not None:
        _say(str(opened.upgrade.notice()))
    _say(
        str(
            Message(
                QT_TRANSLATE_NOOP(
                    "app",
                    "已用恢复密钥为 {user} 设置新密码。恢复密钥用过之后，请尽快生成新的（recovery-key）。",
                ),
                {"user": username},
            )
        )
    )
    return EXIT_OK


def _recovery_key_cmd(ctx: Context, args: argparse.Namespace) -> int:
    """A new recovery key (administrators); the old one stops opening this data folder."""
    from app.security.roles import PermissionDenied
    from app.services.recovery import RecoveryError, new_recovery_key

    _check_pdf_target(args.pdf)
    try:
        key = new_recovery_key(ctx)
    except (RecoveryError, PermissionDenied) as exc:
        raise CliError(exc.message) from None
    _say(
        str(
            Message(
                QT_TRANSLATE_NOOP(
                    "app",
                    "新的恢复密钥（旧密钥已失效，但仍能打开以前的备份；请抄写或打印后妥善保管，只显示这一次）：{key}",
                ),
                {"key": key},
            )
        )
    )
    if args.pdf:
        _write_recovery_pdf(Path(args.pdf), _info(ctx.db), key)
        from app.services.first_run import record_recovery_sheet

        record_recovery_sheet(ctx.db, ctx.user, printed=False)
    return EXIT_OK


cmd_recovery_key = _session_command(_recovery_key_cmd)


# ---- entry point --------------------------------------------------------------------------------------
@functools.cache
def _parser() -> argparse.ArgumentParser:
    """``build_parser()``, made once per process (about 12 ms): where one process runs many
    commands (the tests run each command in theirs), each is parsed with the same parser. Parsing
    changes nothing in it: argparse fills a new namespace each time and copies a default list
    before appending to it."""
    return build_parser()


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help/--version (0) or a usage error (2)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    handler = getattr(args, "handler", None)
    if handler is None:
        (getattr(args, "usage_parser", None) or parser).print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(handler(args))
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"{parser.prog}: 错误：{exc}", file=sys.stderr)
        return EXIT_USAGE
    except CliError as exc:
        _say(_one_line(str(exc)))
        return EXIT_FAILED
    except PermissionDenied as exc:  # the operation refused the person logged in: nothing changed
        _say(_one_line(str(exc.message)))
        return EXIT_FAILED
    except SQLAlchemyError as exc:
        if is_busy(exc):  # another program held the database longer than the busy timeout
            _say(_one_line(str(busy_message())))
            return EXIT_FAILED
        known = database_failure(exc, _data_folder(args))
        if known is not None:
            _say(_one_line(str(known)))
            return EXIT_FAILED
        # The driver's first line only: never the statement or its parameters (they may hold data).
        lines = str(getattr(exc, "orig", None) or type(exc).__name__).strip().splitlines()
        reason = lines[0] if lines else type(exc).__name__
        _say(
            _one_line(str(Message(QT_TRANSLATE_NOOP("app", "数据库操作失败：{reason}"), {"reason": reason})))
        )
        return EXIT_FAILED
    except BrokenPipeError:  # e.g. ``dump | head``: the reader has gone
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
    except KeyboardInterrupt:
        _say(str(Message(QT_TRANSLATE_NOOP("app", "已取消。"))))
        return EXIT_FAILED
    except Exception as exc:  # noqa: BLE001 (a refusal in one line, never a traceback)
        return _unexpected(exc, _data_folder(args))


def _data_folder(args: argparse.Namespace) -> Path | None:
    try:
        return _locate(args)[0]
    except Exception:  # noqa: BLE001 (only a hint for the message)
        return None


def _unexpected(exc: Exception, folder: Path | None) -> int:
    """An OS error (a full disk, a file where a folder was meant …) or a full database said in
    Chinese; anything else named by its kind and where it arose (never its text: it may hold
    data). ``JIWEI_DEBUG=1`` shows the traceback instead."""
    message = failure_message(exc) or database_failure(exc, folder)
    if message is not None:
        _say(_one_line(str(message)))
        return EXIT_FAILED
    if os.environ.get("JIWEI_DEBUG"):
        raise exc
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
    _say(
        _one_line(
            str(
                Message(
                    QT_TRANSLATE_NOOP(
                        "app",
                        "发生了意外错误（{kind}，{where}），操作没有完成。请重试；如果仍然出错，请联系县纪委监委的信息管理员。",
                    ),
                    {"kind": type(exc).__name__, "where": where},
                )
            )
        )
    )
    return EXIT_FAILED
