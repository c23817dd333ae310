"""A page's interest in changes: the tables its last refresh read.

``ReadTracking.tracked(refresh)`` runs a refresh inside ``app.context.reading`` and keeps the
tables it read; ``touched(changes)`` says whether an operation changed one of them. Lazily loaded
parts of a page (rows fetched as the list scrolls) add to the same set with ``reading(into=...)``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from app.context import Changes, reading


class ReadTracking:
    """Mixed into a page: ``read_tables`` is what its shown data came from."""

    read_tables: set[str]

    def tracked(self, refresh: Callable[[], Any]) -> Any:
        """Run ``refresh`` and remember the tables it read (replacing what was remembered)."""
        with reading() as tables:
            result = refresh()
        self.read_tables = tables
        return result

    def touched(self, changes: Changes) -> bool:
        """Whether ``changes`` wrote a table the page's data came from (before the page has
        tracked a refresh, any change counts: it cannot know what it shows)."""
        tables = getattr(self, "read_tables", None)
        return bool(changes) if tables is None else changes.touches(tables)


def tracks_reads(method: Callable[..., Any]) -> Callable[..., Any]:
    """Decorate a page's ``refresh``: what it reads becomes the page's ``read_tables``."""

    @functools.wraps(method)
    def refresh(self: ReadTracking, *args: Any, **kwargs: Any) -> Any:
        return self.tracked(lambda: method(self, *args, **kwargs))

    return refresh
