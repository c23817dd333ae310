"""A newer release opening a database an older one made: a backup first, then the migrations.

Installing a new version over an old one leaves the data folder as it was. The first log-in
afterwards (the window, the command line, or a password set with the recovery key) finds the
database behind the newest schema revision and, before any migration runs, writes a backup of
it as it is: an ordinary backup file (``app.services.backup``; restored like any other, with a
password or the recovery key) named for the release that made the database,

    <data folder>/backups/jiwei-<unit>-before-upgrade-<release>-<YYYYMMDD-HHMMSS>.jwbak

(``<release>`` is ``0.1.0`` for a released schema, ``schema-<revision>`` for one between
releases). The automatic backups at exit never rotate it away (their names differ).

- The backup cannot be written (a full disk, a read-only folder, a damaged database): nothing is
  migrated and the log-in is refused with the reason (``UpgradeRefused``); the database is as
  the older release left it, and that release still opens it.
- A migration fails: the migrations run in one transaction, so the database stays as it was; the
  refusal names the backup.
- A newer release made the database (an older program installed over a newer one, or one PC of
  a county left behind on a shared server): refused, nothing touched.
- A database server (PostgreSQL at the county): no file backup (the server's own backup is
  responsible and ``app.services.backup`` refuses servers); the upgrade runs at the first log-in
  of the newer release, and its notice says so (``docs/install.md``).

Each upgrade is an ``upgrade`` entry in the audit log, written at the log-in that made it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from app import __version__, os_errors
from app.db import migrate
from app.db.database import Database, InstallationInfo
from app.db.engine import is_sqlite
from app.db.upgraded import Upgrade
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.security import audit

BACKUP_FAILED = QT_TRANSLATE_NOOP(
    "app",
    "新版本的程序要先备份数据再升级数据库，但备份没有成功：{reason} 数据库没有升级，数据保持原样"
    "（旧版本的程序仍能打开）。请处理上面的问题后再登录。备份的位置：{folder}",
)
MIGRATION_FAILED = QT_TRANSLATE_NOOP(
    "app",
    "升级数据库失败（{reason}），数据库保持升级前的样子。升级前的备份：{backup}。"
    "请把这条消息告诉县纪委监委的信息技术人员。",
)
MIGRATION_FAILED_SERVER = QT_TRANSLATE_NOOP(
    "app",
    "升级数据库服务器上的数据库失败（{reason}），数据库保持升级前的样子。"
    "请把这条消息告诉县纪委监委的信息技术人员。",
)
NEWER = QT_TRANSLATE_NOOP(
    "app",
    "这个数据库已由更新版本的程序升级过（数据库结构 {revision}），本程序（{version}）不能打开它，"
    "数据没有改动。请安装最新版本的程序。",
)
BACKUP_PREFIX = "before-upgrade"


class UpgradeRefused(Exception):
    """The database was not upgraded (no backup, a newer release's, a failed migration);
    ``message`` says why in Chinese. The database is as it was before the attempt."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(str(message))


def backup_name(unit_code: str, revision: str, when: datetime | None = None) -> str:
    """``jiwei-<unit>-before-upgrade-<release>-<YYYYMMDD-HHMMSS>.jwbak``, local time."""
    from app.services.backup import SUFFIX

    release = migrate.release_of(revision) or f"schema-{revision}"
    when = (when or datetime.now()).astimezone()
    return f"jiwei-{unit_code}-{BACKUP_PREFIX}-{release}-{when:%Y%m%d-%H%M%S}{SUFFIX}"


def _installation(engine: Engine) -> InstallationInfo | None:
    """The installation row read with plain SQL: the ORM maps the newest schema, not this one."""
    with engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT id, unit_code, unit_type, unit_name, county_code, county_name, admin_username "
                "FROM installation"
            )
        ).first()
    return None if row is None else InstallationInfo(*(str(v) for v in row))


def _reason(exc: BaseException, folder: Path) -> Message | str:
    known = os_errors.failure_message(exc) or os_errors.database_failure(exc, folder)
    if known is not None:
        return known
    first = (str(exc).strip().splitlines() or [""])[0][:200]
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


class BackupBeforeUpgrade:
    """``Database(…, before_upgrade=guard)``: writes the backup before the migrations run (or
    refuses them); ``done`` tells what happened once the database is open."""

    def __init__(self, folder: Path, url: str, key: bytes | None) -> None:
        self.folder = Path(folder)
        self.url = url
        self.key = key
        self.done: Upgrade | None = None

    def __call__(self, engine: Engine, current: str, newest: str) -> None:
        path: Path | None = None
        if is_sqlite(self.url):
            path = self._backup(engine, current)
        self.done = Upgrade(current, newest, path)

    def _backup(self, engine: Engine, revision: str) -> Path:
        from app.services import backup

        target_folder = self.folder / backup.AUTO_FOLDER
        try:
            if self.key is None:
                # A plain database is older than every release: login encrypts it (and checks the
                # copy table by table) before anything else; no release writes one.
                raise RuntimeError("an unencrypted database cannot be backed up before an upgrade")
            info = _installation(engine)
            if info is None:
                raise RuntimeError("the database has no installation row")
            target_folder.mkdir(parents=True, exist_ok=True)
            target = backup._unique(target_folder, backup_name(info.unit_code, revision))
            source = backup._sqlite_path(self.url)
            backup.write_backup(source, self.key, self.folder, info, revision, target)
        except Exception as exc:  # noqa: BLE001 (whatever stops the backup stops the upgrade, said plainly)
            reason = _reason(exc, self.folder)
            raise UpgradeRefused(
                Message(BACKUP_FAILED, {"reason": reason, "folder": str(target_folder)})
            ) from exc
        return target

    def record(self, session: Session) -> None:
        """The audit entry of the upgrade, if one ran (in the log-in's own transaction)."""
        if self.done is not None:
            audit.record(session, audit.UPGRADE, detail=self.done.audit_detail())


def open_database(folder: Path, url: str, key: bytes | None) -> tuple[Database, BackupBeforeUpgrade]:
    """Open (and migrate, a backup first) the installation's database for a log-in; the guard
    says whether an upgrade ran and writes its audit entry. ``UpgradeRefused`` when the upgrade
    could not be made safely; nothing is open then."""
    guard = BackupBeforeUpgrade(folder, url, key)
    try:
        db = Database(url, folder, key, before_upgrade=guard)
    except UpgradeRefused:
        raise
    except migrate.NewerDatabase as exc:
        raise UpgradeRefused(Message(NEWER, {"revision": exc.revision, "version": __version__})) from exc
    except Exception as exc:
        if guard.done is None:  # not an upgrade that failed: the caller's to handle
            raise
        reason = _reason(exc, folder)
        if guard.done.backup is None:
            raise UpgradeRefused(Message(MIGRATION_FAILED_SERVER, {"reason": reason})) from exc
        raise UpgradeRefused(
            Message(MIGRATION_FAILED, {"reason": reason, "backup": str(guard.done.backup)})
        ) from exc
    return db, guard
