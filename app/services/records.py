"""Generic register operations driven by the declarations in ``app.registers``.

The list asks for ids only (filtered, searched, sorted in SQL) and then for the display values
of the few rows it shows, so a list of a hundred thousand rows opens at once. Saving validates
every field and the register's own rules and returns Chinese messages; deleting writes a
tombstone that ``restore`` undoes. Every change reaches the change log through the storage layer.

The service acts for one operation context (``app.context.Context``): saving, deleting and
restoring need the EDIT permission (or the register's own instead, ``Register.permission``), and change
only records this installation's unit owns (``NotOwner``: the county's opinion on a township's
case is a record of the county's own, never an edit of the township's). Sensitive fields (``Field(sensitive=True)``) are sealed on save with the
actor's sensitive-field key and opened for display only for actors who hold it; everyone else
sees ``（受限）`` and cannot set them. Opening a record with sensitive fields through ``get`` (the
form) writes one VIEW_SENSITIVE audit entry; the list shows them without one. Records of a model
with ``SecrecyMixin`` whose audience (知悉范围) leaves the actor out are not shown at all.

``Context.system(db)`` is the program itself acting (the demo builder, set-up): every
permission, every record, and no sensitive-field key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from app import text_rules
from app.context import Context
from app.db.base import SyncMixin
from app.db.base import new_id as new_row_id
from app.db.local import ChangeLog, User
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.registers import REGISTERS
from app.registers.fields import BOOL, CHOICE, DATE, INT, LONGTEXT, REF, TEXT, Field, Register
from app.security import audit, sensitive
from app.security.roles import EDIT, VIEW_SENSITIVE, CountyOnly, CountyScreen, NotOwner
from app.security.secrecy import NotInAudience, audience_condition, has_secrecy, in_audience, parse_audience
from app.services import undo
from app.services.validation import ValidationError

YES = QT_TRANSLATE_NOOP("app", "是")
NO = QT_TRANSLATE_NOOP("app", "否")


class NotFoundError(Exception):
    pass


class NeedsConfirmation(Exception):
    """The save would go ahead, but a person must confirm first (``Register.warn``): save again
    with ``confirmed=True`` once they have."""

    def __init__(self, warnings: Sequence[Message]) -> None:
        self.warnings = list(warnings)
        super().__init__("；".join(str(m) for m in self.warnings))


@dataclass
class ListQuery:
    search: str = ""
    filters: dict[str, Any] = field(default_factory=dict)  # field name -> value (equality)
    sort: str | None = None  # a column name; None = the register's default
    descending: bool = False
    include_deleted: bool = False


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    by: str
    op: str  # insert | update | delete
    changes: tuple[tuple[str, str, str], ...]  # (field label, old, new) as displayed
    coded: frozenset[str] = frozenset()  # labels of fields whose values are choice/yes-no labels


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_UNKNOWN = object()  # a sensitive value the actor cannot read: kept as stored, never checked


class RecordService:
    """Register operations for one operation context (who acts, on which database)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.db = ctx.db
        self.actor = ctx.actor
        self.system = ctx.actor.system
        self.user = ctx.actor.username

    # ---- who is acting ---------------------------------------------------------------------
    def can(self, permission: str) -> bool:
        return self.actor.can(permission)

    def _require(self, permission: str) -> None:
        self.actor.require(permission)

    def may_edit(self, reg: Register) -> bool:
        """Whether the actor may create, change and delete ``reg``'s records at all."""
        return self.can(reg.permission or EDIT) and not self._county_keeps(reg)

    def shown(self, reg: Register) -> bool:
        """Whether ``reg`` is seen here: a register of the county's own work (``county_screen``:
        留置, 审理) only at the county."""
        return not reg.county_screen or self.system or self.ctx.installation().unit_type == "county"

    def _require_shown(self, reg: Register) -> None:
        if not self.shown(reg):
            raise CountyScreen(reg.title)

    def _county_keeps(self, reg: Register) -> bool:
        """``reg`` is the county's alone and this is not the county."""
        return reg.county_only and not self.system and self.ctx.installation().unit_type != "county"

    def _require_edit(self, reg: Register, obj: Any = None) -> None:
        """EDIT, or the register's own permission where it has one (the county's units: UNITS,
        which the administrators keep under separation of duties when they lose EDIT); the
        county's own registers only at the county (``CountyOnly``); and (for an existing row) that
        this unit owns it."""
        self._require(reg.permission or EDIT)
        self._require_shown(reg)
        if self._county_keeps(reg):
            raise CountyOnly()
        if obj is not None and not self.owns(obj.owner):
            raise NotOwner(obj.owner)

    def owns(self, obj_owner: str | None) -> bool:
        """Whether a record of ``obj_owner`` may be changed here."""
        return self.system or not obj_owner or obj_owner == self.ctx.unit

    @property
    def sensitive_key(self) -> bytes | None:
        """The key that opens sensitive fields, when the actor may and does hold it."""
        if self.actor.can(VIEW_SENSITIVE) and self.actor.sensitive_key:
            return self.actor.sensitive_key
        return None

    def is_restricted(self, f: Field) -> bool:
        """True when ``f`` is sensitive and the actor cannot read it (shown as （受限）)."""
        return f.sensitive and self.sensitive_key is None

    def _hides(self, reg: Register) -> bool:
        return not self.system and has_secrecy(reg.model)

    def _check_audience(self, reg: Register, obj: Any) -> None:
        if self._hides(reg) and not in_audience(obj.audience, self.user):
            raise NotInAudience()

    @staticmethod
    def _context(reg: Register, f: Field, row_id: str) -> sensitive.Context:
        return sensitive.Context(reg.model.__table__.name, f.name, row_id)  # type: ignore[attr-defined]

    def _reveal(self, reg: Register, f: Field, obj: Any) -> Any:
        """A sensitive value as the actor may see it: plaintext, （受限） or （无法解密）."""
        stored = getattr(obj, f.name)
        key = self.sensitive_key
        if key is None:
            return sensitive.RESTRICTED
        if stored is None or stored == "":
            return stored
        if not sensitive.is_sealed(stored):
            return stored  # written before the field was declared sensitive; sealed at next save
        try:
            return sensitive.open(key, stored, self._context(reg, f, obj.id))
        except sensitive.TokenError:
            return sensitive.UNREADABLE

    # ---- listing -------------------------------------------------------------------------
    def _sort_expression(self, reg: Register, name: str) -> ColumnElement[Any]:
        for c in reg.computed:
            if c.name == name:
                return c.expression()
        f = reg.field(name)
        if f.sensitive:  # sealed values have no useful order
            return self._sort_expression(reg, reg.default_sort)
        col = getattr(reg.model, f.name)
        if f.kind == REF and f.ref:
            target = REGISTERS[f.ref]
            tcol = getattr(target.model, target.default_sort)
            return select(tcol).where(target.model.id == col).scalar_subquery()
        return col

    def _filtered(self, reg: Register, q: ListQuery) -> Select[Any]:
        self._require_shown(reg)
        model = reg.model
        stmt = select(model.id)
        text = q.search.strip()
        if not q.include_deleted:
            if text:
                # A substring search reads every row anyway: wrapping the column keeps the planner
                # from walking the (deleted, sort) index with a table look-up per row, which is
                # several times slower than one sequential scan and a sort of the matches.
                stmt = stmt.where(func.coalesce(model.deleted, False).is_(False))
            else:
                stmt = stmt.where(model.deleted.is_(False))
        for name, values in reg.scope.items():
            stmt = stmt.where(getattr(model, name).in_(values))
        if self._hides(reg):
            stmt = stmt.where(audience_condition(model, self.user))
        for name, value in q.filters.items():
            if value is None or value == "":
                continue
            f = reg.field(name)
            if f.sensitive:
                continue
            stmt = stmt.where(getattr(model, f.name) == self._coerce_filter(f, value))
        if text:
            pattern = f"%{_like_escape(text)}%"
            terms = [
                getattr(model, f.name).like(pattern, escape="\\")
                for f in reg.fields
                if f.searchable and not f.sensitive
            ]
            if terms:
                stmt = stmt.where(or_(*terms))
        return stmt

    @staticmethod
    def _coerce_filter(f: Field, value: Any) -> Any:
        if f.kind == BOOL:
            return value in (True, "1", "true", "是", 1)
        if f.kind == INT:
            return int(value)
        return value

    def ids(self, reg: Register, q: ListQuery | None = None) -> list[str]:
        q = q or ListQuery()
        stmt = self._filtered(reg, q)
        sort = q.sort or reg.default_sort
        expr = self._sort_expression(reg, sort)
        order = [expr.desc() if q.descending else expr.asc(), reg.model.id.asc()]
        with self.ctx.session() as s:
            return list(s.scalars(stmt.order_by(*order)))

    def count(self, reg: Register, q: ListQuery | None = None) -> int:
        stmt = self._filtered(reg, q or ListQuery())
        with self.ctx.session() as s:
            return int(s.scalar(select(func.count()).select_from(stmt.subquery())) or 0)

    def rows(self, reg: Register, ids: Sequence[str]) -> dict[str, dict[str, str]]:
        """Display values (Chinese) of the list columns for these ids."""
        if not ids:
            return {}
        model = reg.model
        computed = [c.expression().label(c.name) for c in reg.computed]
        stmt = select(model, *computed).where(model.id.in_(list(ids)))
        if self._hides(reg):
            stmt = stmt.where(audience_condition(model, self.user))
        with self.ctx.session() as s:
            result = s.execute(stmt).all()
            refs = self._ref_labels(s, reg, [r[0] for r in result])
            out: dict[str, dict[str, str]] = {}
            for row in result:
                obj = row[0]
                values = {
                    f.name: self.display(
                        f, self._reveal(reg, f, obj) if f.sensitive else getattr(obj, f.name), refs
                    )
                    for f in reg.fields
                    if f.in_list
                }
                for c in reg.computed:
                    v = getattr(row, c.name)
                    values[c.name] = "" if v is None else str(v)
                values["__deleted__"] = "1" if obj.deleted else ""
                out[obj.id] = values
        return out

    def _ref_labels(self, s: Session, reg: Register, objs: Iterable[Any]) -> dict[str, str]:
        wanted: dict[str, set[str]] = {}
        for f in reg.fields:
            if f.kind == REF and f.ref:
                for o in objs:
                    v = getattr(o, f.name)
                    if v:
                        wanted.setdefault(f.ref, set()).add(v)
        labels: dict[str, str] = {}
        for name, idset in wanted.items():
            target = REGISTERS[name]
            for t in s.scalars(select(target.model).where(target.model.id.in_(idset))):
                hidden = self._hides(target) and not in_audience(getattr(t, "audience", ""), self.user)
                labels[t.id] = sensitive.RESTRICTED if hidden else target.display(t)
        return labels

    @staticmethod
    def display(f: Field, value: Any, refs: Mapping[str, str]) -> str:
        if value is None:
            return ""
        if f.kind == BOOL:
            return YES if value else NO
        if f.kind == CHOICE:
            return f.choice_label(value)
        if f.kind == REF:
            return refs.get(value, "")
        if f.kind == DATE and isinstance(value, date):
            return value.isoformat()
        return str(value)

    def options(self, reg: Register, name: str) -> list[tuple[Any, str]]:
        """(value, label) pairs a field can take: choices, or live rows of the referenced register."""
        f = reg.field(name)
        if f.kind == CHOICE:
            return list(f.choices)
        if f.kind == BOOL:
            return [(True, YES), (False, NO)]
        if f.kind == REF and f.ref:
            target = REGISTERS[f.ref]
            stmt = select(target.model).where(target.model.deleted.is_(False))
            if self._hides(target):
                stmt = stmt.where(audience_condition(target.model, self.user))
            for key, allowed in f.ref_filter.items():
                stmt = stmt.where(getattr(target.model, key).in_(allowed))
            stmt = stmt.order_by(getattr(target.model, target.default_sort))
            with self.ctx.session() as s:
                return [(t.id, target.display(t)) for t in s.scalars(stmt)]
        if f.kind == INT and f.filterable:
            col = getattr(reg.model, f.name)
            with self.ctx.session() as s:
                vals = s.scalars(select(col).where(reg.model.deleted.is_(False)).distinct().order_by(col))
                return [(v, str(v)) for v in vals if v is not None]
        if f.kind == TEXT and f.filterable:
            col = getattr(reg.model, f.name)
            with self.ctx.session() as s:
                vals = s.scalars(select(col).where(reg.model.deleted.is_(False)).distinct().order_by(col))
                return [(v, v) for v in vals if v]
        return []

    # ---- one record ----------------------------------------------------------------------
    def get(self, reg: Register, row_id: str) -> dict[str, Any]:
        """The stored values of one record's fields (for an edit form).

        Sensitive fields come decrypted for an actor holding the key, which is recorded in the
        audit log (one VIEW_SENSITIVE entry naming the fields); others get （受限）."""
        self._require_shown(reg)
        with self.ctx.session() as s:
            obj = s.get(reg.model, row_id)
            if obj is None:
                raise NotFoundError(row_id)
            self._check_audience(reg, obj)
            values = {
                f.name: self._reveal(reg, f, obj) if f.sensitive else getattr(obj, f.name) for f in reg.fields
            }
            values["__deleted__"] = obj.deleted
            shown = [f.name for f in reg.sensitive_fields]
            if shown and self.sensitive_key is not None:
                audit.record(
                    s,
                    audit.VIEW_SENSITIVE,
                    target_table=reg.model.__table__.name,  # type: ignore[attr-defined]
                    target_id=obj.id,
                    fields=shown,
                )
            return values

    def defaults(self, reg: Register) -> dict[str, Any]:
        return {f.name: self._convert(f, f.default) for f in reg.fields}

    def normalise(self, reg: Register, raw: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Message]]:
        """Convert raw values (typed or text) to stored ones; collect per-field errors."""
        values: dict[str, Any] = {}
        errors: dict[str, Message] = {}
        for f in reg.fields:
            if f.name not in raw or not f.editable:
                continue  # a field the program sets is ignored when typed
            try:
                values[f.name] = self._convert(f, raw[f.name])
            except ValueError as exc:
                errors[f.name] = exc.args[0]
        unknown = set(raw) - {f.name for f in reg.fields}
        if unknown:
            errors[""] = Message(
                QT_TRANSLATE_NOOP("app", "未知字段：{names}"), {"names": tuple(sorted(unknown))}
            )
        return values, errors

    @staticmethod
    def _convert(f: Field, value: Any) -> Any:
        label = {"label": f.label}
        if isinstance(value, str):
            value = value.strip()
            if value == "":
                value = None
        if value is None:
            if f.kind == BOOL:
                return False
            return "" if f.kind in (TEXT, LONGTEXT) else None
        if f.kind == LONGTEXT:
            return text_rules.multi_line(str(value), f.label)
        if f.kind == TEXT:
            problem = text_rules.single_line_problem(str(value), f.label)
            if problem is not None:
                raise ValueError(problem)
            return str(value)
        if f.kind == INT:
            if isinstance(value, bool):
                raise ValueError(Message(QT_TRANSLATE_NOOP("app", "「{label}」须为整数。"), label))
            try:
                return int(value)
            except (TypeError, ValueError):
                raise ValueError(Message(QT_TRANSLATE_NOOP("app", "「{label}」须为整数。"), label)) from None
        if f.kind == DATE:
            if isinstance(value, datetime):
                return value.date()
            if isinstance(value, date):
                return value
            try:
                return date.fromisoformat(str(value))
            except ValueError:
                raise ValueError(
                    Message(QT_TRANSLATE_NOOP("app", "「{label}」须为日期，格式如 2022-06-30。"), label)
                ) from None
        if f.kind == BOOL:
            if isinstance(value, bool):
                return value
            text = str(value).lower()
            if text in ("1", "true", "yes", "是", "y"):
                return True
            if text in ("0", "false", "no", "否", "n"):
                return False
            raise ValueError(Message(QT_TRANSLATE_NOOP("app", "「{label}」只能填「是」或「否」。"), label))
        if f.kind == CHOICE:
            for stored, shown in f.choices:
                if value in (stored, shown):
                    return stored
            raise ValueError(Message(QT_TRANSLATE_NOOP("app", "「{label}」的取值无效。"), label))
        return str(value)  # REF: checked against the database in _check

    def _check(
        self,
        s: Session,
        reg: Register,
        values: dict[str, Any],
        row_id: str | None,
        skip: frozenset[str] = frozenset(),
    ) -> dict[str, Message]:
        errors: dict[str, Message] = {}
        for f in reg.fields:
            if f.name in skip:
                continue
            v = values.get(f.name)
            label = {"label": f.label}
            if f.required and (v is None or v == ""):
                errors[f.name] = Message(QT_TRANSLATE_NOOP("app", "「{label}」不能为空。"), label)
                continue
            if v is None or v == "":
                continue
            if f.max_length is not None and isinstance(v, str) and len(v) > f.max_length:
                errors[f.name] = Message(
                    QT_TRANSLATE_NOOP("app", "「{label}」最多 {n} 个字。"), {**label, "n": str(f.max_length)}
                )
            elif f.pattern and isinstance(v, str) and not re.fullmatch(f.pattern, v):
                errors[f.name] = Message(
                    QT_TRANSLATE_NOOP("app", "「{label}」格式不对：{hint}。"),
                    {**label, "hint": f.pattern_hint},
                )
            elif f.kind == INT and f.minimum is not None and v < f.minimum:
                errors[f.name] = Message(
                    QT_TRANSLATE_NOOP("app", "「{label}」不能小于 {n}。"), {**label, "n": str(f.minimum)}
                )
            elif f.kind == INT and f.maximum is not None and v > f.maximum:
                errors[f.name] = Message(
                    QT_TRANSLATE_NOOP("app", "「{label}」不能大于 {n}。"), {**label, "n": str(f.maximum)}
                )
            elif f.kind == REF and f.ref:
                target = REGISTERS[f.ref]
                t = s.get(target.model, v)
                ok = t is not None and not t.deleted
                ok = ok and all(getattr(t, k) in allowed for k, allowed in f.ref_filter.items())
                if not ok:
                    errors[f.name] = Message(
                        QT_TRANSLATE_NOOP("app", "「{label}」所选的记录不存在、已删除或不符合要求。"), label
                    )
        for names in reg.unique:
            if any(n in errors for n in names):
                continue
            conds = [getattr(reg.model, n) == values.get(n) for n in names]
            stmt = select(reg.model.id).where(and_(*conds), reg.model.deleted.is_(False))
            if row_id:
                stmt = stmt.where(reg.model.id != row_id)
            if s.scalars(stmt).first() is not None:
                labels = tuple(reg.field(n).label for n in names)
                errors[names[-1]] = Message(
                    QT_TRANSLATE_NOOP("app", "已有相同「{labels}」的记录。"), {"labels": labels}
                )
        if reg.validate is not None and not errors:
            errors.update(reg.validate(s, {k: v for k, v in values.items() if k not in skip}, row_id))
        return errors

    def _sensitive_input(self, reg: Register, raw: Mapping[str, Any], values: dict[str, Any],
                         errors: dict[str, Message]) -> None:  # fmt: skip
        """Sensitive values given: a placeholder the form showed keeps the stored value; without
        the key nothing may be written."""
        key = self.sensitive_key
        for f in reg.sensitive_fields:
            if f.name not in raw:
                continue
            given = raw[f.name]
            if isinstance(given, str) and given.strip() in sensitive.PLACEHOLDERS:
                values.pop(f.name, None)
                errors.pop(f.name, None)
            elif key is None:
                if values.get(f.name) not in (None, ""):
                    errors[f.name] = Message(
                        QT_TRANSLATE_NOOP("app", "当前用户无权查看或填写「{label}」（敏感信息）。"),
                        {"label": f.label},
                    )
                values.pop(f.name, None)

    def _audience_input(self, s: Session, text: Any, errors: dict[str, Message]) -> str:
        """An audience as stored: names separated by commas, each a user of this installation;
        whoever sets a non-empty audience is part of it."""
        names = parse_audience(str(text or ""))
        if not names:
            return ""
        if not self.system and self.user not in names:
            names.append(self.user)
        known = set(s.scalars(select(User.username).where(User.username.in_(names))))
        unknown = tuple(n for n in names if n not in known)
        if unknown:
            errors["audience"] = Message(
                QT_TRANSLATE_NOOP("app", "知悉范围中有不存在的用户：{names}"), {"names": unknown}
            )
        return ",".join(names)

    def _storage(
        self, reg: Register, merged: Mapping[str, Any], rid: str, unchanged: Mapping[str, Any]
    ) -> dict[str, Any]:
        """Values as written: sensitive ones sealed for this row; a sensitive value the actor could
        not read, or did not change, is left out so its stored token stays."""
        fields = {f.name: f for f in reg.fields}
        out: dict[str, Any] = {}
        for name, value in merged.items():
            f = fields.get(name)
            if f is None or not f.sensitive:
                out[name] = value
            elif value is _UNKNOWN or (name in unchanged and unchanged[name] == value):
                continue
            elif value is None or value == "":
                out[name] = value
                if f.keyed:
                    out[f.keyed] = ""
            else:
                key = self.sensitive_key
                assert key is not None, "sensitive values without the key are refused earlier"
                out[name] = sensitive.seal(key, str(value), self._context(reg, f, rid))
                if f.keyed:
                    table = reg.model.__table__.name  # type: ignore[attr-defined]
                    out[f.keyed] = sensitive.keyed_hash(key, f"{table}.{name}", str(value))
        # An emptied optional value (a choice set back to blank) is stored as its column's default
        # where the column holds no NULL: writing None there failed the whole save.
        columns = reg.model.__table__.columns  # type: ignore[attr-defined]
        for name, value in out.items():
            column = columns.get(name)
            if value is None and column is not None and not column.nullable:
                default = column.default
                if default is not None and default.is_scalar:
                    out[name] = default.arg
        return out

    def save(
        self, reg: Register, raw: Mapping[str, Any], row_id: str | None = None, *, confirmed: bool = False
    ) -> str:
        """Create (``row_id`` None) or update a record; raise ``ValidationError`` and change nothing.
        Raise ``NeedsConfirmation`` when the register warns and ``confirmed`` is not set."""
        with self.ctx.session() as s:
            was = undo.before(self, s, reg, row_id)
            rid = self.save_in(s, reg, raw, row_id, confirmed=confirmed)
            step = undo.step_after(reg, s, rid, undo.UPDATE if row_id else undo.CREATE, was)
        undo.remember(self.ctx, step)
        return rid

    def save_in(
        self,
        s: Session,
        reg: Register,
        raw: Mapping[str, Any],
        row_id: str | None = None,
        new_id: str | None = None,
        *,
        confirmed: bool = False,
        program_values: Mapping[str, Any] | None = None,
        flush: bool = True,
    ) -> str:
        """``save`` inside the caller's transaction. ``new_id`` is the id of a new row, unless the
        register derives ids itself (``Register.make_id``); a derived id that names a tombstoned
        row brings that row back with the new values. ``program_values`` sets fields the form
        cannot (``Field.editable`` False: a lifecycle's state). ``flush=False`` leaves a new row
        pending (the session's autoflush writes it before the next query: an import of many rows
        flushes them together)."""
        self._require_edit(reg)
        values, errors = self.normalise(reg, raw)
        values.update(program_values or {})
        self._sensitive_input(reg, raw, values, errors)
        if has_secrecy(reg.model) and "audience" in values:
            values["audience"] = self._audience_input(s, values["audience"], errors)
        obj: SyncMixin | None = None
        unchanged: dict[str, Any] = {}  # sensitive plaintext whose stored token can stay
        if row_id is not None:
            obj = s.get(reg.model, row_id)
            if obj is None or obj.deleted:
                raise NotFoundError(row_id)
            self._check_audience(reg, obj)
            self._require_edit(reg, obj)
            merged = {}
            for f in reg.fields:
                if not f.sensitive:
                    merged[f.name] = getattr(obj, f.name)
                    continue
                stored = getattr(obj, f.name)
                shown = self._reveal(reg, f, obj)
                if shown in (sensitive.RESTRICTED, sensitive.UNREADABLE):
                    merged[f.name] = _UNKNOWN
                else:
                    merged[f.name] = shown
                    if stored in (None, "") or sensitive.is_sealed(stored):
                        unchanged[f.name] = shown
            merged.update(values)
        else:
            merged = self.defaults(reg)
            merged.update(values)
        skip = frozenset(k for k, v in merged.items() if v is _UNKNOWN)
        if reg.defaults is not None:
            merged = {
                **reg.defaults({k: v for k, v in merged.items() if k not in skip}),
                **{k: _UNKNOWN for k in skip},
            }
        if reg.complete is not None and not errors:
            known = {k: v for k, v in merged.items() if k not in skip}
            merged = {**reg.complete(s, known, row_id), **{k: _UNKNOWN for k in skip}}
        for name, message in self._check(s, reg, merged, row_id, skip).items():
            errors.setdefault(name, message)  # a value that did not convert says why, not 不能为空
        if errors:
            raise ValidationError(errors)
        if reg.warn is not None and not confirmed:
            changed = row_id is None or any(
                getattr(obj, n) != merged.get(n) for n in reg.warn_fields if n not in skip
            )
            warnings = (
                reg.warn(s, {k: v for k, v in merged.items() if k not in skip}, row_id) if changed else []
            )
            if warnings:
                raise NeedsConfirmation(warnings)
        if obj is None:
            rid = reg.make_id(s, merged) if reg.make_id is not None else new_id
            old = s.get(reg.model, rid) if rid else None
            if old is not None and old.deleted:
                self._check_audience(reg, old)
                self._require_edit(reg, old)
                obj = old
                obj.deleted = False
            else:
                rid = rid or new_row_id()  # known before sealing: a token is bound to its row
                obj = reg.model(id=rid, **self._storage(reg, merged, rid, {}))  # type: ignore[call-arg]
                s.add(obj)
                if flush:
                    s.flush()
                return obj.id
        for k, v in self._storage(reg, merged, obj.id, unchanged).items():
            if getattr(obj, k) != v:
                setattr(obj, k, v)
        s.flush()
        return obj.id

    def _references(self, s: Session, reg: Register, row_id: str) -> list[tuple[Register, int]]:
        found = []
        for other in REGISTERS.values():
            for f in other.fields:
                if f.kind == REF and f.ref == reg.name:
                    n = s.scalar(
                        select(func.count())
                        .select_from(other.model)
                        .where(getattr(other.model, f.name) == row_id, other.model.deleted.is_(False))
                    )
                    if n:
                        found.append((other, int(n)))
        return found

    def delete(self, reg: Register, row_id: str) -> None:
        """Tombstone a record. Refused while live records still point to it."""
        with self.ctx.session() as s:
            was = undo.before(self, s, reg, row_id)
            self.delete_in(s, reg, row_id)
            step = undo.step_after(reg, s, row_id, undo.DELETE, was)
        undo.remember(self.ctx, step)

    def delete_in(self, s: Session, reg: Register, row_id: str) -> None:
        """``delete`` inside the caller's transaction."""
        self._require_edit(reg)
        obj = s.get(reg.model, row_id)
        if obj is None or obj.deleted:
            raise NotFoundError(row_id)
        self._check_audience(reg, obj)
        self._require_edit(reg, obj)
        refs = self._references(s, reg, row_id)
        if refs:
            what = tuple(
                Message(QT_TRANSLATE_NOOP("app", "{title} {n} 条"), {"title": r.title, "n": str(n)})
                for r, n in refs
            )
            raise ValidationError(
                {
                    "": Message(
                        QT_TRANSLATE_NOOP("app", "还有记录引用它（{what}），不能删除。"), {"what": what}
                    )
                }
            )
        obj.deleted = True
        s.flush()

    def restore(self, reg: Register, row_id: str) -> None:
        """Undo a delete."""
        self._require_edit(reg)
        step: undo.Step | None = None
        with self.ctx.session() as s:
            obj = s.get(reg.model, row_id)
            if obj is None:
                raise NotFoundError(row_id)
            self._check_audience(reg, obj)
            self._require_edit(reg, obj)
            if obj.deleted:
                was = undo.Before(self, reg, obj)
                obj.deleted = False
                s.flush()
                step = undo.step_after(reg, s, row_id, undo.RESTORE, was)
        undo.remember(self.ctx, step)

    def history(self, reg: Register, row_id: str) -> list[HistoryEntry]:
        """Who changed what and when, oldest first, as displayed values."""
        table = reg.model.__table__.name  # type: ignore[attr-defined]
        with self.ctx.session() as s:
            obj = s.get(reg.model, row_id)
            if obj is not None:
                self._check_audience(reg, obj)
            entries = list(
                s.scalars(
                    select(ChangeLog)
                    .where(ChangeLog.table_name == table, ChangeLog.row_id == row_id)
                    .order_by(ChangeLog.seq)
                )
            )
            ref_ids: dict[str, set[str]] = {}
            for e in entries:
                for name, pair in e.changes.items():
                    f = next((x for x in reg.fields if x.name == name), None)
                    if f is not None and f.kind == REF and f.ref:
                        ref_ids.setdefault(f.ref, set()).update(v for v in pair if v)
            refs: dict[str, str] = {}
            for name, idset in ref_ids.items():
                target = REGISTERS[name]
                for t in s.scalars(select(target.model).where(target.model.id.in_(idset))):
                    refs[t.id] = target.display(t)
            out = []
            for e in entries:
                rows = []
                coded: set[str] = set()
                for name, (old, new) in e.changes.items():
                    if name == "deleted":
                        continue
                    f = next((x for x in reg.fields if x.name == name), None)
                    if f is None:
                        continue
                    rows.append((f.label, self._shown(f, old, refs), self._shown(f, new, refs)))
                    if f.kind in (CHOICE, BOOL) or f.sensitive:  # （已加密） is a marked label too
                        coded.add(f.label)
                op = e.op
                if e.changes.get("deleted") == [True, False]:
                    op = "restore"
                out.append(HistoryEntry(e.at, e.by, op, tuple(rows), frozenset(coded)))
            return out

    def _shown(self, f: Field, value: Any, refs: Mapping[str, str]) -> str:
        if f.kind == DATE and isinstance(value, str):
            return value
        return self.display(f, value, refs)
