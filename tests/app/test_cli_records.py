"""The forms and workflows on the command line: ``record list/show/add/edit/delete/step``,
``clue from-report`` and ``conflicts settle``, in-process, with the form's values and messages."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from apphelpers import PASSWORD, EnrolledPair, enrolled_pair

from app import cli
from app.context import Context
from app.registers import get
from app.services.login import login
from app.services.records import RecordService
from app.sync import exchange


@pytest.fixture
def pair(tmp_path: Path) -> EnrolledPair:
    p = enrolled_pair(tmp_path)
    p.county.db.close()
    p.unit.db.close()
    return p


def run(folder: Path, *argv: str, user: str = "admin") -> tuple[int, str, str]:
    password = folder.parent / "pw.txt"
    password.write_text(PASSWORD + "\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.main(["--data-dir", str(folder), "--user", user, "--password-file", str(password), *argv])
    return code, out.getvalue(), err.getvalue()


def test_a_report_typed_on_the_command_line_becomes_a_clue(pair: EnrolledPair, tmp_path: Path) -> None:
    town = tmp_path / "T01"
    code, out, err = run(town, "record", "add", "reports", "--set", "received_on=2022-03-01",
                         "--set", "反映方式=来信", "--set", "subject_name=郑某", "--set", "工作单位=城关镇人民政府",
                         "--json")  # fmt: skip
    assert code == 0, err
    report = json.loads(out)["id"]
    code, out, err = run(town, "record", "show", "reports", report, "--json")
    assert code == 0 and json.loads(out)["fields"]["method"] == "letter"  # the label 来信, stored as its code
    code, _out, err = run(town, "record", "add", "reports", "--set", "received_on=2022-13-01")
    assert code == 1 and "格式如 2022-06-30" in err  # the form's message
    code, out, err = run(town, "clue", "from-report", report, "--json")
    assert code == 0, err
    clue = json.loads(out)["id"]
    code, out, _err = run(town, "record", "show", "reports", report, "--json")
    assert json.loads(out)["fields"]["state"] == "clued"
    code, out, _err = run(town, "record", "list", "clues", "--json")
    assert [r["id"] for r in json.loads(out)] == [clue]
    code, _out, err = run(town, "record", "step", "clues", clue, "no-such-step", "--reason", "试")
    assert code == 1 and "没有「no-such-step」这一办理环节" in err


def test_edit_and_delete_keep_the_rules(pair: EnrolledPair, tmp_path: Path) -> None:
    county = tmp_path / "county"
    code, out, err = run(county, "record", "add", "zones", "--set", "片区名称=第一片区", "--json")
    assert code == 0, err
    zone = json.loads(out)["id"]
    assert run(county, "record", "edit", "zones", zone, "--set", "leader=赵常委")[0] == 0
    code, out, _err = run(county, "record", "show", "zones", zone, "--json")
    assert json.loads(out)["fields"]["leader"] == "赵常委"
    code, _out, err = run(county, "record", "edit", "zones", zone, "--set", "nonsense=1")
    assert code == 1 and "未知字段" in err
    code, _out, err = run(
        county, "record", "add", "staff", "--set", "name=王某", "--set", "unit_id=不存在的单位"
    )
    assert code == 1 and "找不到「不存在的单位」" in err
    assert run(county, "record", "delete", "zones", zone)[0] == 0
    code, out, _err = run(county, "record", "list", "zones", "--json")
    assert json.loads(out) == []


def test_a_conflict_is_settled_on_the_command_line(pair: EnrolledPair, tmp_path: Path) -> None:
    town_ctx = login(tmp_path / "T01", None, "admin", PASSWORD)
    staff = get("staff")
    sid = RecordService(town_ctx).save(staff, {"name": "王芳", "unit_id": pair.unit_id, "post": "secretary"})
    stick = tmp_path / "stick"
    stick.mkdir()
    first = exchange.export_bundle(town_ctx, stick)
    assert run(tmp_path / "county", "import", str(first.path))[0] == 0
    RecordService(town_ctx).save(staff, {"phone": "111111"}, sid)
    second = exchange.export_bundle(town_ctx, stick)
    town_ctx.db.close()
    # A county edit of the township's row, as an installation from before the ownership rule made it.
    county_ctx = login(tmp_path / "county", None, "admin", PASSWORD)
    RecordService(Context.system(county_ctx.db, "admin")).save(staff, {"phone": "222222"}, sid)
    county_ctx.db.close()
    assert run(tmp_path / "county", "import", str(second.path))[0] == 0
    code, out, _err = run(tmp_path / "county", "conflicts", "--json")
    [conflict] = json.loads(out)
    code, out, _err = run(tmp_path / "county", "conflicts")  # the table and the side in words
    assert out.split("\t")[1] == "人员与岗位" and out.rstrip("\n").split("\t")[4] in ("本机", "对方")
    code, _out, err = run(tmp_path / "county", "conflicts", "settle", str(conflict["id"]), "--keep", "remote")
    assert code == 0, err
    code, out, _err = run(tmp_path / "county", "record", "show", "staff", sid, "--json")
    assert json.loads(out)["fields"]["phone"] == "111111"
    code, _out, err = run(tmp_path / "county", "conflicts", "settle", str(conflict["id"]), "--keep", "local")
    assert code == 1 and err.strip()  # settled once only
