"""Typefaces for PDF documents: one face per role, registered with reportlab, embedded as subsets.

GB/T 9704 sets official documents in 仿宋 (body), 黑体 (first-level headings), 楷体 (second-level
headings) and 小标宋 (titles); forms and tables are set in 宋体. Each role has a face the program
ships (``resources/fonts``, see its README: Noto Serif SC, Fandol Fang, Noto Sans SC, AR PL UKai,
Noto Serif SC Black, Noto Sans Mono) and the office's own fonts where a PC has them (Windows
ships 宋体, 仿宋, 黑体, 楷体; offices install 方正小标宋). ``configure`` says which: per role,
``auto`` (the office's font when present, else the shipped one, the default), ``bundled`` or a
font file's path. All are TrueType, so reportlab embeds each used face as a subset.

Every role has its own Latin letters and digits; a character the role's face lacks is taken from
the body face, then from Droid Sans Fallback (which draws almost every Chinese character), so text
is split into runs of one font each (``runs``). The reportlab font name of a role is
``font(role)`` (``body()``, ``fangsong()``, … for short); ``markup`` and ``draw_string`` set text
in a role, switching fonts per run. ``cjk_font()`` is the body face, as before.
"""

from __future__ import annotations

import os
import struct
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from app import os_errors
from app.i18n import QT_TRANSLATE_NOOP, Message

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

RESOURCES = Path(__file__).resolve().parent.parent.parent / "resources"
FONTS_DIR = RESOURCES / "fonts"

# Roles (the keys of a font choice).
BODY = "body"  # 宋体: forms, tables, running text
FANGSONG = "fangsong"  # 仿宋: the body of official documents (GB/T 9704: 仿宋_GB2312 三号)
HEITI = "heiti"  # 黑体: first-level headings, labels set bold
KAITI = "kaiti"  # 楷体: second-level headings
TITLE = "title"  # 小标宋: document titles
MONO = "mono"  # record codes, keys
ROLES = (BODY, FANGSONG, HEITI, KAITI, TITLE, MONO)
FALLBACK = "fallback"

# What a role's setting may say besides a file path.
AUTO = "auto"
BUNDLED = "bundled"


@dataclass(frozen=True)
class Face:
    """A font file (and the face's index in a .ttc collection) with a name to show."""

    path: Path
    index: int = 0
    label: str = ""

    def setting(self) -> str:
        """The face as a font choice's value: ``path`` or ``path#index``."""
        return f"{self.path}#{self.index}" if self.index else str(self.path)


SHIPPED: dict[str, Face] = {
    BODY: Face(FONTS_DIR / "NotoSerifSC-Regular-GB.ttf", 0, "Noto Serif SC"),
    FANGSONG: Face(FONTS_DIR / "FandolFang-Regular-GB.ttf", 0, "Fandol Fang"),
    HEITI: Face(FONTS_DIR / "NotoSansSC-Medium-GB.ttf", 0, "Noto Sans SC Medium"),
    KAITI: Face(FONTS_DIR / "UKaiCN-GB.ttf", 0, "AR PL UKai CN"),
    TITLE: Face(FONTS_DIR / "NotoSerifSC-Black-GB.ttf", 0, "Noto Serif SC Black"),
    MONO: Face(FONTS_DIR / "NotoSansMonoSC-Bold-Latin.ttf", 0, "Noto Sans Mono Bold"),
}
FALLBACK_FACE = Face(FONTS_DIR / "DroidSansFallbackFull.ttf", 0, "Droid Sans Fallback")

# The office's fonts by file name (case does not matter), preferred first: the GB 2312 faces GB/T
# 9704 names, then the ones Windows ships.
OFFICE_FILES: dict[str, tuple[tuple[str, int, str], ...]] = {
    BODY: (("simsun.ttc", 0, "宋体"), ("simsun.ttf", 0, "宋体")),
    FANGSONG: (
        ("仿宋_GB2312.ttf", 0, "仿宋_GB2312"),
        ("FS_GB2312.ttf", 0, "仿宋_GB2312"),
        ("simfang.ttf", 0, "仿宋"),
    ),
    HEITI: (("simhei.ttf", 0, "黑体"),),
    KAITI: (
        ("楷体_GB2312.ttf", 0, "楷体_GB2312"),
        ("KT_GB2312.ttf", 0, "楷体_GB2312"),
        ("simkai.ttf", 0, "楷体"),
    ),
    TITLE: (
        ("FZXBSJW.TTF", 0, "方正小标宋简体"),
        ("FZXBSJW--GB1-0.ttf", 0, "方正小标宋简体"),
        ("方正小标宋简体.ttf", 0, "方正小标宋简体"),
        ("FZXBSK.TTF", 0, "方正小标宋_GBK"),
        ("方正小标宋_GBK.ttf", 0, "方正小标宋_GBK"),
    ),
    MONO: (("consolab.ttf", 0, "Consolas Bold"),),
}

