"""Printed lists and figures (``app.reports.table_report``): portrait or landscape by the columns,
the header row on every page, embedded serif faces, Chinese line breaking read back from the PDF,
the footer's names, the audit entry, and the refusal without PRINT."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pdfcheck
import pypdf
import pytest
from sqlalchemy import select, update

from app.context import Context
from app.db.database import Database
from app.db.local import User
from app.reports import table_report
from app.reports.table_report import LANDSCAPE, PORTRAIT, Printed, ReportTable, table_pdf
from app.security import audit
from app.security.roles import Actor, PermissionDenied
from app.services.installation import SetupRequest, initialise

UNIT = "城关镇纪委"
LONG = "反映该村2023年度危房改造补助资金发放中优亲厚友，将补助名额给予其亲属（共计1.2万元）；问题具体，可查性强。"


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[Context]:
    db = Database.open(tmp_path / "data")
    initialise(db, SetupRequest("township", "T01", UNIT, "C01", "测试县", "admin", "secret123"))
    with db.session() as s:
        s.execute(update(User).where(User.username == "admin").values(full_name="王建华"))
    yield Context(db, Actor("admin", "admin", None))
    db.close()


def narrow() -> ReportTable:
    return ReportTable("", ["序号", "姓名", "日期"], [[n, f"张{n}", "2024-03-05"] for n in range(1, 4)])


def wide() -> ReportTable:
    header = ["编号", "收到日期", "来源", "被反映人", "单位", "职务", "问题类别", "摘要", "承办人"]
    row = [
        "XS2024-017",
        "2024-03-05",
        "信访举报",
        "张建国",
        "东风村村民委员会",
        "村委会主任",
        "违反群众纪律",
        LONG,
        "李强",
    ]
    return ReportTable("", header, [row] * 3)


def prints(db: Database) -> list[audit.AuditEntry]:
    with db.session() as s:
        stmt = select(audit.AuditEntry).where(audit.AuditEntry.action == audit.PRINT)
        return list(s.scalars(stmt.order_by(audit.AuditEntry.seq)))


def pages_of(data: bytes) -> list[pypdf.PageObject]:
    return list(pypdf.PdfReader(io.BytesIO(data)).pages)


def page_text(page: pypdf.PageObject) -> str:
    return re.sub(r"\s+", "", page.extract_text() or "")


def test_few_columns_print_portrait_and_many_landscape() -> None:
    assert table_report.orientation([narrow()]) == PORTRAIT
    assert table_report.orientation([wide()]) == LANDSCAPE
    # One wide table turns the whole document.
    assert table_report.orientation([narrow(), wide()]) == LANDSCAPE


def test_columns_fill_the_width_and_keep_numbers_whole() -> None:
    plan = table_report.layout([wide()])
    ((columns, widths),) = plan.bands[0]
    assert columns == list(range(9)) and abs(sum(widths) - plan.width) < 0.5
    # The code and the dates are not broken: their columns are at least as wide as the text.
    for i, text in ((0, "XS2024-017"), (1, "2024-03-05")):
        assert widths[i] >= table_report.fonts.string_width(text, table_report.FONT_SIZE)


def test_too_many_columns_go_in_bands_repeating_the_key_column() -> None:
    header = ["单位"] + [f"第{n}周" for n in range(1, 53)]
    grid = ReportTable("每周一测", header, [["城关镇纪委"] + ["已完成"] * 52], key_columns=1)
    bands = table_report.bands(grid, table_report.layout([grid]).width)
    assert len(bands) > 1
    assert all(columns[0] == 0 for columns, _w in bands)
    assert sorted({c for columns, _w in bands for c in columns}) == list(range(53))
    sizes = [len(columns) for columns, _w in bands]
    assert max(sizes) - min(sizes) <= 1  # shared out evenly, no band of a column or two


def test_a_narrow_table_is_not_stretched_across_the_page() -> None:
    plan = table_report.layout([narrow()])
    ((_columns, widths),) = plan.bands[0]
    wanted, _least = table_report.measure(narrow())
    assert sum(widths) < plan.width / 2 and sum(widths) <= sum(wanted) * table_report.STRETCH + 0.01


def test_landscape_list_repeats_its_header_on_every_page(ctx: Context, tmp_path: Path) -> None:
    table = wide()
    rows = [[f"XS2024-{n:03d}", *table.rows[0][1:]] for n in range(1, 121)]
    path = tmp_path / "list.pdf"
    pages = table_pdf(path, "问题线索登记簿", [ReportTable("", table.header, rows)], ctx,
                      Printed("register", "clues", filtered=True, table="clues"),
                      subtitle="搜索：张建国；状态：办理中", printed=datetime(2024, 5, 6, 9, 30))  # fmt: skip
    data = path.read_bytes()
    found = pages_of(data)
    assert pages == len(found) > 2
    for n, page in enumerate(found, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert width > height  # landscape
        text = page_text(page)
        assert "被反映人" in text and "问题类别" in text  # the header row again
        assert f"第{n}页共{pages}页" in text
        assert "单位：城关镇纪委" in text and "打印人：王建华" in text and "打印日期：2024年5月6日" in text
        assert "admin" not in text
    everything = "".join(page_text(p) for p in found)
    assert all(f"XS2024-{n:03d}" in everything for n in (1, 60, 120))
    assert "问题线索登记簿" in everything and "搜索：张建国；状态：办理中" in everything
    faces = pdfcheck.assert_embedded_subsets(data)
    assert any(pdfcheck.SERIF_BODY.search(face) for face in faces), faces
    assert pdfcheck.broken_lines(path) == []
    # The long summaries wrapped over several lines, none starting with closing punctuation.
    assert sum(1 for line in pdfcheck.lines(path) if "可查性强" in line) >= 1
    (entry,) = prints(ctx.db)
    assert entry.detail == "register=clues rows=120 filtered=yes" and entry.target_table == "clues"
    assert "张建国" not in entry.detail and entry.actor == "admin"


def test_several_tables_under_their_captions_portrait(ctx: Context) -> None:
    out = io.BytesIO()
    tables = [
        ReportTable(
            "四种形态", ["单位", "第一种形态", "占比"], [["城关镇纪委", 12, 52.51], ["合计", 617, 100.0]]
        ),
        ReportTable("协审", ["单位", "件数"], []),
    ]
    pages = table_pdf(out, "统计分析", tables, ctx, Printed("report", "statistics"), subtitle="2021 年")
    found = pages_of(out.getvalue())
    assert pages == len(found) == 1
    assert float(found[0].mediabox.width) < float(found[0].mediabox.height)
    text = page_text(found[0])
    for expected in ("统计分析", "2021年", "四种形态", "第一种形态", "52.51", "617", "协审", "（无记录）"):
        assert expected in text
    (entry,) = prints(ctx.db)
    assert entry.detail == "report=statistics rows=2"


def test_refused_without_print_and_nothing_written(ctx: Context, tmp_path: Path) -> None:
    viewer = Context(ctx.db, Actor("viewer", "readonly", None))
    path = tmp_path / "x.pdf"
    with pytest.raises(PermissionDenied) as refused:
        table_pdf(path, "统计分析", [narrow()], viewer, Printed("report", "statistics"))
    assert str(refused.value) == str(PermissionDenied("print").message)
    assert not path.exists() and prints(ctx.db) == []


def test_the_coverage_print_has_the_same_footer(ctx: Context, tmp_path: Path) -> None:
    from test_pdf_typefaces import coverage_rows

    from app.reports.coverage_report import coverage_pdf

    path = tmp_path / "coverage.pdf"
    pages = coverage_pdf(path, coverage_rows(), 2025, "visits", "驻村覆盖", ctx=ctx)
    found = pages_of(path.read_bytes())
    assert pages == len(found) > 1
    for n, page in enumerate(found, start=1):
        text = page_text(page)
        assert f"第{n}页共{pages}页" in text
        assert "单位：城关镇纪委" in text and "打印人：王建华" in text and "admin" not in text
