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
    if sqlite:
        # Batch migrations copy a table, drop the old one and rename the copy; with foreign keys
        # enforced the drop would fail on rows other tables refer to. The pragma works only
        # outside a transaction; the check after the migration keeps the data honest.
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
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
    if sqlite:
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        connection.commit()
