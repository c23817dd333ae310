"""Plausible, deterministic demo data for each kind of installation.

The first batch on a county builds the organisation of the seed report (section 一): 8 township
commissions with 书记 1, 副书记 1 and 委员 3 each (two 委员 also 监察员, only the 8 secretaries
full-time), 10 dispatched groups with 30 authorised posts, 29 staff and 10 group leaders, and the
townships' 2022 figures of 2,652 supervision objects and 7,370 party members; plus the county
offices, zones, point-to-point liaisons, villages and supervised units around it. Casework comes
from ``app.demo.casework``, the current year's village and unit residency (visits, the quarterly
ledgers, the visit checklist) from ``app.demo.residency``, training (每月一课, 每周一测) and the
half-year reports (述职述廉 with the county's feedback, 一岗双责) from ``app.demo.training``. A
later batch (another seed) adds a few records, edits a few and tombstones one, so that data
exchanges carry updates and deletions too, without ever changing the seed's staffing figures.

Everything is derived from the seed: names from a seeded ``Faker('zh_CN')``, choices and row ids
from a seeded ``random.Random``. The same seed on the same data gives the same records, ids and
versions. A batch runs in one transaction and every value passes the register's own validation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.config import DB_FILE_NAME
from app.context import Context
from app.db.base import utcnow
from app.db.local import ChangeLog
from app.demo import casework as demo_casework
from app.demo import education as demo_education
from app.demo import inspection as demo_inspection
from app.demo import integrity as demo_integrity
from app.demo import residency as demo_residency
from app.demo import training as demo_training
from app.demo.changes import _AlreadyApplied, _Batch, _split_exactly
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.org import Staff, SupervisedUnit, Unit, Village
from app.registers import REGISTERS
from app.security.roles import DEMO, VIEW_SENSITIVE, system_actor
from app.services.installation import SetupRequest
from app.services.login import create
from app.services.records import RecordService

__all__ = ["DEMO_COUNTY", "add_demo_batch", "create_demo_county", "demo_today_problem"]

# The demo county of ``python main.py --demo``.
DEMO_COUNTY: dict[str, Any] = {
    "unit_code": "DEMO",
    "unit_name": "示范县纪委监委",
    "county_code": "DEMO",
    "county_name": "示范县",
    "admin_username": "admin",
}

# The seed report's figures for the 8 townships in 2022.
SEED_YEAR = 2022
SEED_SUPERVISION_OBJECTS = 2652
SEED_PARTY_MEMBERS = 7370

OFFICES = (
    ("S01", "组宣室"),
    ("S02", "信访室"),
    ("S03", "案件监督管理室"),
    ("S04", "党风政风监督室"),
    ("S05", "案件审理室"),
    ("S06", "第一纪检监察室"),
    ("S07", "第二纪检监察室"),
)
TOWNSHIPS = (
    ("T01", "城关镇纪委"),
    ("T02", "东关镇纪委"),
    ("T03", "南湖镇纪委"),
    ("T04", "北山乡纪委"),
    ("T05", "河口镇纪委"),
    ("T06", "柳林乡纪委"),
    ("T07", "石桥镇纪委"),
    ("T08", "白杨乡纪委"),
)
_CN_NUMBERS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十")
GROUPS = tuple((f"G{i + 1:02d}", f"派驻第{n}纪检监察组") for i, n in enumerate(_CN_NUMBERS))
ZONES = (
    # (name, office codes, township codes, group codes)
    ("第一片区协作区", ("S06",), ("T01", "T02", "T03"), ("G01", "G02", "G03")),
    ("第二片区协作区", ("S07",), ("T04", "T05", "T06"), ("G04", "G05", "G06", "G07")),
    ("第三片区协作区", ("S04",), ("T07", "T08"), ("G08", "G09", "G10")),
)
TOWNSHIP_POSTS = 5
GROUP_POSTS = 3

COUNTY_DEPARTMENTS = (
    "县委办公室", "县政府办公室", "县人大常委会办公室", "县政协办公室", "县委组织部", "县委宣传部",
    "县委统战部", "县委政法委", "县发展和改革局", "县教育局", "县科技局", "县工业和信息化局",
    "县公安局", "县民政局", "县司法局", "县财政局", "县人力资源和社会保障局", "县自然资源局",
    "县生态环境分局", "县住房和城乡建设局", "县交通运输局", "县水利局", "县农业农村局", "县商务局",
    "县文化和旅游局", "县卫生健康局", "县退役军人事务局", "县应急管理局", "县审计局",
    "县市场监督管理局", "县统计局", "县医疗保障局", "县林业局", "县乡村振兴局", "县行政审批服务局",
    "县信访局", "县城市管理局", "县机关事务服务中心", "县融媒体中心", "县人民法院", "县人民检察院",
    "县总工会", "团县委", "县妇联", "县供销合作社", "县税务局", "县消防救援大队",
    "县住房公积金管理中心", "县疾病预防控制中心", "县人民医院", "县中医院", "县第一中学",
    "县职业教育中心", "县投资促进中心", "县国有资产服务中心", "县粮食和物资储备局", "县档案馆",
    "县残联", "县科协", "县工商联",
)  # fmt: skip
_CATEGORY_KEYWORDS = (
    (("县委", "人大", "政协", "县政府办"), "党政机关"),
    (("法院", "检察院", "公安", "司法"), "政法机关"),
    (("工会", "团县委", "妇联", "残联", "科协", "工商联"), "群团组织"),
    (("医院", "中学", "中心", "档案馆", "大队"), "事业单位"),
)
_LIAISON_POSTS = ("村党组织副书记", "村党组织委员")
_LIAISON_MATTERS = (
    "日常监督、线索处置",
    "廉政意见回复、初步核实",
    "案件指导领办",
    "案件协审把关",
    "信访举报件办理",
    "监督检查、作风建设",
)
_STAFF_NOTES = ("联系电话已核实", "参加每月一课", "2022年度述职述廉已完成", "负责驻村监督排班")
_VILLAGE_NOTES = ("村务公开栏已更新", "村级纪检监察员已参加培训", "本季度驻村监督已完成", "监察联络员已调整")


# ---- shared pieces ----------------------------------------------------------------------------
def _category(department: str) -> str:
    for keywords, category in _CATEGORY_KEYWORDS:
        if any(k in department for k in keywords):
            return category
    return "政府部门"


def _add_township_staff(b: _Batch, unit_id: str, villages: Sequence[str] = ()) -> None:
    """书记 (full-time), 副书记 and 3 委员, two of whom are also 监察员; two of them come from one
    of the township's ``villages`` (籍贯村: never sent there on a visit)."""
    posts = [("secretary", True, False), ("deputy_secretary", False, False)]
    posts += [("member", False, True), ("member", False, True), ("member", False, False)]
    locals_ = set(b.rng.sample(range(len(posts)), 2)) if villages else set()
    for i, (post, full_time, inspector) in enumerate(posts):
        name, gender = b.person()
        b.add(
            "staff",
            {
                "name": name,
                "gender": gender,
                "unit_id": unit_id,
                "post": post,
                "full_time": full_time,
                "also_inspector": inspector,
                "phone": b.phone(),
                "home_village": b.rng.choice(list(villages)) if i in locals_ else "",
            },
        )


