"""Backups of the embedded database: one file that is encrypted already, and its restore.

A backup (``jiwei-<unit code>-<YYYYMMDD-HHMMSS>.jwbak``) is a ZIP archive, stored without
compression, of three members:

- ``manifest.json``: format version, unit, schema revision, when it was made, and the size and
  SHA-256 of the other two members; plain text, nothing secret in it;
- ``keys.json``: the installation's key slots as they were, so the database key opens only with
  an account's password or the recovery key;
- ``jiwei.db``: a consistent snapshot of the SQLCipher database (SQLite's online backup API, run
  on a connection keyed like the installation's own), encrypted under the same database key.

The file is written under a temporary name, flushed to disk, read back and checked, and only then
renamed to its final name. ``verify_backup`` checks a file's structure and hashes without any
secret. ``restore`` checks the file, opens its keys with a password or the recovery key, opens the
snapshot and runs ``PRAGMA integrity_check``, and only then moves the files into the data folder;
anything replaced there is moved aside first (and put back if the restore fails). With a database
server the server's own backup is responsible and these functions refuse.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from app import __version__, leftovers
from app.config import DB_FILE_NAME, resolve_data_dir, resolve_db_url
from app.context import Context
from app.data_folder import CONVERTING_SUFFIX, PLAIN_HEADER
from app.db.database import Database, InstallationInfo
from app.db.engine import is_sqlite
from app.db.migrate import alembic_config, current_revision
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.security import audit
from app.security.keyslots import FORMAT as KEYS_FORMAT
from app.security.keyslots import KEY_FILE_NAME, SUITE, KeyFile, Keys, WrongSecret
from app.security.roles import BACKUP, permissions
from app.services.spreadsheet import ExportCancelled
from app.sync import epoch

FORMAT = "jiwei-backup"
VERSION = 1
SUFFIX = ".jwbak"
MANIFEST = "manifest.json"
KEYS = KEY_FILE_NAME
DATABASE = DB_FILE_NAME
MEMBERS = (KEYS, DATABASE)
AUTO_FOLDER = "backups"
DEFAULT_KEEP = 7
MAX_KEEP = 100
SETTINGS_FILE = "backup-settings.json"
CHUNK = 1 << 20
SNAPSHOT_PAGES = 1024  # pages copied per step of the online backup
RECOVERY_ACTOR = "recovery-key"

Progress = Callable[[int, int], bool]

SERVER = QT_TRANSLATE_NOOP(
    "app",
    "本机使用数据库服务器，数据由服务器自己的备份（例如 PostgreSQL 的 pg_dump）负责，本程序不制作也不恢复备份。",
)
DAMAGED = QT_TRANSLATE_NOOP("app", "备份文件已损坏或不完整：{name}。")
NOT_A_BACKUP = QT_TRANSLATE_NOOP("app", "{name} 不是本程序的备份文件。")
TOO_NEW = QT_TRANSLATE_NOOP("app", "备份文件 {name} 来自更新版本的程序，请先升级本程序再恢复。")
WRONG_PASSWORD = QT_TRANSLATE_NOOP("app", "用户名或密码不正确，无法打开这份备份。")
WRONG_RECOVERY_KEY = QT_TRANSLATE_NOOP("app", "恢复密钥不正确，无法打开这份备份。")
NO_RIGHT = QT_TRANSLATE_NOOP(
    "app", "用户 {user} 在这份备份中没有「备份和恢复」的权限，请用管理员账号或恢复密钥。"
)
DB_UNREADABLE = QT_TRANSLATE_NOOP("app", "备份中的数据库无法打开或检查未通过，备份文件可能已损坏：{name}。")
NOT_EMPTY = QT_TRANSLATE_NOOP(
    "app", "数据目录 {dir} 里已经有数据。要用备份替换它，请确认替换（命令行：restore --replace）。"
)
NO_FOLDER = QT_TRANSLATE_NOOP("app", "找不到保存备份的文件夹：{dir}。")
NOT_OVERWRITTEN = QT_TRANSLATE_NOOP(
    "app", "{path} 已经存在，而且不是备份文件（.jwbak），不会覆盖它。请换一个文件名或文件夹。"
)


class BackupError(Exception):
    """A backup or restore refused or failed; ``message`` says why (Chinese). Nothing changed."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(str(message))


