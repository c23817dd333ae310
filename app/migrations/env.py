"""Alembic environment: the engine comes from ``app.db.migrate`` through config attributes."""

from __future__ import annotations

from alembic import context

import app.db.local  # noqa: F401  (local tables)
import app.models  # noqa: F401  (maps every model on Base.metadata)
from app.db.base import Base

config = context.config
engine = config.attributes.get("engine")
if engine is None:
    from app.config import resolve_data_dir, resolve_db_url
    from app.db.engine import make_engine

    engine = make_engine(resolve_db_url(resolve_data_dir()))

with engine.connect() as connection:
    sqlite = connection.dialect.name == "sqlite"
    raw = connection.connection.dbapi_connection
    saved_isolation = getattr(raw, "isolation_level", None)
    if sqlite:
        # Batch migrations copy a table, drop the old one and rename the copy; with foreign keys
        # enforced the drop would fail on rows other tables refer to. The pragma works only
        # outside a transaction; the check after the migration keeps the data honest.
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
        # Every pending migration in one transaction, as on PostgreSQL: a failure anywhere leaves
        # the database as the older release left it. Alembic commits each migration on SQLite,
        # and the driver itself would commit each CREATE, DROP and ALTER as it came; so the
        # driver is told to stay out (isolation_level None) and the transaction is this script's
        # own, which Alembic then joins instead of committing.
        raw.isolation_level = None  # type: ignore[union-attr]
        connection.begin()
        connection.exec_driver_sql("BEGIN")
    try:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=sqlite,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"migration left {len(broken)} broken references")
        connection.commit()
    except BaseException:
        connection.rollback()
        raise
    finally:
        if sqlite:
            raw.isolation_level = saved_isolation  # type: ignore[union-attr]
    if sqlite:
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        connection.commit()
