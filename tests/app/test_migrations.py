"""Migrations: from an empty database to head, on SQLite and PostgreSQL, match the models."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

import app.db.local  # noqa: F401  (local tables on Base.metadata)
import app.models  # noqa: F401  (synchronised models on Base.metadata)
from app.context import Context
from app.db.base import Base
from app.db.database import Database
from app.db.engine import make_engine
from app.db.migrate import alembic_config, current_revision, head_revision, upgrade

pytestmark = pytest.mark.real_migrations  # every database here replays the migrations


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


def test_a_table_rebuilt_by_a_migration_keeps_the_rows_that_refer_to_it(db_url: str) -> None:
    """0004 adds a column with a foreign key to ``clues``, which SQLite does by copying the table;
    inquiries referring to a clue must neither block that nor lose their clue."""
    from datetime import date

    from apphelpers import init_installation

    from app.registers import get
    from app.services.records import RecordService
    from app.services.transitions import Transitions

    db = init_installation(Database(db_url))
    try:
        r = RecordService(Context.system(db, "admin"))
        clue = r.save(
            get("clues"), {"source": "petition", "received_on": date(2021, 1, 1), "subject_name": "甲"}
        )
        t = Transitions(r)
        t.apply(get("clues"), clue, "propose", {"proposed_handling": "talk", "approver": "陈书记"}, "拟办")
        t.apply(
            get("clues"),
            clue,
            "dispose_talk",
            {"disposal_reason": "较轻", "decided_on": date(2021, 1, 2)},
            "研究",
        )
        unit = r.ids(get("units"))[0]
        a = r.save(get("staff"), {"name": "甲", "unit_id": unit, "post": "staff"})
        b = r.save(get("staff"), {"name": "乙", "unit_id": unit, "post": "staff"})
        inquiry = r.save(get("inquiries"), {"clue_id": clue, "lead_id": a, "member_id": b})
        command.downgrade(alembic_config(db.engine), "0003")
        upgrade(db.engine)
        assert current_revision(db.engine) == head_revision()
        assert r.get(get("inquiries"), inquiry)["clue_id"] == clue
        assert r.get(get("clues"), clue)["visit_id"] is None
    finally:
        db.close()
