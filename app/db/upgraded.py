"""What a migration at log-in did (``app.services.upgrade`` does it): kept apart so that the
context a log-in opens (``app.context``) can carry it without importing the backup and upgrade
machinery."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app import __version__
from app.db import migrate
from app.i18n import QT_TRANSLATE_NOOP, Message

UPGRADED = QT_TRANSLATE_NOOP(
    "app",
    "数据库已从 {old} 升级到 {new}（数据库结构 {old_revision} → {new_revision}）。升级前的备份：{backup}",
)
UPGRADED_SERVER = QT_TRANSLATE_NOOP(
    "app",
    "数据库服务器上的数据库已从 {old} 升级到 {new}（数据库结构 {old_revision} → {new_revision}）。"
    "本程序不备份服务器上的数据库，由服务器管理员负责（例如 pg_dump）；使用这个数据库的其他电脑也要安装 {new}。",
)


@dataclass(frozen=True)
class Upgrade:
    """A database migrated at this opening: from which revision, to which, and its backup."""

    from_revision: str
    to_revision: str
    backup: Path | None  # None with a database server

    @property
    def from_release(self) -> str:
        """The release that made the database (its revision where it is none)."""
        return migrate.release_of(self.from_revision) or self.from_revision

    def notice(self) -> Message:
        """What the window and the command line tell the person who logged in."""
        params: dict[str, str] = {
            "old": self.from_release,
            "new": __version__,
            "old_revision": self.from_revision,
            "new_revision": self.to_revision,
        }
        if self.backup is None:
            return Message(UPGRADED_SERVER, params)
        return Message(UPGRADED, {**params, "backup": str(self.backup)})

    def audit_detail(self) -> str:
        where = (
            f"backup {self.backup.name}" if self.backup is not None else "no file backup (database server)"
        )
        return f"{self.from_revision} -> {self.to_revision} ({self.from_release} -> {__version__}); {where}"
