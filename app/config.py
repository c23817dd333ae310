"""Where an installation keeps its files, and which database it uses."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_DIR_NAME = "JiweiDesk"
DB_FILE_NAME = "jiwei.db"


def default_data_dir() -> Path:
    return Path(user_data_dir(APP_DIR_NAME, appauthor=False))


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir``, else ``JIWEI_DATA_DIR``, else the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get("JIWEI_DATA_DIR")
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


def resolve_db_url(data_dir: Path, explicit: str | None = None) -> str:
    """``--db``, else ``JIWEI_DB_URL``, else the embedded SQLite file in the data folder."""
    if explicit:
        return explicit
    env = os.environ.get("JIWEI_DB_URL")
    if env:
        return env
    return f"sqlite:///{data_dir / DB_FILE_NAME}"


def describe_db_url(url: str) -> str:
    """The database for a status bar: the file for SQLite, host/database for a server; no password."""
    from sqlalchemy.engine import make_url

    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return f"SQLite: {u.database or ':memory:'}"
    return f"{u.get_backend_name()}: {u.host or 'localhost'}/{u.database}"
