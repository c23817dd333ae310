"""A county, three township commissions and a dispatched group exchange bundles on a "USB stick"
(a folder) through the command line only: every unit's records arrive exactly; re-import changes
nothing; damaged, foreign, revoked and replayed bundles are refused and change nothing; lost
bundles cost nothing; deletions travel; a process killed during import leaves a database that
imports cleanly again."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from apphelpers import PASSWORD, Cli
from pgserver import postgres_url, wipe_database

UNITS = (("T01", "城关镇纪委", "township"), ("T02", "河口乡纪委", "township"), ("T03", "山前镇纪委", "township"),
         ("G01", "第一派驻纪检监察组", "group"))  # fmt: skip


def data(dump: list[dict[str, Any]], owner: str | None = None) -> list[dict[str, Any]]:
    return [r for r in dump if r["table"] != "audit_log" and (owner is None or r["owner"] == owner)]


class County:
    def __init__(
        self,
        root: Path,
        password_file: Path,
        passphrase: Path,
        units: tuple[Any, ...] = UNITS,
        county_db: str | None = None,
        cli_enrol: bool = True,
    ) -> None:
        self.root = root
        self.stick = root / "stick"
        self.stick.mkdir()
        self.county = Cli(root / "county", county_db, password_file)
        self.county.init_county()
        self.units: dict[str, Cli] = {}
        for code, name, kind in units:
            self.county.ok("unit", "add", "--type", kind, "--code", code, "--name", name)
            unit = Cli(root / code, None, password_file)
            # The first unit is enrolled on the command line (enroll, init --enrollment); the package's
            # scrypt costs about 10 s a unit here, so the others, and a county on PostgreSQL, in-process.
            if cli_enrol and county_db is None and not self.units:
                package = root / f"{code}.jwenrol"
                self.county.ok("enroll", code, "--out", str(package), "--passphrase-file", str(passphrase))
                unit.ok(
                    "init",
                    "--enrollment",
                    str(package),
                    "--passphrase-file",
                    str(passphrase),
                    "--admin",
                    "admin",
                )
            else:
                _enrol_in_process(root, code, county_db)
            self.units[code] = unit

    def export(self, cli: Cli, *extra: str) -> Path:
        return Path(cli.json("export", "--out", str(self.stick), "--json", *extra)["path"])


def _enrol_in_process(root: Path, code: str, county_db: str | None) -> None:
    from app.services.login import login
    from app.sync import exchange

    county = login(root / "county", county_db, "admin", PASSWORD)
    try:
        package = exchange.enrolment_package(county, code)
    finally:
        county.db.close()
    exchange.init_from_package(root / code, None, package, "admin", PASSWORD).db.close()


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[County]:
    """The county on its SQLite file, or on the PostgreSQL server (a county office sharing one
    database); the units always on their own files."""
    url = None
    if request.param == "postgres":
        url = postgres_url()
        wipe_database(url)
    root = tmp_path_factory.mktemp("county")
    password = root / "password.txt"
    password.write_text(PASSWORD + "\n", encoding="utf-8")
    passphrase = root / "passphrase.txt"
    passphrase.write_text("登记口令-2026-correct\n", encoding="utf-8")
    # The tests' cheap key derivation is injected for the whole session (tests/conftest.py), so
    # this module fixture's key slots are cheap too.
    yield County(root, password, passphrase, county_db=url)
    if url:
        wipe_database(url)


def test_enrolled_units_hold_the_county_reference_data(world: County) -> None:
    t01 = world.units["T01"]
    info = t01.json("info", "--json")
    assert info["unit"]["code"] == "T01" and info["unit"]["type"] == "township"
    units = {r["fields"]["code"] for r in data(t01.dump()) if r["table"] == "units"}
    assert {"C01", "T01"} <= units  # the units registered before it was enrolled; later ones come in bundles


def test_every_units_records_arrive_exactly(world: County) -> None:
    bundles = []
    for n, (code, unit) in enumerate(world.units.items(), start=1):
        unit.ok("demo", "--seed", str(n))
        path = world.export(unit)
        assert path.name.startswith(f"{code}-00001-") and path.suffix == ".jwb"
        assert "demo" not in path.read_bytes()[:4096].decode("latin-1")  # nothing readable
        bundles.append(path)
    result = world.county.run("import", *map(str, bundles), "--json")
    assert result.returncode == 0, result.stderr
    statuses = [b["status"] for b in json.loads(result.stdout)["bundles"]]
    assert statuses == ["imported"] * len(bundles)
    county = world.county.dump()
    for code, unit in world.units.items():
        assert data(unit.dump(), code) == data(county, code), code
    # Importing the same bundles again changes nothing and says so.
    again = world.county.run("import", *map(str, bundles), "--json")
    assert again.returncode == 0
    assert {b["status"] for b in json.loads(again.stdout)["bundles"]} == {"duplicate"}
    assert "已经导入过" in again.stderr
    assert data(world.county.dump()) == data(county)


def test_units_that_ran_the_demo_with_one_seed_converge_at_the_county(world: County) -> None:
    """Equal seeds at two units never yield one record id: each unit's records arrive intact."""
    t01, t03 = world.units["T01"], world.units["T03"]
    for unit in (t01, t03):
        unit.ok("demo", "--seed", "7")
    world.county.ok("import", str(world.export(t01)), str(world.export(t03)))
    county = world.county.dump()
    for code, unit in (("T01", t01), ("T03", t03)):
        assert data(unit.dump(), code) == data(county, code), code


