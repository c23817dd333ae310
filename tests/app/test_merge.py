"""The merge rules on their own (records passed by hand, no files): new rows, edits on top of the
other side's version, stale versions, tombstones, conflicts on both sides with the same winner."""

from __future__ import annotations

from typing import Any

import pytest
from apphelpers import init_installation

from app.context import Context
from app.db.database import Database
from app.registers import get
from app.services.records import RecordService
from app.sync.merge import merge_records, record_of, synced_models
from app.sync.state import SyncConflict

STAFF = get("staff")


@pytest.fixture
def pair(open_db, tmp_path) -> tuple[Database, Database]:  # type: ignore[no-untyped-def]
    county = init_installation(open_db(f"sqlite:///{tmp_path}/c.db", tmp_path / "c"))
    town = init_installation(
        open_db(f"sqlite:///{tmp_path}/t.db", tmp_path / "t"),
        unit_type="township",
        code="T01",
        name="城关镇纪委",
    )
    return county, town


def rows(db: Database, table: str, ids: list[str] | None = None) -> list[dict[str, Any]]:
    model = synced_models()[table]
    with db.session() as s:
        objs = s.query(model).all()
        return [record_of(o) for o in objs if ids is None or o.id in ids]


def send(src: Database, dst: Database, ids: list[str], peer: str, bundle: str = "b") -> Any:
    recs = rows(src, "staff", ids)
    with dst.session() as s:
        return merge_records(s, recs, peer=peer, bundle_id=bundle)


def staff(db: Database) -> str:
    r = RecordService(Context.system(db, "admin"))
    unit = r.ids(get("units"))[0]
    return r.save(STAFF, {"name": "王芳", "unit_id": unit, "post": "secretary"})


def test_new_then_edit_on_top_then_stale(pair: tuple[Database, Database]) -> None:
    county, town = pair
    unit = rows(town, "units")
    with county.session() as s:
        merge_records(s, unit, peer="T01", bundle_id="u", adopt=True)
    sid = staff(town)
    assert send(town, county, [sid], "T01").new == 1
    old = rows(town, "staff", [sid])
    RecordService(Context.system(town, "admin")).save(STAFF, {"phone": "13800000000"}, sid)
    assert send(town, county, [sid], "T01").updated == 1
    assert rows(county, "staff", [sid])[0]["fields"]["phone"] == "13800000000"
    with county.session() as s:  # an older version of the same origin arrives late
        assert merge_records(s, old, peer="T01", bundle_id="old").skipped == 1
    assert send(town, county, [sid], "T01").unchanged == 1  # the same again
    # The county edits the township's row; the township's next edit of its own copy conflicts.
    RecordService(Context.system(county, "admin")).save(STAFF, {"note": "县里补充"}, sid)
    mine = rows(county, "staff", [sid])
    assert mine[0]["base"] == {
        "origin": "T01",
        "counter": rows(town, "staff", [sid])[0]["version"]["counter"],
    }
    # The county's edit arrives at the township, which has not changed it since: taken.
    with town.session() as s:
        assert merge_records(s, mine, peer="C01", bundle_id="c1").updated == 1
    # Tombstones travel.
    RecordService(Context.system(town, "admin")).delete(STAFF, sid)
    assert send(town, county, [sid], "T01").deleted == 1
    assert rows(county, "staff", [sid])[0]["deleted"] is True


def test_both_sides_edit_one_row_a_conflict_on_both_with_the_same_winner(
    pair: tuple[Database, Database],
) -> None:
    county, town = pair
    with county.session() as s:
        merge_records(s, rows(town, "units"), peer="T01", bundle_id="u", adopt=True)
    sid = staff(town)
    send(town, county, [sid], "T01")
    RecordService(Context.system(town, "admin")).save(STAFF, {"phone": "111111"}, sid)
    RecordService(Context.system(county, "admin")).save(STAFF, {"phone": "222222"}, sid)
    at_town, at_county = rows(town, "staff", [sid]), rows(county, "staff", [sid])
    with county.session() as s:
        assert merge_records(s, at_town, peer="T01", bundle_id="t2").conflicts == 1
    with town.session() as s:
        assert merge_records(s, at_county, peer="C01", bundle_id="c2").conflicts == 1
    final_c, final_t = rows(county, "staff", [sid])[0], rows(town, "staff", [sid])[0]
    assert final_c["fields"] == final_t["fields"] and final_c["version"] == final_t["version"]
    for db in (county, town):
        with db.session() as s:
            [c] = s.query(SyncConflict).all()
            assert {c.local["fields"]["phone"], c.remote["fields"]["phone"]} == {"111111", "222222"}
            assert c.state == "open"