# Legacy font names other code may pass as ``latin``: the role that replaces each.
LATIN_FONT = "Jiwei-body"
LATIN_BOLD_FONT = "Jiwei-heiti"
MONO_FONT = "Jiwei-mono"
MONO_BOLD_FONT = "Jiwei-mono"
_LEGACY = {"Helvetica": BODY, "Helvetica-Bold": HEITI, "Courier": MONO, "Courier-Bold": MONO}
# Kept for code that imported them: the body face now.
CJK_FONT_NAME = LATIN_FONT
CJK_FONT_FILE = SHIPPED[BODY].path


def font(role: str) -> str:
    """The reportlab font name of ``role`` (registered on first use)."""
    _ensure()
    return _name(_role(role))


def body() -> str:
    return font(BODY)


def fangsong() -> str:
    return font(FANGSONG)


def heiti() -> str:
    return font(HEITI)


def kaiti() -> str:
    return font(KAITI)


def title() -> str:
    return font(TITLE)


def mono() -> str:
    return font(MONO)


def cjk_font() -> str:
    """Register the faces with reportlab (once per process, again after ``configure``); return
    the body face's font name."""
    return font(BODY)


# ---- choosing the faces --------------------------------------------------------------------------
def office_font_dirs() -> list[Path]:
    """Where Windows keeps fonts: the system's and the user's own (Windows 10 1809 and later)."""
    dirs = []
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT")
    if windir:
        dirs.append(Path(windir) / "Fonts")
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return dirs


def office_faces(dirs: Iterable[Path] | None = None) -> dict[str, list[Face]]:
    """The office fonts present in ``dirs`` (default ``office_font_dirs()``) by role, preferred first."""
    present: dict[str, Path] = {}
    for d in office_font_dirs() if dirs is None else dirs:
        try:
            for p in Path(d).iterdir():
                present.setdefault(p.name.casefold(), p)
        except OSError:
            continue
    out: dict[str, list[Face]] = {}
    for role, files in OFFICE_FILES.items():
        out[role] = [
            Face(present[n.casefold()], i, label) for n, i, label in files if n.casefold() in present
        ]
    return out


def parse_setting(value: str) -> Face:
    """A face from a setting's ``path`` or ``path#index``."""
    path, _, index = value.rpartition("#")
    if path and index.isdigit():
        return Face(Path(path), int(index), Path(path).name)
    return Face(Path(value), 0, Path(value).name)


def resolve(choice: Mapping[str, str] | None = None, dirs: Iterable[Path] | None = None) -> dict[str, Face]:
    """The face of each role for a font choice (missing roles are ``auto``)."""
    choice = choice or {}
    office = office_faces(dirs)
    faces = {}
    for role in ROLES:
        value = choice.get(role) or AUTO
        if value == BUNDLED:
            faces[role] = SHIPPED[role]
        elif value == AUTO:
            faces[role] = (office.get(role) or [SHIPPED[role]])[0]
        else:
            face = parse_setting(value)
            faces[role] = face if face.path.is_file() else SHIPPED[role]
    return faces


def fs_type(face: Face) -> int:
    """The face's embedding permissions (OS/2 ``fsType``; 0 when it has no OS/2 table)."""
    with open(face.path, "rb") as f:
        head = f.read(12)
        start = 0
        if head[:4] == b"ttcf":
            f.seek(12 + 4 * face.index)
            start = struct.unpack(">L", f.read(4))[0]
            f.seek(start)
            head = f.read(12)
        (tables,) = struct.unpack(">H", head[4:6])
        f.seek(start + 12)
        directory = f.read(16 * tables)
        for n in range(tables):
            tag, _checksum, offset, _length = struct.unpack(">4sLLL", directory[16 * n : 16 * n + 16])
            if tag == b"OS/2":
                f.seek(offset + 8)
                return int(struct.unpack(">H", f.read(2))[0])
    return 0


