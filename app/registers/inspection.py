"""巡察整改 (area "inspection"): the rectification a dispatched group supervises after an
inspection of a unit it supervises, and the briefing it prepares before a 驻点巡察.

The seed (section 四, 靠前监督发挥作用): the groups use what they know of their units' 政治生态
"为驻点巡察提前做好充分准备"; after the feedback "严格监督被巡察单位巡察反馈意见的整改落实工作，
及时有力的对整改不到位的约谈和责任追究". DOMAIN.md (register 6) lists 巡察整改 among the daily
supervision ledgers a unit keeps, so a township commission may keep it too for an inspection of
one of its villages (村级巡察): a round names one village or one supervised unit, like a visit.

- 巡察整改台账 (``inspection_rounds``): the round, the inspected unit, the dates of the stay, the
  feedback and the rectification deadline; its list counts its items, the open and the late ones.
- 整改事项 (``inspection_items``): one problem of the feedback, its measure, who answers for it
  and its deadline (the round's unless given), closed one by one: 销号 needs the date, the
  evidence and who checked it, not before the feedback (the item exists from then: an item
  entered later from the paper ledger keeps its real dates) and not after today. An open item
  past its deadline is late: the list shows the days (``逾期天数``, computed when listed) and the
  工作台 lists it (``app.services.deadlines``). 约谈 is a step on the item (date, whom, why: the
  step's reason), kept in its timeline, for a talk is no measure of the four forms. 追责 is a step
  that links the measure given (a 问责, 诫勉 … in the measures register, where it counts in the
  four forms and the statistics), so the item shows it and the measure is not typed twice.
- 驻点巡察准备 (``inspection_briefings``): the briefing on the unit's 政治生态 (sealed), the
  sources consulted, who prepared it and when.

The seed states no frequency for either, so none is declared (``duties``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Integer, and_, case, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement
from sqlalchemy.sql.functions import FunctionElement

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.casework import Disposition
from app.models.inspection import InspectionBriefing, InspectionItem, InspectionRound
from app.models.org import SupervisedUnit, Village
from app.registers.fields import CHOICE, DATE, LONGTEXT, REF, Computed, Field, Register
from app.registers.lifecycle import Lifecycle, Step
from app.registers.residency import _target_errors, with_own_unit

AREA = "inspection"
OPEN, CLOSED = "rectifying", "closed"
TARGET = ("unit_id", "village_id", "supervised_unit_id")
# The 工作台's name for an item falling due (``app.services.deadlines``).
DUE_STEP = QT_TRANSLATE_NOOP("register", "巡察反馈问题整改")


# ---- days past a date, in SQL ------------------------------------------------------------------
class days_since(FunctionElement[int]):  # noqa: N801 (an SQL function's name)
    """Whole days from a date column to today (the database's local today)."""

    type = Integer()
    inherit_cache = True


@compiles(days_since, "sqlite")
def _days_since_sqlite(element: days_since, compiler: Any, **kw: Any) -> str:
    (column,) = element.clauses
    return (
        f"CAST(julianday(date('now', 'localtime')) - julianday({compiler.process(column, **kw)}) AS INTEGER)"
    )


@compiles(days_since)
def _days_since(element: days_since, compiler: Any, **kw: Any) -> str:
    (column,) = element.clauses
    return f"(CURRENT_DATE - {compiler.process(column, **kw)})"


def days_late() -> ColumnElement[Any]:
    """逾期天数 of an item: the days an open item is past its deadline; NULL when it is not late."""
    late = days_since(InspectionItem.due_on)
    return case((and_(InspectionItem.state == OPEN, late > 0), late), else_=None)


def late_by(item: Any, today: date | None = None) -> int:
    """The days an item (a row or a record's values) is past its deadline while open; 0 if not."""
    get = item.get if isinstance(item, dict) else lambda k: getattr(item, k)
    due = get("due_on")
    if get("state") != OPEN or not isinstance(due, date):
        return 0
    return max(0, ((today or date.today()) - due).days)


def _round_items(*conditions: Any) -> ColumnElement[Any]:
    n = (
        select(func.count(InspectionItem.id))
        .where(InspectionItem.round_id == InspectionRound.id, InspectionItem.deleted.is_(False), *conditions)
        .correlate(InspectionRound)
        .scalar_subquery()
    )
    return func.nullif(n, 0)


def target_name(s: Session, values: Any) -> str:
    """The inspected unit's or village's name."""
    get = values.get if isinstance(values, dict) else lambda k: getattr(values, k)
    if get("supervised_unit_id"):
        su = s.get(SupervisedUnit, get("supervised_unit_id"))
        return su.name if su is not None else ""
    village = s.get(Village, get("village_id")) if get("village_id") else None
    return village.name if village is not None else ""


def _future(on: Any, field_name: str, label: str) -> dict[str, Message]:
    if isinstance(on, date) and on > date.today():
        return {field_name: Message(QT_TRANSLATE_NOOP("app", "「{label}」不能晚于今天。"), {"label": label})}
    return {}


# ---- rounds ------------------------------------------------------------------------------------
def _round_complete(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Any]:
    return with_own_unit(s, values)


def _round_validate(s: Session, values: dict[str, Any], row_id: str | None) -> dict[str, Message]:
    errors = _target_errors(s, values)
    start, end = values.get("inspected_from"), values.get("inspected_to")
    feedback, deadline = values.get("feedback_on"), values.get("deadline")
    if isinstance(start, date) and isinstance(end, date) and end < start:
        errors["inspected_to"] = Message(QT_TRANSLATE_NOOP("app", "巡察结束日期不能早于进驻日期。"))
    last = end if isinstance(end, date) else start
    if isinstance(last, date) and isinstance(feedback, date) and feedback < last:
        errors["feedback_on"] = Message(QT_TRANSLATE_NOOP("app", "反馈日期不能早于巡察进驻（结束）日期。"))
    if isinstance(feedback, date) and isinstance(deadline, date) and deadline < feedback:
        errors["deadline"] = Message(QT_TRANSLATE_NOOP("app", "整改期限不能早于反馈日期。"))
    errors.update(_future(feedback, "feedback_on", QT_TRANSLATE_NOOP("register", "反馈日期")))
    if row_id is not None and not errors:
        errors.update(_round_changes(s, values, row_id))
    return errors


def _round_changes(s: Session, values: dict[str, Any], row_id: str) -> dict[str, Message]:
    """A round's items keep its unit, and none was closed or talked about before its feedback."""
    items = list(
        s.scalars(
            select(InspectionItem).where(InspectionItem.round_id == row_id, InspectionItem.deleted.is_(False))
        )
    )
    if not items:
        return {}
    if any(getattr(items[0], k) != values.get(k) for k in TARGET):
        return {
            "supervised_unit_id": Message(
                QT_TRANSLATE_NOOP("app", "该巡察已有整改事项，不能更改被巡察单位。")
            )
        }
    feedback = values.get("feedback_on")
    for item in items:
        for on in (item.closed_on, item.talked_on):
            if isinstance(feedback, date) and on is not None and on < feedback:
                return {
                    "feedback_on": Message(
                        QT_TRANSLATE_NOOP("app", "已有整改事项在 {on} 销号或约谈，反馈日期不能晚于该日。"),
                        {"on": on.isoformat()},
                    )
                }
    return {}


def _round_display(r: InspectionRound) -> str:
    return f"{r.name}（{r.feedback_on.isoformat()}）" if r.feedback_on else r.name


ROUNDS = Register(
    name="inspection_rounds",
    title=QT_TRANSLATE_NOOP("register", "巡察整改台账"),
    area=AREA,
    model=InspectionRound,
    fields=(
        Field(
            "name", QT_TRANSLATE_NOOP("register", "巡察轮次"), required=True, max_length=64, searchable=True
        ),
        Field(
            "unit_id",
            QT_TRANSLATE_NOOP("register", "单位"),
            kind=REF,
            ref="units",
            ref_filter={"unit_type": ("township", "group")},
            filterable=True,
        ),
        Field(
            "supervised_unit_id",
            QT_TRANSLATE_NOOP("register", "被巡察单位"),
            kind=REF,
            ref="supervised_units",
            filterable=True,
        ),
        Field(
            "village_id",
            QT_TRANSLATE_NOOP("register", "被巡察村（社区）"),
            kind=REF,
            ref="villages",
            filterable=True,
        ),
        Field("inspectors", QT_TRANSLATE_NOOP("register", "巡察组"), max_length=64, searchable=True),
        Field("inspected_from", QT_TRANSLATE_NOOP("register", "进驻日期"), kind=DATE),
        Field("inspected_to", QT_TRANSLATE_NOOP("register", "结束日期"), kind=DATE, in_list=False),
        Field("feedback_on", QT_TRANSLATE_NOOP("register", "反馈日期"), kind=DATE, required=True),
        Field("deadline", QT_TRANSLATE_NOOP("register", "整改期限"), kind=DATE, required=True),
        Field("note", QT_TRANSLATE_NOOP("register", "备注"), kind=LONGTEXT, in_list=False),
    ),
    display=_round_display,
    default_sort="feedback_on",
    computed=(
        Computed("items", QT_TRANSLATE_NOOP("register", "整改事项"), _round_items),
        Computed(
            "open_items",
            QT_TRANSLATE_NOOP("register", "未销号"),
            lambda: _round_items(InspectionItem.state == OPEN),
        ),
        Computed(
            "late_items",
            QT_TRANSLATE_NOOP("register", "逾期"),
            lambda: _round_items(InspectionItem.state == OPEN, days_since(InspectionItem.due_on) > 0),
        ),
    ),
    validate=_round_validate,
    complete=_round_complete,
)


# ---- items -------------------------------------------------------------------------------------
def _round_of(s: Session, values: Any) -> InspectionRound | None:
    rid = values.get("round_id") if isinstance(values, dict) else getattr(values, "round_id", None)
    return s.get(InspectionRound, rid) if rid else None


def _not_before_feedback(field_name: str, label: str) -> Any:
    def check(s: Session, record: Any, values: dict[str, Any]) -> dict[str, Message]:
        on, rnd = values.get(field_name), _round_of(s, record)
        if isinstance(on, date) and rnd is not None and on < rnd.feedback_on:
            return {
                field_name: Message(
                    QT_TRANSLATE_NOOP("app", "「{label}」不能早于巡察反馈日期（{on}）。"),
                    {"label": label, "on": rnd.feedback_on.isoformat()},
                )
            }
        return _future(on, field_name, label)

    return check


CLOSED_ON = QT_TRANSLATE_NOOP("register", "销号日期")
TALKED_ON = QT_TRANSLATE_NOOP("register", "约谈日期")


def _accountability_check(s: Session, record: Any, values: dict[str, Any]) -> dict[str, Message]:
    measure = s.get(Disposition, values.get("accountability_id")) if values.get("accountability_id") else None
    rnd = _round_of(s, record)
    if measure is not None and rnd is not None and measure.decided_on < rnd.feedback_on:
        return {
            "accountability_id": Message(
                QT_TRANSLATE_NOOP(
                    "app", "所选处理决定于 {on} 作出，早于巡察反馈日期，不是对整改不到位的追责。"
                ),
                {"on": measure.decided_on.isoformat()},
            )
        }
    return {}


ITEM_LIFECYCLE = Lifecycle(
    states=(
        (OPEN, QT_TRANSLATE_NOOP("register", "整改中")),
        (CLOSED, QT_TRANSLATE_NOOP("register", "已销号")),
    ),
    steps=(
        Step(
            "close",
            QT_TRANSLATE_NOOP("register", "销号"),
            (OPEN,),
            CLOSED,
            requires=("closed_on", "evidence", "checked_by_id"),
            check=_not_before_feedback("closed_on", CLOSED_ON),
        ),
        Step(
            "talk",
            QT_TRANSLATE_NOOP("register", "约谈"),
            (OPEN,),
            "",
            requires=("talked_on", "talked_with"),
            check=_not_before_feedback("talked_on", TALKED_ON),
        ),
        Step(
            "hold_accountable",
            QT_TRANSLATE_NOOP("register", "追责"),
            (OPEN, CLOSED),
            "",
            requires=("accountability_id",),
            check=_accountability_check,
        ),
        Step(
            "reopen",
            QT_TRANSLATE_NOOP("register", "退回整改"),
            (CLOSED,),
            OPEN,
            sets={"closed_on": None, "evidence": "", "checked_by_id": None},
        ),
    ),
    open_states=(OPEN,),
)


def _item_complete(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Any]:
    rnd = _round_of(s, values)
    if rnd is not None:
        for k in TARGET:
            values[k] = getattr(rnd, k)
        if not values.get("due_on"):
            values["due_on"] = rnd.deadline
    return values


def _item_validate(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Message]:
    errors: dict[str, Message] = {}
    rnd = _round_of(s, values)
    due = values.get("due_on")
    if rnd is not None and isinstance(due, date) and due < rnd.feedback_on:
        errors["due_on"] = Message(
            QT_TRANSLATE_NOOP("app", "整改时限不能早于巡察反馈日期（{on}）。"),
            {"on": rnd.feedback_on.isoformat()},
        )
    closing = ("closed_on", "evidence", "checked_by_id")
    if values.get("state") == CLOSED:
        for name in closing:
            if values.get(name) in (None, ""):
                errors[name] = Message(
                    QT_TRANSLATE_NOOP("app", "已销号的事项须有「{label}」。"), {"label": ITEMS_FIELDS[name]}
                )
    elif any(values.get(name) not in (None, "") for name in closing):
        name = next(n for n in closing if values.get(n) not in (None, ""))
        errors[name] = Message(
            QT_TRANSLATE_NOOP("app", "销号请办理「销号」，填写销号日期、佐证材料和核查人。")
        )
    for name, label in (("closed_on", CLOSED_ON), ("talked_on", TALKED_ON)):
        if name not in errors:
            errors.update(_not_before_feedback(name, label)(s, values, values))
    if values.get("accountability_id") and "accountability_id" not in errors:
        errors.update(_accountability_check(s, values, values))
    return errors


def _item_display(item: InspectionItem) -> str:
    text = (item.problem or "").splitlines()[0] if item.problem else item.id
    return text if len(text) <= 30 else text[:29] + "…"


ITEMS = Register(
    name="inspection_items",
    title=QT_TRANSLATE_NOOP("register", "整改事项"),
    area=AREA,
    model=InspectionItem,
    fields=(
        Field(
            "round_id",
            QT_TRANSLATE_NOOP("register", "巡察"),
            kind=REF,
            ref="inspection_rounds",
            required=True,
            filterable=True,
        ),
        Field(
            "unit_id",
            QT_TRANSLATE_NOOP("register", "单位"),
            kind=REF,
            ref="units",
            filterable=True,
            editable=False,
        ),
        Field(
            "supervised_unit_id",
            QT_TRANSLATE_NOOP("register", "被巡察单位"),
            kind=REF,
            ref="supervised_units",
            filterable=True,
            editable=False,
        ),
        Field(
            "village_id",
            QT_TRANSLATE_NOOP("register", "被巡察村（社区）"),
            kind=REF,
            ref="villages",
            filterable=True,
            editable=False,
        ),
        Field(
            "problem",
            QT_TRANSLATE_NOOP("register", "反馈问题"),
            kind=LONGTEXT,
            required=True,
            searchable=True,
        ),
        Field(
            "measure",
            QT_TRANSLATE_NOOP("register", "整改措施"),
            kind=LONGTEXT,
            in_list=False,
            searchable=True,
        ),
        Field("responsible", QT_TRANSLATE_NOOP("register", "整改责任人"), max_length=64, searchable=True),
        Field("due_on", QT_TRANSLATE_NOOP("register", "整改时限"), kind=DATE),
        Field(
            "supervisor_id",
            QT_TRANSLATE_NOOP("register", "督办人"),
            kind=REF,
            ref="staff",
            filterable=True,
        ),
        Field(
            "state",
            QT_TRANSLATE_NOOP("register", "状态"),
            kind=CHOICE,
            choices=ITEM_LIFECYCLE.states,
            default=OPEN,
            filterable=True,
            editable=False,
        ),
        Field("closed_on", CLOSED_ON, kind=DATE),
        Field("evidence", QT_TRANSLATE_NOOP("register", "销号佐证材料"), kind=LONGTEXT, in_list=False),
        Field(
            "checked_by_id",
            QT_TRANSLATE_NOOP("register", "销号核查人"),
            kind=REF,
            ref="staff",
            in_list=False,
        ),
        Field("talked_on", TALKED_ON, kind=DATE),
        Field("talked_with", QT_TRANSLATE_NOOP("register", "约谈对象"), max_length=64, in_list=False),
        Field(
            "accountability_id",
            QT_TRANSLATE_NOOP("register", "追责处理"),
            kind=REF,
            ref="dispositions",
            in_list=False,
        ),
        Field("note", QT_TRANSLATE_NOOP("register", "备注"), kind=LONGTEXT, in_list=False),
    ),
    display=_item_display,
    default_sort="due_on",
    computed=(Computed("days_late", QT_TRANSLATE_NOOP("register", "逾期天数"), days_late),),
    validate=_item_validate,
    complete=_item_complete,
    lifecycle=ITEM_LIFECYCLE,
)
ITEMS_FIELDS = {f.name: f.label for f in ITEMS.fields}


# ---- 驻点巡察 preparation ----------------------------------------------------------------------
def _briefing_complete(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Any]:
    values = with_own_unit(s, values)
    rnd = _round_of(s, values)
    if rnd is not None and not values.get("village_id") and not values.get("supervised_unit_id"):
        values["village_id"], values["supervised_unit_id"] = rnd.village_id, rnd.supervised_unit_id
    return values


def _briefing_validate(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Message]:
    errors = _target_errors(s, values)
    rnd = _round_of(s, values)
    if not errors and rnd is not None and any(getattr(rnd, k) != values.get(k) for k in TARGET):
        errors["round_id"] = Message(QT_TRANSLATE_NOOP("app", "所选巡察的被巡察单位与本材料的不一致。"))
    errors.update(
        _future(values.get("prepared_on"), "prepared_on", QT_TRANSLATE_NOOP("register", "形成日期"))
    )
    return errors


BRIEFINGS = Register(
    name="inspection_briefings",
    title=QT_TRANSLATE_NOOP("register", "驻点巡察准备"),
    area=AREA,
    model=InspectionBriefing,
    fields=(
        Field(
            "unit_id",
            QT_TRANSLATE_NOOP("register", "单位"),
            kind=REF,
            ref="units",
            ref_filter={"unit_type": ("township", "group")},
            filterable=True,
        ),
        Field(
            "supervised_unit_id",
            QT_TRANSLATE_NOOP("register", "被巡察单位"),
            kind=REF,
            ref="supervised_units",
            filterable=True,
        ),
        Field(
            "village_id",
            QT_TRANSLATE_NOOP("register", "被巡察村（社区）"),
            kind=REF,
            ref="villages",
            filterable=True,
        ),
        Field("round_id", QT_TRANSLATE_NOOP("register", "巡察"), kind=REF, ref="inspection_rounds"),
        Field("prepared_on", QT_TRANSLATE_NOOP("register", "形成日期"), kind=DATE, required=True),
        Field(
            "prepared_by_id",
            QT_TRANSLATE_NOOP("register", "撰写人"),
            kind=REF,
            ref="staff",
            filterable=True,
        ),
        Field(
            "briefing",
            QT_TRANSLATE_NOOP("register", "政治生态情况"),
            kind=LONGTEXT,
            required=True,
            sensitive=True,
            in_list=False,
        ),
        Field("sources", QT_TRANSLATE_NOOP("register", "参阅材料"), kind=LONGTEXT, searchable=True),
    ),
    display=lambda b: b.prepared_on.isoformat() if b.prepared_on else b.id,
    default_sort="prepared_on",
    validate=_briefing_validate,
    complete=_briefing_complete,
)

REGISTERS = (ROUNDS, ITEMS, BRIEFINGS)
