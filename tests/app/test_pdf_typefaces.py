"""The typefaces of every PDF the program writes, the office's own fonts, and Chinese line breaking.

Clue and visit forms have their own tests (test_clue_forms.py, test_visit_forms.py); here the
coverage report and the recovery sheet, the choice of faces, and the breaking rule itself."""

from __future__ import annotations

import shutil
import struct
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pdfcheck
import pytest
from reportlab.pdfbase.ttfonts import TTFontFile

from app.config import read_pdf_fonts, write_pdf_fonts
from app.reports import fonts
from app.reports.coverage_report import coverage_pdf
from app.reports.linebreak import NO_END, NO_START, break_points
from app.reports.recovery_sheet import write_recovery_sheet
from app.services.coverage import MISSED, PLANNED, VISITED, Cell, Row

PUNCTUATED = "村委会主任反映（第二项）；据称“属实。”《通知》要求，"


@pytest.fixture(autouse=True)
def shipped_faces() -> Iterator[None]:
    """Each test starts from the default choice and leaves it so (no office fonts on this PC)."""
    fonts.configure({}, dirs=[])
    yield
    fonts.configure({}, dirs=[])


def coverage_rows() -> list[Row]:
    rows = []
    for n in range(40):
        cells = {
            "2025Q1": Cell(VISITED, ["v"], [date(2025, 2, 3)]),
            "2025Q2": Cell(PLANNED, ["v"], [date(2025, 5, 6)]),
            "2025Q3": Cell(MISSED),
            "2025Q4": Cell(MISSED),
        }
        unit = "城关镇纪委" if n < 20 else "河口乡纪委（第二片区联合监督组）"
        rows.append(
            Row("u", unit, f"t{n}", "甲" * (n % 9) + "东风村村民委员会（社区）；石桥组", "village", cells)
        )
    return rows


def test_the_coverage_report_embeds_its_faces_and_breaks_by_the_rules(tmp_path: Path) -> None:
    path = tmp_path / "coverage.pdf"
    assert coverage_pdf(path, coverage_rows(), 2025, "visits", "驻村覆盖") >= 1
    faces = pdfcheck.assert_embedded_subsets(path.read_bytes())
    assert any(pdfcheck.SERIF_BODY.search(f) for f in faces) and "NotoSerifCJKsc-Black" in faces
    assert any("东风村" in line for line in pdfcheck.lines(path))
    assert pdfcheck.broken_lines(path) == []


def test_the_recovery_sheet_embeds_its_faces_and_breaks_by_the_rules(tmp_path: Path) -> None:
    path = tmp_path / "recovery.pdf"
    key = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789"
    write_recovery_sheet(
        path, unit_name="城关镇纪委", county_name="测试县", recovery_key=key, created=datetime.now()
    )
    faces = pdfcheck.assert_embedded_subsets(path.read_bytes())
    assert any(pdfcheck.SERIF_BODY.search(f) for f in faces)
    assert "NotoSansMonoCJKsc-Bold" in faces  # the key, in a monospaced face
    assert "".join(pdfcheck.lines(path)).count("ABCD") == 1
    assert pdfcheck.broken_lines(path) == []


def test_the_breaking_rule_moves_punctuation_with_its_character() -> None:
    # Ten characters a line: "，" (the 11th) may not start the second line, so "称" goes along.
    text = "甲乙丙丁戊己庚辛壬称，据查属实。"
    starts = break_points(text, [1.0] * len(text), [10.0])
    assert starts == [9]
    # An opening mark does not end a line: "《" goes to the next line with what it opens.
    text = "甲乙丙丁戊己庚辛壬《通知》要求"
    assert break_points(text, [1.0] * len(text), [10.0]) == [9]
    # Two closing marks in a row ("）；") both stay off the next line's start.
    text = "甲乙丙丁戊己庚辛（壬）；癸子丑"
    starts = break_points(text, [1.0] * len(text), [10.0])
    assert all(text[s] not in NO_START and text[s - 1] not in NO_END for s in starts)
    # A Latin word or number is not cut when the line can break before it.
    text = "甲乙丙丁戊己庚辛壬test@example.com"
    assert break_points(text, [1.0] * len(text), [10.0])[0] == 9
    # A line of nothing but closing marks lets them hang rather than loop.
    assert break_points("。。。。", [1.0] * 4, [1.0]) == []


