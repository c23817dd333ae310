"""A whole demo county on disk, its data carried by real enrolment packages and bundles
(``demo-county``, ``python main.py --demo``).

``build_demo_county(out, password, seed)`` makes, under the empty (or absent) folder ``out``, one
installation (``app.services.login.create``: encrypted, key slots; administrator ``admin`` with
``password``) per unit: ``out/<county code>`` for the county and ``out/<unit code>`` for each of
the 8 township commissions and 10 dispatched groups. What is generated where:

1. **Generate** (scratch): ``create_demo_county`` builds a throw-away county in a scratch folder
   inside ``out`` (removed at the end): the organisation of the seed report, the casework of every
   unit and this year's residency, each unit's rows owned by that unit, reproducing the seed
   report's figures (2021, and 2021 to September 2022: ``demo_casework.SEED_FIGURES``). It is
   generated county-wide in one place because those figures are county totals split across the
   units.
2. **County**: the county's installation is created and the scratch rows the county owns (the
   organisation, the settings, the casework of the county's offices) are entered into it as the
   county's own local changes (``demo_entry.enter``).
3. **Units**, one after the other: the county enrols the unit (``exchange.enrolment_package``:
   new keys, the county's sensitive-field key, the reference data: what ``enroll`` writes into the
   passphrase-protected file, handed over in memory); the unit's installation is created from the
   package (``exchange.init_from_package``); the
   scratch rows the unit owns (its casework and their timelines, its visits, ledger entries and
   the clue drafts they found) are entered there as the unit's local changes (new versions made
   at the unit, change-log and audit entries written there); the unit exports its bundle
   (``exchange.export_bundle``).
4. **Import**: the county imports each unit's bundle (``exchange.import_bundles``). This is the
   only way the units' rows reach the county folder: nothing of theirs is copied into it.
5. **Return**: the county exports a bundle to each unit (reference data changed since its
   enrolment, acknowledgements) and the unit imports it.

The bundles go through a scratch "USB stick" folder inside ``out``, removed at the end with the
scratch installation. The enrolment packages carry the county's sensitive-field key, so what a
unit sealed (reporters, clue summaries) opens at the county too. Afterwards the county holds every unit's rows under the unit's versions, its
bundle history lists one received and one sent bundle per unit, and each unit holds its own rows
and the county's reference data, with both sides' acknowledgements up to date.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from app import os_errors
from app.config import DB_FILE_NAME
from app.context import Context
from app.demo import chain as demo_chain
from app.demo import entry as demo_entry
from app.demo.batch import DEMO_COUNTY, GROUPS, TOWNSHIPS, create_demo_county, demo_today_problem
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.org import Unit
from app.services.installation import SetupError, SetupRequest
from app.services.login import create
from app.sync import exchange

__all__ = ["PHASES", "DemoCountyError", "Folder", "build_demo_county"]

# (phase, progress steps): ``progress(done, total, phase)`` counts over all of them, a step being
# about five seconds of work (each report costs the window a signal: few and even is better).
PHASES = (
    ("generate", 6),
    ("county", 1),
    ("units", len(TOWNSHIPS) + len(GROUPS)),
    ("import", 1),
    ("return", 1),
)
Progress = Callable[[int, int, str], object]
ADMIN = DEMO_COUNTY["admin_username"]


class DemoCountyError(Exception):
    """The demo county cannot be built; ``message`` says why (Chinese)."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(str(message))


@dataclass(frozen=True)
class Folder:
    code: str
    unit_type: str  # county | township | group
    path: Path


