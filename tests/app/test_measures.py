"""Measures typed and counted as the rules count them: who may be given what (``record add`` and
the service refuse alike), the 处分期/影响期 each runs, one person-time per person per decision in
the form of the heaviest measure, and the county's form mapping."""

from __future__ import annotations

import io
import secrets
from contextlib import redirect_stderr, redirect_stdout
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from apphelpers import PASSWORD, Cli, conclude_case

from app import cli as cli_module
from app.context import Context
from app.db.database import Database
from app.models.policy import POLICY_ID, CountyPolicy
from app.registers import form_mapping, get
from app.registers.sanctions import DEFAULT_FORMS, in_force, period_end
from app.services.records import RecordService, ValidationError
from app.services.statistics import drill, figures


@pytest.mark.parametrize(
    ("kind", "measure", "decided", "ends"),
    [
        ("party", "警告", date(2021, 3, 15), date(2022, 3, 14)),
        ("party", "严重警告", date(2021, 8, 31), date(2023, 2, 27)),  # 18 months: 28 February
        ("party", "撤销党内职务", date(2020, 2, 29), date(2022, 2, 27)),
        ("party", "留党察看一年", date(2021, 1, 1), date(2023, 12, 31)),
        ("party", "留党察看二年", date(2021, 1, 1), date(2024, 12, 31)),
        ("party", "开除党籍", date(2021, 6, 1), date(2026, 5, 31)),
        ("state", "警告", date(2021, 12, 31), date(2022, 6, 29)),
        ("state", "记过", date(2021, 1, 10), date(2022, 1, 9)),
        ("state", "记大过", date(2021, 1, 10), date(2022, 7, 9)),
        ("state", "降级", date(2021, 1, 10), date(2023, 1, 9)),
        ("state", "撤职", date(2021, 1, 10), date(2023, 1, 9)),
        ("state", "开除", date(2021, 1, 10), None),  # no end: permanent
        ("admonition", "诫勉", date(2021, 5, 1), date(2021, 10, 31)),
        ("organisational", "免职", date(2021, 5, 1), date(2023, 4, 30)),
        ("reminder", "提醒谈话", date(2021, 5, 1), None),  # no period at all
    ],
)
def test_period_ends(kind: str, measure: str, decided: date, ends: date | None) -> None:
    assert period_end(kind, measure, decided) == ends
    if ends is not None:
        assert in_force(kind, measure, decided, ends, ends)
        assert not in_force(kind, measure, decided, ends, date.fromordinal(ends.toordinal() + 1))
    assert in_force("state", "开除", decided, None, date(2099, 1, 1))
    assert not in_force(kind, measure, decided, ends, date.fromordinal(decided.toordinal() - 1))


class County:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.records = RecordService(Context.system(db, "admin", sensitive_key=secrets.token_bytes(32)))
        self.township = self.save("units", {"code": "T01", "name": "城关镇纪委", "unit_type": "township"})
        self.group = self.save("units", {"code": "G01", "name": "第一派驻纪检监察组", "unit_type": "group"})

    def save(self, register: str, values: dict[str, Any]) -> str:
        return self.records.save(get(register), values)

    def person(
        self, name: str, *, member: bool = True, category: str = "1", authority: str = "乡镇管干部"
    ) -> str:
        return self.save("people", {"name": name, "unit": "城关镇人民政府", "party_member": member,
                                    "object_category": category, "authority": authority})  # fmt: skip

    def measure(self, person: str, kind: str, measure: str, decided: date, **more: Any) -> str:
        return self.save("dispositions", {"person_id": person, "kind": kind, "measure": measure,
                                          "decided_on": decided, "handling_unit_id": self.township, **more})  # fmt: skip


@pytest.fixture
def county(county_db: Database) -> County:
    return County(county_db)


