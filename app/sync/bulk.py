"""Writing received rows in bulk: one ``executemany`` per statement and chunk.

On SQLite the parameters go straight to the driver as tuples, each value through its column
type's own bind processor (what SQLAlchemy does per row, without its per-row parameter assembly,
which cost more than the inserts themselves); on other databases through Core ``insert`` and
``update``. A new row on SQLite may go further: ``RecordInsert`` turns a bundle record into the
insert's parameters without building the row's dict first.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Connection, Date, DateTime, Dialect, Table, bindparam, insert, update

from app.db.base import field_columns


def _sqlite_datetime(value: datetime) -> str:
    """The text SQLAlchemy's SQLite ``DATETIME`` stores (``YYYY-MM-DD HH:MM:SS.ffffff``, any time
    zone dropped, as it does), made a few times faster."""
    if value.tzinfo is not None:
        value = value.replace(tzinfo=None)
    return value.isoformat(" ", "microseconds")


def bind_processor(column: Any, dialect: Dialect) -> Callable[[Any], Any] | None:
    """The column type's bind processor; for SQLite date-times ``_sqlite_datetime``."""
    proc = column.type.dialect_impl(dialect).bind_processor(dialect)
    if dialect.name == "sqlite" and isinstance(column.type, DateTime) and proc is not None:
        slow = proc

        def proc(value: Any) -> Any:
            return _sqlite_datetime(value) if type(value) is datetime else slow(value)

    return proc