NO_EMBEDDING = QT_TRANSLATE_NOOP("app", "字体的制作者不允许把它嵌入文档（fsType {flags}）")
NOT_TRUETYPE = QT_TRANSLATE_NOOP("app", "不是可以嵌入的 TrueType 字体（{kind}）")


def check_message(face: Face) -> Message | None:
    """Why ``face`` cannot be embedded in a PDF (None when it can), in Chinese: not TrueType,
    unreadable, or its maker does not permit embedding it (restricted licence, bitmaps only) or
    embedding a subset."""
    from reportlab.pdfbase.ttfonts import TTFError, TTFontFile

    try:
        permissions = fs_type(face)
        if permissions & 0x0F == 0x0002 or permissions & 0x0300:
            return Message(NO_EMBEDDING, {"flags": f"{permissions:#06x}"})
        TTFontFile(str(face.path), subfontIndex=face.index, validate=0)
    except OSError as exc:
        return os_errors.describe(exc, with_path=False)
    except (TTFError, ValueError, KeyError, IndexError, struct.error) as exc:
        return Message(NOT_TRUETYPE, {"kind": type(exc).__name__})
    return None


def check(face: Face) -> str:
    """``check_message`` as text ("" when the face can be embedded)."""
    message = check_message(face)
    return "" if message is None else str(message)


class _State:
    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.choice: dict[str, str] = {}
        self.dirs: list[Path] | None = None
        self.faces: dict[str, Face] | None = None  # None: registration pending
        self.covered: dict[str, frozenset[int]] = {}
        self.problems: dict[str, str] = {}


_state = _State()


def configure(choice: Mapping[str, str] | None = None, dirs: Iterable[Path] | None = None) -> None:
    """Use ``choice`` (role -> ``auto``, ``bundled`` or a font file) from now on; ``dirs`` are
    where office fonts are looked for (default: Windows' font folders)."""
    with _state.lock:
        _state.choice = dict(choice or {})
        _state.dirs = None if dirs is None else list(dirs)
        _state.faces = None


def faces() -> dict[str, Face]:
    """The face in use for each role."""
    _ensure()
    assert _state.faces is not None
    return dict(_state.faces)


def problems() -> dict[str, str]:
    """Roles whose chosen face could not be used (the shipped face stands in), with the reason."""
    _ensure()
    return dict(_state.problems)


def _name(role: str) -> str:
    return f"Jiwei-{role}"


def _role(name: str) -> str:
    if name in ROLES or name == FALLBACK:
        return name
    if name.startswith("Jiwei-") and name[6:] in (*ROLES, FALLBACK):
        return name[6:]
    return _LEGACY.get(name, BODY)


def _register(role: str, face: Face) -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    problem = check(face)
    if problem:
        raise ValueError(problem)
    tt = TTFont(_name(role), str(face.path), subfontIndex=face.index)
    pdfmetrics._fonts.pop(_name(role), None)  # a new choice replaces the role's face
    pdfmetrics.registerFont(tt)
    # Code points the face draws (U+00A0 is set as a space by the body face).
    return frozenset(c for c in tt.face.charToGlyph if c >= 0x20 and c != 0xA0)


