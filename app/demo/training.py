"""Plausible, deterministic demo data for training (每月一课, 每周一测) and reporting (半年述职述廉
with the county's feedback, the 党委's 一岗双责 reports).

For each township commission and dispatched group, relative to the batch's ``today``:

- 每月一课: a lesson in each of the last six months (and this month once its 10th is past); a
  few units held none in one month, so every staff member shows missing there. At each lesson
  most staff are present; some are absent with a reason (出差, 病假, 驻村走访, …).
- 每周一测: a test in each of the last eight weeks, on a weekday of that week; a unit now and
  then skipped a week. Most staff sat it (a score out of 100, most between 70 and 95); a few
  did not, with the reason.
- 半年述职述廉: a report in late June or late December for each of the last two half-years; a
  few came in early July (confirmed, as the form asks) and a few units have none for a half
  (coverage shows the gap). The county gave its feedback (评价 and 反馈意见) on most of the older
  half's reports and some of the latest, as rows of its own.
- 一岗双责: each township commission heard its 党委 in each of the last two half-years, save a
  few.

Every value goes through the registers' own validation (``RecordService.save_in``) with the
batch's seeded ids. Attendance and scores are saved through the batch's deferred session and
flushed per unit (``together``). In the seed county each unit's rows are owned by that unit
(``act_as_owner``) and the feedback by the county. A later batch adds this month's lesson where
it is missing, one more test, and on the county feedback on reports still without one.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.demo.casework import _Deferred
from app.models.org import Staff, Unit
from app.models.reporting import ReportFeedback, WorkReport
from app.models.training import Lesson
from app.registers import get as get_register
from app.registers.reporting import half_bounds, half_of

if TYPE_CHECKING:
    from app.demo.changes import _Batch

__all__ = ["add_training", "later_training"]

_TOPICS = (
    "学习《中国共产党纪律处分条例》",
    "学习《中华人民共和国监察法》及实施条例",
    "学习《中国共产党纪律检查机关监督执纪工作规则》",
    "问题线索处置的程序和文书规范",
    "谈话函询的程序和方法",
    "初步核实的方法与证据收集",
    "审查调查安全工作要求",
    "运用监督执纪“四种形态”",
    "基层“微腐败”典型案例剖析",
    "村级“三资”监督要点",
    "惠民惠农资金监督检查方法",
    "案件审理中的定性量纪",
    "信访举报件的受理与办理",
    "纪检监察文书写作规范",
)
_SUBJECTS = (
    "党章党规知识",
    "纪律处分条例条款",
    "监察法及实施条例",
    "监督执纪工作规则",
    "纪检监察业务知识",
    "案例分析题",
    "文书规范",
)
_ABSENT = ("出差", "病假", "驻村走访", "参加县纪委集中培训", "外出办案", "事假")
_TEACHERS = ("县纪委案件审理室", "县纪委案件监督管理室", "县纪委党风政风监督室", "县纪委信访室")
_REPORT_CONTENT = (
    "履行监督第一职责，开展驻村（驻在）监督{n}次，发现问题{m}个，已督促整改；"
    "处置问题线索，开展谈话函询和初步核实；坚持每月一课、每周一测，"
    "干部队伍业务能力有所提升；本人严格执行廉洁自律各项规定。"
)
_REPORT_WEAK = ("教育培训形式较单一，", "线索处置进度偏慢，", "驻村监督发现问题不够深入，", "")
_FEEDBACK = {
    "good": "履职尽责，监督执纪工作扎实有效，望继续保持。",
    "fairly_good": "工作总体较好，{weak}下一步要加强。",
    "fair": "工作有差距，{weak}要对照问题逐项整改，按月报告进展。",
}
_PARTY_CONTENT = (
    "党委书记履行第一责任人职责，班子成员落实一岗双责，研究党风廉政建设工作{n}次，"
    "对分管领域干部开展廉政谈话{m}人次。"
)
_PARTY_OPINION = (
    "责任落实总体到位，个别班子成员对分管领域监督偏软，要压紧压实。",
    "要把一岗双责落实到日常，分管领域问题整改要跟踪到底。",
    "廉政谈话要有针对性，避免泛泛而谈。",
    "总体较好，继续支持纪委开展监督。",
)
_LEADERS = ("secretary", "group_leader")


@contextmanager
def _acting_for(s: Session, code: str | None) -> Iterator[None]:
    """Rows written in the block belong to unit ``code`` (as if entered there); None: as the
    session already says."""
    if code is None:
        yield
        return
    s.flush()
    before = s.info["unit"]
    s.info["unit"] = code
    try:
        yield
    finally:
        s.flush()
        s.info["unit"] = before


def _weekday(b: _Batch, first: date, last: date) -> date:
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    work = [d for d in days if d.weekday() < 5] or days
    return b.rng.choice(work)


def _month_starts(today: date, n: int) -> list[date]:
    """The first days of the ``n`` months before ``today``'s, oldest first, then today's own if
    its 10th is past."""
    starts, year, month = [], today.year, today.month
    for _ in range(n):
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        starts.append(date(year, month, 1))
    starts.reverse()
    if today.day > 10:
        starts.append(today.replace(day=1))
    return starts


def _past_halves(today: date, n: int = 2) -> list[str]:
    """The ``n`` half-years before ``today``'s, oldest first."""
    halves, day = [], today
    for _ in range(n):
        day = half_bounds(half_of(day))[0] - timedelta(days=1)
        halves.append(half_of(day))
    return list(reversed(halves))


