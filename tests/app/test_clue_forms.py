"""The printed clue forms: one page a clue, the bundled font embedded as a subset, the text each
role may see and nothing more, 仅登记 clues without content, and a PRINT audit entry per clue."""

from __future__ import annotations

import io
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pdfcheck
import pypdf
import pytest
from sqlalchemy import select, update

from app.context import Context
from app.db.database import Database
from app.db.local import User
from app.registers import get
from app.reports.clue_forms import APPROVAL, REGISTER, UnknownFormError, clue_forms_pdf
from app.security import audit
from app.security.roles import Actor, PermissionDenied
from app.services.installation import SetupRequest, initialise
from app.services.records import RecordService

KEY = secrets.token_bytes(32)
REPORTER = "王秀英"
SUMMARY = "反映该村2023年度危房改造补助资金发放中优亲厚友，将补助名额给予其亲属李某（共计1.2万元）。"
REASON = "问题具体，可查性强，建议初步核实。"


@dataclass
class Clues:
    db: Database
    secretary: RecordService
    staff: RecordService
    full: str  # a clue with everything filled in
    other: str  # a second clue
    register_only: str  # a 仅登记 clue


@pytest.fixture
def clues(tmp_path: Path) -> Iterator[Clues]:
    db = Database.open(tmp_path / "data")
    initialise(db, SetupRequest("county", "C01", "测试县纪委监委", "C01", "测试县", "admin", "secret123"))
    secretary = RecordService(Context(db, Actor("sec", "secretary", KEY)))
    staff = RecordService(Context(db, Actor("clerk", "staff", None)))
    # Units are the administrators' (UNITS): registered here by the program, as set-up does.
    unit = RecordService(Context.system(db, "admin")).save(
        get("units"), {"code": "T01", "name": "城关镇纪委", "unit_type": "township"}
    )
    handler = secretary.save(get("staff"), {"name": "李强", "unit_id": unit, "post": "member"})
    report = secretary.save(
        get("reports"),
        {
            "number": "XF2024-017",
            "received_on": date(2024, 3, 4),
            "method": "letter",
            "named": True,
            "reporter": REPORTER,
            "reporter_contact": "13912345678",
            "subject_name": "张建国",
            "summary": "来信反映危房改造补助问题。",
        },
    )
    full = secretary.save(
        get("clues"),
        {
            "source": "petition",
            "report_id": report,
            "received_on": date(2024, 3, 5),
            "registered_on": date(2024, 3, 6),
            "subject_name": "张建国",
            "subject_unit": "城关镇东风村村民委员会",
            "subject_post": "村委会主任",
            "subject_rank": "村（社区）干部",
            "subject_authority": "村级干部",
            "subject_village": "东风村",
            "subject_is_object": True,
            "subject_is_member": True,
            "category": "违反群众纪律",
            "subcategory": "优亲厚友",
            "summary": SUMMARY,
            "handling_unit_id": unit,
            "handler_id": handler,
            "proposed_handling": "verify",
            "approver": "赵常委",
            "disposal_reason": REASON,
            "decided_on": date(2024, 3, 12),
            "secrecy": "internal",
        },
        confirmed=True,
    )
    other = secretary.save(
        get("clues"),
        {
            "source": "supervision",
            "received_on": date(2024, 4, 1),
            "subject_name": "刘洋",
            "summary": "另一条",
        },
        confirmed=True,
    )
    register_only = secretary.save(
        get("clues"),
        {"source": "superior", "received_on": date(2024, 5, 2), "register_only": True},
        confirmed=True,
    )
    yield Clues(db, secretary, staff, full, other, register_only)
    db.close()


def number_of(records: RecordService, clue_id: str) -> str:
    return str(records.rows(get("clues"), [clue_id])[clue_id]["number"])


