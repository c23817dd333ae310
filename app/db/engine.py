"""Engines: SQLite with WAL, foreign keys and full fsync; or any SQLAlchemy URL (PostgreSQL)."""

from __future__ import annotations

from typing import Any

import orjson
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from app.i18n import QT_TRANSLATE_NOOP, Message

# How long an SQLite connection waits for another program's write to end before giving up (ms).
BUSY_TIMEOUT_MS = 10_000


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_MS)}")
    # 64 MiB of page cache per connection: with SQLCipher a page is decrypted when it enters the
    # cache, so a list search that reads the whole table decrypts it once, not at every keystroke.
    cur.execute("PRAGMA cache_size=-65536")
    cur.close()


def json_text(value: Any) -> str:
    """JSON columns (change log, conflicts, audit details) are written with orjson: an import logs
    one entry per received row, and the standard library's encoder was a fifth of its time."""
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode("utf-8")


JSON_ARGS: dict[str, Any] = {"json_serializer": json_text, "json_deserializer": orjson.loads}


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def make_engine(url: str, key: bytes | None = None) -> Engine:
    """An engine for ``url``. With ``key``, an SQLite file is opened through SQLCipher (AES-256,
    the raw 256-bit key given as SQLCipher's ``x'..'`` literal, so no second key derivation)."""
    if is_sqlite(url):
        args: dict[str, Any] = {"connect_args": {"check_same_thread": False}, **JSON_ARGS}
        if key is not None:
            import sqlcipher3  # imported only for encrypted files

            args["module"] = sqlcipher3.dbapi2
        engine = create_engine(url, **args)
        if key is not None:
            literal = f"PRAGMA key = \"x'{key.hex()}'\""

            def _key(dbapi_conn: Any, _record: Any) -> None:
                cur = dbapi_conn.cursor()
                cur.execute(literal)  # must be the first statement on the connection
                cur.close()

            event.listen(engine, "connect", _key)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, **JSON_ARGS)


# SQLite's "locked"/"busy"; PostgreSQL's deadlock, lock wait and serialisation failures.
_BUSY_TEXT = ("database is locked", "database is busy", "database table is locked")
_BUSY_SQLSTATE = {"40P01", "55P03", "40001"}


def is_busy(exc: BaseException) -> bool:
    """Whether ``exc`` says another program held the database too long (try again later), not
    that something is wrong with the data or the database."""
    if not isinstance(exc, DBAPIError):
        return False
    orig = exc.orig
    if getattr(orig, "sqlstate", None) in _BUSY_SQLSTATE:
        return True
    text = str(orig).lower()
    return any(t in text for t in _BUSY_TEXT)


def busy_message() -> Message:
    """What to tell a person when ``is_busy``: plainly, without the driver's words."""
    return Message(
        QT_TRANSLATE_NOOP("app", "另一个程序正在写入数据库，本次操作等待过久，没有完成。请稍后再试。")
    )
