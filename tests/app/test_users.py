"""Managing users on a real encrypted installation: every change is checked by logging in again.

The database row (role, active, password hash) and the key slot in ``keys.json`` must agree after
every operation, also when one half fails.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.context import Context
from app.db.local import User
from app.security import audit
from app.security.keyslots import KeyFile
from app.services import login, users
from app.services.accounts import check_password_policy, password_policy_hint
from app.services.installation import SetupRequest
from app.services.login import LoginError
from app.services.users import UserError

ADMIN_PASSWORD = "Harbor-1-pw"
SETUP = SetupRequest("township", "T01", "城关镇纪委", "C01", "测试县", "admin", ADMIN_PASSWORD)

LogIn = Callable[[str, str], Context]


@pytest.fixture
def inst(tmp_path: Path) -> Iterator[Context]:
    """A new township installation, opened by its administrator."""
    opened = login.create(tmp_path / "inst", None, SETUP)
    yield opened
    opened.db.close()


def consistent(inst: Context) -> set[str]:
    """Active users in the database are exactly the users with a key slot; returns them."""
    with inst.db.session() as s:
        active = set(s.scalars(select(User.username).where(User.active.is_(True))))
    assert set(KeyFile.load(inst.data_dir).users()) == active
    return active


def audited(inst: Context, *actions: str) -> list[audit.AuditEntry]:
    with inst.db.session() as s:
        return list(
            s.scalars(
                select(audit.AuditEntry)
                .where(audit.AuditEntry.action.in_(actions))
                .order_by(audit.AuditEntry.seq)
            )
        )


def refused(log_in: LogIn, username: str, password: str) -> str:
    with pytest.raises(LoginError) as caught:
        log_in(username, password)
    return str(caught.value)


def messages(caught: pytest.ExceptionInfo[UserError]) -> dict[str, str]:
    return {k: str(v) for k, v in caught.value.messages.items()}


def test_created_users_log_in_with_their_role_and_keys(inst: Context, log_in: LogIn) -> None:
    users.create_user(inst, "clerk", "李强", "staff", "Ledger-1-pw")
    chief = users.create_user(inst, " chief ", " 王芳 ", "secretary", "Lotus-1-pw")
    assert (chief.username, chief.full_name, chief.role, chief.active) == ("chief", "王芳", "secretary", True)
    assert chief.role_label == "书记（组长）" and chief.sees_sensitive

    clerk_in = log_in("clerk", "Ledger-1-pw")
    assert (clerk_in.actor.username, clerk_in.actor.role) == ("clerk", "staff")
    assert clerk_in.keys.sensitive is None and clerk_in.actor.sensitive_key is None
    assert clerk_in.keys.db == inst.keys.db
    chief_in = log_in("chief", "Lotus-1-pw")
    assert chief_in.actor.sensitive_key == inst.keys.sensitive is not None

    listed = [(u.username, u.role, u.active) for u in users.list_users(inst)]
    assert listed == [("admin", "admin", True), ("chief", "secretary", True), ("clerk", "staff", True)]
    assert consistent(inst) == {"admin", "chief", "clerk"}
    changes = audited(inst, audit.USER_CHANGE)
    assert [(e.actor, e.detail) for e in changes] == [
        ("admin", "create clerk role=staff"),
        ("admin", "create chief role=secretary"),
    ]
    assert all("Ledger" not in e.detail and "Lotus" not in e.detail for e in changes)


def test_create_explains_every_problem_in_chinese(inst: Context) -> None:
    with pytest.raises(UserError) as caught:
        users.create_user(inst, "张三", "名" * 65, "county_admin", "abc1")
    assert messages(caught) == {
        "username": "用户名只能用字母、数字和 . _ -，2 到 64 位。",
        "full_name": "姓名最多 64 个字。",
        "role": "本机不能使用这个角色。",  # a township has no county administrator
        "password": "密码至少 8 位。",
    }
    with pytest.raises(UserError) as caught:
        users.create_user(inst, "admin", "", "", "abcdefgh")
    assert messages(caught) == {
        "username": "用户名「admin」已被使用（停用的账号也占用用户名）。",
        "role": "请选择角色。",
        "password": "密码须同时包含字母和数字（或符号）。",
    }
    with pytest.raises(UserError) as caught:
        users.create_user(inst, "System", "", "staff", "")
    assert messages(caught) == {
        "username": "「System」是系统保留的名称，请换一个。",
        "password": "请填写密码。",
    }
    with pytest.raises(UserError) as caught:
        users.create_user(inst, "zhangwei", "", "staff", "zhangwei-2024")
    assert messages(caught) == {"password": "密码不能包含用户名。"}
    assert consistent(inst) == {"admin"}


def test_reset_password(inst: Context, log_in: LogIn) -> None:
    users.create_user(inst, "clerk", "", "staff", "Ledger-1-pw")
    users.reset_password(inst, "clerk", "Fresh-pass-2")
    assert refused(log_in, "clerk", "Ledger-1-pw") == "用户名或密码不正确。"
    assert log_in("clerk", "Fresh-pass-2").actor.role == "staff"
    [entry] = audited(inst, audit.PASSWORD_CHANGE)
    assert (entry.actor, entry.detail, entry.fields) == ("admin", "reset clerk", ["password"])
    with pytest.raises(UserError) as caught:
        users.reset_password(inst, "admin", "Other-pass-3")
    assert "修改密码" in messages(caught)[""]
    with pytest.raises(UserError) as caught:
        users.reset_password(inst, "nobody", "Other-pass-3")
    assert messages(caught) == {"username": "没有用户「nobody」。"}
    with pytest.raises(UserError) as caught:
        users.reset_password(inst, "clerk", "short")
    assert messages(caught) == {"password": "密码至少 8 位。"}
    assert consistent(inst) == {"admin", "clerk"}


def test_a_reset_ends_a_waiting_delay(inst: Context, log_in: LogIn) -> None:
    users.create_user(inst, "clerk", "", "staff", "Ledger-1-pw")
    for _ in range(6):
        refused(log_in, "clerk", "wrong-pass-0")
    assert "秒后再试" in refused(log_in, "clerk", "Ledger-1-pw")
    users.reset_password(inst, "clerk", "Fresh-pass-2")
    assert log_in("clerk", "Fresh-pass-2").actor.username == "clerk"


def test_role_changes(inst: Context, log_in: LogIn) -> None:
    users.create_user(inst, "clerk", "", "staff", "Ledger-1-pw")
    # staff -> read-only: sensitive access does not change, the password stays
    assert users.set_role(inst, "clerk", "readonly").role == "readonly"
    assert log_in("clerk", "Ledger-1-pw").actor.role == "readonly"

    # read-only -> secretary gives the sensitive-field key: only with a new password
    with pytest.raises(UserError) as caught:
        users.set_role(inst, "clerk", "secretary")
    assert messages(caught) == {
        "password": "新角色可以查看敏感信息，须同时为该用户设置新密码：他的密钥要用新密码重新封存。请把新密码告知本人。"
    }
    users.set_role(inst, "clerk", "secretary", "Lotus-2-pw")
    assert refused(log_in, "clerk", "Ledger-1-pw") == "用户名或密码不正确。"
    promoted = log_in("clerk", "Lotus-2-pw")
    assert promoted.actor.role == "secretary" and promoted.actor.sensitive_key == inst.keys.sensitive

    # and back: the key must leave the slot
    with pytest.raises(UserError) as caught:
        users.set_role(inst, "clerk", "staff")
    assert "不能再查看敏感信息" in messages(caught)["password"]
    users.set_role(inst, "clerk", "staff", "Ledger-3-pw")
    demoted = log_in("clerk", "Ledger-3-pw")
    assert demoted.actor.role == "staff" and demoted.keys.sensitive is None

    details = [e.detail for e in audited(inst, audit.USER_CHANGE, audit.PASSWORD_CHANGE)]
    assert details == [
        "create clerk role=staff",
        "role clerk: staff -> readonly",
        "role clerk: readonly -> secretary",
        "reset clerk (role change)",
        "role clerk: secretary -> staff",
        "reset clerk (role change)",
    ]
    with pytest.raises(UserError) as caught:
        users.set_role(inst, "clerk", "county_admin", "Ledger-4-pw")
    assert messages(caught) == {"role": "本机不能使用这个角色。"}
    assert consistent(inst) == {"admin", "clerk"}


def test_nobody_changes_their_own_role(inst: Context) -> None:
    with pytest.raises(UserError) as caught:
        users.set_role(inst, "admin", "staff")
    assert messages(caught) == {"role": "不能修改自己的角色，请由另一名单位管理员修改。"}


def test_deactivate_and_reactivate(inst: Context, log_in: LogIn) -> None:
    users.create_user(inst, "chief", "", "secretary", "Lotus-1-pw")
    info = users.deactivate(inst, "chief")
    assert not info.active
    assert refused(log_in, "chief", "Lotus-1-pw") == "用户名或密码不正确。"
    assert consistent(inst) == {"admin"}
    assert [(u.username, u.active) for u in users.list_users(inst)] == [("admin", True), ("chief", False)]
    with pytest.raises(UserError) as caught:
        users.reset_password(inst, "chief", "Lotus-2-pw")
    assert "已停用" in messages(caught)[""]
    # the role of a deactivated user changes without a password: there is no slot to seal
    users.set_role(inst, "chief", "staff")
    users.set_role(inst, "chief", "secretary")

    users.reactivate(inst, "chief", "Lotus-2-pw")
    back = log_in("chief", "Lotus-2-pw")
    assert back.actor.role == "secretary" and back.actor.sensitive_key == inst.keys.sensitive
    with pytest.raises(UserError) as caught:
        users.reactivate(inst, "chief", "Lotus-3-pw")
    assert messages(caught) == {"": "该账号正在使用，无需启用。"}
    assert consistent(inst) == {"admin", "chief"}
    assert [e.detail for e in audited(inst, audit.USER_CHANGE)][-1] == "reactivate chief"


def test_the_last_active_administrator_stays(inst: Context, log_in: LogIn) -> None:
    with pytest.raises(UserError) as caught:
        users.deactivate(inst, "admin")
    assert messages(caught) == {"": "不能停用自己的账号。"}

    users.create_user(inst, "admin2", "", "admin", "Second-pass-1")
    second = log_in("admin2", "Second-pass-1")
    users.deactivate(second, "admin")
    # ``inst`` is still open as "admin", who is no longer active: every step it tries that would
    # leave nobody to manage users is refused.
    with pytest.raises(UserError) as caught:
        users.deactivate(inst, "admin2")
    assert "至少要保留一名在用的单位管理员" in messages(caught)[""]
    with pytest.raises(UserError) as caught:
        users.set_role(inst, "admin2", "secretary")
    assert "至少要保留一名在用的单位管理员" in messages(caught)[""]
    users.reactivate(second, "admin", "Harbor-2-pw")
    users.set_role(second, "admin", "secretary")  # admin2 remains
    assert consistent(inst) == {"admin", "admin2"}


def test_change_own_password(inst: Context, log_in: LogIn) -> None:
    users.create_user(inst, "clerk", "", "staff", "Ledger-1-pw")
    clerk = log_in("clerk", "Ledger-1-pw")
    with pytest.raises(UserError) as caught:
        users.change_own_password(clerk, "wrong-pass-1", "Ledger-2-pw")
    assert messages(caught) == {"old_password": "原密码不正确。"}
    [failure] = audited(inst, audit.LOGIN_FAILED)
    assert (failure.actor, failure.detail) == ("clerk", "change_password")
    with pytest.raises(UserError) as caught:
        users.change_own_password(clerk, "Ledger-1-pw", "Ledger-1-pw")
    assert messages(caught) == {"password": "新密码不能与原密码相同。"}
    with pytest.raises(UserError) as caught:
        users.change_own_password(clerk, "Ledger-1-pw", "12345678")
    assert messages(caught) == {"password": "密码须同时包含字母和数字（或符号）。"}

    users.change_own_password(clerk, "Ledger-1-pw", "Ledger-2-pw")  # no MANAGE_USERS needed
    assert refused(log_in, "clerk", "Ledger-1-pw") == "用户名或密码不正确。"
    assert log_in("clerk", "Ledger-2-pw").actor.role == "staff"
    [change] = audited(inst, audit.PASSWORD_CHANGE)
    assert (change.actor, change.detail) == ("clerk", "own clerk")

    users.change_own_password(inst, ADMIN_PASSWORD, "Harbor-2-pw")
    admin = log_in("admin", "Harbor-2-pw")
    assert admin.actor.sensitive_key == inst.keys.sensitive  # the administrator keeps the key
    assert consistent(inst) == {"admin", "clerk"}


def test_a_failed_key_file_write_leaves_the_database_unchanged(
    inst: Context, log_in: LogIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    users.create_user(inst, "clerk", "", "staff", "Ledger-1-pw")
    before = KeyFile.path_in(inst.data_dir).read_bytes()

    def broken_save(self: KeyFile) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(KeyFile, "save", broken_save)
    with pytest.raises(OSError, match="disk full"):
        users.create_user(inst, "chief", "", "secretary", "Lotus-1-pw")
    with pytest.raises(OSError):
        users.reset_password(inst, "clerk", "Fresh-pass-2")
    with pytest.raises(OSError):
        users.deactivate(inst, "clerk")
    monkeypatch.undo()
    assert KeyFile.path_in(inst.data_dir).read_bytes() == before
    assert consistent(inst) == {"admin", "clerk"}
    assert [u.username for u in users.list_users(inst)] == ["admin", "clerk"]
    assert log_in("clerk", "Ledger-1-pw").actor.username == "clerk"
    assert [e.detail for e in audited(inst, audit.USER_CHANGE, audit.PASSWORD_CHANGE)] == [
        "create clerk role=staff"
    ]


def test_a_failed_commit_puts_the_key_file_back(
    inst: Context, log_in: LogIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    users.create_user(inst, "clerk", "", "staff", "Ledger-1-pw")
    before = json.loads(KeyFile.path_in(inst.data_dir).read_text(encoding="utf-8"))

    def broken_commit(self: Session) -> None:
        raise RuntimeError("database is locked")

    monkeypatch.setattr(Session, "commit", broken_commit)
    with pytest.raises(RuntimeError, match="locked"):
        users.reset_password(inst, "clerk", "Fresh-pass-2")
    with pytest.raises(RuntimeError):
        users.create_user(inst, "chief", "", "secretary", "Lotus-1-pw")
    with pytest.raises(RuntimeError):
        users.deactivate(inst, "clerk")
    monkeypatch.undo()
    assert json.loads(KeyFile.path_in(inst.data_dir).read_text(encoding="utf-8")) == before
    assert consistent(inst) == {"admin", "clerk"}
    assert log_in("clerk", "Ledger-1-pw").actor.username == "clerk"
    assert refused(log_in, "clerk", "Fresh-pass-2") == "用户名或密码不正确。"


def test_password_policy_messages() -> None:
    def said(password: str, username: str | None = None) -> str | None:
        problem = check_password_policy(password, username)
        return None if problem is None else str(problem)

    assert said("a1b2c3") == "密码至少 8 位。"
    assert said("a1" * 65) == "密码最多 128 位。"
    assert said(" Harbor-1-pw") == "密码的开头和结尾不能是空格。"
    assert said("abcdefghij") == "密码须同时包含字母和数字（或符号）。"
    assert said("1234567890") == "密码须同时包含字母和数字（或符号）。"
    assert said("纪检监察工作台账") == "密码须同时包含字母和数字（或符号）。"
    assert said("Wang.Fang-2024", "wang.fang") == "密码不能包含用户名。"
    assert said("Harbor-1-pw", "wang.fang") is None
    assert str(password_policy_hint()) == "密码至少 8 位，须同时包含字母和数字（或符号），不能包含用户名。"
