"""Excel ledgers into the registers: templates, messy real-world workbooks, the program's own
export read back, sealed values, references, rights, and old casework entering through the
recorded step 历史台账导入. The workbooks are made here with openpyxl."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from apphelpers import PASSWORD, Cli
from sqlalchemy import select

from app.context import Context
from app.models.casework import Transition
from app.registers import REGISTERS, get
from app.security.roles import PermissionDenied
from app.security.sensitive import RESTRICTED
from app.services import login, users
from app.services.installation import SetupRequest
from app.services.records import RecordService
from app.services.spreadsheet import ID_HEADER, export_register
from app.services.transitions import LEDGER_IMPORT, Transitions
from app.services.xlsx_import import NotImportable, check_file, import_file, importable, parse_date
from app.services.xlsx_template import write_template

STAFF, UNITS, CLUES, REPORTS = get("staff"), get("units"), get("clues"), get("reports")
SETUP = SetupRequest("county", "C01", "测试县纪委监委", "C01", "测试县", "admin", PASSWORD)


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    """A county installation made as a person makes it (its administrator holds the keys)."""
    data_dir = tmp_path / "county"
    opened = login.create(data_dir, None, SETUP)
    records = RecordService(opened)
    for code, name in (("T01", "城关镇纪委"), ("T02", "河口乡纪委")):
        records.save(UNITS, {"code": code, "name": name, "unit_type": "township"})
    opened.db.close()
    yield data_dir


@pytest.fixture
def admin(folder: Path) -> Iterator[Context]:
    ctx = login.login(folder, None, "admin", PASSWORD)
    yield ctx
    ctx.db.close()


def as_role(admin: Context, folder: Path, role: str) -> Context:
    users.create_user(admin, f"u_{role}", role, role, PASSWORD)
    return login.login(folder, None, f"u_{role}", PASSWORD)


def unit_id(records: RecordService, code: str) -> str:
    return next(i for i in records.ids(UNITS) if records.get(UNITS, i)["code"] == code)


def workbook(path: Path, rows: list[list[Any]], *, merged: tuple[str, ...] = ()) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for row in rows:
        ws.append(row)
    for cells in merged:
        ws.merge_cells(cells)
    wb.save(path)
    return path


def staff_rows(records: RecordService) -> dict[str, dict[str, Any]]:
    return {v["name"]: v for v in (records.get(STAFF, i) for i in records.ids(STAFF))}


HEADER = ["序号", "姓名", "性别", "所在单位", "岗位", "专职", "挂职开始", "联系电话", "备注（不导入）"]


def messy_staff(path: Path, *, bad: bool = False) -> Path:
    rows: list[list[Any]] = [
        ["城关镇纪委 人员与岗位台账（2022 年）", None, None, None, None, None, None, None, None],
        ["填报单位：城关镇纪委", None, None, None, "填报日期：2022年6月30日", None, None, None, None],
        HEADER,
        [1, " 王芳 ", "女", "T01", "书记", "是", "2022.6.30", "１３９０００００００１", ""],
        [None] * 9,
        [2, "李强", "男", "城关镇纪委", "member", "否", "2022年6月30日", 13900000002, ""],
        [3, "张伟", "男", "T02", "委员", "√", "2022/6/30", "", ""],
        [4, "陈静", "女", "河口乡纪委", "副书记", "否", "2022-06-30", "", ""],
        [5, "赵敏", "女", "T02", "委员", "否", 44742, "", ""],
        [6, "孙丽", "女", "T02", "委员", "否", datetime(2022, 6, 30), "", ""],
        ["  ", None, None, None, None, None, None, None, None],
    ]
    if bad:
        rows.insert(6, [7, "钱七", "男", "T09", "队长", "也许", "2022-13-01", "", ""])
    return workbook(path, rows, merged=("A1:I1", "A2:D2"))


def test_dates_are_read_as_people_type_them() -> None:
    for text in ("2022.6.30", "2022年6月30日", "2022/6/30", "2022-06-30", "20220630", "２０２２．６．３０",
                 44742, datetime(2022, 6, 30, 0, 0), date(2022, 6, 30), " 2022 年 6 月 30 日 "):  # fmt: skip
        assert parse_date(text) == date(2022, 6, 30), text
    assert parse_date("2022-13-01") == "2022-13-01"  # left for the register's own message


def test_a_messy_ledger_comes_in(admin: Context, tmp_path: Path) -> None:
    records = RecordService(admin)
    report = import_file(records, STAFF, messy_staff(tmp_path / "台账.xlsx"))
    assert report.ok and report.saved, [str(e.message) for e in report.errors]
    assert report.header_row == 3
    assert report.count("created") == 6
    assert any("备注（不导入）" in str(n) for n in report.notes)  # an unknown column is named, not read
    staff = staff_rows(records)
    assert set(staff) == {"王芳", "李强", "张伟", "陈静", "赵敏", "孙丽"}
    assert {s["secondment_start"] for s in staff.values()} == {date(2022, 6, 30)}
    assert staff["王芳"]["phone"] == "13900000001"  # full-width digits
    assert staff["李强"]["phone"] == "13900000002"  # a number cell
    assert staff["王芳"]["unit_id"] == staff["李强"]["unit_id"] == unit_id(records, "T01")  # code or name
    assert staff["李强"]["post"] == "member" and staff["陈静"]["post"] == "deputy_secretary"
    assert staff["王芳"]["full_time"] is True and staff["张伟"]["full_time"] is True
    assert staff["陈静"]["full_time"] is False


def test_a_bad_row_in_the_middle_saves_nothing_and_is_named(admin: Context, tmp_path: Path) -> None:
    records = RecordService(admin)
    report = import_file(records, STAFF, messy_staff(tmp_path / "台账.xlsx", bad=True))
    assert not report.saved and records.ids(STAFF) == []
    found = {(e.row, e.column) for e in report.errors}
    assert found == {(7, "所在单位"), (7, "岗位"), (7, "专职"), (7, "挂职开始")}
    messages = {e.column: str(e.message) for e in report.errors}
    assert messages["所在单位"] == "「所在单位」找不到「T09」（可填名称、代码或编号）。"
    assert messages["岗位"] == "「岗位」的取值无效。"  # the register's own message
    assert "格式如 2022-06-30" in messages["挂职开始"]


def test_the_command_line_reports_rows_and_saves_all_or_none(folder: Path, tmp_path: Path) -> None:
    cli = Cli(folder, None, tmp_path / "pw.txt")
    (tmp_path / "pw.txt").write_text(PASSWORD + "\n", encoding="utf-8")
    bad = messy_staff(tmp_path / "bad.xlsx", bad=True)
    result = cli.run("import-xlsx", "staff", str(bad), "--json")
    assert result.returncode == 1
    doc = json.loads(result.stdout)
    assert doc["saved"] is False and {(e["row"], e["column"]) for e in doc["errors"]} >= {(7, "岗位")}
    assert "第 7 行「岗位」：「岗位」的取值无效。" in result.stderr
    good = messy_staff(tmp_path / "good.xlsx")
    dry = cli.run("import-xlsx", "人员与岗位", str(good), "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout)["created"] == 6 and json.loads(dry.stdout)["saved"] is False
    listed = cli.run("record", "list", "staff", "--json")
    assert json.loads(listed.stdout) == []  # the dry run saved nothing
    done = cli.run("import-xlsx", "staff", str(good))
    assert done.returncode == 0 and "新增 6 条" in done.stderr
    assert len(json.loads(cli.run("record", "list", "staff", "--json").stdout)) == 6


def test_dry_run_saves_nothing(admin: Context, tmp_path: Path) -> None:
    records = RecordService(admin)
    report = check_file(records, STAFF, messy_staff(tmp_path / "台账.xlsx"))
    assert report.ok and not report.saved and report.count("created") == 6
    assert records.ids(STAFF) == []


def test_rows_that_clash_within_the_file_are_named(admin: Context, tmp_path: Path) -> None:
    path = workbook(tmp_path / "u.xlsx", [["单位代码", "单位名称", "单位类型"], ["T05", "一乡", "乡镇纪委"],
                                          ["T05", "二乡", "乡镇纪委"]])  # fmt: skip
    report = import_file(RecordService(admin), UNITS, path)
    assert [(e.row, e.column) for e in report.errors] == [(3, "单位代码")]


def test_reimporting_the_export_updates_instead_of_duplicating(admin: Context, tmp_path: Path) -> None:
    records = RecordService(admin)
    assert import_file(records, STAFF, messy_staff(tmp_path / "in.xlsx")).saved
    out = tmp_path / "out.xlsx"
    export_register(records, STAFF, records.ids(STAFF), out)
    wb = openpyxl.load_workbook(out)
    ws = wb.active
    assert ws is not None
    header = [c.value for c in ws[1]]
    assert (
        header[-1] == ID_HEADER and ws.column_dimensions[openpyxl.utils.get_column_letter(len(header))].hidden
    )
    phone = header.index("联系电话") + 1
    name = header.index("姓名") + 1
    for row in range(2, ws.max_row + 1):
        if ws.cell(row, name).value == "王芳":
            ws.cell(row, phone).value = "0790-1234567"
    ws.append(["周八", "男", "城关镇纪委", "委员"])  # a new row without an id
    wb.save(out)
    report = import_file(records, STAFF, out)
    assert report.ok, [str(e.message) for e in report.errors]
    assert (report.count("updated"), report.count("created")) == (6, 1)
    staff = staff_rows(records)
    assert len(records.ids(STAFF)) == 7
    assert staff["王芳"]["phone"] == "0790-1234567"
    assert staff["王芳"]["secondment_start"] == date(2022, 6, 30)  # a column the sheet has, unchanged


def test_an_id_this_installation_does_not_know_is_a_row_error(admin: Context, tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "x.xlsx", [["姓名", "所在单位", "岗位", ID_HEADER], ["周八", "T01", "委员", "nope"]]
    )
    report = import_file(RecordService(admin), STAFF, path)
    assert [(e.row, e.column) for e in report.errors] == [(2, ID_HEADER)]


def test_an_ambiguous_reference_is_a_row_error(admin: Context, tmp_path: Path) -> None:
    records = RecordService(admin)
    t01 = unit_id(records, "T01")
    for _ in range(2):
        records.save(STAFF, {"name": "王芳", "unit_id": t01, "post": "member"})
    ties = get("staff_ties")
    header = [ties.field("staff_id").label, ties.field("person_name").label, ties.field("relation").label]
    relation = ties.field("relation").choices[0][1]
    path = workbook(tmp_path / "t.xlsx", [header, ["王芳", "赵某", relation]])
    report = import_file(records, ties, path)
    assert [(e.row, e.column) for e in report.errors] == [(2, header[0])]
    assert "对应 2 条记录" in str(report.errors[0].message)

    # A row of the program's own export names its record: the name it already points to settles
    # it, and the re-import updates the row instead of refusing it.
    wang = records.ids(STAFF)[1]
    tie = records.save(
        ties, {"staff_id": wang, "person_name": "赵某", "relation": ties.field("relation").choices[0][0]}
    )
    out = tmp_path / "ties.xlsx"
    export_register(records, ties, [tie], out)
    again = import_file(records, ties, out)
    assert again.ok and again.count("updated") == 1, [str(e.message) for e in again.errors]
    assert records.get(ties, tie)["staff_id"] == wang


def test_a_restricted_cell_never_overwrites_a_sealed_value(
    admin: Context, folder: Path, tmp_path: Path
) -> None:
    records = RecordService(admin)
    rid = records.save(REPORTS, {"received_on": date(2022, 3, 1), "method": "letter", "named": True,
                                 "reporter": "举报人周某", "subject_name": "郑某"})  # fmt: skip
    clerk = as_role(admin, folder, "staff")  # edits, but may not open sealed fields
    try:
        mine = RecordService(clerk)
        out = tmp_path / "reports.xlsx"
        export_register(mine, REPORTS, mine.ids(REPORTS), out)
        wb = openpyxl.load_workbook(out)
        ws = wb.active
        assert ws is not None
        header = [c.value for c in ws[1]]
        assert ws.cell(2, header.index("举报人") + 1).value == RESTRICTED
        ws.cell(2, header.index("被反映人") + 1).value = "郑某某"
        wb.save(out)
        report = import_file(mine, REPORTS, out)
        assert report.ok and report.count("updated") == 1, [str(e.message) for e in report.errors]
        # the administrator, who holds the key, reads it back too: （受限） changes nothing either
        again = import_file(records, REPORTS, out)
        assert again.ok
    finally:
        clerk.db.close()
    stored = records.get(REPORTS, rid)
    assert stored["reporter"] == "举报人周某" and stored["subject_name"] == "郑某某"


def test_a_read_only_account_is_refused_as_in_the_window(
    admin: Context, folder: Path, tmp_path: Path
) -> None:
    reader = as_role(admin, folder, "readonly")
    try:
        with pytest.raises(PermissionDenied) as refused:
            check_file(RecordService(reader), STAFF, messy_staff(tmp_path / "in.xlsx"))
        assert str(refused.value.message) == "当前用户没有「录入和修改」的权限。"
    finally:
        reader.db.close()
    (tmp_path / "pw.txt").write_text(PASSWORD + "\n", encoding="utf-8")
    cli = Cli(folder, None, tmp_path / "pw.txt")
    result = cli.run("--user", "u_readonly", "import-xlsx", "staff", str(tmp_path / "in.xlsx"))
    assert result.returncode == 1 and result.stderr.strip() == "当前用户没有「录入和修改」的权限。"
    assert RecordService(admin).ids(STAFF) == []


def test_old_casework_enters_a_later_state_through_a_recorded_step(admin: Context, tmp_path: Path) -> None:
    records = RecordService(admin)
    header = ["线索编号", "线索来源", "收到日期", "被反映人", "承办单位", "拟办意见", "审批领导", "处置方式", "处置理由",
              "集体研究日期", "状态"]  # fmt: skip
    rows = [
        header,
        [
            "X2022-01",
            "信访举报",
            "2022.3.1",
            "赵某",
            "T01",
            "初步核实",
            "王书记",
            "初步核实",
            "反映具体",
            "2022年3月8日",
            "初步核实中",
        ],  # fmt: skip
        ["X2022-02", "信访举报", "2022/3/2", "钱某", "T01", "", "", "", "", "", "已登记"],
    ]
    path = workbook(tmp_path / "clues.xlsx", rows)
    report = import_file(records, CLUES, path)
    assert report.ok, [(e.row, e.column, str(e.message)) for e in report.errors]
    assert report.imported_states == 1
    by_number = {records.get(CLUES, i)["number"]: i for i in records.ids(CLUES)}
    first = records.get(CLUES, by_number["X2022-01"])
    assert (first["state"], first["disposal"]) == ("verification", "verify")
    timeline = Transitions(records).timeline(CLUES, by_number["X2022-01"])
    assert [(t.action, t.to_state, t.reason) for t in timeline[1:]] == [
        ("历史台账导入", "初步核实中", "历史台账导入")
    ]
    with admin.session() as s:
        steps = s.scalars(select(Transition).where(Transition.record_id == by_number["X2022-02"])).all()
        assert steps == []  # the first state needs no step
        assert s.scalars(select(Transition.action)).all() == [LEDGER_IMPORT]


def test_the_chain_rules_hold_for_old_casework(admin: Context, tmp_path: Path) -> None:
    records = RecordService(admin)
    header = ["线索编号", "线索来源", "收到日期", "被反映人", "承办单位", "状态"]
    rows = [header, ["X1", "信访举报", "2022-03-01", "赵某", "T01", "初步核实中"],
            ["X2", "信访举报", "2022-03-01", "钱某", "T01", "已上报县纪委监委"]]  # fmt: skip
    report = import_file(records, CLUES, workbook(tmp_path / "c.xlsx", rows))
    assert not report.saved and records.ids(CLUES) == []
    by_row: dict[int, list[str]] = {}
    for e in report.errors:
        by_row.setdefault(e.row, []).append(f"{e.column}:{e.message}")
    assert any("状态为「初步核实中」的记录须填写「拟办意见」" in m for m in by_row[2])
    assert by_row[3] == [
        "状态:「已上报县纪委监委」的记录不能从台账导入（可导入的状态：已登记、已拟办待批、谈话函询中、初步核实中、"
        "暂存待查、已了结、已立案、已办结）。"
    ]


def test_an_existing_record_keeps_its_state(admin: Context, tmp_path: Path) -> None:
    records = RecordService(admin)
    path = workbook(tmp_path / "c.xlsx", [["线索编号", "线索来源", "收到日期", "被反映人", "承办单位"],
                                          ["X1", "信访举报", "2022-03-01", "赵某", "T01"]])  # fmt: skip
    assert import_file(records, CLUES, path).saved
    rid = records.ids(CLUES)[0]
    path = workbook(tmp_path / "d.xlsx", [["线索编号", "状态", ID_HEADER], ["X1", "已了结", rid]])
    report = import_file(records, CLUES, path)
    assert [(e.row, e.column) for e in report.errors] == [(2, "状态")]


def test_the_template_has_lists_formats_and_instructions(admin: Context, tmp_path: Path) -> None:
    records = RecordService(admin)
    path = tmp_path / "staff.xlsx"
    columns = write_template(records, STAFF, path)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    assert len(header) == columns and header[:4] == ["姓名", "性别", "所在单位", "岗位"]
    assert ws.cell(1, 1).font.color.rgb.endswith("C00000")  # required: red
    lists = wb["_options"]
    assert lists.sheet_state == "hidden"
    validations = {str(dv.sqref).split(":")[0]: dv for dv in ws.data_validations.dataValidation}
    letter = {h: openpyxl.utils.get_column_letter(i + 1) for i, h in enumerate(header)}

    def allowed(column: str) -> list[str]:
        dv = validations[f"{letter[column]}2"]
        sheet_range = dv.formula1.split("!")[1].replace("$", "")
        return [c.value for (c,) in lists[sheet_range]]

    assert allowed("岗位")[:3] == ["书记", "副书记", "委员"]
    assert allowed("专职") == ["是", "否"]
    assert allowed("所在单位") == sorted(allowed("所在单位"), key=allowed("所在单位").index)
    assert {"城关镇纪委", "河口乡纪委"} <= set(allowed("所在单位"))
    assert validations[f"{letter['岗位']}2"].errorStyle == "stop"
    assert ws[f"{letter['挂职开始']}2"].number_format == "yyyy-mm-dd"
    guide = wb["填写说明"]
    text = "\n".join(str(c.value) for row in guide.iter_rows() for c in row if c.value)
    assert "2022年6月30日" in text and "必填" in text and "书记、副书记" in text
    # the template filled in and imported
    ws.append(["吴九", "男", "城关镇纪委", "委员"])
    wb.save(path)
    assert import_file(records, STAFF, path).count("created") == 1


def test_every_register_has_a_template_that_reads_back(admin: Context, tmp_path: Path) -> None:
    records = RecordService(admin)
    for name, reg in REGISTERS.items():
        if not importable(reg):  # records only steps make (回避决定)
            with pytest.raises(NotImportable):
                write_template(records, reg, tmp_path / "no.xlsx")
            continue
        path = tmp_path / f"{name}.xlsx"
        write_template(records, reg, path)
        report = check_file(records, reg, path)
        assert report.ok and report.rows == [], name
        assert report.header_row == 1


def test_registers_json(cli: Cli) -> None:
    result = cli.run("registers", "--json")
    assert result.returncode == 0, result.stderr
    docs = {d["key"]: d for d in json.loads(result.stdout)}
    assert set(docs) == set(REGISTERS)
    clues = docs["clues"]
    assert (clues["title"], clues["area"], clues["area_title"]) == ("问题线索", "intake", "信访与线索")
    fields = {f["name"]: f for f in clues["fields"]}
    assert fields["received_on"] == {
        **fields["received_on"],
        "kind": "date",
        "required": True,
        "label": "收到日期",
    }
    assert "reported" not in clues["importable_states"]


def test_an_export_with_computed_columns_reads_back_without_duplicates(
    admin: Context, tmp_path: Path
) -> None:
    records = RecordService(admin)
    before = sorted(records.ids(UNITS))
    out = tmp_path / "units.xlsx"
    export_register(records, UNITS, before, out)
    report = import_file(records, UNITS, out)
    assert report.ok and report.count("updated") == len(before) and report.count("created") == 0
    assert sorted(records.ids(UNITS)) == before


def test_the_template_of_a_register_with_a_lifecycle_offers_the_importable_states(
    admin: Context, tmp_path: Path
) -> None:
    path = tmp_path / "clues.xlsx"
    write_template(RecordService(admin), CLUES, path)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    assert "状态" in header and "处置方式" not in header  # set by the steps, not typed
    column = openpyxl.utils.get_column_letter(header.index("状态") + 1)
    dv = next(d for d in ws.data_validations.dataValidation if str(d.sqref).startswith(f"{column}2"))
    states = [c.value for (c,) in wb["_options"][dv.formula1.split("!")[1].replace("$", "")]]
    assert states[0] == "已登记" and "初步核实中" in states and "已上报县纪委监委" not in states
    guide = "\n".join(str(c.value) for row in wb["填写说明"].iter_rows() for c in row if c.value)
    assert "历史台账导入" in guide


def test_an_old_case_meets_the_steps_own_checks(admin: Context, tmp_path: Path) -> None:
    """A case under investigation comes in; one already 已结案 is refused as 结案 is: a township's
    case needs the county's co-review first, which an old ledger's row cannot bring."""
    records = RecordService(admin)
    cases = get("cases")
    header = ["案件编号", "立案日期", "被反映人", "承办单位", "立案审批机关", "立案决定书文号", "审批日期",
              "移送审理日期", "主要违纪违法事实", "结案日期", "状态"]  # fmt: skip
    open_case = [
        "A1",
        "2022.3.1",
        "赵某",
        "T01",
        "镇党委",
        "〔2022〕1号",
        "2022.3.1",
        "",
        "",
        "",
        "审查调查中",
    ]
    closed = ["A2", "2022.3.1", "钱某", "T01", "镇党委", "〔2022〕2号", "2022.3.1", "2022.5.1", "收受礼金", "2022.6.1",
              "已结案"]  # fmt: skip
    report = import_file(records, cases, workbook(tmp_path / "cases.xlsx", [header, open_case, closed]))
    assert [(e.row, e.column) for e in report.errors] == [(3, "（整行）")]
    assert "协审" in str(report.errors[0].message)
    report = import_file(records, cases, workbook(tmp_path / "open.xlsx", [header, open_case]))
    assert report.saved and report.imported_states == 1
    (case_id,) = records.ids(cases)
    stored = records.get(cases, case_id)
    assert (stored["state"], stored["approval_no"]) == ("investigating", "〔2022〕1号")
