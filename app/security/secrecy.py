"""Secrecy marks (密级) and who may see a record (知悉范围).

A model that mixes in ``SecrecyMixin`` carries ``secrecy`` (one of ``SECRECY_CHOICES``) and
``audience``: user names separated by commas. An empty audience means everyone in the unit whose
role allows it. A non-empty audience is a hard limit, for administrators too: a person outside it
does not see the record at all — it is missing from lists, counts and reference choices, and
opening, changing, deleting or restoring it is refused (``NotInAudience``). Whoever sets a
non-empty audience is added to it, so nobody locks themselves out of what they just saved.

The register declares the two fields with ``secrecy_fields()`` so the form, list and filters
show them like any other field; ``RecordService`` enforces the audience.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import func, literal, or_
from sqlalchemy.sql import ColumnElement

from app.db.secrecy import AUDIENCE_MAX, SecrecyMixin
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.registers.fields import CHOICE, TEXT, Field
from app.security.roles import PermissionDenied

SECRECY_CHOICES: tuple[tuple[str, str], ...] = (
    ("none", QT_TRANSLATE_NOOP("register", "无")),
    ("internal", QT_TRANSLATE_NOOP("register", "内部")),
    ("work_secret", QT_TRANSLATE_NOOP("register", "工作秘密")),
    # Codes follow the official English of the Law on Guarding State Secrets: 秘密 confidential, 机密 secret.
    ("confidential", QT_TRANSLATE_NOOP("register", "秘密")),
    ("secret", QT_TRANSLATE_NOOP("register", "机密")),
)
SECRECY_VALUES = tuple(v for v, _label in SECRECY_CHOICES)
AUDIENCE_SEPARATORS = re.compile(r"[\s,，、;；]+")


def secrecy_fields(*, secrecy_in_list: bool = True) -> tuple[Field, Field]:
    """The two field declarations a register with a ``SecrecyMixin`` model adds to its fields."""
    return (
        Field(
            "secrecy",
            QT_TRANSLATE_NOOP("register", "密级"),
            kind=CHOICE,
            required=True,
            choices=SECRECY_CHOICES,
            default="none",
            filterable=True,
            in_list=secrecy_in_list,
        ),
        Field(
            "audience",
            QT_TRANSLATE_NOOP("register", "知悉范围"),
            kind=TEXT,
            max_length=AUDIENCE_MAX,
            in_list=False,
            pattern_hint=QT_TRANSLATE_NOOP(
                "app", "填写可以查看的用户名，多个用逗号分隔；留空则本单位有相应权限的人员都可查看"
            ),
        ),
    )


def has_secrecy(model: type[Any]) -> bool:
    return isinstance(model, type) and issubclass(model, SecrecyMixin)


def parse_audience(text: str | None) -> list[str]:
    """User names in an audience text, in order, without repeats (commas, 、, ； or spaces)."""
    out: list[str] = []
    for name in AUDIENCE_SEPARATORS.split(text or ""):
        if name and name not in out:
            out.append(name)
    return out


def normalise_audience(text: str | None) -> str:
    return ",".join(parse_audience(text))


def in_audience(audience: str | None, username: str) -> bool:
    names = parse_audience(audience)
    return not names or username in names


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def audience_condition(model: type[Any], username: str) -> ColumnElement[bool]:
    """SQL: rows of ``model`` whose audience is empty or names ``username``.

    Audiences are stored normalised (``a,b,c``), so ``,a,b,c,`` contains ``,name,`` exactly
    when ``name`` is listed."""
    col = func.coalesce(model.audience, "")
    wrapped = literal(",") + col + literal(",")
    return or_(col == "", wrapped.like(f"%,{_like_escape(username)},%", escape="\\"))


class NotInAudience(PermissionDenied):
    """The record has an audience (知悉范围) that does not include the acting user."""

    def __init__(self) -> None:
        Exception.__init__(self, "not in the record's audience")
        self.permission = ""
        self.message = Message(
            QT_TRANSLATE_NOOP("app", "这条记录设定了知悉范围，当前用户不在其中，不能查看或修改。")
        )

    def __str__(self) -> str:
        return str(self.message)
