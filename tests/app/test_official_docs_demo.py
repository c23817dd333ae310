"""The demo county's own records as official documents: a typical-case 通报 of a township and the
county's reply letter to the answered 廉政意见 request, both as .docx and PDF, written from the
command line; the PDFs in embedded official faces with no line breaking the rules."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pdfcheck
import pytest
from apphelpers import PASSWORD, Cli
from sqlalchemy import select

from app.models.education import Circular
from app.models.integrity import IntegrityReply, IntegrityRequest
from app.services.login import login

DemoCounty = tuple[Path, subprocess.CompletedProcess[str], Path]


@pytest.fixture(scope="module")
def county(demo_county_cli: DemoCounty, tmp_path_factory: pytest.TempPathFactory) -> Cli:
    """A copy of the session's demo county (writing a document writes an audit entry)."""
    copy = tmp_path_factory.mktemp("documents") / "DEMO"
    shutil.copytree(demo_county_cli[0] / "DEMO", copy)
    return Cli(copy, None, demo_county_cli[2])


def picked(county: Cli) -> tuple[Circular, str, list[str]]:
    """A typical-case circular, the answered request's letter number and its names."""
    opened = login(county.data_dir, None, "admin", PASSWORD)
    try:
        with opened.db.session() as s:
            circular = s.scalars(
                select(Circular)
                .where(Circular.kind == "typical", Circular.deleted.is_(False))
                .order_by(Circular.id)
            ).first()
            assert circular is not None
            s.expunge(circular)
            answered = s.execute(
                select(IntegrityRequest.letter_no, IntegrityReply.name)
                .join(IntegrityReply, IntegrityReply.request_id == IntegrityRequest.id)
                .where(IntegrityReply.state == "replied")
                .order_by(IntegrityReply.created_at)
            ).all()
    finally:
        opened.db.close()
    assert answered
    letter_no = answered[0][0]
    return circular, letter_no, [name for no, name in answered if no == letter_no]


def test_the_demo_countys_circular_and_reply_letter(county: Cli, tmp_path: Path) -> None:
    circular, letter_no, names = picked(county)
    for suffix in (".docx", ".pdf"):
        county.ok("report", "circular", circular.id, "--out", str(tmp_path / f"通报{suffix}"))
        county.ok("report", "integrity-letter", letter_no, "--out", str(tmp_path / f"复函{suffix}"))
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "通报.docx")).paragraphs)
    assert circular.title in text and circular.number in text and f"{circular.named}。" in text
    letter = docx.Document(str(tmp_path / "复函.docx"))
    text = "\n".join(p.text for p in letter.paragraphs)
    cells = [c.text for t in letter.tables for row in t.rows for c in row.cells]
    assert f"来函（{letter_no}）" in text and "县委组织部：" in text
    assert all(name in text or name in cells for name in names)
    for name in ("通报.pdf", "复函.pdf"):
        path = tmp_path / name
        faces = pdfcheck.assert_embedded_subsets(path.read_bytes())
        assert any(pdfcheck.SERIF_BODY.search(f) for f in faces)
        assert pdfcheck.broken_lines(path) == []
    lines = "".join(pdfcheck.lines(tmp_path / "通报.pdf")).replace(" ", "")
    assert circular.number in lines and "—1—" in lines
