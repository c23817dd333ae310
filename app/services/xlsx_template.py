"""An Excel template for any register, from its declaration (``template REGISTER --out``, the
window's 下载导入模板…): the fields a person fills as columns under their Chinese labels (required
ones in red), drop-down lists for choices, 是/否 and (for an account that may export) the live
records a reference may name, date columns formatted, and a sheet 填写说明 saying for each
column what it holds, whether it is required, the values allowed and the date formats read. The
import (``app.services.xlsx_import``) reads the filled file back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.registers import REGISTERS
from app.registers.fields import BOOL, CHOICE, DATE, INT, LONGTEXT, REF, TEXT, Field, Register
from app.security import audit
from app.security.roles import PRINT
from app.services.records import NO, YES, RecordService
from app.services.spreadsheet import write_atomically
from app.services.xlsx_import import DATE_FORMATS, INSTRUCTIONS, OPTIONS_SHEET, NotImportable, importable

Labels = Callable[[str], str]
BLANK_ROWS = 500  # rows given the date format and the drop-down lists
MOST_REFERENCES = 2000  # a reference's drop-down list up to this many records

KIND_TEXT = {
    TEXT: QT_TRANSLATE_NOOP("app", "文字（一行）"),
    LONGTEXT: QT_TRANSLATE_NOOP("app", "文字（可多行）"),
    INT: QT_TRANSLATE_NOOP("app", "整数"),
    DATE: QT_TRANSLATE_NOOP("app", "日期"),
    BOOL: QT_TRANSLATE_NOOP("app", "是或否"),
    CHOICE: QT_TRANSLATE_NOOP("app", "从下拉列表中选择"),
    REF: QT_TRANSLATE_NOOP("app", "{title}：填名称、代码或编号"),
}
NOTES = (
    QT_TRANSLATE_NOOP("app", "第一行是列名，请勿修改；列的顺序可以调整，不需要的可选列可以删去。"),
    QT_TRANSLATE_NOOP("app", "列名上方可以有标题行（合并单元格也可以），空行会被跳过。"),
    QT_TRANSLATE_NOOP(
        "app", "红色列名为必填项。全角数字和字母（如 ０１２）按半角读取，单元格前后的空格会去掉。"
    ),
    QT_TRANSLATE_NOOP(
        "app", "导入时逐行检查，任何一行有错误就一条也不保存，并列出出错的行号和列名；改正后再导入。"
    ),
    QT_TRANSLATE_NOOP(
        "app",
        "本程序导出的 Excel 文件也可以直接导入：带「系统编号」的行更新原记录而不是新增；「（受限）」的单元格不会覆盖原来的加密内容。",
    ),
)
GUIDE_HEADERS = (
    QT_TRANSLATE_NOOP("app", "列名"),
    QT_TRANSLATE_NOOP("app", "填写内容"),
    QT_TRANSLATE_NOOP("app", "是否必填"),
    QT_TRANSLATE_NOOP("app", "可填的值"),
)
STATE_NOTE = QT_TRANSLATE_NOOP(
    "app",
    "「{label}」填写记录在原台账中所处的状态；不填即为「{first}」。填了后面的状态时，记录以「历史台账导入」环节进入该状态，"
    "办理时间线中可以看到；该状态在办理中要求填写的字段必须填写。可导入的状态：{allowed}。",
)


@dataclass(frozen=True)
class Column:
    field: Field
    allowed: tuple[str, ...]  # drop-down values ("" none)
    strict: bool  # only the list's values (choices, 是/否, states), or a warning (references)


def template_fields(reg: Register) -> list[Field]:
    """The columns of ``reg``'s template: the fields a person fills, and the state of a register
    with a lifecycle (an old ledger's records may be in a later one)."""
    return [f for f in reg.fields if f.editable or (f.name == "state" and reg.lifecycle is not None)]


def _columns(records: RecordService, reg: Register, labels: Labels, with_references: bool) -> list[Column]:
    out = []
    for f in template_fields(reg):
        if f.name == "state" and reg.lifecycle is not None:
            states = dict(reg.lifecycle.states)
            out.append(Column(f, tuple(labels(states[s]) for s in reg.lifecycle.importable), True))
        elif f.kind == CHOICE:
            out.append(Column(f, tuple(labels(label) for _v, label in f.choices), True))
        elif f.kind == BOOL:
            out.append(Column(f, (labels(YES), labels(NO)), True))
        elif f.kind == REF and with_references:
            names = [str(label) for _v, label in records.options(reg, f.name)]
            unique = list(dict.fromkeys(n for n in names if n))
            out.append(Column(f, tuple(unique) if len(unique) <= MOST_REFERENCES else (), False))
        else:
            out.append(Column(f, (), False))
    return out


def _meaning(f: Field, reg: Register, labels: Labels) -> str:
    if f.kind == REF:
        target = REGISTERS[f.ref or ""]
        return labels(KIND_TEXT[REF]).format(title=labels(target.title))
    text = labels(KIND_TEXT[f.kind])
    extra = []
    if f.max_length:
        extra.append(str(Message(QT_TRANSLATE_NOOP("app", "最多 {n} 个字"), {"n": str(f.max_length)})))
    if f.minimum is not None:
        extra.append(str(Message(QT_TRANSLATE_NOOP("app", "不小于 {n}"), {"n": str(f.minimum)})))
    if f.maximum is not None:
        extra.append(str(Message(QT_TRANSLATE_NOOP("app", "不大于 {n}"), {"n": str(f.maximum)})))
    if f.pattern_hint:
        extra.append(f.pattern_hint)
    if f.sensitive:
        extra.append(str(Message(QT_TRANSLATE_NOOP("app", "敏感信息，加密保存；无权查看者不能填写"))))
    return text + ("（" + "；".join(extra) + "）" if extra else "")


def write_template(records: RecordService, reg: Register, path: Path, labels: Labels = lambda s: s) -> int:
    """Write ``reg``'s template to ``path``; return the number of columns. Reference lists are
    included only for an account that may export (打印和导出); writing them is recorded in the audit
    log like an export."""
    records._require_shown(reg)
    if not importable(reg):
        raise NotImportable(reg)
    with_references = records.can(PRINT)
    columns = _columns(records, reg, labels, with_references)

    def write(tmp: Path) -> None:
        from openpyxl import Workbook
        from openpyxl.comments import Comment
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter, quote_sheetname
        from openpyxl.worksheet.datavalidation import DataValidation

        wb = Workbook()
        ws = wb.active
        assert ws is not None
        ws.title = labels(reg.title)[:31]
        lists = wb.create_sheet(OPTIONS_SHEET)
        lists.sheet_state = "hidden"
        guide = wb.create_sheet(labels(INSTRUCTIONS)[:31])
        ws.append([labels(c.field.label) for c in columns])
        list_col = 0
        for i, c in enumerate(columns, start=1):
            letter = get_column_letter(i)
            cell = ws.cell(row=1, column=i)
            cell.font = Font(bold=True, color="C00000" if c.field.required else None)
            cell.alignment = Alignment(horizontal="center")
            if c.field.required:
                cell.comment = Comment(labels(QT_TRANSLATE_NOOP("app", "必填")), "Jiwei Desk")
            ws.column_dimensions[letter].width = max(12, len(labels(c.field.label)) * 2 + 4)
            rows = f"{letter}2:{letter}{BLANK_ROWS + 1}"
            if c.field.kind == DATE:
                ws.column_dimensions[letter].width = 14
                for (cell_,) in ws.iter_rows(min_row=2, max_row=BLANK_ROWS + 1, min_col=i, max_col=i):
                    cell_.number_format = "yyyy-mm-dd"
            if c.allowed:
                list_col += 1
                lists_letter = get_column_letter(list_col)
                lists.cell(row=1, column=list_col, value=labels(c.field.label))
                for r, value in enumerate(c.allowed, start=2):
                    lists.cell(row=r, column=list_col, value=value)
                source = (
                    f"{quote_sheetname(OPTIONS_SHEET)}!${lists_letter}$2:${lists_letter}${len(c.allowed) + 1}"
                )
                dv = DataValidation(type="list", formula1=source, allow_blank=True)
                dv.showErrorMessage = True
                dv.errorStyle = "stop" if c.strict else "warning"
                dv.errorTitle = labels(c.field.label)
                dv.error = labels(QT_TRANSLATE_NOOP("app", "请从下拉列表中选择。"))
                ws.add_data_validation(dv)
                dv.add(rows)
        ws.freeze_panes = "A2"

        head = [labels(t) for t in GUIDE_HEADERS]
        guide.append([labels(reg.title)])
        guide["A1"].font = Font(bold=True, size=13)
        for note in NOTES:
            guide.append([labels(note)])
        guide.append([labels(QT_TRANSLATE_NOOP("app", "日期可写成：")) + labels(DATE_FORMATS)])
        if reg.lifecycle is not None:
            state = reg.field("state")
            guide.append([
                labels(STATE_NOTE).format(
                    label=labels(state.label),
                    first=labels(reg.lifecycle.state_label(reg.lifecycle.initial)),
                    allowed="、".join(labels(reg.lifecycle.state_label(s)) for s in reg.lifecycle.importable),
                )
            ])  # fmt: skip
        if not with_references and any(c.field.kind == REF for c in columns):
            guide.append(
                [
                    labels(
                        QT_TRANSLATE_NOOP(
                            "app", "当前账号没有打印和导出的权限，模板中没有引用记录的下拉列表。"
                        )
                    )
                ]
            )
        guide.append([])
        guide.append(head)
        for cell in guide[guide.max_row]:
            cell.font = Font(bold=True)
        for c in columns:
            f = c.field
            allowed = "、".join(c.allowed)
            if f.kind == DATE:
                allowed = labels(DATE_FORMATS)
            elif f.kind == REF and not c.allowed:
                allowed = ""
            guide.append([
                labels(f.label),
                _meaning(f, reg, labels),
                labels(QT_TRANSLATE_NOOP("app", "必填")) if f.required else "",
                allowed,
            ])  # fmt: skip
        for letter, width in (("A", 22), ("B", 40), ("C", 10), ("D", 60)):
            guide.column_dimensions[letter].width = width
        for row in guide.iter_rows():
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        wb.save(tmp)

    table = reg.model.__table__.name  # type: ignore[attr-defined]
    around: Any = None
    if with_references and any(c.field.kind == REF and c.allowed for c in columns):

        def around() -> Any:  # noqa: E306
            return audit.recorded(records.db, records.user, audit.EXPORT, target_table=table,
                                  detail=audit.export_detail("template", reg.name, 0))  # fmt: skip

    write_atomically(path, write, around_replace=around)
    return len(columns)
