"""Plausible, deterministic demo data for the casework registers (信访举报, 问题线索, 谈话函询,
初步核实, 立案审查调查, 协审, 四种形态, 回避关系申报, 办理期限设置).

Every record is entered the way a person would: saved through ``RecordService`` (the register's
own validation and warnings) and moved through its lifecycle with ``Transitions.apply`` (with a
reason in Chinese, so every step is on the record's timeline). Everything runs inside the demo
batch's one transaction (``app.demo.batch``): ``Transitions`` gets the batch's session through
a ``Database`` stand-in, and the steps' timeline rows get seeded ids, so the same seed gives the
same records and ids.

Sensitive fields (reporter, contact, summaries, reports, facts) can only be written by an actor
holding the sensitive-field key (``Context.actor``). A plain user name (the system acting: tests,
``python -m app demo`` as long as it passes a name) holds no key: the batch then leaves those
fields empty (anonymous reports only) and stops before the steps that need them (报告结果 of an
inquiry or verification, 移送审理 of a case), so those records stay open and no co-review or
disposition follows them.

``add_seed_county`` builds the county-wide casework of the seed report (section 二): in 2021 617
first-form dispositions, 324 of them by the township commissions (all guided by a county office),
37 inspection-transferred clues each preliminarily verified by a dispatched group and ending in
one first-form measure by that group, 48 co-reviews of township and group cases, 42 cases with a
dispatched group taking part. Every such row is dated 2021, so the figures for all years and for
2021 agree; the recent open items (for the deadline panel) are of other kinds.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from app.context import Context
from app.db.database import Database
from app.models.casework import Case, Clue, DeadlineRule, Disposition, Inquiry, Report, StaffTie, Transition
from app.models.org import Liaison, Staff, SupervisedUnit, Unit, Village
from app.registers import get as get_register
from app.registers.casework_choices import MEASURES
from app.services.deadlines import deadline_days
from app.services.records import RecordService
from app.services.transitions import Transitions

if TYPE_CHECKING:
    from app.demo.batch import _Batch

__all__ = ["SEED_FIGURES", "add_casework", "add_seed_county", "later_casework"]

# The seed report, section 二 (2021).
SEED_FIGURES = {
    "year": 2021,
    "first_form": 617,
    "first_form_townships": 324,
    "inspection_clues": 37,
    "co_reviews": 48,
    "group_cases": 42,
}

_PROBLEMS = {
    "违反廉洁纪律": (
        ("违规收送礼品礼金", "逢年过节收受管理服务对象所送购物卡"),
        ("违规吃喝", "在工作日中午接受施工方安排的宴请并饮酒"),
        ("违规经商办企业", "亲属经营的公司承接本单位项目，本人未报告"),
        ("利用职权谋取利益", "在项目验收中为亲友提供便利"),
    ),
    "违反群众纪律": (
        ("侵害群众利益", "截留部分惠民补贴资金"),
        ("优亲厚友", "低保评定中优亲厚友，将不符合条件的亲属纳入低保"),
        ("吃拿卡要", "办理宅基地审批时故意拖延，索要好处"),
    ),
    "违反工作纪律": (
        ("形式主义官僚主义", "填报表格弄虚作假，数据与实际不符"),
        ("履职不力", "村务公开不及时，集体资金收支未按规定公示"),
        ("违规干预插手", "违规干预插手工程项目招投标"),
    ),
    "违反组织纪律": (
        ("不如实报告个人有关事项", "未如实报告个人房产情况"),
        ("违规选人用人", "在村级后备干部推选中搞暗箱操作"),
    ),
    "违反生活纪律": (("生活作风问题", "生活作风不检点，造成不良影响"),),
    "职务违法": (
        ("挪用", "挪用村集体资金用于个人周转"),
        ("滥用职权", "违规审批项目资金拨付"),
        ("玩忽职守", "对危房改造资金审核把关不严，造成资金损失"),
    ),
}
_SERIOUS = ("职务违法",)
_TOWNSHIP_POSTS = ("村党支部书记", "村委会主任", "村会计", "村文书", "村党支部委员")
_TOWNSHIP_CADRE_POSTS = ("站所负责人", "乡镇干部", "办公室主任", "副乡镇长")
_DEPARTMENT_POSTS = ("股长", "副局长", "科员", "站长", "副主任", "办公室主任")
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
    "conclude": ("审理终结，作出处分决定",),
    "give_opinion": ("审理室已完成协审，出具意见",),
    "close_review": ("协审意见已采纳，登记结果",),
}
_OPINIONS = (
    "事实清楚，证据确实充分，定性准确，处理恰当，程序合规。",
    "事实基本清楚，建议补充当事人书面说明后按程序办理。",
    "定性准确，处分档次适当，建议完善文书格式。",
)
_TIE_NOTES = ("如承办涉及该人员的线索，本人主动申请回避", "已于年度个人事项中一并申报")
_FIRST_FORM_DIRECT = ("谈话提醒", "批评教育")


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


@dataclass
class UnitPlan:
    """What one unit's casework holds: counts of headline rows in ``year`` and whether recent open
    items are added."""

    year: int = SEED_FIGURES["year"]
    first_form: int = 0  # first-form dispositions (besides inspection clues)
    inspection: int = 0  # inspection-transferred clues, verified, one first-form measure each
    cases: int = 0  # cases filed in ``year``
    co_review: bool = False  # each of those cases co-reviewed by the county review office
    case_groups: Sequence[str] = ()  # group ids taking part in the cases (cycled); () none
    other_cases: int = 0  # cases of other years, no group taking part, no co-review
    extra_clues: int = 0  # clues that end with no disposition (closed, held, clarified)
    reports_archived: int = 0
    ties: int = 1
    recent: bool = True
    guided_by: str | None = None  # the county office guiding a township's dispositions
    direct_share: float = 0.3  # share of first-form measures straight from daily supervision


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
        self.today = date.today()
        self.days = deadline_days(self.s)
        self._ids = random.Random(f"{b.rng.random()}:transitions")
        event.listen(self.s, "transient_to_pending", self._seed_transition_id)
        self.used_names: set[str] = set(self.s.scalars(select(Clue.subject_name).distinct()))
        self.used_names |= set(self.s.scalars(select(Disposition.person_name).distinct()))
        self._numbers: dict[tuple[str, str, int], int] = {}
        self.county_name = ""
        info = b.records.db.installation()
        if info is not None:
            self.county_name = info.county_name
        self.departments = [u.name for u in b.live(SupervisedUnit)] or ["县水利局", "县农业农村局"]

    def close(self) -> None:
        event.remove(self.s, "transient_to_pending", self._seed_transition_id)

    def _seed_transition_id(self, _session: Session, obj: Any) -> None:
        if isinstance(obj, Transition) and not obj.id:
            obj.id = self.b.mixed_id(self._ids.getrandbits(128))

    # ---- owner ------------------------------------------------------------------------------
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

    # ---- small helpers ------------------------------------------------------------------------
    def secret(self, text: str) -> str:
        return text if self.can_seal else ""

    def add(self, register: str, values: Mapping[str, Any]) -> str:
        return self.b.add(register, values)

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
            model: Any = {"信": Report, "线": Clue, "案": Case}[kind]
            pattern = f"{prefix}{kind}〔{year}〕%"
            self._numbers[key] = int(
                self.s.scalar(select(func.count()).select_from(model).where(model.number.like(pattern))) or 0
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

    def in_year(self, year: int, first: int, last: int) -> date:
        """A day between day ``first`` and ``last`` of ``year`` (0 = 1 January)."""
        return date(year, 1, 1) + timedelta(days=self.rng.randint(first, last))

    # ---- who is reported on ---------------------------------------------------------------------
    def subject(self, unit: Unit, villages: Sequence[str]) -> dict[str, Any]:
        category = self.rng.choice([c for c in _PROBLEMS if c not in _SERIOUS] * 3 + list(_SERIOUS))
        sub, gist = self.rng.choice(_PROBLEMS[category])
        name = self.new_name()
        out: dict[str, Any] = {"subject_name": name, "category": category, "subcategory": sub}
        if unit.unit_type == "township" and villages and self.rng.random() < 0.7:
            village = self.rng.choice(list(villages))
            out.update(
                subject_unit=f"{village}村民委员会" if village.endswith("村") else f"{village}居民委员会",
                subject_post=self.rng.choice(_TOWNSHIP_POSTS),
                subject_rank="村（社区）干部",
                subject_authority="村级干部",
                subject_village=village,
                subject_is_object=True,
            )
        elif unit.unit_type == "township":
            town = unit.name[:-2] if unit.name.endswith("纪委") else unit.name
            out.update(
                subject_unit=f"{town}人民政府",
                subject_post=self.rng.choice(_TOWNSHIP_CADRE_POSTS),
                subject_rank=self.rng.choice(("一般干部", "股级", "科级")),
                subject_authority="乡（部门）管干部",
                subject_is_object=True,
            )
        else:
            out.update(
                subject_unit=self.rng.choice(self.departments),
                subject_post=self.rng.choice(_DEPARTMENT_POSTS),
                subject_rank=self.rng.choice(("一般干部", "股级", "科级")),
                subject_authority=self.rng.choice(("乡（部门）管干部", "县管干部")),
                subject_is_object=True,
            )
        out["subject_is_member"] = self.rng.random() < 0.85
        out["_gist"] = f"反映{name}{gist}"
        return out

    # ---- reports and clues ----------------------------------------------------------------------
    def report(self, unit: Unit, received: date, subject: Mapping[str, Any]) -> str:
        named = self.rng.random() < 0.4
        reporter = self.new_name() if named else ""
        contact = self.b.phone() if named else ""
        if named and not self.can_seal:
            named = False  # without the key a reporter cannot be entered: registered as anonymous
        values = {
            "number": self.number(self.prefix(unit), "信", received.year),
            "received_on": received,
            "method": self.rng.choice(("letter", "letter", "visit", "phone", "online")),
            "named": named,
            "reporter": self.secret(reporter),
            "reporter_contact": self.secret(contact),
            "summary": self.secret(str(subject["_gist"])),
            "secrecy": "work_secret",
            **{k: v for k, v in subject.items() if not k.startswith("_")},
        }
        return self.add("reports", values)

    def archived_report(self, unit: Unit, received: date) -> None:
        subject = self.subject(unit, [])
        rid = self.report(unit, received, subject)
        self.step("reports", rid, "archive")

    def clue(self, unit: Unit, staff: Sequence[Staff], source: str, received: date,
             subject: Mapping[str, Any], approver: str) -> str:  # fmt: skip
        report_id = None
        if source == "petition":
            report_id = self.report(unit, received - timedelta(days=self.rng.randint(0, 3)), subject)
            self.step("reports", report_id, "to_clue")
        handler = self.rng.choice(list(staff))
        values = {
            "number": self.number(self.prefix(unit), "线", received.year),
            "source": source,
            "report_id": report_id,
            "received_on": received,
            "registered_on": received + timedelta(days=self.rng.randint(0, 2)),
            "summary": self.secret(str(subject["_gist"])),
            "handling_unit_id": unit.id,
            "handler_id": handler.id,
            "approver": approver,
            "secrecy": "work_secret",
            **{k: v for k, v in subject.items() if not k.startswith("_")},
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
                finished: date | None, outcome: str, extend: bool = False) -> str | None:  # fmt: skip
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
            values["kind"] = "talk" if self.rng.random() < 0.75 else "letter"
        row = self.add(register, values)
        if started is None:
            return row
        self.step(register, row, "start", {"started_on": started})
        if extend:
            self.step(
                register,
                row,
                "extend",
                {"extension_days": 30, "extension_reason": "情况复杂，需补充调取证据"},
            )
        if finished is None:
            return row
        if not self.can_seal:
            return None
        report = {
            "first_form": "经核实，反映问题部分属实，情节轻微，建议运用第一种形态处理。",
            "clarified": "经谈话了解，反映问题不属实，予以了结澄清。",
            "closed": "经初步核实，反映问题不属实，予以了结。",
            "propose_case": "经初步核实，被反映人涉嫌违纪违法，建议立案审查调查。",
            "to_verification": "谈话中发现反映问题需进一步核实，建议转初步核实。",
            "hold": "部分问题暂不具备核查条件，建议暂存待查。",
        }[outcome]
        self.step(register, row, "report", {"outcome": outcome, "finished_on": finished, "report": report})
        return row

    def disposition(self, unit: Unit, form: str, decided: date, person: Mapping[str, Any], *,
                    clue_id: str | None = None, case_id: str | None = None, guided_by: str | None = None,
                    note: str = "") -> str:  # fmt: skip
        measures = MEASURES[form] if form != "1" or clue_id else _FIRST_FORM_DIRECT
        return self.add(
            "dispositions",
            {
                "person_name": person["subject_name"],
                "person_unit": person.get("subject_unit", ""),
                "person_post": person.get("subject_post", ""),
                "form": form,
                "measure": self.rng.choice(list(measures)),
                "deciding_body": self.deciding_body(unit, self.county_name),
                "decided_on": decided,
                "clue_id": clue_id,
                "case_id": case_id,
                "handling_unit_id": unit.id,
                "guided": guided_by is not None,
                "guided_by_id": guided_by,
                "note": note,
            },
        )

    # ---- whole chains ---------------------------------------------------------------------------
    def first_form_chain(self, unit: Unit, staff: Sequence[Staff], villages: Sequence[str], year: int,
                         source: str, approver: str, guided_by: str | None) -> None:  # fmt: skip
        """A clue disposed by talk/letter inquiry or preliminary verification, ending in one
        first-form measure (in ``year``)."""
        subject = self.subject(unit, villages)
        received = self.in_year(year, 3, 300)
        clue_id = self.clue(unit, staff, source, received, subject, approver)
        verify = source == "inspection" or self.rng.random() < 0.3
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
        when = min(finished + timedelta(days=self.rng.randint(1, 7)), date(year, 12, 30))
        self.disposition(unit, "1", when, subject, clue_id=clue_id, guided_by=guided_by)
        self.step("clues", clue_id, "finish")

    def direct_first_form(
        self, unit: Unit, villages: Sequence[str], year: int, guided_by: str | None
    ) -> None:
        subject = self.subject(unit, villages)
        self.disposition(unit, "1", self.in_year(year, 5, 360), subject, guided_by=guided_by,
                         note="日常监督中发现苗头性、倾向性问题，及时谈话提醒")  # fmt: skip

    def other_clue(self, unit: Unit, staff: Sequence[Staff], villages: Sequence[str], year: int,
                   approver: str, kind: str) -> None:  # fmt: skip
        """A clue that ends with no disposition: closed, held, or clarified by an inquiry."""
        subject = self.subject(unit, villages)
        received = self.in_year(year, 3, 300)
        source = self.rng.choice(("petition", "petition", "superior", "supervision", "transfer"))
        clue_id = self.clue(unit, staff, source, received, subject, approver)
        decided = received + timedelta(days=self.rng.randint(3, 15))
        self.dispose(clue_id, kind, decided)
        if kind == "talk":
            started = decided + timedelta(days=self.rng.randint(1, 5))
            done = self.inquiry(
                "inquiries", clue_id, staff, started, started + timedelta(days=10), "clarified"
            )
            if done is not None:
                self.step("clues", clue_id, "finish")

    def case_chain(self, unit: Unit, staff: Sequence[Staff], villages: Sequence[str], year: int,
                   approver: str, group_id: str | None, co_review: bool, reviewers: Sequence[str],
                   guided_by: str | None, fourth: bool = False) -> None:  # fmt: skip
        """Clue -> preliminary verification -> case -> (co-review) -> a second/third-form measure
        (``fourth``: suspected crime, transferred for prosecution), all in ``year``."""
        subject = self.subject(unit, villages)
        if fourth:
            subject["category"], (subject["subcategory"], gist) = "职务违法", _PROBLEMS["职务违法"][0]
            subject["_gist"] = f"反映{subject['subject_name']}{gist}"
        if subject["category"] not in ("职务违法", "违反廉洁纪律", "违反群众纪律"):
            subject["category"], (subject["subcategory"], gist) = "违反廉洁纪律", _PROBLEMS["违反廉洁纪律"][3]
            subject["_gist"] = f"反映{subject['subject_name']}{gist}"
        received = self.in_year(year, 3, 150)
        source = self.rng.choice(("petition", "superior", "supervision", "transfer"))
        clue_id = self.clue(unit, staff, source, received, subject, approver)
        decided = received + timedelta(days=self.rng.randint(3, 10))
        self.dispose(clue_id, "verify", decided)
        started = decided + timedelta(days=self.rng.randint(1, 5))
        finished = started + timedelta(days=self.rng.randint(15, 40))
        if self.inquiry("verifications", clue_id, staff, started, finished, "propose_case") is None:
            return
        filed = finished + timedelta(days=self.rng.randint(2, 10))
        handler = self.rng.choice(list(staff))
        case_id = self.add(
            "cases",
            {
                "number": self.number(self.prefix(unit), "案", year),
                "clue_id": clue_id,
                "filed_on": filed,
                "handling_unit_id": unit.id,
                "handler_id": handler.id,
                "group_id": group_id,
                "guided_by_id": guided_by,
                "secrecy": "work_secret",
                **{k: v for k, v in subject.items() if k.startswith("subject_")},
            },
        )
        self.step("clues", clue_id, "file_case")
        self.step("cases", case_id, "investigate")
        if self.rng.random() < 0.15:
            self.step(
                "cases",
                case_id,
                "extend",
                {"extension_days": 30, "extension_reason": "涉案人员较多，经批准延期"},
            )
        review_on = filed + timedelta(days=self.rng.randint(25, 55))
        facts = f"经查，{subject['subject_name']}{str(subject['_gist'])[2 + len(subject['subject_name']) :]}，事实清楚。"
        self.step("cases", case_id, "to_review", {"review_on": review_on, "facts": facts})
        concluded = review_on + timedelta(days=self.rng.randint(10, 25))
        if co_review:
            requested = review_on + timedelta(days=self.rng.randint(1, 4))
            review_id = self.add("co_reviews", {"case_id": case_id, "requested_on": requested})
            opinion_on = requested + timedelta(days=self.rng.randint(5, 12))
            result = self.rng.choice(("agree", "agree", "agree", "amend", "return"))
            self.step(
                "co_reviews",
                review_id,
                "give_opinion",
                {
                    "reviewer": self.rng.choice(list(reviewers)),
                    "opinion": self.rng.choice(_OPINIONS),
                    "opinion_on": opinion_on,
                },  # fmt: skip
            )
            self.step("co_reviews", review_id, "close", {"result": result}, reason_key="close_review")
            if result == "return":
                self.step("cases", case_id, "back")
                self.step("cases", case_id, "to_review", {"review_on": opinion_on + timedelta(days=10)})
            concluded = opinion_on + timedelta(days=self.rng.randint(12, 20))
        concluded = min(concluded, date(year, 12, 28))
        self.step("cases", case_id, "conclude", {"concluded_on": concluded})
        form = "4" if fourth else ("3" if self.rng.random() < 0.3 else "2")
        self.disposition(
            unit, form, concluded, subject, case_id=case_id, clue_id=clue_id, guided_by=guided_by
        )
        self.step("clues", clue_id, "finish")

    # ---- recent open records (the deadline panel) ---------------------------------------------
    def recent(self, unit: Unit, staff: Sequence[Staff], villages: Sequence[str], approver: str,
               with_case: bool) -> None:  # fmt: skip
        """Open records whose deadlines fall due in the next days or have passed."""
        today, days = self.today, self.days
        for ago, steps in (
            (days["clue"] - self.rng.randint(1, 6), ()),  # due within the week
            (days["clue"] + self.rng.randint(3, 12), ("propose",)),  # overdue
            (self.rng.randint(0, 5), ()),  # just received
        ):
            subject = self.subject(unit, villages)
            source = self.rng.choice(("petition", "petition", "supervision", "superior"))
            clue_id = self.clue(unit, staff, source, today - timedelta(days=ago), subject, approver)
            for name in steps:
                self.step("clues", clue_id, name, {"proposed_handling": self.rng.choice(("talk", "verify"))})
        # An inquiry due within the week and an extended verification that is overdue.
        for register, _rule, ago, extend in (
            ("inquiries", "inquiry", days["inquiry"] - self.rng.randint(1, 6), False),
            ("verifications", "verification", days["verification"] + 30 + self.rng.randint(2, 8), True),
        ):
            subject = self.subject(unit, villages)
            started = today - timedelta(days=ago)
            received = started - timedelta(days=self.rng.randint(8, 20))
            clue_id = self.clue(unit, staff, "petition", received, subject, approver)
            disposal = "talk" if register == "inquiries" else "verify"
            self.dispose(clue_id, disposal, received + timedelta(days=self.rng.randint(2, 6)))
            self.inquiry(register, clue_id, staff, started, None, "", extend=extend)
        if with_case:
            subject = self.subject(unit, villages)
            filed = today - timedelta(days=days["case"] - self.rng.randint(1, 6))
            received = filed - timedelta(days=self.rng.randint(40, 60))
            clue_id = self.clue(unit, staff, "supervision", received, subject, approver)
            self.dispose(clue_id, "verify", received + timedelta(days=5))
            started = received + timedelta(days=8)
            if self.inquiry(
                "verifications", clue_id, staff, started, filed - timedelta(days=3), "propose_case"
            ):
                case_id = self.add(
                    "cases",
                    {
                        "number": self.number(self.prefix(unit), "案", filed.year),
                        "clue_id": clue_id,
                        "filed_on": filed,
                        "handling_unit_id": unit.id,
                        "handler_id": self.rng.choice(list(staff)).id,
                        "secrecy": "work_secret",
                        **{k: v for k, v in subject.items() if k.startswith("subject_")},
                    },
                )
                self.step("clues", clue_id, "file_case")
                self.step("cases", case_id, "investigate")

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

    # ---- one unit -----------------------------------------------------------------------------
    def unit(self, unit: Unit, plan: UnitPlan, reviewers: Sequence[str]) -> None:
        staff = self.b.live(Staff, Staff.unit_id == unit.id, Staff.left_on.is_(None))
        if len(staff) < 2:
            return  # a unit without a team of two handles nothing
        villages = [v.name for v in self.b.live(Village, Village.township_id == unit.id)]
        leader = next((p for p in staff if p.post in ("secretary", "group_leader", "director")), staff[0])
        approver = leader.name
        year = plan.year
        guided = plan.guided_by
        for _ in range(plan.inspection):
            self.first_form_chain(unit, staff, villages, year, "inspection", approver, None)
        for _ in range(plan.first_form):
            if self.rng.random() < plan.direct_share:
                self.direct_first_form(unit, villages, year, guided)
            else:
                source = self.rng.choice(
                    ("petition", "petition", "petition", "supervision", "superior", "transfer")
                )
                self.first_form_chain(unit, staff, villages, year, source, approver, guided)
        for i in range(plan.cases):
            group_id = plan.case_groups[i % len(plan.case_groups)] if plan.case_groups else None
            self.case_chain(
                unit, staff, villages, year, approver, group_id, plan.co_review, reviewers, guided
            )
        for i in range(plan.other_cases):
            self.case_chain(unit, staff, villages, year + 1 + i % 2, approver, None, False, reviewers, None,
                            fourth=i == 0)  # fmt: skip
        for i in range(plan.extra_clues):
            kind = ("close", "hold", "talk")[i % 3]
            self.other_clue(unit, staff, villages, year + self.rng.randint(0, 1), approver, kind)
        for _ in range(plan.reports_archived):
            self.archived_report(unit, self.in_year(year + self.rng.randint(0, 1), 3, 350))
        self.ties(staff, plan.ties, villages)
        if plan.recent:
            self.recent(unit, staff, villages, approver, with_case=unit.unit_type != "group")


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


def add_casework(b: _Batch, own: Unit | None, unit_type: str) -> None:
    """A first batch's casework: a small plausible set for this installation's own unit (a
    township or group), or for the county's case-handling offices."""
    cw = Casework(b)
    try:
        cw.deadline_rules()
        reviewers = _reviewers(b)
        if unit_type == "county":
            offices = b.live(Unit, Unit.unit_type == "office")
            groups = b.live(Unit, Unit.unit_type == "group")
            handling = [o for o in offices if "纪检监察室" in o.name or "党风政风" in o.name] or offices[:2]
            for i, office in enumerate(handling):
                plan = UnitPlan(first_form=4, cases=1 + i % 2, case_groups=[g.id for g in b.pick(groups, 1)],
                                other_cases=1, extra_clues=2, reports_archived=1, recent=i == 0)  # fmt: skip
                cw.unit(office, plan, reviewers)
            # A township's case co-reviewed by the county (乡案县审), as merged from its bundle.
            for township in b.pick(
                sorted(b.live(Unit, Unit.unit_type == "township"), key=lambda u: u.code), 1
            ):
                plan = UnitPlan(first_form=2, cases=1, co_review=True, ties=0, recent=False,
                                guided_by=_guide(b, township, offices))  # fmt: skip
                with cw.acting_for(township.code):
                    cw.unit(township, plan, reviewers)
        elif own is not None and unit_type == "township":
            cw.unit(own, UnitPlan(first_form=6, cases=2, co_review=True, extra_clues=2, reports_archived=1,
                                  ties=2), reviewers)  # fmt: skip
        elif own is not None:
            cw.unit(own, UnitPlan(first_form=3, inspection=2, cases=1, co_review=True, case_groups=[own.id],
                                  extra_clues=2, reports_archived=1), reviewers)  # fmt: skip
    finally:
        cw.close()


