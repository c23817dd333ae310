"""The recovery key: a new password when every one is lost, a new key that voids the old, the
printed sheet, and the command line for backup, restore and recovery."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pdfcheck
import pytest
from apphelpers import PASSWORD, Cli

from app.cli import dump_records
from app.context import Context
from app.db.local import User
from app.registers import get
from app.reports import fonts
from app.reports.recovery_sheet import write_recovery_sheet
from app.security import audit
from app.security.keyslots import KeyFile, WrongSecret, normalise_recovery_key
from app.security.roles import VIEW_SENSITIVE, PermissionDenied, permissions
from app.services import accounts
from app.services.backup import backup, restore
from app.services.installation import SetupRequest
from app.services.login import LoginError, create, login
from app.services.records import RecordService
from app.services.recovery import RecoveryError, new_recovery_key, recover

NEW_PASSWORD = "forgotten-no-more-7"


def audit_entries(o: Context) -> list[dict[str, Any]]:
    rows = [r["fields"] for r in dump_records(o) if r["table"] == "audit_log"]
    return sorted(rows, key=lambda f: f["seq"])


def data_rows(o: Context) -> list[dict[str, Any]]:
    return [r for r in dump_records(o) if r["table"] not in ("audit_log",)]


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A closed installation (administrator ``admin``, a staff member ``clerk``, one zone) and its
    recovery key."""
    data_dir = tmp_path / "data"
    o = create(
        data_dir, None, SetupRequest("township", "T01", "城关镇纪委", "C01", "测试县", "admin", PASSWORD)
    )
    try:
        RecordService(Context.system(o.db, "admin")).save(
            get("zones"), {"name": "东片区", "leader": "赵常委"}
        )
        with o.db.session("admin") as s:
            s.add(
                User(
                    username="clerk",
                    full_name="",
                    role="staff",
                    password_hash=accounts.hash_password("clerk-1x"),
                )
            )
        KeyFile.load(data_dir).set_user(
            o.keys, "clerk", "clerk-1x", sensitive=VIEW_SENSITIVE in permissions("staff")
        )
    finally:
        o.db.close()
    assert o.recovery_key
    yield data_dir, o.recovery_key


# ---- recover ----------------------------------------------------------------------------------------------
def test_the_recovery_key_opens_a_database_whose_passwords_are_lost(folder: tuple[Path, str]) -> None:
    data_dir, key = folder
    o = login(data_dir, None, "admin", PASSWORD)
    before = data_rows(o)
    o.db.close()

    o = recover(data_dir, None, key, "admin", NEW_PASSWORD)
    try:
        assert o.actor.username == "admin" and o.keys.sensitive is not None
        assert data_rows(o) == before
        entries = audit_entries(o)
        assert [e["action"] for e in entries[-2:]] == [audit.PASSWORD_CHANGE, audit.LOGIN]
        assert entries[-2]["target_table"] == "users" and "recovery key" in entries[-2]["detail"]
        accounts.verify(o.db, "admin", NEW_PASSWORD)  # the users table agrees with the key slot
    finally:
        o.db.close()

    with pytest.raises(LoginError):
        login(data_dir, None, "admin", PASSWORD)
    again = login(data_dir, None, "admin", NEW_PASSWORD)
    again.db.close()
    # the recovery key still works, and the other accounts are untouched
    KeyFile.load(data_dir).unlock_recovery(key)
    login(data_dir, None, "clerk", "clerk-1x").db.close()


def test_a_staff_account_gets_no_sensitive_key(folder: tuple[Path, str]) -> None:
    data_dir, key = folder
    o = recover(data_dir, None, key, "clerk", NEW_PASSWORD)
    try:
        assert o.actor.role == "staff"
        assert o.keys.sensitive is None and o.actor.sensitive_key is None
    finally:
        o.db.close()


