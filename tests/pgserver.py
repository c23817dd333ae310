"""The tests' PostgreSQL server (``scripts/with-postgres.sh`` starts it): its URL, and emptying it.

A plain module, not a conftest, so that a module-scoped fixture of a test file can import it.
"""

from __future__ import annotations

import os

import pytest
from sqlalchemy import MetaData, create_engine

PG_ENV = "JIWEI_TEST_PG_URL"


def postgres_url() -> str:
    """The test server's URL; skip (or, on CI, fail) when there is none."""
    url = os.environ.get(PG_ENV, "").strip()
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{PG_ENV} is not set, but CI=true: the PostgreSQL tests must run on CI")
        pytest.skip(f"{PG_ENV} is not set (run through scripts/with-postgres.sh)")
    return url


def wipe_database(url: str) -> None:
    """Drop every table, alembic_version included."""
    engine = create_engine(url)
    try:
        metadata = MetaData()
        metadata.reflect(engine)
        metadata.drop_all(engine)
    finally:
        engine.dispose()
