"""The work report (工作报告) for a range of days as a .docx an office edits in WPS or Word.

Its sections follow the seed's report: 一、基本情况 (the township commissions and the dispatched
groups: numbers and staffing), 二、主要工作及成效 (the four forms, the townships' share, guided
cases, co-reviews, inspection clues, clues, residency, the daily work), 三、存在的问题 (from the
figures: duties missed, villages not visited, posts vacant; then what the office adds, marked
【请补充】), 四、下一步工作打算 (a skeleton to fill in). Tables give the four forms by unit type and by
unit.

Every number comes from the services that count for the window: ``statistics.figures`` (the four
forms, co-reviews, clues, inspection clues, groups taking part, the daily work), ``staffing``
(organisation), ``duties`` (the frequency rules) and ``coverage`` (village residency). Writing is
recorded in the audit log as an export (what and how many tables, never names) in the same step that
puts the file in place, and needs the PRINT permission, as the statistics export does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.quarters import quarter_text
from app.security.roles import PRINT
from app.services.spreadsheet import write_report
from app.services.statistics import format_percent

if TYPE_CHECKING:
    from app.context import Context

FORM_LABELS = {"1": "第一种形态", "2": "第二种形态", "3": "第三种形态", "4": "第四种形态"}
FORM_HEADER = ["第一种形态", "第二种形态", "第三种形态", "第四种形态", "合计"]
SOURCE_LABELS = {
    "petition": "信访举报",
    "inspection": "巡察移交",
    "superior": "上级交办",
    "supervision": "监督发现",
    "transfer": "其他机关移送",
}
DISPOSAL_LABELS = {
    "talk": "谈话函询",
    "verify": "初步核实",
    "hold": "暂存待查",
    "close": "予以了结",
    "": "尚未处置",
}
RESULT_LABELS = {"agree": "同意", "amend": "修改后同意", "return": "退回补充调查", "": "尚无结果"}
UNIT_TYPE_LABELS = {
    "county": "县纪委监委",
    "office": "委机关室",
    "township": "乡镇纪委",
    "group": "派驻纪检监察组",
}
LISTED = 5  # names given in a problem before "等"


def chinese_day(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


# ---- what the report says ------------------------------------------------------------------
@dataclass
class DutyGap:
    title: str
    rule: str
    since: date  # the first period anyone paid: the rule is counted from there
    missed: int  # periods × owers missed
    units: list[str]  # the units of those who missed at least one period


@dataclass
class Residency:
    quarters: list[str]  # the quarters counted: from the first with a visit done, over by the end
    owed: int = 0  # village × quarter cells
    visited: int = 0
    missed: int = 0
    missed_villages: list[str] = field(default_factory=list)


@dataclass
class YearSlice:
    """The figures of one calendar year's part of the range (the seed states 2021's)."""

    start: date
    end: date
    figures: dict[str, Any]

    @property
    def label(self) -> str:
        """2021年, 2022年1—9月, or the days when the slice does not start and end with a month."""
        a, b = self.start, self.end
        if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31):
            return f"{a.year}年"
        if a.day == 1 and (b + timedelta(days=1)).day == 1:
            return f"{a.year}年{a.month}月" if a.month == b.month else f"{a.year}年{a.month}—{b.month}月"
        return f"{chinese_day(a)}至{chinese_day(b)}"


@dataclass
class ReportData:
    start: date
    end: date
    issuer: str  # the installation's unit, e.g. 某县纪委监委
    figures: dict[str, Any]
    years: list[YearSlice]  # one per calendar year the range touches (just the range when one)
    staffing: list[Any]  # staffing.StaffingRow of the township commissions and the groups
    townships: Any  # staffing.TownshipTotals or None
    duty_gaps: list[DutyGap]
    unused_duties: list[str]  # rules nobody paid in the range (not counted: the office checks)
    residency: Residency
    trend: list[dict[str, Any]] = field(default_factory=list)  # chart_figures.trend over the range
    coverage: list[Any] = field(default_factory=list)  # chart_figures.TownshipCoverage, residency's quarters
    own_unit_only: bool = False  # a township's or group's report: its own unit (app.services.scope)

    @property
    def period(self) -> str:
        return f"{chinese_day(self.start)}至{chinese_day(self.end)}"


def _quarters_in(start: date, end: date) -> list[str]:
    from app.quarters import quarter_bounds, quarters_of_year

    return [
        q
        for year in range(start.year, end.year + 1)
        for q in quarters_of_year(year)
        if quarter_bounds(q)[0] >= start and quarter_bounds(q)[1] <= end
    ]


def _residency(ctx: Context, start: date, end: date, today: date) -> Residency:
    """Village residency over the range's whole quarters, from the first quarter with a visit done
    (before it the register was not in use)."""
    from app.services import coverage
    from app.services.records import RecordService

    records = RecordService(ctx)
    quarters = _quarters_in(start, end)
    rows_of: dict[str, list[coverage.Row]] = {}
    for year in sorted({int(q[:4]) for q in quarters}):
        rows = [r for r in coverage.visit_coverage(records, year, today=today) if r.target_kind == "village"]
        for q in (q for q in quarters if q.startswith(str(year))):
            rows_of[q] = rows
    used = [q for q in quarters if any(r.status(q) == coverage.VISITED for r in rows_of[q])]
    out = Residency(quarters[quarters.index(used[0]) :] if used else [])
    missed: dict[str, None] = {}
    for q in out.quarters:
        for r in rows_of[q]:
            status = r.status(q)
            if status not in (coverage.VISITED, coverage.MISSED):
                continue
            out.owed += 1
            if status == coverage.VISITED:
                out.visited += 1
            else:
                out.missed += 1
                missed[f"{r.unit_name.removesuffix('纪委')}{r.target_name}"] = None
    out.missed_villages = list(missed)
    return out


def _duty_gaps(ctx: Context, start: date, end: date, today: date) -> tuple[list[DutyGap], list[str]]:
    """Per frequency rule: the periods missed within the range, counted from the first period
    anyone paid (before it the register was not in use); and the rules nobody paid at all."""
    from app.services import duties
    from app.services.records import RecordService

    records = RecordService(ctx)
    gaps, unused = [], []
    for _reg, duty in duties.all_duties():
        cells = []
        for year in range(start.year, end.year + 1):
            periods, rows = duties.duty_year(records, duty, year, today=today)
            cells += [(p, r) for p in periods if p.first >= start and p.last <= end for r in rows]
        paid = [p.first for p, r in cells if r.status(p.key) == duties.PAID]
        if not paid:
            if cells:
                unused.append(duty.title)
            continue
        since = min(paid)
        missed = [(p, r) for p, r in cells if p.first >= since and r.status(p.key) == duties.MISSED]
        if missed:
            units = list(dict.fromkeys(r.unit_name for _p, r in missed))
            rule = str(duties.rule_text(duty)).replace(" ", "")  # no spaces in Chinese text
            gaps.append(DutyGap(duty.title, rule, since, len(missed), units))
    return gaps, unused


def year_slices(start: date, end: date) -> list[tuple[date, date]]:
    return [(max(start, date(y, 1, 1)), min(end, date(y, 12, 31))) for y in range(start.year, end.year + 1)]


def gather(ctx: Context, start: date, end: date, today: date | None = None) -> ReportData:
    """Everything the report states, from the services that count for the window."""
    from app.services import staffing, statistics

    today = today or date.today()
    user = ctx.actor.username
    figures = statistics.figures(ctx.db, start=start, end=end, user=user)
    slices = year_slices(start, end)
    years = (
        [YearSlice(a, b, statistics.figures(ctx.db, start=a, end=b, user=user)) for a, b in slices]
        if len(slices) > 1
        else [YearSlice(start, end, figures)]
    )
    stats_years = [y for y in staffing.stats_years(ctx.db, user) if y <= end.year]
    townships = staffing.township_totals(ctx.db, stats_years[0], user) if stats_years else None
    info = ctx.db.installation()
    gaps, unused = _duty_gaps(ctx, start, end, today)
    residency = _residency(ctx, start, end, today)
    from app.services import chart_figures
    from app.services.records import RecordService

    return ReportData(
        start=start,
        end=end,
        issuer=info.unit_name if info is not None else "",
        figures=figures,
        years=years,
        staffing=[r for r in staffing.staffing_summary(ctx.db, user) if r.unit_type in ("township", "group")],
        townships=townships,
        duty_gaps=gaps,
        unused_duties=unused,
        residency=residency,
        trend=chart_figures.trend(ctx.db, start=start, end=end, today=today, user=user),
        coverage=chart_figures.coverage_by_township(RecordService(ctx), residency.quarters, today),
        own_unit_only=info is not None and info.unit_type != "county",
    )


# ---- the text ------------------------------------------------------------------------------
def cn_number(n: int) -> str:
    """一 … 九十九."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return f"{digits[tens] if tens > 1 else ''}十{digits[ones] if ones else ''}"


