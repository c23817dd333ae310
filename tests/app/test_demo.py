"""Demo data: the seed county's figures, determinism, later batches that add, edit and delete."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from apphelpers import PASSWORD, OpenDb, init_installation
from pgserver import clone_database, template_database
from sqlalchemy import select, update

from app.cli import dump_records
from app.context import Context
from app.db.database import Database
from app.demo.batch import OFFICES, add_demo_batch, create_demo_county
from app.models.casework import DeadlineRule
from app.models.org import Liaison, Staff, SupervisedUnit, TownshipYearStats, Unit, Village, Zone
from app.services.accounts import verify
from app.services.staffing import StaffingRow, staffing_summary, township_totals

CASEWORK_TABLES = ("reports", "clues", "staff_ties", "deadline_rules", "audit_log")


def _by_type(db: Database) -> dict[str, StaffingRow]:
    return {row.unit_type: row for row in staffing_summary(db)}


def _assert_seed_section_one(db: Database) -> None:
    """The seed report's section 一, as the staffing summary computes it."""
    rows = _by_type(db)
    t, g = rows["township"], rows["group"]
    assert (t.units, t.authorised, t.staffed, t.vacancies) == (8, 40, 40, 0)
    assert (t.full_time, t.inspectors, t.leaders) == (8, 16, 8)
    assert (g.units, g.authorised, g.staffed, g.vacancies) == (10, 30, 29, 1)
    assert g.leaders == 10
    totals = township_totals(db, 2022)
    assert (totals.townships, totals.supervision_objects, totals.party_members) == (8, 2652, 7370)


def _live(db: Database, model: Any, *conditions: Any) -> list[Any]:
    with db.session() as s:
        return list(s.scalars(select(model).where(model.deleted.is_(False), *conditions)))


def _normalised_dump(db: Database) -> list[str]:
    """The dump as sorted JSON lines, without the audit log (it records times): unit ids are
    derived from codes, every other id is seeded."""
    return sorted(
        json.dumps(r, ensure_ascii=False, sort_keys=True)
        for r in dump_records(Context.system(db))
        if r["table"] != "audit_log"
    )


def _first_county_batch(db: Database) -> None:
    counts = add_demo_batch(Context.system(db), 1)
    assert counts["units.added"] == 7 + 8 + 10
    assert counts["zones.added"] == 3
    # Casework moves through its lifecycle (edits); the organisation is only added to.
    org = ("units", "zones", "liaisons", "staff", "villages", "supervised_units", "township_stats")
    assert not any(k.endswith((".edited", ".deleted")) and k.split(".")[0] in org for k in counts)
    assert not any(k.endswith(".deleted") for k in counts)


# The first county batch, made once per backend and copied for each test (a SQLite file; on
# PostgreSQL a template database): ``_first_county_batch`` takes 1-3 s.
_MADE: dict[str, str] = {}


@pytest.fixture
def demo_county(db_url: str, open_db: OpenDb, tmp_path_factory: pytest.TempPathFactory) -> Database:
    """An initialised county (``county_db``) with the demo's first batch, seed 1."""
    sqlite = db_url.startswith("sqlite")
    made = _MADE.get(db_url.split(":", 1)[0])
    if made is None:
        if sqlite:
            folder = tmp_path_factory.mktemp("demo-county-template")
            made = str(folder / "test.db")
            db = Database(f"sqlite:///{made}", folder / "data")
        else:
            made = "jiwei_demo_county"
            db = Database(template_database(db_url, made))
        try:
            _first_county_batch(init_installation(db))
        finally:
            db.close()
        _MADE[db_url.split(":", 1)[0]] = made
    if sqlite:
        shutil.copyfile(made, db_url.removeprefix("sqlite:///"))  # closed: no -wal file beside it
    else:
        clone_database(db_url, made)
    return open_db()


