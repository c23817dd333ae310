"""From a report (信访举报) to one or more problem clues: each clue starts with the report's facts;
the report moves to 已转线索 with its first clue, and every clue made from it is a step on the
report's timeline.

``clue_from_report`` is the whole workflow as one operation: the clue is saved and the report
takes its step in one transaction, so a refusal of either leaves both as they were (the window's
转为问题线索 and the command line's ``clue from-report`` both call it)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.registers import get as get_register
from app.security.sensitive import PLACEHOLDERS
from app.services import undo
from app.services.records import RecordService
from app.services.transitions import Transitions

CARRIED = (
    "person_id",
    "subject_name",
    "subject_unit",
    "subject_post",
    "subject_rank",
    "subject_authority",
    "subject_village",
    "subject_is_object",
    "subject_is_member",
    "category",
    "subcategory",
    "summary",
    "register_only",
    "secrecy",
    "audience",
)


def clue_values_from_report(records: RecordService, report_id: str) -> dict[str, Any]:
    """Initial values of a new clue made from a report (source 信访举报). A sensitive value the
    actor may not read is not carried (the clue's copy would be empty, not a placeholder)."""
    report = records.get(get_register("reports"), report_id)
    values: dict[str, Any] = {"source": "petition", "report_id": report_id, "received_on": report["received_on"]}
    for name in CARRIED:
        value = report.get(name)
        if isinstance(value, str) and value.strip() in PLACEHOLDERS:
            continue
        values[name] = value
    return values


def clue_from_report(
    records: RecordService,
    report_id: str,
    values: Mapping[str, Any] | None = None,
    *,
    confirmed: bool = False,
) -> str:
    """Make a clue from a report and move the report to 已转线索, in one transaction; return the
    clue's id. ``values``: the clue as the form (or ``--set``) gives it, over the values carried
    from the report. Raises what saving a clue or taking the report's step raises
    (``ValidationError``, ``NeedsConfirmation``, ``TransitionRefused``, ``PermissionDenied``),
    and then nothing is saved."""
    clues = get_register("clues")
    raw = {**clue_values_from_report(records, report_id), **(values or {}), "report_id": report_id}
    with records.ctx.session() as s:
        clue_id = records.save_in(s, clues, raw, confirmed=confirmed)
        number = str(getattr(s.get(clues.model, clue_id), "number", "") or "")
        reason = str(Message(QT_TRANSLATE_NOOP("app", "已转为问题线索 {number}"), {"number": number}))
        reports = get_register("reports")
        Transitions(records).apply_in(s, reports, report_id, "to_clue", {}, reason)
        what = undo.step_label(reports, "to_clue", s.get(reports.model, report_id))
    undo.mark(records.ctx, undo.TRANSITION, reports.name, what)  # a lifecycle step: not undone
    return clue_id
