"""Reports (信访举报), problem clues (问题线索) and the deadline rules (area "casework")."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.local import Installation
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.casework import Clue, DeadlineRule, Report
from app.models.org import Unit
from app.registers.casework_choices import (
    AUTHORITY_CHOICES,
    CATEGORIES,
    CATEGORY_CHOICES,
    DEADLINE_STEP_CHOICES,
    DEFAULT_WORKING,
    DISPOSAL_CHOICES,
    METHOD_CHOICES,
    RANK_CHOICES,
    SOURCE_CHOICES,
)
from app.registers.chain import REPORTED, accept_step, report_up_step, within_authority
from app.registers.fields import BOOL, CHOICE, DATE, INT, LONGTEXT, REF, Field, Register
from app.registers.lifecycle import Lifecycle, Step
from app.registers.person_link import link_subject
from app.registers.recusals import recuse_step
from app.registers.ties import tie_warnings
from app.security.secrecy import secrecy_fields

AREA = "intake"
NUMBER_PATTERN = r"[A-Za-z0-9_\-〔〕()（）\u4e00-\u9fff]{1,32}"
NUMBER_HINT = QT_TRANSLATE_NOOP("app", "最多 32 位，可用汉字、字母、数字和连字符")


SUBJECT_LABEL = QT_TRANSLATE_NOOP("register", "被反映人")


def subject_fields(*, required: bool = True) -> tuple[Field, ...]:
    """The person reported on, as every casework register records them: the person record, and
    the name, unit and post as this record gives them (``app.registers.person_link``)."""
    return (
        Field(
            "person_id",
            QT_TRANSLATE_NOOP("register", "人员库记录"),
            kind=REF,
            ref="people",
            in_list=False,
        ),
        Field(
            "subject_name",
            SUBJECT_LABEL,
            required=required,
            max_length=64,
            searchable=True,
        ),
        Field("subject_unit", QT_TRANSLATE_NOOP("register", "工作单位"), max_length=100, searchable=True),
        Field(
            "subject_post",
            QT_TRANSLATE_NOOP("register", "职务"),
            max_length=64,
            in_list=False,
            searchable=True,
        ),
        Field(
            "subject_rank",
            QT_TRANSLATE_NOOP("register", "职级"),
            kind=CHOICE,
            choices=RANK_CHOICES,
            in_list=False,
            filterable=True,
        ),
        Field(
            "subject_authority",
            QT_TRANSLATE_NOOP("register", "管理权限"),
            kind=CHOICE,
            choices=AUTHORITY_CHOICES,
            in_list=False,
            filterable=True,
        ),
        Field(
            "subject_village", QT_TRANSLATE_NOOP("register", "所在村（社区）"), max_length=64, in_list=False
        ),
        Field(
            "subject_is_object",
            QT_TRANSLATE_NOOP("register", "监察对象"),
            kind=BOOL,
            default=False,
            in_list=False,
        ),
        Field(
            "subject_is_member",
            QT_TRANSLATE_NOOP("register", "中共党员"),
            kind=BOOL,
            default=True,
            in_list=False,
        ),
    )


def _category_errors(values: dict[str, Any]) -> dict[str, Message]:
    category, sub = values.get("category") or "", values.get("subcategory") or ""
    allowed = CATEGORIES.get(category, ())
    if sub and category and allowed and sub not in allowed:
        return {
            "subcategory": Message(
                QT_TRANSLATE_NOOP("app", "「{category}」下的二级类别只能是：{allowed}"),
                {"category": category, "allowed": allowed},
            )
        }
    if sub and not category:
        return {"category": Message(QT_TRANSLATE_NOOP("app", "填写二级类别前请先选择问题类别。"))}
    return {}


def _register_only_errors(values: dict[str, Any], content: tuple[str, ...]) -> dict[str, Message]:
    """ "Register only" (material reported to a higher commission): the row exists, its content is
    not entered. Otherwise the person reported on is required."""
    if not values.get("register_only"):
        if values.get("subject_name"):
            return {}
        return {
            "subject_name": Message(
                QT_TRANSLATE_NOOP("app", "「{label}」不能为空。"), {"label": SUBJECT_LABEL}
            )
        }
    return {
        name: Message(QT_TRANSLATE_NOOP("app", "「仅登记」的材料不录入内容，请清空此项。"))
        for name in content
        if values.get(name) not in (None, "")
    }


# ---- reports -----------------------------------------------------------------------------------
REPORT_LIFECYCLE = Lifecycle(
    states=(
        ("received", QT_TRANSLATE_NOOP("register", "已受理")),
        ("clued", QT_TRANSLATE_NOOP("register", "已转线索")),
        ("archived", QT_TRANSLATE_NOOP("register", "已存档")),
    ),
    steps=(
        Step("to_clue", QT_TRANSLATE_NOOP("register", "转为问题线索"), ("received", "clued"), "clued"),
        Step("archive", QT_TRANSLATE_NOOP("register", "存档（不构成线索）"), ("received",), "archived"),
        Step("reopen", QT_TRANSLATE_NOOP("register", "重新受理"), ("archived",), "received"),
    ),
)


def _report_validate(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Message]:
    errors = _category_errors(values)
    # A reporter sealed from the acting person is not in ``values`` (kept as stored, not checked).
    unfilled = "reporter" in values and not values["reporter"]
    if values.get("named") and not values.get("register_only") and unfilled:
        errors["reporter"] = Message(QT_TRANSLATE_NOOP("app", "实名举报须填写举报人。"))
    errors.update(_register_only_errors(values, ("summary", "reporter", "reporter_contact", "subcategory")))
    return errors


REPORTS = Register(
    name="reports",
    title=QT_TRANSLATE_NOOP("register", "信访举报"),
    area=AREA,
    model=Report,
    fields=(
        Field(
            "number",
            QT_TRANSLATE_NOOP("register", "来件编号"),
            max_length=32,
            pattern=NUMBER_PATTERN,
            pattern_hint=NUMBER_HINT,
            searchable=True,
        ),
        Field("received_on", QT_TRANSLATE_NOOP("register", "收到日期"), kind=DATE, required=True),
        Field(
            "method",
            QT_TRANSLATE_NOOP("register", "反映方式"),
            kind=CHOICE,
            choices=METHOD_CHOICES,
            required=True,
            filterable=True,
        ),
        Field("named", QT_TRANSLATE_NOOP("register", "实名"), kind=BOOL, default=False, filterable=True),
        Field("reporter", QT_TRANSLATE_NOOP("register", "举报人"), sensitive=True, max_length=64),
        Field(
            "reporter_contact",
            QT_TRANSLATE_NOOP("register", "举报人联系方式"),
            sensitive=True,
            max_length=100,
            in_list=False,
        ),
        *subject_fields(required=False),
        Field(
            "category",
            QT_TRANSLATE_NOOP("register", "问题类别"),
            kind=CHOICE,
            choices=CATEGORY_CHOICES,
            filterable=True,
        ),
        Field("subcategory", QT_TRANSLATE_NOOP("register", "二级类别"), max_length=32, in_list=False),
        Field(
            "summary",
            QT_TRANSLATE_NOOP("register", "反映内容摘要"),
            kind=LONGTEXT,
            sensitive=True,
            in_list=False,
        ),
        Field(
            "register_only",
            QT_TRANSLATE_NOOP("register", "仅登记"),
            kind=BOOL,
            default=False,
            filterable=True,
        ),
        Field(
            "state",
            QT_TRANSLATE_NOOP("register", "状态"),
            kind=CHOICE,
            choices=REPORT_LIFECYCLE.states,
            default="received",
            filterable=True,
            editable=False,
        ),
        *secrecy_fields(),
    ),
    display=lambda r: r.number or r.subject_name,
    default_sort="received_on",
    validate=_report_validate,
    complete=lambda s, values, _row_id: link_subject(s, values),
    lifecycle=REPORT_LIFECYCLE,
)


# ---- clues -------------------------------------------------------------------------------------
def _same_zone(s: Session, clue: Clue, values: dict[str, Any]) -> dict[str, Message]:
    """交叉办案: a township or group hands a clue to another unit of its zone (片区); across zones
    only by the county's assignment (指定), so at the county any other unit may be chosen."""
    new_id = values.get("handling_unit_id")
    installation = s.scalars(select(Installation)).first()
    current_id = clue.handling_unit_id
    if current_id is None:
        code = installation.unit_code if installation is not None else None
        current = s.scalars(select(Unit).where(Unit.code == code, Unit.deleted.is_(False))).first()
    else:
        current = s.get(Unit, current_id)
    new = s.get(Unit, new_id) if new_id else None
    if new is None:
        return {}
    if current is not None and new.id == current.id:
        return {"handling_unit_id": Message(QT_TRANSLATE_NOOP("app", "请选择另一个单位承办。"))}
    if installation is not None and installation.unit_type == "county":
        return {}  # 指定: the county assigns across zones
    if current is None or current.zone_id is None or new.zone_id != current.zone_id:
        return {
            "handling_unit_id": Message(
                QT_TRANSLATE_NOOP(
                    "app",
                    "交叉办理只能交给同一片区协作区内的其他单位；跨片区交叉办理须由县纪委监委指定。",
                )
            )
        }
    return {}


