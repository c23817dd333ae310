"""Opening an installation as a person: set-up, log-in, conversion of a plain database, recovery.

The embedded SQLite file is encrypted with SQLCipher under a random key that only the key slots
in ``keys.json`` open (``app.security.keyslots``): a person's password opens their own slot,
the recovery key opens the recovery slot. A wrong password opens nothing, so the database is not
touched; the failure is noted beside it and audited at the next successful log-in, and repeated
failures make the next attempt wait (``app.security.throttle``). Every refusal of a password costs
the one derivation a real slot costs, with the slots' own parameters: a wrong password, a name
without a slot (unknown, or deactivated: its slot was removed) alike, so the time a refusal takes
does not tell which names exist. A throttled attempt is refused before any password work, for
every name alike (unknown names are throttled too).

With a database server (``--db postgresql+psycopg://…``) the server is responsible for its disk:
the password is checked against the argon2 hash in ``users``, and ``keys.json`` still holds the
sensitive-field key.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.context import Context
from app.data_folder import (
    CONVERTING_SUFFIX,
    PLAIN_HEADER,
    finish_interrupted_conversion,
    paths,
    sqlite_file,
    state,
)
from app.db.database import Database, InstallationInfo
from app.db.local import User
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.security import audit
from app.security.keyslots import KeyFile, Keys, WrongSecret, new_keys
from app.security.roles import VIEW_SENSITIVE, Actor, permissions
from app.security.throttle import LoginThrottle
from app.services import accounts
from app.services.installation import SetupError, SetupRequest, initialise
from app.services.policy import separation_on
from app.services.upgrade import UpgradeRefused, open_database


class LoginError(Exception):
    """Refused: wrong credentials, throttled, not set up, or the account is disabled."""

    def __init__(self, message: Message, wait_seconds: int = 0) -> None:
        self.message = message
        self.wait_seconds = wait_seconds
        super().__init__(str(message))


WRONG = Message(QT_TRANSLATE_NOOP("app", "用户名或密码不正确。"))
WRONG_PASSWORD = Message(QT_TRANSLATE_NOOP("app", "密码不正确。"))  # the lock: the name is known
NOT_INITIALISED = Message(QT_TRANSLATE_NOOP("app", "本数据目录尚未初始化，请先运行 init。"))


def _actor(username: str, role: str, keys: Keys, separated: bool = False) -> Actor:
    """The person logged in: the sensitive-field key only when the role may read sensitive fields
    under the county's separation of duties as it stands (``app.services.policy``)."""
    sees = VIEW_SENSITIVE in permissions(role, separated)
    return Actor(username, role, keys.sensitive if sees else None, separated=separated)


def create(
    data_dir: str | Path | None, db_url: str | None, req: SetupRequest, *, sensitive_key: bytes | None = None
) -> Context:
    """Set up a new installation: keys, encrypted database, identity, administrator.

    ``Context.recovery_key`` must be shown (and printed) to the person setting up: it exists nowhere else.
    ``sensitive_key``: the county's sensitive-field key from an enrolment package (every
    installation of a county seals sensitive fields under one key, so the county reads what its
    units send and they read the clues it hands them); otherwise a new random key.
    """
    folder, url = paths(data_dir, db_url)
    problems = req.problems()
    if problems:
        raise SetupError(problems)
    current = state(folder, url)
    if current in ("encrypted", "plain"):
        raise SetupError(
            {"unit_code": Message(QT_TRANSLATE_NOOP("app", "本数据目录已经初始化，不能再次初始化。"))}
        )
    folder.mkdir(parents=True, exist_ok=True)
    if current == "server":
        probe = Database(url, folder)
        try:
            if probe.installation() is not None:
                raise SetupError(
                    {"unit_code": Message(QT_TRANSLATE_NOOP("app", "本数据目录已经初始化，不能再次初始化。"))}
                )
        finally:
            probe.close()
    given = None if sensitive_key is None else Keys(new_keys().db, sensitive_key)
    _kf, keys, recovery = KeyFile.create(folder, req.admin_username, req.admin_password, given)
    try:
        db = Database(url, folder, keys.db if current == "new" else None)
        initialise(db, req)
    except BaseException:
        KeyFile.path_in(folder).unlink(missing_ok=True)
        path = sqlite_file(url)
        if current == "new" and path is not None:
            for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                p.unlink(missing_ok=True)
        raise
    return Context(db, _actor(req.admin_username, accounts.ROLE_ADMIN, keys), keys, folder, recovery)