@pytest.mark.parametrize(
    ("key", "user", "password", "message"),
    [
        ("AAAA-BBBB-CCCC-DDDD", "admin", NEW_PASSWORD, "恢复密钥不正确。"),
        (None, "nobody", NEW_PASSWORD, "没有名为 nobody 的账号。"),
        (None, "admin", "short1", "密码至少"),
        (None, "admin", "onlyletters", "密码须同时包含字母和数字"),
    ],
)
def test_recover_refusals_change_nothing(
    folder: tuple[Path, str], key: str | None, user: str, password: str, message: str
) -> None:
    data_dir, real_key = folder
    keys_before = KeyFile.path_in(data_dir).read_bytes()
    with pytest.raises(RecoveryError) as info:
        recover(data_dir, None, key or real_key, user, password)
    assert str(info.value).startswith(message)
    assert KeyFile.path_in(data_dir).read_bytes() == keys_before
    o = login(data_dir, None, "admin", PASSWORD)
    try:
        failed = [e for e in audit_entries(o) if e["action"] == audit.LOGIN_FAILED]
        assert [e["actor"] for e in failed] == (["recovery-key"] if key else [])
    finally:
        o.db.close()


def test_recover_refuses_a_folder_without_installation(tmp_path: Path) -> None:
    with pytest.raises(RecoveryError, match="没有恢复密钥"):
        recover(tmp_path / "nothing", None, "AAAA", "admin", NEW_PASSWORD)
    assert not (tmp_path / "nothing").exists()


# ---- a new recovery key -------------------------------------------------------------------------------------
def test_a_new_recovery_key_voids_the_old_one_but_not_for_older_backups(
    folder: tuple[Path, str], tmp_path: Path
) -> None:
    data_dir, old = folder
    o = login(data_dir, None, "admin", PASSWORD)
    try:
        older_backup = backup(o, tmp_path / "older.jwbak")
        new = new_recovery_key(o)
        assert normalise_recovery_key(new) != normalise_recovery_key(old)
        assert audit_entries(o)[-1]["action"] == audit.PASSWORD_CHANGE
        assert audit_entries(o)[-1]["detail"] == "new recovery key"
    finally:
        o.db.close()
    kf = KeyFile.load(data_dir)
    with pytest.raises(WrongSecret):
        kf.unlock_recovery(old)
    assert kf.unlock_recovery(new).sensitive is not None
    with pytest.raises(RecoveryError, match="恢复密钥不正确"):
        recover(data_dir, None, old, "admin", NEW_PASSWORD)
    recover(data_dir, None, new, "admin", NEW_PASSWORD).db.close()
    # a backup made before carries the key slots of its time
    restore(older_backup, tmp_path / "restored", recovery_key=old)


def test_only_an_administrator_makes_a_new_recovery_key(folder: tuple[Path, str]) -> None:
    data_dir, key = folder
    clerk = login(data_dir, None, "clerk", "clerk-1x")
    try:
        with pytest.raises(PermissionDenied):
            new_recovery_key(clerk)
    finally:
        clerk.db.close()
    KeyFile.load(data_dir).unlock_recovery(key)  # unchanged


# ---- the printed sheet ----------------------------------------------------------------------------------------
def pdf_text(path: Path) -> str:
    """The text of a PDF: pdftotext when installed, else the (uncompressed) text-showing operators,
    which is where the key in the standard Courier font is."""
    if shutil.which("pdftotext"):
        return subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, encoding="utf-8", check=True
        ).stdout
    raw = path.read_bytes()
    parts = []
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", raw, re.S):
        try:
            parts.append(zlib.decompress(m.group(1)))
        except zlib.error:
            parts.append(m.group(1))
    return "\n".join(t.decode("latin-1") for s in parts for t in re.findall(rb"\((.*?)\) Tj", s))