def add_seed_county(b: _Batch, county_code: str, progress: Callable[[int, int], None] | None = None) -> None:
    """The county-wide casework of the seed report (section 二), each unit's rows owned by that
    unit (as if entered there and merged by the county)."""
    cw = Casework(b)
    rng = b.rng
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
        from app.demo.batch import _split_exactly

        fig = SEED_FIGURES
        township_ff = _split_exactly(fig["first_form_townships"], [rng.uniform(0.6, 1.4) for _ in townships])
        township_cases = _split_exactly(36, [rng.uniform(0.7, 1.3) for _ in townships])
        inspection = _split_exactly(fig["inspection_clues"], [rng.uniform(0.7, 1.3) for _ in groups])
        rest = fig["first_form"] - fig["first_form_townships"] - fig["inspection_clues"]
        group_other = _split_exactly(64, [rng.uniform(0.5, 1.5) for _ in groups])
        office_ff = _split_exactly(rest - 64, [rng.uniform(0.7, 1.3) for _ in handling])
        group_own_cases = _split_exactly(fig["co_reviews"] - 36, [rng.uniform(0.5, 1.5) for _ in groups])
        office_cases = dict(
            zip(
                [o.id for o in investigating],
                _split_exactly(fig["group_cases"] - (fig["co_reviews"] - 36), [1.0 for _ in investigating]),
                strict=True,
            )
        )
        total, done = len(townships) + len(groups) + len(handling), 0

        def tick() -> None:
            nonlocal done
            done += 1
            if progress is not None:
                progress(done, total)

        for township, ff, cases in zip(townships, township_ff, township_cases, strict=True):
            plan = UnitPlan(first_form=ff, cases=cases, co_review=True, extra_clues=2, reports_archived=1,
                            ties=2, guided_by=_guide(b, township, offices), direct_share=0.85)  # fmt: skip
            with cw.acting_for(township.code):
                cw.unit(township, plan, reviewers)
            tick()
        for group, insp, ff, cases in zip(groups, inspection, group_other, group_own_cases, strict=True):
            plan = UnitPlan(first_form=ff, inspection=insp, cases=cases, co_review=True,
                            case_groups=[group.id], extra_clues=1, reports_archived=1, direct_share=0.8)  # fmt: skip
            with cw.acting_for(group.code):
                cw.unit(group, plan, reviewers)
            tick()
        with cw.acting_for(county_code):
            for office, ff in zip(handling, office_ff, strict=True):
                cases = office_cases.get(office.id, 0)
                plan = UnitPlan(first_form=ff, cases=cases, case_groups=[g.id for g in b.pick(groups, 4)],
                                other_cases=3 if cases else 0, extra_clues=3, reports_archived=1,
                                recent=cases > 0, direct_share=0.85)  # fmt: skip
                cw.unit(office, plan, reviewers)
                tick()
    finally:
        cw.close()


