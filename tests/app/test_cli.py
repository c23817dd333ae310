"""The command line: commands, exit codes, JSON shapes, nothing changed on refusal.

The commands run in this process (``Cli.run`` calls ``app.cli.main``); the tests at the end start
``python -m app`` where the process is what is under test."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from apphelpers import PASSWORD, Cli

from app.cli import main
from app.db.migrate import head_revision

NOT_INITIALISED = "本数据目录尚未初始化，请先运行 init。"
WRONG_PASSWORD = "用户名或密码不正确。"


def _data(dump: str) -> list[str]:
    """A dump without the audit log (every command, a dump too, adds log-in entries to it)."""
    return [line for line in dump.splitlines() if not line.startswith('{"table": "audit_log"')]


def _audit(cli: Cli) -> list[dict[str, Any]]:
    rows = [
        r["fields"] for r in map(json.loads, cli.ok("dump").stdout.splitlines()) if r["table"] == "audit_log"
    ]
    return sorted(rows, key=lambda f: f["seq"])


def _one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    return lines[0]


def test_init_and_info_on_both_backends(cli_on: Cli) -> None:
    cli = cli_on
    result = cli.ok(
        "init", "--type", "county", "--code", "C01", "--name", "测试县纪委监委", "--admin", "admin"
    )
    assert result.stdout == ""
    assert "已初始化" in result.stderr

    info = cli.json("info", "--json")
    assert info["unit"] == {
        "code": "C01",
        "name": "测试县纪委监委",
        "type": "county",
        "type_label": "县纪委监委",
    }
    assert info["county"] == {"code": "C01", "name": "测试县纪委监委"}  # a county defaults to itself
    assert info["admin"] == "admin"
    assert info["schema_version"] == head_revision()
    assert info["records"]["units"] == 1
    assert set(info["records"]) >= {"units", "zones", "liaisons", "staff", "villages", "supervised_units"}
    assert info["database"].startswith("SQLite" if cli.db_url is None else "postgresql")

    text = cli.ok("info").stdout
    assert "测试县纪委监委（C01，县纪委监委）" in text
    assert f"数据库版本：{head_revision()}" in text


def test_init_of_a_township_needs_its_county(cli: Cli) -> None:
    result = cli.run(
        "init", "--type", "township", "--code", "T01", "--name", "城关镇纪委", "--admin", "admin"
    )
    assert result.returncode == 2
    assert "--county-code" in result.stderr
    assert not cli.data_dir.exists()

    cli.ok(
        "init",
        "--type",
        "township",
        "--code",
        "T01",
        "--name",
        "城关镇纪委",
        "--county-code",
        "C01",
        "--county-name",
        "测试县",
        "--admin",
        "clerk",
    )
    info = cli.json("info", "--json")
    assert info["unit"]["type"] == "township"
    assert info["county"] == {"code": "C01", "name": "测试县"}
    assert info["admin"] == "clerk"


def test_init_refusals(cli: Cli, password_file: Callable[[str], Path]) -> None:
    weak = password_file("12345678", "weak.txt")
    result = cli.run(
        "init",
        "--type",
        "county",
        "--code",
        "C01",
        "--name",
        "县",
        "--admin",
        "admin",
        JIWEI_PASSWORD_FILE=str(weak),
    )
    assert result.returncode == 1
    assert _one_line(result.stderr) == "密码须同时包含字母和数字（或符号）。"
    assert not cli.data_dir.exists()  # nothing was created

    result = cli.run("init", "--type", "county", "--code", "C 01", "--name", "县", "--admin", "admin")
    assert result.returncode == 1
    assert "「单位代码」只能用字母、数字、下划线和连字符" in _one_line(result.stderr)

    cli.init_county()
    result = cli.run("init", "--type", "county", "--code", "C02", "--name", "另一个县", "--admin", "admin")
    assert result.returncode == 1
    assert _one_line(result.stderr) == "本数据目录已经初始化，不能再次初始化。"
    assert cli.json("info", "--json")["unit"]["code"] == "C01"


@pytest.mark.parametrize("command", [["info"], ["dump"], ["demo"], ["unit", "list"]])
def test_commands_refuse_an_uninitialised_folder(cli: Cli, command: list[str]) -> None:
    result = cli.run(*command)
    assert result.returncode == 1
    assert _one_line(result.stderr) == NOT_INITIALISED
    assert result.stdout == ""
    assert not cli.data_dir.exists()  # and nothing was created there


def test_password_checks(cli: Cli, password_file: Callable[[str], Path], tmp_path: Path) -> None:
    cli.init_county()
    before = cli.ok("dump").stdout
    wrong = password_file("not-the-password1", "wrong.txt")
    for args in (
        ["info"],
        ["dump"],
        ["demo"],
        ["unit", "add", "--type", "office", "--code", "S01", "--name", "组宣室"],
    ):
        result = cli.run(*args, JIWEI_PASSWORD_FILE=str(wrong))
        assert result.returncode == 1, args
        assert _one_line(result.stderr) == WRONG_PASSWORD
        assert result.stdout == ""
    result = cli.run("--user", "nobody", "info")
    assert (result.returncode, _one_line(result.stderr)) == (1, WRONG_PASSWORD)
    assert _data(cli.ok("dump").stdout) == _data(before)  # nothing changed
    # One audit entry per refused attempt, written by the next successful log-in.
    failed = [(e["actor"], e["action"]) for e in _audit(cli) if e["action"] == "login_failed"]
    assert failed == [("admin", "login_failed")] * 4 + [("nobody", "login_failed")]

    # No password file and no terminal to ask on: refused with the reason.
    result = cli.run("info", JIWEI_PASSWORD_FILE="")
    assert result.returncode == 1
    assert "--password-file" in _one_line(result.stderr)
    missing = tmp_path / "missing.txt"
    result = cli.run("info", JIWEI_PASSWORD_FILE=str(missing))
    assert result.returncode == 1 and "无法读取密码文件" in _one_line(result.stderr)

    # Only the first line counts; --password-file beats the environment; options after the command work.
    two_lines = tmp_path / "two-lines.txt"
    two_lines.write_text(f"{PASSWORD}\nsomething else\n", encoding="utf-8")
    assert cli.run("--password-file", str(two_lines), "info", JIWEI_PASSWORD_FILE=str(wrong)).returncode == 0
    result = cli.run("info", "--json", "--password-file", str(two_lines), JIWEI_PASSWORD_FILE=str(wrong))
    assert json.loads(result.stdout)["unit"]["code"] == "C01"


USAGE_ERRORS = [
    [],
    ["frobnicate"],
    ["init", "--type", "county", "--code", "C01", "--name", "县"],  # --admin missing
    ["init", "--type", "city", "--code", "C01", "--name", "县", "--admin", "admin"],
    ["init", "--type", "group", "--code", "G01", "--name", "组", "--admin", "admin", "--county-code", "C01"],
    ["unit"],
    ["unit", "add", "--type", "county", "--code", "X", "--name", "县"],
    ["unit", "add", "--type", "office", "--code", "S01", "--name", "室", "--posts", "many"],
    ["unit", "add", "--type", "office", "--code", "S01", "--name", "室", "--posts", "-1"],
    ["demo", "--seed", "x"],
    ["info", "--password", "secret"],  # passwords are never taken on the command line
]


@pytest.mark.parametrize("args", USAGE_ERRORS)
def test_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    # In-process: argparse alone decides these, before any database is touched.
    assert main(args) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "用法：" in err


def test_usage_errors_exit_2_through_python_m_app(cli: Cli) -> None:
    for args in (["frobnicate"], ["info", "--password", "secret"]):
        result = cli.run(*args)
        assert result.returncode == 2
        assert result.stdout == "" and "用法：" in result.stderr
    assert cli.run("--help").returncode == 0


def test_unit_add_and_list(cli_on: Cli) -> None:
    cli = cli_on
    cli.init_county()
    result = cli.ok("unit", "add", "--type", "township", "--code", "T01", "--name", "城关镇纪委")
    township_id = result.stdout.strip()
    assert len(township_id) == 36
    # No --posts: nothing is made up, the posts stay 未填 (and so do the vacancies).
    assert "已登记单位：城关镇纪委（T01，乡镇纪委，核定编制 未填）。" in result.stderr
    group = ("--type", "group", "--code", "G01", "--name", "派驻第一纪检监察组", "--posts", "3")
    added = cli.json("unit", "add", *group, "--json")
    assert added["code"] == "G01" and added["authorised_posts"] == 3 and added["vacancies"] == 3
    cli.ok("unit", "add", "--type", "office", "--code", "S01", "--name", "组宣室", "--posts", "4")

    units = cli.json("unit", "list", "--json")
    assert [u["code"] for u in units] == ["C01", "G01", "S01", "T01"]
    township = units[-1]
    assert township == {
        "id": township_id,
        "code": "T01",
        "name": "城关镇纪委",
        "type": "township",
        "type_label": "乡镇纪委",
        "authorised_posts": None,
        "staffed": 0,
        "vacancies": None,
        "zone": None,
    }
    listing = cli.ok("unit", "list").stdout.splitlines()
    assert listing[0].split("\t")[:3] == ["代码", "类型", "名称"]
    assert "\t".join(["S01", "委机关室", "组宣室", "4"]) in listing[3]
    assert listing[4].split("\t")[3:6] == ["未填", "0", "未填"]

    # Refusals: the register's own Chinese messages, exit 1, nothing changed.
    before = cli.ok("dump").stdout
    for args, message in (
        (
            ["--code", "T 02", "--name", "东关镇纪委"],
            "「单位代码」格式不对：只能用字母、数字、下划线和连字符，最多 32 位。",
        ),
        (["--code", "T01", "--name", "另一个镇"], "已有相同「单位代码」的记录。"),
        (["--code", "T03", "--name", "南湖镇纪委", "--posts", "100"], "「核定编制」不能大于 99。"),
        (["--code", "T04", "--name", " "], "「单位名称」不能为空。"),
    ):
        result = cli.run("unit", "add", "--type", "township", *args)
        assert result.returncode == 1, args
        assert _one_line(result.stderr) == message
        assert result.stdout == ""
    assert _data(cli.ok("dump").stdout) == _data(before)
    assert len(cli.json("unit", "list", "--json")) == 4


def test_unit_commands_are_for_the_county_only(cli: Cli) -> None:
    cli.ok(
        "init",
        "--type",
        "group",
        "--code",
        "G01",
        "--name",
        "派驻第一纪检监察组",
        "--county-code",
        "C01",
        "--county-name",
        "测试县",
        "--admin",
        "admin",
    )
    for args in (["unit", "list"], ["unit", "add", "--type", "office", "--code", "S01", "--name", "组宣室"]):
        result = cli.run(*args)
        assert result.returncode == 1
        assert _one_line(result.stderr) == "只有县纪委监委的安装才能管理单位（本机是派驻纪检监察组）。"


def test_demo_and_dump(cli_on: Cli) -> None:
    cli = cli_on
    cli.init_county("DEMO", "示范县纪委监委")
    first = cli.json("demo", "--json")
    assert first["seed"] == 1 and first["applied"] is True
    assert first["counts"]["units.added"] == 25
    assert first["totals"]["deleted"] == 0
    # The only edits of a first batch are the lifecycle steps of the casework it enters (and of
    # the integrity replies it answers).
    casework = {
        "integrity_replies",
        "reports",
        "clues",
        "inquiries",
        "verifications",
        "cases",
        "co_reviews",
        "trials",
        "dispositions",
        "detentions",
    }
    assert {k.split(".")[0] for k, n in first["counts"].items() if k.endswith(".edited") and n} <= casework

    records = cli.dump()
    assert [(r["table"], r["id"]) for r in records] == sorted((r["table"], r["id"]) for r in records)
    assert all(list(r) == ["table", "id", "owner", "version", "deleted", "fields"] for r in records)
    owners = {r["owner"] for r in records}
    assert "DEMO" in owners  # and the township whose case the county co-reviews
    assert all(
        o == "DEMO" for r in records if r["table"] in ("units", "staff", "villages") for o in [r["owner"]]
    )
    assert not any(r["deleted"] for r in records)
    assert set(records[0]["version"]) == {"origin", "counter"}
    info = cli.json("info", "--json")
    for table, register in (("units", "units"), ("staff", "staff"), ("villages", "villages")):
        assert sum(r["table"] == table for r in records) == info["records"][register]
    staff = [r for r in records if r["table"] == "staff"]
    secondee = next(r for r in staff if r["fields"]["seconded"])
    start, end = secondee["fields"]["secondment_start"], secondee["fields"]["secondment_end"]
    assert end == f"{int(start[:4]) + 1}{start[4:]}"  # dates in ISO form, one-year secondment
    assert set(staff[0]["fields"]) >= {"name", "unit_id", "post", "full_time", "note", "left_on"}
    assert not set(staff[0]["fields"]) & {"id", "owner", "version_counter", "created_at", "deleted"}

    second = cli.json("demo", "--seed", "2", "--json")
    assert (
        second["totals"]["added"] > 0 and second["totals"]["edited"] > 0 and second["totals"]["deleted"] == 3
    )
    after = {(r["table"], r["id"]): r for r in cli.dump()}
    deleted = [r for r in after.values() if r["deleted"]]
    assert sorted(r["table"] for r in deleted) == ["reports", "staff_ties", "villages"]
    before = {(r["table"], r["id"]): r for r in records}
    edited = [key for key, r in after.items() if key in before and r["fields"] != before[key]["fields"]]
    assert len(edited) >= 3  # phones, notes, the secondee who left, the deleted village
    for key in edited:
        assert after[key]["version"]["counter"] > before[key]["version"]["counter"]
    untouched = [key for key, r in after.items() if key in before and r == before[key]]
    assert len(untouched) > 300  # everything else is exactly as it was

    again = cli.run("demo", "--seed", "2", "--json")
    assert again.returncode == 0
    assert json.loads(again.stdout)["applied"] is False
    assert "已经添加过" in again.stderr


def test_two_fresh_installations_with_the_same_seeds_dump_the_same(
    tmp_path: Path, password_file: Callable[[str], Path]
) -> None:
    dumps = []
    for name in ("a", "b"):
        cli = Cli(tmp_path / name, None, password_file(PASSWORD))
        cli.init_county("DEMO", "示范县纪委监委")
        cli.ok("demo", "--seed", "3")
        cli.ok("demo", "--seed", "4")
        dumps.append([_unsealed(line) for line in _data(cli.ok("dump").stdout)])
    assert dumps[0] == dumps[1]
    assert any('"deleted": true' in line for line in dumps[0])
    # Sensitive fields (the reporter, summaries) are sealed with each installation's own key: the
    # same text, different tokens; everything else is byte for byte the same.
    assert any("<sealed>" in line for line in dumps[0])


def _unsealed(line: str) -> str:
    from app.security.sensitive import is_sealed

    row = json.loads(line)
    row["fields"] = {k: "<sealed>" if is_sealed(v) else v for k, v in row["fields"].items()}
    return json.dumps(row, ensure_ascii=False, sort_keys=True)


def test_the_command_line_does_not_import_qt(cli: Cli) -> None:
    """A process: what it imports is the question (the test run has Qt loaded already)."""
    cli.init_county()
    result = cli.process("info", "--json", python_flags=("-X", "importtime"))
    assert result.returncode == 0, result.stderr
    imported = [
        line.rsplit("|", 1)[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    ]
    assert "sqlalchemy" in imported  # the report is real
    assert not [m for m in imported if m.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "shiboken6"}]
    assert "ui" not in {m.split(".")[0] for m in imported}


def test_a_process_exits_with_the_status_of_main(cli: Cli) -> None:
    """A process: ``python -m app`` must pass ``main``'s status to the system (1 refused, 2 usage)."""
    refused = cli.process("info")
    assert (refused.returncode, _one_line(refused.stderr)) == (1, NOT_INITIALISED)
    usage = cli.process("no-such-command")
    assert usage.returncode == 2 and usage.stdout == ""
