"""A county after ten years: 8 township commissions and 10 dispatched groups, 2016-2025.

Targets (issue 14, item 7), each printed against a baseline measured in the same run:

a. importing one quarter's bundles (2026Q1) from all 18 units, ``exchange.import_bundles`` over
   the 18 signed, encrypted files (``read_bundle`` + the merge, one transaction each), at no less
   than 50% of the rate of the driver's own ``executemany`` of the same rows, as the database
   stores them, into the same tables of a copy of the same county (its indexes, its ten years of
   rows, the program's pragmas; new rows as INSERT, edited ones as UPDATE by id, in the merge's
   chunk size and key order, one commit); printed as well, for reference: the same with one
   transaction per unit, as each bundle is merged whole or not at all;
b. ``statistics.figures`` for one year (< 300 ms) and for every year (< 1 s), against the plain
   SQL of the same figures (the same GROUP BYs and counts as text statements, no ORM);
c. opening the largest register's page (``RegisterPage``, shown, the visible rows painted) in
   under 200 ms, against a bare ``QTableView`` over the register's ids (the ``SELECT id`` in the
   register's order and a one-column model);
d. the peak memory (``VmHWM``: ``ru_maxrss`` survives ``exec``, so a child of this large process
   reported this process's size) of a process showing the main window on the county, logged in,
   with the largest register and the statistics page opened, under 400 MB; baseline: a process
   showing a bare PySide6 window;
e. the size of the database file against the raw data (the rows as tab-separated UTF-8 text).

With ``--postgres`` (run it through ``scripts/with-postgres.sh``, which sets JIWEI_TEST_PG_URL)
the county is generated on that server too, and (a) and (b) are measured there against the same
baselines (the psycopg cursor's ``executemany``; the same SQL).

The county: the organisation (units, staff, villages, supervised units) is the county's own; each
unit's ten years of casework, residency visits and ledgers, their timelines (``transitions``) and
the unit's audit chain (hashes computed as ``app.security.audit`` does) are owned by the unit and
carry its versions, with the change-log entries the merge writes for received rows, as the county
holds them after forty quarters of bundles. Rows per ten years at ``--scale 1`` (county-wide):
``SPEC`` below, 2,090,000 in all (plus 1.6 million change-log entries). Generated with
``bulk.Writer`` (``executemany``), never through the ORM, and kept under ``--cache`` (default
``~/.cache/jiwei-desk-bench``) keyed by scale, generator version and schema, so later runs only
copy it. The enrolment is the program's own (``exchange.enrolment_package``); the bundles are
written with ``bundle.write_bundle`` under each unit's enrolled keys, their records made from rows
by ``merge.record_from_row`` as an export makes them: about 1/40 of each unit's rows new, plus
edits of 5% as many of its older clues (new version, base = the county's version).

Sensitive fields (reporters, clue summaries, reports) are left empty: sealing two million values
would measure the sealing, and nothing here reads them. Audit entries do not travel in bundles
today (the merge skips them), so the quarter's bundles carry none.

    .venv/bin/python bench/county_scale.py [--scale 0.1] [--rounds 3] [--runs 5]
        [--only import,stats,page,memory,size] [--profile import|stats] [--cache DIR]
    scripts/with-postgres.sh .venv/bin/python bench/county_scale.py --scale 1 --postgres --postgres-only

``--scale 1`` is the issue's county (generated once in about 15 minutes, 3.9 GB); the default 0.1
takes a minute and a half to generate. Figures measured on the development machine are in
bench/README.md.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import json
import os
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.context import Context  # noqa: E402

PASSWORD = "bench-pass-2022"
# Tables a unit's bundle may not carry (co-review opinions are the county's): generated as the county's.
COUNTY_KEEPS = ("co_reviews",)
GENERATOR = 2  # bump when the generated county changes shape: the cache key includes it
YEARS = tuple(range(2016, 2026))
QUARTER = (date(2026, 1, 1), date(2026, 3, 31))  # the quarter whose bundles are imported
YEAR = 2021  # the one year of the statistics figure
TOWNSHIPS = [
    (f"T{i:02d}", f"{n}镇纪委")
    for i, n in enumerate(["城关", "河口", "白沙", "青石", "柳溪", "龙泉", "桃源", "石门"], 1)
]
GROUPS = [(f"G{i:02d}", f"派驻第{n}纪检监察组") for i, n in enumerate("一二三四五六七八九十", 1)]
# Rows per ten years, county-wide, at --scale 1 (2,090,000).
SPEC = {
    "people": 80_000,
    "reports": 200_000,
    "visits": 200_000,
    "clues": 250_000,
    "inquiries": 60_000,
    "verifications": 30_000,
    "cases": 10_000,
    "co_reviews": 5_000,
    "dispositions": 300_000,
    "staff_ties": 5_000,
    "ledger_entries": 150_000,
    "transitions": 400_000,
    "audit_log": 400_000,
}
EDITS = 0.05  # a quarter's bundle also edits this many older clues per new row
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华平刚桂兰玉霞建国志文红梅飞鹏辉斌宇浩凯健俊帆"
WORDS = (
    "村集体", "三资管理", "惠农补贴", "低保评定", "工程项目", "违规发放", "优亲厚友", "吃拿卡要", "虚报冒领",
    "集体研究", "谈话提醒", "批评教育", "责令整改", "约谈", "走访群众", "查阅账目", "核实情况", "反映属实",
    "部分属实", "不属实", "已整改", "跟踪督办", "专项检查", "民主评议", "村务公开", "财务审核", "台账",
)  # fmt: skip
# The date that puts a row in its period (the register's sort date, the statistics' date).
MAIN_DATE = {
    "reports": "received_on", "clues": "received_on", "inquiries": "started_on", "verifications": "started_on",
    "cases": "filed_on", "co_reviews": "requested_on", "dispositions": "decided_on", "visits": "planned_on",
    "ledger_entries": "checked_on", "staff_ties": "declared_on",
}  # fmt: skip


# ---- generating rows ---------------------------------------------------------------------------
class Pools:
    """Texts to draw from, and the ids rows may refer to, per unit."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.names = [
            rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.randint(1, 2))) for _ in range(4000)
        ]
        self.short = ["".join(rng.choices(WORDS, k=rng.randint(1, 3))) for _ in range(2000)]
        self.long = ["，".join(rng.choices(WORDS, k=rng.randint(6, 24))) + "。" for _ in range(2000)]
        self.ids: dict[tuple[str, str], list[str]] = {}  # (unit code, table) -> ids
        self.unit_ids: dict[str, str] = {}
        self.county_id = ""

    def of(self, code: str, table: str) -> list[str]:
        return self.ids.setdefault((code, table), [])


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _stamp(day: date, rng: random.Random) -> datetime:
    return datetime(day.year, day.month, day.day, 8 + rng.randrange(10), rng.randrange(60), rng.randrange(60))


