"""``python -m app person …``: a person's record (人员档案) on the command line.

``person show ID-OR-NAME [--on YYYY-MM-DD] [--json]`` prints everything on record about one person
of the person register and the measures in force on the day (default today); a name several
people share lists them and asks for the id (exit 1). ``person duplicates [--json]`` lists the
sets of people who may be one person. Both read through ``app.services.person_record`` as the
person logged in: what the window's 人员档案 shows them, no more.
"""

from __future__ import annotations

import argparse
import dataclasses
from datetime import date
from typing import Any

from app.cli_base import EXIT_FAILED, EXIT_OK, CliError, _Parser, _print_json, _say, _session_command
from app.context import Context
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.security.secrecy import NotInAudience
from app.services import person_record as pr
from app.services.records import NotFoundError, RecordService

NO_PERSON = QT_TRANSLATE_NOOP("app", "人员库中没有编号或姓名为「{name}」的人员。")
SEVERAL = QT_TRANSLATE_NOOP("app", "人员库中有 {n} 位「{name}」，请用编号指明是哪一位：")
YES, NO = QT_TRANSLATE_NOOP("app", "是"), QT_TRANSLATE_NOOP("app", "否")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"不是日期（格式如 2022-06-30）：{text}") from None


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("person", parents=[common], help="人员库：人员档案、可能重复的人员")
    p.set_defaults(handler=None, usage_parser=p)
    person_sub = p.add_subparsers(dest="person_command", metavar="操作", parser_class=_Parser)
    q = person_sub.add_parser("show", parents=[common], help="一个人的档案：在案的全部记录和处分期内的处理")
    q.add_argument("who", metavar="ID-OR-NAME", help="人员库中的编号，或姓名")
    q.add_argument("--on", type=_day, metavar="YYYY-MM-DD", help="截至哪一天（默认今天）")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=_session_command(_show))
    q = person_sub.add_parser(
        "duplicates", parents=[common], help="可能是同一人的人员（同名同单位或身份证号码相同）"
    )
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=_session_command(_duplicates))


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def _person_json(p: pr.PersonInfo) -> dict[str, Any]:
    return {**dataclasses.asdict(p), "object_label": p.object_label, "display": p.display}


def _record_json(record: pr.PersonRecord) -> dict[str, Any]:
    doc = {
        "person": _person_json(record.person),
        "on": record.on,
        "in_force": [m.id for m in record.in_force],
        "duplicates": [
            {"person": _person_json(d.person), "reasons": list(d.reasons)} for d in record.duplicates
        ],
    }
    for name in ("reports", "clues", "inquiries", "verifications", "cases", "case_units"):
        doc[name] = [dataclasses.asdict(x) for x in getattr(record, name)]
    doc["measures"] = [
        {**dataclasses.asdict(m), "form_label": m.form_label, "title": m.title} for m in record.measures
    ]
    return _jsonable(doc)


def _resolve(records: RecordService, who: str) -> str | None:
    """The id of the person meant: an id, or the one person of that name; None (the people of
    the name said on stderr) when several share it."""
    try:
        return pr.person_info(records, who).id
    except NotFoundError:
        pass
    except NotInAudience as exc:
        raise CliError(exc.message) from None
    people = pr.find_people(records, who)
    if not people:
        raise CliError(Message(NO_PERSON, {"name": who}))
    if len(people) > 1:
        lines = [str(Message(SEVERAL, {"n": str(len(people)), "name": who.strip()}))]
        lines += [f"  {p.id}  {p.display}" for p in people]
        _say("\n".join(lines))
        return None
    return people[0].id


def _when(d: date | None) -> str:
    return d.isoformat() if d else "—"


def _measure_line(m: pr.MeasureItem) -> str:
    if m.permanent:
        period = "无期限"
    elif m.ends_on is not None:
        period = f"处分期（影响期）至 {m.ends_on.isoformat()}"
    else:
        period = "无处分期"
    unit = f"  {m.handling_unit}" if m.handling_unit else ""
    number = f"  {m.decision_no}" if m.decision_no else ""
    return f"  {m.decided_on.isoformat()}  {m.title}  {m.form_label}  {period}{unit}{number}"


