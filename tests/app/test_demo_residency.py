"""Residency demo data: visits (done, planned, missed, unplanned), the four quarterly ledgers and
the clue drafts visits found, in township and group installations and in the demo county; every
row valid, nobody sent to their home village, a seed twice changes nothing, each unit's folder of
``demo-county`` holds its own."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from apphelpers import PASSWORD, OpenDb, init_installation
from sqlalchemy import func, select

from app.cli import dump_records
from app.context import Context
from app.db.database import Database
from app.demo.batch import add_demo_batch
from app.demo.casework import SEED_SINCE
from app.demo.residency import COUNTY_CHECKLIST, KINDS
from app.models.casework import Clue, Transition
from app.models.ledgers import LiaisonReport, SignoffCheck, VillageCommitteeMember
from app.models.org import Staff, SupervisedUnit, Unit, Village
from app.models.people import Person
from app.models.residency import ChecklistItem, Visit
from app.quarters import quarter_bounds, quarter_of
from app.registers import get as get_register
from app.registers.ledgers import LEDGER_MODELS
from app.registers.residency import checklist
from app.services import login
from app.services.coverage import (
    MISSED,
    NOT_APPLICABLE,
    PLANNED,
    UNPLANNED,
    VISITED,
    ledger_coverage,
    visit_coverage,
)
from app.services.installation import SetupRequest
from app.services.records import RecordService

UNITS = {"township": ("T05", "河口镇纪委"), "group": ("G03", "派驻第三纪检监察组")}
RESIDENCY_TABLES = ("visits", "ledger_entries", "signoff_checks", "talk_checks", "major_matter_checks",
                    "checklist_items", "clues", "transitions")  # fmt: skip
VILLAGE_REGISTERS = ("village_committee_members", "village_committee_records", "liaison_reports")


def _open(folder: Path, unit_type: str) -> login.Context:
    code, name = UNITS[unit_type]
    return login.create(
        folder,
        f"sqlite:///{folder / 'jiwei.db'}",
        SetupRequest(unit_type, code, name, "C01", "测试县", "admin", PASSWORD),
    )


def _past_quarter(today: date) -> str:
    """The last quarter before today's (the demo's missed visits are there)."""
    year, q = today.year, (today.month - 1) // 3 + 1
    return f"{year}Q{q - 1}" if q > 1 else f"{year - 1}Q4"


def _rows(db: Database, model: Any, *conditions: Any) -> list[Any]:
    with db.session() as s:
        rows = list(s.scalars(select(model).where(model.deleted.is_(False), *conditions)))
        s.expunge_all()
        return rows


def _statuses(records: RecordService, today: date) -> set[str]:
    past = _past_quarter(today)
    rows = visit_coverage(records, today.year, today=today)
    found = {r.status(quarter_of(today)) for r in rows}
    if past.startswith(str(today.year)):
        found |= {r.status(past) for r in rows}
    else:
        found |= {r.status(past) for r in visit_coverage(records, today.year - 1, today=today)}
    return found


def _assert_valid_and_sound(db: Database, records: RecordService, unit_type: str) -> None:
    """Every visit and ledger row saves again unchanged; done visits carry a filled-in form from
    the checklist, two staff, a "record" step; nobody went to their home village."""
    visits = _rows(db, Visit)
    for v in visits:
        records.save(get_register("visits"), {}, v.id)
    for name in (*(f"ledger_{kind}" for kind in KINDS), *VILLAGE_REGISTERS):
        reg = get_register(name)
        for rid in records.ids(reg):
            records.save(reg, {}, rid)
    with db.session() as s:
        staff = {p.id: p for p in s.scalars(select(Staff))}
        villages = {v.id: v.name for v in s.scalars(select(Village))}
        units = {u.id: u.unit_type for u in s.scalars(select(Unit))}
        recorded = set(
            s.scalars(
                select(Transition.record_id).where(
                    Transition.register == "visits", Transition.action == "record"
                )
            )
        )
        matters = {t: set(checklist(s, t)) for t in ("township", "group")}
        s.expunge_all()
    homes = 0
    for v in visits:
        assert v.lead_id and v.member_id and v.lead_id != v.member_id
        if v.village_id:
            for sid in (v.lead_id, v.member_id):
                home = staff[sid].home_village
                homes += bool(home)
                assert home != villages[v.village_id], (staff[sid].name, home)
        if v.state == "done":
            assert v.id in recorded
            first, last = quarter_bounds(v.quarter)
            assert v.visited_on is not None and first <= v.visited_on <= min(last, date.today())
            ticked = v.matters.split("、")
            assert ticked and set(ticked) <= matters[units[v.unit_id]]
            assert v.people_talked and v.findings and v.follow_up
    if unit_type in ("township", "county"):
        assert homes, "some staff come from the villages they could be sent to"


@pytest.fixture(params=list(UNITS))
def installation(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[login.Context, str]]:
    opened = _open(tmp_path / request.param, request.param)
    yield opened, request.param
    opened.db.close()


def test_a_batch_fills_visits_ledgers_and_clue_drafts(installation: tuple[login.Context, str]) -> None:
    opened, unit_type = installation
    db, today = opened.db, date.today()
    counts = add_demo_batch(Context(db, opened.actor), 1)
    assert counts["visits.added"] > 0 and all(counts[f"ledger_{kind}.added"] > 0 for kind in KINDS)
    if unit_type == "township":  # the village committees and the liaisons' monthly reports
        assert all(counts[f"{name}.added"] > 0 for name in VILLAGE_REGISTERS)
    else:
        assert not any(f"{name}.added" in counts for name in VILLAGE_REGISTERS)
    records = RecordService(Context(db, opened.actor))
    visits = _rows(db, Visit)
    states = {v.state for v in visits}
    assert {"done", "planned"} <= states
    this_quarter = [v for v in visits if v.quarter == quarter_of(today)]
    assert {"done", "planned"} <= {v.state for v in this_quarter} or today <= quarter_bounds(
        quarter_of(today)
    )[0]
    # Coverage: visited, missed (a past quarter) and not yet planned (this quarter); the villages
    # and units were there from the start of the demo's history, so no quarter is 不适用.
    assert {VISITED, MISSED, UNPLANNED} <= _statuses(records, today)
    assert NOT_APPLICABLE not in _statuses(records, today)
    added = [*_rows(db, Village), *_rows(db, SupervisedUnit), *_rows(db, Staff)]
    assert added and {row.created_at.date() for row in added} == {SEED_SINCE}
    # The four ledgers: most supervised bodies in the last past quarter, not all.
    past = _past_quarter(today)
    for kind in KINDS:
        rows = ledger_coverage(records, kind, int(past[:4]), today=today)
        got = [r.status(past) for r in rows]
        assert got.count(VISITED) > len(got) / 2, kind
        if unit_type == "township":
            assert MISSED in got, kind
    # Clue drafts found on visits, linked to them and named in the visit's form.
    clues = _rows(db, Clue, Clue.visit_id.is_not(None))
    assert clues
    by_id = {v.id: v for v in visits}
    for clue in clues:
        visit = by_id[clue.visit_id]
        assert clue.source == "supervision" and clue.state == "registered"
        assert visit.state == "done" and clue.number in visit.clues_found
        assert clue.received_on == visit.visited_on and clue.handler_id == visit.lead_id
        assert records.get(get_register("clues"), clue.id)["summary"].startswith("驻村（驻在）监督发现")
        # About a person of the place visited, added to the person register first.
        person = _rows(db, Person, Person.id == clue.person_id)[0]
        assert (person.name, person.unit) == (clue.subject_name, clue.subject_unit)
        if visit.village_id:
            assert (person.authority, person.object_category, person.village) == (
                "村级干部",
                "5",
                clue.subject_village,
            )
        else:
            assert person.authority == "部门管干部" and person.object_category in ("1", "2", "4")
    _assert_valid_and_sound(db, records, unit_type)
    # A unit keeps the built-in checklist until the county's setting arrives.
    assert not _rows(db, ChecklistItem)


def _dump(db: Database) -> list[str]:
    return sorted(
        json.dumps(r, ensure_ascii=False, sort_keys=True)
        for r in dump_records(Context.system(db))
        if r["table"] in RESIDENCY_TABLES
    )


def test_later_seeds_add_edit_and_tombstone_and_a_seed_twice_changes_nothing(open_db: OpenDb) -> None:
    db = init_installation(
        open_db(), "township", "T05", "河口镇纪委", county_code="C01", county_name="测试县"
    )
    add_demo_batch(Context.system(db), 1)
    done_before = len(_rows(db, Visit, Visit.state == "done"))
    counts = add_demo_batch(Context.system(db), 2)
    assert counts["visits.added"] == 1 and counts["visits.deleted"] == 1
    assert counts["visits.edited"] >= 2  # recorded and corrected
    assert sum(counts.get(f"ledger_{kind}.added", 0) for kind in KINDS) == 1
    assert counts.get("liaison_reports.added", 0) <= 1
    assert len(_rows(db, Visit, Visit.state == "done")) > done_before
    before = _dump(db)
    assert add_demo_batch(Context.system(db), 2) == {}
    assert _dump(db) == before
    assert add_demo_batch(Context.system(db), 3)  # another seed: the next changes
    assert _dump(db) != before
    records = RecordService(Context.system(db, "demo"))
    _assert_valid_and_sound(db, records, "township")


def test_the_same_seed_gives_the_same_visits(open_db: OpenDb, tmp_path: Path) -> None:
    dumps = []
    for name in ("one", "two"):
        db = init_installation(
            open_db(f"sqlite:///{tmp_path / name}.db", tmp_path / name), "group", "G03", "派驻第三纪检监察组",
            county_code="C01", county_name="测试县",
        )  # fmt: skip
        add_demo_batch(Context.system(db), 5)
        add_demo_batch(Context.system(db), 6)
        dumps.append(_dump(db))
    assert dumps[0] == dumps[1]
    assert any('"table": "visits"' in line for line in dumps[0])


# ---- the demo county ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def county(demo_county_cli: tuple[Path, subprocess.CompletedProcess[str], Path]) -> Path:
    """The run's ``demo-county``: the county merged from the units' bundles."""
    return demo_county_cli[0]


def test_demo_county_coverage_has_visited_missed_and_unplanned_cells(county: Path) -> None:
    opened = login.login(county / "DEMO", None, "admin", PASSWORD)
    try:
        db, today = opened.db, date.today()
        records = RecordService(Context(db, opened.actor))
        assert {VISITED, MISSED, UNPLANNED, PLANNED} <= _statuses(records, today)
        rows = visit_coverage(records, today.year, today=today)
        assert {r.target_kind for r in rows} == {"village", "supervised_unit"}
        assert len({r.unit_id for r in rows}) == 18  # every township and group
        with db.session() as s:
            owners = dict(s.execute(select(Unit.id, Unit.code)).all())
            mismatched = [v.code for v in s.scalars(select(Visit)) if v.owner != owners[v.unit_id]] + [
                e.id
                for model in LEDGER_MODELS.values()
                for e in s.scalars(select(model))
                if e.owner != owners[e.unit_id]
            ]
            linked = list(s.scalars(select(Clue).where(Clue.visit_id.is_not(None))))
            assert all(c.owner == owners[c.handling_unit_id] for c in linked)
            assert len({c.owner for c in linked}) >= 10
            names = {i.name for i in s.scalars(select(ChecklistItem))}
            # Townships' signed 函询 replies are 签字背书 entries of their own 党委.
            replies = list(s.scalars(select(SignoffCheck).where(SignoffCheck.inquiry_id.is_not(None))))
            assert replies and {r.target for r in replies} == {"committee"}
            assert all(r.matter.startswith("函询回复") and r.signer for r in replies)
            # Every township's village keeps its committee and most months' liaison reports.
            assert {m.village_id for m in s.scalars(select(VillageCommitteeMember))} == set(
                s.scalars(select(Village.id).where(Village.deleted.is_(False)))
            )
            assert s.scalar(select(func.count()).select_from(LiaisonReport)) > 1000
        assert not mismatched  # each unit's rows owned by that unit
        assert {name for name, _applies in COUNTY_CHECKLIST} <= names
        # The seed county's rows belong to its units: only the system may save them here.
        _assert_valid_and_sound(db, RecordService(Context.system(db, "admin")), "county")
    finally:
        opened.db.close()


@pytest.mark.parametrize("code", ["T01", "G01"])
def test_each_unit_folder_holds_its_own_visits_ledgers_and_clue_drafts(county: Path, code: str) -> None:
    opened = login.login(county / code, None, "admin", PASSWORD)
    try:
        db = opened.db
        with db.session() as s:
            own = s.scalars(select(Unit).where(Unit.code == code)).one()
            for model in (Visit, *LEDGER_MODELS.values()):
                rows = list(s.scalars(select(model)))
                assert rows and {r.owner for r in rows} == {code} and {r.unit_id for r in rows} == {own.id}
            linked = list(s.scalars(select(Clue).where(Clue.visit_id.is_not(None))))
            assert linked and {c.owner for c in linked} == {code}
            assert s.scalar(select(func.count()).select_from(ChecklistItem)) > 0
            targets = {
                t for model in LEDGER_MODELS.values() for t in s.scalars(select(model.target).distinct())
            }
        # A township checks its own 党委 and its villages, a group its supervised units.
        assert targets == ({"committee", "village"} if code.startswith("T") else {"supervised_unit"})
        records = RecordService(Context(db, opened.actor))
        _assert_valid_and_sound(db, records, "township" if code.startswith("T") else "group")
        assert {VISITED, MISSED, UNPLANNED} <= _statuses(records, date.today())
    finally:
        opened.db.close()
