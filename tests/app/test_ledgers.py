"""The daily supervision ledgers (签字背书, 谈话纪实季检季报, 三重一大, 讲规学法), the village affairs
supervision committees and the liaisons' monthly reports: each register's records created, edited,
deleted and exported; their rules refused with their messages; the frequency rules' ``paid``;
coverage naming who is missing; a township's entries in a bundle merged at the county."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from apphelpers import Cli, backdate_registry, enrolled_pair, init_installation, send
from openpyxl import load_workbook

from app.context import Context
from app.db.database import Database
from app.models.casework import Inquiry
from app.models.ledgers import SignoffCheck
from app.registers import get
from app.registers.fields import MONTH, QUARTER
from app.registers.ledgers import (
    committee_name,
    liaison_reports_paid,
    major_matters_paid,
    missing_liaison_reports,
    talks_paid,
)
from app.services.coverage import MISSED, UNPLANNED, VISITED, ledger_coverage
from app.services.records import ListQuery, RecordService, ValidationError
from app.services.spreadsheet import export_register

SIGNOFFS, TALKS, MAJOR = get("ledger_signoff"), get("ledger_talk_record"), get("ledger_major_matters")
LAW, MEMBERS, MEETINGS = (
    get("ledger_law_study"),
    get("village_committee_members"),
    get("village_committee_records"),
)
REPORTS = get("liaison_reports")


class Town:
    def __init__(self, db: Database) -> None:
        self.records = r = RecordService(Context.system(db, "admin"))
        self.unit = r.ids(get("units"))[0]
        self.villages = {
            name: r.save(get("villages"), {"township_id": self.unit, "name": name, "liaison_name": liaison})
            for name, liaison in (("东湾村", "陈明"), ("西岭村", "刘洋"), ("南塘村", ""))
        }
        backdate_registry(r.ctx)  # in the registry long before the quarters the tests look at


@pytest.fixture
def town(open_db) -> Town:  # type: ignore[no-untyped-def]
    return Town(init_installation(open_db(), unit_type="township", code="T01", name="城关镇纪委"))


def _refused(records: RecordService, reg, values, row_id=None) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as bad:
        records.save(reg, values, row_id)
    return {k: str(v) for k, v in bad.value.errors.items()}


# The values each register needs, made at the township T01.
def _examples(t: Town) -> dict[str, tuple[dict[str, object], dict[str, object]]]:
    """register -> (values to create, an edit)."""
    return {
        "ledger_signoff": (
            {"matter": "党风廉政建设责任书", "signer": "周强", "signer_post": "党委书记",
             "signed_on": date(2026, 3, 2), "checked_on": date(2026, 3, 20), "content": "签字齐全"},
            {"problems": "一份单据事后补签"},
        ),
        "ledger_talk_record": (
            {"quarter": "2026Q1", "leader": "周强", "appointment_talks": 2, "reminder_talks": 1,
             "routine_talks": 6, "checked_on": date(2026, 4, 3), "content": "谈话纪实完整"},
            {"reported": True},
        ),
        "ledger_major_matters": (
            {"matter_kind": "funds", "matter": "拨付产业发展扶持资金", "amount": 500_000,
             "meeting": "party_committee", "meeting_on": date(2026, 5, 8), "attendees": "周强、吴敏、郑涛",
             "objections": "一名委员建议分期拨付", "supervision": "attended", "checked_on": date(2026, 5, 8)},
            {"content": "程序规范，已按季反馈", "reported": True},
        ),
        "ledger_law_study": (
            {"village_id": t.villages["东湾村"], "checked_on": date(2026, 6, 10), "content": "集中学习2次"},
            {"follow_up": "督促补学"},
        ),
        "village_committee_members": (
            {"village_id": t.villages["东湾村"], "name": "孙丽", "role": "chair", "term_start": date(2021, 5, 1),
             "term_end": date(2026, 4, 30), "phone": "13900000001"},
            {"phone": "13900000002"},
        ),
        "village_committee_records": (
            {"village_id": t.villages["东湾村"], "held_on": date(2026, 7, 2), "kind": "finance",
             "subject": "审核本月村级财务收支", "content": "票据齐全"},
            {"problems": "一张发票抬头不符"},
        ),
        "liaison_reports": (
            {"village_id": t.villages["东湾村"], "month": "2026-06", "reported_on": date(2026, 7, 3),
             "village_affairs": "按时公开", "assets": "账实相符", "clue_count": 0},
            {"problems": "公开栏破损"},
        ),
    }  # fmt: skip


@pytest.mark.parametrize(
    "name",
    [
        "ledger_signoff",
        "ledger_talk_record",
        "ledger_major_matters",
        "ledger_law_study",
        "village_committee_members",
        "village_committee_records",
        "liaison_reports",
    ],
)
def test_each_register_creates_edits_deletes_and_exports(town: Town, name: str, tmp_path: Path) -> None:
    reg, r = get(name), town.records
    values, edit = _examples(town)[name]
    rid = r.save(reg, values)
    stored = r.get(reg, rid)
    assert all(stored[k] == v for k, v in values.items()), stored
    r.save(reg, edit, rid)
    assert all(r.get(reg, rid)[k] == v for k, v in edit.items())
    assert r.ids(reg) == [rid]
    path = tmp_path / f"{name}.xlsx"
    assert export_register(r, reg, [rid], path) == 1
    ws = load_workbook(path).active
    assert ws is not None
    header = [c.value for c in next(ws.iter_rows())]
    assert header and all(isinstance(h, str) and h for h in header)
    r.delete(reg, rid)
    assert r.ids(reg) == []


def test_a_township_checks_its_own_party_committee(town: Town) -> None:
    r = town.records
    values, _edit = _examples(town)["ledger_signoff"]
    rid = r.save(SIGNOFFS, values)
    stored = r.get(SIGNOFFS, rid)
    # Neither a village nor a supervised unit: the township's own 党委.
    assert (stored["target"], stored["quarter"], stored["unit_id"]) == ("committee", "2026Q1", town.unit)
    assert stored["village_id"] is None and stored["supervised_unit_id"] is None
    assert r.ids(SIGNOFFS, ListQuery(filters={"target": "committee"})) == [rid]
    assert committee_name("城关镇纪委") == "城关镇党委"
    # Naming a village besides the 党委 is refused.
    assert _refused(
        r, SIGNOFFS, {**values, "target": "committee", "village_id": town.villages["东湾村"]}
    ) == {"target": "检查对象是本乡镇党委时，不要再选村（社区）或被监督单位。"}
    assert _refused(r, SIGNOFFS, {**values, "target": "village"}) == {
        "village_id": "检查对象是村（社区）时，请选择一个村（社区）。"
    }


def test_a_group_has_no_party_committee_of_its_own(open_db) -> None:  # type: ignore[no-untyped-def]
    db = init_installation(open_db(), unit_type="group", code="G01", name="派驻第一纪检监察组")
    r = RecordService(Context.system(db, "admin"))
    group = r.ids(get("units"))[0]
    su = r.save(get("supervised_units"), {"group_id": group, "name": "县财政局"})
    values = {"quarter": "2026Q2", "leader": "钱进", "routine_talks": 3, "checked_on": date(2026, 6, 28)}
    assert _refused(r, TALKS, {**values, "target": "committee"}) == {
        "target": "只有乡镇纪委可以登记对本乡镇党委的检查。"
    }
    assert _refused(r, TALKS, values) == {"target": "请选择检查对象。"}
    rid = r.save(TALKS, {**values, "supervised_unit_id": su})
    assert r.get(TALKS, rid)["target"] == "supervised_unit"


def test_a_letter_reply_is_signed_off(town: Town) -> None:
    """A 函询 reply: the signoff links the letter inquiry and takes its signer and date."""
    r = town.records
    clue = r.save(get("clues"), {"source": "petition", "received_on": date(2026, 2, 1), "subject_name": "张三"},
                  confirmed=True)  # fmt: skip
    with r.db.session() as s:
        letter = Inquiry(clue_id=clue, kind="letter", letter_no="城纪函〔2026〕3号", reply_on=date(2026, 3, 10),
                         signed_by="周强", owner="T01", version_origin="T01", version_counter=1,
                         created_by="admin", updated_by="admin")  # fmt: skip
        talk = Inquiry(clue_id=clue, kind="talk", owner="T01", version_origin="T01", version_counter=2,
                       created_by="admin", updated_by="admin")  # fmt: skip
        s.add_all([letter, talk])
        s.flush()
        letter_id, talk_id = letter.id, talk.id
    rid = r.save(SIGNOFFS, {"inquiry_id": letter_id, "checked_on": date(2026, 3, 20)})
    stored = r.get(SIGNOFFS, rid)
    assert (stored["matter"], stored["signer"], stored["signed_on"]) == (
        "函询回复 城纪函〔2026〕3号",
        "周强",
        date(2026, 3, 10),
    )
    # Only a letter inquiry; without one the matter must be written.
    assert "inquiry_id" in _refused(r, SIGNOFFS, {"inquiry_id": talk_id, "checked_on": date(2026, 3, 20)})
    assert _refused(r, SIGNOFFS, {"checked_on": date(2026, 3, 20)}) == {
        "matter": "请填写签字背书的事项（函询回复请选择所回复的函询）。"
    }
    assert _refused(
        r, SIGNOFFS, {"matter": "责任书", "signed_on": date(2026, 3, 21), "checked_on": date(2026, 3, 20)}
    ) == {"signed_on": "签字日期不能晚于检查日期。"}


def test_major_matter_rules(town: Town) -> None:
    r = town.records
    values, _edit = _examples(town)["ledger_major_matters"]
    assert _refused(r, MAJOR, {**values, "amount": None}) == {"amount": "大额资金使用须填写金额（元）。"}
    assert _refused(r, MAJOR, {**values, "checked_on": date(2026, 5, 9)}) == {
        "checked_on": "列席监督的日期就是会议日期。"
    }
    assert _refused(r, MAJOR, {**values, "supervision": "reviewed", "checked_on": date(2026, 5, 1)}) == {
        "checked_on": "事后审查的日期不能早于会议日期。"
    }
    assert "amount" in _refused(r, MAJOR, {**values, "amount": -1})
    # A decision needs no amount; the quarter is the meeting's.
    rid = r.save(MAJOR, {**values, "matter_kind": "decision", "amount": None, "supervision": "reviewed",
                         "meeting_on": date(2026, 3, 30), "checked_on": date(2026, 4, 10)})  # fmt: skip
    assert r.get(MAJOR, rid)["quarter"] == "2026Q1"


def test_village_committee_and_report_rules(town: Town) -> None:
    r = town.records
    east = town.villages["东湾村"]
    values, _edit = _examples(town)["village_committee_members"]
    first = r.save(MEMBERS, values)
    assert _refused(r, MEMBERS, {**values, "name": "赵刚", "term_start": date(2024, 1, 1)}) == {
        "role": "该村（社区）同一任期已有村务监督委员会主任「孙丽」。"
    }
    # The next term's chair, and an ordinary member, are fine; a term cannot end before it starts.
    r.save(MEMBERS, {**values, "name": "赵刚", "term_start": date(2026, 5, 1), "term_end": date(2031, 4, 30)})
    r.save(MEMBERS, {**values, "name": "钱芳", "role": "member"})
    assert _refused(
        r, MEMBERS, {**values, "name": "李四", "role": "member", "term_end": date(2020, 1, 1)}
    ) == {"term_end": "任期结束不能早于任期开始。"}
    r.save(MEMBERS, {"name": "孙丽改"}, first)  # editing the chair itself is no clash
    # Reports: the liaison comes from the village; one report a village a month.
    rid = r.save(REPORTS, {"village_id": east, "reported_on": date(2026, 7, 3), "month": "2026-06"})
    assert r.get(REPORTS, rid)["liaison"] == "陈明"
    assert _refused(
        r, REPORTS, {"village_id": east, "reported_on": date(2026, 7, 4), "month": "2026-06"}
    ) == {"month": "已有相同「村（社区）、月份」的记录。"}
    assert _refused(
        r, REPORTS, {"village_id": east, "reported_on": date(2026, 5, 30), "month": "2026-07"}
    ) == {"reported_on": "报告日期不能早于所报月份。"}
    assert _refused(r, REPORTS, {"village_id": town.villages["南塘村"], "reported_on": date(2026, 7, 3)}) == {
        "liaison": "请填写联络员（或在村（社区）登记中填写村级纪检监察员）。"
    }
    assert "month" in _refused(
        r, REPORTS, {"village_id": east, "reported_on": date(2026, 7, 3), "month": "2026-13"}
    )


def test_the_frequency_rules_and_who_paid_them(town: Town) -> None:
    assert [(d.key, d.period, d.owes) for d in TALKS.duties] == [
        ("talk_record_quarterly", QUARTER, "commission")
    ]
    assert [(d.key, d.period, d.owes) for d in MAJOR.duties] == [
        ("major_matters_quarterly", QUARTER, "commission")
    ]
    assert [(d.key, d.period, d.owes) for d in REPORTS.duties] == [("liaison_monthly", MONTH, "village")]
    assert not SIGNOFFS.duties and not LAW.duties
    r = town.records
    talk = r.save(TALKS, _examples(town)["ledger_talk_record"][0])
    major = r.save(MAJOR, _examples(town)["ledger_major_matters"][0])
    east, west = town.villages["东湾村"], town.villages["西岭村"]
    june = r.save(REPORTS, {"village_id": east, "month": "2026-06", "reported_on": date(2026, 7, 2)})
    july = r.save(REPORTS, {"village_id": west, "month": "2026-07", "reported_on": date(2026, 8, 1)})
    with r.db.session() as s:
        assert talks_paid(s, date(2026, 1, 1), date(2026, 3, 31)) == {town.unit: [talk]}
        assert talks_paid(s, date(2026, 4, 1), date(2026, 6, 30)) == {}
        assert major_matters_paid(s, date(2026, 4, 1), date(2026, 6, 30)) == {town.unit: [major]}
        assert liaison_reports_paid(s, date(2026, 6, 1), date(2026, 6, 30)) == {east: [june]}
        assert liaison_reports_paid(s, date(2026, 6, 1), date(2026, 7, 31)) == {east: [june], west: [july]}
        # Coverage of a month names the villages missing it.
        assert [v.name for v in missing_liaison_reports(s, "2026-06")] == ["南塘村", "西岭村"]
        assert [v.name for v in missing_liaison_reports(s, "2026-07")] == ["东湾村", "南塘村"]
    r.delete(REPORTS, june)
    with r.db.session() as s:
        assert liaison_reports_paid(s, date(2026, 6, 1), date(2026, 6, 30)) == {}


def test_ledger_coverage_names_the_party_committee_and_who_is_missing(town: Town) -> None:
    r = town.records
    r.save(SIGNOFFS, _examples(town)["ledger_signoff"][0])  # the 党委, 2026Q1
    r.save(
        SIGNOFFS,
        {"matter": "报账单据", "village_id": town.villages["西岭村"], "checked_on": date(2026, 5, 6)},
    )
    rows = ledger_coverage(r, "signoff", 2026, today=date(2026, 11, 27))
    assert [(row.target_name, row.target_kind) for row in rows] == [
        ("城关镇党委", "committee"), ("东湾村", "village"), ("南塘村", "village"), ("西岭村", "village"),
    ]  # fmt: skip
    by_name = {row.target_name: row for row in rows}
    assert (
        by_name["城关镇党委"].status("2026Q1") == VISITED and by_name["城关镇党委"].status("2026Q2") == MISSED
    )
    missing = [row.target_name for row in rows if row.status("2026Q2") == MISSED]
    assert missing == ["城关镇党委", "东湾村", "南塘村"]
    assert by_name["西岭村"].status("2026Q4") == UNPLANNED
    # Another ledger has its own entries.
    assert all(
        row.status("2026Q1") == MISSED
        for row in ledger_coverage(r, "talk_record", 2026, today=date(2026, 11, 27))
    )


def test_the_command_line_refuses_with_the_same_message(cli: Cli) -> None:
    cli.init_county()
    cli.ok(
        "record",
        "add",
        "units",
        "--set",
        "code=T01",
        "--set",
        "name=城关镇纪委",
        "--set",
        "unit_type=township",
    )
    base = ("record", "add", "ledger_major_matters", "--set", "unit_id=城关镇纪委", "--set", "target=committee",
            "--set", "matter_kind=funds", "--set", "matter=购置办公设备", "--set", "supervision=reviewed",
            "--set", "meeting_on=2026-05-08", "--set", "checked_on=2026-05-20")  # fmt: skip
    refused = cli.run(*base)
    assert refused.returncode == 1 and "大额资金使用须填写金额（元）。" in refused.stderr
    added = cli.json(*base, "--set", "amount=80000", "--json")
    [row] = cli.json("record", "list", "ledger_major_matters", "--json")
    assert row["id"] == added["id"] and row["target"] == "本乡镇党委" and row["quarter"] == "2026Q2"


def test_a_townships_entries_travel_to_the_county(tmp_path: Path) -> None:
    pair = enrolled_pair(tmp_path)
    try:
        town = RecordService(pair.unit)
        village = town.save(
            get("villages"), {"township_id": pair.unit_id, "name": "东湾村", "liaison_name": "陈明"}
        )
        signoff = town.save(SIGNOFFS, {"matter": "党风廉政建设责任书", "signer": "周强",
                                       "checked_on": date(2026, 3, 20)})  # fmt: skip
        report = town.save(REPORTS, {"village_id": village, "month": "2026-06", "reported_on": date(2026, 7, 3),
                                     "clues": "反映村会计报销不规范", "clue_count": 1})  # fmt: skip
        member = town.save(MEMBERS, {"village_id": village, "name": "孙丽", "role": "chair"})
        result = send(pair.unit, pair.county, tmp_path)
        assert result.status == "imported", result.message
        county = RecordService(pair.county)
        at_county = county.get(SIGNOFFS, signoff)
        assert (at_county["target"], at_county["unit_id"], at_county["matter"]) == (
            "committee",
            pair.unit_id,
            "党风廉政建设责任书",
        )
        assert county.get(REPORTS, report)["clues"] == "反映村会计报销不规范"  # sealed, opened with the key
        assert county.get(MEMBERS, member)["name"] == "孙丽"
        with pair.county.db.session() as s:
            row = s.get(SignoffCheck, signoff)
            assert row is not None and row.owner == "T01"
        # The county's coverage sees the township's 党委 checked in 2026Q1.
        rows = {
            row.target_name: row for row in ledger_coverage(county, "signoff", 2026, today=date(2026, 11, 27))
        }
        assert rows["城关镇党委"].status("2026Q1") == VISITED
    finally:
        pair.county.db.close()
        pair.unit.db.close()
