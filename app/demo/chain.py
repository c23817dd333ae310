"""What the demo county does at the real installations after entering the generated rows: a
township reports a clue about a 县管干部 up (上报, a transfer request in its bundle), and the county
takes it up (提级办理) and takes it in (受理), so its bundle carries the transfer back."""

from __future__ import annotations

from sqlalchemy import select

from app.context import Context
from app.models.casework import Clue
from app.registers import get as get_register
from app.registers.casework_choices import COUNTY_MANAGED
from app.services import jurisdiction
from app.services.records import RecordService
from app.services.transitions import Transitions

REPORT_REASON = "被反映人系县管干部，超出本单位管理权限，按规定报县纪委监委处置"
TAKE_UP_REASON = "县管干部问题线索，由县纪委监委提级办理"
ACCEPT_REASON = "已受理乡镇纪委上报的问题线索"


def report_up(unit: Context) -> list[str]:
    """At a township: every registered clue about a 县管干部 is reported up. Returns their ids."""
    if unit.installation().unit_type != "township":
        return []
    with unit.session() as s:
        ids = list(
            s.scalars(
                select(Clue.id).where(
                    Clue.deleted.is_(False),
                    Clue.state == "registered",
                    Clue.subject_authority == COUNTY_MANAGED,
                    Clue.owner == unit.unit,
                )
            )
        )
    flow = Transitions(RecordService(unit))
    for clue_id in ids:
        flow.apply(get_register("clues"), clue_id, "report_up", {}, REPORT_REASON)
    return ids


def take_up(county: Context, clue_ids: list[str]) -> None:
    """At the county, after the bundles are in: each clue reported up is taken up and taken in."""
    flow = Transitions(RecordService(county))
    for clue_id in clue_ids:
        jurisdiction.take_up(county, "clues", clue_id, TAKE_UP_REASON)
        flow.apply(get_register("clues"), clue_id, "accept", {}, ACCEPT_REASON)