def ordinal(n: int) -> str:
    """（一）, （二）, … for n = 1, 2, …"""
    return f"（{cn_number(n)}）"


def _forms_row(counts: dict[str, int]) -> list[int]:
    values = [int(counts.get(code, 0)) for code in FORM_LABELS]
    return [*values, sum(values)]


def _listing(counts: dict[str, int], labels: dict[str, str], unit: str) -> str:
    parts = [f"{labels.get(k, k)}{n}{unit}" for k, n in counts.items() if n]
    return "、".join(parts) if parts else "无"


def _names(names: Sequence[str], what: str) -> str:
    shown = "、".join(names[:LISTED])
    return f"{shown}等{len(names)}个{what}" if len(names) > LISTED else f"{shown}{len(names)}个{what}"


def _staffing(data: ReportData, kind: str) -> Any:
    return next((r for r in data.staffing if r.unit_type == kind), None)


def _posts(authorised: int | None, measure: str) -> str:
    """核定编制…, or nothing when nobody entered the posts (no figure is made up)."""
    return "" if authorised is None else f"核定编制{authorised}{measure}，"


def _vacancies(vacancies: int | None) -> str:
    if vacancies is None:
        return "。"
    return f"，尚有{vacancies}个编制空缺。" if vacancies else "，编制已配齐。"


