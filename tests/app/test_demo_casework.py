"""Casework demo data: every casework register filled with valid records, later seeds edit and
tombstone, a seed applied twice changes nothing; the demo county reproduces the seed report's
section 二 (2021) in the county ``demo-county`` merged from the units' bundles, and every unit's
folder works."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from apphelpers import PASSWORD, Cli
from sqlalchemy import func, select, text

from app.context import Context
from app.demo.batch import add_demo_batch
from app.models.casework import Transition
from app.registers import get as get_register
from app.services import login
from app.services.deadlines import due_items
from app.services.installation import SetupRequest
from app.services.records import RecordService

CASEWORK = (
    "reports",
    "clues",
    "inquiries",
    "verifications",
    "cases",
    "co_reviews",
    "dispositions",
    "staff_ties",
    "deadline_rules",
)
UNITS = {
    "county": ("C01", "测试县纪委监委"),
    "township": ("T05", "河口镇纪委"),
    "group": ("G03", "派驻第三纪检监察组"),
}


def _open(tmp_path: Path, unit_type: str) -> login.Context:
    code, name = UNITS[unit_type]
    folder = tmp_path / unit_type
    return login.create(
        folder,
        f"sqlite:///{folder / 'jiwei.db'}",
        SetupRequest(unit_type, code, name, "C01", "测试县", "admin", PASSWORD),
    )


@pytest.fixture(params=list(UNITS))
def installation(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[login.Context]:
    opened = _open(tmp_path, request.param)
    yield opened
    opened.db.close()


def _live_ids(records: RecordService, register: str) -> list[str]:
    return records.ids(get_register(register))


def _owner(opened: login.Context, register: str, rid: str) -> str:
    with opened.db.session() as s:
        return str(s.get(get_register(register).model, rid).owner)  # type: ignore[union-attr]


def _count(opened: login.Context, sql: str, **params: Any) -> int:
    with opened.db.session() as s:
        return int(s.execute(text(sql), params).scalar_one())


def test_demo_batches_fill_every_casework_register_with_valid_records(installation: login.Context) -> None:
    db, actor = installation.db, installation.actor
    counts = add_demo_batch(Context(db, actor), 1)
    assert counts
    records = RecordService(Context(db, actor))
    # Saved again unchanged, by the system (a county's demo rows belong to its units): every
    # stored row passes its register's rules.
    resave = RecordService(Context.system(db, actor.username, sensitive_key=actor.sensitive_key))
    for name in CASEWORK:
        ids = _live_ids(records, name)
        assert ids, name
        reg = get_register(name)
        for rid in ids:
            resave.save(reg, {}, rid)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Transition)) > 0
    # Named reports carry their reporter (sealed); anonymous ones none.
    report_rows = [records.get(get_register("reports"), rid) for rid in _live_ids(records, "reports")]
    assert any(r["named"] and r["reporter"] for r in report_rows)
    assert any(not r["named"] and not r["reporter"] for r in report_rows)
    assert all(r["reporter"] for r in report_rows if r["named"])
    # Every disposal and the lifecycle's ends are there; deadlines fall due and are overdue.
    with db.session() as s:
        disposals = set(s.scalars(text("SELECT DISTINCT disposal FROM clues WHERE disposal != ''")))
        states = set(s.scalars(text("SELECT DISTINCT state FROM clues")))
    assert disposals == {"talk", "verify", "hold", "close"}
    assert {"registered", "proposed", "finished"} <= states
    due = due_items(records)
    assert any(d.overdue for d in due) and any(0 <= d.days_left <= 7 for d in due)
    if db.installation().unit_type == "group":  # type: ignore[union-attr]
        assert _count(installation, "SELECT count(*) FROM clues WHERE source = 'inspection'") == 2


def test_later_seeds_edit_and_tombstone_and_a_seed_twice_changes_nothing(tmp_path: Path) -> None:
    opened = _open(tmp_path, "township")
    db = opened.db
    try:
        add_demo_batch(Context(db, opened.actor), 1)
        counts = add_demo_batch(Context(db, opened.actor), 2)
        assert counts["clues.added"] >= 1 and counts["clues.edited"] >= 1
        assert counts["reports.deleted"] == 1 and counts["staff_ties.deleted"] == 1
        assert counts.get("dispositions.added", 0) == 0 and counts.get("co_reviews.added", 0) == 0
        before = _count(opened, "SELECT count(*) FROM change_log")
        assert add_demo_batch(Context(db, opened.actor), 2) == {}
        assert add_demo_batch(Context(db, opened.actor), 1) != {}  # seed 1 is now a later batch
        assert add_demo_batch(Context(db, opened.actor), 1) == {}
        assert _count(opened, "SELECT count(*) FROM change_log") > before
        records = RecordService(Context(db, opened.actor))
        for name in CASEWORK:
            for rid in _live_ids(records, name):
                records.save(get_register(name), {}, rid)
    finally:
        db.close()


# ---- the demo county (built once for the run: ``demo_county_cli`` in conftest) ----------------------
def test_demo_county_prints_one_working_folder_per_unit(
    demo_county_cli: tuple[Path, subprocess.CompletedProcess[str], Path],
) -> None:
    out, result, password_file = demo_county_cli
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    assert [len(parts) for parts in lines] == [3] * 19
    types = [t for _code, t, _path in lines]
    assert types.count("county") == 1 and types.count("township") == 8 and types.count("group") == 10
    assert {Path(p).parent for _c, _t, p in lines} == {out}
    for code, unit_type, path in lines:
        info = Cli(Path(path), None, password_file).ok("--data-dir", path, "info", "--json")
        assert code in info.stdout and unit_type in info.stdout
    again = Cli(out, None, password_file).run("demo-county", "--out", str(out))
    assert again.returncode == 1 and "不是空的" in again.stderr


def test_demo_county_reproduces_the_seed_report_for_2021(
    demo_county_cli: tuple[Path, subprocess.CompletedProcess[str], Path],
) -> None:
    out, _result, _pw = demo_county_cli
    opened = login.login(out / "DEMO", None, "admin", PASSWORD)
    try:
        in_2021 = "decided_on BETWEEN '2021-01-01' AND '2021-12-31'"
        first = f"SELECT count(*) FROM dispositions d WHERE d.deleted = 0 AND d.form = '1' AND {in_2021}"
        total = _count(opened, first)
        assert total == _count(opened, "SELECT count(*) FROM dispositions WHERE deleted = 0 AND form = '1'")
        by_townships = _count(
            opened,
            first.replace("dispositions d", "dispositions d JOIN units u ON u.id = d.handling_unit_id")
            + " AND u.unit_type = 'township'",
        )
        guided = _count(
            opened,
            first.replace("dispositions d", "dispositions d JOIN units u ON u.id = d.handling_unit_id")
            + " AND u.unit_type = 'township' AND d.guided = 1 AND d.guided_by_id IS NOT NULL",
        )
        assert (total, by_townships, guided) == (617, 324, 324)
        assert round(by_townships / total, 4) == 0.5251
        townships = _count(
            opened,
            "SELECT count(DISTINCT d.handling_unit_id) FROM dispositions d JOIN units u "
            "ON u.id = d.handling_unit_id WHERE u.unit_type = 'township' AND d.form = '1'",
        )
        assert townships == 8
        inspection = (
            "FROM clues c JOIN units u ON u.id = c.handling_unit_id WHERE c.deleted = 0 "
            "AND c.source = 'inspection' AND c.received_on BETWEEN '2021-01-01' AND '2021-12-31' "
            "AND u.unit_type = 'group'"
        )
        assert _count(opened, f"SELECT count(*) {inspection}") == 37
        assert _count(opened, "SELECT count(*) FROM clues WHERE source = 'inspection'") == 37
        verified = _count(
            opened,
            f"SELECT count(*) {inspection} AND EXISTS (SELECT 1 FROM verifications v WHERE v.clue_id = c.id "
            "AND v.deleted = 0 AND v.outcome = 'first_form' AND v.owner = u.code)",
        )
        one_measure = _count(
            opened,
            f"SELECT count(*) {inspection} AND (SELECT count(*) FROM dispositions d WHERE d.clue_id = c.id "
            "AND d.deleted = 0 AND d.form = '1' AND d.handling_unit_id = c.handling_unit_id) = 1",
        )
        assert (verified, one_measure) == (37, 37)
        co_reviews = (
            "SELECT count(*) FROM co_reviews r JOIN cases k ON k.id = r.case_id JOIN units u "
            "ON u.id = k.handling_unit_id WHERE r.deleted = 0 AND u.unit_type IN ('township', 'group')"
        )
        assert _count(opened, co_reviews) == 48
        assert _count(opened, co_reviews + " AND r.requested_on BETWEEN '2021-01-01' AND '2021-12-31'") == 48
        assert _count(opened, "SELECT count(*) FROM co_reviews") == 48
        group_cases = "SELECT count(*) FROM cases WHERE deleted = 0 AND group_id IS NOT NULL"
        assert _count(opened, group_cases + " AND filed_on BETWEEN '2021-01-01' AND '2021-12-31'") == 42
        assert _count(opened, group_cases) == 42
        forms = {
            f: _count(opened, "SELECT count(*) FROM dispositions WHERE form = :f", f=f)
            for f in ("2", "3", "4")
        }
        assert forms["2"] > 0 and forms["3"] > 0 and forms["4"] > 0
        owners = _count(opened, "SELECT count(DISTINCT owner) FROM clues")
        assert owners == 19  # the county's offices plus every township and group
        assert any(d.overdue for d in due_items(RecordService(opened)))
    finally:
        opened.db.close()
    township = login.login(out / "T01", None, "admin", PASSWORD)
    try:
        assert _count(township, "SELECT count(*) FROM clues WHERE owner != 'T01'") == 0
        assert _count(township, "SELECT count(*) FROM dispositions WHERE guided = 1") > 0
        records = RecordService(township)
        for name in CASEWORK:
            ids = _live_ids(records, name)
            assert ids or name == "staff_ties", name
            for rid in ids:  # its own rows (the county's deadline rules are the county's)
                if records.owns(_owner(township, name, rid)):
                    records.save(get_register(name), {}, rid)
    finally:
        township.db.close()


def test_stats_on_the_demo_county_give_the_seed_figures(
    demo_county_cli: tuple[Path, subprocess.CompletedProcess[str], Path],
) -> None:
    out, _result, password_file = demo_county_cli
    cli = Cli(out / "DEMO", None, password_file)
    for args in (("--year", "2021"), ()):
        figures = cli.json("stats", *args, "--json")
        got = (
            figures["first_form_total"],
            figures["first_form_by_township_commissions"],
            figures["first_form_township_share"],
            figures["co_reviews"],
            figures["inspection_clues_transferred"],
            figures["inspection_clues"]["first_form_measures"],
            figures["cases_with_group_participation"],
        )
        assert got == (617, 324, 0.5251, 48, 37, 37, 42), args
