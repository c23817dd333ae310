"""Growing delay after failed log-ins, and the failures waiting to enter the audit log.

A wrong password cannot be written into the encrypted database (it does not open), so each
failure is noted in ``login-state.json`` beside it and moved into the audit log by the next
successful log-in. The file holds user names and times, nothing else.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app import leftovers

STATE_FILE = "login-state.json"
FREE_ATTEMPTS = 5
MAX_DELAY_SECONDS = 300


def delay_after(failures: int) -> int:
    """Seconds to wait after ``failures`` consecutive failures: none for the first five, then
    1, 2, 4, … up to five minutes."""
    if failures < FREE_ATTEMPTS:
        return 0
    return int(min(2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_SECONDS))


class LoginThrottle:
    def __init__(self, data_dir: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(data_dir) / STATE_FILE
        self.clock = clock

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return {"users": {}, "pending": []}
        data.setdefault("users", {})
        data.setdefault("pending", [])
        return data

    def _write(self, data: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = leftovers.make_temp_file(self.path.parent, ".login-")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)

    def wait_seconds(self, username: str) -> int:
        """How long ``username`` must still wait before the next attempt (0: may try now)."""
        entry = self._read()["users"].get(username)
        if not entry:
            return 0
        remaining = entry["last"] + delay_after(int(entry["failures"])) - self.clock()
        return max(0, int(remaining + 0.999))

    def failed(self, username: str, reason: str = "wrong_password") -> None:
        data = self._read()
        now = self.clock()
        entry = data["users"].setdefault(username, {"failures": 0, "last": now})
        entry["failures"] = int(entry["failures"]) + 1
        entry["last"] = now
        data["pending"].append({"username": username, "at": now, "reason": reason})
        self._write(data)

    def pending(self) -> list[dict[str, Any]]:
        """Failures not yet written into the audit log, oldest first."""
        return list(self._read()["pending"])

    def succeeded(self, username: str, audited: int) -> None:
        """Forget ``username``'s failures and the first ``audited`` pending ones (now in the log)."""
        data = self._read()
        if username in data["users"] or audited:
            data["users"].pop(username, None)
            data["pending"] = data["pending"][audited:]
            self._write(data)
