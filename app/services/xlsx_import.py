"""Excel ledgers into any register: a filled template (``app.services.xlsx_template``), a
township's own ledger, or this program's own export (``app.services.spreadsheet``).

Everything derives from the register's declaration, so a register added later imports with no
code of its own. Reading (``read_workbook``) finds the header row by the fields' labels (merged
title rows above it, notes beside it), skips blank rows and reads the cells as people type them:
full-width digits and letters, dates as text (2022.6.30, 2022年6月30日, 2022/6/30, 20220630) or
Excel serial numbers, choices by label or stored value, 是/否, references (unit, village, person,
staff, clue, case …) by id, code, number or a unique displayed name. Saving (``run``) goes through
``RecordService.save_in`` row by row in ONE transaction, so the register's own validation and the
acting person's rights apply exactly as in the form, and either every row is saved or none is:
every row's errors are reported by Excel row number and column header. A row carrying the
export's hidden id (``ID_HEADER``) updates that record (only the columns the sheet has); a
（受限） cell never overwrites a sealed value. A new row of a register with a lifecycle whose 状态
names a later state enters it through the recorded step 历史台账导入
(``Transitions.enter_imported``); an existing record's state is never changed by an import.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.registers import REGISTERS
from app.registers.fields import BOOL, CHOICE, DATE, INT, LONGTEXT, REF, TEXT, Field, Register
from app.security import sensitive
from app.security.roles import PermissionDenied
from app.security.secrecy import NotInAudience
from app.services import undo
from app.services.records import NeedsConfirmation, NotFoundError, RecordService, ValidationError
from app.services.spreadsheet import ID_HEADER, ExportCancelled
from app.services.transitions import TransitionRefused, Transitions

INSTRUCTIONS = QT_TRANSLATE_NOOP("app", "填写说明")
OPTIONS_SHEET = "_options"  # the template's hidden sheet of drop-down lists
HEADER_SCAN = 30  # rows looked at for the header
WHOLE_ROW = QT_TRANSLATE_NOOP("app", "（整行）")
DATE_FORMATS = QT_TRANSLATE_NOOP(
    "app", "2022-06-30、2022/6/30、2022.6.30、2022年6月30日、20220630，或 Excel 的日期单元格"
)

Labels = Callable[[str], str]
Progress = Callable[[int, int], bool]


class NotImportable(Exception):
    """A register whose records only its steps make (回避决定): no template, no import."""

    def __init__(self, reg: Register) -> None:
        self.message = Message(
            QT_TRANSLATE_NOOP("app", "{title}的记录只由办理环节产生，不能从 Excel 导入。"),
            {"title": reg.title},
        )
        super().__init__(str(self.message))


def importable(reg: Register) -> bool:
    """Whether a person fills any of ``reg``'s fields (and so can bring its records from Excel)."""
    return any(f.editable for f in reg.fields)


class ImportCancelled(ExportCancelled):
    """The person pressed 取消: nothing was saved."""


