"""An export reads the rows changed since the last one either by key (a few changed) or by reading
the table whole and keeping the changed ones (most changed): both give the same rows, each once."""

from __future__ import annotations

from typing import Any

import pytest
from apphelpers import OpenDb, init_installation
from sqlalchemy import select

from app.context import Context
from app.db.local import ChangeLog
from app.demo.batch import add_demo_batch
from app.sync import exchange
from app.sync.merge import synced_models


def _rows(db: Any, since: int) -> list[tuple[str, str, str]]:
    with db.session() as s:
        return sorted(
            (t.name, row["id"], repr(sorted(row.items()))) for t, row in exchange._changed_rows(s, since)
        )


def test_lookup_and_scan_give_the_same_rows(open_db: OpenDb, monkeypatch: pytest.MonkeyPatch) -> None:
    db = init_installation(open_db(), unit_type="township", code="T01", name="城关镇纪委")
    add_demo_batch(Context.system(db), 1)
    add_demo_batch(
        Context.system(db), 2
    )  # edits and deletes some rows of the first batch: several entries per row
    with db.session() as s:
        top = exchange._max_seq(s)
        entries = list(s.execute(select(ChangeLog.seq, ChangeLog.table_name, ChangeLog.row_id)))
    synced = set(synced_models()) - {"audit_log"}
    for since in (0, top // 2, top - 3):
        expected = {(t, r) for seq, t, r in entries if seq > since and t in synced}
        assert expected
        if since == 0:
            assert sum(1 for seq, t, _ in entries if t in synced) > len(expected)  # rows changed twice
        monkeypatch.setattr(exchange, "SCAN_SHARE", 0)  # every table looked up by key
        by_key = _rows(db, since)
        monkeypatch.setattr(exchange, "SCAN_SHARE", 10**9)  # every table read whole
        by_scan = _rows(db, since)
        assert by_key == by_scan
        assert [(t, r) for t, r, _ in by_key] == sorted(expected)  # each changed row once