class BackupCancelled(ExportCancelled):
    """The progress callback asked to stop; nothing was written."""


@dataclass(frozen=True)
class Manifest:
    """What a backup file says about itself (read without any secret)."""

    version: int
    unit_code: str
    unit_type: str
    unit_name: str
    county_code: str
    county_name: str
    admin: str  # the administrator made at set-up: the default account for restoring
    schema_revision: str
    created: datetime  # UTC, aware
    program_version: str
    members: dict[str, dict[str, Any]]  # name -> {"size": int, "sha256": hex}

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": self.version,
            "unit": {
                "code": self.unit_code,
                "type": self.unit_type,
                "name": self.unit_name,
                "county_code": self.county_code,
                "county_name": self.county_name,
            },
            "admin": self.admin,
            "schema_revision": self.schema_revision,
            "created": self.created.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
            "program_version": self.program_version,
            "members": self.members,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Manifest:
        unit = data["unit"]
        created = datetime.fromisoformat(str(data["created"]).replace("Z", "+00:00"))
        if created.tzinfo is None:
            created = created.replace(tzinfo=UTC)
        members = {
            str(name): {"size": int(m["size"]), "sha256": str(m["sha256"]).lower()}
            for name, m in dict(data["members"]).items()
        }
        return cls(
            version=int(data["version"]),
            unit_code=str(unit["code"]),
            unit_type=str(unit["type"]),
            unit_name=str(unit["name"]),
            county_code=str(unit["county_code"]),
            county_name=str(unit["county_name"]),
            admin=str(data.get("admin", "")),
            schema_revision=str(data["schema_revision"]),
            created=created,
            program_version=str(data.get("program_version", "")),
            members=members,
        )

    @property
    def schema_known(self) -> bool:
        """Whether this program knows the backup's schema revision (it can open and upgrade it)."""
        return schema_known(self.schema_revision)


@dataclass(frozen=True)
class RestoreResult:
    manifest: Manifest
    data_dir: Path
    username: str  # who restored: the account, or "recovery-key"
    replaced: Path | None  # where the files that were there before were moved, if any


# ---- helpers ---------------------------------------------------------------------------------------
def _step(progress: Progress | None, done: float, total: int = 1000) -> None:
    if progress is not None and not progress(int(done), total):
        raise BackupCancelled()


def _scaled(progress: Progress | None, start: int, end: int) -> Progress | None:
    """A callback reporting ``done/total`` of a phase as part of [start, end] out of 1000."""
    if progress is None:
        return None

    def report(done: int, total: int) -> bool:
        share = done / total if total else 0
        return progress(start + int((end - start) * min(1.0, share)), 1000)

    return report


def _sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise BackupError(Message(SERVER))
    return Path(database)


def _require_sqlite(url: str) -> Path:
    if not is_sqlite(url):
        raise BackupError(Message(SERVER))
    return _sqlite_path(url)


def _key_literal(key: bytes) -> str:
    return f"PRAGMA key = \"x'{key.hex()}'\""


def _connect(path: Path, key: bytes) -> Any:
    import sqlcipher3

    con = sqlcipher3.connect(str(path), check_same_thread=False)
    con.execute(_key_literal(key))  # must come first
    con.execute("PRAGMA busy_timeout=10000")
    return con


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync there; the rename is durable enough
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sha256_file(path: Path, progress: Progress | None = None) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = path.stat().st_size
    done = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
            done += len(chunk)
            if progress is not None and not progress(done, size):
                raise BackupCancelled()
    return digest.hexdigest(), done


def schema_known(revision: str) -> bool:
    from alembic.script import ScriptDirectory

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except Exception:  # noqa: BLE001 (alembic raises several kinds for an unknown revision)
        return False


def backup_name(unit_code: str, when: datetime | None = None) -> str:
    """``jiwei-<unit code>-<YYYYMMDD-HHMMSS>.jwbak`` in local time: nothing sensitive in it."""
    when = (when or datetime.now()).astimezone()
    return f"jiwei-{unit_code}-{when:%Y%m%d-%H%M%S}{SUFFIX}"


_NAME = re.compile(r"jiwei-(?P<unit>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?\.jwbak")


