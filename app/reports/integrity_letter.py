"""The county's reply letter (复函) to a 廉政意见 request, as an official document (.docx or PDF,
``official_doc``): to the requesting organisation, citing its letter and number, with the
conclusion about each person answered — 无问题, 有问题 with the facts (the measures in force), 暂缓
with the reason — in a table when there are several, signed by the county commission (the
installation's unit) on the day of the last reply.

County only, as the register (``CountyScreen``: "「廉政意见回复」只在县纪委监委使用。"). The facts and
reasons are sealed: they are read as the register reads them (``RecordService.get``: the
sensitive right, audited); an actor who cannot read one of them cannot write the letter
(``PermissionDenied``). Names still waiting for a reply are only counted ("另行回复"). Who signed
a reply (签发人) or any login is never printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.integrity import IntegrityReply
from app.registers.integrity import CLEAR, DEFER, INTEGRITY_REPLIES, INTEGRITY_REQUESTS, ISSUES, PENDING
from app.reports.official_doc import BODY, TABLE, Block, OfficialDoc, arabic_date, check_target
from app.reports.official_files import write
from app.security import sensitive
from app.security.roles import VIEW_SENSITIVE, PermissionDenied
from app.services import integrity_reply as ir

if TYPE_CHECKING:
    from app.services.records import RecordService

FORM = "integrity_letter"
PURPOSE_TEXT = {"promotion": "拟提拔", "honour": "评先评优", "transfer": "拟转任", "other": ""}
CONCLUSION = {CLEAR: "无问题", ISSUES: "有问题", DEFER: "暂缓"}
CLEAR_TEXT = "未发现其有违纪违法问题"
NOTHING_REPLIED = QT_TRANSLATE_NOOP("app", "来函 {letter} 尚无已回复的人员，不能出具复函。")


class NothingReplied(ValueError):
    def __init__(self, letter: str) -> None:
        self.message = Message(NOTHING_REPLIED, {"letter": letter})
        super().__init__(str(self.message))


@dataclass(frozen=True)
class Answered:
    name: str
    unit: str
    post: str
    answer: str
    detail: str  # the facts (有问题), the reason (暂缓), "" (无问题)

    @property
    def who(self) -> str:
        return f"{self.unit}{self.post}{self.name}同志"

    @property
    def remark(self) -> str:
        if self.answer == CLEAR:
            return CLEAR_TEXT + "。"
        return self.detail


def _sentence(a: Answered) -> str:
    if a.answer == CLEAR:
        return f"{a.who}：{CLEAR_TEXT}，无不同意见。"
    if a.answer == ISSUES:
        return f"{a.who}：有问题。{a.detail}"
    return f"{a.who}：暂缓。{a.detail}"


def _count(names: list[str]) -> str:
    """张三同志, or 张三等3名同志."""
    return f"{names[0]}同志" if len(names) == 1 else f"{names[0]}等{len(names)}名同志"


def _readable(records: RecordService, value: object) -> str:
    if not isinstance(value, str) or value in sensitive.PLACEHOLDERS:
        raise PermissionDenied(VIEW_SENSITIVE)
    text = value.strip()
    return text if not text or text[-1] in "。；！" else text + "。"


def letter(records: RecordService, request: str) -> OfficialDoc:
    """The reply letter to the request ``request`` (its id or letter number)."""
    info = ir.find_request(records, request)  # the county's screen, as the register
    with records.ctx.session() as s:
        rows = list(
            s.execute(
                select(IntegrityReply.id, IntegrityReply.state, IntegrityReply.answer, IntegrityReply.name)
                .where(IntegrityReply.request_id == info.id, IntegrityReply.deleted.is_(False))
                .order_by(IntegrityReply.created_at, IntegrityReply.id)
            ).all()
        )
    answered: list[Answered] = []
    waiting = [name for _id, state, _a, name in rows if state == PENDING or not _a]
    latest = None
    for row_id, state, answer, _name in rows:
        if state == PENDING or not answer:
            continue
        v = records.get(INTEGRITY_REPLIES, row_id)
        detail = ""
        if answer == ISSUES:
            detail = _readable(records, v.get("facts"))
        elif answer == DEFER:
            detail = _readable(records, v.get("defer_reason"))
        answered.append(Answered(v["name"], v.get("unit") or "", v.get("post") or "", answer, detail))
        day = v.get("replied_on")
        if day is not None and (latest is None or day > latest):
            latest = day
    if not answered or latest is None:
        raise NothingReplied(info.letter_no)
    issuer = records.ctx.installation().unit_name
    you = "你部" if info.requester.endswith("部") else "你单位"
    count = _count([a.name for a in answered])
    purpose = PURPOSE_TEXT.get(info.purpose, "")
    title = f"关于{count}党风廉政意见的复函"
    blocks = [
        Block(
            BODY,
            f"{you}{arabic_date(info.received_on)}来函（{info.letter_no}）征求{purpose}人选"
            f"{count}党风廉政意见收悉。经查阅我委掌握的信访举报、问题线索、案件查办和处分决定等情况，"
            "现将有关意见回复如下：",
        )
    ]
    if len(answered) == 1:
        blocks.append(Block(BODY, _sentence(answered[0])))
    else:
        blocks.append(
            Block(
                TABLE,
                header=("序号", "姓名", "工作单位及职务", "回复意见", "有关情况"),
                rows=tuple(
                    (str(n), a.name, f"{a.unit}{a.post}" or "—", CONCLUSION[a.answer], a.remark)
                    for n, a in enumerate(answered, start=1)
                ),
            )
        )
    if waiting:
        blocks.append(Block(BODY, f"{_count(waiting)}的意见，待核实后另行回复。"))
    blocks.append(Block(BODY, "特此函复。"))
    return OfficialDoc(
        title=title,
        issuer=issuer,
        day=latest,
        addressee=info.requester,
        blocks=tuple(blocks),
        subject="廉政意见回复",
    )


def save(records: RecordService, d: OfficialDoc, request_id: str, path: Path) -> None:
    """Write the letter ``d`` answering the request ``request_id`` to ``path`` (.docx or .pdf);
    needs PRINT, audited as printing the request."""
    table = INTEGRITY_REQUESTS.model.__table__.name  # type: ignore[attr-defined]
    write(records, d, path, table, [request_id], FORM)


def write_letter(records: RecordService, request: str, path: Path) -> OfficialDoc:
    """Write the reply letter to ``path`` (.docx or .pdf by its suffix); needs PRINT, audited."""
    check_target(records, path)
    d = letter(records, request)
    save(records, d, ir.find_request(records, request).id, path)
    return d
