"""Every register added for the rest of the seed's work (issue 17) in the demo county: exported to
.xlsx and imported again where its records are owned, the import updates the rows it names and
adds none; and the demo's records of each are there, as the county's statistics count them.

Slow for a reason: it reads the session's demo county (built once for the demo tests) and copies
three of its installations, one per owner of these registers."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from apphelpers import Cli

from app.registers import REGISTERS

# Where each register's records are owned in the demo county: T01 (a township), G01 (a group),
# DEMO (the county).
BY_OWNER = {
    "T01": (
        "ledger_signoff", "ledger_talk_record", "ledger_major_matters", "ledger_law_study",
        "village_committee_members", "village_committee_records", "liaison_reports",
        "inspection_rounds", "inspection_items", "lessons", "lesson_attendance", "weekly_tests",
        "test_scores", "work_reports", "party_reports", "pledges", "warning_educations",
        "circulars", "name_clearings", "tolerances",
    ),
    "G01": ("inspection_briefings",),
    "DEMO": ("integrity_requests", "integrity_replies", "report_feedback"),
}  # fmt: skip
NEW = [name for names in BY_OWNER.values() for name in names]


def test_the_list_names_every_register_added() -> None:
    assert set(NEW) <= set(REGISTERS)


TOWNSHIPS = tuple(f"T0{n}" for n in range(1, 9))


@pytest.mark.parametrize("code", sorted(BY_OWNER))
def test_each_new_register_goes_out_to_excel_and_back(
    demo_county_cli: tuple[Path, subprocess.CompletedProcess[str], Path], tmp_path: Path, code: str
) -> None:
    """At the unit that owns them (a township's registers at the first township holding records of
    each: 澄清正名 depends on a clue concluded 了结澄清, which not every township has)."""
    out, _result, password_file = demo_county_cli
    copies: dict[str, Cli] = {}

    def installation(at: str) -> Cli:
        if at not in copies:
            shutil.copytree(out / at, tmp_path / at)
            copies[at] = Cli(tmp_path / at, None, password_file)
        return copies[at]

    for register in BY_OWNER[code]:
        for at in TOWNSHIPS if code == "T01" else (code,):
            cli = installation(at)
            listed = json.loads(cli.ok("record", "list", register, "--json").stdout)
            if listed:
                break
        assert listed, f"no {register} in the demo county"
        sheet = tmp_path / f"{register}.xlsx"
        cli.ok("export-xlsx", register, "--out", str(sheet))
        result = cli.run("import-xlsx", register, str(sheet), "--json")
        assert result.returncode == 0, f"{register}: {result.stderr}"
        report = json.loads(result.stdout)
        assert report["saved"] is True, (register, report)
        assert (report["rows"], report["created"], report["updated"]) == (len(listed), 0, len(listed)), (
            register
        )
        again = json.loads(cli.ok("record", "list", register, "--json").stdout)
        assert len(again) == len(listed), register


def test_the_county_counts_and_covers_the_new_work(
    demo_county_cli: tuple[Path, subprocess.CompletedProcess[str], Path],
) -> None:
    """Read only: the county's 各项工作 count every new register of the daily work, and each
    frequency rule's coverage names some who paid it and some who missed it this year or last."""
    out, _result, password_file = demo_county_cli
    county = Cli(out / "DEMO", None, password_file)
    work = county.json("stats", "--json")["work"]
    counted = {w["register"]: w["total"] for w in work["registers"]}
    for name in NEW:
        if REGISTERS[name].date_field and not REGISTERS[name].county_only and name in counted:
            assert counted[name] > 0, name
    assert {"lessons", "circulars", "inspection_rounds", "liaison_reports", "work_reports"} <= set(counted)
    assert {u["code"] for u in work["units"]} >= {"T01", "T08", "G01", "G10"}
    rules = county.json("duty", "list", "--json")
    assert {r["key"] for r in rules} >= {
        "monthly_lesson", "weekly_test", "half_year_report", "party_report", "circulars",
        "warning_education", "liaison_monthly", "talk_record_quarterly", "major_matters_quarterly",
    }  # fmt: skip
    for rule in rules:
        statuses = set()
        for year in (2025, 2026):
            doc = county.json("duty", "coverage", rule["key"], "--year", str(year), "--json")
            statuses |= {c["status"] for r in doc["rows"] for c in r["cells"].values()}
        # Someone paid it, and someone missed it (or, for a yearly rule, has yet to this year).
        assert "paid" in statuses and statuses & {"missed", "due"}, (rule["key"], statuses)
