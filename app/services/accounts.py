"""Accounts: argon2id password hashes and the users of this installation."""

from __future__ import annotations

import contextlib

from argon2 import PasswordHasher, extract_parameters
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

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
        if user is None:  # unknown or deactivated: the same one hash, with the stored hashes' cost
            _dummy_hash(s, password)
            raise AuthError(str(Message(QT_TRANSLATE_NOOP("app", "用户名或密码不正确。"))))
        try:
            _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            raise AuthError(str(Message(QT_TRANSLATE_NOOP("app", "用户名或密码不正确。")))) from None
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = _hasher.hash(password)
        return user.username


def _dummy_hash(s: Session, password: str) -> None:
    """Hash ``password`` once with the parameters of a stored hash (argon2-cffi's defaults may
    have changed since it was made), so that refusing a name that has no usable hash costs what
    refusing a wrong password does."""
    stored = s.scalars(
        select(User.password_hash).order_by(User.active.desc(), User.username).limit(1)
    ).first()
    hasher = _hasher
    if stored:
        with contextlib.suppress(InvalidHashError, ValueError):
            hasher = PasswordHasher.from_parameters(extract_parameters(stored))
    hasher.hash(password)