CLUE_LIFECYCLE = Lifecycle(
    states=(
        ("registered", QT_TRANSLATE_NOOP("register", "已登记")),
        ("proposed", QT_TRANSLATE_NOOP("register", "已拟办待批")),
        ("talk", QT_TRANSLATE_NOOP("register", "谈话函询中")),
        ("verification", QT_TRANSLATE_NOOP("register", "初步核实中")),
        ("held", QT_TRANSLATE_NOOP("register", "暂存待查")),
        ("closed", QT_TRANSLATE_NOOP("register", "已了结")),
        ("case", QT_TRANSLATE_NOOP("register", "已立案")),
        ("finished", QT_TRANSLATE_NOOP("register", "已办结")),
        REPORTED,
    ),
    steps=(
        Step(
            "propose",
            QT_TRANSLATE_NOOP("register", "提出处置意见（呈批）"),
            ("registered",),
            "proposed",
            requires=("proposed_handling", "approver"),
        ),
        *(
            Step(
                f"dispose_{code}",
                label,
                ("proposed",),
                target,
                requires=("disposal_reason", "decided_on"),
                sets={"disposal": code},
                check=within_authority,
            )
            for (code, label), target in zip(
                DISPOSAL_CHOICES, ("talk", "verification", "held", "closed"), strict=True
            )
        ),
        Step(
            "to_verification",
            QT_TRANSLATE_NOOP("register", "转初步核实"),
            ("talk", "held"),
            "verification",
            check=within_authority,
        ),
        Step(
            "file_case",
            QT_TRANSLATE_NOOP("register", "立案审查调查"),
            ("talk", "verification"),
            "case",
            check=within_authority,
        ),
        Step(
            "hold",
            QT_TRANSLATE_NOOP("register", "初核后暂存待查"),
            ("verification",),
            "held",
        ),
        Step(
            "finish",
            QT_TRANSLATE_NOOP("register", "办结"),
            ("talk", "verification", "case"),
            "finished",
            check=within_authority,
        ),
        Step(
            "cross_handle",
            QT_TRANSLATE_NOOP("register", "交叉办理（交片区内其他单位）"),
            ("registered", "proposed", "talk", "verification", "held"),
            "",
            requires=("handling_unit_id",),
            check=lambda s, clue, values: _same_zone(s, clue, values),
        ),
        Step("reactivate", QT_TRANSLATE_NOOP("register", "重新启用（暂存线索）"), ("held",), "proposed"),
        Step("withdraw", QT_TRANSLATE_NOOP("register", "退回重拟"), ("proposed",), "registered"),
        report_up_step(("registered", "proposed", "talk", "verification", "held")),
        accept_step("registered"),
        recuse_step(
            "handler_id", "clues", ("registered", "proposed", "talk", "verification", "held", "case")
        ),
    ),
    open_states=("registered", "proposed"),
    not_imported=("reported",),  # 上报 waits for the county to accept: no old ledger makes it
)