def _unique(folder: Path, name: str) -> Path:
    """``name`` in ``folder``, or with ``-N`` after its time, N above any taken (so the names of
    backups made within one second still sort by age after older ones were rotated away)."""
    target = folder / name
    stem = name[: -len(SUFFIX)]
    taken = []
    for path in folder.glob(f"{stem}*{SUFFIX}"):
        m = _NAME.fullmatch(path.name)
        if m and f"jiwei-{m['unit']}-{m['stamp']}" == stem:
            taken.append(int(m["n"] or 1))
    if not taken and not target.exists():
        return target
    return folder / f"{stem}-{max(taken, default=1) + 1}{SUFFIX}"


# ---- making a backup ---------------------------------------------------------------------------------
def backup(opened: Context, out: Path, progress: Progress | None = None) -> Path:
    """Write a backup of ``opened`` to ``out`` (a file, or a folder to put a named file in);
    return its path. Needs the BACKUP permission. ``progress(done, total)`` may return False to
    cancel (``BackupCancelled``; nothing written)."""
    opened.actor.require(BACKUP)
    return _backup(opened, Path(out), progress, auto=False)


def _backup(opened: Context, out: Path, progress: Progress | None, *, auto: bool) -> Path:
    db = opened.db
    source = _require_sqlite(db.url)
    info = db.installation()
    if info is None:
        raise RuntimeError("the installation is not initialised")
    out = out.expanduser()
    if out.is_dir():
        target = _unique(out, backup_name(info.unit_code))
    else:
        if not out.parent.is_dir():
            raise BackupError(Message(NO_FOLDER, {"dir": str(out.parent)}))
        if out.exists() and (out.suffix != SUFFIX or not out.is_file()):
            raise BackupError(Message(NOT_OVERWRITTEN, {"path": str(out)}))
        target = out
    revision = current_revision(db.engine) or ""
    write_backup(source, opened.held_keys.db, opened.folder, info, revision, target, progress)
    with db.session(opened.actor.username) as s:
        detail = f"{'auto ' if auto else ''}{target.name} ({target.stat().st_size} bytes)"
        audit.record(s, audit.BACKUP, detail=detail)
    _step(progress, 1000)
    return target


def write_backup(
    source: Path,
    key: bytes,
    folder: Path,
    info: InstallationInfo,
    revision: str,
    target: Path,
    progress: Progress | None = None,
) -> None:
    """Write the backup file ``target`` of the SQLCipher database ``source`` (keyed ``key``) at
    schema ``revision``, with the key slots of the data folder ``folder``: a snapshot, the
    archive under a temporary name, read back, renamed. Neither the ORM nor the audit log is
    used, so it works on a database of any revision (``app.services.upgrade`` calls it before
    migrating)."""
    keys_bytes = KeyFile.path_in(folder).read_bytes()
    _step(progress, 0)
    leftovers.sweep(folder, [leftovers.BACKUP_WORK])  # of a backup killed earlier
    work = leftovers.make_temp_dir(folder, ".backup-")
    try:
        snapshot = work / DATABASE
        _snapshot(source, snapshot, key, _scaled(progress, 0, 500))
        db_hash, db_size = _sha256_file(snapshot, _scaled(progress, 500, 600))
        manifest = Manifest(
            version=VERSION,
            unit_code=info.unit_code,
            unit_type=info.unit_type,
            unit_name=info.unit_name,
            county_code=info.county_code,
            county_name=info.county_name,
            admin=KeyFile.load(folder).admin or info.admin_username,
            schema_revision=revision,
            created=datetime.now(UTC).replace(microsecond=0),
            program_version=__version__,
            members={
                KEYS: {"size": len(keys_bytes), "sha256": hashlib.sha256(keys_bytes).hexdigest()},
                DATABASE: {"size": db_size, "sha256": db_hash},
            },
        )
        _write_archive(target, manifest, keys_bytes, snapshot, progress)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _snapshot(source: Path, snapshot: Path, key: bytes, progress: Progress | None) -> None:
    """A consistent copy of the encrypted database, keyed the same, as one self-contained file."""
    src = _connect(source, key)
    try:
        dst = _connect(snapshot, key)
        try:

            def step(_status: int, remaining: int, total: int) -> None:
                if progress is not None and not progress(total - remaining, total):
                    raise BackupCancelled()

            src.backup(dst, pages=SNAPSHOT_PAGES, progress=step)
            dst.execute("PRAGMA journal_mode=DELETE")  # no -wal file beside the snapshot
            if dst.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise RuntimeError("the database snapshot does not pass PRAGMA quick_check")
        finally:
            dst.close()
    finally:
        src.close()
    for side in ("-wal", "-shm", "-journal"):
        if Path(f"{snapshot}{side}").exists():
            raise RuntimeError(f"unexpected {side} file beside the database snapshot")


