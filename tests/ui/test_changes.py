"""An operation run from one page refreshes the others only through the changes it reports.

Each page remembers the tables its last refresh read (``ui.watch``); the change bus carries an
operation's ``Changes`` (the tables it wrote); a page refreshes when the two meet, and no page
keeps a list of the registers it watches.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.context import Changes, Context
from app.db.database import Database
from app.registers import get
from app.services.records import RecordService
from ui.events import ChangeBus
from ui.ops import run_op
from ui.pages.register_page import RegisterPage
from ui.pages.staffing_page import StaffingPage


def _counting(qtbot: QtBot, page: object, method: str) -> list[int]:
    calls: list[int] = []
    original: Callable[[], object] = getattr(page, method)

    def counted() -> object:
        calls.append(1)
        return original()

    setattr(page, method, counted)
    return calls


def test_a_save_refreshes_the_pages_that_read_its_table_and_no_other(
    qtbot: QtBot, records: RecordService, db: Database, bus: ChangeBus, settings: QSettings
) -> None:
    unit = records.save(get("units"), {"code": "T01", "name": "城关镇纪委", "unit_type": "township",
                                       "authorised_posts": 5})  # fmt: skip
    records.ctx.take_changes()  # made before the pages: nothing to announce
    zones = RegisterPage(records, get("zones"), bus, settings)
    staff = RegisterPage(records, get("staff"), bus, settings)
    staffing = StaffingPage(Context.system(db, "admin"), bus, settings)
    for page in (zones, staff, staffing):
        qtbot.addWidget(page)
        page.show()
        qtbot.waitExposed(page)
    assert "zones" in zones.model.read_tables and "staff" in staff.model.read_tables
    assert {"staff", "units"} <= staffing.read_tables and "zones" not in staffing.read_tables
    reloads = {name: _counting(qtbot, p, m) for name, p, m in
               (("zones", zones, "reload"), ("staff", staff, "reload"), ("staffing", staffing, "refresh"))}  # fmt: skip

    with qtbot.waitSignal(bus.changed) as sent:
        run_op(records.ctx, bus, lambda: records.save(get("zones"), {"name": "第一片区"}))
    changes = sent.args[0]
    assert isinstance(changes, Changes) and "zones" in changes.tables and "staff" not in changes.tables
    assert (len(reloads["zones"]), len(reloads["staff"]), len(reloads["staffing"])) == (1, 0, 0)
    assert zones.model.rowCount() == 1

    with qtbot.waitSignal(bus.changed):
        run_op(records.ctx, bus, lambda: records.save(
            get("staff"), {"name": "王某", "unit_id": unit, "post": "secretary", "full_time": True}))  # fmt: skip
    assert (len(reloads["zones"]), len(reloads["staff"]), len(reloads["staffing"])) == (1, 1, 1)
    assert staff.model.rowCount() == 1


def test_an_operation_that_changed_nothing_announces_nothing(
    qtbot: QtBot, records: RecordService, bus: ChangeBus
) -> None:
    records.ctx.take_changes()
    with qtbot.assertNotEmitted(bus.changed):
        run_op(records.ctx, bus, lambda: records.ids(get("zones")))


def test_a_secretary_sees_the_units_but_cannot_add_one(
    qtbot: QtBot, db: Database, bus: ChangeBus, settings: QSettings
) -> None:
    """The units need the units permission besides editing: the page offers what the operation
    would allow (the operation refuses the rest anyway)."""
    from app.context import Context
    from app.security.roles import Actor

    secretary = RecordService(Context(db, Actor("sec", "secretary")))
    units = RegisterPage(secretary, get("units"), bus, settings)
    zones = RegisterPage(secretary, get("zones"), bus, settings)
    qtbot.addWidget(units)
    qtbot.addWidget(zones)
    assert not units.can_edit and not units.act_new.isEnabled()
    assert zones.can_edit
