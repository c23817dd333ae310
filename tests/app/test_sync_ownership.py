"""A unit's bundle carries only the unit's own records, and only the county revokes.

The forgeries are made as an insider holding a township's password could make them: through the
program's own export and signing path, with the township's keys. Each is refused whole at the
county (exit-1 material: status "refused" and a message naming the record and the rule), the
county's records stay as they were, and the attempt is in the county's audit log.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from apphelpers import EnrolledPair, import_on_cli
from sqlalchemy import select

from app.cli import dump_records
from app.context import Context
from app.registers import get
from app.security import audit
from app.services.records import RecordService
from app.sync import bundle as bundle_io
from app.sync import exchange
from app.sync.state import SyncPeer


def _data(ctx: Context) -> list[dict[str, Any]]:
    return [r for r in dump_records(ctx) if r["table"] != "audit_log"]


def _refusals(ctx: Context) -> list[str]:
    with ctx.db.session() as s:
        entries = s.scalars(select(audit.AuditEntry).where(audit.AuditEntry.action == audit.IMPORT_REFUSED))
        return [e.detail for e in entries]


@pytest.fixture
def pair(exchange_pair: EnrolledPair) -> EnrolledPair:
    """The county on SQLite and on PostgreSQL."""
    return exchange_pair


def test_a_township_bundle_that_changes_a_county_record_is_refused_whole(
    pair: EnrolledPair, tmp_path: Path
) -> None:
    county, town = pair.county, pair.unit
    stick = tmp_path / "stick"
    stick.mkdir()
    # Its own record (fine on its own) and, in the same bundle, the county's unit row renamed: the
    # program refuses that edit to a person, so the insider writes it as the program itself.
    RecordService(town).save(get("villages"), {"name": "东风村", "township_id": pair.unit_id})
    RecordService(Context.system(town.db, "admin")).save(get("units"), {"name": "被改名的镇纪委"}, pair.unit_id)
    forged = exchange.export_bundle(town, stick)
    before = _data(county)

    result = import_on_cli(county, forged.path)

    assert result.returncode == 1 and "Traceback" not in result.stderr
    text = result.stderr
    assert f"units/{pair.unit_id}" in text and "属于 C01" in text and "T01 的数据包只能带本单位自己的记录" in text
    assert _data(county) == before  # the village did not arrive either: all or nothing
    assert any(forged.path.name in d for d in _refusals(county))


def test_a_revocation_from_a_township_is_refused(
    pair: EnrolledPair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    county, town = pair.county, pair.unit
    stick = tmp_path / "stick"
    stick.mkdir()
    real_write = bundle_io.write_bundle

    def with_revocation(out_dir: Path, *, header: dict[str, Any], **kwargs: Any) -> Any:
        header["payload"]["revoked"] = ["G01"]  # signed with the township's own key
        return real_write(out_dir, header=header, **kwargs)

    monkeypatch.setattr(bundle_io, "write_bundle", with_revocation)
    forged = exchange.export_bundle(town, stick)
    monkeypatch.undo()

    result = import_on_cli(county, forged.path)

    assert result.returncode == 1 and "只有县纪委监委的数据包可以吊销" in result.stderr
    with county.db.session() as s:
        assert s.get(SyncPeer, "G01") is None or not s.get(SyncPeer, "G01").revoked  # type: ignore[union-attr]
    assert _refusals(county)


def test_a_township_bundle_of_its_own_records_still_imports(pair: EnrolledPair, tmp_path: Path) -> None:
    county, town = pair.county, pair.unit
    stick = tmp_path / "stick"
    stick.mkdir()
    village = RecordService(town).save(get("villages"), {"name": "东风村", "township_id": pair.unit_id})
    [result] = exchange.import_bundles(county, [exchange.export_bundle(town, stick).path])
    assert result.status == "imported", result.message
    assert RecordService(county).get(get("villages"), village)["name"] == "东风村"
    assert not _refusals(county)
