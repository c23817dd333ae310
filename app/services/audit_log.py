"""Reading the audit log: the viewer's query, its display rows, and the chain check.

Like ``RecordService``, the viewer first asks for the ordered ids of the entries that match
(filtered and sorted in SQL, newest first by default) and then for the display rows of the few
it shows. Entries name records and fields, never their content, so nothing here is sensitive;
still, only roles with ``VIEW_AUDIT`` may read the log (``PermissionDenied`` otherwise).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
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


def describe(action: str, detail: str) -> Message | None:
    """The detail of an entry in Chinese when the program wrote it in a known form."""
    if detail in DETAIL_LABELS:
        return Message(DETAIL_LABELS[detail])
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
    return None


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
                for e in s.scalars(select(AuditEntry).where(AuditEntry.id.in_(chunk))):
                    out[e.id] = self._row(e)
        return out

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
        labels = tuple(known.get(n, n) for n in names)
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
