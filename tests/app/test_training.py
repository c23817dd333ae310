"""Training (每月一课 with attendance, 每周一测 with scores) and reporting (半年述职述廉 with the
county's feedback, 一岗双责): the registers, their rules, their duties' ``paid``, export, the
command line, and how the records travel between a township and the county."""

from __future__ import annotations

import io
import json
import re
from contextlib import redirect_stderr, redirect_stdout
from datetime import date
from pathlib import Path
from typing import Any

import pypdf
import pytest
from apphelpers import PASSWORD, EnrolledPair, enrolled_pair, init_installation, send
from openpyxl import load_workbook
from sqlalchemy import select

from app import cli
from app.context import Context
from app.db.database import Database
from app.models.reporting import ReportFeedback
from app.models.training import Lesson, WeeklyTest
from app.registers import get
from app.registers.fields import HALF, MONTH, WEEK
from app.registers.reporting import half_bounds, half_of, halves_between, party_reports_paid, reports_paid
from app.registers.training import lessons_paid, scores_paid
from app.reports.sign_in_sheet import sign_in_pdf, sign_in_sheets
from app.security import audit
from app.security.roles import PRINT, Actor, CountyOnly, PermissionDenied
from app.services.records import NeedsConfirmation, RecordService, ValidationError
from app.services.spreadsheet import export_register
from app.services.training import take_roll
from app.sync import addressing

LESSONS, ATTENDANCE = get("lessons"), get("lesson_attendance")
TESTS, SCORES = get("weekly_tests"), get("test_scores")
REPORTS, FEEDBACK, PARTY = get("work_reports"), get("report_feedback"), get("party_reports")


class Township:
    """Township T01 with three staff (赵敏 left in 2025), and group G01 with one."""

    def __init__(self, db: Database) -> None:
        self.records = r = RecordService(Context.system(db, "admin"))
        self.db = db
        self.unit = r.ids(get("units"))[0]
        self.group = r.save(get("units"), {"code": "G01", "name": "第一派驻组", "unit_type": "group"})
        staff = get("staff")
        self.wang = r.save(staff, {"name": "王芳", "unit_id": self.unit, "post": "secretary"})
        self.li = r.save(staff, {"name": "李强", "unit_id": self.unit, "post": "member"})
        self.zhao = r.save(
            staff, {"name": "赵敏", "unit_id": self.unit, "post": "member", "left_on": date(2025, 3, 1)}
        )
        self.chen = r.save(staff, {"name": "陈静", "unit_id": self.group, "post": "group_leader"})

    def lesson(self, day: date, topic: str = "学习《纪律处分条例》") -> str:
        return self.records.save(LESSONS, {"held_on": day, "topic": topic, "teacher": "王芳"})

    def test(self, day: date, subject: str = "监督执纪工作规则") -> str:
        return self.records.save(TESTS, {"held_on": day, "subject": subject})

    def paid(self, fn: Any, first: date, last: date) -> dict[str, list[str]]:
        with self.db.session() as s:
            return {k: list(v) for k, v in fn(s, first, last).items()}


@pytest.fixture
def town(open_db) -> Township:  # type: ignore[no-untyped-def]
    db = init_installation(open_db(), unit_type="township", code="T01", name="城关镇纪委")
    return Township(db)


def _refused(
    records: RecordService, reg: Any, values: dict[str, Any], row_id: str | None = None
) -> dict[str, str]:
    with pytest.raises(ValidationError) as refused:
        records.save(reg, values, row_id)
    return {k: str(v) for k, v in refused.value.errors.items()}


def _exported(records: RecordService, reg: Any, path: Path) -> list[list[Any]]:
    assert export_register(records, reg, records.ids(reg), path) == records.count(reg)
    sheet = load_workbook(path).active
    assert sheet is not None
    return [list(row) for row in sheet.iter_rows(values_only=True)]


