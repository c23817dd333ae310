"""Sensitive fields and secrecy marks: sealed tokens, what each role sees, the audit and change log,
the raw database file, and who sees a record with an audience (知悉范围).

The registers here are throwaway: a model on its own metadata (so the real schema and its
migrations never see it) and a ``Register`` put into ``app.registers.REGISTERS`` for the test only.
"""

from __future__ import annotations

import base64
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import MetaData, String, Text, select, update
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app import registers
from app.context import Context as OpContext
from app.db.base import SyncMixin
from app.db.database import Database
from app.db.local import ChangeLog, User
from app.registers import get as get_register
from app.registers.fields import INT, LONGTEXT, Field, Register
from app.security import audit, sensitive
from app.security.roles import Actor, PermissionDenied
from app.security.secrecy import (
    NotInAudience,
    SecrecyMixin,
    in_audience,
    normalise_audience,
    parse_audience,
    secrecy_fields,
)
from app.security.sensitive import ENCRYPTED, RESTRICTED, UNREADABLE, Context, TokenError
from app.services.accounts import hash_password
from app.services.installation import SetupRequest, initialise
from app.services.records import ListQuery, RecordService, ValidationError

REPORTER = "举报人王秀英"
PHONE = "13912345678"
KEY = secrets.token_bytes(32)


class ThrowawayBase(DeclarativeBase):
    metadata = MetaData()


class Tip(SyncMixin, SecrecyMixin, ThrowawayBase):
    __tablename__ = "test_tips"

    subject: Mapped[str] = mapped_column(String(100), default="")
    reporter: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


TIPS = Register(
    name="test_tips",
    title="测试线索",
    area="org",
    model=Tip,
    fields=(
        Field("subject", "标题", required=True, max_length=100, searchable=True),
        Field("reporter", "反映人", sensitive=True, max_length=20),
        Field(
            "phone", "联系电话", sensitive=True, in_list=False, pattern=r"[0-9]{5,20}", pattern_hint="数字"
        ),
        Field("note", "备注", kind=LONGTEXT, in_list=False, searchable=True),
        *secrecy_fields(),
    ),
    display=lambda t: t.subject,
    default_sort="subject",
)


@pytest.fixture
def tips_register() -> Iterator[Register]:
    registers.REGISTERS[TIPS.name] = TIPS
    yield TIPS
    registers.REGISTERS.pop(TIPS.name, None)


@pytest.fixture
def db(db_url: str, tmp_path: Path, tips_register: Register) -> Iterator[Database]:
    """A plain (unencrypted) installation with the throwaway table and a few users, on SQLite
    (a file in the test's folder) and on PostgreSQL."""
    database = Database(db_url, tmp_path / "data")
    initialise(
        database, SetupRequest("county", "C01", "测试县纪委监委", "C01", "测试县", "admin", "secret123")
    )
    Tip.__table__.create(database.engine)  # type: ignore[attr-defined]
    with database.session() as s:
        for name, role in (
            ("sec", "secretary"),
            ("staff1", "staff"),
            ("staff2", "staff"),
            ("ro", "readonly"),
        ):
            s.add(User(username=name, full_name="", role=role, password_hash=hash_password("x1234567")))
    yield database
    database.close()


def service(db: Database, username: str, role: str) -> RecordService:
    return RecordService(
        OpContext(db, Actor(username, role, KEY if role in ("admin", "secretary", "reviewer") else None))
    )


def audit_entries(db: Database, action: str) -> list[audit.AuditEntry]:
    with db.session() as s:
        return list(s.scalars(select(audit.AuditEntry).where(audit.AuditEntry.action == action)))


# ---- the token ----------------------------------------------------------------------------------
def test_seal_and_open_round_trip() -> None:
    ctx = Context("tips", "reporter", "row-1")
    token = sensitive.seal(KEY, REPORTER, ctx)
    assert token.startswith("enc:v1:")
    assert REPORTER not in token
    assert sensitive.open(KEY, token, ctx) == REPORTER
    assert sensitive.seal(KEY, REPORTER, ctx) != token  # a fresh nonce each time
    assert len(token) <= sensitive.sealed_length(len(REPORTER))