def test_text_drawn_line_by_line_is_wrapped_by_the_same_rules() -> None:
    size = 10.0
    width = fonts.string_width("甲" * 10, size)
    lines = fonts.wrap("甲乙丙丁戊己庚辛壬称，据查属实。\n（二）另起一段", width, size)
    assert lines == ["甲乙丙丁戊己庚辛壬", "称，据查属实。", "（二）另起一段"]
    assert all(fonts.string_width(line, size) <= width + 1e-6 for line in lines)


def fake_windows_fonts(folder: Path) -> Path:
    """A Windows font folder: shipped faces copied under the names Windows gives its own (each
    a different face than the role's shipped one, so the PDF shows which was used)."""
    folder.mkdir(parents=True)
    shipped = fonts.FONTS_DIR
    shutil.copy(shipped / "UKaiCN-GB.ttf", folder / "SIMSUN.TTC")  # case does not matter
    shutil.copy(shipped / "NotoSerifSC-Regular-GB.ttf", folder / "simfang.ttf")
    shutil.copy(shipped / "NotoSerifSC-Black-GB.ttf", folder / "simhei.ttf")
    shutil.copy(shipped / "NotoSansSC-Medium-GB.ttf", folder / "simkai.ttf")
    shutil.copy(shipped / "FandolFang-Regular-GB.ttf", folder / "FZXBSJW.TTF")
    return folder


def test_the_office_fonts_are_used_when_present(tmp_path: Path) -> None:
    windows = fake_windows_fonts(tmp_path / "Windows" / "Fonts")
    found = fonts.office_faces([windows])
    assert [f.label for f in found[fonts.BODY]] == ["宋体"] and found[fonts.MONO] == []
    fonts.configure({}, dirs=[windows])  # auto: the office's where present
    chosen = fonts.faces()
    assert chosen[fonts.BODY].path == windows / "SIMSUN.TTC"
    assert chosen[fonts.TITLE].label == "方正小标宋简体"
    assert chosen[fonts.MONO] == fonts.SHIPPED[fonts.MONO]  # none on this PC: the shipped one
    path = tmp_path / "coverage.pdf"
    coverage_pdf(path, coverage_rows()[:3], 2025, "visits", "驻村覆盖")
    faces = pdfcheck.assert_embedded_subsets(path.read_bytes())
    assert "UKaiCN" in faces  # the "宋体" of this PC (the copied face) set the table
    assert "FandolFang-Regular" in faces  # its "方正小标宋" the title
    assert "NotoSerifCJKsc-Regular" not in faces
    # Chosen per role: the shipped face, or a file of the user's choice.
    fonts.configure({fonts.BODY: fonts.BUNDLED, fonts.TITLE: str(windows / "simhei.ttf")}, dirs=[windows])
    assert fonts.faces()[fonts.BODY] == fonts.SHIPPED[fonts.BODY]
    assert fonts.faces()[fonts.TITLE].path == windows / "simhei.ttf"
    assert fonts.faces()[fonts.KAITI].path == windows / "simkai.ttf"


def ttc(*faces: Path) -> bytes:
    """A TrueType collection of ``faces`` (as Windows ships 宋体: simsun.ttc holds SimSun and NSimSun)."""
    datas = [f.read_bytes() for f in faces]
    header_len = 12 + 4 * len(datas)
    parts: list[bytes] = []
    offsets = []
    pos = header_len
    for data in datas:
        (tables,) = struct.unpack(">H", data[4:6])
        directory = bytearray(data[: 12 + 16 * tables])
        offsets.append(pos)
        pos += len(directory)
        blobs = []
        for n in range(tables):
            tag, checksum, offset, length = struct.unpack(">4sLLL", data[12 + 16 * n : 28 + 16 * n])
            blob = data[offset : offset + length] + b"\0" * (-length % 4)
            struct.pack_into(">4sLLL", directory, 12 + 16 * n, tag, checksum, pos, length)
            blobs.append(blob)
            pos += len(blob)
        parts += [bytes(directory), *blobs]
    header = b"ttcf" + struct.pack(">HHL", 1, 0, len(datas)) + b"".join(struct.pack(">L", o) for o in offsets)
    return header + b"".join(parts)


