"""Casework demo data: every casework register filled with valid records, later seeds edit and
tombstone, a seed applied twice changes nothing; the demo county reproduces the seed report's
section 二 (2021) in the county ``demo-county`` merged from the units' bundles, and every unit's
folder works."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from apphelpers import PASSWORD, Cli
from sqlalchemy import func, select, text

from app.cli import dump_records
from app.context import Context
from app.demo.batch import add_demo_batch
from app.demo.casework import GROUP_CASES, SEED_FIGURES, SEED_SINCE, SEED_UNTIL
from app.models.casework import Transition
from app.registers import get as get_register
from app.security.sensitive import is_sealed
from app.services import login
from app.services.deadlines import due_items
from app.services.installation import SetupRequest
from app.services.lawfulness import problems
from app.services.records import RecordService

CASEWORK = (
    "people",
    "reports",
    "clues",
    "inquiries",
    "verifications",
    "cases",
    "co_reviews",
    "dispositions",
    "staff_ties",
    "deadline_rules",
)
UNITS = {
    "county": ("C01", "测试县纪委监委"),
    "township": ("T05", "河口镇纪委"),
    "group": ("G03", "派驻第三纪检监察组"),
}


def _open(tmp_path: Path, unit_type: str) -> login.Context:
    code, name = UNITS[unit_type]
    folder = tmp_path / unit_type
    return login.create(
        folder,
        f"sqlite:///{folder / 'jiwei.db'}",
        SetupRequest(unit_type, code, name, "C01", "测试县", "admin", PASSWORD),
    )


@pytest.fixture(params=list(UNITS))
def installation(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[login.Context]:
    opened = _open(tmp_path, request.param)
    yield opened
    opened.db.close()


def _live_ids(records: RecordService, register: str) -> list[str]:
    return records.ids(get_register(register))


def _owner(opened: login.Context, register: str, rid: str) -> str:
    with opened.db.session() as s:
        return str(s.get(get_register(register).model, rid).owner)  # type: ignore[union-attr]


def _rows(opened: login.Context, sql: str, **params: Any) -> list[Any]:
    with opened.db.session() as s:
        return list(s.execute(text(sql), params).all())


def _count(opened: login.Context, sql: str, **params: Any) -> int:
    with opened.db.session() as s:
        return int(s.execute(text(sql), params).scalar_one())


def _problems(opened: login.Context) -> list[str]:
    with opened.db.session() as s:
        return [str(p) for p in problems(s)]


# Who each kind of installation handles (管理权限), by the unit type of the record's handling unit.
AUTHORITIES = {
    "township": {"村级干部", "乡镇管干部", "其他"},
    "group": {"部门管干部"},
    "office": {"县管干部", "部门管干部"},
}


def _authorities(opened: login.Context) -> dict[str, set[str]]:
    """The 管理权限 of the people each unit type's clues and measures are about."""
    with opened.db.session() as s:
        rows = s.execute(
            text(
                "SELECT u.unit_type, p.authority FROM clues c JOIN units u ON u.id = c.handling_unit_id "
                "JOIN people p ON p.id = c.person_id WHERE c.deleted = 0 UNION "
                "SELECT u.unit_type, p.authority FROM dispositions d JOIN units u ON u.id = d.handling_unit_id "
                "JOIN people p ON p.id = d.person_id WHERE d.deleted = 0"
            )
        ).all()
    out: dict[str, set[str]] = {}
    for unit_type, authority in rows:
        out.setdefault(unit_type, set()).add(authority)
    return out