def _add_villages(b: _Batch, township_id: str, township_code: str, township_name: str, n: int) -> list[str]:
    existing = b.live(Village, Village.township_id == township_id)
    taken = {v.name for v in existing}
    codes = {v.code for v in existing}
    ids = []
    number = len(existing)
    for _ in range(n):
        number += 1
        code = f"{township_code}-{number:03d}"
        while code in codes:
            number += 1
            code = f"{township_code}-{number:03d}"
        codes.add(code)
        liaison, _gender = b.person()
        ids.append(
            b.add(
                "villages",
                {
                    "township_id": township_id,
                    "name": b.village_name(township_name, taken),
                    "code": code,
                    "liaison_name": liaison,
                    "liaison_post": b.rng.choice(_LIAISON_POSTS),
                    "liaison_phone": b.phone(),
                },
            )
        )
    return ids


def _add_supervised_units(b: _Batch, group_id: str, names: Sequence[str]) -> list[str]:
    ids = []
    for department in names:
        contact, _gender = b.person()
        ids.append(
            b.add(
                "supervised_units",
                {
                    "group_id": group_id,
                    "name": department,
                    "category": _category(department),
                    "contact": contact,
                    "phone": b.phone(),
                },
            )
        )
    return ids


def _unused_departments(b: _Batch) -> list[str]:
    used = {u.name for u in b.live(SupervisedUnit)}
    return [d for d in COUNTY_DEPARTMENTS if d not in used]


