"""Managing the people who log in: create, change role, reset password, deactivate, reactivate.

Everything here needs the MANAGE_USERS permission, except ``change_own_password``. A person is
two things that must agree: a row in ``users`` (name, role, active, argon2 password hash) and a
key slot in ``keys.json`` sealed under their password (``app.security.keyslots``), holding the
sensitive-field key only when their role may read sensitive fields. Each operation changes the
database first (flushed, so a refused change fails there), then writes ``keys.json``, then
commits; if writing the slot or the commit fails, the database rolls back and ``keys.json`` is
put back as it was, so both stay unchanged.

Rules: at least one active user who can manage users always remains; nobody changes their own
role, deactivates themselves or resets their own password without the old one; a role change
that gives or takes away the right to read sensitive fields needs a new password, because the
slot must be sealed again and only a password can seal it. Every change is audited
(USER_CHANGE / PASSWORD_CHANGE: whose account and what changed, never a password).
"""

from __future__ import annotations

import contextlib
import copy
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.context import Context
from app.db.local import User
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.security import audit
from app.security.keyslots import KeyFile, WrongSecret
from app.security.roles import MANAGE_USERS, VIEW_SENSITIVE, permissions, role_label, roles_for
from app.security.throttle import LoginThrottle
from app.services.accounts import check_password_policy, hash_password
from app.services.installation import USERNAME_PATTERN
from app.services.login import record_failure_now
from app.text_rules import single_line_problem

T = TypeVar("T")
RESERVED_NAMES = frozenset({"system", "recovery"})
MAX_FULL_NAME = 64


class UserError(Exception):
    """Refused; ``messages`` maps a field ("username", "full_name", "role", "password",
    "old_password", or "" for the whole request) to a Chinese message."""

    def __init__(self, messages: dict[str, Message]) -> None:
        self.messages = messages
        super().__init__("；".join(str(m) for m in messages.values()))


@dataclass(frozen=True)
class UserInfo:
    username: str
    full_name: str
    role: str
    active: bool
    created_at: datetime

    @property
    def role_label(self) -> str:
        """The role's Chinese name (marked for translation in context "app")."""
        return role_label(self.role)

    @property
    def sees_sensitive(self) -> bool:
        return can_view_sensitive(self.role)


def can_view_sensitive(role: str) -> bool:
    return VIEW_SENSITIVE in permissions(role)


def can_manage_users(role: str) -> bool:
    return MANAGE_USERS in permissions(role)


def _info(u: User) -> UserInfo:
    return UserInfo(u.username, u.full_name or "", u.role, bool(u.active), u.created_at)


def _require(opened: Context) -> None:
    opened.actor.require(MANAGE_USERS)


def available_roles(opened: Context) -> list[str]:
    """The roles this installation offers (a county has more)."""
    info = opened.db.installation()
    return roles_for(info.unit_type if info else "township")


def _check_role(opened: Context, role: str) -> Message | None:
    if not role:
        return Message(QT_TRANSLATE_NOOP("app", "请选择角色。"))
    if role not in available_roles(opened):
        return Message(QT_TRANSLATE_NOOP("app", "本机不能使用这个角色。"))
    if can_view_sensitive(role) and opened.held_keys.sensitive is None:
        return Message(
            QT_TRANSLATE_NOOP("app", "当前登录的账号不持有敏感信息密钥，不能设置可查看敏感信息的角色。")
        )
    return None


def _password_problem(password: str | None, username: str) -> Message | None:
    if not password:
        return Message(QT_TRANSLATE_NOOP("app", "请填写密码。"))
    return check_password_policy(password, username)


def _find(s: Session, username: str) -> User:
    user = s.scalars(select(User).where(User.username == username)).first()
    if user is None:
        raise UserError(
            {"username": Message(QT_TRANSLATE_NOOP("app", "没有用户「{name}」。"), {"name": username})}
        )
    return user


def _keep_a_manager(s: Session, leaving: str) -> None:
    """Refuse when ``leaving`` is the last active user who can manage users."""
    others = s.scalars(select(User).where(User.active.is_(True), User.username != leaving))
    if not any(can_manage_users(u.role) for u in others):
        raise UserError(
            {
                "": Message(
                    QT_TRANSLATE_NOOP(
                        "app", "至少要保留一名在用的单位管理员：这是最后一名，不能停用或改为其他角色。"
                    )
                )
            }
        )


def _audit(s: Session, action: str, user: User, fields: list[str], detail: str) -> None:
    audit.record(s, action, target_table="users", target_id=user.id, fields=fields, detail=detail)


def _transaction(opened: Context, work: Callable[[Session, KeyFile], T]) -> T:
    """Run ``work`` (database changes first, then key slots) so that a failure anywhere leaves
    both the database and ``keys.json`` as they were."""
    kf = KeyFile.load(opened.folder)
    before = copy.deepcopy(kf.slots)
    try:
        with opened.session() as s:
            return work(s, kf)
    except BaseException:
        if kf.slots != before:
            kf.slots = before
            with contextlib.suppress(OSError):  # a failed atomic write left the old file in place
                kf.save()
        raise


