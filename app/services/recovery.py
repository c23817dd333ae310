"""The recovery key: the day every password is forgotten, and making a new key.

``recover`` opens the recovery slot of ``keys.json`` with the recovery key, gives one account a
new password (its key slot, with the sensitive-field key only where its role may read sensitive
fields, and its password hash in ``users``), notes that in the audit log and logs that person in.
``new_recovery_key`` replaces the recovery slot, so the old key no longer opens this data folder
(it still opens backups made before; they carry the key slots of their time).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.config import resolve_data_dir, resolve_db_url
from app.context import Context
from app.db.engine import is_sqlite
from app.db.local import User
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.security import audit
from app.security.keyslots import KeyFile, WrongSecret
from app.security.roles import MANAGE_USERS, VIEW_SENSITIVE, permissions
from app.security.throttle import LoginThrottle
from app.services import accounts
from app.services import login as login_service
from app.services.login import LoginError
from app.services.upgrade import UpgradeRefused, open_database

RECOVERY_USER = "recovery-key"  # how failed recovery-key attempts are noted for the audit log

WRONG_KEY = QT_TRANSLATE_NOOP("app", "恢复密钥不正确。")
NO_USER = QT_TRANSLATE_NOOP("app", "没有名为 {user} 的账号。")
DISABLED = QT_TRANSLATE_NOOP("app", "账号 {user} 已停用，不能用恢复密钥重设它的密码。")
NOT_ENCRYPTED = QT_TRANSLATE_NOOP("app", "本数据目录没有恢复密钥（尚未初始化或尚未加密）。")
NEEDS_FULL_KEYS = QT_TRANSLATE_NOOP("app", "当前账号不持有全部密钥，不能生成新的恢复密钥。")


class RecoveryError(Exception):
    """Refused: wrong key, no such account, weak password …; ``message`` says why. Nothing changed."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(str(message))


def recover(
    data_dir: str | Path | None, db_url: str | None, recovery_key: str, username: str, new_password: str
) -> Context:
    """Give ``username`` the password ``new_password`` with the recovery key; return the
    installation opened as that person. ``RecoveryError`` (nothing changed) when refused."""
    folder = resolve_data_dir(data_dir)
    url = resolve_db_url(folder, db_url)
    weak = accounts.check_password_policy(new_password)
    if weak is not None:
        raise RecoveryError(weak)
    current = login_service.state(folder, url)
    if current == "new" or current == "plain" or not KeyFile.exists(folder):
        raise RecoveryError(Message(NOT_ENCRYPTED))
    key_file = KeyFile.load(folder)
    throttle = LoginThrottle(folder)
    try:
        keys = key_file.unlock_recovery(recovery_key)
    except WrongSecret:
        throttle.failed(RECOVERY_USER, "recovery_key")
        raise RecoveryError(Message(WRONG_KEY)) from None
    try:
        db, upgrade = open_database(folder, url, keys.db if is_sqlite(url) else None)
    except UpgradeRefused as exc:
        raise RecoveryError(exc.message) from exc
    try:
        if db.installation() is None:
            raise RecoveryError(Message(NOT_ENCRYPTED))
        if upgrade.done is not None:  # audited whatever the recovery comes to
            with db.session(RECOVERY_USER) as s:
                upgrade.record(s)
        with db.session(username) as s:
            user = s.scalars(select(User).where(User.username == username)).first()
            if user is None:
                raise RecoveryError(Message(NO_USER, {"user": username}))
            if not user.active:
                raise RecoveryError(Message(DISABLED, {"user": username}))
            role = user.role
        old_slots = list(key_file.slots)
        key_file.set_user(keys, username, new_password, sensitive=VIEW_SENSITIVE in permissions(role))
        try:
            with db.session(username) as s:
                user = s.scalars(select(User).where(User.username == username)).one()
                user.password_hash = accounts.hash_password(new_password)
                audit.record(
                    s, audit.PASSWORD_CHANGE, target_table="users", target_id=user.id,
                    detail="password set with the recovery key",
                )  # fmt: skip
        except BaseException:
            key_file.slots = old_slots
            key_file.save()
            raise
    finally:
        db.close()
    # The person may have run into the growing delay before remembering the recovery key.
    throttle.succeeded(username, 0)
    try:
        opened = login_service.login(folder, url, username, new_password)
    except LoginError as exc:
        raise RecoveryError(exc.message) from None
    opened.upgrade = upgrade.done  # the log-in found it migrated already
    return opened


def new_recovery_key(opened: Context) -> str:
    """A new recovery key for this installation (administrators only); the old key stops opening
    this data folder. Return it: it must be shown and printed (``app.reports.recovery_sheet``)."""
    opened.actor.require(MANAGE_USERS)  # PermissionDenied otherwise
    if opened.held_keys.sensitive is None:
        raise RecoveryError(Message(NEEDS_FULL_KEYS))
    key = KeyFile.load(opened.folder).replace_recovery(opened.held_keys)
    with opened.session() as s:
        audit.record(s, audit.PASSWORD_CHANGE, detail="new recovery key")
    return key
