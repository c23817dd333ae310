"""Fixtures for the pure-Python tests: opened databases, initialised installations, the CLI."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from apphelpers import PASSWORD, Cli, OpenDb, init_installation

from app.services.database import Database


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
