"""Plausible, deterministic demo data for village residency (驻村监督 / 驻在, DOMAIN.md register 5)
and the quarterly supervision ledgers (签字背书, 谈话纪实, 三重一大, 讲规学法; register 6).

For the current year (relative to the batch's ``today``: ``add_demo_batch``) every village of a township commission and
every supervised unit of a dispatched group gets a visit in each past quarter (in the first
quarter of a year: the previous year's fourth quarter instead, so that missed visits show).
Most are recorded as done through the visit lifecycle's real "record" step (录入记录表: the
matters checked, from the checklist, joined by 、; the people talked to; findings; some problems
and their follow-up); a few findings became clue drafts (source 监督发现, linked to the visit by
``visit_id``). In every past quarter a few villages (units) were missed: planned and never
visited, planned and cancelled, or not planned at all (coverage: 未驻). This quarter part of the
visits are done, part planned and a few villages (units) not planned yet (the home page's missing
visits). Two staff go on each visit, taken in turn; nobody goes to their home village (or to a
place they declared a tie with, or a secondee to the unit they came from, where the team allows).
A clue draft is about a person the batch adds to the person register first: a village cadre
(村级干部, 监察对象 category 5) of the village visited, or a cadre of the supervised unit (部门管干部).
The four ledgers have an entry for most supervised bodies in every past quarter, and a few of
this quarter's; a township's own 党委 is one of its bodies, and its signed 函询 replies are
签字背书 entries (each ledger's own fields: ``app.demo.ledgers``).

The checklist: the county's first batch stores the default checklist as its setting plus two
items of its own (``COUNTY_CHECKLIST``), the way a county sends its setting to the units; township
and group installations keep the built-in default list (``DEFAULT_CHECKLIST``) until the county's
setting reaches them.

Everything runs in the demo batch's one session (``app.demo.batch``): visits, ledger entries
and clues are saved through ``RecordService.save_in`` with the batch's seeded ids (the visit's
printed code drawn from the batch's random generator), the steps through ``Transitions.apply``
with seeded timeline ids (``demo_casework.Casework``). A unit's plans and ledger entries are
flushed together (``Residency.together``: one change-log and audit entry per row as always, but
not one flush per row); each recorded visit is flushed on its own, since the change log numbers
the changed rows of one flush in no fixed order. The same seed gives the same rows. In the
seed county (``create_demo_county``) each unit's rows are owned by that unit's code, as if entered
there and merged by the county. A later batch records a few planned visits, plans one for a
village left out, adds a late ledger entry, corrects a record and tombstones a planned visit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.context import Context
from app.demo import ledgers as demo_ledgers
from app.demo.casework import Casework, Who, _Deferred, _InBatch
from app.models.casework import StaffTie
from app.models.org import Staff, SupervisedUnit, Unit, Village
from app.models.residency import ChecklistItem, Visit
from app.quarters import quarter_bounds, quarter_of, quarters_of_year
from app.registers import get as get_register
from app.registers.ledgers import LEDGER_MODELS, committee_name
from app.registers.residency import CODE_ALPHABET, CODE_LENGTH, DEFAULT_CHECKLIST, LEDGER_KINDS, checklist
from app.services.records import RecordService
from app.services.transitions import Transitions

if TYPE_CHECKING:
    from app.demo.changes import _Batch

__all__ = ["COUNTY_CHECKLIST", "add_county_checklist", "add_residency", "later_residency"]

# The county's own checklist items besides the defaults (name, applies to).
COUNTY_CHECKLIST = (("乡村振兴项目资金使用", "township"), ("巡察反馈问题整改", "both"))
_LATER_CHECKLIST = (
    ("农村集体经济合同管理", "township"),
    ("违规吃喝问题", "both"),
    ("政府采购和招投标", "group"),
)
KINDS = tuple(kind for kind, _label in LEDGER_KINDS)

# Matter -> what a visit found when all was in order.
_FINE = {
    "村务公开": "查看村务公开栏，本季度财务收支和惠民政策公开及时，内容完整",
    "集体“三资”管理": "查阅村集体资金收支台账和合同，账实相符，大额支出经村民代表会议通过",
    "惠民惠农资金发放": "抽查惠民惠农“一卡通”发放名册，走访受益户，资金足额到户",
    "“三重一大”事项决策": "查阅会议记录，“三重一大”事项均经集体研究决定",
    "作风问题": "走访群众，未反映干部作风方面的突出问题",
    "村级纪检监察员履职": "村级纪检监察员按月报告监督情况，履职记录完整",
    "“签字背书”落实": "抽查报账单据和议事记录，签字背书手续齐全",
    "主要负责人谈话纪实": "主要负责人按要求开展廉政谈话，谈话纪实完整",
    "廉政风险防控": "廉政风险点排查到岗到人，防控措施已落实",
    "乡村振兴项目资金使用": "核对乡村振兴项目资金拨付凭证，资金按进度拨付",
    "巡察反馈问题整改": "对照巡察反馈问题清单逐项查看，整改已按期推进",
}
# Matter -> problems a visit can find there: (problem, clue category, subcategory, clue gist) and
# an empty category when it is no clue.
_PROBLEMS: dict[str, tuple[tuple[str, str, str, str], ...]] = {
    "村务公开": (
        ("村务公开栏财务收支未按季度更新", "", "", ""),
        ("集体资金收支未按规定公示", "违反工作纪律", "履职不力", "村务公开不及时，集体资金收支未按规定公示"),
    ),
    "集体“三资”管理": (
        ("部分集体土地承包合同到期未续签", "", "", ""),
        ("集体资金存在白条入账现象", "职务违法", "挪用", "以白条入账方式挪用村集体资金"),
    ),
    "惠民惠农资金发放": (
        ("个别低保户家庭情况变化后未及时调整", "", "", ""),
        (
            "低保评定中存在优亲厚友嫌疑",
            "违反群众纪律",
            "优亲厚友",
            "低保评定中优亲厚友，将不符合条件的亲属纳入低保",
        ),
    ),
    "“三重一大”事项决策": (
        ("个别事项会议记录不完整", "", "", ""),
        (
            "工程项目未经集体研究即开工",
            "违反工作纪律",
            "违规干预插手",
            "工程项目未经集体研究，擅自指定施工方",
        ),
    ),
    "作风问题": (
        ("群众反映办事找人难", "", "", ""),
        ("群众反映干部工作日饮酒", "违反廉洁纪律", "违规吃喝", "工作日中午接受宴请并饮酒"),
    ),
    "村级纪检监察员履职": (("村级纪检监察员月报告未按时报送", "", "", ""),),
    "“签字背书”落实": (("个别报账单据缺少经办人签字", "", "", ""),),
    "主要负责人谈话纪实": (("谈话纪实记录过于简单", "", "", ""),),
    "廉政风险防控": (
        ("廉政风险点排查不全面", "", "", ""),
        ("项目验收把关不严", "违反廉洁纪律", "利用职权谋取利益", "在项目验收中为亲友提供便利"),
    ),
    "乡村振兴项目资金使用": (
        ("项目资金拨付进度滞后", "", "", ""),
        ("项目资金被挤占挪用", "职务违法", "挪用", "挤占挪用乡村振兴项目资金"),
    ),
    "巡察反馈问题整改": (("个别巡察反馈问题整改不到位", "", "", ""),),
}
_GENERIC_PROBLEM = ("相关资料归档不及时", "", "", "")
_FOLLOW_UP = (
    "已当场反馈，责令限期整改，下次驻村（驻在）时复查",
    "已向主要负责人反馈，要求一个月内报送整改情况",
    "已督促建立台账，整改完成后销号",
)
_FOLLOW_UP_NONE = ("持续跟踪，下季度继续驻村（驻在）", "无", "下季度重点了解惠民资金发放情况")
_RECORD_REASONS = ("驻村（驻在）监督记录表已交回，据实录入", "按纸质记录表录入")
_CANCEL_REASONS = (
    "人员临时抽调参加专项检查，本次安排取消",
    "村里集中开展防汛工作，经协商取消本次安排",
    "被监督单位集中开展年度考核，另行安排",
)
_VILLAGE_PEOPLE = ("村党组织书记", "村委会主任", "村监委会主任", "村会计", "村级纪检监察员")
_UNIT_PEOPLE = ("主要负责人", "分管负责人", "财务人员", "办公室主任", "纪检监察联络员")

_LEDGER_FINE = {
    "signoff": ("抽查报账单据和议事记录{n}份，签字背书手续齐全", "抽查{n}份资金审批单，经办、审核、审批签字完整"),
    "talk_record": ("主要负责人本季度开展廉政谈话{n}人次，谈话纪实完整，已季检季报",
                    "班子成员本季度开展谈心谈话{n}人次，记录规范"),
    "major_matters": ("本季度“三重一大”事项{n}项，均经集体研究，已按季反馈",
                      "本季度重大事项{n}项，落实“四议两公开”，会议记录完整"),
    "law_study": ("本季度集中学习党内法规{n}次，干部参学率100%", "组织讲规学法{n}次，随机抽问应知应会，回答基本正确"),
}  # fmt: skip
_LEDGER_PROBLEMS = {
    "signoff": "个别单据事后补签",
    "talk_record": "个别谈话纪实未写明谈话要点",
    "major_matters": "一项大额资金使用未附会议纪要",
    "law_study": "学习记录不完整，个别干部缺学未补学",
}
_LEDGER_FOLLOW_UP = ("已责令整改，下季度复查", "已督促补齐资料")


@dataclass
class _Target:
    id: str
    name: str
    kind: str  # village | supervised_unit | committee (a township's own 党委, for the ledgers)
    row: Any  # the Village, SupervisedUnit or Unit, held so that the checks find it in the session


@dataclass
class _Todo:
    """A planned visit to record as done."""

    target: _Target
    visit_id: str
    visited: date
    lead_id: str
    clue: bool = False  # a finding becomes a clue draft


def _quarters(today: date) -> tuple[list[str], str]:
    """The past quarters to fill and the current quarter."""
    current = quarter_of(today)
    past = [q for q in quarters_of_year(today.year) if q < current]
    return past or [f"{today.year - 1}Q4"], current


def _weekdays(first: date, last: date) -> list[date]:
    days, d = [], first
    while d <= last:
        if d.weekday() < 5:
            days.append(d)
        d += timedelta(days=1)
    return days or [first]


class Residency:
    """Residency records for the units of one installation, inside one demo batch."""

    def __init__(self, b: _Batch, today: date | None = None) -> None:
        self.b = b
        self.s = b.s
        self.rng = b.rng
        self.cw = Casework(b)  # seeded timeline ids, clue numbers, acting for a unit
        self.today = today or self.cw.today
        self.visits = get_register("visits")
        self.clues = get_register("clues")
        self.quick = cast(Session, _Deferred(b.s))
        records = b.records
        self.inner = RecordService(Context(_InBatch(records.db, self.quick), records.actor))
        self.flow = Transitions(self.inner)
        self.codes: set[str] = set(self.s.scalars(select(Visit.code)))
        self.ties: dict[str, set[str]] = {}
        for staff_id, unit, name in self.s.execute(
            select(StaffTie.staff_id, StaffTie.person_unit, StaffTie.person_name).where(
                StaffTie.deleted.is_(False), StaffTie.relation == "village"
            )
        ):
            self.ties.setdefault(staff_id, set()).update((unit.strip(), name.strip()))

    def close(self) -> None:
        self.cw.close()

    @contextmanager
    def together(self) -> Iterator[None]:
        """Saves in the block are flushed together at its end; queries in it do not flush (they
        must not need the block's own rows)."""
        with self.s.no_autoflush:
            yield
        self.s.flush()

    # ---- who goes where ------------------------------------------------------------------------
    def ledger_targets(self, unit: Unit) -> list[_Target]:
        """What the ledgers check: a township's own 党委 and its villages, a group's units."""
        own = (
            [_Target(unit.id, committee_name(unit.name), "committee", unit)]
            if unit.unit_type == "township"
            else []
        )
        return own + self.targets(unit)

    def targets(self, unit: Unit) -> list[_Target]:
        if unit.unit_type == "township":
            return [
                _Target(v.id, v.name, "village", v)
                for v in self.b.live(Village, Village.township_id == unit.id)
            ]
        return [
            _Target(u.id, u.name, "supervised_unit", u)
            for u in self.b.live(SupervisedUnit, SupervisedUnit.group_id == unit.id)
        ]

    def barred(self, person: Staff, target: _Target) -> bool:
        """Never to one's home village (or a village one declared a tie with)."""
        if target.kind != "village":
            return False
        return (person.home_village or "").strip() == target.name or target.name in self.ties.get(
            person.id, ()
        )

    def team(self, staff: Sequence[Staff], target: _Target, turn: int) -> tuple[str, str | None]:
        """Two staff in turn, nobody barred; a secondee not to the unit they came from if the
        team allows."""
        allowed = [p for p in staff if not self.barred(p, target)]
        preferred = [p for p in allowed if not (p.seconded and p.seconded_from == target.name)]
        pool = preferred if len(preferred) >= 2 else allowed
        ordered = pool[turn % len(pool) :] + pool[: turn % len(pool)]
        lead = ordered[0]
        member = self.rng.choice(ordered[1:]) if len(ordered) > 1 else None
        return lead.id, member.id if member else None

    def code(self) -> str:
        while True:
            code = "V" + "".join(self.rng.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            if code not in self.codes:
                self.codes.add(code)
                return code

    # ---- visits (call inside ``together``) -------------------------------------------------------
    def plan(self, unit: Unit, target: _Target, planned: date, team: tuple[str, str | None]) -> str:
        values = {
            "unit_id": unit.id,
            "village_id": target.id if target.kind == "village" else None,
            "supervised_unit_id": target.id if target.kind == "supervised_unit" else None,
            "planned_on": planned,
            "days": 1 if self.rng.random() < 0.8 else 2,
            "lead_id": team[0],
            "member_id": team[1],
        }
        return self.b.records.save_in(
            self.quick, self.visits, values, new_id=self.b.new_id(), program_values={"code": self.code()}
        )

    def people(self, target: _Target) -> str:
        posts = _VILLAGE_PEOPLE if target.kind == "village" else _UNIT_PEOPLE
        talked = [f"{post}{self.b.person()[0]}" for post in self.b.pick(posts, self.rng.randint(2, 3))]
        crowd = "群众" if target.kind == "village" else "干部职工"
        return "、".join(talked) + f"，{crowd}{self.rng.randint(3, 12)}人"

    def record(self, unit: Unit, todo: _Todo, matters: Sequence[str]) -> dict[str, Any] | None:
        """Enter the paper form (the "record" step); return the values of the clue draft the
        visit found, if any, to be saved once the visit is written (``save_clue``)."""
        ticked = [m for m in matters if self.rng.random() < 0.8] or list(matters[:3])
        problems: list[tuple[str, str, str, str]] = []
        found = None
        if todo.clue:  # a problem serious enough to be a clue, in a matter that can have one
            serious = [p for m in ticked for p in _PROBLEMS.get(m, ()) if p[1]]
            found = self.rng.choice(serious) if serious else None
            problems += [found] if found else []
        if self.rng.random() < 0.35 or (todo.clue and found is None):
            for matter in self.b.pick(ticked, 1 if self.rng.random() < 0.7 else 2):
                options = [p for p in _PROBLEMS.get(matter, ()) if not p[1]] or [_GENERIC_PROBLEM]
                choice = self.rng.choice(options)
                if choice not in problems:
                    problems.append(choice)
        findings = "；".join(_FINE.get(m, f"对“{m}”进行了检查，未发现明显问题") for m in ticked) + "。"
        clues_found, clue_values = "", None
        if found is not None:
            clue_values = self.clue_values(unit, todo, found)
            clues_found = f"发现问题线索1条（{found[0]}），已按程序登记，编号{clue_values['number']}"
        values = {
            "visited_on": todo.visited,
            "matters": "、".join(ticked),
            "people_talked": self.people(todo.target),
            "findings": findings,
            "problems": "；".join(p[0] for p in problems),
            "clues_found": clues_found,
            "follow_up": self.rng.choice(_FOLLOW_UP) if problems else self.rng.choice(_FOLLOW_UP_NONE),
        }
        self.flow.apply(self.visits, todo.visit_id, "record", values, self.rng.choice(_RECORD_REASONS))
        return clue_values

    def clue_values(self, unit: Unit, todo: _Todo, problem: tuple[str, str, str, str]) -> dict[str, Any]:
        """The clue draft's values; its person (``_who``) is added when it is saved."""
        target, found_on = todo.target, todo.visited
        who = (
            self.cw.village_cadre([target.name])
            if target.kind == "village"
            else self.cw.department_cadre([target.name])
        )
        name = who.name
        return {
            "number": self.cw.number(self.cw.prefix(unit), "线", found_on.year),
            "source": "supervision",
            "received_on": found_on,
            "registered_on": min(found_on + timedelta(days=self.rng.randint(0, 2)), self.today),
            "_who": who,
            "category": problem[1],
            "subcategory": problem[2],
            "summary": self.cw.secret(f"驻村（驻在）监督发现：反映{name}{problem[3]}"),
            "handling_unit_id": unit.id,
            "handler_id": todo.lead_id,
            "secrecy": "work_secret",
            "_visit_id": todo.visit_id,
        }

    def save_clue(self, values: dict[str, Any]) -> str:
        """A clue draft found on a visit (监督发现), linked to it; registered as it is (a person
        confirms the duplicate and conflict hints)."""
        visit_id = values.pop("_visit_id")
        who: Who = values.pop("_who")
        self.cw.enter_people([who])
        values.update(who.subject())
        return self.b.records.save_in(self.s, self.clues, values, new_id=self.b.new_id(), confirmed=True,
                                      program_values={"visit_id": visit_id})  # fmt: skip

    # ---- ledgers (call inside ``together``) ------------------------------------------------------
    def ledger(self, unit: Unit, target: _Target, kind: str, quarter: str) -> str | None:
        first, last = quarter_bounds(quarter)
        # Checked in the quarter's last weeks or the first weeks after it (季检季报).
        start, end = last - timedelta(days=40), min(last + timedelta(days=15), self.today)
        if end < first:
            return None
        start = max(first, min(start, end))
        checked = start + timedelta(days=self.rng.randint(0, (end - start).days))
        problem = self.rng.random() < 0.15
        values = {
            "quarter": quarter,
            "unit_id": unit.id,
            "target": target.kind,
            "village_id": target.id if target.kind == "village" else None,
            "supervised_unit_id": target.id if target.kind == "supervised_unit" else None,
            "checked_on": checked,
            "content": self.rng.choice(_LEDGER_FINE[kind]).format(n=self.rng.randint(2, 9)),
            "problems": _LEDGER_PROBLEMS[kind] if problem else "",
            "follow_up": self.rng.choice(_LEDGER_FOLLOW_UP) if problem else "",
            "reported": quarter < quarter_of(self.today) and self.rng.random() < 0.9,
            **demo_ledgers.ledger_values(self, unit, kind, target.kind, quarter, checked),
        }
        return self.b.records.save_in(
            self.quick, get_register(f"ledger_{kind}"), values, new_id=self.b.new_id()
        )

    # ---- one unit --------------------------------------------------------------------------------
    def staff(self, unit: Unit) -> list[Staff]:
        return self.b.live(Staff, Staff.unit_id == unit.id, Staff.left_on.is_(None))

    def unit(self, unit: Unit) -> None:
        """A year of visits and ledgers for one township commission or dispatched group."""
        staff = self.staff(unit)
        targets = self.targets(unit)
        if len(staff) < 2 or not targets:
            return
        matters = checklist(self.s, unit.unit_type)
        past, current = _quarters(self.today)
        turn = self.rng.randrange(len(staff))
        # Plans: in each past quarter a few villages (units) missed, this quarter a few unplanned.
        todo: list[_Todo] = []
        cancel: list[str] = []
        with self.together():
            for quarter in [*past, current]:
                first, last = quarter_bounds(quarter)
                days = _weekdays(first, last)
                order = list(targets)
                self.rng.shuffle(order)
                n_missed = max(1, round(len(order) * self.rng.uniform(0.04, 0.1)))
                if unit.unit_type == "group" and quarter not in (past[-1], current):
                    n_missed = 1 if self.rng.random() < 0.3 else 0
                missed, visited = order[:n_missed], order[n_missed:]
                if quarter == current:
                    todo += self.this_quarter(unit, staff, visited, days, turn)
                    turn += 2 * len(visited)
                    continue
                for i, target in enumerate(visited):
                    planned = days[
                        min(len(days) - 1, int((i + self.rng.random()) * len(days) / len(visited)))
                    ]
                    team = self.team(staff, target, turn)
                    turn += 2
                    vid = self.plan(unit, target, planned, team)
                    when = min(planned + timedelta(days=self.rng.choice((0, 0, 0, 1, 2))), last, self.today)
                    todo.append(_Todo(target, vid, when, team[0]))
                for j, target in enumerate(missed):
                    mode = ("none", "planned", "cancelled")[(j + self.rng.randrange(3)) % 3]
                    if mode == "none":
                        continue
                    vid = self.plan(unit, target, self.rng.choice(days), self.team(staff, target, turn))
                    turn += 2
                    if mode == "cancelled":
                        cancel.append(vid)
        # The paper forms entered (a few findings became clue drafts), a few plans cancelled.
        held = self.b.live(Visit, Visit.unit_id == unit.id)  # in the session while recorded
        past_todo = [i for i, t in enumerate(todo) if quarter_of(t.visited) != current]
        for i in self.rng.sample(past_todo, min(len(past_todo), max(1, len(past_todo) // 25))):
            todo[i].clue = True
        clues = []
        with self.together():
            for vid in cancel:
                self.flow.apply(self.visits, vid, "cancel", {}, self.rng.choice(_CANCEL_REASONS))
                self.s.flush()  # one changed row per flush: the change log's order stays seeded
            for item in todo:
                found = self.record(unit, item, matters)
                self.s.flush()
                if found is not None:
                    clues.append(found)
        del held
        self.cw.enter_people([values["_who"] for values in clues])  # one flush for them all
        for values in clues:
            self.save_clue(values)
        # The quarterly ledgers: most bodies in past quarters (never all: one at least is missed),
        # a few already this quarter; a township's own 党委 among them, and its 函询 replies.
        targets = self.ledger_targets(unit)
        with self.together():
            demo_ledgers.inquiry_signoffs(self, unit)
        for quarter in [*past, current]:
            share = 0.12 if quarter == current else 0.88
            with self.together():
                for kind in KINDS:
                    chosen = [target for target in targets if self.rng.random() < share]
                    if quarter != current and len(chosen) == len(targets) > 1:
                        chosen.pop()
                    for target in chosen:
                        self.ledger(unit, target, kind, quarter)

    def this_quarter(self, unit: Unit, staff: Sequence[Staff], targets: Sequence[_Target],
                     days: Sequence[date], turn: int) -> list[_Todo]:  # fmt: skip
        """Plans spread over the quarter; those up to today mostly recorded (returned), the rest
        left planned. The villages (units) the caller left out are not planned at all."""
        before = [d for d in days if d <= self.today]
        after = [d for d in days if d > self.today] or before
        n_before = round(len(targets) * 0.6) if before and after else (len(targets) if before else 0)
        out = []
        for i, target in enumerate(targets):
            early = i < n_before
            pool = before if early else after
            k = i if early else i - n_before
            n = n_before if early else len(targets) - n_before
            planned = pool[min(len(pool) - 1, int((k + self.rng.random()) * len(pool) / max(n, 1)))]
            team = self.team(staff, target, turn + 2 * i)
            vid = self.plan(unit, target, planned, team)
            if early and planned <= self.today and (self.rng.random() < 0.8 or i == 0):
                out.append(_Todo(target, vid, planned, team[0]))
        return out

    # ---- a later batch ---------------------------------------------------------------------------
    def later(self, unit: Unit) -> None:
        """Record a planned visit or two, plan one for a village left out this quarter, add a
        ledger entry, correct a record's follow-up and tombstone a planned visit."""
        staff = self.staff(unit)
        targets = {t.id: t for t in self.targets(unit)}
        if len(staff) < 2 or not targets:
            return
        current = quarter_of(self.today)
        matters = checklist(self.s, unit.unit_type)
        ours = [Visit.unit_id == unit.id, Visit.quarter == current]
        planned = [
            v for v in self.b.live(Visit, *ours, Visit.state == "planned") if v.planned_on <= self.today
        ]
        covered = {
            v.village_id or v.supervised_unit_id
            for v in self.b.live(Visit, *ours, Visit.state != "cancelled")
        }
        left_out = [t for tid, t in sorted(targets.items()) if tid not in covered]
        kind = self.rng.choice(KINDS)
        model: Any = LEDGER_MODELS[kind]
        have = {
            body or unit.id
            for body in self.s.scalars(
                select(func.coalesce(model.village_id, model.supervised_unit_id)).where(
                    model.deleted.is_(False), model.unit_id == unit.id, model.quarter == current
                )
            )
        }
        bodies = {t.id: t for t in self.ledger_targets(unit)}
        missing = [t for tid, t in sorted(bodies.items()) if tid not in have]
        first, last = quarter_bounds(current)
        future = _weekdays(max(first, self.today), last)
        with self.together():
            for visit in self.b.pick(planned, self.rng.randint(1, 2)):
                target = targets.get(visit.village_id or visit.supervised_unit_id or "")
                if target is not None and visit.lead_id:
                    self.record(unit, _Todo(target, visit.id, visit.planned_on, visit.lead_id), matters)
                    self.s.flush()
            for target in self.b.pick(left_out, 1):
                team = self.team(staff, target, self.rng.randrange(len(staff)))
                self.plan(unit, target, self.rng.choice(future), team)
            for target in self.b.pick(missing, 1):
                self.ledger(unit, target, kind, current)
        done = self.b.live(Visit, Visit.unit_id == unit.id, Visit.state == "done", Visit.problems != "")
        for visit in self.b.pick(done, 1):
            note = (
                f"{visit.follow_up}；{self.today.month}月复查，已整改到位"
                if visit.follow_up
                else "已整改到位"
            )
            self.b.edit("visits", visit.id, {"follow_up": note})
        open_visits = self.b.live(Visit, *ours, Visit.state == "planned")
        for visit in self.b.pick(open_visits, 1):
            self.b.delete("visits", visit.id)


# ---- entry points --------------------------------------------------------------------------------
def add_county_checklist(b: _Batch) -> None:
    """The county's checklist setting: the default items and two of its own."""
    if b.live(ChecklistItem):
        return
    items = [*DEFAULT_CHECKLIST, *COUNTY_CHECKLIST]
    for position, (name, applies) in enumerate(items, start=1):
        b.add("checklist_items", {"name": name, "applies_to": applies, "position": position * 10})


def _later_checklist(b: _Batch) -> None:
    items = b.live(ChecklistItem)
    if not items:
        return
    names = {i.name for i in items}
    for name, applies in _LATER_CHECKLIST:
        if name not in names:
            position = max(i.position for i in items) + 10
            b.add("checklist_items", {"name": name, "applies_to": applies, "position": min(position, 999)})
            return


def add_residency(b: _Batch, units: Sequence[Unit], act_as_owner: bool = False,
                  progress: Callable[[], None] | None = None) -> None:  # fmt: skip
    """A year of visits and ledgers for ``units`` (township commissions and dispatched groups);
    ``act_as_owner``: each unit's rows owned by that unit (the seed county)."""
    r = Residency(b)
    try:
        for unit in units:
            if act_as_owner:
                with r.cw.acting_for(unit.code):
                    r.unit(unit)
            else:
                r.unit(unit)
            if progress is not None:
                progress()
    finally:
        r.close()


def later_residency(b: _Batch, own: Unit | None) -> None:
    """A later batch: a few more visits recorded and planned, a ledger entry, an edit and a
    tombstone; on a county, for two units that keep visits (owned by them) and a checklist item."""
    r = Residency(b)
    try:
        if own is not None and own.unit_type in ("township", "group"):
            r.later(own)
            return
        _later_checklist(b)
        with_visits = set(b.s.scalars(select(Visit.unit_id).where(Visit.deleted.is_(False)).distinct()))
        units = [u for u in b.live(Unit, Unit.unit_type.in_(("township", "group"))) if u.id in with_visits]
        for unit in b.pick(units, 2):
            with r.cw.acting_for(unit.code):
                r.later(unit)
    finally:
        r.close()


# ---- the village work of app.demo.ledgers (app.demo.batch) ---------------------------------------
def add_village_work(b: _Batch, units: Sequence[Unit], act_as_owner: bool = False) -> None:
    """The village committees and liaison reports of ``units`` (townships; others have none);
    ``act_as_owner``: each unit's rows owned by that unit (the seed county)."""
    r = Residency(b)
    try:
        demo_ledgers.add_village_work(r, units, act_as_owner)
    finally:
        r.close()


def later_village_work(b: _Batch, own: Unit | None) -> None:
    """A later batch at a township: one late liaison report."""
    if own is None or own.unit_type != "township":
        return
    r = Residency(b)
    try:
        demo_ledgers.later_village_work(r, own)
    finally:
        r.close()