# ---- 每月一课 ------------------------------------------------------------------------------------
def test_a_lesson_and_its_attendance_are_created_edited_deleted_and_exported(
    town: Township, tmp_path: Path
) -> None:
    r = town.records
    lesson = town.lesson(date(2025, 5, 8))
    assert r.get(LESSONS, lesson)["unit_id"] == town.unit  # the installation's own unit
    here = r.save(ATTENDANCE, {"lesson_id": lesson, "staff_id": town.wang})
    away = r.save(
        ATTENDANCE, {"lesson_id": lesson, "staff_id": town.li, "present": False, "absence_reason": "出差"}
    )
    assert {"present": "1", "absent": "1", "teacher": "王芳"}.items() <= r.rows(LESSONS, [lesson])[
        lesson
    ].items()
    assert r.rows(ATTENDANCE, [here])[here]["held_on"] == "2025-05-08"
    # Present after all: the reason goes with the absence.
    r.save(ATTENDANCE, {"present": True}, away)
    assert r.get(ATTENDANCE, away)["absence_reason"] == ""
    r.save(LESSONS, {"topic": "学习《监察法》"}, lesson)
    assert r.get(LESSONS, lesson)["topic"] == "学习《监察法》"
    rows = _exported(r, ATTENDANCE, tmp_path / "attendance.xlsx")
    assert rows[0][:3] == ["课程", "人员", "出勤"] and {row[1] for row in rows[1:]} == {"王芳", "李强"}
    assert _exported(r, LESSONS, tmp_path / "lessons.xlsx")[1][2] == "学习《监察法》"
    # A lesson with attendance cannot go; its attendance first.
    with pytest.raises(ValidationError) as refused:
        r.delete(LESSONS, lesson)
    assert "每月一课签到 2 条" in str(refused.value)
    r.delete(ATTENDANCE, here)
    r.delete(ATTENDANCE, away)
    r.delete(LESSONS, lesson)
    assert r.count(LESSONS) == 0 and r.count(ATTENDANCE) == 0
    assert [e.op for e in r.history(LESSONS, lesson)] == ["insert", "update", "delete"]


def test_attendance_takes_only_the_holding_units_staff(town: Township) -> None:
    r = town.records
    lesson = town.lesson(date(2025, 5, 8))
    errors = _refused(r, ATTENDANCE, {"lesson_id": lesson, "staff_id": town.chen})
    assert errors == {"staff_id": "「陈静」不是城关镇纪委的工作人员，不能登记在这里。"}
    errors = _refused(r, ATTENDANCE, {"lesson_id": lesson, "staff_id": town.zhao})
    assert errors == {"staff_id": "「赵敏」已于 2025-03-01 离岗，不能登记在这里。"}
    errors = _refused(r, ATTENDANCE, {"lesson_id": lesson, "staff_id": town.li, "present": False})
    assert errors == {"absence_reason": "缺课须填写缺课原因。"}
    r.save(ATTENDANCE, {"lesson_id": lesson, "staff_id": town.li})
    errors = _refused(r, ATTENDANCE, {"lesson_id": lesson, "staff_id": town.li})
    assert errors == {"staff_id": "已有相同「课程、人员」的记录。"}
    # The lesson keeps the unit whose staff it lists.
    errors = _refused(r, LESSONS, {"unit_id": town.group}, lesson)
    assert errors == {"unit_id": "本课已登记了「李强」等原单位人员，不能改换举办单位。"}
    # Only a commission or a group holds lessons.
    county = r.save(get("units"), {"code": "C01", "name": "县纪委监委", "unit_type": "county"})
    assert "unit_id" in _refused(r, LESSONS, {"unit_id": county, "held_on": date(2025, 5, 8), "topic": "学",
                                              "teacher": "王芳"})  # fmt: skip


def test_the_monthly_lesson_duty_names_who_missed(town: Township) -> None:
    duty = ATTENDANCE.duties[0]
    assert (duty.key, duty.period, duty.owes) == ("monthly_lesson", MONTH, "staff")
    r = town.records
    may, june = town.lesson(date(2025, 5, 8)), town.lesson(date(2025, 6, 5))
    wang_may = r.save(ATTENDANCE, {"lesson_id": may, "staff_id": town.wang})
    r.save(ATTENDANCE, {"lesson_id": may, "staff_id": town.li, "present": False, "absence_reason": "病假"})
    li_june = r.save(ATTENDANCE, {"lesson_id": june, "staff_id": town.li})
    assert town.paid(duty.paid, date(2025, 5, 1), date(2025, 5, 31)) == {
        town.wang: [wang_may]
    }  # 李强 missed May
    assert town.paid(duty.paid, date(2025, 6, 1), date(2025, 6, 30)) == {
        town.li: [li_june]
    }  # 王芳 missed June
    assert town.paid(lessons_paid, date(2025, 7, 1), date(2025, 7, 31)) == {}
    r.delete(ATTENDANCE, li_june)
    assert town.paid(lessons_paid, date(2025, 6, 1), date(2025, 6, 30)) == {}


