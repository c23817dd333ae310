"""Moving a record through its lifecycle, and the timeline of the steps it took (全程留痕).

``apply`` checks that the step is allowed from the record's state, that the fields the step needs
are filled and that a reason is given, saves those fields through ``RecordService`` (so the
register's validation and warnings apply), sets the new state and stores a ``Transition`` row,
all in one transaction. Anything refused changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.casework import Transition
from app.models.org import Unit
from app.registers import get as get_register
from app.registers.fields import Register
from app.registers.lifecycle import BEFORE, TRANSITION, Step
from app.services import deadlines, undo
from app.services.records import NeedsConfirmation, NotFoundError, RecordService, ValidationError
from app.sync.transfers import TransferError, request_transfer_in

REASON_MAX = 500
REASON_LABEL = QT_TRANSLATE_NOOP("register", "理由")
# The values a step takes besides the register's fields: the document it produced and who
# approved it (kept on the Transition row).
DOC_NO, DOC_ON, APPROVED_BY = "doc_no", "doc_on", "approved_by"
DOC_NO_LABEL = QT_TRANSLATE_NOOP("register", "文书编号")
DOC_ON_LABEL = QT_TRANSLATE_NOOP("register", "文书日期")
APPROVED_BY_LABEL = QT_TRANSLATE_NOOP("register", "批准人（机关）")
STEP_VALUES = (DOC_NO, DOC_ON, APPROVED_BY)
# The labels of a step's document fields: 审理报告文号, 审理报告日期.
DOC_NO_OF = QT_TRANSLATE_NOOP("app", "{document}文号")
DOC_ON_OF = QT_TRANSLATE_NOOP("app", "{document}日期")


# A record brought in from an old ledger (``app.services.xlsx_import``) in a later state than a new
# record's: one Transition row with this action and reason, from the first state to the state the
# ledger names, so its timeline says where it came from.
LEDGER_IMPORT = "ledger_import"
LEDGER_IMPORT_LABEL = QT_TRANSLATE_NOOP("app", "历史台账导入")


class TransitionRefused(Exception):
    """A step not allowed from the record's present state."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(str(message))


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    by: str
    action: str  # the step's Chinese label
    from_state: str  # Chinese labels
    to_state: str
    reason: str
    document: str = ""  # "立案决定书 〔2026〕3 号（2026-03-02）", "" for none
    approved_by: str = ""


