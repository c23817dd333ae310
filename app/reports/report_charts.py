"""The statistics charts for documents, drawn without Qt: reportlab ``Drawing``s (a PDF embeds them
as they are) and PNG images of them for the work report's .docx.

The charts are the statistics page's: the four forms by unit type, the four forms by unit (the units
with any), the four forms quarter by quarter, and village residency by township (% visited). Their
numbers come from the same figures as the tables (``statistics.figures``, ``chart_figures``).
Labels are set in the program's embedded faces (``app.reports.fonts``).

reportlab's own bitmap renderer (renderPM) needs a backend this program does not ship (rlPyCairo
or the old C extension), so ``to_png`` paints a drawing with Pillow (a reportlab dependency): it
walks the drawing's shapes (rectangles, lines, polygons, circles, strings), each through its
groups' transforms.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.reports import fonts

FORM_LABELS = ("第一种形态", "第二种形态", "第三种形态", "第四种形态")
FORMS = ("1", "2", "3", "4")
UNIT_TYPE_LABELS = {
    "county": "县纪委监委",
    "office": "委机关室",
    "township": "乡镇纪委",
    "group": "派驻纪检监察组",
}
# The page's colours (ui/pages/statistics_charts.py uses the same): one per form.
FORM_COLOURS = ("#1f6fb2", "#e0892b", "#c23b3b", "#5b4a9e")
SHARE_COLOUR = "#2e8b57"
WIDTH = 440.0  # points: the report's type area is 156 mm (442 pt) wide
DPI = 200


def _colour(hex_: str) -> Any:
    from reportlab.lib import colors

    return colors.HexColor(hex_)


def _title(drawing: Any, text: str) -> None:
    from reportlab.graphics.shapes import String

    drawing.add(
        String(
            drawing.width / 2,
            drawing.height - 16,
            text,
            fontName=fonts.heiti(),
            fontSize=11,
            textAnchor="middle",
        )
    )


def _legend(drawing: Any, x: float, y: float, names: Sequence[str], colours: Sequence[str]) -> None:
    from reportlab.graphics.shapes import Rect, String

    for i, (name, colour) in enumerate(zip(names, colours, strict=True)):
        left = x + i * 92
        drawing.add(Rect(left, y, 9, 9, fillColor=_colour(colour), strokeColor=None))
        drawing.add(String(left + 13, y + 1, name, fontName=fonts.body(), fontSize=8.5))


def _style_axes(chart: Any) -> None:
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = fonts.body()
        axis.labels.fontSize = 8
    chart.valueAxis.forceZero = True
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = _colour("#dddddd")


def value_step(top: float) -> float:
    """A round step for a value axis up to ``top`` (about five steps)."""
    if top <= 5:
        return 1
    raw = top / 5
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def _bars(
    title: str, categories: Sequence[str], series: Sequence[Sequence[float]], names: Sequence[str],
    colours: Sequence[str], *, horizontal: bool = False, stacked: bool = False, percent: bool = False,
) -> Any:  # fmt: skip
    from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
    from reportlab.graphics.shapes import Drawing

    rows = len(categories)
    height = (max(140.0, 22.0 * rows + 70) if horizontal else 230.0) + (16 if len(names) > 1 else 0)
    drawing = Drawing(WIDTH, height)
    chart = HorizontalBarChart() if horizontal else VerticalBarChart()
    legend_room = 20 if len(names) > 1 else 0
    chart.x = 110 if horizontal else 40
    chart.y = 28 + legend_room
    chart.width = WIDTH - chart.x - 20
    chart.height = height - chart.y - 30
    chart.data = [list(s) for s in series] if categories else [[0]]
    chart.categoryAxis.categoryNames = list(categories) or [""]
    if horizontal:
        chart.categoryAxis.reverseDirection = True  # the first unit on top, as in the table
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.categoryAxis.labels.dx = -4
    _style_axes(chart)
    top = (
        max((sum(col) for col in zip(*series, strict=True)), default=0)
        if stacked
        else max((v for s in series for v in s), default=0)
    )
    if percent:
        chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
        chart.valueAxis.labelTextFormat = "%d%%"
    else:
        step = value_step(top)
        chart.valueAxis.valueMin = 0
        chart.valueAxis.valueMax = max(step, math.ceil(top / step) * step)
        chart.valueAxis.valueStep = step
    if stacked:
        chart.categoryAxis.style = "stacked"
    chart.barSpacing = 1
    chart.groupSpacing = 6
    for i, colour in enumerate(colours):
        chart.bars[i].fillColor = _colour(colour)
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    _title(drawing, title)
    if len(names) > 1:
        _legend(drawing, 40, 6, names, colours)
    return drawing


def forms_by_type_drawing(figures: dict[str, Any]) -> Any:
    """The four forms by unit type (grouped bars; the types with any), from ``statistics.figures``."""
    kinds = [k for k, counts in figures["by_unit_type"].items() if sum(counts.values())]
    return _bars(
        "运用“四种形态”情况（按单位类型，人次）",
        [UNIT_TYPE_LABELS.get(k, k or "其他") for k in kinds],
        [[figures["by_unit_type"][k].get(f, 0) for k in kinds] for f in FORMS],
        FORM_LABELS,
        FORM_COLOURS,
    )


def forms_by_unit_drawing(figures: dict[str, Any]) -> Any:
    """The four forms by unit (stacked horizontal bars; the units with any)."""
    units = [u for u in figures["by_unit"] if u["total"]]
    return _bars(
        "运用“四种形态”情况（按单位，人次）",
        [u["name"] for u in units],
        [[u["forms"].get(f, 0) for u in units] for f in FORMS],
        FORM_LABELS,
        FORM_COLOURS,
        horizontal=True,
        stacked=True,
    )


def trend_drawing(trend: Sequence[dict[str, Any]]) -> Any:
    """The four forms quarter by quarter (a line per form), from ``chart_figures.trend``."""
    from reportlab.graphics.charts.linecharts import HorizontalLineChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.graphics.widgets.markers import makeMarker

    drawing = Drawing(WIDTH, 246)
    chart = HorizontalLineChart()
    chart.x, chart.y = 40, 48
    chart.width, chart.height = WIDTH - 60, 246 - 48 - 30
    chart.data = [[row["forms"].get(f, 0) for row in trend] or [0] for f in FORMS]
    chart.categoryAxis.categoryNames = [row["short_label"] for row in trend] or [""]
    _style_axes(chart)
    top = max((v for s in chart.data for v in s), default=0)
    step = value_step(top)
    chart.valueAxis.valueMin, chart.valueAxis.valueStep = 0, step
    chart.valueAxis.valueMax = max(step, math.ceil(top / step) * step)
    for i, colour in enumerate(FORM_COLOURS):
        chart.lines[i].strokeColor = _colour(colour)
        chart.lines[i].strokeWidth = 1.6
        chart.lines[i].symbol = makeMarker("FilledCircle", size=4, fillColor=_colour(colour))
    drawing.add(chart)
    _title(drawing, "运用“四种形态”情况（按季度，人次）")
    _legend(drawing, chart.x, 6, FORM_LABELS, FORM_COLOURS)
    return drawing


def coverage_drawing(townships: Sequence[Any]) -> Any:
    """Village residency by township (% of village-quarters visited), from
    ``chart_figures.coverage_by_township``."""
    return _bars(
        "驻村覆盖情况（按乡镇，已驻村次占比）",
        [t.name.removesuffix("纪委") for t in townships],
        [[round(t.share * 100, 1) for t in townships]],
        ["已驻占比"],
        [SHARE_COLOUR],
        horizontal=True,
        percent=True,
    )


# ---- painting a drawing with Pillow --------------------------------------------------------------
Matrix = tuple[float, float, float, float, float, float]


def _multiply(a: Sequence[float], b: Sequence[float]) -> Matrix:
    return (
        a[0] * b[0] + a[2] * b[1],
        a[1] * b[0] + a[3] * b[1],
        a[0] * b[2] + a[2] * b[3],
        a[1] * b[2] + a[3] * b[3],
        a[0] * b[4] + a[2] * b[5] + a[4],
        a[1] * b[4] + a[3] * b[5] + a[5],
    )


def _rgb(colour: Any) -> tuple[int, int, int] | None:
    if colour is None:
        return None
    try:
        r, g, b = colour.rgb()
    except AttributeError:
        return None
    if getattr(colour, "alpha", 1) == 0:
        return None
    return round(r * 255), round(g * 255), round(b * 255)


class _Painter:
    def __init__(self, drawing: Any, dpi: int) -> None:
        from PIL import Image, ImageDraw

        self.scale = dpi / 72
        self.height = drawing.height
        self.image = Image.new(
            "RGB", (round(drawing.width * self.scale), round(drawing.height * self.scale)), "white"
        )
        self.draw = ImageDraw.Draw(self.image)
        self.faces: dict[tuple[str, int], Any] = {}

    def point(self, m: Matrix, x: float, y: float) -> tuple[float, float]:
        px, py = m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]
        return px * self.scale, (self.height - py) * self.scale

    def width(self, m: Matrix, w: float) -> int:
        return max(1, round(w * self.scale * math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))))

    def font(self, name: str, size: float) -> Any:
        from PIL import ImageFont
        from reportlab.pdfbase import pdfmetrics

        pixels = max(1, round(size * self.scale))
        key = (name, pixels)
        if key not in self.faces:
            try:
                face = pdfmetrics.getFont(name).face
                path, index = face.filename, getattr(face, "subfontIndex", 0)
            except (KeyError, AttributeError):
                path, index = str(fonts.SHIPPED[fonts.BODY].path), 0
            self.faces[key] = ImageFont.truetype(str(path), pixels, index=index)
        return self.faces[key]

    def paint(self, node: Any, m: Matrix) -> None:
        from reportlab.graphics import shapes

        if isinstance(node, shapes.UserNode):
            node = node.provideNode()
        if isinstance(node, shapes.Group):
            inner = _multiply(m, node.transform) if getattr(node, "transform", None) else m
            for child in node.getContents():
                self.paint(child, inner)
            return
        fill = _rgb(getattr(node, "fillColor", None))
        stroke = _rgb(getattr(node, "strokeColor", None))
        stroke_width = self.width(m, getattr(node, "strokeWidth", 1) or 1)
        if isinstance(node, shapes.Rect):
            corners = [(node.x, node.y), (node.x + node.width, node.y),
                       (node.x + node.width, node.y + node.height), (node.x, node.y + node.height)]  # fmt: skip
            self._polygon(m, corners, fill, stroke, stroke_width)
        elif isinstance(node, shapes.Circle):
            cx, cy = self.point(m, node.cx, node.cy)
            r = node.r * self.scale * math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))
            self.draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=fill, outline=stroke, width=stroke_width)
        elif isinstance(node, shapes.Line):
            if stroke is not None:
                self.draw.line([self.point(m, node.x1, node.y1), self.point(m, node.x2, node.y2)],
                               fill=stroke, width=stroke_width)  # fmt: skip
        elif isinstance(node, shapes.Polygon):
            pts = node.points
            self._polygon(m, list(zip(pts[::2], pts[1::2], strict=True)), fill, stroke, stroke_width)
        elif isinstance(node, shapes.PolyLine):
            pts = node.points
            if stroke is not None and len(pts) >= 4:
                xy = [self.point(m, x, y) for x, y in zip(pts[::2], pts[1::2], strict=True)]
                self.draw.line(xy, fill=stroke, width=stroke_width, joint="curve")
        elif isinstance(node, shapes.String):
            if fill is None or not node.text:
                return
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}.get(node.textAnchor, "ls")
            self.draw.text(
                self.point(m, node.x, node.y), node.text, fill=fill, font=self.font(node.fontName, node.fontSize),
                anchor=anchor,
            )  # fmt: skip

    def _polygon(
        self, m: Matrix, corners: Sequence[tuple[float, float]], fill: Any, stroke: Any, width: int
    ) -> None:
        xy = [self.point(m, x, y) for x, y in corners]
        if fill is not None:
            self.draw.polygon(xy, fill=fill)
        if stroke is not None:
            self.draw.line([*xy, xy[0]], fill=stroke, width=width)


def to_png(drawing: Any, dpi: int = DPI) -> bytes:
    """The drawing as a PNG image."""
    painter = _Painter(drawing, dpi)
    painter.paint(drawing, (1, 0, 0, 1, 0, 0))
    out = io.BytesIO()
    painter.image.save(out, "PNG", dpi=(dpi, dpi))
    return out.getvalue()


def write_png(drawing: Any, path: Path, dpi: int = DPI) -> Path:
    Path(path).write_bytes(to_png(drawing, dpi))
    return Path(path)


def report_drawings(
    figures: dict[str, Any], trend: Sequence[dict[str, Any]], townships: Sequence[Any]
) -> list[tuple[str, Any]]:
    """(caption without its number, drawing) of each chart the work report carries; a chart
    without anything to show is left out."""
    out: list[tuple[str, Any]] = []
    if sum(figures["forms"].values()):
        out.append(("运用“四种形态”情况（按单位类型）", forms_by_type_drawing(figures)))
        out.append(("运用“四种形态”情况（按单位）", forms_by_unit_drawing(figures)))
    if any(sum(row["forms"].values()) for row in trend):
        out.append(("运用“四种形态”情况（按季度）", trend_drawing(trend)))
    if any(t.owed for t in townships):
        out.append(("驻村覆盖情况（按乡镇）", coverage_drawing([t for t in townships if t.owed])))
    return out
