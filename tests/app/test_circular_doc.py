"""The 通报 of a circulars record as .docx and PDF (the GB/T 9704 layout): the record's text in
the official styles, the fonts embedded and broken by the Chinese rules in the PDF, the PRINT right
and the audit entry, a suffix other than .docx / .pdf refused with nothing written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pdfcheck
import pytest
from apphelpers import PASSWORD, Cli
from sqlalchemy import select

from app.registers import get
from app.reports import docx_layout
from app.reports.circular_doc import circular, recipients
from app.reports.official_doc import BadSuffix, arabic_date
from app.security.audit import PRINT, AuditEntry
from app.security.roles import PRINT as PRINT_RIGHT
from app.security.roles import PermissionDenied
from app.services.login import login
from app.services.records import RecordService

BODY = (
    "现将县交通局副局长张某某违纪违法问题通报如下，各单位要以案为鉴、举一反三。\n"
    "一、基本情况\n"
    "2021年至2022年，张某某利用职务便利，在工程项目验收中收受他人财物，违规接受宴请；"
    "严重违反党的廉洁纪律，构成职务违法。\n"
    "（一）处理情况。县纪委监委给予张某某党内严重警告处分，收缴其违纪违法所得。\n"
    "二、工作要求\n"
    "各党支部要深刻汲取教训，切实加强对“关键少数”的监督，坚决防止类似问题发生。"
)


@pytest.fixture
def county(cli: Cli) -> tuple[Cli, str]:
    cli.init_county()
    opened = login(cli.data_dir, None, "admin", PASSWORD)
    try:
        records = RecordService(opened)
        cid = records.save(get("circulars"), {
            "number": "县纪通〔2022〕3号", "issued_on": date(2022, 9, 30), "kind": "typical",
            "title": "关于县交通局副局长张某某违纪违法问题的通报", "named": "县交通局副局长张某某违纪违法问题",
            "recipients": "各党支部，各村（社区）党组织\n抄送：县委办公室", "body": BODY,
        })  # fmt: skip
    finally:
        opened.db.close()
    return cli, cid


def prints(cli: Cli) -> list[tuple[str, str | None, str | None]]:
    opened = login(cli.data_dir, None, "admin", PASSWORD)
    try:
        with opened.db.session() as s:
            rows = s.execute(select(AuditEntry.target_table, AuditEntry.target_id, AuditEntry.detail)
                             .where(AuditEntry.action == PRINT)).all()  # fmt: skip
    finally:
        opened.db.close()
    return [tuple(r) for r in rows]


def test_dates_in_arabic_numerals_and_recipients() -> None:
    assert arabic_date(date(2022, 9, 30)) == "2022年9月30日"
    assert arabic_date(date(2021, 10, 1)) == "2021年10月1日"  # no leading zeros
    assert recipients("各党支部\n抄送：县委办公室。") == ("各党支部", "县委办公室")


def test_the_docx_holds_the_record_in_the_official_styles(county: tuple[Cli, str], tmp_path: Path) -> None:
    cli, cid = county
    out = tmp_path / "通报.docx"
    done = cli.ok("report", "circular", cid, "--out", str(out))
    assert str(out) in done.stderr
    document = docx.Document(str(out))
    by_style: dict[str, list[str]] = {}
    for p in document.paragraphs:
        by_style.setdefault(p.style.name, []).append(p.text)
    assert by_style["Title"] == ["关于县交通局副局长张某某违纪违法问题的通报"]
    assert by_style[docx_layout.HEADING1] == ["一、基本情况", "二、工作要求"]
    text = "\n".join(p.text for p in document.paragraphs)
    for part in ("县纪通〔2022〕3号", "各党支部，各村（社区）党组织：", "收受他人财物", "测试县纪委监委",
                 "2022年9月30日", "抄送：县委办公室。", "测试县纪委监委\t2022年9月30日印发"):  # fmt: skip
        assert part in text, part
    lead = next(p for p in document.paragraphs if p.text.startswith("（一）处理情况。"))
    assert lead.style.name == "Normal" and lead.runs[0].text == "（一）处理情况。"
    section = document.sections[0]
    assert round(section.left_margin.mm) == 28 and round(section.top_margin.mm) == 37
    assert prints(cli) == [("circulars", cid, "form=circular")]


def test_the_pdf_is_in_embedded_official_faces_and_breaks_by_the_rules(
    county: tuple[Cli, str], tmp_path: Path
) -> None:
    cli, cid = county
    out = tmp_path / "通报.pdf"
    cli.ok("report", "circular", cid, "--out", str(out))
    faces = pdfcheck.assert_embedded_subsets(out.read_bytes())
    assert any(pdfcheck.SERIF_BODY.search(f) for f in faces)
    assert pdfcheck.broken_lines(out) == []
    lines = pdfcheck.lines(out)
    joined = "".join(lines)
    for part in ("县纪通〔2022〕3号", "关于县交通局副局长张某某违纪违法问题的通报", "一、基本情况",
                 "测试县纪委监委", "2022年9月30日", "—1—"):  # fmt: skip
        assert part in joined.replace(" ", ""), part
    # 28 characters a line (the grid): a first line indented two characters holds 26
    assert "现将县交通局副局长张某某违纪违法问题通报如下，各单位" in lines
    assert "收受他人财物，违规接受宴请；严重违反党的廉洁纪律，构成职" in lines
    # the title in two lines of about equal length, not one character alone
    assert "关于县交通局副局长张某" in lines and "某违纪违法问题的通报" in lines


def test_without_print_or_with_a_bad_suffix_nothing_is_written(
    county: tuple[Cli, str], tmp_path: Path
) -> None:
    cli, cid = county
    cli.ok("user", "add", "reader", "--role", "readonly", "--full-name", "只读人员",
           "--new-password-file", str(cli.password_file))  # fmt: skip
    out = tmp_path / "x.pdf"
    refused = cli.run("--user", "reader", "report", "circular", cid, "--out", str(out))
    assert refused.returncode == 1
    assert refused.stderr.strip().endswith(str(PermissionDenied(PRINT_RIGHT).message))
    assert not out.exists()
    bad = tmp_path / "x.txt"
    result = cli.run("report", "circular", cid, "--out", str(bad))
    assert result.returncode == 1 and str(BadSuffix(bad.resolve()).message) in result.stderr
    assert "公文只能写入 .docx 或 .pdf 文件" in result.stderr
    assert not bad.exists() and prints(cli) == []
    missing = cli.run("report", "circular", "no-such-id", "--out", str(tmp_path / "y.docx"))
    assert missing.returncode == 1 and "找不到记录：no-such-id" in missing.stderr


def test_a_circular_without_text_has_a_place_to_fill_in(county: tuple[Cli, str]) -> None:
    cli, _cid = county
    opened = login(cli.data_dir, None, "admin", PASSWORD)
    try:
        records = RecordService(opened)
        cid = records.save(get("circulars"), {"number": "县纪通〔2022〕4号", "issued_on": date(2022, 10, 8),
                                              "kind": "work", "title": "关于第三季度工作情况的通报"})  # fmt: skip
        d = circular(records, cid)
    finally:
        opened.db.close()
    assert d.addressee == "" and d.copies == "" and "【请补充：通报正文】" in d.text
