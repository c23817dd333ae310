"""``python -m app report work --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.docx``: the work report
(工作报告) for a range of days as a .docx to edit in WPS or Word (``app.reports.work_report``). It
needs the same right as exporting the statistics (打印) and is recorded in the audit log.

``report circular ID --out FILE.docx|FILE.pdf``: the 通报 of a circulars record;
``report integrity-letter REQUEST --out FILE.docx|FILE.pdf``: the county's 廉政意见 reply letter
to a request (its id or letter number). Both official documents (``app.reports.official_doc``),
the format by the suffix, need the PRINT right and are audited as printing."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from app.cli_base import EXIT_OK, CliError, UsageError, _say, _session_command
from app.context import Context
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.os_errors import describe
from app.security.roles import PermissionDenied

BAD_DAY = QT_TRANSLATE_NOOP("app", "日期格式应为 YYYY-MM-DD，如 2022-09-30：{text}")
NOT_DOCX = QT_TRANSLATE_NOOP("app", "工作报告须写入 .docx 文件：{path}")
WRITTEN = QT_TRANSLATE_NOOP("app", "工作报告已写入 {path}")
CANNOT_WRITE = QT_TRANSLATE_NOOP("app", "无法写入工作报告 {path}：{reason}")
DOC_WRITTEN = QT_TRANSLATE_NOOP("app", "公文已写入 {path}")
DOC_CANNOT_WRITE = QT_TRANSLATE_NOOP("app", "无法写入公文 {path}：{reason}")
NO_RECORD = QT_TRANSLATE_NOOP("app", "找不到记录：{which}")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(str(Message(BAD_DAY, {"text": text}))) from None


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("report", parents=[common], help="工作报告：按日期范围写出可编辑的 .docx 报告")
    rsub = p.add_subparsers(dest="report_command", metavar="{work,circular,integrity-letter}")
    q = rsub.add_parser(
        "work",
        parents=[common],
        help="乡镇纪委和派驻纪检监察组工作报告（基本情况、主要工作及成效、问题、打算）",
    )
    q.add_argument("--from", dest="start", required=True, type=_day, metavar="YYYY-MM-DD", help="起始日期")
    q.add_argument(
        "--to", dest="end", required=True, type=_day, metavar="YYYY-MM-DD", help="截止日期（含当日）"
    )
    q.add_argument("--out", required=True, metavar="FILE.docx", help="写入的 .docx 文件")
    q.set_defaults(handler=_session_command(_work))
    for name, what, arg, text in (
        ("circular", "通报：按通报登记写出公文（.docx 或 .pdf）", "ID", "通报记录的 ID"),
        (
            "integrity-letter",
            "廉政意见回复函（县纪委监委）：.docx 或 .pdf",
            "REQUEST",
            "来函记录的 ID 或来函文号",
        ),
    ):
        d = rsub.add_parser(name, parents=[common], help=what)
        d.add_argument("which", metavar=arg, help=text)
        d.add_argument(
            "--out", required=True, metavar="FILE.docx|FILE.pdf", help="写入的文件（按后缀定格式）"
        )
        d.set_defaults(handler=_session_command(_document), document=name)
    p.set_defaults(handler=None, usage_parser=p)


def _work(ctx: Context, args: argparse.Namespace) -> int:
    from app.reports.work_report import write_work_report
    from app.services.statistics import range_problem

    problem = range_problem(args.start, args.end)
    if problem is not None:  # a usage error, as for stats
        raise UsageError(problem)
    path = Path(args.out).expanduser()
    if path.suffix.lower() != ".docx":
        raise CliError(Message(NOT_DOCX, {"path": str(path)}))
    path = path.resolve()
    try:
        write_work_report(ctx, args.start, args.end, path)
    except PermissionDenied as exc:
        raise CliError(exc.message) from None
    except OSError as exc:
        raise CliError(
            Message(CANNOT_WRITE, {"path": str(path), "reason": describe(exc, with_path=False)})
        ) from None
    _say(str(Message(WRITTEN, {"path": str(path)})))
    return EXIT_OK


def _document(ctx: Context, args: argparse.Namespace) -> int:
    from app.reports.circular_doc import write_circular
    from app.reports.integrity_letter import NothingReplied, write_letter
    from app.reports.official_doc import BadSuffix
    from app.services.records import NotFoundError, RecordService

    path = Path(args.out).expanduser().resolve()
    records = RecordService(ctx)
    write = write_circular if args.document == "circular" else write_letter
    try:
        write(records, args.which, path)
    except (PermissionDenied, BadSuffix, NothingReplied) as exc:
        raise CliError(exc.message) from None
    except NotFoundError:
        raise CliError(Message(NO_RECORD, {"which": args.which})) from None
    except OSError as exc:
        raise CliError(
            Message(DOC_CANNOT_WRITE, {"path": str(path), "reason": describe(exc, with_path=False)})
        ) from None
    _say(str(Message(DOC_WRITTEN, {"path": str(path)})))
    return EXIT_OK
