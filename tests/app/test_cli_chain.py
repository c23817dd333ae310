"""The casework chain on the command line (``record step``, ``transfer take-up``), in-process, at a
township made from its enrolment package: a 函询 with its reply ends its clue; a case waits for the
county's co-review; a 县管干部 clue is refused and reported up. Each refusal says what the window
says."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from apphelpers import PASSWORD, Cli, EnrolledPair, enrolled_pair


@pytest.fixture
def town(tmp_path: Path, password_file: Callable[[str], Path]) -> tuple[Cli, EnrolledPair]:
    pair = enrolled_pair(tmp_path / "pair")
    pair.county.db.close()
    pair.unit.db.close()
    return Cli(pair.unit.data_dir, None, password_file(PASSWORD)), pair


def _add(cli: Cli, register: str, *sets: str) -> str:
    args = ["record", "add", register, "--confirm", "--json"]
    for s in sets:
        args += ["--set", s]
    return str(cli.json(*args)["id"])


def _step(cli: Cli, register: str, rid: str, step: str, *sets: str, reason: str = "依规办理",
          extra: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:  # fmt: skip
    args = ["record", "step", register, rid, step, "--reason", reason, "--confirm", *extra]
    for s in sets:
        args += ["--set", s]
    return cli.run(*args)


def _state(cli: Cli, register: str, rid: str) -> str:
    return str(cli.json("record", "show", register, rid, "--json")["fields"]["state"])


def _clue(cli: Cli, disposal: str, *subject: str) -> str:
    cid = _add(cli, "clues", "线索来源=petition", "收到日期=2024-09-02", "被反映人=张三",
               "工作单位=东风村村民委员会", *subject)  # fmt: skip
    assert _step(cli, "clues", cid, "propose", f"拟办意见={disposal}", "审批领导=陈书记").returncode == 0
    done = _step(cli, "clues", cid, f"dispose_{disposal}", "处置理由=集体研究", "集体研究日期=2024-09-10")
    assert done.returncode == 0, done.stderr
    return cid


def test_a_letter_and_its_reply_end_the_clue_on_the_command_line(town: tuple[Cli, EnrolledPair]) -> None:
    cli, pair = town
    lead = _add(cli, "staff", "姓名=王芳", f"所在单位={pair.unit_id}", "岗位=secretary")
    member = _add(cli, "staff", "姓名=李强", f"所在单位={pair.unit_id}", "岗位=member")
    cid = _clue(cli, "talk")
    iid = _add(cli, "inquiries", f"线索={cid}", "方式=letter", f"主办人={lead}", f"协办人={member}")
    wrong = _step(cli, "inquiries", iid, "start", "开始日期=2024-09-12")
    assert wrong.returncode != 0 and "函询不当面谈话，请用「发出函询函」。" in wrong.stderr
    sent = _step(cli, "inquiries", iid, "发出函询函", "函询函文号=城纪函〔2024〕1号", "发函日期=2024-09-12",
                 "送达日期=2024-09-13")  # fmt: skip
    assert sent.returncode == 0, sent.stderr
    assert "现为「已发函待回复」" in sent.stderr
    assert cli.json("record", "show", "inquiries", iid, "--json")["fields"]["reply_due"]
    replied = _step(cli, "inquiries", iid, "receive_reply", "回复日期=2024-09-25",
                    "党委（党组）主要负责人=刘书记", "主要负责人签署意见=说明属实")  # fmt: skip
    assert replied.returncode == 0, replied.stderr
    unassessed = _step(cli, "inquiries", iid, "report", "处理结果=clarified", "完成日期=2024-09-30",
                       "情况报告=不属实")  # fmt: skip
    assert unassessed.returncode != 0 and "函询须对回复作出评估后才能报告结果。" in unassessed.stderr
    done = _step(cli, "inquiries", iid, "report", "处理结果=clarified", "完成日期=2024-09-30",
                 "情况报告=不属实", "回复评估=truthful")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert _state(cli, "clues", cid) == "finished"


def test_a_township_case_waits_for_the_countys_co_review(town: tuple[Cli, EnrolledPair]) -> None:
    cli, pair = town
    kid = _add(
        cli, "cases", "案件编号=A1", "立案日期=2024-10-25", "被反映人=李四", f"承办单位={pair.unit_id}"
    )
    unapproved = _step(cli, "cases", kid, "approve", "审批日期=2024-10-24")
    assert unapproved.returncode != 0 and "「立案审批」须填写「立案审批机关」。" in unapproved.stderr
    approved = _step(cli, "cases", kid, "立案审批", "审批日期=2024-10-24", "立案审批机关=中共城关镇委员会",
                     "立案决定书文号=城纪立〔2024〕1号")  # fmt: skip
    assert approved.returncode == 0, approved.stderr
    assert _step(cli, "cases", kid, "investigate").returncode == 0
    assert (
        _step(cli, "cases", kid, "to_review", "移送审理日期=2024-11-20", "主要违纪违法事实=违规").returncode
        == 0
    )
    concluded = _step(cli, "cases", kid, "conclude", "结案日期=2024-11-25",
                      extra=("--doc-no", "城纪审〔2024〕1号", "--doc-on", "2024-11-25"))  # fmt: skip
    assert concluded.returncode != 0 and "收到县纪委监委的协审意见后才能审结" in concluded.stderr
    typed = cli.run("record", "add", "co_reviews", "--set", f"案件={kid}", "--set", "提请日期=2024-11-21")
    assert typed.returncode != 0 and "这些记录只由县纪委监委维护，本单位只能查看。" in typed.stderr
    assert _state(cli, "cases", kid) == "review"


def test_a_county_managed_cadre_is_refused_and_reported_up(town: tuple[Cli, EnrolledPair]) -> None:
    cli, _pair = town
    cid = _add(cli, "clues", "线索来源=petition", "收到日期=2024-09-02", "被反映人=赵书记",
               "工作单位=中共城关镇委员会", "管理权限=县管干部")  # fmt: skip
    assert _step(cli, "clues", cid, "propose", "拟办意见=verify", "审批领导=陈书记").returncode == 0
    refused = _step(cli, "clues", cid, "dispose_verify", "处置理由=核实", "集体研究日期=2024-09-10")
    assert refused.returncode != 0 and "「赵书记」是县管干部，不属本单位管理权限" in refused.stderr
    up = _step(cli, "clues", cid, "report_up", reason="县管干部，报县纪委监委")
    assert up.returncode == 0, up.stderr
    assert _state(cli, "clues", cid) == "reported"
    [request] = cli.json("transfer", "list", "--json")
    assert (request["kind"], request["to_unit"], request["row_id"]) == ("request", "C01", cid)
    not_here = cli.run("transfer", "take-up", "clues", cid, "--reason", "提级")
    assert not_here.returncode != 0 and "只有县纪委监委可以变更记录的归属单位" in not_here.stderr


def test_a_township_cannot_list_detentions(town: tuple[Cli, EnrolledPair]) -> None:
    cli, _pair = town
    hidden = cli.run("record", "list", "detentions")
    assert hidden.returncode != 0 and "「留置」只在县纪委监委使用。" in hidden.stderr


def test_the_whole_case_chain_across_the_county_on_the_command_line(
    tmp_path: Path, password_file: Callable[[str], Path]
) -> None:
    """clue → 初步核实 → 立案 → the county's co-review, carried in bundles → 审结 → 处分决定 → 宣布 →
    执行 → 回访, every step a ``record step`` at the installation whose record it is."""
    pair = enrolled_pair(tmp_path / "pair")
    pair.county.db.close()
    pair.unit.db.close()
    town = Cli(pair.unit.data_dir, None, password_file(PASSWORD))
    county = Cli(pair.county.data_dir, None, password_file(PASSWORD))
    stick = tmp_path / "stick"
    stick.mkdir()

    def carry(sender: Cli, receiver: Cli, *to: str) -> None:
        bundle = sender.json("export", "--out", str(stick), "--json", *to)["path"]
        receiver.ok("import", bundle)

    def ok(cli: Cli, register: str, rid: str, step: str, *sets: str, extra: tuple[str, ...] = ()) -> None:
        done = _step(cli, register, rid, step, *sets, extra=extra)
        assert done.returncode == 0, done.stderr

    lead = _add(town, "staff", "姓名=王芳", f"所在单位={pair.unit_id}", "岗位=secretary")
    member = _add(town, "staff", "姓名=李强", f"所在单位={pair.unit_id}", "岗位=member")
    person = _add(town, "people", "姓名=张三", "工作单位=东风村村民委员会", "中共党员=是", "监察对象类别=5")
    cid = _clue(town, "verify", f"人员库记录={person}")
    vid = _add(town, "verifications", f"线索={cid}", f"主办人={lead}", f"协办人={member}")
    ok(town, "verifications", vid, "start", "开始日期=2024-09-12")
    ok(
        town,
        "verifications",
        vid,
        "report",
        "处理结果=propose_case",
        "完成日期=2024-10-20",
        "情况报告=建议立案",
    )
    kid = _add(
        town, "cases", "案件编号=A2", f"来源线索={cid}", "立案日期=2024-10-25", f"承办单位={pair.unit_id}"
    )
    ok(
        town,
        "cases",
        kid,
        "approve",
        "立案审批机关=中共城关镇委员会",
        "立案决定书文号=城纪立1",
        "审批日期=2024-10-24",
    )
    assert _state(town, "clues", cid) == "case"
    ok(town, "cases", kid, "investigate")
    ok(town, "cases", kid, "to_review", "移送审理日期=2024-11-20", "主要违纪违法事实=违规发放补贴")
    carry(town, county)
    rid = _add(county, "co_reviews", f"案件={kid}", "提请日期=2024-11-21")
    ok(county, "co_reviews", rid, "give_opinion", "协审人（案件审理室）=孙某", "协审意见=同意",
       "意见日期=2024-11-28", "协审结果=agree")  # fmt: skip
    carry(county, town, "--to", "T01")
    ok(
        town,
        "cases",
        kid,
        "conclude",
        "结案日期=2024-12-02",
        extra=("--doc-no", "城纪审1", "--doc-on", "2024-12-01"),
    )
    assert _state(town, "clues", cid) == "finished"
    mid = _add(town, "dispositions", f"人员库记录={person}", "处理类别=party", "处理方式=警告",
               "决定日期=2024-12-03", f"关联案件={kid}", f"办理单位={pair.unit_id}")  # fmt: skip
    ok(town, "dispositions", mid, "announce", "宣布送达日期=2024-12-06")
    ok(town, "dispositions", mid, "execute", "执行日期=2024-12-08")
    ok(town, "dispositions", mid, "revisit", "回访日期=2025-06-01", "回访情况=表现良好")
    assert _state(town, "dispositions", mid) == "visited"
