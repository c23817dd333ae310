"""Marking user-visible text in ``app/`` for Qt's translation without importing Qt.

``QT_TRANSLATE_NOOP(context, text)`` returns ``text`` unchanged; Qt's ``lupdate`` finds the
calls by name and puts the strings into ``resources/i18n/*.ts``. The window translates them with
``QCoreApplication.translate(context, text)``; the command line prints the Chinese source.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TypeAlias


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    return text


LIST_SEPARATOR = QT_TRANSLATE_NOOP("app", "、")

# A parameter is plain text, a nested message, or a list of either (joined with LIST_SEPARATOR).
Param: TypeAlias = "str | Message | tuple[Param, ...]"


@dataclass(frozen=True)
class Message:
    """A user-facing message: a translatable template (context "app") and its parameters.

    Parameters that are themselves labels (field labels, register titles) are translated by the
    window one by one; lists are joined with the separator of the language shown.
    """

    template: str
    params: Mapping[str, Param] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.render(lambda text: text, lambda text: text)

    def render(self, template: Callable[[str], str], value: Callable[[str], str]) -> str:
        """Format with ``template`` translating templates and ``value`` translating text params."""

        def one(p: Param) -> str:
            if isinstance(p, Message):
                return p.render(template, value)
            if isinstance(p, tuple):
                return template(LIST_SEPARATOR).join(one(x) for x in p)
            return value(p)

        return template(self.template).format(**{k: one(v) for k, v in self.params.items()})