def _print_record(record: pr.PersonRecord) -> None:
    p = record.person
    print(f"人员：{p.display}  编号 {p.id}")
    facts = [
        f"中共党员：{YES if p.party_member else NO}",
        f"监察对象：{p.object_label or NO}",
    ]
    facts += [f"{label}：{value}" for label, value in (("管理权限", p.authority), ("职级", p.rank),
                                                       ("所在村（社区）", p.village)) if value]  # fmt: skip
    facts.append(f"身份证号码：{'已登记' if p.has_id_number else '未登记'}")
    print("  ".join(facts))
    on = record.on.isoformat()
    if record.in_force:
        print(f"截至 {on}，处分期（影响期）内的处理 {len(record.in_force)} 项：")
        for m in record.in_force:
            print(_measure_line(m))
    else:
        print(f"截至 {on}，没有处分期（影响期）内的处理。")
    if record.empty:
        print("在案记录：无。")
    sections: list[tuple[str, list[str]]] = [
        ("信访举报", [f"  {r.received_on.isoformat()}  {r.number or '（无编号）'}  {r.method}  {r.category}  {r.state}"
                      for r in record.reports]),
        ("问题线索", [f"  {c.received_on.isoformat()}  {c.number}  {c.source}  {c.state_label}"
                      f"  处置：{c.disposal_label or '未处置'}  承办：{c.handling_unit or '—'}" for c in record.clues]),
        ("谈话函询", [f"  {_when(i.started_on)}  {i.kind}  线索 {i.clue_number}  {i.state}  {i.outcome}".rstrip()
                      for i in record.inquiries]),
        ("初步核实", [f"  {_when(v.started_on)}  线索 {v.clue_number}  {v.state}  {v.outcome}".rstrip()
                      for v in record.verifications]),
        ("立案审查调查", [f"  {c.filed_on.isoformat()}  {c.number}  {c.state_label}  承办：{c.handling_unit or '—'}"
                          f"  结案：{_when(c.concluded_on)}" for c in record.cases]),
        ("协办单位", [f"  {_when(u.joined_on)}  案件 {u.case_number}  {u.unit}  {u.role}".rstrip()
                      for u in record.case_units]),
        ("处理处分", [_measure_line(m) + ("  【处分期内】" if m.in_force else "") for m in record.measures]),
    ]  # fmt: skip
    for title, lines in sections:
        if lines:
            print(f"{title}（{len(lines)}）：")
            for line in lines:
                print(line)
    if record.duplicates:
        print("可能是同一人的人员（请核对，程序不会合并）：")
        for d in record.duplicates:
            print(f"  {d.person.id}  {d.person.display}  {'、'.join(d.reason_labels)}")


def _show(ctx: Context, args: argparse.Namespace) -> int:
    records = RecordService(ctx)
    person_id = _resolve(records, args.who)
    if person_id is None:
        return EXIT_FAILED
    try:
        record = pr.person_record(records, person_id, args.on)
    except NotInAudience as exc:
        raise CliError(exc.message) from None
    except NotFoundError:
        raise CliError(Message(NO_PERSON, {"name": args.who})) from None
    if args.json:
        _print_json(_record_json(record))
    else:
        _print_record(record)
    return EXIT_OK


def _duplicates(ctx: Context, args: argparse.Namespace) -> int:
    groups = pr.duplicate_groups(RecordService(ctx))
    if args.json:
        _print_json(
            [
                [{"person": _person_json(d.person), "reasons": list(d.reasons)} for d in group]
                for group in groups
            ]
        )
        return EXIT_OK
    if not groups:
        print("人员库中没有可能重复的人员。")
        return EXIT_OK
    print(f"可能是同一人的人员 {len(groups)} 组（请核对，程序不会合并）：")
    for n, group in enumerate(groups, 1):
        print(f"第 {n} 组：")
        for d in group:
            print(f"  {d.person.id}  {d.person.display}  {'、'.join(d.reason_labels)}")
    return EXIT_OK