# ---- reading -----------------------------------------------------------------------------------
def list_users(opened: Context) -> list[UserInfo]:
    """Every user, active ones first, by user name."""
    _require(opened)
    with opened.session() as s:
        users = list(s.scalars(select(User).order_by(User.active.desc(), User.username)))
        return [_info(u) for u in users]


# ---- changes -----------------------------------------------------------------------------------
def create_user(opened: Context, username: str, full_name: str, role: str, password: str) -> UserInfo:
    """A new active user with a key slot under ``password``."""
    _require(opened)
    username = (username or "").strip()
    full_name = (full_name or "").strip()
    problems: dict[str, Message] = {}
    if not re.fullmatch(USERNAME_PATTERN, username):
        problems["username"] = Message(
            QT_TRANSLATE_NOOP("app", "用户名只能用字母、数字和 . _ -，2 到 64 位。")
        )
    elif username.lower() in RESERVED_NAMES:
        problems["username"] = Message(
            QT_TRANSLATE_NOOP("app", "「{name}」是系统保留的名称，请换一个。"), {"name": username}
        )
    if len(full_name) > MAX_FULL_NAME:
        problems["full_name"] = Message(
            QT_TRANSLATE_NOOP("app", "姓名最多 {n} 个字。"), {"n": str(MAX_FULL_NAME)}
        )
    elif (control := single_line_problem(full_name, QT_TRANSLATE_NOOP("app", "姓名"))) is not None:
        problems["full_name"] = control
    bad_role = _check_role(opened, role)
    if bad_role is not None:
        problems["role"] = bad_role
    bad_password = _password_problem(password, username)
    if bad_password is not None:
        problems["password"] = bad_password

    def work(s: Session, kf: KeyFile) -> UserInfo:
        if "username" not in problems and s.scalars(select(User.id).where(User.username == username)).first():
            problems["username"] = Message(
                QT_TRANSLATE_NOOP("app", "用户名「{name}」已被使用（停用的账号也占用用户名）。"),
                {"name": username},
            )
        if problems:
            raise UserError(problems)
        user = User(username=username, full_name=full_name, role=role, password_hash=hash_password(password))
        s.add(user)
        s.flush()
        _audit(
            s,
            audit.USER_CHANGE,
            user,
            ["username", "full_name", "role", "active"],
            f"create {username} role={role}",
        )
        s.flush()
        kf.set_user(opened.held_keys, username, password, sensitive=can_view_sensitive(role))
        return _info(user)

    return _transaction(opened, work)


def set_role(opened: Context, username: str, role: str, new_password: str | None = None) -> UserInfo:
    """Change another user's role. When the change gives or takes away the right to read sensitive
    fields, ``new_password`` is required: the user's key slot is sealed again under it. An
    inactive user has no slot, so needs no password (it is ignored)."""
    _require(opened)
    if username == opened.actor.username:
        raise UserError(
            {"role": Message(QT_TRANSLATE_NOOP("app", "不能修改自己的角色，请由另一名单位管理员修改。"))}
        )
    bad_role = _check_role(opened, role)
    if bad_role is not None:
        raise UserError({"role": bad_role})

    def work(s: Session, kf: KeyFile) -> UserInfo:
        user = _find(s, username)
        old = user.role
        password = new_password if user.active else None
        if old == role and not password:
            return _info(user)
        if user.active and can_view_sensitive(old) != can_view_sensitive(role) and not password:
            raise UserError(
                {
                    "password": Message(
                        QT_TRANSLATE_NOOP(
                            "app",
                            "新角色{change}，须同时为该用户设置新密码：他的密钥要用新密码重新封存。请把新密码告知本人。",
                        ),
                        {
                            "change": QT_TRANSLATE_NOOP("app", "可以查看敏感信息")
                            if can_view_sensitive(role)
                            else QT_TRANSLATE_NOOP("app", "不能再查看敏感信息")
                        },
                    )
                }
            )
        if password:
            bad = _password_problem(password, username)
            if bad is not None:
                raise UserError({"password": bad})
        if user.active and can_manage_users(old) and not can_manage_users(role):
            _keep_a_manager(s, username)
        fields = []
        if old != role:
            user.role = role
            fields.append("role")
            _audit(s, audit.USER_CHANGE, user, ["role"], f"role {username}: {old} -> {role}")
        if password:
            user.password_hash = hash_password(password)
            _audit(s, audit.PASSWORD_CHANGE, user, ["password"], f"reset {username} (role change)")
        s.flush()
        if password:
            kf.set_user(opened.held_keys, username, password, sensitive=can_view_sensitive(role))
        return _info(user)

    info = _transaction(opened, work)
    if new_password:
        LoginThrottle(opened.folder).succeeded(username, 0)
    return info


