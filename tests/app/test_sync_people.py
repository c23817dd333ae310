"""People travel like every other record: a unit's person goes with its clue to the county, where
people of several units who may be one are flagged (never merged); a county clue handed to a unit
takes its person along; a unit may not send a person it does not own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from apphelpers import EnrolledPair, send
from sqlalchemy import select, update

from app.models import Clue, Person
from app.registers import get
from app.registers.people import possible_duplicates
from app.services.records import RecordService


@pytest.fixture
def pair(exchange_pair: EnrolledPair) -> EnrolledPair:
    """The county on SQLite and on PostgreSQL."""
    return exchange_pair


def test_a_units_person_travels_with_its_clue_and_is_flagged_beside_the_countys(
    pair: EnrolledPair, tmp_path: Path
) -> None:
    county, town = pair.county, pair.unit
    clue = RecordService(town).save(get("clues"), {"source": "petition", "received_on": date(2026, 11, 2),
                                                   "subject_name": "张三", "subject_unit": "东风村村民委员会",
                                                   "subject_authority": "村级干部", "subject_is_object": True},
                                    confirmed=True)  # fmt: skip
    assert send(town, county, tmp_path).status == "imported"
    with county.db.session() as s:
        row = s.get(Clue, clue)
        assert row is not None and row.person_id is not None
        person = s.get(Person, row.person_id)
        assert person is not None and (person.owner, person.name, person.object_category) == (
            "T01",
            "张三",
            "5",
        )
    # The county records the same cadre for itself: another person, both flagged.
    own = RecordService(county).save(get("people"), {"name": "张三", "unit": "东风村村民委员会"})
    with county.db.session() as s:
        flags = dict(s.execute(select(Person.id, possible_duplicates())).all())
    assert flags[own] == flags[row.person_id] == 1


def test_a_handed_clue_takes_the_countys_person_to_the_unit(pair: EnrolledPair, tmp_path: Path) -> None:
    county, town = pair.county, pair.unit
    assert send(town, county, tmp_path).status == "imported"
    person = RecordService(county).save(
        get("people"), {"name": "李四", "unit": "县水利局", "party_member": True}
    )
    clue = RecordService(county).save(get("clues"), {"source": "superior", "received_on": date(2026, 11, 3),
                                                     "person_id": person, "handling_unit_id": pair.unit_id},
                                      confirmed=True)  # fmt: skip
    assert send(county, town, tmp_path, "T01").status == "imported"
    with town.db.session() as s:
        handed = s.get(Clue, clue)
        assert handed is not None and handed.subject_name == "李四" and handed.person_id == person
        assert s.get(Person, person) is not None


def test_a_unit_may_not_send_a_person_it_does_not_own(pair: EnrolledPair, tmp_path: Path) -> None:
    county, town = pair.county, pair.unit
    person = RecordService(town).save(get("people"), {"name": "王五"})
    with town.db.session() as s:  # an insider rewrites the owner
        s.execute(update(Person).where(Person.id == person).values(owner="T09"))
    result = send(town, county, tmp_path)
    assert result.status == "refused"
    assert f"people/{person}" in str(result.message)
    with county.db.session() as s:
        assert s.get(Person, person) is None