def test_a_changed_token_is_detected() -> None:
    ctx = Context("tips", "reporter", "row-1")
    token = sensitive.seal(KEY, REPORTER, ctx)
    raw = bytearray(base64.b64decode(token[len(sensitive.PREFIX) :]))
    for position in (0, 12, len(raw) - 1):  # nonce, ciphertext, tag
        bad = bytearray(raw)
        bad[position] ^= 0x01
        with pytest.raises(TokenError):
            sensitive.open(KEY, sensitive.PREFIX + base64.b64encode(bytes(bad)).decode(), ctx)
    with pytest.raises(TokenError):
        sensitive.open(KEY, token[:-8], ctx)  # cut short
    with pytest.raises(TokenError):
        sensitive.open(KEY, "enc:v1:not base64!", ctx)
    with pytest.raises(TokenError):
        sensitive.open(KEY, REPORTER, ctx)  # plaintext is no token


@pytest.mark.parametrize(
    "other",
    [
        Context("tips", "reporter", "row-2"),
        Context("tips", "phone", "row-1"),
        Context("clues", "reporter", "row-1"),
    ],
)
def test_a_token_opens_only_where_it_was_sealed(other: Context) -> None:
    token = sensitive.seal(KEY, REPORTER, Context("tips", "reporter", "row-1"))
    with pytest.raises(TokenError):
        sensitive.open(KEY, token, other)


def test_a_token_opens_only_with_its_key() -> None:
    ctx = Context("tips", "reporter", "row-1")
    token = sensitive.seal(KEY, REPORTER, ctx)
    with pytest.raises(TokenError):
        sensitive.open(secrets.token_bytes(32), token, ctx)
    with pytest.raises(ValueError, match="32 bytes"):
        sensitive.seal(b"short", REPORTER, ctx)


def test_declarations_keep_sensitive_fields_out_of_search_filters_sorting_and_rules() -> None:
    with pytest.raises(ValueError, match="searchable"):
        Field("reporter", "反映人", sensitive=True, searchable=True)
    with pytest.raises(ValueError, match="searchable or filterable"):
        Field("reporter", "反映人", sensitive=True, filterable=True)
    with pytest.raises(ValueError, match="TEXT or LONGTEXT"):
        Field("age", "年龄", kind=INT, sensitive=True)
    fields = (Field("subject", "标题"), Field("reporter", "反映人", sensitive=True))
    with pytest.raises(ValueError, match="unique"):
        Register("x", "x", "org", Tip, fields, lambda t: "", "subject", unique=(("reporter",),))
    with pytest.raises(ValueError, match="sort"):
        Register("x", "x", "org", Tip, fields, lambda t: "", "reporter")


# ---- what each role sees ------------------------------------------------------------------------
def test_staff_sees_restricted_and_a_secretary_sees_the_value_with_an_audit_entry(db: Database) -> None:
    secretary = service(db, "sec", "secretary")
    row_id = secretary.save(TIPS, {"subject": "某村账目不清", "reporter": REPORTER, "phone": PHONE})

    staff = service(db, "staff1", "staff")
    assert staff.rows(TIPS, [row_id])[row_id]["reporter"] == RESTRICTED
    got = staff.get(TIPS, row_id)
    assert got["reporter"] == RESTRICTED and got["phone"] == RESTRICTED
    assert got["subject"] == "某村账目不清"
    assert audit_entries(db, audit.VIEW_SENSITIVE) == []  # nothing was seen

    assert secretary.rows(TIPS, [row_id])[row_id]["reporter"] == REPORTER
    assert audit_entries(db, audit.VIEW_SENSITIVE) == []  # the list is not a look at one record
    got = secretary.get(TIPS, row_id)
    assert (got["reporter"], got["phone"]) == (REPORTER, PHONE)
    views = audit_entries(db, audit.VIEW_SENSITIVE)
    assert len(views) == 1
    assert (views[0].actor, views[0].target_table, views[0].target_id) == ("sec", "test_tips", row_id)
    assert views[0].fields == ["phone", "reporter"]
    secretary.get(TIPS, row_id)
    assert len(audit_entries(db, audit.VIEW_SENSITIVE)) == 2  # one per opening


def test_the_system_name_and_a_role_without_the_key_see_restricted(db: Database) -> None:
    row_id = service(db, "sec", "secretary").save(TIPS, {"subject": "甲", "reporter": REPORTER})
    assert RecordService(OpContext.system(db, "system")).get(TIPS, row_id)["reporter"] == RESTRICTED
    # a role that may read sensitive fields, but whose slot did not give the key
    assert (
        RecordService(OpContext(db, Actor("sec", "secretary", None))).get(TIPS, row_id)["reporter"]
        == RESTRICTED
    )
    # a key in the hands of a role that may not read: still restricted
    assert (
        RecordService(OpContext(db, Actor("staff1", "staff", KEY))).get(TIPS, row_id)["reporter"]
        == RESTRICTED
    )


