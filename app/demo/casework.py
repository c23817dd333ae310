"""Plausible, deterministic demo data for the casework registers (人员库, 信访举报, 问题线索,
谈话函询, 初步核实, 立案审查调查, 协办单位, 协审, 处理处分, 回避关系申报, 办理期限设置).

Every record is entered the way a person would: saved through ``RecordService`` (the register's
own validation and warnings) and moved through its lifecycle with ``Transitions.apply`` (with a
reason in Chinese, so every step is on the record's timeline). Everything runs inside the demo
batch's one transaction (``app.demo.batch``): ``Transitions`` gets the batch's session through
a ``Database`` stand-in, and the steps' timeline rows get seeded ids, so the same seed (and the
same ``today``) gives the same records and ids.

**People first.** Every person a report, clue, case or measure is about is a person record
(人员库) the batch adds before the records that name it (``person_id``), with what the rules ask
of them: party membership, 监察对象 category (监察法 art. 15: a village cadre "5", a civil servant
"1", a manager of a public hospital or school "4", …) and 管理权限 (村级干部 and 乡镇管干部 for a
township commission, 部门管干部 of its supervised units for a dispatched group, 县管干部 for the
county's offices). A few people come back: a clue about them was closed in 2021 and a measure
followed in 2022; and a few were entered twice, by a unit and by a county office (same name and
unit), for the person register's duplicate flag to show.

**Lawful measures.** Every measure has a kind and one of that kind's measures, chosen from what
the person may be given (``app.registers.sanctions``): party sanctions only for party members,
政务处分 only for 监察对象, a village cadre's 政务处分 only 警告, 记过 or 记大过. A case's decision
may give one person two or three measures on one day (党纪 严重警告 and 政务 记过; 开除党籍, 开除
and 移送检察机关审查起诉): one person-time, in the form of the heaviest. There are 诫勉, 组织处理,
免予处分 (alone: first form; with 调整职务: second), a 问责 of a party organisation (no person)
and, each year, a case transferred for prosecution (form 4). ``app.services.lawfulness`` finds
nothing to object to.

**The seed's story on the seed's dates** (``add_seed_county``), counted one person-time per
person per decision (person, handling unit, decision date, case, clue), in the form of its
heaviest measure:

- 2021: 617 first-form person-times, 324 of them (52.51%) by the township commissions, every one
  guided by a county office (指导领办); 37 clues transferred by inspection (巡察移交), each about a
  cadre of a group's supervised unit (部门管干部), preliminarily verified by that group and ending
  in one first-form measure by it.
- 1 January 2021 to 30 September 2022: 48 co-reviews (协审) of township and group cases (30 in
  2021, 18 in 2022 up to September) and 44 participations of dispatched groups in cases (件次: a
  case a group handles, and each group taking part in a case, ``case_units``), groups joining the
  offices' cases from April 2021.
- 2022 up to the report (20 September): its own clues, cases and measures, at about half 2021's
  pace, two inspection clues about village cadres that the township commission handles and
  counts, and a 问责 of a department's party group.

**A current quarter dated from ``today``** (the ``--today`` of ``demo`` and ``demo-county``, by
default the machine's date; not before ``EARLIEST_TODAY`` nor after the machine's date, since a
visit cannot be recorded in the future): clues just received, one due within the week and one
overdue for a disposal proposal, an inquiry due within the week, an extended verification that
is overdue, a case of a township or office under investigation, and a few first-form measures of
the last weeks (after the seed's period). None of it counts in the figures above, so they hold
for every ``today``.

Sensitive fields (reporter, contact, summaries, reports, facts) can only be written by an actor
holding the sensitive-field key (``Context.actor``). A plain user name (the system acting: tests,
``python -m app demo`` as long as it passes a name) holds no key: the batch then leaves those
fields empty (anonymous reports only) and stops before the steps that need them (报告结果 of an
inquiry or verification, 移送审理 of a case), so those records stay open and no co-review or
measure follows them.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from app.context import Context
from app.db.database import Database
from app.models.casework import (
    Case,
    Clue,
    DeadlineRule,
    Detention,
    Disposition,
    Inquiry,
    Report,
    StaffTie,
    Transition,
    Trial,
)
from app.models.org import Liaison, Staff, SupervisedUnit, Unit, Village
from app.models.people import Person
from app.registers import REGISTERS
from app.registers import get as get_register
from app.registers.casework_choices import COUNTY_MANAGED, DEPARTMENT_MANAGED, TOWNSHIP_MANAGED, VILLAGE_CADRE
from app.registers.measures import SANCTION_KINDS
from app.registers.sanctions import VILLAGE_CATEGORY, VILLAGE_STATE_MEASURES
from app.services.deadlines import deadline_days
from app.services.records import RecordService
from app.services.transitions import Transitions

if TYPE_CHECKING:
    from app.demo.changes import _Batch

__all__ = [
    "EARLIEST_TODAY",
    "SEED_FIGURES",
    "SEED_SINCE",
    "SEED_UNTIL",
    "add_casework",
    "add_seed_county",
    "later_casework",
]

# The seed report, section 二: 2021, and "2021年以来" up to the report (September 2022).
SEED_FIGURES = {
    "year": 2021,
    "first_form": 617,  # first-form person-times decided in 2021
    "first_form_townships": 324,  # of them by township commissions, all guided by a county office
    "inspection_clues": 37,  # received in 2021, verified by a group, one first-form measure each
    "co_reviews": 48,  # of township and group cases, requested SEED_SINCE..SEED_UNTIL
    "group_participations": 44,  # 件次 in cases filed SEED_SINCE..SEED_UNTIL ("40余件（次）")
}
SEED_SINCE = date(2021, 1, 1)
SEED_UNTIL = date(2022, 9, 30)
REPORTED_ON = date(2022, 9, 20)  # the seed report's date: the history ends there
EARLIEST_TODAY = SEED_UNTIL + timedelta(days=1)
GROUPS_FROM = date(2021, 4, 1)  # "2021年4月": the groups' staff join the offices' cases
PACE_2022 = 0.5  # 2022's first-form measures up to September, against 2021's

# How the co-reviews and participations come about, (2021, 2022): cases the township commissions
# and the groups handle (each co-reviewed; a group's own case is a participation), those of them
# a group (of the zone) takes part in, and the offices' cases with groups taking part (how many,
# how many of them with two groups).
TOWNSHIP_CASES = (22, 13)
GROUP_CASES = (8, 5)
TOWNSHIP_CASES_JOINED = (3, 2)
GROUP_CASES_JOINED = (1, 0)
OFFICE_CASES_JOINED = ((12, 3), (8, 2))
assert sum(TOWNSHIP_CASES) + sum(GROUP_CASES) == SEED_FIGURES["co_reviews"]
assert (
    sum(GROUP_CASES)
    + sum(TOWNSHIP_CASES_JOINED)
    + sum(GROUP_CASES_JOINED)
    + sum(n + two for n, two in OFFICE_CASES_JOINED)
    == SEED_FIGURES["group_participations"]
)

# (category, subcategory, gist, whom: v village cadre, c other cadre, m party member only)
_PROBLEMS = (
    ("违反廉洁纪律", "违规收送礼品礼金", "逢年过节收受管理服务对象所送购物卡", "c"),
    ("违反廉洁纪律", "违规吃喝", "在工作日中午接受施工方安排的宴请并饮酒", "vc"),
    ("违反廉洁纪律", "违规经商办企业", "亲属经营的公司承接本单位项目，本人未报告", "c"),
    ("违反廉洁纪律", "利用职权谋取利益", "在项目验收中为亲友提供便利", "vc"),
    ("违反群众纪律", "侵害群众利益", "截留部分惠民补贴资金", "v"),
    ("违反群众纪律", "优亲厚友", "低保评定中优亲厚友，将不符合条件的亲属纳入低保", "v"),
    ("违反群众纪律", "吃拿卡要", "办理审批事项时故意拖延，索要好处", "vc"),
    ("违反工作纪律", "形式主义官僚主义", "填报表格弄虚作假，数据与实际不符", "vc"),
    ("违反工作纪律", "履职不力", "村务公开不及时，集体资金收支未按规定公示", "v"),
    ("违反工作纪律", "履职不力", "对分管领域安全检查走过场，隐患整改不到位", "c"),
    ("违反工作纪律", "违规干预插手", "违规干预插手工程项目招投标", "c"),
    ("违反组织纪律", "不如实报告个人有关事项", "未如实报告个人房产情况", "c"),
    ("违反组织纪律", "违规选人用人", "在村级后备干部推选中搞暗箱操作", "v"),
    ("违反组织纪律", "其他", "长期不参加党的组织生活，不按规定交纳党费", "m"),
    ("违反生活纪律", "生活作风问题", "生活作风不检点，造成不良影响", "vcm"),
    ("职务违法", "挪用", "挪用村集体资金用于个人周转", "v"),
    ("职务违法", "滥用职权", "违规审批项目资金拨付", "c"),
    ("职务违法", "玩忽职守", "对危房改造资金审核把关不严，造成资金损失", "c"),
)
_SERIOUS = ("职务违法", "违反廉洁纪律", "违反群众纪律", "违反组织纪律", "违反生活纪律")
_CRIME = ("职务犯罪", "受贿", "利用职务便利为他人在工程承揽中谋取利益，收受财物数额较大", "c")
_LETTER_ASSESSMENTS = ("truthful", "truthful", "truthful", "incomplete")
_REPLY_OPINIONS = (
    "经核实，本人说明情况属实，同意其说明。",
    "本人说明与掌握情况一致，党委将加强日常教育管理。",
)
_TRIAL_OPINIONS = (
    "事实清楚，证据确凿，定性准确，处理恰当，手续完备，同意审查调查部门意见。",
    "主要事实清楚，建议对部分情节补充说明后按程序作出处理。",
)
_REVISITS = ("本人对错误认识深刻，工作表现良好，已走出处分影响。", "回访中本人表示接受组织处理，工作积极。")
_REASONS = {
    "propose": ("经初步审核，提出处置意见报审批", "线索具体、可查，拟按程序处置", "按线索处置流程呈领导审批"),
    "talk": ("反映问题较为笼统，宜通过谈话函询了解情况", "问题情节轻微，采取谈话方式核实"),
    "verify": ("反映问题具体、有可查性，需初步核实", "线索涉及资金问题，需调取账目核实"),
    "hold": ("被反映人已调离原岗位，相关证据暂不具备查核条件", "反映问题需待审计结果出来后再行处置"),
    "close": ("反映问题不具体，无可查性，予以了结", "经核查反映问题已在以往工作中处理，予以了结"),
    "withdraw": ("拟办意见依据不充分，退回重新拟办",),
    "start": ("工作方案已批准，开始办理", "办理人员已到位，按方案开展工作"),
    "extend": ("情况复杂，需补充调取证据，经批准延期", "涉及人员较多，经批准延长办理期限"),
    "report": ("已形成情况报告，经集体研究提出处理意见", "办理完毕，报告结果"),
    "finish": ("已按处理意见办理完毕，线索办结", "处理结果已执行到位，予以办结"),
    "to_clue": ("反映问题具体，转为问题线索办理",),
    "archive": ("反映内容不属于纪检监察机关受理范围，已转有关部门办理", "重复来信，已存档"),
    "to_verification": ("谈话函询中发现新的问题，转初步核实",),
    "file_case": ("初步核实认为存在违纪违法事实，需追究纪律责任，经批准立案",),
    "investigate": ("成立审查调查组，开始审查调查",),
    "to_review": ("审查调查终结，移送案件审理",),
    "back": ("协审认为部分事实证据不足，退回补充调查",),
    "conclude": ("审理终结，作出处理决定",),
    "give_opinion": ("审理室已完成协审，出具意见",),
    "close_review": ("协审意见已采纳，登记结果",),
    "resubmit": ("审查调查部门补充调查后重新移送，重新提请协审",),
    "end": ("审查调查终结，经批准解除留置",),
    "approve": ("初步核实认为存在违纪违法事实，需追究纪律责任，经集体研究报批立案",),
    "send_letter": ("经批准采取函询方式，函询函已送达本人", "函询函已由所在党委转交本人签收"),
    "receive_reply": ("被函询人按期作出书面说明，所在党委主要负责人已签署意见",),
    "trial_report": ("审理终结，提出审理意见报委务会研究",),
    "announce": ("处分决定已向本人及所在党组织宣布并送达", "召开宣布会，送达处分决定"),
    "execute": ("处分决定已执行，材料归入本人档案", "已按处分决定调整职务、工资待遇"),
    "revisit": ("处分影响期内回访教育，本人思想稳定、工作积极", "回访谈心，本人认识到位，表现良好"),
}
_OPINIONS = (
    "事实清楚，证据确实充分，定性准确，处理恰当，程序合规。",
    "事实基本清楚，建议补充当事人书面说明后按程序办理。",
    "定性准确，处分档次适当，建议完善文书格式。",
)
_TIE_NOTES = ("如承办涉及该人员的线索，本人主动申请回避", "已于年度个人事项中一并申报")
_DIRECT_NOTES = (
    "日常监督中发现苗头性、倾向性问题，及时谈话提醒",
    "驻村（驻在）监督中发现问题，当面批评教育",
    "专项检查中发现问题，责令限期整改",
)
_REGISTER_MODELS = frozenset(r.model for r in REGISTERS.values())
_ROLES = ("参与审查调查", "参与谈话和调取证据", "协助查阅账目、核实资金往来")

# First-form measures (kind, measure) and how often each is chosen.
_FIRST_FORM = (
    (("reminder", "提醒谈话"), 4),
    (("criticism", "批评教育"), 3),
    (("self_review", "责令检查"), 1),
    (("admonition", "诫勉"), 2),
    (("criticism", "通报批评"), 1),
)
_FIRST_FORM_PAIR = (("criticism", "批评教育"), ("self_review", "责令检查"))
_ACCOUNTABILITY = ("accountability", "通报")

# Village posts (post, party member: True always, else the chance).
_VILLAGE_POSTS = (
    ("村党支部书记", 1.0),
    ("村委会主任", 0.8),
    ("村党支部委员", 1.0),
    ("村会计", 0.6),
    ("村文书", 0.5),
    ("村监委会主任", 0.7),
)
# A township's own cadres (乡镇管干部) and their 监察对象 category.
_TOWNSHIP_POSTS = (
    ("党政办主任", "1"),
    ("财政所所长", "1"),
    ("民政办主任", "1"),
    ("科员", "1"),
    ("社会事务办副主任", "1"),
    ("农业综合服务中心主任", "2"),
)
# A township's cadres the county manages (县管干部): (post, party post).
_TOWNSHIP_LEADERS = (("副{kind}长", False), ("{kind}党委副书记", True), ("{kind}人大主席", True))


def _department_posts(department: str, county_managed: bool) -> tuple[tuple[str, str], ...]:
    """(post, 监察对象 category) a cadre of ``department`` may hold: its leaders (县管干部) or its
    middle-level cadres (部门管干部)."""
    if "医院" in department:
        return (("副院长", "4"),) if county_managed else (("科室主任", "4"), ("财务科科长", "4"))
    if "中学" in department or "教育中心" in department:
        return (("副校长", "4"),) if county_managed else (("教务处主任", "4"), ("总务处主任", "4"))
    if "中心" in department or "档案馆" in department:
        return (("副主任", "2"),) if county_managed else (("科长", "2"), ("财务科科长", "2"))
    if department.endswith("局") or department.endswith("分局"):
        return (("副局长", "1"), ("党组成员", "1")) if county_managed else (
            ("股长", "1"), ("科员", "1"), ("办公室主任", "1"), ("站长", "1"))  # fmt: skip
    if department.endswith("部"):
        return (("副部长", "1"),) if county_managed else (("科长", "1"), ("科员", "1"))
    return (("副主任", "1"),) if county_managed else (("科员", "1"), ("办公室主任", "1"))


def _town(unit_name: str) -> str:
    """城关镇纪委 -> 城关镇"""
    return unit_name[:-2] if unit_name.endswith("纪委") else unit_name


def _village_unit(village: str) -> str:
    return f"{village}村民委员会" if village.endswith("村") else f"{village}居民委员会"


@dataclass(eq=False)
class Who:
    """A person the casework is about, as the person register keeps them; ``id`` once added."""

    name: str
    unit: str
    post: str
    rank: str
    authority: str
    party_member: bool
    object_category: str
    village: str = ""
    id: str = ""

    @property
    def whom(self) -> str:
        """The problems that fit: v village cadre, m party member only, c other cadre."""
        if self.object_category == VILLAGE_CATEGORY:
            return "v"
        return "c" if self.object_category else "m"

    @property
    def party_post(self) -> bool:
        return "党" in self.post and ("书记" in self.post or "委员" in self.post)

    def person_values(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "unit": self.unit,
            "post": self.post,
            "village": self.village,
            "rank": self.rank,
            "authority": self.authority,
            "party_member": self.party_member,
            "object_category": self.object_category,
            "secrecy": "work_secret",
        }

    def subject(self) -> dict[str, Any]:
        """A report's, clue's or case's subject fields naming this person."""
        return {
            "person_id": self.id,
            "subject_name": self.name,
            "subject_unit": self.unit,
            "subject_post": self.post,
            "subject_rank": self.rank,
            "subject_authority": self.authority,
            "subject_village": self.village,
            "subject_is_object": bool(self.object_category),
            "subject_is_member": self.party_member,
        }


