"""The county's form mapping (四种形态对应): which form each measure counts in.

DOMAIN.md's counting convention is the default (``app.registers.sanctions.DEFAULT_FORMS``); a
county that counts otherwise changes it here. ``current`` reads the mapping in force anywhere;
``set_forms``/``set_form`` and ``reset`` change it: county installation only, the permission
UNITS (the county's reference data), one transaction with its audit entry (安全策略变更). The value
lives in the county's policy row (``app.models.policy.CountyPolicy.form_mapping``, only what
differs from the convention); the county's next bundles carry it to every unit, where it is
read-only. Statistics count by the mapping in force when they are asked; a measure saved earlier
keeps in its list the form it was saved with until it is saved again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.context import Context
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.registers import form_mapping
from app.registers.casework_choices import FORM_CHOICES
from app.registers.sanctions import DEFAULT_FORMS, KIND_LABELS, KIND_MEASURES, KINDS
from app.security.roles import UNITS
from app.services.policy import PolicyError, policy_row, recorded

NOT_COUNTY = QT_TRANSLATE_NOOP("app", "四种形态的对应关系由县纪委监委统一设置，本机不能修改。")
UNKNOWN_MEASURE = QT_TRANSLATE_NOOP("app", "没有「{kind}（{measure}）」这种处理方式。")
UNKNOWN_FORM = QT_TRANSLATE_NOOP("app", "形态只能是第一至第四种形态，或不计入四种形态。")
NOT_COUNTED = QT_TRANSLATE_NOOP("app", "不计入四种形态")
FORM_LABELS = {**dict(FORM_CHOICES), "": NOT_COUNTED}


@dataclass(frozen=True)
class FormEntry:
    """One measure: the form it counts in here, and by the convention."""

    kind: str
    measure: str
    form: str  # "1".."4", "" not counted
    default: str

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def form_label(self) -> str:
        return FORM_LABELS[self.form]

    @property
    def default_label(self) -> str:
        return FORM_LABELS[self.default]

    @property
    def changed(self) -> bool:
        """The county counts this measure otherwise than the convention."""
        return self.form != self.default


def _entries(mapping: Mapping[tuple[str, str], str]) -> tuple[FormEntry, ...]:
    return tuple(
        FormEntry(
            kind,
            measure,
            mapping.get((kind, measure), DEFAULT_FORMS[(kind, measure)]),
            DEFAULT_FORMS[(kind, measure)],
        )  # fmt: skip
        for kind in KINDS
        for measure in KIND_MEASURES[kind]
    )


def current(ctx: Context) -> tuple[FormEntry, ...]:
    """The mapping in force here, every kind and measure in the registers' order (anyone may read it)."""
    with ctx.session() as s:
        return _entries(form_mapping.in_force(s))


def may_change(ctx: Context) -> bool:
    """Whether the person may change the mapping here (the window offers editing only then)."""
    return ctx.can(UNITS) and ctx.installation().unit_type == "county"


def _require(ctx: Context) -> None:
    ctx.require(UNITS)
    if ctx.installation().unit_type != "county":
        raise PolicyError(Message(NOT_COUNTY))


def _store(s: Session, mapping: Mapping[tuple[str, str], str], detail: str) -> bool:
    text = form_mapping.serialise(mapping)
    if text == form_mapping.stored(s):
        return False
    policy_row(s).form_mapping = text
    recorded(s, "form_mapping", detail)
    return True


def set_forms(ctx: Context, changes: Mapping[tuple[str, str], str]) -> bool:
    """Count each (kind, measure) of ``changes`` in its form ("1".."4", "" not counted), all in
    one transaction; returns whether the mapping changed. Refused whole (``PolicyError``) when
    one is unknown."""
    _require(ctx)
    for (kind, measure), form in changes.items():
        if (kind, measure) not in DEFAULT_FORMS:
            raise PolicyError(
                Message(UNKNOWN_MEASURE, {"kind": KIND_LABELS.get(kind, kind), "measure": measure})
            )
        if form not in form_mapping.FORMS:
            raise PolicyError(Message(UNKNOWN_FORM))
    with ctx.session() as s:
        mapping = dict(form_mapping.in_force(s))
        moved = sorted((key, form) for key, form in changes.items() if mapping[key] != form)
        mapping.update(changes)
        return _store(s, mapping, _detail(moved))


def _detail(moved: list[tuple[tuple[str, str], str]]) -> str:
    """What the audit entry says changed (within the entry's 200 characters)."""
    text = "form_mapping " + " ".join(f"{k}/{m}={f or 'none'}" for (k, m), f in moved)
    return text if len(text) <= 200 else f"form_mapping {len(moved)} entries"


def set_form(ctx: Context, kind: str, measure: str, form: str) -> bool:
    """Count one measure in ``form``; returns whether the mapping changed."""
    return set_forms(ctx, {(kind, measure): form})


def reset(ctx: Context) -> bool:
    """Count every measure by the convention again; returns whether anything changed."""
    _require(ctx)
    with ctx.session() as s:
        return _store(s, DEFAULT_FORMS, "form_mapping reset")


__all__ = ["FORM_LABELS", "FormEntry", "current", "may_change", "reset", "set_form", "set_forms"]