# (person, kind, measure, day, case) rows -> (first-form, second, third, fourth) person-times.
COUNTING = [
    ("one measure", [("a", "reminder", "提醒谈话", 1, "")], (1, 0, 0, 0)),
    (
        "党纪 and 政务 in one decision: one person-time, the heavier form",
        [("a", "party", "严重警告", 1, ""), ("a", "state", "降级", 1, "")],
        (0, 0, 1, 0),
    ),
    (
        "three measures in one decision, heaviest is form 2",
        [("a", "criticism", "批评教育", 1, ""), ("a", "party", "警告", 1, ""), ("a", "state", "记过", 1, "")],
        (0, 1, 0, 0),
    ),
    (
        "two decisions on two days: two",
        [("a", "reminder", "提醒谈话", 1, ""), ("a", "party", "警告", 2, "")],
        (1, 1, 0, 0),
    ),
    (
        "same day, two cases: two decisions",
        [("a", "party", "警告", 1, "A1"), ("a", "party", "警告", 1, "A2")],
        (0, 2, 0, 0),
    ),
    (
        "two people, one day: two",
        [("a", "party", "警告", 1, ""), ("b", "party", "警告", 1, "")],
        (0, 2, 0, 0),
    ),
    (
        "transferred for prosecution with expulsion: form 4 once",
        [
            ("a", "party", "开除党籍", 1, "A1"),
            ("a", "state", "开除", 1, "A1"),
            ("a", "prosecution", "移送检察机关审查起诉", 1, "A1"),
        ],
        (0, 0, 0, 1),
    ),  # fmt: skip
    (
        "a party organisation's accountability counts in no form",
        [("", "org_accountability", "通报", 1, "")],
        (0, 0, 0, 0),
    ),
]


@pytest.mark.parametrize(("case", "rows", "expected"), COUNTING, ids=[c[0] for c in COUNTING])
def test_counting_rule(county: County, case: str, rows: list[tuple[str, str, str, int, str]],
                       expected: tuple[int, int, int, int]) -> None:  # fmt: skip
    people = {"a": county.person("甲"), "b": county.person("乙")}
    cases: dict[str, str] = {}
    for key in {r[4] for r in rows if r[4]}:
        cases[key] = county.save("cases", {"number": key, "filed_on": date(2021, 1, 1), "subject_name": "甲",
                                           "subject_unit": "城关镇人民政府", "person_id": people["a"],
                                           "handling_unit_id": county.township})  # fmt: skip
        conclude_case(county.records, cases[key], date(2021, 5, 1))
    for who, kind, measure, day, case_key in rows:
        extra: dict[str, Any] = {"case_id": cases[case_key]} if case_key else {}
        if who:
            county.measure(people[who], kind, measure, date(2021, 6, day), **extra)
        else:
            county.save("dispositions", {"org_name": "某村党支部", "kind": kind, "measure": measure,
                                         "decided_on": date(2021, 6, day), "handling_unit_id": county.township})  # fmt: skip
    r = figures(county.db, year=2021)
    assert tuple(r["forms"][f] for f in "1234") == expected, case
    assert r["dispositions_total"] == sum(expected)
    # The rows behind the figure: one per person-time, the heaviest measure of each decision.
    _register, ids = drill(county.db, "forms", 2021)
    assert len(ids) == sum(expected)
    for form in "1234":
        assert len(drill(county.db, "forms", 2021, form=form)[1]) == r["forms"][form]


def test_the_county_mapping_moves_a_measure_to_another_form(county: County) -> None:
    person = county.person("丙")
    county.measure(person, "exempt", "免予党纪处分", date(2021, 6, 1))
    assert figures(county.db, year=2021)["forms"]["1"] == 1
    mapping = dict(DEFAULT_FORMS)
    mapping[("exempt", "免予党纪处分")] = "2"
    with county.db.session("admin") as s:
        s.add(CountyPolicy(id=POLICY_ID, form_mapping=form_mapping.serialise(mapping)))
    r = figures(county.db, year=2021)
    assert (r["forms"]["1"], r["forms"]["2"]) == (0, 1)
    assert r["counting"]["mapping"] == "形态对应：按本县设置（1 项与通行口径不同）"


