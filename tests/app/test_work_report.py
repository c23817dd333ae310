"""The work report (.docx) of the demo county for 2021-01-01..2022-09-30: the seed's figures in its
text and tables, the official layout in its XML, the right to print it, the dates it refuses."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from apphelpers import PASSWORD, Cli
from sqlalchemy import select

from app.reports import docx_layout
from app.security.audit import EXPORT, AuditEntry
from app.services import login

DemoCounty = tuple[Path, subprocess.CompletedProcess[str], Path]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def county(demo_county_cli: DemoCounty, tmp_path_factory: pytest.TempPathFactory) -> Cli:
    """A copy of the session's demo county (writing the report writes an audit entry)."""
    copy = tmp_path_factory.mktemp("report") / "DEMO"
    shutil.copytree(demo_county_cli[0] / "DEMO", copy)
    return Cli(copy, None, demo_county_cli[2])


@pytest.fixture(scope="module")
def report(county: Cli) -> Path:
    out = county.data_dir.parent / "工作报告.docx"
    done = county.ok("report", "work", "--from", "2021-01-01", "--to", "2022-09-30", "--out", str(out))
    assert str(out) in done.stderr
    return out


def text_of(path: Path) -> tuple[str, list[list[list[str]]]]:
    document = docx.Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    return text, tables


def test_the_report_states_the_seeds_figures(report: Path, county: Cli) -> None:
    text, tables = text_of(report)
    # The seed's sentences: 2021's first form, and the co-reviews since 2021.
    assert "2021年，共运用“第一种形态”处理党员干部617人次，其中各乡镇纪委324人次，占比52.51%" in text
    assert "2021年1月1日以来，案件审理室共协审各乡镇纪委和派驻纪检监察组案件48件" in text
    by_type = next(t for t in tables if t[0][0] == "期间")
    by_unit = next(t for t in tables if t[0][0] == "单位")
    assert (
        by_type[0][2:] == by_unit[0][1:] == ["第一种形态", "第二种形态", "第三种形态", "第四种形态", "合计"]
    )
    assert next(r for r in by_type if r[1] == "乡镇纪委")[:3] == ["2021年", "乡镇纪委", "324"]
    assert next(r for r in by_type if r[1] == "小计")[:3] == ["2021年", "小计", "617"]
    # The same figures the statistics give (one counting, not two).
    year = json.loads(county.ok("stats", "--year", "2021", "--json").stdout)
    whole = json.loads(county.ok("stats", "--from", "2021-01-01", "--to", "2022-09-30", "--json").stdout)
    assert (year["first_form_total"], year["first_form_by_township_commissions"], whole["co_reviews"]) == (
        617, 324, 48,
    )  # fmt: skip
    assert by_type[-1][0] == "合计" and by_type[-1][2] == str(whole["first_form_total"])
    assert by_unit[-1][0] == "合计" and by_unit[-1][1] == str(whole["first_form_total"])
    assert sum(int(r[1]) for r in by_unit[1:-1]) == whole["first_form_total"]  # the units' rows add up
    assert f"通过巡察移交问题线索{year['inspection_clues']['transferred']}件" in text


def test_the_report_has_the_seeds_sections_and_places_to_fill_in(report: Path) -> None:
    document = docx.Document(str(report))
    headings = [p.text for p in document.paragraphs if p.style.name == docx_layout.HEADING1]
    assert headings == ["一、基本情况", "二、主要工作及成效", "三、存在的问题", "四、下一步工作打算"]
    assert [p.text for p in document.paragraphs if p.style.name == "Title"] == [
        "关于乡镇纪委和派驻纪检监察组\n工作情况的报告"  # broken where its sense breaks
    ]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "乡镇纪委基本情况。" in text and "派驻纪检监察组基本情况。" in text
    assert text.count("【请补充") >= 5
    filled = [r for p in document.paragraphs for r in p.runs if r.text.startswith("【")]
    assert filled and all(r.font.highlight_color is not None for r in filled)