def test_the_recovery_sheet_embeds_its_font_and_holds_the_key(tmp_path: Path) -> None:
    key = "Q5TR-MB65-YVNI-R5NC-X2KG-3WQ7-C5M4-ZVDE-HWP4-UINK-XIFW-I6F2-3WIA"
    path = tmp_path / "恢复密钥.pdf"
    write_recovery_sheet(
        path,
        unit_name="城关镇纪委",
        county_name="测试县",
        recovery_key=key,
        created=datetime(2024, 5, 1, 9, 30, tzinfo=UTC),
    )
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and b"/MediaBox [ 0 0 595.2756 841.8898 ]" in data  # A4
    assert not [p for p in tmp_path.iterdir() if p != path]  # written atomically: no temporary left
    faces = pdfcheck.assert_embedded_subsets(data)  # every font embedded as a subset
    assert any(pdfcheck.SERIF_BODY.search(f) for f in faces) and "NotoSansMonoCJKsc-Bold" in faces
    text = pdf_text(path)
    assert normalise_recovery_key(key) in normalise_recovery_key(text)
    if shutil.which("pdftotext"):
        assert "数据恢复密钥" in text and "城关镇纪委" in text and "2024年5月1日" in text


def test_font_runs_keep_text_in_one_face_that_has_its_own_latin() -> None:
    assert list(fonts.runs("密钥 ABC：2–7")) == [(fonts.body(), "密钥 ABC：2–7")]
    assert list(fonts.runs("密钥 ABC", fonts.MONO)) == [(fonts.body(), "密钥"), (fonts.mono(), " ABC")]
    assert fonts.markup("<a&b>") == f'<font name="{fonts.LATIN_FONT}">&lt;a&amp;b&gt;</font>'


# ---- command line -----------------------------------------------------------------------------------------------
class FastCli(Cli):
    """The command line with the cheap key derivation of the tests (every ``Cli`` has it now)."""


@pytest.fixture
def fast_cli(cli: Cli) -> FastCli:
    return FastCli(cli.data_dir, cli.db_url, cli.password_file)


def _one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    return lines[0]


def _no_audit(cli: Cli) -> list[dict[str, Any]]:
    return [r for r in cli.dump() if r["table"] != "audit_log"]


def _key_from(stderr: str) -> str:
    m = re.search(r"([A-Z2-7]{4}(?:-[A-Z2-7]{1,4}){12})", stderr)
    assert m, stderr
    return m.group(1)


