"""What an operating system error (a full disk, a folder where a file was meant, no right to
write) means, said in Chinese: for the command line's one-line refusals and any caller that must
not show the system's English words alone.

``describe(exc)`` turns an ``OSError`` into a ``Message``; ``is_disk_full(exc)`` also knows
SQLite's "database or disk is full" (raw or wrapped by SQLAlchemy); ``failure_message(exc)``
is the message for any of them, or None for other exceptions. No Qt here.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from app.i18n import QT_TRANSLATE_NOOP, Message

DISK_FULL = QT_TRANSLATE_NOOP("app", "磁盘空间不足。请清理磁盘或换一个位置后重试。")
DISK_FULL_SQLITE = 13  # SQLITE_FULL

_BY_ERRNO = {
    errno.ENOSPC: DISK_FULL,
    errno.EDQUOT: QT_TRANSLATE_NOOP("app", "磁盘配额已用完。请清理文件或换一个位置后重试。"),
    errno.EACCES: QT_TRANSLATE_NOOP("app", "没有权限读写这个位置。请换一个位置，或请管理员开放权限。"),
    errno.EPERM: QT_TRANSLATE_NOOP("app", "没有权限读写这个位置。请换一个位置，或请管理员开放权限。"),
    errno.EROFS: QT_TRANSLATE_NOOP("app", "这个位置所在的磁盘是只读的，无法写入。请换一个位置。"),
    errno.ENOENT: QT_TRANSLATE_NOOP("app", "找不到这个文件或文件夹。"),
    errno.EISDIR: QT_TRANSLATE_NOOP("app", "这是一个文件夹，这里需要的是文件。"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("app", "路径中有一段是文件，不是文件夹。"),
    errno.EEXIST: QT_TRANSLATE_NOOP("app", "这个位置已经有同名的文件或文件夹。"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("app", "文件名或路径太长。"),
    errno.EIO: QT_TRANSLATE_NOOP("app", "读写磁盘时出错（输入/输出错误）。请检查磁盘或 U 盘。"),
    errno.EBUSY: QT_TRANSLATE_NOOP("app", "这个文件或文件夹正被其他程序使用。"),
    errno.EMFILE: QT_TRANSLATE_NOOP("app", "打开的文件太多，系统拒绝再打开。请关闭一些程序后重试。"),
    errno.ENODEV: QT_TRANSLATE_NOOP("app", "找不到这个设备（U 盘可能已拔出）。"),
    errno.ENXIO: QT_TRANSLATE_NOOP("app", "找不到这个设备（U 盘可能已拔出）。"),
    errno.EFBIG: QT_TRANSLATE_NOOP(
        "app", "文件太大，这个磁盘放不下（U 盘的 FAT32 格式单个文件不能超过 4 GB）。"
    ),
    errno.ENOTEMPTY: QT_TRANSLATE_NOOP("app", "这个文件夹不是空的。"),
    errno.EXDEV: QT_TRANSLATE_NOOP("app", "不能在两个磁盘之间直接移动文件。请换一个位置。"),
    errno.EINVAL: QT_TRANSLATE_NOOP("app", "文件名或路径不可用（可能含有这个磁盘不允许的字符）。"),
    errno.ETXTBSY: QT_TRANSLATE_NOOP("app", "这个文件正被其他程序使用。"),
    errno.ELOOP: QT_TRANSLATE_NOOP("app", "路径中的链接绕成了圈，无法打开。"),
    errno.ETIMEDOUT: QT_TRANSLATE_NOOP("app", "读写超时（网络位置或设备没有响应）。请检查后重试。"),
}
# Any other error by its code (ENOLINK …), never the system's English words.
OTHER = QT_TRANSLATE_NOOP("app", "读写文件失败（系统错误 {code}）。")
AT_PATH = QT_TRANSLATE_NOOP("app", "{what}位置：{path}")


def describe(exc: OSError, *, with_path: bool = True) -> Message:
    """``exc`` in Chinese, naming the path it concerns when it names one (and ``with_path``)."""
    template = _BY_ERRNO.get(exc.errno or 0)
    if template is not None:
        what = Message(template)
    else:
        code = errno.errorcode.get(exc.errno or 0, str(exc.errno or "?"))
        what = Message(OTHER, {"code": code})
    if exc.filename is None or not with_path:
        return what
    return Message(AT_PATH, {"what": what, "path": os.fsdecode(exc.filename)})


def is_disk_full(exc: BaseException) -> bool:
    """A full disk: ``ENOSPC``/``EDQUOT``, or SQLite's SQLITE_FULL (directly from the driver or
    wrapped by SQLAlchemy as ``exc.orig``)."""
    for e in (exc, getattr(exc, "orig", None)):
        if isinstance(e, OSError) and e.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if (
            e is not None
            and type(e).__name__ == "OperationalError"
            and (getattr(e, "sqlite_errorcode", None) == DISK_FULL_SQLITE or "disk is full" in str(e))
        ):
            return True
    return False


_SQLITE = (  # the driver's first words -> what they mean
    ("disk I/O error", QT_TRANSLATE_NOOP("app", "读写数据库文件时磁盘出错。请检查磁盘空间和磁盘本身。")),
    ("database disk image is malformed", QT_TRANSLATE_NOOP("app", "数据库文件已损坏。请从备份恢复。")),
    ("file is not a database", QT_TRANSLATE_NOOP("app", "数据库文件已损坏，或不是本程序的数据库。")),
    (
        "unable to open database file",
        QT_TRANSLATE_NOOP("app", "无法打开数据库文件。请检查数据目录是否存在、是否有权限。"),
    ),
    ("attempt to write a readonly database", QT_TRANSLATE_NOOP("app", "数据库文件是只读的，无法写入。")),
)
LOW_SPACE = 1 << 20  # bytes free under which a database's I/O error is taken for a full disk


def database_failure(exc: BaseException, folder: Path | None = None) -> Message | None:
    """A database error said in Chinese (a full disk; the embedded database's usual I/O failures,
    taken for a full disk when ``folder`` has almost no space left); None when not known."""
    if is_disk_full(exc):
        return Message(DISK_FULL)
    text = str(getattr(exc, "orig", None) or exc)
    for words, template in _SQLITE:
        if words in text:
            if words == "disk I/O error" and folder is not None and _low_space(folder):
                return Message(DISK_FULL)
            return Message(template)
    return None


def _low_space(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE
    except OSError:
        return False


def failure_message(exc: BaseException) -> Message | None:
    """The message for an OS error or a full disk (the database's too); None otherwise."""
    if isinstance(exc, OSError):
        return describe(exc)
    if is_disk_full(exc):
        return Message(DISK_FULL)
    return None
