"""The password check: opening a key slot (argon2id + AES-GCM) as log-in and unlock do it.

Target (issue 3): 0.2-0.5 s on this machine. The baseline, measured in the same run, is
argon2-cffi's default ``PasswordHasher.verify`` (RFC 9106 low-memory profile), so the ratio says
how much costlier our slot is than the library's default.

    .venv/bin/python bench/password.py [--runs 7]
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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    from argon2 import PasswordHasher

    from app.security.kdf import default_params
    from app.security.keyslots import KeyFile

    hasher = PasswordHasher()
    stored = hasher.hash("town2022pass")
    with tempfile.TemporaryDirectory() as tmp:
        kf, _keys, _recovery = KeyFile.create(Path(tmp), "admin", "town2022pass")
        ours, base = [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            kf.unlock("admin", "town2022pass")
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            hasher.verify(stored, "town2022pass")
            base.append(time.perf_counter() - start)
    o, b = statistics.median(ours), statistics.median(base)
    p = default_params()
    print(f"argon2id parameters: time_cost={p.time_cost}, memory={p.memory_kib // 1024} MiB, parallelism={p.parallelism}")
    print(f"key slot unlock (password check): median {o * 1000:.0f} ms over {args.runs} runs (target 200-500 ms)")
    print(f"baseline argon2-cffi default verify: median {b * 1000:.0f} ms")
    print(f"ratio: {o / b:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