def _choices() -> dict[str, dict[str, list[str]]]:
    """Per table, the stored values of each choice field (any register over the table)."""
    from app.registers import REGISTERS

    out: dict[str, dict[str, list[str]]] = {}
    for reg in REGISTERS.values():
        table = reg.model.__table__.name  # type: ignore[attr-defined]
        for f in reg.fields:
            if f.choices:
                known = out.setdefault(table, {}).setdefault(f.name, [])
                known.extend(code for code, _ in f.choices if code not in known)
    return out


class Generator:
    """Rows (column key -> Python value) of the county's synchronised tables, as the program holds
    them: every column set, strings within their columns' lengths, references valid."""

    def __init__(self, seed: int) -> None:
        from app.db.base import Base
        from app.security import sensitive

        self.rng = random.Random(seed)
        self.pools = Pools(self.rng)
        self.tables = Base.metadata.tables
        self.choices = _choices()
        self.secret = sensitive.sensitive_columns()
        self.counters: dict[str, int] = {}
        self.audit_tail: dict[str, tuple[int, str]] = {}

    def _text(self, column: Any, long: bool = False) -> str:
        pool = self.pools.long if long else self.pools.short
        value = pool[self.rng.randrange(len(pool))]
        length = getattr(column.type, "length", None)
        return value[:length] if length else value

    def _system(self, code: str, stamp: datetime) -> dict[str, Any]:
        counter = self.counters[code] = self.counters.get(code, 0) + 1
        return dict(owner=code, version_origin=code, version_counter=counter, base_origin="", base_counter=0,
                    created_at=stamp, created_by="admin", updated_at=stamp, updated_by="admin", deleted=False)  # fmt: skip

    def row(self, table_name: str, code: str, first: date, last: date) -> dict[str, Any]:
        """One new row of ``table_name`` owned by unit ``code``, dated between ``first`` and ``last``."""
        from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, Text

        from app.db.base import field_columns

        rng, pools = self.rng, self.pools
        table = self.tables[table_name]
        day = first + timedelta(days=rng.randrange((last - first).days + 1))
        stamp = _stamp(day, rng)
        row: dict[str, Any] = {"id": _uuid(rng)}
        choices = self.choices.get(table_name, {})
        secret = self.secret.get(table_name, ())
        unit = pools.unit_ids[code]
        is_group = code.startswith("G")
        for c in field_columns(table):
            k = c.key
            fks = [fk.column.table.name for fk in c.foreign_keys]
            if k in secret:
                row[k] = "" if not c.nullable else None
            elif fks:
                target = fks[0]
                if target == "units":
                    row[k] = (
                        unit
                        if k in ("handling_unit_id", "unit_id", "township_id", "group_id", "office_id")
                        else None
                    )
                    if k == "group_id" and not is_group:
                        row[k] = None
                else:
                    ids = pools.of(code, target)  # the unit's own staff, villages, clues …
                    wanted = not c.nullable or rng.random() < {
                        "staff": 0.9,
                        "people": 0.95,
                        "clues": 0.3,
                        "reports": 0.3,
                    }.get(target, 0.0)
                    row[k] = ids[rng.randrange(len(ids))] if ids and wanted else None
            elif k in choices:
                row[k] = rng.choice(choices[k])
            elif isinstance(c.type, Boolean):
                row[k] = rng.random() < 0.2
            elif isinstance(c.type, Date):
                row[k] = day if k == MAIN_DATE.get(table_name) or not c.nullable else (
                    day + timedelta(days=rng.randrange(1, 60)) if rng.random() < 0.5 else None)  # fmt: skip
            elif isinstance(c.type, DateTime):
                row[k] = stamp
            elif isinstance(c.type, Integer):
                row[k] = rng.randrange(0, 30)
            elif isinstance(c.type, JSON):
                row[k] = []
            else:
                row[k] = self._text(c, long=isinstance(c.type, Text) and not getattr(c.type, "length", None))
        self._meaning(table_name, row, code, day)
        row.update(self._system(code, stamp))
        pools.of(code, table_name).append(row["id"])
        return row

    def _meaning(self, table: str, row: dict[str, Any], code: str, day: date) -> None:
        """The columns the statistics and the pages read, set as the program would."""
        from app.quarters import quarter_of
        from app.registers.sanctions import DEFAULT_FORMS

        rng, pools = self.rng, self.pools
        name_fields = ("subject_name", "person_name", "liaison_name", "reviewer")
        for k in name_fields:
            if k in row:
                row[k] = pools.names[rng.randrange(len(pools.names))]
        if "number" in row:
            row["number"] = f"{code}-{day.year}-{self.counters.get(code, 0) + 1:06d}"
        if "quarter" in row:
            row["quarter"] = quarter_of(day)
        if table == "dispositions":
            row["form"] = rng.choice("1111112234")
            row["kind"], row["measure"] = rng.choice([k for k, f in DEFAULT_FORMS.items() if f == row["form"]])
            row["org_name"] = ""
            row["guided"] = rng.random() < 0.1
            row["guided_by_id"] = pools.county_id if row["guided"] else None
        elif table == "clues":
            row["source"] = "inspection" if code.startswith("G") and rng.random() < 0.4 else row["source"]
            row["decided_on"] = day if row["disposal"] else None
            row["duplicate_of"] = None
        elif table in ("visits", "ledger_entries"):
            if code.startswith("G"):
                row["village_id"] = None
                ids = pools.of(code, "supervised_units")
                row["supervised_unit_id"] = ids[rng.randrange(len(ids))] if ids else None
            else:
                row["supervised_unit_id"] = None
                ids = pools.of(code, "villages")
                row["village_id"] = ids[rng.randrange(len(ids))] if ids else None
            if table == "visits":
                row["code"] = f"{code}{rng.getrandbits(40):010x}"
        elif table == "transitions":
            clues = pools.of(code, "clues")
            row["register"] = "clues"
            row["record_id"] = clues[rng.randrange(len(clues))] if clues else row["id"]
            states = self.choices["clues"]["state"]
            row["from_state"], row["to_state"] = rng.choice(states), rng.choice(states)
            row["action"] = "dispose"

    def audit(self, code: str, first: date, last: date) -> dict[str, Any]:
        """The next entry of unit ``code``'s audit chain, hashed as ``app.security.audit`` does."""
        from app.security import audit

        rng = self.rng
        day = first + timedelta(days=rng.randrange((last - first).days + 1))
        seq, prev = self.audit_tail.get(code, (0, audit.GENESIS))
        clues = self.pools.of(code, "clues")
        entry = SimpleNamespace(
            owner=code, seq=seq + 1, at=_stamp(day, rng), actor="admin",
            action=rng.choice((audit.CREATE, audit.UPDATE, audit.VIEW_SENSITIVE if hasattr(audit, "VIEW_SENSITIVE") else audit.UPDATE)),
            target_table="clues", target_id=clues[rng.randrange(len(clues))] if clues else "",
            fields=sorted(rng.sample(["state", "disposal", "summary", "handler_id", "decided_on"], 2)),
            detail="", alg=audit.ALGORITHM, prev_hash=prev,
        )  # fmt: skip
        entry.hash = audit.compute_hash(entry)
        self.audit_tail[code] = (entry.seq, entry.hash)
        row = dict(vars(entry), id=_uuid(rng))
        row.update(self._system(code, entry.at))
        return row

    def edit(self, table_name: str, old: dict[str, Any], code: str, stamp: datetime) -> dict[str, Any]:
        """A newer version of the unit's row ``old`` (as the unit edits it: base = what the county holds)."""
        row = dict(old)
        states = self.choices.get(table_name, {}).get("state")
        if states:
            row["state"] = self.rng.choice(states)
        if "approver" in row:
            row["approver"] = self.pools.names[self.rng.randrange(len(self.pools.names))]
        counter = self.counters[code] = self.counters.get(code, 0) + 1
        row.update(base_origin=old["version_origin"], base_counter=old["version_counter"],
                   version_origin=code, version_counter=counter, updated_at=stamp, updated_by="admin")  # fmt: skip
        return row


