"""The main window: navigation by area, one page per register, status bar, remembered layout."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from app import registers
from app.registers.org import UNIT_TYPE_CHOICES
from app.services.database import Database
from app.services.records import RecordService
from ui.application import apply_font, font_point_size
from ui.dialogs.settings_dialog import SettingsDialog
from ui.events import ChangeBus
from ui.i18n import tr_register
from ui.pages.register_page import RegisterPage
from ui.pages.staffing_page import StaffingPage
from ui.settings import FONT_SIZES

PAGE_KEY_ROLE = Qt.ItemDataRole.UserRole


class MainWindow(QMainWindow):
    """Everything a user sees after start. Pages are built the first time they are opened."""

    def __init__(self, db: Database, settings: QSettings, user: str) -> None:
        super().__init__()
        self.db = db
        self.settings = settings
        self.user = user
        self.bus = ChangeBus(self)
        self.records = RecordService(db, user)
        info = db.installation()
        assert info is not None, "the main window needs an initialised installation"
        self.info = info
        self.setWindowTitle(self.tr("基层纪检监察工作台 — {unit}").format(unit=info.unit_name))

        self.nav = QTreeWidget()
        self.nav.setHeaderHidden(True)
        self.nav.setObjectName("navigation")
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self.factories: dict[str, Callable[[], QWidget]] = {}
        self._build_navigation()
        self.nav.currentItemChanged.connect(self._nav_changed)

        self.splitter = QSplitter()
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([220, 900])
        self.setCentralWidget(self.splitter)

        self._build_menus()
        self._build_status_bar()
        self.resize(1200, 760)
        self._restore_layout()

    # ---- navigation -------------------------------------------------------------------
    def _build_navigation(self) -> None:
        for area, title in registers.AREAS:
            top = QTreeWidgetItem([tr_register(title)])
            top.setFlags(top.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.nav.addTopLevelItem(top)
            for reg in registers.in_area(area):
                self._add_page(top, f"register:{reg.name}", tr_register(reg.title), self._register_factory(reg.name))
            if area == "org":
                self._add_page(top, "staffing", self.tr("编制配备汇总"), self._staffing_page)
            top.setExpanded(True)

    def _add_page(self, parent: QTreeWidgetItem, key: str, title: str, factory: Callable[[], QWidget]) -> None:
        item = QTreeWidgetItem([title])
        item.setData(0, PAGE_KEY_ROLE, key)
        parent.addChild(item)
        self.factories[key] = factory

    def _register_factory(self, name: str) -> Callable[[], QWidget]:
        def make() -> QWidget:
            return RegisterPage(self.records, registers.get(name), self.bus, self.settings)

        return make

    def _staffing_page(self) -> QWidget:
        return StaffingPage(self.db, self.bus, self.settings, self.user)

    def page_keys(self) -> list[str]:
        return list(self.factories)

    def page_items(self) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem | None] = []
        for i in range(self.nav.topLevelItemCount()):
            top = self.nav.topLevelItem(i)
            assert top is not None
            items.extend(top.child(j) for j in range(top.childCount()))
        return [it for it in items if it is not None]

    def show_page(self, key: str) -> QWidget:
        """Open a page by key ("register:units", "staffing"), building it on first use."""
        for item in self.page_items():
            if item.data(0, PAGE_KEY_ROLE) == key:
                self.nav.setCurrentItem(item)
                break
        return self.pages[key]

    def current_page_key(self) -> str:
        item = self.nav.currentItem()
        return str(item.data(0, PAGE_KEY_ROLE) or "") if item else ""

    def _nav_changed(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        key = item.data(0, PAGE_KEY_ROLE)
        if not key:
            return
        page = self.pages.get(key)
        if page is None:
            page = self.factories[key]()
            self.pages[key] = page
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self.settings.setValue("window/last_page", key)

    def _select_page_by_index(self, index: int) -> None:
        items = self.page_items()
        if 0 <= index < len(items):
            self.nav.setCurrentItem(items[index])

    def _step_page(self, step: int) -> None:
        items = self.page_items()
        current = self.nav.currentItem()
        index = items.index(current) if current in items else -1
        self._select_page_by_index((index + step) % len(items))

    # ---- menus and shortcuts ----------------------------------------------------------
    def _action(
        self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        file_menu.addAction(self._action(self.tr("设置(&S)…"), "Ctrl+,", self.open_settings))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("退出(&X)"), QKeySequence.StandardKey.Quit, self.close))

        view_menu = bar.addMenu(self.tr("视图(&V)"))
        view_menu.addAction(self._action(self.tr("放大字体"), QKeySequence.StandardKey.ZoomIn, lambda: self.step_font(1)))
        view_menu.addAction(self._action(self.tr("缩小字体"), QKeySequence.StandardKey.ZoomOut, lambda: self.step_font(-1)))
        view_menu.addAction(self._action(self.tr("默认字号"), "Ctrl+0", lambda: self.set_font_size(11)))
        view_menu.addSeparator()
        view_menu.addAction(self._action(self.tr("下一页"), "Ctrl+PgDown", lambda: self._step_page(1)))
        view_menu.addAction(self._action(self.tr("上一页"), "Ctrl+PgUp", lambda: self._step_page(-1)))
        view_menu.addAction(self._action(self.tr("导航栏"), "Ctrl+B", self._focus_navigation))
        for n in range(1, 10):
            self._action(self.tr("第 {n} 页").format(n=n), f"Alt+{n}", self._page_selector(n - 1))

        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self._action(self.tr("快捷键(&K)"), "F1", self.show_shortcuts))
        help_menu.addAction(self._action(self.tr("关于(&A)"), None, self.show_about))

    def _page_selector(self, index: int) -> Callable[[], None]:
        return lambda: self._select_page_by_index(index)

    def _focus_navigation(self) -> None:
        self.nav.setFocus()

    def step_font(self, step: int) -> None:
        size = font_point_size(self.settings)
        sizes = sorted(set(FONT_SIZES) | {size})
        i = max(0, min(len(sizes) - 1, sizes.index(size) + step))
        self.set_font_size(sizes[i])

    def set_font_size(self, size: int) -> None:
        self.settings.setValue("view/font_size", size)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_font(app, str(app.property("jiwei_font_family") or app.font().family()), size)
        self.statusBar().showMessage(self.tr("字号：{n} 磅").format(n=size), 3000)

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self)
        if dialog.exec():
            self.set_font_size(dialog.chosen_font_size())

    def show_shortcuts(self) -> None:
        QMessageBox.information(
            self,
            self.tr("快捷键"),
            self.tr(
                "Ctrl+N 新增　F2 或 回车 编辑　Del 删除　Ctrl+Z 撤销删除\n"
                "Ctrl+F 搜索　F5 刷新　Ctrl+H 修改历史　Ctrl+E 导出 Excel\n"
                "Alt+1…9 切换页面　Ctrl+PgUp/PgDown 上一页/下一页　Ctrl+B 导航栏\n"
                "Ctrl++ / Ctrl+- 放大/缩小字体　Ctrl+0 默认字号　Ctrl+, 设置　Ctrl+Q 退出"
            ),
        )

    def show_about(self) -> None:
        from app import __version__

        QMessageBox.about(
            self,
            self.tr("关于"),
            self.tr("基层纪检监察工作台 {version}\n单机运行，数据经加密 U 盘与县纪委监委交换。").format(version=__version__),
        )

    # ---- status bar and layout --------------------------------------------------------
    def unit_description(self) -> str:
        type_label = dict(UNIT_TYPE_CHOICES).get(self.info.unit_type, self.info.unit_type)
        return self.tr("本机单位：{unit}（{type}）· {county}").format(
            unit=self.info.unit_name, type=tr_register(type_label), county=self.info.county_name
        )

    def _build_status_bar(self) -> None:
        self.unit_label = QLabel(self.unit_description())
        self.db_label = QLabel(self.tr("数据库：{db}").format(db=self.db.describe()))
        self.user_label = QLabel(self.tr("用户：{user}").format(user=self.user))
        status = self.statusBar()
        status.addPermanentWidget(self.unit_label)
        status.addPermanentWidget(self.user_label)
        status.addPermanentWidget(self.db_label)

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        last = str(self.settings.value("window/last_page", ""))
        keys = self.page_keys()
        self.show_page(last if last in keys else keys[0])

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.save_layout()
        super().closeEvent(event)