def test_styles_fonts_and_page_layout_follow_gb_t_9704(report: Path) -> None:
    document = docx.Document(str(report))
    expected = {
        "Title": ("方正小标宋简体", 22.0),
        docx_layout.HEADING1: ("黑体", 16.0),
        docx_layout.HEADING2: ("楷体_GB2312", 16.0),
        "Normal": ("仿宋_GB2312", 16.0),
    }
    for name, (face, size) in expected.items():
        style = document.styles[name]
        fonts = style.element.rPr.rFonts
        assert fonts.get(f"{W}eastAsia") == face, name
        assert style.font.size.pt == size, name
        assert style.element.pPr.find(f"{W}kinsoku").get(f"{W}val") == "1", name
        # No theme font left to win over the names; properties in the schema's order (Word insists).
        assert not [a for a in fonts.attrib if a.lower().endswith("theme")], name
        for props, order in (
            (style.element.pPr, docx_layout.PPR_ORDER),
            (style.element.rPr, docx_layout.RPR_ORDER),
        ):
            tags = [child.tag.removeprefix(W) for child in props]
            assert tags == sorted(tags, key=order.index), name
    section = document.sections[0]
    mm = {k: round(getattr(section, k).mm) for k in
          ("page_width", "page_height", "top_margin", "bottom_margin", "left_margin", "right_margin")}  # fmt: skip
    assert mm == {"page_width": 210, "page_height": 297, "top_margin": 37, "bottom_margin": 35,
                  "left_margin": 28, "right_margin": 26}  # fmt: skip
    grid = section._sectPr.find(f"{W}docGrid")
    assert grid.get(f"{W}type") == "lines" and grid.get(f"{W}charSpace") is None
    assert grid.get(f"{W}linePitch") == "579"  # 225 mm / 22 lines
    for name in ("Normal", docx_layout.HEADING1, docx_layout.HEADING2):  # 28 characters of 16 pt in 156 mm
        assert document.styles[name].element.rPr.find(f"{W}spacing").get(f"{W}val") == "-5", name
    with zipfile.ZipFile(report) as z:
        settings = z.read("word/settings.xml").decode("utf-8")
        footers = [z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/footer")]
    assert 'w:noLineBreaksBefore w:lang="zh-CN"' in settings and "，" in settings
    assert 'w:noLineBreaksAfter w:lang="zh-CN"' in settings and "“" in settings
    assert "<w:evenAndOddHeaders/>" in settings
    assert len(footers) == 2
    for footer in footers:
        assert " PAGE " in footer and "— " in footer and " —" in footer
        assert 'w:eastAsia="宋体"' in footer and '<w:sz w:val="28"/>' in footer


def test_writing_the_report_is_audited(report: Path, county: Cli) -> None:
    ctx = login.login(county.data_dir, None, "admin", PASSWORD)
    try:
        with ctx.db.session() as s:
            details = list(s.scalars(select(AuditEntry.detail).where(AuditEntry.action == EXPORT)))
    finally:
        ctx.db.close()
    assert "report=work_report rows=4" in details


def test_a_read_only_account_is_refused_as_for_printing(county: Cli, tmp_path: Path) -> None:
    county.ok("user", "add", "reader", "--role", "readonly", "--full-name", "只读人员",
              "--new-password-file", str(county.password_file))  # fmt: skip
    out = tmp_path / "r.docx"
    refused = county.run("--user", "reader", "report", "work", "--from", "2022-01-01", "--to", "2022-03-31",
                         "--out", str(out))  # fmt: skip
    printing = county.run("--user", "reader", "print", "visit-forms", "--quarter", "2022Q1",
                          "--out", str(tmp_path / "v.pdf"))  # fmt: skip
    assert refused.returncode == printing.returncode == 1
    assert refused.stderr.strip() and refused.stderr == printing.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("dates", "code", "message"),
    [
        (("2022-13-01", "2022-09-30"), 2, "日期格式应为 YYYY-MM-DD，如 2022-09-30：2022-13-01"),
        (("2022-09-30", "2021-01-01"), 2, "截止日期不能早于起始日期。"),
    ],
)
def test_bad_dates_are_refused_in_chinese(
    county: Cli, tmp_path: Path, dates: tuple[str, str], code: int, message: str
) -> None:
    out = tmp_path / "r.docx"
    result = county.run("report", "work", "--from", dates[0], "--to", dates[1], "--out", str(out))
    assert result.returncode == code and message in result.stderr
    assert not out.exists()