def _log_entry(table: str, row: dict[str, Any], masked: frozenset[str] | tuple[str, ...]) -> dict[str, Any]:
    """The change-log entry the merge writes for a received new row."""
    from app.db.base import Base, field_columns
    from app.db.changelog import jsonable

    changes = {
        c.key: [None, "***" if c.key in masked else jsonable(row[c.key])]
        for c in field_columns(Base.metadata.tables[table])
        if row.get(c.key) is not None
    }
    changes["deleted"] = [None, False]
    return dict(table_name=table, row_id=row["id"], op="insert", origin=row["version_origin"],
                counter=row["version_counter"], changes=changes, at=row["updated_at"], by=row["updated_by"])  # fmt: skip


def _raw_size(row: dict[str, Any]) -> int:
    """Bytes of the row as one line of tab-separated UTF-8 text (NULL as an empty field)."""
    return sum(len(str(v).encode("utf-8")) for v in row.values() if v is not None) + len(row)


# ---- the county --------------------------------------------------------------------------------
def schema_key() -> str:
    """The migrations (their text) and the tables' columns and indexes: a cached county of
    another schema is not used."""
    from app.db.base import Base

    h = hashlib.sha256()
    for p in sorted((ROOT / "app" / "migrations" / "versions").glob("*.py")):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    for t in Base.metadata.sorted_tables:
        h.update(f"{t.name}:{','.join(f'{c.name} {c.type}' for c in t.columns)};".encode())
        for index in sorted(t.indexes, key=lambda i: str(i.name)):
            h.update(f"{index.name}({','.join(c.name for c in index.columns)});".encode())
    return h.hexdigest()[:10]


def build_county(folder: Path, url: str | None, scale: float, log: Callable[[str], None]) -> dict[str, Any]:
    """The county installation in ``folder`` (on ``url``, else its SQLite file), its units enrolled,
    ten years of rows; returns what the bench needs later (keys, counters, sizes)."""
    from sqlalchemy import select, update

    from app.db.local import ChangeLog
    from app.models.org import Unit
    from app.registers import get
    from app.services.installation import SetupRequest
    from app.services.login import create
    from app.services.records import RecordService
    from app.sync import exchange
    from app.sync.bulk import Writer
    from app.sync.state import SyncPeer

    started = time.perf_counter()
    ctx = create(folder, url, SetupRequest(
        unit_type="county", unit_code="C01", unit_name="测试县纪委监委", county_code="C01",
        county_name="测试县", admin_username="admin", admin_password=PASSWORD,
    ))  # fmt: skip
    db = ctx.db
    records = RecordService(Context.system(db, "admin"))
    units = get("units")
    for code, name in TOWNSHIPS + GROUPS:
        unit_type = "township" if code.startswith("T") else "group"
        records.save(units, {"code": code, "name": name, "unit_type": unit_type, "authorised_posts": 5})
    gen = Generator(seed=2026)
    pools = gen.pools
    with db.session("bench") as s:
        for uid, code in s.execute(select(Unit.id, Unit.code)):
            pools.unit_ids[code] = uid
    pools.county_id = pools.unit_ids["C01"]
    codes = [c for c, _ in TOWNSHIPS + GROUPS]
    sizes: dict[str, int] = {}
    counts: dict[str, int] = {}
    first, last = date(YEARS[0], 1, 1), date(YEARS[-1], 12, 31)

    def write(table: str, rows: list[dict[str, Any]], logs: bool = True) -> None:
        with db.engine.begin() as conn:
            Writer.of(conn, gen.tables[table]).inserts(rows)  # type: ignore[arg-type]
            if logs:
                masked = gen.secret.get(table, frozenset())
                Writer.of(conn, ChangeLog.__table__).inserts([_log_entry(table, r, masked) for r in rows])  # type: ignore[arg-type]
        sizes[table] = sizes.get(table, 0) + sum(_raw_size(r) for r in rows)
        counts[table] = counts.get(table, 0) + len(rows)

    # The county's organisation: its own rows (version C01), as it sends them to every unit.
    reference: dict[str, list[dict[str, Any]]] = {"staff": [], "villages": [], "supervised_units": []}
    for code in codes:
        pools.unit_ids.setdefault(code, pools.unit_ids[code])
        for _ in range(12):
            reference["staff"].append(gen.row("staff", code, first, last))
        if code.startswith("T"):
            reference["villages"] += [gen.row("villages", code, first, last) for _ in range(18)]
        else:
            reference["supervised_units"] += [
                gen.row("supervised_units", code, first, last) for _ in range(10)
            ]
    for table, rows in reference.items():
        for r in rows:  # the county's own rows; the unit it belongs to keeps its pool
            pools.of("C01", table).append(r["id"])
            r.update(owner="C01", version_origin="C01")
        write(table, rows)

    # Enrolment, the program's own: keys recorded at the county, each unit's package kept.
    keys: dict[str, dict[str, str]] = {}
    system = Context.system(db, "admin", keys=ctx.keys)
    for code in codes:
        package = exchange.enrolment_package(system, code)
        keys[code] = {
            "signing_private": package["keys"]["signing_private"],
            "identity": package["keys"]["identity"],
        }
    county_recipient = package["county"]["recipient"]
    log(f"  organisation and enrolment: {time.perf_counter() - started:.1f} s")

    # Ten years of each unit's rows, table by table in reference order.
    per_unit = {t: max(1, round(n * scale / len(codes))) for t, n in SPEC.items()}
    for table in SPEC:
        t0 = time.perf_counter()
        for code in codes:
            batch: list[dict[str, Any]] = []
            for _ in range(per_unit[table]):
                row = gen.audit(code, first, last) if table == "audit_log" else gen.row(table, code, first, last)
                if table in COUNTY_KEEPS:  # the county's opinion on the unit's case
                    row.update(owner="C01", version_origin="C01")
                batch.append(row)
                if len(batch) == 10_000:
                    write(table, batch, logs=table != "audit_log")
                    batch = []
            if batch:
                write(table, batch, logs=table != "audit_log")
        log(f"  {table}: {counts[table]:,} rows in {time.perf_counter() - t0:.1f} s")
    with db.session("bench") as s:  # forty quarters of bundles received from every unit
        s.execute(update(SyncPeer).values(received_sequence=40))
    if db.engine.dialect.name == "sqlite":
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    else:
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")  # what autovacuum does on its own, done now
    db.close()
    return {
        "scale": scale,
        "keys": keys,
        "county_recipient": county_recipient,
        "counters": gen.counters,
        "audit_tail": {k: list(v) for k, v in gen.audit_tail.items()},
        "counts": counts,
        "raw_bytes": sizes,
        "seconds": time.perf_counter() - started,
    }