class _InBatch(Database):
    """The batch's open session presented as a ``Database``: services that open their own
    transaction (``Transitions.apply``) then run inside the batch's one transaction."""

    def __init__(self, db: Database, session: Session) -> None:  # no engine of its own
        self._outer = db
        self._session = session
        self.url = db.url
        self.data_dir = db.data_dir
        self.encrypted = db.encrypted

    def installation(self) -> Any:
        return self._outer.installation()

    @contextmanager
    def session(self, user: str = "system", unit: str | None = None) -> Iterator[Session]:
        yield self._session


class _Deferred:
    """The batch's session with ``flush`` put off: the rows saved through it are written together
    at the next real flush (``Casework.together``), with one change-log and audit entry each as
    always. Hundreds of new rows then take one flush, not one each. Only for inserts (their
    order in a flush is the order they were added) whose checks need no row of the same block."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def flush(self, objects: Any = None) -> None:
        return None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._session, name)


@dataclass
class Period:
    """The days a plan's records fall in: received from ``first``, decided by ``last``."""

    first: date
    last: date


PERIODS = (Period(date(2021, 1, 4), date(2021, 12, 30)), Period(date(2022, 1, 4), REPORTED_ON))


@dataclass
class Plan:
    """One unit's casework in one period. Counted in person-times: ``first_form`` of them are in
    the first form (the inspection clues' and the cases ending in 免予处分 alone included)."""

    period: Period
    first_form: int = 0
    inspection: int = 0  # inspection clues verified and ending in one first-form measure here
    cases: int = 0  # all cases, concluded in the period
    exempt: int = 0  # of them: ending in 免予处分 alone (first form)
    exempt_org: int = 0  # of them: 免予处分 and 调整职务 (second form)
    fourth: int = 0  # of them: transferred for prosecution (fourth form)
    co_review: bool = False  # each case co-reviewed by the county's review office
    joined: Sequence[Sequence[str]] = ()  # per case, in order: the groups taking part
    org: int = 0  # 问责 of a party organisation
    quiet: int = 0  # clues ending with no measure (closed, held, clarified by a talk)
    archived: int = 0  # reports archived, no clue
    direct: float = 0.8  # share of first-form measures straight from daily supervision
    reuse: float = 0.0  # share of first-form people that had an earlier clue here
    guided_by: str | None = None  # the county office guiding a township's casework
    people: Sequence[Who] = ()  # people to take first for the first-form measures


