"""A backup, restore or export killed half-way leaves its temporary file or folder behind; the
next run of the same operation (and the window's start, ``sweep_installation``) removes it, and
never a temporary name another run is writing right now, nor anything not named by us.

The killed runs are real processes (SIGKILL cannot be shown in this one): each stops inside the
operation at a point where its temporary files exist and says so on stdout, then it is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from apphelpers import PASSWORD, Cli, enrolled_pair, start_script

from app import leftovers
from app.services.backup import sweep_installation
from app.services.installation import SetupRequest
from app.services.login import create

posix_only = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

# Each script stops (sleeps) once the operation's temporary names exist and prints "stopped".
BACKUP = """
import sys, time
from pathlib import Path
from app.services.backup import backup
from app.services.login import login

def stop(done, total):
    if done >= 700:  # the archive is being written: the snapshot folder and the .part exist
        print("stopped", flush=True)
        time.sleep(600)
    return True

backup(login(sys.argv[1], None, "admin", sys.argv[2]), Path(sys.argv[3]), stop)
"""

RESTORE = """
import sys, time
from pathlib import Path
from app.services.backup import restore

def stop(done, total):
    if done >= 800:  # staged and checked, not yet moved into place
        print("stopped", flush=True)
        time.sleep(600)
    return True

restore(Path(sys.argv[1]), Path(sys.argv[2]), username="admin", password=sys.argv[3], progress=stop)
"""

EXPORT = """
import sys, time
from pathlib import Path
from app.services.login import login
from app.sync import bundle, exchange

real_read = bundle._PlaintextSource.read

def read(self, n=-1):  # the bundle's .part is open and written to
    data = real_read(self, n)
    print("stopped", flush=True)
    time.sleep(600)
    return data

