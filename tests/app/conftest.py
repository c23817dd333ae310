"""Fixtures for the pure-Python tests: opened databases, initialised installations, the CLI."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from apphelpers import PASSWORD, Cli, EnrolledPair, OpenDb, enrolled_pair, init_installation

from app.db.database import Database


@pytest.fixture
def open_db(db_url: str, tmp_path: Path) -> Iterator[OpenDb]:
    """Open (and migrate) a database; every database opened is closed after the test."""
    opened: list[Database] = []

    def _open(url: str | None = None, data_dir: Path | None = None) -> Database:
        db = Database(url or db_url, data_dir or tmp_path / "data")
        opened.append(db)
        return db

    yield _open
    for db in opened:
        db.close()


@pytest.fixture
def county_db(open_db: OpenDb) -> Database:
    """An initialised county installation (no demo data)."""
    return init_installation(open_db())


@pytest.fixture
def cli(tmp_path: Path, password_file: Callable[[str], Path]) -> Cli:
    """The command line on this test's data folder with the embedded SQLite database."""
    return Cli(tmp_path / "cli-data", None, password_file(PASSWORD))


@pytest.fixture
def cli_on(tmp_path: Path, password_file: Callable[[str], Path], db_url: str) -> Cli:
    """The command line on ``db_url`` (SQLite or PostgreSQL)."""
    url = None if db_url.startswith("sqlite") else db_url
    return Cli(tmp_path / "cli-data", url, password_file(PASSWORD))


@pytest.fixture(scope="session")
def demo_county_cli(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str], Path]:
    """One demo county for the whole run, built by ``python -m app demo-county`` (a unit's
    installation per township and group made from its enrolment package, every unit's bundle
    imported at the county, the county's bundles imported back): ``(out, the command's result,
    the password file)``. It takes a minute or two (the enrolment packages' scrypt is real), so
    the demo tests share it and only read it."""
    base = tmp_path_factory.mktemp("demo-county")
    password_file = base / "password.txt"
    password_file.write_text(PASSWORD + "\n", encoding="utf-8")
    out = base / "county"
    result = Cli(base / "unused", None, password_file).run("demo-county", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out, result, password_file


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def exchange_pair(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[EnrolledPair]:
    """``enrolled_pair``: the county on its encrypted SQLite file, or on the PostgreSQL server (a
    county office sharing one database); the unit always on its own file."""
    from pgserver import postgres_url, wipe_database

    url = postgres_url() if request.param == "postgres" else None
    pair = enrolled_pair(tmp_path, county_db=url)
    yield pair
    pair.county.db.close()
    pair.unit.db.close()
    if url:
        wipe_database(url)
