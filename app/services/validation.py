"""The refusal of values by a register's rules, shared by the record service and the services
that write through it (undo puts values back under the same rules); ``app.services.records``
re-exports it, where callers have always taken it from."""

from __future__ import annotations

from collections.abc import Mapping

from app.i18n import Message


class ValidationError(Exception):
    """Values refused; ``errors`` maps a field name (or "" for the record) to a message."""

    def __init__(self, errors: Mapping[str, Message]) -> None:
        self.errors = dict(errors)
        super().__init__("；".join(str(m) for m in self.errors.values()))
