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
from app.security.audit import AuditEntry

__all__ = ["AuditEntry", "Liaison", "Staff", "SupervisedUnit", "TownshipYearStats", "Unit", "Village", "Zone"]
