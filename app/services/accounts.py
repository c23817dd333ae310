"""Accounts: argon2id password hashes and the users of this installation."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from app.db.database import Database
from app.db.local import User
from app.i18n import QT_TRANSLATE_NOOP, Message

_hasher = PasswordHasher()

ROLE_ADMIN = "admin"
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 128


class AuthError(Exception):
    """Wrong user or password."""


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password_policy(password: str, username: str | None = None) -> Message | None:
    """None when acceptable, else why not (Chinese). With ``username``, a password that contains
    the user name is refused too."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return Message(QT_TRANSLATE_NOOP("app", "密码至少 {n} 位。"), {"n": str(MIN_PASSWORD_LENGTH)})
    if len(password) > MAX_PASSWORD_LENGTH:
        return Message(QT_TRANSLATE_NOOP("app", "密码最多 {n} 位。"), {"n": str(MAX_PASSWORD_LENGTH)})
    if password != password.strip():
        return Message(QT_TRANSLATE_NOOP("app", "密码的开头和结尾不能是空格。"))
    if password.isdigit() or password.isalpha():
        return Message(QT_TRANSLATE_NOOP("app", "密码须同时包含字母和数字（或符号）。"))
    if username and len(username) >= 3 and username.lower() in password.lower():
        return Message(QT_TRANSLATE_NOOP("app", "密码不能包含用户名。"))
    return None


def password_policy_hint() -> Message:
    """The policy in one sentence, for the forms that ask for a new password."""
    return Message(
        QT_TRANSLATE_NOOP("app", "密码至少 {n} 位，须同时包含字母和数字（或符号），不能包含用户名。"),
        {"n": str(MIN_PASSWORD_LENGTH)},
    )


def verify(db: Database, username: str, password: str) -> str:
    """Return the username when the password is right; raise ``AuthError`` otherwise."""
    with db.session() as s:
        user = s.scalars(select(User).where(User.username == username, User.active.is_(True))).first()
        if user is None:
            _hasher.hash(password)  # same cost whether or not the user exists
            raise AuthError(str(Message(QT_TRANSLATE_NOOP("app", "用户名或密码不正确。"))))
        try:
            _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            raise AuthError(str(Message(QT_TRANSLATE_NOOP("app", "用户名或密码不正确。")))) from None
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = _hasher.hash(password)
        return user.username