# ---- 每周一测 ------------------------------------------------------------------------------------
def test_a_test_and_its_scores_are_created_edited_deleted_and_exported(
    town: Township, tmp_path: Path
) -> None:
    r = town.records
    test = town.test(date(2025, 5, 9))
    wang = r.save(SCORES, {"test_id": test, "staff_id": town.wang, "score": 92})
    li = r.save(SCORES, {"test_id": test, "staff_id": town.li, "absence_reason": "外出办案"})
    assert r.rows(TESTS, [test])[test]["sat"] == "1"
    r.save(SCORES, {"score": 85}, li)
    assert r.get(SCORES, li)["absence_reason"] == "" and r.rows(TESTS, [test])[test]["average"] == "88.5"
    rows = _exported(r, SCORES, tmp_path / "scores.xlsx")
    assert rows[0][:3] == ["测试", "人员", "成绩"] and sorted(row[2] for row in rows[1:]) == ["85", "92"]
    r.delete(SCORES, wang)
    assert r.count(SCORES) == 1


def test_a_score_is_out_of_a_hundred_and_of_the_units_staff(town: Township) -> None:
    r = town.records
    test = town.test(date(2025, 5, 9))
    assert _refused(r, SCORES, {"test_id": test, "staff_id": town.wang, "score": 101}) == {
        "score": "「成绩」不能大于 100。"
    }
    assert _refused(r, SCORES, {"test_id": test, "staff_id": town.wang, "score": -1}) == {
        "score": "「成绩」不能小于 0。"
    }
    assert _refused(r, SCORES, {"test_id": test, "staff_id": town.wang}) == {
        "score": "请填写成绩；未参加测试的，填写未参测原因。"
    }
    assert _refused(r, SCORES, {"test_id": test, "staff_id": town.chen, "score": 90}) == {
        "staff_id": "「陈静」不是城关镇纪委的工作人员，不能登记在这里。"
    }


def test_the_weekly_test_duty_names_who_missed(town: Township) -> None:
    duty = SCORES.duties[0]
    assert (duty.key, duty.period, duty.owes) == ("weekly_test", WEEK, "staff")
    r = town.records
    first, second = town.test(date(2025, 5, 9)), town.test(date(2025, 5, 16))  # Fridays
    a = r.save(SCORES, {"test_id": first, "staff_id": town.wang, "score": 90})
    b = r.save(SCORES, {"test_id": first, "staff_id": town.li, "score": 60})
    r.save(SCORES, {"test_id": second, "staff_id": town.wang, "absence_reason": "请假"})  # sat nothing
    c = r.save(SCORES, {"test_id": second, "staff_id": town.li, "score": 75})
    assert town.paid(scores_paid, date(2025, 5, 5), date(2025, 5, 11)) == {town.wang: [a], town.li: [b]}
    assert town.paid(duty.paid, date(2025, 5, 12), date(2025, 5, 18)) == {town.li: [c]}  # 王芳 missed


# ---- 半年述职述廉 and the county's feedback ------------------------------------------------------
def test_half_years() -> None:
    assert half_of(date(2025, 6, 30)) == "2025H1" and half_of(date(2025, 7, 1)) == "2025H2"
    assert half_bounds("2025H2") == (date(2025, 7, 1), date(2025, 12, 31))
    assert halves_between(date(2025, 1, 1), date(2025, 6, 30)) == ["2025H1"]
    assert halves_between(date(2025, 6, 1), date(2026, 1, 31)) == ["2025H1", "2025H2", "2026H1"]


def test_a_report_outside_june_and_december_asks_to_be_confirmed(town: Township, tmp_path: Path) -> None:
    r = town.records
    report = r.save(
        REPORTS, {"reported_on": date(2025, 6, 26), "reporter": "王芳", "content": "上半年履职情况"}
    )
    assert {"half": "2025H1", "unit_id": town.unit}.items() <= r.get(REPORTS, report).items()
    with pytest.raises(NeedsConfirmation) as warned:
        r.save(REPORTS, {"reported_on": date(2025, 7, 3), "half": "2025H2", "content": "述职"})
    assert str(warned.value.warnings[0]) == "述职述廉按要求在 6 月和 12 月进行，2025-07-03 不在这两个月。"
    # Late for the first half: recorded, once confirmed, and it pays the first half. One per half.
    errors = _refused(r, REPORTS, {"reported_on": date(2025, 7, 3), "half": "2025H1", "content": "述职"})
    assert errors == {"half": "已有相同「述职单位、半年」的记录。"}
    r.save(REPORTS, {"half": "2024H2"}, report)
    assert _refused(r, REPORTS, {"half": "2025H2"}, report) == {
        "reported_on": "日期不能早于所属半年（2025H2）的开始。"
    }
    assert _refused(r, REPORTS, {"half": "2025年"}, report)["half"].startswith("「半年」格式不对")
    late = r.save(
        REPORTS, {"reported_on": date(2025, 7, 3), "half": "2025H1", "content": "述职"}, confirmed=True
    )
    assert r.get(REPORTS, late)["half"] == "2025H1"
    assert _exported(r, REPORTS, tmp_path / "reports.xlsx")[0][:3] == ["述职单位", "半年", "述职日期"]
    r.save(REPORTS, {"reporter": "李强"}, late)
    r.delete(REPORTS, late)
    assert r.count(REPORTS) == 1