def later_casework(b: _Batch, own: Unit | None) -> None:
    """A later batch: a few new open records, a few edits, a tombstone or two; never a row the
    seed's figures count (first-form measures, co-reviews, inspection clues, cases with a group)."""
    cw = Casework(b)
    try:
        reviewers = _reviewers(b)
        del reviewers
        units = [own] if own is not None and own.unit_type != "county" else [
            o for o in b.live(Unit, Unit.unit_type == "office") if "纪检监察室" in o.name
        ][:1]  # fmt: skip
        for unit in units:
            staff = b.live(Staff, Staff.unit_id == unit.id, Staff.left_on.is_(None))
            if len(staff) < 2:
                continue
            villages = [v.name for v in b.live(Village, Village.township_id == unit.id)]
            approver = staff[0].name
            subject = cw.subject(unit, villages)
            received = cw.today - timedelta(days=b.rng.randint(0, 10))
            cw.clue(unit, staff, "petition", received, subject, approver)
            cw.archived_report(unit, cw.today - timedelta(days=b.rng.randint(5, 20)))
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
                {"extension_days": 15, "extension_reason": "被谈话人出差，经批准延期"},
            )
        for rule in b.pick(b.live(DeadlineRule), 1):
            b.edit("deadline_rules", rule.id, {"note": f"{rule.note}（{cw.today.year}年修订）"[:500]})
        # Tombstones: an archived report and a declaration nothing refers to.
        archived = b.live(Report, Report.state == "archived")
        for row in b.pick(archived, 1):
            b.delete("reports", row.id)
        for tie in b.pick(b.live(StaffTie), 1):
            b.delete("staff_ties", tie.id)
    finally:
        cw.close()
