"""Fixtures for the window's tests: a fresh installation in a temporary folder, and its data.

Each test gets its own database (``Database.open`` on the test's folder, initialised as a county
commission) and its own settings file; nothing touches the developer's data or Qt settings.
Records are made through ``RecordService.save``, exactly as the forms make them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from app.context import Context
from app.db.database import Database
from app.registers import get
from app.services.installation import SetupRequest, initialise
from app.services.records import RecordService
from ui.events import ChangeBus


def backdate_registry(records: RecordService) -> None:
    """Date the registry's rows as added long before the periods a test looks at (coverage counts
    a village, a staff member, a unit from the day it was added), whatever today's date is."""
    from datetime import date, datetime

    from sqlalchemy import update

    from app.models.org import Staff, SupervisedUnit, Unit, Village

    long_ago = datetime.combine(date(2020, 1, 1), datetime.min.time())
    with records.ctx.session() as s:
        for model in (Unit, Staff, Village, SupervisedUnit):
            s.execute(update(model).values(created_at=long_ago))


# Qt's offscreen platform (used for these tests only) says this when a window with a layout gets a
# minimum size, or a popup (completer, menu) raises itself and grabs the keyboard, and (Qt 6.5, the
# oldest Qt the program supports) when a shown window becomes a child: it is about the test
# platform, not about the program.
OFFSCREEN_NOISE = r"^This plugin does not support (propagateSizeHints|raise|grabbing the keyboard|setParent)"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


SETUP = SetupRequest("county", "C01", "测试县纪委监委", "C01", "测试县", "admin", "secret123")


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "data")
    initialise(database, SETUP)
    yield database
    database.close()


@pytest.fixture
def records(db: Database) -> RecordService:
    return RecordService(Context.system(db, "admin"))


@pytest.fixture
def bus() -> ChangeBus:
    return ChangeBus()


@pytest.fixture
def settings(tmp_path: Path) -> Iterator[QSettings]:
    s = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    yield s
    s.sync()


@dataclass
class Org:
    """A small organisation: ids by a short name."""

    records: RecordService
    zones: dict[str, str] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    staff: dict[str, str] = field(default_factory=dict)

    def zone(self, name: str, **values: Any) -> str:
        self.zones[name] = self.records.save(get("zones"), {"name": name, **values})
        return self.zones[name]

    def unit(self, code: str, name: str, unit_type: str, posts: int = 0, **values: Any) -> str:
        self.units[code] = self.records.save(
            get("units"),
            {"code": code, "name": name, "unit_type": unit_type, "authorised_posts": posts, **values},
        )
        return self.units[code]

    def person(self, name: str, unit: str, post: str, **values: Any) -> str:
        self.staff[name] = self.records.save(
            get("staff"), {"name": name, "unit_id": self.units[unit], "post": post, **values}
        )
        return self.staff[name]


@pytest.fixture
def org(records: RecordService) -> Org:
    """Two zones, two townships, one dispatched group and a few people (plus the county itself)."""
    o = Org(records)
    o.zone("东片区", leader="赵常委")
    o.zone("西片区", leader="钱常委")
    o.unit("T01", "城关镇纪委", "township", 5, zone_id=o.zones["东片区"])
    o.unit("T02", "河口乡纪委", "township", 5, zone_id=o.zones["西片区"])
    o.unit("G01", "第一派驻纪检监察组", "group", 3)
    o.person("王芳", "T01", "secretary", gender="女", full_time=True)
    o.person("李强", "T01", "member", gender="男", also_inspector=True)
    o.person("张伟", "T02", "secretary", gender="男", full_time=True)
    o.person("刘洋", "G01", "group_leader", gender="男", full_time=True)
    return o


def make_window(qtbot: Any, opened: Context, settings: QSettings) -> Any:
    """The main window of the installation ``opened``, shown and exposed (closed with the test)."""
    from ui.main_window import MainWindow

    window = MainWindow(opened, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
