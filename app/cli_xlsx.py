"""``python -m app template``, ``import-xlsx``, ``export-xlsx`` and ``registers``: Excel ledgers
in and out of every register, and the list of registers (``registers --json``).

``import-xlsx`` checks every row and saves all of them or none; ``--dry-run`` only checks. Its
errors name the Excel row and the column; ``--json`` prints the whole report (exit 1 when a row
was refused).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli_base import EXIT_FAILED, EXIT_OK, CliError, _print_json, _say, _session_command
from app.cli_records import _register
from app.context import Context
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.registers import AREAS, REGISTERS
from app.services.records import RecordService


def add_parser(sub: Any, common: Any) -> None:
    p = sub.add_parser(
        "template", parents=[common], help="写出登记簿的 Excel 导入模板（含下拉列表和填写说明）"
    )
    p.add_argument("register", metavar="REGISTER", help="登记簿的名称或中文名（registers 列出全部）")
    p.add_argument("--out", required=True, metavar="FILE.xlsx")
    p.set_defaults(handler=_session_command(_template))

    p = sub.add_parser(
        "import-xlsx", parents=[common], help="从 Excel 台账导入登记簿记录：全部保存或一条也不保存"
    )
    p.add_argument("register", metavar="REGISTER")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="只检查，不保存")
    p.add_argument("--json", action="store_true", help="以 JSON 输出检查结果")
    p.set_defaults(handler=_session_command(_import))

    p = sub.add_parser("export-xlsx", parents=[common], help="把登记簿的列表导出为 Excel（可再导入以更新）")
    p.add_argument("register", metavar="REGISTER")
    p.add_argument("--out", required=True, metavar="FILE.xlsx")
    p.set_defaults(handler=_session_command(_export))

    p = sub.add_parser("registers", parents=[common], help="列出全部登记簿：名称、中文名、所属栏目和字段")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_registers)


def _xlsx_target(text: str) -> Path:
    path = Path(text).expanduser()
    if path.is_dir():
        raise CliError(
            Message(
                QT_TRANSLATE_NOOP("app", "{path} 是一个文件夹，请给出 .xlsx 文件名。"), {"path": str(path)}
            )
        )
    return path


def _template(ctx: Context, args: argparse.Namespace) -> int:
    from app.services.xlsx_import import NotImportable
    from app.services.xlsx_template import write_template

    reg = _register(args.register)
    path = _xlsx_target(args.out)
    try:
        columns = write_template(RecordService(ctx), reg, path)
    except NotImportable as exc:
        raise CliError(exc.message) from None
    _say(str(Message(QT_TRANSLATE_NOOP("app", "已写出{title}的导入模板（{n} 列）：{path}"),
                     {"title": reg.title, "n": str(columns), "path": str(path)})))  # fmt: skip
    return EXIT_OK


def _import(ctx: Context, args: argparse.Namespace) -> int:
    from app.services.xlsx_import import NotImportable, import_file

    reg = _register(args.register)
    path = Path(args.file).expanduser()
    if not path.is_file():
        raise CliError(Message(QT_TRANSLATE_NOOP("app", "找不到文件：{path}"), {"path": str(path)}))
    try:
        report = import_file(RecordService(ctx), reg, path, dry_run=args.dry_run)
    except NotImportable as exc:
        raise CliError(exc.message) from None
    except (OSError, ValueError, KeyError) as exc:  # not a workbook openpyxl can read
        if isinstance(exc, PermissionError):
            raise
        raise CliError(
            Message(
                QT_TRANSLATE_NOOP("app", "无法读取 {path}：不是 Excel 工作簿（.xlsx）或已损坏。"),
                {"path": str(path)},
            )
        ) from None
    if args.json:
        _print_json(report.as_json())
    for note in report.notes:
        _say(str(note))
    for r in report.rows:
        for w in r.warnings:
            _say(
                str(
                    Message(
                        QT_TRANSLATE_NOOP("app", "第 {row} 行提示：{text}"), {"row": str(r.row), "text": w}
                    )
                )
            )
    if not report.ok:
        for e in report.errors:
            if e.row:
                _say(str(Message(QT_TRANSLATE_NOOP("app", "第 {row} 行「{column}」：{text}"),
                                 {"row": str(e.row), "column": e.column, "text": e.message})))  # fmt: skip
            else:
                _say(str(e.message))
        _say(
            str(
                Message(
                    QT_TRANSLATE_NOOP("app", "{n} 处错误，没有导入任何记录。"), {"n": str(len(report.errors))}
                )
            )
        )
        return EXIT_FAILED
    counts = {"created": str(report.count("created")), "updated": str(report.count("updated")),
              "steps": str(report.imported_states), "title": reg.title}  # fmt: skip
    if report.dry_run:
        done = QT_TRANSLATE_NOOP(
            "app",
            "检查通过（未保存）：{title}新增 {created} 条、更新 {updated} 条，其中 {steps} 条以「历史台账导入」进入后续状态。",
        )
    else:
        done = QT_TRANSLATE_NOOP(
            "app",
            "已导入{title}：新增 {created} 条、更新 {updated} 条，其中 {steps} 条以「历史台账导入」进入后续状态。",
        )
    _say(str(Message(done, counts)))
    return EXIT_OK


def _export(ctx: Context, args: argparse.Namespace) -> int:
    from app.services.spreadsheet import export_register

    reg = _register(args.register)
    path = _xlsx_target(args.out)
    records = RecordService(ctx)
    n = export_register(records, reg, records.ids(reg), path)
    _say(str(Message(QT_TRANSLATE_NOOP("app", "已导出 {n} 条{title}记录：{path}"),
                     {"n": str(n), "title": reg.title, "path": str(path)})))  # fmt: skip
    return EXIT_OK


def registers_json() -> list[dict[str, Any]]:
    """Every register: its key, Chinese title, area, and fields (name, label, kind, required …)."""
    areas = dict(AREAS)
    out = []
    for reg in REGISTERS.values():
        fields = []
        for f in reg.fields:
            doc: dict[str, Any] = {"name": f.name, "label": f.label, "kind": f.kind, "required": f.required,
                                   "editable": f.editable, "in_list": f.in_list, "sensitive": f.sensitive}  # fmt: skip
            if f.choices:
                doc["choices"] = [{"value": v, "label": label} for v, label in f.choices]
            if f.ref:
                doc["ref"] = f.ref
            fields.append(doc)
        entry: dict[str, Any] = {
            "key": reg.name,
            "title": reg.title,
            "area": reg.area,
            "area_title": areas.get(reg.area, reg.area),
            "county_only": reg.county_only,
            "county_screen": reg.county_screen,
            "fields": fields,
        }
        if reg.lifecycle is not None:
            entry["states"] = [{"value": v, "label": label} for v, label in reg.lifecycle.states]
            entry["importable_states"] = list(reg.lifecycle.importable)
        out.append(entry)
    return out


def _registers(args: argparse.Namespace) -> int:
    """Needs no log-in: the declarations, not the records."""
    docs = registers_json()
    if args.json:
        _print_json(docs)
        return EXIT_OK
    for d in docs:
        print("\t".join([d["key"], d["title"], d["area_title"], ",".join(f["name"] for f in d["fields"])]))
    return EXIT_OK
