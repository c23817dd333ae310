"""Only Chinese in the Chinese window, no Chinese outside the user's data in the English one.

One demo county (its organisation and its own records), one main window: every page of the
navigation, the menus and their actions, the dialogs the menus open, a new record's form on
every register page, Qt's own file chooser and message boxes. Every visible text is collected —
labels, buttons, tool tips, actions, table headers, combo items, group and tab titles, window
titles, placeholders, message boxes (``QMessageBox`` patched to collect instead of showing).
In Chinese a Latin word must be a code of the allow-list; in English a Chinese character must
belong to a value stored in the database (user data).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import String, Text, select

from app.context import Context
from ui.application import LANGUAGES, QT_MISSING_ZH, QtMissingTranslator, install_qt_chinese
from ui.dialogs.settings_dialog import FacePicker
from ui.main_window import MainWindow
from ui.pages.register_page import RegisterPage

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "jiwei_en.ts"

LATIN = re.compile(r"[A-Za-z][A-Za-z0-9#]*(?:[.\-][A-Za-z0-9]+)*")
PATH = re.compile(r"(?:[A-Za-z]:)?(?:[/\\][^\s/\\，。、；：（）()]+)+[/\\]?")  # a file's place: data
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
TAG = re.compile(r"<[^>]+>|&[a-z]+;")
# Words a Chinese text may carry as they are: file types, products, keys, units, codes.
ALLOWED = {
    "PDF", "pdf", "Excel", "xlsx", "docx", "Word", "WPS", "jwbak", "jwb", "jwenrol", "USB", "ID", "QR",
    "Ctrl", "Alt", "Shift", "Esc", "Enter", "Tab", "Del", "Delete", "Insert", "Home", "End", "PgUp", "PgDown",
    "PgDn", "PageUp", "PageDown", "Backspace", "Space", "Up", "Down", "Left", "Right", "Return",
    "SQLite", "PostgreSQL", "SQLCipher", "UTC", "HTML", "JSON", "Jiwei", "Desk", "TrueType", "OpenType",
    "fsType", "KB", "MB", "GB", "mm", "pt", "cm", "in", "A4", "A3", "GB2312", "UTF-8", "CSV", "AES",
    "SHA-256", "Linux", "Windows", "admin", "IP", "URL", "Qt",
    "English",  # the language's own name, among the languages offered
    "before-restore",  # the folder a restore moves the old files into, by its name on disk
}  # fmt: skip
# Codes: F1…F12, H1, a visit form's code (V1234ABCD), unit codes (X01-T03), the recovery key's
# shape (XXXX-XXXX-…), single letters (mnemonics).
KEY_NAME = re.compile(r"[A-Z]+\d+[A-Z0-9]*(?:-[A-Z]+\d+)*|X{4}(?:-X{4})+|[A-Z]")


# ---- collecting ---------------------------------------------------------------------------------
def _plain(text: str) -> str:
    return TAG.sub(" ", text or "").replace("&&", "&")


def texts_of(widget: QWidget) -> set[str]:
    """Every text ``widget`` and its children show (not what the user typed into fields)."""
    found: set[str] = set()

    def add(text: Any) -> None:
        if isinstance(text, str) and text.strip():
            found.add(_plain(text))

    for w in [widget, *widget.findChildren(QWidget)]:
        add(w.toolTip())
        add(w.accessibleName())
        add(w.statusTip())
        if w.isWindow():
            add(w.windowTitle())
        if isinstance(w, QLabel | QAbstractButton):
            add(w.text())
        if isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit):
            add(w.placeholderText())
        if isinstance(w, QGroupBox):
            add(w.title())
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                add(w.tabText(i))
                add(w.tabToolTip(i))
        if isinstance(w, QComboBox) and not isinstance(w.parent(), FacePicker):  # font names: the machine's
            for i in range(w.count()):
                add(w.itemText(i))
        if isinstance(w, QMenu):
            add(w.title())
        for action in w.actions():
            add(action.text())
            add(action.toolTip())
            menu = action.menu()
            if isinstance(menu, QMenu):
                add(menu.title())
                for sub in menu.actions():
                    add(sub.text())
                    add(sub.toolTip())
        if isinstance(w, QTreeWidget):
            for item in _tree_items(w):
                add(item.text(0))
                add(item.toolTip(0))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            for c in range(model.columnCount()):
                add(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))
                add(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole))
    return found


def _tree_items(tree: QTreeWidget) -> Iterator[Any]:
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        yield item
        stack.extend(item.child(i) for i in range(item.childCount()))


class Boxes:
    """QMessageBox's static functions and exec collect their texts instead of showing a box."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.texts: set[str] = set()

        def static(answer: QMessageBox.StandardButton) -> Callable[..., QMessageBox.StandardButton]:
            def show(_parent: Any, title: str = "", text: str = "", *args: Any, **kwargs: Any) -> Any:
                self.texts.update({_plain(title), _plain(text)})
                return answer

            return show

        for name in ("information", "warning", "critical"):
            monkeypatch.setattr(QMessageBox, name, static(QMessageBox.StandardButton.Ok))
        monkeypatch.setattr(QMessageBox, "question", static(QMessageBox.StandardButton.No))
        monkeypatch.setattr(QMessageBox, "about", static(QMessageBox.StandardButton.Ok))

        def exec_(box: QMessageBox) -> int:
            self.texts |= texts_of(box) | {_plain(box.text()), _plain(box.informativeText())}
            return int(QMessageBox.StandardButton.Cancel.value)

        monkeypatch.setattr(QMessageBox, "exec", exec_)
        monkeypatch.setattr(QDialog, "exec", lambda dialog: self.dialog(dialog))
        self.dialogs: list[QDialog] = []

    def dialog(self, dialog: QDialog) -> int:
        self.texts |= texts_of(dialog)
        self.dialogs.append(dialog)
        return int(QDialog.DialogCode.Rejected.value)