def test_demo_batches_fill_every_casework_register_with_valid_records(installation: login.Context) -> None:
    db, actor = installation.db, installation.actor
    counts = add_demo_batch(Context(db, actor), 1)
    assert counts
    unit_type = db.installation().unit_type  # type: ignore[union-attr]
    records = RecordService(Context(db, actor))
    # Saved again unchanged, by the system (a county's demo rows belong to its units): every
    # stored row passes its register's rules.
    resave = RecordService(Context.system(db, actor.username, sensitive_key=actor.sensitive_key))
    for name in (*CASEWORK, *(("case_units",) if unit_type == "county" else ())):
        ids = _live_ids(records, name)
        # The county's co-review opinions reach a township or a group only from the county.
        assert ids or (name == "co_reviews" and unit_type != "county"), name
        reg = get_register(name)
        for rid in ids:
            resave.save(reg, {}, rid)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Transition)) > 0
    # Lawful, every record linked to its person, each person one a unit of this type handles.
    assert _problems(installation) == []
    for handled_by, authorities in _authorities(installation).items():
        assert authorities <= AUTHORITIES[handled_by], handled_by
    assert _count(installation, "SELECT count(*) FROM dispositions WHERE kind = '' OR form = '' AND "
                                "kind != 'org_accountability'") == 0  # fmt: skip
    # Named reports carry their reporter (sealed); anonymous ones none.
    report_rows = [records.get(get_register("reports"), rid) for rid in _live_ids(records, "reports")]
    assert any(r["named"] and r["reporter"] for r in report_rows)
    assert any(not r["named"] and not r["reporter"] for r in report_rows)
    assert all(r["reporter"] for r in report_rows if r["named"])
    # Every disposal and the lifecycle's ends are there; deadlines fall due and are overdue.
    with db.session() as s:
        disposals = set(s.scalars(text("SELECT DISTINCT disposal FROM clues WHERE disposal != ''")))
        states = set(s.scalars(text("SELECT DISTINCT state FROM clues")))
    assert disposals == {"talk", "verify", "hold", "close"}
    assert {"registered", "proposed", "finished"} <= states
    due = due_items(records)
    assert any(d.overdue for d in due) and any(0 <= d.days_left <= 7 for d in due)
    if unit_type == "group":
        assert _count(installation, "SELECT count(*) FROM clues WHERE source = 'inspection'") == 2


def test_later_seeds_edit_and_tombstone_and_a_seed_twice_changes_nothing(tmp_path: Path) -> None:
    opened = _open(tmp_path, "township")
    db = opened.db
    try:
        add_demo_batch(Context(db, opened.actor), 1)
        counts = add_demo_batch(Context(db, opened.actor), 2)
        assert counts["clues.added"] >= 1 and counts["clues.edited"] >= 1
        assert counts["people.added"] >= 1
        assert counts["reports.deleted"] == 1 and counts["staff_ties.deleted"] == 1
        for register in ("dispositions", "co_reviews", "cases", "case_units"):
            assert counts.get(f"{register}.added", 0) == 0, register
        before = _count(opened, "SELECT count(*) FROM change_log")
        assert add_demo_batch(Context(db, opened.actor), 2) == {}
        assert add_demo_batch(Context(db, opened.actor), 1) != {}  # seed 1 is now a later batch
        assert add_demo_batch(Context(db, opened.actor), 1) == {}
        assert _count(opened, "SELECT count(*) FROM change_log") > before
        records = RecordService(Context(db, opened.actor))
        for name in CASEWORK:
            for rid in _live_ids(records, name):
                records.save(get_register(name), {}, rid)
        assert _problems(opened) == []
    finally:
        db.close()


def _recent(opened: login.Context) -> dict[str, Any]:
    """The dates of the current quarter's work: clues received, inquiries and verifications
    started, cases filed and measures decided after the seed's period."""
    after = SEED_UNTIL.isoformat()
    out: dict[str, Any] = {}
    for name, sql in (
        ("clues", "SELECT received_on FROM clues WHERE received_on > :after"),
        (
            "started",
            "SELECT started_on FROM inquiries WHERE started_on > :after UNION ALL "
            "SELECT started_on FROM verifications WHERE started_on > :after",
        ),  # fmt: skip
        ("cases", "SELECT filed_on FROM cases WHERE filed_on > :after"),
        ("measures", "SELECT decided_on FROM dispositions WHERE decided_on > :after"),
    ):
        with opened.db.session() as s:
            out[name] = sorted(date.fromisoformat(str(d)) for d in s.scalars(text(sql), {"after": after}))
    return out


def _unsealed(record: dict[str, Any]) -> dict[str, Any]:
    """A dumped record with its sealed values as a mark (each installation seals with its own key)."""
    fields = {k: "<sealed>" if is_sealed(v) else v for k, v in record["fields"].items()}
    return {**record, "fields": fields}


