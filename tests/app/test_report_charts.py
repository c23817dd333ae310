"""app.reports.report_charts: the statistics charts as reportlab drawings, painted to PNG without
Qt, and carried by the work report's .docx."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import docx
from PIL import Image
from reportlab.graphics.charts.barcharts import BarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from test_statistics import Data, data  # noqa: F401 (the fixture)

from app.context import Context
from app.reports import report_charts
from app.reports.work_report import write_work_report
from app.services.chart_figures import TownshipCoverage, trend
from app.services.statistics import figures


def _chart(drawing: Drawing, kind: type) -> object:
    return next(c for c in drawing.contents if isinstance(c, kind))


def _texts(drawing: Drawing) -> list[str]:
    return [s.text for s in drawing.contents if isinstance(s, String)]


def test_the_drawings_carry_the_tables_numbers(data: Data) -> None:  # noqa: F811
    f = figures(data.db, year=2021)
    by_type = _chart(report_charts.forms_by_type_drawing(f), BarChart)
    kinds = [k for k, counts in f["by_unit_type"].items() if sum(counts.values())]
    assert by_type.categoryAxis.categoryNames == [report_charts.UNIT_TYPE_LABELS[k] for k in kinds]  # type: ignore[attr-defined]
    assert by_type.data == [[f["by_unit_type"][k][form] for k in kinds] for form in "1234"]  # type: ignore[attr-defined]
    by_unit = _chart(report_charts.forms_by_unit_drawing(f), BarChart)
    units = [u for u in f["by_unit"] if u["total"]]
    assert by_unit.categoryAxis.categoryNames == [u["name"] for u in units]  # type: ignore[attr-defined]
    assert [sum(col) for col in zip(*by_unit.data, strict=True)] == [u["total"] for u in units]  # type: ignore[attr-defined]
    rows = trend(data.db, 2021)
    lines = _chart(report_charts.trend_drawing(rows), HorizontalLineChart)
    assert lines.data[0] == [2, 3, 1, 1]  # type: ignore[attr-defined]
    assert [sum(s) for s in lines.data] == [f["forms"][form] for form in "1234"]  # type: ignore[attr-defined]
    cov = report_charts.coverage_drawing([TownshipCoverage("t", "城关镇纪委", 5, 10, 3)])
    assert _chart(cov, BarChart).data == [[30.0]]  # type: ignore[attr-defined]
    assert "驻村覆盖情况（按乡镇，已驻村次占比）" in _texts(cov)


def test_a_drawing_paints_to_png_with_its_colours(data: Data, tmp_path: Path) -> None:  # noqa: F811
    drawing = report_charts.forms_by_type_drawing(figures(data.db, year=2021))
    path = report_charts.write_png(drawing, tmp_path / "chart.png")
    assert path.stat().st_size > 5000
    image = Image.open(io.BytesIO(path.read_bytes())).convert("RGB")
    assert image.size == (round(drawing.width * 200 / 72), round(drawing.height * 200 / 72))
    colours = {c for _n, c in image.getcolors(maxcolors=1_000_000)}  # type: ignore[union-attr]
    assert (0x1F, 0x6F, 0xB2) in colours  # the first form's bars
    assert (0, 0, 0) in colours  # the axes and labels


def test_the_work_report_carries_the_charts(data: Data, tmp_path: Path) -> None:  # noqa: F811
    out = tmp_path / "report.docx"
    write_work_report(Context.system(data.db, "admin"), date(2021, 1, 1), date(2021, 12, 31), out)
    document = docx.Document(str(out))
    # The four forms by type, by unit and by quarter (no villages: no residency chart).
    assert len(document.inline_shapes) == 3
    captions = [p.text for p in document.paragraphs if p.text.startswith("图")]
    assert captions == [
        "图1　运用“四种形态”情况（按单位类型）",
        "图2　运用“四种形态”情况（按单位）",
        "图3　运用“四种形态”情况（按季度）",
    ]


def test_a_drawing_embeds_in_a_pdf_with_its_fonts(data: Data) -> None:  # noqa: F811
    """The Drawing a PDF embeds: its labels in the program's faces, embedded, no standard font."""
    from reportlab.graphics import renderPDF

    pdf = renderPDF.drawToString(report_charts.forms_by_unit_drawing(figures(data.db, year=2021)))
    assert pdf.count(b"/FontFile2") == 2  # the body face and 黑体 (the title), both embedded
    assert b"Helvetica" not in pdf and b"Times-Roman" not in pdf
