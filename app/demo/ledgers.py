"""Demo data for the daily supervision ledgers (签字背书, 谈话纪实季检季报, 三重一大, 讲规学法), the
village affairs supervision committees (村务监督委员会) and the village liaisons' monthly reports.

The ledgers are made with the visits (``app.demo.residency.Residency.ledger`` asks
``ledger_values`` here for each ledger's own fields): a township commission checks its own 党委
as well as its villages, a group its supervised units; a township's letter inquiries (函询) with a
signed reply become 签字背书 entries of its 党委. ``add_village_work`` gives each village of a
township its committee (a 主任 and two to four 委员 for the term 2021-2026), a few of the
committee's records, and the liaison's monthly reports for this year's past months and most of
last month (some villages late: coverage names them); a later batch adds one report. Everything
goes through the registers' own validation (``RecordService.save_in``), with the batch's seeded
ids and random generator: the same seed gives the same rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import select

from app.models.casework import Inquiry
from app.models.ledgers import LiaisonReport
from app.models.org import Unit, Village
from app.registers import get as get_register
from app.registers.ledgers import month_of

if TYPE_CHECKING:
    import random
    from contextlib import AbstractContextManager

    from sqlalchemy.orm import Session

    from app.demo.casework import Casework
    from app.demo.changes import _Batch


class Residency(Protocol):
    """What the ledgers' demo needs of ``app.demo.residency.Residency``, which calls it."""

    b: _Batch
    s: Session
    rng: random.Random
    today: date
    cw: Casework
    quick: Session

    def together(self) -> AbstractContextManager[None]: ...


__all__ = [
    "add_village_work",
    "inquiry_signoffs",
    "later_village_work",
    "ledger_values",
]

_SIGNOFF_MATTERS = (
    "党风廉政建设责任书",
    "{q}季度财务报账单据",
    "村级工程项目验收单",
    "惠民资金发放审核表",
    "干部选拔任用廉政意见",
)
_LEADER_POSTS = {"committee": "党委书记", "village": "村党支部书记", "supervised_unit": "党组书记"}
_MAJOR = {
    "decision": ("研究年度重点工作安排", "研究人居环境整治实施方案"),
    "appointment": ("调整班子成员分工", "推荐村后备干部人选"),
    "project": ("村道硬化工程", "农田水利设施改造项目"),
    "funds": ("集体资金购置办公设备", "拨付产业发展扶持资金"),
}
_MEETING = {"committee": "party_committee", "village": "village_committees", "supervised_unit": "leadership"}
_OBJECTIONS = ("一名委员对预算提出异议，经说明后表决通过", "有委员建议分期实施，已采纳")
_RECORD_SUBJECTS = {
    "meeting": ("监委会季度例会", "研究村务监督重点"),
    "attend": ("列席村两委联席会议", "列席村民代表会议"),
    "finance": ("审核本月村级财务收支", "审核集体资产租赁合同"),
    "supervision": ("监督惠民资金发放", "监督村级工程项目验收"),
}
_REPORT_FINE = ("本月村务公开栏按时更新，财务收支已公示", "本月村务公开及时，群众无异议")
_ASSETS_FINE = ("集体资金收支经民主理财小组审核，账实相符", "集体资产租赁合同规范，租金按时收缴")
_REPORT_PROBLEMS = ("村务公开栏个别事项公示不全", "一笔集体资金支出票据不规范")


def ledger_values(
    r: Residency, unit: Unit, kind: str, target_kind: str, quarter: str, checked: date
) -> dict[str, Any]:
    """The fields a ledger has of its own, for a check on ``checked`` of ``quarter``."""
    rng = r.rng
    if kind == "signoff":
        matter = rng.choice(_SIGNOFF_MATTERS).format(q=quarter[-1])
        signed = checked - timedelta(days=rng.randint(3, 40))
        return {"matter": matter, "signer": r.b.person()[0], "signer_post": _LEADER_POSTS[target_kind],
                "signed_on": signed}  # fmt: skip
    if kind == "talk_record":
        return {
            "leader": r.b.person()[0],
            "leader_post": _LEADER_POSTS[target_kind],
            "appointment_talks": rng.choice((0, 0, 1, 2)),
            "reminder_talks": rng.randint(0, 3),
            "routine_talks": rng.randint(2, 9),
            "other_talks": rng.choice((0, 0, 0, 1)),
        }
    if kind == "major_matters":
        matter_kind = rng.choice(tuple(_MAJOR))
        attended = rng.random() < 0.6
        meeting_on = checked if attended else checked - timedelta(days=rng.randint(5, 30))
        attendees = "、".join(r.b.person()[0] for _ in range(rng.randint(5, 7)))
        return {
            "matter_kind": matter_kind,
            "matter": rng.choice(_MAJOR[matter_kind]),
            "amount": rng.randint(5, 120) * 10_000 if matter_kind in ("funds", "project") else None,
            "meeting": _MEETING[target_kind],
            "meeting_on": meeting_on,
            "attendees": attendees,
            "objections": rng.choice(_OBJECTIONS) if rng.random() < 0.2 else "",
            "supervision": "attended" if attended else "reviewed",
        }
    return {}