def cached_county(cache: Path, scale: float, log: Callable[[str], None]) -> tuple[Path, dict[str, Any]]:
    """The county's folder in the cache, generated first when absent."""
    place = cache / f"county-s{scale:g}-g{GENERATOR}-{schema_key()}"
    meta_path = place / "meta.json"
    if meta_path.exists():
        return place / "county", json.loads(meta_path.read_text())
    if place.exists():
        shutil.rmtree(place)  # an interrupted build
    place.mkdir(parents=True)
    log(f"generating the county at scale {scale:g} into {place}")
    meta = build_county(place / "county", None, scale, log)
    meta_path.write_text(json.dumps(meta))
    return place / "county", meta


# ---- a quarter's bundles -----------------------------------------------------------------------
def quarter_bundles(
    db: Any, meta: dict[str, Any], out: Path, scale: float
) -> tuple[list[Path], dict[str, list[str]], dict[str, list[str]]]:
    """Each unit's bundle of 2026Q1, written with its enrolled keys; the ids of the new rows and of
    the edited rows, per table."""
    from sqlalchemy import select

    from app.db.base import Base
    from app.models.org import Unit
    from app.sync.bundle import write_bundle
    from app.sync.merge import record_from_row

    gen = Generator(seed=2027)
    gen.counters = dict(meta["counters"])
    gen.audit_tail = {k: (int(v[0]), str(v[1])) for k, v in meta["audit_tail"].items()}
    pools = gen.pools
    clues = gen.tables["clues"]
    with db.session("bench") as s:
        conn = s.connection()
        for uid, code in s.execute(select(Unit.id, Unit.code)):
            pools.unit_ids[code] = uid
        pools.county_id = pools.unit_ids["C01"]
        for table in ("reports", "visits", "clues", "cases", "staff", "villages", "supervised_units"):
            t = gen.tables[table]
            if table in ("staff", "villages", "supervised_units"):
                pools.of("C01", table).extend(conn.execute(select(t.c.id)).scalars())
                column = t.c[
                    {"staff": "unit_id", "villages": "township_id", "supervised_units": "group_id"}[table]
                ]
                for rid, uid in conn.execute(select(t.c.id, column)):
                    code = next(c for c, u in pools.unit_ids.items() if u == uid)
                    pools.of(code, table).append(rid)
            else:
                for rid, owner in conn.execute(select(t.c.id, t.c.owner)):
                    pools.of(owner, table).append(rid)
    codes = [c for c, _ in TOWNSHIPS + GROUPS]
    new: dict[str, list[str]] = {}
    edited: dict[str, list[str]] = {}
    paths = []
    for code in codes:
        rows: list[tuple[str, dict[str, Any]]] = []
        for table, n in SPEC.items():
            if table == "audit_log" or table in COUNTY_KEEPS:
                continue
            for _ in range(max(1, round(n * scale / len(codes) / 40))):
                rows.append((table, gen.row(table, code, *QUARTER)))
        old_ids = pools.of(code, "clues")[: -len([r for t, r in rows if t == "clues"])]
        picked = gen.rng.sample(old_ids, min(len(old_ids), max(1, round(len(rows) * EDITS))))
        with db.session("bench") as s:
            olds = [
                dict(r)
                for r in s.connection().execute(select(clues).where(clues.c.id.in_(picked))).mappings()
            ]
        stamp = datetime(2026, 2, 15, 10, 0, 0)
        rows += [("clues", gen.edit("clues", old, code, stamp)) for old in olds]
        for table, r in rows:
            (edited if r["base_counter"] else new).setdefault(table, []).append(r["id"])
        order = {t.name: i for i, t in enumerate(Base.metadata.sorted_tables)}
        rows.sort(key=lambda tr: order[tr[0]])
        records = [record_from_row(gen.tables[t], r) for t, r in rows]  # type: ignore[arg-type]
        # The unit's audit entries of the quarter, continuing the chain the county holds, after its
        # other records (as an export writes them), with the chain's head in the payload.
        entries = [gen.audit(code, *QUARTER) for _ in range(len(rows))]
        new.setdefault("audit_log", []).extend(e["id"] for e in entries)
        records += [record_from_row(gen.tables["audit_log"], e) for e in entries]  # type: ignore[arg-type]
        head_seq, head_hash = gen.audit_tail[code]
        counts: dict[str, int] = {}
        vector: dict[str, int] = {}
        for rec in records:
            counts[rec["table"]] = counts.get(rec["table"], 0) + 1
            vector[code] = max(vector.get(code, 0), rec["version"]["counter"])
        header = {
            "county": "C01", "sender": code, "recipient": "C01", "sequence": 41,
            "payload": {"upto": vector[code], "ack": 0, "revoked": [], "counts": counts, "version_vector": vector,
                        "audit": {"seq": head_seq, "hash": head_hash}},
        }  # fmt: skip
        paths.append(write_bundle(out, header=header, records=records, signing_key=meta["keys"][code]["signing_private"],
                                  recipient=meta["county_recipient"], file_name=f"{code}-00041-20260401.jwb"))  # fmt: skip
    return paths, new, edited