class Training:
    """Training and reporting records of the units of one installation, in one demo batch."""

    def __init__(self, b: _Batch) -> None:
        self.b = b
        self.s = b.s
        self.rng = b.rng
        self.today = b.today
        self.quick = cast(Session, _Deferred(b.s))
        self.missed = False  # someone missed a lesson (a test) of the unit being filled

    @contextmanager
    def together(self) -> Iterator[None]:
        with self.s.no_autoflush:
            yield
        self.s.flush()

    def add(self, register: str, values: dict[str, Any], session: Session | None = None) -> str:
        if session is None:
            return self.b.add(register, values)
        return self.b.records.save_in(
            session, get_register(register), values, new_id=self.b.new_id(), confirmed=True
        )

    def staff(self, unit: Unit, on: date) -> list[Staff]:
        return self.b.live(Staff, Staff.unit_id == unit.id, or_(Staff.left_on.is_(None), Staff.left_on > on))

    # ---- 每月一课 ----------------------------------------------------------------------------
    def lessons(self, unit: Unit, months: Sequence[date]) -> None:
        self.missed = False
        skipped = self.rng.randrange(len(months)) if self.rng.random() < 0.3 else None
        for i, start in enumerate(months):
            if i == skipped:
                continue
            nxt = (start + timedelta(days=32)).replace(day=1)
            end = min(start.replace(day=25), nxt - timedelta(days=1), self.today - timedelta(days=1))
            if end < start:
                continue
            held = _weekday(self.b, start.replace(day=min(5, end.day)), end)
            self.lesson(unit, held, last=i == len(months) - 1)

    def _away(self, staff: Sequence[Staff], last: bool, rate: float = 0.12) -> set[str]:
        """Who misses a lesson or test: each now and then, and someone at a unit's last one if
        nobody has yet (so that coverage shows a gap at every unit)."""
        away = {p.id for p in staff if self.rng.random() < rate}
        if last and not away and not self.missed:
            away = {self.rng.choice(staff).id}
        self.missed = self.missed or bool(away)
        return away

    def lesson(self, unit: Unit, held: date, last: bool = False) -> None:
        staff = self.staff(unit, held)
        if not staff:
            return
        leaders = [p for p in staff if p.post in _LEADERS]
        if leaders and self.rng.random() < 0.6:
            teacher = leaders[0].name
        else:
            teacher = f"{self.rng.choice(_TEACHERS)} {self.b.person()[0]}"
        lesson = self.add(
            "lessons",
            {"unit_id": unit.id, "held_on": held, "topic": self.rng.choice(_TOPICS), "teacher": teacher},
        )
        away = self._away(staff, last)
        with self.together():
            for person in staff:
                values: dict[str, Any] = {"lesson_id": lesson, "staff_id": person.id}
                if person.id in away:
                    values |= {"present": False, "absence_reason": self.rng.choice(_ABSENT)}
                self.add("lesson_attendance", values, self.quick)

    # ---- 每周一测 ----------------------------------------------------------------------------
    def tests(self, unit: Unit, weeks: int = 8) -> None:
        self.missed = False
        monday = self.today - timedelta(days=self.today.weekday())
        for n in range(weeks, 0, -1):
            if n > 1 and self.rng.random() < 0.08:
                continue
            start = monday - timedelta(weeks=n)
            self.test(unit, start + timedelta(days=self.rng.choice((3, 4, 4))), last=n == 1)

    def test(self, unit: Unit, held: date, last: bool = False) -> None:
        staff = self.staff(unit, held)
        if not staff:
            return
        test = self.add(
            "weekly_tests", {"unit_id": unit.id, "held_on": held, "subject": self.rng.choice(_SUBJECTS)}
        )
        away = self._away(staff, last, 0.08)
        with self.together():
            for person in staff:
                values: dict[str, Any] = {"test_id": test, "staff_id": person.id}
                if person.id in away:
                    values["absence_reason"] = self.rng.choice(_ABSENT)
                else:
                    values["score"] = max(40, min(100, round(self.rng.gauss(84, 8))))
                self.add("test_scores", values, self.quick)

    # ---- 述职述廉, 一岗双责 -------------------------------------------------------------------
    def reports(self, unit: Unit, halves: Sequence[str]) -> None:
        staff = self.staff(unit, self.today)
        leaders = [p.name for p in staff if p.post in _LEADERS]
        for half in halves:
            if self.rng.random() < 0.12:
                continue  # missed: coverage shows it
            first, last = half_bounds(half)
            if self.rng.random() < 0.15:
                day = _weekday(self.b, last + timedelta(days=1), last + timedelta(days=8))
            else:
                day = _weekday(self.b, last - timedelta(days=10), last - timedelta(days=3))
            if day >= self.today:
                continue
            weak = self.rng.choice(_REPORT_WEAK)
            content = _REPORT_CONTENT.format(n=self.rng.randint(8, 30), m=self.rng.randint(2, 15))
            self.add(
                "work_reports",
                {
                    "unit_id": unit.id,
                    "half": half,
                    "reported_on": day,
                    "reporter": leaders[0] if leaders else "",
                    "content": content + (f"不足：{weak.rstrip('，')}。" if weak else ""),
                },
            )
        if unit.unit_type != "township":
            return
        for half in halves:
            if self.rng.random() < 0.15:
                continue
            last = half_bounds(half)[1]
            day = _weekday(self.b, last - timedelta(days=25), last - timedelta(days=5))
            if day >= self.today:
                continue
            self.add(
                "party_reports",
                {
                    "unit_id": unit.id,
                    "heard_on": day,
                    "reporter": f"党委书记 {self.b.person()[0]}",
                    "content": _PARTY_CONTENT.format(n=self.rng.randint(2, 6), m=self.rng.randint(10, 40)),
                    "opinion": self.rng.choice(_PARTY_OPINION),
                },
            )

    def feedback(self, halves: Sequence[str]) -> None:
        """The county's word on the reports of ``halves``: most of the older, some of the latest."""
        given = select(ReportFeedback.report_id).where(ReportFeedback.deleted.is_(False))
        reports = self.b.live(WorkReport, WorkReport.half.in_(halves), WorkReport.id.not_in(given))
        for report in sorted(reports, key=lambda r: (r.half, r.reported_on, r.id)):
            share = 0.85 if report.half == halves[0] else 0.4
            if self.rng.random() > share:
                continue
            day = report.reported_on + timedelta(days=self.rng.randint(7, 25))
            if day >= self.today:
                continue
            rating = self.rng.choices(("good", "fairly_good", "fair"), (4, 5, 1))[0]
            weak = self.rng.choice(_REPORT_WEAK[:-1])
            self.add(
                "report_feedback",
                {
                    "report_id": report.id,
                    "given_on": day,
                    "rating": rating,
                    "opinion": _FEEDBACK[rating].format(weak=weak),
                },
            )

    def unit(self, unit: Unit) -> None:
        self.lessons(unit, _month_starts(self.today, 6))
        self.tests(unit)
        self.reports(unit, _past_halves(self.today))


