"""Running an ``app/`` operation from the window and telling every view what it changed.

An operation collects, in the context it ran with, the tables its transactions wrote
(``Context.take_changes``); ``announce`` sends them on the change bus once it has finished, and
each page refreshes if it read one of them (``ui.watch``). Operations that run on a worker thread
(``ui.tasks.run_task``) announce on the GUI thread when the task is done.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from app.context import Changes, Context
from ui.events import ChangeBus

T = TypeVar("T")


def announce(ctx: Context, bus: ChangeBus) -> Changes:
    """Send what was changed through ``ctx`` since the last announcement (nothing if nothing)."""
    changes = ctx.take_changes()
    if changes:
        bus.changed.emit(changes)
    return changes


def run_op(ctx: Context, bus: ChangeBus, op: Callable[[], T]) -> T:
    """Run ``op`` (one ``app/`` operation) and announce what it changed, also when it refused
    part way (whatever it committed before is announced)."""
    try:
        return op()
    finally:
        announce(ctx, bus)
