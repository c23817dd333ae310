"""A register's lifecycle: its states and the transitions allowed between them.

A record of a register with a lifecycle keeps its state in the field ``state``, which the edit
form shows but never sets. Only ``app.services.transitions`` moves a record from one state to
another, through a declared ``Step``; each step taken is stored as a ``Transition`` row (who, when,
from, to, why) and shown as the record's timeline (全程留痕).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from app.i18n import QT_TRANSLATE_NOOP, Message

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# A step's own rule: (session, the record, the values given) -> errors by field.
StepCheck = Callable[["Session", Any, dict[str, Any]], dict[str, "Message"]]
# What a step does beyond its record, in the same transaction, once the record is saved: the
# outcome of an inquiry moves its clue, a recusal is recorded. (session, the Transitions doing the
# step, the record, the values given). It raises to refuse, and then nothing is changed. The values
# also hold, under BEFORE, what the step's required fields held before it (the handler a recusal
# replaces) and, under TRANSITION, the step's Transition row (its reason, document, approver).
StepEffect = Callable[["Session", Any, Any, dict[str, Any]], None]
BEFORE, TRANSITION = "_before", "_transition"


@dataclass(frozen=True)
class Step:
    """One allowed transition: from any of ``sources`` to ``target`` ("" keeps the state: an
    extension, a hand-over).

    ``requires`` are fields that must be filled for the step (the form asks for them), ``sets``
    values the step writes itself (the disposal a "dispose" step stands for), ``check`` a rule of
    the step's own.
    """

    name: str
    label: str
    sources: tuple[str, ...]
    target: str
    requires: tuple[str, ...] = ()
    asks: tuple[str, ...] = ()  # fields the step's form offers that its own rule may need (函询's 回复评估)
    sets: Mapping[str, Any] = field(default_factory=dict)
    check: StepCheck | None = None
    # The document the step produces (立案决定书, 审理报告 …): its number and date are required and
    # kept on the step's Transition row, with who approved it when ``approval`` is set.
    document: str = ""
    approval: bool = False
    effect: StepEffect | None = None
    # Installation types that may take the step ("" = any): 提级办理 only at the county.
    only_at: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lifecycle:
    states: tuple[tuple[str, str], ...]  # (stored value, Chinese label), the first is a new record's
    steps: tuple[Step, ...]
    open_states: tuple[str, ...] = ()  # states in which the record's deadline runs
    # States a record from an old ledger may not enter by the import step 历史台账导入
    # (``app.services.transitions.Transitions.enter_imported``): those only another unit's act
    # brings (上报 waits for the county to accept). Every other state reachable from the first is.
    not_imported: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        known = {s for s, _label in self.states}
        for step in self.steps:
            unknown = (set(step.sources) | ({step.target} if step.target else set())) - known
            if unknown:
                raise ValueError(f"step {step.name}: unknown states {sorted(unknown)}")
        if set(self.open_states) - known:
            raise ValueError("unknown open states")
        if set(self.not_imported) - known:
            raise ValueError("unknown states in not_imported")

    @property
    def initial(self) -> str:
        return self.states[0][0]

    def state_label(self, state: str) -> str:
        for value, label in self.states:
            if value == state:
                return label
        return state

    def step(self, name: str) -> Step:
        for s in self.steps:
            if s.name == name:
                return s
        raise KeyError(name)

    def allowed(self, state: str) -> list[Step]:
        return [s for s in self.steps if state in s.sources]

    def paths(self, target: str) -> list[tuple[Step, ...]]:
        """The ways from the first state to ``target`` through steps that change the state, each
        state visited once, shortest first (declaration order among equals)."""
        found: list[tuple[Step, ...]] = []

        def walk(state: str, path: tuple[Step, ...], seen: frozenset[str]) -> None:
            if state == target and path:
                found.append(path)
                return
            for step in self.allowed(state):
                if step.target and step.target not in seen:
                    walk(step.target, (*path, step), seen | {step.target})

        walk(self.initial, (), frozenset({self.initial}))
        return sorted(found, key=len)

    @property
    def importable(self) -> tuple[str, ...]:
        """The states a record from an old ledger may be imported in: the first, and every state
        the steps reach from it, but ``not_imported``."""
        return tuple(
            s
            for s, _label in self.states
            if s == self.initial or (s not in self.not_imported and self.paths(s))
        )


def not_before(field_name: str, earlier: str, message: str) -> StepCheck:
    """A step's check: the date it gives in ``field_name`` is not before the record's ``earlier``
    date (宣布送达 after the decision, 解除 after the start …); ``message`` says so."""

    def check(_s: Session, record: Any, values: dict[str, Any]) -> dict[str, Message]:
        on, before = values.get(field_name), getattr(record, earlier)
        if isinstance(on, date) and isinstance(before, date) and on < before:
            return {field_name: Message(message)}
        return {}

    return check


def extended_once(what: str, most: int) -> StepCheck:
    """An extension step's check: ``what`` (审查调查, 审理, 留置) is extended once, by ``most`` days
    at most."""

    def check(_s: Session, record: Any, values: dict[str, Any]) -> dict[str, Message]:
        if record.extension_days:
            return {
                "extension_days": Message(QT_TRANSLATE_NOOP("app", "{what}只能延期一次。"), {"what": what})
            }
        try:
            days = int(str(values.get("extension_days")).strip())
        except (TypeError, ValueError):
            return {}  # the step itself says it is not a number
        if days > most:
            return {
                "extension_days": Message(
                    QT_TRANSLATE_NOOP("app", "{what}延期不超过 {n} 天。"), {"what": what, "n": str(most)}
                )
            }
        return {}

    return check