def inquiry_signoffs(r: Residency, unit: Unit) -> None:
    """A township's 函询 replies signed off by its principal leader: 签字背书 entries of its 党委
    (call inside ``together``)."""
    if unit.unit_type != "township":
        return
    stmt = select(Inquiry).where(
        Inquiry.deleted.is_(False),
        Inquiry.owner == unit.code,
        Inquiry.kind == "letter",
        Inquiry.reply_on.is_not(None),
        Inquiry.signed_by != "",
    )
    register = get_register("ledger_signoff")
    for inquiry in r.s.scalars(stmt.order_by(Inquiry.id)):
        assert inquiry.reply_on is not None
        checked = min(inquiry.reply_on + timedelta(days=r.rng.randint(1, 20)), r.today)
        values = {"unit_id": unit.id, "target": "committee", "inquiry_id": inquiry.id, "checked_on": checked,
                  "content": "函询回复经主要负责人审核签字，签署意见明确", "signer_post": "党委书记",
                  "reported": checked < r.today - timedelta(days=30)}  # fmt: skip
        r.b.records.save_in(r.quick, register, values, new_id=r.b.new_id())


def _months(today: date) -> list[str]:
    """This year's months up to last month (in January: last year's December too)."""
    out = [f"{today.year:04d}-{m:02d}" for m in range(1, today.month)]
    return out or [f"{today.year - 1:04d}-12"]


def _committee(r: Residency, village: Village) -> None:
    members = get_register("village_committee_members")
    start, end = date(2021, 5, 1), date(2026, 4, 30)
    for i in range(r.rng.randint(3, 5)):
        r.b.records.save_in(r.quick, members, {
            "village_id": village.id, "name": r.b.person()[0], "role": "chair" if i == 0 else "member",
            "term_start": start, "term_end": end, "phone": r.b.phone(),
        }, new_id=r.b.new_id())  # fmt: skip
    records = get_register("village_committee_records")
    first = date(r.today.year, 1, 1)
    days = (r.today - first).days
    for _ in range(r.rng.randint(1, 4)):
        kind = r.rng.choice(tuple(_RECORD_SUBJECTS))
        r.b.records.save_in(r.quick, records, {
            "village_id": village.id, "held_on": first + timedelta(days=r.rng.randint(0, max(days, 0))),
            "kind": kind, "subject": r.rng.choice(_RECORD_SUBJECTS[kind]),
            "content": "按规定开展监督，相关资料齐全",
            "problems": r.rng.choice(_REPORT_PROBLEMS) if r.rng.random() < 0.2 else "",
        }, new_id=r.b.new_id())  # fmt: skip


def _report(r: Residency, village: Village, month: str) -> str:
    year, m = (int(part) for part in month.split("-"))
    nxt = date(year + (m == 12), m % 12 + 1, 1)
    reported = min(nxt + timedelta(days=r.rng.randint(0, 6)), r.today)
    problem = r.rng.random() < 0.15
    clue = problem and r.rng.random() < 0.3
    values: dict[str, Any] = {
        "village_id": village.id,
        "month": month,
        "liaison": village.liaison_name or r.b.person()[0],
        "reported_on": reported,
        "village_affairs": r.rng.choice(_REPORT_FINE),
        "assets": r.rng.choice(_ASSETS_FINE),
        "problems": r.rng.choice(_REPORT_PROBLEMS) if problem else "",
        "clue_count": 1 if clue else 0,
    }
    if clue and r.b.records.sensitive_key is not None:
        values["clues"] = "反映村集体资金支出不规范的问题线索1条，已报乡镇纪委"
    return r.b.records.save_in(r.quick, get_register("liaison_reports"), values, new_id=r.b.new_id())


def _villages(r: Residency, unit: Unit) -> list[Village]:
    return r.b.live(Village, Village.township_id == unit.id) if unit.unit_type == "township" else []


def add_village_work(r: Residency, units: Sequence[Unit], act_as_owner: bool = False) -> None:
    """Each township's village committees and the liaisons' monthly reports (last month: most
    villages, never all)."""
    months = _months(r.today)
    for unit in units:
        villages = _villages(r, unit)
        if not villages:
            continue
        late = {v.id for v in r.b.pick(villages, max(1, len(villages) // 8))}
        with r.cw.acting_for(unit.code) if act_as_owner else nullcontext(), r.together():
            for village in villages:
                _committee(r, village)
                for month in months:
                    if month == months[-1] and village.id in late:
                        continue
                    if month != months[-1] and r.rng.random() < 0.04:
                        continue  # a month that was never reported
                    _report(r, village, month)


def later_village_work(r: Residency, unit: Unit) -> None:
    """A later batch: one late report of last month."""
    month = _months(r.today)[-1]
    have = set(r.s.scalars(select(LiaisonReport.village_id).where(
        LiaisonReport.deleted.is_(False), LiaisonReport.month == month)))  # fmt: skip
    missing = [v for v in _villages(r, unit) if v.id not in have]
    with r.together():
        for village in r.b.pick(missing, 1):
            _report(r, village, month_of(date(int(month[:4]), int(month[5:]), 1)))
