"""Demo 廉政意见回复 at the county: two requests (来函) of the 县委组织部, each naming cadres.

The older one (40 days before the batch's ``today``, for promotion) is answered: each name as the
county would, from what it holds on the day of the reply (``app.registers.integrity.held``): 有问题
with the facts while a measure binds, 暂缓 with the reason while a clue or case is open, 无问题
otherwise. The newer one (3 days old, 评先评优, due in a week) waits: its names are still 待回复,
each showing its proposal in the window. Both name people of the register with records (measures in
force, open clues), people with none, and people the register does not hold (written as the letter
gives them). Everything goes through the registers' own validation in the batch's session; the
steps through ``demo_casework.Casework`` (seeded timeline ids). Without the sensitive-field key no
facts or reasons can be written: those names are left 待回复.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from app.demo.casework import Casework
from app.models.people import Person
from app.registers import get as get_register
from app.registers.integrity import CLEAR, DEFER, ISSUES, held, same_people

if TYPE_CHECKING:
    from app.demo.changes import _Batch

LOOKED_AT = 200  # people of the register looked at for records, in id order
_POSTS = ("副局长", "股长", "副镇长", "党委委员", "村党支部书记", "办公室主任")


def _chinese_day(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def add_integrity(b: _Batch) -> None:
    people = b.live(Person)[:LOOKED_AT]
    if not people:
        return
    today = b.today
    older, newer = today - timedelta(days=40), today - timedelta(days=3)
    replied_on = older + timedelta(days=6)
    bound: list[Person] = []
    open_: list[Person] = []
    clean: list[Person] = []
    for p in people:
        found = held(b.s, same_people(b.s, p.id), replied_on)
        (bound if found.in_force else open_ if found else clean).append(p)
    year = today.year
    first = b.add("integrity_requests", {"letter_no": f"组干函〔{year}〕{b.rng.randint(10, 30)}号",
                                         "received_on": older, "purpose": "promotion",
                                         "due_on": older + timedelta(days=7), "note": "拟提拔科级领导干部人选"})  # fmt: skip
    second = b.add("integrity_requests", {"letter_no": f"组干函〔{year}〕{b.rng.randint(31, 60)}号",
                                          "received_on": newer, "purpose": "honour",
                                          "due_on": newer + timedelta(days=10), "note": "年度优秀共产党员推荐人选"})  # fmt: skip
    # The picks use their own generator and always take as many people, so that the batch draws
    # the same ids on any day: which people are bound or open depends on the day the demo is dated.
    pick = random.Random(f"jiwei-demo-integrity:{len(people)}")
    chosen = [*_sample(pick, bound, 2), *_sample(pick, open_, 1), *_sample(pick, clean, 3)]
    chosen += _sample(pick, [p for p in people if p not in chosen], 6 - len(chosen))
    first_ids = [b.add("integrity_replies", {"request_id": first, "person_id": p.id}) for p in chosen]
    first_ids += [_unlisted(b, first) for _ in range(2)]
    for p in _sample(pick, [p for p in people if p not in chosen], 4):
        b.add("integrity_replies", {"request_id": second, "person_id": p.id})
    _unlisted(b, second)
    cw = Casework(b)
    try:
        for rid, p in zip(first_ids, [*chosen, None, None], strict=True):
            _answer(b, cw, rid, p, replied_on)
    finally:
        cw.close()


def _sample(rng: random.Random, items: list[Person], k: int) -> list[Person]:
    return rng.sample(items, max(0, min(k, len(items))))


def _unlisted(b: _Batch, request: str) -> str:
    """A name the register does not hold, as the letter writes it."""
    name = b.person()[0]
    unit = b.rng.choice(["县财政局", "县教育局", "县自然资源局", "县卫生健康局"])
    return b.add("integrity_replies", {"request_id": request, "name": name, "unit": unit,
                                       "post": b.rng.choice(_POSTS)})  # fmt: skip


def _answer(b: _Batch, cw: Casework, rid: str, person: Person | None, on: date) -> None:
    found = held(b.s, same_people(b.s, person.id), on) if person is not None else None
    values: dict[str, Any] = {"replied_on": on, "signed_by": "县纪委监委主要负责同志", "answer": CLEAR}
    if found and found.in_force:
        values["answer"] = ISSUES
        values["facts"] = (
            "；".join(
                f"受到{title}" + (f"，影响期至{_chinese_day(ends)}" if ends else "")
                for title, ends in found.in_force
            )
            + "。"
        )
    elif found:
        values["answer"] = DEFER
        values["defer_reason"] = "有反映其问题的线索（案件）尚未办结，待办结后再行回复。"
    if values["answer"] != CLEAR and not cw.can_seal:
        return  # facts and reasons are sealed: without the key they wait for the officer
    cw.flow.apply(get_register("integrity_replies"), rid, "reply", values, "按来函要求回复廉政意见")