def test_the_grid_follows_the_type_area() -> None:
    assert docx_layout.line_pitch() == 579
    assert docx_layout.char_spacing() == -5
    line_pt = docx_layout.TYPE_AREA_MM[0] / 25.4 * 72
    assert 28 * (16 - 5 / 20) <= line_pt < 29 * (16 - 5 / 20)


def test_an_installation_without_records_gets_a_report_to_fill_in(cli: Cli) -> None:
    cli.init_county()
    out = cli.data_dir.parent / "空白.docx"
    cli.ok("report", "work", "--from", "2025-01-01", "--to", "2025-12-31", "--out", str(out))
    text, tables = text_of(out)
    assert "共运用“第一种形态”处理党员干部0人次" in text
    assert "【请补充：案件协审情况（本期间未登记协审）】" in text
    assert "【请补充：巡察监督与派驻监督贯通情况（本期间未登记巡察移交线索）】" in text
    assert "【请补充：驻村（驻在）监督开展情况（本期间未登记驻村记录）】" in text
    assert [t[0][0] for t in tables] == ["单位类型", "单位类型", "单位"]  # staffing, the forms twice
    assert len(docx.Document(str(out)).inline_shapes) == 0  # nothing to chart
    assert tables[1][-1] == ["合计", "0", "0", "0", "0", "0"]


def _libreoffice_pdf(docx_path: Path, out: Path) -> Path:
    """``docx_path`` converted to PDF in ``out`` by LibreOffice (Debian's libreoffice-writer-nogui),
    in a profile of its own (parallel test workers), with the program's own fonts (the machine has
    no CJK font) so that the text can be read back."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (.ci/run installs libreoffice-writer-nogui)")
    fonts = Path(__file__).resolve().parents[2] / "resources" / "fonts"
    conf = out / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{fonts}</dir><cachedir>{out / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    done = subprocess.run(
        [soffice, f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(out), str(docx_path)],
        capture_output=True, text=True, timeout=180, env={**os.environ, "FONTCONFIG_FILE": str(conf)},
    )  # fmt: skip
    pdf = out / (docx_path.stem + ".pdf")
    assert done.returncode == 0, done.stderr
    assert "Error" not in done.stderr and pdf.is_file(), done.stderr
    return pdf


def test_libreoffice_converts_the_report_with_28_characters_a_line(report: Path, tmp_path: Path) -> None:
    """Slow (about 5 s): starts LibreOffice. The report converts to PDF without errors, the seed's
    figures are in it, and a body line holds 28 characters (not 14: LibreOffice gives characters
    wider than a character grid's cell two cells, which is why the layout condenses instead)."""
    pdf = _libreoffice_pdf(report, tmp_path)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = text.replace("\n", "").replace(" ", "")  # LibreOffice spaces digits from Chinese
    for figure in ("617人次", "324人次", "52.51%", "48件", "关于乡镇纪委和派驻纪检监察组"):
        assert figure in flat, figure
    wide = [sum(1 for ch in line if "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")
            for line in text.splitlines()]  # fmt: skip
    assert max(wide) == 28  # full lines of Chinese text: 28 characters, never 29
    assert sum(1 for n in wide if n >= 24) >= 10  # not 14 a line, as on a character grid
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert int(next(line.split()[1] for line in pages.splitlines() if line.startswith("Pages:"))) >= 3


def test_the_report_charts_the_seeds_figures(report: Path, county: Cli) -> None:
    """图1–图3 (the four forms by type, by unit, by quarter; no residency chart: the demo's visits
    are of the current year), and the trend's 2021 quarters add up to the seed's 617 first-form
    person-times."""
    from app.services.chart_figures import trend

    document = docx.Document(str(report))
    assert len(document.inline_shapes) == 3
    captions = [p.text for p in document.paragraphs if p.text.startswith("图")]
    assert captions == [
        "图1　运用“四种形态”情况（按单位类型）",
        "图2　运用“四种形态”情况（按单位）",
        "图3　运用“四种形态”情况（按季度）",
    ]
    opened = login.login(county.data_dir, None, "admin", PASSWORD)
    try:
        rows = trend(opened.db, 2021)
        assert sum(r["forms"]["1"] for r in rows) == 617
    finally:
        opened.db.close()
