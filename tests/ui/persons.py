"""A person with a record, for the window's tests of 人员档案 and the forms' person fields."""

from __future__ import annotations

import secrets
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.context import Context
from app.db.database import Database
from app.registers import get
from app.services.records import RecordService
from app.services.transitions import Transitions

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "app"))
from apphelpers import conclude_case  # noqa: E402

KEY = secrets.token_bytes(32)


@dataclass
class Data:
    records: RecordService
    t1: str
    zhang: str
    twin: str
    li: str
    clue: str
    bare_clue: str  # 仅登记: about nobody
    warning: str


def person_data(db: Database) -> Data:
    """张三 with a clue, a case and two measures (a 警告 decided 2025-03-01, a 记过 decided
    2021-01-01), his namesake of the same unit, 李四 with nothing on record, and a clue about
    nobody (仅登记)."""
    records = RecordService(Context.system(db, "admin", sensitive_key=KEY))
    t1 = records.save(get("units"), {"code": "T01", "name": "城关镇纪委", "unit_type": "township"})
    people = get("people")
    zhang = records.save(people, {"name": "张三", "unit": "城关镇人民政府", "post": "副镇长", "party_member": True,
                                  "object_category": "1", "authority": "乡镇管干部", "id_number": "11010519491231002X"})  # fmt: skip
    twin = records.save(people, {"name": "张三", "unit": "城关镇人民政府", "post": "主任科员"})
    li = records.save(
        people, {"name": "李四", "unit": "河口乡人民政府", "post": "村主任", "rank": "村（社区）干部"}
    )
    clues = get("clues")
    clue = records.save(clues, {"source": "petition", "received_on": date(2024, 3, 1), "person_id": zhang,
                                "handling_unit_id": t1}, confirmed=True)  # fmt: skip
    Transitions(records).apply(
        clues, clue, "propose", {"proposed_handling": "talk", "approver": "陈书记"}, "拟办"
    )
    bare = records.save(clues, {"source": "superior", "received_on": date(2024, 1, 2), "register_only": True})
    case = records.save(get("cases"), {"number": "LA2024-01", "filed_on": date(2024, 5, 1), "person_id": zhang,
                                       "handling_unit_id": t1}, confirmed=True)  # fmt: skip
    conclude_case(records, case, date(2024, 12, 1))  # a sanction on a case follows its 审结
    measures = get("dispositions")
    base = {"person_id": zhang, "handling_unit_id": t1}
    warning = records.save(measures, {**base, "kind": "party", "measure": "警告", "decided_on": date(2025, 3, 1),
                                      "case_id": case})  # fmt: skip
    records.save(measures, {**base, "kind": "state", "measure": "记过", "decided_on": date(2021, 1, 1)})
    return Data(records, t1, zhang, twin, li, clue, bare, warning)
