"""Marking user-visible text in ``app/`` for Qt's translation without importing Qt.

``QT_TRANSLATE_NOOP(context, text)`` returns ``text`` unchanged; Qt's ``lupdate`` finds the
calls by name and puts the strings into ``resources/i18n/*.ts``. The window translates them with
``QCoreApplication.translate(context, text)``; the command line prints the Chinese source.
"""

from __future__ import annotations

from dataclasses import dataclass, field


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    return text


@dataclass(frozen=True)
class Message:
    """A user-facing message: a translatable template (context "app") and its parameters."""

    template: str
    params: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.template.format(**self.params)
