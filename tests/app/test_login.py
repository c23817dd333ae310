"""Set-up, log-in, encryption at rest, the growing delay, and conversion of a plain database."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import dump_records
from app.context import Context
from app.db.database import Database
from app.registers import get
from app.security import audit
from app.security.audit import AuditEntry
from app.security.keyslots import KeyFile
from app.security.throttle import LoginThrottle, delay_after
from app.services import login
from app.services.installation import SetupError, SetupRequest, initialise
from app.services.records import RecordService

PASSWORD = "town2022pass"
REQ = SetupRequest("township", "T01", "城关镇纪委", "X01", "示范县", "admin", PASSWORD)
SECRET_NAME = "欧阳秘密人"  # a name typed into a record; must never be readable on disk


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def _raw_contains(folder: Path, text: str) -> list[str]:
    needles = [text.encode("utf-8"), text.encode("utf-16-le")]
    return [p.name for p in _files(folder) if any(n in p.read_bytes() for n in needles)]


def _actions(db: Database) -> list[tuple[str, str]]:
    with db.session() as s:
        rows = s.scalars(select(AuditEntry).order_by(AuditEntry.seq))
        return [(e.actor, e.action) for e in rows]


def _add_person(db: Database) -> None:
    records = RecordService(Context.system(db, "admin"))
    unit = records.ids(get("units"))[0]
    records.save(get("staff"), {"name": SECRET_NAME, "unit_id": unit, "post": "secretary"})


def test_a_new_installation_is_encrypted_and_no_file_shows_what_was_typed(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    assert login.state(folder, None) == "new"
    opened = login.create(folder, None, REQ)
    assert opened.recovery_key and opened.actor.username == "admin" and opened.actor.role == "admin"
    assert opened.db.encrypted
    _add_person(opened.db)
    # The write-ahead log holds the new page until a checkpoint: look while it is there, too.
    assert _raw_contains(folder, SECRET_NAME) == []
    assert _raw_contains(folder, "城关镇纪委") == []
    opened.db.close()
    assert _raw_contains(folder, SECRET_NAME) == []
    assert (folder / "jiwei.db").read_bytes()[:16] != login.PLAIN_HEADER
    assert login.state(folder, None) == "encrypted"
    again = login.login(folder, None, "admin", PASSWORD)
    try:
        names = [
            r["name"]
            for r in RecordService(Context.system(again.db, "admin"))
            .rows(get("staff"), RecordService(Context.system(again.db)).ids(get("staff")))
            .values()
        ]
        assert names == [SECRET_NAME]
    finally:
        again.db.close()


def test_set_up_twice_is_refused(tmp_path: Path) -> None:
    login.create(tmp_path, None, REQ).db.close()
    with pytest.raises(SetupError):
        login.create(tmp_path, None, REQ)


def test_wrong_password_is_refused_touches_nothing_and_is_audited_at_next_login(tmp_path: Path) -> None:
    login.create(tmp_path, None, REQ).db.close()
    db_file = tmp_path / "jiwei.db"
    before = db_file.read_bytes()
    for user, password in (("admin", "not-it-2022"), ("nobody", PASSWORD)):
        with pytest.raises(login.LoginError) as err:
            login.login(tmp_path, None, user, password)
        assert str(err.value.message) == "用户名或密码不正确。"
    assert db_file.read_bytes() == before  # the database was not even opened
    opened = login.login(tmp_path, None, "admin", PASSWORD)
    try:
        actions = _actions(opened.db)
        assert actions[-3:] == [("admin", "login_failed"), ("nobody", "login_failed"), ("admin", "login")]
        assert LoginThrottle(tmp_path).pending() == []
        with opened.db.session() as s:
            assert audit.verify(s) is None
    finally:
        opened.db.close()


def test_repeated_failures_make_the_next_attempt_wait(tmp_path: Path) -> None:
    login.create(tmp_path, None, REQ).db.close()
    assert [delay_after(n) for n in range(9)] == [0, 0, 0, 0, 0, 1, 2, 4, 8]
    assert delay_after(100) == 300
    for _ in range(6):
        with pytest.raises(login.LoginError):
            login.login(tmp_path, None, "admin", "wrong-pass-1")
    with pytest.raises(login.LoginError) as err:
        login.login(tmp_path, None, "admin", PASSWORD)  # even the right password waits
    assert err.value.wait_seconds > 0
    assert "秒后再试" in str(err.value.message)
    clock = LoginThrottle(tmp_path).clock
    later = LoginThrottle(tmp_path, clock=lambda: clock() + 10)
    assert later.wait_seconds("admin") == 0
    assert LoginThrottle(tmp_path).wait_seconds("other-user") == 0


def test_unlock_again_needs_the_same_password(tmp_path: Path) -> None:
    opened = login.create(tmp_path, None, REQ)
    try:
        with pytest.raises(login.LoginError):
            login.unlock_again(opened, "wrong-pass-1")
        login.unlock_again(opened, PASSWORD)
        assert _actions(opened.db)[-2:] == [("admin", "login_failed"), ("admin", "unlock")]
        login.note_lock(opened, "idle")
        assert _actions(opened.db)[-1] == ("admin", "lock")
    finally:
        opened.db.close()


def test_a_plain_database_is_encrypted_at_first_login_without_loss(tmp_path: Path) -> None:
    plain = Database.open(tmp_path)
    initialise(plain, REQ)
    _add_person(plain)
    before = [r for r in dump_records(Context.system(plain)) if r["table"] != "audit_log"]
    plain.close()
    assert (tmp_path / "jiwei.db").read_bytes()[:16] == login.PLAIN_HEADER
    assert _raw_contains(tmp_path, SECRET_NAME)  # the foundation's file is readable
    assert login.state(tmp_path, None) == "plain"

    with pytest.raises(login.LoginError):
        login.login(tmp_path, None, "admin", "wrong-pass-1")
    assert login.state(tmp_path, None) == "plain"  # a wrong password converts nothing

    opened = login.login(tmp_path, None, "admin", PASSWORD)
    try:
        assert opened.recovery_key
        after = [r for r in dump_records(opened) if r["table"] != "audit_log"]
        assert after == before
        assert ("admin", "convert") in _actions(opened.db)
    finally:
        opened.db.close()
    assert login.state(tmp_path, None) == "encrypted"
    assert _raw_contains(tmp_path, SECRET_NAME) == []
    assert not (tmp_path / f"jiwei.db{login.CONVERTING_SUFFIX}").exists()
    recovered = KeyFile.load(tmp_path).unlock_recovery(opened.recovery_key)
    assert recovered.db == opened.keys.db


def test_an_interrupted_conversion_is_finished_or_undone(tmp_path: Path) -> None:
    plain = Database.open(tmp_path)
    initialise(plain, REQ)
    plain.close()
    # Crash after the encrypted copy was written but before the keys were: the copy is dropped.
    copy = tmp_path / f"jiwei.db{login.CONVERTING_SUFFIX}"
    copy.write_bytes(b"half-written")
    assert login.state(tmp_path, None) == "plain"
    assert not copy.exists()
    # A real conversion completes and leaves no copy behind.
    login.login(tmp_path, None, "admin", PASSWORD).db.close()
    assert login.state(tmp_path, None) == "encrypted" and not copy.exists()


def test_a_database_server_checks_the_password_in_users(tmp_path: Path, db_url: str) -> None:
    if db_url.startswith("sqlite"):
        pytest.skip("the server path")
    opened = login.create(tmp_path, db_url, REQ)
    assert not opened.db.encrypted and opened.actor.sensitive_key is not None
    opened.db.close()
    assert login.state(tmp_path, db_url) == "server"
    with pytest.raises(login.LoginError):
        login.login(tmp_path, db_url, "admin", "wrong-pass-1")
    again = login.login(tmp_path, db_url, "admin", PASSWORD)
    try:
        assert _actions(again.db)[-2:] == [("admin", "login_failed"), ("admin", "login")]
    finally:
        again.db.close()


@pytest.mark.parametrize(
    "url",
    [
        "sqlite:////tmp/x/jiwei.db",
        "sqlite:///relative/jiwei.db",
        "sqlite:///jiwei.db?mode=ro",
        "sqlite://",
        "sqlite:///:memory:",
        "sqlite+pysqlcipher:///tmp/enc.db",
        "postgresql+psycopg://jiwei@host/db",
    ],
)
def test_the_light_url_parse_agrees_with_sqlalchemy(url: str) -> None:
    """The window reads the data folder's state before SQLAlchemy is loaded; same answers."""
    from sqlalchemy.engine import make_url

    from app.data_folder import backend, sqlite_file

    u = make_url(url)
    assert backend(url) == u.get_backend_name()
    expected = (
        Path(u.database)
        if u.get_backend_name() == "sqlite" and u.database not in (None, "", ":memory:")
        else None
    )
    assert sqlite_file(url) == expected


def test_the_main_window_at_its_log_in_does_not_wait_for_the_database_layer() -> None:
    """What the program needs to show its main window at the log-in loads without SQLAlchemy
    (which then loads in the background while the password is typed, see main.preload_services)."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    code = (
        "import sys; import main, app.data_folder, ui.application, ui.login_panel, ui.main_window, ui.tasks; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"