@dataclass
class _Episode:
    kind: str  # direct | talk | verify | inspection | case | quiet | org | archived
    day: date  # decided (direct, org) or received
    who: Who | None = None
    outcome: str = ""  # a case's: sanction | heavy | fourth | exempt | exempt_org; quiet's disposal
    groups: Sequence[str] = ()


class Casework:
    """Casework records for the units of one installation, inside one demo batch."""

    def __init__(self, b: _Batch) -> None:
        self.b = b
        self.s = b.s
        self.rng: random.Random = b.rng
        self.records = b.records
        self.can_seal = b.records.sensitive_key is not None
        inner = RecordService(Context(_InBatch(b.records.db, b.s), b.records.actor))
        self.flow = Transitions(inner)
        self.quick = cast(Session, _Deferred(b.s))
        self.today: date = b.today
        self.days = deadline_days(self.s)
        self._ids = random.Random(f"{b.rng.random()}:transitions")
        event.listen(self.s, "transient_to_pending", self._seed_transition_id)
        # Rows written stay in the session's identity map (it holds them weakly): the next step
        # or record about them finds them there instead of reading them again.
        self._held: list[Any] = []
        event.listen(self.s, "pending_to_persistent", self._hold)
        self.used_names: set[str] = set(self.s.scalars(select(Person.name).distinct()))
        self.used_names |= set(self.s.scalars(select(Clue.subject_name).distinct()))
        self._numbers: dict[tuple[str, str, int], int] = {}
        self.decisions: set[tuple[str, str, date, str | None, str | None]] = set()
        self.named_yet = False  # a named report was made
        self.earlier: dict[str, list[Who]] = {}  # unit id -> people whose clue ended quietly
        self.kept: dict[str, list[Who]] = {}  # unit id -> its people (for duplicates elsewhere)
        self.county_name = ""
        self.approver = ""  # who approves an extension at the unit being entered (its leader)
        county = b.live(Unit, Unit.unit_type == "county")
        self.county_code: str | None = county[0].code if county else None
        info = b.records.db.installation()
        if info is not None:
            self.county_name = info.county_name
        self.departments = [u.name for u in b.live(SupervisedUnit)] or ["县水利局", "县农业农村局"]
        self.towns = [_town(u.name) for u in b.live(Unit, Unit.unit_type == "township")] or ["城关镇"]

    def close(self) -> None:
        event.remove(self.s, "transient_to_pending", self._seed_transition_id)
        event.remove(self.s, "pending_to_persistent", self._hold)
        self._held.clear()

    def _hold(self, _session: Session, obj: Any) -> None:
        if type(obj) in _REGISTER_MODELS:
            self._held.append(obj)

    def _seed_transition_id(self, _session: Session, obj: Any) -> None:
        if isinstance(obj, Transition) and not obj.id:
            obj.id = self.b.mixed_id(self._ids.getrandbits(128))

    # ---- owner and flushing ------------------------------------------------------------------
    @contextmanager
    def acting_for(self, code: str) -> Iterator[None]:
        """Rows written in the block belong to unit ``code`` (as if entered there)."""
        self.s.flush()
        before = self.s.info["unit"]
        self.s.info["unit"] = code
        try:
            yield
        finally:
            self.s.flush()
            self.s.info["unit"] = before

    @contextmanager
    def together(self) -> Iterator[Session]:
        """Saves through the yielded session are flushed together at the block's end."""
        with self.s.no_autoflush:
            yield self.quick
        self.s.flush()

    # ---- small helpers ------------------------------------------------------------------------
    def secret(self, text: str) -> str:
        return text if self.can_seal else ""

    def add(self, register: str, values: Mapping[str, Any], session: Session | None = None) -> str:
        if session is None:
            return self.b.add(register, values)
        return self.records.save_in(
            session, get_register(register), values, new_id=self.b.new_id(), confirmed=True
        )

    def step(self, register: str, row_id: str, name: str, values: Mapping[str, Any] | None = None,
             reason_key: str | None = None) -> None:  # fmt: skip
        reason = self.rng.choice(_REASONS[reason_key or name])
        self.flow.apply(get_register(register), row_id, name, values or {}, reason)

    def new_name(self) -> str:
        for _ in range(50):
            name, _gender = self.b.person()
            if name not in self.used_names:
                self.used_names.add(name)
                return name
        n = len(self.used_names)
        name = f"{self.b.person()[0]}{n % 10}"
        self.used_names.add(name)
        return name

    def number(self, prefix: str, kind: str, year: int) -> str:
        key = (prefix, kind, year)
        if key not in self._numbers:
            column: Any = {
                "信": Report.number,
                "线": Clue.number,
                "案": Case.number,
                "处": Disposition.decision_no,
                "函": Inquiry.letter_no,
                "立": Case.approval_no,
                "审": Transition.doc_no,
                "延": Transition.doc_no,
                "理": Trial.report_no,
                "留": Detention.approval_no,
                "解": Transition.doc_no,
            }[kind]
            pattern = f"{prefix}{kind}〔{year}〕%"
            self._numbers[key] = int(
                self.s.scalar(select(func.count(func.distinct(column))).where(column.like(pattern))) or 0
            )
        self._numbers[key] += 1
        return f"{prefix}{kind}〔{year}〕{self._numbers[key]}号"

    def prefix(self, unit: Unit) -> str:
        if unit.unit_type == "township" and unit.name.endswith("纪委"):
            return unit.name[:-1]
        if unit.unit_type == "group" and unit.name.startswith("派驻第"):
            return "驻" + unit.name[3:].replace("纪检监察组", "组")
        if unit.unit_type in ("office", "county") and self.county_name:
            return f"{self.county_name}纪"
        return unit.code

    @staticmethod
    def deciding_body(unit: Unit, county_name: str) -> str:
        if unit.unit_type == "office":
            return f"{county_name}纪委监委"[:64]
        if unit.unit_type == "group":
            return f"{county_name}纪委监委{unit.name}"[:64]
        return unit.name

    def team(self, staff: Sequence[Staff]) -> tuple[str, str]:
        lead, member = self.rng.sample(list(staff), 2)
        return lead.id, member.id

    def day_in(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, max(0, (last - first).days)))

    # ---- people ---------------------------------------------------------------------------------
    def village_cadre(self, villages: Sequence[str]) -> Who:
        village = self.rng.choice(list(villages))
        post, member = self.rng.choice(_VILLAGE_POSTS)
        return Who(self.new_name(), _village_unit(village), post, "村（社区）干部", VILLAGE_CADRE,
                   self.rng.random() < member, VILLAGE_CATEGORY, village)  # fmt: skip

    def township_cadre(self, town: str) -> Who:
        post, category = self.rng.choice(_TOWNSHIP_POSTS)
        return Who(self.new_name(), f"{town}人民政府", post, self.rng.choice(("一般干部", "股级")),
                   TOWNSHIP_MANAGED, self.rng.random() < 0.9, category)  # fmt: skip

    def rural_member(self, villages: Sequence[str]) -> Who:
        """A party member of a village branch holding no post: party discipline only."""
        village = self.rng.choice(list(villages))
        return Who(self.new_name(), f"{village}党支部", "农村党员", "其他人员", "其他", True, "", village)

    def department_cadre(self, departments: Sequence[str]) -> Who:
        department = self.rng.choice(list(departments))
        post, category = self.rng.choice(_department_posts(department, False))
        return Who(self.new_name(), department, post, self.rng.choice(("一般干部", "股级")),
                   DEPARTMENT_MANAGED, self.rng.random() < 0.8, category)  # fmt: skip

    def county_cadre(self) -> Who:
        """A township's or a department's leader (县管干部)."""
        if self.rng.random() < 0.4:
            town = self.rng.choice(self.towns)
            kind = "镇" if town.endswith("镇") else "乡"
            post, party = self.rng.choice(_TOWNSHIP_LEADERS)
            unit = f"中共{town}委员会" if party else f"{town}人民政府"
            return Who(self.new_name(), unit, post.format(kind=kind), "科级", COUNTY_MANAGED, True, "1")
        department = self.rng.choice(self.departments)
        post, category = self.rng.choice(_department_posts(department, True))
        return Who(
            self.new_name(), department, post, "科级", COUNTY_MANAGED, self.rng.random() < 0.95, category
        )

    def town_leader(self, unit: Unit) -> Who:
        """One of the township's own leaders, whom the county manages (县管干部)."""
        town = _town(unit.name)
        kind = "镇" if town.endswith("镇") else "乡"
        post, party = self.rng.choice(_TOWNSHIP_LEADERS)
        where = f"中共{town}委员会" if party else f"{town}人民政府"
        return Who(self.new_name(), where, post.format(kind=kind), "科级", COUNTY_MANAGED, True, "1")

    def promoted(self, who: Who) -> Who:
        """The same person entered again by a county office after a promotion: same name and unit
        (the person register's duplicate flag), a leader's post now."""
        if who.unit.endswith("人民政府"):
            town = who.unit[: -len("人民政府")]
            post = f"副{'镇' if town.endswith('镇') else '乡'}长"
            category = "1"
        else:
            post, category = _department_posts(who.unit, True)[0]
        return Who(who.name, who.unit, post, "科级", COUNTY_MANAGED, who.party_member, category, who.village)

    def someone(self, unit: Unit, villages: Sequence[str], departments: Sequence[str], *,
                serious: bool = False) -> Who:  # fmt: skip
        """Whom ``unit`` handles: a township commission its villages' cadres, its own cadres and
        its party members; a group its supervised units' cadres; an office the county's cadres."""
        r = self.rng.random()
        if unit.unit_type == "township":
            town = _town(unit.name)
            if not villages:
                return self.township_cadre(town)
            if serious and r < 0.12:
                return self.rural_member(villages)
            return self.village_cadre(villages) if r < 0.72 else self.township_cadre(town)
        if unit.unit_type == "group":
            return self.department_cadre(departments or self.departments)
        return self.county_cadre() if r < 0.85 else self.department_cadre(self.departments)

    def enter_people(self, people: Sequence[Who], unit: Unit | None = None) -> None:
        """Add the people not added yet, in one flush."""
        todo = list(dict.fromkeys(w for w in people if not w.id))
        if not todo:
            return
        with self.together() as quick:
            for who in todo:
                who.id = self.add("people", who.person_values(), quick)
        if unit is not None:
            self.kept.setdefault(unit.id, []).extend(todo)

    def problem(self, who: Who, *, serious: bool = False) -> tuple[str, str, str]:
        options = [p for p in _PROBLEMS if who.whom in p[3]]
        if serious:
            options = [p for p in options if p[0] in _SERIOUS] or options
        category, sub, gist, _whom = self.rng.choice(options)
        return category, sub, gist

    # ---- what a person may be given ------------------------------------------------------------
    def first_form(self, who: Who, *, single: bool = False) -> list[tuple[str, str]]:
        """One or (rarely) two first-form measures in one decision."""
        if not single and self.rng.random() < 0.06:
            return list(_FIRST_FORM_PAIR)
        if not single and who.authority == COUNTY_MANAGED and self.rng.random() < 0.15:
            return [_ACCOUNTABILITY]
        measures = [m for m, _w in _FIRST_FORM]
        return [self.rng.choices(measures, weights=[w for _m, w in _FIRST_FORM])[0]]

    def sanctions(self, who: Who, outcome: str) -> list[tuple[str, str]]:
        """A case decision's measures for ``who``: lawful for them (party sanctions for party
        members, 政务处分 for 监察对象, a village cadre's 政务处分 no heavier than 记大过)."""
        member, state = who.party_member, bool(who.object_category)
        village = who.object_category == VILLAGE_CATEGORY
        r = self.rng.random()
        if outcome == "fourth":
            out = [("party", "开除党籍")] if member else []
            out += [("state", "开除")] if state and not village else []
            return [*out, ("prosecution", "移送检察机关审查起诉")]
        if outcome in ("exempt", "exempt_org"):
            out = [("exempt", "免予党纪处分")] if member else []
            if state and (not member or r < 0.3):
                out.append(("exempt", "免予政务处分"))
            if outcome == "exempt_org":
                out.append(("organisational", "调整职务"))
            return out
        if outcome == "heavy" and (member or not village):
            out = []
            if member:
                heavy = ["留党察看一年", "留党察看二年"] + (["撤销党内职务"] if who.party_post else [])
                out.append(("party", self.rng.choice(heavy)))
            if state and (not member or r < 0.4):
                out.append(("state", "记大过" if village else self.rng.choice(("降级", "撤职"))))
            if who.authority == COUNTY_MANAGED and r > 0.7:
                out.append(("organisational", "免职"))
            return out
        # the second form
        out = []
        if member and (not state or r < 0.8):
            out.append(("party", self.rng.choice(("警告", "严重警告"))))
        if state and (not member or r > 0.45):
            allowed = VILLAGE_STATE_MEASURES if village else ("警告", "记过", "记大过")
            out.append(("state", self.rng.choice(allowed)))
        return out

    # ---- records ----------------------------------------------------------------------------------
    def report(self, unit: Unit, received: date, who: Who, gist: str, category: tuple[str, str]) -> str:
        named = self.rng.random() < 0.4 or not self.named_yet  # the first one always
        reporter = self.new_name() if named else ""
        contact = self.b.phone() if named else ""
        if named and not self.can_seal:
            named = False  # without the key a reporter cannot be entered: registered as anonymous
        self.named_yet = self.named_yet or named
        values = {
            "number": self.number(self.prefix(unit), "信", received.year),
            "received_on": received,
            "method": self.rng.choice(("letter", "letter", "visit", "phone", "online")),
            "named": named,
            "reporter": self.secret(reporter),
            "reporter_contact": self.secret(contact),
            "summary": self.secret(gist),
            "category": category[0],
            "subcategory": category[1],
            "secrecy": "work_secret",
            **who.subject(),
        }
        return self.add("reports", values)

    def archived_report(self, unit: Unit, received: date, who: Who) -> None:
        category, sub, gist = self.problem(who)
        rid = self.report(unit, received, who, f"反映{who.name}{gist}", (category, sub))
        self.step("reports", rid, "archive")

    def clue(self, unit: Unit, staff: Sequence[Staff], source: str, received: date, who: Who,
             approver: str, problem: tuple[str, str, str]) -> str:  # fmt: skip
        category, sub, gist = problem
        gist = f"反映{who.name}{gist}"
        report_id = None
        if source == "petition":
            report_id = self.report(unit, received - timedelta(days=self.rng.randint(0, 3)), who, gist,
                                    (category, sub))  # fmt: skip
            self.step("reports", report_id, "to_clue")
        values = {
            "number": self.number(self.prefix(unit), "线", received.year),
            "source": source,
            "report_id": report_id,
            "received_on": received,
            "registered_on": min(
                received + timedelta(days=self.rng.randint(0, 2)), max(received, self.today)
            ),
            "category": category,
            "subcategory": sub,
            "summary": self.secret(gist),
            "handling_unit_id": unit.id,
            "handler_id": self.rng.choice(list(staff)).id,
            "approver": approver,
            "secrecy": "work_secret",
            **who.subject(),
        }
        return self.add("clues", values)

    def dispose(self, clue_id: str, disposal: str, decided: date, *, withdraw_first: bool = False) -> None:
        self.step("clues", clue_id, "propose", {"proposed_handling": disposal})
        if withdraw_first:
            self.step("clues", clue_id, "withdraw")
            self.step("clues", clue_id, "propose", {"proposed_handling": disposal})
        self.step(
            "clues",
            clue_id,
            f"dispose_{disposal}",
            {"disposal_reason": self.rng.choice(_REASONS[disposal]), "decided_on": decided},
            reason_key=disposal,
        )

    def inquiry(self, register: str, clue_id: str, staff: Sequence[Staff], started: date | None,
                finished: date | None, outcome: str, extend: bool = False,
                kind: str = "") -> str | None:  # fmt: skip
        """An inquiry or verification: planned, started, maybe extended, reported. Returns its id,
        or None when it could not be reported (no sensitive-field key): it stays open then."""
        lead, member = self.team(staff)
        values: dict[str, Any] = {
            "clue_id": clue_id,
            "lead_id": lead,
            "member_id": member,
            "plan": "成立工作组，调阅相关资料，与被反映人及知情人谈话，形成情况报告。",
            "secrecy": "work_secret",
        }
        if register == "inquiries":
            values["kind"] = kind or ("talk" if self.rng.random() < 0.75 else "letter")
        row = self.add(register, values)
        if started is None:
            return row
        letter = values.get("kind") == "letter"
        if letter:
            delivered = started + timedelta(days=self.rng.randint(1, 3))
            self.step(register, row, "send_letter",
                      {"letter_no": self.number(self.prefix_of(clue_id), "函", started.year),
                       "letter_on": started, "delivered_on": delivered})  # fmt: skip
        else:
            self.step(register, row, "start", {"started_on": started})
        if extend:
            self.step(
                register,
                row,
                "extend",
                {
                    "extension_days": 30,
                    "extension_reason": "情况复杂，需补充调取证据",
                    "approved_by": self.approver,
                },
            )
        if finished is None:
            return row
        if not self.can_seal:
            return None
        if letter:
            replied = min(delivered + timedelta(days=self.rng.randint(5, 16)), finished)
            self.step(register, row, "receive_reply",
                      {"reply_on": replied, "signed_by": self.b.person()[0],
                       "sign_opinion": self.rng.choice(_REPLY_OPINIONS)})  # fmt: skip
        report = {
            "first_form": "经核实，反映问题部分属实，情节轻微，建议运用第一种形态处理。",
            "clarified": "经谈话了解，反映问题不属实，予以了结澄清。",
            "closed": "经初步核实，反映问题不属实，予以了结。",
            "propose_case": "经初步核实，被反映人涉嫌违纪违法，建议立案审查调查。",
            "to_verification": "谈话中发现反映问题需进一步核实，建议转初步核实。",
            "hold": "部分问题暂不具备核查条件，建议暂存待查。",
        }[outcome]
        done = {"outcome": outcome, "finished_on": finished, "report": report}
        if letter:
            done["assessment"] = self.rng.choice(_LETTER_ASSESSMENTS)
        self.step(register, row, "report", done)
        return row

    def prefix_of(self, clue_id: str) -> str:
        clue = self.s.get(Clue, clue_id)
        unit = self.s.get(Unit, clue.handling_unit_id) if clue is not None and clue.handling_unit_id else None
        return self.prefix(unit) if unit is not None else "纪"

    def free_day(self, who: Who, unit: Unit, day: date, last: date) -> date:
        """``day``, or the next one with no decision of ``unit`` about ``who`` outside any clue and
        case (two direct measures on one day would be one decision)."""
        while (who.id, unit.id, day, None, None) in self.decisions and day < last:
            day += timedelta(days=1)
        return day

    def decision(self, unit: Unit, who: Who, measures: Sequence[tuple[str, str]], decided: date, *,
                 clue_id: str | None = None, case_id: str | None = None, guided_by: str | None = None,
                 decision_no: str = "", note: str = "", session: Session | None = None) -> list[str]:  # fmt: skip
        """One decision about ``who``: its measures, one row each (one person-time). Returns
        their ids."""
        key = (who.id, unit.id, decided, case_id, clue_id)
        assert key not in self.decisions, key
        self.decisions.add(key)
        ids = []
        for kind, measure in measures:
            row = self.add(
                "dispositions",
                {
                    "person_id": who.id,
                    "person_name": who.name,
                    "person_unit": who.unit,
                    "person_post": who.post,
                    "kind": kind,
                    "measure": measure,
                    "decision_no": decision_no,
                    "deciding_body": self.deciding_body(unit, self.county_name),
                    "decided_on": decided,
                    "clue_id": clue_id,
                    "case_id": case_id,
                    "handling_unit_id": unit.id,
                    "guided": guided_by is not None,
                    "guided_by_id": guided_by,
                    "note": note,
                },
                session,
            )
            ids.append(row)
        return ids

    def org_decision(self, unit: Unit, org_name: str, measure: str, decided: date,
                     guided_by: str | None, note: str) -> None:  # fmt: skip
        self.add(
            "dispositions",
            {
                "org_name": org_name,
                "kind": "org_accountability",
                "measure": measure,
                "decision_no": self.number(self.prefix(unit), "处", decided.year),
                "deciding_body": self.deciding_body(unit, self.county_name),
                "decided_on": decided,
                "handling_unit_id": unit.id,
                "guided": guided_by is not None,
                "guided_by_id": guided_by,
                "note": note,
            },
        )

    # ---- whole chains ---------------------------------------------------------------------------
    def first_form_chain(self, unit: Unit, staff: Sequence[Staff], who: Who, received: date, last: date,
                         source: str, approver: str, guided_by: str | None, verify: bool) -> None:  # fmt: skip
        """A clue disposed by talk/letter inquiry or preliminary verification, ending in one
        first-form decision by ``last`` (an inspection clue: exactly one measure)."""
        clue_id = self.clue(unit, staff, source, received, who, approver, self.problem(who))
        decided = received + timedelta(days=self.rng.randint(3, 15))
        self.dispose(
            clue_id, "verify" if verify else "talk", decided, withdraw_first=self.rng.random() < 0.05
        )
        started = decided + timedelta(days=self.rng.randint(1, 5))
        finished = started + timedelta(days=self.rng.randint(5, 25))
        done = self.inquiry("verifications" if verify else "inquiries", clue_id, staff, started, finished,
                            "first_form", extend=self.rng.random() < 0.05)  # fmt: skip
        if done is None:
            return
        when = min(finished + timedelta(days=self.rng.randint(1, 7)), last)
        measures = self.first_form(who, single=source == "inspection")
        self.decision(unit, who, measures, when, clue_id=clue_id, guided_by=guided_by)

    def quiet_clue(self, unit: Unit, staff: Sequence[Staff], who: Who, received: date, approver: str,
                   kind: str) -> None:  # fmt: skip
        """A clue that ends with no measure: closed, held, or clarified by an inquiry."""
        source = self.rng.choice(("petition", "petition", "superior", "supervision", "transfer"))
        clue_id = self.clue(unit, staff, source, received, who, approver, self.problem(who))
        decided = received + timedelta(days=self.rng.randint(3, 15))
        self.dispose(clue_id, kind, decided)
        if kind == "talk":
            started = decided + timedelta(days=self.rng.randint(1, 5))
            self.inquiry("inquiries", clue_id, staff, started, started + timedelta(days=20), "clarified")

    def case_chain(self, unit: Unit, staff: Sequence[Staff], who: Who, received: date, last: date,
                   approver: str, outcome: str, groups: Sequence[str], co_review: bool,
                   reviewers: Sequence[str], guided_by: str | None) -> None:  # fmt: skip
        """Clue -> preliminary verification -> case (groups taking part) -> (co-review) -> one
        decision about ``who`` (``outcome``), by ``last``."""
        problem = (
            (_CRIME[0], _CRIME[1], _CRIME[2]) if outcome == "fourth" else self.problem(who, serious=True)
        )
        source = self.rng.choice(("petition", "superior", "supervision", "transfer"))
        clue_id = self.clue(unit, staff, source, received, who, approver, problem)
        decided = received + timedelta(days=self.rng.randint(3, 10))
        self.dispose(clue_id, "verify", decided)
        started = decided + timedelta(days=self.rng.randint(1, 5))
        finished = started + timedelta(days=self.rng.randint(15, 40))
        if self.inquiry("verifications", clue_id, staff, started, finished, "propose_case") is None:
            return
        filed = finished + timedelta(days=self.rng.randint(2, 10))
        case_id = self.file_case(unit, staff, who, clue_id, filed, guided_by)
        for group_id in groups:
            joined = max(filed + timedelta(days=self.rng.randint(0, 10)), GROUPS_FROM)
            self.add("case_units", {"case_id": case_id, "unit_id": group_id, "joined_on": joined,
                                    "role": self.rng.choice(_ROLES)})  # fmt: skip
        if self.rng.random() < 0.15:
            self.step(
                "cases",
                case_id,
                "extend",
                {"extension_days": 30, "extension_reason": "涉案人员较多，经批准延期",
                 "approved_by": self.approver, "doc_no": self.number(self.prefix(unit), "延", filed.year),
                 "doc_on": filed + timedelta(days=80)},
            )  # fmt: skip
        review_on = filed + timedelta(days=self.rng.randint(25, 55))
        if outcome == "fourth" and unit.unit_type == "office":  # 留置, the county's alone
            held = self.add("detentions", {"case_id": case_id, "approved_by": "市纪委监委",
                                           "approval_no": self.number(self.prefix(unit), "留", filed.year),
                                           "started_on": filed + timedelta(days=3), "place": "县留置场所"})  # fmt: skip
            self.step("detentions", held, "end", {"ended_on": review_on, "end_reason": "审查调查终结，移送审理",
                      "doc_no": self.number(self.prefix(unit), "解", review_on.year), "doc_on": review_on})  # fmt: skip
        facts = f"经查，{who.name}{problem[2]}，事实清楚。"
        self.step("cases", case_id, "to_review", {"review_on": review_on, "facts": facts})
        concluded = review_on + timedelta(days=self.rng.randint(10, 25))
        if unit.unit_type in ("county", "office"):
            trial_on = self.trial(case_id, review_on, reviewers)
            concluded = max(concluded, trial_on)
        elif co_review and self.county_code:
            opinion_on = self.co_review(case_id, review_on, reviewers)
            concluded = opinion_on + timedelta(days=self.rng.randint(12, 20))
        else:
            return  # no county to co-review it here: the case waits in 移送审理
        concluded = min(concluded, last)
        self.step("cases", case_id, "conclude", {"concluded_on": concluded,
                  "doc_no": self.number(self.prefix(unit), "审", concluded.year), "doc_on": concluded})  # fmt: skip
        number = self.number(self.prefix(unit), "处", concluded.year)
        ids = self.decision(unit, who, self.sanctions(who, outcome), concluded, clue_id=clue_id, case_id=case_id,
                            guided_by=guided_by, decision_no=number)  # fmt: skip
        self.after_decision(ids, concluded)

    def file_case(self, unit: Unit, staff: Sequence[Staff], who: Who, clue_id: str, filed: date,
                  guided_by: str | None) -> str:  # fmt: skip
        """A case proposed (立案呈批) and approved: by the township's 党委 for a township's case,
        by the county commission's standing committee otherwise. The approval moves the clue."""
        approved = filed - timedelta(days=self.rng.randint(0, 2))
        if unit.unit_type == "township":
            body = f"中共{_town(unit.name)}委员会"
        else:
            body = f"{self.county_name}纪委常委会" if self.county_name else "县纪委常委会"
        case_id = self.add(
            "cases",
            {
                "number": self.number(self.prefix(unit), "案", filed.year),
                "clue_id": clue_id,
                "filed_on": filed,
                "handling_unit_id": unit.id,
                "handler_id": self.rng.choice(list(staff)).id,
                "guided_by_id": guided_by,
                "secrecy": "work_secret",
                **who.subject(),
            },
        )
        self.step("cases", case_id, "approve", {"approved_by": body[:64], "approved_on": approved,
                  "approval_no": self.number(self.prefix(unit), "立", filed.year), "filed_on": filed})  # fmt: skip
        self.step("cases", case_id, "investigate")
        return case_id

    def co_review(self, case_id: str, review_on: date, reviewers: Sequence[str]) -> date:
        """乡案县审: the county's opinion on a township's or a group's case, entered at the county
        (owned by it); a 退回 sends the case back and a second opinion follows. Returns the day of
        the opinion the case is concluded on."""
        requested = review_on + timedelta(days=self.rng.randint(1, 4))
        result = self.rng.choice(("agree", "agree", "agree", "amend", "return"))
        assert self.county_code is not None
        with self.acting_for(self.county_code):
            review_id = self.add("co_reviews", {"case_id": case_id, "requested_on": requested})
        opinion_on = self.opinion(review_id, requested, result, reviewers)
        if result == "return":
            self.step("cases", case_id, "back")
            again = opinion_on + timedelta(days=10)
            self.step("cases", case_id, "to_review", {"review_on": again})
            with self.acting_for(self.county_code):
                self.step("co_reviews", review_id, "resubmit", reason_key="resubmit")
            opinion_on = self.opinion(review_id, again + timedelta(days=1), "agree", reviewers)
        return opinion_on

    def opinion(self, review_id: str, requested: date, result: str, reviewers: Sequence[str]) -> date:
        opinion_on = requested + timedelta(days=self.rng.randint(5, 12))
        assert self.county_code is not None
        with self.acting_for(self.county_code):
            self.step(
                "co_reviews",
                review_id,
                "give_opinion",
                {"reviewer": self.rng.choice(list(reviewers)), "opinion": self.rng.choice(_OPINIONS),
                 "opinion_on": opinion_on, "result": result},
            )  # fmt: skip
            self.step("co_reviews", review_id, "close", {"result": result}, reason_key="close_review")
        return opinion_on

    def trial(self, case_id: str, review_on: date, reviewers: Sequence[str]) -> date:
        """审理 of a county case by the case-trial office. Returns the day of its report."""
        received = review_on + timedelta(days=self.rng.randint(1, 3))
        reported = received + timedelta(days=self.rng.randint(8, 25))
        trial_id = self.add("trials", {"case_id": case_id, "received_on": received,
                                       "judge": self.rng.choice(list(reviewers))})  # fmt: skip
        self.step("trials", trial_id, "report",
                  {"report_no": self.number(f"{self.county_name}纪审" if self.county_name else "审", "理",
                                            reported.year),
                   "reported_on": reported, "opinion": self.secret(self.rng.choice(_TRIAL_OPINIONS)) or "审理意见见案卷",
                   "result": "agree"}, reason_key="trial_report")  # fmt: skip
        return reported

    def after_decision(self, ids: Sequence[str], decided: date) -> None:
        """A sanction is announced and served, carried out and, later, its person visited (回访),
        each on a day no later than today."""
        for row_id in ids:
            d = self.s.get(Disposition, row_id)
            if d is None or d.kind not in SANCTION_KINDS:
                continue
            announced = decided + timedelta(days=self.rng.randint(3, 20))
            if announced > self.today:
                continue
            self.step("dispositions", row_id, "announce", {"announced_on": announced})
            executed = announced + timedelta(days=self.rng.randint(1, 10))
            if executed > self.today:
                continue
            self.step("dispositions", row_id, "execute", {"executed_on": executed})
            visited = executed + timedelta(days=self.rng.randint(90, 240))
            if visited > self.today or self.rng.random() < 0.3:
                continue
            self.step("dispositions", row_id, "revisit",
                      {"revisited_on": visited, "revisit_note": self.rng.choice(_REVISITS)})  # fmt: skip

    # ---- one unit's plan ------------------------------------------------------------------------
    def run(self, unit: Unit, plan: Plan, reviewers: Sequence[str]) -> None:
        """``plan`` for ``unit``: its people first, then its records in the order received."""
        staff = self.b.live(Staff, Staff.unit_id == unit.id, Staff.left_on.is_(None))
        if len(staff) < 2:
            return  # a unit without a team of two handles nothing
        villages = [v.name for v in self.b.live(Village, Village.township_id == unit.id)]
        departments = [u.name for u in self.b.live(SupervisedUnit, SupervisedUnit.group_id == unit.id)]
        leader = next((p for p in staff if p.post in ("secretary", "group_leader", "director")), staff[0])
        self.approver = leader.name
        episodes = self.episodes(unit, plan, villages, departments)
        self.enter_people([e.who for e in episodes if e.who is not None], unit)
        period = plan.period
        direct = [e for e in episodes if e.kind == "direct"]
        with self.together() as quick:
            for e in direct:
                assert e.who is not None
                day = self.free_day(e.who, unit, e.day, period.last)
                self.decision(unit, e.who, self.first_form(e.who), day, guided_by=plan.guided_by,
                              note=self.rng.choice(_DIRECT_NOTES), session=quick)  # fmt: skip
        for e in sorted((e for e in episodes if e.kind != "direct"), key=lambda e: e.day):
            self.episode(unit, staff, e, plan, leader.name, reviewers)

    def episodes(self, unit: Unit, plan: Plan, villages: Sequence[str],
                 departments: Sequence[str]) -> list[_Episode]:  # fmt: skip
        """What ``plan`` comes to: one episode per person-time, quiet clue, report or 问责."""
        p = plan.period
        out: list[_Episode] = []
        earlier = self.earlier.setdefault(unit.id, [])
        chosen = list(plan.people)

        def who(serious: bool = False) -> Who:
            return self.someone(unit, villages, departments, serious=serious)

        def first_form_who() -> tuple[Who, bool]:
            """Whom a first-form measure is for, and whether it comes with no clue: a person
            another unit keeps too does (a clue about them would find that unit's clue as its
            likely duplicate, a row this unit does not hold)."""
            if chosen:
                return chosen.pop(0), True
            if earlier and self.rng.random() < plan.reuse:
                return earlier.pop(self.rng.randrange(len(earlier))), False
            return who(), False

        late = p.last - timedelta(days=45)
        for _ in range(plan.inspection):
            cadre = self.village_cadre(villages) if unit.unit_type == "township" and villages else who()
            out.append(_Episode("inspection", self.day_in(p.first, late), cadre))
        outcomes = ["exempt"] * plan.exempt + ["exempt_org"] * plan.exempt_org + ["fourth"] * plan.fourth
        outcomes += [("heavy" if self.rng.random() < 0.3 else "sanction")
                     for _ in range(plan.cases - len(outcomes))]  # fmt: skip
        self.rng.shuffle(outcomes)
        case_last = p.last - timedelta(days=170)
        for i, outcome in enumerate(outcomes):
            groups = plan.joined[i] if i < len(plan.joined) else ()
            first = max(p.first, GROUPS_FROM - timedelta(days=15)) if groups else p.first
            if outcome == "fourth" or (outcome == "exempt_org" and unit.unit_type == "township"):
                subject = self.county_cadre() if unit.unit_type == "office" else who()
                while outcome == "exempt_org" and subject.object_category in ("", VILLAGE_CATEGORY):
                    subject = who()  # 调整职务 is for cadres holding a post
            else:
                subject = who(serious=True)
            out.append(_Episode("case", self.day_in(first, max(first, case_last)), subject, outcome, groups))
        for _ in range(plan.first_form - plan.inspection - plan.exempt):
            subject, no_clue = first_form_who()
            r = self.rng.random()
            if r < plan.direct or no_clue:
                out.append(_Episode("direct", self.day_in(p.first, p.last), subject))
            else:
                kind = "verify" if r > plan.direct + (1 - plan.direct) * 0.7 else "talk"
                out.append(_Episode(kind, self.day_in(p.first, late), subject))
        for i in range(plan.quiet):
            subject = who()
            out.append(
                _Episode("quiet", self.day_in(p.first, late), subject, ("close", "hold", "talk")[i % 3])
            )
            earlier.append(subject)
        for _ in range(plan.archived):
            out.append(_Episode("archived", self.day_in(p.first, p.last), who()))
        for _ in range(plan.org):
            out.append(_Episode("org", self.day_in(p.first, p.last)))
        return out

    def episode(self, unit: Unit, staff: Sequence[Staff], e: _Episode, plan: Plan, approver: str,
                reviewers: Sequence[str]) -> None:  # fmt: skip
        last, guided = plan.period.last, plan.guided_by
        if e.kind == "org":
            self.organisation(unit, e.day, guided)
            return
        who = e.who
        assert who is not None
        if e.kind == "archived":
            self.archived_report(unit, e.day, who)
        elif e.kind == "quiet":
            self.quiet_clue(unit, staff, who, e.day, approver, e.outcome)
        elif e.kind == "inspection":
            self.first_form_chain(unit, staff, who, e.day, last, "inspection", approver, guided, True)
        elif e.kind in ("talk", "verify"):
            source = self.rng.choice(
                ("petition", "petition", "petition", "supervision", "superior", "transfer")
            )
            self.first_form_chain(unit, staff, who, e.day, last, source, approver, guided, e.kind == "verify")
        elif e.kind == "case":
            self.case_chain(unit, staff, who, e.day, last, approver, e.outcome, e.groups, plan.co_review,
                            reviewers, guided)  # fmt: skip

    def organisation(self, unit: Unit, decided: date, guided_by: str | None) -> None:
        """问责 of a party organisation: a village branch by its township, a department's party
        group by the county."""
        villages = [v.name for v in self.b.live(Village, Village.township_id == unit.id)]
        if unit.unit_type == "township" and villages:
            org = f"{self.rng.choice(villages)}党支部"
            measure, note = "检查", "落实全面从严治党主体责任不力，村级“三资”管理问题突出，责令作出书面检查"
        else:
            department = self.rng.choice(self.departments)
            org = f"{department}党组" if department.endswith("局") else f"{department}党支部"
            measure, note = "通报", "巡察反馈问题整改不力，履行全面从严治党主体责任不到位，予以通报"
        self.org_decision(unit, org, measure, decided, guided_by, note)

    # ---- recent open records (the deadline panel) ---------------------------------------------
    def recent(self, unit: Unit, with_case: bool) -> None:
        """The current quarter's live work, dated from ``today``: clues just received, due within
        the week and overdue; an inquiry due within the week and an extended verification that is
        overdue; a case under investigation; first-form measures of the last weeks."""
        staff = self.b.live(Staff, Staff.unit_id == unit.id, Staff.left_on.is_(None))
        if len(staff) < 2:
            return
        villages = [v.name for v in self.b.live(Village, Village.township_id == unit.id)]
        departments = [u.name for u in self.b.live(SupervisedUnit, SupervisedUnit.group_id == unit.id)]
        approver = next(
            (p for p in staff if p.post in ("secretary", "group_leader", "director")), staff[0]
        ).name
        today, days = self.today, self.days
        guided = self.guide_of(unit)
        self.approver = approver
        people = [self.someone(unit, villages, departments) for _ in range(9 if with_case else 8)]
        # A 县管干部 of the township: at the demo county the township reports the clue up and the
        # county takes it up (app.demo.chain); a township alone has no county to report to.
        seed = self.county_code is not None and self.b.records.ctx.installation().unit_type == "county"
        leader = self.town_leader(unit) if unit.unit_type == "township" and seed else None
        self.enter_people(people + ([leader] if leader else []), unit)
        if leader is not None:  # a 县管干部: the township reports it up (app.demo.chain)
            received = today - timedelta(days=self.rng.randint(1, 5))
            self.clue(unit, staff, "petition", received, leader, approver, self.problem(leader))
        measured = people[:2]
        with self.together() as quick:
            for who in measured:
                day = max(today - timedelta(days=self.rng.randint(3, 40)), EARLIEST_TODAY)
                self.decision(unit, who, self.first_form(who), day, guided_by=guided,
                              note=self.rng.choice(_DIRECT_NOTES), session=quick)  # fmt: skip
        rest = iter(people[2:])
        for ago, steps in (
            (days["clue"] - self.rng.randint(1, 6), ()),  # due within the week
            (days["clue"] + self.rng.randint(3, 12), ("propose",)),  # overdue
            (self.rng.randint(0, 5), ()),  # just received
        ):
            who = next(rest)
            source = self.rng.choice(("petition", "petition", "supervision", "superior"))
            clue_id = self.clue(
                unit, staff, source, today - timedelta(days=ago), who, approver, self.problem(who)
            )
            for name in steps:
                self.step("clues", clue_id, name, {"proposed_handling": self.rng.choice(("talk", "verify"))})
        for register, ago, extend in (
            ("inquiries", days["inquiry"] - self.rng.randint(1, 6), False),
            ("verifications", days["verification"] + 30 + self.rng.randint(2, 8), True),
        ):
            who = next(rest)
            started = today - timedelta(days=ago)
            received = started - timedelta(days=self.rng.randint(8, 20))
            clue_id = self.clue(unit, staff, "petition", received, who, approver, self.problem(who))
            disposal = "talk" if register == "inquiries" else "verify"
            self.dispose(clue_id, disposal, received + timedelta(days=self.rng.randint(2, 6)))
            self.inquiry(register, clue_id, staff, started, None, "", extend=extend)
        if with_case:
            who = next(rest)
            filed = today - timedelta(days=days["case"] - self.rng.randint(1, 6))
            received = filed - timedelta(days=self.rng.randint(40, 60))
            clue_id = self.clue(
                unit, staff, "supervision", received, who, approver, self.problem(who, serious=True)
            )
            self.dispose(clue_id, "verify", received + timedelta(days=5))
            started = received + timedelta(days=8)
            if self.inquiry(
                "verifications", clue_id, staff, started, filed - timedelta(days=3), "propose_case"
            ):
                self.file_case(unit, staff, who, clue_id, filed, guided)
        # A 函询 whose written reply is due within the days ahead (15 working days from delivery).
        who = next(rest)
        sent = today - timedelta(days=self.rng.randint(17, 19))
        received = sent - timedelta(days=self.rng.randint(8, 20))
        clue_id = self.clue(unit, staff, "petition", received, who, approver, self.problem(who))
        self.dispose(clue_id, "talk", received + timedelta(days=self.rng.randint(2, 6)))
        self.inquiry("inquiries", clue_id, staff, sent, None, "", kind="letter")

    def guide_of(self, unit: Unit) -> str | None:
        if unit.unit_type != "township":
            return None
        return _guide(self.b, unit, self.b.live(Unit, Unit.unit_type == "office"))

    def ties(self, staff: Sequence[Staff], n: int, villages: Sequence[str]) -> None:
        for person in self.b.pick(staff, n):
            relation = self.rng.choice(("kin", "kin", "colleague", "village", "classmate"))
            unit = (
                self.rng.choice(list(villages)) + "村民委员会" if villages and relation == "village" else ""
            )
            self.add(
                "staff_ties",
                {
                    "staff_id": person.id,
                    "person_name": self.new_name(),
                    "person_unit": unit or self.rng.choice(self.departments),
                    "relation": relation,
                    "declared_on": date(2021, 3, 1) + timedelta(days=self.rng.randint(0, 60)),
                    "note": self.rng.choice(_TIE_NOTES),
                },
            )

    def unit_ties(self, unit: Unit, n: int) -> None:
        staff = self.b.live(Staff, Staff.unit_id == unit.id, Staff.left_on.is_(None))
        villages = [v.name for v in self.b.live(Village, Village.township_id == unit.id)]
        self.ties(staff, n, villages)

    def deadline_rules(self) -> None:
        existing = set(self.s.scalars(select(DeadlineRule.step).where(DeadlineRule.deleted.is_(False))))
        for step, days, note in (
            ("clue", 30, "收到问题线索后一个月内提出处置意见（本县做法）"),
            ("inquiry", 30, "谈话函询自开始之日起30日内完成"),
            ("verification", 60, "初步核实一般60日内完成，情况复杂的经批准可延期"),
            ("co_review", 20, "乡案县审：审理室收到提请后20日内出具协审意见"),
        ):
            if step not in existing:
                self.add("deadline_rules", {"step": step, "days": days, "note": note})
        self.days = deadline_days(self.s)


