"""The main window: navigation by area, one page per register, status bar, remembered layout.

It is the first window the program shows. Until someone logs in it holds only the log-in panel
(``ui.login_panel``): no menus, no data, and none of the registers' code loaded, so it is up as
quickly as a bare window allows while the database layer loads behind it. Logging in builds the
rest in place (``attach``): for that person (``Context``), whose role decides which pages and menu
entries exist (系统管理: users, audit log, backup) and what the register pages allow. The idle lock
(``ui.lock``) replaces the contents by a lock screen; at exit an automatic backup is made when
``backup_on_exit`` is set (the real program, not tests or the demo).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ui.application import apply_font, font_point_size
from ui.events import ChangeBus
from ui.i18n import tr_app, tr_register
from ui.settings import FONT_SIZES
from ui.shortcuts import install_text_key_guard, roomy_menu
from ui.tasks import Progress, Task, TaskState, run_task

if TYPE_CHECKING:
    from app.context import Context
    from app.db.database import Database, InstallationInfo
    from app.security.roles import Actor
    from app.services.records import RecordService
    from ui.help_viewer import HelpWindow
    from ui.lock import IdleLock, LockScreen
    from ui.login_panel import LoginPanel
    from ui.undo_action import UndoAction

PAGE_KEY_ROLE = Qt.ItemDataRole.UserRole


class MainWindow(QMainWindow):
    """Everything a user sees. Pages are built the first time they are opened.

    ``MainWindow(opened, settings)`` is the window of someone logged in;
    ``MainWindow(None, settings, sign_in=panel)`` shows the log-in panel until it logs someone in,
    then becomes the same (``signed_in``)."""

    signed_in = Signal()

    opened: Context | None
    db: Database
    actor: Actor
    user: str
    records: RecordService
    info: InstallationInfo
    nav: QTreeWidget
    stack: QStackedWidget
    splitter: QSplitter
    lock_screen: LockScreen
    act_undo: UndoAction
    idle_lock: IdleLock

    def __init__(
        self, opened: Context | None, settings: QSettings, sign_in: LoginPanel | None = None
    ) -> None:
        super().__init__()
        install_text_key_guard()  # no shortcut of the window takes a text box's own keys
        self.opened = None
        self.settings = settings
        self.bus = ChangeBus(self)
        self.backup_on_exit = False
        self.exit_task: Task | None = None
        self._backup_done = False
        self.exit_error: QMessageBox | None = None
        self.upgrade_notice: QMessageBox | None = None
        self._action_states: dict[QAction, bool] = {}
        self.pages: dict[str, QWidget] = {}
        self.help_window: HelpWindow | None = None
        self.factories: dict[str, Callable[[], QWidget]] = {}
        self.shell = QStackedWidget()
        self.shell.setObjectName("shell")
        self.setCentralWidget(self.shell)
        self.resize(1200, 760)
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        self.sign_in = sign_in
        if opened is not None:
            self.attach(opened)
        else:
            assert sign_in is not None, "without a logged-in person the window needs the log-in panel"
            self.setWindowTitle(self.tr("登录 — 基层纪检监察工作台"))
            self.shell.addWidget(sign_in)
            sign_in.logged_in.connect(self._logged_in)
            sign_in.quit_requested.connect(self.close)

    def _logged_in(self) -> None:
        panel = self.sign_in
        assert panel is not None and panel.opened is not None
        self.attach(panel.opened)
        self.sign_in = None
        self.shell.removeWidget(panel)
        panel.deleteLater()
        self.signed_in.emit()

    def attach(self, opened: Context) -> None:
        """Build the window for the person logged in: navigation, pages, menus, status bar, lock."""
        from app.services.records import RecordService
        from ui.lock import IdleLock, LockScreen

        self.opened = opened
        self.db = opened.db
        self.actor = opened.actor
        self.user = opened.actor.username
        self.records = RecordService(opened)
        info = self.db.installation()
        assert info is not None, "the main window needs an initialised installation"
        self.info = info
        self.setWindowTitle(self.tr("基层纪检监察工作台 — {unit}").format(unit=info.unit_name))

        self.nav = QTreeWidget()
        self.nav.setHeaderHidden(True)
        self.nav.setObjectName("navigation")
        self.stack = QStackedWidget()
        self._build_navigation()
        self.nav.currentItemChanged.connect(self._nav_changed)

        self.splitter = QSplitter()
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([220, 900])
        self.lock_screen = LockScreen()
        self.shell.addWidget(self.splitter)
        self.shell.addWidget(self.lock_screen)
        self.shell.setCurrentWidget(self.splitter)

        self._build_menus()
        self._build_status_bar()
        self._restore_layout()
        self.idle_lock = IdleLock(self, opened, self.settings, self._set_locked)
        self.nav.setFocus(Qt.FocusReason.OtherFocusReason)
        if opened.upgrade is not None:
            self._tell_upgrade(opened)

    def _tell_upgrade(self, opened: Context) -> None:
        """This log-in migrated a database an older release made: say so, and where its backup is."""
        from ui.i18n import tr_message

        assert opened.upgrade is not None
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("数据库已升级"),
            tr_message(opened.upgrade.notice()),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("upgradeNotice")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.open()
        self.upgrade_notice = box

    def is_signed_in(self) -> bool:
        return self.opened is not None

    def session(self) -> Context:
        """The person logged in (only asked for by what exists once someone is)."""
        assert self.opened is not None
        return self.opened

    # ---- navigation -------------------------------------------------------------------
    def _build_navigation(self) -> None:
        from app import registers
        from app.security.roles import EXCHANGE, MANAGE_USERS, VIEW_AUDIT

        home = QTreeWidgetItem([self.tr("工作台")])
        home.setData(0, PAGE_KEY_ROLE, "home")
        self.nav.addTopLevelItem(home)
        self.factories["home"] = self._home_page
        county = self.info.unit_type == "county"
        # Pages that are not a register's list, by area, after the area's registers.
        pages: dict[str, list[tuple[str, str, Callable[[], QWidget]]]] = {
            "sanctions": [("integrity", self.tr("廉政意见查询与回复"), self._integrity_page)]
            if county
            else [],
            "figures": [
                ("statistics", self.tr("统计分析"), self._statistics_page),
                ("coverage", self.tr("驻村（驻在）覆盖"), self._coverage_page),
                ("duties", self.tr("履职覆盖"), self._duty_page),
            ],
            "org": [("staffing", self.tr("编制配备汇总"), self._staffing_page)],
        }
        for area, title in registers.AREAS:
            shown = [
                r for r in registers.in_area(area) if county or not r.county_screen
            ]  # 留置, 审理: the county's
            if not shown and not pages.get(area):
                continue
            top = QTreeWidgetItem([tr_register(title)])
            top.setFlags(top.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.nav.addTopLevelItem(top)
            for reg in shown:
                self._add_page(
                    top, f"register:{reg.name}", tr_register(reg.title), self._register_factory(reg.name)
                )
            for key, page_title, factory in pages.get(area, []):
                self._add_page(top, key, page_title, factory)
            top.setExpanded(True)
        system: list[tuple[str, str, Callable[[], QWidget]]] = []
        if self.actor.can(MANAGE_USERS):
            system.append(("users", self.tr("用户管理"), self._users_page))
        if self.actor.can(VIEW_AUDIT):
            system.append(("audit", self.tr("审计日志"), self._audit_page))
        if self.actor.can(EXCHANGE):
            system.append(("exchange", self.tr("数据交换"), self._exchange_page))
        if system:
            top = QTreeWidgetItem([self.tr("系统管理")])
            top.setFlags(top.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.nav.addTopLevelItem(top)
            for key, title, factory in system:
                self._add_page(top, key, title, factory)
            top.setExpanded(True)

    def _add_page(
        self, parent: QTreeWidgetItem, key: str, title: str, factory: Callable[[], QWidget]
    ) -> None:
        item = QTreeWidgetItem([title])
        item.setData(0, PAGE_KEY_ROLE, key)
        parent.addChild(item)
        self.factories[key] = factory

    def _register_factory(self, name: str) -> Callable[[], QWidget]:
        from app import registers
        from ui.pages.register_page import RegisterPage

        def make() -> QWidget:
            return RegisterPage(self.records, registers.get(name), self.bus, self.settings)

        return make

    def _staffing_page(self) -> QWidget:
        from ui.pages.staffing_page import StaffingPage

        return StaffingPage(self.session(), self.bus, self.settings)

    def _home_page(self) -> QWidget:
        from ui.pages.home_page import HomePage

        return HomePage(
            self.records,
            self.bus,
            self.settings,
            self.open_record,
            open_coverage=self.open_coverage,
            open_duty=self.open_duty,
            open_step=self.open_setup_step,
        )

    def open_setup_step(self, page: str) -> None:
        """A step of the 工作台's 首次使用 list: its page, or the backup or recovery-key dialog."""
        from app.security.roles import BACKUP, MANAGE_USERS

        actions: dict[str, Callable[[], object]] = {}
        if self.actor.can(BACKUP):
            actions["action:backup"] = self.open_backup
        if self.actor.can(MANAGE_USERS):
            actions["action:recovery_key"] = self.new_recovery_key
        if page in actions:
            actions[page]()
        elif page in self.factories:
            self.show_page(page)
        else:  # as the menus: what this person's role may not do is not offered
            self.statusBar().showMessage(self.tr("这一步需由管理员完成。"), 5000)

    def open_record(self, register: str, row_id: str) -> None:
        """Show a record on its register page and open it."""
        from ui.pages.register_page import RegisterPage

        page = self.show_page(f"register:{register}")
        assert isinstance(page, RegisterPage)
        page.show_record(row_id)

    def _coverage_page(self) -> QWidget:
        from ui.pages.coverage_page import CoveragePage

        return CoveragePage(self.records, self.bus, self.settings, self.actor, open_record=self.open_record)

    def _duty_page(self) -> QWidget:
        from ui.pages.duty_page import DutyPage

        return DutyPage(self.records, self.bus, self.settings, self.actor, open_record=self.open_record)

    def open_duty(self, key: str) -> None:
        """The 履职覆盖 page on one rule (from the 工作台)."""
        from ui.pages.duty_page import DutyPage

        page = self.show_page("duties")
        assert isinstance(page, DutyPage)
        page.set_choice(duty=key)

    def open_coverage(self) -> None:
        self.show_page("coverage")

    def _integrity_page(self) -> QWidget:
        from ui.pages.integrity_page import IntegrityPage

        return IntegrityPage(self.records, self.bus, self.settings)

    def _statistics_page(self) -> QWidget:
        from ui.pages.statistics_page import StatisticsPage

        return StatisticsPage(self.session(), self.bus, self.settings)

    def _users_page(self) -> QWidget:
        from ui.pages.users_page import UsersPage

        return UsersPage(self.session(), self.bus, self.settings)

    def _audit_page(self) -> QWidget:
        from ui.pages.audit_page import AuditPage

        return AuditPage(self.session(), self.bus, self.settings)

    def _exchange_page(self) -> QWidget:
        from ui.pages.exchange_page import ExchangePage

        return ExchangePage(self.session(), self.bus, self.settings)

    def page_keys(self) -> list[str]:
        return list(self.factories)

    def page_items(self) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem | None] = []
        for i in range(self.nav.topLevelItemCount()):
            top = self.nav.topLevelItem(i)
            assert top is not None
            if top.data(0, PAGE_KEY_ROLE):
                items.append(top)
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
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        from app.security.roles import BACKUP, MANAGE_USERS

        bar = self.menuBar()
        file_menu = roomy_menu(bar.addMenu(self.tr("文件(&F)")))
        file_menu.addAction(self._action(self.tr("设置(&S)…"), "Ctrl+,", self.open_settings))
        self.act_lock = self._action(self.tr("锁定(&L)"), "Ctrl+L", self.lock)
        self.act_lock.setToolTip(self.tr("离开电脑时锁定程序，回来后输入密码继续"))
        file_menu.addAction(self.act_lock)
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("退出(&X)"), QKeySequence.StandardKey.Quit, self.close))

        from ui.undo_action import UndoAction

        edit_menu = roomy_menu(bar.addMenu(self.tr("编辑(&E)")))
        edit_menu.setToolTipsVisible(True)  # a disabled 撤销 says why
        self.act_undo = UndoAction(self.records, self.bus, self)
        self.act_undo.undone.connect(self._undone)
        self.addAction(self.act_undo)  # Ctrl+Z while the window has focus (not in a text box)
        edit_menu.addAction(self.act_undo)
        edit_menu.aboutToShow.connect(self._refresh_undo)
        self.bus.changed.connect(self._refresh_undo)

        system_menu = roomy_menu(bar.addMenu(self.tr("系统管理(&M)")))
        if "users" in self.factories:
            system_menu.addAction(
                self._action(self.tr("用户管理(&U)"), None, lambda: self.show_page("users"))
            )
        if "audit" in self.factories:
            system_menu.addAction(
                self._action(self.tr("审计日志(&A)"), None, lambda: self.show_page("audit"))
            )
        system_menu.addAction(self._action(self.tr("四种形态对应(&F)…"), None, self.open_form_mapping))
        if self.actor.can(BACKUP):
            system_menu.addAction(self._action(self.tr("备份(&B)…"), None, self.open_backup))
        if self.actor.can(MANAGE_USERS):
            system_menu.addAction(self._action(self.tr("新的恢复密钥(&R)…"), None, self.new_recovery_key))
        if not system_menu.isEmpty():
            system_menu.addSeparator()
        system_menu.addAction(self._action(self.tr("修改密码(&P)…"), None, self.change_password))

        view_menu = roomy_menu(bar.addMenu(self.tr("视图(&V)")))
        view_menu.addAction(
            self._action(self.tr("放大字体"), QKeySequence.StandardKey.ZoomIn, lambda: self.step_font(1))
        )
        view_menu.addAction(
            self._action(self.tr("缩小字体"), QKeySequence.StandardKey.ZoomOut, lambda: self.step_font(-1))
        )
        view_menu.addAction(self._action(self.tr("默认字号"), "Ctrl+0", lambda: self.set_font_size(11)))
        view_menu.addSeparator()
        view_menu.addAction(self._action(self.tr("下一页"), "Ctrl+PgDown", lambda: self._step_page(1)))
        view_menu.addAction(self._action(self.tr("上一页"), "Ctrl+PgUp", lambda: self._step_page(-1)))
        view_menu.addAction(self._action(self.tr("导航栏"), "Ctrl+B", self._focus_navigation))
        for n in range(1, 10):
            self._action(self.tr("第 {n} 页").format(n=n), f"Alt+{n}", self._page_selector(n - 1))

        help_menu = roomy_menu(bar.addMenu(self.tr("帮助(&H)")))
        self.act_manual = self._action(self.tr("使用手册(&M)"), "F1", self.open_manual)
        self.act_manual.setToolTip(self.tr("打开使用手册，翻到当前页面的说明"))
        help_menu.addAction(self.act_manual)
        help_menu.addAction(self._action(self.tr("快捷键(&K)"), None, self.show_shortcuts))
        help_menu.addAction(self._action(self.tr("关于(&A)"), None, self.show_about))

    def _refresh_undo(self, *_args: object) -> None:
        lock = getattr(self, "idle_lock", None)
        if lock is None or not lock.locked:  # locked: every action stays off until unlocked
            self.act_undo.refresh()

    def _undone(self, text: str) -> None:
        """After 撤销: the pages have refreshed through the change bus; say what was undone."""
        import html

        from ui.pages.register_page import RegisterPage

        self.statusBar().showMessage(text, 15000)
        page = self.stack.currentWidget()
        if isinstance(page, RegisterPage):  # its line under the list no longer offers 撤销 for the old
            page.show_status(html.escape(text))

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
        from app.security.roles import MANAGE_USERS
        from ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self, allow_security=self.actor.can(MANAGE_USERS))
        if dialog.exec():
            self.set_font_size(dialog.chosen_font_size())
            self.idle_lock.reload_settings()

    def _open_dialog(self, dialog: QDialog) -> QDialog:
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_backup(self) -> QDialog:
        from ui.dialogs.backup_dialogs import BackupDialog

        return self._open_dialog(BackupDialog(self.session(), self.settings, self))

    def new_recovery_key(self) -> QDialog:
        from ui.dialogs.backup_dialogs import NewRecoveryKeyDialog

        return self._open_dialog(NewRecoveryKeyDialog(self.session(), self.settings, self))

    def open_form_mapping(self) -> QDialog:
        """四种形态对应: editable at the county by whoever manages its units, read-only elsewhere."""
        from ui.dialogs.form_mapping_dialog import FormMappingDialog

        return self._open_dialog(FormMappingDialog(self.session(), self, bus=self.bus))

    def change_password(self) -> QDialog:
        from ui.dialogs.change_password import ChangePasswordDialog

        return self._open_dialog(ChangePasswordDialog(self.session(), self))

    # ---- the lock ---------------------------------------------------------------------------
    def lock(self) -> None:
        """Lock now (文件 → 锁定, Ctrl+L)."""
        self.idle_lock.lock()

    def is_locked(self) -> bool:
        return self.idle_lock.locked

    def _set_locked(self, locked: bool) -> None:
        """The window's part of the lock: lock screen instead of contents, no menus, no shortcuts."""
        if locked:
            self._action_states = {a: a.isEnabled() for a in self.actions()}
            for action in self._action_states:
                action.setEnabled(False)
            self.shell.setCurrentWidget(self.lock_screen)
            self.menuBar().hide()
            self.statusBar().hide()
        else:
            self.shell.setCurrentWidget(self.splitter)
            self.menuBar().show()
            self.statusBar().show()
            for action, enabled in self._action_states.items():
                action.setEnabled(enabled)
            self._action_states = {}
            self._refresh_undo()

    def open_manual(self, section: str | None = None) -> HelpWindow:
        """帮助 → 使用手册 (F1): the manual, at ``section`` or at the current page's section."""
        from ui.help_viewer import HelpWindow, section_for_page

        if self.help_window is None:
            self.help_window = HelpWindow(self)
        anchor = section_for_page(self.current_page_key()) if section is None else section
        self.help_window.show_section(anchor)
        self.help_window.show()
        self.help_window.raise_()
        self.help_window.activateWindow()
        return self.help_window

    def show_shortcuts(self) -> QDialog:
        """帮助 → 快捷键 (``ui.shortcuts.SHORTCUT_LIST``): keys and what they do in two columns."""
        from ui.shortcuts import ShortcutsDialog

        return self._open_dialog(ShortcutsDialog(self))

    def about_text(self) -> str:
        from app import __version__

        return self.tr("基层纪检监察工作台 {version}\n单机运行，数据经加密 U 盘与县纪委监委交换。").format(
            version=__version__
        )

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("关于"), self.about_text())

    # ---- status bar and layout --------------------------------------------------------
    def unit_description(self) -> str:
        from app.registers.org import UNIT_TYPE_CHOICES

        type_label = dict(UNIT_TYPE_CHOICES).get(self.info.unit_type, self.info.unit_type)
        return self.tr("本机单位：{unit}（{type}）· {county}").format(
            unit=self.info.unit_name, type=tr_register(type_label), county=self.info.county_name
        )

    def _build_status_bar(self) -> None:
        from app.security.roles import role_label

        self.unit_label = QLabel(self.unit_description())
        self.db_label = QLabel(self.tr("数据库：{db}").format(db=self.db.describe()))
        self.user_label = QLabel(
            self.tr("用户：{user}（{role}）").format(user=self.user, role=tr_app(role_label(self.actor.role)))
        )
        status = self.statusBar()
        status.addPermanentWidget(self.unit_label)
        status.addPermanentWidget(self.user_label)
        status.addPermanentWidget(self.db_label)

    def _restore_layout(self) -> None:
        """What is remembered besides the window's place and size (restored before the log-in)."""
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
        if self.opened is not None:
            self.settings.setValue("window/state", self.saveState())
            self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.sync()

    # ---- exit: automatic backup -----------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.exit_task is not None:  # the backup is running: the window closes when it ends
            event.ignore()
            return
        if self.opened is None:  # still at the log-in
            if self.sign_in is not None and not self.sign_in.can_close():
                event.ignore()
                return
            self.save_layout()
            super().closeEvent(event)
            return
        self.save_layout()
        if self.backup_on_exit and not self._backup_done:
            event.ignore()
            self.idle_lock.stop()
            self._start_exit_backup()
            return
        self.idle_lock.stop()
        super().closeEvent(event)

    def _start_exit_backup(self) -> Task:
        opened = self.session()

        def work(_progress: Progress) -> object:
            from app.services.backup import auto_backup

            return auto_backup(opened)

        task = run_task(
            self,
            work,
            title=self.tr("自动备份"),
            label=self.tr("正在自动备份，完成后退出…"),
            cancellable=False,
            show_errors=False,
        )
        task.finished.connect(lambda: self._exit_backup_finished(task))
        self.exit_task = task
        return task

    def _exit_backup_finished(self, task: Task) -> None:
        """Close in any case; a failed backup is said first (the exit is never lost)."""
        self.exit_task = None
        self._backup_done = True
        if task.state is TaskState.FAILED:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("自动备份"),
                self.tr(
                    "退出时的自动备份没有完成：{reason}\n程序仍将退出。下次请在“系统管理 → 备份”中手动备份。"
                ).format(reason=task.error_text),
                QMessageBox.StandardButton.NoButton,
                self,
            )
            box.setObjectName("exitBackupError")
            box.addButton(self.tr("退出"), QMessageBox.ButtonRole.AcceptRole)
            box.finished.connect(lambda _result: self.close())
            box.open()
            self.exit_error = box
            return
        self.close()
