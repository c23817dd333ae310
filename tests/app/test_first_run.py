"""The first days of an installation (app.services.first_run, app.services.scope): the settings a
new installation starts with, the set-up steps and when each is done, and which units a township's
views list."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from apphelpers import PASSWORD, Cli, OpenDb

from app.context import Context
from app.db.database import Database
from app.models.casework import DeadlineRule, Disposition
from app.models.org import Staff, Unit
from app.models.residency import ChecklistItem
from app.registers import get
from app.registers.casework_choices import DEADLINE_STEPS
from app.registers.residency import DEFAULT_CHECKLIST, checklist
from app.services import backup, first_run, recovery, staffing, statistics
from app.services.deadlines import rules
from app.services.installation import SetupError, SetupRequest, initialise
from app.services.login import create
from app.services.records import RecordService
from app.services.scope import installation_scope


def township_request(**extra: object) -> SetupRequest:
    values: dict[str, object] = {
        "unit_type": "township",
        "unit_code": "T01",
        "unit_name": "城关镇纪委",
        "county_code": "C01",
        "county_name": "测试县",
        "admin_username": "admin",
        "admin_password": PASSWORD,
        **extra,
    }
    return SetupRequest(**values)  # type: ignore[arg-type]


def keys(found: list[first_run.Step]) -> dict[str, bool]:
    return {s.key: s.done for s in found}


# ---- the settings a new installation starts with --------------------------------------------------
def test_a_new_installation_starts_with_every_deadline_and_the_check_items(open_db: OpenDb) -> None:
    db = open_db()
    initialise(db, township_request(prefill=True))
    with db.session() as s:
        rows = {r.step: r for r in s.query(DeadlineRule)}
        items = [(i.name, i.applies_to) for i in s.query(ChecklistItem).order_by(ChecklistItem.position)]
        # one row per step, the days the program counts with, each saying where it comes from
        assert {step: (r.days, r.working) for step, r in rows.items()} == {
            step: (days, working) for step, _label, days, working in DEADLINE_STEPS
        }
        assert all(r.note for r in rows.values())
        assert "15个工作日" in rows["letter_reply"].note and "监督执纪工作规则" in rows["letter_reply"].note
        assert "监察法" in rows["detention"].note
        assert "没有统一规定" in rows["verification"].note  # not made up: said to be a default
        assert rules(s) == {step: (days, working) for step, _l, days, working in DEADLINE_STEPS}
        assert items == list(DEFAULT_CHECKLIST)
        assert checklist(s, "township")[:3] == ["村务公开", "集体“三资”管理", "惠民惠农资金发放"]
    # ordinary rows: edited like any other
    records = RecordService(Context.system(db, "admin"))
    rule = next(
        r
        for r in records.ids(get("deadline_rules"))
        if records.get(get("deadline_rules"), r)["step"] == "clue"
    )
    records.save(get("deadline_rules"), {"days": 20}, rule)
    with db.session() as s:
        assert rules(s)["clue"] == (20, False)


def test_without_prefill_nothing_is_written(county_db: Database) -> None:
    """The enrolment package brings the county's settings; tests and the demo enter their own."""
    with county_db.session() as s:
        assert s.query(DeadlineRule).count() == 0 and s.query(ChecklistItem).count() == 0


def test_the_administrator_is_offered_as_a_staff_member(open_db: OpenDb) -> None:
    db = open_db()
    initialise(db, township_request(admin_name="张明", admin_post="secretary"))
    with db.session() as s:
        (person,) = s.query(Staff).all()
        own = s.query(Unit).filter(Unit.code == "T01").one()
        assert (person.name, person.post, person.unit_id) == ("张明", "secretary", own.id)
        assert own.authorised_posts is None  # nobody entered the posts
    handler = get("clues").field("handler_id")
    assert handler.ref == "staff"
    assert RecordService(Context.system(db, "admin")).ids(get("staff")) == [person.id]