def _write_archive(
    target: Path, manifest: Manifest, keys_bytes: bytes, snapshot: Path, progress: Progress | None
) -> None:
    leftovers.sweep(target.parent, [leftovers.BACKUP_PART])  # of a backup killed earlier
    fd, tmp = leftovers.make_temp_file(target.parent, ".jiwei-", f"{SUFFIX}.part")
    try:
        with os.fdopen(fd, "wb") as fh:
            with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as zf:
                text = json.dumps(manifest.to_json(), ensure_ascii=False, indent=1, sort_keys=True)
                zf.writestr(MANIFEST, text.encode("utf-8"))
                zf.writestr(KEYS, keys_bytes)
                size = manifest.members[DATABASE]["size"]
                done = 0
                report = _scaled(progress, 600, 800)
                with open(snapshot, "rb") as src, zf.open(DATABASE, "w", force_zip64=True) as dst:
                    while chunk := src.read(CHUNK):
                        dst.write(chunk)
                        done += len(chunk)
                        _step(report, done, size)
            fh.flush()
            os.fsync(fh.fileno())
        got = verify_backup(tmp, _scaled(progress, 800, 990))  # read back before it gets its name
        if got != manifest:
            raise RuntimeError("the backup file read back does not match what was written")
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class AutoBackupSettings:
    """How the automatic backup at exit is made (``backup-settings.json`` in the data folder)."""

    keep: int = DEFAULT_KEEP  # how many of them to keep; 0 switches them off
    folder: Path | None = None  # None: ``<data dir>/backups``

    def folder_in(self, data_dir: Path) -> Path:
        return self.folder if self.folder is not None else Path(data_dir) / AUTO_FOLDER


def auto_settings(data_dir: Path) -> AutoBackupSettings:
    """The automatic-backup settings of this data folder (defaults when never set or unreadable)."""
    try:
        data = json.loads((Path(data_dir) / SETTINGS_FILE).read_text(encoding="utf-8"))
        keep = max(0, min(MAX_KEEP, int(data.get("keep", DEFAULT_KEEP))))
        folder = Path(data["folder"]) if data.get("folder") else None
    except (OSError, ValueError, TypeError, AttributeError):
        return AutoBackupSettings()
    return AutoBackupSettings(keep, folder)


