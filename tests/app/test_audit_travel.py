"""A unit's audit log travels to the county: it arrives, verifies and lists there; each bundle
carries only what the county has not acknowledged; a tampered, forged or cut chain is refused at
the county (whole bundle, county unchanged, refusal in its audit log) and a cut chain is reported
at the unit by ``audit verify``. The county runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from apphelpers import PASSWORD, Cli, EnrolledPair, data_records, import_refusals
from sqlalchemy import select, text

from app.context import Context
from app.registers import get
from app.security import audit
from app.security.audit import AuditEntry
from app.security.audit_anchor import AuditHead
from app.services.records import RecordService
from app.sync import bundle as bundle_io
from app.sync import exchange


@pytest.fixture
def pair(exchange_pair: EnrolledPair) -> EnrolledPair:
    """County C01 (on SQLite and on PostgreSQL) and township T01 enrolled from its package."""
    return exchange_pair


@pytest.fixture
def county_url(pair: EnrolledPair) -> str | None:
    url = pair.county.db.url
    return None if url.startswith("sqlite") else url


@pytest.fixture
def county_cli(tmp_path: Path, county_url: str | None, password_file: Callable[[str], Path]) -> Cli:
    return Cli(tmp_path / "county", county_url, password_file(PASSWORD))


@pytest.fixture
def unit_cli(tmp_path: Path, password_file: Callable[[str], Path]) -> Cli:
    return Cli(tmp_path / "T01", None, password_file(PASSWORD))


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    path = tmp_path / "stick"
    path.mkdir()
    return path


def chain(ctx: Context, owner: str = "T01") -> list[tuple[int, str]]:
    with ctx.db.session() as s:
        rows = s.execute(
            select(AuditEntry.seq, AuditEntry.hash).where(AuditEntry.owner == owner).order_by(AuditEntry.seq)
        )
        return [(int(a), str(b)) for a, b in rows]


def raw(ctx: Context, sql: str, **params: Any) -> None:
    """Underneath the program: plain SQL, no ORM, no guard."""
    with ctx.db.engine.begin() as conn:
        conn.execute(text(sql), params)


_made = iter(range(1_000_000))


def work(ctx: Context, n: int = 3) -> None:
    for _ in range(n):
        RecordService(ctx).save(get("clues"), {"source": "petition", "received_on": date(2026, 11, 2),
                                               "subject_name": f"被反映人{next(_made)}"}, confirmed=True)  # fmt: skip


def up(pair: EnrolledPair, stick: Path) -> exchange.Imported:
    out = exchange.export_bundle(pair.unit, stick)
    [result] = exchange.import_bundles(pair.county, [out.path])
    return result


def down(pair: EnrolledPair, stick: Path) -> None:
    out = exchange.export_bundle(pair.county, stick, to="T01")
    [result] = exchange.import_bundles(pair.unit, [out.path])
    assert result.status == "imported", result.message


def acked(ctx: Context) -> tuple[int, str]:
    with ctx.db.session() as s:
        head = s.get(AuditHead, "T01")
        return (head.acked_seq, head.acked_hash) if head is not None else (0, "")


# ---- arrives, verifies, lists ------------------------------------------------------------------------
def test_a_units_audit_log_arrives_verifies_and_lists(
    pair: EnrolledPair, stick: Path, county_cli: Cli
) -> None:
    work(pair.unit)
    sent = chain(pair.unit)  # the export's own entry follows the bundle
    assert up(pair, stick).status == "imported"
    assert chain(pair.county) == sent

    listed = county_cli.json("audit", "list", "--unit", "T01", "--json")
    assert [(e["unit"], e["seq"]) for e in listed] == [("T01", seq) for seq, _ in sent]
    assert [e["action"] for e in listed].count("create") >= 3
    text_lines = county_cli.ok("audit", "list", "--unit", "T01").stdout.splitlines()
    assert len(text_lines) == len(sent) and text_lines[0].startswith("T01#1 ")
    result = county_cli.ok("audit", "verify", "--unit", "T01")
    assert result.stderr.strip() == f"审计日志完整（{len(sent)} 条）"
    county_cli.ok("audit", "verify")  # every chain: the county's own and T01's
    refused = county_cli.run("audit", "list", "--unit", "T09")
    assert refused.returncode == 1 and refused.stderr.strip() == "本机没有单位 T09 的审计日志。"


def test_each_bundle_carries_only_what_the_county_has_not_acknowledged(
    pair: EnrolledPair, stick: Path
) -> None:
    work(pair.unit)
    assert up(pair, stick).status == "imported"
    down(pair, stick)
    held = chain(pair.county)
    assert acked(pair.unit) == held[-1]  # the county's acknowledgement anchors the unit's chain

    work(pair.unit, 2)
    lost = exchange.export_bundle(pair.unit, stick)
    after_ack = [e for e in chain(pair.unit) if e[0] > held[-1][0]]
    assert lost.counts["audit_log"] == len(after_ack) - 1  # all but the export's own entry
    lost.path.unlink()  # the stick is lost: nothing is marked as sent

    assert up(pair, stick).status == "imported"
    unit_chain = chain(pair.unit)
    assert chain(pair.county) == unit_chain[:-1]  # every entry but the last export's
    down(pair, stick)
    assert acked(pair.unit) == unit_chain[-2]


# ---- refused at the county ---------------------------------------------------------------------------
def test_an_entry_edited_before_export_is_refused_at_the_county(
    pair: EnrolledPair, stick: Path, county_cli: Cli
) -> None:
    work(pair.unit)
    seq = chain(pair.unit)[2][0]
    raw(pair.unit, "UPDATE audit_log SET detail = 'nothing happened' WHERE seq = :s", s=seq)
    out = exchange.export_bundle(pair.unit, stick)
    before, county_chain = data_records(pair.county), chain(pair.county)

    result = county_cli.run("import", str(out.path))

    assert result.returncode == 1
    assert f"单位 T01 的审计日志在第 {seq} 条处接不上：内容被改动" in result.stderr
    assert data_records(pair.county) == before and chain(pair.county) == county_chain == []
    assert any(out.path.name in d for d in import_refusals(pair.county))


def _drop_middle(recs: list[dict[str, Any]]) -> int:
    audit_recs = [r for r in recs if r["table"] == "audit_log"]
    recs.remove(audit_recs[2])
    return int(audit_recs[2]["fields"]["seq"]) + 1


def _edit_actor(recs: list[dict[str, Any]]) -> int:
    rec = [r for r in recs if r["table"] == "audit_log"][3]
    rec["fields"]["actor"] = "someone else"
    return int(rec["fields"]["seq"])


def _another_owner(recs: list[dict[str, Any]]) -> int:
    rec = [r for r in recs if r["table"] == "audit_log"][0]
    rec["owner"] = "T02"
    return int(rec["fields"]["seq"])


def _cut_end(recs: list[dict[str, Any]]) -> int:
    last = [r for r in recs if r["table"] == "audit_log"][-1]
    recs.remove(last)
    return int(last["fields"]["seq"])


FORGERIES = {
    "an entry left out": (_drop_middle, "序号缺失"),
    "an entry edited": (_edit_actor, "内容被改动"),
    "another unit's entry": (_another_owner, "不是该单位自己的条目"),
    "the last entry left out": (_cut_end, "与数据包声明的链头"),
}


@pytest.mark.parametrize("how", FORGERIES)
def test_a_forged_audit_chain_signed_by_the_unit_is_refused(
    pair: EnrolledPair, stick: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """Written through the program's own export and signing path, with the township's keys."""
    forge, reason = FORGERIES[how]
    work(pair.unit)
    real_write = bundle_io.write_bundle
    where: list[int] = []

    def forged(out_dir: Path, *, records: Iterator[dict[str, Any]], **kwargs: Any) -> Any:
        recs = list(records)
        where.append(forge(recs))
        return real_write(out_dir, records=iter(recs), **kwargs)

    monkeypatch.setattr(bundle_io, "write_bundle", forged)
    out = exchange.export_bundle(pair.unit, stick)
    monkeypatch.undo()
    before = data_records(pair.county)

    [result] = exchange.import_bundles(pair.county, [out.path])

    assert result.status == "refused"
    assert f"单位 T01 的审计日志在第 {where[0]} 条处接不上：{reason}" in str(result.message)
    assert data_records(pair.county) == before and chain(pair.county) == []
    assert any(out.path.name in d for d in import_refusals(pair.county))


# ---- a cut chain ---------------------------------------------------------------------------------------
def test_deleting_the_last_entries_is_reported_by_audit_verify(pair: EnrolledPair, unit_cli: Cli) -> None:
    work(pair.unit, 25)
    last = chain(pair.unit)[-1][0]
    unit_cli.ok("audit", "verify")
    raw(pair.unit, "DELETE FROM audit_log WHERE owner = 'T01' AND seq > :s", s=last - 20)

    result = unit_cli.run("audit", "verify")

    assert result.returncode == 1
    # each run of the command line logs in: the log-in entry reused a number of the cut
    assert result.stderr.strip().endswith(f"末尾的条目缺失（本机曾记到第 {last + 1} 条）。") or (
        "已不是本机当初写下的那一条" in result.stderr
    ), result.stderr


def test_a_chain_cut_after_the_county_acknowledged_is_reported_at_the_unit_and_the_county(
    pair: EnrolledPair, stick: Path, unit_cli: Cli
) -> None:
    work(pair.unit)
    assert up(pair, stick).status == "imported"
    down(pair, stick)
    held_seq = chain(pair.county)[-1][0]
    raw(pair.unit, "DELETE FROM audit_log WHERE owner = 'T01' AND seq > :s", s=held_seq - 5)
    with pair.unit.db.session() as s:  # the unit's recorded head is cut away too: the county's stays
        s.execute(text("DELETE FROM audit_heads"))
        s.execute(text("INSERT INTO audit_heads VALUES ('T01', 0, '', :a, :h, CURRENT_TIMESTAMP)"),
                  {"a": held_seq, "h": chain(pair.county)[-1][1]})  # fmt: skip

    result = unit_cli.run("audit", "verify")
    assert result.returncode == 1
    assert f"县纪委监委已确认收到第 {held_seq} 条" in result.stderr or (
        f"第 {held_seq} 条与县纪委监委已确认收到的不同" in result.stderr
    ), result.stderr

    # The county sees it on the unit's next bundle, shorter or not linking to what it holds.
    before, county_chain = data_records(pair.county), chain(pair.county)
    out = exchange.export_bundle(pair.unit, stick)
    [result_in] = exchange.import_bundles(pair.county, [out.path])
    assert result_in.status == "refused"
    message = str(result_in.message)
    assert "单位 T01 的审计日志在第" in message
    assert f"已收到第 {held_seq} 条" in message or "前一条被删除或移动" in message, message
    assert data_records(pair.county) == before and chain(pair.county) == county_chain
    assert any(out.path.name in d for d in import_refusals(pair.county))


def test_a_chain_cut_and_grown_again_breaks_continuity_at_the_county(pair: EnrolledPair, stick: Path) -> None:
    work(pair.unit)
    assert up(pair, stick).status == "imported"
    down(pair, stick)
    held_seq = chain(pair.county)[-1][0]
    raw(pair.unit, "DELETE FROM audit_log WHERE owner = 'T01' AND seq > :s", s=held_seq - 3)
    work(pair.unit, 10)  # new entries under the numbers of the cut ones, and beyond
    assert chain(pair.unit)[-1][0] > held_seq

    [result] = exchange.import_bundles(pair.county, [exchange.export_bundle(pair.unit, stick).path])

    assert result.status == "refused"
    assert f"单位 T01 的审计日志在第 {held_seq + 1} 条处接不上：前一条被删除或移动" in str(result.message)
    with pair.unit.db.session() as s:
        report = audit.check(s, "T01")
    assert report.broken is not None and report.broken.reason in ("replaced", "replaced_acked")


def test_entries_sent_again_before_the_acknowledgement_are_taken_once(
    pair: EnrolledPair, stick: Path
) -> None:
    work(pair.unit)
    assert up(pair, stick).status == "imported"
    held = chain(pair.county)
    work(pair.unit, 2)  # no bundle came back: the next one carries every entry again
    again = exchange.export_bundle(pair.unit, stick)
    assert again.counts["audit_log"] > len(held)
    [result] = exchange.import_bundles(pair.county, [again.path])
    assert result.status == "imported", result.message
    assert chain(pair.county) == chain(pair.unit)[:-1]
    with pair.county.db.session() as s:
        assert audit.check(s, "T01").ok


def test_an_entry_the_county_holds_rewritten_and_sent_again_is_refused(
    pair: EnrolledPair, stick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work(pair.unit)
    assert up(pair, stick).status == "imported"
    real_write = bundle_io.write_bundle

    def rewritten(out_dir: Path, *, records: Iterator[dict[str, Any]], **kwargs: Any) -> Any:
        recs = [r for r in records if r["table"] != "audit_log" or r["fields"]["seq"] >= 2]
        first = next(r for r in recs if r["table"] == "audit_log")
        fields = first["fields"]
        fields["actor"] = "someone else"
        entry = type("E", (), {"owner": first["owner"], **fields})()
        entry.at = datetime.fromisoformat(fields["at"])
        fields["hash"] = audit.compute_hash(entry)  # right in itself: only the county's copy tells
        return real_write(out_dir, records=iter(recs), **kwargs)

    monkeypatch.setattr(bundle_io, "write_bundle", rewritten)
    out = exchange.export_bundle(pair.unit, stick)
    monkeypatch.undo()
    county_chain = chain(pair.county)

    [result] = exchange.import_bundles(pair.county, [out.path])

    assert result.status == "refused"
    assert "单位 T01 的审计日志在第 2 条处接不上：与县纪委监委已收到的同一条不同" in str(result.message)
    assert chain(pair.county) == county_chain