bundle._PlaintextSource.read = read
exchange.export_bundle(login(sys.argv[1], None, "admin", sys.argv[2]), Path(sys.argv[3]), None)
"""


def _kill_when_stopped(proc: subprocess.Popen[str]) -> None:
    assert proc.stdout is not None
    try:
        line = proc.stdout.readline()
        assert line.strip() == "stopped", f"{proc.wait()} {proc.stderr.read() if proc.stderr else ''}"
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _installation(cli: Cli) -> None:
    create(
        cli.data_dir,
        None,
        SetupRequest("county", "C01", "测试县纪委监委", "C01", "测试县", "admin", PASSWORD),
    ).db.close()


@posix_only
def test_a_killed_backup_and_restore_leave_nothing_after_the_next_run(cli: Cli, tmp_path: Path) -> None:
    _installation(cli)
    out = tmp_path / "usb"
    out.mkdir()
    _kill_when_stopped(start_script(BACKUP, str(cli.data_dir), PASSWORD, str(out)))
    left_in_data = [n for n in _hidden(cli.data_dir) if n.startswith(".backup-")]
    assert len(left_in_data) == 1 and leftovers.BACKUP_WORK.pattern.fullmatch(left_in_data[0])
    assert [n for n in _hidden(out) if n.endswith(".jwbak.part")], _hidden(out)

    made = Path(cli.ok("backup", "--out", str(out)).stdout.strip())
    assert not [n for n in _hidden(cli.data_dir) if n.startswith(".backup-")]
    assert _hidden(out) == [] and [p.name for p in out.iterdir()] == [made.name]

    target = tmp_path / "restored"
    _kill_when_stopped(start_script(RESTORE, str(made), str(target), PASSWORD))
    assert [n for n in _hidden(target) if n.startswith(".restore-")]
    restored = Cli(target, None, cli.password_file)
    restored.ok("restore", str(made))
    assert not [n for n in _hidden(target) if n.startswith(".restore-")]
    restored.ok("info")


@posix_only
def test_a_killed_export_leaves_nothing_after_the_next_export(tmp_path: Path) -> None:
    pair = enrolled_pair(tmp_path)
    pair.unit.db.close()
    pair.county.db.close()
    out = tmp_path / "usb"
    out.mkdir()
    _kill_when_stopped(start_script(EXPORT, str(tmp_path / "T01"), PASSWORD, str(out)))
    assert [n for n in _hidden(out) if n.endswith(".part")], "the killed export left no .part"
    (tmp_path / "password.txt").write_text(PASSWORD + "\n", encoding="utf-8")
    unit = Cli(tmp_path / "T01", None, tmp_path / "password.txt")
    unit.ok("export", "--out", str(out))
    assert _hidden(out) == []
    assert [p.suffix for p in out.iterdir()] == [".jwb"]


# ---- which names go, which stay -------------------------------------------------------------------
def _aged(path: Path, seconds: float) -> Path:
    when = time.time() - seconds
    os.utime(path, (when, when))
    return path


def test_the_sweep_removes_only_abandoned_temporary_names_of_ours(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    sleeper = subprocess.Popen(["sleep", "60"])
    try:
        dead = subprocess.Popen(["true"])
        dead.wait()
        host, old = leftovers.HOST, leftovers.STALE_AFTER + 60
        gone = [
            folder / f".backup-{host}-{dead.pid}-0123456789ab",  # a killed backup's snapshot folder
            folder / f".restore-{host}-{dead.pid}-0123456789ab",
            folder / f".keys-{host}-{dead.pid}-0123456789ab",
            folder / ".restore-abcd1234",  # an older release's name, untouched for long
            folder / f".backup-ffffffff-{os.getpid()}-0123456789ab",  # another computer's, long untouched
        ]
        kept = [
            folder / f".backup-{host}-{sleeper.pid}-0123456789ab",  # a backup running right now
            folder / f".restore-{host}-{os.getpid()}-0123456789ab",  # this process's own
            folder / ".restore-zyxw9876",  # an older release's name, touched just now
            folder / f".backup-ffffffff-{dead.pid}-0123456789ab",  # another computer's, recent
            folder / "backups",
            folder / "before-restore-20260101-120000",
            folder / ".backup-settings.json",
            folder / "notes.restore-abcd1234",
        ]
        for path in gone + kept:
            if ".keys-" in path.name or path.suffix == ".json":
                path.write_text("x")
            else:
                path.mkdir()
                (path / "jiwei.db").write_bytes(b"x")
        for path in (gone[3], gone[4]):
            _aged(path / "jiwei.db", old)
            _aged(path, old)
        # A link named like a leftover is not ours to follow or remove.
        target = tmp_path / "elsewhere"
        target.mkdir()
        (target / "keep.txt").write_text("x")
        link = folder / f".backup-{host}-{dead.pid}-aaaaaaaaaaaa"
        link.symlink_to(target)

        removed = leftovers.sweep(folder, leftovers.DATA_FOLDER)
        assert sorted(removed) == sorted(gone)
        assert all(p.exists() for p in kept) and link.is_symlink() and (target / "keep.txt").exists()
        assert leftovers.sweep(folder, leftovers.DATA_FOLDER) == []
    finally:
        sleeper.kill()
        sleeper.wait()


def test_part_files_beside_bundles_and_exports(tmp_path: Path) -> None:
    dead = subprocess.Popen(["true"])
    dead.wait()
    part = leftovers.part_path(tmp_path / "T01-00003-20260101.jwb")
    assert leftovers.FILE_PART.pattern.fullmatch(part.name)
    stale = part.with_name(part.name.replace(f"-{os.getpid()}-", f"-{dead.pid}-"))
    stale.write_bytes(b"x")
    mine = part
    mine.write_bytes(b"x")
    legacy = tmp_path / ".T01-00002-20251231.jwb.0123456789ab.part"
    legacy.write_bytes(b"x")
    _aged(legacy, leftovers.STALE_AFTER + 1)
    other = tmp_path / ".notes.txt.0123456789ab.part"  # not a bundle's: an older name of someone else's
    other.write_bytes(b"x")
    _aged(other, leftovers.STALE_AFTER + 1)
    assert sorted(leftovers.sweep(tmp_path, [leftovers.FILE_PART])) == sorted([stale, legacy])
    assert mine.exists() and other.exists()
    assert leftovers.sweep(tmp_path / "missing", [leftovers.FILE_PART]) == []


def test_the_window_start_sweeps_the_data_folder_and_the_backups_folder(tmp_path: Path) -> None:
    from app.services.backup import AutoBackupSettings, save_auto_settings

    dead = subprocess.Popen(["true"])
    dead.wait()
    data, usb = tmp_path / "data", tmp_path / "usb"
    usb.mkdir()
    save_auto_settings(data, AutoBackupSettings(keep=3, folder=usb))
    tag = f"{leftovers.HOST}-{dead.pid}-0123456789ab"
    (data / f".restore-{tag}").mkdir()
    (usb / f".jiwei-{tag}.jwbak.part").write_bytes(b"x")
    removed = sweep_installation(data)
    assert sorted(p.name for p in removed) == [f".jiwei-{tag}.jwbak.part", f".restore-{tag}"]
    assert _hidden(data) == [] and _hidden(usb) == []
