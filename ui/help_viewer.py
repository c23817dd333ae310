"""帮助 → 使用手册 (F1): the user manual, in a window of its own beside the main window.

The manual is HTML in ``resources/help`` (``manual_zh_CN.html``; ``manual_en.html`` when the
interface is English), shown by a QTextBrowser: Qt's rich-text subset, no web view, no network.
Its pictures are in ``resources/help/images`` (copies of ``docs/screenshots``) and travel with the
program (packaging/jiwei.spec collects ``resources/help``). It opens at the section of the page in
front of the user (``section_for_page``); its last section is the shortcut list (帮助 → 快捷键).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.application import RESOURCES

HELP_DIR = RESOURCES / "help"
SHORTCUTS = "shortcuts"  # the section listing the keyboard shortcuts

# The manual's section of each navigation area (app/registers AREAS) and of each page that is not
# a register's list. Anything else opens at the section on the registers in general.
AREA_SECTIONS = {
    "intake": "intake",
    "casework": "casework",
    "sanctions": "sanctions",
    "residency": "residency",
    "inspection": "inspection",
    "education": "education",
    "reporting": "reporting",
    "figures": "figures",
    "org": "org",
    "settings": "settings",
}
PAGE_SECTIONS = {
    "home": "home",
    "integrity": "sanctions",
    "statistics": "figures",
    "coverage": "residency",
    "duties": "figures",
    "staffing": "org",
    "users": "admin",
    "audit": "admin",
    "exchange": "exchange",
}
REGISTERS_SECTION = "registers"


def section_for_page(key: str) -> str:
    """The anchor in the manual for a page of the main window ("register:clues", "exchange" …)."""
    if key.startswith("register:"):
        from app.registers import REGISTERS

        reg = REGISTERS.get(key.split(":", 1)[1])
        return AREA_SECTIONS.get(reg.area, REGISTERS_SECTION) if reg is not None else REGISTERS_SECTION
    return PAGE_SECTIONS.get(key, "")


class HelpWindow(QDialog):
    """The manual: contents at the top, back and forward, find in the text (Ctrl+F)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("使用手册 — 基层纪检监察工作台"))
        self.setModal(False)
        self.resize(860, 680)
        self.browser = QTextBrowser()
        self.browser.setObjectName("manual")
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(False)
        self.browser.setSearchPaths([str(HELP_DIR)])

        self.contents_button = QPushButton(self.tr("目录(&C)"))
        self.contents_button.clicked.connect(lambda: self.show_section(""))
        self.back_button = QPushButton(self.tr("后退(&B)"))
        self.back_button.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.back_button.setEnabled(False)
        self.forward_button = QPushButton(self.tr("前进(&N)"))
        self.forward_button.clicked.connect(self.browser.forward)
        self.browser.forwardAvailable.connect(self.forward_button.setEnabled)
        self.forward_button.setEnabled(False)
        self.find_edit = QLineEdit()
        self.find_edit.setObjectName("manualFind")
        self.find_edit.setPlaceholderText(self.tr("在手册中查找（回车找下一处）"))
        self.find_edit.returnPressed.connect(self.find_next)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        for button in (self.contents_button, self.back_button, self.forward_button):
            button.setAutoDefault(False)

        bar = QHBoxLayout()
        bar.addWidget(self.contents_button)
        bar.addWidget(self.back_button)
        bar.addWidget(self.forward_button)
        bar.addWidget(self.find_edit, 1)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)

        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)  # as in the lists
        self.find_shortcut.activated.connect(self.find_edit.setFocus)
        self.browser.setSource(QUrl.fromLocalFile(str(self.manual_path())))

    def manual_path(self) -> Path:
        # The file of the interface's language: the English translation names manual_en.html.
        return HELP_DIR / self.tr("manual_zh_CN.html")

    def show_section(self, anchor: str) -> None:
        """Scroll to a section ("" for the top, where the contents are)."""
        url = QUrl.fromLocalFile(str(self.manual_path()))
        if anchor:
            url.setFragment(anchor)
        self.browser.setSource(url)
        if not anchor:
            self.browser.verticalScrollBar().setValue(0)

    def find_next(self) -> bool:
        text = self.find_edit.text().strip()
        if not text:
            return False
        if self.browser.find(text):
            return True
        cursor = self.browser.textCursor()  # from the top again
        cursor.movePosition(cursor.MoveOperation.Start)
        self.browser.setTextCursor(cursor)
        return self.browser.find(text)


def add_f1(widget: QWidget, section: str) -> QShortcut:
    """F1 where there is no 帮助 menu yet (the log-in, the set-up window): the manual at ``section``,
    in a window belonging to ``widget``."""
    shortcut = QShortcut(QKeySequence("F1"), widget)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def open_manual() -> None:
        manual = widget.findChild(HelpWindow) or HelpWindow(widget)
        manual.show_section(section)
        manual.show()
        manual.raise_()
        manual.activateWindow()

    shortcut.activated.connect(open_manual)
    return shortcut