# ---- (a) import ----------------------------------------------------------------------------------
def stored_rows(db: Any, ids: dict[str, list[str]]) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """The rows with these ids as the database holds them (the driver's values, no type adaptation)."""
    from app.db.base import Base

    out = {}
    raw = db.engine.raw_connection()
    try:
        cur = raw.cursor()
        mark = "?" if db.engine.dialect.name == "sqlite" else "%s"
        for table, wanted in ids.items():
            columns = [c.name for c in Base.metadata.tables[table].columns]
            rows: list[tuple[Any, ...]] = []
            for i in range(0, len(wanted), 500):
                part = wanted[i : i + 500]
                cur.execute(
                    f"SELECT {', '.join(columns)} FROM {table} WHERE id IN ({', '.join([mark] * len(part))})",
                    part,
                )
                rows.extend(tuple(r) for r in cur.fetchall())
            assert len(rows) == len(wanted), (table, len(rows), len(wanted))
            out[table] = (columns, rows)
    finally:
        raw.close()
    return out


def raw_write(db: Any, new: dict[str, Any], edited: dict[str, Any], *, per_unit: bool = False) -> float:
    """Seconds for the driver's ``executemany`` of the rows (INSERT the new, UPDATE the edited by
    id), in the merge's chunks sorted by key, and the commit. ``per_unit``: one transaction per
    unit's rows (as each bundle is merged in a transaction of its own), else one for all."""
    from app.sync.merge import CHUNK

    mark = "?" if db.engine.dialect.name == "sqlite" else "%s"
    units: dict[str, list[tuple[str, str, list[str], list[tuple[Any, ...]]]]] = {}
    for op, tables in (("insert", new), ("update", edited)):
        for table, (columns, rows) in tables.items():
            owner = columns.index("owner")
            for code in sorted({r[owner] for r in rows}) if per_unit else [""]:
                part = [r for r in rows if r[owner] == code] if per_unit else rows
                units.setdefault(code, []).append((op, table, columns, part))
    if db.engine.dialect.name != "sqlite":  # the driver reads JSON columns as lists; write them as JSON
        from psycopg.types.json import Json

        for work in units.values():
            for n, (op, table, columns, rows) in enumerate(work):
                work[n] = (
                    op,
                    table,
                    columns,
                    [tuple(Json(v) if isinstance(v, list | dict) else v for v in r) for r in rows],
                )
    raw = db.engine.raw_connection()
    try:
        cur = raw.cursor()
        start = time.perf_counter()
        for work in units.values():
            for op, table, columns, rows in work:
                key = columns.index("id")
                if op == "insert":
                    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})"
                else:
                    others = [i for i, c in enumerate(columns) if c != "id"]
                    sql = f"UPDATE {table} SET {', '.join(f'{columns[i]} = {mark}' for i in others)} WHERE id = {mark}"
                for i in range(0, len(rows), CHUNK):
                    chunk = sorted(rows[i : i + CHUNK], key=lambda r: r[key])
                    if op == "update":
                        chunk = [tuple(r[j] for j in others) + (r[key],) for r in chunk]
                    cur.executemany(sql, chunk)
            raw.commit()
        return time.perf_counter() - start
    finally:
        raw.close()