def login(data_dir: str | Path | None, db_url: str | None, username: str, password: str) -> Context:
    """Open the installation as ``username``; ``LoginError`` (nothing opened) otherwise."""
    folder, url = paths(data_dir, db_url)
    throttle = LoginThrottle(folder)
    wait = throttle.wait_seconds(username)
    if wait:
        raise LoginError(
            Message(QT_TRANSLATE_NOOP("app", "连续输错密码，请 {n} 秒后再试。"), {"n": str(wait)}), wait
        )
    current = state(folder, url)
    if current == "new":
        raise LoginError(NOT_INITIALISED)
    recovery: str | None = None
    if current == "plain":
        recovery = _convert_plain(folder, url, username, password, throttle)
    try:
        keys = KeyFile.load(folder).unlock(username, password)
    except (WrongSecret, FileNotFoundError):
        throttle.failed(username)
        raise LoginError(WRONG) from None
    try:
        db, upgrade = open_database(folder, url, keys.db if current != "server" else None)
    except UpgradeRefused as exc:
        raise LoginError(exc.message) from exc
    try:
        if db.installation() is None:
            raise LoginError(NOT_INITIALISED)
        if current == "server":
            try:
                accounts.verify(db, username, password)
            except accounts.AuthError:
                throttle.failed(username)
                raise LoginError(WRONG) from None
        with db.session(username) as s:
            user = s.scalars(select(User).where(User.username == username)).first()
            if user is None or not user.active:
                throttle.failed(username, "disabled")
                raise LoginError(Message(QT_TRANSLATE_NOOP("app", "该账号已停用，请联系单位管理员。")))
            role = user.role
            separated = separation_on(s)
            audited = audit_pending_failures(s, throttle)
            if recovery is not None:
                audit.record(s, audit.CONVERT, detail="plain database encrypted")
            upgrade.record(s)
            audit.record(s, audit.LOGIN)
        throttle.succeeded(username, audited)
    except BaseException:
        db.close()
        raise
    return Context(db, _actor(username, role, keys, separated), keys, folder, recovery, upgrade=upgrade.done)


def _utc_from_epoch(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC).replace(tzinfo=None)


def audit_pending_failures(session: Session, throttle: LoginThrottle) -> int:
    """Write the failures noted beside the database into the audit log; return how many (the
    caller clears them with ``throttle.succeeded`` once the transaction has committed)."""
    pending = throttle.pending()
    for p in pending:
        audit.record(
            session,
            audit.LOGIN_FAILED,
            actor=str(p["username"])[:64],
            detail=str(p.get("reason", "")),
            at=_utc_from_epoch(float(p["at"])),
        )
    return len(pending)


def record_failure_now(opened: Context, throttle: LoginThrottle) -> None:
    """With the database open (unlock, change of password), a failure goes straight into the log."""
    with opened.session() as s:
        audited = audit_pending_failures(s, throttle)
    throttle.succeeded("", audited)


def unlock_again(opened: Context, password: str) -> None:
    """The idle lock: the same person's password again. ``LoginError`` when wrong."""
    throttle = LoginThrottle(opened.folder)
    username = opened.actor.username
    wait = throttle.wait_seconds(username)
    if wait:
        raise LoginError(
            Message(QT_TRANSLATE_NOOP("app", "连续输错密码，请 {n} 秒后再试。"), {"n": str(wait)}), wait
        )
    try:
        KeyFile.load(opened.folder).unlock(username, password)
    except WrongSecret:
        throttle.failed(username, "unlock")
        record_failure_now(opened, throttle)
        raise LoginError(WRONG_PASSWORD) from None
    with opened.db.session(username) as s:
        audit.record(s, audit.UNLOCK)
    throttle.succeeded(username, 0)


def note_lock(opened: Context, reason: str) -> None:
    """The window locked (``reason``: "idle" or "manual"): one audit entry."""
    with opened.session() as s:
        audit.record(s, audit.LOCK, detail=reason[:32])


# ---- a database from before encryption --------------------------------------------------------
def _convert_plain(folder: Path, url: str, username: str, password: str, throttle: LoginThrottle) -> str:
    """Encrypt a plain database in place, once its administrator has logged in; return the new
    recovery key. Nothing is lost: the encrypted copy is checked table by table before it
    replaces the plain file, and an interrupted conversion is finished or undone at next start."""
    plain = Database(url, folder)
    try:
        try:
            accounts.verify(plain, username, password)
        except accounts.AuthError:
            throttle.failed(username)
            raise LoginError(WRONG) from None
        with plain.session(username) as s:
            user = s.scalars(select(User).where(User.username == username)).first()
            assert user is not None
            if user.role != accounts.ROLE_ADMIN:
                raise LoginError(Message(QT_TRANSLATE_NOOP("app", "首次启用加密须由单位管理员登录。")))
    finally:
        plain.close()
    path = sqlite_file(url)
    assert path is not None
    keys = Keys(os.urandom(32), os.urandom(32))
    target = Path(f"{path}{CONVERTING_SUFFIX}")
    target.unlink(missing_ok=True)
    _sqlcipher_export(path, target, keys.db)
    _kf, _keys, recovery = KeyFile.create(folder, username, password, keys)
    finish_interrupted_conversion(folder, url)
    return recovery


def _sqlcipher_export(plain: Path, target: Path, key: bytes) -> None:
    import sqlcipher3

    con = sqlite3.connect(plain)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    counts = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    con.close()
    enc = sqlcipher3.connect(str(plain))
    try:
        enc.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(target),))
        enc.execute("SELECT sqlcipher_export('encrypted')")
        enc.execute("DETACH DATABASE encrypted")
    finally:
        enc.close()
    check = sqlcipher3.connect(str(target))
    try:
        check.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        got = {t: check.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        ok = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        check.close()
    if got != counts or not ok:
        target.unlink(missing_ok=True)
        raise RuntimeError("encrypted copy does not match the plain database; nothing was changed")
    with open(target, "rb+") as fh:
        os.fsync(fh.fileno())


__all__ = [
    "CONVERTING_SUFFIX",
    "PLAIN_HEADER",
    "InstallationInfo",
    "LoginError",
    "Context",
    "create",
    "login",
    "note_lock",
    "state",
    "unlock_again",
]
