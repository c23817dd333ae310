"""The window says a failed file operation in Chinese (the task's message box text), never the
system's English words alone nor "unexpected error" for a full disk."""

from __future__ import annotations

import errno
import os
import sqlite3

from pytestqt.qtbot import QtBot

from ui.tasks import describe_error


def test_os_errors_and_a_full_database_are_said_in_chinese(qtbot: QtBot) -> None:
    folder = IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), "/media/usb/备份")
    text, expected = describe_error(folder)
    assert expected and "文件夹" in text and "/media/usb/备份" in text and "Is a directory" not in text
    text, expected = describe_error(OSError(errno.EROFS, os.strerror(errno.EROFS), "/media/cd"))
    assert expected and "只读" in text
    text, expected = describe_error(sqlite3.OperationalError("database or disk is full"))
    assert expected and "磁盘空间不足" in text