def _secondment(b: _Batch, unit_id: str, post: str, seconded_from: str, start: date) -> str:
    name, gender = b.person()
    return b.add(
        "staff",
        {
            "name": name,
            "gender": gender,
            "unit_id": unit_id,
            "post": post,
            "full_time": True,
            "seconded": True,
            "seconded_from": seconded_from,
            "secondment_start": start,
            "phone": b.phone(),
            "note": "从被监督单位抽调挂职，挂职期一年",
        },
    )


def _year_stats(b: _Batch, township_id: str, year: int, objects: int, members: int, note: str = "") -> None:
    b.add(
        "township_stats",
        {
            "township_id": township_id,
            "year": year,
            "supervision_objects": objects,
            "party_members": members,
            "note": note,
        },
    )


def _routine_edits(b: _Batch, unit_ids: Sequence[str] | None = None) -> None:
    """New phone numbers and notes on a few staff, villages and supervised units."""
    staff_cond = [Staff.left_on.is_(None)]
    if unit_ids is not None:
        staff_cond.append(Staff.unit_id.in_(list(unit_ids)))
    for person in b.pick(b.live(Staff, *staff_cond), b.rng.randint(2, 3)):
        b.edit("staff", person.id, {"phone": b.phone(), "note": b.rng.choice(_STAFF_NOTES)})
    for village in b.pick(b.live(Village), b.rng.randint(1, 2)):
        b.edit("villages", village.id, {"liaison_phone": b.phone(), "note": b.rng.choice(_VILLAGE_NOTES)})
    for unit in b.pick(b.live(SupervisedUnit), 1):
        contact, _gender = b.person()
        b.edit("supervised_units", unit.id, {"contact": contact, "phone": b.phone()})


def _delete_one(b: _Batch, register: str, candidates: Sequence[Any]) -> None:
    """Tombstone one of ``candidates`` that nothing refers to."""
    order = list(candidates)
    b.rng.shuffle(order)
    for row in order:
        if b.delete(register, row.id):
            return


def _staff_turnover(b: _Batch, unit_ids: Sequence[str]) -> None:
    """A secondee's year ends and a new one takes the same post: staffing figures stay the same."""
    seconded = b.live(
        Staff, Staff.unit_id.in_(list(unit_ids)), Staff.seconded.is_(True), Staff.left_on.is_(None)
    )
    if not seconded:
        return
    leaving = b.rng.choice(seconded)
    start = leaving.secondment_start or date(SEED_YEAR, 3, 1)
    end = leaving.secondment_end or start.replace(year=start.year + 1)
    b.edit("staff", leaving.id, {"left_on": end, "note": "挂职期满，返回原单位"})
    sources = [u.name for u in b.live(SupervisedUnit, SupervisedUnit.group_id == leaving.unit_id)]
    source = b.rng.choice(sources) if sources else leaving.seconded_from
    _secondment(b, leaving.unit_id, leaving.post, source, end + timedelta(days=1))


