"""Backups: one encrypted file, checked on the way out and on the way in; restore changes nothing
unless everything about the file and the secret is right."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import text

from app.cli import dump_records
from app.context import Context
from app.db.local import User
from app.demo.batch import add_demo_batch
from app.registers import get
from app.security import audit
from app.security.keyslots import KeyFile
from app.security.roles import VIEW_SENSITIVE, Actor, PermissionDenied, permissions
from app.services import backup as backup_service
from app.services.accounts import hash_password
from app.services.backup import (
    AutoBackupSettings,
    BackupCancelled,
    BackupError,
    auto_backup,
    backup,
    restore,
    verify_backup,
)
from app.services.installation import SetupRequest
from app.services.login import LoginError, create, login
from app.services.records import RecordService

PASSWORD = "seed-2022-report"
SECRET_NAME = "甄密藏测试员"
NAME = re.compile(r"jiwei-C01-\d{8}-\d{6}(-\d+)?\.jwbak")


def setup_request(code: str = "C01") -> SetupRequest:
    return SetupRequest("county", code, "测试县纪委监委", code, "测试县", "admin", PASSWORD)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """One installation with a batch of demo data (made once: the batch takes seconds) and its
    recovery key; each test works on a copy."""
    folder = tmp_path_factory.mktemp("template") / "source"
    o = create(folder, None, setup_request())
    try:
        add_demo_batch(Context.system(o.db, "admin"), 1)
    finally:
        o.db.close()
    assert o.recovery_key
    return folder, o.recovery_key


@pytest.fixture
def recovery_key(template: tuple[Path, str]) -> str:
    return template[1]


@pytest.fixture
def opened(template: tuple[Path, str], tmp_path: Path) -> Iterator[Context]:
    """A copy of the template installation, logged in as its administrator."""
    folder = tmp_path / "source"
    shutil.copytree(template[0], folder)
    o = login(folder, None, "admin", PASSWORD)
    yield o
    o.db.close()


def data_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in rows if r["table"] != "audit_log"]


def audit_actions(rows: list[dict[str, Any]]) -> list[str]:
    entries = sorted((r["fields"] for r in rows if r["table"] == "audit_log"), key=lambda f: f["seq"])
    return [f["action"] for f in entries]


def folder_state(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its hash (empty when the folder does not exist)."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def add_user(o: Context, name: str, role: str, password: str) -> None:
    with o.db.session("admin") as s:
        s.add(User(username=name, full_name="", role=role, password_hash=hash_password(password)))
    KeyFile.load(o.data_dir).set_user(o.keys, name, password, sensitive=VIEW_SENSITIVE in permissions(role))


def damage(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    if how == "flipped byte in the database":
        data[len(data) // 2] ^= 0x01
    elif how == "flipped byte in the manifest":
        start = data.index(b'"unit"')
        data[start + 3] ^= 0x01
    elif how == "truncated":
        del data[len(data) * 2 // 3 :]
    elif how == "not a backup":
        data = bytearray(b"PK\x03\x04 this is not a zip archive at all" * 10)
    path.write_bytes(bytes(data))


# ---- round trip --------------------------------------------------------------------------------------
def test_backup_restore_round_trip_gives_an_identical_dump(opened: Context, tmp_path: Path) -> None:
    before = list(dump_records(opened))
    out = tmp_path / "out"
    out.mkdir()
    path = backup(opened, out)
    assert path.parent == out and NAME.fullmatch(path.name)
    assert [p.name for p in out.iterdir()] == [path.name]  # no temporary file left
    assert not list(opened.data_dir.glob(".backup-*"))

    manifest = verify_backup(path)
    assert (manifest.unit_code, manifest.unit_name, manifest.county_name) == (
        "C01",
        "测试县纪委监委",
        "测试县",
    )
    assert manifest.admin == "admin"
    assert manifest.schema_known
    with zipfile.ZipFile(path) as zf:
        assert sorted(zf.namelist()) == ["jiwei.db", "keys.json", "manifest.json"]
        assert zf.read("keys.json") == KeyFile.path_in(opened.data_dir).read_bytes()
        assert not zf.read("jiwei.db").startswith(b"SQLite format 3")
        for name, member in manifest.members.items():
            assert hashlib.sha256(zf.read(name)).hexdigest() == member["sha256"]

    # the source notes the backup in its audit log
    assert audit_actions(list(dump_records(opened)))[-1] == audit.BACKUP

    target = tmp_path / "restored"
    result = restore(path, target, password=PASSWORD)
    assert result.username == "admin" and result.replaced is None and result.data_dir == target
    assert sorted(p.name for p in target.iterdir()) == ["jiwei.db", "keys.json"]

    again = login(target, None, "admin", PASSWORD)
    try:
        after = list(dump_records(again))
        with again.db.session() as s:
            assert audit.verify(s) is None
            assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    finally:
        again.db.close()
    known = {r["id"] for r in before}
    assert [r for r in after if r["id"] in known] == before
    assert audit_actions([r for r in after if r["id"] not in known]) == [audit.RESTORE_BACKUP, audit.LOGIN]


def test_a_backup_file_as_out_and_the_recovery_key(
    opened: Context, tmp_path: Path, recovery_key: str
) -> None:
    key = recovery_key
    path = backup(opened, tmp_path / "weekly.jwbak")
    assert path == tmp_path / "weekly.jwbak"
    before = data_rows(list(dump_records(opened)))

    result = restore(path, tmp_path / "restored", recovery_key=key.lower().replace("-", " "))
    assert result.username == "recovery-key"
    again = login(tmp_path / "restored", None, "admin", PASSWORD)  # the accounts come back as they were
    try:
        after = list(dump_records(again))
    finally:
        again.db.close()
    assert data_rows(after) == before
    entry = [
        r["fields"] for r in after if r["table"] == "audit_log" and r["fields"]["action"] == "restore_backup"
    ]
    assert entry and entry[0]["actor"] == "recovery-key" and "recovery key" in entry[0]["detail"]


def test_backup_folder_must_exist_and_cancel_leaves_nothing(opened: Context, tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="找不到保存备份的文件夹"):
        backup(opened, tmp_path / "missing" / "x.jwbak")

    out = tmp_path / "out"
    out.mkdir()
    seen: list[int] = []

    def cancel_midway(done: int, total: int) -> bool:
        seen.append(done)
        return done < 600  # stop while writing the archive

    with pytest.raises(BackupCancelled):
        backup(opened, out, cancel_midway)
    assert seen and list(out.iterdir()) == []
    assert not list(opened.data_dir.glob(".backup-*"))

    progress: list[tuple[int, int]] = []
    backup(opened, out, lambda d, t: progress.append((d, t)) or True)
    assert progress[-1] == (1000, 1000)
    assert [d for d, _t in progress] == sorted(d for d, _t in progress)


# ---- refusals ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "how", ["flipped byte in the database", "flipped byte in the manifest", "truncated", "not a backup"]
)
def test_a_damaged_backup_is_refused_and_the_target_stays_as_it_was(
    opened: Context, tmp_path: Path, recovery_key: str, how: str
) -> None:
    path = backup(opened, tmp_path / "b.jwbak")
    damage(path, how)
    with pytest.raises(BackupError, match="损坏|不是本程序的备份文件"):
        verify_backup(path)

    missing = tmp_path / "new-folder"
    with pytest.raises(BackupError):
        restore(path, missing, password=PASSWORD)
    assert not missing.exists()

    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "window.ini").write_text("[view]\nfont_size=12\n", encoding="utf-8")
    state = folder_state(empty)
    with pytest.raises(BackupError):
        restore(path, empty, recovery_key=recovery_key)
    assert folder_state(empty) == state
    assert sorted(p.name for p in empty.iterdir()) == ["window.ini"]


def test_wrong_password_wrong_user_or_wrong_key_is_refused(opened: Context, tmp_path: Path) -> None:
    path = backup(opened, tmp_path / "b.jwbak")
    target = tmp_path / "restored"
    with pytest.raises(BackupError) as info:
        restore(path, target, password="not-the-password-1")
    assert str(info.value) == "用户名或密码不正确，无法打开这份备份。"
    with pytest.raises(BackupError, match="用户名或密码不正确"):
        restore(path, target, username="nobody", password=PASSWORD)
    with pytest.raises(BackupError, match="恢复密钥不正确"):
        restore(path, target, recovery_key="AAAA-BBBB-CCCC")
    assert not target.exists()
    with pytest.raises(ValueError):
        restore(path, target)  # neither secret
    assert not target.exists()


def test_restore_refuses_a_folder_with_data_unless_replace_and_keeps_the_old_files(
    opened: Context, tmp_path: Path
) -> None:
    path = backup(opened, tmp_path / "b.jwbak")
    backed_up = data_rows(list(dump_records(opened)))
    zone = RecordService(Context.system(opened.db, "admin")).save(
        get("zones"), {"name": "备份之后新建的片区"}
    )
    opened.db.close()
    source = opened.data_dir
    state = folder_state(source)

    with pytest.raises(BackupError, match="已经有数据"):
        restore(path, source, password=PASSWORD)
    assert folder_state(source) == state

    result = restore(path, source, password=PASSWORD, replace=True)
    assert result.replaced is not None and result.replaced.parent == source
    assert result.replaced.name.startswith("before-restore-")
    kept = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in result.replaced.iterdir()}
    assert kept["keys.json"] == state["keys.json"]
    assert "jiwei.db" in kept

    again = login(source, None, "admin", PASSWORD)
    try:
        assert data_rows(list(dump_records(again))) == backed_up
        assert zone not in RecordService(Context.system(again.db, "admin")).ids(get("zones"))
    finally:
        again.db.close()


def test_a_failed_replace_puts_the_old_files_back(
    opened: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = backup(opened, tmp_path / "b.jwbak")
    opened.db.close()
    source = opened.data_dir
    state = folder_state(source)
    real_replace = os.replace

    def failing_replace(src: Any, dst: Any) -> None:
        if Path(src).parent.name.startswith(".restore-") and Path(dst).name == "keys.json":
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(backup_service.os, "replace", failing_replace)
    with pytest.raises(OSError):
        restore(path, source, password=PASSWORD, replace=True)
    monkeypatch.undo()
    assert folder_state(source) == state
    assert not [p for p in source.iterdir() if p.name.startswith((".restore-", "before-restore-"))]
    login(source, None, "admin", PASSWORD).db.close()


def test_backup_needs_the_right_and_restore_by_password_needs_it_too(opened: Context, tmp_path: Path) -> None:
    add_user(opened, "clerk", "staff", "clerk-pass-1")
    path = backup(opened, tmp_path / "b.jwbak")
    clerk = login(opened.data_dir, None, "clerk", "clerk-pass-1")
    try:
        with pytest.raises(PermissionDenied):
            backup(clerk, tmp_path)
    finally:
        clerk.db.close()
    with pytest.raises(BackupError, match="没有「备份和恢复」的权限"):
        restore(path, tmp_path / "restored", username="clerk", password="clerk-pass-1")
    assert not (tmp_path / "restored").exists()


def test_a_backup_from_a_newer_program_is_refused(opened: Context, tmp_path: Path) -> None:
    path = backup(opened, tmp_path / "b.jwbak")

    def rewrite(change: dict[str, Any], name: str) -> Path:
        out = tmp_path / name
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
            for item in src.namelist():
                data = src.read(item)
                if item == "manifest.json":
                    doc = json.loads(data)
                    doc.update(change)
                    data = json.dumps(doc).encode()
                dst.writestr(item, data)
        return out

    newer_schema = rewrite({"schema_revision": "9999_from_the_future"}, "schema.jwbak")
    assert not verify_backup(newer_schema).schema_known
    with pytest.raises(BackupError, match="更新版本"):
        restore(newer_schema, tmp_path / "a", password=PASSWORD)
    with pytest.raises(BackupError, match="更新版本"):
        verify_backup(rewrite({"version": 99}, "format.jwbak"))
    assert not (tmp_path / "a").exists()


def test_with_a_database_server_backup_and_restore_refuse(tmp_path: Path) -> None:
    server = Context(
        db=SimpleNamespace(url="postgresql+psycopg://jiwei@db.example/jiwei"),  # type: ignore[arg-type]
        actor=Actor("admin", "admin"),
        keys=None,  # type: ignore[arg-type]
        data_dir=tmp_path,
    )
    with pytest.raises(BackupError, match="服务器自己的备份"):
        backup(server, tmp_path)
    assert auto_backup(server) is None
    with pytest.raises(BackupError, match="服务器自己的备份"):
        restore(tmp_path / "x.jwbak", tmp_path / "d", db_url="postgresql+psycopg://h/db", password="x")


# ---- automatic backups ---------------------------------------------------------------------------------
def test_auto_backup_rotates_and_follows_its_settings(opened: Context, tmp_path: Path) -> None:
    folder = opened.data_dir / "backups"
    other = folder / "jiwei-T01-20200101-000000.jwbak"
    stray = folder / "my-notes.txt"
    made = []
    for _ in range(5):
        path = auto_backup(opened, keep=3)
        assert path is not None and path.parent == folder
        made.append(path)
        if len(made) == 1:  # files that are not this unit's backups are left alone
            other.write_bytes(b"x")
            stray.write_text("keep me", encoding="utf-8")
    assert sorted(folder.glob("jiwei-C01-*.jwbak")) == sorted(made[-3:])
    assert other.exists() and stray.exists()
    for p in made[-3:]:
        verify_backup(p)

    backup_service.save_auto_settings(opened.data_dir, AutoBackupSettings(keep=2, folder=tmp_path / "usb"))
    assert backup_service.auto_settings(opened.data_dir) == AutoBackupSettings(2, tmp_path / "usb")
    for _ in range(3):
        auto_backup(opened)
    assert len(list((tmp_path / "usb").glob("*.jwbak"))) == 2

    backup_service.save_auto_settings(opened.data_dir, AutoBackupSettings(keep=0))
    assert auto_backup(opened) is None
    actions = audit_actions(list(dump_records(opened)))
    assert actions.count(audit.BACKUP) == 8


# ---- nothing readable ------------------------------------------------------------------------------------
def test_no_plaintext_in_the_backup_or_the_data_folder(opened: Context, tmp_path: Path) -> None:
    records = RecordService(Context.system(opened.db, "admin"))
    unit_id = records.ids(get("units"))[0]
    records.save(
        get("staff"),
        {
            "name": SECRET_NAME,
            "unit_id": unit_id,
            "post": "member",
            "phone": "13912345678",
            "note": SECRET_NAME,
        },
    )
    path = auto_backup(opened)
    assert path is not None and path.is_relative_to(opened.data_dir)
    needles = [SECRET_NAME.encode("utf-8"), SECRET_NAME.encode("utf-16-le"), b"13912345678"]
    files = [p for p in opened.data_dir.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"jiwei.db", "keys.json", path.name}
    for p in files:
        data = p.read_bytes()
        for needle in needles:
            assert needle not in data, f"{needle!r} readable in {p.name}"
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            data = zf.read(name)
            for needle in needles:
                assert needle not in data, f"{needle!r} readable in {name}"
    shown = records.rows(get("staff"), records.ids(get("staff")))  # and yet it is there
    assert any(row["name"] == SECRET_NAME for row in shown.values())


def test_login_still_refuses_the_wrong_password_after_a_restore(opened: Context, tmp_path: Path) -> None:
    path = backup(opened, tmp_path / "b.jwbak")
    restore(path, tmp_path / "r", password=PASSWORD)
    with pytest.raises(LoginError):
        login(tmp_path / "r", None, "admin", "wrong-password-1")
