"""Role limits enforced by the services themselves, on a real encrypted installation: whoever calls
``app/`` directly meets the same limits the window shows."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import MetaData, String, Text, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app import registers
from app.context import Context
from app.db.base import SyncMixin
from app.registers import get
from app.registers.fields import Field, Register
from app.security import audit
from app.security.roles import (
    ALL,
    BACKUP,
    DEMO,
    EDIT,
    EXCHANGE,
    MANAGE_USERS,
    PRINT,
    SYSTEM,
    UNITS,
    VIEW_AUDIT,
    VIEW_SENSITIVE,
    Actor,
    PermissionDenied,
    permissions,
    roles_for,
    system_actor,
)
from app.security.sensitive import RESTRICTED
from app.services import login, users
from app.services.installation import SetupRequest
from app.services.records import RecordService

REPORTER = "实名举报人赵德明"
SETUP = SetupRequest("county", "C01", "测试县纪委监委", "C01", "测试县", "admin", "Harbor-1-pw")
PASSWORDS = {"chief": "Lotus-1-pw", "clerk": "Ledger-1-pw", "viewer": "Meadow-1-pw", "judge": "Summit-1-pw"}


class ThrowawayBase(DeclarativeBase):
    metadata = MetaData()


class Report(SyncMixin, ThrowawayBase):
    __tablename__ = "test_role_reports"

    subject: Mapped[str] = mapped_column(String(100), default="")
    reporter: Mapped[str] = mapped_column(Text, default="")


REPORTS = Register(
    name="test_role_reports",
    title="测试来信",
    area="org",
    model=Report,
    fields=(
        Field("subject", "事由", required=True, searchable=True),
        Field("reporter", "反映人", sensitive=True),
    ),
    display=lambda r: r.subject,
    default_sort="subject",
)

LogIn = Callable[[str], Context]


@pytest.fixture
def inst(tmp_path: Path) -> Iterator[Context]:
    """A county installation with a secretary, a staff member, a read-only user and a reviewer."""
    registers.REGISTERS[REPORTS.name] = REPORTS
    opened = login.create(tmp_path / "inst", None, SETUP)
    Report.__table__.create(opened.db.engine)  # type: ignore[attr-defined]
    for name, role in (
        ("chief", "secretary"),
        ("clerk", "staff"),
        ("viewer", "readonly"),
        ("judge", "reviewer"),
    ):
        users.create_user(opened, name, "", role, PASSWORDS[name])
    yield opened
    opened.db.close()
    registers.REGISTERS.pop(REPORTS.name, None)


@pytest.fixture
def log_in(inst: Context) -> Iterator[LogIn]:
    opened: list[Context] = []

    def _log_in(username: str) -> Context:
        o = login.login(inst.data_dir, None, username, PASSWORDS[username])
        opened.append(o)
        return o

    yield _log_in
    for o in opened:
        o.db.close()


def test_the_roles_and_what_they_may_do() -> None:
    assert permissions("admin") == ALL
    assert permissions("secretary") == ALL - {MANAGE_USERS, UNITS, DEMO}
    assert permissions("system") == frozenset()  # the system role: no account holds it
    assert permissions("staff") == {EDIT, PRINT}
    assert permissions("readonly") == frozenset()
    assert VIEW_SENSITIVE in permissions("reviewer") and MANAGE_USERS not in permissions("reviewer")
    assert permissions("auditor") == {VIEW_AUDIT}
    assert roles_for("township") == ["admin", "secretary", "staff", "readonly", "auditor"]
    assert roles_for("group") == ["admin", "secretary", "staff", "readonly", "auditor"]
    assert set(roles_for("county")) == {
        "admin", "secretary", "staff", "readonly", "county_admin", "reviewer", "auditor",
    }  # fmt: skip


def test_separation_of_duties() -> None:
    """三员分立: the auditor alone has the audit log; the administrators keep the running of the
    installation and lose sealed fields and edits; the program itself keeps everything."""
    for role in ("admin", "county_admin"):
        assert permissions(role, separated=True) == {MANAGE_USERS, BACKUP, EXCHANGE, UNITS, PRINT, DEMO}
    assert permissions("auditor", separated=True) == {VIEW_AUDIT}
    assert permissions("secretary", separated=True) == ALL - {MANAGE_USERS, UNITS, DEMO, VIEW_AUDIT}
    assert permissions("reviewer", separated=True) == {VIEW_SENSITIVE, PRINT, EDIT}
    assert permissions("staff", separated=True) == {EDIT, PRINT}
    assert not Actor("a", "admin", separated=True).can(EDIT)
    assert Actor("a", "admin").can(EDIT)
    assert SYSTEM.can(VIEW_AUDIT) and system_actor("a").can(EDIT)


@pytest.mark.parametrize("who", ["chief", "clerk", "viewer", "judge"])
def test_only_administrators_manage_users(inst: Context, log_in: LogIn, who: str) -> None:
    opened = log_in(who)
    attempts: list[Callable[[], object]] = [
        lambda: users.list_users(opened),
        lambda: users.create_user(opened, "newbie", "", "staff", "Canyon-1-pw"),
        lambda: users.set_role(opened, "viewer" if who != "viewer" else "clerk", "staff"),
        lambda: users.reset_password(opened, "admin", "Canyon-1-pw"),
        lambda: users.deactivate(opened, "admin"),
        lambda: users.reactivate(opened, "admin", "Canyon-1-pw"),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied) as caught:
            attempt()
        assert str(caught.value) == "当前用户没有「管理用户」的权限。"
    assert [u.username for u in users.list_users(inst)] == ["admin", "chief", "clerk", "judge", "viewer"]


def test_readonly_cannot_save_and_staff_can(inst: Context, log_in: LogIn) -> None:
    zones = get("zones")
    viewer_in = log_in("viewer")
    viewer = RecordService(viewer_in)
    with pytest.raises(PermissionDenied) as caught:
        viewer.save(zones, {"name": "东片区"})
    assert str(caught.value) == "当前用户没有「录入和修改」的权限。"
    clerk_in = log_in("clerk")
    clerk = RecordService(clerk_in)
    zone = clerk.save(zones, {"name": "东片区"})
    with pytest.raises(PermissionDenied):
        viewer.delete(zones, zone)
    clerk.delete(zones, zone)
    with pytest.raises(PermissionDenied):
        viewer.restore(zones, zone)
    clerk.restore(zones, zone)
    assert viewer.rows(zones, [zone])[zone]["name"] == "东片区"


def test_who_sees_a_sensitive_field(inst: Context, log_in: LogIn) -> None:
    chief_in = log_in("chief")
    chief = RecordService(chief_in)
    row_id = chief.save(REPORTS, {"subject": "反映某村干部优亲厚友", "reporter": REPORTER})

    for who in ("clerk", "viewer"):
        o = log_in(who)
        records = RecordService(o)
        assert records.rows(REPORTS, [row_id])[row_id]["reporter"] == RESTRICTED
        assert records.get(REPORTS, row_id)["reporter"] == RESTRICTED
    with inst.db.session() as s:
        assert (
            s.scalars(select(audit.AuditEntry).where(audit.AuditEntry.action == audit.VIEW_SENSITIVE)).all()
            == []
        )

    for who in ("judge", "chief", "admin"):
        o = inst if who == "admin" else log_in(who)
        records = RecordService(o)
        assert records.get(REPORTS, row_id)["reporter"] == REPORTER
    with inst.db.session() as s:
        views = s.scalars(
            select(audit.AuditEntry)
            .where(audit.AuditEntry.action == audit.VIEW_SENSITIVE)
            .order_by(audit.AuditEntry.seq)
        ).all()
        assert [(e.actor, e.target_id, e.fields) for e in views] == [
            (who, row_id, ["reporter"]) for who in ("judge", "chief", "admin")
        ]
        assert audit.verify(s) is None


def test_a_key_without_the_role_or_a_role_without_the_key_sees_nothing(inst: Context) -> None:
    row_id = RecordService(inst).save(REPORTS, {"subject": "某事", "reporter": REPORTER})
    stolen_key = Actor("clerk", "staff", inst.keys.sensitive)
    assert RecordService(Context(inst.db, stolen_key)).get(REPORTS, row_id)["reporter"] == RESTRICTED
    no_key = Actor("chief", "secretary", None)
    assert RecordService(Context(inst.db, no_key)).get(REPORTS, row_id)["reporter"] == RESTRICTED


def test_the_data_folder_never_holds_the_sensitive_value(inst: Context, log_in: LogIn) -> None:
    chief_in = log_in("chief")
    chief = RecordService(chief_in)
    row_id = chief.save(REPORTS, {"subject": "某事", "reporter": REPORTER})
    chief.get(REPORTS, row_id)
    chief_in.db.close()
    inst.db.close()
    for path in inst.data_dir.rglob("*"):
        if path.is_file():
            assert REPORTER.encode("utf-8") not in path.read_bytes(), path.name