# ---- county ---------------------------------------------------------------------------------
def _county_first(b: _Batch) -> None:
    zone_of: dict[str, str] = {}
    for zone_name, zone_offices, zone_townships, zone_groups in ZONES:
        zone_id = b.add("zones", {"name": zone_name, "leader": b.person()[0], "note": "常委（委员）统筹协管"})
        for code in (*zone_offices, *zone_townships, *zone_groups):
            zone_of[code] = zone_id

    def unit(code: str, name: str, unit_type: str, posts: int) -> str:
        return b.add(
            "units",
            {
                "code": code,
                "name": name,
                "unit_type": unit_type,
                "authorised_posts": posts,
                "zone_id": zone_of.get(code),
            },
        )

    offices: dict[str, str] = {}
    for code, name in OFFICES:
        office_posts = b.rng.randint(3, 5)
        office_id = unit(code, name, "office", office_posts)
        offices[code] = office_id
        for i in range(office_posts):
            person, gender = b.person()
            b.add(
                "staff",
                {
                    "name": person,
                    "gender": gender,
                    "unit_id": office_id,
                    "post": "director" if i == 0 else "staff",
                    "full_time": True,
                    "phone": b.phone(),
                },
            )

    townships: dict[str, str] = {}
    for code, name in TOWNSHIPS:
        townships[code] = unit(code, name, "township", TOWNSHIP_POSTS)
        _add_villages(b, townships[code], code, name, b.rng.randint(15, 30))
        _add_township_staff(
            b, townships[code], [v.name for v in b.live(Village, Village.township_id == townships[code])]
        )

    groups = {code: unit(code, name, "group", GROUP_POSTS) for code, name in GROUPS}
    departments = list(COUNTY_DEPARTMENTS)
    b.rng.shuffle(departments)
    supervised: dict[str, list[str]] = {}
    for code in groups:
        n = b.rng.randint(3, 6)
        supervised[code], departments = departments[:n], departments[n:]
        _add_supervised_units(b, groups[code], supervised[code])

    # 10 leaders, 29 staff against 30 posts: one group has a vacancy; a few 组员 are secondees.
    vacancy = b.rng.choice(list(groups))
    full_groups = [code for code in groups if code != vacancy]
    secondee_groups = set(b.pick(full_groups, 3))
    for code, group_id in groups.items():
        posts = ["group_leader", b.rng.choice(("deputy_leader", "group_member"))]
        if code != vacancy:
            posts.append("group_member")
        for i, post in enumerate(posts):
            if code in secondee_groups and i == len(posts) - 1:
                start = date(SEED_YEAR, 3, 1) + timedelta(days=b.rng.randrange(0, 120))
                _secondment(b, group_id, post, b.rng.choice(supervised[code]), start)
                continue
            name, gender = b.person()
            b.add(
                "staff",
                {
                    "name": name,
                    "gender": gender,
                    "unit_id": group_id,
                    "post": post,
                    "full_time": True,
                    "phone": b.phone(),
                },
            )

    # 点对点衔接联系: each office liaises with 2-4 townships or groups.
    targets = [*townships.values(), *groups.values()]
    for office_id in offices.values():
        for target in b.pick(targets, b.rng.randint(2, 4)):
            b.add(
                "liaisons",
                {"office_id": office_id, "unit_id": target, "matters": b.rng.choice(_LIAISON_MATTERS)},
            )

    # The seed's figures: 2,652 supervision objects and 7,370 party members in 2022.
    weights = [b.rng.uniform(0.7, 1.3) for _ in TOWNSHIPS]
    objects = _split_exactly(SEED_SUPERVISION_OBJECTS, weights)
    members = _split_exactly(SEED_PARTY_MEMBERS, [w * b.rng.uniform(0.9, 1.1) for w in weights])
    for (code, _name), obj_2022, mem_2022 in zip(TOWNSHIPS, objects, members, strict=True):
        _year_stats(
            b,
            townships[code],
            SEED_YEAR - 1,
            round(obj_2022 * b.rng.uniform(0.95, 1.01)),
            round(mem_2022 * b.rng.uniform(0.96, 1.0)),
        )
        _year_stats(b, townships[code], SEED_YEAR, obj_2022, mem_2022, "据2022年9月工作汇报")