def save_auto_settings(data_dir: Path, settings: AutoBackupSettings) -> None:
    path = Path(data_dir) / SETTINGS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = {
        "keep": max(0, min(MAX_KEEP, settings.keep)),
        "folder": str(settings.folder) if settings.folder else None,
    }
    fd, tmp = leftovers.make_temp_file(path.parent, ".backup-settings-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(doc, fh, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def auto_backup(opened: Context, folder: Path | None = None, keep: int | None = None) -> Path | None:
    """The backup made when the window closes: into ``folder``, keeping the newest ``keep`` of
    this unit's backups there and deleting older ones (both default to ``auto_settings``: the
    folder ``<data dir>/backups``, 7 files). Made for whoever is logged in (the file is as closed
    as the data folder). None with a database server or when ``keep`` is 0 (switched off)."""
    configured = auto_settings(opened.folder)
    keep = configured.keep if keep is None else keep
    if keep < 1 or not is_sqlite(opened.db.url):
        return None
    folder = Path(folder) if folder is not None else configured.folder_in(opened.folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = _backup(opened, folder, None, auto=True)
    info = opened.db.installation()
    assert info is not None
    rotate(folder, info.unit_code, keep)
    return path


def rotate(folder: Path, unit_code: str, keep: int) -> list[Path]:
    """Delete this unit's backups in ``folder`` beyond the newest ``keep`` (by the time in their
    names); return what was deleted. Files of other names are left alone."""
    found: list[tuple[str, int, Path]] = []
    for path in Path(folder).glob(f"jiwei-*{SUFFIX}"):
        m = _NAME.fullmatch(path.name)
        if m and m["unit"] == unit_code:
            found.append((m["stamp"], int(m["n"] or 1), path))
    found.sort()
    old = [p for _s, _n, p in found[: max(0, len(found) - keep)]]
    for path in old:
        path.unlink(missing_ok=True)
    return old


# ---- checking a backup file --------------------------------------------------------------------------
def verify_backup(path: Path, progress: Progress | None = None) -> Manifest:
    """Check a backup's structure and every member's size and SHA-256 (no secret needed);
    return its manifest. ``BackupError`` when it is not a backup, damaged or from a newer program."""
    path = Path(path)
    name = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if MANIFEST not in names:
                raise BackupError(Message(NOT_A_BACKUP, {"name": name}))
            try:
                raw = json.loads(zf.read(MANIFEST).decode("utf-8"))
            except (ValueError, UnicodeDecodeError):
                raise BackupError(Message(DAMAGED, {"name": name})) from None
            if not isinstance(raw, dict) or raw.get("format") != FORMAT:
                raise BackupError(Message(NOT_A_BACKUP, {"name": name}))
            if not isinstance(raw.get("version"), int) or raw["version"] > VERSION:
                raise BackupError(Message(TOO_NEW, {"name": name}))
            try:
                manifest = Manifest.from_json(raw)
            except (KeyError, TypeError, ValueError, AttributeError):
                raise BackupError(Message(DAMAGED, {"name": name})) from None
            if set(manifest.members) != set(MEMBERS) or names != {MANIFEST, *MEMBERS}:
                raise BackupError(Message(DAMAGED, {"name": name}))
            total = sum(int(m["size"]) for m in manifest.members.values()) or 1
            done = 0
            for member in MEMBERS:
                expected = manifest.members[member]
                if zf.getinfo(member).file_size != expected["size"]:
                    raise BackupError(Message(DAMAGED, {"name": name}))
                digest = hashlib.sha256()
                head = b""
                with zf.open(member) as fh:
                    while chunk := fh.read(CHUNK):
                        if not head:
                            head = chunk[:16]
                        digest.update(chunk)
                        done += len(chunk)
                        _step(progress, done, total)
                if digest.hexdigest() != expected["sha256"]:
                    raise BackupError(Message(DAMAGED, {"name": name}))
                if member == DATABASE and head.startswith(PLAIN_HEADER):
                    raise BackupError(Message(NOT_A_BACKUP, {"name": name}))  # never unencrypted
            _parse_keys(zf.read(KEYS), name)
    except BackupError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, KeyError):
        raise BackupError(Message(DAMAGED, {"name": name})) from None
    except OSError as exc:
        if isinstance(exc, FileNotFoundError | PermissionError | IsADirectoryError):
            raise
        raise BackupError(Message(DAMAGED, {"name": name})) from None
    return manifest


def _parse_keys(data: bytes, name: str) -> dict[str, Any]:
    try:
        keys = json.loads(data.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise BackupError(Message(DAMAGED, {"name": name})) from None
    if (
        not isinstance(keys, dict)
        or keys.get("format") != KEYS_FORMAT
        or keys.get("suite") != SUITE
        or not isinstance(keys.get("slots"), list)
    ):
        raise BackupError(
            Message(TOO_NEW if keys.get("format", 0) > KEYS_FORMAT else DAMAGED, {"name": name})
        )
    return keys


def backup_users(path: Path) -> list[str]:
    """The accounts that have a key slot in a backup (to offer in a restore dialog)."""
    with zipfile.ZipFile(path) as zf:
        keys = _parse_keys(zf.read(KEYS), Path(path).name)
    return [str(s["name"]) for s in keys["slots"] if s.get("kind") == "user"]


# ---- restoring ---------------------------------------------------------------------------------------
def _installation_files(data_dir: Path, db_path: Path) -> list[Path]:
    """The files that make an installation (what a restore replaces); settings and the backups
    folder are not among them."""
    candidates = [
        db_path,
        Path(f"{db_path}-wal"),
        Path(f"{db_path}-shm"),
        Path(f"{db_path}-journal"),
        Path(f"{db_path}{CONVERTING_SUFFIX}"),
        KeyFile.path_in(data_dir),
        data_dir / "login-state.json",
    ]
    return [p for p in candidates if p.exists()]


def has_installation(data_dir: Path, db_url: str | None = None) -> bool:
    """Whether ``data_dir`` holds an installation that a restore would have to replace."""
    folder = resolve_data_dir(data_dir)
    url = resolve_db_url(folder, db_url)
    if not is_sqlite(url):
        return True
    return bool(_installation_files(folder, _sqlite_path(url)))


def restore(
    backup_file: Path,
    data_dir: Path | None,
    *,
    db_url: str | None = None,
    username: str | None = None,
    password: str | None = None,
    recovery_key: str | None = None,
    replace: bool = False,
    progress: Progress | None = None,
) -> RestoreResult:
    """Restore ``backup_file`` into ``data_dir`` with an account's password (``username``
    defaults to the administrator named in the backup) or the recovery key.

    ``data_dir`` must hold no installation unless ``replace``; then the files there are moved
    into ``data_dir/before-restore-<time>/`` first and put back if anything fails. Refusals
    (``BackupError``: damaged file, wrong secret, no right, folder not empty) change nothing.
    The restored database gets a RESTORE_BACKUP audit entry. The program must not have the data
    folder's database open while it is replaced.
    """
    if (password is None) == (recovery_key is None):
        raise ValueError("give either a password or the recovery key")
    backup_file = Path(backup_file)
    folder = resolve_data_dir(data_dir)
    url = resolve_db_url(folder, db_url)
    db_path = _require_sqlite(url)
    name = backup_file.name
    manifest = verify_backup(backup_file, _scaled(progress, 0, 400))
    if not manifest.schema_known:
        raise BackupError(Message(TOO_NEW, {"name": name}))
    occupied = _installation_files(folder, db_path)
    if occupied and not replace:
        raise BackupError(Message(NOT_EMPTY, {"dir": str(folder)}))

    with zipfile.ZipFile(backup_file) as zf:
        keys_bytes = zf.read(KEYS)
    if hashlib.sha256(keys_bytes).hexdigest() != manifest.members[KEYS]["sha256"]:
        raise BackupError(Message(DAMAGED, {"name": name}))
    data = _parse_keys(keys_bytes, name)
    key_file = KeyFile(folder / KEYS, list(data["slots"]), str(data.get("admin", "")))
    user = username or key_file.admin or manifest.admin
    try:
        if recovery_key is not None:
            keys = key_file.unlock_recovery(recovery_key)
            actor = RECOVERY_ACTOR
        else:
            assert password is not None
            keys = key_file.unlock(user, password)
            actor = user
    except WrongSecret:
        raise BackupError(
            Message(WRONG_RECOVERY_KEY if recovery_key is not None else WRONG_PASSWORD)
        ) from None
    _step(progress, 450)

    created_folder = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    leftovers.sweep(folder, [leftovers.RESTORE_WORK])  # of a restore killed earlier
    staging = leftovers.make_temp_dir(folder, ".restore-")
    try:
        staged_db = staging / DATABASE
        _extract(backup_file, DATABASE, staged_db, manifest, _scaled(progress, 450, 650))
        (staging / KEYS).write_bytes(keys_bytes)
        _check_snapshot(staged_db, keys, manifest, None if recovery_key is not None else user, name)
        _step(progress, 800)
        _audit_restore(staged_db, staging, keys, actor, manifest, name, recovery_key is not None, folder)
        _step(progress, 900)
        replaced = _move_into_place(staging, folder, db_path, occupied)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if created_folder:
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    shutil.rmtree(staging, ignore_errors=True)
    _step(progress, 1000)
    return RestoreResult(manifest, folder, actor, replaced)


def _extract(
    backup_file: Path, member: str, target: Path, manifest: Manifest, progress: Progress | None
) -> None:
    expected = manifest.members[member]
    digest = hashlib.sha256()
    done = 0
    try:
        with zipfile.ZipFile(backup_file) as zf, zf.open(member) as src, open(target, "wb") as dst:
            while chunk := src.read(CHUNK):
                dst.write(chunk)
                digest.update(chunk)
                done += len(chunk)
                _step(progress, done, int(expected["size"]) or 1)
            dst.flush()
            os.fsync(dst.fileno())
    except (zipfile.BadZipFile, EOFError, KeyError):
        raise BackupError(Message(DAMAGED, {"name": backup_file.name})) from None
    if digest.hexdigest() != expected["sha256"] or done != expected["size"]:
        raise BackupError(Message(DAMAGED, {"name": backup_file.name}))


def _check_snapshot(path: Path, keys: Keys, manifest: Manifest, user: str | None, name: str) -> None:
    """The snapshot opens with the key, passes PRAGMA integrity_check, is this unit's, and
    ``user`` (when restoring with a password) may restore."""
    import sqlcipher3

    unreadable = BackupError(Message(DB_UNREADABLE, {"name": name}))
    try:
        con = _connect(path, keys.db)
    except sqlcipher3.DatabaseError:
        raise unreadable from None
    try:
        if con.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise unreadable
        row = con.execute("SELECT unit_code FROM installation").fetchone()
        if row is None or row[0] != manifest.unit_code:
            raise unreadable
        if user is not None:
            found = con.execute("SELECT role, active FROM users WHERE username = ?", (user,)).fetchone()
            if found is None or not found[1] or BACKUP not in permissions(str(found[0])):
                raise BackupError(Message(NO_RIGHT, {"user": user}))
    except sqlcipher3.DatabaseError:
        raise unreadable from None
    finally:
        con.close()


def _audit_restore(
    staged_db: Path,
    staging: Path,
    keys: Keys,
    actor: str,
    manifest: Manifest,
    name: str,
    by_recovery: bool,
    folder: Path,
) -> None:
    """Bring the snapshot's schema up to date, start a new version epoch (``app.sync.epoch``: no
    version or bundle number issued since the backup is issued again) and note the restore in its
    own audit log."""
    db = Database(f"sqlite:///{staged_db}", staging, keys.db)
    try:
        with db.session(actor) as s:
            counter = epoch.start_epoch(s, folder)
            created = manifest.created.isoformat(timespec="seconds").replace("+00:00", "Z")
            how = "recovery key" if by_recovery else "password"
            audit.record(s, audit.RESTORE_BACKUP, detail=f"{name} made {created} ({how}) epoch={counter}",
                         seq=epoch.audit_epoch(s, folder, manifest.unit_code))  # fmt: skip
    finally:
        db.close()
    con = _connect(staged_db, keys.db)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute("PRAGMA journal_mode=DELETE")
    finally:
        con.close()


def _move_into_place(staging: Path, folder: Path, db_path: Path, occupied: list[Path]) -> Path | None:
    """Move what is there aside, then the restored files in (database first, keys last); on any
    failure undo both."""
    aside: Path | None = None
    moved: list[tuple[Path, Path]] = []
    placed: list[Path] = []
    try:
        if occupied:
            aside = folder / f"before-restore-{datetime.now():%Y%m%d-%H%M%S}"
            n = 2
            while aside.exists():
                aside = folder / f"before-restore-{datetime.now():%Y%m%d-%H%M%S}-{n}"
                n += 1
            aside.mkdir()
            for path in occupied:
                dest = aside / path.name
                os.replace(path, dest)
                moved.append((path, dest))
        db_path.parent.mkdir(parents=True, exist_ok=True)
        for staged, target in ((staging / DATABASE, db_path), (staging / KEYS, KeyFile.path_in(folder))):
            os.replace(staged, target)
            placed.append(target)
        _fsync_dir(folder)
        if db_path.parent != folder:
            _fsync_dir(db_path.parent)
    except BaseException:
        for target in placed:
            target.unlink(missing_ok=True)
        for original, dest in reversed(moved):
            with contextlib.suppress(OSError):
                os.replace(dest, original)
        if aside is not None:
            with contextlib.suppress(OSError):
                aside.rmdir()
        raise
    return aside


def sweep_installation(data_dir: Path) -> list[Path]:
    """What the window does at start: the data folder's leftovers (an interrupted backup or
    restore, a key or log-in file half written) and those of the automatic backups' folder."""
    removed = leftovers.sweep(data_dir, leftovers.DATA_FOLDER)
    try:
        backups = auto_settings(data_dir).folder_in(data_dir)
    except Exception:  # noqa: BLE001 (a sweep never fails the start)
        backups = Path(data_dir) / "backups"
    return removed + leftovers.sweep(backups, (leftovers.BACKUP_PART,))
