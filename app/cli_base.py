"""What every command of the command line shares: exit codes, refusals, output, options, and
logging in (``_session_command`` runs a command as the person logged in).

``app.cli`` builds the parser; ``app.cli_users`` and ``app.cli_records`` add their commands to it
with these helpers. This module must not import Qt.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

from app import os_errors
from app.argparse_zh import ChineseParser
from app.config import resolve_data_dir, resolve_db_url
from app.context import Context
from app.db.database import Database, InstallationInfo
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.security.keyslots import KeyFile
from app.services import login as login_service

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

NOT_INITIALISED = QT_TRANSLATE_NOOP("app", "本数据目录尚未初始化，请先运行 init。")


class CliError(Exception):
    """A refusal or failure: exit 1 with this one-line reason on stderr."""

    def __init__(self, message: Message | str) -> None:
        super().__init__(str(message))


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _say(text: str) -> None:
    """A human message (stderr)."""
    print(text, file=sys.stderr)


def _print_json(doc: Any) -> None:
    """The command's one JSON document (stdout)."""
    print(json.dumps(doc, ensure_ascii=False))


# ---- options -------------------------------------------------------------------------------------
# The help of arguments many commands share, by their name (``dest``), when a command gives none.
ARGUMENT_HELP = {
    "json": "以 JSON 输出",
    "out": "写入的文件或文件夹",
    "unit_type": "单位类型",
    "code": "单位代码",
    "name": "名称",
    "register": "登记簿的名称（见 registers 命令）",
    "id": "记录编号",
    "row_id": "记录编号",
    "table": "登记簿（表）的名称",
    "request_id": "变更申请的编号",
    "to": "收件单位代码",
    "reason": "理由",
    "keep": "保留哪一方：local 本机，remote 对方",
    "role": "角色",
    "full_name": "姓名",
    "state": "on 开启，off 关闭",
    "files": "数据包文件",
    "file": "文件",
    "id_number": "身份证号码",
    "unit": "单位代码",
    "post": "职务",
}