def _county_later(b: _Batch) -> None:
    townships = b.live(Unit, Unit.unit_type == "township")
    groups = b.live(Unit, Unit.unit_type == "group")
    earlier_villages = b.live(Village)
    for township in b.pick(townships, b.rng.randint(1, 2)):
        _add_villages(b, township.id, township.code, township.name, b.rng.randint(1, 2))
    unused = _unused_departments(b)
    for group in b.pick(groups, 1):
        _add_supervised_units(b, group.id, b.pick(unused, 1))
    _staff_turnover(b, [g.id for g in groups])
    _routine_edits(b)
    _delete_one(b, "villages", earlier_villages)


# ---- township and group installations ----------------------------------------------------------
def _own_posts(b: _Batch, own: Unit, posts: int) -> None:
    """The demo states its own unit's 核定编制 (set-up leaves it empty: nobody entered it)."""
    if own.authorised_posts is None:
        b.edit("units", own.id, {"authorised_posts": posts})


def _township_first(b: _Batch, own: Unit) -> None:
    _own_posts(b, own, TOWNSHIP_POSTS)
    _add_villages(b, own.id, own.code, own.name, b.rng.randint(15, 30))
    _add_township_staff(b, own.id, [v.name for v in b.live(Village, Village.township_id == own.id)])
    objects, members = b.rng.randint(250, 450), b.rng.randint(650, 1200)
    _year_stats(b, own.id, SEED_YEAR - 1, round(objects * 0.97), round(members * 0.98))
    _year_stats(b, own.id, SEED_YEAR, objects, members)


def _township_later(b: _Batch, own: Unit) -> None:
    earlier = b.live(Village, Village.township_id == own.id)
    _add_villages(b, own.id, own.code, own.name, b.rng.randint(1, 2))
    _routine_edits(b, [own.id])
    _delete_one(b, "villages", earlier)


def _group_first(b: _Batch, own: Unit) -> None:
    _own_posts(b, own, GROUP_POSTS)
    departments = b.pick(COUNTY_DEPARTMENTS, b.rng.randint(3, 6))
    _add_supervised_units(b, own.id, departments)
    for post in ("group_leader", "deputy_leader"):
        name, gender = b.person()
        b.add(
            "staff",
            {
                "name": name,
                "gender": gender,
                "unit_id": own.id,
                "post": post,
                "full_time": True,
                "phone": b.phone(),
            },
        )
    start = date(SEED_YEAR, 3, 1) + timedelta(days=b.rng.randrange(0, 120))
    _secondment(b, own.id, "group_member", b.rng.choice(departments), start)


def _group_later(b: _Batch, own: Unit) -> None:
    earlier = b.live(SupervisedUnit, SupervisedUnit.group_id == own.id)
    _add_supervised_units(b, own.id, b.pick(_unused_departments(b), 1))
    _staff_turnover(b, [own.id])
    _routine_edits(b, [own.id])
    if len(earlier) > 3:
        _delete_one(b, "supervised_units", earlier)


# ---- entry points -------------------------------------------------------------------------------
def _registry_since_history(s: Session, started: datetime) -> None:
    """The first batch's units, staff, villages and supervised units were there when the demo's
    history begins (coverage counts a village or a staff member from the day it was added), not
    added today: their rows are dated from the seed's first day."""
    when = datetime.combine(demo_casework.SEED_SINCE, time())
    for model in (Unit, Staff, Village, SupervisedUnit):
        s.execute(update(model).where(model.created_at >= started).values(created_at=when))


