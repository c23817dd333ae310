"""Alembic migrations, applied at start.

Alembic itself is imported only when the database is behind: at an ordinary start the schema
revision is read with one query and compared with the newest revision file, which keeps about a
tenth of a second of imports off every start.

A database behind the newest revision was made by an older release: ``upgrade_if_needed`` calls
its ``before`` hook first (``app.services.upgrade`` writes a backup there, and a hook that raises
stops the migrations), then runs every migration in one transaction. A database at a revision
this program does not know was made by a newer release: ``NewerDatabase``, nothing touched.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
_REVISION = re.compile(r'^revision\s*=\s*["\']([^"\']+)["\']', re.MULTILINE)
_DOWN = re.compile(r'^down_revision\s*=\s*(?:["\']([^"\']+)["\']|None)', re.MULTILINE)

# The newest revision of each release, so that people read "0.1.0" where a backup or a message
# would say "0005". Add the head revision here when a release is made.
RELEASES = {"0005": "0.1.0"}


class NewerDatabase(Exception):
    """The database is at a revision this program does not know: a newer release made it."""

    def __init__(self, revision: str) -> None:
        self.revision = revision
        super().__init__(f"the database is at revision {revision}, unknown to this program")


def release_of(revision: str) -> str | None:
    """The release whose newest revision ``revision`` is, if any."""
    return RELEASES.get(revision)


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    """The newest revision as Alembic sees it."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def _revision_files() -> tuple[set[str], set[str]]:
    """The revisions the files declare, and those some file revises (read without Alembic)."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        rev, down = _REVISION.search(source), _DOWN.search(source)
        if rev:
            revisions.add(rev.group(1))
        if down and down.group(1):
            parents.add(down.group(1))
    return revisions, parents


def newest_revision_file() -> str:
    """The newest revision read from the revision files without Alembic (the one no file revises)."""
    revisions, parents = _revision_files()
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have one head, found {sorted(heads)}")
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def upgrade_if_needed(engine: Engine, before: Callable[[str, str], None] | None = None) -> bool:
    """Apply pending migrations; True when any ran. ``before(current, newest)`` is called first
    when the database has a revision (it was made by an older release, not just created); what it
    raises stops the upgrade with nothing migrated. ``NewerDatabase`` when a newer release made it."""
    current = current_revision(engine)
    newest = newest_revision_file()
    if current == newest:
        return False
    if current is not None:
        if current not in _revision_files()[0]:
            raise NewerDatabase(current)
        if before is not None:
            before(current, newest)
    upgrade(engine)
    return True
