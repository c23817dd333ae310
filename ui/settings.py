"""Window settings (layout, font size, last choices) in an ini file inside the data folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

DEFAULT_FONT_POINT_SIZE = 11
FONT_SIZES = (9, 10, 11, 12, 14, 16, 18, 20)


def open_settings(data_dir: Path) -> QSettings:
    """Settings of this installation's window: never the user's global Qt settings."""
    data_dir.mkdir(parents=True, exist_ok=True)
    return QSettings(str(data_dir / "window.ini"), QSettings.Format.IniFormat)
