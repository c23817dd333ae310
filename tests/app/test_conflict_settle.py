"""Settling a conflict: the chosen value of each field is written as a new local version, the
conflict is closed and audited, and a settled conflict cannot be settled again."""

from __future__ import annotations

import pytest
from apphelpers import init_installation

from app.context import Context
from app.db.database import Database
from app.registers import get
from app.security.audit import AuditEntry
from app.security.roles import Actor, PermissionDenied
from app.services.records import RecordService
from app.sync.conflicts import conflict_fields, conflict_rows, settle
from app.sync.exchange import SyncError
from app.sync.merge import merge_records, record_of, synced_models
from app.sync.state import SyncConflict

STAFF = get("staff")


def staff_record(db: Database, sid: str) -> dict:  # type: ignore[type-arg]
    with db.session() as s:
        return record_of(s.get(synced_models()["staff"], sid))


@pytest.fixture
def conflicted(open_db, tmp_path) -> tuple[Database, str, int]:  # type: ignore[no-untyped-def]
    county = init_installation(open_db(f"sqlite:///{tmp_path}/c.db", tmp_path / "c"))
    town = init_installation(
        open_db(f"sqlite:///{tmp_path}/t.db", tmp_path / "t"),
        unit_type="township",
        code="T01",
        name="城关镇纪委",
    )
    with county.session() as s:
        units = [record_of(o) for o in s.query(synced_models()["units"]).all()]
    with town.session() as s:
        units += [record_of(o) for o in s.query(synced_models()["units"]).all()]
    with county.session() as s:
        merge_records(s, [u for u in units if u["owner"] == "T01"], peer="T01", bundle_id="u", adopt=True)
    r = RecordService(Context.system(town, "admin"))
    sid = r.save(STAFF, {"name": "王芳", "unit_id": r.ids(get("units"))[0], "post": "secretary"})
    with county.session() as s:
        merge_records(s, [staff_record(town, sid)], peer="T01", bundle_id="t1")
    RecordService(Context.system(town, "admin")).save(STAFF, {"phone": "111111", "note": "镇里写的"}, sid)
    RecordService(Context.system(county, "admin")).save(STAFF, {"phone": "222222", "note": "县里写的"}, sid)
    # The county's version meets the owner's at the owner (as after a county-side edit of a row
    # it does not own, which only an older release made): the owner settles it.
    with town.session() as s:
        assert merge_records(s, [staff_record(county, sid)], peer="C01", bundle_id="c2").conflicts == 1
        [c] = s.query(SyncConflict).all()
        cid = c.id
    return town, sid, cid


def test_settle_takes_one_field_from_each_side(conflicted: tuple[Database, str, int]) -> None:
    county, sid, cid = conflicted
    with county.session() as s:
        conflict = s.get(SyncConflict, cid)
        fields = {name: (lv, rv) for name, lv, rv in conflict_fields(conflict)}
    assert fields == {"phone": ("111111", "222222"), "note": ("镇里写的", "县里写的")}
    [row] = conflict_rows(Context.system(county))
    assert row.id == cid and row.table == "staff" and row.record == "王芳" and row.peer == "C01"
    before = staff_record(county, sid)

    settle(Context(county, Actor("admin", "admin")), cid, {"phone": "remote", "note": "local"})

    after = staff_record(county, sid)
    assert after["fields"]["phone"] == "222222" and after["fields"]["note"] == "镇里写的"
    assert after["version"]["origin"] == "T01"
    assert after["version"] != before["version"] and after["version"]["counter"] > 0
    assert after["updated_by"] == "admin"
    with county.session() as s:
        c = s.get(SyncConflict, cid)
        assert c.state == "settled" and c.settled_by == "admin" and c.settled_at is not None
        details = [e.detail for e in s.query(AuditEntry).filter(AuditEntry.target_id == sid)]
        assert "conflict settled" in details
    assert conflict_rows(Context.system(county)) == []

    with pytest.raises(SyncError) as err:  # settling again is refused, in Chinese
        settle(Context.system(county, "admin"), cid, {"phone": "local"})
    assert "已由 admin 处理过" in str(err.value.message)
    assert staff_record(county, sid)["fields"]["phone"] == "222222"


def test_settle_refuses_unknown_fields_and_roles_without_exchange(
    conflicted: tuple[Database, str, int],
) -> None:
    county, sid, cid = conflicted
    with pytest.raises(SyncError):
        settle(
            Context.system(county, "admin"), cid, {"name": "local"}
        )  # the same on both sides: not in the conflict
    with pytest.raises(PermissionDenied):
        settle(Context(county, Actor("clerk", "staff")), cid, {"phone": "local"})
    with county.session() as s:
        assert s.get(SyncConflict, cid).state == "open"
