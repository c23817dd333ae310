"""Which tables a view read: so that it refreshes when, and only when, an operation changed one.

A view wraps its queries in ``reading()``; every ORM statement a session executes meanwhile (in
this thread) adds the tables it names (joins and subqueries included) to the set. An operation
reports the tables it wrote (``app.context.Changes``); a view whose set meets them is stale.
Nothing is kept by hand: a register added later, or a query that starts joining another table,
is covered with no list to update.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from sqlalchemy import Table, event
from sqlalchemy.orm import ORMExecuteState, Session
from sqlalchemy.sql import visitors

_current: ContextVar[set[str] | None] = ContextVar("jiwei_read_tables", default=None)


@contextmanager
def reading(into: set[str] | None = None) -> Iterator[set[str]]:
    """Collect the tables read in this block (into ``into`` when given, which keeps what it had).
    A block inside another also counts for the outer one."""
    tables = into if into is not None else set()
    outer = _current.get()
    token = _current.set(tables)
    try:
        yield tables
    finally:
        _current.reset(token)
        if outer is not None:
            outer.update(tables)


def tables_of(statement: object) -> set[str]:
    return {e.name for e in visitors.iterate(statement) if isinstance(e, Table)}  # type: ignore[arg-type]


def _note(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        # A statement that writes (not through the unit of work): an operation's change too.
        state.session.info.setdefault("changed_tables", set()).update(tables_of(state.statement))
        return
    tables = _current.get()
    if tables is not None:
        tables.update(tables_of(state.statement))


def install() -> None:
    """Attach the listener to every Session (idempotent)."""
    if not event.contains(Session, "do_orm_execute", _note):
        event.listen(Session, "do_orm_execute", _note)
