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


PDF_FONTS_FILE = "pdf-fonts.json"


def read_pdf_fonts(data_dir: Path) -> dict[str, str]:
    """The typefaces chosen for printed documents (role -> ``auto``, ``bundled`` or a font file;
    see ``app.reports.fonts``), as the settings saved them in the data folder; {} when none."""
    import json

    try:
        data = json.loads((data_dir / PDF_FONTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items() if isinstance(v, str)}


def write_pdf_fonts(data_dir: Path, choice: dict[str, str]) -> None:
    """Remember the typefaces chosen for printed documents."""
    import json

    data_dir.mkdir(parents=True, exist_ok=True)
    tmp = data_dir / (PDF_FONTS_FILE + ".tmp")
    tmp.write_text(json.dumps(choice, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, data_dir / PDF_FONTS_FILE)
