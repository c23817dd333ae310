"""``python -m app integrity …``: 廉政意见回复 on the command line (the county only).

``integrity check --name NAME [--id-number N] [--unit U] [--on DAY] [--json]`` prints what the
county holds about the person (open clues, cases in progress, measures in force with their 影响期,
the older matters apart) and the reply it proposes. ``integrity requests`` lists the requests,
``integrity batch REQUEST`` one request's names with each one's proposal, ``integrity add REQUEST
--name …`` adds a name, ``integrity answer REPLY-ID --answer 无问题|有问题|暂缓 …`` answers one,
``integrity answer-clear REQUEST --signed-by …`` answers 无问题 for every name still to answer whose
proposal is 无问题. All read and write through ``app.services.integrity_reply`` as the person
logged in: a township or a group is refused as the window refuses it; searching by ID number and
writing the facts need the sensitive right.
"""

from __future__ import annotations

import argparse
import dataclasses
from datetime import date
from typing import Any

from app.cli_base import EXIT_OK, CliError, _Parser, _print_json, _session_command
from app.cli_people import _day, _jsonable, _measure_line
from app.context import Context
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.registers.integrity import ANSWER_CHOICES
from app.services import integrity_reply as ir
from app.services.records import NotFoundError, RecordService, ValidationError
from app.services.transitions import TransitionRefused

NO_REQUEST = QT_TRANSLATE_NOOP("app", "没有文号或编号为「{which}」的廉政意见来函。")


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("integrity", parents=[common], help="廉政意见回复（县纪委监委）：查询、来函、回复")
    p.set_defaults(handler=None, usage_parser=p)
    s = p.add_subparsers(dest="integrity_command", metavar="操作", parser_class=_Parser)
    q = s.add_parser(
        "check", parents=[common], help="查询一个人：在案的线索、案件、影响期内的处分，拟回复意见"
    )
    q.add_argument("--name", required=True, help="姓名")
    q.add_argument("--id-number", default="", help="身份证号码（按密钥散列比对，需查看敏感信息权限）")
    q.add_argument("--unit", default="", help="工作单位")
    q.add_argument("--on", type=_day, metavar="YYYY-MM-DD", help="截至哪一天（默认今天）")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=_session_command(_check))
    q = s.add_parser("requests", parents=[common], help="列出廉政意见来函")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=_session_command(_requests))
    q = s.add_parser("batch", parents=[common], help="一份来函的全部人员及各人的拟回复意见")
    q.add_argument("request", metavar="REQUEST", help="来函文号或编号")
    q.add_argument("--on", type=_day, metavar="YYYY-MM-DD", help="截至哪一天（默认今天）")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=_session_command(_batch))
    q = s.add_parser("add", parents=[common], help="在来函中添加一名征求意见的人员")
    q.add_argument("request", metavar="REQUEST", help="来函文号或编号")
    q.add_argument("--name", required=True, help="姓名")
    q.add_argument("--id-number", default="")
    q.add_argument("--unit", default="")
    q.add_argument("--post", default="")
    q.set_defaults(handler=_session_command(_add))
    q = s.add_parser("answer", parents=[common], help="回复一名人员")
    q.add_argument("reply", metavar="REPLY-ID", help="回复记录的编号")
    q.add_argument("--answer", required=True, help="无问题、有问题或暂缓")
    q.add_argument("--on", type=_day, metavar="YYYY-MM-DD", help="回复日期（默认今天）")
    q.add_argument("--signed-by", required=True, help="签发人")
    q.add_argument("--facts", default="", help="问题情况（有问题）")
    q.add_argument("--reason", default="", help="暂缓理由（暂缓）")
    q.set_defaults(handler=_session_command(_answer))
    q = s.add_parser("answer-clear", parents=[common], help="来函中拟回复「无问题」的人员一并回复")
    q.add_argument("request", metavar="REQUEST", help="来函文号或编号")
    q.add_argument("--on", type=_day, metavar="YYYY-MM-DD", help="回复日期（默认今天）")
    q.add_argument("--signed-by", required=True, help="签发人")
    q.set_defaults(handler=_session_command(_answer_clear))


def _request(records: RecordService, which: str) -> ir.RequestInfo:
    try:
        return ir.find_request(records, which)
    except NotFoundError:
        raise CliError(Message(NO_REQUEST, {"which": which})) from None


def _review_json(r: ir.Review) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "name": r.name,
        "unit": r.unit,
        "on": r.on,
        "proposal": r.proposal,
        "proposal_label": r.proposal_label,
        "grounds": [str(g) for g in r.grounds],
        "proposed_facts": r.proposed_facts,
        "proposed_reason": r.proposed_reason,
        "people": [{**dataclasses.asdict(m.person), "reasons": list(m.reasons)} for m in r.people],
        "namesakes": [dataclasses.asdict(p) for p in r.namesakes],
    }
    for name in ("open_clues", "open_cases", "in_force", "closed_clues", "closed_cases", "past_measures"):
        doc[name] = [dataclasses.asdict(x) for x in getattr(r, name)]
    return _jsonable(doc)