# ---- the window ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Context]:
    from app.demo.batch import create_demo_county

    folder = tmp_path_factory.mktemp("only-chinese")
    opened = create_demo_county(folder / "demo", "demo-pass-2022", seed_county=False)
    yield opened
    opened.db.close()


@pytest.fixture(scope="module")
def stored(county: Context) -> list[str]:
    """Every text value stored in the database: the user's data, longest first."""
    from app.db.base import Base

    values: set[str] = set()
    with county.db.session("admin") as s:
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, String | Text)]
            if not columns:
                continue
            for row in s.execute(select(*columns)):
                values.update(v for v in row if isinstance(v, str) and CJK.search(v))
    return sorted(values, key=len, reverse=True)


def _window_texts(qtbot: QtBot, county: Context, settings: QSettings, boxes: Boxes) -> dict[str, set[str]]:
    """Each page's texts, the menus', the dialogs' the menus open, a new record form's per register."""
    window = MainWindow(county, settings)
    qtbot.addWidget(window)
    window.show()
    found: dict[str, set[str]] = {"window": texts_of(window)}
    for key in window.page_keys():
        page = window.show_page(key)
        QApplication.processEvents()
        found[key] = texts_of(page)
        if isinstance(page, RegisterPage) and page.records.may_edit(page.reg):
            form = page.new_record()
            if form is not None:
                found[f"{key} form"] = texts_of(form)
                form.close()
    for name in ("open_settings", "open_backup", "new_recovery_key", "open_form_mapping", "change_password",
                 "show_shortcuts", "show_about"):  # fmt: skip
        before = set(boxes.texts)
        dialog = getattr(window, name)()
        texts = set(boxes.texts) - before
        if isinstance(dialog, QWidget):
            texts |= texts_of(dialog)
            dialog.close()
        found[name] = texts
    found["about"] = {_plain(window.about_text())}
    for name, make in _other_dialogs(county, settings).items():
        try:
            dialog = make()
        except Exception as exc:  # noqa: BLE001 - a dialog that cannot be made here is named, not skipped
            raise AssertionError(f"{name}: {exc!r}") from exc
        if dialog is not None:
            found[name] = texts_of(dialog)
            dialog.close()
            dialog.deleteLater()
    found["message boxes"] = set(boxes.texts)
    chooser = QFileDialog(window, "")
    chooser.setOption(QFileDialog.Option.DontUseNativeDialog)
    found["file chooser"] = texts_of(chooser) - {chooser.directory().absolutePath()}
    chooser.deleteLater()
    window.close()
    return found


def _other_dialogs(county: Context, settings: QSettings) -> dict[str, Callable[[], QWidget | None]]:
    """The dialogs no menu opens: set-up, log-in, restore, recovery, unlock, a record's history
    and lifecycle step, the visit plan, the work report's range."""
    from datetime import date

    from app.registers import get
    from app.services.records import RecordService
    from ui.dialogs.backup_dialogs import RecoverDialog, RestoreDialog
    from ui.dialogs.history_dialog import HistoryDialog
    from ui.dialogs.plan_dialog import PlanDialog
    from ui.dialogs.setup_wizard import SetupWizard
    from ui.dialogs.transition_dialog import TransitionDialog
    from ui.dialogs.work_report import WorkReportDialog
    from ui.lock import UnlockDialog
    from ui.login_panel import LoginPanel

    folder = county.folder
    records = RecordService(county)
    clues = get("clues")
    clue = next(iter(records.ids(clues)), None)

    def step() -> QWidget | None:
        life = clues.lifecycle
        assert life is not None
        for row_id in records.ids(clues):
            allowed = life.allowed(str(records.get(clues, row_id).get("state") or ""))
            if allowed:
                return TransitionDialog(records, clues, row_id, allowed[0])
        return None

    def importing() -> QWidget:
        from app.services.xlsx_template import write_template
        from ui.dialogs.import_dialog import ImportDialog

        staff = get("staff")
        path = folder.parent / "2026.xlsx"  # a name with no words: the file name is the user's
        write_template(records, staff, path)
        return ImportDialog(records, staff, path)

    def visit() -> QWidget | None:
        from ui.dialogs.visit_entry import VisitEntryDialog

        visits = records.ids(get("visits"))
        return VisitEntryDialog(records, visits[0]) if visits else None

    return {
        "setup wizard": lambda: SetupWizard(folder.parent / "new", None, settings=settings),
        "log-in": lambda: LoginPanel(folder, None, settings),
        "restore": lambda: RestoreDialog(folder, settings),
        "recover": lambda: RecoverDialog(folder, None, settings),
        "unlock": lambda: UnlockDialog(county),
        "work report range": lambda: WorkReportDialog(None, date(2026, 1, 1), date(2026, 12, 31)),
        "visit plan": lambda: PlanDialog(records, settings),
        "history": lambda: HistoryDialog(records, clues, clue) if clue else None,
        "lifecycle step": step,
        "import": importing,
        "visit entry": visit,
    }


