"""Undo of the user's last operations in this session (新增, 修改, 删除, 恢复 of register records).

Each operation the record service finishes (``RecordService.save``, ``delete``, ``restore``) is
remembered in its operation context (``Context.operations``, a stack that lives as long as the
log-in): which records it touched, their field values before it, and the version it left them at.
Undoing is a new operation through the change log, in one transaction: an edit is undone by a new
version that puts the previous values back, a create by a delete, a delete by a restore. The
change log and the audit log record it like any change, and one UNDO audit entry says it was an
undo.

Refused, with the reason in Chinese, when a record the operation touched has changed since (a
later edit here or by another person, an import, a bundle merged from another unit: its version
is no longer the one the operation left), and when the operation was a lifecycle step, an import
or a settled sync conflict (those are remembered as operations that cannot be undone, so an older
edit is not undone behind their back).

Sensitive (sealed) fields are put back from the operation's own memory: the plaintext the service
had opened when the user made the change, kept in this process only and sealed again for the
undo. The change log and the audit log only ever see sealed tokens and field names.

A command-line process is one operation and ends with it, so there is nothing for it to undo.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.base import field_columns
from app.i18n import QT_TRANSLATE_NOOP, Message, Param
from app.registers import REGISTERS
from app.security import audit, sensitive

if TYPE_CHECKING:
    from app.context import Context
    from app.registers.fields import Register
    from app.services.records import RecordService

# What an operation did to a record (one step of it).
CREATE, UPDATE, DELETE, RESTORE = "create", "update", "delete", "restore"
# Operations remembered only so that nothing older is undone behind them.
TRANSITION, IMPORT, SETTLE = "transition", "import", "settle"

KIND_LABELS: dict[str, str] = {
    CREATE: QT_TRANSLATE_NOOP("app", "新增"),
    UPDATE: QT_TRANSLATE_NOOP("app", "修改"),
    DELETE: QT_TRANSLATE_NOOP("app", "删除"),
    RESTORE: QT_TRANSLATE_NOOP("app", "恢复"),
    TRANSITION: QT_TRANSLATE_NOOP("app", "办理"),
    IMPORT: QT_TRANSLATE_NOOP("app", "导入"),
    SETTLE: QT_TRANSLATE_NOOP("app", "处理冲突"),
}
REFUSALS: dict[str, str] = {
    TRANSITION: QT_TRANSLATE_NOOP(
        "app", "上一步操作是办理步骤（{what}），办理步骤不能撤销；需要更正时请按办理流程处理。"
    ),
    IMPORT: QT_TRANSLATE_NOOP("app", "上一步操作是导入（{what}），导入不能撤销。"),
    SETTLE: QT_TRANSLATE_NOOP("app", "上一步操作是处理同步冲突（{what}），处理冲突不能撤销。"),
}
NOTHING = QT_TRANSLATE_NOOP("app", "本次登录以来没有可以撤销的操作。")
CHANGED = QT_TRANSLATE_NOOP("app", "「{subject}」在这次操作之后又被 {who} 修改过，不能撤销。")
RECEIVED = QT_TRANSLATE_NOOP(
    "app", "「{subject}」在这次操作之后收到了其他单位的新版本（数据交换），不能撤销。"
)
GONE = QT_TRANSLATE_NOOP("app", "「{subject}」已不存在，不能撤销。")
LABEL = QT_TRANSLATE_NOOP("app", "{kind} {register} {subject}")
LABEL_OTHER = QT_TRANSLATE_NOOP("app", "{kind}：{what}")
LABEL_MANY = QT_TRANSLATE_NOOP("app", "{kind} {register} {n} 条记录")

DEPTH = 50  # operations remembered per log-in

Version = tuple[str, int]


class UndoRefused(Exception):
    """The last operation cannot be undone; ``message`` says why (Chinese)."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(str(message))


@dataclass
class Step:
    """One record an operation touched."""

    register: str
    row_id: str
    kind: str  # CREATE | UPDATE | DELETE | RESTORE
    subject: str  # the record as its register displays it, when the operation was made
    version: Version  # the version the operation left
    before_version: Version | None = None  # the version it started from (None: created)
    before: dict[str, Any] = field(default_factory=dict, repr=False)  # plain columns before
    # Sensitive plaintext before, opened by the service when the change was made (memory only).
    sealed: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass
class Operation:
    kind: str
    register: str  # a register name
    steps: list[Step] = field(default_factory=list)
    what: Param = ""  # for TRANSITION/IMPORT/SETTLE: the step and record, the register, the record

    @property
    def undoable(self) -> bool:
        return self.kind not in REFUSALS

    def label(self) -> Message:
        """What the operation was: 修改 问题线索 X2026001."""
        reg = REGISTERS.get(self.register)
        title = reg.title if reg is not None else self.register
        kind = Message(KIND_LABELS[self.kind])
        if len(self.steps) > 1:
            return Message(LABEL_MANY, {"kind": kind, "register": title, "n": str(len(self.steps))})
        if not self.steps:
            return Message(LABEL_OTHER, {"kind": kind, "what": self.what})
        return Message(LABEL, {"kind": kind, "register": title, "subject": self.steps[0].subject})