class Writer:
    """Writes rows (dicts of column key -> value) of one table."""

    _cache: dict[tuple[str, str], Writer] = {}

    def __init__(self, conn: Connection, table: Table) -> None:
        self.conn, self.table = conn, table
        dialect = conn.dialect
        self.fast = dialect.name == "sqlite"
        # An autoincrement key (the change log's ``seq``) is left to the database.
        columns = [c for c in table.columns if not (c.primary_key and c.autoincrement is True)]
        self.keys = [c.key for c in columns]
        procs = [bind_processor(c, dialect) for c in columns]
        self.processed = [(i, p) for i, p in enumerate(procs) if p is not None]
        self.take = operator.itemgetter(*self.keys)
        q = dialect.identifier_preparer
        names = [q.quote(c.name) for c in columns]
        tname = q.format_table(table)
        self.insert_sql = f"INSERT INTO {tname} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        self.update_sql, self.update_order = "", list[int]()
        if "id" in self.keys:
            others = ", ".join(f"{n} = ?" for c, n in zip(columns, names, strict=True) if c.key != "id")
            self.update_sql = f"UPDATE {tname} SET {others} WHERE {q.quote('id')} = ?"
            self.update_order = [i for i, k in enumerate(self.keys) if k != "id"] + [self.keys.index("id")]

    @classmethod
    def of(cls, conn: Connection, table: Table) -> Writer:
        key = (conn.dialect.name, table.name)
        w = cls._cache.get(key)
        if w is None or w.table is not table:
            w = cls._cache[key] = cls(conn, table)
        w.conn = conn
        return w

    def _tuple(self, row: Mapping[str, Any]) -> list[Any]:
        values = list(self.take(row))
        for i, proc in self.processed:
            v = values[i]
            if v is not None:
                values[i] = proc(v)
        return values

    def inserts(self, rows: list[dict[str, Any]]) -> None:
        whole = [r for r in rows if self.fast and len(r) == len(self.keys)]
        if whole:
            self.conn.exec_driver_sql(self.insert_sql, [tuple(self._tuple(r)) for r in whole])
        if len(whole) < len(rows):
            for shape in by_shape(r for r in rows if not (self.fast and len(r) == len(self.keys))):
                self.conn.execute(insert(self.table), shape)

    def updates(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        if self.fast:
            order = self.update_order
            params = []
            for r in rows:
                t = self._tuple(r)
                params.append(tuple(t[i] for i in order))
            self.conn.exec_driver_sql(self.update_sql, params)
            return
        for shape in by_shape(rows):
            self.conn.execute(
                update(self.table).where(self.table.c.id == bindparam("_row_id")),
                [{**{k: v for k, v in r.items() if k != "id"}, "_row_id": r["id"]} for r in shape],
            )


def by_shape(rows: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    """Rows grouped by the columns they set (one ``executemany`` needs one shape)."""
    shapes: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for r in rows:
        shapes.setdefault(tuple(sorted(r)), []).append(r)
    yield from shapes.values()


class NotSimple(Exception):
    """The record does not fit ``RecordInsert`` (missing or unknown fields, a value of another
    type): the caller takes the general way, which reports what is wrong."""


def _datetime_text(value: Any) -> str:
    """ISO text of a record -> the text SQLAlchemy's SQLite ``DATETIME`` stores."""
    return _sqlite_datetime(datetime.fromisoformat(value))


def _date_text(value: Any) -> str:
    return date.fromisoformat(value).isoformat()


def _boolean(value: Any) -> int:
    """As SQLAlchemy binds a boolean on SQLite: 1 or 0 (a ``bool`` itself goes through the
    driver's adaptation look-up, which made the inserts a third slower)."""
    if value is True:
        return 1
    if value is False:
        return 0
    raise NotSimple


_SYSTEM = ("id", "owner", "created_at", "created_by", "updated_at", "updated_by", "deleted",
           "version_origin", "version_counter", "base_origin", "base_counter")  # fmt: skip


class RecordInsert:
    """SQLite: a bundle record of a row new here -> the parameters of one ``INSERT`` (the same
    values the general way stores, checked the same way; anything unusual raises ``NotSimple``).

    The parameters are the plain fields, the converted fields, then ``SYSTEM`` in that order;
    ``at(params, name)`` reads one of the system columns back."""

    SYSTEM = _SYSTEM
    _FROM_END = {name: i - len(_SYSTEM) for i, name in enumerate(_SYSTEM)}

    _cache: dict[str, RecordInsert] = {}

    @classmethod
    def at(cls, params: tuple[Any, ...], name: str) -> Any:
        return params[cls._FROM_END[name]]

    def __init__(self, conn: Connection, table: Table) -> None:
        self.table = table
        dialect = conn.dialect
        fields = field_columns(table)
        plain: list[Any] = []
        converted: list[tuple[Any, Callable[[Any], Any]]] = []
        for c in fields:
            proc = bind_processor(c, dialect)
            if isinstance(c.type, Boolean):
                converted.append((c, _boolean))
            elif isinstance(c.type, DateTime):
                converted.append((c, _datetime_text))
            elif isinstance(c.type, Date):
                converted.append((c, _date_text))
            elif proc is None:
                plain.append(c)
            elif isinstance(c.type, JSON):
                converted.append((c, proc))
            else:
                raise TypeError(f"{table.name}.{c.key}: no fast conversion for {c.type!r}")
        self.count = len(fields)
        self.plain = operator.itemgetter(*[c.key for c in plain]) if len(plain) > 1 else None
        self.single = plain[0].key if len(plain) == 1 else None
        self.converted = [(c.key, f) for c, f in converted]
        q = self.quote = dialect.identifier_preparer
        names = [
            q.quote(table.c[k].name)
            for k in [c.key for c in plain] + [k for k, _ in self.converted] + list(self.SYSTEM)
        ]
        self.sql = (
            f"INSERT INTO {q.format_table(table)} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        )

    @classmethod
    def of(cls, conn: Connection, table: Table) -> RecordInsert | None:
        """None where the database is not SQLite or a column has no fast conversion."""
        if conn.dialect.name != "sqlite":
            return None
        r = cls._cache.get(table.name)
        if r is None or r.table is not table:
            try:
                r = cls._cache[table.name] = cls(conn, table)
            except TypeError:
                return None
        return r

    LOG_COLUMNS = ("table_name", "row_id", "op", "origin", "counter", "changes", "at", "by")

    def log_sql(self, log: Table) -> str:
        """The insert of change-log entries whose parameters ``log_params`` makes."""
        q = self.quote
        names = ", ".join(q.quote(log.c[k].name) for k in self.LOG_COLUMNS)
        return (
            f"INSERT INTO {q.format_table(log)} ({names}) VALUES ({', '.join('?' * len(self.LOG_COLUMNS))})"
        )

    def log_params(self, params: tuple[Any, ...], changes_json: str) -> tuple[Any, ...]:
        """A new row's change-log entry (op ``insert``, under the sender's version), from the row's
        insert parameters: the same text for the time, the same version."""
        i = self._FROM_END
        return (
            self.table.name,
            params[i["id"]],
            "insert",
            params[i["version_origin"]],
            params[i["version_counter"]],
            changes_json,
            params[i["updated_at"]],
            params[i["updated_by"]],
        )

    def params(self, rec: Mapping[str, Any]) -> tuple[Any, ...]:
        fields = rec["fields"]
        if type(fields) is not dict or len(fields) != self.count:
            raise NotSimple
        try:
            if self.plain is not None:
                out: tuple[Any, ...] = self.plain(fields)
            elif self.single is not None:
                out = (fields[self.single],)
            else:
                out = ()
            conv = tuple([None if (v := fields[k]) is None else f(v) for k, f in self.converted])
            version, base = rec["version"], rec.get("base") or {}
            created, updated = rec["created_at"], rec["updated_at"]
            created_text = None if created is None else _datetime_text(created)
            # A row never edited since it was made has one time twice: converted once.
            updated_text = (
                created_text if updated == created else None if updated is None else _datetime_text(updated)
            )
            return out + conv + (  # in SYSTEM's order
                str(rec["id"]), rec["owner"],
                created_text, rec["created_by"],
                updated_text, rec["updated_by"],
                1 if rec["deleted"] else 0, str(version["origin"]), int(version["counter"]),
                str(base.get("origin") or ""), int(base.get("counter") or 0),
            )  # fmt: skip
        except (KeyError, TypeError, ValueError, AttributeError):
            raise NotSimple from None