def _latin_words(text: str) -> list[str]:
    text = PATH.sub(" ", text)
    return [w for w in LATIN.findall(text) if w not in ALLOWED and not KEY_NAME.fullmatch(w)]


def _cjk_outside(text: str, stored: list[str]) -> str:
    for value in stored:
        if value in text:
            text = text.replace(value, "")
    return "".join(CJK.findall(text))


def _data_codes(county: Context) -> set[str]:
    """Codes the user entered (unit codes, …) and the user names: data, not words."""
    from app.db.base import Base

    codes: set[str] = set()
    with county.db.session("admin") as s:
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, String) and c.name in ("code", "username", "number")]  # fmt: skip
            for row in s.execute(select(*columns)) if columns else []:
                for v in row:
                    if isinstance(v, str):
                        codes.update(LATIN.findall(v))
    return codes


def test_the_chinese_window_shows_no_english(
    qtbot: QtBot, county: Context, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = set(app.findChildren(QTranslator))
    assert install_qt_chinese(app)
    try:
        found = _window_texts(qtbot, county, settings, Boxes(monkeypatch))
    finally:
        for t in set(app.findChildren(QTranslator)) - before:
            app.removeTranslator(t)
    codes = _data_codes(county)
    english = {
        where: sorted({w for text in texts for w in _latin_words(text) if w not in codes})
        for where, texts in found.items()
    }
    english = {where: words for where, words in english.items() if words}
    assert len(found) > 40 and sum(map(len, found.values())) > 1000
    assert {"history", "lifecycle step", "setup wizard", "log-in", "register:clues form", "import"} <= set(
        found
    )
    assert not english, f"English in the Chinese window: {english}"


def _english_translator(tmp_path: Path) -> QTranslator:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    qm = tmp_path / "jiwei_en.qm"
    subprocess.run([str(lrelease) if lrelease.exists() else shutil.which("pyside6-lrelease") or "pyside6-lrelease",
                    "-silent", str(TS), "-qm", str(qm)], check=True)  # fmt: skip
    translator = QTranslator()
    assert translator.load(str(qm))
    return translator


def test_the_english_window_shows_chinese_only_in_data(
    qtbot: QtBot,
    county: Context,
    stored: list[str],
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translator = _english_translator(tmp_path)
    app.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    try:
        assert QCoreApplication.translate("application", "基层纪检监察工作台") != "基层纪检监察工作台"
        found = _window_texts(qtbot, county, settings, Boxes(monkeypatch))
    finally:
        app.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    own_names = {name for _code, name in LANGUAGES if CJK.search(name)}  # 简体中文 among the languages
    chinese = {
        where: sorted({t for t in texts if t not in own_names and _cjk_outside(t, stored)})
        for where, texts in found.items()
    }
    chinese = {where: texts[:8] for where, texts in chinese.items() if texts}
    assert len(found) > 40
    assert not chinese, f"Chinese in the English window: {chinese}"


def test_qt_missing_texts_are_translated(qtbot: QtBot) -> None:
    """Qt's own catalogue lacks the file chooser's "Look in:" with its mnemonic: ours has it."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = set(app.findChildren(QTranslator))
    assert install_qt_chinese(app)
    try:
        chooser = QFileDialog(None, "")
        chooser.setOption(QFileDialog.Option.DontUseNativeDialog)
        labels = {label.text() for label in chooser.findChildren(QLabel)}
        assert {"查找范围(&L)：", "文件类型(&T)："} <= labels
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
        assert QCoreApplication.translate("nothing", "中文原文") == "中文原文"  # ours passes others on
        chooser.deleteLater()
    finally:
        for t in set(app.findChildren(QTranslator)) - before:
            app.removeTranslator(t)
    assert QtMissingTranslator().translate("QFileDialog", "&Look in:") == QT_MISSING_ZH["&Look in:"]
