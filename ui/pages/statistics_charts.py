"""统计分析's charts (Qt Charts, no web view): the four forms by unit type (grouped bars) and by unit
(stacked horizontal bars, the units with any), the four forms quarter by quarter (grouped bars),
and village residency by township (% of village-quarters visited).

The numbers are the tables' (``statistics.figures``) and ``chart_figures.chart_data``'s. A click on
a bar asks for the same rows as the number it draws: ``drill_requested`` carries a ``ChartDrill``
(a figure's key and parameters, with a quarter's own days for the trend; or the visits behind a
township's share) and a title; the page opens its ``DrillDownDialog``. Labels use the program's
screen font (the application's font).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter
from PySide6.QtWidgets import QApplication, QGridLayout, QScrollArea, QWidget

from app.quarters import quarter_text, quarter_text_wrapped
from app.registers.casework_choices import FORM_CHOICES
from app.registers.org import UNIT_TYPE_CHOICES
from app.reports.report_charts import FORM_COLOURS, SHARE_COLOUR, value_step
from ui.i18n import tr_app, tr_register

FORMS = tuple(code for code, _label in FORM_CHOICES)
HORIZONTAL = ("byUnit", "coverage")  # the charts whose bars lie along the x axis


@dataclass(frozen=True)
class ChartDrill:
    """What a bar opens: ``statistics.drill(key, **params)`` over the page's period, or over
    ``start``..``end`` when set (a quarter of the trend); or, with ``register``, those ``ids``."""

    key: str = ""
    params: Mapping[str, Any] = field(default_factory=dict)
    start: date | None = None
    end: date | None = None
    register: str = ""
    ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Bar:
    drill: ChartDrill
    title: str
    value: int


class ChartView(QChartView):
    """A chart the keyboard reaches: the arrows move a highlighted bar (left/right along the
    categories, up/down across the forms), Enter opens its rows."""

    def __init__(self, name: str, owner: StatisticsCharts) -> None:
        super().__init__()
        self.setObjectName(name)
        self.owner = owner
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(300)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        name, key = self.objectName(), event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.owner.open_current(name)
            return
        moves = {
            Qt.Key.Key_Left: (0, -1),
            Qt.Key.Key_Right: (0, 1),
            Qt.Key.Key_Up: (-1, 0),
            Qt.Key.Key_Down: (1, 0),
        }
        if name in HORIZONTAL:  # categories run up the chart: up and down move along them
            moves = {
                Qt.Key.Key_Up: (0, 1),
                Qt.Key.Key_Down: (0, -1),
                Qt.Key.Key_Left: (-1, 0),
                Qt.Key.Key_Right: (1, 0),
            }
        for moved, (sets, bars) in moves.items():
            if key == moved:
                self.owner.step_bar(name, sets, bars)
                return
        super().keyPressEvent(event)


class StatisticsCharts(QScrollArea):
    """The four charts; ``show_charts`` fills them, a click on a bar emits ``drill_requested``."""

    drill_requested = Signal(object, str, object)  # ChartDrill, title, the number (int or None)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statisticsCharts")
        self.views: dict[str, ChartView] = {}
        self.bars: dict[str, list[list[Bar]]] = {}  # chart -> bar set -> bar
        self.series: dict[str, Any] = {}
        self.current: dict[str, tuple[int, int]] = {}  # chart -> (bar set, bar) the keyboard is on
        body = QWidget()
        grid = QGridLayout(body)
        self.setWidget(body)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        names = (
            ("byType", self.tr("四种形态（按单位类型，人次）")),
            ("byUnit", self.tr("四种形态（按单位，人次）")),
            ("trend", self.tr("四种形态（按季度，人次）")),
            ("coverage", self.tr("驻村覆盖（按乡镇，已驻村次占比）")),
        )
        for i, (name, title) in enumerate(names):
            view = ChartView(name, self)
            view.setAccessibleName(title)
            view.setToolTip(self.tr("单击柱形（或按回车）查看其明细记录"))
            self.views[name] = view
            grid.addWidget(view, i // 2, i % 2)
            chart = QChart()
            chart.setTitle(title)
            view.setChart(chart)

    # ---- filling ---------------------------------------------------------------------------
    def _fonts(self) -> tuple[QFont, QFont]:
        base = QFont(QApplication.font())
        title = QFont(base)
        title.setBold(True)
        return base, title

    def _chart(self, name: str, series: Any, categories: Sequence[str], *, percent: bool = False) -> QChart:
        view = self.views[name]
        old = view.chart()
        chart = QChart()
        chart.setTitle(old.title())
        base, bold = self._fonts()
        chart.setTitleFont(bold)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setFont(base)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.addSeries(series)
        horizontal = isinstance(series, (QHorizontalBarSeries, QHorizontalStackedBarSeries))
        categories_axis = QBarCategoryAxis()
        categories_axis.append(list(categories) or [""])
        values = QValueAxis()
        values.setLabelFormat("%d%%" if percent else "%d")
        if percent:
            values.setRange(0, 100)
        for axis in (categories_axis, values):
            axis.setLabelsFont(base)
            if hasattr(axis, "setTruncateLabels"):  # Qt 6.2: a unit's whole name, not "…"
                axis.setTruncateLabels(False)
        if horizontal:
            chart.addAxis(categories_axis, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(categories_axis, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories_axis)
        series.attachAxis(values)
        if not percent:
            sets = series.barSets()
            counts = [[s.at(i) for i in range(s.count())] for s in sets]
            if isinstance(series, QHorizontalStackedBarSeries):
                top = max((sum(col) for col in zip(*counts, strict=False)), default=0)
            else:
                top = max((v for c in counts for v in c), default=0)
            step = value_step(top)
            steps = max(1, math.ceil(top / step))
            values.setRange(0, steps * step)
            values.setTickCount(steps + 1)
        view.setChart(chart)
        old.deleteLater()
        self.series[name] = series
        self.current.pop(name, None)
        return chart

    def _form_sets(self, name: str, series: Any, rows: Sequence[Sequence[tuple[int, Bar]]]) -> None:
        """A bar set per form (``rows[form index]`` = its bars' values and drills)."""
        self.bars[name] = []
        for i, (_code, label) in enumerate(FORM_CHOICES):
            bar_set = QBarSet(tr_register(label))
            bar_set.setColor(QColor(FORM_COLOURS[i]))
            bar_set.append([float(v) for v, _bar in rows[i]])
            bar_set.clicked.connect(partial(self.bar_clicked, name, i))
            series.append(bar_set)
            self.bars[name].append([bar for _v, bar in rows[i]])

    def show_charts(self, figures: Mapping[str, Any], extra: Mapping[str, Any], period: str) -> None:
        """Draw the period's charts: ``figures`` from ``statistics.figures``, ``extra`` from
        ``chart_figures.chart_data``; ``period`` names the period in drill-down titles."""
        type_labels = {code: tr_register(label) for code, label in UNIT_TYPE_CHOICES}
        form_labels = [tr_register(label) for _code, label in FORM_CHOICES]
        by_type = figures["by_unit_type"]
        kinds = [k for k in type_labels if sum(by_type.get(k, {}).values())] or list(type_labels)
        series: Any = QBarSeries()
        self._form_sets(
            "byType",
            series,
            [
                [
                    (
                        by_type.get(k, {}).get(f, 0),
                        Bar(
                            ChartDrill("by_unit_type", {"unit_type": k, "form": f}),
                            f"{period} {type_labels[k]} · {form_labels[i]}",
                            by_type.get(k, {}).get(f, 0),
                        ),
                    )
                    for k in kinds
                ]
                for i, f in enumerate(FORMS)
            ],
        )
        self._chart("byType", series, [type_labels[k] for k in kinds])

        # Horizontal bars run from the bottom up: listed backwards, the first unit is on top.
        units = [u for u in figures["by_unit"] if u["total"]][::-1]
        series = QHorizontalStackedBarSeries()
        self._form_sets(
            "byUnit",
            series,
            [
                [
                    (
                        u["forms"][f],
                        Bar(
                            ChartDrill("by_unit", {"unit_id": u["id"], "form": f}),
                            f"{period} {u['name']} · {form_labels[i]}",
                            u["forms"][f],
                        ),
                    )
                    for u in units
                ]
                for i, f in enumerate(FORMS)
            ],
        )
        self._chart("byUnit", series, [u["name"] for u in units])
        self.views["byUnit"].setMinimumHeight(max(300, 28 * len(units) + 120))

        trend = extra.get("trend", [])
        series = QBarSeries()
        self._form_sets(
            "trend",
            series,
            [
                [
                    (
                        row["forms"][f],
                        Bar(
                            ChartDrill(
                                "forms",
                                {"form": f},
                                date.fromisoformat(row["start"]),
                                date.fromisoformat(row["end"]),
                            ),
                            self.tr("{start} 至 {end}").format(start=row["start"], end=row["end"])
                            + f" {form_labels[i]}",
                            row["forms"][f],
                        ),
                    )
                    for row in trend
                ]
                for i, f in enumerate(FORMS)
            ],
        )
        # Two lines (2026年 / 第四季度): eight quarters in one line do not fit and are cut short.
        axis = [quarter_text_wrapped(row["quarter"], "<br>", tr_app) for row in trend]
        self._chart("trend", series, axis)

        townships = list(extra.get("coverage", []))[::-1]
        series = QHorizontalBarSeries()
        bar_set = QBarSet(self.tr("已驻占比"))
        bar_set.setColor(QColor(SHARE_COLOUR))
        bar_set.append([round(t.share * 100, 1) for t in townships])
        bar_set.clicked.connect(partial(self.bar_clicked, "coverage", 0))
        series.append(bar_set)
        self.bars["coverage"] = [
            [
                Bar(
                    ChartDrill(register="visits", ids=tuple(t.ids)),
                    self.tr("{period} {township} 已驻村次（{visited}/{owed}）").format(
                        period=period, township=t.name, visited=t.visited, owed=t.owed
                    ),
                    len(t.ids),
                )
                for t in townships
            ]
        ]
        self._chart("coverage", series, [t.name.removesuffix("纪委") for t in townships], percent=True)
        self.views["coverage"].setMinimumHeight(max(300, 28 * len(townships) + 120))

    def quarter_label(self, quarter: str) -> str:
        return quarter_text(quarter, tr_app)

    # ---- values and clicks -------------------------------------------------------------------
    def values(self, name: str) -> list[list[float]]:
        """Each bar set's values of a chart (tests; the same numbers the tables show), in the
        categories' order (a horizontal chart's from the bottom up)."""
        series = self.series.get(name)
        if series is None:
            return []
        return [[s.at(i) for i in range(s.count())] for s in series.barSets()]

    def categories(self, name: str) -> list[str]:
        chart = self.views[name].chart()
        for axis in chart.axes():
            if isinstance(axis, QBarCategoryAxis):
                return list(axis.categories())
        return []

    def bar_clicked(self, name: str, set_index: int, index: int) -> None:
        """A bar was clicked: ask for the rows behind its number."""
        bars = self.bars.get(name, [])
        if not 0 <= set_index < len(bars) or not 0 <= index < len(bars[set_index]):
            return
        bar = bars[set_index][index]
        self.drill_requested.emit(bar.drill, bar.title, bar.value)

    def step_bar(self, name: str, sets: int, bars: int) -> tuple[int, int] | None:
        """Move the keyboard's bar in a chart (the first time: onto the first bar) and highlight
        it; its title and number become the chart's tooltip and accessible description."""
        table = self.bars.get(name, [])
        if not table or not table[0]:
            return None
        if name in self.current:
            s, i = self.current[name]
            s = min(max(s + sets, 0), len(table) - 1)
            i = min(max(i + bars, 0), len(table[s]) - 1)
        else:
            s, i = 0, 0
        self.current[name] = (s, i)
        series = self.series.get(name)
        if series is not None:
            for n, bar_set in enumerate(series.barSets()):
                if hasattr(bar_set, "deselectAllBars"):  # Qt 6.2
                    bar_set.deselectAllBars()
                    if n == s:
                        bar_set.setSelectedColor(QColor("#222222"))
                        bar_set.selectBar(i)
        bar = table[s][i]
        text = f"{bar.title}：{bar.value}"
        self.views[name].setToolTip(text)
        self.views[name].setAccessibleDescription(text)
        return s, i

    def open_current(self, name: str) -> None:
        """Enter: open the keyboard's bar (the first bar when none was chosen yet)."""
        current = self.current.get(name) or self.step_bar(name, 0, 0)
        if current is not None:
            self.bar_clicked(name, *current)