def basic_situation(data: ReportData) -> list[tuple[str, str]]:
    """(lead, text) of section 一."""
    out = []
    t = _staffing(data, "township")
    if t is not None:
        where = f"{data.issuer}" if data.own_unit_only else f"全县共有{t.units}个乡镇纪委，"
        text = (
            f"{where}{_posts(t.authorised, '名')}现有纪检监察干部{t.staffed}名，"
            f"其中纪委书记{t.leaders}名、专职{t.full_time}名、监察员（含兼任）{t.inspectors}名"
        )
        text += _vacancies(t.vacancies)
        if data.townships is not None and data.townships.townships:
            s = data.townships
            which = "" if data.own_unit_only else f"{s.townships}个乡镇"
            text += f"{which}所辖监察对象{s.supervision_objects}名、党员{s.party_members}名（{s.year}年）。"
        out.append((ordinal(1) + "乡镇纪委基本情况。", text))
    g = _staffing(data, "group")
    if g is not None:
        where = f"{data.issuer}" if data.own_unit_only else f"共设立{g.units}个派驻纪检监察组，"
        text = (
            f"{where}{_posts(g.authorised, '个')}现配备人员{g.staffed}名，"
            f"其中纪检监察组组长{g.leaders}名、挂职（借调）干部{g.seconded}名"
        )
        text += _vacancies(g.vacancies)
        out.append((ordinal(len(out) + 1) + "派驻纪检监察组基本情况。", text))
    if not out:
        out.append(("", "【请补充：乡镇纪委和派驻纪检监察组的设置和人员配备情况】"))
    return out


def _first_form(label: str, f: dict[str, Any]) -> str:
    return (
        f"{label}，共运用“第一种形态”处理党员干部{f['first_form_total']}人次，"
        f"其中各乡镇纪委{f['first_form_by_township_commissions']}人次，"
        f"占比{format_percent(f['first_form_township_share'])}"
    )


