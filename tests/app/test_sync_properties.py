"""Property tests of the exchange (hypothesis), through the Python API and real bundle files.

(a) Convergence: a county and two enrolled townships run a drawn program of edits, exports,
deliveries, losses, duplicates and late deliveries; after a final round of exports and imports
until nothing is left to send, every unit's rows at the county equal the unit's own, every
reference table at a unit equals the county's, and nobody has a conflict (only units edit their
own rows, the county only its own reference rows).
(b) Mutations: random byte changes of a real bundle are refused by ``import_bundles`` (no
exception) and leave the county's data as it was.

The three installations are made once per module (the townships from their enrolment packages,
handed over in memory: the package file's scrypt is tested in test_enrolment.py) and every example
works on a fresh copy of their folders.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from apphelpers import PASSWORD, enrol_in_memory
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.cli import dump_records
from app.context import Context
from app.db.database import Database
from app.models.org import Unit
from app.registers import get
from app.services.installation import SetupRequest
from app.services.login import create, login
from app.services.records import RecordService
from app.sync import exchange
from app.sync.addressing import SHARED_TABLES
from app.sync.state import SyncConflict

COUNTY = "C01"
TOWNS = ("T01", "T02")
NAMES = ("王芳", "李强", "张伟", "刘洋", "陈静")
POSTS = ("secretary", "deputy_secretary", "member")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """County C01 and townships T01, T02 enrolled from it, all closed: folders to copy."""
    root = tmp_path_factory.mktemp("sync-template")
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("JIWEI_DB_URL", raising=False)
        county = create(root / COUNTY, None, SetupRequest(
            unit_type="county", unit_code=COUNTY, unit_name="测试县纪委监委", county_code=COUNTY,
            county_name="测试县", admin_username="admin", admin_password=PASSWORD,
        ))  # fmt: skip
        records = RecordService(Context.system(county.db, "admin"))
        for code, name in (("T01", "城关镇纪委"), ("T02", "河口乡纪委")):
            records.save(
                get("units"), {"code": code, "name": name, "unit_type": "township", "authorised_posts": 3}
            )
        for code in TOWNS:
            enrol_in_memory(county, code, root / code).db.close()
        county.db.close()
    yield root


@dataclass
class World:
    root: Path
    dbs: dict[str, Database]
    stick: Path
    unit_ids: dict[str, str] = field(default_factory=dict)
    rows: dict[str, list[str]] = field(default_factory=dict)  # each side's own staff / village ids
    # bundles written and not yet delivered, per (sender, recipient): (path, sequence)
    pending: dict[tuple[str, str], list[tuple[Path, int]]] = field(default_factory=dict)
    imported: dict[tuple[str, str], int] = field(default_factory=dict)  # newest sequence imported
    seen: set[Path] = field(default_factory=set)  # bundles imported (a second import: duplicate)

    def close(self) -> None:
        for db in self.dbs.values():
            db.close()
        shutil.rmtree(self.root, ignore_errors=True)


def open_world(template: Path) -> World:
    root = Path(tempfile.mkdtemp(prefix="jiwei-sync-prop-"))
    dbs: dict[str, Database] = {}
    for code in (COUNTY, *TOWNS):
        shutil.copytree(template / code, root / code)
        dbs[code] = login(root / code, None, "admin", PASSWORD).db
    stick = root / "stick"
    stick.mkdir()
    world = World(root, dbs, stick)
    with dbs[COUNTY].session() as s:
        world.unit_ids = {u.code: u.id for u in s.scalars(select(Unit))}
    world.rows = {code: [] for code in dbs}
    return world


# ---- the program -------------------------------------------------------------------------------
SIDES = st.sampled_from((COUNTY, *TOWNS))
TOWN = st.sampled_from(TOWNS)
STEP = st.one_of(
    st.tuples(st.just("edit"), SIDES, st.sampled_from(("add", "edit", "edit", "delete")), st.integers(0, 3),
              st.integers(0, 99)),
    st.tuples(st.just("export"), TOWN),  # a unit's bundle for the county
    st.tuples(st.just("county_export"), TOWN),  # the county's bundle for a unit
    st.tuples(st.just("deliver"), TOWN, st.booleans(), st.integers(0, 3),
              st.sampled_from(("import", "import", "lose", "twice", "hold"))),
)  # fmt: skip


def edit(w: World, side: str, op: str, slot: int, value: int) -> None:
    """A side changes one of its own rows: a staff member (townships also add villages)."""
    db = w.dbs[side]
    records = RecordService(Context.system(db, "admin"))
    own = w.rows[side]
    staff, villages = get("staff"), get("villages")
    live = [(reg, rid) for reg, rid in (own_row(db, r) for r in own) if reg is not None]
    if op == "add" or not live:
        if side != COUNTY and value % 3 == 0:
            rid = records.save(
                villages, {"township_id": w.unit_ids[side], "name": f"{NAMES[value % 5]}村{len(own)}"}
            )
        else:
            rid = records.save(staff, {"name": NAMES[value % 5], "unit_id": w.unit_ids[side],
                                       "post": POSTS[value % 3]})  # fmt: skip
        own.append(rid)
        return
    reg, rid = live[slot % len(live)]
    if op == "delete":
        records.delete(reg, rid)
    elif reg is staff:
        records.save(staff, {"phone": f"138{value:08d}", "note": f"第{value}次修改"}, rid)
    else:
        records.save(villages, {"liaison_name": NAMES[value % 5], "code": f"V{value:03d}"}, rid)


def own_row(db: Database, rid: str) -> tuple[Any, str]:
    """The register of a live row (None for a tombstone)."""
    for name in ("staff", "villages"):
        model = get(name).model
        with db.session() as s:
            obj = s.get(model, rid)
            if obj is not None:
                return (None if obj.deleted else get(name)), rid
    return None, rid


def export(w: World, sender: str, recipient: str) -> exchange.Exported:
    out = exchange.export_bundle(
        Context.system(w.dbs[sender]), w.stick, to=recipient if sender == COUNTY else None
    )
    w.pending.setdefault((sender, recipient), []).append((out.path, out.sequence))
    return out


def deliver(w: World, key: tuple[str, str], path: Path, sequence: int) -> None:
    """Import one bundle and check what the importer says against what it must say."""
    [result] = exchange.import_bundles(Context.system(w.dbs[key[1]]), [path])
    newest = w.imported.get(key, 0)
    if path in w.seen:
        expected = "duplicate" if sequence >= newest else "refused"
    else:
        expected = "imported" if sequence > newest else "refused"  # older than one imported: stale
    assert result.status == expected, (path.name, result.status, result.message)
    if result.status == "imported":
        w.imported[key] = sequence
        w.seen.add(path)


def run_step(w: World, step: tuple[Any, ...]) -> None:
    kind = step[0]
    if kind == "edit":
        edit(w, *step[1:])
    elif kind == "export":
        export(w, step[1], COUNTY)
    elif kind == "county_export":
        export(w, COUNTY, step[1])
    else:
        _, town, upward, index, how = step
        key = (town, COUNTY) if upward else (COUNTY, town)
        queue = w.pending.get(key) or []
        if not queue:
            return
        path, sequence = queue[index % len(queue)]
        if how == "hold":  # delivered late: the newest one of the same sender goes first
            newest = max(queue, key=lambda b: b[1])
            if newest != (path, sequence):
                queue.remove(newest)
                deliver(w, key, *newest)
        queue.remove((path, sequence))
        if how == "lose":
            path.unlink()
            return
        deliver(w, key, path, sequence)
        if how == "twice":
            deliver(w, key, path, sequence)


def settle(w: World) -> None:
    """Every side exports and the other imports, in order, until a round sends nothing."""
    for _round in range(6):
        sent = 0
        for town in TOWNS:
            for key in ((town, COUNTY), (COUNTY, town)):
                out = export(w, key[0], key[1])
                sent += out.records - out.counts.get("audit_log", 0)  # every exchange logs itself
                deliver(w, key, out.path, out.sequence)
        if sent == 0:
            return
    raise AssertionError("the exchange did not become quiet in six rounds")


def data(db: Database) -> list[dict[str, Any]]:
    return [r for r in dump_records(Context.system(db)) if r["table"] != "audit_log"]


def conflicts(db: Database) -> int:
    with db.session() as s:
        return len(s.scalars(select(SyncConflict)).all())


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(program=st.lists(STEP, min_size=3, max_size=14))
def test_any_interleaving_converges(template: Path, program: list[tuple[Any, ...]]) -> None:
    w = open_world(template)
    try:
        for step in program:
            run_step(w, step)
        for town in TOWNS:  # something to send in every direction at the end
            edit(w, town, "add", 0, len(program))
        settle(w)
        county = data(w.dbs[COUNTY])
        for town in TOWNS:
            mine = data(w.dbs[town])
            assert [r for r in mine if r["owner"] == town] == [r for r in county if r["owner"] == town], town
            assert any(r["owner"] == town for r in county)
            shared = set(SHARED_TABLES)
            assert [r for r in mine if r["table"] in shared] == [r for r in county if r["table"] in shared], (
                town
            )
        for code, db in w.dbs.items():
            assert conflicts(db) == 0, code
    finally:
        w.close()


# ---- mutations ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def mutation_world(template: Path) -> Iterator[tuple[World, bytes, list[dict[str, Any]]]]:
    """The county and a real bundle from T01 with a few rows (never imported)."""
    w = open_world(template)
    for value in range(6):
        edit(w, "T01", "add", 0, value)
    edit(w, "T01", "delete", 1, 0)
    bundle = export(w, "T01", COUNTY).path
    raw = bundle.read_bytes()
    bundle.unlink()
    try:
        yield w, raw, data(w.dbs[COUNTY])
    finally:
        w.close()


MUTATION = st.one_of(
    st.tuples(st.just("flip"), st.lists(st.tuples(st.integers(0, 2**31), st.integers(1, 255)), min_size=1, max_size=4)),
    st.tuples(st.just("truncate"), st.integers(0, 2**31)),
    st.tuples(st.just("append"), st.binary(min_size=1, max_size=64)),
    st.tuples(st.just("splice"), st.integers(0, 2**31), st.binary(min_size=1, max_size=32)),
)  # fmt: skip


def mutate(raw: bytes, mutation: tuple[Any, ...]) -> bytes:
    kind = mutation[0]
    if kind == "flip":
        out = bytearray(raw)
        for pos, mask in mutation[1]:
            out[pos % len(out)] ^= mask
        return bytes(out)
    if kind == "truncate":
        return raw[: mutation[1] % len(raw)]
    if kind == "append":
        return raw + mutation[1]
    pos = mutation[1] % len(raw)
    return raw[:pos] + mutation[2] + raw[pos + len(mutation[2]) :]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutation=MUTATION)
def test_mutated_bundles_are_refused_and_change_nothing(
    mutation_world: tuple[World, bytes, list[dict[str, Any]]], mutation: tuple[Any, ...]
) -> None:
    w, raw, before = mutation_world
    bad = mutate(raw, mutation)
    if bad == raw:  # a flip that cancelled itself, a splice of the same bytes
        return
    path = w.stick / "T01-00001-20260101.jwb"
    path.write_bytes(bad)
    [result] = exchange.import_bundles(Context.system(w.dbs[COUNTY]), [path])
    assert result.status == "refused"
    assert result.message is not None and str(result.message)
    assert data(w.dbs[COUNTY]) == before