def test_without_the_key_a_sensitive_value_cannot_be_set(db: Database) -> None:
    staff = service(db, "staff1", "staff")
    with pytest.raises(ValidationError) as caught:
        staff.save(TIPS, {"subject": "乙", "reporter": "李四"})
    assert str(caught.value.errors["reporter"]) == "当前用户无权查看或填写「反映人」（敏感信息）。"

    row_id = service(db, "sec", "secretary").save(
        TIPS, {"subject": "乙", "reporter": REPORTER, "phone": PHONE}
    )
    with db.session() as s:
        token_before = s.get(Tip, row_id).reporter  # type: ignore[union-attr]
    with pytest.raises(ValidationError):
        staff.save(TIPS, {"reporter": "李四"}, row_id)
    # what the form sends back for a field it showed as （受限）, or an empty one, keeps the value
    staff.save(TIPS, {"subject": "乙（改）", "reporter": RESTRICTED, "phone": ""}, row_id)
    staff.save(TIPS, {"subject": "乙（再改）"}, row_id)
    with db.session() as s:
        assert s.get(Tip, row_id).reporter == token_before  # type: ignore[union-attr]
    got = service(db, "sec", "secretary").get(TIPS, row_id)
    assert (got["subject"], got["reporter"], got["phone"]) == ("乙（再改）", REPORTER, PHONE)


def test_sensitive_values_are_validated_as_plaintext(db: Database) -> None:
    secretary = service(db, "sec", "secretary")
    with pytest.raises(ValidationError) as caught:
        secretary.save(TIPS, {"subject": "丙", "reporter": "长" * 21, "phone": "abc"})
    assert set(caught.value.errors) == {"reporter", "phone"}
    row_id = secretary.save(TIPS, {"subject": "丙", "reporter": "长" * 20})
    secretary.save(TIPS, {"subject": "丙二"}, row_id)  # the stored token is not measured
    assert secretary.get(TIPS, row_id)["reporter"] == "长" * 20


def test_readonly_cannot_save_delete_or_restore(db: Database) -> None:
    row_id = service(db, "sec", "secretary").save(TIPS, {"subject": "丁"})
    readonly = service(db, "ro", "readonly")
    with pytest.raises(PermissionDenied) as caught:
        readonly.save(TIPS, {"subject": "戊"})
    assert str(caught.value) == "当前用户没有「录入和修改」的权限。"
    with pytest.raises(PermissionDenied):
        readonly.save(TIPS, {"subject": "丁二"}, row_id)
    with pytest.raises(PermissionDenied):
        readonly.delete(TIPS, row_id)
    service(db, "staff1", "staff").delete(TIPS, row_id)
    with pytest.raises(PermissionDenied):
        readonly.restore(TIPS, row_id)
    assert readonly.get(TIPS, row_id)["subject"] == "丁"  # reading needs no permission
    assert readonly.ids(TIPS, ListQuery(include_deleted=True)) == [row_id]


# ---- where the value never goes -----------------------------------------------------------------
def test_the_raw_database_holds_no_plaintext_of_a_sensitive_value(db: Database, tmp_path: Path) -> None:
    if not db.url.startswith("sqlite"):
        pytest.skip("the server keeps its own files")
    secretary = service(db, "sec", "secretary")
    row_id = secretary.save(TIPS, {"subject": "某镇低保核查", "reporter": REPORTER, "phone": PHONE})
    secretary.save(TIPS, {"reporter": REPORTER + "（补充）"}, row_id)
    secretary.get(TIPS, row_id)
    db.close()  # everything on disk, the write-ahead log included
    files = list(tmp_path.glob("test.db*"))  # the database, its write-ahead log and index
    assert files
    blob = b"".join(p.read_bytes() for p in files)
    assert "某镇低保核查".encode() in blob  # the test can see plaintext where there is some
    for secret in (REPORTER, PHONE, "（补充）"):
        assert secret.encode("utf-8") not in blob
        assert secret.encode("utf-16-le") not in blob
    assert b"enc:v1:" in blob