REFUSALS = [
    ("a party sanction for a non-member", {"member": False}, "party", "警告", "不是中共党员，不能给予党纪处分（警告）"),
    ("免予党纪处分 for a non-member", {"member": False}, "exempt", "免予党纪处分", "不是中共党员"),
    ("政务处分 for a non-监察对象", {"category": ""}, "state", "记过", "不是监察对象，不能给予政务处分（记过）"),
    ("降级 for a village cadre", {"category": "5", "authority": "村级干部"}, "state", "降级",
     "政务处分只能是警告、记过或记大过"),
    ("a measure of another kind", {}, "party", "记过", "「记过」不是党纪处分的处理方式"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "who", "kind", "measure", "message"), REFUSALS, ids=[r[0] for r in REFUSALS]
)
def test_unlawful_measures_are_refused(county: County, case: str, who: dict[str, Any], kind: str,
                                       measure: str, message: str) -> None:  # fmt: skip
    person = county.person("丁", **who)
    with pytest.raises(ValidationError) as refused:
        county.measure(person, kind, measure, date(2021, 6, 1))
    assert message in str(refused.value), case
    # The lawful ones pass for the right person.
    county.measure(
        county.person("戊", category="5", authority="村级干部"), "state", "记大过", date(2021, 6, 1)
    )


def test_inspection_clues_count_to_whom_the_clue_is_about(county: County) -> None:
    village = county.person("己", category="5", authority="村级干部")
    cadre = county.person("庚", authority="部门管干部")
    leader = county.person("辛", authority="县管干部")
    office = county.save("units", {"code": "O01", "name": "第一纪检监察室", "unit_type": "office"})
    for person, wrong, right, message in (
        (village, county.group, county.township, "由乡镇纪委办理和计数"),
        (cadre, county.township, county.group, "由初核的派驻纪检监察组办理和计数"),
        (leader, county.group, office, "涉及县管干部，由县纪委监委（委机关室）办理和计数"),
    ):
        clue = county.save("clues", {"source": "inspection", "received_on": date(2021, 3, 1), "person_id": person,
                                     "handling_unit_id": right})  # fmt: skip
        with pytest.raises(ValidationError) as refused:
            county.measure(
                person, "reminder", "提醒谈话", date(2021, 6, 1), clue_id=clue, handling_unit_id=wrong
            )
        assert message in str(refused.value)
        county.measure(person, "reminder", "提醒谈话", date(2021, 6, 1), clue_id=clue, handling_unit_id=right)


def test_record_add_refuses_with_the_same_message(cli: Cli, tmp_path: Path) -> None:
    cli.init_county()
    password = tmp_path / "pw-measures.txt"
    password.write_text(PASSWORD + "\n", encoding="utf-8")

    def run(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = cli_module.main(["--data-dir", str(cli.data_dir), "--password-file", str(password), *argv])
        return code, out.getvalue(), err.getvalue()

    code, out, err = run("record", "add", "units", "--set", "code=T01", "--set", "name=城关镇纪委",
                         "--set", "unit_type=township", "--json")  # fmt: skip
    assert code == 0, err
    for name, member, category, kind, measure, message in (
        ("辛", "否", "（一）公务员及参公管理人员", "党纪处分", "警告", "辛 在人员库中不是中共党员，不能给予党纪处分（警告）"),
        ("壬", "是", "", "政务处分", "记过", "壬 在人员库中不是监察对象，不能给予政务处分（记过）"),
        ("癸", "是", "（五）基层群众性自治组织中从事管理的人员", "政务处分", "降级", "政务处分只能是警告、记过或记大过"),
    ):  # fmt: skip
        code, out, err = run("record", "add", "people", "--set", f"name={name}", "--set", f"中共党员={member}",
                             "--set", f"监察对象类别={category}", "--json")  # fmt: skip
        assert code == 0, err
        code, _out, err = run("record", "add", "dispositions", "--set", f"姓名={name}", "--set", f"处理类别={kind}",
                              "--set", f"处理方式={measure}", "--set", "决定日期=2022-03-01",
                              "--set", "办理单位=城关镇纪委")  # fmt: skip
        assert code == 1, (name, err)
        assert message in err, err