def test_the_recent_work_is_dated_from_the_day_given(tmp_path: Path) -> None:
    """``today``: the deadline panel's due and overdue items and the new clues fall around it;
    the same seed and day give the same records and ids, another day moves only the recent
    work (the seed's history and every id stay)."""
    days = (date(2024, 5, 20), date(2025, 3, 3))
    dumps, recent = [], []
    for i, day in enumerate((days[0], days[0], days[1])):
        opened = _open(tmp_path / str(i), "county")
        try:
            add_demo_batch(opened, 1, today=day)
            due = due_items(RecordService(opened), today=day)
            assert any(d.overdue for d in due) and any(0 <= d.days_left <= 7 for d in due)
            recent.append(_recent(opened))
            assert min(recent[-1]["clues"]) >= day - timedelta(days=200)
            assert max(d for dates in recent[-1].values() for d in dates) <= day
            assert any(day - d <= timedelta(days=5) for d in recent[-1]["clues"])  # just received
            assert recent[-1]["measures"] and recent[-1]["cases"]
            dumps.append([_unsealed(r) for r in dump_records(opened) if r["table"] != "audit_log"])
        finally:
            opened.db.close()
    assert dumps[0] == dumps[1]
    assert [(r["table"], r["id"]) for r in dumps[0]] == [(r["table"], r["id"]) for r in dumps[2]]
    assert dumps[0] != dumps[2]
    shift = days[1] - days[0]
    assert recent[2] == {k: [d + shift for d in v] for k, v in recent[0].items()}
    history = [
        r for r in dumps[0] if r["table"] == "dispositions" and r["fields"]["decided_on"] <= "2022-09-30"
    ]
    assert history and all(r in dumps[2] for r in history)


def test_the_demo_commands_take_a_day_and_refuse_one_outside_the_demo(cli: Cli) -> None:
    cli.init_county()
    cli.ok("demo", "--today", "2023-11-15")
    received = [
        r["fields"]["received_on"]
        for r in cli.dump()
        if r["table"] == "clues" and r["fields"]["received_on"] > "2023"
    ]
    assert received and max(received) <= "2023-11-15" and min(received) >= "2023-05"
    for day in ("2022-09-30", (date.today() + timedelta(days=1)).isoformat(), "2024-02-30"):
        for command in (("demo",), ("demo-county", "--out", str(cli.data_dir / "unused"))):
            refused = cli.run(*command, "--today", day)
            assert refused.returncode == 2 and "--today" in refused.stderr, (command, day, refused.stderr)
            assert not (cli.data_dir / "unused").exists()


# ---- the demo county (built once for the run: ``demo_county_cli`` in conftest) ----------------------
def test_demo_county_prints_one_working_folder_per_unit(
    demo_county_cli: tuple[Path, subprocess.CompletedProcess[str], Path],
) -> None:
    out, result, password_file = demo_county_cli
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    assert [len(parts) for parts in lines] == [3] * 19
    types = [t for _code, t, _path in lines]
    assert types.count("county") == 1 and types.count("township") == 8 and types.count("group") == 10
    assert {Path(p).parent for _c, _t, p in lines} == {out}
    for code, unit_type, path in lines:
        info = Cli(Path(path), None, password_file).ok("--data-dir", path, "info", "--json")
        assert code in info.stdout and unit_type in info.stdout
    again = Cli(out, None, password_file).run("demo-county", "--out", str(out))
    assert again.returncode == 1 and "不是空的" in again.stderr


# One person-time (人次) per person per decision: the measures of one person by one unit on one day
# in one case or on one clue, in the form of the heaviest. Counted here in plain SQL, apart from
# ``app.services.counting``, so that the demo and the statistics are each checked by the other.
PERSON_TIMES = """
    SELECT d.person_id, d.handling_unit_id, d.decided_on, d.case_id, d.clue_id, max(d.form) AS form,
           min(d.guided) AS guided, min(CASE WHEN d.guided_by_id IS NULL THEN 0 ELSE 1 END) AS guided_by,
           count(*) AS measures, u.unit_type AS unit_type
    FROM dispositions d JOIN units u ON u.id = d.handling_unit_id
    WHERE d.deleted = 0 AND d.person_id IS NOT NULL
    GROUP BY d.person_id, d.handling_unit_id, d.decided_on, d.case_id, d.clue_id, u.unit_type
"""
IN_2021 = "decided_on BETWEEN '2021-01-01' AND '2021-12-31'"