def test_change_log_and_history_hold_the_field_name_but_no_value(db: Database) -> None:
    secretary = service(db, "sec", "secretary")
    row_id = secretary.save(TIPS, {"subject": "己", "reporter": REPORTER})
    secretary.save(TIPS, {"reporter": "另一人"}, row_id)
    secretary.save(TIPS, {"reporter": ""}, row_id)
    with db.session() as s:
        logged = [
            e.changes
            for e in s.scalars(select(ChangeLog).where(ChangeLog.row_id == row_id).order_by(ChangeLog.seq))
        ]
        entries = list(s.scalars(select(audit.AuditEntry).where(audit.AuditEntry.target_id == row_id)))
    assert logged[0]["reporter"] == [None, ENCRYPTED]
    assert logged[0]["phone"] == [None, ""]  # empty: nothing to hide
    assert logged[1] == {"reporter": [ENCRYPTED, ENCRYPTED]}
    assert logged[2] == {"reporter": [ENCRYPTED, ""]}
    text = repr(logged) + repr([(e.fields, e.detail) for e in entries])
    assert REPORTER not in text and "另一人" not in text and "enc:v1:" not in text
    assert [e.fields for e in entries if e.action == audit.UPDATE] == [["reporter"], ["reporter"]]
    history = secretary.history(TIPS, row_id)
    assert history[1].changes == (("反映人", ENCRYPTED, ENCRYPTED),)


def test_a_save_that_does_not_change_a_sensitive_value_keeps_its_token(db: Database) -> None:
    secretary = service(db, "sec", "secretary")
    row_id = secretary.save(TIPS, {"subject": "庚", "reporter": REPORTER})
    form_values = secretary.get(TIPS, row_id)
    del form_values["__deleted__"]
    secretary.save(TIPS, {**form_values, "subject": "庚二"}, row_id)
    with db.session() as s:
        last = s.scalars(
            select(ChangeLog).where(ChangeLog.row_id == row_id).order_by(ChangeLog.seq.desc())
        ).first()
    assert last is not None and last.changes == {"subject": ["庚", "庚二"]}


def test_sensitive_fields_are_never_searched_filtered_or_sorted(db: Database) -> None:
    secretary = service(db, "sec", "secretary")
    first = secretary.save(TIPS, {"subject": "乙事", "reporter": "赵甲"})
    second = secretary.save(TIPS, {"subject": "甲事", "reporter": "钱乙"})
    assert secretary.ids(TIPS, ListQuery(search="赵甲")) == []
    assert secretary.ids(TIPS, ListQuery(search="甲事")) == [second]
    assert secretary.count(TIPS, ListQuery(filters={"reporter": "赵甲"})) == 2  # ignored
    assert secretary.ids(TIPS) == [first, second]  # 乙 before 甲 in code point order
    assert secretary.ids(TIPS, ListQuery(sort="reporter")) == [first, second]  # the default order


def test_a_moved_or_altered_token_shows_as_unreadable(db: Database) -> None:
    secretary = service(db, "sec", "secretary")
    a = secretary.save(TIPS, {"subject": "甲", "reporter": REPORTER})
    b = secretary.save(TIPS, {"subject": "乙", "reporter": "另一人"})
    with db.session() as s:
        token_a = s.get(Tip, a).reporter  # type: ignore[union-attr]
        s.execute(update(Tip).where(Tip.id == b).values(reporter=token_a))  # copied to another record
        s.execute(update(Tip).where(Tip.id == a).values(reporter=token_a[:-6] + "AAAAAA"))  # altered
    rows = secretary.rows(TIPS, [a, b])
    assert rows[a]["reporter"] == UNREADABLE and rows[b]["reporter"] == UNREADABLE
    assert secretary.get(TIPS, a)["reporter"] == UNREADABLE
    # saving the form as shown keeps what is stored; typing a new value replaces it
    secretary.save(TIPS, {"subject": "甲二", "reporter": UNREADABLE}, a)
    assert secretary.get(TIPS, a)["reporter"] == UNREADABLE
    secretary.save(TIPS, {"reporter": "重新录入"}, a)
    assert secretary.get(TIPS, a)["reporter"] == "重新录入"


