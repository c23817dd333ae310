"""One app-wide signal that says which register changed; each view decides whether to refresh."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ChangeBus(QObject):
    """``changed`` carries a register name after any save, delete or restore."""

    changed = Signal(str)
