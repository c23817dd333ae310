"""A restored unit never issues a version or a bundle number twice (``app.sync.epoch``).

The unit sends a clue, is backed up, changes the clue and sends it again; then it is restored
from the backup and changes the clue once more. Without epochs the restored unit would issue the
same counter for different contents, and its next bundle would carry a sequence number the county
already holds (refused as stale, for ever until it catches up).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from apphelpers import PASSWORD, enrolled_pair
from sqlalchemy import select

from app.context import Context
from app.db.changelog import EPOCH
from app.models.casework import Clue
from app.registers import get
from app.security import audit
from app.security.audit import AuditEntry
from app.services.backup import backup, restore
from app.services.login import login
from app.services.records import RecordService
from app.sync import epoch, exchange
from app.sync.state import SyncConflict

CLUES = get("clues")


def _send(sender: Context, receiver: Context, stick: Path, to: str | None = None) -> exchange.Imported:
    [result] = exchange.import_bundles(receiver, [exchange.export_bundle(sender, stick, to).path])
    return result


def _version(ctx: Context, clue: str) -> tuple[str, int]:
    with ctx.db.session() as s:
        row = s.get(Clue, clue)
        assert row is not None
        return row.version_origin, row.version_counter


@pytest.mark.parametrize("noted", [True, False], ids=["same-pc", "new-pc"])
def test_a_restored_unit_starts_a_new_epoch(tmp_path: Path, noted: bool) -> None:
    pair = enrolled_pair(tmp_path)
    county, town = pair.county, pair.unit
    stick = tmp_path / "stick"
    stick.mkdir()
    folder = tmp_path / "T01"
    records = RecordService(town)
    clue = records.save(CLUES, {"source": "petition", "received_on": date(2026, 11, 2), "subject_name": "甲"},
                        confirmed=True)  # fmt: skip
    assert _send(town, county, stick).status == "imported"
    saved = backup(town, tmp_path / "t01.jwbak")
    records.save(CLUES, {"subject_name": "乙"}, clue, confirmed=True)
    assert _send(town, county, stick).status == "imported"
    lost_version = _version(town, clue)
    town.db.close()
    if not noted:  # restored onto another PC: nothing beside the database survived
        (folder / epoch.ISSUED).unlink()

    restore(saved, folder, password=PASSWORD, replace=True)
    town = login(folder, None, "admin", PASSWORD)
    if not noted:
        # The bundle number it would issue is one the county holds: refused as stale, until the
        # county's next bundle tells it where it stands.
        assert _send(town, county, stick).status == "refused"
        assert _send(county, town, stick, "T01").status == "imported"
    RecordService(town).save(CLUES, {"subject_name": "丙"}, clue, confirmed=True)
    origin, counter = _version(town, clue)
    assert origin == "T01" and counter >= EPOCH > lost_version[1]

    result = _send(town, county, stick)

    assert result.status == "imported", result.message
    assert RecordService(county).get(CLUES, clue)["subject_name"] == "丙"
    with county.db.session() as s:  # what the restore lost is kept at the county for a person
        [conflict] = s.scalars(select(SyncConflict)).all()
        assert conflict.local["fields"]["subject_name"] == "乙" and conflict.winner == "remote"
    # The audit chains: the restore's entry starts a new epoch of the township's chain, linked to
    # the backup's last entry; the county keeps the entries made after the backup as the branch
    # the restore cut off, and both chains verify.
    with town.db.session() as s:
        [restored] = s.scalars(select(AuditEntry).where(AuditEntry.action == audit.RESTORE_BACKUP)).all()
        assert restored.seq >= EPOCH and audit.check(s, "T01").ok
    with county.db.session() as s:
        assert audit.check(s, "T01").ok
        held = set(s.scalars(select(AuditEntry.hash).where(AuditEntry.owner == "T01")))
        assert restored.hash in held
    with town.db.session() as s:
        mine = set(s.scalars(select(AuditEntry.hash).where(AuditEntry.owner == "T01")))
    assert len(held - mine) > 0  # the entries made after the backup, kept at the county