def test_demo_county_tells_the_seed_report_on_its_dates(
    demo_county_cli: tuple[Path, subprocess.CompletedProcess[str], Path],
) -> None:
    """The county of ``demo-county``, holding the units' records only as merged from their
    bundles: lawful, every record linked to its person, and the seed's figures counted the new
    way: 617 first-form person-times in 2021, 324 (52.51%) by township commissions all guided by
    a county office, 37 inspection clues each verified by a group and ending in one first-form
    measure by it; 48 co-reviews and 44 participations of groups from 2021 to September 2022."""
    out, _result, _pw = demo_county_cli
    opened = login.login(out / "DEMO", None, "admin", PASSWORD)
    fig = SEED_FIGURES
    try:
        assert _problems(opened) == []
        first = f"SELECT count(*) FROM ({PERSON_TIMES}) WHERE form = '1' AND {IN_2021}"
        total = _count(opened, first)
        townships = _count(opened, first + " AND unit_type = 'township'")
        guided = _count(opened, first + " AND unit_type = 'township' AND guided = 1 AND guided_by = 1")
        assert (
            (total, townships, guided)
            == (fig["first_form"], fig["first_form_townships"], 324)
            == (617, 324, 324)
        )
        assert round(townships / total, 4) == 0.5251
        # Rows are not person-times: some decisions give one person two or three measures.
        rows = _count(
            opened, f"SELECT count(*) FROM dispositions WHERE form = '1' AND deleted = 0 AND {IN_2021}"
        )
        assert rows > total
        assert _count(opened, f"SELECT count(*) FROM ({PERSON_TIMES}) WHERE measures > 1 AND form = '2'") > 0
        assert _count(opened, f"SELECT count(*) FROM ({PERSON_TIMES}) WHERE measures = 3 AND form = '4'") >= 1
        heaviest = _count(opened, f"SELECT count(*) FROM ({PERSON_TIMES}) p WHERE form = '2' AND EXISTS "
                                  "(SELECT 1 FROM dispositions d WHERE d.case_id = p.case_id AND d.form = '1')")  # fmt: skip
        assert heaviest >= 1  # 免予处分 with 调整职务: one second-form person-time
        assert _count(opened, "SELECT count(DISTINCT handling_unit_id) FROM dispositions d JOIN units u "
                              "ON u.id = d.handling_unit_id WHERE u.unit_type = 'township'") == 8  # fmt: skip
        # The inspection clues of 2021: a group's, about a cadre of a department it supervises,
        # verified by it, one first-form measure by it.
        inspection = (
            "FROM clues c JOIN units u ON u.id = c.handling_unit_id JOIN people p ON p.id = c.person_id "
            "WHERE c.deleted = 0 AND c.source = 'inspection' AND c.received_on BETWEEN '2021-01-01' AND "
            "'2021-12-31'"
        )
        assert _count(opened, f"SELECT count(*) {inspection}") == fig["inspection_clues"] == 37
        assert _count(opened, f"SELECT count(*) {inspection} AND u.unit_type = 'group' AND p.authority = '部门管干部' "
                              "AND c.subject_unit IN (SELECT s.name FROM supervised_units s WHERE s.group_id = u.id)") == 37  # fmt: skip
        verified = _count(
            opened,
            f"SELECT count(*) {inspection} AND EXISTS (SELECT 1 FROM verifications v WHERE v.clue_id = c.id "
            "AND v.deleted = 0 AND v.outcome = 'first_form' AND v.owner = u.code)",
        )
        one_measure = _count(
            opened,
            f"SELECT count(*) {inspection} AND (SELECT count(*) FROM dispositions d WHERE d.clue_id = c.id "
            "AND d.deleted = 0) = 1 AND (SELECT count(*) FROM dispositions d WHERE d.clue_id = c.id "
            "AND d.form = '1' AND d.handling_unit_id = c.handling_unit_id AND d.person_id = c.person_id) = 1",
        )
        assert (verified, one_measure) == (37, 37)
        # 2022's inspection clues about village cadres: the township commission's to handle and count.
        assert _count(opened, "SELECT count(*) FROM dispositions d JOIN clues c ON c.id = d.clue_id JOIN units u "
                              "ON u.id = d.handling_unit_id WHERE c.source = 'inspection' AND "
                              "u.unit_type = 'township'") == 2  # fmt: skip
        # Co-reviews of township and group cases, 2021 to September 2022, in both years.
        co_reviews = (
            "SELECT count(*) FROM co_reviews r JOIN cases k ON k.id = r.case_id JOIN units u "
            "ON u.id = k.handling_unit_id WHERE r.deleted = 0 AND u.unit_type IN ('township', 'group') "
            "AND r.requested_on BETWEEN :since AND :until"
        )
        window = {"since": SEED_SINCE.isoformat(), "until": SEED_UNTIL.isoformat()}
        assert _count(opened, co_reviews, **window) == fig["co_reviews"] == 48
        assert _count(opened, co_reviews, since="2021-01-01", until="2021-12-31") == 30
        assert _count(opened, co_reviews, since="2022-01-01", until="2022-09-30") == 18
        # Participations (件次): a case a group handles, and each group taking part in a case.
        handled = (
            "SELECT count(*) FROM cases k JOIN units u ON u.id = k.handling_unit_id WHERE k.deleted = 0 "
            "AND u.unit_type = 'group' AND k.filed_on BETWEEN :since AND :until"
        )
        joined = (
            "SELECT count(*) FROM case_units cu JOIN cases k ON k.id = cu.case_id JOIN units u ON u.id = cu.unit_id "
            "WHERE cu.deleted = 0 AND k.deleted = 0 AND u.unit_type = 'group' AND k.filed_on BETWEEN :since AND :until"
        )
        participations = _count(opened, handled, **window) + _count(opened, joined, **window)
        assert participations == fig["group_participations"] == 44
        assert _count(opened, "SELECT count(*) FROM case_units WHERE joined_on < '2021-04-01'") == 0
        assert _count(opened, "SELECT count(*) FROM (SELECT case_id FROM case_units GROUP BY case_id "
                              "HAVING count(*) = 2)") >= 5  # fmt: skip
        # 2022 up to the report has its own activity; nothing in the seed's history after it.
        for table, column in (
            ("clues", "received_on"),
            ("dispositions", "decided_on"),
            ("cases", "filed_on"),
        ):
            n = _count(
                opened, f"SELECT count(*) FROM {table} WHERE {column} BETWEEN '2022-01-01' AND '2022-09-20'"
            )
            assert n >= 20, table
            assert _count(opened, f"SELECT count(*) FROM {table} WHERE {column} BETWEEN '2022-09-21' AND "
                                  "'2022-09-30'") == 0, table  # fmt: skip
        first_2022 = f"SELECT count(*) FROM ({PERSON_TIMES}) WHERE form = '1' AND decided_on LIKE '2022%'"
        assert 200 < _count(opened, first_2022) < 617
        # The kinds of measure: 诫勉, 组织处理, 免予处分, 问责 of a party organisation (no person),
        # a transfer for prosecution each year; every one of its kind.
        kinds = {
            (k, m): n
            for k, m, n in _rows(
                opened, "SELECT kind, measure, count(*) FROM dispositions GROUP BY kind, measure"
            )
        }
        for kind, measure in (("admonition", "诫勉"), ("organisational", "调整职务"), ("exempt", "免予党纪处分"),
                              ("prosecution", "移送检察机关审查起诉"), ("state", "记大过"), ("party", "留党察看一年")):  # fmt: skip
            assert kinds.get((kind, measure)), (kind, measure)
        assert kinds[("prosecution", "移送检察机关审查起诉")] == 2
        organisations = _rows(opened, "SELECT org_name, person_id, person_name, form FROM dispositions "
                                      "WHERE kind = 'org_accountability'")  # fmt: skip
        assert organisations and all(o and p is None and not n and f == "" for o, p, n, f in organisations)
        # People: every subject is one; some come back (a clue closed, later a measure); a few
        # were entered by two units (the register's duplicate flag).
        assert _count(opened, "SELECT count(*) FROM people") > 1000
        back = _count(opened, "SELECT count(*) FROM people p WHERE EXISTS (SELECT 1 FROM clues c WHERE "
                              "c.person_id = p.id AND c.disposal IN ('close', 'hold') AND c.received_on < '2022-01-01') "
                              "AND EXISTS (SELECT 1 FROM dispositions d WHERE d.person_id = p.id AND "
                              "d.decided_on >= '2022-01-01')")  # fmt: skip
        assert back >= 5
        twice = _rows(opened, "SELECT a.owner, b.owner FROM people a JOIN people b ON a.name = b.name "
                              "AND a.unit = b.unit AND a.id < b.id")  # fmt: skip
        assert len(twice) == 3 and all(a != b and "DEMO" in (a, b) for a, b in twice)
        people = get_register("people")
        flagged = {rid for rid, row in RecordService(opened).rows(people, _live_ids(RecordService(opened), "people")).items()
                   if row["duplicates"]}  # fmt: skip
        assert len(flagged) == 6  # the person register's list shows each of the three pairs
        owners = _count(opened, "SELECT count(DISTINCT owner) FROM clues")
        assert owners == 19  # the county's offices plus every township and group
        assert any(d.overdue for d in due_items(RecordService(opened)))
    finally:
        opened.db.close()
    township = login.login(out / "T01", None, "admin", PASSWORD)
    try:
        # Its clue about a 县管干部 went up (上报) and came back the county's (提级办理).
        taken = "SELECT row_id FROM ownership_transfers WHERE kind = 'transfer' AND from_unit = 'T01'"
        assert _count(township, f"SELECT count(*) FROM clues WHERE owner = 'DEMO' AND id IN ({taken})") == 1
        assert (
            _count(township, f"SELECT count(*) FROM clues WHERE owner != 'T01' AND id NOT IN ({taken})") == 0
        )
        assert _count(township, "SELECT count(*) FROM people WHERE owner != 'T01'") == 0
        assert _count(township, "SELECT count(*) FROM dispositions WHERE guided = 1") > 0
        assert _problems(township) == []
        records = RecordService(township)
        # Open steps of the chain fall due now: a 函询's written reply among them.
        assert any(i.step == "函询回复" and i.days_left >= -7 for i in due_items(records, horizon=30))
        for name in CASEWORK:
            ids = _live_ids(records, name)
            assert ids or name == "staff_ties", name
            for rid in ids:  # its own rows (the county's deadline rules are the county's)
                if records.owns(_owner(township, name, rid)):
                    records.save(get_register(name), {}, rid)
    finally:
        township.db.close()


