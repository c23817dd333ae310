"""Every command-line failure is one line on stderr in Chinese with exit 1, never a traceback:
the command line over a table of bad inputs (unwritable places, a file where a folder is
expected, missing paths, a full disk, names with control characters).

A full disk is a small tmpfs mounted for the test (root can mount here); where mounting is not
possible the same commands run with a disk-full error injected where the disk would fail, so the
test never passes by skipping."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from apphelpers import PASSWORD, Cli

UNEXPECTED = "意外错误"


def _mount(target: Path, options: str) -> bool:
    target.mkdir(parents=True, exist_ok=True)
    try:
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)], capture_output=True, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def _unmount(target: Path) -> None:
    subprocess.run(["umount", str(target)], capture_output=True, timeout=30)


@contextlib.contextmanager
def tmpfs(target: Path, options: str) -> Iterator[bool]:
    """A tmpfs at ``target`` for the block (True), or False where mounting is not possible."""
    mounted = _mount(target, options)
    try:
        yield mounted
    finally:
        if mounted:
            _unmount(target)


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    """One county installation for the whole table (nothing in it succeeds, so nothing changes)."""
    base = tmp_path_factory.mktemp("failures")
    password = base / "password.txt"
    password.write_text(PASSWORD + "\n", encoding="utf-8")
    cli = Cli(base / "data", None, password)
    cli.init_county()
    cli.ok("unit", "add", "--type", "township", "--code", "T01", "--name", "城关镇")
    (base / "a-file").write_text("not a folder\n", encoding="utf-8")
    (base / "notes.txt").write_text("keep me\n", encoding="utf-8")
    (base / "folder").mkdir()
    return cli


def refused(result: subprocess.CompletedProcess[str], expected: str) -> None:
    """Exit 1, one line on stderr that says ``expected`` in Chinese, no traceback."""
    err = result.stderr
    assert "Traceback" not in err and "Error:" not in err, err
    assert result.returncode == 1, f"exit {result.returncode}: {err}"
    assert err.endswith("\n") and err.count("\n") == 1, f"not one line: {err!r}"
    assert expected in err, err
    assert UNEXPECTED not in err, err


# (what, args (with {base} for the folder holding a-file, notes.txt, folder/), expected words)
TABLE: list[tuple[str, tuple[str, ...], str]] = [
    ("init --data-dir names a file", ("--data-dir", "{base}/a-file", "init", "--type", "county", "--code", "C9",
     "--name", "县", "--admin", "admin"), "是一个文件，不是文件夹"),
    ("info --data-dir names a file", ("--data-dir", "{base}/a-file", "info"), "是一个文件，不是文件夹"),
    ("backup into a path through a file", ("backup", "--out", "{base}/a-file/x.jwbak"), "是一个文件，不是文件夹"),
    ("backup over a file that is no backup", ("backup", "--out", "{base}/notes.txt"), "不会覆盖"),
    ("backup into a missing folder", ("backup", "--out", "{base}/missing/x.jwbak"), "找不到保存备份的文件夹"),
    ("export into a file", ("export", "--to", "T01", "--out", "{base}/a-file"), "是一个文件，不是文件夹"),
    ("export into a missing folder", ("export", "--to", "T01", "--out", "{base}/missing"), "导出目录不存在"),
    ("restore a missing file", ("restore", "{base}/missing.jwbak"), "找不到备份文件"),
    ("restore a folder", ("restore", "{base}/folder"), "找不到备份文件"),
    ("restore a file that is no backup", ("--data-dir", "{base}/empty", "restore", "{base}/notes.txt"),
     "备份文件已损坏或不完整"),
    ("password file is a folder", ("--password-file", "{base}/folder", "info"), "这是一个文件夹，这里需要的是文件"),
    ("password file is missing", ("--password-file", "{base}/missing.txt", "info"), "找不到这个文件或文件夹"),
    ("enrolment package onto a folder", ("enroll", "T01", "--out", "{base}/folder", "--passphrase-file",
     "{password}"), "这是一个文件夹"),
    ("enrolment passphrase file is a folder",
     ("enroll", "T01", "--out", "{base}/T01.jwenrol", "--passphrase-file", "{base}/folder"), "这是一个文件夹"),
    ("recovery key file is missing", ("recover", "--recovery-key-file", "{base}/missing.txt"),
     "无法读取恢复密钥文件"),
    ("unit name with a newline", ("unit", "add", "--type", "township", "--code", "T02", "--name", "城关\n镇"),
     "不能包含换行符"),
    ("unit name with a carriage return", ("unit", "add", "--type", "township", "--code", "T02", "--name",
     "城关\r镇"), "不能包含换行符"),
    ("unit name with a bell", ("unit", "add", "--type", "township", "--code", "T02", "--name", "城关\x07镇"),
     "不能包含换行符"),
    ("unit name with a tab", ("unit", "add", "--type", "township", "--code", "T02", "--name", "城关\t镇"),
     "不能包含换行符"),
    ("unit name with a line separator", ("unit", "add", "--type", "township", "--code", "T02", "--name",
     "城关\u2028镇"), "不能包含换行符"),
    ("installation name with a newline", ("--data-dir", "{base}/new", "init", "--type", "county", "--code", "C2",
     "--name", "县\n纪委", "--admin", "admin"), "不能包含换行符"),
    ("full name with a newline", ("user", "add", "li", "--role", "staff", "--full-name", "李\n四",
     "--new-password-file", "{password}"), "不能包含换行符"),
    ("multi-line note with a NUL", ("record", "add", "zones", "--set", "name=片区", "--set", "note=第一行\n\x00"),
     "控制字符（换行和制表符除外）"),
]  # fmt: skip


def _records(cli: Cli) -> list[dict[str, object]]:
    """Every record but the audit log's (each command's log-in is an entry)."""
    return [r for r in cli.dump() if r["table"] != "audit_log"]


@pytest.mark.parametrize(("what", "args", "expected"), TABLE, ids=[row[0] for row in TABLE])
def test_bad_input_is_one_chinese_line_and_exit_1(
    county: Cli, what: str, args: tuple[str, ...], expected: str
) -> None:
    base = county.data_dir.parent
    filled = [a.replace("{base}", str(base)).replace("{password}", str(county.password_file)) for a in args]
    before = _records(county)
    refused(county.run(*filled), expected)
    assert _records(county) == before, f"{what}: the installation changed"
    assert (base / "notes.txt").read_text(encoding="utf-8") == "keep me\n"


def test_multi_line_text_keeps_line_breaks_and_tabs(county: Cli) -> None:
    """The rule's other side: notes may hold line breaks (any system's, kept as \\n) and tabs."""
    row = county.ok("record", "add", "zones", "--set", "name=换行片区", "--set", "note=一\r\n二\r三\t四")
    row_id = row.stdout.strip()
    try:
        shown = json.loads(county.ok("record", "show", "zones", row_id, "--json").stdout)
        assert shown["fields"]["note"] == "一\n二\n三\t四"
    finally:
        county.ok("record", "delete", "zones", row_id)


# ---- unwritable places, full disks -------------------------------------------------------------------
def test_backup_to_an_unwritable_place(county: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A read-only disk (a tmpfs mounted read-only); without mounting, a folder without the
    right to write (not for root, who may write anyway: then the refusal is injected)."""
    place = tmp_path / "read-only"
    with tmpfs(place, "ro,size=64k") as mounted:
        if mounted:
            refused(county.run("backup", "--out", str(place)), "只读")
            return
        place.mkdir(exist_ok=True)
        place.chmod(0o500)
        if os.geteuid() == 0:
            from app import leftovers

            def denied(folder: Path, prefix: str, suffix: str = "") -> tuple[int, Path]:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(folder / prefix))

            monkeypatch.setattr(leftovers, "make_temp_file", denied)
        refused(county.run("backup", "--out", str(place)), "没有权限读写")


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """``full_disk(size)``: a small tmpfs (Path), or None where it cannot be mounted."""
    mounts: list[Path] = []

    def make(size: str) -> Path:
        target = tmp_path / f"disk-{len(mounts)}"
        if not _mount(target, f"size={size}"):
            pytest.fail("unreachable: callers check can_mount first")
        mounts.append(target)
        return target

    yield make
    for target in mounts:
        _unmount(target)


