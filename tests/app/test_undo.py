"""Undo of this log-in's last operations: creates, edits and deletes undone as new operations
through the change log; refusals after a later change, an import, a lifecycle step and a settled
conflict; sealed fields put back from the operation's memory, never from the logs."""

from __future__ import annotations

import json
import secrets
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from app.context import Context
from app.db.database import Database
from app.db.local import ChangeLog
from app.registers import get
from app.security import audit
from app.services import undo
from app.services.records import RecordService, ValidationError
from app.services.spreadsheet import ID_HEADER
from app.services.transitions import Transitions
from app.services.xlsx_import import import_file

CLUES, STAFF, UNITS = get("clues"), get("staff"), get("units")
KEY = secrets.token_bytes(32)
SECRET = "线索摘要：某村会计虚报冒领补贴款三万元"
SECRET_AFTER = "线索摘要：已核实为误报"


@pytest.fixture
def ctx(county_db: Database) -> Context:
    return Context.system(county_db, "admin", sensitive_key=KEY)


@pytest.fixture
def records(ctx: Context) -> RecordService:
    return RecordService(ctx)


@pytest.fixture
def town(county_db: Database) -> str:
    setup = RecordService(Context.system(county_db, "setup"))  # another session: not on admin's stack
    return setup.save(UNITS, {"code": "T01", "name": "城关镇纪委", "unit_type": "township"})


def refusal(records: RecordService) -> str:
    why = undo.refusal(records)
    return "" if why is None else str(why)


def new_clue(records: RecordService, town: str, **values: Any) -> str:
    base = {
        "source": "petition",
        "received_on": date(2021, 3, 1),
        "subject_name": "赵某",
        "subject_unit": "城关镇人民政府",
        "category": "违反廉洁纪律",
        "handling_unit_id": town,
    }
    return records.save(CLUES, {**base, **values}, confirmed=True)


def log_entries(db: Database, row_id: str) -> list[ChangeLog]:
    with db.session("check") as s:
        return list(s.scalars(select(ChangeLog).where(ChangeLog.row_id == row_id).order_by(ChangeLog.seq)))


def audit_entries(db: Database, row_id: str) -> list[audit.AuditEntry]:
    with db.session("check") as s:
        return list(
            s.scalars(
                select(audit.AuditEntry)
                .where(audit.AuditEntry.target_id == row_id)
                .order_by(audit.AuditEntry.seq)
            )
        )


def test_nothing_to_undo_in_a_new_session(records: RecordService) -> None:
    assert refusal(records) == "本次登录以来没有可以撤销的操作。"
    with pytest.raises(undo.UndoRefused):
        undo.undo(records)


def test_an_edit_is_undone_as_a_new_version(records: RecordService, town: str, county_db: Database) -> None:
    staff = records.save(STAFF, {"name": "王芳", "unit_id": town, "post": "secretary"})
    records.save(STAFF, {"name": "王芳芳", "post": "member"}, staff)
    op = undo.last(records.ctx)
    assert op is not None and str(op.label()) == "修改 人员与岗位 王芳芳"
    assert refusal(records) == ""
    undone = undo.undo(records)
    assert undone is op
    values = records.get(STAFF, staff)
    assert values["name"] == "王芳" and values["post"] == "secretary"
    entries = log_entries(county_db, staff)
    assert [e.op for e in entries] == ["insert", "update", "update"]  # a new version, not a rewrite
    assert entries[-1].changes["name"] == ["王芳芳", "王芳"]
    actions = [e.action for e in audit_entries(county_db, staff)]
    assert actions[-2:] == [audit.UPDATE, audit.UNDO]
    # The create below it is next, and can be undone too: the undo moved its version along.
    assert str(undo.last(records.ctx).label()) == "新增 人员与岗位 王芳"  # type: ignore[union-attr]
    undo.undo(records)
    assert records.get(STAFF, staff)["__deleted__"] is True
    assert refusal(records) == "本次登录以来没有可以撤销的操作。"


