"""``demo-county`` through real bundles: each unit's records were entered at the unit's own
installation and reached the county only in the unit's bundle; the county holds them exactly as the
unit does, lists one received and one sent bundle per unit, and reads what the units sealed."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from apphelpers import PASSWORD
from sqlalchemy import func, select

from app.cli import dump_records
from app.db.local import ChangeLog
from app.demo import county as demo_county
from app.demo.batch import GROUPS, TOWNSHIPS
from app.models.casework import Clue
from app.registers import get as get_register
from app.security.sensitive import PLACEHOLDERS
from app.services import login
from app.services.records import RecordService
from app.sync.state import SyncBundle, SyncConflict, SyncPeer

UNIT_CODES = [code for code, _name in (*TOWNSHIPS, *GROUPS)]
DemoCounty = tuple[Path, subprocess.CompletedProcess[str], Path]


def data(dump: list[dict[str, Any]], owner: str) -> list[dict[str, Any]]:
    return [r for r in dump if r["table"] != "audit_log" and r["owner"] == owner]


@pytest.fixture(scope="module")
def county(demo_county_cli: DemoCounty) -> Iterator[login.Context]:
    opened = login.login(demo_county_cli[0] / "DEMO", None, "admin", PASSWORD)
    yield opened
    opened.db.close()


@pytest.fixture(scope="module")
def county_dump(county: login.Context) -> list[dict[str, Any]]:
    return list(dump_records(county))


@pytest.mark.parametrize("code", UNIT_CODES)
def test_the_county_holds_each_units_rows_exactly_as_the_unit_does(
    demo_county_cli: DemoCounty, county_dump: list[dict[str, Any]], code: str
) -> None:
    unit = login.login(demo_county_cli[0] / code, None, "admin", PASSWORD)
    try:
        mine = data(list(dump_records(unit)), code)
        with unit.db.session() as s:
            entered = s.scalar(select(func.count()).select_from(ChangeLog).where(ChangeLog.origin == code))
            conflicts = s.scalar(select(func.count()).select_from(SyncConflict))
            bundles = sorted((b.direction, b.peer, b.sequence) for b in s.scalars(select(SyncBundle)))
            peer = s.get(SyncPeer, "DEMO")
            assert peer is not None
            own_changes = select(func.max(ChangeLog.seq)).where(
                ChangeLog.origin == code, ChangeLog.table_name != "audit_log"
            )
            everything_acked = peer.acked_upto >= (s.scalar(own_changes) or 0) > 0
    finally:
        unit.db.close()
    tables = {r["table"] for r in mine}
    assert {"people", "clues", "dispositions", "transitions", "visits", "ledger_entries"} <= tables
    assert mine == data(county_dump, code)
    # Made at the unit: the unit's versions and change-log entries, not the county's.
    assert {r["version"]["origin"] for r in mine} == {code}
    assert entered is not None and entered >= len(mine)
    assert bundles == [("in", "DEMO", 1), ("out", "DEMO", 1)]
    assert everything_acked and conflicts == 0  # the county confirmed holding all of it


def test_the_county_lists_one_received_and_one_sent_bundle_per_unit(
    county: login.Context, county_dump: list[dict[str, Any]]
) -> None:
    with county.db.session() as s:
        bundles = list(s.scalars(select(SyncBundle)))
        peers = {p.code: p for p in s.scalars(select(SyncPeer))}
        written_here = set(s.scalars(select(ChangeLog.row_id).where(ChangeLog.origin == "DEMO")))
    received = sorted((b.peer, b.sequence) for b in bundles if b.direction == "in")
    sent = sorted((b.peer, b.sequence) for b in bundles if b.direction == "out")
    assert received == sorted((code, 1) for code in UNIT_CODES)
    assert sent == sorted((code, 1) for code in UNIT_CODES)
    assert all(b.summary["new"] > 0 and b.summary["conflicts"] == 0 for b in bundles if b.direction == "in")
    assert sorted(peers) == sorted(UNIT_CODES) and not any(p.revoked for p in peers.values())
    # No unit's row was written at the county: it holds them only as received in the bundles.
    units_rows = {r["id"] for r in county_dump if r["owner"] in UNIT_CODES and r["table"] != "audit_log"}
    assert units_rows and not units_rows & written_here


def test_what_a_township_sealed_opens_at_the_county(county: login.Context) -> None:
    records = RecordService(county)
    with county.db.session() as s:
        ids = list(s.scalars(select(Clue.id).where(Clue.owner == "T01", Clue.summary != "").limit(5)))
    assert ids
    for rid in ids:
        summary = records.get(get_register("clues"), rid)["summary"]
        assert summary and summary not in PLACEHOLDERS


def test_progress_counts_each_step_once_through_the_phases() -> None:
    seen: list[tuple[int, int, str]] = []
    steps = demo_county._Steps(lambda done, total, phase: seen.append((done, total, phase)))
    for i in range(1, 44):  # create_demo_county's own count
        steps("generate", i, 43)
    steps("county", 1)
    for n in range(1, len(UNIT_CODES) + 1):
        steps("units", n)
    steps("import", 1)
    steps("return", 1)
    total = sum(n for _phase, n in demo_county.PHASES)
    assert [done for done, _t, _p in seen] == list(range(total + 1))
    assert {t for _d, t, _p in seen} == {total}
    assert [p for p, _n in demo_county.PHASES] == list(dict.fromkeys(p for _d, _t, p in seen))


def test_a_progress_that_raises_stops_the_build_and_leaves_no_scratch(tmp_path: Path) -> None:
    class Stop(Exception):
        pass

    def progress(done: int, total: int, phase: str) -> None:
        raise Stop

    out = tmp_path / "county"
    with pytest.raises(Stop):
        demo_county.build_demo_county(out, PASSWORD, progress=progress)
    assert list(out.iterdir()) == []


def test_the_county_has_answered_and_waiting_integrity_requests(county: login.Context) -> None:
    """Two requests of the 组织部: the older answered from what the county holds about the units'
    people (有问题 while a measure binds, 无问题 for people with nothing and those the register does
    not hold), the newer waiting with a proposal for each name."""
    from app.services import integrity_reply as ir

    records = RecordService(county)
    older, newer = sorted(ir.requests(records), key=lambda r: r.received_on)
    answered = ir.batch(records, older.id)
    assert len(answered.lines) == 8 and not answered.pending
    answers = [x.answer for x in answered.lines]
    assert "issues" in answers and "clear" in answers
    assert sum(x.person_id is None for x in answered.lines) == 2
    assert all(x.review.in_force for x in answered.lines if x.answer == "issues")
    waiting = ir.batch(records, newer.id)
    assert len(waiting.lines) == len(waiting.pending) == 5
    assert {x.review.proposal for x in waiting.lines} <= {"clear", "issues", "defer"}
