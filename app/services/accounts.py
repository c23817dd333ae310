"""Accounts: argon2id password hashes and the users of this installation."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from app.db.local import User
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.services.database import Database

_hasher = PasswordHasher()

ROLE_ADMIN = "admin"
MIN_PASSWORD_LENGTH = 8


class AuthError(Exception):
    """Wrong user or password."""


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password_policy(password: str) -> Message | None:
    """None when acceptable, else why not (Chinese)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return Message(QT_TRANSLATE_NOOP("app", "密码至少 {n} 位。"), {"n": str(MIN_PASSWORD_LENGTH)})
    if password.isdigit() or password.isalpha():
        return Message(QT_TRANSLATE_NOOP("app", "密码须同时包含字母和数字（或符号）。"))
    return None


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