def _reviewers(b: _Batch) -> list[str]:
    office = b.s.scalars(select(Unit).where(Unit.name == "案件审理室", Unit.deleted.is_(False))).first()
    if office is not None:
        names = [p.name for p in b.live(Staff, Staff.unit_id == office.id)]
        if names:
            return names
    return [b.person()[0], b.person()[0]]


def _guide(b: _Batch, unit: Unit, offices: Sequence[Unit]) -> str | None:
    """The office that guides a township's casework: its point-to-point liaison office that
    handles cases, else its zone's office, else the first 纪检监察室."""
    handling = [o for o in offices if "纪检监察室" in o.name or "党风政风" in o.name]
    liaised = {li.office_id for li in b.live(Liaison, Liaison.unit_id == unit.id)}
    for pool in (
        [o for o in handling if o.id in liaised],
        [o for o in handling if unit.zone_id and o.zone_id == unit.zone_id],
        handling,
        list(offices),
    ):
        if pool:
            return pool[0].id
    return None


def _zone_groups(unit: Unit, groups: Sequence[Unit]) -> list[Unit]:
    """The groups of ``unit``'s zone (协作区) besides itself, else every other group."""
    others = [g for g in groups if g.id != unit.id]
    same = [g for g in others if unit.zone_id and g.zone_id == unit.zone_id]
    return same or others


