"""How a synchronised row is named on screens that list rows of any table (conflicts, transfers):
its register's title and its register's display of the row."""

from __future__ import annotations

from typing import Any

from app.registers import REGISTERS
from app.registers.fields import Register


def register_for(table: str) -> Register | None:
    """The register whose model is stored in ``table`` (field labels, record display)."""
    for reg in REGISTERS.values():
        if reg.model.__table__.name == table:  # type: ignore[attr-defined]
            return reg
    return None


def display(reg: Register | None, row: Any, fallback: str) -> str:
    """``row`` as its register shows it, or ``fallback`` (the id) when that cannot be said."""
    if reg is None or row is None:
        return fallback
    try:
        return str(reg.display(row)) or fallback
    except Exception:  # noqa: BLE001 (a display that needs something missing: show the id)
        return fallback