class _Steps:
    """Turns each phase's own count into one count over the whole build, reported when it moves."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.total = sum(n for _phase, n in PHASES)
        self.size = dict(PHASES)
        self.start: dict[str, int] = {}
        offset = 0
        for phase, n in PHASES:
            self.start[phase] = offset
            offset += n
        self.last = (-1, "")

    def __call__(self, phase: str, done: int, of: int = 0) -> None:
        """``done`` steps of ``phase``; or, with ``of``, ``done`` of ``of`` scaled to the phase."""
        size = self.size[phase]
        steps = size * min(done, of) // of if of > 0 else min(done, size)
        now = (self.start[phase] + steps, phase)
        if self.progress is not None and now != self.last:
            self.last = now
            self.progress(now[0], self.total, phase)


def _check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise DemoCountyError(
            Message(
                QT_TRANSLATE_NOOP("app", "「{path}」不是目录，请指定一个空目录或不存在的目录。"),
                {"path": str(out)},
            )
        )
    if out.is_dir() and any(out.iterdir()):
        raise DemoCountyError(
            Message(
                QT_TRANSLATE_NOOP("app", "目录「{path}」不是空的，请指定一个空目录或不存在的目录。"),
                {"path": str(out)},
            )
        )


def _url(folder: Path) -> str:
    """Always the embedded SQLite file, whatever ``JIWEI_DB_URL`` says: a demo never touches a
    real database."""
    return f"sqlite:///{folder / DB_FILE_NAME}"


def _units(opened: Context) -> list[Unit]:
    """The townships, then the groups, in code order."""
    with opened.db.session() as s:
        units = list(
            s.scalars(
                select(Unit)
                .where(Unit.unit_type.in_(("township", "group")), Unit.deleted.is_(False))
                .order_by(Unit.unit_type.desc(), Unit.code)
            )
        )
        s.expunge_all()
    return units


def _create_county(folder: Path, password: str) -> Context:
    return create(
        folder,
        _url(folder),
        SetupRequest(
            unit_type="county",
            unit_code=DEMO_COUNTY["unit_code"],
            unit_name=DEMO_COUNTY["unit_name"],
            county_code=DEMO_COUNTY["county_code"],
            county_name=DEMO_COUNTY["county_name"],
            admin_username=ADMIN,
            admin_password=password,
        ),
    )


def _enrol_unit(county: Context, unit: Unit, folder: Path, password: str) -> Context:
    """The county enrols ``unit`` and its installation is made in ``folder`` from the package:
    the same package ``enroll`` writes, handed over in memory (both installations are made here,
    so the passphrase-protected file, whose scrypt took about 3 s a unit, has no one to protect
    anything from)."""
    package = exchange.enrolment_package(county, unit.code)
    opened: Context = exchange.init_from_package(folder, _url(folder), package, ADMIN, password)
    return opened


def _imported(results: list[exchange.Imported]) -> None:
    for result in results:
        if result.status != "imported":  # refused or a duplicate: always with a message
            assert result.message is not None
            raise DemoCountyError(result.message)


def build_demo_county(
    out: Path, password: str, seed: int = 1, progress: Progress | None = None, today: date | None = None
) -> list[Folder]:
    """Build the demo county under ``out`` (empty or absent) as the module describes; return its
    folders, the county's first, then the townships' and groups' in code order. ``today`` (default:
    the machine's date) is the day the recent open work is dated from (``add_demo_batch``).

    ``progress(done, total, phase)`` hears of each step (``phase`` one of ``PHASES``' names); an
    exception it raises stops the build (the folders made so far stay). Raises
    ``DemoCountyError``."""
    out = Path(out)
    _check_out(out)
    problem = demo_today_problem(today) if today is not None else None
    if problem is not None:
        raise DemoCountyError(problem)
    steps = _Steps(progress)
    county_code = DEMO_COUNTY["county_code"]
    opened: list[Context] = []
    try:
        out.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".demo-build-", dir=out))
    except OSError as exc:
        raise DemoCountyError(
            Message(
                QT_TRANSLATE_NOOP("app", "无法建立示范县目录：{reason}"), {"reason": os_errors.describe(exc)}
            )
        ) from None
    try:
        scratch = create_demo_county(
            work / "scratch", password, seed=seed, progress=lambda d, t: steps("generate", d, t), today=today
        )
        opened.append(scratch)
        county = _create_county(out / county_code, password)
        opened.append(county)
        own = demo_entry.owned_rows(scratch, county_code)
        # The county's co-review opinions are about the units' cases, its integrity replies about
        # the units' people and its feedback on their 述职述廉 about their reports, which reach the
        # county only in the units' bundles: they are entered after the import (the co-reviews and
        # the feedback go back in its bundles).
        opinions = {
            name: own.pop(name, [])
            for name in ("co_reviews", "integrity_requests", "integrity_replies", "report_feedback")
        }
        demo_entry.enter(county, own, scratch.held_keys.sensitive, ADMIN)
        steps("county", 1)
        folders = [Folder(county_code, "county", out / county_code)]
        stick = work / "stick"
        stick.mkdir()
        units: list[tuple[Unit, Context, exchange.Exported]] = []
        reported: list[str] = []
        for unit in _units(scratch):
            path = out / unit.code
            unit_opened = _enrol_unit(county, unit, path, password)
            opened.append(unit_opened)
            rows = demo_entry.owned_rows(scratch, unit.code)
            demo_entry.enter(unit_opened, rows, scratch.held_keys.sensitive, ADMIN)
            reported.extend(demo_chain.report_up(unit_opened))
            units.append((unit, unit_opened, exchange.export_bundle(unit_opened, stick)))
            folders.append(Folder(unit.code, unit.unit_type, path))
            steps("units", len(units))
        for _unit, _opened, bundle in units:
            _imported(exchange.import_bundles(county, [bundle.path]))
        demo_entry.enter(county, opinions, scratch.held_keys.sensitive, ADMIN)
        demo_chain.take_up(county, reported)
        steps("import", 1)
        for unit, unit_opened, _bundle in units:
            back = exchange.export_bundle(county, stick, to=unit.code)
            _imported(exchange.import_bundles(unit_opened, [back.path]))
        steps("return", 1)
    except SetupError as exc:
        raise DemoCountyError(next(iter(exc.messages.values()))) from None
    except exchange.SyncError as exc:
        raise DemoCountyError(exc.message) from None
    except OSError as exc:
        raise DemoCountyError(
            Message(
                QT_TRANSLATE_NOOP("app", "无法建立示范县目录：{reason}"), {"reason": os_errors.describe(exc)}
            )
        ) from None
    finally:
        for o in reversed(opened):
            o.db.close()
        shutil.rmtree(work, ignore_errors=True)
    return folders
