"""Plausible, deterministic demo data for 巡察整改 (``app.registers.inspection``).

Every dispatched group has two inspected units: one inspected a year ago, its items nearly all
closed (销号 with the date, the evidence and who checked it, some after their deadline), and one
inspected this year, its items partly closed, one late (past its deadline, still open, with a 约谈
after the deadline) and the rest falling due within weeks, so the 工作台 lists them. Before each
inspection the group wrote a 驻点巡察 briefing on the unit's 政治生态 (sealed: empty without the
acting person's key), and one more for an inspection still to come. A township commission has
one 村级巡察 of a village with a few items, one of them late.

Dates run from the batch's ``today`` (never after it). Every value goes through the registers'
own validation (``RecordService.save_in``) and the steps through ``Transitions.apply`` with seeded
timeline ids (``demo_casework.Casework``); row ids come from the batch's seeded generator. No
追责 is made here: its measure would count in the seed's figures (the four forms), which the demo
county reproduces exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from app.demo.casework import Casework
from app.models.org import Staff, SupervisedUnit, Unit, Village
from app.registers import get as get_register

if TYPE_CHECKING:
    from app.demo.changes import _Batch

__all__ = ["add_inspection"]

# Problems of a county department's inspection feedback: (problem, measure, responsible post).
_UNIT_PROBLEMS = (
    (
        "落实全面从严治党主体责任不到位，党组研究党风廉政建设次数少",
        "党组每季度专题研究党风廉政建设，建立问题清单",
        "党组书记",
    ),
    (
        "“三重一大”决策制度执行不严格，个别大额支出未经集体研究",
        "修订“三重一大”决策实施办法，对大额支出逐笔复核",
        "党组书记",
    ),
    ("项目审批和验收环节廉政风险防控不到位", "梳理审批验收廉政风险点，实行双人验收", "分管副局长"),
    ("公务用车管理不规范，存在私车公养现象", "开展公车使用专项清理，建立派车登记制度", "办公室主任"),
    (
        "干部选拔任用程序不规范，个别岗位调整未经民主推荐",
        "严格执行干部选拔任用条例，补充完善程序材料",
        "党组书记",
    ),
    ("财务报销把关不严，存在超标准列支接待费", "清退超标准费用，修订财务报销管理办法", "财务负责人"),
    ("基层党组织“三会一课”落实不到位", "建立“三会一课”台账，纳入支部考核", "机关党委书记"),
    ("对以往巡察、审计发现问题整改不彻底", "对以往问题建立台账，逐项对账销号", "党组书记"),
)
# Problems of a 村级巡察: (problem, measure, responsible post).
_VILLAGE_PROBLEMS = (
    ("村务公开不及时，集体资金收支未按季度公示", "按季度公开财务收支，设立公开监督箱", "村党组织书记"),
    ("集体土地承包合同管理混乱，部分合同到期未续签", "清理集体合同，重新签订并建档", "村委会主任"),
    ("惠民惠农资金发放审核把关不严", "逐户核查发放名册，追回不符合条件人员资金", "村委会主任"),
    ("村级工程项目未落实“四议两公开”", "严格执行“四议两公开”，补齐会议记录", "村党组织书记"),
)
_EVIDENCE = (
    "整改方案、党组会议纪要、修订后的制度文件",
    "整改情况报告、相关票据复印件、退款凭证",
    "专项清理台账、会议记录、公示照片",
    "整改报告、制度文件及执行情况抽查记录",
)
_CLOSE_REASONS = ("经核查整改到位，予以销号", "佐证材料齐全，现场核查属实，销号")
_TALK_REASONS = ("整改期限已过仍未完成，约谈督促", "整改进度滞后，约谈责任人限期完成")
_SOURCES = (
    "驻在监督记录、信访举报件、以往巡察和审计报告、谈话纪实",
    "近三年问题线索和处置情况、驻在记录、廉政档案",
    "民主生活会材料、信访举报件、“三重一大”季反馈",
)
_ECOLOGY = (
    "班子整体团结，主要负责人重视党风廉政建设；项目审批和资金拨付环节廉政风险较高，近两年有涉及该单位的信访举报{n}件。",
    "单位政治生态总体良好，但落实主体责任存在层层递减现象；个别中层干部作风漂浮，群众反映办事效率低。",
    "班子成员分工明确，但“三重一大”决策存在“一把手”说了算的倾向；近年处置问题线索{n}件，均为作风纪律方面。",
)


class Inspection:
    def __init__(self, b: _Batch) -> None:
        self.b = b
        self.rng = b.rng
        self.cw = Casework(b)  # seeded timeline ids; acting for a unit
        self.today = self.cw.today
        self.items = get_register("inspection_items")

    def close(self) -> None:
        self.cw.close()

    def day(self, first: date, last: date) -> date:
        last = min(last, self.today)
        return first if last <= first else first + timedelta(days=self.rng.randint(0, (last - first).days))

    def unit(self, unit: Unit) -> None:
        staff = [p.id for p in self.b.live(Staff, Staff.unit_id == unit.id, Staff.left_on.is_(None))]
        if not staff:
            return
        if unit.unit_type == "group":
            targets = self.b.live(SupervisedUnit, SupervisedUnit.group_id == unit.id)
            picked = self.b.pick(targets, 3)
            for n, target in enumerate(picked[:2]):
                self.inspection(unit, staff, ("supervised_unit_id", target.id), _UNIT_PROBLEMS, recent=n == 1)
            if len(picked) == 3:  # an inspection to come
                self.briefing(
                    unit, staff, ("supervised_unit_id", picked[2].id), self.today - timedelta(days=3)
                )
        else:
            villages = self.b.live(Village, Village.township_id == unit.id)
            if villages:
                target = ("village_id", self.rng.choice(villages).id)
                self.inspection(unit, staff, target, _VILLAGE_PROBLEMS, recent=True, village=True)

    def briefing(self, unit: Unit, staff: Sequence[str], target: tuple[str, str], on: date,
                 round_id: str | None = None) -> None:  # fmt: skip
        if not self.cw.can_seal:
            return  # the briefing is sealed text: nothing to write without the key
        self.b.add("inspection_briefings", {
            "unit_id": unit.id, target[0]: target[1], "round_id": round_id, "prepared_on": on,
            "prepared_by_id": self.rng.choice(staff), "sources": self.rng.choice(_SOURCES),
            "briefing": self.rng.choice(_ECOLOGY).format(n=self.rng.randint(2, 6)),
        })  # fmt: skip

    def inspection(self, unit: Unit, staff: Sequence[str], target: tuple[str, str],
                   problems: Sequence[tuple[str, str, str]], *, recent: bool, village: bool = False) -> None:  # fmt: skip
        back = self.rng.randint(110, 130) if recent else self.rng.randint(330, 400)
        feedback = self.today - timedelta(days=back)
        start = feedback - timedelta(days=self.rng.randint(45, 60))
        deadline = feedback + timedelta(days=90 if not village else 60)
        ordinal = "一二三四五六七八"[self.rng.randint(0, 7)]
        year = feedback.year
        name = f"{'乡镇党委村级' if village else f'{year}年县委第{ordinal}轮'}巡察"
        round_id = self.b.add("inspection_rounds", {
            "unit_id": unit.id, target[0]: target[1], "name": name,
            "inspectors": "乡镇党委巡察组" if village else f"县委第{'一二三四'[self.rng.randint(0, 3)]}巡察组",
            "inspected_from": start, "inspected_to": start + timedelta(days=self.rng.randint(20, 30)),
            "feedback_on": feedback, "deadline": deadline,
        })  # fmt: skip
        if not village:
            self.briefing(unit, staff, target, start - timedelta(days=self.rng.randint(5, 15)), round_id)
        chosen = self.b.pick(problems, self.rng.randint(3, 4) if not village else 2)
        for n, (problem, measure, post) in enumerate(chosen):
            # A recent round: the first item closed, the second late, the rest due in the coming
            # weeks (long-term items); a 村级巡察: the first late, the second closed; an old one:
            # all closed.
            late = recent and n == (0 if village else 1)
            due = deadline
            if recent and n >= 2:  # one falls due this week (the 工作台 lists it), one later
                due = self.today + timedelta(
                    days=self.rng.randint(2, 6) if n == 2 else self.rng.randint(10, 40)
                )
            item = self.b.add("inspection_items", {
                "round_id": round_id, "problem": problem, "measure": measure, "responsible": post,
                "due_on": due, "supervisor_id": self.rng.choice(staff),
            })  # fmt: skip
            if late:  # still open past its deadline: talked to
                talked = self.day(due + timedelta(days=3), due + timedelta(days=15))
                self.cw.flow.apply(self.items, item, "talk", {"talked_on": talked, "talked_with": post},
                                   self.rng.choice(_TALK_REASONS))  # fmt: skip
            elif not recent or n < 2:
                slack = self.rng.choice((-30, -10, 15))  # some closed after their deadline
                closed = self.day(feedback + timedelta(days=20), due + timedelta(days=slack))
                self.cw.flow.apply(self.items, item, "close", {
                    "closed_on": closed, "evidence": self.rng.choice(_EVIDENCE),
                    "checked_by_id": self.rng.choice(staff),
                }, self.rng.choice(_CLOSE_REASONS))  # fmt: skip


def add_inspection(b: _Batch, units: Sequence[Unit], act_as_owner: bool = False) -> None:
    """Rounds, items and briefings for ``units`` (dispatched groups and township commissions);
    ``act_as_owner``: each unit's rows owned by that unit (the seed county)."""
    done = Inspection(b)
    try:
        for unit in units:
            if act_as_owner:
                with done.cw.acting_for(unit.code):
                    done.unit(unit)
            else:
                done.unit(unit)
    finally:
        done.close()
