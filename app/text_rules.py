"""Control characters in what people type: one rule for every name and text field.

A single-line text (a name, a code, a title) may hold no control character at all: no line
break (``\\n``, ``\\r``, U+0085, U+2028, U+2029), no tab, nothing else of C0 (U+0000–U+001F),
DEL or C1 (U+0080–U+009F). A multi-line text (notes, descriptions) may hold line breaks and tabs:
its line ends are made ``\\n`` (``\\r\\n`` and ``\\r`` from other systems' clipboards), and any other
control character is refused, as in a single-line text. Refused, never stripped: what was typed
is what is kept, or the person is told. No Qt here.
"""

from __future__ import annotations

import re

from app.i18n import QT_TRANSLATE_NOOP, Message

SINGLE_LINE = QT_TRANSLATE_NOOP("app", "「{label}」不能包含换行符、制表符或其他控制字符。")
MULTI_LINE = QT_TRANSLATE_NOOP("app", "「{label}」不能包含控制字符（换行和制表符除外）。")

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_BUT_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f]")  # keeps \t \n, U+0085 below
_LINE_ENDS = re.compile("\r\n|[\r\x85\u2028\u2029]")


def single_line_problem(text: str, label: str) -> Message | None:
    """Why ``text`` cannot be a single-line value (labelled ``label``), or None."""
    return Message(SINGLE_LINE, {"label": label}) if _CONTROL.search(text) else None


def multi_line(text: str, label: str) -> str:
    """``text`` with its line ends made ``\\n``; ``ValueError(Message)`` for any other control
    character than a line break or a tab."""
    text = _LINE_ENDS.sub("\n", text)
    if _CONTROL_BUT_LINES.search(text):
        raise ValueError(Message(MULTI_LINE, {"label": label}))
    return text
