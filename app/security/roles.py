"""Roles, what each may do, and the acting user every service call carries.

Separation of management duties (三员分立, GB/T 22239) is a setting the county sets for every
installation (``app.models.policy.CountyPolicy``). With it on, the auditor alone views and verifies
the audit log, and the administrators keep accounts, backups, exchange and units but lose sealed
fields and register edits (``permissions(role, separated=True)``). Off, ``ROLES`` holds as written.
The key slots follow the table with separation off (``permissions(role)``): the setting arrives by
bundle, when nobody's password is at hand to seal a slot again, so the log-in withholds the
sensitive-field key instead (``app.services.login``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.i18n import QT_TRANSLATE_NOOP, Message

# Permissions
MANAGE_USERS = "manage_users"  # create users, set roles, reset passwords
EXCHANGE = "exchange"  # export and import bundles
VIEW_SENSITIVE = "view_sensitive"  # read sensitive fields (the reporter of a clue, …)
PRINT = "print"
EDIT = "edit"  # create, change and delete register records
BACKUP = "backup"  # make and restore backups
VIEW_AUDIT = "view_audit"  # view and verify the audit log
UNITS = "units"  # the county's units, enrolment and revocation
DEMO = "demo"  # add demo data

ALL = frozenset({MANAGE_USERS, EXCHANGE, VIEW_SENSITIVE, PRINT, EDIT, BACKUP, VIEW_AUDIT, UNITS, DEMO})

# role -> (Chinese label, permissions, which installation types offer it)
ROLES: dict[str, tuple[str, frozenset[str], tuple[str, ...]]] = {
    "admin": (QT_TRANSLATE_NOOP("app", "单位管理员"), ALL, ("county", "township", "group")),
    "secretary": (
        QT_TRANSLATE_NOOP("app", "书记（组长）"),
        ALL - {MANAGE_USERS, UNITS, DEMO},
        ("county", "township", "group"),
    ),
    "staff": (
        QT_TRANSLATE_NOOP("app", "工作人员"),
        frozenset({EDIT, PRINT}),
        ("county", "township", "group"),
    ),
    "readonly": (QT_TRANSLATE_NOOP("app", "只读"), frozenset(), ("county", "township", "group")),
    "county_admin": (QT_TRANSLATE_NOOP("app", "县级管理员"), ALL, ("county",)),
    "reviewer": (
        QT_TRANSLATE_NOOP("app", "审理人员"),
        frozenset({VIEW_SENSITIVE, PRINT, EDIT, VIEW_AUDIT}),
        ("county",),
    ),
    "auditor": (QT_TRANSLATE_NOOP("app", "审计员"), frozenset({VIEW_AUDIT}), ("county", "township", "group")),
}

AUDITOR = "auditor"
# With separation of duties on: what the administrators lose (the audit log goes to the auditor alone).
ADMINISTRATORS = frozenset({"admin", "county_admin"})
NOT_FOR_ADMINISTRATORS = frozenset({VIEW_SENSITIVE, EDIT})

PERMISSION_LABELS = {
    MANAGE_USERS: QT_TRANSLATE_NOOP("app", "管理用户"),
    EXCHANGE: QT_TRANSLATE_NOOP("app", "导出和导入数据包"),
    VIEW_SENSITIVE: QT_TRANSLATE_NOOP("app", "查看敏感信息"),
    PRINT: QT_TRANSLATE_NOOP("app", "打印"),
    EDIT: QT_TRANSLATE_NOOP("app", "录入和修改"),
    BACKUP: QT_TRANSLATE_NOOP("app", "备份和恢复"),
    VIEW_AUDIT: QT_TRANSLATE_NOOP("app", "查看审计日志"),
    UNITS: QT_TRANSLATE_NOOP("app", "管理单位和数据交换登记"),
    DEMO: QT_TRANSLATE_NOOP("app", "添加示范数据"),
}


def permissions(role: str, separated: bool = False) -> frozenset[str]:
    """What ``role`` may do; ``separated``: with the county's separation of duties on."""
    entry = ROLES.get(role)
    if entry is None:
        return frozenset()
    granted = entry[1]
    if separated:
        if role != AUDITOR:
            granted = granted - {VIEW_AUDIT}
        if role in ADMINISTRATORS:
            granted = granted - NOT_FOR_ADMINISTRATORS
    return granted


def role_label(role: str) -> str:
    entry = ROLES.get(role)
    return entry[0] if entry else role


def roles_for(installation_type: str) -> list[str]:
    return [r for r, (_label, _perms, types) in ROLES.items() if installation_type in types]


class PermissionDenied(Exception):
    """The acting user's role does not allow this."""

    def __init__(self, permission: str) -> None:
        self.permission = permission
        self.message = Message(
            QT_TRANSLATE_NOOP("app", "当前用户没有「{what}」的权限。"),
            {"what": PERMISSION_LABELS[permission]},
        )
        super().__init__(str(self.message))


class NotOwner(PermissionDenied):
    """The record belongs to another unit: only its owner changes it (its copy here is read-only)."""

    def __init__(self, owner: str) -> None:
        self.permission = EDIT
        self.owner = owner
        self.message = Message(
            QT_TRANSLATE_NOOP("app", "这条记录属于单位 {owner}，只能由该单位修改；本单位的意见请另行登记。"),
            {"owner": owner},
        )
        Exception.__init__(self, str(self.message))


class CountyOnly(PermissionDenied):
    """Reference data only the county keeps (its units and zones): read-only at a unit."""

    def __init__(self) -> None:
        self.permission = EDIT
        self.message = Message(QT_TRANSLATE_NOOP("app", "这些记录只由县纪委监委维护，本单位只能查看。"))
        Exception.__init__(self, str(self.message))


class CountyScreen(PermissionDenied):
    """A register of the county's own work (留置, 审理): neither listed nor entered at a unit."""

    def __init__(self, title: str) -> None:
        self.permission = EDIT
        self.message = Message(QT_TRANSLATE_NOOP("app", "「{title}」只在县纪委监委使用。"), {"title": title})
        Exception.__init__(self, str(self.message))


@dataclass(frozen=True)
class Actor:
    """Who is acting: user name, role, and the sensitive-field key when the role may hold it.

    ``system``: the program itself (demo builder, migrations, set-up), never a log-in.
    ``separated``: the county's separation of duties was on at log-in (``permissions``).
    """

    username: str
    role: str
    sensitive_key: bytes | None = field(default=None, repr=False)
    system: bool = False
    separated: bool = False

    def can(self, permission: str) -> bool:
        return self.system or permission in permissions(self.role, self.separated)

    def require(self, permission: str) -> None:
        if not self.can(permission):
            raise PermissionDenied(permission)


SYSTEM_ROLE = "system"  # not in ROLES: no account can hold it, so no log-in becomes it
SYSTEM = Actor("system", SYSTEM_ROLE, system=True)


def system_actor(on_behalf_of: str, sensitive_key: bytes | None = None) -> Actor:
    """The program acting in a person's name (the demo builder asked for by them): every
    permission and every unit's records, recorded as theirs."""
    return Actor(on_behalf_of, SYSTEM_ROLE, sensitive_key, system=True)
