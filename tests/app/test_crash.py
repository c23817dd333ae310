"""A process killed in the middle of writing leaves a database that opens, passes
``PRAGMA integrity_check`` and holds every record whose save had returned."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from apphelpers import start_script
from sqlalchemy import text

from app.context import Context
from app.registers import get
from app.security import audit
from app.services.installation import SetupRequest
from app.services.login import create, login
from app.services.records import RecordService

PASSWORD = "seed-2022-report"

# Saves zones through RecordService as fast as it can; prints each id once its save returned
# (committed). Each zone carries a long note so that pages split and the WAL grows.
WRITER = """
import sys
from app.registers import get
from app.services.login import login
from app.services.records import RecordService

opened = login(sys.argv[1], None, "admin", sys.argv[2])
records = RecordService(opened)
zones = get("zones")
i = 0
while True:
    i += 1
    row_id = records.save(zones, {"name": f"{sys.argv[3]}-{i}", "leader": "赵常委", "note": "记录" * 400})
    if i % 7 == 0:
        records.save(zones, {"name": f"{sys.argv[3]}-{i}", "leader": "钱常委", "note": "修改" * 300}, row_id)
    print(row_id, flush=True)
"""


def _writer(data_dir: Path, tag: str) -> subprocess.Popen[str]:
    return start_script(WRITER, str(data_dir), PASSWORD, tag)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
@pytest.mark.parametrize("commits_before_kill", [1, 25, 60])
def test_sigkill_in_the_middle_of_writes_loses_nothing_committed(
    tmp_path: Path, commits_before_kill: int
) -> None:
    data_dir = tmp_path / "data"
    create(
        data_dir, None, SetupRequest("county", "C01", "测试县纪委监委", "C01", "测试县", "admin", PASSWORD)
    ).db.close()

    committed: list[str] = []
    for round_no in range(2):  # killed twice: the second writer starts on a database killed once
        proc = _writer(data_dir, f"片区{round_no}")
        assert proc.stdout is not None
        try:
            deadline = time.monotonic() + 120
            got = 0
            while got < commits_before_kill:
                line = proc.stdout.readline()
                if not line:
                    pytest.fail(
                        f"writer ended early: {proc.wait()} {proc.stderr.read() if proc.stderr else ''}"
                    )
                committed.append(line.strip())
                got += 1
                assert time.monotonic() < deadline
            time.sleep(0.01 * round_no)  # land somewhere else in the next write
            os.kill(proc.pid, signal.SIGKILL)
            rest, _err = proc.communicate(timeout=60)
            committed.extend(line.strip() for line in rest.splitlines() if line.strip())
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        assert proc.returncode == -signal.SIGKILL

    assert (data_dir / "jiwei.db-wal").exists()  # left by the killed writer: opening recovers from it
    opened = login(data_dir, None, "admin", PASSWORD)
    try:
        with opened.db.session("admin") as s:
            assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            assert audit.verify(s) is None
        ids = set(RecordService(Context.system(opened.db, "admin")).ids(get("zones")))
        missing = [i for i in committed if i not in ids]
        assert not missing, f"{len(missing)} committed records lost"
        assert len(committed) >= 2 * commits_before_kill
    finally:
        opened.db.close()
