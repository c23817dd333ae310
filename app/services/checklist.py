"""The checklist of matters a visit ticks (检查事项), for callers that hold a ``RecordService``
rather than a session (the printed visit forms)."""

from __future__ import annotations

from app.registers.residency import checklist
from app.services.records import RecordService


def visit_checklist(records: RecordService, unit_type: str) -> list[str]:
    """The matters a township's village visit (``unit_type="township"``) or a dispatched group's
    visit (``"group"``) lists, in the order the form prints them: the county's setting, or the
    default list when nothing is set."""
    with records.ctx.session() as s:
        return checklist(s, unit_type)