def main_work(data: ReportData) -> list[tuple[str, str]]:
    """(lead, text) of section 二, from the figures: 一是…, 二是…"""
    f = data.figures
    several = len(data.years) > 1
    forms = "；".join(_first_form(y.label, y.figures) for y in data.years)
    if several:
        forms += (
            f"；合计{f['first_form_total']}人次，其中各乡镇纪委{f['first_form_by_township_commissions']}人次"
        )
    items = [
        (
            "运用“四种形态”处理党员干部。",
            f"{data.period}，共运用“四种形态”处理党员干部{f['dispositions_total']}人次，其中"
            f"{_listing(f['forms'], FORM_LABELS, '人次')}。{forms}（见表2、表3）。",
        ),
        (
            "指导领办提升效率。",
            "通过上下联动、指导领办机制，"
            + "；".join(
                f"{y.label}运用“第一种形态”处理{y.figures['first_form_guided']}人次，"
                f"占第一种形态的{format_percent(y.figures['guided_share'])}"
                for y in data.years
            )
            + f"；指导领办共处理{f['guided_total']}人次。",
        ),
        (
            "协审把关规范办理。",
            (
                f"{chinese_day(data.start)}以来，案件审理室共协审各乡镇纪委和派驻纪检监察组案件{f['co_reviews']}件"
                + (
                    f"，其中{_listing(f['co_review_results'], RESULT_LABELS, '件')}。"
                    if any(f["co_review_results"].values())
                    else "。"
                )
            )
            if f["co_reviews"]
            else "【请补充：案件协审情况（本期间未登记协审）】",
        ),
    ]
    inspection = "；".join(
        f"{y.label}，通过巡察移交问题线索{y.figures['inspection_clues']['transferred']}件，"
        f"派驻纪检监察组初步核实{y.figures['inspection_clues']['verified_by_groups']}件，"
        f"运用“第一种形态”处理{y.figures['inspection_clues']['first_form_measures']}人次"
        for y in data.years
    )
    part = f["group_participations"]
    taking_part = (
        f"{data.period}，派驻纪检监察组参与查办案件{f['group_participations_total']}件（次），"
        f"其中承办{part['handled']}件、协办{part['taking_part']}件次。"
    )
    if f["inspection_clues"]["transferred"]:
        inspection += "。"
    else:
        inspection = "【请补充：巡察监督与派驻监督贯通情况（本期间未登记巡察移交线索）】"
    if not f["group_participations_total"]:
        taking_part = ""
    items.append(("靠前监督发挥作用。", inspection + taking_part))
    items.append(
        (
            "规范问题线索处置。",
            f"共受理问题线索{f['clues_total']}件，按来源分：{_listing(f['clues_by_source'], SOURCE_LABELS, '件')}；"
            f"按处置方式分：{_listing(f['clues_by_disposal'], DISPOSAL_LABELS, '件')}。",
        )
    )
    r = data.residency
    if r.owed:
        items.append(
            (
                "推动驻村常态监督。",
                f"{quarter_text(r.quarters[0])}以来{len(r.quarters)}个季度中，乡镇纪委应驻村"
                f"{r.owed}村次，已驻村{r.visited}村次，覆盖率{format_percent(r.visited / r.owed)}。",
            )
        )
    else:
        items.append(("推动驻村常态监督。", "【请补充：驻村（驻在）监督开展情况（本期间未登记驻村记录）】"))
    work = [w for w in f["work"]["registers"] if w["total"]]
    if work:
        listing = "、".join(f"{w['title']}{w['total']}条" for w in work)
        items.append(("扎实开展日常工作。", f"各单位登记{listing}（见表4）。"))
    return [(f"{cn_number(n)}是{lead}", text) for n, (lead, text) in enumerate(items, start=1)]


def problems(data: ReportData) -> list[str]:
    """The paragraphs of section 三: what the figures show, then what the office adds."""
    out = []
    for gap in data.duty_gaps:
        out.append(
            f"{gap.title}（{gap.rule}）落实不到位，{chinese_day(max(gap.since, data.start))}以来有{gap.missed}期次未完成，"
            f"涉及{_names(gap.units, '单位')}。"
        )
    r = data.residency
    if r.missed:
        out.append(
            f"驻村监督尚未全覆盖，{r.missed}村次未驻村，涉及{_names(r.missed_villages, '村（社区）')}。"
        )
    for kind, name in (("township", "乡镇纪委"), ("group", "派驻纪检监察组")):
        row = _staffing(data, kind)
        if row is not None and row.vacancies:
            out.append(f"{name}人员编制尚未配备到位，还有{row.vacancies}个编制空缺。")
    numbered = [f"{cn_number(i)}是{text}" for i, text in enumerate(out, start=1)]
    if data.unused_duties:
        numbered.append(
            f"本期间未见{'、'.join(data.unused_duties)}的登记记录【请核实是否已开展，并补充情况】。"
        )
    numbered.append("【请补充：其他存在的问题，如管理指导、专题培训、监督手段等方面的不足】")
    return numbered


NEXT_STEPS = (
    "加强政治思想建设、提升业务工作水平",
    "推进标准化规范化建设、提高队伍建设水平",
    "构建常态化监督体系、履行监督首责职能",
    "推动协作区工作机制、提升执纪监督质效",
)


def _or_blank(value: int | None) -> Any:
    return "未填" if value is None else value


def forms_by_type(data: ReportData) -> list[list[Any]]:
    """Table 1's rows: per year of the range (when it touches several) each unit type and the
    year's total, then the range's total."""
    several = len(data.years) > 1
    rows: list[list[Any]] = []
    for y in data.years:
        lead = [y.label] if several else []
        rows += [
            [*lead, UNIT_TYPE_LABELS.get(kind, kind or "其他"), *_forms_row(counts)]
            for kind, counts in y.figures["by_unit_type"].items()
            if sum(counts.values())
        ]
        if several:
            rows.append([y.label, "小计", *_forms_row(y.figures["forms"])])
    rows.append([*(["合计", ""] if several else ["合计"]), *_forms_row(data.figures["forms"])])
    return rows