# ---- the stack of one log-in -----------------------------------------------------------------------
_lock = threading.Lock()  # an import may finish on a worker thread


def _stack(ctx: Context) -> list[Operation]:
    return ctx.operations


def push(ctx: Context, op: Operation) -> None:
    """Remember a finished operation (a group open on this context takes its steps instead)."""
    if op.undoable and not op.steps:
        return  # changed nothing
    group: Operation | None = ctx.undo_group
    with _lock:
        if group is not None and op.undoable:
            group.steps.extend(op.steps)
            if not group.register:
                group.register = op.register
            return
        stack = _stack(ctx)
        stack.append(op)
        del stack[:-DEPTH]


def mark(ctx: Context, kind: str, register: str, what: Param = "") -> None:
    """Remember an operation that cannot be undone (a lifecycle step, an import, a settlement)."""
    push(ctx, Operation(kind, register, what=what))


@contextmanager
def grouped(ctx: Context, kind: str, register: str) -> Iterator[Operation]:
    """Several record operations the user made as one (deleting the selected rows): one undo."""
    group = Operation(kind, register)
    ctx.undo_group = group
    try:
        yield group
    finally:
        ctx.undo_group = None
        if group.steps:
            push(ctx, group)


def last(ctx: Context) -> Operation | None:
    with _lock:
        stack = _stack(ctx)
        return stack[-1] if stack else None


# ---- remembering what the record service does --------------------------------------------------------
def _version(obj: Any) -> Version:
    return (str(obj.version_origin or ""), int(obj.version_counter or 0))


def _sensitive_columns(reg: Register) -> set[str]:
    names: set[str] = set()
    for f in reg.sensitive_fields:
        names.add(f.name)
        if f.keyed:
            names.add(f.keyed)
    return names


class Before:
    """A record as it was before the service changed it (taken inside the operation's transaction)."""

    def __init__(self, records: RecordService, reg: Register, obj: Any) -> None:
        hidden = _sensitive_columns(reg)
        table = reg.model.__table__  # type: ignore[attr-defined]
        self.version = _version(obj)
        self.deleted = bool(obj.deleted)
        self.columns = {c.key: getattr(obj, c.key) for c in field_columns(table) if c.key not in hidden}
        self.sealed: dict[str, Any] = {}
        for f in reg.sensitive_fields:
            shown = records._reveal(reg, f, obj)
            if shown not in (sensitive.RESTRICTED, sensitive.UNREADABLE):
                self.sealed[f.name] = shown


def before(records: RecordService, s: Session, reg: Register, row_id: str | None) -> Before | None:
    if row_id is None:
        return None
    obj = s.get(reg.model, row_id)
    return Before(records, reg, obj) if obj is not None else None


def step_after(reg: Register, s: Session, row_id: str, kind: str, was: Before | None) -> Step | None:
    """The step an operation made, once flushed; None when it changed nothing."""
    obj = s.get(reg.model, row_id)
    if obj is None:
        return None
    now = _version(obj)
    if was is not None and now == was.version:
        return None  # saved without a change
    if was is not None and kind == CREATE:
        kind = UPDATE  # a derived id named a tombstoned row: it came back with new values
    return Step(
        register=reg.name,
        row_id=row_id,
        kind=kind,
        subject=_display(reg, obj),
        version=now,
        before_version=was.version if was is not None else None,
        before=dict(was.columns) if was is not None else {},
        sealed=dict(was.sealed) if was is not None else {},
    )


def _display(reg: Register, obj: Any) -> str:
    """The record as its register shows it (its id when the display needs what is missing)."""
    try:
        return str(reg.display(obj) or obj.id)
    except Exception:  # noqa: BLE001 (a display of an incomplete record: name it by its id)
        return str(obj.id)


def step_label(reg: Register, step: str, obj: Any) -> Message:
    """A lifecycle step taken, for the refusal: 提出处置意见（呈批） 问题线索 2021-0001."""
    assert reg.lifecycle is not None
    subject = _display(reg, obj) if obj is not None else ""
    return Message(LABEL, {"kind": reg.lifecycle.step(step).label, "register": reg.title, "subject": subject})


def created(s: Session, reg: Register, ids: list[str]) -> Operation:
    """The records a service operation created in its transaction (flushed), as one operation to
    ``push`` once it has committed: visits planned, an attendance roll, names of a request."""
    steps = [st for rid in ids if (st := step_after(reg, s, rid, CREATE, None)) is not None]
    return Operation(CREATE, reg.name, steps)


