"""What an installation's data folder holds, read without opening the database.

The window asks this before it shows the set-up wizard or the log-in dialog, so this module
must stay light: no SQLAlchemy (its import alone costs about a third of a second), only file
checks and a parse of the SQLite URL.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.config import resolve_data_dir, resolve_db_url
from app.security.keyslots import KeyFile

PLAIN_HEADER = b"SQLite format 3\x00"
CONVERTING_SUFFIX = ".encrypting"


def backend(url: str) -> str:
    """The database kind of an SQLAlchemy URL: "sqlite", "postgresql", …"""
    return url.split(":", 1)[0].split("+", 1)[0].lower()


def sqlite_file(url: str) -> Path | None:
    """The file of an ``sqlite:///…`` URL (None for another backend or an in-memory database)."""
    if backend(url) != "sqlite":
        return None
    rest = url.split(":", 1)[1]
    if not rest.startswith("///"):
        return None
    database = rest[3:].split("?", 1)[0]
    return Path(database) if database and database != ":memory:" else None


def paths(data_dir: str | Path | None, db_url: str | None) -> tuple[Path, str]:
    folder = resolve_data_dir(data_dir)
    return folder, resolve_db_url(folder, db_url)


def state(data_dir: str | Path | None = None, db_url: str | None = None) -> str:
    """ "new" (nothing yet), "plain" (a database from before encryption), "encrypted", or "server"."""
    folder, url = paths(data_dir, db_url)
    if backend(url) != "sqlite":
        return "server"
    finish_interrupted_conversion(folder, url)
    if KeyFile.exists(folder):
        return "encrypted"
    path = sqlite_file(url)
    if path is not None and path.exists() and path.stat().st_size > 0:
        with open(path, "rb") as fh:
            if fh.read(16) == PLAIN_HEADER:
                return "plain"
    return "new"


def finish_interrupted_conversion(folder: Path, url: str) -> None:
    """Keys written and encrypted copy present: put the copy in place. Copy without keys: drop it."""
    path = sqlite_file(url)
    if path is None:
        return
    target = Path(f"{path}{CONVERTING_SUFFIX}")
    if not target.exists():
        return
    if not KeyFile.exists(folder):
        target.unlink()
        return
    for side in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        side.unlink(missing_ok=True)
    os.replace(target, path)
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