class Copies:
    """Fresh copies of the generated county, one per measurement: a folder copy on SQLite, a
    database made from the generated one as its template on PostgreSQL."""

    def __init__(self, source: Path, work: Path, url: str | None) -> None:
        self.source, self.work, self.url, self.n = source, work, url, 0

    def make(self) -> tuple[Path, str | None]:
        self.n += 1
        folder = self.work / f"copy{self.n}"
        shutil.copytree(self.source, folder)
        if self.url is None:
            return folder, None
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url

        base = make_url(self.url)
        name = f"{base.database}_copy{self.n}"
        engine = create_engine(base, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{base.database}"')
        engine.dispose()
        return folder, base.set(database=name).render_as_string(hide_password=False)

    def drop(self, folder: Path, url: str | None) -> None:
        shutil.rmtree(folder)
        if url is not None:
            from sqlalchemy import create_engine
            from sqlalchemy.engine import make_url

            engine = create_engine(make_url(self.url), isolation_level="AUTOCOMMIT")  # type: ignore[arg-type]
            with engine.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE "{make_url(url).database}"')
            engine.dispose()


def measure_import(
    copies: Copies,
    meta: dict[str, Any],
    work: Path,
    scale: float,
    rounds: int,
    profile: bool,
    log: Callable[[str], None],
) -> dict[str, Any]:
    from app.services.login import login
    from app.sync import exchange

    folder, url = copies.make()
    db = login(folder, url, "admin", PASSWORD).db
    stick = work / "stick"
    stick.mkdir(exist_ok=True)
    t0 = time.perf_counter()
    paths, new_ids, edited_ids = quarter_bundles(db, meta, stick, scale)
    log(
        f"  18 bundles written in {time.perf_counter() - t0:.1f} s, {sum(p.stat().st_size for p in paths) / 1e6:.1f} MB"
    )
    db.close()
    copies.drop(folder, url)
    n_new = sum(len(v) for v in new_ids.values())
    n_edit = sum(len(v) for v in edited_ids.values())
    imports, raws, per_units = [], [], []
    new_rows = edited_rows = None
    profiler = cProfile.Profile() if profile else None
    for attempt in range(rounds):
        folder, url = copies.make()
        ctx = login(folder, url, "admin", PASSWORD)
        prof = profiler if attempt == 0 else None
        start = time.perf_counter()
        if prof:
            prof.enable()
        results = exchange.import_bundles(Context.system(ctx.db, "admin", keys=ctx.keys), paths)
        if prof:
            prof.disable()
        imports.append(time.perf_counter() - start)
        for r in results:
            assert r.status == "imported", (r.path.name, r.status, r.message and str(r.message))
        # The merge counts the rows it applied; audit entries are kept apart (``audit_travel``).
        assert sum(r.summary.new for r in results if r.summary) == n_new - len(new_ids.get("audit_log", ()))
        assert sum(r.summary.updated for r in results if r.summary) == n_edit
        if new_rows is None:
            new_rows, edited_rows = stored_rows(ctx.db, new_ids), stored_rows(ctx.db, edited_ids)
        ctx.db.close()
        copies.drop(folder, url)

        for per_unit, out in ((False, raws), (True, per_units)):
            folder, url = copies.make()
            ctx = login(folder, url, "admin", PASSWORD)
            out.append(raw_write(ctx.db, new_rows, edited_rows or {}, per_unit=per_unit))
            ctx.db.close()
            copies.drop(folder, url)
        log(f"  round {attempt + 1}: import {imports[-1]:.2f} s, raw executemany {raws[-1]:.2f} s, "
            f"one transaction per unit {per_units[-1]:.2f} s")  # fmt: skip
    return {
        "new": n_new,
        "edited": n_edit,
        "imports": imports,
        "raws": raws,
        "per_unit": per_units,
        "profile": profiler,
    }


# ---- (b) statistics ------------------------------------------------------------------------------
def baseline_sql(year: int | None, sqlite: bool) -> list[str]:
    """The statements ``statistics.figures`` runs, as plain SQL text: the same GROUP BYs and
    counts, the same shapes (live rows as it writes them: ``deleted = false``), no ORM."""
    no, yes = ("0", "1") if sqlite else ("false", "true")
    period = year is not None
    live = f"deleted = {no}"

    def within(column: str) -> str:
        return f" AND {column} BETWEEN :a AND :b" if period else ""

    inspection = f"c.{live}{within('c.received_on')} AND c.source = 'inspection'"
    from app.registers.sanctions import DEFAULT_FORMS

    def form_of(d: str) -> str:  # the form a measure counts in (app.services.counting.form_of)
        return (
            f"CASE {d}kind || '/' || {d}measure "
            + " ".join(f"WHEN '{k}/{m}' THEN '{f}'" for (k, m), f in DEFAULT_FORMS.items())
            + f" ELSE CASE WHEN {d}kind = '' THEN {d}form ELSE '' END END"
        )

    form = form_of("")
    decision = "person_id, person_name, handling_unit_id, decided_on, case_id, clue_id"

    def counted(where: str) -> str:  # one row per person-time (app.services.counting)
        return (
            f"SELECT handling_unit_id, max({form}) AS f, max(CAST(guided AS INTEGER)) AS guided FROM dispositions "
            f"WHERE {where} AND {form} <> '' GROUP BY {decision}"
        )

    groups = "(SELECT id FROM units WHERE unit_type = 'group')"
    return [
        f"SELECT handling_unit_id, f, guided, count(*) FROM ({counted(live + within('decided_on'))}) AS c "
        "GROUP BY handling_unit_id, f, guided",
        f"SELECT id, code, name, unit_type, deleted FROM units WHERE deleted = {no} "
        "AND unit_type IN ('township', 'group')",
        f"SELECT source, disposal, count(*) FROM clues WHERE {live}{within('received_on')} GROUP BY source, disposal",
        f"SELECT count(*) FROM clues c WHERE {inspection} AND c.handling_unit_id IN "
        f"{groups} AND c.id IN (SELECT clue_id FROM verifications WHERE deleted = {no})",
        f"SELECT count(*) FROM (SELECT max({form_of('d.')}) AS f FROM clues c JOIN dispositions d "
        f"ON d.clue_id = c.id WHERE {inspection} AND d.deleted IS NOT {yes} AND {form_of('d.')} <> '' "
        f"GROUP BY {', '.join('d.' + k for k in decision.split(', '))}) AS x WHERE f = '1'",
        f"SELECT v.outcome, count(*) FROM clues c JOIN verifications v ON v.clue_id = c.id WHERE {inspection} "
        f"AND v.deleted IS NOT {yes} GROUP BY v.outcome",
        f"SELECT count(*) FROM cases WHERE deleted = {no}{within('filed_on')} AND (handling_unit_id IN {groups} "
        f"OR group_id IS NOT NULL OR id IN (SELECT case_id FROM case_units WHERE deleted = {no} "
        f"AND unit_id IN {groups}))",
        f"SELECT count(*) FROM cases WHERE deleted = {no}{within('filed_on')} AND handling_unit_id IN {groups}",
        f"SELECT count(*) FROM case_units WHERE deleted = {no} AND unit_id IN {groups} AND case_id IN "
        f"(SELECT id FROM cases WHERE deleted = {no}{within('filed_on')})",
        f"SELECT result, count(*) FROM co_reviews WHERE deleted = {no}{within('requested_on')} GROUP BY result",
    ]


def baseline_figures(db: Any, year: int | None) -> None:
    """The same figures as ``statistics.figures``, as plain SQL text on one connection."""
    sqlite = db.engine.dialect.name == "sqlite"
    params: dict[str, Any] = {}
    if year is not None:
        a, b = date(year, 1, 1), date(year, 12, 31)
        params = {"a": a.isoformat(), "b": b.isoformat()} if sqlite else {"a": a, "b": b}
    raw = db.engine.raw_connection()
    try:
        cur = raw.cursor()
        for sql in baseline_sql(year, sqlite):
            if not sqlite:
                sql = sql.replace(":a", "%(a)s").replace(":b", "%(b)s")
            cur.execute(sql, params)
            cur.fetchall()
    finally:
        raw.close()


def measure_stats(db: Any, runs: int, profile: bool) -> dict[str, Any]:
    from app.services.statistics import figures

    out: dict[str, Any] = {}
    for label, year in (("year", YEAR), ("all", None)):
        figures(db, year=year)  # warm the page cache for both
        baseline_figures(db, year)
        ours, base = [], []
        for _ in range(runs):  # interleaved
            t = time.perf_counter()
            baseline_figures(db, year)
            base.append(time.perf_counter() - t)
            t = time.perf_counter()
            r = figures(db, year=year)
            ours.append(time.perf_counter() - t)
        assert r["dispositions_total"] > 0
        out[label] = (ours, base, r["dispositions_total"])
    if profile:
        prof = cProfile.Profile()
        prof.enable()
        figures(db, year=None)
        prof.disable()
        out["profile"] = prof
    return out


# ---- (c) the largest register --------------------------------------------------------------------
def largest_register(db: Any) -> tuple[str, int]:
    from sqlalchemy import func, select

    from app.registers import REGISTERS

    best = ("", -1)
    with db.session("bench") as s:
        for reg in REGISTERS.values():
            model: Any = reg.model
            where = [getattr(model, k).in_(v) for k, v in reg.scope.items()]
            n = int(
                s.scalar(select(func.count()).select_from(model).where(model.deleted.is_(False), *where)) or 0
            )
            if n > best[1]:
                best = (reg.name, n)
    return best


def measure_page(db: Any, keys: Any, runs: int) -> dict[str, Any]:
    from PySide6.QtCore import QAbstractTableModel, QSettings, Qt
    from PySide6.QtWidgets import QApplication, QTableView
    from sqlalchemy import text

    from app.registers import get
    from app.services.records import RecordService
    from ui.events import ChangeBus
    from ui.pages.register_page import RegisterPage

    qapp = QApplication.instance() or QApplication(sys.argv)
    name, rows = largest_register(db)
    reg = get(name)
    table = reg.model.__table__.name  # type: ignore[attr-defined]
    scope = " ".join(f"AND {k} IN ({', '.join(repr(v) for v in vs)})" for k, vs in reg.scope.items())
    sql = text(f"SELECT id FROM {table} WHERE deleted = :no {scope} ORDER BY {reg.default_sort}, id")
    no = 0 if db.engine.dialect.name == "sqlite" else False

    class Ids(QAbstractTableModel):
        def __init__(self, ids: list[str]) -> None:
            super().__init__()
            self.ids = ids

        def rowCount(self, parent: Any = None) -> int:  # noqa: N802 (Qt's name)
            return 0 if parent is not None and parent.isValid() else len(self.ids)

        def columnCount(self, parent: Any = None) -> int:  # noqa: N802
            return 1

        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            return self.ids[index.row()] if role == Qt.ItemDataRole.DisplayRole else None

    def bare() -> None:
        view = QTableView()
        view.resize(1000, 700)
        with db.engine.connect() as conn:
            ids = list(conn.execute(sql, {"no": no}).scalars())
        view.setModel(Ids(ids))
        view.show()
        qapp.processEvents()
        assert len(ids) == rows
        view.close()
        view.deleteLater()

    settings = QSettings(
        str(Path(tempfile.gettempdir()) / "jiwei-bench-settings.ini"), QSettings.Format.IniFormat
    )
    records = RecordService(Context.system(db, "admin", keys=keys))
    bus = ChangeBus()

    def page() -> None:
        p = RegisterPage(records, reg, bus, settings)
        p.resize(1000, 700)
        p.show()
        qapp.processEvents()
        assert p.model.rowCount() == rows
        p.close()
        p.deleteLater()

    bare()
    page()
    ours, base = [], []
    for _ in range(runs):
        t = time.perf_counter()
        bare()
        base.append(time.perf_counter() - t)
        t = time.perf_counter()
        page()
        ours.append(time.perf_counter() - t)
        qapp.processEvents()
    return {"register": name, "rows": rows, "ours": ours, "base": base}


# ---- (d) memory ------------------------------------------------------------------------------------
WINDOW_CHILD = r"""
import os, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from ui.application import configure, create_application
from ui.settings import open_settings
app = create_application(["bench"])
data_dir = Path({data_dir!r})
settings = open_settings(data_dir)
configure(app, settings)
from app.services.login import login
opened = login(data_dir, None, "admin", {password!r})
from ui.main_window import MainWindow
window = MainWindow(opened, settings)
window.show()
app.processEvents()
for key in ({pages!r}):
    window.show_page(key)
    app.processEvents()
print(next(l.split()[1] for l in open("/proc/self/status") if l.startswith("VmHWM:")), flush=True)
os._exit(0)
"""

BARE_CHILD = r"""
import os, sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1200, 760)
window.show()
app.processEvents()
print(next(l.split()[1] for l in open("/proc/self/status") if l.startswith("VmHWM:")), flush=True)
os._exit(0)
"""


def child_rss(code: str) -> int:
    """Peak RSS of a child process running ``code``, in kB: its ``VmHWM`` (Linux), the peak of
    its own address space. Its ``ru_maxrss`` would not do: Linux keeps it across ``exec``, so a
    child forked from this large process reports this process's size."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    return int(out.stdout.strip().splitlines()[-1])


def measure_memory(folder: Path, register: str) -> tuple[int, int]:
    pages = ("home", f"register:{register}", "statistics")
    ours = child_rss(
        WINDOW_CHILD.format(root=str(ROOT), data_dir=str(folder), password=PASSWORD, pages=pages)
    )
    return ours, child_rss(BARE_CHILD)


# ---- (e) size --------------------------------------------------------------------------------------
def database_bytes(folder: Path) -> int:
    """The database file and its write-ahead log (checkpointed after generation: empty)."""
    from app.config import DB_FILE_NAME

    return sum(p.stat().st_size for p in folder.glob(f"{DB_FILE_NAME}*") if p.is_file())


# ---- report ------------------------------------------------------------------------------------------
def _ms(values: list[float]) -> str:
    return " ".join(f"{v * 1000:.0f}" for v in values)


def _profile(prof: cProfile.Profile, sort: str) -> str:
    text_out = io.StringIO()
    pstats.Stats(prof, stream=text_out).sort_stats(sort).print_stats(25)
    return text_out.getvalue()


def import_figure(
    label: str,
    copies: Copies,
    meta: dict[str, Any],
    work: Path,
    args: Any,
    log: Callable[[str], None],
    profiles: list[tuple[str, cProfile.Profile]],
) -> None:
    """Measure and print figure (a) on one database; keep its profile when one was asked for."""
    m = measure_import(copies, meta, work, args.scale, args.rounds, args.profile == "import", log)
    report_import(label, m, args.rounds)
    if m["profile"]:
        profiles.append((f"import, {label}", m["profile"]))


def report_import(label: str, m: dict[str, Any], rounds: int) -> None:
    imp, raw = statistics.median(m["imports"]), statistics.median(m["raws"])
    rows = m["new"] + m["edited"]
    print(f"[{label}] (a) import of 2026Q1 from 18 units: {m['new']:,} new rows + {m['edited']:,} edited")
    print(f"    import_bundles (read_bundle + merge), median of {rounds} [{_ms(m['imports'])}] ms: "
          f"{imp:.2f} s, {rows / imp:,.0f} rows/s")  # fmt: skip
    print(f"    baseline, executemany of the same rows into the same tables [{_ms(m['raws'])}] ms: "
          f"{raw:.2f} s, {rows / raw:,.0f} rows/s")  # fmt: skip
    print(f"    ratio baseline/import: {raw / imp:.1%}  (target >= 50%)")
    per = statistics.median(m["per_unit"])
    print(
        f"    for reference, the same executemany with one transaction per unit (as each bundle is merged "
        f"whole or not at all) [{_ms(m['per_unit'])}] ms: {per:.2f} s; ratio {per / imp:.1%}"
    )


def report_stats(label: str, m: dict[str, Any], runs: int) -> None:
    for key, title, target in (("year", f"year {YEAR}", 300), ("all", "all years", 1000)):
        ours, base, total = m[key]
        o, b = statistics.median(ours), statistics.median(base)
        print(f"[{label}] (b) figures, {title} ({total:,} four-form rows), median of {runs}: "
              f"{o * 1000:.0f} ms [{_ms(ours)}]  (target < {target} ms)")  # fmt: skip
        print(
            f"    baseline, the same figures as plain SQL: {b * 1000:.0f} ms [{_ms(base)}]; ratio {o / b:.2f}x"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=0.1, help="1.0 = 2,090,000 rows; 0.01 for a quick run")
    parser.add_argument("--rounds", type=int, default=3, help="imports and baselines, interleaved; medians")
    parser.add_argument("--runs", type=int, default=5, help="statistics and page timings; medians")
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "jiwei-desk-bench")
    parser.add_argument("--postgres", action="store_true", help="(a) and (b) on JIWEI_TEST_PG_URL too")
    parser.add_argument(
        "--postgres-only", action="store_true", help="with --postgres: skip the SQLite figures"
    )
    parser.add_argument("--only", default="import,stats,page,memory,size")
    parser.add_argument("--profile", choices=("import", "stats"))
    parser.add_argument("--sort", default="cumulative")
    args = parser.parse_args()
    only = set(args.only.split(","))
    sqlite_only = set() if args.postgres and args.postgres_only else only

    from app.security import kdf

    kdf.set_default_params(kdf.TEST_PARAMS)  # the key slots only; bundles and database unchanged

    def log(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    t0 = time.perf_counter()
    source, meta = cached_county(args.cache, args.scale, log)
    counts = meta["counts"]
    print(f"county: 8 townships + 10 groups, {YEARS[0]}-{YEARS[-1]}, scale {args.scale:g}: "
          f"{sum(counts.values()):,} rows ({', '.join(f'{t} {n:,}' for t, n in counts.items())}); "
          f"generated in {meta['seconds']:.0f} s (this run: {time.perf_counter() - t0:.0f} s incl. cache)")  # fmt: skip
    from app.services.login import login

    profiles: list[tuple[str, cProfile.Profile]] = []
    with tempfile.TemporaryDirectory(prefix="jiwei-county-", dir=args.cache) as tmp:
        work = Path(tmp)
        if "import" in sqlite_only:
            import_figure("SQLite", Copies(source, work, None), meta, work, args, log, profiles)
        ctx = (
            login(source.parent / "county", None, "admin", PASSWORD)
            if sqlite_only & {"stats", "page"}
            else None
        )
        if "stats" in sqlite_only and ctx:
            s = measure_stats(ctx.db, args.runs, args.profile == "stats")
            report_stats("SQLite", s, args.runs)
            if "profile" in s:
                profiles.append(("figures(all years), SQLite", s["profile"]))
        register = None
        if "page" in sqlite_only and ctx:
            p = measure_page(ctx.db, ctx.keys, args.runs)
            register = p["register"]
            o, b = statistics.median(p["ours"]), statistics.median(p["base"])
            print(f"[SQLite] (c) opening {p['register']} ({p['rows']:,} rows), median of {args.runs}: "
                  f"{o * 1000:.0f} ms [{_ms(p['ours'])}]  (target < 200 ms)")  # fmt: skip
            print(
                f"    baseline, a bare QTableView over its ids: {b * 1000:.0f} ms [{_ms(p['base'])}]; ratio {o / b:.2f}x"
            )
        if ctx:
            ctx.db.close()
        if "memory" in sqlite_only:
            register = register or "dispositions"
            folder = work / "memory"
            shutil.copytree(source, folder)
            ours, bare = measure_memory(folder, register)
            shutil.rmtree(folder)
            print(f"[SQLite] (d) peak RSS, the main window logged in, 工作台 + {register} + 统计分析 opened: "
                  f"{ours / 1024:.0f} MB  (target < 400 MB)")  # fmt: skip
            print(f"    baseline, a bare PySide6 window: {bare / 1024:.0f} MB; ratio {ours / bare:.2f}x")
        if "size" in sqlite_only:
            size = database_bytes(source)
            raw_registers = sum(v for k, v in meta["raw_bytes"].items())
            print(f"[SQLite] (e) database file {size / 1e6:,.0f} MB (SQLCipher, change log included); raw data "
                  f"{raw_registers / 1e6:,.0f} MB (the rows as tab-separated UTF-8 text, change log excluded); "
                  f"ratio {size / raw_registers:.2f}x")  # fmt: skip
        if args.postgres:
            postgres(args, work, log, only, profiles)
    for title, prof in profiles:
        print(f"\nprofile: {title}\n{_profile(prof, args.sort)}")
    return 0


def postgres(args: Any, work: Path, log: Callable[[str], None], only: set[str], profiles: list[Any]) -> None:
    """(a) and (b) on the server of JIWEI_TEST_PG_URL: the county generated there (not cached:
    the server is a throw-away one), copies made with CREATE DATABASE … TEMPLATE."""
    sys.path.insert(0, str(ROOT / "tests"))
    from pgserver import wipe_database

    from app.services.login import login

    url = os.environ.get("JIWEI_TEST_PG_URL", "").strip()
    if not url:
        print("[PostgreSQL] skipped: JIWEI_TEST_PG_URL is not set (run through scripts/with-postgres.sh)")
        return
    wipe_database(url)
    folder = work / "pg-county"
    log(f"generating the county at scale {args.scale:g} on PostgreSQL")
    meta = build_county(folder, url, args.scale, log)
    print(f"[PostgreSQL] county generated in {meta['seconds']:.0f} s")
    if "import" in only:
        import_figure("PostgreSQL", Copies(folder, work, url), meta, work, args, log, profiles)
    if "stats" in only:
        ctx = login(folder, url, "admin", PASSWORD)
        s = measure_stats(ctx.db, args.runs, args.profile == "stats")
        report_stats("PostgreSQL", s, args.runs)
        if "profile" in s:
            profiles.append(("figures(all years), PostgreSQL", s["profile"]))
        ctx.db.close()


if __name__ == "__main__":
    sys.exit(main())
