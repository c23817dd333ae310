"""The record form with sensitive fields and secrecy marks, for roles with and without the key.

A throwaway register (its model on its own metadata) stands in for the clue registers to come."""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import MetaData, String, Text, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app import registers
from app.context import Context
from app.db.base import SyncMixin
from app.db.database import Database
from app.db.local import User
from app.registers.fields import LONGTEXT, Field, Register
from app.security import audit
from app.security.roles import Actor
from app.security.secrecy import SecrecyMixin, secrecy_fields
from app.services.accounts import hash_password
from app.services.records import RecordService
from ui.dialogs.record_form import RecordForm

KEY = secrets.token_bytes(32)
REPORTER = "举报人孙丽"


class ThrowawayBase(DeclarativeBase):
    metadata = MetaData()


class Clue(SyncMixin, SecrecyMixin, ThrowawayBase):
    __tablename__ = "test_form_clues"

    subject: Mapped[str] = mapped_column(String(100), default="")
    reporter: Mapped[str] = mapped_column(Text, default="")
    content: Mapped[str] = mapped_column(Text, default="")


CLUES = Register(
    name="test_form_clues",
    title="测试线索",
    area="org",
    model=Clue,
    fields=(
        Field("subject", "标题", required=True, max_length=100),
        Field("reporter", "反映人", sensitive=True),
        Field("content", "线索内容", kind=LONGTEXT, sensitive=True),
        *secrecy_fields(),
    ),
    display=lambda c: c.subject,
    default_sort="subject",
)


@pytest.fixture
def clues(db: Database) -> Iterator[Register]:
    registers.REGISTERS[CLUES.name] = CLUES
    Clue.__table__.create(db.engine)  # type: ignore[attr-defined]
    with db.session() as s:
        for name, role in (("sec", "secretary"), ("staff1", "staff"), ("ro", "readonly")):
            s.add(User(username=name, full_name="", role=role, password_hash=hash_password("x1234567")))
    yield CLUES
    registers.REGISTERS.pop(CLUES.name, None)


def service(db: Database, username: str, role: str) -> RecordService:
    return RecordService(Context(db, Actor(username, role, KEY if role == "secretary" else None)))


def open_form(qtbot: QtBot, records: RecordService, row_id: str | None = None) -> RecordForm:
    form = RecordForm(records, CLUES, row_id)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def test_without_the_key_sensitive_fields_show_restricted_and_stay_as_they_are(
    qtbot: QtBot, db: Database, clues: Register
) -> None:
    secretary = service(db, "sec", "secretary")
    row_id = secretary.save(CLUES, {"subject": "某村", "reporter": REPORTER, "content": "详细内容"})
    form = open_form(qtbot, service(db, "staff1", "staff"), row_id)
    reporter, content = form.editor("reporter"), form.editor("content")
    assert isinstance(reporter, QLineEdit) and isinstance(content, QPlainTextEdit)
    assert reporter.text() == "（受限）" and reporter.isReadOnly()
    assert content.toPlainText() == "（受限）" and content.isReadOnly()
    assert "无权查看" in reporter.toolTip()
    assert set(form.values()) == {"subject", "secrecy", "audience"}
    form.set_value("subject", "某村（改）")
    assert form.save()
    got = secretary.get(CLUES, row_id)
    assert (got["subject"], got["reporter"], got["content"]) == ("某村（改）", REPORTER, "详细内容")


def test_with_the_key_sensitive_fields_are_shown_editable_and_the_look_is_audited(
    qtbot: QtBot, db: Database, clues: Register
) -> None:
    secretary = service(db, "sec", "secretary")
    row_id = secretary.save(CLUES, {"subject": "某村", "reporter": REPORTER})
    form = open_form(qtbot, secretary, row_id)
    reporter = form.editor("reporter")
    assert isinstance(reporter, QLineEdit)
    assert reporter.text() == REPORTER and not reporter.isReadOnly()
    assert "审计" in reporter.toolTip()
    with db.session() as s:
        views = s.scalars(
            select(audit.AuditEntry).where(audit.AuditEntry.action == audit.VIEW_SENSITIVE)
        ).all()
        assert [(v.actor, v.target_id) for v in views] == [("sec", row_id)]
    form.set_value("reporter", "另一位举报人")
    assert form.save()
    assert secretary.get(CLUES, row_id)["reporter"] == "另一位举报人"


def test_a_new_record_without_the_key(qtbot: QtBot, db: Database, clues: Register) -> None:
    staff = service(db, "staff1", "staff")
    form = open_form(qtbot, staff)
    form.set_value("subject", "新线索")
    assert form.save()
    assert form.saved_id is not None
    assert service(db, "sec", "secretary").get(CLUES, form.saved_id)["reporter"] == ""


def test_the_secrecy_mark_and_audience_are_shown_at_the_top(
    qtbot: QtBot, db: Database, clues: Register
) -> None:
    secretary = service(db, "sec", "secretary")
    row_id = secretary.save(CLUES, {"subject": "某村", "secrecy": "work_secret", "audience": "staff1"})
    form = open_form(qtbot, secretary, row_id)
    assert not form.notice.isHidden()
    assert form.notice.text() == "密级：工作秘密；知悉范围：staff1、sec。请按保密规定处理。"
    plain = secretary.save(CLUES, {"subject": "普通"})
    assert open_form(qtbot, secretary, plain).notice.isHidden()


def test_a_read_only_role_gets_a_read_only_form(qtbot: QtBot, db: Database, clues: Register) -> None:
    row_id = service(db, "sec", "secretary").save(CLUES, {"subject": "某村"})
    form = open_form(qtbot, service(db, "ro", "readonly"), row_id)
    assert form.read_only and form.save_button is None
    assert "只能查看" in form.notice.text()
    assert not form.save()