class Transitions:
    """Lifecycle operations for one acting user (the same actor as ``records``)."""

    def __init__(self, records: RecordService) -> None:
        self.records = records

    @staticmethod
    def _lifecycle(reg: Register) -> Any:
        if reg.lifecycle is None:
            raise ValueError(f"register {reg.name} has no lifecycle")
        return reg.lifecycle

    def state(self, reg: Register, row_id: str) -> str:
        with self.records.ctx.session() as s:
            obj = s.get(reg.model, row_id)
            if obj is None:
                raise NotFoundError(row_id)
            self.records._check_audience(reg, obj)
            return str(obj.state)  # type: ignore[attr-defined]

    def allowed(self, reg: Register, row_id: str) -> list[Step]:
        """The steps the record can take now."""
        return list(self._lifecycle(reg).allowed(self.state(reg, row_id)))

    def apply(
        self,
        reg: Register,
        row_id: str,
        step_name: str,
        values: Mapping[str, Any] | None = None,
        reason: str = "",
        *,
        confirmed: bool = False,
    ) -> str:
        """Take a step; return the new state. Raise ``TransitionRefused``, ``ValidationError``,
        ``NeedsConfirmation`` or ``PermissionDenied`` and change nothing."""
        with self.records.ctx.session() as s:
            state = self.apply_in(s, reg, row_id, step_name, values, reason, confirmed=confirmed)
            what = undo.step_label(reg, step_name, s.get(reg.model, row_id))
        undo.mark(self.records.ctx, undo.TRANSITION, reg.name, what)
        return state

    def apply_in(
        self,
        s: Session,
        reg: Register,
        row_id: str,
        step_name: str,
        values: Mapping[str, Any] | None = None,
        reason: str = "",
        *,
        confirmed: bool = False,
    ) -> str:
        """``apply`` inside the caller's transaction (several changes that stand or fall together:
        a visit recorded with the clues it found). A refusal raises and leaves the rolling back of
        what the caller did before to the caller's transaction."""
        lifecycle = self._lifecycle(reg)
        self.records._require_edit(reg)
        try:
            step = lifecycle.step(step_name)
        except KeyError:
            raise TransitionRefused(
                Message(QT_TRANSLATE_NOOP("app", "没有「{step}」这一办理环节。"), {"step": step_name})
            ) from None
        values = dict(values or {})
        fields = {f.name for f in reg.fields}
        # A register field of the same name (a case's 立案审批机关) is saved and kept on the step too.
        step_values = {k: (values[k] if k in fields else values.pop(k)) for k in STEP_VALUES if k in values}
        reason = (reason or "").strip()
        obj = s.get(reg.model, row_id)
        if obj is None or obj.deleted:
            raise NotFoundError(row_id)
        self.records._check_audience(reg, obj)
        self.records._require_edit(reg, obj)
        state = str(obj.state)  # type: ignore[attr-defined]
        if state not in step.sources:
            allowed = tuple(st.label for st in lifecycle.allowed(state))
            raise TransitionRefused(
                Message(
                    QT_TRANSLATE_NOOP("app", "当前状态为「{state}」，不能「{step}」。此时可以：{allowed}"),
                    {
                        "state": lifecycle.state_label(state),
                        "step": step.label,
                        "allowed": allowed or (QT_TRANSLATE_NOOP("app", "（无，已是最终状态）"),),
                    },
                )
            )
        if step.only_at and not self.records.system:
            kind = self.records.ctx.installation().unit_type
            if kind not in step.only_at:
                raise TransitionRefused(
                    Message(
                        QT_TRANSLATE_NOOP("app", "「{step}」只能由县纪委监委办理。"),
                        {"step": step.label},
                    )
                )
        errors: dict[str, Message] = {}
        document = _document(step, step_values, errors)
        if not reason:
            errors["reason"] = Message(
                QT_TRANSLATE_NOOP("app", "请写明「{step}」的理由或依据。"), {"step": step.label}
            )
        elif len(reason) > REASON_MAX:
            errors["reason"] = Message(
                QT_TRANSLATE_NOOP("app", "「{label}」最多 {n} 个字。"),
                {"label": REASON_LABEL, "n": str(REASON_MAX)},
            )
        target = step.target or state
        program: dict[str, Any] = {"state": target, **step.sets}
        typed, typed_errors = self.records.normalise(
            reg, {k: v for k, v in values.items() if k != "extension_days"}
        )
        errors.update(typed_errors)
        if "extension_days" in step.requires:
            program.update(self._extension(reg, obj, values.get("extension_days"), errors))
        for name in step.requires:
            if name == "extension_days":
                continue
            given = typed.get(name, getattr(obj, name) if name not in values else None)
            if given in (None, ""):
                errors[name] = Message(
                    QT_TRANSLATE_NOOP("app", "「{step}」须填写「{label}」。"),
                    {"step": step.label, "label": reg.field(name).label},
                )
        if step.check is not None and not errors:
            errors.update(step.check(s, obj, typed))
        if errors:
            raise ValidationError(errors)
        before = {name: getattr(obj, name, None) for name in step.requires}
        self.records.save_in(s, reg, values_without(values, "extension_days"), row_id, confirmed=confirmed,
                             program_values=program)  # fmt: skip
        transition = Transition(
            register=reg.name,
            record_id=row_id,
            action=step.name,
            from_state=state,
            to_state=target,
            reason=reason,
            **document,
        )
        s.add(transition)
        s.flush()
        if step.effect is not None:
            step.effect(s, self, obj, {**typed, BEFORE: before, TRANSITION: transition})
        return target

    def enter_imported(
        self,
        s: Session,
        reg: Register,
        values: Mapping[str, Any],
        target: str,
        *,
        given: Mapping[str, Any] | None = None,
        confirmed: bool = False,
    ) -> str:
        """Create a record from an old ledger directly in the state ``target`` (历史台账导入), in the
        caller's transaction; return its id.

        The chain's rules are not skipped: ``target`` must be a state the register lets a ledger
        name (``Lifecycle.importable``); the record is saved through ``RecordService`` (every field
        and the register's own rules); the fields every step on the way from the first state
        requires must be filled, and each step's own check passes. Of the ways there, the first
        (shortest) one whose fixed values (``Step.sets``: the 处置方式 of a disposal step) agree
        with ``given`` (those the ledger states) is taken, and its fixed values are set. The steps'
        effects on other records (moving a clue, a transfer request) are not done: the ledger
        records what happened then, not now. One Transition row (``LEDGER_IMPORT``, reason
        历史台账导入) from the first state to ``target`` keeps it in the record's timeline."""
        lifecycle = self._lifecycle(reg)
        self.records._require_edit(reg)
        if target not in lifecycle.importable:
            raise TransitionRefused(
                Message(
                    QT_TRANSLATE_NOOP("app", "「{state}」的记录不能从台账导入（可导入的状态：{allowed}）。"),
                    {
                        "state": lifecycle.state_label(target),
                        "allowed": tuple(lifecycle.state_label(st) for st in lifecycle.importable),
                    },
                )
            )
        given = dict(given or {})
        path: tuple[Step, ...] = ()
        if target != lifecycle.initial:
            ways = lifecycle.paths(target)
            agreeing = [w for w in ways if all(given.get(k, v) == v for st in w for k, v in st.sets.items())]
            path = (agreeing or ways)[0]
        typed, _errors = self.records.normalise(reg, values)  # save_in reports conversion errors
        errors: dict[str, Message] = {}
        editable = {f.name for f in reg.fields if f.editable}
        for step in path:
            for name in step.requires:
                if name in editable and typed.get(name) in (None, "") and name not in errors:
                    errors[name] = Message(
                        QT_TRANSLATE_NOOP(
                            "app", "状态为「{state}」的记录须填写「{label}」（「{step}」环节的要求）。"
                        ),
                        {
                            "state": lifecycle.state_label(target),
                            "label": reg.field(name).label,
                            "step": step.label,
                        },
                    )
        program: dict[str, Any] = {"state": target}
        for step in path:
            program.update(step.sets)
        try:
            row_id = self.records.save_in(
                s, reg, values, confirmed=confirmed, program_values=program, flush=False
            )
        except ValidationError as exc:
            raise ValidationError({**errors, **exc.errors}) from None
        except NeedsConfirmation:
            if errors:
                raise ValidationError(errors) from None
            raise
        if errors:
            raise ValidationError(errors)
        checks = [step.check for step in path if step.check is not None]
        obj = s.get(reg.model, row_id) if checks else None
        for check in checks:
            errors.update(check(s, obj, typed))
        if errors:
            raise ValidationError(errors)
        if path:
            s.add(
                Transition(
                    register=reg.name,
                    record_id=row_id,
                    action=LEDGER_IMPORT,
                    from_state=lifecycle.initial,
                    to_state=target,
                    reason=LEDGER_IMPORT_LABEL,
                )
            )  # written with the record, at the next flush
        return row_id

    @staticmethod
    def _extension(reg: Register, obj: Any, days: Any, errors: dict[str, Message]) -> dict[str, Any]:
        label = reg.field("extension_days").label
        try:
            n = int(str(days).strip())
        except (TypeError, ValueError):
            errors["extension_days"] = Message(
                QT_TRANSLATE_NOOP("app", "「{label}」须填写 1 到 180 的整数。"), {"label": label}
            )
            return {}
        if not 1 <= n <= 180:
            errors["extension_days"] = Message(
                QT_TRANSLATE_NOOP("app", "「{label}」须填写 1 到 180 的整数。"), {"label": label}
            )
            return {}
        return {"extension_days": int(obj.extension_days or 0) + n}

    def follow(
        self, s: Session, register: str, row_id: str | None, step_name: str, reason: str, **values: Any
    ) -> str | None:
        """The step ``step_name`` of another record that a step of this one brings with it (an
        inquiry's outcome moves its clue), in the same transaction; nothing when the record is
        already past it or belongs to another unit (a clue handed here for 交叉办理: its owner
        moves it). A refusal raises and undoes the whole step."""
        reg = get_register(register)
        obj = s.get(reg.model, row_id) if row_id else None
        if obj is None or obj.deleted or not self.records.owns(obj.owner):
            return None
        lifecycle = self._lifecycle(reg)
        step = lifecycle.step(step_name)
        if str(obj.state) not in step.sources:  # type: ignore[attr-defined]
            return None
        return self.apply_in(s, reg, obj.id, step_name, values, reason, confirmed=True)

    def due_date(self, s: Session, step: str, start: date) -> date:
        """When a step that starts on ``start`` is due, by the deadline rule ``step`` (for effects
        that store a due date: a 函询 reply)."""
        return deadlines.due_date(s, step, start)

    def report_up(self, s: Session, table: str, obj: Any, reason: str) -> str:
        """上报: ask the county to take ``obj`` (the sync issue's transfer request), in the step's
        transaction. Returns the request's id."""
        county = s.scalars(select(Unit.code).where(Unit.unit_type == "county", Unit.deleted.is_(False))).first()
        if county is None:
            raise TransitionRefused(Message(QT_TRANSLATE_NOOP("app", "单位名录中没有县纪委监委，无法上报。")))
        try:
            return request_transfer_in(s, self.records.ctx, table, obj.id, county, reason)
        except TransferError as exc:
            raise TransitionRefused(exc.message) from None

    def timeline(self, reg: Register, row_id: str) -> list[TimelineEntry]:
        """The record's steps, oldest first, with who took each, when and why."""
        lifecycle = self._lifecycle(reg)
        with self.records.ctx.session() as s:
            obj = s.get(reg.model, row_id)
            if obj is None:
                raise NotFoundError(row_id)
            self.records._check_audience(reg, obj)
            rows = s.scalars(
                select(Transition)
                .where(
                    Transition.record_id == row_id,
                    Transition.register == reg.name,
                    Transition.deleted.is_(False),
                )
                .order_by(Transition.created_at, Transition.version_counter)
            ).all()
            out = [
                TimelineEntry(
                    at=obj.created_at,
                    by=obj.created_by,
                    action=QT_TRANSLATE_NOOP("app", "登记"),
                    from_state="",
                    to_state=lifecycle.state_label(lifecycle.initial),
                    reason="",
                )
            ]
            for t in rows:
                try:
                    label = lifecycle.step(t.action).label
                except KeyError:
                    label = LEDGER_IMPORT_LABEL if t.action == LEDGER_IMPORT else t.action
                out.append(
                    TimelineEntry(
                        at=t.created_at,
                        by=t.created_by,
                        action=label,
                        from_state=lifecycle.state_label(t.from_state),
                        to_state=lifecycle.state_label(t.to_state),
                        reason=t.reason,
                        document=_document_text(lifecycle, t),
                        approved_by=t.approved_by,
                    )
                )
            return out