def test_a_create_is_undone_by_a_delete_and_a_delete_by_a_restore(
    records: RecordService, town: str, county_db: Database
) -> None:
    staff = records.save(STAFF, {"name": "李强", "unit_id": town, "post": "member"})
    records.delete(STAFF, staff)
    assert str(undo.last(records.ctx).label()) == "删除 人员与岗位 李强"  # type: ignore[union-attr]
    undo.undo(records)
    assert records.get(STAFF, staff)["__deleted__"] is False
    assert audit_entries(county_db, staff)[-2].action == audit.RESTORE
    undo.undo(records)  # the create
    assert records.get(STAFF, staff)["__deleted__"] is True
    assert [e.op for e in log_entries(county_db, staff)] == ["insert", "delete", "update", "delete"]


def test_a_created_record_others_refer_to_is_not_deleted_by_undo(
    records: RecordService, county_db: Database
) -> None:
    unit = records.save(UNITS, {"code": "T02", "name": "河口乡纪委", "unit_type": "township"})
    other = RecordService(Context.system(county_db, "other"))
    other.save(STAFF, {"name": "张伟", "unit_id": unit, "post": "member"})
    with pytest.raises(ValidationError) as refused:
        undo.undo(records)
    assert "还有记录引用它" in str(refused.value)
    assert records.get(UNITS, unit)["__deleted__"] is False


def test_refused_after_another_session_edited_the_record(
    records: RecordService, town: str, county_db: Database
) -> None:
    staff = records.save(STAFF, {"name": "陈静", "unit_id": town, "post": "member"})
    records.save(STAFF, {"name": "陈晶"}, staff)
    RecordService(Context.system(county_db, "lisi")).save(STAFF, {"name": "陈静（借调）"}, staff)
    assert refusal(records) == "「陈晶」在这次操作之后又被 lisi 修改过，不能撤销。"
    with pytest.raises(undo.UndoRefused):
        undo.undo(records)
    assert records.get(STAFF, staff)["name"] == "陈静（借调）"


def test_an_import_is_not_undone_and_a_record_it_changed_is_not_either(
    records: RecordService, town: str, county_db: Database, tmp_path: Path
) -> None:
    staff = records.save(STAFF, {"name": "赵敏", "unit_id": town, "post": "member"})
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["姓名", "所在单位", "岗位"])
    ws.append(["孙丽", "T01", "委员"])
    wb.save(tmp_path / "staff.xlsx")
    assert import_file(records, STAFF, tmp_path / "staff.xlsx").saved
    assert refusal(records) == "上一步操作是导入（人员与岗位），导入不能撤销。"

    # An import by someone else that changed a record this session edited.
    records.save(STAFF, {"name": "赵敏敏"}, staff)
    other = RecordService(Context.system(county_db, "lisi"))
    row = staff
    wb2 = openpyxl.Workbook()
    ws2 = wb2.active
    assert ws2 is not None
    ws2.append([ID_HEADER, "姓名", "所在单位", "岗位"])
    ws2.append([row, "赵敏", "T01", "委员"])
    wb2.save(tmp_path / "again.xlsx")
    report = import_file(other, STAFF, tmp_path / "again.xlsx")
    assert report.saved, report.rows
    assert refusal(records) == "「赵敏敏」在这次操作之后又被 lisi 修改过，不能撤销。"


def test_a_lifecycle_step_is_not_undone(records: RecordService, town: str) -> None:
    cid = new_clue(records, town)
    Transitions(records).apply(
        CLUES, cid, "propose", {"proposed_handling": "talk", "approver": "陈书记"}, "拟谈话函询"
    )
    why = refusal(records)
    assert (
        why.startswith("上一步操作是办理步骤（提出处置意见（呈批） 问题线索 2021-0001") and "不能撤销" in why
    )
    with pytest.raises(undo.UndoRefused):
        undo.undo(records)
    assert records.get(CLUES, cid)["state"] == "proposed"


def test_a_settled_conflict_is_remembered_as_not_undoable(ctx: Context) -> None:
    undo.mark(ctx, undo.SETTLE, "clues", "2021-0001")
    assert (
        str(undo.refusal(RecordService(ctx))) == "上一步操作是处理同步冲突（2021-0001），处理冲突不能撤销。"
    )


