"""What a bundle may carry (docs/bundle-format.md): a unit's own records only, revocations from
the county only, rows the county holds as another's, the county's bundles carrying only what is addressed to the
unit, ownership transfers, times from the future, unknown tables and counts, files that are not
regular files. Forgeries are written through the program's own export and signing path, with the
sender's own keys, as an insider could.
"""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from apphelpers import (
    PASSWORD,
    Cli,
    EnrolledPair,
    data_records,
    enrol_in_memory,
    import_on_cli,
    import_refusals,
    send,
)
from sqlalchemy import select, update

from app.context import Context
from app.db.base import utcnow
from app.models.casework import Clue
from app.models.org import Staff, Unit
from app.models.transfer import OwnershipTransfer
from app.registers import get
from app.security.roles import CountyOnly, NotOwner
from app.services import users
from app.services.records import RecordService
from app.sync import addressing, exchange, transfers
from app.sync import bundle as bundle_io
from app.sync.conflicts import settle
from app.sync.state import SyncConflict, SyncPeer

CLUES = get("clues")


def _stick(root: Path) -> Path:
    stick = root / "stick"
    stick.mkdir(exist_ok=True)
    return stick


def _add_unit(pair: EnrolledPair, root: Path, code: str) -> tuple[Context, str]:
    """A second township of the pair's county, enrolled through a package (handed over in memory)."""
    uid = RecordService(pair.county).save(
        get("units"), {"code": code, "name": f"{code}镇纪委", "unit_type": "township"}
    )
    return enrol_in_memory(pair.county, code, root / code), uid


def _clue(ctx: Context) -> str:
    return RecordService(ctx).save(CLUES, {"source": "petition", "received_on": date(2026, 11, 2),
                                           "subject_name": "张三"}, confirmed=True)  # fmt: skip


def _refused_on_cli(receiver: Context, path: Path, text: str) -> None:
    """The receiver's command line refuses the bundle: exit 1, the reason on stderr, no traceback."""
    result = import_on_cli(receiver, path)
    assert result.returncode == 1, result.stderr
    assert text in result.stderr and "Traceback" not in result.stderr, result.stderr


@pytest.fixture
def pair(exchange_pair: EnrolledPair) -> EnrolledPair:
    """The county on SQLite and on PostgreSQL."""
    return exchange_pair


def test_a_record_the_county_holds_as_its_own_is_refused_even_with_owner_forged(
    pair: EnrolledPair, tmp_path: Path
) -> None:
    county, town = pair.county, pair.unit
    staff = RecordService(county).save(
        get("staff"), {"name": "县纪委干部", "unit_id": pair.unit_id, "post": "member"}
    )
    assert send(county, town, tmp_path, "T01").status == "imported"
    # The insider rewrites the county's staff row at the township and claims it as the township's.
    with town.db.session("admin") as s:
        row = s.get(Staff, staff)
        assert row is not None
        row.name, row.owner = "被改名的干部", "T01"
    before = data_records(county)
    _refused_on_cli(
        county, exchange.export_bundle(town, _stick(tmp_path)).path, f"staff/{staff} 在本机属于 C01"
    )
    assert data_records(county) == before and import_refusals(county)


def test_a_record_from_the_future_is_refused(pair: EnrolledPair, tmp_path: Path) -> None:
    county, town = pair.county, pair.unit
    clue = _clue(town)
    with town.db.session("admin") as s:  # the insider's clock, or a forged time
        s.execute(update(Clue).where(Clue.id == clue).values(updated_at=utcnow() + timedelta(days=30)))
    before = data_records(county)
    _refused_on_cli(county, exchange.export_bundle(town, _stick(tmp_path)).path, "晚于数据包的生成时间")
    assert data_records(county) == before and import_refusals(county)