def _clue_number(s: Session, values: dict[str, Any]) -> str:
    received = values.get("received_on")
    year = received.year if isinstance(received, date) else date.today().year
    prefix = f"{year}-"
    n = s.scalar(select(func.count()).select_from(Clue).where(Clue.number.like(f"{prefix}%"))) or 0
    while True:
        n += 1
        number = f"{prefix}{n:04d}"
        if s.scalars(select(Clue.id).where(Clue.number == number)).first() is None:
            return number


def _possible_duplicate(s: Session, values: dict[str, Any], row_id: str | None) -> str | None:
    """An earlier live clue about the same person and matter: same person reported on (and unit,
    where both name one), same problem category where both have one."""
    name = str(values.get("subject_name") or "").strip()
    if not name:
        return None
    stmt = select(Clue).where(Clue.subject_name == name, Clue.deleted.is_(False))
    if row_id:
        stmt = stmt.where(Clue.id != row_id)
    for other in s.scalars(stmt.order_by(Clue.received_on, Clue.id)):
        unit = values.get("subject_unit") or ""
        if unit and other.subject_unit and other.subject_unit != unit:
            continue
        category = values.get("category") or ""
        if category and other.category and other.category != category:
            continue
        return other.id
    return None


def _clue_complete(s: Session, values: dict[str, Any], row_id: str | None) -> dict[str, Any]:
    values = link_subject(s, values)
    if not values.get("number"):
        values["number"] = _clue_number(s, values)
    if values.get("registered_on") is None and row_id is None:
        values["registered_on"] = date.today()
    if values.get("register_only"):
        return values
    values["duplicate_of"] = _possible_duplicate(s, values, row_id)
    return values


