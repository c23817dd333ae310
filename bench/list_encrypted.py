"""The 100,000-row list on the encrypted database against the same list unencrypted, in one run.

Target (issue 3): opening and filtering on SQLCipher at most 1.3x the plain SQLite times. Both
databases hold the same demo county and the same 100,000 staff rows.

    .venv/bin/python bench/list_encrypted.py [--rows 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from app.context import Context

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from list_100k import fill, measure
    from PySide6.QtWidgets import QApplication

    from app.db.database import Database
    from app.demo.batch import DEMO_COUNTY, add_demo_batch, create_demo_county
    from app.services.installation import SetupRequest, initialise

    qapp = QApplication(sys.argv)
    results = {}
    with tempfile.TemporaryDirectory(prefix="jiwei-bench-") as tmp:
        plain = Database.open(Path(tmp) / "plain")
        initialise(plain, SetupRequest(unit_type="county", admin_password="bench-pass-2022", **DEMO_COUNTY))
        add_demo_batch(Context.system(plain), 1)
        encrypted = create_demo_county(Path(tmp) / "encrypted", "bench-pass-2022").db
        assert encrypted.encrypted and not plain.encrypted
        for db in (plain, encrypted):
            fill(db, args.rows)
        # Alternate, so machine noise hits both alike.
        rounds = [measure(qapp, db, args.rows, args.runs) for _ in range(2) for db in (plain, encrypted)]
        results["plain"] = {k: min(r[k] for r in rounds[0::2]) for k in rounds[0]}
        results["encrypted"] = {k: min(r[k] for r in rounds[1::2]) for k in rounds[1]}
        plain.close()
        encrypted.close()
    p, e = results["plain"], results["encrypted"]
    print(f"rows: {args.rows}")
    for key, label in (("open", "open list"), ("filter", "filter by search text"), ("sort", "re-sort by name")):
        print(f"{label}: plain {p[key]:.1f} ms, encrypted {e[key]:.1f} ms, ratio {e[key] / p[key]:.2f}x (target <= 1.3x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
