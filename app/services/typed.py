"""Values as a person types them into a form, for the registers' operations.

The command line's ``--set FIELD=VALUE`` names a field by its name or its Chinese label and gives
its value as the form shows it: a choice by its label, 是/否, a date as YYYY-MM-DD, a referenced
record by how its register displays it (or its id). ``RecordService`` converts and validates the
rest with the form's own messages; here only what the form's widgets do for a person is done:
finding the field and the referenced record.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.registers.fields import REF, Register
from app.services.records import RecordService, ValidationError


def parse_assignments(items: Iterable[str]) -> list[tuple[str, str]]:
    """``["name=value", …]`` as pairs; raise ``ValidationError`` for an item without ``=``."""
    pairs = []
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise ValidationError(
                {"": Message(QT_TRANSLATE_NOOP("app", "请写成「字段=值」的样子：{item}"), {"item": item})}
            )
        pairs.append((name.strip(), value))
    return pairs


def typed_values(records: RecordService, reg: Register, pairs: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """The raw values of a form from typed pairs: field names or labels resolved, references found
    by their displayed name. Raises ``ValidationError`` naming every field it cannot place."""
    by_key: dict[str, str] = {}
    for f in reg.fields:
        by_key[f.name] = f.name
        by_key.setdefault(f.label, f.name)
    raw: dict[str, Any] = {}
    errors: dict[str, Message] = {}
    for key, value in pairs:
        name = by_key.get(key)
        if name is None:
            errors[key] = Message(QT_TRANSLATE_NOOP("app", "未知字段：{names}"), {"names": (key,)})
            continue
        f = reg.field(name)
        if f.kind == REF and value.strip():
            found = _reference(records, reg, name, value.strip())
            if found is None:
                errors[name] = Message(
                    QT_TRANSLATE_NOOP(
                        "app", "「{label}」找不到「{value}」，或有不止一条同名记录（可改用记录编号）。"
                    ),
                    {"label": f.label, "value": value.strip()},
                )
                continue
            raw[name] = found
        else:
            raw[name] = value
    if errors:
        raise ValidationError(errors)
    return raw


def _reference(records: RecordService, reg: Register, name: str, text: str) -> str | None:
    options = records.options(reg, name)
    for value, _label in options:
        if value == text:
            return str(value)
    named = [value for value, label in options if str(label) == text]
    return str(named[0]) if len(named) == 1 else None