def test_the_administrators_post_must_fit_the_unit(open_db: OpenDb) -> None:
    with pytest.raises(SetupError) as refused:
        initialise(open_db(), township_request(admin_name="张明", admin_post="group_leader"))
    assert str(refused.value.messages["admin_post"]) == "请选择本人在本单位的岗位。"
    with pytest.raises(SetupError) as refused:
        initialise(open_db(), township_request(admin_post="secretary"))
    assert str(refused.value.messages["admin_name"]) == "选了岗位，请同时填写姓名。"


# ---- the steps -----------------------------------------------------------------------------------
def test_a_township_steps_follow_the_data(tmp_path: Path) -> None:
    opened = create(tmp_path / "data", None, township_request(prefill=True))
    try:
        db = opened.db
        found = first_run.steps(db)
        assert [s.key for s in found] == [
            "staff", "villages", "deadlines", "checklist", "backup", "recovery_sheet",
        ]  # fmt: skip
        assert keys(found) == {
            "staff": False, "villages": False, "deadlines": True, "checklist": True,
            "backup": False, "recovery_sheet": False,
        }  # fmt: skip
        assert [s.page for s in found][:2] == ["register:staff", "register:villages"]
        assert found[0].title == "登记本单位人员"
        records = RecordService(Context.system(db, "admin"))
        own = records.ids(get("units"))[0]
        records.save(get("staff"), {"name": "李华", "unit_id": own, "post": "deputy_secretary"})
        records.save(get("villages"), {"name": "东村", "township_id": own})
        # an automatic backup at exit stays on this PC: not the first backup
        backup.auto_backup(opened, tmp_path / "auto")
        assert keys(first_run.steps(db))["backup"] is False
        backup.backup(opened, tmp_path)
        first_run.record_recovery_sheet(db, "admin", printed=True)
        found = first_run.steps(db)
        assert first_run.all_done(found), found
        # a new recovery key: its sheet is not printed yet
        recovery.new_recovery_key(opened)
        assert keys(first_run.steps(db))["recovery_sheet"] is False
        first_run.record_recovery_sheet(db, "admin", printed=False)
        assert keys(first_run.steps(db))["recovery_sheet"] is True
    finally:
        opened.db.close()


def test_a_group_has_its_own_steps(open_db: OpenDb) -> None:
    group = open_db()
    initialise(group, township_request(unit_type="group", unit_code="G01", unit_name="第一派驻纪检监察组"))
    assert [s.key for s in first_run.steps(group)][:2] == ["staff", "supervised_units"]


def test_the_county_has_its_own_steps(county_db: Database) -> None:
    county = [s.key for s in first_run.steps(county_db)]
    assert county[:2] == ["units", "staff"]
    assert keys(first_run.steps(county_db))["units"] is False
    RecordService(Context.system(county_db, "admin")).save(
        get("units"), {"code": "T01", "name": "城关镇纪委", "unit_type": "township"}
    )
    assert keys(first_run.steps(county_db))["units"] is True


def test_setup_status_on_the_command_line(cli: Cli) -> None:
    cli.ok("init", "--type", "township", "--code", "T01", "--name", "城关镇纪委", "--county-code", "C01",
           "--county-name", "测试县", "--admin", "admin", "--admin-name", "张明", "--admin-post", "书记")  # fmt: skip
    out = cli.ok("setup", "status").stdout
    assert "[x] 登记本单位人员" in out and "[ ] 登记所辖村（社区）" in out and "[x] 核对办理期限" in out
    status = cli.json("setup", "status", "--json")
    assert [s["key"] for s in status["steps"]][:2] == ["staff", "villages"]
    assert status["done"] is False


# ---- nothing nobody entered -------------------------------------------------------------------------
def test_staffing_says_nothing_of_posts_nobody_entered(open_db: OpenDb) -> None:
    db = open_db()
    initialise(db, township_request(admin_name="张明", admin_post="secretary"))
    (row,) = staffing.staffing_summary(db)
    assert (row.units, row.authorised, row.staffed, row.vacancies) == (1, None, 1, None)
    records = RecordService(Context.system(db, "admin"))
    own = records.ids(get("units"))[0]
    records.save(get("units"), {"authorised_posts": 5}, own)
    (row,) = staffing.staffing_summary(db)
    assert (row.authorised, row.staffed, row.vacancies) == (5, 1, 4)