def test_a_face_of_a_collection_is_used_by_its_index(tmp_path: Path) -> None:
    windows = tmp_path / "Fonts"
    windows.mkdir()
    shipped = fonts.FONTS_DIR
    (windows / "simsun.ttc").write_bytes(
        ttc(shipped / "NotoSerifSC-Regular-GB.ttf", shipped / "UKaiCN-GB.ttf")
    )
    fonts.configure({}, dirs=[windows])
    assert fonts.faces()[fonts.BODY] == fonts.Face(windows / "simsun.ttc", 0, "宋体")
    fonts.configure({fonts.BODY: f"{windows / 'simsun.ttc'}#1"}, dirs=[windows])  # as NSimSun would be
    assert fonts.faces()[fonts.BODY].index == 1 and not fonts.problems()
    second = TTFontFile(str(windows / "simsun.ttc"), subfontIndex=1)  # what reportlab embeds
    assert second.name in ("UKaiCN", b"UKaiCN") and second.numGlyphs > 7000
    path = tmp_path / "coverage.pdf"
    coverage_pdf(path, coverage_rows()[:2], 2025, "visits", "驻村覆盖")
    faces = pdfcheck.assert_embedded_subsets(path.read_bytes())
    assert "UKaiCN" in faces and "NotoSerifCJKsc-Regular" not in faces


def test_a_font_that_may_not_be_embedded_is_refused_and_the_shipped_face_stands_in(tmp_path: Path) -> None:
    windows = tmp_path / "Fonts"
    windows.mkdir()
    data = bytearray((fonts.FONTS_DIR / "NotoSansSC-Medium-GB.ttf").read_bytes())
    tables = struct.unpack(">H", data[4:6])[0]
    for n in range(tables):
        tag, _sum, offset, _length = struct.unpack(">4sLLL", data[12 + 16 * n : 28 + 16 * n])
        if tag == b"OS/2":
            data[offset + 8 : offset + 10] = struct.pack(">H", 0x0002)  # fsType: restricted licence
    (windows / "simhei.ttf").write_bytes(bytes(data))
    face = fonts.office_faces([windows])[fonts.HEITI][0]
    assert "不允许把它嵌入文档" in fonts.check(face)
    fonts.configure({}, dirs=[windows])
    assert fonts.faces()[fonts.HEITI] == fonts.SHIPPED[fonts.HEITI]
    assert fonts.HEITI in fonts.problems()


def test_the_choice_is_kept_in_the_data_folder(tmp_path: Path) -> None:
    assert read_pdf_fonts(tmp_path) == {}
    choice = {fonts.BODY: fonts.BUNDLED, fonts.TITLE: "C:\\Windows\\Fonts\\FZXBSJW.TTF"}
    write_pdf_fonts(tmp_path, choice)
    assert read_pdf_fonts(tmp_path) == choice
    (tmp_path / "pdf-fonts.json").write_text("not json", encoding="utf-8")
    assert read_pdf_fonts(tmp_path) == {}


def test_text_the_chosen_face_lacks_is_set_in_a_face_that_has_it() -> None:
    # Fandol Fang lacks 燊 (outside GB 2312): the body face draws it; 珣 (GBK) only Droid.
    runs = list(fonts.runs("仿宋正文A1，燊珣", fonts.FANGSONG))
    fallback = fonts.font(fonts.FALLBACK)
    assert runs == [(fonts.fangsong(), "仿宋正文A1，"), (fonts.body(), "燊"), (fallback, "珣")]
    assert fonts.has_glyph("镕") and fonts.has_glyph("A", fonts.MONO)
    assert fonts.string_width("线索", 10, fonts.HEITI) == pytest.approx(20, abs=0.5)
