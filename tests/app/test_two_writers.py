"""Two programs writing one database at once: both succeed (they take turns), or the later one
says plainly that another program is writing; never a raw UNIQUE or "locked" error, never a
bundle reported refused that was imported.

The writers are separate processes, not threads: that is the case seen in offices (two copies of
the program, or the program and a command-line import, on one SQLite file or one county
PostgreSQL database), and SQLite's locking between connections of one process differs. Every
process is started by ``_start``; each logs in, says "ready", waits for "go" so that the writes
overlap, and prints "done" when its last write committed.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from apphelpers import PASSWORD, enrolled_pair, start_script
from sqlalchemy import func, select

from app import cli
from app.db import engine as db_engine
from app.models.org import Zone
from app.security import audit
from app.services.installation import SetupRequest
from app.services.login import create, login
from app.sync import exchange

# Adds zones (a change-log counter value and an audit entry each) and audit entries of its own.
WRITER = """
import sys
from app.models.org import Zone
from app.security import audit
from app.services.login import login

data_dir, db_url, tag, n = sys.argv[1], sys.argv[2] or None, sys.argv[3], int(sys.argv[4])
opened = login(data_dir, db_url, "admin", sys.argv[5])
print("ready", flush=True)
sys.stdin.readline()
for i in range(n):
    with opened.db.session("admin") as s:
        s.add(Zone(name=f"{tag}-{i}", leader="赵常委"))
    with audit.recorded(opened.db, "admin", audit.PRINT, detail=f"{tag}-{i}"):
        pass
opened.db.close()
print("done", flush=True)
"""

# ``python -m app`` with its arguments, started at "go".
COMMAND = """
import sys
sys.stdin.readline()
from app.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _start(script: str, *args: str) -> subprocess.Popen[str]:
    """A process running ``script`` with ``args``, told when to go on its standard input."""
    return start_script(script, *args, stdin=subprocess.PIPE)


def _together(procs: list[subprocess.Popen[str]], wait_ready: bool) -> list[tuple[int, str, str]]:
    """Let the processes go at once; their exit codes, outputs and error outputs."""
    for p in procs:
        if wait_ready:
            assert p.stdout is not None
            line = p.stdout.readline()
            assert line == "ready\n", line + (p.stderr.read() if p.stderr else "")
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    outputs = [p.communicate(timeout=120) for p in procs]
    return [(p.returncode, out, err) for p, (out, err) in zip(procs, outputs, strict=True)]


def _setup(data_dir: Path, db_url: str) -> str | None:
    url = None if db_url.startswith("sqlite") else db_url
    opened = create(data_dir, url, SetupRequest(
        unit_type="county", unit_code="C01", unit_name="测试县纪委监委", county_code="C01",
        county_name="测试县", admin_username="admin", admin_password=PASSWORD,
    ))  # fmt: skip
    opened.db.close()
    return url


def test_two_programs_add_records_and_audit_entries_at_once(db_url: str, tmp_path: Path) -> None:
    data_dir, n = tmp_path / "data", 25
    url = _setup(data_dir, db_url)
    procs = [_start(WRITER, str(data_dir), url or "", tag, str(n), PASSWORD) for tag in ("A", "B")]
    for code, out, err in _together(procs, wait_ready=True):
        assert (code, out, err) == (0, "done\n", ""), err

    opened = login(data_dir, url, "admin", PASSWORD)
    try:
        with opened.db.session("admin") as s:
            assert s.scalar(select(func.count()).select_from(Zone)) == 2 * n
            report = audit.check(s)
            assert report.ok, report.broken
            assert report.entries >= 4 * n  # each process: n zones, n prints, its log-in
    finally:
        opened.db.close()


def test_the_same_bundle_imported_by_two_programs_at_once(tmp_path: Path) -> None:
    pair = enrolled_pair(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    exported = exchange.export_bundle(pair.unit, out)
    pair.county.db.close()
    pair.unit.db.close()
    password = tmp_path / "password.txt"
    password.write_text(PASSWORD + "\n", encoding="utf-8")
    args = ("--data-dir", str(tmp_path / "county"), "--password-file", str(password))
    procs = [_start(COMMAND, *args, "import", str(exported.path), "--json") for _ in range(2)]
    results = _together(procs, wait_ready=False)
    statuses = sorted(json.loads(out)["bundles"][0]["status"] for _, out, _ in results)
    assert statuses == ["duplicate", "imported"], results
    assert [code for code, _, _ in results] == [0, 0], results


def test_a_program_that_waited_too_long_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    password_file: Callable[[str], Path],
) -> None:  # fmt: skip
    data_dir = tmp_path / "data"
    _setup(data_dir, "sqlite://")
    holder = login(data_dir, None, "admin", PASSWORD)
    monkeypatch.setattr(db_engine, "BUSY_TIMEOUT_MS", 200)  # the command's own connections
    try:
        with holder.db.session("admin") as s:
            s.add(Zone(name="长事务", leader="赵常委"))
            s.flush()  # holds the write lock until the block ends
            code = cli.main(["--data-dir", str(data_dir), "--password-file", str(password_file(PASSWORD)),
                             "unit", "add", "--type", "township", "--code", "T09", "--name", "某镇纪委"])  # fmt: skip
    finally:
        holder.db.close()
    _out, err = capsys.readouterr()
    assert code == 1
    assert err.strip() == str(db_engine.busy_message())
