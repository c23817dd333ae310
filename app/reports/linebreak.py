"""Chinese line breaking (禁则) for the paragraphs reportlab lays out with ``wordWrap="CJK"``.

reportlab breaks CJK text after any character that fills the line; its only rule is to let one
closing character hang in the margin, from a short (Japanese) list that lacks ，；：？！》 and
more, and it never looks at opening punctuation. So a line could start with "；" or "》", or
end with "（". ``install`` replaces its two CJK breakers (``wordSplit`` for a paragraph in one
font, ``cjkFragSplit`` for several) with ones that follow the rules of Chinese typesetting:

- no line starts with closing punctuation (``NO_START``) and none ends with opening punctuation
  (``NO_END``): the break moves back, taking the last character(s) of the line along (推出);
- only when a whole line is such punctuation do the closing marks hang in the margin (挤进);
- a Latin word or number is not cut in two when the line has an earlier place to break.

``break_points`` is the rule itself, on a string and its character widths; the same rule serves
text the program wraps itself.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

NO_START = frozenset(
    "，。、；：？！）》」』】〕〗〉］｝…‥·％‰℃°′″’”"  # full-width and typographic closers
    ",.;:?!)]}%"  # their ASCII forms
    "々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶー"
)
NO_END = frozenset("（《「『【〔〖〈［｛‘“([{￥$＄£")

FUZZ = 1e-6


def _is_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "_-./@#&+")


def break_at(text: Sequence[str], start: int, end: int) -> int:
    """Where to end the line that starts at ``start`` when ``text[end]`` no longer fits on it
    (``start < end < len(text)``): an index in ``(start, len(text)]``, the next line's start."""
    b = end
    # a Latin word or number: break before it when the line holds something else too
    if _is_word(text[b]) and _is_word(text[b - 1]):
        j = b - 1
        while j > start and _is_word(text[j - 1]):
            j -= 1
        if j > start:
            b = j
    k = b
    while k > start + 1 and (text[k] in NO_START or text[k - 1] in NO_END):
        k -= 1
    if text[k] not in NO_START and text[k - 1] not in NO_END:
        return k
    # nothing to push to the next line: let the closing marks hang in the margin
    k = b
    while k < len(text) and text[k] in NO_START:
        k += 1
    return k


def break_points(text: Sequence[str], widths: Sequence[float], max_widths: Sequence[float]) -> list[int]:
    """The start index of each line after the first for ``text`` (one width per character)
    laid out in lines of ``max_widths`` (the last repeats)."""
    starts: list[int] = []
    start = 0
    used = 0.0
    i = 0
    n = len(text)
    while i < n:
        limit = max_widths[min(len(starts), len(max_widths) - 1)]
        if used + widths[i] > limit + FUZZ and i > start:
            start = break_at(text, start, i)
            starts.append(start)
            used = 0.0
            i = start
            continue
        used += widths[i]
        i += 1
    if starts and starts[-1] >= n:
        starts.pop()
    return starts


def word_split(
    word: str, maxWidths: Any, fontName: str, fontSize: float, encoding: str = "utf8"
) -> list[list[Any]]:  # noqa: N803
    """reportlab's ``wordSplit`` (one font): ``[[extra space, line text], …]``."""
    from reportlab.lib.textsplit import getCharWidths

    if isinstance(word, bytes):
        word = word.decode(encoding)
    if not isinstance(maxWidths, (list, tuple)):
        maxWidths = [maxWidths]
    widths = getCharWidths(word, fontName, fontSize)
    bounds = [0, *break_points(word, widths, maxWidths), len(word)]
    lines = []
    for n, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False)):
        limit = maxWidths[min(n, len(maxWidths) - 1)]
        lines.append([limit - sum(widths[a:b]), word[a:b]])
    return lines


def cjk_frag_split(frags: Any, maxWidths: Any, calcBounds: Any, encoding: str = "utf8") -> Any:  # noqa: N803
    """reportlab's ``cjkFragSplit`` (several fonts, forced breaks) with the rules above."""
    from reportlab.platypus import paragraph as rl

    units: list[Any] = []
    for f in frags:
        text = f.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            units.extend(rl.cjkU(t, f, encoding) for t in text)
        else:
            units.append(rl.cjkU(text, f, encoding))
    lines: list[Any] = []

    def limit() -> float:
        return float(maxWidths[min(len(lines), len(maxWidths) - 1)])

    def width(u: Any, max_width: float) -> float:
        w = u.width
        if hasattr(w, "normalizedValue"):
            w._normalizer = max_width
            w = w.normalizedValue(max_width)
        return float(w)

    def emit(a: int, b: int, forced: bool) -> None:
        m = limit()
        used = sum(width(u, m) for u in units[a:b])
        lines.append(rl.makeCJKParaLine(units[a:b], m, used, m - used, forced, calcBounds))

    # forced breaks (<br/>) end segments; each segment is broken by the rules
    seg = 0
    n = len(units)
    for i in range(n + 1):
        forced = i < n and hasattr(units[i].frag, "lineBreak")
        if i < n and not forced:
            continue
        end = i + 1 if forced else n
        text = [str(u) or " " for u in units[seg:end]]
        a = seg
        used = 0.0
        j = seg
        while j < end:
            m = limit()
            w = width(units[j], m)
            if used + w > m + FUZZ and j > a and not (forced and j == end - 1):
                b = seg + break_at(text, a - seg, j - seg)
                b = min(b, end - 1 if forced else end)
                emit(a, b, False)
                a, j, used = b, b, 0.0
                continue
            used += w
            j += 1
        if forced:
            emit(a, end, True)
        elif a < end:
            emit(a, end, False)
        seg = end
    return rl.ParaLines(kind=1, lines=lines)


_installed = False
_lock = threading.Lock()


def install() -> None:
    """Make reportlab's CJK paragraphs break by these rules (once per process)."""
    global _installed
    with _lock:
        if _installed:
            return
        from reportlab.platypus import paragraph

        replace: dict[str, Callable[..., Any]] = {"wordSplit": word_split, "cjkFragSplit": cjk_frag_split}
        for name, function in replace.items():
            setattr(paragraph, name, function)
        _installed = True
