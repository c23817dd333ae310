"""Every value a register may store fits its column: SQLite does not check a VARCHAR's length,
PostgreSQL refuses the row (a choice's stored value longer than its column once broke every
import of the 三重一大 ledger there)."""

from __future__ import annotations

import pytest
from sqlalchemy import String

from app.registers import REGISTERS
from app.registers.fields import CHOICE, LONGTEXT, TEXT


@pytest.mark.parametrize("name", sorted(REGISTERS))
def test_choices_and_texts_fit_their_columns(name: str) -> None:
    reg = REGISTERS[name]
    table = reg.model.__table__  # type: ignore[attr-defined]
    for f in reg.fields:
        column = table.columns.get(f.name)
        if column is None or not isinstance(column.type, String) or column.type.length is None:
            continue
        length = column.type.length
        if f.kind == CHOICE:
            longest = max(len(value) for value, _label in f.choices)
            assert longest <= length, f"{name}.{f.name}: a choice of {longest} characters, column {length}"
        elif f.kind in (TEXT, LONGTEXT) and not f.sensitive and f.max_length is not None:
            assert f.max_length <= length, f"{name}.{f.name}: max_length {f.max_length}, column {length}"