def test_deleting_several_at_once_is_one_undo(records: RecordService, town: str) -> None:
    ids = [records.save(STAFF, {"name": n, "unit_id": town, "post": "member"}) for n in ("甲", "乙", "丙")]
    with undo.grouped(records.ctx, undo.DELETE, STAFF.name):
        for i in ids:
            records.delete(STAFF, i)
    assert str(undo.last(records.ctx).label()) == "删除 人员与岗位 3 条记录"  # type: ignore[union-attr]
    undo.undo(records)
    assert all(records.get(STAFF, i)["__deleted__"] is False for i in ids)


def test_a_sealed_field_comes_back_from_memory_and_never_appears_in_the_logs(
    records: RecordService, town: str, county_db: Database
) -> None:
    cid = new_clue(records, town, summary=SECRET)
    records.save(CLUES, {"summary": SECRET_AFTER}, cid, confirmed=True)
    undo.undo(records)
    assert records.get(CLUES, cid)["summary"] == SECRET
    logged = json.dumps([e.changes for e in log_entries(county_db, cid)], ensure_ascii=False)
    audited = json.dumps([[e.fields, e.detail] for e in audit_entries(county_db, cid)], ensure_ascii=False)
    for text in (SECRET, SECRET_AFTER, "虚报冒领", "误报"):
        assert text not in logged and text not in audited
    undone = [e for e in audit_entries(county_db, cid) if e.action == audit.UNDO]
    assert len(undone) == 1 and undone[0].fields == ["summary"]


