"""What each register can print: the forms offered beside its list, each opening a print preview.

``register_print_actions(name)`` lists them (none for a register without forms). Each action's
``run(parent, records, settings, ids)`` opens a ``PdfPreview`` of the selected records' forms,
made on a worker thread by ``app.reports``; printing is refused to an actor without the PRINT
permission, and every printed record is written to the audit log by the report itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from app.services.records import RecordService
    from ui.dialogs.pdf_preview import PdfPreview

CONTEXT = "PrintActions"


@dataclass(frozen=True)
class PrintAction:
    """One printable form of a register: its button label, what it does, whether it needs rows."""

    label: str
    run: Callable[[QWidget, RecordService, QSettings, list[str]], None]
    needs_selection: bool = True
    tooltip: str = ""


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _clue_form(kind: str, title: str) -> Callable[[QWidget, RecordService, QSettings, list[str]], None]:
    def run(parent: QWidget, records: RecordService, settings: QSettings, ids: list[str]) -> None:
        preview_clue_forms(parent, records, settings, ids, kind, title)

    return run


def preview_clue_forms(
    parent: QWidget | None, records: RecordService, settings: QSettings | None, ids: list[str], kind: str,
    title: str,
) -> PdfPreview | None:  # fmt: skip
    """Open the preview of the ``kind`` form of the clues ``ids`` (None when refused)."""
    from app.security.roles import PRINT

    if not ids:
        return None
    if not records.can(PRINT):
        QMessageBox.warning(parent, title, _tr("当前用户没有打印的权限。"))
        return None
    from app.reports.clue_forms import TITLES, clue_forms_pdf
    from ui.dialogs.pdf_preview import open_preview

    chosen = list(ids)

    def make(path: Path) -> None:
        clue_forms_pdf(records, chosen, kind, path)

    # The file name stays in Chinese (the document's own title) whatever the interface language.
    name = f"{TITLES[kind]}_{datetime.now():%Y%m%d_%H%M}.pdf"
    return open_preview(parent, make, title, settings, file_name=name)


def register_print_actions(register_name: str) -> list[PrintAction]:
    """The forms the register ``register_name`` prints, in the order they are offered."""
    if register_name == "clues":
        return [
            PrintAction(
                _tr("打印问题线索登记表"),
                _clue_form("register", _tr("问题线索登记表")),
                tooltip=_tr("预览并打印所选线索的登记表，每条线索一页"),
            ),
            PrintAction(
                _tr("打印线索处置呈批表"),
                _clue_form("approval", _tr("线索处置呈批表")),
                tooltip=_tr("预览并打印所选线索的处置呈批表，每条线索一页"),
            ),
        ]
    return []