def pdf_text(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [re.sub(r"\s+", "", page.extract_text() or "") for page in reader.pages]


def prints(db: Database) -> list[audit.AuditEntry]:
    with db.session() as s:
        stmt = select(audit.AuditEntry).where(audit.AuditEntry.action == audit.PRINT)
        return list(s.scalars(stmt.order_by(audit.AuditEntry.seq)))


def test_one_page_a_clue_with_title_number_and_subject(clues: Clues, tmp_path: Path) -> None:
    path = tmp_path / "out" / "forms.pdf"
    path.parent.mkdir()
    ids = [clues.full, clues.other]
    assert clue_forms_pdf(clues.secretary, ids, REGISTER, path) == 2
    assert [p.name for p in path.parent.iterdir()] == ["forms.pdf"]  # no temporary file left
    pages = pdf_text(path.read_bytes())
    assert len(pages) == 2
    first, second = pages
    assert "问题线索登记表" in first and "测试县纪委监委" in first
    assert number_of(clues.secretary, clues.full) in first
    assert "张建国" in first and "城关镇东风村村民委员会" in first and "村委会主任" in first
    assert "优亲厚友" in first and "城关镇纪委" in first and "李强" in first
    assert "XF2024-017" in first and "密级：内部" in first
    assert "第1页共2页" in first and "第2页共2页" in second
    assert "刘洋" in second and number_of(clues.secretary, clues.other) in second


def test_every_font_is_an_embedded_subset_and_the_text_is_set_in_official_faces(clues: Clues) -> None:
    for kind in (REGISTER, APPROVAL):
        out = io.BytesIO()
        clue_forms_pdf(clues.secretary, [clues.full, clues.register_only], kind, out)
        faces = pdfcheck.assert_embedded_subsets(out.getvalue())
        assert any(pdfcheck.SERIF_BODY.search(f) for f in faces)  # 宋体 for labels and values
        assert "NotoSerifCJKsc-Black" in faces  # the title's heavy serif (小标宋's stand-in)
        assert len(out.getvalue()) < 600_000  # subsets, not the megabytes of the faces
    assert "FandolFang-Regular" in faces  # what was written at length: 仿宋


def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(clues: Clues, tmp_path: Path) -> None:
    # Every alignment of the punctuation against the line ends comes round in these paragraphs.
    pattern = "村委会主任反映（第二项）；据称“属实。”《通知》要求，"
    summary = "\n".join("甲" * k + pattern * 4 for k in range(14))
    clues.secretary.save(
        get("clues"), {"summary": summary, "disposal_reason": summary}, clues.full, confirmed=True
    )
    for kind in (REGISTER, APPROVAL):
        path = tmp_path / f"{kind}.pdf"
        clue_forms_pdf(clues.secretary, [clues.full], kind, path)
        lines = pdfcheck.lines(path)
        assert sum("（第二项）" in line for line in lines) > 20  # the paragraphs were read back
        assert pdfcheck.broken_lines(path) == []


def test_the_forms_name_who_registered_the_clue_and_never_a_login(clues: Clues) -> None:
    with clues.db.session() as s:
        s.add(User(username="sec", full_name="陈晓梅", role="secretary", password_hash="-"))
    for kind in (REGISTER, APPROVAL):
        out = io.BytesIO()
        clue_forms_pdf(clues.secretary, [clues.full], kind, out)
        (page,) = pdf_text(out.getvalue())
        assert "登记人：陈晓梅" in page and "填报单位：测试县纪委监委" in page and "打印日期：" in page
        assert "打印人" not in page and "sec" not in page and "admin" not in page
    # A creator without a full name (or from another installation): a line to sign, no login.
    with clues.db.session() as s:
        s.execute(update(User).where(User.username == "sec").values(full_name=""))
    out = io.BytesIO()
    clue_forms_pdf(clues.secretary, [clues.full], REGISTER, out)
    (page,) = pdf_text(out.getvalue())
    assert "登记人：登记日期" in page and "sec" not in page


def test_a_secretary_sees_the_reporter_and_summary_and_staff_do_not(clues: Clues) -> None:
    sec, staff = io.BytesIO(), io.BytesIO()
    clue_forms_pdf(clues.secretary, [clues.full], REGISTER, sec)
    clue_forms_pdf(clues.staff, [clues.full], REGISTER, staff)
    (sec_text,) = pdf_text(sec.getvalue())
    (staff_text,) = pdf_text(staff.getvalue())
    assert REPORTER in sec_text and SUMMARY[:20] in sec_text
    assert REPORTER not in staff_text and SUMMARY[:20] not in staff_text
    assert "13912345678" not in sec_text + staff_text  # the contact is never printed
    assert "（受限）" in staff_text
    assert "张建国" in staff_text  # what is not sensitive is printed for everyone
    # the raw bytes do not carry it either (document info, uncompressed fragments)
    assert REPORTER.encode("utf-16-be") not in staff.getvalue() and REPORTER.encode() not in staff.getvalue()


def test_the_approval_form(clues: Clues) -> None:
    out = io.BytesIO()
    clue_forms_pdf(clues.secretary, [clues.full], APPROVAL, out)
    (text,) = pdf_text(out.getvalue())
    for expected in ("线索处置呈批表", "拟办意见", "处置理由", REASON[:10], "承办部门意见", "分管领导审批"):
        assert expected in text
    assert "审批领导：赵常委" in text and "2024年3月12日" in text and SUMMARY[:20] in text
    assert REPORTER not in text  # the approval form does not name the reporter at all
    staff = io.BytesIO()
    clue_forms_pdf(clues.staff, [clues.full], APPROVAL, staff)
    (staff_text,) = pdf_text(staff.getvalue())
    assert SUMMARY[:20] not in staff_text and "（受限）" in staff_text


def test_a_register_only_clue_prints_the_registration_and_no_content(clues: Clues) -> None:
    out = io.BytesIO()
    clue_forms_pdf(clues.secretary, [clues.register_only], REGISTER, out)
    (text,) = pdf_text(out.getvalue())
    assert "仅登记，内容不录入" in text
    assert number_of(clues.secretary, clues.register_only) in text and "上级交办" in text
    assert "2024年5月2日" in text
    for content in ("线索摘要", "被反映人", "问题类别", "反映人"):
        assert content not in text


def test_each_printed_clue_is_audited_without_its_content(clues: Clues, tmp_path: Path) -> None:
    before = len(prints(clues.db))
    clue_forms_pdf(clues.staff, [clues.full, clues.other], APPROVAL, tmp_path / "a.pdf")
    entries = prints(clues.db)[before:]
    assert [(e.actor, e.target_table, e.target_id) for e in entries] == [
        ("clerk", "clues", clues.full),
        ("clerk", "clues", clues.other),
    ]
    for e in entries:
        assert e.detail == "form=clue_approval" and e.fields == []
        assert "张建国" not in e.detail and SUMMARY[:4] not in e.detail
    with clues.db.session() as s:
        assert audit.verify(s) is None


def test_refused_without_print_permission_or_for_an_unknown_form(clues: Clues, tmp_path: Path) -> None:
    readonly = RecordService(Context(clues.db, Actor("viewer", "readonly", None)))
    with pytest.raises(PermissionDenied):
        clue_forms_pdf(readonly, [clues.full], REGISTER, tmp_path / "x.pdf")
    with pytest.raises(UnknownFormError):
        clue_forms_pdf(clues.secretary, [clues.full], "summons", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
    assert prints(clues.db) == []


def test_a_long_summary_shrinks_to_keep_one_page_a_clue(clues: Clues) -> None:
    long_text = "\n".join(f"第{n}段：" + SUMMARY * 3 for n in range(1, 16))
    clues.secretary.save(get("clues"), {"summary": long_text}, clues.full, confirmed=True)
    for kind in (REGISTER, APPROVAL):
        out = io.BytesIO()
        assert clue_forms_pdf(clues.secretary, [clues.full, clues.other], kind, out) == 2
        pages = pdf_text(out.getvalue())
        assert len(pages) == 2 and "第15段" in pages[0]
