"""Migration 0010 makes the person register from the records a database holds: one person per
(owner, name, unit, post), every record linked, likely duplicates flagged and never merged, old
measures typed, the old participating group turned into a participation; the rows this
installation owns travel in its next bundle (a change-log entry each), other units' do not."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine, create_engine, select

from app.db import migrate
from app.models import Case, CaseUnit, Clue, Disposition, Inquiry, Person, Report
from app.registers.people import possible_duplicates
from app.services import login

pytestmark = pytest.mark.real_migrations

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _fill(engine: Engine, table: str, **values: Any) -> None:
    """Insert a row at the old schema, every NOT NULL column given a plain value."""
    columns = sa.inspect(engine).get_columns(table)
    row: dict[str, Any] = {}
    for c in columns:
        if c["name"] in values or c["nullable"] or c.get("default") is not None:
            continue
        kind = str(c["type"]).upper()
        row[c["name"]] = (
            False if "BOOL" in kind else 0 if "INT" in kind else date(2021, 1, 1) if kind == "DATE"
            else datetime(2021, 1, 1) if "DATETIME" in kind else ""
        )  # fmt: skip
    row.update(values)
    with engine.begin() as conn:
        conn.execute(sa.table(table, *(sa.column(k) for k in row)).insert().values(**row))


def _sync(owner: str, n: int) -> dict[str, Any]:
    return {"owner": owner, "version_origin": owner, "version_counter": n, "created_by": "admin",
            "updated_by": "admin", "deleted": False, "created_at": datetime(2021, 1, 1, 8, n)}  # fmt: skip


def test_people_made_linked_and_flagged(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    migrate.upgrade(engine, "0009")
    _fill(engine, "installation", id="i", unit_code="C01", unit_type="county", unit_name="县纪委监委",
          county_code="C01", county_name="示例县", admin_username="admin")  # fmt: skip
    _fill(engine, "units", id="u-t01", code="T01", name="城关镇纪委", unit_type="township", **_sync("C01", 1))
    _fill(engine, "units", id="u-g01", code="G01", name="第一派驻组", unit_type="group", **_sync("C01", 2))
    _fill(engine, "units", id="u-c01", code="C01", name="县纪委监委", unit_type="county", **_sync("C01", 3))
    person = {"subject_unit": "东风村村民委员会", "subject_post": "村委会主任", "subject_authority": "村级干部",
              "subject_is_object": True, "subject_is_member": True}  # fmt: skip
    # The same village cadre in a report and a clue of T01: one person. The county's own clue about
    # him makes another (another owner), flagged as a likely duplicate, not merged.
    _fill(engine, "reports", id="r1", received_on=date(2021, 2, 1), method="letter", subject_name="张三",
          **person, **_sync("T01", 4))  # fmt: skip
    _fill(engine, "clues", id="c1", number="T01-1", source="petition", received_on=date(2021, 2, 3),
          subject_name="张三", handling_unit_id="u-t01", **person, **_sync("T01", 5))  # fmt: skip
    _fill(engine, "clues", id="c2", number="C01-1", source="supervision", received_on=date(2021, 3, 3),
          subject_name="张三", handling_unit_id="u-c01", **person, **_sync("C01", 6))  # fmt: skip
    _fill(engine, "inquiries", id="q1", clue_id="c1", **_sync("T01", 7))
    # A township cadre under the old 乡（部门）管干部, in a case a group took part in.
    _fill(engine, "cases", id="k1", number="T01-A1", filed_on=date(2021, 4, 1), subject_name="李四",
          subject_unit="城关镇人民政府", subject_authority="乡（部门）管干部", subject_is_member=True,
          handling_unit_id="u-t01", group_id="u-g01", **_sync("T01", 8))  # fmt: skip
    # Measures of the old form-bound list: one about the clue's person, one named only there.
    _fill(engine, "dispositions", id="d1", person_name="张三", form="2", measure="政务警告",
          decided_on=date(2021, 5, 1), clue_id="c1", handling_unit_id="u-t01", **_sync("T01", 9))  # fmt: skip
    _fill(engine, "dispositions", id="d2", person_name="王五", form="1", measure="谈话提醒",
          decided_on=date(2021, 5, 2), handling_unit_id="u-t01", **_sync("T01", 10))  # fmt: skip

    migrate.upgrade(engine, "head")

    with engine.connect() as conn:
        people = {(p.owner, p.name, p.unit): p for p in conn.execute(select(Person)).all()}
        assert set(people) == {("C01", "张三", "东风村村民委员会"), ("T01", "李四", "城关镇人民政府"),
                               ("T01", "王五", ""), ("T01", "张三", "东风村村民委员会")}  # fmt: skip
        zhang = people[("T01", "张三", "东风村村民委员会")]
        assert (zhang.party_member, zhang.object_category, zhang.authority) == (True, "5", "村级干部")
        linked = {
            model.__tablename__: dict(conn.execute(select(model.id, model.person_id)).all())
            for model in (Report, Clue, Case, Inquiry, Disposition)
        }
        assert linked["reports"]["r1"] == linked["clues"]["c1"] == linked["inquiries"]["q1"] == zhang.id
        assert linked["dispositions"]["d1"] == zhang.id
        assert linked["clues"]["c2"] == people[("C01", "张三", "东风村村民委员会")].id
        assert linked["dispositions"]["d2"] == people[("T01", "王五", "")].id
        flagged = dict(conn.execute(select(Person.id, possible_duplicates())).all())
        assert flagged[zhang.id] == flagged[people[("C01", "张三", "东风村村民委员会")].id] == 1
        assert flagged[people[("T01", "李四", "城关镇人民政府")].id] is None
        assert conn.execute(select(Case.subject_authority)).scalar() == "乡镇管干部"
        assert conn.execute(select(Disposition.kind, Disposition.measure, Disposition.ends_on).where(
            Disposition.id == "d1")).one() == ("state", "警告", date(2021, 10, 31))  # fmt: skip
        assert conn.execute(select(CaseUnit.case_id, CaseUnit.unit_id)).all() == [("k1", "u-g01")]
        # Only the county's own person travels from here; T01's travel from T01 (same ids there).
        logged = conn.execute(sa.text("SELECT table_name, row_id FROM change_log")).all()
        assert logged == [("people", people[("C01", "张三", "东风村村民委员会")].id)]


def test_the_0_1_0_county_finds_every_record_with_its_person(tmp_path: Path) -> None:
    data_dir = tmp_path / "county"
    shutil.copytree(FIXTURES / "0.1.0" / "county", data_dir)
    opened = login.login(data_dir, None, "admin", "Fixture-2024a")
    try:
        with opened.db.session() as s:
            for model, total in ((Report, 17), (Clue, 30), (Case, 9), (Disposition, 22)):
                rows = s.execute(select(model.id, model.person_id)).all()
                assert len(rows) == total and all(pid for _id, pid in rows), model.__tablename__
            assert s.scalar(select(sa.func.count()).select_from(Person)) == 39
            assert not s.scalars(select(Disposition.id).where(Disposition.kind == "")).all()
            flagged = s.execute(
                select(Person.name, possible_duplicates()).where(possible_duplicates().is_not(None))
            ).all()
            assert flagged == []  # the 0.1.0 demo named every person once
    finally:
        opened.db.close()
