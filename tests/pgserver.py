"""The tests' PostgreSQL server (``scripts/with-postgres.sh`` starts it): its URL, and emptying it.

A plain module, not a conftest, so that a module-scoped fixture of a test file can import it.
"""

from __future__ import annotations

import os

import pytest
from sqlalchemy import MetaData, create_engine

PG_ENV = "JIWEI_TEST_PG_URL"


_WORKER_DATABASES: set[str] = set()


def worker_name(name: str) -> str:
    """``name`` for this test process: with pytest-xdist each worker (gw0, gw1, …) has databases
    of its own on the one server, so that two workers never wipe or clone each other's."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    return f"{name}_{worker}" if worker else name


def postgres_url() -> str:
    """The test server's URL (this worker's database on it); skip (or, on CI, fail) when there is
    none."""
    url = os.environ.get(PG_ENV, "").strip()
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{PG_ENV} is not set, but CI=true: the PostgreSQL tests must run on CI")
        pytest.skip(f"{PG_ENV} is not set (run through scripts/with-postgres.sh)")
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return url
    from sqlalchemy.engine import make_url

    name = worker_name(make_url(url).database or "jiwei_test")
    if name not in _WORKER_DATABASES:
        _on_server(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"')
        _WORKER_DATABASES.add(name)
    return _named(url, name)


def wipe_database(url: str) -> None:
    """Drop every table, alembic_version included."""
    engine = create_engine(url)
    try:
        if engine.dialect.name == "postgresql":  # one statement: reflecting the tables took 0.2 s
            with engine.begin() as conn:
                names = conn.exec_driver_sql(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                )
                tables = ", ".join(f'"{name}"' for (name,) in names)
                if tables:
                    conn.exec_driver_sql(f"DROP TABLE {tables} CASCADE")
            return
        metadata = MetaData()
        metadata.reflect(engine)
        metadata.drop_all(engine)
    finally:
        engine.dispose()


def _named(url: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(database=name).render_as_string(hide_password=False)


def _on_server(url: str, *statements: str) -> None:
    engine = create_engine(_named(url, "postgres"), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            for statement in statements:
                conn.exec_driver_sql(statement)
    finally:
        engine.dispose()


def template_database(url: str, name: str) -> str:
    """A new, empty database ``name`` (this worker's) on the test server (for a template); its URL."""
    name = worker_name(name)
    _on_server(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"')
    return _named(url, name)


def clone_database(url: str, template: str) -> None:
    """Make ``url``'s database a copy of the database ``template`` (a file copy on the server:
    much faster than building the same content again)."""
    from sqlalchemy.engine import make_url

    name = make_url(url).database
    template = worker_name(template)
    _on_server(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
               f'CREATE DATABASE "{name}" TEMPLATE "{template}"')  # fmt: skip