def add_training(
    b: _Batch, units: Sequence[Unit], act_as_owner: bool = False, feedback: bool = False
) -> None:
    """Training and reporting records for ``units`` (township commissions and dispatched groups);
    ``act_as_owner``: each unit's rows owned by that unit (the seed county); ``feedback``: then the
    county's feedback on their reports, as the installation's own rows."""
    t = Training(b)
    for unit in units:
        if unit.unit_type not in ("township", "group"):
            continue
        with _acting_for(b.s, unit.code if act_as_owner else None):
            t.unit(unit)
    if feedback:
        t.feedback(_past_halves(b.today))


def later_training(b: _Batch, own: Unit | None) -> None:
    """A later batch: at a township or group, this month's lesson if it has none yet and one more
    test; at the county, feedback on reports still without one."""
    t = Training(b)
    t.quick = b.s  # a few rows: each flushed with its audit entry, as a person enters them
    if own is not None and own.unit_type in ("township", "group"):
        start = b.today.replace(day=1)
        held = b.live(Lesson, Lesson.unit_id == own.id, Lesson.held_on >= start)
        if not held and b.today > start:
            t.lesson(own, _weekday(b, start, b.today - timedelta(days=1)))
        if b.today.weekday() > 0:
            t.test(own, b.today - timedelta(days=1))
        return
    t.feedback(_past_halves(b.today))