def add_casework(b: _Batch, own: Unit | None, unit_type: str) -> None:
    """A first batch's casework: a small plausible set for this installation's own unit (a
    township or group), or for the county's case-handling offices; 2021, 2022 up to the seed
    report and the current quarter."""
    cw = Casework(b)
    y21, y22 = PERIODS
    try:
        cw.deadline_rules()
        reviewers = _reviewers(b)
        if unit_type == "county":
            offices = b.live(Unit, Unit.unit_type == "office")
            groups = b.live(Unit, Unit.unit_type == "group")
            handling = [o for o in offices if "纪检监察室" in o.name or "党风政风" in o.name] or offices[:2]
            for i, office in enumerate(handling):
                joined = [[g.id for g in b.pick(groups, 1 + i % 2)]]
                cw.run(office, Plan(y21, first_form=4, cases=1 + i % 2, joined=joined, quiet=3, archived=1),
                       reviewers)  # fmt: skip
                cw.run(office, Plan(y22, first_form=2, cases=1, fourth=1, org=1 if i == 0 else 0, reuse=0.5),
                       reviewers)  # fmt: skip
                cw.unit_ties(office, 1)
                if i == 0:
                    cw.recent(office, with_case=True)
            # A township's case co-reviewed by the county (乡案县审), as merged from its bundle.
            for township in b.pick(
                sorted(b.live(Unit, Unit.unit_type == "township"), key=lambda u: u.code), 1
            ):
                guide = _guide(b, township, offices)
                with cw.acting_for(township.code):
                    cw.run(township, Plan(y21, first_form=2, cases=1, co_review=True, guided_by=guide),
                           reviewers)  # fmt: skip
        elif own is not None and unit_type == "township":
            cw.run(own, Plan(y21, first_form=6, cases=2, exempt=1, co_review=True, org=1, quiet=3, archived=1),
                   reviewers)  # fmt: skip
            cw.run(own, Plan(y22, first_form=4, cases=1, co_review=True, quiet=1, reuse=0.5), reviewers)
            cw.unit_ties(own, 2)
            cw.recent(own, with_case=True)
        elif own is not None:
            cw.run(own, Plan(y21, first_form=5, inspection=2, cases=1, co_review=True, quiet=3, archived=1),
                   reviewers)  # fmt: skip
            cw.run(own, Plan(y22, first_form=2, cases=1, exempt_org=1, co_review=True, reuse=0.5), reviewers)
            cw.unit_ties(own, 1)
            cw.recent(own, with_case=False)
    finally:
        cw.close()