def remember(ctx: Context, step: Step | None) -> None:
    """Remember a record operation the service has committed (None: it changed nothing)."""
    if step is not None:
        push(ctx, Operation(step.kind, step.register, [step]))


# ---- undoing -------------------------------------------------------------------------------------
def refusal(records: RecordService, op: Operation | None = None) -> Message | None:
    """Why the last operation (or ``op``) cannot be undone now; None when it can."""
    op = op if op is not None else last(records.ctx)
    if op is None:
        return Message(NOTHING)
    if not op.undoable:
        return Message(REFUSALS[op.kind], {"what": op.what})
    with records.ctx.session() as s:
        return _stale(records, s, op)


def _stale(records: RecordService, s: Session, op: Operation) -> Message | None:
    for st in op.steps:
        reg = REGISTERS[st.register]
        obj = s.get(reg.model, st.row_id)
        if obj is None:
            return Message(GONE, {"subject": st.subject})
        if _version(obj) != st.version:
            if obj.version_origin != records.ctx.unit:
                return Message(RECEIVED, {"subject": st.subject})
            return Message(CHANGED, {"subject": st.subject, "who": str(obj.updated_by or "")})
    return None


def undo(records: RecordService) -> Operation:
    """Undo the last operation of this log-in as a new operation; return it. Raise
    ``UndoRefused`` (or the record service's own refusals: ``ValidationError`` when a created
    record is referred to now, ``PermissionDenied``) and change nothing."""
    ctx = records.ctx
    op = last(ctx)
    if op is None:
        raise UndoRefused(Message(NOTHING))
    if not op.undoable:
        raise UndoRefused(Message(REFUSALS[op.kind], {"what": op.what}))
    moved: dict[tuple[str, str], tuple[Version, Version]] = {}
    with ctx.session() as s:
        why = _stale(records, s, op)
        if why is not None:
            raise UndoRefused(why)
        for st in reversed(op.steps):
            reg = REGISTERS[st.register]
            obj = s.get(reg.model, st.row_id)
            records._check_audience(reg, obj)
            records._require_edit(reg, obj)
            names = _undo_step(records, s, reg, obj, st)
            s.flush()
            if st.before_version is not None:
                moved[(st.register, st.row_id)] = (st.before_version, _version(obj))
            audit.record(
                s,
                audit.UNDO,
                target_table=reg.model.__table__.name,  # type: ignore[attr-defined]
                target_id=st.row_id,
                fields=sorted(names),
            )
    with _lock:
        stack = _stack(ctx)
        if stack and stack[-1] is op:
            stack.pop()
        # An older operation on the same record left the version this undo went back to: the
        # record is as that operation left it, under the undo's new version.
        for older in stack:
            for st in older.steps:
                change = moved.get((st.register, st.row_id))
                if change is not None and st.version == change[0]:
                    st.version = change[1]
    return op


def _undo_step(records: RecordService, s: Session, reg: Register, obj: Any, st: Step) -> list[str]:
    """Put one record back; return the names of the fields put back."""
    if st.kind == CREATE:
        records.delete_in(s, reg, st.row_id)
        return []
    if st.kind == RESTORE:
        records.delete_in(s, reg, st.row_id)
        return []
    if st.kind == DELETE:
        _require_unique(s, reg, obj.id, {n: getattr(obj, n) for names in reg.unique for n in names})
        obj.deleted = False
        return []
    _require_unique(s, reg, obj.id, st.before)
    names: list[str] = []
    for name, value in st.before.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            names.append(name)
    for f in reg.sensitive_fields:
        if f.name not in st.sealed:
            continue
        now = records._reveal(reg, f, obj)
        if now in (sensitive.RESTRICTED, sensitive.UNREADABLE) or now == st.sealed[f.name]:
            continue
        for key, value in records._storage(reg, {f.name: st.sealed[f.name]}, obj.id, {}).items():
            setattr(obj, key, value)
        names.append(f.name)
    return names


def _require_unique(s: Session, reg: Register, row_id: str, values: dict[str, Any]) -> None:
    """The values put back must still be unique among live records (another record may have
    taken a code since): refused with the record service's own message."""
    from app.services.validation import ValidationError

    for names in reg.unique:
        if any(n not in values for n in names):
            continue
        conds = [getattr(reg.model, n) == values[n] for n in names]
        stmt = select(reg.model.id).where(*conds, reg.model.deleted.is_(False), reg.model.id != row_id)
        if s.scalars(stmt).first() is not None:
            labels = tuple(reg.field(n).label for n in names)
            message = Message(QT_TRANSLATE_NOOP("app", "已有相同「{labels}」的记录。"), {"labels": labels})
            raise ValidationError({names[-1]: message})