def test_stats_on_the_demo_county_give_the_seed_figures(
    demo_county_cli: tuple[Path, subprocess.CompletedProcess[str], Path],
) -> None:
    """``stats`` counts as the test above does: 2021, and 2021 to September 2022."""
    out, _result, password_file = demo_county_cli
    cli = Cli(out / "DEMO", None, password_file)
    figures = cli.json("stats", "--year", "2021", "--json")
    got = (
        figures["first_form_total"],
        figures["first_form_by_township_commissions"],
        figures["first_form_township_share"],
        figures["first_form_guided"],
        figures["inspection_clues_transferred"],
        figures["inspection_clues"]["verified_by_groups"],
        figures["inspection_clues"]["first_form_measures"],
    )
    assert got == (617, 324, 0.5251, 324, 37, 37, 37)
    since = cli.json("stats", "--from", SEED_SINCE.isoformat(), "--to", SEED_UNTIL.isoformat(), "--json")
    assert (since["co_reviews"], since["group_participations_total"]) == (48, 44)
    assert since["group_participations"] == {
        "handled": sum(GROUP_CASES),
        "taking_part": 44 - sum(GROUP_CASES),
    }
    text = cli.ok("stats", "--year", "2021")
    assert "运用第一种形态 617 人次，其中乡镇纪委 324 人次，占 52.51%" in text.stdout + text.stderr