def can_mount(tmp_path: Path) -> bool:
    probe = tmp_path / "probe"
    with tmpfs(probe, "size=16k") as mounted:
        return mounted


def test_backup_onto_a_full_disk(
    county: Cli, tmp_path: Path, full_disk: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The backup file does not fit where it is written: nothing is left there."""
    if can_mount(tmp_path):
        disk = full_disk("64k")
    else:
        disk = tmp_path / "disk"
        disk.mkdir()
        from app.services import backup

        def no_space(*args: object, **kwargs: object) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(backup, "_write_archive", no_space)
    refused(county.run("backup", "--out", str(disk)), "磁盘空间不足")
    assert list(disk.iterdir()) == []


def test_the_data_folder_on_a_full_disk(
    tmp_path: Path, full_disk: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The installation's own disk is full: set-up, a backup (its snapshot is made in the data
    folder) and a change all refuse in one line, and the data is still there after."""
    password = tmp_path / "password.txt"
    password.write_text(PASSWORD + "\n", encoding="utf-8")
    if can_mount(tmp_path):
        tiny = Cli(full_disk("64k") / "data", None, password)
        refused(
            tiny.run("init", "--type", "county", "--code", "C01", "--name", "县", "--admin", "admin"),
            "磁盘空间不足",
        )
        disk = full_disk("4m")
        cli = Cli(disk / "data", None, password)
        cli.init_county()
        with open(disk / "filler", "wb") as fh, contextlib.suppress(OSError):
            while True:
                fh.write(b"\0" * 65536)
    else:
        cli = Cli(tmp_path / "data", None, password)
        cli.init_county()
        import sqlcipher3

        from app.services import backup

        def full(*args: object, **kwargs: object) -> None:
            raise sqlcipher3.OperationalError("database or disk is full")

        monkeypatch.setattr(backup, "_snapshot", full)
    refused(cli.run("backup", "--out", str(tmp_path)), "磁盘空间不足")
    if can_mount(tmp_path):
        refused(
            cli.run("unit", "add", "--type", "township", "--code", "T02", "--name", "城关镇"), "磁盘空间不足"
        )
        (cli.data_dir.parent / "filler").unlink()
    assert cli.json("info", "--json")["unit"]["code"] == "C01"
    assert not [p for p in cli.data_dir.iterdir() if p.name.startswith(".backup-")]


def test_a_full_disk_as_a_process_prints_no_traceback(
    tmp_path: Path, full_disk: Callable[[str], Path]
) -> None:
    """A real process: only a process shows what the interpreter itself would print for an
    exception escaping ``main`` (and that ``python -m app`` exits 1)."""
    password = tmp_path / "password.txt"
    password.write_text(PASSWORD + "\n", encoding="utf-8")
    cli = Cli(tmp_path / "data", None, password)
    cli.init_county()
    if can_mount(tmp_path):
        target = str(full_disk("64k"))
        refused(cli.process("backup", "--out", target), "磁盘空间不足")
    else:  # no mount: a path whose folder is a file, which fails the same way in the process
        (tmp_path / "a-file").write_text("x")
        refused(cli.process("backup", "--out", str(tmp_path / "a-file" / "x.jwbak")), "是一个文件")


# ---- what is not foreseen -------------------------------------------------------------------------------
def test_an_unforeseen_error_is_one_line_too(county: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    """Named by its kind and where it arose, never its text (it may hold data); JIWEI_DEBUG=1
    gives the developer the traceback."""
    from app.services.records import RecordService

    def broken(self: object, reg: object) -> int:
        raise RuntimeError("身份证号 110101199003071234")

    monkeypatch.setattr(RecordService, "count", broken)
    result = county.run("info")
    assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
    assert "RuntimeError" in result.stderr and "test_cli_failures.py" in result.stderr
    assert "110101" not in result.stderr and "Traceback" not in result.stderr
    with pytest.raises(RuntimeError):
        county.run("info", JIWEI_DEBUG="1")
