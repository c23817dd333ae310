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
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
