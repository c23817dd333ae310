"""One batch of demo changes (``_Batch``): the session, the seeded generators and ids, and adding,
editing and deleting records through the registers' own rules. Kept apart from ``app.demo.batch``,
which runs the batches, so that the modules making each register's demo records
(``app.demo.casework``, ``residency``, …) import it without importing what imports them."""

from __future__ import annotations

import hashlib
import random
import uuid
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from faker import Faker
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.registers import REGISTERS
from app.registers import get as get_register
from app.services.records import NotFoundError, RecordService, ValidationError

_SURNAMES = "王李张刘陈杨赵黄周吴徐孙马胡朱郭何罗高林郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程"
_VILLAGE_SUFFIXES = "庄村湾沟岭坪营堡洼寨店"
_PLACE_FIRST = "东西南北前后上下大小新老"
_PLACE_SECOND = "河山桥坡湖塘岗园坝店集林"


class _AlreadyApplied(Exception):
    """This batch's first record exists already: the seed was applied before."""


class _Batch:
    """One batch of demo changes inside one session, validated by the registers' rules."""

    def __init__(
        self, session: Session, records: RecordService, key: str, unit_code: str, today: date
    ) -> None:
        self.s = session
        self.records = records
        self.unit_code = unit_code
        self.today = today  # the day the demo's recent work is dated from
        self.rng = random.Random(f"jiwei-demo:{key}")
        # Ids are the seeded draws mixed with the unit's code: the same seed at two units makes
        # the same kind of data under different ids (their bundles meet at the county), and the
        # content drawn stays what it was.
        self.id_mask = int.from_bytes(hashlib.sha256(f"jiwei-demo-unit:{unit_code}".encode()).digest()[:16])
        self.fake = Faker("zh_CN")
        self.fake.seed_instance(f"jiwei-demo-faker:{key}")
        # The batch's first id marks it: if a row has it, the batch ran before.
        self._marker: str | None = self._draw_id()
        for model in {r.model for r in REGISTERS.values()}:
            if self.s.get(model, self._marker) is not None:
                raise _AlreadyApplied

    def _draw_id(self) -> str:
        return self.mixed_id(self.rng.getrandbits(128))

    def mixed_id(self, bits: int) -> str:
        """A record id from 128 seeded bits, made the installation's own."""
        return str(uuid.UUID(int=bits ^ self.id_mask, version=4))

    def new_id(self) -> str:
        if self._marker is not None:
            marker, self._marker = self._marker, None
            return marker
        return self._draw_id()

    # ---- people and places -------------------------------------------------------------
    def person(self) -> tuple[str, str]:
        """(name, gender)"""
        # zh_CN's name_male()/name_female() draw from the mixed list; build the name ourselves.
        if self.rng.random() < 0.3:
            return f"{self.fake.last_name()}{self.fake.first_name_female()}", "女"
        return f"{self.fake.last_name()}{self.fake.first_name_male()}", "男"

    def phone(self) -> str:
        return str(self.fake.phone_number())

    def village_name(self, township_name: str, taken: set[str]) -> str:
        for _attempt in range(500):
            r = self.rng.random()
            if r < 0.55:
                name = f"{self.rng.choice(_SURNAMES)}家{self.rng.choice(_VILLAGE_SUFFIXES)}村"
            elif r < 0.9 or not township_name.startswith("城关"):
                name = f"{self.rng.choice(_PLACE_FIRST)}{self.rng.choice(_PLACE_SECOND)}村"
            else:
                name = f"城{self.rng.choice('东西南北')}{self.rng.choice(_PLACE_SECOND)}社区"
            if name not in taken:
                taken.add(name)
                return name
        n = len(taken)
        while f"新建第{n}村" in taken:  # the plausible names are used up (after very many batches)
            n += 1
        taken.add(f"新建第{n}村")
        return f"新建第{n}村"

    # ---- changes ---------------------------------------------------------------------------
    def add(self, register: str, values: Mapping[str, Any]) -> str:
        """Validate like the edit form does, then insert with a seeded id. Warnings (a handler
        from the village of the person reported on, …) are confirmed, as a person reading them
        may; errors refuse the batch."""
        return self.records.save_in(
            self.s, get_register(register), values, new_id=self.new_id(), confirmed=True
        )

    def owns(self, register: str, row_id: str) -> bool:
        """Whether this installation owns the row, as the window requires before a change: the
        demo runs as the system, which ``RecordService`` lets change anything, but a unit that
        changes the county's row (a shared 办理期限) makes a bundle the county refuses."""
        row = self.s.get(get_register(register).model, row_id)
        return row is not None and row.owner in ("", self.unit_code)

    def edit(self, register: str, row_id: str, values: Mapping[str, Any]) -> bool:
        """Change a row this installation owns; leave any other alone (False)."""
        if not self.owns(register, row_id):
            return False
        self.records.save_in(self.s, get_register(register), values, row_id)
        return True

    def delete(self, register: str, row_id: str) -> bool:
        """Tombstone a row this installation owns unless live records still point to it (the
        same rule as the window)."""
        if not self.owns(register, row_id):
            return False
        try:
            self.records.delete_in(self.s, get_register(register), row_id)
        except (ValidationError, NotFoundError):
            return False
        return True

    # ---- queries ---------------------------------------------------------------------------
    def live(self, model: type[Any], *conditions: Any) -> list[Any]:
        """Live rows in id order (ids are seeded, so the order is too)."""
        stmt = select(model).where(model.deleted.is_(False), *conditions).order_by(model.id)
        return list(self.s.scalars(stmt))

    def pick(self, items: Sequence[Any], k: int) -> list[Any]:
        return self.rng.sample(list(items), min(k, len(items)))


def _split_exactly(total: int, weights: Sequence[float]) -> list[int]:
    """Integers proportional to ``weights`` summing to exactly ``total`` (largest remainder)."""
    scale = total / sum(weights)
    raw = [w * scale for w in weights]
    out = [int(x) for x in raw]
    by_remainder = sorted(range(len(raw)), key=lambda i: (raw[i] - out[i], -i), reverse=True)
    for i in by_remainder[: total - sum(out)]:
        out[i] += 1
    return out