def test_cli_backup_restore_and_exit_codes(
    fast_cli: FastCli, tmp_path: Path, password_file: Callable[[str], Path]
) -> None:
    cli = fast_cli
    cli.init_county()
    cli.ok("demo")
    out = tmp_path / "out"
    out.mkdir()
    made = cli.ok("backup", "--out", str(out))
    path = Path(_one_line(made.stdout))
    assert path.parent == out and path.suffix == ".jwbak" and "已备份并校验" in made.stderr

    restored = FastCli(tmp_path / "restored", None, cli.password_file)
    result = restored.run("restore", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and "已从备份恢复" in result.stderr
    assert _no_audit(restored) == _no_audit(cli)

    again = restored.run("restore", str(path))
    assert again.returncode == 1 and "已经有数据" in _one_line(again.stderr)
    replaced = restored.run("restore", str(path), "--replace")
    assert replaced.returncode == 0 and "原有的数据文件已移到" in replaced.stderr

    wrong = FastCli(tmp_path / "wrong", None, password_file("not-the-password-9", "wrong.txt"))
    refused = wrong.run("restore", str(path))
    assert refused.returncode == 1
    assert _one_line(refused.stderr) == "用户名或密码不正确，无法打开这份备份。"
    assert not wrong.data_dir.exists()

    damaged = tmp_path / "damaged.jwbak"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    refused = wrong.run("restore", str(damaged))
    assert refused.returncode == 1 and "备份文件已损坏或不完整" in _one_line(refused.stderr)
    missing = wrong.run("restore", str(tmp_path / "nope.jwbak"))
    assert missing.returncode == 1 and "找不到备份文件" in _one_line(missing.stderr)
    assert not wrong.data_dir.exists()

    usage = cli.run("backup")
    assert usage.returncode == 2
    bad_out = cli.run("backup", "--out", str(tmp_path / "no" / "such" / "x.jwbak"))
    assert bad_out.returncode == 1 and "找不到保存备份的文件夹" in _one_line(bad_out.stderr)
    bad_pw = cli.run(
        "backup", "--out", str(out), JIWEI_PASSWORD_FILE=str(password_file("nope-nope-1", "n.txt"))
    )
    assert bad_pw.returncode == 1 and _one_line(bad_pw.stderr) == "用户名或密码不正确。"
    assert len(list(out.iterdir())) == 1


def test_cli_init_pdf_recover_and_new_recovery_key(
    fast_cli: FastCli, tmp_path: Path, password_file: Callable[[str], Path]
) -> None:
    cli = fast_cli
    sheet = tmp_path / "sheet.pdf"
    result = cli.ok(
        "init", "--type", "county", "--code", "C01", "--name", "测试县纪委监委", "--admin", "admin",
        "--recovery-pdf", str(sheet),
    )  # fmt: skip
    key = _key_from(result.stderr)
    assert sheet.exists() and "恢复密钥 PDF" in result.stderr
    assert normalise_recovery_key(key) in normalise_recovery_key(pdf_text(sheet))
    refused = FastCli(tmp_path / "other", None, cli.password_file).run(
        "init", "--type", "county", "--code", "C02", "--name", "县", "--admin", "admin",
        "--recovery-pdf", str(tmp_path / "missing" / "s.pdf"),
    )  # fmt: skip
    assert refused.returncode == 1 and not (tmp_path / "other").exists()

    key_file = tmp_path / "key.txt"
    key_file.write_text(key.replace("-", " ") + "\n", encoding="utf-8")
    new_password = password_file(NEW_PASSWORD, "new.txt")
    wrong_key = tmp_path / "wrong-key.txt"
    wrong_key.write_text("AAAA-BBBB\n", encoding="utf-8")
    refused = cli.run("recover", "--recovery-key-file", str(wrong_key), JIWEI_PASSWORD_FILE=str(new_password))
    assert refused.returncode == 1 and _one_line(refused.stderr) == "恢复密钥不正确。"

    done = cli.run(
        "recover",
        "--user",
        "admin",
        "--recovery-key-file",
        str(key_file),
        JIWEI_PASSWORD_FILE=str(new_password),
    )
    assert done.returncode == 0, done.stderr
    assert "已用恢复密钥为 admin 设置新密码" in done.stderr
    assert cli.run("info").returncode == 1  # the old password no longer opens it
    info = cli.run("info", "--json", JIWEI_PASSWORD_FILE=str(new_password))
    assert info.returncode == 0 and json.loads(info.stdout)["admin"] == "admin"

    sheet2 = tmp_path / "sheet2.pdf"
    made = cli.run("recovery-key", "--pdf", str(sheet2), JIWEI_PASSWORD_FILE=str(new_password))
    assert made.returncode == 0, made.stderr
    new_key = _key_from(made.stderr)
    assert new_key != key and sheet2.exists()
    refused = cli.run("recover", "--recovery-key-file", str(key_file), JIWEI_PASSWORD_FILE=str(new_password))
    assert refused.returncode == 1 and _one_line(refused.stderr) == "恢复密钥不正确。"

    out = tmp_path / "b.jwbak"
    cli.ok("backup", "--out", str(out), JIWEI_PASSWORD_FILE=str(new_password))
    key_file.write_text(new_key, encoding="utf-8")
    restored = FastCli(tmp_path / "restored", None, new_password)
    result = restored.run("restore", str(out), "--recovery-key-file", str(key_file))
    assert result.returncode == 0, result.stderr
    assert restored.json("info", "--json")["unit"]["code"] == "C01"