def test_first_county_batch_reproduces_the_seed(demo_county: Database) -> None:
    db = demo_county
    _assert_seed_section_one(db)

    units = _live(db, Unit)
    by_type = Counter(u.unit_type for u in units)
    assert by_type == {"county": 1, "office": 7, "township": 8, "group": 10}
    assert {u.name for u in units if u.unit_type == "office"} == {name for _code, name in OFFICES}
    assert {u.authorised_posts for u in units if u.unit_type == "group"} == {3}
    staff = _live(db, Staff)
    for township in (u for u in units if u.unit_type == "township"):
        people = [p for p in staff if p.unit_id == township.id]
        assert Counter(p.post for p in people) == {"secretary": 1, "deputy_secretary": 1, "member": 3}
        assert [p.post for p in people if p.full_time] == ["secretary"]
        assert sum(p.also_inspector for p in people) == 2
        assert not any(p.also_inspector for p in people if p.post != "member")
        villages = _live(db, Village, Village.township_id == township.id)
        assert 15 <= len(villages) <= 30
        assert all(v.liaison_name and v.liaison_post and v.liaison_phone for v in villages)
    groups = [u for u in units if u.unit_type == "group"]
    sizes = sorted(sum(p.unit_id == g.id for p in staff) for g in groups)
    assert sizes == [2] + [3] * 9
    for group in groups:
        people = [p for p in staff if p.unit_id == group.id]
        assert [p.post for p in people].count("group_leader") == 1
        assert all(p.full_time for p in people)
        supervised = {s.name for s in _live(db, SupervisedUnit, SupervisedUnit.group_id == group.id)}
        assert 3 <= len(supervised) <= 6
        for p in people:
            if p.seconded:
                assert p.seconded_from in supervised
                assert p.secondment_end == p.secondment_start.replace(year=p.secondment_start.year + 1)
    assert 1 <= sum(p.seconded for p in staff) <= 4

    zones = _live(db, Zone)
    assert len(zones) == 3
    for zone in zones:
        members = Counter(u.unit_type for u in units if u.zone_id == zone.id)
        assert members["office"] >= 1 and members["township"] >= 1 and members["group"] >= 1
    liaisons = _live(db, Liaison)
    offices = [u for u in units if u.unit_type == "office"]
    for office in offices:
        assert 2 <= sum(li.office_id == office.id for li in liaisons) <= 4
    stats = _live(db, TownshipYearStats)
    assert Counter(s.year for s in stats) == {2021: 8, 2022: 8}


def test_later_batches_add_edit_delete_and_keep_the_seed_figures(demo_county: Database) -> None:
    db = demo_county
    villages_before = {v.id for v in _live(db, Village)}
    counts = add_demo_batch(Context.system(db), 2)
    assert counts["villages.added"] >= 1 and counts["villages.deleted"] == 1
    assert counts["staff.added"] == 1 and counts["staff.edited"] >= 2
    assert counts.get("units.added", 0) == 0
    villages_after = {v.id for v in _live(db, Village)}
    assert len(villages_before - villages_after) == 1  # an earlier village was tombstoned

    deleted = [r for r in dump_records(Context.system(db)) if r["deleted"]]
    assert [r["table"] for r in deleted if r["table"] not in CASEWORK_TABLES] == ["villages"]
    left = [p for p in _live(db, Staff) if p.left_on is not None]
    assert len(left) == 1 and left[0].seconded  # a secondee's year ended; a new one took the post

    for seed in (3, 4):
        assert add_demo_batch(Context.system(db), seed)
    _assert_seed_section_one(db)


def test_a_seed_applied_twice_changes_nothing(demo_county: Database) -> None:
    db = demo_county
    assert add_demo_batch(Context.system(db), 1) != {}  # on an existing county, seed 1 is a later batch
    before = _normalised_dump(db)
    assert add_demo_batch(Context.system(db), 1) == {}
    assert add_demo_batch(Context.system(db), 2) != {}
    assert add_demo_batch(Context.system(db), 2) == {}
    assert len(_normalised_dump(db)) > len(before)


def test_same_seeds_give_the_same_records(tmp_path: Path) -> None:
    first_batches, dumps = [], []
    for name in ("one", "two"):
        db = Database(f"sqlite:///{tmp_path / name}.db")
        try:
            init_installation(db)
            add_demo_batch(Context.system(db), 7)
            first_batches.append(_normalised_dump(db))
            add_demo_batch(Context.system(db), 8)
            dumps.append(_normalised_dump(db))
        finally:
            db.close()
    assert first_batches[0] == first_batches[1]
    assert dumps[0] == dumps[1]
    assert dumps[0] != first_batches[0]

    other = Database(f"sqlite:///{tmp_path / 'other'}.db")
    try:
        init_installation(other)
        add_demo_batch(Context.system(other), 9)
        assert _normalised_dump(other) != first_batches[0]  # another seed, other names and ids
        _assert_seed_section_one(other)  # but the seed report's figures all the same
    finally:
        other.close()


def test_township_installation(open_db: OpenDb) -> None:
    db = init_installation(
        open_db(), "township", "T05", "河口镇纪委", county_code="C01", county_name="测试县"
    )
    counts = add_demo_batch(Context.system(db), 1)
    assert counts["staff.added"] == 5
    (own,) = _live(db, Unit)
    assert own.code == "T05"
    people = _live(db, Staff)
    assert Counter(p.post for p in people) == {"secretary": 1, "deputy_secretary": 1, "member": 3}
    assert sum(p.also_inspector for p in people) == 2 and sum(p.full_time for p in people) == 1
    assert 15 <= len(_live(db, Village)) <= 30
    assert {s.year for s in _live(db, TownshipYearStats)} == {2021, 2022}

    counts = add_demo_batch(Context.system(db), 2)
    assert counts["villages.added"] >= 1
    # Every earlier village has its visits and ledger entries now, so none can be tombstoned:
    # a planned visit is, instead.
    assert counts.get("villages.deleted", 0) == 0 and counts["visits.deleted"] == 1
    assert counts["staff.edited"] >= 1
    row = _by_type(db)["township"]
    assert (row.units, row.authorised, row.staffed, row.full_time, row.inspectors) == (1, 5, 5, 1, 2)