def add_seed_county(b: _Batch, county_code: str, progress: Callable[[int, int], None] | None = None) -> None:
    """The county-wide casework of the seed report (section 二, the module's figures), each unit's
    rows owned by that unit (as if entered there and merged by the county)."""
    from app.demo.changes import _split_exactly as split

    cw = Casework(b)
    rng = b.rng
    y21, y22 = PERIODS
    try:
        cw.deadline_rules()
        reviewers = _reviewers(b)
        offices = b.live(Unit, Unit.unit_type == "office")
        townships = sorted(b.live(Unit, Unit.unit_type == "township"), key=lambda u: u.code)
        groups = sorted(b.live(Unit, Unit.unit_type == "group"), key=lambda u: u.code)
        handling = [
            o for o in offices if "纪检监察室" in o.name or "党风政风" in o.name or o.name == "信访室"
        ]
        investigating = [o for o in handling if "纪检监察室" in o.name] or handling[:1]
        fig = SEED_FIGURES

        def weights(units: Sequence[Unit], low: float, high: float) -> list[float]:
            return [rng.uniform(low, high) for _ in units]

        def chosen(room: list[int], n: int, *, take: bool = False) -> list[int]:
            """``n`` of the units with room for one (a case of theirs, …), one each; ``take``: the
            room is used up (a case cannot end two ways)."""
            out = [0] * len(room)
            for i in rng.sample([i for i, c in enumerate(room) if c > 0], n):
                out[i] = 1
                room[i] -= take
            return out

        # The townships: 324 first-form person-times in 2021, every one guided.
        t_ff = split(fig["first_form_townships"], weights(townships, 0.6, 1.4))
        t_cases = [split(n, weights(townships, 0.6, 1.4)) for n in TOWNSHIP_CASES]
        room = [list(c) for c in t_cases]
        t_exempt = chosen(room[0], 2, take=True), chosen(room[1], 1, take=True)
        t_exempt_org = chosen(room[0], 1, take=True), [0] * len(townships)
        t_joined = [chosen(list(c), n) for c, n in zip(t_cases, TOWNSHIP_CASES_JOINED, strict=True)]
        t_org = chosen([1] * len(townships), 1), chosen([1] * len(townships), 1)
        t_inspection_2022 = chosen([1] * len(townships), 2)
        # The groups: the 37 inspection clues, other first-form measures, their cases.
        g_inspection = split(fig["inspection_clues"], weights(groups, 0.7, 1.3))
        g_other = split(64, weights(groups, 0.5, 1.5))
        g_cases = [split(n, weights(groups, 0.3, 1.7)) for n in GROUP_CASES]
        g_joined = [chosen(list(c), n) for c, n in zip(g_cases, GROUP_CASES_JOINED, strict=True)]
        g_inspection_2022 = split(4, weights(groups, 0.5, 1.5))
        g_exempt_org = chosen(list(g_cases[1]), 1)
        # The offices: the rest of the 617.
        rest = fig["first_form"] - fig["first_form_townships"] - fig["inspection_clues"] - sum(g_other)
        o_ff = split(rest, weights(handling, 0.7, 1.3))
        total, done = len(townships) + len(groups) + len(handling), 0

        def tick() -> None:
            nonlocal done
            done += 1
            if progress is not None:
                progress(done, total)

        for i, township in enumerate(townships):
            guide = _guide(b, township, offices)
            zone = _zone_groups(township, groups)
            with cw.acting_for(township.code):
                for y, period in enumerate(PERIODS):
                    inspection = t_inspection_2022[i] if y == 1 else 0
                    exempt = t_exempt[y][i]
                    ff = t_ff[i] if y == 0 else round(t_ff[i] * PACE_2022) + inspection
                    joined = [[rng.choice(zone).id]] if t_joined[y][i] else []
                    plan = Plan(period, first_form=ff, inspection=inspection, cases=t_cases[y][i], exempt=exempt,
                                exempt_org=t_exempt_org[y][i], co_review=True, joined=joined, org=t_org[y][i],
                                quiet=2, archived=1, direct=0.9, reuse=0.6 * y,
                                guided_by=guide)  # fmt: skip
                    cw.run(township, plan, reviewers)
                cw.unit_ties(township, 2)
                cw.recent(township, with_case=True)
            tick()
        for i, group in enumerate(groups):
            zone = _zone_groups(group, groups)
            with cw.acting_for(group.code):
                for y, period in enumerate(PERIODS):
                    inspection = g_inspection[i] if y == 0 else g_inspection_2022[i]
                    ff = inspection + (g_other[i] if y == 0 else round(g_other[i] * PACE_2022))
                    joined = [[rng.choice(zone).id]] if g_joined[y][i] else []
                    plan = Plan(period, first_form=ff, inspection=inspection, cases=g_cases[y][i],
                                exempt_org=g_exempt_org[i] if y == 1 else 0, co_review=True, joined=joined,
                                quiet=1, archived=1, direct=0.85, reuse=0.6 * y)  # fmt: skip
                    cw.run(group, plan, reviewers)
                cw.recent(group, with_case=False)
            tick()
        # The county's offices: the groups' staff take part in the investigating offices' cases
        # from April 2021; a few people a unit keeps come back to an office after a promotion.
        twice = [w for g in groups[:2] for w in cw.kept.get(g.id, [])[:1]]
        own_cadres = [
            w for t in townships[:1] for w in cw.kept.get(t.id, []) if w.authority == TOWNSHIP_MANAGED
        ]
        twice += own_cadres[:1]
        again = [cw.promoted(w) for w in twice]
        with cw.acting_for(county_code):
            for i, office in enumerate(handling):
                for y, period in enumerate(PERIODS):
                    ff = o_ff[i] if y == 0 else round(o_ff[i] * PACE_2022)
                    with_groups: list[list[str]] = []
                    cases, fourth = 0, 0
                    if office in investigating:
                        k = investigating.index(office)
                        n, two = OFFICE_CASES_JOINED[y]
                        mine = split(n, [1.0] * len(investigating))[k]
                        doubles = split(two, [1.0] * len(investigating))[k]
                        with_groups = [
                            [g.id for g in b.pick(groups, 2 if j < doubles else 1)] for j in range(mine)
                        ]
                        cases, fourth = mine + 1, 1 if k == 0 else 0
                    plan = Plan(period, first_form=ff, cases=cases, fourth=fourth, joined=with_groups,
                                org=1 if (y == 1 and i == 0) else 0, quiet=2, archived=1, direct=0.9, reuse=0.6 * y,
                                people=again if (y == 1 and i == 0) else ())  # fmt: skip
                    cw.run(office, plan, reviewers)
                cw.unit_ties(office, 1)
                if office in investigating:
                    cw.recent(office, with_case=True)
                tick()
    finally:
        cw.close()


