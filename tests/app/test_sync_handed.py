"""A clue the county hands to a township goes with what it refers to: the county's report it was
made from. Without the report the township's database refused the county's bundle (foreign key)
at every import, and nothing else the county sent could arrive either."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from apphelpers import enrolled_pair
from sqlalchemy import select

from app.models.org import Unit
from app.registers import get
from app.services.intake import clue_values_from_report
from app.services.records import RecordService
from app.sync import exchange

REPORTS, CLUES = get("reports"), get("clues")


def test_a_handed_clue_brings_its_report(tmp_path: Path) -> None:
    pair = enrolled_pair(tmp_path)
    county, town, township = pair.county, pair.unit, pair.unit_id
    records = RecordService(county)

    report = records.save(REPORTS, {
        "received_on": date(2022, 3, 1), "method": "letter", "named": True, "reporter": "举报人李某",
        "subject_name": "郑某", "subject_unit": "城关镇人民政府", "category": "违反群众纪律",
    })  # fmt: skip
    values = clue_values_from_report(records, report)
    clue = records.save(CLUES, {**values, "handling_unit_id": township}, confirmed=True)
    other = records.save(
        REPORTS, {"received_on": date(2022, 3, 2), "method": "letter", "subject_name": "王某"}
    )

    stick = tmp_path / "stick"
    stick.mkdir()
    out = exchange.export_bundle(county, stick, to="T01")
    [result] = exchange.import_bundles(town, [out.path])
    assert result.status == "imported", result.message

    at_town = RecordService(town)
    assert at_town.get(CLUES, clue)["report_id"] == report
    assert at_town.get(REPORTS, report)["reporter"] == "举报人李某"  # the same county-wide key
    with town.db.session() as s:
        assert s.scalars(select(Unit.code).where(Unit.id == township)).one() == "T01"
    # Only what the clue needs: the county's other reports stay at the county.
    ids = set(at_town.ids(REPORTS))
    assert report in ids and other not in ids
    county.db.close()
    town.db.close()


def test_a_bundle_that_does_not_fit_is_refused_whole_and_the_next_one_imports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A signed bundle whose rows refer to rows the receiver lacks (here: the county leaves the
    report out) is refused with a message and changes nothing; the next, complete one imports."""
    pair = enrolled_pair(tmp_path)
    county, town, township = pair.county, pair.unit, pair.unit_id
    records = RecordService(county)
    report = records.save(
        REPORTS, {"received_on": date(2022, 3, 1), "method": "letter", "subject_name": "郑某"}
    )
    clue = records.save(CLUES, {**clue_values_from_report(records, report), "handling_unit_id": township},
                        confirmed=True)  # fmt: skip
    stick = tmp_path / "stick"
    stick.mkdir()
    with monkeypatch.context() as m:
        m.setattr(exchange, "referenced", lambda s, unit, since: {})
        broken = exchange.export_bundle(county, stick, to="T01")
    whole = exchange.export_bundle(county, stick, to="T01")
    first, second = exchange.import_bundles(town, [broken.path, whole.path])
    assert first.status == "refused" and first.message is not None
    assert "整个数据包未导入" in str(first.message)
    assert second.status == "imported"
    assert RecordService(town).get(CLUES, clue)["report_id"] == report
    county.db.close()
    town.db.close()
