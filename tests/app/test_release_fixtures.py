"""The installations made by earlier releases (``tests/fixtures/<version>/``) still open.

Each folder is copied first: logging in writes the audit log and migrates the database in place.
The counts are the ones the fixture's README.md gives.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app import cli
from app.db import migrate
from app.services import login

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PASSWORD_0_1_0 = "Fixture-2024a"

BOTH = {"units": 26, "zones": 3, "liaisons": 21, "staff": 102, "villages": 167, "supervised_units": 41,
        "township_stats": 16, "deadline_rules": 4, "visits": 0, "ledger_signoff": 0,
        "ledger_talk_record": 1, "ledger_major_matters": 0, "ledger_law_study": 0,
        "checklist_items": 11}  # fmt: skip
COUNTS_0_1_0 = {
    "county": {**BOTH, "reports": 16, "clues": 30, "inquiries": 4, "verifications": 16, "cases": 9,
               "co_reviews": 1, "dispositions": 22, "staff_ties": 3},
    "township": {**BOTH, "reports": 1, "clues": 1, "inquiries": 0, "verifications": 0, "cases": 0,
                 "co_reviews": 0, "dispositions": 0, "staff_ties": 0},
}  # fmt: skip
UNITS_0_1_0 = {"county": ("C01", "county"), "township": ("T01", "township")}


@pytest.mark.parametrize("folder", sorted(COUNTS_0_1_0))
def test_release_0_1_0_opens_migrated_with_its_records(
    folder: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / folder
    shutil.copytree(FIXTURES / "0.1.0" / folder, data_dir)

    opened = login.login(data_dir, None, "admin", PASSWORD_0_1_0)
    try:
        info = opened.db.installation()
        assert info is not None
        assert (info.unit_code, info.unit_type, info.county_code) == (*UNITS_0_1_0[folder], "C01")
        assert migrate.current_revision(opened.db.engine) == migrate.head_revision()
    finally:
        opened.db.close()

    password_file = tmp_path / "password.txt"
    password_file.write_text(PASSWORD_0_1_0 + "\n", encoding="utf-8")
    capsys.readouterr()
    code = cli.main(["--data-dir", str(data_dir), "--password-file", str(password_file), "info", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    shown = json.loads(out)
    assert shown["schema_version"] == shown["schema_head"]
    # Registers added after 0.1.0 may appear too; the 0.1.0 ones keep their rows.
    assert {k: v for k, v in shown["records"].items() if k in COUNTS_0_1_0[folder]} == COUNTS_0_1_0[folder]