def test_the_half_year_duties_name_who_missed(town: Township) -> None:
    report = REPORTS.duties[0]
    assert (report.key, report.period, report.owes) == ("half_year_report", HALF, "commission")
    party = PARTY.duties[0]
    assert (party.key, party.period, party.owes) == ("party_report", HALF, "township")
    r = town.records
    mine = r.save(REPORTS, {"reported_on": date(2025, 6, 26), "content": "上半年"})
    theirs = r.save(REPORTS, {"unit_id": town.group, "reported_on": date(2025, 12, 20), "content": "下半年"})
    assert town.paid(reports_paid, date(2025, 1, 1), date(2025, 6, 30)) == {
        town.unit: [mine]
    }  # the group missed
    assert town.paid(reports_paid, date(2025, 7, 1), date(2025, 12, 31)) == {town.group: [theirs]}
    heard = r.save(PARTY, {"heard_on": date(2025, 6, 20), "reporter": "镇党委书记 刘洋", "content": "落实一岗双责情况",
                           "opinion": "压力传导还不够"})  # fmt: skip
    assert r.get(PARTY, heard)["half"] == "2025H1"
    assert town.paid(party_reports_paid, date(2025, 1, 1), date(2025, 6, 30)) == {town.unit: [heard]}
    assert town.paid(party.paid, date(2025, 7, 1), date(2025, 12, 31)) == {}
    assert "unit_id" in _refused(r, PARTY, {"unit_id": town.group, "heard_on": date(2025, 6, 20), "reporter": "党组",
                                            "content": "汇报"})  # fmt: skip
    r.save(PARTY, {"opinion": "压力传导还不够，要求逐级约谈"}, heard)
    r.delete(PARTY, heard)
    assert town.paid(party_reports_paid, date(2025, 1, 1), date(2025, 6, 30)) == {}


def test_a_township_cannot_give_the_countys_feedback(town: Township) -> None:
    report = town.records.save(REPORTS, {"reported_on": date(2025, 6, 26), "content": "上半年"})
    clerk = RecordService(Context(town.db, Actor("admin", "admin", None)))
    with pytest.raises(CountyOnly):
        clerk.save(
            FEEDBACK, {"report_id": report, "given_on": date(2025, 7, 10), "rating": "good", "opinion": "好"}
        )