def test_a_value_stored_before_the_field_became_sensitive_is_sealed_at_the_next_save(db: Database) -> None:
    secretary = service(db, "sec", "secretary")
    row_id = secretary.save(TIPS, {"subject": "壬"})
    with db.session() as s:
        s.execute(update(Tip).where(Tip.id == row_id).values(reporter="旧明文"))
    assert secretary.get(TIPS, row_id)["reporter"] == "旧明文"
    assert service(db, "staff1", "staff").get(TIPS, row_id)["reporter"] == RESTRICTED
    values = secretary.get(TIPS, row_id)
    del values["__deleted__"]
    secretary.save(TIPS, values, row_id)
    with db.session() as s:
        assert sensitive.is_sealed(s.get(Tip, row_id).reporter)  # type: ignore[union-attr]


# ---- secrecy and audience -----------------------------------------------------------------------
def test_audience_text_is_normalised() -> None:
    assert parse_audience(" a，b、c;; a  d ") == ["a", "b", "c", "d"]
    assert normalise_audience("a，b") == "a,b"
    assert in_audience("", "x") and in_audience("a,x", "x") and not in_audience("a,b", "x")


def test_a_user_outside_the_audience_does_not_see_the_record(db: Database) -> None:
    secretary = service(db, "sec", "secretary")
    open_id = secretary.save(TIPS, {"subject": "公开", "secrecy": "internal"})
    limited = secretary.save(TIPS, {"subject": "限定", "secrecy": "work_secret", "audience": "staff1， sec"})
    assert secretary.get(TIPS, limited)["audience"] == "staff1,sec"

    staff1, staff2 = service(db, "staff1", "staff"), service(db, "staff2", "staff")
    admin = service(db, "admin", "admin")
    assert set(staff1.ids(TIPS)) == {open_id, limited}
    for outsider in (staff2, admin):  # administrators too
        assert outsider.ids(TIPS) == [open_id]
        assert outsider.count(TIPS) == 1
        assert outsider.ids(TIPS, ListQuery(search="限定")) == []
        assert list(outsider.rows(TIPS, [open_id, limited])) == [open_id]
        with pytest.raises(NotInAudience) as caught:
            outsider.get(TIPS, limited)
        assert "知悉范围" in str(caught.value)
        assert isinstance(caught.value, PermissionDenied)
        with pytest.raises(NotInAudience):
            outsider.save(TIPS, {"subject": "改"}, limited)
        with pytest.raises(NotInAudience):
            outsider.delete(TIPS, limited)
        with pytest.raises(NotInAudience):
            outsider.history(TIPS, limited)
    assert staff1.get(TIPS, limited)["subject"] == "限定"
    assert set(RecordService(OpContext.system(db, "system")).ids(TIPS)) == {
        open_id,
        limited,
    }  # the system (dump, backup)


def test_whoever_sets_an_audience_is_in_it_and_names_must_be_users(db: Database) -> None:
    staff1 = service(db, "staff1", "staff")
    row_id = staff1.save(TIPS, {"subject": "辛", "audience": "sec"})
    assert staff1.get(TIPS, row_id)["audience"] == "sec,staff1"
    with pytest.raises(ValidationError) as caught:
        staff1.save(TIPS, {"subject": "辛", "audience": "sec, nobody"})
    assert str(caught.value.errors["audience"]) == "知悉范围中有不存在的用户：nobody"
    with pytest.raises(ValidationError) as caught:
        staff1.save(TIPS, {"subject": "辛", "secrecy": "top"})
    assert "secrecy" in caught.value.errors
    staff1.save(TIPS, {"audience": ""}, row_id)
    assert service(db, "staff2", "staff").get(TIPS, row_id)["audience"] == ""


def test_a_person_made_from_a_limited_clue_is_limited_alike(db: Database) -> None:
    """The person register names who is reported on: a person made from a clue with an audience
    is seen by that audience only."""
    secretary = service(db, "sec", "secretary")
    service(db, "staff1", "staff")
    clues, people = get_register("clues"), get_register("people")
    clue = secretary.save(clues, {"source": "petition", "received_on": "2022-03-01", "subject_name": "郭某",
                                  "secrecy": "work_secret", "audience": "staff1"}, confirmed=True)  # fmt: skip
    person = secretary.get(clues, clue)["person_id"]
    assert secretary.get(people, person)["audience"] == "staff1,sec"
    outsider = service(db, "staff2", "staff")
    assert person not in outsider.ids(people)
    assert person in service(db, "staff1", "staff").ids(people)
