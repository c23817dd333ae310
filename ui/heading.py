"""A heading: a label in the application's font, bold and scaled (page titles, the log-in's and the
lock screen's big line)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

PAGE_TITLE_SCALE = 1.35


def heading_label(text: str, scale: float = PAGE_TITLE_SCALE, name: str = "") -> QLabel:
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label