def _document(step: Step, given: Mapping[str, Any], errors: dict[str, Message]) -> dict[str, Any]:
    """The document a step produced, checked: its number and date when the step has one, who
    approved it when the step needs approval."""
    no = str(given.get(DOC_NO) or "").strip()
    on_text = given.get(DOC_ON)
    on: date | None = None
    if isinstance(on_text, date):
        on = on_text
    elif on_text not in (None, ""):
        try:
            on = date.fromisoformat(str(on_text).strip())
        except ValueError:
            errors[DOC_ON] = Message(
                QT_TRANSLATE_NOOP("app", "「{label}」须为日期，格式如 2022-06-30。"), {"label": DOC_ON_LABEL}
            )
    approved = str(given.get(APPROVED_BY) or "").strip()
    if step.document:
        for name, value, template in ((DOC_NO, no, DOC_NO_OF), (DOC_ON, on, DOC_ON_OF)):
            if not value and name not in errors:
                errors[name] = Message(
                    QT_TRANSLATE_NOOP("app", "「{step}」须填写「{label}」。"),
                    {"step": step.label, "label": Message(template, {"document": step.document})},
                )
    if step.approval and not approved:
        errors[APPROVED_BY] = Message(
            QT_TRANSLATE_NOOP("app", "「{step}」须填写「{label}」。"),
            {"step": step.label, "label": APPROVED_BY_LABEL},
        )
    if len(no) > 64 or len(approved) > 64:
        errors[DOC_NO if len(no) > 64 else APPROVED_BY] = Message(
            QT_TRANSLATE_NOOP("app", "「{label}」最多 {n} 个字。"),
            {"label": DOC_NO_LABEL if len(no) > 64 else APPROVED_BY_LABEL, "n": "64"},
        )
    return {"doc_no": no, "doc_on": on, "approved_by": approved}


def _document_text(lifecycle: Any, t: Transition) -> str:
    if not t.doc_no and t.doc_on is None:
        return ""
    try:
        kind = lifecycle.step(t.action).document
    except KeyError:
        kind = ""
    on = f"（{t.doc_on.isoformat()}）" if t.doc_on else ""
    return f"{kind} {t.doc_no}{on}".strip()


def values_without(values: Mapping[str, Any], *names: str) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k not in names}
