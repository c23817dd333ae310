"""Which form (四种形态) each measure counts in: the convention of DOMAIN.md
(``sanctions.DEFAULT_FORMS``), with the county's changes (a setting in ``county_policy``, kept as
JSON: ``{"kind/measure": "form"}``, only the entries that differ)."""

from __future__ import annotations

import json
from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.policy import POLICY_ID, CountyPolicy
from app.registers.sanctions import DEFAULT_FORMS

Mapping_ = dict[tuple[str, str], str]
FORMS = ("1", "2", "3", "4", "")


def parse(text: str | None) -> Mapping_:
    """The mapping a stored setting gives (unknown or malformed entries are ignored)."""
    out = dict(DEFAULT_FORMS)
    try:
        changes = json.loads(text or "{}")
    except ValueError:
        return out
    if not isinstance(changes, dict):
        return out
    for key, form in changes.items():
        kind, _, measure = str(key).partition("/")
        if (kind, measure) in out and form in FORMS:
            out[(kind, measure)] = form
    return out


def serialise(mapping: Mapping[tuple[str, str], str]) -> str:
    """The setting for ``mapping``: only what differs from the convention; "" for none."""
    changes = {f"{k}/{m}": f for (k, m), f in sorted(mapping.items()) if DEFAULT_FORMS.get((k, m)) != f}
    return json.dumps(changes, ensure_ascii=False, sort_keys=True) if changes else ""


def stored(s: Session) -> str:
    text = s.scalars(
        select(CountyPolicy.form_mapping).where(CountyPolicy.id == POLICY_ID, CountyPolicy.deleted.is_(False))
    ).first()
    return text or ""


def in_force(s: Session) -> Mapping_:
    """The mapping this installation counts by now."""
    return parse(stored(s))