def _print_review(r: ir.Review) -> None:
    print(f"截至 {r.on.isoformat()}，拟回复：{r.proposal_label}")
    for g in r.grounds:
        print(f"  {g}")
    if r.people:
        print("人员库中认定为此人的人员：")
        for m in r.people:
            print(f"  {m.person.id}  {m.person.display}  {'、'.join(m.reason_labels)}")
    else:
        print("人员库中没有此人。")
    if r.namesakes:
        print("同名人员（其他单位，未计入，请核对）：")
        for p in r.namesakes:
            print(f"  {p.id}  {p.display}")
    sections = [
        ("未办结的问题线索", [f"  {c.received_on.isoformat()}  {c.number}  {c.state_label}  承办：{c.handling_unit or '—'}"
                              for c in r.open_clues]),
        ("正在审查调查的案件", [f"  {c.filed_on.isoformat()}  {c.number}  {c.state_label}  承办：{c.handling_unit or '—'}"
                                for c in r.open_cases]),
        ("影响期内的处理", [_measure_line(m) for m in r.in_force]),
        ("已了结的问题线索", [f"  {c.received_on.isoformat()}  {c.number}  {c.state_label}  处置：{c.disposal_label or '—'}"
                              for c in r.closed_clues]),
        ("已结案的案件", [f"  {c.filed_on.isoformat()}  {c.number}  结案：{c.concluded_on or '—'}" for c in r.closed_cases]),
        ("影响期已满或无影响期的处理", [_measure_line(m) for m in r.past_measures]),
    ]  # fmt: skip
    for title, lines in sections:
        if lines:
            print(f"{title}（{len(lines)}）：")
            for line in lines:
                print(line)
    if r.proposed_facts:
        print(f"拟写问题情况：{r.proposed_facts}")
    if r.proposed_reason:
        print(f"拟写暂缓理由：{r.proposed_reason}")


def _check(ctx: Context, args: argparse.Namespace) -> int:
    found = ir.review(RecordService(ctx), args.name, args.id_number, args.unit, args.on)
    if args.json:
        _print_json(_review_json(found))
    else:
        print(f"廉政意见查询：{found.name}{'（' + found.unit + '）' if found.unit else ''}")
        _print_review(found)
    return EXIT_OK


def _requests(ctx: Context, args: argparse.Namespace) -> int:
    rows = ir.requests(RecordService(ctx))
    if args.json:
        _print_json([_jsonable({**dataclasses.asdict(r), "purpose_label": r.purpose_label}) for r in rows])
        return EXIT_OK
    if not rows:
        print("没有廉政意见来函。")
    for r in rows:
        due = f"  回复期限 {r.due_on.isoformat()}" if r.due_on else ""
        print(f"{r.id}  {r.letter_no}  {r.requester}  {r.received_on.isoformat()}  {r.purpose_label}{due}")
    return EXIT_OK


def _batch(ctx: Context, args: argparse.Namespace) -> int:
    records = RecordService(ctx)
    found = ir.batch(records, _request(records, args.request).id, args.on)
    if args.json:
        _print_json(
            _jsonable(
                {
                    "request": {**dataclasses.asdict(found.request), "purpose_label": found.request.purpose_label},
                    "lines": [
                        {"id": x.reply_id, "name": x.name, "unit": x.unit, "post": x.post, "person_id": x.person_id,
                         "state": x.state, "answer": x.answer, "replied_on": x.replied_on,
                         "proposal": x.review.proposal, "review": _review_json(x.review)}
                        for x in found.lines
                    ],
                }
            )
        )  # fmt: skip
        return EXIT_OK
    r = found.request
    print(f"来函 {r.letter_no}（{r.requester}，{r.received_on.isoformat()} 收，{r.purpose_label}）"
          f"：{len(found.lines)} 人，待回复 {len(found.pending)} 人")  # fmt: skip
    for x in found.lines:
        where = "，".join(v for v in (x.unit, x.post) if v)
        done = f"已回复：{x.answer_label}" if not x.pending else f"待回复，拟：{x.review.proposal_label}"
        print(f"  {x.reply_id}  {x.name}{'（' + where + '）' if where else ''}  {done}")
        for g in x.review.grounds:
            print(f"      {g}")
    return EXIT_OK


def _add(ctx: Context, args: argparse.Namespace) -> int:
    records = RecordService(ctx)
    request = _request(records, args.request)
    row = {"name": args.name, "id_number": args.id_number, "unit": args.unit, "post": args.post}
    try:
        [rid] = ir.add_names(records, request.id, [row])
    except ValidationError as exc:
        raise CliError("；".join(str(m) for m in exc.errors.values())) from None
    print(rid)
    return EXIT_OK


def _answer_code(text: str) -> str:
    for code, label in ANSWER_CHOICES:
        if text.strip() in (code, label):
            return code
    raise CliError(Message(QT_TRANSLATE_NOOP("app", "回复意见只能是「无问题」「有问题」或「暂缓」。")))


def _answer(ctx: Context, args: argparse.Namespace) -> int:
    records = RecordService(ctx)
    try:
        ir.answer(records, args.reply, _answer_code(args.answer), args.on or date.today(), args.signed_by,
                  facts=args.facts, defer_reason=args.reason)  # fmt: skip
    except ValidationError as exc:
        raise CliError("；".join(str(m) for m in exc.errors.values())) from None
    except TransitionRefused as exc:
        raise CliError(exc.message) from None
    except NotFoundError:
        raise CliError(
            Message(QT_TRANSLATE_NOOP("app", "没有编号为「{id}」的回复记录。"), {"id": args.reply})
        ) from None
    print("已回复。")
    return EXIT_OK


def _answer_clear(ctx: Context, args: argparse.Namespace) -> int:
    records = RecordService(ctx)
    request = _request(records, args.request)
    try:
        done = ir.answer_clear(records, request.id, args.on or date.today(), args.signed_by)
    except ValidationError as exc:
        raise CliError("；".join(str(m) for m in exc.errors.values())) from None
    print(f"已回复「无问题」{len(done)} 人。")
    return EXIT_OK
