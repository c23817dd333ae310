"""The tests' schema template (``tests/schema_template.py``) makes the database the migrations make."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, MetaData, inspect

import app.db.local  # noqa: F401  (local tables on Base.metadata)
import app.models  # noqa: F401  (synchronised models on Base.metadata)
from app.db import migrate
from app.db.base import Base
from app.db.database import Database
from app.db.engine import make_engine


def _differences(engine: Engine) -> list[object]:
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(ctx, Base.metadata))


def _drop_every_table(url: str) -> None:
    engine = make_engine(url)
    try:
        tables = MetaData()
        tables.reflect(engine)
        tables.drop_all(engine)
    finally:
        engine.dispose()


def _schema(path: Path, key: bytes | None = None) -> list[tuple[str, str, list[str]]]:
    """Every object's statement, as sorted lines: Alembic's batch copy of a table writes its
    constraints in a different order from one run to the next."""
    engine = make_engine(f"sqlite:///{path}", key)
    try:
        with engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
            )
            return [(t, n, sorted(x.strip().rstrip(",") for x in (s or "").splitlines())) for t, n, s in rows]
    finally:
        engine.dispose()


def test_the_template_is_in_use() -> None:
    assert migrate.upgrade_if_needed.__qualname__ == "SchemaTemplate.upgrade_if_needed"


@pytest.mark.real_migrations
def test_marked_tests_migrate_for_real() -> None:
    assert migrate.upgrade_if_needed.__qualname__ == "upgrade_if_needed"


def test_a_database_from_the_template_is_a_migrated_one(db_url: str) -> None:
    Database(db_url).close()
    if not db_url.startswith("sqlite"):  # the session's first empty PostgreSQL database records
        _drop_every_table(db_url)
        Database(db_url).close()  # and this one is made from the recording
    engine = make_engine(db_url)
    try:
        assert migrate.current_revision(engine) == migrate.head_revision()
        assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
        assert _differences(engine) == []
    finally:
        engine.dispose()


def test_sqlite_files_from_the_template_match_a_migrated_file(tmp_path: Path) -> None:
    real = tmp_path / "real.db"
    engine = make_engine(f"sqlite:///{real}")
    try:
        migrate.upgrade(engine)
    finally:
        engine.dispose()
    Database(f"sqlite:///{tmp_path / 'plain.db'}").close()
    key = bytes(range(32))
    Database(f"sqlite:///{tmp_path / 'encrypted.db'}", key=key).close()

    assert _schema(tmp_path / "plain.db") == _schema(real)
    assert _schema(tmp_path / "encrypted.db", key) == _schema(real)
    with sqlite3.connect(tmp_path / "encrypted.db") as conn:  # SQLCipher's file, not readable plain
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
        except sqlite3.DatabaseError:
            pass
        else:
            raise AssertionError("the encrypted file opened without its key")