@dataclass
class RowError:
    row: int  # the Excel row (1-based); 0 for the file itself
    column: str  # the column's header as in the file, or （整行）
    message: Message

    def as_json(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": str(self.message)}


@dataclass
class ImportRow:
    """One filled row of the sheet, read and converted."""

    row: int
    cells: list[str]  # as text, in the order of ``ImportReport.headers`` (the preview)
    values: dict[str, Any]  # raw values for RecordService
    row_id: str | None = None  # from the hidden id column: update this record
    state: str | None = None  # a lifecycle state the row names
    given: dict[str, Any] = field(default_factory=dict)  # program-set values the row states
    errors: list[RowError] = field(default_factory=list)
    unread: set[str] = field(default_factory=set)  # fields whose cell could not be read
    warnings: list[Message] = field(default_factory=list)
    outcome: str = ""  # "created" | "updated" once saved (or checked, in a dry run)
    saved_id: str = ""
    ledger_step: bool = False  # entered a later state through 历史台账导入


@dataclass
class ImportReport:
    register: str
    title: str
    file: str
    sheet: str = ""
    header_row: int = 0
    headers: list[str] = field(default_factory=list)  # the columns the import reads
    rows: list[ImportRow] = field(default_factory=list)
    file_errors: list[RowError] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)  # ignored columns and the like
    dry_run: bool = True
    saved: bool = False

    @property
    def errors(self) -> list[RowError]:
        return [*self.file_errors, *(e for r in self.rows for e in r.errors)]

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.rows if r.outcome == outcome)

    @property
    def imported_states(self) -> int:
        return sum(1 for r in self.rows if r.ledger_step)

    def as_json(self) -> dict[str, Any]:
        return {
            "register": self.register,
            "title": self.title,
            "file": self.file,
            "sheet": self.sheet,
            "header_row": self.header_row,
            "rows": len(self.rows),
            "created": self.count("created"),
            "updated": self.count("updated"),
            "ledger_import_steps": self.imported_states,
            "dry_run": self.dry_run,
            "saved": self.saved,
            "errors": [e.as_json() for e in self.errors],
            "warnings": [{"row": r.row, "message": str(w)} for r in self.rows for w in r.warnings],
            "notes": [str(n) for n in self.notes],
        }


# ---- cells as people type them ---------------------------------------------------------------------
_WIDE = str.maketrans(
    {
        **{chr(0xFF10 + i): chr(0x30 + i) for i in range(10)},
        **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
        **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
    }
)
_SPACES = " \t\r\n\u3000\xa0"
_DATE = re.compile(
    r"(\d{4})\s*[年./\-]\s*(\d{1,2})\s*[月./\-]\s*(\d{1,2})\s*[日号]?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")


def narrow(text: str) -> str:
    """Full-width digits and letters as ASCII (０１２ → 012); other characters as they are."""
    return text.translate(_WIDE)


def key(text: Any) -> str:
    """A cell or label as compared: NFKC (full-width → half-width), no spaces, no required mark."""
    out = unicodedata.normalize("NFKC", str(text))
    out = "".join(out.split())
    return out.rstrip("*").replace("(必填)", "")


def cell_text(value: Any) -> str:
    """A cell as text: whole numbers without ``.0``, dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip(_SPACES)


def parse_date(value: Any) -> Any:
    """A date from a cell (a date, an Excel serial number or text in the usual ways), or the cell
    as text when it is none of these (``RecordService`` then says what a date looks like)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and 19000101 <= value <= 29991231:
            value = str(int(value))
        elif 1 <= value < 2958466:
            from openpyxl.utils.datetime import from_excel

            return from_excel(value).date()
    text = unicodedata.normalize("NFKC", str(value)).strip()
    for pattern in (_DATE, _COMPACT):
        m = pattern.fullmatch(text)
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return text
    return text


