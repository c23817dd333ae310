"""The declaration of a register: one model plus the fields that drive everything else.

A ``Register`` names its model and fields once; the list columns, search, filters, sorting,
the edit form, validation, history and spreadsheet export all derive from it. A field declared
``sensitive=True`` is stored encrypted (``app.security.sensitive``): only TEXT or LONGTEXT, never
searchable, filterable, unique or the default sort, and its column must hold the sealed token
(``Text``, or ``sealed_length(max_length)``). Adding a register
is one module that builds a ``Register`` and adds it to ``app.registers.REGISTERS``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy.sql import ColumnElement

from app.db.base import SyncMixin
from app.registers.lifecycle import Lifecycle

if TYPE_CHECKING:
    from datetime import date

    from sqlalchemy.orm import Session

    from app.i18n import Message

# Field kinds
TEXT = "text"
LONGTEXT = "longtext"
INT = "int"
DATE = "date"
BOOL = "bool"
CHOICE = "choice"
REF = "ref"
KINDS = (TEXT, LONGTEXT, INT, DATE, BOOL, CHOICE, REF)


@dataclass(frozen=True)
class Field:
    """One field of a register."""

    name: str
    label: str
    kind: str = TEXT
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()  # (stored value, Chinese label)
    ref: str | None = None  # the register a REF points to
    ref_filter: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # limits a REF's targets
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    pattern: str | None = None  # a regular expression a TEXT value must match in full
    pattern_hint: str = ""  # what the pattern means, in Chinese
    in_list: bool = True
    searchable: bool = False
    filterable: bool = False
    default: Any = None
    sensitive: bool = False  # stored encrypted (app.security.sensitive); never searched or filtered
    editable: bool = True  # False: shown, but set only by the program (a lifecycle's state, a flag)
    # A sensitive field whose keyed hash (``app.security.sensitive.keyed_hash``) is kept in this
    # column, so equal values can be found without opening them (an ID number's duplicates).
    keyed: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown field kind {self.kind!r}")
        if self.sensitive and self.kind not in (TEXT, LONGTEXT):
            raise ValueError(f"sensitive field {self.name} must be TEXT or LONGTEXT")
        if self.sensitive and (self.searchable or self.filterable):
            raise ValueError(f"sensitive field {self.name} cannot be searchable or filterable")
        if self.keyed and not self.sensitive:
            raise ValueError(f"field {self.name}: only a sensitive field keeps a keyed hash")
        if self.kind == REF and not self.ref:
            raise ValueError(f"REF field {self.name} needs ref=")
        if self.kind == CHOICE and not self.choices:
            raise ValueError(f"CHOICE field {self.name} needs choices=")

    def choice_label(self, value: Any) -> str:
        for stored, label in self.choices:
            if stored == value:
                return label
        return "" if value is None else str(value)


@dataclass(frozen=True)
class Computed:
    """A read-only list column computed in SQL (sortable), e.g. staffed count of a unit."""

    name: str
    label: str
    expression: Callable[[], ColumnElement[Any]]


Validator = Callable[["Session", dict[str, Any], str | None], dict[str, "Message"]]
Defaults = Callable[[dict[str, Any]], dict[str, Any]]
MakeId = Callable[["Session", dict[str, Any]], str]
# Warnings a person must confirm before a save goes ahead (a handler with a declared tie, …).
Warner = Callable[["Session", dict[str, Any], str | None], list["Message"]]
# Values the program derives from the others and the database before checking (a duplicate flag, …).
Completer = Callable[["Session", dict[str, Any], str | None], dict[str, Any]]


# Frequency rules (app.services.duties): the period a duty falls due in, and who owes it.
WEEK, MONTH, QUARTER, HALF, YEAR = "week", "month", "quarter", "half", "year"
PERIODS = (WEEK, MONTH, QUARTER, HALF, YEAR)
# staff: every live staff member of a township commission or a dispatched group;
# commission: each township commission and each group; township / group: only those;
# unit: every live unit (the county and its offices too); village: every live village.
OWERS = ("staff", "commission", "township", "group", "unit", "village")
# Who paid a duty between two days (both included): the id of each ower (a staff member's, a
# unit's or a village's id) mapped to the ids of the records that pay it. Owers not named owe it.
Paid = Callable[["Session", "date", "date"], Mapping[str, "Sequence[str]"]]


@dataclass(frozen=True)
class Duty:
    """A rule the seed states as a frequency (每月一课, 每季度至少一期通报, …): who owes a record
    of the register in every period. ``app.services.duties`` turns it into coverage: who is
    missing this week / month / quarter / half-year / year, on the 工作台 and in 履职覆盖."""

    key: str
    title: str  # Chinese, QT_TRANSLATE_NOOP("register", …)
    period: str
    owes: str
    paid: Paid
    minimum: int = 1  # records an ower needs in a period

    def __post_init__(self) -> None:
        if self.period not in PERIODS:
            raise ValueError(f"duty {self.key}: unknown period {self.period!r}")
        if self.owes not in OWERS:
            raise ValueError(f"duty {self.key}: unknown ower {self.owes!r}")


@dataclass(frozen=True)
class Register:
    """A register: its model, fields and the rules that are not per field."""

    name: str
    title: str
    area: str
    model: type[SyncMixin]
    fields: tuple[Field, ...]
    display: Callable[[Any], str]
    default_sort: str
    computed: tuple[Computed, ...] = ()
    unique: tuple[tuple[str, ...], ...] = ()  # among live rows
    validate: Validator | None = None
    defaults: Defaults | None = None  # fills values left empty (e.g. secondment end)
    scope: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # fixed filter for the list
    make_id: MakeId | None = None  # derives a new row's id from its values (same row everywhere)
    lifecycle: Lifecycle | None = None  # states and allowed transitions (field "state")
    warn: Warner | None = None  # asked when a field in warn_fields changes
    warn_fields: tuple[str, ...] = ()
    complete: Completer | None = None
    # The permission that creating, changing and deleting its records needs instead of EDIT (the
    # county's units: UNITS; whoever holds it holds EDIT too unless separation of duties is on),
    # or "" for EDIT.
    permission: str = ""
    # Reference data only the county keeps (its units, its zones): a township or group sees the
    # county's rows and creates none (``RecordService``), and a unit's bundle may not carry any
    # (``app.sync.rules``).
    county_only: bool = False
    # Work only the county does (留置, its trial office's 审理): a township's or a group's screens
    # and command line neither list nor enter it (``RecordService.shown``).
    county_screen: bool = False
    # The frequency rules its records pay (每月一课: every staff member, every month).
    duties: tuple[Duty, ...] = ()
    # The DATE field that places a record in a period for the work figures (统计分析's 各项工作);
    # "" for the first required DATE field.
    dated: str = ""

    def __post_init__(self) -> None:
        sensitive = {f.name for f in self.fields if f.sensitive}
        if self.default_sort in sensitive:
            raise ValueError(f"register {self.name}: cannot sort by the sensitive field {self.default_sort}")
        for names in self.unique:
            if sensitive.intersection(names):
                raise ValueError(f"register {self.name}: a sensitive field cannot be part of a unique rule")

    @property
    def date_field(self) -> str:
        """``dated``, or the first required DATE field, or "" when it has none."""
        if self.dated:
            return self.dated
        return next((f.name for f in self.fields if f.kind == DATE and f.required), "")

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def sensitive_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.sensitive)

    @property
    def columns(self) -> tuple[str, ...]:
        """The list's columns: fields shown in lists, then computed columns."""
        return tuple(f.name for f in self.fields if f.in_list) + tuple(c.name for c in self.computed)

    def column_label(self, name: str) -> str:
        for c in self.computed:
            if c.name == name:
                return c.label
        return self.field(name).label
