"""The official documents the window writes (``app.reports.official_doc``): the 通报 of a circular
and the county's 廉政意见 reply letter, previewed as PDF (``PdfPreview``) or saved as .docx for the
office to edit. The document is read on the GUI thread first, so that a refusal (no PRINT right, a
sealed fact the user may not read, another unit than the county, nothing answered yet) is told
with the same message the command line gives; the file is then written, audited, by ``app``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.i18n import tr_message

if TYPE_CHECKING:
    from app.reports.official_doc import OfficialDoc
    from app.services.records import RecordService
    from ui.dialogs.pdf_preview import PdfPreview

Save = Callable[["RecordService", "OfficialDoc", str, Path], None]


def refuse(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def _build(
    parent: QWidget | None, records: RecordService, title: str, build: Callable[[], OfficialDoc]
) -> OfficialDoc | None:
    """The document, or None once the refusal is told."""
    from app.reports.integrity_letter import NothingReplied
    from app.security.roles import PRINT, PermissionDenied
    from app.services.records import NotFoundError

    try:
        records.actor.require(PRINT)
        return build()
    except (PermissionDenied, NothingReplied) as exc:
        refuse(parent, title, tr_message(exc.message))
    except NotFoundError:
        refuse(
            parent,
            title,
            QCoreApplication.translate("OfficialDocs", "该记录已不存在，可能已被删除。请刷新列表后重试。"),
        )
    return None


def _file_stem(d: OfficialDoc) -> str:
    # The file name stays in Chinese (the document's own title) whatever the interface language.
    name = "".join(ch for ch in d.title if ch not in '\\/:*?"<>|')[:60]
    return f"{name}_{datetime.now():%Y%m%d_%H%M}"


def preview(
    parent: QWidget | None, records: RecordService, settings: QSettings | None, title: str,
    build: Callable[[], OfficialDoc], save: Save, record_id: str,
) -> PdfPreview | None:  # fmt: skip
    """Open the PDF preview of the document (None when refused)."""
    d = _build(parent, records, title, build)
    if d is None:
        return None
    from ui.dialogs.pdf_preview import open_preview

    def make(path: Path) -> None:
        save(records, d, record_id, path)

    return open_preview(parent, make, title, settings, file_name=f"{_file_stem(d)}.pdf")


def export_docx(
    parent: QWidget | None, records: RecordService, settings: QSettings | None, title: str,
    build: Callable[[], OfficialDoc], save: Save, record_id: str,
) -> Path | None:  # fmt: skip
    """Ask where and save the document as .docx; the path written, or None."""
    d = _build(parent, records, title, build)
    if d is None:
        return None
    from ui.dialogs import ask

    title_text = QCoreApplication.translate("OfficialDocs", "保存为 Word 文档")
    path = ask.docx_path(parent, settings, _file_stem(d), title_text)
    if path is None:
        return None
    if settings is not None:
        settings.setValue(ask.EXPORT_DIR_KEY, str(path.parent))
    try:
        save(records, d, record_id, path)
    except OSError as exc:
        from ui.tasks import describe_error, show_error

        show_error(parent, title, describe_error(exc)[0])
        return None
    return path


# ---- the two documents -------------------------------------------------------------------------
def preview_circular(
    parent: QWidget | None, records: RecordService, settings: QSettings | None, circular_id: str
) -> PdfPreview | None:
    from app.reports.circular_doc import circular, save

    return preview(parent, records, settings, QCoreApplication.translate("OfficialDocs", "通报"), lambda: circular(records, circular_id), save,
                   circular_id)  # fmt: skip


def export_circular(
    parent: QWidget | None, records: RecordService, settings: QSettings | None, circular_id: str
) -> Path | None:
    from app.reports.circular_doc import circular, save

    return export_docx(parent, records, settings, QCoreApplication.translate("OfficialDocs", "导出通报"), lambda: circular(records, circular_id), save,
                       circular_id)  # fmt: skip


def preview_letter(
    parent: QWidget | None, records: RecordService, settings: QSettings | None, request_id: str
) -> PdfPreview | None:
    from app.reports.integrity_letter import letter, save

    return preview(parent, records, settings, QCoreApplication.translate("OfficialDocs", "廉政意见回复函"), lambda: letter(records, request_id), save,
                   request_id)  # fmt: skip


def export_letter(
    parent: QWidget | None, records: RecordService, settings: QSettings | None, request_id: str
) -> Path | None:
    from app.reports.integrity_letter import letter, save

    return export_docx(parent, records, settings, QCoreApplication.translate("OfficialDocs", "导出廉政意见回复函"), lambda: letter(records, request_id),
                       save, request_id)  # fmt: skip
