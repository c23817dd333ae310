"""Writing an official document (``app.reports.official_doc``) to the file a person chose: .docx
through ``official_doc.to_docx``, PDF through ``official_pdf.draw``, atomically, audited as
printing. Apart from the description so that the PDF drawing, which reads the description, is
not also imported by it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.reports.official_doc import OfficialDoc, check_target, to_docx

if TYPE_CHECKING:
    from app.services.records import RecordService


def write(
    records: RecordService, d: OfficialDoc, path: Path, table_name: str, ids: list[str], form: str
) -> None:
    """Write ``d`` to ``path`` (.docx or .pdf, atomically), one PRINT audit entry per record of
    ``table_name`` in ``ids`` written with it."""
    from app.reports.form_parts import audited_print, write_pdf
    from app.services.spreadsheet import write_atomically

    suffix = check_target(records, path)

    def around() -> Any:
        return audited_print(records, table_name, ids, form)

    if suffix == ".pdf":
        from app.reports.official_pdf import draw

        write_pdf(Path(path), lambda target: draw(d, target), around)
    else:
        document = to_docx(d)
        write_atomically(Path(path), lambda tmp: document.save(str(tmp)), around_replace=around)