# ---- travel ------------------------------------------------------------------------------------
def test_the_units_records_reach_the_county_and_the_feedback_comes_back(
    exchange_pair: EnrolledPair, tmp_path: Path
) -> None:
    county, town = exchange_pair.county, exchange_pair.unit
    here = RecordService(town)
    staff = get("staff")
    wang = here.save(staff, {"name": "王芳", "unit_id": exchange_pair.unit_id, "post": "secretary"})
    li = here.save(staff, {"name": "李强", "unit_id": exchange_pair.unit_id, "post": "member"})
    lesson = here.save(LESSONS, {"held_on": date(2025, 5, 8), "topic": "学习党章", "teacher": "王芳"})
    present = here.save(ATTENDANCE, {"lesson_id": lesson, "staff_id": wang})
    here.save(ATTENDANCE, {"lesson_id": lesson, "staff_id": li, "present": False, "absence_reason": "出差"})
    test = here.save(TESTS, {"held_on": date(2025, 5, 9), "subject": "党章"})
    score = here.save(SCORES, {"test_id": test, "staff_id": li, "score": 88})
    report = here.save(REPORTS, {"reported_on": date(2025, 6, 26), "content": "上半年履职情况"})
    party = here.save(PARTY, {"heard_on": date(2025, 6, 20), "reporter": "镇党委", "content": "一岗双责"})
    with pytest.raises(CountyOnly):
        here.save(
            FEEDBACK, {"report_id": report, "given_on": date(2025, 7, 10), "rating": "good", "opinion": "好"}
        )
    assert send(town, county, tmp_path).status == "imported"

    there = RecordService(county)
    assert there.get(ATTENDANCE, present)["staff_id"] == wang and there.get(SCORES, score)["score"] == 88
    assert there.get(PARTY, party)["reporter"] == "镇党委"
    with county.db.session() as s:
        assert lessons_paid(s, date(2025, 5, 1), date(2025, 5, 31)) == {wang: [present]}  # 李强 missed
        assert scores_paid(s, date(2025, 5, 5), date(2025, 5, 11)) == {li: [score]}  # 王芳 missed
        assert reports_paid(s, date(2025, 1, 1), date(2025, 6, 30)) == {exchange_pair.unit_id: [report]}
    feedback = there.save(FEEDBACK, {"report_id": report, "given_on": date(2025, 7, 10), "rating": "fairly_good",
                                     "opinion": "工作扎实，教育培训仍需加强"})  # fmt: skip
    assert there.rows(REPORTS, [report])[report]["feedback_on"] == "2025-07-10"
    assert _refused(there, FEEDBACK, {"given_on": date(2025, 6, 1)}, feedback) == {
        "given_on": "反馈日期不能早于述职日期。"
    }
    assert _refused(there, FEEDBACK, {"report_id": report, "given_on": date(2025, 7, 11), "rating": "good",
                                      "opinion": "好"}) == {"report_id": "已有相同「述职述廉」的记录。"}  # fmt: skip
    assert send(county, town, tmp_path, "T01").status == "imported"

    assert {"rating": "fairly_good", "opinion": "工作扎实，教育培训仍需加强"}.items() <= here.get(
        FEEDBACK, feedback
    ).items()
    assert here.rows(REPORTS, [report])[report]["feedback_on"] == "2025-07-10"
    with town.db.session() as s:
        row = s.get(ReportFeedback, feedback)
        assert row is not None and row.owner == "C01"
        unit = s.scalars(select(get("units").model).where(get("units").model.code == "T01")).one()
        assert addressing.relevant(s, "report_feedback", {"owner": "C01", "report_id": report}, unit)


def test_feedback_on_another_units_report_is_not_sent(exchange_pair: EnrolledPair) -> None:
    county = exchange_pair.county
    r = RecordService(county)
    other = r.save(get("units"), {"code": "T02", "name": "河口乡纪委", "unit_type": "township"})
    report = r.save(REPORTS, {"unit_id": other, "reported_on": date(2025, 6, 26), "content": "上半年"})
    with county.db.session() as s:
        t01 = s.get(get("units").model, exchange_pair.unit_id)
        assert not addressing.relevant(s, "report_feedback", {"owner": "C01", "report_id": report}, t01)


# ---- the command line --------------------------------------------------------------------------
def _run(folder: Path, *argv: str) -> tuple[int, str, str]:
    password = folder.parent / "pw.txt"
    password.write_text(PASSWORD + "\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.main(
            ["--data-dir", str(folder), "--user", "admin", "--password-file", str(password), *argv]
        )
    return code, out.getvalue(), err.getvalue()


def test_the_command_line_enters_a_lesson_and_refuses_as_the_form_does(tmp_path: Path) -> None:
    pair = enrolled_pair(tmp_path)
    here = RecordService(pair.unit)
    wang = here.save(get("staff"), {"name": "王芳", "unit_id": pair.unit_id, "post": "secretary"})
    pair.county.db.close()
    pair.unit.db.close()
    town = tmp_path / "T01"
    code, out, err = _run(town, "record", "add", "lessons", "--set", "held_on=2025-05-08", "--set", "授课主题=学习党章",
                          "--set", "teacher=王芳", "--json")  # fmt: skip
    assert code == 0, err
    lesson = json.loads(out)["id"]
    code, out, err = _run(town, "record", "add", "lesson_attendance", "--set", f"lesson_id={lesson}",
                          "--set", "staff_id=王芳", "--json")  # fmt: skip
    assert code == 0, err
    attended = json.loads(out)["id"]
    code, out, _err = _run(town, "record", "list", "lessons", "--json")
    assert [row["id"] for row in json.loads(out)] == [lesson]
    code, _out, err = _run(town, "record", "add", "work_reports", "--set", "reported_on=2025-07-03",
                           "--set", "content=上半年")  # fmt: skip
    assert code == 1 and "述职述廉按要求在 6 月和 12 月进行" in err and "--confirm" in err
    code, _out, err = _run(town, "record", "add", "work_reports", "--set", "reported_on=2025-07-03",
                           "--set", "half=2025H1", "--set", "content=上半年", "--confirm")  # fmt: skip
    assert code == 0, err
    code, _out, err = _run(town, "record", "add", "report_feedback", "--set", "given_on=2025-07-10")
    assert code != 0 and "只由县纪委监委维护" in err
    code, out, _err = _run(town, "record", "show", "lesson_attendance", attended, "--json")
    assert json.loads(out)["fields"] | {"lesson_id": lesson} == json.loads(out)["fields"]
    assert json.loads(out)["fields"]["staff_id"] == wang and json.loads(out)["fields"]["present"] is True


