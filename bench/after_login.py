"""From 登录 to the main window's first page, as a person meets it.

The main window is shown at its log-in as ``main.py`` shows it (with the database layer loading
in the background while the password is typed: 2 s here), then the password is submitted; the
time runs from the submit to the first page shown (工作台, with its queries) and the event loop idle. Baseline in the same run:
a whole process showing a bare PySide6 window (bench/bare_window.py, as bench/startup.py uses).

    .venv/bin/python bench/after_login.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from startup import timed  # noqa: E402

CHILD = r"""
import sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from ui.application import configure, create_application
from ui.settings import open_settings
import main
app = create_application(["bench"])
data_dir = Path({data_dir!r})
settings = open_settings(data_dir)
configure(app, settings)
panel = main.open_installation(data_dir, None, None, settings)  # and the background loading
from ui.main_window import MainWindow
window = MainWindow(None, settings, sign_in=panel)
window.show()
app.processEvents()
end = time.monotonic() + 2.0  # a person typing
while time.monotonic() < end:
    app.processEvents()
    time.sleep(0.01)
panel.set_credentials("admin", {password!r})
start = time.perf_counter()
panel.submit()
while not window.is_signed_in():
    app.processEvents()
    time.sleep(0.002)
app.processEvents()
elapsed = time.perf_counter() - start
from app.security.keyslots import KeyFile
start = time.perf_counter()
KeyFile.load(data_dir).unlock("admin", {password!r})  # the password check alone, once more
print(elapsed, time.perf_counter() - start, flush=True)
window.opened.db.close()
import os
os._exit(0)  # skip Qt's teardown of live windows at interpreter exit
"""




def run(code: str) -> tuple[float, float]:
    """(submit -> main window shown, the password check alone) in seconds."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed program runs from compiled bytecode
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    window, check = out.stdout.strip().splitlines()[-1].split()
    return float(window), float(check)


def bare_process() -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return timed([sys.executable, "bench/bare_window.py"], env)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from app.demo.batch import create_demo_county

    with tempfile.TemporaryDirectory(prefix="jiwei-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        create_demo_county(data_dir, "bench-pass-2022").db.close()
        child = CHILD.format(root=str(ROOT), data_dir=str(data_dir), password="bench-pass-2022")
        ours, checks, bare = [], [], []
        run(child)  # warm-up: file cache and bytecode, for both
        bare_process()
        for _ in range(args.runs):
            window, check = run(child)
            ours.append(window)
            checks.append(check)
            bare.append(bare_process())
    o, c, b = statistics.median(ours), statistics.median(checks), statistics.median(bare)
    print(f"登录 -> the main window's first page: median {o * 1000:.0f} ms over {args.runs} runs")
    print("  (argon2id check + opening the encrypted database + building the pages)")
    print(f"  of which the password check (argon2id, 0.2-0.5 s by design): median {c * 1000:.0f} ms")
    print(f"baseline: a whole process showing a bare PySide6 window (to shown): {b * 1000:.0f} ms")
    print(f"ratio: {o / b:.2f}x; without the password check: {(o - c) / b:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
