"""Translating text that ``app/`` marked with ``QT_TRANSLATE_NOOP``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.i18n import Message


def tr_register(text: str) -> str:
    """Register titles, field labels and choice labels (context "register")."""
    return QCoreApplication.translate("register", text)


def tr_app(text: str) -> str:
    """Other strings marked in app/ (context "app"): messages, yes/no."""
    return QCoreApplication.translate("app", text)


def tr_value(text: str) -> str:
    """A displayed value that may be a marked label (choice, yes/no) or plain data."""
    out = QCoreApplication.translate("register", text)
    if out == text:
        out = QCoreApplication.translate("app", text)
    return out


def tr_message(message: Message) -> str:
    return message.render(tr_app, tr_value)