def _int(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().replace(",", "")
        if re.fullmatch(r"-?\d+(\.0+)?", text):
            return int(float(text))
        return text
    return value


# ---- reading the workbook ---------------------------------------------------------------------------
def _sheet_rows(path: Path, title: str, labels: Labels) -> tuple[str, list[tuple[Any, ...]]]:
    """The rows of the sheet to import: the one named after the register, else the first that is
    not the template's instructions or lists."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        names = wb.sheetnames
        skip = {INSTRUCTIONS, labels(INSTRUCTIONS), OPTIONS_SHEET}
        wanted = {key(title), key(labels(title))}
        chosen = next((n for n in names if key(n) in wanted), None)
        chosen = chosen or next((n for n in names if n not in skip), names[0])
        ws = wb[chosen]
        return chosen, [tuple(r) for r in ws.iter_rows(values_only=True)]
    finally:
        wb.close()


class Importer:
    """Reads and saves one workbook into ``reg`` for ``records``' actor."""

    def __init__(self, records: RecordService, reg: Register, labels: Labels = lambda s: s) -> None:
        self.records = records
        self.reg = reg
        self.labels = labels
        self._refs: dict[str, dict[str, set[str]]] = {}
        self._ids: dict[str, set[str]] = {}
        self._ambiguous: set[str] = set()  # the targets the last reference read could mean

    # -- columns ------------------------------------------------------------------------------------
    def _columns_by_key(self) -> dict[str, str]:
        """Header text (as ``key``) → field name, ``ID_HEADER`` for the id column, "" for a column
        known but not read (a computed column of the export)."""
        known: dict[str, str] = {}
        for c in self.reg.computed:
            known.setdefault(key(c.label), "")
            known.setdefault(key(self.labels(c.label)), "")
        for f in self.reg.fields:
            if not f.editable and not (f.name == "state" and self.reg.lifecycle is not None):
                for text in (f.label, self.labels(f.label)):
                    known.setdefault(key(text), "")
                continue
            for text in (f.label, self.labels(f.label), f.name):
                known[key(text)] = f.name
        for text in (ID_HEADER, self.labels(ID_HEADER), "id"):
            known[key(text)] = ID_HEADER  # "id": as ``record list --json`` names it
        return known

    def _given_columns(self) -> dict[str, str]:
        """Program-set fields a ledger may state (the 处置方式 of a clue): header key → field."""
        out: dict[str, str] = {}
        for f in self.reg.fields:
            if not f.editable and f.kind == CHOICE and f.name != "state":
                out[key(f.label)] = f.name
                out[key(self.labels(f.label))] = f.name
        return out

    # -- references --------------------------------------------------------------------------------
    def _ref_index(self, f: Field) -> dict[str, set[str]]:
        """How the targets of ``f`` may be named → their ids: the displayed name, a code, number or
        name field. Only records the actor may pick in the form (``RecordService.options``)."""
        if f.name in self._refs:
            return self._refs[f.name]
        index: dict[str, set[str]] = {}
        options = self.records.options(self.reg, f.name)
        ids = {str(v) for v, _label in options}
        for value, label in options:
            index.setdefault(key(label), set()).add(str(value))
        target = REGISTERS[f.ref or ""]
        extra = [
            getattr(target.model, t.name)
            for t in target.fields
            if t.name in ("code", "number", "name") and t.kind == TEXT and not t.sensitive
        ]
        if extra and ids:
            with self.records.ctx.session() as s:
                for row in s.execute(select(target.model.id, *extra).where(target.model.id.in_(ids))):
                    for text in row[1:]:
                        if text:
                            index.setdefault(key(text), set()).add(row[0])
        self._refs[f.name] = index
        self._ids[f.name] = ids
        return index

    def _current(self, row_id: str, name: str) -> str | None:
        """The value a record already has in a field (None when there is no such record)."""
        model: Any = self.reg.model
        with self.records.ctx.session() as s:
            value = s.scalar(select(getattr(model, name)).where(model.id == row_id))
        return None if value is None else str(value)

    def _reference(self, f: Field, text: str, errors: list[Message]) -> str | None:
        index = self._ref_index(f)
        if text in self._ids[f.name]:
            return text
        found = index.get(key(text), set())
        if len(found) == 1:
            return next(iter(found))
        if found:
            self._ambiguous = found
            errors.append(
                Message(
                    QT_TRANSLATE_NOOP("app", "「{label}」填的「{value}」对应 {n} 条记录，请改填代码或编号。"),
                    {"label": f.label, "value": text, "n": str(len(found))},
                )
            )
        else:
            errors.append(
                Message(
                    QT_TRANSLATE_NOOP("app", "「{label}」找不到「{value}」（可填名称、代码或编号）。"),
                    {"label": f.label, "value": text},
                )
            )
        return None

    # -- one cell ---------------------------------------------------------------------------------
    def _placeholder(self, text: str) -> bool:
        return text in sensitive.PLACEHOLDERS or text in {self.labels(p) for p in sensitive.PLACEHOLDERS}

    def _choice(self, f: Field, value: Any, choices: Iterable[tuple[Any, str]]) -> Any:
        wanted = key(value)
        for stored, label in choices:
            if wanted in (key(stored), key(label), key(self.labels(label))):
                return stored
        return value  # RecordService: 「…」的取值无效

    def _cell(self, f: Field, value: Any, errors: list[Message]) -> Any:
        """A cell's raw value for ``f`` (RecordService converts and checks it)."""
        if isinstance(value, str):
            value = value.strip(_SPACES)
            if value == "":
                return None
        if value is None:
            return None
        if f.kind == LONGTEXT:
            return cell_text(value)
        if f.kind == TEXT:
            return narrow(cell_text(value))
        if f.kind == INT:
            return _int(value)
        if f.kind == DATE:
            return parse_date(value)
        if f.kind == BOOL:
            if isinstance(value, bool):
                return value
            text = key(value)
            if text in ("是", "√", "✓", "✔", "有", key(self.labels("是"))):
                return True
            if text in ("否", "×", "✗", "无", key(self.labels("否"))):
                return False
            return text
        if f.kind == CHOICE:
            return self._choice(f, cell_text(value), f.choices)
        if f.kind == REF:
            return self._reference(f, narrow(cell_text(value)), errors)
        return value

    # -- the sheet -------------------------------------------------------------------------------
    def read(self, path: Path, progress: Progress | None = None) -> ImportReport:
        """Read ``path`` into a report of converted rows (nothing is saved). Refused with
        ``PermissionDenied`` when the actor may not add or change the register's records."""
        reg = self.reg
        self.records._require_edit(reg)
        if not importable(reg):
            raise NotImportable(reg)
        report = ImportReport(reg.name, reg.title, str(path))
        sheet, rows = _sheet_rows(Path(path), reg.title, self.labels)
        report.sheet = sheet
        known = self._columns_by_key()
        given_cols = self._given_columns()
        best, best_hits = -1, 0
        for i, row in enumerate(rows[:HEADER_SCAN]):
            hits = len({known[key(c)] for c in row if c is not None and known.get(key(c))})
            if hits > best_hits:
                best, best_hits = i, hits
        if best < 0:
            sample = "、".join(f.label for f in reg.fields if f.editable)[:60]
            report.file_errors.append(
                RowError(
                    0,
                    "",
                    Message(
                        QT_TRANSLATE_NOOP(
                            "app", "找不到表头：前 {n} 行中没有一行写着本登记簿的列名（如 {sample}）。"
                        ),
                        {"n": str(HEADER_SCAN), "sample": sample},
                    ),
                )
            )
            return report
        report.header_row = best + 1
        columns: list[tuple[int, str, str]] = []  # (index, field name or ID_HEADER, header as written)
        given: list[tuple[int, str]] = []
        seen: dict[str, str] = {}
        ignored: list[str] = []
        for i, c in enumerate(rows[best]):
            if c is None or str(c).strip() == "":
                continue
            header = str(c).strip()
            name = known.get(key(header))
            if name is None:
                ignored.append(header)
                continue
            if key(header) in given_cols:
                given.append((i, given_cols[key(header)]))
            if not name:
                continue
            if name in seen:
                report.file_errors.append(
                    RowError(
                        best + 1,
                        header,
                        Message(
                            QT_TRANSLATE_NOOP("app", "「{a}」和「{b}」是同一列（{label}），请删去一列。"),
                            {
                                "a": seen[name],
                                "b": header,
                                "label": reg.field(name).label if name != ID_HEADER else name,
                            },
                        ),
                    )
                )
                continue
            seen[name] = header
            columns.append((i, name, header))
        if ignored:
            report.notes.append(
                Message(
                    QT_TRANSLATE_NOOP("app", "以下列不是本登记簿的字段，未导入：{names}"),
                    {"names": tuple(ignored)},
                )
            )
        report.headers = [h for _i, _n, h in columns]
        body = rows[best + 1 :]
        total = len(body)
        lifecycle = reg.lifecycle
        for n, row in enumerate(body):
            excel_row = best + 2 + n
            cells = [row[i] if i < len(row) else None for i, _name, _h in columns]
            if all(c is None or (isinstance(c, str) and c.strip(_SPACES) == "") for c in cells):
                continue
            item = ImportRow(excel_row, [cell_text(c) for c in cells], {})
            # A name several targets bear (two townships' 大塘村), kept until the row's id is read:
            # a row of this program's export names the record, whose own target settles it.
            ambiguous: list[tuple[str, str, set[str], list[Message]]] = []
            for (_i, name, header), value in zip(columns, cells, strict=True):
                problems: list[Message] = []
                if name == ID_HEADER:
                    item.row_id = cell_text(value) or None
                    continue
                f = reg.field(name)
                if isinstance(value, str) and self._placeholder(value.strip(_SPACES)):
                    continue  # （受限）: what the export shows for a value the actor may not read
                if name == "state" and lifecycle is not None:
                    if value is None or cell_text(value) == "":
                        continue
                    state = self._choice(f, cell_text(value), lifecycle.states)
                    if state not in {s for s, _l in lifecycle.states}:
                        problems.append(
                            Message(QT_TRANSLATE_NOOP("app", "「{label}」的取值无效。"), {"label": f.label})
                        )
                    else:
                        item.state = str(state)
                else:
                    self._ambiguous = set()
                    converted = self._cell(f, value, problems)
                    if not problems:
                        item.values[name] = converted
                    elif self._ambiguous:
                        ambiguous.append((name, header, self._ambiguous, problems))
                        continue
                for m in problems:
                    item.errors.append(RowError(excel_row, header, m))
                    item.unread.add(name)
            for name, header, found, problems in ambiguous:
                current = self._current(item.row_id, name) if item.row_id else None
                if current in found:
                    item.values[name] = current
                    continue
                for m in problems:
                    item.errors.append(RowError(excel_row, header, m))
                item.unread.add(name)
            for i, name in given:
                if i < len(row) and row[i] not in (None, ""):
                    item.given[name] = self._choice(
                        reg.field(name), cell_text(row[i]), reg.field(name).choices
                    )
            report.rows.append(item)
            if progress is not None and n % 200 == 0 and not progress(n, total * 2):
                raise ImportCancelled()
        return report

    # -- saving -----------------------------------------------------------------------------------
    def run(self, report: ImportReport, *, dry_run: bool, progress: Progress | None = None) -> ImportReport:
        """Save the report's rows in one transaction: all of them, or (any error, or ``dry_run``)
        none. Every row is checked, so every row's errors are reported."""
        report.dry_run = dry_run
        if report.file_errors:
            return report
        reg = self.reg
        headers = {name: h for name, h in zip(self._field_names(report), report.headers, strict=True)}
        transitions = Transitions(self.records)
        lifecycle = reg.lifecycle
        total = len(report.rows)

        class _Undo(Exception):
            pass

        try:
            with self.records.ctx.session() as s:
                # The records the rows refer to, held here: checking a reference then finds its
                # record in the session instead of asking the database (and flushing) per row.
                held = self._hold_references(s, report)
                for n, item in enumerate(report.rows):
                    if progress is not None and n % 100 == 0 and not progress(total + n, total * 2):
                        raise ImportCancelled()
                    self._save_row(s, item, headers, transitions, lifecycle)
                s.flush()
                del held
                if dry_run or not report.ok:
                    raise _Undo()
        except _Undo:
            return report
        report.saved = True
        undo.mark(self.records.ctx, undo.IMPORT, reg.name, reg.title)
        return report

    def _hold_references(self, s: Any, report: ImportReport) -> list[Any]:
        wanted: dict[str, set[str]] = {}
        for item in report.rows:
            for name, value in item.values.items():
                f = self.reg.field(name)
                if f.kind == REF and f.ref and value:
                    wanted.setdefault(f.ref, set()).add(str(value))
        held: list[Any] = []
        for target_name, ids in wanted.items():
            model = REGISTERS[target_name].model
            held.extend(s.scalars(select(model).where(model.id.in_(ids))))
        return held

    def _field_names(self, report: ImportReport) -> list[str]:
        known = self._columns_by_key()
        return [known[key(h)] for h in report.headers]

    def _save_row(
        self, s: Any, item: ImportRow, headers: Mapping[str, str], transitions: Transitions, lifecycle: Any
    ) -> None:
        reg = self.reg

        def fail(errors: Mapping[str, Message]) -> None:
            for name, message in errors.items():
                if name in item.unread:
                    continue  # already said why its cell could not be read
                column = headers.get(name) or (reg.field(name).label if _is_field(reg, name) else WHOLE_ROW)
                item.errors.append(RowError(item.row, column, message))

        # A row whose cells could not all be read is still checked (so that every error of it is
        # reported); the transaction is then undone anyway.
        later = lifecycle is not None and item.state is not None and item.state != lifecycle.initial
        try:
            if item.row_id:
                obj = s.get(reg.model, item.row_id)
                if obj is None or obj.deleted:
                    fail({ID_HEADER: Message(
                        QT_TRANSLATE_NOOP("app", "本机没有编号为 {id} 的记录（已删除，或来自别的安装）；作为新记录导入请清空这一格。"),
                        {"id": item.row_id})})  # fmt: skip
                    return
                if item.state is not None and item.state != getattr(obj, "state", item.state):
                    fail({"state": Message(
                        QT_TRANSLATE_NOOP("app", "导入不改变已有记录的状态（现为「{state}」），请用「办理」。"),
                        {"state": lifecycle.state_label(obj.state)})})  # fmt: skip
                    return
                # An empty cell of a column that cannot hold NULL (an unset choice is stored as
                # "") leaves the stored value as it is.
                table = reg.model.__table__  # type: ignore[attr-defined]
                for name in [n for n, v in item.values.items() if v is None]:
                    if name in table.c and not table.c[name].nullable:
                        del item.values[name]
                item.saved_id = self._save(s, item, item.row_id)
                item.outcome = "updated"
            elif later:
                assert lifecycle is not None and item.state is not None
                try:
                    rid = transitions.enter_imported(s, reg, item.values, item.state, given=item.given)
                except NeedsConfirmation as warned:
                    item.warnings.extend(warned.warnings)
                    rid = transitions.enter_imported(s, reg, item.values, item.state, given=item.given,
                                                     confirmed=True)  # fmt: skip
                item.saved_id = rid
                item.ledger_step = True
                item.outcome = "created"
            else:
                item.saved_id = self._save(s, item, None)
                item.outcome = "created"
        except ValidationError as exc:
            fail(exc.errors)
        except TransitionRefused as exc:
            fail({"state": exc.message})
        except (PermissionDenied, NotInAudience) as exc:
            fail({"": exc.message})
        except NotFoundError:
            fail({ID_HEADER: Message(QT_TRANSLATE_NOOP("app", "本机没有编号为 {id} 的记录（已删除，或来自别的安装）；作为新记录导入请清空这一格。"),
                                     {"id": str(item.row_id)})})  # fmt: skip

    def _save(self, s: Any, item: ImportRow, row_id: str | None) -> str:
        try:
            return self.records.save_in(s, self.reg, item.values, row_id, flush=False)
        except NeedsConfirmation as warned:
            item.warnings.extend(warned.warnings)
            return self.records.save_in(s, self.reg, item.values, row_id, confirmed=True, flush=False)


def _is_field(reg: Register, name: str) -> bool:
    return any(f.name == name for f in reg.fields)


def check_file(
    records: RecordService,
    reg: Register,
    path: Path,
    labels: Labels = lambda s: s,
    progress: Progress | None = None,
) -> ImportReport:
    """Read and check every row as the import would, and save nothing (the window's preview,
    ``import-xlsx --dry-run``)."""
    importer = Importer(records, reg, labels)
    return importer.run(importer.read(path, progress), dry_run=True, progress=progress)


def import_file(
    records: RecordService,
    reg: Register,
    path: Path,
    *,
    dry_run: bool = False,
    labels: Labels = lambda s: s,
    progress: Progress | None = None,
) -> ImportReport:
    """Read ``path`` and save every row, or none when any row has an error (``report.saved``)."""
    importer = Importer(records, reg, labels)
    return importer.run(importer.read(path, progress), dry_run=dry_run, progress=progress)