# ---- views fit the installation ------------------------------------------------------------------
def _county_units(db: Database) -> dict[str, str]:
    """The units a county's reference data brings to every installation."""
    records = RecordService(Context.system(db, "admin"))
    return {
        code: records.save(get("units"), {"code": code, "name": name, "unit_type": kind})
        for code, name, kind in (
            ("C01", "测试县纪委监委", "county"),
            ("S01", "纪检监察室", "office"),
            ("T02", "东关镇纪委", "township"),
            ("G01", "第一派驻纪检监察组", "group"),
        )
    }


def test_a_township_sees_its_own_unit(open_db: OpenDb) -> None:
    town = open_db()
    initialise(town, township_request())
    _county_units(town)
    with town.session() as s:
        scope = installation_scope(s)
        own = s.query(Unit).filter(Unit.code == "T01").one().id
    assert (scope.everyone, scope.unit_id, scope.unit_type) == (False, own, "township")
    f = statistics.figures(town, 2026)
    assert list(f["by_unit_type"]) == ["township"]
    assert [u["name"] for u in f["by_unit"]] == ["城关镇纪委"]
    assert [u["name"] for u in f["work"]["units"]] == ["城关镇纪委"]
    assert [r.unit_type for r in staffing.staffing_summary(town)] == ["township"]
    text = "\n".join(statistics.render_text(f))
    assert "县纪委监委" not in text and "委机关室" not in text and "派驻纪检监察组" not in text

    # a figure outside the scope is never hidden
    with town.session("admin") as s:
        s.add(Disposition(person_name="王某", kind="criticism", measure="批评教育", form="1",
                          decided_on=date(2026, 3, 1), handling_unit_id=_id(s, "G01")))  # fmt: skip
    f = statistics.figures(town, 2026)
    assert list(f["by_unit_type"]) == ["township", "group"]


def test_the_county_sees_everyone(county_db: Database) -> None:
    RecordService(Context.system(county_db, "admin")).save(
        get("units"), {"code": "T01", "name": "城关镇纪委", "unit_type": "township"}
    )
    with county_db.session() as s:
        assert installation_scope(s).everyone
    f = statistics.figures(county_db, 2026)
    assert set(f["by_unit_type"]) >= {"county", "office", "township", "group"}
    assert [u["name"] for u in f["by_unit"]] == ["城关镇纪委"]


def _id(s: object, code: str) -> str:
    from sqlalchemy.orm import Session

    assert isinstance(s, Session)
    return s.query(Unit.id).filter(Unit.code == code).scalar()


def test_a_township_coverage_lists_only_its_villages(open_db: OpenDb) -> None:
    from app.services.coverage import visit_coverage

    town = open_db()
    initialise(town, township_request())
    others = _county_units(town)
    records = RecordService(Context.system(town, "admin"))
    own = next(u for u in records.ids(get("units")) if u not in others.values())
    records.save(get("villages"), {"name": "东村", "township_id": own})
    records.save(get("villages"), {"name": "别人的村", "township_id": others["T02"]})
    rows = visit_coverage(records, 2026, today=date(2026, 5, 1))
    assert [r.target_name for r in rows] == ["东村"]
    # even when asked for another unit, a township sees its own
    assert [r.target_name for r in visit_coverage(records, 2026, others["T02"], today=date(2026, 5, 1))] == [
        "东村"
    ]


def test_a_township_work_report_speaks_of_its_own_unit(open_db: OpenDb) -> None:
    from app.reports.work_report import basic_situation, gather

    db = open_db()
    initialise(db, township_request(admin_name="张明", admin_post="secretary"))
    _county_units(db)
    data = gather(Context.system(db, "admin"), date(2026, 1, 1), date(2026, 6, 30), today=date(2026, 7, 1))
    assert [r.unit_type for r in data.staffing] == ["township"]
    (lead, text), *_rest = basic_situation(data)
    # no posts were entered: none are stated, and no county-wide count
    assert text == "城关镇纪委现有纪检监察干部1名，其中纪委书记1名、专职0名、监察员（含兼任）0名。"
