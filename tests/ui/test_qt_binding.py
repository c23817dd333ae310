"""The Qt binding keeps Python's reference counts: PySide6 6.12.0 lost one reference to ``True``
at every ``Signal.emit`` made from Python, and after a few hundred emits (a demo build's progress,
a long session) the interpreter aborted with "bool_dealloc". pyproject.toml keeps that release out;
this test fails (or aborts) on a binding that does it again."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    pair = Signal(int, int)
    flag = Signal(bool)


def test_emitting_signals_keeps_reference_counts(qapp: object) -> None:
    emitter = _Emitter()
    seen: list[int] = []
    emitter.pair.connect(lambda a, _b: seen.append(a))
    emitter.flag.connect(lambda v: seen.append(int(v)))
    before_true, before_false = sys.getrefcount(True), sys.getrefcount(False)
    for i in range(200):
        emitter.pair.emit(i, i)
        emitter.flag.emit(i % 2 == 0)
    assert len(seen) == 400
    assert abs(sys.getrefcount(True) - before_true) < 20
    assert abs(sys.getrefcount(False) - before_false) < 20