def _clue_validate(s: Session, values: dict[str, Any], _row_id: str | None) -> dict[str, Message]:
    errors = _category_errors(values)
    errors.update(_register_only_errors(values, ("summary", "subcategory", "disposal_reason")))
    received, registered = values.get("received_on"), values.get("registered_on")
    if isinstance(received, date) and isinstance(registered, date) and registered < received:
        errors["registered_on"] = Message(QT_TRANSLATE_NOOP("app", "登记日期不能早于收到日期。"))
    decided = values.get("decided_on")
    if isinstance(received, date) and isinstance(decided, date) and decided < received:
        errors["decided_on"] = Message(QT_TRANSLATE_NOOP("app", "集体研究日期不能早于收到日期。"))
    if values.get("disposal") and not values.get("disposal_reason") and not values.get("register_only"):
        errors["disposal_reason"] = Message(QT_TRANSLATE_NOOP("app", "处置方式须写明理由。"))
    return errors


def _clue_warn(s: Session, values: dict[str, Any], row_id: str | None) -> list[Message]:
    out: list[Message] = []
    dup = values.get("duplicate_of")
    if dup and row_id is None:
        other = s.get(Clue, dup)
        if other is not None:
            out.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "app", "可能与线索 {number}（{date} 收到）重复：同一被反映人、同一问题。"
                    ),
                    {"number": other.number, "date": other.received_on.isoformat()},
                )
            )
    out.extend(tie_warnings(s, [values.get("handler_id")], values))
    return out


CLUES = Register(
    name="clues",
    title=QT_TRANSLATE_NOOP("register", "问题线索"),
    area=AREA,
    model=Clue,
    fields=(
        Field(
            "number",
            QT_TRANSLATE_NOOP("register", "线索编号"),
            max_length=32,
            pattern=NUMBER_PATTERN,
            pattern_hint=NUMBER_HINT,
            searchable=True,
        ),
        Field(
            "source",
            QT_TRANSLATE_NOOP("register", "线索来源"),
            kind=CHOICE,
            choices=SOURCE_CHOICES,
            required=True,
            filterable=True,
        ),
        Field(
            "report_id", QT_TRANSLATE_NOOP("register", "来源信访件"), kind=REF, ref="reports", in_list=False
        ),
        Field("received_on", QT_TRANSLATE_NOOP("register", "收到日期"), kind=DATE, required=True),
        Field("registered_on", QT_TRANSLATE_NOOP("register", "登记日期"), kind=DATE, in_list=False),
        *subject_fields(required=False),
        Field(
            "category",
            QT_TRANSLATE_NOOP("register", "问题类别"),
            kind=CHOICE,
            choices=CATEGORY_CHOICES,
            filterable=True,
        ),
        Field("subcategory", QT_TRANSLATE_NOOP("register", "二级类别"), max_length=32, in_list=False),
        Field(
            "summary", QT_TRANSLATE_NOOP("register", "线索摘要"), kind=LONGTEXT, sensitive=True, in_list=False
        ),
        Field(
            "register_only",
            QT_TRANSLATE_NOOP("register", "仅登记"),
            kind=BOOL,
            default=False,
            filterable=True,
        ),
        Field(
            "handling_unit_id",
            QT_TRANSLATE_NOOP("register", "承办单位"),
            kind=REF,
            ref="units",
            ref_filter={"unit_type": ("county", "office", "township", "group")},
            filterable=True,
        ),
        Field("handler_id", QT_TRANSLATE_NOOP("register", "承办人"), kind=REF, ref="staff", filterable=True),
        Field(
            "proposed_handling",
            QT_TRANSLATE_NOOP("register", "拟办意见"),
            kind=CHOICE,
            choices=DISPOSAL_CHOICES,
            in_list=False,
        ),
        Field(
            "approver",
            QT_TRANSLATE_NOOP("register", "审批领导"),
            max_length=64,
            in_list=False,
            searchable=True,
        ),
        Field(
            "disposal",
            QT_TRANSLATE_NOOP("register", "处置方式"),
            kind=CHOICE,
            choices=DISPOSAL_CHOICES,
            filterable=True,
            editable=False,
        ),
        Field("disposal_reason", QT_TRANSLATE_NOOP("register", "处置理由"), kind=LONGTEXT, in_list=False),
        Field("decided_on", QT_TRANSLATE_NOOP("register", "集体研究日期"), kind=DATE, in_list=False),
        Field(
            "visit_id",
            QT_TRANSLATE_NOOP("register", "来源驻村记录"),
            kind=REF,
            ref="visits",
            in_list=False,
            editable=False,
        ),
        Field(
            "duplicate_of",
            QT_TRANSLATE_NOOP("register", "疑似重复"),
            kind=REF,
            ref="clues",
            editable=False,
        ),
        Field(
            "state",
            QT_TRANSLATE_NOOP("register", "状态"),
            kind=CHOICE,
            choices=CLUE_LIFECYCLE.states,
            default="registered",
            filterable=True,
            editable=False,
        ),
        *secrecy_fields(secrecy_in_list=False),
    ),
    display=lambda c: c.number,
    default_sort="received_on",
    unique=(("number",),),
    validate=_clue_validate,
    complete=_clue_complete,
    warn=_clue_warn,
    warn_fields=("handler_id", "subject_name", "subject_unit", "subject_village", "category"),
    lifecycle=CLUE_LIFECYCLE,
)


# ---- deadline rules ----------------------------------------------------------------------------
def _deadline_rule_warn(s: Session, values: dict[str, Any], _row_id: str | None) -> list[Message]:
    """A rule counting otherwise than its step usually does (函询回复 in calendar days …) is asked
    about: an unticked box is the form's default, not necessarily a decision."""
    step = values.get("step")
    if step not in DEFAULT_WORKING or bool(values.get("working")) == DEFAULT_WORKING[step]:
        return []
    label = dict(DEADLINE_STEP_CHOICES)[step]
    if DEFAULT_WORKING[step]:
        text = QT_TRANSLATE_NOOP("app", "「{step}」通常按工作日计算；没有勾选「工作日」，将按自然日计算。")
    else:
        text = QT_TRANSLATE_NOOP("app", "「{step}」通常按自然日计算；勾选了「工作日」，将只计工作日。")
    return [Message(text, {"step": label})]


DEADLINE_RULES = Register(
    name="deadline_rules",
    title=QT_TRANSLATE_NOOP("register", "办理期限设置"),
    area="settings",
    model=DeadlineRule,
    fields=(
        Field(
            "step",
            QT_TRANSLATE_NOOP("register", "办理环节"),
            kind=CHOICE,
            choices=DEADLINE_STEP_CHOICES,
            required=True,
        ),
        Field(
            "days",
            QT_TRANSLATE_NOOP("register", "期限（天）"),
            kind=INT,
            required=True,
            minimum=1,
            maximum=365,
        ),
        # Ticked: the days are working days (app.services.workdays), holidays and 调休 followed.
        Field("working", QT_TRANSLATE_NOOP("register", "工作日"), kind=BOOL, default=False),
        Field("note", QT_TRANSLATE_NOOP("register", "依据或说明"), kind=LONGTEXT, searchable=True),
    ),
    display=lambda r: dict(DEADLINE_STEP_CHOICES).get(r.step, r.step),  # the step in words, not its code
    default_sort="step",
    unique=(("step",),),
    warn=_deadline_rule_warn,
    warn_fields=("step", "working"),
)

REGISTERS = (REPORTS, CLUES)