class _Parser(ChineseParser):
    """Usage errors exit 2; no abbreviated options (``--password`` must not mean ``--password-file``);
    argparse's own words in Chinese (``app.argparse_zh``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        action = super().add_argument(*args, **kwargs)
        if action.help is None and action.dest in ARGUMENT_HELP:  # the same words for the same argument
            action.help = ARGUMENT_HELP[action.dest]
        return action

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)  # "用法：…"
        self.exit(EXIT_USAGE, f"{self.prog}: 错误：{message}\n")


def _global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """The global options, accepted before the command and (for convenience) after it."""
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--data-dir", metavar="DIR", default=default, help="数据目录（环境变量 JIWEI_DATA_DIR）"
    )
    parser.add_argument(
        "--db", metavar="URL", default=default, help="SQLAlchemy 数据库地址（环境变量 JIWEI_DB_URL）"
    )
    parser.add_argument("--user", metavar="NAME", default=default, help="用户名（默认：init 创建的管理员）")
    parser.add_argument(
        "--password-file",
        metavar="FILE",
        default=default,
        help="密码文件，取第一行（环境变量 JIWEI_PASSWORD_FILE）",
    )


# ---- the installation, the password ----------------------------------------------------------------
NOT_A_FOLDER = QT_TRANSLATE_NOOP("app", "{path} 是一个文件，不是文件夹。请指定一个文件夹。")
NO_SUCH_FOLDER = QT_TRANSLATE_NOOP("app", "找不到文件夹：{path}")


def require_folder(path: Path, *, must_exist: bool = True) -> Path:
    """``path`` as a folder argument: refused when it names a file (or, ``must_exist``, nothing)."""
    if path.exists() and not path.is_dir():
        raise CliError(Message(NOT_A_FOLDER, {"path": str(path)}))
    if must_exist and not path.is_dir():
        raise CliError(Message(NO_SUCH_FOLDER, {"path": str(path)}))
    return path


def _locate(args: argparse.Namespace) -> tuple[Path, str]:
    data_dir = require_folder(resolve_data_dir(args.data_dir), must_exist=False)
    use_pdf_fonts(data_dir)
    return data_dir, resolve_db_url(data_dir, args.db)


def use_pdf_fonts(data_dir: Path) -> None:
    """Print in the typefaces chosen in the settings (kept in the data folder)."""
    from app.config import read_pdf_fonts
    from app.reports import fonts

    fonts.configure(read_pdf_fonts(data_dir))


PASSWORD_FILE = (
    QT_TRANSLATE_NOOP("app", "无法读取密码文件 {path}：{reason}"),
    QT_TRANSLATE_NOOP("app", "密码文件 {path} 的第一行是空的。"),
)
PASSPHRASE_FILE = (
    QT_TRANSLATE_NOOP("app", "无法读取口令文件 {path}：{reason}"),
    QT_TRANSLATE_NOOP("app", "口令文件 {path} 的第一行是空的。"),
)


def _read_reason(exc: OSError | UnicodeDecodeError) -> Message:
    """Why a text file could not be read, in Chinese."""
    if isinstance(exc, OSError):
        return os_errors.describe(exc, with_path=False)
    return Message(QT_TRANSLATE_NOOP("app", "不是 UTF-8 编码的文本文件。"))


def read_first_line(path: str | Path, messages: tuple[str, str] = PASSWORD_FILE) -> str:
    """The first line of a secret's file (a password or passphrase is never an argument); a file
    that cannot be read or starts with an empty line is refused with ``messages``."""
    unreadable, empty = messages
    try:
        lines = Path(path).expanduser().read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(Message(unreadable, {"path": str(path), "reason": _read_reason(exc)})) from None
    if not lines or not lines[0]:
        raise CliError(Message(empty, {"path": str(path)}))
    return lines[0]


def _read_password(args: argparse.Namespace, *, confirm: bool = False) -> str:
    path = args.password_file or os.environ.get("JIWEI_PASSWORD_FILE")
    if path:
        return read_first_line(path)
    if not sys.stdin.isatty():
        raise CliError(
            Message(
                QT_TRANSLATE_NOOP(
                    "app", "没有提供密码：请用 --password-file 或环境变量 JIWEI_PASSWORD_FILE 指定密码文件。"
                )
            )
        )
    password = getpass.getpass("密码：")
    if confirm and getpass.getpass("再输入一次密码：") != password:
        raise CliError(Message(QT_TRANSLATE_NOOP("app", "两次输入的密码不一致。")))
    return password


def _open_as_user(args: argparse.Namespace) -> Context:
    """Log in to the installation (exit 1 when not set up or refused; the database is untouched)."""
    data_dir, url = _locate(args)
    current = login_service.state(data_dir, url)
    if current == "new":
        raise CliError(Message(NOT_INITIALISED))
    username = args.user
    if not username and KeyFile.exists(data_dir):
        username = KeyFile.load(data_dir).admin
    if not username:  # a database from before encryption: its administrator
        probe = Database(url, data_dir)
        try:
            username = _info(probe).admin_username
        finally:
            probe.close()
    password = _read_password(args)
    try:
        opened = login_service.login(data_dir, url, username, password)
    except login_service.LoginError as exc:
        raise CliError(exc.message) from None
    if opened.recovery_key:
        _say(
            str(
                Message(
                    QT_TRANSLATE_NOOP(
                        "app", "数据库已加密。恢复密钥（请抄写并妥善保管，只显示这一次）：{key}"
                    ),
                    {"key": opened.recovery_key},
                )
            )
        )
    if opened.upgrade is not None:
        _say(str(opened.upgrade.notice()))
    return opened


def _info(db: Database) -> InstallationInfo:
    info = db.installation()
    if info is None:
        raise CliError(Message(NOT_INITIALISED))
    return info


def _session_command(
    func: Callable[[Context, argparse.Namespace], int],
) -> Callable[[argparse.Namespace], int]:
    """Open the initialised installation, log in, run ``func(ctx, args)`` as the person logged
    in, close. The operations ``func`` calls check the person's permissions themselves."""

    def run(args: argparse.Namespace) -> int:
        ctx = _open_as_user(args)
        try:
            return func(ctx, args)
        finally:
            ctx.db.close()

    run.__name__ = func.__name__
    run.__doc__ = func.__doc__
    return run


class UsageError(Exception):
    """Options that argparse cannot express (exit 2, with the usage line)."""
