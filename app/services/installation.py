"""Creating an installation: what unit it is, and its administrator."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select

from app.db.database import Database, InstallationInfo
from app.db.local import Installation, User
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.org import Staff, Unit, unit_row_id
from app.registers.org import CODE_PATTERN, POSTS_BY_UNIT_TYPE
from app.security import audit
from app.services import first_run
from app.services.accounts import ROLE_ADMIN, check_password_policy, hash_password
from app.text_rules import single_line_problem

INSTALL_TYPES = ("county", "township", "group")
USERNAME_PATTERN = r"[A-Za-z0-9_.-]{2,64}"


class SetupError(Exception):
    """The set-up values are not acceptable; ``messages`` says why, field by field."""

    def __init__(self, messages: dict[str, Message]) -> None:
        super().__init__("; ".join(str(m) for m in messages.values()))
        self.messages = messages


@dataclass(frozen=True)
class SetupRequest:
    unit_type: str
    unit_code: str
    unit_name: str
    county_code: str
    county_name: str
    admin_username: str
    admin_password: str
    # The administrator as a staff member of the unit (承办人 lists are not empty on day one):
    # both given, or neither.
    admin_name: str = ""
    admin_post: str = ""
    # The starting 办理期限设置 and 检查事项设置 (``first_run.prefill``): asked for by the set-up
    # wizard and ``init``; not for an installation made from the county's enrolment package,
    # which brings the county's own, nor for the demo, which enters its county's.
    prefill: bool = False

    def problems(self) -> dict[str, Message]:
        p: dict[str, Message] = {}
        if self.unit_type not in INSTALL_TYPES:
            p["unit_type"] = Message(
                QT_TRANSLATE_NOOP("app", "请选择本机是县纪委监委、乡镇纪委还是派驻纪检监察组。")
            )
        for key, value, label in (
            ("unit_code", self.unit_code, QT_TRANSLATE_NOOP("app", "单位代码")),
            ("county_code", self.county_code, QT_TRANSLATE_NOOP("app", "县代码")),
        ):
            if not re.fullmatch(CODE_PATTERN, value or ""):
                p[key] = Message(
                    QT_TRANSLATE_NOOP("app", "「{label}」只能用字母、数字、下划线和连字符，1 到 32 位。"),
                    {"label": label},
                )
        for key, value, label in (
            ("unit_name", self.unit_name, QT_TRANSLATE_NOOP("app", "单位名称")),
            ("county_name", self.county_name, QT_TRANSLATE_NOOP("app", "县名称")),
        ):
            if not (value or "").strip():
                p[key] = Message(QT_TRANSLATE_NOOP("app", "「{label}」不能为空。"), {"label": label})
            elif (control := single_line_problem(value, label)) is not None:
                p[key] = control
            elif len(value) > 100:
                p[key] = Message(
                    QT_TRANSLATE_NOOP("app", "「{label}」最多 {n} 个字。"), {"label": label, "n": "100"}
                )
        if not re.fullmatch(USERNAME_PATTERN, self.admin_username or ""):
            p["admin_username"] = Message(
                QT_TRANSLATE_NOOP("app", "管理员用户名只能用字母、数字和 . _ -，2 到 64 位。")
            )
        bad = check_password_policy(self.admin_password or "")
        if bad is not None:
            p["admin_password"] = bad
        name, post = (self.admin_name or "").strip(), self.admin_post or ""
        if name or post:
            label = QT_TRANSLATE_NOOP("app", "姓名")
            if not name:
                p["admin_name"] = Message(QT_TRANSLATE_NOOP("app", "选了岗位，请同时填写姓名。"))
            elif (control := single_line_problem(name, label)) is not None:
                p["admin_name"] = control
            elif len(name) > 64:
                p["admin_name"] = Message(
                    QT_TRANSLATE_NOOP("app", "「{label}」最多 {n} 个字。"), {"label": label, "n": "64"}
                )
            if post not in POSTS_BY_UNIT_TYPE.get(self.unit_type, ()):
                p["admin_post"] = Message(QT_TRANSLATE_NOOP("app", "请选择本人在本单位的岗位。"))
        return p


def is_initialised(db: Database) -> bool:
    return db.installation() is not None


def initialise(db: Database, req: SetupRequest) -> InstallationInfo:
    """Write the installation's identity, its own unit record and its administrator."""
    problems = req.problems()
    if db.installation() is not None:
        problems["unit_code"] = Message(QT_TRANSLATE_NOOP("app", "本数据目录已经初始化，不能再次初始化。"))
    if problems:
        raise SetupError(problems)
    unit_code, unit_name = req.unit_code, req.unit_name.strip()
    with db.session(user=req.admin_username, unit=unit_code) as s:
        s.add(
            Installation(
                unit_code=unit_code,
                unit_type=req.unit_type,
                unit_name=unit_name,
                county_code=req.county_code,
                county_name=req.county_name.strip(),
                admin_username=req.admin_username,
            )
        )
        admin_name = req.admin_name.strip()
        s.add(
            User(
                username=req.admin_username,
                full_name=admin_name,
                role=ROLE_ADMIN,
                password_hash=hash_password(req.admin_password),
            )
        )
        audit.record(s, audit.INSTALL, detail=f"{req.unit_type} {unit_code}")
        exists = s.scalars(select(Unit).where(Unit.code == unit_code, Unit.deleted.is_(False))).first()
        unit_id = exists.id if exists is not None else unit_row_id(req.county_code, unit_code)
        if exists is None:
            # 核定编制 stays empty (未填) until someone enters it: no figure nobody gave.
            s.add(
                Unit(
                    id=unit_id,
                    code=unit_code,
                    name=unit_name,
                    unit_type=req.unit_type,
                    authorised_posts=None,
                    note="",
                )
            )
            s.flush()
        if admin_name:
            s.add(Staff(name=admin_name, unit_id=unit_id, post=req.admin_post, note=""))
        if req.prefill:
            first_run.prefill(s, unit_code)
    db.forget_installation()
    info = db.installation()
    assert info is not None
    return info
