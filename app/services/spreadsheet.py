"""Register lists to .xlsx (openpyxl), written atomically and recorded in the audit log."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from app import leftovers
from app.i18n import QT_TRANSLATE_NOOP
from app.registers.fields import BOOL, CHOICE, Register
from app.security import audit
from app.security.roles import PRINT
from app.services.records import RecordService

if TYPE_CHECKING:
    from app.db.database import Database

CHUNK = 500
# The export's last column, hidden: each row's record id, so that importing the file again
# (``app.services.xlsx_import``) updates the records it names instead of adding them twice.
ID_HEADER = QT_TRANSLATE_NOOP("app", "系统编号（勿改）")


def write_atomically(
    path: Path,
    write: Callable[[Path], None],
    *,
    around_replace: Callable[[], AbstractContextManager[object]] | None = None,
) -> None:
    """Write to a temporary name in the same folder, fsync, then rename over ``path``.

    ``around_replace()`` wraps the rename alone (the export's audit entry: the file appears only
    when the entry is written, and the entry is kept only when the file appeared).
    """
    path = Path(path)
    leftovers.sweep(path.parent, [leftovers.EXPORT_PART])  # of an export killed earlier
    fd, tmp = leftovers.make_temp_file(path.parent, ".jiwei-", path.suffix)
    os.close(fd)
    try:
        write(Path(tmp))
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        with around_replace() if around_replace is not None else nullcontext():
            os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_report(
    path: Path,
    write: Callable[[Path], None],
    db: Database | None,
    user: str,
    name: str,
    rows: int,
    action: str = audit.EXPORT,
) -> None:
    """``write_atomically`` for a report (statistics, coverage, staffing…): with a database, the
    export (or the print, ``action``) is recorded in its audit log as report ``name`` of ``rows``
    rows, in the step that puts the file in place."""
    around: Callable[[], AbstractContextManager[object]] | None = None
    if db is not None:
        detail = audit.export_detail("report", name, rows)

        def around() -> AbstractContextManager[object]:
            return audit.recorded(db, user, action, detail=detail)

    write_atomically(path, write, around_replace=around)


def export_register(
    records: RecordService,
    reg: Register,
    ids: Sequence[str],
    path: Path,
    labels: Callable[[str], str] = lambda s: s,
    progress: Callable[[int, int], bool] | None = None,
) -> int:
    """Write the rows ``ids`` (in that order) with the list's columns, and a hidden last column
    of their ids (``ID_HEADER``); return rows written.

    ``labels`` translates column titles and the cells of choice and yes/no columns (the window
    passes Qt's translation); typed data is written as it is.
    ``progress(done, total)`` may return False to cancel; nothing is written then.
    The export needs the PRINT permission (打印和导出) and is recorded in the audit log (register
    and row count, never the rows) as ``records.user``, in the same step that puts the file in place.
    """
    records._require(PRINT)
    columns = reg.columns
    coded = {f.name for f in reg.fields if f.kind in (CHOICE, BOOL)}

    def shown(row: dict[str, str], column: str) -> str:
        return labels(row[column]) if column in coded else row[column]

    def write(tmp: Path) -> None:
        # openpyxl is imported when a sheet is written, not when the window starts.
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter

        wb = Workbook()
        ws = wb.active
        assert ws is not None
        ws.title = labels(reg.title)[:31]
        ws.append([*(labels(reg.column_label(c)) for c in columns), labels(ID_HEADER)])
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center")
        widths = [len(labels(reg.column_label(c))) * 2 + 2 for c in columns]
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            rows = records.rows(reg, chunk)
            for row_id in chunk:
                values = [shown(rows[row_id], c) if row_id in rows else "" for c in columns]
                ws.append([*values, row_id if row_id in rows else ""])
                for i, v in enumerate(values):
                    widths[i] = min(60, max(widths[i], len(v) * 2 + 2))
            if progress is not None and not progress(min(start + CHUNK, len(ids)), len(ids)):
                raise ExportCancelled()
        for i, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = w
        ws.column_dimensions[get_column_letter(len(columns) + 1)].hidden = True
        ws.freeze_panes = "A2"
        wb.save(tmp)

    table = reg.model.__table__.name  # type: ignore[attr-defined]
    write_atomically(
        path,
        write,
        around_replace=lambda: audit.recorded(
            records.db,
            records.user,
            audit.EXPORT,
            target_table=table,
            detail=audit.export_detail("register", reg.name, len(ids)),
        ),
    )
    return len(ids)


class ExportCancelled(Exception):
    pass
