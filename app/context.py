"""The operation context: who acts, on which database, holding which keys.

Every function of ``app/`` that changes state takes one ``Context`` and checks its own
permission with ``ctx.require(...)`` before it touches anything. The window and the command line
build it from a log-in (``app.services.login``); the demo builder, migrations and tests that set
up data act as ``Context.system(db)``, an actor no log-in can become (its role is not one of
``app.security.roles.ROLES``, so no account can hold it).

Every transaction opened through ``ctx.session()`` records which tables it changed
(``app.db.changelog``); an operation returns them as ``Changes`` so that the window refreshes
exactly the pages that show them.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from app.db.database import Database, InstallationInfo
from app.db.reads import reading
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.security.roles import SYSTEM, Actor, system_actor

if TYPE_CHECKING:
    from app.db.upgraded import Upgrade
    from app.security.keyslots import Keys

__all__ = ["Changes", "Context", "NotInitialised", "reading"]

NOT_INITIALISED = QT_TRANSLATE_NOOP("app", "本数据目录尚未初始化，请先运行 init。")


@dataclass(frozen=True)
class Changes:
    """What an operation changed: the tables (registers) its transactions wrote."""

    tables: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.tables)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.tables | other.tables)

    def touches(self, names: Iterable[str]) -> bool:
        return not self.tables.isdisjoint(names)

    @classmethod
    def of(cls, *names: str) -> Changes:
        return cls(frozenset(names))


class NotInitialised(Exception):
    def __init__(self) -> None:
        self.message = Message(NOT_INITIALISED)
        super().__init__(str(self.message))


@dataclass
class Context:
    """An installation opened by someone: the database, the acting account, the keys it holds.

    ``changes`` accumulates the tables written through ``session()`` since the last ``take_changes``.
    """

    db: Database
    actor: Actor
    keys: Keys | None = field(default=None, repr=False)
    data_dir: Path | None = None
    recovery_key: str | None = field(default=None, repr=False)  # set once, when one was just made
    upgrade: Upgrade | None = None  # the database was migrated at this log-in (``app.services.upgrade``)
    changes: set[str] = field(default_factory=set, repr=False)
    # What this log-in did that can be undone, last at the end (``app.services.undo``), and the
    # operation that is gathering several record changes into one undo while it runs.
    operations: list[Any] = field(default_factory=list, repr=False, compare=False)
    undo_group: Any = field(default=None, repr=False, compare=False)
    # An operation may run on a worker thread (an import) while the window announces another.
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @classmethod
    def system(
        cls, db: Database, name: str = "system", *, keys: Keys | None = None, sensitive_key: bytes | None = None
    ) -> Context:
        """The program itself acting (demo builder, migrations, set-up; ``name``: in whose name):
        every permission, no log-in."""
        actor = SYSTEM if name == "system" and sensitive_key is None else system_actor(name, sensitive_key)
        return cls(db, actor, keys)  # its data folder: the database's (``folder``)

    # ---- who ---------------------------------------------------------------------------------------
    @property
    def user(self) -> str:
        return self.actor.username

    def can(self, permission: str) -> bool:
        return self.actor.can(permission)

    def require(self, permission: str) -> None:
        """Raise ``PermissionDenied`` (a Chinese message) unless the actor holds ``permission``."""
        self.actor.require(permission)

    @property
    def held_keys(self) -> Keys:
        """The keys of the person logged in (a log-in always has them; the system context may not)."""
        if self.keys is None:
            raise RuntimeError("this context holds no keys (not opened by a log-in)")
        return self.keys

    @property
    def folder(self) -> Path:
        """The installation's data folder."""
        folder = self.data_dir if self.data_dir is not None else self.db.data_dir
        if folder is None:
            raise RuntimeError("this context has no data folder")
        return folder

    # ---- where -------------------------------------------------------------------------------------
    def installation(self) -> InstallationInfo:
        info = self.db.installation()
        if info is None:
            raise NotInitialised()
        return info

    @property
    def unit(self) -> str:
        """The code of the unit this installation belongs to (the owner of what it makes)."""
        return self.installation().unit_code

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction as the actor; the tables it changed are added to ``changes``."""
        with self.db.session(self.user) as s:
            info = s.info
            yield s
        with self._lock:  # committed: rolled-back work changed nothing
            self.changes.update(info.get("changed_tables", ()))

    def take_changes(self) -> Changes:
        """What was changed since the last call (and forget it)."""
        with self._lock:
            done = Changes(frozenset(self.changes))
            self.changes.clear()
        return done
