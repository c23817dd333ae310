"""Synchronised domain models. Importing this package maps every model."""

from app.models.org import (
    Liaison,
    Staff,
    SupervisedUnit,
    TownshipYearStats,
    Unit,
    Village,
    Zone,
)

__all__ = ["Liaison", "Staff", "SupervisedUnit", "TownshipYearStats", "Unit", "Village", "Zone"]
