"""bench/county_scale.py still runs: a tiny county (scale 0.002), the import and statistics
figures, the size. Only that it runs and reports; its timings are never judged here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_county_scale_bench_runs_at_a_tiny_scale(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("JIWEI_")}
    out = subprocess.run(
        [sys.executable, "bench/county_scale.py", "--scale", "0.002", "--rounds", "1", "--runs", "1",
         "--only", "import,stats,size", "--cache", str(tmp_path)],
        cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr[-3000:]
    for figure in (
        "(a) import of 2026Q1 from 18 units",
        "(b) figures, year",
        "(b) figures, all years",
        "(e)",
    ):
        assert figure in out.stdout, out.stdout
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("jiwei-county-")]  # work folder removed
