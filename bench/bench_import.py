"""Excel import throughput: N staff (or clue) rows from a messy ledger (text dates, full-width digits,
references by unit code or name) read, checked and saved in one transaction by
``app.services.xlsx_import.import_file``.

Baselines measured in the same run, on an installation of its own made the same way:

- A: the same N rows added one by one through ``RecordService.save`` (each its own transaction,
  as N forms saved would be), values already typed;
- B: the program's own .xlsx export of the N imported rows (``export_register``).

    .venv/bin/python bench/bench_import.py [--rows 2000] [--register staff|clues]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSWORD = "bench-pass-2022"
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华平刚桂兰玉霞建国志文红梅飞鹏辉斌宇浩凯健俊帆"
WIDE = str.maketrans("0123456789", "０１２３４５６７８９")


def installation(folder: Path) -> Any:
    from app.registers import get
    from app.services.installation import SetupRequest
    from app.services.login import create
    from app.services.records import RecordService

    ctx = create(
        folder, None, SetupRequest("county", "C01", "测试县纪委监委", "C01", "测试县", "admin", PASSWORD)
    )
    records = RecordService(ctx)
    for code, name in (("T01", "城关镇纪委"), ("T02", "河口乡纪委")):
        records.save(get("units"), {"code": code, "name": name, "unit_type": "township"})
    return ctx


def rows(n: int) -> list[dict[str, Any]]:
    out = []
    for i in range(n):
        day = date(2020, 1, 1) + timedelta(days=i % 1500)
        out.append({
            "name": SURNAMES[i % len(SURNAMES)] + GIVEN[(i // len(SURNAMES)) % len(GIVEN)] + str(i),
            "gender": "男" if i % 2 else "女",
            "unit": ("T01", "城关镇纪委", "T02", "河口乡纪委")[i % 4],
            "post": ("委员", "书记", "member")[i % 3],
            "full_time": "是" if i % 2 else "否",
            "start": (f"{day.year}.{day.month}.{day.day}", f"{day.year}年{day.month}月{day.day}日", day)[i % 3],
            "phone": f"139{i:08d}".translate(WIDE) if i % 2 else f"139{i:08d}",
        })  # fmt: skip
    return out


def clue_rows(n: int) -> list[dict[str, Any]]:
    out = []
    for i in range(n):
        day = date(2020, 1, 1) + timedelta(days=i % 1500)
        out.append({
            "number": f"X{i:06d}".translate(WIDE) if i % 2 else f"X{i:06d}",
            "source": "信访举报",
            "received": (f"{day.year}.{day.month}.{day.day}", f"{day.year}年{day.month}月{day.day}日", day)[i % 3],
            "day": day,
            "subject": SURNAMES[i % len(SURNAMES)] + GIVEN[(i // len(SURNAMES)) % len(GIVEN)] + str(i),
            "subject_unit": ("某镇人民政府", "某局", "某村村委会")[i % 3],
            "unit": ("T01", "城关镇纪委")[i % 2],
        })  # fmt: skip
    return out


LAYOUTS = {
    # register: (title row, header, cells of a row)
    "staff": ("人员与岗位台账", ["姓名", "性别", "所在单位", "岗位", "专职", "挂职开始", "联系电话"],
              lambda r: [r["name"], r["gender"], r["unit"], r["post"], r["full_time"], r["start"], r["phone"]]),
    "clues": ("问题线索台账", ["线索编号", "线索来源", "收到日期", "被反映人", "工作单位", "承办单位"],
              lambda r: [r["number"], r["source"], r["received"], r["subject"], r["subject_unit"], r["unit"]]),
}  # fmt: skip


def workbook(path: Path, register: str, data: list[dict[str, Any]]) -> None:
    import openpyxl

    title, header, cells = LAYOUTS[register]
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append([title])
    ws.merge_cells("A1:G1")
    ws.append(header)
    for i, r in enumerate(data):
        ws.append(cells(r))
        if i % 100 == 99:
            ws.append([None] * 7)  # blank rows, as ledgers have
    wb.save(path)


def typed_values(register: str, data: list[dict[str, Any]], by_code: dict[str, str]) -> list[dict[str, Any]]:
    """The same rows as a form gives them (values already typed), for baseline A."""
    if register == "clues":
        return [
            {"number": f"X{i:06d}", "source": "petition", "received_on": r["day"], "subject_name": r["subject"],
             "subject_unit": r["subject_unit"], "handling_unit_id": by_code[r["unit"]]}
            for i, r in enumerate(data)
        ]  # fmt: skip
    posts = {"委员": "member", "书记": "secretary", "member": "member"}
    return [
        {"name": r["name"], "gender": r["gender"], "unit_id": by_code[r["unit"]], "post": posts[r["post"]],
         "full_time": r["full_time"] == "是", "secondment_start": date(2022, 6, 30), "phone": f"139{i:08d}"}
        for i, r in enumerate(data)
    ]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--register", choices=sorted(LAYOUTS), default="staff")
    args = parser.parse_args()
    from app.registers import get
    from app.services.records import RecordService
    from app.services.spreadsheet import export_register
    from app.services.xlsx_import import import_file

    reg = get(args.register)
    data = rows(args.rows) if args.register == "staff" else clue_rows(args.rows)
    with tempfile.TemporaryDirectory(prefix="jiwei-bench-import-") as tmp:
        root = Path(tmp)
        path = root / "ledger.xlsx"
        workbook(path, args.register, data)

        ctx = installation(root / "imported")
        records = RecordService(ctx)
        start = time.perf_counter()
        report = import_file(records, reg, path)
        imported = time.perf_counter() - start
        assert report.saved and report.count("created") == args.rows, [
            str(e.message) for e in report.errors[:5]
        ]

        start = time.perf_counter()
        export_register(records, reg, records.ids(reg), root / "export.xlsx")
        exported = time.perf_counter() - start
        ctx.db.close()

        base = installation(root / "one-by-one")
        one = RecordService(base)
        units = {u: one.get(get("units"), u) for u in one.ids(get("units"))}
        by_code = {v["code"]: k for k, v in units.items()} | {v["name"]: k for k, v in units.items()}
        typed = typed_values(args.register, data, by_code)
        start = time.perf_counter()
        for values in typed:
            one.save(reg, values, confirmed=True)
        one_by_one = time.perf_counter() - start
        base.db.close()

    n = args.rows
    print(f"register: {args.register}, rows: {n}")
    print(
        f"import-xlsx (read, check, save in one transaction): {imported:.2f} s ({n / imported:,.0f} rows/s)"
    )
    print(
        f"baseline A, RecordService.save one by one:          {one_by_one:.2f} s ({n / one_by_one:,.0f} rows/s)"
    )
    print(
        f"baseline B, .xlsx export of the same rows:          {exported:.2f} s ({n / exported:,.0f} rows/s)"
    )
    print(f"import / A: {imported / one_by_one:.2f}x   import / B: {imported / exported:.2f}x")


if __name__ == "__main__":
    main()
