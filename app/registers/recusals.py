"""回避决定: a handler steps aside from a matter and another takes it over.

A recusal is a step of the matter's lifecycle (``recuse_step``), not a form of its own: it asks for
the new handler, the reason and who approved it; it refuses a new handler who is the one stepping
aside, has left, or would have to step aside too (``app.registers.ties.tie_warnings``); and in the
same transaction it changes the handler and records a ``Recusal`` row: who stepped aside from
which record, who took over, on what ground, why and on whose approval. The ground is not typed:
it is the declared tie of the handler stepping aside that applies to the matter's person, else the
same unit or home village, else 本人申请 (``app.registers.ties.tie_ground``). The decision's date
is the step's document date where one is given (``--doc-on``), else the day the step is taken.

The RECUSALS register lists those rows; nothing in it is typed, and a new one cannot be made by
hand (its validation refuses it and says where a recusal is made).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.casework import Clue, Recusal
from app.models.org import Staff
from app.registers.casework_choices import GROUND_CHOICES
from app.registers.fields import CHOICE, DATE, LONGTEXT, REF, Field, Register
from app.registers.lifecycle import BEFORE, TRANSITION, Step
from app.registers.ties import tie_ground, tie_warnings

AREA = "casework"
STEP = "recuse"
STEP_LABEL = QT_TRANSLATE_NOOP("register", "回避（更换承办人）")
# The registers whose records have a handler who may step aside (their register titles).
HANDLED_CHOICES = (
    ("clues", QT_TRANSLATE_NOOP("register", "问题线索")),
    ("inquiries", QT_TRANSLATE_NOOP("register", "谈话函询")),
    ("verifications", QT_TRANSLATE_NOOP("register", "初步核实")),
    ("cases", QT_TRANSLATE_NOOP("register", "立案审查调查")),
)
SUBJECT = ("person_id", "subject_name", "subject_unit", "subject_village")


def _register(record: Any, name: str) -> Register:
    """The register ``name``, or ("") the one ``record`` belongs to (a lifecycle two registers
    share: inquiries and verifications)."""
    from app.registers import REGISTERS

    if name:
        return REGISTERS[name]
    return next(r for r in REGISTERS.values() if r.model is type(record))


def subject_of(s: Session, record: Any) -> dict[str, Any]:
    """The person a matter is about: the record's own subject, or its clue's (an inquiry, a
    verification)."""
    source = record
    if not hasattr(record, "subject_name"):
        clue_id = getattr(record, "clue_id", None)
        source = s.get(Clue, clue_id) if clue_id else None
    return {k: getattr(source, k) for k in SUBJECT} if source is not None else {}


def _live(staff: Staff | None, on: date) -> bool:
    return staff is not None and not staff.deleted and (staff.left_on is None or staff.left_on > on)


def _check(s: Session, record: Any, values: dict[str, Any], handler: str, name: str) -> dict[str, Message]:
    label = _register(record, name).field(handler).label
    current_id, new_id = getattr(record, handler), values.get(handler)
    current = s.get(Staff, current_id) if current_id else None
    if current is None:
        return {
            handler: Message(
                QT_TRANSLATE_NOOP("app", "尚未指定{label}，无需回避：直接填写{label}即可。"), {"label": label}
            )
        }
    if new_id == current_id:
        return {
            handler: Message(
                QT_TRANSLATE_NOOP("app", "回避须更换{label}：请选择「{staff}」以外的工作人员。"),
                {"label": label, "staff": current.name},
            )
        }
    new = s.get(Staff, new_id) if new_id else None
    if not _live(new, date.today()):
        return {
            handler: Message(
                QT_TRANSLATE_NOOP("app", "所选人员已离职或已删除，不能接任{label}。"), {"label": label}
            )
        }
    assert new is not None
    reasons = tie_warnings(s, [new_id], subject_of(s, record))
    if reasons:
        return {
            handler: Message(
                QT_TRANSLATE_NOOP("app", "「{staff}」本人也应回避，不能接任{label}。{reason}"),
                {"staff": new.name, "label": label, "reason": reasons[0]},
            )
        }
    return {}


def _record(s: Session, record: Any, values: dict[str, Any], handler: str, name: str) -> None:
    previous = values[BEFORE][handler]
    transition = values[TRANSITION]
    s.add(
        Recusal(
            register=_register(record, name).name,
            record_id=record.id,
            staff_id=previous,
            replaced_by_id=getattr(record, handler),
            ground=tie_ground(s, previous, subject_of(s, record)),
            reason=transition.reason,
            approved_by=transition.approved_by,
            decided_on=transition.doc_on or date.today(),
        )
    )
    s.flush()


def recuse_step(handler_field: str, register_name: str, sources: tuple[str, ...]) -> Step:
    """The 回避 step of a register whose records name a handler in ``handler_field``, taken from
    any of ``sources``: the state stays, the handler changes, approval is required, and a
    ``Recusal`` row records the decision. ``register_name`` "" stands for the register of the
    record (a lifecycle shared by two registers)."""
    return Step(
        STEP,
        STEP_LABEL,
        sources,
        "",
        requires=(handler_field,),
        approval=True,
        check=lambda s, record, values: _check(s, record, values, handler_field, register_name),
        effect=lambda s, _transitions, record, values: _record(
            s, record, values, handler_field, register_name
        ),
    )


def _validate(_s: Session, _values: dict[str, Any], row_id: str | None) -> dict[str, Message]:
    if row_id is None:
        return {
            "": Message(
                QT_TRANSLATE_NOOP(
                    "app", "回避决定不能直接新增：请在线索、谈话函询、初步核实或案件上办理「{step}」。"
                ),
                {"step": STEP_LABEL},
            )
        }
    return {}


RECUSALS = Register(
    name="recusals",
    title=QT_TRANSLATE_NOOP("register", "回避决定"),
    area=AREA,
    model=Recusal,
    fields=(
        Field(
            "register",
            QT_TRANSLATE_NOOP("register", "事项类别"),
            kind=CHOICE,
            choices=HANDLED_CHOICES,
            filterable=True,
            editable=False,
        ),
        Field(
            "record_id",
            QT_TRANSLATE_NOOP("register", "记录编号"),
            max_length=36,
            in_list=False,
            searchable=True,
            editable=False,
        ),
        Field(
            "staff_id",
            QT_TRANSLATE_NOOP("register", "回避人"),
            kind=REF,
            ref="staff",
            filterable=True,
            editable=False,
        ),
        Field(
            "replaced_by_id",
            QT_TRANSLATE_NOOP("register", "接任人"),
            kind=REF,
            ref="staff",
            filterable=True,
            editable=False,
        ),
        Field(
            "ground",
            QT_TRANSLATE_NOOP("register", "回避事由"),
            kind=CHOICE,
            choices=GROUND_CHOICES,
            filterable=True,
            editable=False,
        ),
        Field(
            "reason",
            QT_TRANSLATE_NOOP("register", "回避理由"),
            kind=LONGTEXT,
            in_list=False,
            searchable=True,
            editable=False,
        ),
        Field(
            "approved_by",
            QT_TRANSLATE_NOOP("register", "批准人（机关）"),
            max_length=64,
            searchable=True,
            editable=False,
        ),
        Field("decided_on", QT_TRANSLATE_NOOP("register", "决定日期"), kind=DATE, editable=False),
    ),
    display=lambda r: r.decided_on.isoformat() if r.decided_on else r.id,
    default_sort="decided_on",
    validate=_validate,
)
