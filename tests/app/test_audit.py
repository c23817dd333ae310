"""The audit log: one entry per change (names, never content), the hash chain and what breaks it,
the guard that keeps entries unchanged, exports and log-ins on record, the viewer's service and
``python -m app audit verify``."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from apphelpers import PASSWORD, ROOT, Cli
from sqlalchemy import delete, func, select, text, update

from app.cli import dump_records
from app.config import DB_FILE_NAME
from app.context import Context
from app.db.database import Database
from app.db.local import ChangeLog
from app.models.org import Zone
from app.registers import get
from app.security import audit
from app.security.audit import AuditEntry, AuditLogImmutable
from app.security.roles import Actor, PermissionDenied
from app.services import login
from app.services.audit_log import AuditLogService, AuditQuery, describe, local_day_range
from app.services.installation import SetupRequest
from app.services.records import RecordService
from app.services.spreadsheet import ExportCancelled, export_register
from app.services.staffing import staffing_summary
from app.services.staffing_export import export_staffing

CHANGE_ACTIONS = {"create", "update", "delete", "restore"}
ZONES = get("zones")
UNITS = get("units")
STAFF = get("staff")
ADMIN = Actor("admin", "admin")
SETUP = SetupRequest("county", "C01", "测试县纪委监委", "C01", "测试县", "admin", PASSWORD)


# ---- helpers -----------------------------------------------------------------------------------
def entries(db: Database, **where: Any) -> list[AuditEntry]:
    """Entries in chain order (optionally ``action=…``, ``target_id=…``)."""
    stmt = select(AuditEntry).order_by(AuditEntry.owner, AuditEntry.seq)
    for name, value in where.items():
        stmt = stmt.where(getattr(AuditEntry, name) == value)
    with db.session() as s:
        return list(s.scalars(stmt))


def entry_json(db: Database) -> str:
    """Every audit entry as ``dump`` writes it (one JSON text)."""
    return "\n".join(
        json.dumps(r, ensure_ascii=False)
        for r in dump_records(Context.system(db))
        if r["table"] == "audit_log"
    )


def check(db: Database) -> audit.Report:
    with db.session() as s:
        return audit.check(s)


def raw(db: Database, sql: str, **params: Any) -> None:
    """Write underneath the program: plain SQL on the engine, no ORM, no guard."""
    with db.engine.begin() as conn:
        conn.execute(text(sql), params)


def seq_of(db: Database, action: str, n: int = 0) -> int:
    return entries(db, action=action)[n].seq


@pytest.fixture
def records(county_db: Database) -> RecordService:
    return RecordService(Context.system(county_db, "admin"))


@pytest.fixture
def busy_db(county_db: Database, records: RecordService) -> Database:
    """A county with a dozen changes of every kind."""
    zone = records.save(ZONES, {"name": "东片区", "leader": "赵常委"})
    for i in range(1, 6):
        unit = records.save(
            UNITS,
            {
                "code": f"T0{i}",
                "name": f"第{i}镇纪委",
                "unit_type": "township",
                "authorised_posts": 5,
                "zone_id": zone,
            },
        )
        records.save(UNITS, {"authorised_posts": 4}, unit)
    records.delete(ZONES, records.save(ZONES, {"name": "西片区"}))
    return county_db


# ---- every change, names only ------------------------------------------------------------------
def test_each_change_of_a_register_row_writes_one_entry_naming_fields_not_content(
    county_db: Database, records: RecordService
) -> None:
    before = len(entries(county_db))
    secret_name, secret_leader, secret_note = "暗号片区甲", "保密常委乙", "备注内容丙丁"
    zone = records.save(ZONES, {"name": secret_name, "leader": secret_leader})
    created = entries(county_db, target_id=zone)
    assert [(e.action, e.target_table, e.actor) for e in created] == [("create", "zones", "admin")]
    assert {"name", "leader"} <= set(created[0].fields)

    records.save(ZONES, {"note": secret_note, "leader": "另一位常委"}, zone)
    records.delete(ZONES, zone)
    records.restore(ZONES, zone)
    logged = entries(county_db, target_id=zone)
    assert [e.action for e in logged] == ["create", "update", "delete", "restore"]
    assert logged[1].fields == ["leader", "note"]  # the fields that changed, sorted
    assert logged[2].fields == logged[3].fields == []  # the tombstone flag is the action itself
    assert len(entries(county_db)) == before + 4  # one entry per change, nothing else

    dumped = entry_json(county_db)
    assert zone in dumped and '"leader"' in dumped
    for value in (secret_name, secret_leader, secret_note, "另一位常委"):
        assert value not in dumped
    with county_db.engine.connect() as conn:  # nor in any column the dump might leave out
        for row in conn.execute(text("SELECT * FROM audit_log")):
            assert not any(v in str(tuple(row)) for v in (secret_name, secret_leader, secret_note))


def test_a_refused_save_writes_no_entry(county_db: Database, records: RecordService) -> None:
    before = len(entries(county_db))
    with pytest.raises(Exception):  # noqa: B017 (the register's ValidationError)
        records.save(UNITS, {"code": "bad code", "name": "", "unit_type": "township"})
    assert len(entries(county_db)) == before


def test_the_chain_holds_after_many_changes(county_db: Database) -> None:
    from app.demo.batch import add_demo_batch

    add_demo_batch(Context.system(county_db, "admin"), 1)
    add_demo_batch(Context.system(county_db, "clerk"), 2)
    busy_db = county_db
    report = check(busy_db)
    assert report.ok and report.broken is None
    with busy_db.session() as s:
        total = s.scalar(select(func.count()).select_from(AuditEntry))
    assert report.entries == total > 300
    # Every change of a register row in the change log has its audit entry, and no other.
    with busy_db.session() as s:
        changes = s.execute(
            select(ChangeLog.table_name, ChangeLog.row_id).where(ChangeLog.table_name != "audit_log")
        ).all()
    changed = [(e.target_table, e.target_id) for e in entries(busy_db) if e.action in CHANGE_ACTIONS]
    assert sorted(changed) == sorted((t, r) for t, r in changes)
    chains: dict[str, list[int]] = {}  # one chain per unit (the demo enters a township's case too)
    for e in entries(busy_db):
        chains.setdefault(e.owner, []).append(e.seq)
    assert "C01" in chains
    for seqs in chains.values():
        assert sorted(seqs) == list(range(1, len(seqs) + 1))
    assert {e.alg for e in entries(busy_db)} == {"sha256"}  # the algorithm is named in each entry


# ---- what verify finds -------------------------------------------------------------------------
def _edit_detail(db: Database) -> int:
    seq = seq_of(db, "update", 2)
    raw(db, "UPDATE audit_log SET detail = 'nothing happened' WHERE seq = :s", s=seq)
    return seq


def _edit_actor(db: Database) -> int:
    seq = seq_of(db, "delete")
    raw(db, "UPDATE audit_log SET actor = 'someone else' WHERE seq = :s", s=seq)
    return seq


def _edit_fields(db: Database) -> int:
    seq = seq_of(db, "update")
    raw(db, "UPDATE audit_log SET fields = '[]' WHERE seq = :s", s=seq)
    return seq


def _edit_and_rehash(db: Database) -> int:
    """An editor who recomputes the edited entry's own hash breaks the next entry's link."""
    seq = seq_of(db, "create", 3)
    with db.session() as s:
        e = s.scalars(select(AuditEntry).where(AuditEntry.seq == seq)).one()
        s.expunge(e)
    e.actor = "someone else"
    raw(
        db,
        "UPDATE audit_log SET actor = :a, hash = :h WHERE seq = :s",
        a=e.actor,
        h=audit.compute_hash(e),
        s=seq,
    )
    return seq + 1


def _delete_middle(db: Database) -> int:
    seq = seq_of(db, "create", 2)
    raw(db, "DELETE FROM audit_log WHERE seq = :s", s=seq)
    return seq + 1


def _delete_first(db: Database) -> int:
    raw(db, "DELETE FROM audit_log WHERE seq = 1")
    return 2


def _swap(db: Database) -> int:
    a = seq_of(db, "create", 4)
    raw(db, "UPDATE audit_log SET seq = -1 WHERE seq = :a", a=a)
    raw(db, "UPDATE audit_log SET seq = :a WHERE seq = :b", a=a, b=a + 1)
    raw(db, "UPDATE audit_log SET seq = :b WHERE seq = -1", b=a + 1)
    return a


def _renumber(db: Database) -> int:
    """Deleting an entry and closing the gap by renumbering the rest still breaks the link."""
    seq = seq_of(db, "create", 2)
    raw(db, "DELETE FROM audit_log WHERE seq = :s", s=seq)
    last = max(e.seq for e in entries(db))
    for n in range(seq + 1, last + 1):
        raw(db, "UPDATE audit_log SET seq = :m WHERE seq = :n", m=n - 1, n=n)
    return seq


def _tombstone(db: Database) -> int:
    seq = seq_of(db, "update", 1)
    raw(db, "UPDATE audit_log SET deleted = :t WHERE seq = :s", t=True, s=seq)
    return seq


TAMPERING = {
    "edited detail": (_edit_detail, {"hash"}),
    "edited actor": (_edit_actor, {"hash"}),
    "edited fields": (_edit_fields, {"hash"}),
    "edited and re-hashed": (_edit_and_rehash, {"link"}),
    "deleted middle entry": (_delete_middle, {"gap"}),
    "deleted first entry": (_delete_first, {"gap"}),
    "two entries swapped": (_swap, {"link", "hash"}),
    "deleted and renumbered": (_renumber, {"link", "hash"}),
    "marked deleted": (_tombstone, {"deleted"}),
}


@pytest.mark.parametrize("how", list(TAMPERING))
def test_verify_finds_the_first_broken_entry(busy_db: Database, how: str) -> None:
    assert check(busy_db).ok
    tamper, reasons = TAMPERING[how]
    where = tamper(busy_db)
    report = check(busy_db)
    assert report.broken is not None, how
    assert (report.broken.owner, report.broken.seq) == ("C01", where)
    assert report.broken.reason in reasons
    with busy_db.session() as s:
        assert audit.verify(s) == report.broken
        assert s.get(AuditEntry, report.broken.entry_id).seq == where  # type: ignore[union-attr]
    label = report.broken.reason_label
    assert label == audit.REASON_LABELS[report.broken.reason]
    assert label in {"内容被改动", "前一条被删除或移动", "序号缺失", "被标记删除"}


def test_each_unit_has_its_own_chain(busy_db: Database) -> None:
    # Entries of another unit (as the county holds them after an exchange) chain on their own.
    with busy_db.session("clerk", unit="T09") as s:
        for _ in range(4):
            audit.record(s, audit.LOGIN)
    with busy_db.session() as s:
        assert audit.check(s).ok
        assert audit.check(s, owner="T09").entries == 4
    assert [e.seq for e in entries(busy_db) if e.owner == "T09"] == [1, 2, 3, 4]
    raw(busy_db, "UPDATE audit_log SET at = :at WHERE owner = 'T09' AND seq = 3", at=datetime(2020, 1, 1))
    report = check(busy_db)
    assert report.broken is not None
    assert (report.broken.owner, report.broken.seq, report.broken.reason) == ("T09", 3, "hash")
    with busy_db.session() as s:
        assert audit.check(s, owner="C01").ok


def test_an_unknown_algorithm_does_not_verify(busy_db: Database) -> None:
    raw(busy_db, "UPDATE audit_log SET alg = 'md5' WHERE seq = 2")
    report = check(busy_db)
    assert report.broken is not None and (report.broken.seq, report.broken.reason) == (2, "hash")


# ---- nothing in the program changes an entry ---------------------------------------------------
def test_the_orm_refuses_to_change_tombstone_or_delete_an_entry(busy_db: Database) -> None:
    before = entry_json(busy_db)
    first = entries(busy_db)[0].id

    def attempt(change: Any) -> None:
        with pytest.raises(AuditLogImmutable), busy_db.session() as s:
            change(s, s.get(AuditEntry, first))

    attempt(lambda s, e: setattr(e, "detail", "edited"))
    attempt(lambda s, e: setattr(e, "actor", "someone else"))
    attempt(lambda s, e: setattr(e, "deleted", True))
    attempt(lambda s, e: s.delete(e))
    attempt(lambda s, e: s.execute(update(AuditEntry).where(AuditEntry.id == e.id).values(detail="x")))
    attempt(lambda s, e: s.execute(update(AuditEntry.__table__).values(detail="x")))
    attempt(lambda s, e: s.execute(delete(AuditEntry).where(AuditEntry.id == e.id)))
    attempt(lambda s, e: s.execute(text("DELETE FROM audit_log")))
    attempt(lambda s, e: s.execute(text('update "audit_log" set detail = :d'), {"d": "x"}))
    assert entry_json(busy_db) == before
    assert check(busy_db).ok

    # Setting a value to what it already is changes nothing and is allowed; so is adding entries.
    with busy_db.session() as s:
        e = s.get(AuditEntry, first)
        assert e is not None
        e.detail = e.detail
        audit.record(s, audit.PRINT, detail="test")
    assert check(busy_db).ok


def test_no_code_in_app_updates_or_deletes_audit_entries() -> None:
    patterns = [
        re.compile(r"\b(update|delete)\(\s*AuditEntry\b"),
        re.compile(r"\b(UPDATE|DELETE\s+FROM)\s+[\"'`]?audit_log\b", re.I),
        re.compile(r"AuditEntry\.__table__\.(update|delete)\("),
    ]
    found = []
    for path in (ROOT / "app").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for pattern in patterns:
            found += [f"{path.relative_to(ROOT)}: {m.group(0)}" for m in pattern.finditer(source)]
    assert found == []


def test_recorded_keeps_the_entry_only_when_the_work_succeeds(county_db: Database) -> None:
    before = len(entries(county_db))
    with pytest.raises(OSError), audit.recorded(county_db, "admin", audit.EXPORT, detail="x rows=1"):
        raise OSError("disk full")
    assert len(entries(county_db)) == before
    with audit.recorded(county_db, "admin", audit.EXPORT, detail="x rows=1") as entry:
        assert entry.seq == before + 1
    assert entries(county_db)[-1].action == "export"


def test_the_chain_continues_across_a_rolled_back_savepoint_and_a_commit(county_db: Database) -> None:
    """A transaction keeps its chain's end at hand after its first entry: a savepoint rolled back
    takes its entries away again, and after a commit the end is read (and locked) anew."""
    before = len(entries(county_db))
    records = RecordService(Context.system(county_db, "admin"))
    with county_db.session("admin") as s:
        records.save_in(s, ZONES, {"name": "第一片区协作区"})
        nested = s.begin_nested()
        records.save_in(s, ZONES, {"name": "第二片区协作区"})
        nested.rollback()
        records.save_in(s, ZONES, {"name": "第三片区协作区"})
        s.commit()
        records.save_in(s, ZONES, {"name": "第四片区协作区"})
    made = entries(county_db)[before:]
    assert [e.seq for e in made] == [before + 1, before + 2, before + 3]
    assert [e.prev_hash for e in made[1:]] == [e.hash for e in made[:-1]]
    assert check(county_db).ok
    with county_db.session() as s:
        assert s.scalars(select(Zone.name).order_by(Zone.name)).all() == [
            "第一片区协作区",
            "第三片区协作区",
            "第四片区协作区",
        ]


# ---- synchronised rows of their unit -----------------------------------------------------------
def test_entries_are_synchronised_rows_owned_by_their_unit(busy_db: Database) -> None:
    rows = [r for r in dump_records(Context.system(busy_db)) if r["table"] == "audit_log"]
    assert len(rows) == check(busy_db).entries
    assert {r["owner"] for r in rows} == {"C01"}
    assert all(r["version"]["origin"] == "C01" and r["version"]["counter"] > 0 for r in rows)
    assert not any(r["deleted"] for r in rows)
    assert {"seq", "at", "actor", "action", "target_table", "target_id", "fields", "detail", "alg"} <= set(
        rows[0]["fields"]
    )
    assert {"prev_hash", "hash"} <= set(rows[0]["fields"])  # the county can verify what it receives


# ---- log-ins and exports -----------------------------------------------------------------------
@pytest.fixture
def installed(tmp_path: Path) -> Iterator[Path]:
    """An encrypted installation made by ``login.create`` (closed again)."""
    data_dir = tmp_path / "installed"
    opened = login.create(data_dir, None, SETUP)
    opened.db.close()
    yield data_dir


def test_a_failed_log_in_is_one_entry(installed: Path) -> None:
    with pytest.raises(login.LoginError):
        login.login(installed, None, "admin", "wrong-password-1")
    opened = login.login(installed, None, "admin", PASSWORD)
    try:
        failed = entries(opened.db, action="login_failed")
        assert [(e.actor, e.detail) for e in failed] == [("admin", "wrong_password")]
        assert [e.action for e in entries(opened.db)][-2:] == ["login_failed", "login"]
        assert check(opened.db).ok
        rows = AuditLogService(opened.db, opened.actor).entries(AuditQuery(action="login_failed"))
        assert [str(r.description) for r in rows] == ["密码错误"]
    finally:
        opened.db.close()


def test_an_excel_export_writes_an_export_entry(
    county_db: Database, records: RecordService, tmp_path: Path
) -> None:
    for code in ("T01", "T02", "T03"):
        records.save(
            UNITS, {"code": code, "name": f"{code}纪委", "unit_type": "township", "authorised_posts": 5}
        )
    ids = records.ids(UNITS)
    path = tmp_path / "units.xlsx"
    assert export_register(records, UNITS, ids, path) == 4
    assert path.exists()
    exported = entries(county_db, action="export")
    assert [(e.actor, e.target_table, e.detail) for e in exported] == [
        ("admin", "units", "register=units rows=4")
    ]
    assert str(describe("export", exported[0].detail)) == "单位，4 行"
    assert "T01纪委" not in entry_json(county_db)

    # Cancelled: no file, no entry.
    with pytest.raises(ExportCancelled):
        export_register(records, UNITS, ids, tmp_path / "cancelled.xlsx", progress=lambda _d, _t: False)
    assert not (tmp_path / "cancelled.xlsx").exists()
    assert len(entries(county_db, action="export")) == 1

    # The staffing summary: recorded when the caller names the database, as before otherwise.
    rows = staffing_summary(county_db, "admin")
    export_staffing(tmp_path / "staffing.xlsx", rows, ctx=Context.system(county_db, "clerk"))
    export_staffing(tmp_path / "staffing2.xlsx", rows)
    staffing = entries(county_db, action="export")[1:]
    assert [(e.actor, e.detail) for e in staffing] == [("clerk", f"report=staffing rows={len(rows)}")]
    assert str(describe("export", staffing[0].detail)) == f"编制配备汇总，{len(rows)} 行"
    assert check(county_db).ok


# ---- the viewer's service ----------------------------------------------------------------------
def test_the_service_needs_view_audit(county_db: Database) -> None:
    for role in ("staff", "readonly"):
        with pytest.raises(PermissionDenied) as info:
            AuditLogService(county_db, Actor("someone", role))
        assert str(info.value) == "当前用户没有「查看审计日志」的权限。"
    for role in ("admin", "secretary", "county_admin", "reviewer"):
        AuditLogService(county_db, Actor("someone", role)).ids()


def test_the_service_filters_newest_first(busy_db: Database, records: RecordService) -> None:
    clerk = RecordService(Context.system(busy_db, "clerk"))
    zone = clerk.save(ZONES, {"name": "南片区"})
    clerk.save(ZONES, {"leader": "孙常委"}, zone)
    service = AuditLogService(busy_db, ADMIN)

    everything = service.entries(limit=10_000)
    assert len(everything) == service.count() == check(busy_db).entries
    assert [r.at for r in everything] == sorted((r.at for r in everything), reverse=True)
    assert everything[0].seq > everything[-1].seq and everything[-1].action == "install"
    assert service.entries(offset=2, limit=3) == everything[2:5]
    assert service.actors() == ["admin", "clerk"]
    assert service.units() == ["C01"]

    mine = service.entries(AuditQuery(user="clerk"))
    assert [(r.action, r.target_id) for r in mine] == [("update", zone), ("create", zone)]
    assert mine[0].action_label == "修改记录" and mine[0].target_title == "片区协作区"
    assert mine[0].fields == ("leader",) and mine[0].field_labels != ()

    assert {r.action for r in service.entries(AuditQuery(action="delete"))} == {"delete"}
    assert service.count(AuditQuery(action="delete")) == 1
    assert [r.target_id for r in service.entries(AuditQuery(target=zone[:8]))] == [zone, zone]
    assert [r.target_id for r in service.entries(AuditQuery(target=zone))] == [zone, zone]
    zones_by_title = service.entries(AuditQuery(target="片区协作区"), limit=100)
    assert zones_by_title == service.entries(AuditQuery(target="zones"), limit=100)
    assert {r.target_table for r in zones_by_title} == {"zones"} and len(zones_by_title) == 5
    assert service.count(AuditQuery(target="%")) == 0  # typed text, not a pattern

    today = date.today()
    since, until = local_day_range(today, today)
    assert service.count(AuditQuery(since=since, until=until)) == service.count()
    since, until = local_day_range(today + timedelta(days=1), None)
    assert service.count(AuditQuery(since=since, until=until)) == 0
    since, until = local_day_range(None, today - timedelta(days=1))
    assert since is None and service.count(AuditQuery(until=until)) == 0

    oldest_first = service.ids(AuditQuery(descending=False))
    assert oldest_first == [r.id for r in reversed(everything)]
    for key in ("at", "actor", "action", "target", "fields", "detail", "seq"):
        assert sorted(service.ids(AuditQuery(sort=key))) == sorted(oldest_first)
    by_actor = service.entries(AuditQuery(sort="actor", descending=False), limit=10_000)
    assert [r.actor for r in by_actor] == sorted(r.actor for r in by_actor)
    by_action = service.entries(AuditQuery(sort="action", descending=False), limit=10_000)
    order = [audit.ACTIONS.index(r.action) for r in by_action]
    assert order == sorted(order)
    with pytest.raises(KeyError):
        service.ids(AuditQuery(sort="hash"))


def test_the_service_verifies_in_chinese(busy_db: Database) -> None:
    service = AuditLogService(busy_db, ADMIN)
    result = service.verify()
    n = check(busy_db).entries
    assert result.ok and result.entries == n
    assert str(result.message) == f"审计日志完整：{n} 条，链条未断"
    assert str(result.cli_message) == f"审计日志完整（{n} 条）"
    assert result.to_json() == {"ok": True, "entries": n, "broken": None}

    seq = _edit_actor(busy_db)
    result = service.verify()
    assert not result.ok
    assert str(result.message) == f"审计日志在单位 C01 第 {seq} 条处断开：内容被改动"
    assert str(result.cli_message) == f"审计日志不完整：单位 C01 第 {seq} 条，内容被改动。"
    assert result.to_json()["broken"] == {
        "unit": "C01",
        "seq": seq,
        "id": result.broken.entry_id,  # type: ignore[union-attr]
        "reason": "hash",
        "reason_label": "内容被改动",
    }


def test_every_action_has_a_chinese_label() -> None:
    constants = {
        value
        for name, value in vars(audit).items()
        if name.isupper()
        and isinstance(value, str)
        and name not in {"ALGORITHM", "GENESIS", "HASH", "LINK", "GAP", "DELETED"}
        and name not in {"CUT", "CUT_ACKED", "REPLACED", "REPLACED_ACKED"}
    }
    assert constants == set(audit.ACTION_LABELS) == set(audit.ACTIONS)
    labels = list(audit.ACTION_LABELS.values())
    assert len(set(labels)) == len(labels) and all(re.search(r"[\u4e00-\u9fff]", x) for x in labels)
    assert audit.action_label("something_new") == "something_new"
    assert set(audit.REASON_LABELS) == {
        "hash", "link", "gap", "deleted", "cut", "cut_acked", "replaced", "replaced_acked"
    }  # fmt: skip


def test_details_in_chinese() -> None:
    assert str(describe("login_failed", "wrong_password")) == "密码错误"
    assert str(describe("login_failed", "disabled")) == "账号已停用"
    assert str(describe("install", "county C01")) == "县纪委监委（C01）"
    assert str(describe("export", "register=nothing rows=3")) == "登记簿：nothing、3 行"  # a code kept
    assert describe("backup", "some text") is None
    assert str(describe("print", "form=clue_register")) == "表格：问题线索登记表"
    assert (
        str(describe("print", "register=clues rows=12 filtered=yes")) == "登记簿：问题线索、12 行、（已筛选）"
    )
    assert str(describe("backup", "auto x.jwbak (1024 bytes)")) == "自动备份文件 x.jwbak（1024 字节）"
    assert str(describe("lock", "idle")) == "无操作自动锁定"
    assert str(describe("import", "bundle=b.jwb new=3 updated=1")) == "数据包：b.jwb、新增 3、修改 1"
    assert str(describe("policy_change", "separation_of_duties=on")) == "三员分立：开启"
    assert str(describe("import_refused", "bundle=a.jwb 签名不对")) == "数据包：a.jwb、签名不对"


def test_entries_about_users_read_in_chinese(county_db: Database) -> None:
    with county_db.session("admin") as s:
        audit.record(s, audit.USER_CHANGE, target_table="users", target_id="u-1", fields=["role", "active"])
        audit.record(
            s, audit.PASSWORD_CHANGE, target_table="users", detail="password set with the recovery key"
        )
    rows = AuditLogService(county_db, ADMIN).entries(limit=2)
    assert [(r.target_title, r.field_labels) for r in rows] == [("用户", ()), ("用户", ("启用", "角色"))]
    assert str(rows[0].description) == "用恢复密钥重设密码"


# ---- python -m app audit verify ----------------------------------------------------------------
def test_cli_audit_verify(installed: Path, password_file: Any) -> None:
    cli = Cli(installed, None, password_file(PASSWORD))
    db = login.login(installed, None, "admin", PASSWORD).db
    try:
        records = RecordService(Context.system(db, "admin"))
        for i in range(1, 4):
            records.save(ZONES, {"name": f"第{i}片区"})
    finally:
        db.close()

    result = cli.ok("audit", "verify")
    n = int(re.fullmatch(r"审计日志完整（(\d+) 条）", result.stderr.strip()).group(1))  # type: ignore[union-attr]
    assert n >= 7 and result.stdout == ""
    doc = cli.json("audit", "verify", "--json")
    assert doc == {"ok": True, "entries": n + 1, "broken": None}  # each run logs in once more

    opened = login.login(installed, None, "admin", PASSWORD)
    try:
        seq = seq_of(opened.db, "create", 2)
        raw(opened.db, "UPDATE audit_log SET detail = 'edited' WHERE seq = :s", s=seq)
    finally:
        opened.db.close()
    result = cli.run("audit", "verify")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.strip().splitlines() == [f"审计日志不完整：单位 C01 第 {seq} 条，内容被改动。"]
    result = cli.run("audit", "verify", "--json")
    assert result.returncode == 1
    doc = json.loads(result.stdout)
    assert doc["ok"] is False and doc["entries"] > n
    assert {k: doc["broken"][k] for k in ("unit", "seq", "reason")} == {
        "unit": "C01",
        "seq": seq,
        "reason": "hash",
    }

    wrong = cli.run("audit", "verify", JIWEI_PASSWORD_FILE=str(password_file("wrong-password-1", "w.txt")))
    assert (wrong.returncode, wrong.stderr.strip()) == (1, "用户名或密码不正确。")
    assert cli.run("audit").returncode == 2


def test_cli_audit_verify_finds_a_deleted_entry_in_a_plain_installation(cli: Cli) -> None:
    # A database from before encryption is encrypted at the first log-in, then verified.
    from apphelpers import init_installation

    cli.data_dir.mkdir(parents=True)
    plain = Database(f"sqlite:///{cli.data_dir / DB_FILE_NAME}", cli.data_dir)
    try:
        init_installation(plain)
        RecordService(Context.system(plain, "admin")).save(ZONES, {"name": "东片区"})
        raw(plain, "DELETE FROM audit_log WHERE seq = 2")
    finally:
        plain.close()
    result = cli.run("audit", "verify")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == "审计日志不完整：单位 C01 第 3 条，序号缺失。"


def test_columns_no_register_declares_read_in_chinese(county_db: Database) -> None:
    with county_db.session("admin") as s:
        audit.record(s, audit.UPDATE, target_table="people", target_id="p-1", fields=["id_key", "name"])
        audit.record(
            s, audit.CREATE, target_table="transitions", target_id="t-1", fields=["from_state", "reason"]
        )
    rows = AuditLogService(county_db, ADMIN).entries(limit=2)
    assert [(r.target_title, r.field_labels) for r in rows] == [
        ("办理记录", ("原状态", "理由")),
        ("人员库", ("身份证号码（查重用）", "姓名")),
    ]