# ---- the sign-in sheet -------------------------------------------------------------------------
def _pdf_text(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [re.sub(r"\s+", "", page.extract_text() or "") for page in reader.pages]


def test_the_sign_in_sheet_lists_the_attendance_or_the_staff_in_post(town: Township, tmp_path: Path) -> None:
    r = town.records
    entered = town.lesson(date(2025, 5, 8), "学习《监察法》")
    r.save(ATTENDANCE, {"lesson_id": entered, "staff_id": town.wang})
    r.save(
        ATTENDANCE, {"lesson_id": entered, "staff_id": town.li, "present": False, "absence_reason": "出差"}
    )
    ahead = town.lesson(date(2025, 6, 5), "案例剖析")  # nothing entered yet: the staff in post
    out = io.BytesIO()
    assert sign_in_pdf(r, [entered, ahead], out) == 2
    first, second = _pdf_text(out.getvalue())
    assert "每月一课签到表" in first and "城关镇纪委" in first and "2025年5月8日" in first
    assert "学习《监察法》" in first and "王芳" in first and "缺课：出差" in first
    assert "李强" in second and "王芳" in second and "赵敏" not in second and "缺课" not in second
    assert first.index("王芳") < first.index("李强")  # the secretary first
    [sheet] = sign_in_sheets(r, [ahead])
    assert [name for name, _post, _note in sheet.people] == ["王芳", "李强"]
    with town.db.session() as s:
        printed = list(
            s.scalars(select(audit.AuditEntry.target_id).where(audit.AuditEntry.action == audit.PRINT))
        )
    assert printed == [entered, ahead]
    reader = RecordService(Context(town.db, Actor("reader", "readonly", None)))
    assert not reader.can(PRINT)
    with pytest.raises(PermissionDenied):
        sign_in_pdf(reader, [entered], tmp_path / "refused.pdf")
    assert not (tmp_path / "refused.pdf").exists()


def test_taking_the_roll_enters_the_staff_in_post_as_present(town: Township) -> None:
    r = town.records
    lesson = town.lesson(date(2025, 5, 8))
    r.save(ATTENDANCE, {"lesson_id": lesson, "staff_id": town.li, "present": False, "absence_reason": "病假"})
    added = take_roll(r, lesson)  # 王芳; not 李强 (listed), 赵敏 (left in March), 陈静 (another unit)
    assert [r.get(ATTENDANCE, a)["staff_id"] for a in added] == [town.wang]
    assert r.get(ATTENDANCE, added[0])["present"] is True
    assert take_roll(r, lesson) == []
    assert town.paid(lessons_paid, date(2025, 5, 1), date(2025, 5, 31)) == {town.wang: added}


def test_only_the_unit_keeping_a_lesson_enters_its_attendance(town: Township) -> None:
    r = town.records
    lesson, test = town.lesson(date(2025, 5, 8)), town.test(date(2025, 5, 9))
    with town.db.session() as s:  # as if kept by the county and received in its bundle
        for model, row_id in ((Lesson, lesson), (WeeklyTest, test)):
            row = s.get(model, row_id)
            assert row is not None
            row.owner = "C01"
    assert _refused(r, ATTENDANCE, {"lesson_id": lesson, "staff_id": town.wang}) == {
        "lesson_id": "所选记录属于单位 C01，其中的人员只能由该单位登记。"
    }
    assert _refused(r, SCORES, {"test_id": test, "staff_id": town.wang, "score": 80}) == {
        "test_id": "所选记录属于单位 C01，其中的人员只能由该单位登记。"
    }
