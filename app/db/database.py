"""One open database: engine, migrations at start, and short-lived sessions.

Every session knows the installation's unit and the acting user, which the automatic change
log (``app.db.changelog``) stamps on each change. Sessions are opened per operation and objects
are detached before they leave a service.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

import app.models  # noqa: F401  (maps every synchronised model)
from app.config import describe_db_url, resolve_data_dir, resolve_db_url
from app.db import changelog, migrate, reads
from app.db.engine import is_sqlite, make_engine
from app.db.local import Installation


@dataclass(frozen=True)
class InstallationInfo:
    id: str
    unit_code: str
    unit_type: str
    unit_name: str
    county_code: str
    county_name: str
    admin_username: str


class Database:
    """An open, migrated database."""

    def __init__(
        self,
        url: str,
        data_dir: Path | None = None,
        key: bytes | None = None,
        *,
        before_upgrade: Callable[[Engine, str, str], None] | None = None,
    ) -> None:
        """Open and migrate. ``before_upgrade(engine, current, newest)`` runs before migrating a
        database an older release made (``app.services.upgrade``: a backup); what it raises
        leaves the database as it was and closes it. ``upgraded_from``: the revision the
        database had when it was migrated here, else None."""
        changelog.install()
        reads.install()
        self.url = url
        self.data_dir = data_dir
        self.encrypted = key is not None and is_sqlite(url)
        self.engine: Engine = make_engine(url, key)
        self.upgraded_from: str | None = None

        def before(current: str, newest: str) -> None:
            if before_upgrade is not None:
                before_upgrade(self.engine, current, newest)
            self.upgraded_from = current

        try:
            migrate.upgrade_if_needed(self.engine, before)
        except BaseException:
            self.engine.dispose()
            raise
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._installation: InstallationInfo | None = None

    @classmethod
    def open(
        cls, data_dir: str | Path | None = None, db_url: str | None = None, key: bytes | None = None
    ) -> Database:
        """Open (creating the folder and applying migrations) the installation's database;
        ``key`` opens the embedded SQLite file through SQLCipher."""
        folder = resolve_data_dir(data_dir)
        folder.mkdir(parents=True, exist_ok=True)
        return cls(resolve_db_url(folder, db_url), folder, key)

    def describe(self) -> str:
        return describe_db_url(self.url)

    def close(self) -> None:
        self.engine.dispose()

    def installation(self) -> InstallationInfo | None:
        if self._installation is None:
            with self._sessions() as s:
                row = s.scalars(select(Installation)).first()
                if row is not None:
                    self._installation = InstallationInfo(
                        row.id,
                        row.unit_code,
                        row.unit_type,
                        row.unit_name,
                        row.county_code,
                        row.county_name,
                        row.admin_username,
                    )
        return self._installation

    def forget_installation(self) -> None:
        self._installation = None

    @contextmanager
    def session(self, user: str = "system", unit: str | None = None) -> Iterator[Session]:
        """A transaction: committed when the block ends normally, rolled back otherwise."""
        if unit is None:
            info = self.installation()
            unit = info.unit_code if info else ""
        with self._sessions() as s:
            s.info["unit"] = unit
            s.info["user"] = user
            try:
                yield s
                s.commit()
            except BaseException:
                s.rollback()
                raise
