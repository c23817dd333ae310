"""A log-in tells nothing by its cost: a wrong password, an unknown name and a deactivated account
each run the password function exactly once, with the parameters the real ones use; and the
program's own KDF cost is set in code, never read from the environment.

No timings here: the function is spied on (bench/login_timing.py measures the times)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import argon2._password_hasher as argon2_hasher
import pytest
from argon2 import PasswordHasher, extract_parameters
from sqlalchemy import select, update

from app.db.database import Database
from app.db.local import User
from app.security import kdf, keyslots
from app.security.kdf import KdfParams
from app.security.keyslots import KeyFile, WrongSecret
from app.services import login, users
from app.services.installation import SetupRequest, initialise

PASSWORD = "town2022pass"
CLERK_PASSWORD = "ledger-2022-pass"
REQ = SetupRequest("township", "T01", "城关镇纪委", "X01", "示范县", "admin", PASSWORD)
WRONG = "用户名或密码不正确。"
# New slots would be made with these; the installation's slots were made before with TEST_PARAMS,
# so a refusal that derived with "the default" instead of the slots' own parameters shows.
OTHER = KdfParams(time_cost=2, memory_kib=8_192, parallelism=1)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def derivations(monkeypatch: pytest.MonkeyPatch) -> list[KdfParams]:
    """The parameters of every key-slot derivation from now on."""
    seen: list[KdfParams] = []
    real = keyslots.derive

    def spy(secret: str, salt: bytes, params: KdfParams) -> bytes:
        seen.append(params)
        return real(secret, salt, params)

    monkeypatch.setattr(keyslots, "derive", spy)
    return seen


@pytest.fixture
def new_slots_default() -> Iterator[Callable[[KdfParams], None]]:
    """Set the parameters of new slots (as a test's injection does); restored afterwards."""
    before = kdf.default_params()
    yield kdf.set_default_params
    kdf.set_default_params(before)


def _slot_params(folder: Path) -> set[KdfParams]:
    return {KdfParams.from_json(s["kdf"]) for s in KeyFile.load(folder).slots if s["kind"] == "user"}


def test_every_log_in_on_an_encrypted_installation_derives_once_with_the_slots_parameters(
    tmp_path: Path, derivations: list[KdfParams], new_slots_default: Callable[[KdfParams], None]
) -> None:
    opened = login.create(tmp_path, None, REQ)
    try:
        users.create_user(opened, "clerk", "钱文书", "staff", CLERK_PASSWORD)
        users.deactivate(opened, "clerk")
    finally:
        opened.db.close()
    assert _slot_params(tmp_path) == {kdf.TEST_PARAMS}
    new_slots_default(OTHER)
    for username, password in (("admin", "not-it-2022"), ("nobody", PASSWORD), ("clerk", CLERK_PASSWORD)):
        derivations.clear()
        with pytest.raises(login.LoginError) as err:
            login.login(tmp_path, None, username, password)
        assert str(err.value.message) == WRONG, username
        assert derivations == [kdf.TEST_PARAMS], username
    derivations.clear()
    login.login(tmp_path, None, "admin", PASSWORD).db.close()
    assert derivations == [kdf.TEST_PARAMS]  # success costs the same one derivation


def test_a_throttled_attempt_does_no_password_work_for_any_name(
    tmp_path: Path, derivations: list[KdfParams]
) -> None:
    login.create(tmp_path, None, REQ).db.close()
    for username in ("admin", "nobody"):
        for _ in range(6):
            with pytest.raises(login.LoginError):
                login.login(tmp_path, None, username, "wrong-pass-1")
        derivations.clear()
        with pytest.raises(login.LoginError) as err:
            login.login(tmp_path, None, username, PASSWORD)
        assert err.value.wait_seconds > 0 and derivations == [], username


def test_a_name_without_a_slot_costs_what_most_user_slots_cost(
    tmp_path: Path, derivations: list[KdfParams], new_slots_default: Callable[[KdfParams], None]
) -> None:
    """Slots made under older defaults keep their parameters; the dummy follows the majority."""
    kf, keys, _recovery = KeyFile.create(tmp_path, "admin", PASSWORD)
    new_slots_default(OTHER)
    for name in ("a1", "a2"):
        kf.set_user(keys, name, PASSWORD, sensitive=False)
    new_slots_default(kdf.TEST_PARAMS)
    assert kf.slot_params() == OTHER
    derivations.clear()
    with pytest.raises(WrongSecret):
        KeyFile.load(tmp_path).unlock("nobody", PASSWORD)
    assert derivations == [OTHER]


# ---- a database from before encryption, and a database server: the argon2 hashes in ``users`` ----
@pytest.fixture
def argon2_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int, int]]:
    """(time_cost, memory_cost, parallelism) of every argon2-cffi hash or verify from now on."""
    seen: list[tuple[int, int, int]] = []
    real_hash, real_verify = argon2_hasher.hash_secret, argon2_hasher.verify_secret

    def spy_hash(**kw: Any) -> bytes:
        seen.append((kw["time_cost"], kw["memory_cost"], kw["parallelism"]))
        return real_hash(**kw)

    def spy_verify(hash: bytes, secret: bytes, type: Any) -> bool:
        p = extract_parameters(hash.decode("ascii"))
        seen.append((p.time_cost, p.memory_cost, p.parallelism))
        return real_verify(hash, secret, type)

    monkeypatch.setattr(argon2_hasher, "hash_secret", spy_hash)
    monkeypatch.setattr(argon2_hasher, "verify_secret", spy_verify)
    return seen


CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=8_192, parallelism=1)  # not argon2-cffi's default
CHEAP = (1, 8_192, 1)


def _users_hashed_cheaply(db: Database) -> None:
    """The stored hashes were made with parameters other than today's defaults; ``clerk`` is
    deactivated."""
    with db.session() as s:
        s.add(
            User(
                username="clerk", role="staff", password_hash=CHEAP_HASHER.hash(CLERK_PASSWORD), active=False
            )
        )
        s.execute(
            update(User).where(User.username == "admin").values(password_hash=CHEAP_HASHER.hash(PASSWORD))
        )
    with db.session() as s:
        assert list(s.scalars(select(User.active).order_by(User.username))) == [True, False]


@pytest.mark.parametrize(
    ("username", "password"), [("admin", "not-it-2022"), ("nobody", PASSWORD), ("clerk", CLERK_PASSWORD)]
)
def test_a_plain_database_refuses_with_one_hash_of_the_stored_cost(
    tmp_path: Path, argon2_calls: list[tuple[int, int, int]], username: str, password: str
) -> None:
    plain = Database.open(tmp_path)
    try:
        initialise(plain, REQ)
        _users_hashed_cheaply(plain)
    finally:
        plain.close()
    argon2_calls.clear()
    with pytest.raises(login.LoginError) as err:
        login.login(tmp_path, None, username, password)
    assert str(err.value.message) == WRONG
    assert argon2_calls == [CHEAP]
    assert login.state(tmp_path, None) == "plain"


def test_a_database_server_refuses_with_one_derivation(
    tmp_path: Path, db_url: str, derivations: list[KdfParams], argon2_calls: list[tuple[int, int, int]]
) -> None:
    if db_url.startswith("sqlite"):
        pytest.skip("the server path")
    opened = login.create(tmp_path, db_url, REQ)
    try:
        users.create_user(opened, "clerk", "钱文书", "staff", CLERK_PASSWORD)
        users.deactivate(opened, "clerk")
    finally:
        opened.db.close()
    for username, password in (("admin", "not-it-2022"), ("nobody", PASSWORD), ("clerk", CLERK_PASSWORD)):
        derivations.clear()
        argon2_calls.clear()
        with pytest.raises(login.LoginError) as err:
            login.login(tmp_path, db_url, username, password)
        assert str(err.value.message) == WRONG, username
        assert derivations == [kdf.TEST_PARAMS] and argon2_calls == [], username


# ---- the cost is set in code ------------------------------------------------------------------------
def test_the_program_reads_no_kdf_setting_from_the_environment() -> None:
    """Without a test's injection the real parameters hold, even with the old variable set."""
    env = {**os.environ, "JIWEI_TEST_FAST_KDF": "1", "PYTHONPATH": str(ROOT)}
    code = "from app.security.kdf import KdfParams, default_params; print(default_params() == KdfParams())"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True"]
    assert KdfParams() == KdfParams(time_cost=4, memory_kib=131_072, parallelism=2)


def test_the_tests_entry_point_injects_the_cheap_parameters() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("JIWEI_")}
    code = "from app.security.kdf import TEST_PARAMS, default_params; print(default_params() == TEST_PARAMS)"
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "fastkdf.py"), "-c", code],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True"]