def test_group_installation(open_db: OpenDb) -> None:
    db = init_installation(
        open_db(), "group", "G03", "派驻第三纪检监察组", county_code="C01", county_name="测试县"
    )
    add_demo_batch(Context.system(db), 1)
    people = _live(db, Staff)
    assert sorted(p.post for p in people) == ["deputy_leader", "group_leader", "group_member"]
    supervised = _live(db, SupervisedUnit)
    assert 3 <= len(supervised) <= 6
    secondees = [p for p in people if p.seconded]
    assert len(secondees) == 1
    assert secondees[0].seconded_from in {u.name for u in supervised}

    for seed in (2, 3, 4):
        counts = add_demo_batch(Context.system(db), seed)
        assert counts["supervised_units.added"] == 1
        assert counts.get("staff.edited", 0) >= 1
    assert any(r["deleted"] for r in dump_records(Context.system(db)) if r["table"] == "supervised_units")
    row = _by_type(db)["group"]
    assert (row.units, row.authorised, row.staffed, row.vacancies, row.leaders) == (1, 3, 3, 0, 1)
    assert len(_live(db, SupervisedUnit)) >= 3


def test_create_demo_county_uses_its_own_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JIWEI_DB_URL", "postgresql+psycopg://nobody@invalid.invalid/none")
    folder = tmp_path / "demo"
    opened = create_demo_county(folder, PASSWORD, seed_county=False)  # the seed's casework: test_demo_county
    db = opened.db
    try:
        assert (folder / "jiwei.db").is_file() and (folder / "keys.json").is_file()
        assert db.encrypted and opened.actor.username == "admin"
        info = db.installation()
        assert info is not None
        assert (info.unit_code, info.unit_name, info.county_name, info.admin_username) == (
            "DEMO",
            "示范县纪委监委",
            "示范县",
            "admin",
        )
        assert verify(db, "admin", PASSWORD) == "admin"
        _assert_seed_section_one(db)
    finally:
        db.close()


def test_the_same_seed_at_two_units_makes_different_ids(tmp_path: Path) -> None:
    """Two townships that both ran ``demo --seed 1`` send the county records of their own, not
    two versions of the same ids (their bundles would overwrite each other there)."""
    from app.services.installation import SetupRequest
    from app.services.login import create

    owned: dict[str, set[str]] = {}
    for code, name in (("T01", "城关镇纪委"), ("T02", "河口乡纪委")):
        ctx = create(
            tmp_path / code,
            None,
            SetupRequest("township", code, name, "C01", "测试县", "admin", "pw-2026-demo"),
        )
        try:
            assert add_demo_batch(ctx, 1)
            owned[code] = {r["id"] for r in dump_records(ctx) if r["owner"] == code}
        finally:
            ctx.db.close()
    assert len(owned["T01"]) > 100 and len(owned["T02"]) > 100
    assert not owned["T01"] & owned["T02"]


def test_a_later_batch_changes_only_rows_the_installation_owns(open_db: OpenDb) -> None:
    """A unit that changes the county's row (a shared 办理期限) makes a bundle the county refuses:
    the demo keeps to the window's rule even though it runs as the system."""
    db = init_installation(
        open_db(), "township", "T05", "河口镇纪委", county_code="C01", county_name="测试县"
    )
    add_demo_batch(Context.system(db), 1)
    with db.session("test") as s:  # as if the rules and the staff had come from the county
        s.execute(update(DeadlineRule).values(owner="C01"))
        s.execute(update(Staff).values(owner="C01"))
        s.commit()

    def county_rows() -> dict[str, int]:
        with db.session("test") as s:
            rules = s.execute(
                select(DeadlineRule.id, DeadlineRule.version_counter).where(DeadlineRule.owner == "C01")
            )
            staff = s.execute(select(Staff.id, Staff.version_counter).where(Staff.owner == "C01"))
            return {row_id: counter for row_id, counter in [*rules, *staff]}

    before = county_rows()
    assert len(before) >= 9
    counts = add_demo_batch(Context.system(db), 2)
    assert county_rows() == before
    assert "deadline_rules.edited" not in counts and "staff.edited" not in counts
