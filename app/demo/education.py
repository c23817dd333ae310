"""Plausible, deterministic demo data for pledges (廉洁承诺, 清廉家庭倡议), warning education
(警示教育), circulars (通报), clearing names (澄清正名) and tolerating errors (容错免责).

For last year and this year up to the batch's ``today``, per unit:

- **Pledges**: most staff sign the 廉洁自律承诺书 early in the year (one or two do not: the gap
  shows); some sign the 清廉家庭倡议书 with their spouse or a child; a township's village cadres
  of a few villages sign too, a group's cadres of its supervised units.
- **Warning education**: most units visit an education base once a year (a few have not yet this
  year), some also watch a film or hold a lesson on cases; the party organisations taking part are
  the township's organ and village branches, or the group's supervised units.
- **Circulars** (township commissions, groups and the county): one in most quarters, a few
  quarters missed; a 典型问题通报 names one of the unit's concluded cases where it has one.
- **澄清正名**: for one or two of the unit's clues that a talk ended as 了结澄清 or a verification
  as 予以了结, the name is cleared at a meeting, in writing or by a circular; one report is found
  malicious (诬告陷害) where sealed values can be written.
- **容错免责** (township commissions and groups): an application or two, reviewed against the
  三个区分开来 and decided through the register's own steps; one is left open.

Every value passes the register's validation (``RecordService.save_in`` with the batch's seeded
ids, steps through ``Transitions`` with seeded timeline ids: ``demo_casework.Casework``). In the
seed county each township's and group's rows are owned by that unit; the county's and its
offices' by the county.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.demo.casework import SEED_UNTIL, Casework, _town
from app.models.casework import Case, Clue, Inquiry, Verification
from app.models.education import NameClearing
from app.models.org import Staff, SupervisedUnit, Unit, Village
from app.quarters import parse_quarter, quarter_bounds, quarter_of, quarter_text
from app.registers import get as get_register

if TYPE_CHECKING:
    from app.demo.changes import _Batch

__all__ = ["add_education"]

_BASES = ("县廉政教育基地", "市党风廉政警示教育基地", "县革命纪念馆红色教育基地", "县看守所警示教育基地")
_TOPICS = ("以案为鉴、警钟长鸣", "筑牢拒腐防变思想防线", "身边人身边事警示教育", "严守纪律规矩、永葆清廉本色")
_FILMS = ("《零容忍》", "《持续发力 纵深推进》", "《正风反腐就在身边》")
_RELATIONS = (("配偶", 0.7), ("子女", 0.9), ("父母", 1.0))
_VILLAGE_POSTS = ("村党组织书记", "村委会主任", "村监委会主任", "村会计")
_UNIT_POSTS = ("局长", "党组书记", "副局长", "办公室主任")
_WORK_TITLES = (
    "关于{q}驻村（驻在）监督工作情况的通报",
    "关于{q}落实中央八项规定精神监督检查情况的通报",
    "关于{q}“签字背书”检查情况的通报",
)
_TOLERANCE_MATTERS = (
    "推进土地流转试点中，合同条款不完善，造成村集体少收租金",
    "疫情防控物资紧急采购中未履行比价程序",
    "招商引资项目前期，为加快进度先行开工后补办手续",
    "乡村振兴示范点建设中，先行先试的补贴方式与后出台的规定不一致",
)
_MALICIOUS = "经查，举报人捏造事实诬告他人，已移送有关党组织给予党纪处分并责令公开道歉"


class _Education:
    def __init__(self, b: _Batch) -> None:
        self.b = b
        self.rng = b.rng
        self.today = b.today
        self.cw = Casework(b)  # seeded timeline ids; acting for a unit; whether values can be sealed
        self.years = [self.today.year - 1, self.today.year]
        self.late = ""  # the unit that has not visited an education base yet this year

    def close(self) -> None:
        self.cw.close()

    @contextmanager
    def owned_by(self, unit: Unit, act_as_owner: bool) -> Iterator[None]:
        if act_as_owner and unit.unit_type in ("township", "group"):
            with self.cw.acting_for(unit.code):
                yield
        else:
            yield

    def quarters(self, n: int) -> list[str]:
        """The last ``n`` quarters, this one the last: the same number whatever the day."""
        year, q = parse_quarter(quarter_of(self.today))
        out = []
        for _ in range(n):
            out.append(f"{year}Q{q}")
            year, q = (year, q - 1) if q > 1 else (year - 1, 4)
        return out[::-1]

    @staticmethod
    def short(unit: Unit) -> str:
        """城关镇纪委 -> 城关, 派驻第三纪检监察组 -> 驻三组."""
        if unit.unit_type == "group" and unit.name.startswith("派驻第"):
            return f"驻{unit.name[3]}组"
        return _town(unit.name)[:2]

    def day(self, first: date, last: date) -> date | None:
        """A weekday between ``first`` and ``last`` (both included) and not after today."""
        last = min(last, self.today)
        if last < first:
            return None
        # One draw whatever the span (randint's draws vary with it): on another day, the same rows.
        d = first + timedelta(days=int(self.rng.random() * ((last - first).days + 1)))
        while d.weekday() >= 5 and d > first:
            d -= timedelta(days=1)
        return d

    # ---- one unit --------------------------------------------------------------------------
    def unit(self, unit: Unit) -> None:
        staff = self.b.live(Staff, Staff.unit_id == unit.id, Staff.left_on.is_(None))
        villages = (
            self.b.live(Village, Village.township_id == unit.id) if unit.unit_type == "township" else []
        )
        supervised = (
            self.b.live(SupervisedUnit, SupervisedUnit.group_id == unit.id)
            if unit.unit_type == "group"
            else []
        )
        self.pledges(unit, staff, villages, supervised)
        self.education(unit, villages, supervised)
        if unit.unit_type in ("township", "group", "county"):
            self.circulars(unit)
        if unit.unit_type in ("township", "group"):
            self.clearings(unit)
            self.tolerances(unit, supervised)

    def pledges(self, unit: Unit, staff: Sequence[Staff], villages: Sequence[Village],
                supervised: Sequence[SupervisedUnit]) -> None:  # fmt: skip
        year = self.today.year if self.today >= date(self.today.year, 3, 31) else self.today.year - 1
        first, last = date(year, 1, 4), date(year, 3, 31)
        skip = self.rng.randrange(len(staff) + 2) if staff else 0  # one staff member may not have signed
        for i, person in enumerate(staff):
            on = self.day(first, last)
            if on is None or i == skip:
                continue
            self.b.add("pledges", {"kind": "integrity", "unit_id": unit.id, "signed_on": on,
                                   "signer_type": "staff", "staff_id": person.id})  # fmt: skip
            if self.rng.random() < 0.4:
                relation = next(r for r, p in _RELATIONS if self.rng.random() < p)
                self.b.add("pledges", {"kind": "family", "unit_id": unit.id, "signed_on": on,
                                       "signer_type": "staff", "staff_id": person.id,
                                       "family_member": self.b.person()[0],
                                       "family_relation": relation})  # fmt: skip
        for village in self.b.pick(villages, min(4, len(villages))):
            on = self.day(first, last)
            if on is None:
                continue
            kind = "family" if self.rng.random() < 0.3 else "integrity"
            self.b.add("pledges", {"kind": kind, "unit_id": unit.id, "signed_on": on, "signer_type": "village",
                                   "village_id": village.id, "signer_name": self.b.person()[0],
                                   "signer_post": self.rng.choice(_VILLAGE_POSTS),
                                   "family_member": self.b.person()[0] if kind == "family" else "",
                                   "family_relation": "配偶" if kind == "family" else ""})  # fmt: skip
        for body in self.b.pick(supervised, 2):
            on = self.day(first, last)
            if on is not None:
                post = self.rng.choice(_UNIT_POSTS)
                self.b.add("pledges", {"kind": "integrity", "unit_id": unit.id, "signed_on": on,
                                       "signer_type": "cadre", "signer_name": self.b.person()[0],
                                       "signer_post": f"{body.name}{post}"})  # fmt: skip

    def party_orgs(
        self, unit: Unit, villages: Sequence[Village], supervised: Sequence[SupervisedUnit]
    ) -> str:
        if villages:
            names = [f"{_town(unit.name)}机关党支部"] + [f"{v.name}党支部" for v in self.b.pick(villages, 3)]
        elif supervised:
            names = [f"{s.name}党组（党支部）" for s in self.b.pick(supervised, 3)]
        else:
            names = [f"{unit.name}党支部"]
        return "、".join(names)

    def education(
        self, unit: Unit, villages: Sequence[Village], supervised: Sequence[SupervisedUnit]
    ) -> None:
        for year in self.years:
            # Not yet this year: a few units, and always the one the batch picked to be late.
            missed = year == self.today.year and (self.rng.random() < 0.25 or unit.id == self.late)
            if not missed:
                on = self.day(date(year, 1, 1), date(year, 11, 30))
                if on is not None:
                    place = self.rng.choice(_BASES)
                    self.b.add("warning_educations", {
                        "held_on": on, "unit_id": unit.id, "form": "base", "place": place,
                        "topic": self.rng.choice(_TOPICS), "participants": self.rng.randint(15, 60),
                        "party_orgs": self.party_orgs(unit, villages, supervised),
                        "summary": f"组织党员干部到{place}参观学习，重温入党誓词，观看警示教育展板",
                    })  # fmt: skip
            if self.rng.random() < 0.5:
                on = self.day(date(year, 1, 1), date(year, 12, 20))
                if on is not None:
                    film = self.rng.random() < 0.6
                    self.b.add("warning_educations", {
                        "held_on": on, "unit_id": unit.id, "form": "film" if film else "lesson",
                        "place": "会议室", "participants": self.rng.randint(10, 80),
                        "topic": f"观看警示教育片{self.rng.choice(_FILMS)}" if film else "以案说纪专题党课",
                        "party_orgs": self.party_orgs(unit, villages, supervised),
                    })  # fmt: skip

    def circulars(self, unit: Unit) -> None:
        prefix = f"{self.short(unit)}纪通"
        cases = [c for c in self.b.live(Case, Case.handling_unit_id == unit.id, Case.state == "concluded")
                 if not c.audience]  # fmt: skip
        numbers: dict[int, int] = {}
        for quarter in self.quarters(8):
            first, last = quarter_bounds(quarter)
            if self.rng.random() < 0.15:  # a quarter missed
                continue
            on = self.day(first, last)
            if on is not None:
                year = first.year
                numbers[year] = n = numbers.get(year, 0) + 1
                label = quarter_text(quarter)
                # As many draws whatever the cases (their number moves with the day): the rows
                # after these stay the same rows on another day.
                typical, which, title = self.rng.random() < 0.6, self.rng.random(), self.rng.random()
                case = cases[int(which * len(cases))] if cases and typical else None
                values: dict[str, Any] = {"number": f"{prefix}〔{year}〕{n}号", "issued_on": on, "unit_id": unit.id,
                                          "recipients": "各党支部，各村（社区）党组织" if unit.unit_type == "township"
                                          else "各被监督单位党组（党委）"}  # fmt: skip
                if case is not None:
                    what = "违纪违法"
                    values.update(kind="typical", case_id=case.id, person_id=case.person_id,
                                  title=f"关于{case.subject_name}{what}问题的通报",
                                  named=f"{case.subject_unit}{case.subject_post}{case.subject_name}{what}问题",
                                  body=f"现将{case.subject_name}{what}问题通报如下，各单位要以案为鉴、举一反三。")  # fmt: skip
                else:
                    values.update(kind="work", title=_WORK_TITLES[int(title * len(_WORK_TITLES))].format(q=label),
                                  body=f"现将{label}有关工作情况通报如下。")  # fmt: skip
                self.b.add("circulars", values)

    def clarified(self, unit: Unit) -> list[tuple[str, date]]:
        """The unit's clues a talk ended as 了结澄清 or a verification as 予以了结, not cleared yet."""
        found = [
            (i.clue_id, i.finished_on)
            for i in self.b.live(
                Inquiry, Inquiry.owner == unit.code, Inquiry.state == "done", Inquiry.outcome == "clarified"
            )
        ]
        found += [(v.clue_id, v.finished_on) for v in self.b.live(
            Verification, Verification.owner == unit.code, Verification.state == "done",
            Verification.outcome == "closed")]  # fmt: skip
        done = set(self.b.s.scalars(select(NameClearing.clue_id).where(NameClearing.deleted.is_(False))))
        return [(c, d) for c, d in found if c not in done and d is not None]

    def quiet_talk(self, unit: Unit) -> None:
        """A recent clue that a talk ended as 了结澄清 (the seed's history has few), received after
        the seed's period so that its figures stay as they are."""
        staff = self.b.live(Staff, Staff.unit_id == unit.id, Staff.left_on.is_(None))
        first = max(SEED_UNTIL + timedelta(days=15), self.today - timedelta(days=330))
        last = self.today - timedelta(days=45)
        if len(staff) < 2 or last < first or not self.cw.can_seal:
            return
        received = first + timedelta(days=int(self.rng.random() * ((last - first).days + 1)))
        villages = [v.name for v in self.b.live(Village, Village.township_id == unit.id)]
        departments = [u.name for u in self.b.live(SupervisedUnit, SupervisedUnit.group_id == unit.id)]
        who = self.cw.someone(unit, villages, departments)
        self.cw.enter_people([who], unit)
        leaders = [p for p in staff if p.post in ("secretary", "group_leader", "director")]
        self.cw.approver = (leaders or staff)[0].name
        self.cw.quiet_clue(unit, staff, who, received, self.cw.approver, "talk")
        self.b.s.flush()

    def clearings(self, unit: Unit) -> None:
        if len(self.clarified(unit)) < 2 and self.rng.random() < 0.8:
            self.quiet_talk(unit)
        found = self.clarified(unit)
        for k, (clue_id, finished) in enumerate(self.b.pick(found, self.rng.randint(1, 2))):
            on = self.day(finished + timedelta(days=3), finished + timedelta(days=30))
            if on is None:
                continue
            form = self.rng.choice(("meeting", "written", "circular"))
            values: dict[str, Any] = {"clue_id": clue_id, "unit_id": unit.id, "cleared_on": on, "form": form}
            if form == "meeting":
                values["scope"] = "被反映人所在单位党员干部大会"
            elif form == "written":
                values["scope"] = "书面告知本人及所在党组织"
            else:
                values["scope"] = "本辖区各党组织"
                clue_row = self.b.s.get(Clue, clue_id)
                name = clue_row.subject_name if clue_row is not None else ""
                values["circular_id"] = self.b.add("circulars", {
                    "number": f"{self.short(unit)}纪澄〔{on.year}〕{k + 1}号", "issued_on": on,
                    "unit_id": unit.id, "kind": "clearing", "title": f"关于为{name}同志澄清正名的通报",
                    "named": name, "body": f"经核查，反映{name}同志的问题不属实，予以澄清正名。"})  # fmt: skip
            if k == 0 and self.cw.can_seal and self.rng.random() < 0.5:
                values.update(malicious=True, accountability=_MALICIOUS)
            self.b.add("name_clearings", values)

    def tolerances(self, unit: Unit, supervised: Sequence[SupervisedUnit]) -> None:
        register = get_register("tolerances")
        for k in range(self.rng.randint(0, 2)):
            applied = self.day(date(self.years[0], 3, 1), self.today - timedelta(days=20))
            if applied is None:
                continue
            where = f"{_town(unit.name)}人民政府" if not supervised else self.rng.choice(supervised).name
            tid = self.b.add("tolerances", {
                "person_name": self.b.person()[0], "person_unit": where,
                "person_post": "副镇长" if not supervised else "副局长", "unit_id": unit.id,
                "applied_on": applied, "matter": self.rng.choice(_TOLERANCE_MATTERS)})  # fmt: skip
            if k == 1 and self.rng.random() < 0.5:
                continue  # still under way
            reviewed = applied + timedelta(days=self.rng.randint(5, 10))
            found = {
                name: self.rng.random() < 0.75 for name in ("no_experience", "not_forbidden", "not_for_self")
            }
            self.cw.flow.apply(register, tid, "review", {
                "reviewed_on": reviewed, "review_opinion": "经调查核实，对照“三个区分开来”逐项审查",
                "procedure_followed": self.rng.random() < 0.7, "loss_remedied": self.rng.random() < 0.8,
                **found}, "按容错免责办法审查")  # fmt: skip
            decision = "exempt" if all(found.values()) else ("reduced" if any(found.values()) else "refused")
            self.cw.flow.apply(register, tid, "decide", {
                "decision": decision, "decided_on": reviewed + timedelta(days=self.rng.randint(3, 10)),
                "decided_by": f"{_town(unit.name)}党委" if not supervised else "县纪委常委会"},
                "集体研究决定")  # fmt: skip
            self.b.s.flush()


def add_education(b: _Batch, own: Unit | None, unit_type: str, *, first: bool, seed_county: bool) -> None:
    """A batch's pledges, warning education, circulars, clearings and tolerances: on a first batch,
    for the installation's own unit (a county: itself and its offices), or in the seed county for
    every unit (each township's and group's rows owned by it). A later batch adds none."""
    if not first:
        return
    if unit_type == "county":
        types = ("county", "office", "township", "group") if seed_county else ("county", "office")
        units = sorted(b.live(Unit, Unit.unit_type.in_(types)), key=lambda u: u.code)
    else:
        units = [own] if own is not None else []
    e = _Education(b)
    e.late = units[len(units) // 2].id if units else ""
    try:
        for unit in units:
            with e.owned_by(unit, seed_county):
                e.unit(unit)
    finally:
        e.close()
