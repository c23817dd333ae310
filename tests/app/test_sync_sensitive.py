"""Sensitive fields across the exchange: every installation of a county seals under the county's
sensitive-field key (carried by the enrolment package), so a reporter a township typed is
readable at the county after its bundle is merged; the change log on neither side holds the value
or its sealed token."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from apphelpers import enrolled_pair
from sqlalchemy import select

from app.db.local import ChangeLog
from app.registers import get
from app.security.sensitive import ENCRYPTED, is_sealed
from app.services.records import RecordService
from app.sync import exchange

REPORTS = get("reports")
REPORTER = "举报人王秀英"


def test_a_reporter_typed_at_a_township_is_read_at_the_county(tmp_path: Path) -> None:
    pair = enrolled_pair(tmp_path)
    county, town = pair.county, pair.unit
    assert town.keys.sensitive == county.keys.sensitive  # one key for the county's installations
    assert town.keys.db != county.keys.db  # each database keeps its own key

    rid = RecordService(town).save(REPORTS, {
        "received_on": date(2022, 3, 1), "method": "letter", "named": True, "reporter": REPORTER,
        "reporter_contact": "13912345678", "subject_name": "郑某", "subject_unit": "河口乡人民政府",
    })  # fmt: skip
    stick = tmp_path / "stick"
    stick.mkdir()
    [result] = exchange.import_bundles(county, [exchange.export_bundle(town, stick).path])
    assert result.status == "imported" and result.summary is not None and result.summary.new >= 1

    at_county = RecordService(county).get(REPORTS, rid)
    assert at_county["reporter"] == REPORTER
    assert at_county["reporter_contact"] == "13912345678"
    for opened in (town, county):
        with opened.db.session() as s:
            [changes] = s.scalars(
                select(ChangeLog.changes).where(ChangeLog.row_id == rid, ChangeLog.op == "insert")
            ).all()
        assert changes["reporter"][1] == ENCRYPTED
        assert not any(is_sealed(v) for pair in changes.values() for v in pair if isinstance(v, str))
        assert REPORTER not in str(changes)
    county.db.close()
    town.db.close()


def test_a_unit_enrolled_without_the_key_keeps_its_own(tmp_path: Path) -> None:
    pair = enrolled_pair(tmp_path, "G01", "派驻第一纪检监察组", "group", share_sensitive_key=False)
    county, group = pair.county, pair.unit
    assert group.keys.sensitive is not None and group.keys.sensitive != county.keys.sensitive
    county.db.close()
    group.db.close()