def _tally(s: Session, since: int) -> dict[str, int]:
    tables = Counter(r.model.__table__.name for r in REGISTERS.values())  # type: ignore[attr-defined]
    names = {
        r.model.__table__.name: r.name  # type: ignore[attr-defined]
        for r in REGISTERS.values()
        if tables[r.model.__table__.name] == 1  # type: ignore[attr-defined]
    }  # a table that several registers share is counted under its name
    words = {"insert": "added", "update": "edited", "delete": "deleted"}
    counts: Counter[str] = Counter()
    for table, op, n in s.execute(
        select(ChangeLog.table_name, ChangeLog.op, func.count())
        .where(ChangeLog.seq > since)
        .group_by(ChangeLog.table_name, ChangeLog.op)
    ):
        counts[f"{names.get(table, table)}.{words.get(op, op)}"] += int(n)
    return dict(sorted(counts.items()))


def demo_today_problem(today: date) -> Message | None:
    """Why ``today`` cannot be the demo's day, or None: the seed's history runs to September 2022
    and a visit cannot be recorded after the machine's date."""
    if today < demo_casework.EARLIEST_TODAY:
        return Message(
            QT_TRANSLATE_NOOP("app", "示范数据的日期不能早于 {day}（示范数据的历史记录截至2022年9月）。"),
            {"day": demo_casework.EARLIEST_TODAY.isoformat()},
        )
    if today > date.today():
        return Message(
            QT_TRANSLATE_NOOP("app", "示范数据的日期不能晚于今天（{day}）。"),
            {"day": date.today().isoformat()},
        )
    return None


def add_demo_batch(
    ctx: Context,
    seed: int,
    *,
    seed_county: bool = False,
    progress: Callable[[int, int], None] | None = None,
    today: date | None = None,
) -> dict[str, int]:
    """Add one deterministic batch of demo data for this installation's unit type: organisation,
    casework (``app.demo.casework``) and residency (``app.demo.residency``:
    a township's or group's visits and ledgers; on a county, the checklist setting; and
    ``app.demo.ledgers``: a township's village committees and liaison reports).

    Needs the DEMO permission. The batch is entered by the program itself (a system actor, in the
    name of the person who asked for it), so it may fill every unit's records; with the acting
    person's sensitive-field key it fills reporters, summaries and reports too, without it they
    stay empty (see ``demo_casework``). ``seed_county``: on a county's first batch, the casework of the whole
    county reproducing the seed report's section 二 (``create_demo_county``) instead of a small set
    for the county's own offices.

    Returns how many records were added, edited and deleted, keyed ``"<register>.<added|edited|
    deleted>"``; empty when this seed's batch was applied before (nothing changes then).
    ``progress(done, total)`` hears of each unit of the seed county as it is finished. ``today``
    (default: the machine's date) is the day the recent open work is dated from: the same seed on
    the same day gives the same records. Raises ``ValueError`` for a ``today`` that
    ``demo_today_problem`` refuses, ``RuntimeError`` on an installation that is not initialised,
    and ``ValidationError`` (with nothing changed) if the data already there clashes with the batch.
    """
    ctx.require(DEMO)
    today = today or date.today()
    problem = demo_today_problem(today)
    if problem is not None:
        raise ValueError(str(problem))
    db = ctx.db
    info = db.installation()
    if info is None:
        raise RuntimeError("the installation is not initialised")
    key = ctx.actor.sensitive_key if ctx.can(VIEW_SENSITIVE) else None
    records = RecordService(Context(db, system_actor(ctx.user, key), ctx.keys, ctx.data_dir))
    started = utcnow()
    try:
        with records.ctx.session() as s:
            since = int(s.scalar(select(func.coalesce(func.max(ChangeLog.seq), 0))) or 0)
            own = s.scalars(select(Unit).where(Unit.code == info.unit_code, Unit.deleted.is_(False))).first()
            if info.unit_type == "county":
                first = not s.scalars(
                    select(Unit.id).where(Unit.unit_type == "township", Unit.deleted.is_(False))
                ).first()
            else:
                if own is None:
                    raise RuntimeError("the installation's own unit record is missing")
                first = not s.scalars(
                    select(Staff.id).where(Staff.unit_id == own.id, Staff.deleted.is_(False))
                ).first()
            batch_key = f"{info.unit_type}:{'first' if first else 'later'}:{seed}"
            batch = _Batch(s, records, batch_key, info.unit_code, today)
            if info.unit_type == "county":
                (_county_first if first else _county_later)(batch)
            elif info.unit_type == "township":
                assert own is not None
                (_township_first if first else _township_later)(batch, own)
            else:
                assert own is not None
                (_group_first if first else _group_later)(batch, own)
            if not first:
                demo_casework.later_casework(batch, own)
                demo_residency.later_residency(batch, own)
                demo_residency.later_village_work(batch, own)
                demo_training.later_training(batch, own)
            elif info.unit_type == "county" and seed_county:
                _seed_county(batch, info.unit_code, progress)
            else:
                demo_casework.add_casework(batch, own, info.unit_type)
                if info.unit_type == "county":
                    demo_residency.add_county_checklist(batch)
                elif own is not None:
                    demo_residency.add_residency(batch, [own])
                    demo_inspection.add_inspection(batch, [own])
                    demo_residency.add_village_work(batch, [own])
                    demo_training.add_training(batch, [own])
            if first and info.unit_type == "county":
                demo_integrity.add_integrity(batch)
            demo_education.add_education(batch, own, info.unit_type, first=first, seed_county=seed_county)
            if first:
                _registry_since_history(s, started)
            return _tally(s, since)
    except _AlreadyApplied:
        return {}