def test_a_bundle_made_in_the_future_is_refused(
    pair: EnrolledPair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    county, town = pair.county, pair.unit
    _clue(town)
    monkeypatch.setattr(bundle_io, "_utc_now", lambda: "2099-01-01T00:00:00Z")
    path = exchange.export_bundle(town, _stick(tmp_path)).path
    monkeypatch.undo()
    _refused_on_cli(county, path, "数据包的生成时间 2099-01-01")
    assert import_refusals(county)


def test_a_future_dated_version_does_not_win_a_conflict(pair: EnrolledPair, tmp_path: Path) -> None:
    county, town = pair.county, pair.unit
    # The township's copy of the county's unit row, edited there and dated 2099: the county's own
    # later edit still wins, because the county owns the row.
    with town.db.session("admin") as s:
        row = s.get(Unit, pair.unit_id)
        assert row is not None
        row.name = "乡镇改的名字"
    with town.db.session("admin") as s:
        s.execute(update(Unit).where(Unit.id == pair.unit_id).values(updated_at=utcnow().replace(year=2099)))
    RecordService(county).save(get("units"), {"name": "县里改的名字"}, pair.unit_id)
    result = send(county, town, tmp_path, "T01")
    assert result.status == "imported" and result.summary is not None and result.summary.conflicts == 1
    assert RecordService(town).get(get("units"), pair.unit_id)["name"] == "县里改的名字"
    with town.db.session("admin") as s:
        [conflict] = s.scalars(select(SyncConflict)).all()
        assert conflict.winner == "remote" and conflict.local["fields"]["name"] == "乡镇改的名字"


def test_a_bundle_of_an_unknown_table_or_beyond_its_counts_is_refused(
    pair: EnrolledPair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    county, town = pair.county, pair.unit
    _clue(town)
    empty = {"table": "no_such_table", "id": "x", "owner": "T01", "version": {"origin": "T01", "counter": 1}}
    real = exchange._rows_of_unit
    monkeypatch.setattr(exchange, "_rows_of_unit", lambda *a: [*real(*a), *([empty] * 5)])
    unknown = exchange.export_bundle(town, _stick(tmp_path)).path
    monkeypatch.undo()
    real_write = bundle_io.write_bundle

    def undercounted(out_dir: Path, *, header: dict[str, Any], records: Any, **kwargs: Any) -> Any:
        def recs() -> Any:
            yield from records
            header["payload"]["counts"]["clues"] -= 1  # signed after the records were written

        return real_write(out_dir, header=header, records=recs(), **kwargs)

    monkeypatch.setattr(bundle_io, "write_bundle", undercounted)
    over = exchange.export_bundle(town, _stick(tmp_path)).path
    monkeypatch.undo()
    before = data_records(county)
    _refused_on_cli(county, unknown, "no_such_table")
    _refused_on_cli(county, over, "多于数据包声明的 0 条")
    assert data_records(county) == before


@pytest.mark.parametrize("kind", ["device", "fifo"])
def test_only_a_regular_file_is_read(pair: EnrolledPair, tmp_path: Path, kind: str) -> None:
    path = tmp_path / "T01-00001-20261205.jwb"
    if kind == "device":
        path.symlink_to("/dev/zero")
    else:
        os.mkfifo(path)
    _refused_on_cli(pair.county, path, "不是普通文件")  # returns: neither is read for ever


def test_a_unit_refuses_what_the_county_did_not_address_to_it(
    pair: EnrolledPair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    county, town = pair.county, pair.unit
    other, _ = _add_unit(pair, tmp_path, "T02")
    assert send(other, county, tmp_path).status == "imported"
    clue = _clue(other)
    assert send(other, county, tmp_path).status == "imported"
    # The county's export goes wrong and sends T02's clue to T01 as well.
    monkeypatch.setattr(exchange, "relevant", lambda *a: True)
    result = send(county, town, tmp_path, "T01")
    assert result.status == "refused"
    assert f"clues/{clue} 属于 T02，与本单位无关" in str(result.message)
    monkeypatch.undo()
    assert send(county, town, tmp_path, "T01").status == "imported"
    with town.db.session("admin") as s:
        assert s.get(Clue, clue) is None


def test_a_transfer_moves_a_record_and_its_former_owner_may_no_longer_change_it(
    pair: EnrolledPair, tmp_path: Path
) -> None:
    county, town = pair.county, pair.unit
    other, _ = _add_unit(pair, tmp_path, "T02")
    assert send(county, town, tmp_path, "T01").status == "imported"  # T01 learns of T02
    clue = _clue(town)
    request = transfers.request_transfer(town, "clues", clue, "T02", "被反映人调任 T02 所在乡镇")
    assert send(town, county, tmp_path).status == "imported"
    with pytest.raises(transfers.TransferError, match="只有县纪委监委"):
        transfers.transfer(town, "clues", clue, "T02", "自行变更")
    transfers.transfer(county, "", "", "", "同意移交", request_id=request)
    with pytest.raises(transfers.TransferError, match="已经处理过"):
        transfers.refuse_request(county, request, "不同意")

    assert send(county, other, tmp_path, "T02").status == "imported"
    RecordService(other).save(CLUES, {"subject_name": "张三（调任）"}, clue, confirmed=True)
    assert send(other, county, tmp_path).status == "imported"
    assert RecordService(county).get(CLUES, clue)["subject_name"] == "张三（调任）"

    assert send(county, town, tmp_path, "T01").status == "imported"
    with pytest.raises(NotOwner):
        RecordService(town).save(CLUES, {"subject_name": "改回"}, clue, confirmed=True)
    kinds = {(r.kind, r.answer) for r in transfers.transfer_rows(town)}
    assert kinds == {("request", "transfer"), ("transfer", "")}
    # The former owner's edit, written as the program would: refused at the county.
    with town.db.session("admin") as s:
        row = s.get(Clue, clue)
        assert row is not None
        row.subject_name = "伪造"
    before = data_records(county)
    _refused_on_cli(county, exchange.export_bundle(town, _stick(tmp_path)).path, f"clues/{clue} 属于 T02")
    assert data_records(county) == before


def test_an_edit_made_while_the_transfer_was_on_its_way_is_kept_in_a_conflict(
    pair: EnrolledPair, tmp_path: Path
) -> None:
    county, town = pair.county, pair.unit
    _add_unit(pair, tmp_path, "T02")
    clue = _clue(town)
    assert send(town, county, tmp_path).status == "imported"
    transfers.transfer(county, "clues", clue, "T02", "提级后指定 T02 办理")
    RecordService(town).save(CLUES, {"subject_name": "在途修改"}, clue, confirmed=True)  # not yet told
    result = send(town, county, tmp_path)
    assert result.status == "imported" and result.summary is not None and result.summary.conflicts == 1
    row = RecordService(county).get(CLUES, clue)
    assert row["subject_name"] == "张三"
    with county.db.session("admin") as s:
        [conflict] = s.scalars(select(SyncConflict)).all()
        assert conflict.winner == "local" and conflict.remote["fields"]["subject_name"] == "在途修改"
        cid = conflict.id
    with pytest.raises(NotOwner):  # the county may not put the former owner's version on T02's row
        settle(county, cid, {"subject_name": "remote"})
    settle(county, cid, {"subject_name": "local"})  # closing it, keeping T02's row, is allowed
    # The township learns of the transfer; its edit yields there too, kept in a conflict.
    assert send(county, town, tmp_path, "T01").status == "imported"
    assert RecordService(town).get(CLUES, clue)["subject_name"] == "张三"
    with town.db.session("admin") as s:
        assert s.get(Clue, clue).owner == "T02"  # type: ignore[union-attr]
    # and its next bundle no longer carries the row.
    assert send(town, county, tmp_path).status == "imported"


def test_requests_are_checked(pair: EnrolledPair, tmp_path: Path) -> None:
    town = pair.unit
    clue = _clue(town)
    with pytest.raises(transfers.TransferError, match="没有代码为 T09"):
        transfers.request_transfer(town, "clues", clue, "T09", "理由")
    with pytest.raises(transfers.TransferError, match="请填写"):
        transfers.request_transfer(town, "clues", clue, "C01", "  ")
    with pytest.raises(transfers.TransferError, match="不能变更归属"):
        transfers.request_transfer(town, "units", pair.unit_id, "C01", "理由")
    with pytest.raises(transfers.TransferError, match="控制字符"):
        transfers.request_transfer(town, "clues", clue, "C01", "理由\x1b[31m")
    transfers.request_transfer(town, "clues", clue, "C01", "提级办理")
    with pytest.raises(transfers.TransferError, match="已有同样的申请"):
        transfers.request_transfer(town, "clues", clue, "C01", "再报一次")
    assert addressing.SHARED_TABLES  # the shared tables are what a transfer never moves


def test_transfers_on_the_command_line(pair: EnrolledPair, tmp_path: Path) -> None:
    county, town = pair.county, pair.unit
    clue = _clue(town)
    users.create_user(county, "reader", "只读甲", "readonly", PASSWORD)
    password = tmp_path / "pw.txt"
    password.write_text(PASSWORD + "\n", encoding="utf-8")
    url = None if county.db.url.startswith("sqlite") else county.db.url
    at_county = Cli(county.data_dir, url, password)
    at_town = Cli(town.data_dir, None, password)

    asked = at_town.run("transfer", "request", "clues", clue, "--to", "C01", "--reason", "提级办理")
    assert asked.returncode == 0 and "已提出归属变更申请" in asked.stderr
    [request] = at_town.json("transfer", "list", "--json")
    assert request["kind"] == "request" and request["answer"] == "pending" and request["record"]
    own = at_town.run("transfer", "make", "clues", clue, "--to", "C01", "--reason", "自己改")
    assert own.returncode == 1 and "只有县纪委监委" in own.stderr and "Traceback" not in own.stderr
    assert send(town, county, tmp_path).status == "imported"
    denied = at_county.run("--user", "reader", "transfer", "approve", request["id"], "--reason", "同意")
    assert denied.returncode == 1 and "没有「" in denied.stderr
    assert at_county.run("transfer", "approve", request["id"], "--reason", "同意").returncode == 0
    assert RecordService(county).get(CLUES, clue)["subject_name"] == "张三"
    with county.db.session() as s:
        assert s.get(Clue, clue).owner == "C01"  # type: ignore[union-attr]


def test_only_the_county_keeps_its_units_and_zones(pair: EnrolledPair, tmp_path: Path) -> None:
    county, town = pair.county, pair.unit
    records = RecordService(town)
    assert not records.may_edit(get("zones")) and not records.may_edit(get("units"))
    with pytest.raises(CountyOnly):
        records.save(get("zones"), {"name": "自封的片区"})
    # Written as the program would, the township's bundle carries a zone of its own: refused.
    RecordService(Context.system(town.db, "admin")).save(get("zones"), {"name": "自封的片区"})
    before = data_records(county)
    _refused_on_cli(county, exchange.export_bundle(town, _stick(tmp_path)).path, "只由县纪委监委维护")
    assert data_records(county) == before
    assert RecordService(county).may_edit(get("zones"))


def test_a_unit_may_send_requests_but_no_transfer_of_its_own(pair: EnrolledPair, tmp_path: Path) -> None:
    county, town = pair.county, pair.unit
    clue = _clue(town)
    with town.db.session("admin") as s:  # a "transfer" the township wrote itself
        s.add(OwnershipTransfer(kind="transfer", table_name="clues", row_id=clue, from_unit="C01",
                                to_unit="T01", reason="自己批准自己"))  # fmt: skip
    before = data_records(county)
    _refused_on_cli(county, exchange.export_bundle(town, _stick(tmp_path)).path, "单位只能提出归属变更申请")
    assert data_records(county) == before


# ---- a unit's own records only; only the county revokes -------------------------------------------
def test_a_township_bundle_that_changes_a_county_record_is_refused_whole(
    pair: EnrolledPair, tmp_path: Path
) -> None:
    county, town = pair.county, pair.unit
    stick = tmp_path / "stick"
    stick.mkdir()
    # Its own record (fine on its own) and, in the same bundle, the county's unit row renamed: the
    # program refuses that edit to a person, so the insider writes it as the program itself.
    RecordService(town).save(get("villages"), {"name": "东风村", "township_id": pair.unit_id})
    RecordService(Context.system(town.db, "admin")).save(
        get("units"), {"name": "被改名的镇纪委"}, pair.unit_id
    )
    forged = exchange.export_bundle(town, stick)
    before = data_records(county)

    result = import_on_cli(county, forged.path)

    assert result.returncode == 1 and "Traceback" not in result.stderr
    text = result.stderr
    assert (
        f"units/{pair.unit_id}" in text
        and "属于 C01" in text
        and "T01 的数据包只能带本单位自己的记录" in text
    )
    assert data_records(county) == before  # the village did not arrive either: all or nothing
    assert any(forged.path.name in d for d in import_refusals(county))


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
    assert import_refusals(county)


def test_a_township_bundle_of_its_own_records_still_imports(pair: EnrolledPair, tmp_path: Path) -> None:
    county, town = pair.county, pair.unit
    stick = tmp_path / "stick"
    stick.mkdir()
    village = RecordService(town).save(get("villages"), {"name": "东风村", "township_id": pair.unit_id})
    [result] = exchange.import_bundles(county, [exchange.export_bundle(town, stick).path])
    assert result.status == "imported", result.message
    assert RecordService(county).get(get("villages"), village)["name"] == "东风村"
    assert not import_refusals(county)
