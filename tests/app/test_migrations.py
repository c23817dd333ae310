"""Migrations: from an empty database to head, on SQLite and PostgreSQL, match the models."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

import app.db.local  # noqa: F401  (local tables on Base.metadata)
import app.models  # noqa: F401  (synchronised models on Base.metadata)
from app.db.base import Base
from app.db.engine import make_engine
from app.db.migrate import alembic_config, current_revision, head_revision, upgrade
from app.services.database import Database


def _differences(engine: Engine) -> list[object]:
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(ctx, Base.metadata))


def test_upgrade_from_empty_matches_the_models(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        assert current_revision(engine) is None
        assert inspect(engine).get_table_names() == []
        upgrade(engine)
        assert current_revision(engine) == head_revision()
        tables = set(inspect(engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        assert {"units", "staff", "villages", "change_log", "installation"} <= tables
        assert _differences(engine) == []
    finally:
        engine.dispose()


def test_downgrade_to_base_and_up_again(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        upgrade(engine)
        command.downgrade(alembic_config(engine), "base")
        assert current_revision(engine) is None
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        upgrade(engine)
        assert current_revision(engine) == head_revision()
        assert _differences(engine) == []
    finally:
        engine.dispose()


def test_opening_a_database_migrates_it_once(db_url: str) -> None:
    first = Database(db_url)
    first.close()
    second = Database(db_url)  # already at head: nothing to do, nothing fails
    try:
        assert current_revision(second.engine) == head_revision()
        assert second.installation() is None
    finally:
        second.close()


def test_the_quick_start_check_agrees_with_alembic() -> None:
    """Database start compares with the newest revision file instead of importing Alembic."""
    from app.db.migrate import head_revision, newest_revision_file

    assert newest_revision_file() == head_revision()
