"""Shared fixtures: every test gets its own data folder; databases on SQLite and PostgreSQL.

No test may touch the real user data folder: ``JIWEI_DATA_DIR`` points into the test's temporary
folder, and ``JIWEI_DB_URL`` / ``JIWEI_PASSWORD_FILE`` from the developer's shell are removed.

``db_url`` runs a test on both backends. PostgreSQL comes from ``JIWEI_TEST_PG_URL`` (see
``scripts/with-postgres.sh``); without it those tests are skipped, except on CI (``CI=true``)
where they fail, so CI cannot pass without having run them. Each PostgreSQL test starts and ends
with an empty database.

Speed: a new, empty database gets the migrated schema made once per session instead of replaying
the migrations (``tests/schema_template.py``; ``@pytest.mark.real_migrations`` opts out), account
password hashes are cheap, and ``apphelpers.Cli`` runs the command line in this process
(``Cli.process`` starts ``python -m app`` where the process itself is under test).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pgserver import postgres_url, wipe_database

ROOT = Path(__file__).resolve().parent.parent

# ``tests/app`` has no __init__.py, so pytest puts ``tests/`` on sys.path and ``import app`` could
# resolve to the test folder as a namespace package. The project root on sys.path makes the real
# (regular) package win however pytest is started.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True, scope="session")
def fast_kdf() -> Iterator[None]:
    """Key slots made by tests use a cheap argon2id (the real cost is 0.2-0.5 s per slot), injected
    here (the program reads no such setting); subprocesses get it through tests/fastkdf.py."""
    from app.security import kdf

    kdf.set_default_params(kdf.TEST_PARAMS)
    yield
    kdf.set_default_params(None)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "real_migrations: new databases replay every migration instead of the session's template"
    )


@pytest.fixture(scope="session", autouse=True)
def schema_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """For the whole run, session and module fixtures included: a new, empty database gets the
    migrated schema made once per session (``tests/schema_template.py``) instead of replaying the
    migrations (about 0.5 s each); tests marked ``real_migrations`` migrate for real."""
    from schema_template import SchemaTemplate

    from app.db import migrate

    template = SchemaTemplate(tmp_path_factory.mktemp("schema-template"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(migrate, "upgrade_if_needed", template.upgrade_if_needed)
        yield template


@pytest.fixture(autouse=True)
def real_migrations_when_marked(
    request: pytest.FixtureRequest, schema_template: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    if request.node.get_closest_marker("real_migrations") is not None:
        from app.db import migrate

        monkeypatch.setattr(migrate, "upgrade_if_needed", schema_template.real)


@pytest.fixture(scope="session", autouse=True)
def cheap_account_hashes() -> Iterator[None]:
    """Account password hashes made in tests use a cheap argon2id: the default costs 0.1-0.3 s per
    hash and verification, and every installation, user and log-in makes one. A hash carries its
    parameters, so hashes made either way verify either way."""
    from argon2 import PasswordHasher

    from app.services import accounts

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
        yield


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's data folder (not created): JIWEI_DATA_DIR points to it."""
    data_dir = tmp_path / "jiwei-data"
    monkeypatch.setenv("JIWEI_DATA_DIR", str(data_dir))
    monkeypatch.delenv("JIWEI_DB_URL", raising=False)
    monkeypatch.delenv("JIWEI_PASSWORD_FILE", raising=False)
    return data_dir


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database: a SQLite file in the test's folder, or a clean PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    url = postgres_url()
    wipe_database(url)
    yield url
    wipe_database(url)


@pytest.fixture
def password_file(tmp_path: Path) -> Callable[[str], Path]:
    """Write a password file (the password on the first line) and return its path."""

    def write(password: str, name: str = "password.txt") -> Path:
        path = tmp_path / name
        path.write_text(password + "\n", encoding="utf-8")
        return path

    return write


@pytest.fixture
def log_in(inst: Any) -> Iterator[Callable[[str, str], Any]]:
    """Log in as someone to the test module's ``inst`` installation (an ``Context``); every
    installation opened this way is closed after the test."""
    from app.services import login

    opened: list[Any] = []

    def _log_in(username: str, password: str) -> Any:
        o = login.login(inst.data_dir, None, username, password)
        opened.append(o)
        return o

    yield _log_in
    for o in opened:
        o.db.close()
