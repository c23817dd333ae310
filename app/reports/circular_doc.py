"""The 通报 (circular) of a record of the circulars register as an official document (.docx or
PDF, ``official_doc``): its 文号, title, 主送 (the first line of 主送（抄送）单位; a line
beginning 抄送 is the 版记's 抄送), the text (通报正文, one paragraph a line; the persons and
problems it names when they are not in it already), the issuing unit as the 落款 and the 印发
line, and the day it was issued."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.models.org import Unit
from app.registers.circulars import CIRCULARS
from app.reports.official_doc import BODY, Block, OfficialDoc, body_blocks, check_target
from app.reports.official_files import write

if TYPE_CHECKING:
    from app.services.records import RecordService

FORM = "circular"
MISSING = "【请补充：通报正文】"


def recipients(text: str) -> tuple[str, str]:
    """(主送, 抄送) from the register's 主送（抄送）单位."""
    to: list[str] = []
    copies: list[str] = []
    for line in (x.strip() for x in text.replace("\r\n", "\n").split("\n")):
        if not line:
            continue
        for label, into in (("抄送", copies), ("主送", to)):
            if line.startswith(label):
                into.append(line[len(label) :].lstrip("：: "))
                break
        else:
            to.append(line)
    return "，".join(to).rstrip("。：:"), "，".join(copies).rstrip("。")


def circular(records: RecordService, circular_id: str) -> OfficialDoc:
    """The document of the circular ``circular_id`` (``NotFoundError``)."""
    values = records.get(CIRCULARS, circular_id)
    with records.ctx.session() as s:
        unit = s.get(Unit, values["unit_id"]) if values.get("unit_id") else None
        issuer = unit.name if unit is not None else ""
    body = str(values.get("body") or "")
    named = str(values.get("named") or "")
    blocks = body_blocks(body)
    if named and named not in body:
        blocks += [
            Block(BODY, line if line[-1] in "。；！？：" else line + "。")
            for line in (x.strip() for x in named.split("\n"))
            if line
        ]
    to, copies = recipients(str(values.get("recipients") or ""))
    return OfficialDoc(
        title=str(values["title"]),
        issuer=issuer or "【印发单位】",
        day=values["issued_on"],
        number=str(values.get("number") or ""),
        addressee=to,
        blocks=tuple(blocks) or (Block(BODY, MISSING),),
        copies=copies,
        printer=issuer,
        subject="通报",
    )


def save(records: RecordService, d: OfficialDoc, circular_id: str, path: Path) -> None:
    """Write the document ``d`` of the circular ``circular_id`` to ``path`` (.docx or .pdf);
    needs PRINT, audited as printing the circular."""
    table = CIRCULARS.model.__table__.name  # type: ignore[attr-defined]
    write(records, d, path, table, [circular_id], FORM)


def write_circular(records: RecordService, circular_id: str, path: Path) -> OfficialDoc:
    """Write the circular to ``path`` (.docx or .pdf by its suffix); needs PRINT, audited."""
    check_target(records, path)
    d = circular(records, circular_id)
    save(records, d, circular_id, path)
    return d
