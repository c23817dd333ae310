"""Temporary names of the atomic writers, and removing what an interrupted run left behind.

A backup, a restore, a bundle export or a spreadsheet export writes under a temporary name and
renames at the end; a run killed in between (SIGKILL, power cut) leaves that temporary file or
folder behind. Every such name carries a tag ``<host>-<pid>-<random>`` (the first 8 hex digits
of the SHA-256 of the computer's name, the writing process's id, 12 random hex digits), so the
next run can tell a leftover from a temporary file another run is writing right now:

- ``.backup-TAG/`` and ``.restore-TAG/`` in the data folder (the backup's snapshot, the restore's
  staging), ``.keys-TAG``, ``.login-TAG``, ``.backup-settings-TAG`` there too;
- ``.jiwei-TAG.jwbak.part`` beside a backup file, ``.jiwei-TAG.xlsx`` (``.docx``, ``.pdf``)
  beside an exported file, ``.NAME.TAG.part`` beside a bundle or enrolment package ``NAME``.

``sweep(folder, kinds)`` removes the entries of ``folder`` whose whole name matches one of
``kinds`` and that are abandoned: made on this computer by a process that no longer runs, or
untouched for ``STALE_AFTER`` (made elsewhere, e.g. on a shared folder or a USB stick, by a
process whose life this computer cannot see; or named by an older release without the tag).
Nothing else is ever touched, symbolic links are never followed, and a sweep never fails the
operation that runs it. Each operation sweeps the folders it writes into before it writes
(``backup``, ``restore``, ``write_bundle``, …) and the window sweeps the data folder at start.

Standard library only: the window calls this before the database layer is loaded.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import shutil
import socket
import stat
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

STALE_AFTER = 12 * 3600  # seconds untouched after which a leftover of unknown liveness goes

HOST = hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]
_TAG = r"(?P<host>[0-9a-f]{8})-(?P<pid>[0-9]{1,10})-[0-9a-f]{12}"
_MKTEMP = r"[a-z0-9_]{8}"  # what tempfile.mkstemp/mkdtemp put in names (older releases)


@dataclass(frozen=True)
class Kind:
    """One writer's temporary names: ``pattern`` with the tag, ``legacy`` as older releases
    named them; ``folder``: a directory (else a regular file)."""

    pattern: re.Pattern[str]
    legacy: re.Pattern[str] | None
    folder: bool


def _kind(pattern: str, legacy: str | None, *, folder: bool = False) -> Kind:
    return Kind(re.compile(pattern.replace("TAG", _TAG)), re.compile(legacy) if legacy else None, folder)


BACKUP_WORK = _kind(r"\.backup-TAG", rf"\.backup-{_MKTEMP}", folder=True)
RESTORE_WORK = _kind(r"\.restore-TAG", rf"\.restore-{_MKTEMP}", folder=True)
BACKUP_PART = _kind(r"\.jiwei-TAG\.jwbak\.part", rf"\.jiwei-{_MKTEMP}\.jwbak\.part")
FILE_PART = _kind(r"\..+\.TAG\.part", r"\..+\.(?:jwb|jwenrol)\.[0-9a-f]{12}\.part")  # bundles, enrolment
EXPORT_PART = _kind(r"\.jiwei-TAG\.(?:xlsx|docx|pdf)", rf"\.jiwei-{_MKTEMP}\.(?:xlsx|docx|pdf)")
SMALL_FILES = _kind(r"\.(?:keys|login|backup-settings)-TAG", rf"\.(?:keys|login|backup-settings)-{_MKTEMP}")

DATA_FOLDER = (BACKUP_WORK, RESTORE_WORK, SMALL_FILES)


def tag() -> str:
    """``<host>-<pid>-<random>``: whose temporary name this is."""
    return f"{HOST}-{os.getpid()}-{secrets.token_hex(6)}"


def part_path(final: Path) -> Path:
    """The temporary name beside ``final`` (a bundle, an enrolment package): ``.NAME.TAG.part``."""
    return final.with_name(f".{final.name}.{tag()}.part")


def make_temp_file(folder: Path, prefix: str, suffix: str = "") -> tuple[int, Path]:
    """Like ``tempfile.mkstemp`` (owner-only, created exclusively) with a tagged name:
    ``folder/PREFIXTAGSUFFIX``. Returns the open descriptor and the path."""
    while True:
        path = Path(folder) / f"{prefix}{tag()}{suffix}"
        try:
            return os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600), path
        except FileExistsError:  # pragma: no cover (12 random hex digits)
            continue


def make_temp_dir(folder: Path, prefix: str) -> Path:
    """Like ``tempfile.mkdtemp`` (owner-only) with a tagged name: ``folder/PREFIXTAG``."""
    while True:
        path = Path(folder) / f"{prefix}{tag()}"
        try:
            path.mkdir(mode=0o700)
            return path
        except FileExistsError:  # pragma: no cover
            continue


def alive(pid: int) -> bool:
    """Whether a process ``pid`` runs on this computer (True when it cannot be told)."""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    if os.name == "nt":  # os.kill would end the process there
        return _alive_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: it runs, as someone else
        return True
    return True


def _alive_windows(pid: int) -> bool:  # pragma: no cover (Windows only)
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return kernel32.GetLastError() != 87  # ERROR_INVALID_PARAMETER: no such process
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def _last_touched(path: Path, info: os.stat_result) -> float:
    """The newest modification time of ``path`` and (a folder) of the entries directly in it."""
    newest = info.st_mtime
    if stat.S_ISDIR(info.st_mode):
        with contextlib.suppress(OSError), os.scandir(path) as entries:
            for entry in entries:
                with contextlib.suppress(OSError):
                    newest = max(newest, entry.stat(follow_symlinks=False).st_mtime)
    return newest


def abandoned(name: str, path: Path, info: os.stat_result, kinds: Iterable[Kind], now: float) -> bool:
    """Whether ``path`` (``name``, ``lstat`` ``info``) is a leftover of one of ``kinds``."""
    is_dir, is_file = stat.S_ISDIR(info.st_mode), stat.S_ISREG(info.st_mode)
    for kind in kinds:
        if not (is_dir if kind.folder else is_file):
            continue
        m = kind.pattern.fullmatch(name)
        if m is not None and m["host"] == HOST:
            return not alive(int(m["pid"]))
        if m is not None or (kind.legacy is not None and kind.legacy.fullmatch(name)):
            return now - _last_touched(path, info) > STALE_AFTER
    return False


def sweep(folder: Path | None, kinds: Iterable[Kind]) -> list[Path]:
    """Remove the abandoned temporary files and folders of ``kinds`` directly in ``folder``;
    return what was removed. Never raises: a sweep must not fail the operation that runs it."""
    removed: list[Path] = []
    if folder is None:
        return removed
    kinds = tuple(kinds)
    now = time.time()
    try:
        with os.scandir(folder) as entries:
            found = [(entry.name, Path(entry.path)) for entry in entries]
    except OSError:
        return removed
    for name, path in found:
        try:
            info = path.lstat()
            if not abandoned(name, path, info, kinds, now):
                continue
            if stat.S_ISDIR(info.st_mode):
                shutil.rmtree(path)
            else:
                path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed
