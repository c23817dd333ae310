"""Reading the audit log: the viewer's query, its display rows, and the chain check.

Like ``RecordService``, the viewer first asks for the ordered ids of the entries that match
(filtered and sorted in SQL, newest first by default) and then for the display rows of the few
it shows. Entries name records and fields, never their content, so nothing here is sensitive;
still, only roles with ``VIEW_AUDIT`` may read the log (``PermissionDenied`` otherwise).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, Text, case, cast, func, or_, select

from app.db.database import Database
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.registers import REGISTERS
from app.registers.fields import Register
from app.registers.org import UNIT_TYPE_CHOICES
from app.security import audit
from app.security.audit import AuditEntry
from app.security.roles import VIEW_AUDIT, Actor
from app.security.secrecy import has_secrecy, in_audience
from app.security.sensitive import RESTRICTED

# Sort keys of the viewer's columns.
SORT_AT = "at"
SORT_ACTOR = "actor"
SORT_ACTION = "action"
SORT_TARGET = "target"
SORT_FIELDS = "fields"
SORT_DETAIL = "detail"
SORT_SEQ = "seq"
SORT_KEYS = (SORT_AT, SORT_ACTOR, SORT_ACTION, SORT_TARGET, SORT_FIELDS, SORT_DETAIL, SORT_SEQ)

# Details written by the program itself, shown in Chinese.
DETAIL_LABELS: dict[str, str] = {
    "wrong_password": QT_TRANSLATE_NOOP("app", "密码错误"),
    "disabled": QT_TRANSLATE_NOOP("app", "账号已停用"),
    "unlock": QT_TRANSLATE_NOOP("app", "解锁时密码错误"),
    "plain database encrypted": QT_TRANSLATE_NOOP("app", "未加密的数据库已加密"),
    "password set with the recovery key": QT_TRANSLATE_NOOP("app", "用恢复密钥重设密码"),
    "new recovery key": QT_TRANSLATE_NOOP("app", "更换恢复密钥"),
    "recovery sheet printed": QT_TRANSLATE_NOOP("app", "打印恢复密钥页"),  # app.services.first_run
    "recovery sheet saved": QT_TRANSLATE_NOOP("app", "恢复密钥页保存为 PDF"),
}
# Tables that are not registers but appear in entries: title and field labels (context "app").
OTHER_TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "users": (
        QT_TRANSLATE_NOOP("app", "用户"),
        {
            "username": QT_TRANSLATE_NOOP("app", "用户名"),
            "full_name": QT_TRANSLATE_NOOP("app", "姓名"),
            "role": QT_TRANSLATE_NOOP("app", "角色"),
            "password": QT_TRANSLATE_NOOP("app", "密码"),
            "active": QT_TRANSLATE_NOOP("app", "启用"),
        },
    ),
    "transitions": (
        QT_TRANSLATE_NOOP("app", "办理记录"),
        {
            "register": QT_TRANSLATE_NOOP("app", "登记簿"),
            "record_id": QT_TRANSLATE_NOOP("app", "办理的记录"),
            "action": QT_TRANSLATE_NOOP("app", "办理步骤"),
            "from_state": QT_TRANSLATE_NOOP("app", "原状态"),
            "to_state": QT_TRANSLATE_NOOP("app", "新状态"),
            "reason": QT_TRANSLATE_NOOP("app", "理由"),
            "doc_no": QT_TRANSLATE_NOOP("app", "文号"),
            "doc_on": QT_TRANSLATE_NOOP("app", "文件日期"),
            "approved_by": QT_TRANSLATE_NOOP("app", "批准人"),
        },
    ),
    "sync_peers": (QT_TRANSLATE_NOOP("app", "数据交换单位"), {}),
    "sync_bundles": (QT_TRANSLATE_NOOP("app", "数据包"), {}),
    "county_policy": (
        QT_TRANSLATE_NOOP("app", "县级安全策略"),
        {"separation_of_duties": QT_TRANSLATE_NOOP("app", "三员分立")},
    ),
    "ownership_transfers": (QT_TRANSLATE_NOOP("app", "记录归属变更"), {}),
}
EXPORTED_ROWS = QT_TRANSLATE_NOOP("app", "{what}，{n} 行")
STAFFING_REPORT = QT_TRANSLATE_NOOP("app", "编制配备汇总")
REPORT_TITLES = {"staffing": STAFFING_REPORT}
INSTALLED = QT_TRANSLATE_NOOP("app", "{type}（{code}）")

LOG_INTACT = QT_TRANSLATE_NOOP("app", "审计日志完整：{n} 条，链条未断")
LOG_BROKEN = QT_TRANSLATE_NOOP("app", "审计日志在单位 {unit} 第 {seq} 条处断开：{reason}")
CLI_INTACT = QT_TRANSLATE_NOOP("app", "审计日志完整（{n} 条）")
CLI_BROKEN = QT_TRANSLATE_NOOP("app", "审计日志不完整：单位 {unit} 第 {seq} 条，{reason}。")
NO_SUCH_LOG = QT_TRANSLATE_NOOP("app", "本机没有单位 {unit} 的审计日志。")


class NoSuchLog(LookupError):
    """A unit whose log this installation does not hold (no entries and no anchor)."""

    def __init__(self, unit: str) -> None:
        self.message = Message(NO_SUCH_LOG, {"unit": unit})
        super().__init__(str(self.message))


@dataclass
class AuditQuery:
    """What the viewer shows. Empty strings and None mean "any"."""

    user: str = ""  # the acting user (exact)
    action: str = ""  # an action code (``audit.ACTIONS``)
    since: datetime | None = None  # UTC without zone, inclusive
    until: datetime | None = None  # UTC without zone, exclusive
    target: str = ""  # a record id (or its beginning), or a table / register name or title
    unit: str = ""  # the owning unit (the county sees every unit's log)
    sort: str = SORT_AT
    descending: bool = True


@dataclass(frozen=True)
class AuditRow:
    """One entry as the viewer shows it. Labels are Chinese, marked for translation: ``action_label``
    and ``description`` in context "app"; ``target_title`` and ``field_labels`` in "register" for a
    register's table, in "app" for the few other tables (``OTHER_TABLES``)."""

    id: str
    unit: str
    seq: int
    at: datetime  # UTC without zone
    actor: str
    action: str
    action_label: str
    target_table: str
    target_title: str  # the register's title, or the table name
    target_id: str
    fields: tuple[str, ...]
    field_labels: tuple[str, ...]
    detail: str  # as stored
    description: Message | None  # the detail in Chinese, when the program wrote it
    deleted: bool
    target_label: str = ""  # the record as lists name it (its number, name…), "" when unknown or hidden


@dataclass(frozen=True)
class VerifyResult:
    entries: int
    broken: audit.Break | None

    @property
    def ok(self) -> bool:
        return self.broken is None

    @property
    def message(self) -> Message:
        """审计日志完整：N 条，链条未断 — or where it breaks and why (the window's wording)."""
        if self.broken is None:
            return Message(LOG_INTACT, {"n": str(self.entries)})
        return Message(LOG_BROKEN, self._where(self.broken))

    @property
    def cli_message(self) -> Message:
        """One line for the command line."""
        if self.broken is None:
            return Message(CLI_INTACT, {"n": str(self.entries)})
        return Message(CLI_BROKEN, self._where(self.broken))

    @staticmethod
    def _where(b: audit.Break) -> dict[str, Any]:
        return {"unit": b.owner, "seq": str(b.seq), "reason": Message(b.reason_label, {"head": str(b.head)})}

    def to_json(self) -> dict[str, Any]:
        b = self.broken
        return {
            "ok": self.ok,
            "entries": self.entries,
            "broken": None
            if b is None
            else {
                "unit": b.owner,
                "seq": b.seq,
                "id": b.entry_id,
                "reason": b.reason,
                "reason_label": b.reason_label.format(head=b.head),
                **({"head": b.head} if b.head else {}),  # the anchor a shortened chain falls short of
            },
        }


def local_day_range(first: date | None, last: date | None) -> tuple[datetime | None, datetime | None]:
    """The UTC bounds (``since`` inclusive, ``until`` exclusive) of whole local days first…last."""

    def utc(d: date) -> datetime:
        return datetime.combine(d, time.min).astimezone().astimezone(UTC).replace(tzinfo=None)

    since = utc(first) if first is not None else None
    until = utc(last + timedelta(days=1)) if last is not None else None
    return since, until


def _register_of_table(table: str) -> Register | None:
    for reg in REGISTERS.values():
        if reg.model.__table__.name == table:  # type: ignore[attr-defined]
            return reg
    return None


# Tables that are not registers (or columns no register field declares), in Chinese (context "app").
FIELD_LABELS: dict[str, str] = {
    "id_key": QT_TRANSLATE_NOOP("app", "身份证号码（查重用）"),
    "audience": QT_TRANSLATE_NOOP("app", "知悉范围"),
    "state": QT_TRANSLATE_NOOP("app", "状态"),
    "owner": QT_TRANSLATE_NOOP("app", "所属单位"),
    "deleted": QT_TRANSLATE_NOOP("app", "已删除"),
}
# key=value details the program writes: the key's words and, for some keys, what its values mean.
DETAIL_KEYS: dict[str, str] = {
    "form": QT_TRANSLATE_NOOP("app", "表格"),
    "register": QT_TRANSLATE_NOOP("app", "登记簿"),
    "report": QT_TRANSLATE_NOOP("app", "报表"),
    "template": QT_TRANSLATE_NOOP("app", "导入模板"),
    "bundle": QT_TRANSLATE_NOOP("app", "数据包"),
    "enrolment": QT_TRANSLATE_NOOP("app", "登记包"),
    "new": QT_TRANSLATE_NOOP("app", "新增"),
    "updated": QT_TRANSLATE_NOOP("app", "修改"),
    "deleted": QT_TRANSLATE_NOOP("app", "删除"),
    "conflicts": QT_TRANSLATE_NOOP("app", "冲突"),
    "skipped": QT_TRANSLATE_NOOP("app", "跳过"),
    "unchanged": QT_TRANSLATE_NOOP("app", "未变"),
    "separation_of_duties": QT_TRANSLATE_NOOP("app", "三员分立"),
}
FORM_TITLES: dict[str, str] = {
    "clue_register": QT_TRANSLATE_NOOP("app", "问题线索登记表"),
    "clue_approval": QT_TRANSLATE_NOOP("app", "线索处置呈批表"),
    "sign_in": QT_TRANSLATE_NOOP("app", "签到表"),
    "visit": QT_TRANSLATE_NOOP("app", "驻村（驻在）监督工作记录表"),
    "visit_blank": QT_TRANSLATE_NOOP("app", "空白驻村（驻在）监督工作记录表"),
    "circular": QT_TRANSLATE_NOOP("app", "通报"),
    "integrity_letter": QT_TRANSLATE_NOOP("app", "廉政意见回复函"),
}
ON_OFF = {"on": QT_TRANSLATE_NOOP("app", "开启"), "off": QT_TRANSLATE_NOOP("app", "关闭")}
STATISTICS_REPORT = QT_TRANSLATE_NOOP("app", "统计表")
COVERAGE_REPORT = QT_TRANSLATE_NOOP("app", "覆盖情况（{year} 年）")
DUTY_REPORT = QT_TRANSLATE_NOOP("app", "履职覆盖（{year} 年）")
KEY_VALUE = QT_TRANSLATE_NOOP("app", "{key}：{value}")
KEY_COUNT = QT_TRANSLATE_NOOP("app", "{key} {n}")
ROWS = QT_TRANSLATE_NOOP("app", "{n} 行")
FILTERED = QT_TRANSLATE_NOOP("app", "（已筛选）")
PARTS = QT_TRANSLATE_NOOP("app", "{parts}")
BACKUP_MADE = QT_TRANSLATE_NOOP("app", "备份文件 {name}（{size} 字节）")
AUTO_BACKUP_MADE = QT_TRANSLATE_NOOP("app", "自动备份文件 {name}（{size} 字节）")
RESTORED_FROM = QT_TRANSLATE_NOOP("app", "从备份文件 {name} 恢复（备份制作于 {made}）")
UPGRADED = QT_TRANSLATE_NOOP("app", "数据库从版本 {old} 升级到 {new}")
TRANSFER_ASKED = QT_TRANSLATE_NOOP("app", "申请把{what}记录的归属从 {owner} 变更为 {to}")
TRANSFERRED = QT_TRANSLATE_NOOP("app", "记录归属从 {owner} 变更为 {to}")
TRANSFER_REFUSED = QT_TRANSLATE_NOOP("app", "不同意记录归属变更申请")
TRANSITION = QT_TRANSLATE_NOOP("app", "{register}{record}：{step}，{old} → {new}")
LOCK_REASONS = {
    "idle": QT_TRANSLATE_NOOP("app", "无操作自动锁定"),
    "manual": QT_TRANSLATE_NOOP("app", "手动锁定"),
}
FREE_DETAILS = {
    "conflict settled": QT_TRANSLATE_NOOP("app", "数据冲突已处理"),
    "revoke": QT_TRANSLATE_NOOP("app", "吊销数据交换密钥"),
}
_BACKUP = re.compile(r"^(auto )?(\S+) \((\d+) bytes\)$")
_RESTORE = re.compile(r"^(\S+) made (\S+)")
_UPGRADE = re.compile(r"^(\S+) -> (\S+) \((\S+) -> (\S+)\)")
_REQUEST = re.compile(r"^request (\w+)/\S+ (\S+)->(\S+)$")
_TRANSFER = re.compile(r"^transfer (\S+)->(\S+) ")


def _report_title(name: str) -> Message | str:
    if name in REPORT_TITLES:
        return Message(REPORT_TITLES[name])
    if name == "statistics":
        return Message(STATISTICS_REPORT)
    kind, _, rest = name.partition("_")
    year = rest.rsplit("_", 1)[-1]
    if kind in ("coverage", "duty") and year.isdigit():
        return Message(COVERAGE_REPORT if kind == "coverage" else DUTY_REPORT, {"year": year})
    return name


def table_title(table: str) -> str:
    """A table's Chinese name: its register's title, or one of ``OTHER_TABLES``; else the name."""
    reg = _register_of_table(table)
    if reg is not None:
        return reg.title
    return OTHER_TABLES.get(table, (table, {}))[0]


def _key_values(detail: str) -> Message | None:
    """``form=clue_register``, ``register=clues rows=12 filtered=yes``, ``bundle=… new=3 …`` in words."""
    tokens = detail.split()
    if not tokens or "=" not in tokens[0]:
        return None
    parts: list[Message | str] = []
    for n, token in enumerate(tokens):
        key, _, value = token.partition("=")
        if "=" not in token:  # the rest is the program's own sentence (a refusal's reason)
            parts.append(" ".join(tokens[n:]))
            break
        if key == "rows" and value.isdigit():
            parts.append(Message(ROWS, {"n": value}))
        elif key == "filtered":
            parts.append(Message(FILTERED))
        elif key in ("new", "updated", "deleted", "conflicts", "skipped", "unchanged") and value.isdigit():
            parts.append(Message(KEY_COUNT, {"key": Message(DETAIL_KEYS[key]), "n": value}))
        elif key in DETAIL_KEYS:
            shown: Message | str = value
            if key == "form" and value in FORM_TITLES:
                shown = Message(FORM_TITLES[value])
            elif key in ("register", "template") and value in REGISTERS:
                shown = REGISTERS[value].title
            elif key == "report":
                shown = _report_title(value)
            elif value in ON_OFF:
                shown = Message(ON_OFF[value])
            parts.append(Message(KEY_VALUE, {"key": Message(DETAIL_KEYS[key]), "value": shown}))
        else:
            return None
    return Message(PARTS, {"parts": tuple(parts)})


def describe(action: str, detail: str) -> Message | None:
    """The detail of an entry in Chinese when the program wrote it in a known form."""
    if detail in DETAIL_LABELS:
        return Message(DETAIL_LABELS[detail])
    if detail in FREE_DETAILS:
        return Message(FREE_DETAILS[detail])
    if action == audit.LOCK and detail in LOCK_REASONS:
        return Message(LOCK_REASONS[detail])
    if action == audit.INSTALL:
        kind, _, code = detail.partition(" ")
        types = dict(UNIT_TYPE_CHOICES)
        if kind in types and code:
            return Message(INSTALLED, {"type": types[kind], "code": code})
    if action == audit.EXPORT:
        parts = dict(p.split("=", 1) for p in detail.split() if "=" in p)
        rows = parts.get("rows", "")
        what: Message | str | None = None
        if "register" in parts and parts["register"] in REGISTERS:
            what = REGISTERS[parts["register"]].title
        elif "report" in parts and parts["report"] in REPORT_TITLES:
            what = Message(REPORT_TITLES[parts["report"]])
        if what is not None and rows.isdigit():
            return Message(EXPORTED_ROWS, {"what": what, "n": rows})
    if action == audit.BACKUP and (m := _BACKUP.match(detail)):
        return Message(AUTO_BACKUP_MADE if m[1] else BACKUP_MADE, {"name": m[2], "size": m[3]})
    if action == audit.RESTORE_BACKUP and (m := _RESTORE.match(detail)):
        return Message(RESTORED_FROM, {"name": m[1], "made": m[2]})
    if action == audit.UPGRADE and (m := _UPGRADE.match(detail)):
        return Message(UPGRADED, {"old": m[3], "new": m[4]})
    if m := _REQUEST.match(detail):
        return Message(TRANSFER_ASKED, {"what": table_title(m[1]), "owner": m[2], "to": m[3]})
    if m := _TRANSFER.match(detail):
        return Message(TRANSFERRED, {"owner": m[1], "to": m[2]})
    if detail.startswith("refusal of "):
        return Message(TRANSFER_REFUSED)
    return _key_values(detail)


class AuditLogService:
    """The audit log as one user with ``VIEW_AUDIT`` reads it."""

    PAGE = 500

    def __init__(self, db: Database, actor: Actor) -> None:
        actor.require(VIEW_AUDIT)
        self.db = db
        self.actor = actor

    @property
    def user(self) -> str:
        return self.actor.username

    # ---- the query ---------------------------------------------------------------------------
    def _tables_named(self, text: str) -> set[str]:
        """Tables whose name, register name or register title is ``text``."""
        found = {text}
        for reg in REGISTERS.values():
            if text in (reg.name, reg.title):
                found.add(reg.model.__table__.name)  # type: ignore[attr-defined]
        return found

    def _filtered(self, q: AuditQuery) -> Select[Any]:
        self.actor.require(VIEW_AUDIT)
        stmt = select(AuditEntry.id)
        if q.user:
            stmt = stmt.where(AuditEntry.actor == q.user)
        if q.action:
            stmt = stmt.where(AuditEntry.action == q.action)
        if q.unit:
            stmt = stmt.where(AuditEntry.owner == q.unit)
        if q.since is not None:
            stmt = stmt.where(AuditEntry.at >= q.since)
        if q.until is not None:
            stmt = stmt.where(AuditEntry.at < q.until)
        text = q.target.strip()
        if text:
            escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            stmt = stmt.where(
                or_(
                    AuditEntry.target_table.in_(self._tables_named(text)),
                    AuditEntry.target_id.like(f"{escaped}%", escape="\\"),
                )
            )
        return stmt

    @staticmethod
    def _order(q: AuditQuery) -> list[Any]:
        if q.sort not in SORT_KEYS:
            raise KeyError(f"the audit log cannot be sorted by {q.sort!r}")
        action_order = case(
            {a: i for i, a in enumerate(audit.ACTIONS)}, value=AuditEntry.action, else_=len(audit.ACTIONS)
        )
        keys: dict[str, list[Any]] = {
            SORT_AT: [AuditEntry.at],
            SORT_ACTOR: [AuditEntry.actor],
            SORT_ACTION: [action_order, AuditEntry.action],
            SORT_TARGET: [AuditEntry.target_table, AuditEntry.target_id],
            SORT_FIELDS: [func.coalesce(cast(AuditEntry.fields, Text), "")],
            SORT_DETAIL: [AuditEntry.detail],
            SORT_SEQ: [AuditEntry.owner, AuditEntry.seq],
        }
        # Ties by time, then position in the chain, always the same way round as the chosen key.
        chosen = keys[q.sort] + [AuditEntry.at, AuditEntry.owner, AuditEntry.seq, AuditEntry.id]
        return [c.desc() if q.descending else c.asc() for c in chosen]

    def ids(self, q: AuditQuery | None = None) -> list[str]:
        """Ids of the matching entries, in the query's order (newest first by default)."""
        q = q or AuditQuery()
        stmt = self._filtered(q).order_by(*self._order(q))
        with self.db.session(self.user) as s:
            return list(s.scalars(stmt))

    def count(self, q: AuditQuery | None = None) -> int:
        stmt = self._filtered(q or AuditQuery())
        with self.db.session(self.user) as s:
            return int(s.scalar(select(func.count()).select_from(stmt.subquery())) or 0)

    def rows(self, ids: Sequence[str]) -> dict[str, AuditRow]:
        """Display rows of these entries, by id."""
        self.actor.require(VIEW_AUDIT)
        out: dict[str, AuditRow] = {}
        if not ids:
            return out
        with self.db.session(self.user) as s:
            for start in range(0, len(ids), self.PAGE):
                chunk = list(ids[start : start + self.PAGE])
                entries = list(s.scalars(select(AuditEntry).where(AuditEntry.id.in_(chunk))))
                labels, steps = self._targets(s, entries)
                for e in entries:
                    row = self._row(e)
                    key = (row.target_table, row.target_id)
                    out[e.id] = replace(
                        row,
                        target_label=labels.get(key, ""),
                        description=steps.get(key, row.description),
                    )
        return out

    def _targets(
        self, s: Any, entries: Sequence[AuditEntry]
    ) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], Message]]:
        """How lists name the entries' records (the number or name, （受限） outside the record's
        知悉范围), and a lifecycle step's entry in words (register, record, step, old → new state)."""
        from app.models.casework import Transition

        wanted: dict[str, set[str]] = {}
        for e in entries:
            if e.target_table and e.target_id:
                wanted.setdefault(e.target_table, set()).add(e.target_id)
        labels: dict[tuple[str, str], str] = {}
        steps: dict[tuple[str, str], Message] = {}
        transitions: list[Transition] = []
        if Transition.__tablename__ in wanted:
            transitions = list(
                s.scalars(select(Transition).where(Transition.id.in_(wanted[Transition.__tablename__])))
            )
            for t in transitions:
                reg = REGISTERS.get(t.register)
                if reg is not None:
                    wanted.setdefault(reg.model.__table__.name, set()).add(t.record_id)  # type: ignore[attr-defined]
        for table, ids in wanted.items():
            reg = _register_of_table(table)
            if reg is None:
                continue
            hides = not self.actor.system and has_secrecy(reg.model)
            for obj in s.scalars(select(reg.model).where(reg.model.id.in_(ids))):
                if hides and not in_audience(getattr(obj, "audience", ""), self.user):
                    shown = RESTRICTED
                else:
                    try:
                        shown = str(reg.display(obj) or "")
                    except (TypeError, ValueError, AttributeError):
                        shown = ""
                    if shown == obj.id:
                        shown = ""
                labels[(table, obj.id)] = shown
        for t in transitions:
            reg = REGISTERS.get(t.register)
            if reg is None or reg.lifecycle is None:
                continue
            life = reg.lifecycle
            try:
                step: str = life.step(t.action).label
            except KeyError:
                step = t.action
            record = labels.get((reg.model.__table__.name, t.record_id), "")  # type: ignore[attr-defined]
            steps[(Transition.__tablename__, t.id)] = Message(
                TRANSITION,
                {
                    "register": reg.title,
                    "record": f" {record}" if record else "",
                    "step": step,
                    "old": life.state_label(t.from_state),
                    "new": life.state_label(t.to_state),
                },
            )
            if record:
                labels[(Transition.__tablename__, t.id)] = record
        return labels, steps

    def entries(self, q: AuditQuery | None = None, offset: int = 0, limit: int = 100) -> list[AuditRow]:
        """One page of matching entries in order (for a simple list or a report)."""
        ids = self.ids(q)[offset : offset + limit]
        rows = self.rows(ids)
        return [rows[i] for i in ids if i in rows]

    @staticmethod
    def _row(e: AuditEntry) -> AuditRow:
        table = e.target_table or ""
        reg = _register_of_table(table)
        names = tuple(e.fields or ())
        if reg is not None:
            title = reg.title
            known = {f.name: f.label for f in reg.fields}
        else:
            title, known = OTHER_TABLES.get(table, (table, {}))
        labels = tuple(known.get(n) or FIELD_LABELS.get(n, n) for n in names)
        return AuditRow(
            id=e.id,
            unit=e.owner,
            seq=e.seq,
            at=e.at,
            actor=e.actor,
            action=e.action,
            action_label=audit.action_label(e.action),
            target_table=e.target_table or "",
            target_title=title,
            target_id=e.target_id or "",
            fields=names,
            field_labels=labels,
            detail=e.detail or "",
            description=describe(e.action, e.detail or ""),
            deleted=bool(e.deleted),
        )

    # ---- what the filters offer ----------------------------------------------------------------
    def _distinct(self, column: Any) -> list[str]:
        self.actor.require(VIEW_AUDIT)
        with self.db.session(self.user) as s:
            return sorted(str(v) for v in s.scalars(select(column).distinct()) if v)

    def actors(self) -> list[str]:
        """Every user name that appears in the log (failed log-ins included), sorted."""
        return self._distinct(AuditEntry.actor)

    def units(self) -> list[str]:
        """The units whose entries this installation holds."""
        return self._distinct(AuditEntry.owner)

    def unit_labels(self) -> list[tuple[str, str]]:
        """(code, ``name（code）``) of the units whose entries are held here, by code; a code no
        unit row names stays as it is."""
        from app.models.org import Unit

        codes = self.units()
        with self.db.session(self.user) as s:
            names = dict(
                s.execute(
                    select(Unit.code, Unit.name).where(Unit.code.in_(codes), Unit.deleted.is_(False))
                ).all()
            )
        return [(code, f"{names[code]}（{code}）" if names.get(code) else code) for code in codes]

    @staticmethod
    def actions() -> list[tuple[str, str]]:
        """(code, Chinese label) of every action, in reading order."""
        return list(audit.ACTION_LABELS.items())

    def chain(self, unit: str) -> list[AuditRow]:
        """``unit``'s whole log in chain order (the county holds every unit's: ``audit list --unit``)."""
        self.require_unit(unit)
        q = AuditQuery(unit=unit, sort=SORT_SEQ, descending=False)
        ids = self.ids(q)
        rows = self.rows(ids)
        return [rows[i] for i in ids if i in rows]

    def require_unit(self, unit: str) -> None:
        """``NoSuchLog`` unless this installation holds entries (or an anchor) of ``unit``'s chain."""
        from app.security.audit_anchor import AuditHead

        self.actor.require(VIEW_AUDIT)
        with self.db.session(self.user) as s:
            held = s.scalar(select(AuditEntry.id).where(AuditEntry.owner == unit).limit(1))
            if held is None and s.get(AuditHead, unit) is None:
                raise NoSuchLog(unit)

    # ---- the check -----------------------------------------------------------------------------
    def verify(self, progress: Callable[[int, int], object] | None = None, unit: str = "") -> VerifyResult:
        """Check every unit's chain (or ``unit``'s): the first entry edited, removed, moved or
        tombstoned, or a chain shorter than its anchors (``app.security.audit_anchor``)."""
        self.actor.require(VIEW_AUDIT)
        if unit:
            self.require_unit(unit)
        with self.db.session(self.user) as s:
            report = audit.check(s, unit or None, progress=progress)
        return VerifyResult(report.entries, report.broken)