def later_casework(b: _Batch, own: Unit | None) -> None:
    """A later batch: a few new open records, a few edits, a tombstone or two; never a row the
    seed's figures count (measures, co-reviews, inspection clues, cases, units taking part)."""
    cw = Casework(b)
    try:
        units = [own] if own is not None and own.unit_type != "county" else [
            o for o in b.live(Unit, Unit.unit_type == "office") if "纪检监察室" in o.name
        ][:1]  # fmt: skip
        for unit in units:
            staff = b.live(Staff, Staff.unit_id == unit.id, Staff.left_on.is_(None))
            if len(staff) < 2:
                continue
            villages = [v.name for v in b.live(Village, Village.township_id == unit.id)]
            departments = [u.name for u in b.live(SupervisedUnit, SupervisedUnit.group_id == unit.id)]
            people = [cw.someone(unit, villages, departments) for _ in range(2)]
            cw.enter_people(people, unit)
            received = cw.today - timedelta(days=b.rng.randint(0, 10))
            cw.clue(unit, staff, "petition", received, people[0], staff[0].name, cw.problem(people[0]))
            cw.archived_report(unit, cw.today - timedelta(days=b.rng.randint(5, 20)), people[1])
            cw.ties(staff, 1, villages)
        # Edits: open clues get an approver or move on one step; an open inquiry is extended.
        open_clues = b.live(Clue, Clue.state == "registered", Clue.source != "inspection")
        for clue in b.pick(open_clues, 2):
            cw.step(
                "clues",
                clue.id,
                "propose",
                {"proposed_handling": "talk", "approver": clue.approver or "李明"},
            )
        ongoing = b.live(Inquiry, Inquiry.state == "ongoing")
        for row in b.pick(ongoing, 1):
            cw.step(
                "inquiries",
                row.id,
                "extend",
                {
                    "extension_days": 15,
                    "extension_reason": "被谈话人出差，经批准延期",
                    "approved_by": "纪委书记",
                },
            )
        for rule in b.pick(b.live(DeadlineRule, DeadlineRule.owner == b.unit_code), 1):
            b.edit("deadline_rules", rule.id, {"note": f"{rule.note}（{cw.today.year}年修订）"[:500]})
        # Tombstones: an archived report and a declaration nothing refers to.
        archived = b.live(Report, Report.state == "archived")
        for row in b.pick(archived, 1):
            b.delete("reports", row.id)
        for tie in b.pick(b.live(StaffTie), 1):
            b.delete("staff_ties", tie.id)
    finally:
        cw.close()
