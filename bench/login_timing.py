"""Log-in timing by account: does the time of a refusal tell which names exist?

On an encrypted installation with the real key-derivation cost: a real user with the right
password, the same user with a wrong one, an unknown name and a deactivated account (its key
slot removed), interleaved, several runs each. The baseline, measured in the same run, is the real
user with a wrong password; every case is printed as its median and the ratio to that baseline.
Target: the three refusals at 1.00x (within noise); the right password a little more (it opens
the database and writes the audit entry).

The second installation's slots were made under the previous default parameters (96 MiB x 3
passes, before the 128 MiB x 4 tuning): a name without a slot must cost what those slots cost, not
what today's default would.

    .venv/bin/python bench/login_timing.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSWORD = "town2022pass"
CLERK_PASSWORD = "ledger-2022-pass"
OLDER = {"time_cost": 3, "memory_kib": 98_304, "parallelism": 2}  # the defaults before 701e11b


def installation(folder: Path) -> None:
    """A township whose administrator is ``admin``; ``clerk`` was made, then deactivated."""
    from app.services import login, users
    from app.services.installation import SetupRequest

    req = SetupRequest("township", "T01", "城关镇纪委", "X01", "示范县", "admin", PASSWORD)
    opened = login.create(folder, None, req)
    try:
        users.create_user(opened, "clerk", "钱文书", "staff", CLERK_PASSWORD)
        users.deactivate(opened, "clerk")
    finally:
        opened.db.close()


CASES = (
    ("real user, wrong password (baseline)", "admin", "not-it-2022"),
    ("real user, right password", "admin", PASSWORD),
    ("unknown user", "nobody", PASSWORD),
    ("deactivated user", "clerk", CLERK_PASSWORD),
)


def measure(folder: Path, runs: int) -> dict[str, list[float]]:
    from app.security.throttle import STATE_FILE
    from app.services import login

    times: dict[str, list[float]] = {label: [] for label, _u, _p in CASES}
    for _ in range(runs):
        for label, username, password in CASES:
            (folder / STATE_FILE).unlink(missing_ok=True)  # no growing delay between the runs
            start = time.perf_counter()
            try:
                login.login(folder, None, username, password).db.close()
            except login.LoginError as exc:
                assert str(exc.message) == "用户名或密码不正确。", exc.message
            times[label].append(time.perf_counter() - start)
    return times


def report(title: str, times: dict[str, list[float]]) -> None:
    medians = {label: statistics.median(t) for label, t in times.items()}
    base = medians[CASES[0][0]]
    print(title)
    for label, m in medians.items():
        print(f"  {label}: median {m * 1000:.0f} ms, ratio {m / base:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7, help="rounds of the four cases, interleaved")
    args = parser.parse_args()
    from app.security import kdf
    from app.security.keyslots import KeyFile

    with tempfile.TemporaryDirectory(prefix="jiwei-bench-") as tmp:
        current, older = Path(tmp) / "current", Path(tmp) / "older"
        installation(current)
        kdf.set_default_params(kdf.KdfParams.from_json(OLDER))
        try:
            installation(older)
        finally:
            kdf.set_default_params(None)
        for folder in (current, older):
            p = KeyFile.load(folder).slot_params()
            print(
                f"{folder.name}: slots argon2id time_cost={p.time_cost}, memory={p.memory_kib // 1024} MiB, "
                f"parallelism={p.parallelism}; new slots default {kdf.default_params()}"
            )
        measure(current, 1)  # warm-up
        results = {folder.name: measure(folder, args.runs) for folder in (current, older)}
    print(f"{args.runs} interleaved runs per case (target: refusals at 1.00x)")
    report("installation with today's slot parameters", results["current"])
    report("installation whose slots predate today's defaults", results["older"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