def refused(world: County, path: Path) -> None:
    before = data(world.county.dump())
    result = world.county.run("import", str(path))
    assert result.returncode == 1, result.stderr
    assert data(world.county.dump()) == before


def test_damaged_foreign_revoked_and_replayed_bundles_are_refused(world: County, tmp_path: Path) -> None:
    t02 = world.units["T02"]
    t02.ok("demo", "--seed", "11")
    good = world.export(t02)
    raw = good.read_bytes()
    flipped = tmp_path / "flipped.jwb"
    flipped.write_bytes(raw[:200] + bytes([raw[200] ^ 0x01]) + raw[201:])
    refused(world, flipped)
    truncated = tmp_path / "truncated.jwb"
    truncated.write_bytes(raw[: len(raw) // 2])
    refused(world, truncated)
    # A bundle made for another county's installation.
    other_root = tmp_path / "other"
    other_root.mkdir()
    (other_root / "pw").write_text(PASSWORD + "\n", encoding="utf-8")
    (other_root / "pp").write_text("another-passphrase\n", encoding="utf-8")
    other = County(other_root, other_root / "pw", other_root / "pp", UNITS[:1], cli_enrol=False)
    other.units["T01"].ok("demo", "--seed", "1")
    refused(world, other.export(other.units["T01"]))
    # The good one still imports; an older one after it is a replay.
    world.county.ok("import", str(good))
    t02.ok("demo", "--seed", "12")
    newer = world.export(t02)
    world.county.ok("import", str(newer))
    refused(world, good)
    # Revoked: its bundles are refused from then on.
    world.county.ok("revoke", "T02")
    t02.ok("demo", "--seed", "13")
    refused(world, world.export(t02))


def test_a_lost_bundle_costs_nothing_and_deletions_travel(world: County) -> None:
    t03 = world.units["T03"]
    t03.ok("demo", "--seed", "21")
    world.export(t03).unlink()  # the stick was lost
    t03.ok("demo", "--seed", "22")  # adds, edits and tombstones
    world.county.ok("import", str(world.export(t03)))
    mine = data(t03.dump(), "T03")
    assert any(r["deleted"] for r in mine)
    assert data(world.county.dump(), "T03") == mine


def test_acknowledgements_travel_back_and_shrink_the_next_bundle(world: County) -> None:
    g01 = world.units["G01"]
    g01.ok("demo", "--seed", "31")
    first = world.export(g01)
    world.county.ok("import", str(first))
    back = world.export(world.county, "--to", "G01")
    g01.ok("import", str(back))
    nothing_new = g01.json("export", "--out", str(world.stick), "--json")
    # Only the audit entries written since the first export (export, log-ins, import) travel again.
    assert nothing_new["records"] == nothing_new["counts"].get("audit_log", 0) <= 10
    assert data(g01.dump(), "G01") == data(world.county.dump(), "G01")


def test_a_process_killed_during_import_leaves_a_database_that_imports_again(world: County) -> None:
    """A process: the import is killed (``os._exit``) half-way, which only a process survives."""
    t01 = world.units["T01"]
    t01.ok("demo", "--seed", "41")
    path = world.export(t01)
    before = data(world.county.dump())
    died = world.county.process("import", str(path), JIWEI_TEST_DIE_DURING_IMPORT="1")
    assert died.returncode == 137
    assert data(world.county.dump()) == before
    world.county.ok("import", str(path))
    assert data(world.county.dump(), "T01") == data(t01.dump(), "T01")


def test_a_cloned_machine_refuses_to_export(world: County) -> None:
    result = world.units["T01"].run("export", "--out", str(world.stick), JIWEI_MACHINE_ID="another-pc")
    assert result.returncode == 1 and "重新登记" in result.stderr