def test_the_plaintext_is_not_read_back_from_the_change_log(
    records: RecordService, town: str, county_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    cid = new_clue(records, town, summary=SECRET)
    records.save(CLUES, {"summary": SECRET_AFTER}, cid, confirmed=True)
    step = undo.last(records.ctx).steps[0]  # type: ignore[union-attr]
    assert step.sealed["summary"] == SECRET and "summary" not in step.before
    with county_db.session("wipe") as s:  # the log's old tokens gone: the undo does not need them
        for e in s.scalars(select(ChangeLog).where(ChangeLog.row_id == cid)):
            e.changes = {k: ["x", "x"] for k in e.changes}
    undo.undo(records)
    assert records.get(CLUES, cid)["summary"] == SECRET


def test_a_save_that_changed_nothing_is_not_an_operation(records: RecordService, town: str) -> None:
    staff = records.save(STAFF, {"name": "周军", "unit_id": town, "post": "member"})
    records.save(STAFF, {"name": "周军"}, staff)
    assert str(undo.last(records.ctx).label()) == "新增 人员与岗位 周军"  # type: ignore[union-attr]


def test_refused_after_a_bundle_brought_another_units_version_or_a_conflict_was_settled(
    open_db, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from apphelpers import init_installation

    from app.sync.conflicts import settle
    from app.sync.merge import merge_records, record_of, synced_models
    from app.sync.state import SyncConflict

    county = init_installation(open_db(f"sqlite:///{tmp_path}/c.db", tmp_path / "c"))
    town = init_installation(
        open_db(f"sqlite:///{tmp_path}/t.db", tmp_path / "t"),
        unit_type="township",
        code="T01",
        name="城关镇纪委",
    )

    def rows(db: Database, table: str) -> list[dict[str, Any]]:
        with db.session() as s:
            return [record_of(o) for o in s.query(synced_models()[table]).all()]

    with county.session() as s:
        merge_records(s, rows(town, "units"), peer="T01", bundle_id="u", adopt=True)
    mine = RecordService(Context.system(town, "admin"))
    sid = mine.save(STAFF, {"name": "王芳", "unit_id": mine.ids(UNITS)[0], "post": "secretary"})
    mine.save(STAFF, {"phone": "13800000000"}, sid)  # the township's last operation
    assert undo.refusal(mine) is None
    with county.session() as s:
        merge_records(s, rows(town, "staff"), peer="T01", bundle_id="b1")
    RecordService(Context.system(county, "admin")).save(STAFF, {"note": "县里补充"}, sid)
    with town.session() as s:  # the county's edit comes back in a bundle, on top of the township's
        assert merge_records(s, rows(county, "staff"), peer="C01", bundle_id="c1").updated == 1
    assert str(undo.refusal(mine)) == "「王芳」在这次操作之后收到了其他单位的新版本（数据交换），不能撤销。"
    with pytest.raises(undo.UndoRefused):
        undo.undo(mine)
    # Both sides edit again: the county's version conflicts here; settling it is not undone.
    mine.save(STAFF, {"phone": "13900000000"}, sid)
    with county.session() as s:
        merge_records(s, rows(town, "staff"), peer="T01", bundle_id="b2")
    mine.save(STAFF, {"note": "镇里补充"}, sid)
    RecordService(Context.system(county, "admin")).save(STAFF, {"note": "县里再补充"}, sid)
    with town.session() as s:
        assert merge_records(s, rows(county, "staff"), peer="C01", bundle_id="c2").conflicts == 1
        [conflict] = s.query(SyncConflict).all()
        cid = conflict.id
    settle(mine.ctx, cid, {"note": "local"})
    assert str(undo.refusal(mine)) == "上一步操作是处理同步冲突（王芳），处理冲突不能撤销。"


def test_an_undo_that_would_repeat_a_unique_name_is_refused(
    records: RecordService, county_db: Database
) -> None:
    zones = get("zones")
    zone = records.save(zones, {"name": "东片区"})
    records.save(zones, {"name": "东部片区"}, zone)
    RecordService(Context.system(county_db, "lisi")).save(zones, {"name": "东片区"})  # the name, taken
    with pytest.raises(ValidationError) as refused:
        undo.undo(records)
    assert str(refused.value) == "已有相同「片区名称」的记录。"
    assert records.get(zones, zone)["name"] == "东部片区"


def test_a_report_turned_into_a_clue_is_a_lifecycle_step(records: RecordService, town: str) -> None:
    from app.services.intake import clue_from_report

    reports = get("reports")
    rid = records.save(reports, {"received_on": date(2021, 1, 5), "method": "letter", "subject_name": "郑某"})
    clue_from_report(records, rid, {"handling_unit_id": town}, confirmed=True)
    assert str(undo.refusal(records)).startswith("上一步操作是办理步骤（")
    with pytest.raises(undo.UndoRefused):
        undo.undo(records)


def test_an_attendance_roll_is_undone_as_one_operation(records: RecordService, county_db: Database) -> None:
    from app.services.training import take_roll

    unit = records.save(UNITS, {"code": "T07", "name": "河口乡纪委", "unit_type": "township"})
    lesson_reg = get("lessons")
    staff = [records.save(STAFF, {"name": n, "unit_id": unit, "post": "member"}) for n in ("甲", "乙")]
    lesson = records.save(
        lesson_reg, {"unit_id": unit, "held_on": date(2025, 5, 8), "topic": "学习监察法", "teacher": "甲"}
    )
    added = take_roll(records, lesson)
    assert len(added) == 2
    op = undo.last(records.ctx)
    assert op is not None and len(op.steps) == 2
    undo.undo(records)
    attendance = get("lesson_attendance")
    assert all(records.get(attendance, a)["__deleted__"] is True for a in added)
    assert take_roll(records, lesson) != [] and staff


def test_a_bundle_import_is_not_undone(exchange_pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.sync import exchange

    county, town = exchange_pair.county, exchange_pair.unit
    stick = tmp_path / "stick"
    stick.mkdir()
    RecordService(town).save(get("villages"), {"name": "东风村", "township_id": exchange_pair.unit_id})
    mine = RecordService(county)
    mine.save(get("zones"), {"name": "东片区"})  # the county's own edit, before the import
    [result] = exchange.import_bundles(county, [exchange.export_bundle(town, stick).path])
    assert result.status == "imported"
    why = str(undo.refusal(mine))
    assert why.startswith("上一步操作是导入（数据包 ") and why.endswith("），导入不能撤销。")
