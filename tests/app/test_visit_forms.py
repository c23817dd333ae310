"""The printed visit forms (驻村 / 驻在监督工作记录表): one page a planned or done visit of the
quarter in date order, the bundled font embedded, village and code on each page, pre-filled or
blank, the checklist ticked from the stored matters, a PRINT audit entry per visit, and the
``print visit-forms`` command. (The QR codes are decoded in tests/ui/test_visit_forms_qr.py: that
needs Qt to render the pages.)"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pdfcheck
import pypdf
import pytest
from apphelpers import PASSWORD, Cli, OpenDb, init_installation
from sqlalchemy import select, update

from app.context import Context
from app.db.database import Database
from app.db.local import User
from app.registers import get
from app.reports.visit_forms import quarter_visit_ids, visit_forms_pdf, visit_sheets
from app.security import audit
from app.security.roles import Actor, PermissionDenied
from app.services.records import RecordService
from app.services.transitions import Transitions

VISITS = get("visits")
QUARTER = "2025Q4"
FINDINGS = "查阅第三季度村务公开栏，财务收支明细已按月公开；走访农户6户，群众对惠民资金发放无异议。"
PROBLEMS = "村务公开栏8月份工程款支出未附明细。"
FOLLOW_UP = "督促村两委10月底前补充公开，下次驻村时复查。"
TALKED = "村党支部书记张建国、村委会主任刘洋"


@dataclass
class Town:
    db: Database
    records: RecordService
    villages: dict[str, str]
    ordered: list[str]  # the quarter's planned and done visits, in date order
    done: str
    cancelled: str
    deleted: str
    later: str  # next quarter


def add_township_data(records: RecordService) -> Town:
    r = records
    unit = r.ids(get("units"))[0]
    names = ("东湾村", "西岭村", "南塘村", "北坡村", "中心社区", "白沙村", "石桥村")
    villages = {n: r.save(get("villages"), {"township_id": unit, "name": n}) for n in names}
    staff = get("staff")
    li = r.save(staff, {"name": "李强", "unit_id": unit, "post": "member"})
    zhao = r.save(staff, {"name": "赵敏", "unit_id": unit, "post": "member"})

    def visit(village: str, day: date, **extra: object) -> str:
        values = {"village_id": villages[village], "planned_on": day, "lead_id": li, "member_id": zhao}
        return r.save(VISITS, {**values, **extra})

    east = visit("东湾村", date(2025, 12, 2))
    done = visit("西岭村", date(2025, 10, 9), days=2)
    south = visit("南塘村", date(2025, 11, 14))
    north = visit("北坡村", date(2025, 10, 21))
    cancelled = visit("中心社区", date(2025, 12, 16))
    deleted = visit("石桥村", date(2025, 11, 5))
    later = visit("白沙村", date(2026, 1, 8))
    transitions = Transitions(r)
    transitions.apply(
        VISITS,
        done,
        "record",
        {
            "visited_on": date(2025, 10, 9),
            "matters": "村务公开、作风问题、低保评定",
            "people_talked": TALKED,
            "findings": FINDINGS,
            "problems": PROBLEMS,
            "clues_found": "无",
            "follow_up": FOLLOW_UP,
        },
        "录入纸质记录表",
    )
    transitions.apply(VISITS, cancelled, "cancel", {}, "村里换届，改期")
    r.delete(VISITS, deleted)
    return Town(r.db, r, villages, [done, north, south, east], done, cancelled, deleted, later)


@pytest.fixture
def town(open_db: OpenDb) -> Town:
    db = init_installation(open_db(), unit_type="township", code="T01", name="城关镇纪委")
    return add_township_data(RecordService(Context.system(db, "admin")))


def code_of(records: RecordService, visit_id: str) -> str:
    return str(records.get(VISITS, visit_id)["code"])


def pdf_text(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [re.sub(r"\s+", "", page.extract_text() or "") for page in reader.pages]


def prints(db: Database) -> list[audit.AuditEntry]:
    with db.session() as s:
        stmt = select(audit.AuditEntry).where(audit.AuditEntry.action == audit.PRINT)
        return list(s.scalars(stmt.order_by(audit.AuditEntry.seq)))


def test_the_quarter_is_its_live_planned_and_done_visits_in_date_order(town: Town) -> None:
    assert quarter_visit_ids(town.records, QUARTER) == town.ordered
    assert quarter_visit_ids(town.records, "2025q4") == town.ordered
    assert quarter_visit_ids(town.records, "2026Q1") == [town.later]
    assert quarter_visit_ids(town.records, "2025Q3") == []
    with pytest.raises(ValueError):
        quarter_visit_ids(town.records, "2025Q5")


def test_one_page_a_visit_with_the_village_and_its_code(town: Town, tmp_path: Path) -> None:
    path = tmp_path / "out" / "visits.pdf"
    path.parent.mkdir()
    ids = quarter_visit_ids(town.records, QUARTER)
    assert visit_forms_pdf(town.records, ids, path) == 4
    assert [p.name for p in path.parent.iterdir()] == ["visits.pdf"]  # no temporary file left
    pages = pdf_text(path.read_bytes())
    assert len(pages) == 4
    for n, (page, village) in enumerate(zip(pages, ("西岭村", "北坡村", "南塘村", "东湾村"), strict=True), 1):
        assert "驻村监督工作记录表" in page and "驻在" not in page
        assert village in page and code_of(town.records, ids[n - 1]) in page
        assert "城关镇纪委" in page and "李强" in page and "赵敏" in page
        assert "2025年第四季度" in page and f"第{n}页共4页" in page
        for box in ("谈话人员", "检查事项", "发现情况", "存在问题", "问题线索", "跟进措施"):
            assert box in page
        assert "驻村人员签名" in page and "村（社区）负责人签名" in page
    assert "2025年10月9日" in pages[0] and "2天" in pages[0]
    assert "2025年12月2日" in pages[3]
    everything = "".join(pages)
    assert "中心社区" not in everything and "石桥村" not in everything and "白沙村" not in everything


def test_every_font_is_an_embedded_subset_and_the_text_is_set_in_official_faces(town: Town) -> None:
    out = io.BytesIO()
    visit_forms_pdf(town.records, town.ordered, out)
    faces = pdfcheck.assert_embedded_subsets(out.getvalue())
    assert any(pdfcheck.SERIF_BODY.search(f) for f in faces)  # 宋体 for labels and values
    assert "NotoSerifCJKsc-Black" in faces  # the title
    assert "NotoSansMonoCJKsc-Bold" in faces  # the form's code under the QR code
    assert len(out.getvalue()) < 600_000  # subsets, not the megabytes of the faces


def test_no_line_of_a_visit_form_breaks_against_the_rules(town: Town, tmp_path: Path) -> None:
    pattern = "走访农户（第二组）；群众反映“低保评定不公开。”《公示》未张贴，"
    notes = "\n".join("甲" * k + pattern * 3 for k in range(8))
    for visit_id in town.ordered[:1]:
        town.records.save(VISITS, {"findings": notes, "problems": notes}, visit_id)
    path = tmp_path / "visits.pdf"
    visit_forms_pdf(town.records, town.ordered[:1], path)
    assert sum("（第二组）" in line for line in pdfcheck.lines(path)) > 10
    assert pdfcheck.broken_lines(path) == []


def test_the_footer_names_the_unit_and_who_registered_never_a_login(town: Town) -> None:
    with town.db.session() as s:  # the records are the administrator's, who has a name now
        s.execute(update(User).where(User.username == "admin").values(full_name="周文斌"))
    out = io.BytesIO()
    visit_forms_pdf(town.records, town.ordered[:1], out)
    (page,) = pdf_text(out.getvalue())
    assert "登记人：周文斌" in page and "打印日期：" in page and "打印人" not in page
    assert "admin" not in page


def test_pre_filled_shows_what_is_stored_and_blank_only_the_plan(town: Town) -> None:
    filled, blank = io.BytesIO(), io.BytesIO()
    visit_forms_pdf(town.records, [town.done], filled)
    visit_forms_pdf(town.records, [town.done], blank, blank=True)
    (filled_text,) = pdf_text(filled.getvalue())
    (blank_text,) = pdf_text(blank.getvalue())
    code = code_of(town.records, town.done)
    for shown in (FINDINGS, PROBLEMS, FOLLOW_UP, TALKED, "低保评定"):
        assert re.sub(r"\s+", "", shown) in filled_text
        assert re.sub(r"\s+", "", shown) not in blank_text
    for both in ("西岭村", code, "2025年10月9日", "李强", "赵敏", "城关镇纪委", "村务公开"):
        assert both in filled_text and both in blank_text
    [sheet] = visit_sheets(town.records, [town.done])
    ticked = {name for name, checked in sheet.matters if checked}
    assert ticked == {"村务公开", "作风问题"} and sheet.other_matters == "低保评定"
    assert [name for name, _ in sheet.matters][:3] == ["村务公开", "集体“三资”管理", "惠民惠农资金发放"]
    assert "“签字背书”落实" not in dict(sheet.matters)  # a group's matter
    [empty] = visit_sheets(town.records, [town.done], blank=True)
    assert not any(checked for _, checked in empty.matters) and empty.other_matters == ""
    assert empty.findings == empty.visited_on == empty.people_talked == ""
    assert empty.code == code and empty.target == "西岭村" and empty.lead == "李强"


def test_the_county_checklist_setting_is_what_the_form_lists(town: Town) -> None:
    items = get("checklist_items")
    town.records.save(items, {"name": "村务公开", "applies_to": "township", "position": 2})
    town.records.save(items, {"name": "人居环境整治", "applies_to": "both", "position": 1})
    town.records.save(items, {"name": "廉政风险防控", "applies_to": "group", "position": 3})
    [sheet] = visit_sheets(town.records, [town.done])
    assert sheet.matters == (("人居环境整治", False), ("村务公开", True))
    assert sheet.other_matters == "作风问题、低保评定"


def test_each_printed_visit_is_audited_and_printing_needs_the_permission(town: Town, tmp_path: Path) -> None:
    visit_forms_pdf(town.records, town.ordered[:2], tmp_path / "a.pdf")
    visit_forms_pdf(town.records, town.ordered[2:3], tmp_path / "b.pdf", blank=True)
    entries = prints(town.db)
    assert [(e.actor, e.target_table, e.target_id, e.detail) for e in entries] == [
        ("admin", "visits", town.ordered[0], "form=visit"),
        ("admin", "visits", town.ordered[1], "form=visit"),
        ("admin", "visits", town.ordered[2], "form=visit_blank"),
    ]
    with town.db.session() as s:
        assert audit.verify(s) is None
    readonly = RecordService(Context(town.db, Actor("viewer", "readonly", None)))
    with pytest.raises(PermissionDenied):
        visit_forms_pdf(readonly, town.ordered, tmp_path / "x.pdf")
    with pytest.raises(ValueError):
        visit_forms_pdf(town.records, [], tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
    assert len(prints(town.db)) == 3


def test_long_notes_shrink_to_keep_one_page_a_visit(town: Town) -> None:
    long_text = "\n".join(f"第{n}条：" + FINDINGS * 2 for n in range(1, 13))
    town.records.save(VISITS, {"findings": long_text, "follow_up": long_text}, town.done, confirmed=True)
    out = io.BytesIO()
    assert visit_forms_pdf(town.records, town.ordered, out) == 4
    pages = pdf_text(out.getvalue())
    assert len(pages) == 4 and "第12条" in pages[0]


def test_a_groups_visit_prints_the_residency_form(open_db: OpenDb) -> None:
    db = init_installation(open_db(), unit_type="group", code="G01", name="第一派驻纪检监察组")
    r = RecordService(Context.system(db, "admin"))
    group = r.ids(get("units"))[0]
    bureau = r.save(get("supervised_units"), {"group_id": group, "name": "县教育局"})
    lead = r.save(get("staff"), {"name": "周文", "unit_id": group, "post": "group_member"})
    vid = r.save(VISITS, {"supervised_unit_id": bureau, "planned_on": date(2025, 11, 4), "lead_id": lead})
    out = io.BytesIO()
    assert visit_forms_pdf(r, quarter_visit_ids(r, QUARTER), out, blank=True) == 1
    (text,) = pdf_text(out.getvalue())
    assert "驻在监督工作记录表" in text and "县教育局" in text and "被监督单位负责人签名" in text
    assert "驻在人员签名" in text and "第一派驻纪检监察组" in text and code_of(r, vid) in text
    assert "“签字背书”落实" in text and "村务公开" not in text


def test_the_print_visit_forms_command(cli: Cli, tmp_path: Path) -> None:
    from app.services.login import login

    cli.ok("init", "--type", "township", "--code", "T01", "--name", "城关镇纪委", "--county-code", "C01",
           "--county-name", "测试县", "--admin", "admin")  # fmt: skip
    opened = login(cli.data_dir, None, "admin", PASSWORD)
    try:
        town = add_township_data(RecordService(opened))
        codes = [code_of(town.records, vid) for vid in town.ordered]
    finally:
        opened.db.close()
    out = tmp_path / "visits.pdf"
    result = cli.ok("print", "visit-forms", "--quarter", QUARTER, "--out", str(out))
    assert result.stdout.strip() == f"{out.resolve()}\t4"
    assert "共 4 页" in result.stderr
    pages = pdf_text(out.read_bytes())
    assert [next(c for c in codes if c in page) for page in pages] == codes
    assert "西岭村" in pages[0] and re.sub(r"\s+", "", FINDINGS) in pages[0]
    blank = tmp_path / "blank.pdf"
    cli.ok("print", "visit-forms", "--quarter", QUARTER, "--out", str(blank), "--blank")
    blank_pages = pdf_text(blank.read_bytes())
    assert len(blank_pages) == 4 and "西岭村" in blank_pages[0]
    assert re.sub(r"\s+", "", FINDINGS) not in blank_pages[0]
    printed = [r for r in cli.dump() if r["table"] == "audit_log" and r["fields"]["action"] == audit.PRINT]
    assert len(printed) == 8

    for quarter, reason in (
        ("2025Q3", "没有已安排或已完成"),
        ("2025Q7", "季度写得不对"),
        ("下季度", "季度写得不对"),
    ):
        missing = tmp_path / f"none-{quarter}.pdf"
        failed = cli.run("print", "visit-forms", "--quarter", quarter, "--out", str(missing))
        assert failed.returncode == 1 and reason in failed.stderr and failed.stdout == ""
        assert not missing.exists()
    assert cli.run("print", "visit-forms", "--out", str(out)).returncode == 2  # --quarter is required
    assert cli.run("print").returncode == 2
