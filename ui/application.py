"""The QApplication: bundled CJK font, translation, font size, high-DPI rendering."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QSize, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from ui.settings import DEFAULT_FONT_POINT_SIZE

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
FONT_FILE = RESOURCES / "fonts" / "DroidSansFallbackFull.ttf"
I18N_DIR = RESOURCES / "i18n"
ICON_DIR = RESOURCES / "icons"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)  # packaging/make_icons.py draws each
DESKTOP_FILE_NAME = "jiwei-desk"  # the menu entry's name (packaging/linux), so a desktop shows its icon
LANGUAGES = (("zh_CN", "简体中文"), ("en", "English"))


def register_fonts() -> str:
    """Register the bundled CJK font and return its family name (the machine may have none)."""
    font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise RuntimeError(f"bundled font could not be loaded: {FONT_FILE}")
    return families[0]


def apply_font(app: QApplication, family: str, point_size: int) -> None:
    font = QFont(family, point_size)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    """Load resources/i18n/jiwei_<language>.qm; Chinese is the source language and needs none.

    For Chinese, Qt's own texts (context menus of text fields, standard dialogs) are translated
    with the qtbase catalogue that ships with Qt.
    """
    if language.startswith("zh"):
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
        return None
    translator = QTranslator(app)
    if translator.load(str(I18N_DIR / f"jiwei_{language}.qm")):
        app.installTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return translator
    return None


def font_point_size(settings: QSettings) -> int:
    try:
        return int(settings.value("view/font_size", DEFAULT_FONT_POINT_SIZE))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return DEFAULT_FONT_POINT_SIZE


def create_application(argv: list[str] | None = None) -> QApplication:
    """Create (or return) the QApplication with crisp high-DPI rendering."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("JiweiDesk")
    app.setOrganizationName("JiweiDesk")
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setWindowIcon(application_icon())
    from ui.shortcuts import install_text_key_guard

    install_text_key_guard()  # Ctrl+Z, Ctrl+Insert… in a text box are the text box's own
    return app


def application_icon() -> QIcon:
    """The red seal with 纪 (resources/icons), every size drawn on its own."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(ICON_DIR / f"jiwei-desk-{size}.png"), QSize(size, size))  # sized: read when drawn
    return icon


def configure(app: QApplication, settings: QSettings) -> QTranslator | None:
    """Font, font size and language from this installation's settings."""
    family = register_fonts()
    app.setProperty("jiwei_font_family", family)
    apply_font(app, family, font_point_size(settings))
    translator = install_translator(app, str(settings.value("view/language", "zh_CN")))
    app.setApplicationDisplayName(QCoreApplication.translate("application", "基层纪检监察工作台"))
    return translator
