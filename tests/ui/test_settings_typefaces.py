"""The settings' typefaces of printed documents: office fonts found, previews, the choice kept."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFontDatabase
from pytestqt.qtbot import QtBot

from app.config import read_pdf_fonts
from app.reports import fonts
from ui.dialogs.settings_dialog import SettingsDialog


@pytest.fixture(autouse=True)
def shipped_faces() -> Iterator[None]:
    fonts.configure({}, dirs=[])
    yield
    fonts.configure({}, dirs=[])


def test_each_role_offers_the_office_font_with_a_preview_and_the_choice_is_kept(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    windows = tmp_path / "Windows" / "Fonts"
    windows.mkdir(parents=True)
    shutil.copy(fonts.FONTS_DIR / "UKaiCN-GB.ttf", windows / "simsun.ttc")
    shutil.copy(fonts.FONTS_DIR / "NotoSansSC-Medium-GB.ttf", windows / "SIMHEI.TTF")
    data_dir = tmp_path / "data"
    dialog = SettingsDialog(settings, data_dir=data_dir, font_dirs=[windows])
    qtbot.addWidget(dialog)
    body = dialog.face_pickers[fonts.BODY]
    items = [body.combo.itemText(i) for i in range(body.combo.count())]
    assert items[0] == "自动（宋体）" and "宋体（simsun.ttc）" in items
    assert items[1] == "程序自带：" + fonts.SHIPPED[fonts.BODY].label
    # The preview is drawn in the face the entry means: here the "宋体" of this PC (a copy of
    # AR PL UKai), without adding it to the window's fonts.
    assert body.preview.family() == "AR PL UKai CN" and not body.problem.isVisibleTo(dialog)
    assert "AR PL UKai CN" not in QFontDatabase.families()
    body.preview.grab()  # it paints
    title = dialog.face_pickers[fonts.TITLE]
    assert title.combo.currentText().startswith("自动（Noto Serif SC Black")  # no 方正小标宋 here
    body.combo.setCurrentIndex(body.combo.findData(fonts.BUNDLED))
    assert body.preview.family() == "Noto Serif CJK SC"
    title.choose_file(windows / "SIMHEI.TTF")  # 其他字体文件…
    dialog.accept()
    kept = read_pdf_fonts(data_dir)
    assert kept[fonts.BODY] == fonts.BUNDLED and kept[fonts.HEITI] == fonts.AUTO
    assert kept[fonts.TITLE] == str(windows / "SIMHEI.TTF")
    # Printing now uses the choice: the shipped 宋体, this PC's 黑体, the chosen title file.
    chosen = fonts.faces()
    assert chosen[fonts.BODY] == fonts.SHIPPED[fonts.BODY]
    assert chosen[fonts.HEITI].path == windows / "SIMHEI.TTF"
    assert chosen[fonts.TITLE].path == windows / "SIMHEI.TTF"
    # Opened again, the dialog shows what was kept.
    again = SettingsDialog(settings, data_dir=data_dir, font_dirs=[windows])
    qtbot.addWidget(again)
    assert again.chosen_typefaces() == kept


def test_a_font_that_cannot_be_embedded_is_flagged(qtbot: QtBot, settings: QSettings, tmp_path: Path) -> None:
    windows = tmp_path / "Fonts"
    windows.mkdir()
    (windows / "simkai.ttf").write_bytes(b"not a font")
    dialog = SettingsDialog(settings, data_dir=tmp_path / "data", font_dirs=[windows])
    qtbot.addWidget(dialog)
    kai = dialog.face_pickers[fonts.KAITI]
    assert kai.problem.isVisibleTo(dialog) and "程序自带" in kai.problem.text()
    assert kai.preview.family() == ""  # the window's font: the file is not a font
    assert not kai.preview.grab().isNull()
