"""The migrated schema, made once per test session and laid into every new test database.

Replaying the Alembic migrations costs about half a second per database, and most tests make
one or more. ``SchemaTemplate.upgrade_if_needed`` stands in for ``app.db.migrate``'s while the
tests run (see ``tests/conftest.py``): a database that holds nothing at all gets the head schema
in one transaction instead; anything else (a database at an older revision, one already at head)
goes to the real function.

- SQLite (plain or SQLCipher): the schema statements are read from ``sqlite_master`` of a
  template file migrated for real at the start of the session.
- Other backends (PostgreSQL): the first empty database of the session is migrated for real,
  and the statements the migrations sent are recorded; later empty databases get them replayed.

Only the statements' results matter, and the tests in ``tests/app/test_schema_template.py``
check that a database made this way is the one the migrations make. The migration tests
(``@pytest.mark.real_migrations``) always migrate for real.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, inspect

from app.db import migrate
from app.db.engine import make_engine

# (statement, parameters, executemany) as the DB-API cursor received them.
Statement = tuple[str, Any, bool]
_READS = ("SELECT", "SHOW", "PRAGMA", "WITH")
_KINDS = "CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END"


def sqlite_schema(path: Path) -> list[Statement]:
    """The statements that make ``path``'s schema and its Alembic revision (a plain SQLite file)."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
            f"ORDER BY {_KINDS}, rowid"
        ).fetchall()
        versions = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    finally:
        conn.close()
    statements: list[Statement] = [(sql, (), False) for (sql,) in rows]
    statements += [("INSERT INTO alembic_version (version_num) VALUES (?)", v, False) for v in versions]
    return statements


def _record(engine: Engine, run: Callable[[], object]) -> list[Statement]:
    """Run ``run`` and return every statement it sent on ``engine`` that changes something."""
    sent: list[Statement] = []

    def listen(_conn: Any, _cursor: Any, statement: str, parameters: Any, _ctx: Any, many: bool) -> None:
        if not statement.lstrip().upper().startswith(_READS):
            sent.append((statement, parameters, many))

    event.listen(engine, "before_cursor_execute", listen)
    try:
        run()
    finally:
        event.remove(engine, "before_cursor_execute", listen)
    return sent


def _replay(engine: Engine, statements: list[Statement]) -> None:
    with engine.begin() as conn:
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            if engine.dialect.name == "sqlite":  # the driver would commit (and sync) every statement
                cursor.execute("BEGIN")
            for statement, parameters, many in statements:
                if many:
                    cursor.executemany(statement, parameters)
                else:
                    cursor.execute(statement, parameters)
        finally:
            cursor.close()


class SchemaTemplate:
    """The session's schema statements per backend, and the stand-in for ``upgrade_if_needed``."""

    def __init__(self, folder: Path, real: Callable[..., bool] = migrate.upgrade_if_needed) -> None:
        self.real = real
        path = folder / "template.db"
        engine = make_engine(f"sqlite:///{path}")
        try:
            real(engine)
        finally:
            engine.dispose()
        self.statements: dict[str, list[Statement]] = {"sqlite": sqlite_schema(path)}

    def upgrade_if_needed(self, engine: Engine, before: Callable[[str, str], None] | None = None) -> bool:
        if migrate.current_revision(engine) is not None or inspect(engine).get_table_names():
            return self.real(engine, before)
        dialect = engine.dialect.name
        statements = self.statements.get(dialect)
        if statements is None:
            self.statements[dialect] = _record(engine, lambda: self.real(engine))
        else:
            _replay(engine, statements)
        return True