# ---- the document --------------------------------------------------------------------------
def build(data: ReportData, written_on: date | None = None) -> Any:
    """The report as a python-docx Document."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from app.reports import docx_layout as L

    doc = L.new_document()
    f = data.figures
    # A title longer than a line (20 characters of 二号) breaks where its sense does (GB/T 9704 §7.3.3).
    L.paragraph(doc, "关于乡镇纪委和派驻纪检监察组\n工作情况的报告", L.TITLE)
    L.paragraph(doc, "")
    opening = (
        f"现将{chinese_day(data.start)}至{chinese_day(data.end)}{data.issuer}"
        "乡镇纪委和派驻纪检监察组工作情况报告如下。"
    )
    L.paragraph(doc, opening)

    L.paragraph(doc, "一、基本情况", L.HEADING1)
    for lead, text in basic_situation(data):
        L.paragraph(doc, text, lead=lead)
    rows = [
        [r.unit_type_label, r.units, _or_blank(r.authorised), r.staffed, _or_blank(r.vacancies)]
        + [r.full_time, r.leaders]
        for r in data.staffing
    ]
    L.table(doc, ["单位类型", "单位数", "核定编制", "在岗人数", "空缺", "专职", "书记（组长）"], rows,
            "表1　乡镇纪委和派驻纪检监察组人员配备情况")  # fmt: skip

    L.paragraph(doc, "二、主要工作及成效", L.HEADING1)
    L.paragraph(doc, "【请补充：总体工作思路和主要做法的概述】")
    for lead, text in main_work(data):
        L.paragraph(doc, text, lead=lead)
    L.table(doc, [*(["期间"] if len(data.years) > 1 else []), "单位类型", *FORM_HEADER], forms_by_type(data),
            "表2　运用“四种形态”情况（按单位类型，人次）")  # fmt: skip
    by_unit = [[u["name"], *_forms_row(u["forms"])] for u in f["by_unit"] if u["total"]]
    by_unit.append(["合计", *_forms_row(f["forms"])])
    L.table(doc, ["单位", *FORM_HEADER], by_unit, "表3　运用“四种形态”情况（按单位，人次）")
    for n, (caption, drawing) in enumerate(chart_drawings(data), start=1):
        L.picture(doc, to_png(drawing), f"图{n}　{caption}")
    work = [[w["title"], w["total"]] for w in f["work"]["registers"] if w["total"]]
    if work:
        L.table(doc, ["工作事项", "条数"], work, "表4　日常工作登记情况")

    L.paragraph(doc, "三、存在的问题", L.HEADING1)
    for text in problems(data):
        L.paragraph(doc, text)

    L.paragraph(doc, "四、下一步工作打算", L.HEADING1)
    L.paragraph(doc, "针对存在的问题和不足，【请补充：总体打算】")
    for n, heading in enumerate(NEXT_STEPS, start=1):
        L.paragraph(doc, f"{ordinal(n)}{heading}。", L.HEADING2)
        L.paragraph(doc, "【请补充】")

    L.paragraph(doc, "")
    for line in (data.issuer or "【单位名称】", chinese_day(written_on or date.today())):
        p = L.paragraph(doc, line)
        p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        p.paragraph_format.right_indent = Pt(L.SIZE_3.pt * 4)  # 右空四字
    return doc


def chart_drawings(data: ReportData) -> list[tuple[str, Any]]:
    """The report's charts (caption, reportlab Drawing): the four forms by unit type, by unit and
    by quarter, and residency by township, from the figures its tables state."""
    from app.reports.report_charts import report_drawings

    return report_drawings(data.figures, data.trend, data.coverage)


def to_png(drawing: Any) -> bytes:
    from app.reports.report_charts import to_png as png

    return png(drawing)


def table_count(data: ReportData) -> int:
    """The tables the report holds: staffing, the four forms twice, the daily work."""
    return 3 + any(w["total"] for w in data.figures["work"]["registers"])


def write_work_report(
    ctx: Context, start: date, end: date, path: Path, *, today: date | None = None
) -> ReportData:
    """Gather and write the report to ``path`` (atomically), recorded in the audit log; needs PRINT."""
    ctx.require(PRINT)
    data = gather(ctx, start, end, today)
    doc = build(data, today)
    write_report(
        Path(path),
        lambda tmp: doc.save(str(tmp)),
        ctx.db,
        ctx.actor.username,
        "work_report",
        table_count(data),
    )
    return data