def reset_password(opened: Context, username: str, new_password: str) -> UserInfo:
    """An administrator sets another user's password (their slot is sealed again under it)."""
    _require(opened)
    if username == opened.actor.username:
        raise UserError(
            {"": Message(QT_TRANSLATE_NOOP("app", "自己的密码请用「修改密码」修改（需要输入原密码）。"))}
        )
    bad = _password_problem(new_password, username)
    if bad is not None:
        raise UserError({"password": bad})

    def work(s: Session, kf: KeyFile) -> UserInfo:
        user = _find(s, username)
        if not user.active:
            raise UserError(
                {"": Message(QT_TRANSLATE_NOOP("app", "该账号已停用，请先启用（启用时设置新密码）。"))}
            )
        user.password_hash = hash_password(new_password)
        _audit(s, audit.PASSWORD_CHANGE, user, ["password"], f"reset {username}")
        s.flush()
        kf.set_user(opened.held_keys, username, new_password, sensitive=can_view_sensitive(user.role))
        return _info(user)

    info = _transaction(opened, work)
    LoginThrottle(opened.folder).succeeded(username, 0)  # a waiting delay ends with the new password
    return info


def deactivate(opened: Context, username: str) -> UserInfo:
    """The user can no longer log in: their key slot is removed; the row and history stay."""
    _require(opened)
    if username == opened.actor.username:
        raise UserError({"": Message(QT_TRANSLATE_NOOP("app", "不能停用自己的账号。"))})

    def work(s: Session, kf: KeyFile) -> UserInfo:
        user = _find(s, username)
        if not user.active:
            return _info(user)
        if can_manage_users(user.role):
            _keep_a_manager(s, username)
        user.active = False
        _audit(s, audit.USER_CHANGE, user, ["active"], f"deactivate {username}")
        s.flush()
        kf.remove_user(username)
        return _info(user)

    return _transaction(opened, work)


def reactivate(opened: Context, username: str, new_password: str) -> UserInfo:
    """Let a deactivated user log in again, with a new password (their old slot is gone)."""
    _require(opened)
    bad = _password_problem(new_password, username)
    if bad is not None:
        raise UserError({"password": bad})

    def work(s: Session, kf: KeyFile) -> UserInfo:
        user = _find(s, username)
        if user.active:
            raise UserError({"": Message(QT_TRANSLATE_NOOP("app", "该账号正在使用，无需启用。"))})
        if can_view_sensitive(user.role) and opened.held_keys.sensitive is None:
            raise UserError(
                {
                    "role": Message(
                        QT_TRANSLATE_NOOP(
                            "app", "当前登录的账号不持有敏感信息密钥，不能启用可查看敏感信息的账号。"
                        )
                    )
                }
            )
        user.active = True
        user.password_hash = hash_password(new_password)
        _audit(s, audit.USER_CHANGE, user, ["active", "password"], f"reactivate {username}")
        s.flush()
        kf.set_user(opened.held_keys, username, new_password, sensitive=can_view_sensitive(user.role))
        return _info(user)

    info = _transaction(opened, work)
    LoginThrottle(opened.folder).succeeded(username, 0)
    return info


def change_own_password(opened: Context, old: str, new: str) -> None:
    """The logged-in user changes their own password (no permission needed; the old one is).

    A wrong old password counts as a failed log-in (growing delay, audited)."""
    username = opened.actor.username
    throttle = LoginThrottle(opened.folder)
    wait = throttle.wait_seconds(username)
    if wait:
        raise UserError(
            {
                "old_password": Message(
                    QT_TRANSLATE_NOOP("app", "连续输错密码，请 {n} 秒后再试。"), {"n": str(wait)}
                )
            }
        )
    try:
        keys = KeyFile.load(opened.folder).unlock(username, old)
    except WrongSecret:
        throttle.failed(username, "change_password")
        record_failure_now(opened, throttle)
        raise UserError({"old_password": Message(QT_TRANSLATE_NOOP("app", "原密码不正确。"))}) from None
    problems: dict[str, Message] = {}
    bad = _password_problem(new, username)
    if bad is not None:
        problems["password"] = bad
    elif new == old:
        problems["password"] = Message(QT_TRANSLATE_NOOP("app", "新密码不能与原密码相同。"))
    if problems:
        raise UserError(problems)

    def work(s: Session, kf: KeyFile) -> None:
        user = _find(s, username)
        user.password_hash = hash_password(new)
        _audit(s, audit.PASSWORD_CHANGE, user, ["password"], f"own {username}")
        s.flush()
        kf.set_user(keys, username, new, sensitive=can_view_sensitive(user.role))

    _transaction(opened, work)
    throttle.succeeded(username, 0)


__all__ = [
    "UserError",
    "UserInfo",
    "available_roles",
    "can_manage_users",
    "can_view_sensitive",
    "change_own_password",
    "create_user",
    "deactivate",
    "list_users",
    "reactivate",
    "reset_password",
    "set_role",
]


def display_names(s: Session, usernames: Iterable[str]) -> dict[str, str]:
    """The full name of each of ``usernames`` that has one on this installation (what a printed
    form says for 登记人; a login name is never printed, so a user without a full name, or one
    from another installation, is left out)."""
    wanted = {u for u in usernames if u}
    if not wanted:
        return {}
    rows = s.execute(select(User.username, User.full_name).where(User.username.in_(wanted)))
    return {username: full_name.strip() for username, full_name in rows if full_name and full_name.strip()}