def _ensure() -> None:
    with _state.lock:
        if _state.faces is not None:
            return
        from reportlab.pdfbase import pdfmetrics

        from app.reports import linebreak

        linebreak.install()
        wanted = resolve(_state.choice, _state.dirs)
        chosen: dict[str, Face] = {}
        covered: dict[str, frozenset[int]] = {}
        problems: dict[str, str] = {}
        for role, face in (*wanted.items(), (FALLBACK, FALLBACK_FACE)):
            try:
                covered[role] = _register(role, face)
                chosen[role] = face
            except Exception as exc:  # noqa: BLE001 - any unreadable font: the shipped face stands in
                if role == FALLBACK or face == SHIPPED[role]:
                    raise RuntimeError(f"bundled font is missing or unreadable: {face.path}") from exc
                problems[role] = str(exc) or type(exc).__name__
                covered[role] = _register(role, SHIPPED[role])
                chosen[role] = SHIPPED[role]
        pdfmetrics.registerFontFamily(
            _name(BODY), normal=_name(BODY), bold=_name(HEITI), italic=_name(KAITI), boldItalic=_name(HEITI)
        )
        # A canvas sets its initial font in every page's preamble, a table one for each cell
        # (an empty one too), a drawing one for its state: the body face, not Helvetica, so that no unembedded standard font
        # is named in the PDF.
        from reportlab import rl_config
        from reportlab.graphics import shapes
        from reportlab.platypus import tables

        rl_config.canvas_basefontname = _name(BODY)
        tables.CellStyle.fontname = _name(BODY)
        shapes.STATE_DEFAULTS["fontName"] = _name(BODY)  # a drawing (the QR code) sets one too
        for role in (FANGSONG, HEITI, KAITI, TITLE, MONO):
            pdfmetrics.registerFontFamily(
                _name(role), normal=_name(role), bold=_name(role), italic=_name(role), boldItalic=_name(role)
            )
        _state.covered = covered
        _state.problems = problems
        _state.faces = {role: chosen[role] for role in ROLES}


# ---- setting text -------------------------------------------------------------------------------
def has_glyph(char: str, role: str = BODY) -> bool:
    """Whether the role's face (or a face standing in for it) draws ``char``."""
    _ensure()
    return any(ord(char) in _state.covered[r] for r in _chain(_role(role)))


def _chain(role: str) -> tuple[str, ...]:
    return (role, BODY, FALLBACK) if role != BODY else (BODY, FALLBACK)


def runs(text: str, latin: str = LATIN_FONT) -> Iterator[tuple[str, str]]:
    """``text`` split into (font name, text) runs: the role's face (``latin`` names the role or a
    legacy font) where it draws the character, else the body face, else the fallback face."""
    _ensure()
    chain = [(_name(r), _state.covered[r]) for r in _chain(_role(latin))]
    first = chain[0][0]
    current = ""
    start = 0
    for i, ch in enumerate(text):
        code = ord(ch)
        name = next((n for n, cov in chain if code in cov), first)
        if name != current:
            if i > start:
                yield current, text[start:i]
            current, start = name, i
    if text[start:]:
        yield current or first, text[start:]


def markup(text: str, latin: str = LATIN_FONT) -> str:
    """``text`` as reportlab paragraph markup (escaped), each run in a font that draws it."""
    return "".join(f'<font name="{name}">{escape(part)}</font>' for name, part in runs(text, latin))


def string_width(text: str, size: float, latin: str = LATIN_FONT) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(stringWidth(part, name, size) for name, part in runs(text, latin))


def draw_string(canvas: Canvas, x: float, y: float, text: str, size: float, latin: str = LATIN_FONT) -> float:
    """Draw ``text`` at (x, y) on a reportlab canvas in the role ``latin`` (body by default),
    switching fonts per run; return its width."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    start = x
    for name, part in runs(text, latin):
        canvas.setFont(name, size)
        canvas.drawString(x, y, part)
        x += stringWidth(part, name, size)
    return x - start


def wrap(text: str, width: float, size: float, latin: str = LATIN_FONT) -> list[str]:
    """``text`` broken into lines no wider than ``width`` at ``size`` in the role ``latin``, by
    the rules of Chinese line breaking (``app.reports.linebreak``), for text drawn line by line
    on a canvas; a newline always ends a line."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from app.reports.linebreak import break_points

    out: list[str] = []
    for paragraph in text.replace("\r\n", "\n").split("\n"):
        widths = [stringWidth(ch, name, size) for name, part in runs(paragraph, latin) for ch in part]
        bounds = [0, *break_points(paragraph, widths, [width]), len(paragraph)]
        out += [paragraph[a:b] for a, b in zip(bounds, bounds[1:], strict=False)] or [""]
    return out


def draw_centred_string(
    canvas: Canvas, x: float, y: float, text: str, size: float, latin: str = LATIN_FONT
) -> float:
    width = string_width(text, size, latin)
    draw_string(canvas, x - width / 2, y, text, size, latin)
    return width