def _seed_county(b: _Batch, county_code: str, progress: Callable[[int, int], None] | None) -> None:
    """The seed county's casework, then the residency of every township and group (each unit's
    rows owned by it); ``progress`` hears of both, as one count."""
    units = sorted(b.live(Unit, Unit.unit_type.in_(("township", "group"))), key=lambda u: u.code)
    seen = [0]

    def casework_progress(done: int, total: int) -> None:
        seen[0] = total
        if progress is not None:
            progress(done, total + len(units))

    demo_casework.add_seed_county(b, county_code, casework_progress)
    demo_residency.add_county_checklist(b)
    done = [0]

    def residency_progress() -> None:
        done[0] += 1
        if progress is not None:
            progress(seen[0] + done[0], seen[0] + len(units))

    demo_residency.add_residency(b, units, act_as_owner=True, progress=residency_progress)
    demo_inspection.add_inspection(b, units, act_as_owner=True)
    demo_residency.add_village_work(b, units, act_as_owner=True)
    demo_training.add_training(b, units, act_as_owner=True, feedback=True)


def create_demo_county(
    data_dir: Path,
    password: str,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
    today: date | None = None,
    *,
    seed_county: bool = True,
) -> Context:
    """A throw-away demo county in ``data_dir`` (administrator ``admin``) with batch ``seed``, set
    up exactly as a real installation is (encrypted database, key slots), and opened as ``admin``.
    Its casework and residency cover every unit of the county (each unit's rows owned by that
    unit); the casework reproduces the seed report's figures (``demo_casework.SEED_FIGURES``) and
    dates the recent open work from ``today`` (``add_demo_batch``). ``seed_county`` False: the
    organisation and the county's own small set only (``main.py --check``, in a few seconds).

    Always the embedded SQLite file in ``data_dir``, whatever ``JIWEI_DB_URL`` says, so a demo
    never touches a real database.
    """
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    opened = create(
        data_dir,
        f"sqlite:///{data_dir / DB_FILE_NAME}",
        SetupRequest(unit_type="county", admin_password=password, **DEMO_COUNTY),
    )
    try:
        add_demo_batch(opened, seed, seed_county=seed_county, progress=progress, today=today)
    except BaseException:
        opened.db.close()
        raise
    return opened
