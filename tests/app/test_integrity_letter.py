"""The county's 廉政意见 reply letter (复函) as .docx and PDF: to the requesting organisation, its
letter number cited, each person answered with the conclusion (a table when several), the facts
and reasons read as the register reads sealed fields, names still waiting only counted, never who
signed; county only, the PRINT right, audited, a bad suffix refused with nothing written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pdfcheck
import pytest
from apphelpers import PASSWORD, Cli
from sqlalchemy import select

from app.registers import get
from app.registers.integrity import CLEAR, DEFER, ISSUES
from app.reports import docx_layout
from app.reports.integrity_letter import letter
from app.security.audit import PRINT, AuditEntry
from app.security.roles import PRINT as PRINT_RIGHT
from app.security.roles import VIEW_SENSITIVE, CountyScreen, PermissionDenied
from app.services import integrity_reply as ir
from app.services.login import login
from app.services.records import RecordService

LETTER_NO = "组干函〔2022〕12号"
FACTS = "2022年3月1日受到党内警告处分，影响期至2023年2月28日"
REASON = "有反映其问题的线索正在处置（城关镇纪委）。"
REPLIES = get("integrity_replies")


def add_request(
    records: RecordService, names: list[dict[str, str]], letter_no: str = LETTER_NO
) -> tuple[str, list[str]]:
    request = ir.save_request(records, {"letter_no": letter_no, "received_on": date(2022, 9, 20),
                                        "purpose": "promotion", "due_on": date(2022, 9, 30)})  # fmt: skip
    return request, ir.add_names(records, request, names)


@pytest.fixture
def county(cli: Cli) -> tuple[Cli, str]:
    cli.init_county()
    opened = login(cli.data_dir, None, "admin", PASSWORD)
    try:
        records = RecordService(opened)
        request, (zhang, li, wang, zhao) = add_request(records, [
            {"name": "张三", "unit": "县财政局", "post": "副局长"},
            {"name": "李四", "unit": "县水利局", "post": "股长"},
            {"name": "王五", "unit": "城关镇人民政府", "post": "副镇长"},
            {"name": "赵六", "unit": "县交通局", "post": "科员"},
        ])  # fmt: skip
        ir.answer(records, zhang, CLEAR, date(2022, 9, 25), "刘书记")
        ir.answer(records, li, ISSUES, date(2022, 9, 26), "刘书记", facts=FACTS)
        ir.answer(records, wang, DEFER, date(2022, 9, 27), "刘书记", defer_reason=REASON)
        del zhao  # still waiting
    finally:
        opened.db.close()
    return cli, request


def prints(cli: Cli) -> list[tuple[str | None, str | None, str | None]]:
    opened = login(cli.data_dir, None, "admin", PASSWORD)
    try:
        with opened.db.session() as s:
            rows = s.execute(select(AuditEntry.target_table, AuditEntry.target_id, AuditEntry.detail)
                             .where(AuditEntry.action == PRINT)).all()  # fmt: skip
    finally:
        opened.db.close()
    return [tuple(r) for r in rows]


def test_the_docx_answers_each_person_in_a_table(county: tuple[Cli, str], tmp_path: Path) -> None:
    cli, request = county
    out = tmp_path / "复函.docx"
    cli.ok("report", "integrity-letter", LETTER_NO, "--out", str(out))
    document = docx.Document(str(out))
    titles = [p.text for p in document.paragraphs if p.style.name == "Title"]
    assert titles == ["关于张三等3名同志党风廉政意见的复函"]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "县委组织部：" in text
    assert f"你部2022年9月20日来函（{LETTER_NO}）征求拟提拔人选张三等3名同志党风廉政意见收悉" in text
    assert "赵六同志的意见，待核实后另行回复。" in text and "特此函复。" in text
    assert "测试县纪委监委" in text and "2022年9月27日" in text
    assert "刘书记" not in text and "admin" not in text  # neither who signed nor a login
    [table] = document.tables
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["序号", "姓名", "工作单位及职务", "回复意见", "有关情况"]
    assert rows[1][:4] == ["1", "张三", "县财政局副局长", "无问题"]
    assert rows[2] == ["2", "李四", "县水利局股长", "有问题", FACTS + "。"]
    assert rows[3] == ["3", "王五", "城关镇人民政府副镇长", "暂缓", REASON]
    assert table.rows[1].cells[0].paragraphs[0].style.name == docx_layout.TABLE_TEXT
    assert prints(cli) == [("integrity_requests", request, "form=integrity_letter")]


def test_the_pdf_is_in_embedded_official_faces_and_breaks_by_the_rules(
    county: tuple[Cli, str], tmp_path: Path
) -> None:
    cli, request = county
    out = tmp_path / "复函.pdf"
    cli.ok("report", "integrity-letter", request, "--out", str(out))
    faces = pdfcheck.assert_embedded_subsets(out.read_bytes())
    assert any(pdfcheck.SERIF_BODY.search(f) for f in faces)
    assert pdfcheck.broken_lines(out) == []
    joined = "".join(pdfcheck.lines(out)).replace(" ", "")
    for part in ("县委组织部：", LETTER_NO, "无问题", "有问题", "暂缓", "特此函复。", "测试县纪委监委",
                 "2022年9月27日", "—1—"):  # fmt: skip
        assert part in joined, part
    assert "刘书记" not in joined


def test_one_person_is_answered_in_a_sentence(county: tuple[Cli, str]) -> None:
    cli, _request = county
    opened = login(cli.data_dir, None, "admin", PASSWORD)
    try:
        records = RecordService(opened)
        request, (one,) = add_request(records, [{"name": "孙七", "unit": "县教育局", "post": "副局长"}],
                                      "组干函〔2022〕13号")  # fmt: skip
        ir.answer(records, one, CLEAR, date(2022, 9, 28), "刘书记")
        d = letter(records, request)
    finally:
        opened.db.close()
    assert d.title == "关于孙七同志党风廉政意见的复函"
    assert "县教育局副局长孙七同志：未发现其有违纪违法问题，无不同意见。" in d.text
    assert not any(b.kind == "table" for b in d.blocks)


def test_refusals_have_the_windows_messages(county: tuple[Cli, str], tmp_path: Path) -> None:
    cli, _request = county
    out = tmp_path / "x.docx"
    for user, role in (("reader", "readonly"), ("clerk", "staff")):
        cli.ok("user", "add", user, "--role", role, "--full-name", "某某",
               "--new-password-file", str(cli.password_file))  # fmt: skip
    no_print = cli.run("--user", "reader", "report", "integrity-letter", LETTER_NO, "--out", str(out))
    assert no_print.returncode == 1
    assert no_print.stderr.strip().endswith(str(PermissionDenied(PRINT_RIGHT).message))
    sealed = cli.run("--user", "clerk", "report", "integrity-letter", LETTER_NO, "--out", str(out))
    assert sealed.returncode == 1
    assert sealed.stderr.strip().endswith(str(PermissionDenied(VIEW_SENSITIVE).message))
    bad = tmp_path / "x.odt"
    wrong = cli.run("report", "integrity-letter", LETTER_NO, "--out", str(bad))
    assert wrong.returncode == 1 and "公文只能写入 .docx 或 .pdf 文件" in wrong.stderr
    assert not out.exists() and not bad.exists() and prints(cli) == []


def test_a_request_nobody_answered_yet_gets_no_letter(county: tuple[Cli, str], tmp_path: Path) -> None:
    cli, _request = county
    opened = login(cli.data_dir, None, "admin", PASSWORD)
    try:
        add_request(RecordService(opened), [{"name": "周八"}], "组干函〔2022〕14号")
    finally:
        opened.db.close()
    out = tmp_path / "y.pdf"
    result = cli.run("report", "integrity-letter", "组干函〔2022〕14号", "--out", str(out))
    assert (
        result.returncode == 1 and "来函 组干函〔2022〕14号 尚无已回复的人员，不能出具复函。" in result.stderr
    )
    assert not out.exists()


def test_a_township_is_refused_as_the_register_refuses(cli: Cli, tmp_path: Path) -> None:
    cli.ok("init", "--type", "township", "--code", "T01", "--name", "城关镇纪委", "--county-code", "C01",
           "--county-name", "测试县", "--admin", "admin")  # fmt: skip
    out = tmp_path / "z.pdf"
    result = cli.run("report", "integrity-letter", LETTER_NO, "--out", str(out))
    assert result.returncode == 1
    assert result.stderr.strip().endswith(str(CountyScreen(REPLIES.title).message))
    assert not out.exists()
