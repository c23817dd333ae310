"""One app-wide signal that says what an operation changed; each view decides whether to refresh.

``changed`` carries an ``app.context.Changes`` (the tables the operation wrote). A view compares
it with the tables its last refresh read (``ui.watch.ReadTracking``): no view keeps a list of the
registers it shows.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ChangeBus(QObject):
    """``changed(Changes)`` after any operation that changed something."""

    changed = Signal(object)
