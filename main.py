"""Start Jiwei Desk's window.

    python main.py            the main window, logging in to the installation in the data folder
                              (the set-up wizard first on first start)
    python main.py --demo     a throw-away demo county (user admin, password demo-pass-2022)
    python main.py --check    build the main window on a demo database, render it once, exit 0
    python main.py --version  the release number (``app.__version__``)

``--demo`` builds what ``python -m app demo-county`` builds (``app.demo.county``: every
township's and group's installation made from its enrolment package, their bundles imported at the
county, the county's bundles imported back) in a temporary folder, ``jiwei-demo-XXXX/demo-county/``
with ``DEMO/`` (the county, opened) and ``T01/`` … ``G10/`` beside it (administrator ``admin``,
the same password), and removes it all at exit. It takes about two minutes, under a progress
dialog naming each step; 取消 stops it (exit status 1). ``--check`` only needs a window to render
and builds the county alone with its organisation and its own records (``create_demo_county``
without the seed county's casework), in a few seconds.

With ``JIWEI_PASSWORD_FILE`` set (and ``--user``, else the administrator made at set-up) the
program logs in without the dialog, by the same rule as the command line: for scripted kiosks and
bench/startup.py. A wrong password then exits 1 and opens nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QSettings

    from app.context import Context
    from ui.login_panel import LoginPanel
    from ui.main_window import MainWindow

DEMO_PASSWORD = "demo-pass-2022"


def parse_args(argv: list[str]) -> argparse.Namespace:
    from app import VERSION_LINE
    from app.argparse_zh import ChineseParser

    parser = ChineseParser(prog="main.py", description="基层纪检监察工作台")
    parser.add_argument("--version", action="version", version=VERSION_LINE)
    parser.add_argument("--data-dir", help="本机数据目录（默认为系统的用户数据目录）")
    parser.add_argument("--db", help="SQLAlchemy 数据库地址，代替内置数据库")
    parser.add_argument("--user", help="用户名：与环境变量 JIWEI_PASSWORD_FILE 一起使用时不显示登录窗口")
    parser.add_argument("--demo", action="store_true", help="打开一个临时的示范县")
    parser.add_argument("--check", action="store_true", help="在示范数据上构建并渲染主窗口一次后退出")
    return parser.parse_args(argv)


class Refused(Exception):
    """Logging in with the password file failed: exit 1 with this reason."""


def report_shown() -> None:
    """``JIWEI_QUIT_WHEN_SHOWN`` (bench/startup.py): the event loop is idle with the window shown.
    The clock is the system's monotonic one, which the bench reads before it starts the process;
    what the program does after (quitting, the backup at exit) is not start-up."""
    print(f"shown {time.monotonic():.6f}", flush=True)


def login_with_password_file(data_dir: Path, db_url: str | None, user: str | None) -> Context:
    """``JIWEI_PASSWORD_FILE``: log in exactly as ``python -m app`` does (same user default, same
    password file rule, same refusals)."""
    from app.cli_base import CliError, _open_as_user

    args = argparse.Namespace(data_dir=str(data_dir), db=db_url, user=user, password_file=None)
    try:
        return _open_as_user(args)
    except CliError as exc:
        raise Refused(str(exc)) from None


def preload_services() -> None:
    """While the person types a password, load the database layer on a background thread, so the
    registers follow the log-in at once. Only modules without Qt objects are imported here."""

    def load() -> None:
        from sqlalchemy.orm import configure_mappers

        import app.services.login  # noqa: F401  (SQLAlchemy, models, registers)
        import app.services.records  # noqa: F401
        import app.services.staffing  # noqa: F401

        configure_mappers()  # else the first query after the log-in does it (40 ms here)

    threading.Thread(target=load, name="preload", daemon=True).start()


def sweep_leftovers(data_dir: Path) -> threading.Thread:
    """Remove what an interrupted backup, restore or export left in the data folder (and the
    automatic backups' folder), on a background thread: the window does not wait for the disk."""
    from app.services.backup import sweep_installation

    thread = threading.Thread(target=sweep_installation, args=(data_dir,), name="leftovers", daemon=True)
    thread.start()
    return thread


def open_installation(
    data_dir: Path, db_url: str | None, user: str | None, settings: QSettings
) -> Context | LoginPanel | None:
    """Set up (first start: the wizard opens the installation) or the log-in panel for the main
    window to show; opened already with a password file; None when the person chose to quit."""
    from app.data_folder import state  # light: the window must not wait for the database layer
    from app.security.keyslots import KeyFile

    if os.environ.get("JIWEI_PASSWORD_FILE"):
        return login_with_password_file(data_dir, db_url, user)
    current = state(data_dir, db_url)
    # A database server without this folder's keys has not been set up from here yet.
    if current == "new" or (current == "server" and not KeyFile.exists(data_dir)):
        from ui.dialogs.setup_wizard import SetupWizard

        wizard = SetupWizard(data_dir, db_url, settings=settings)
        if not wizard.exec():
            return None
        if wizard.opened is not None:
            return wizard.opened
        # A backup was restored into the empty folder: log in to it.
    from ui.login_panel import LoginPanel

    panel = LoginPanel(data_dir, db_url, settings)
    preload_services()
    if user:
        panel.username.setText(user)
    return panel


def build_demo_with_progress(root: Path) -> Context | None:
    """Build the demo county under ``root`` (see the module's docstring) on a worker thread under
    a progress dialog that names each step and can be cancelled; the county opened as ``admin``,
    or None when it failed (the error was shown) or was cancelled."""
    from PySide6.QtCore import QCoreApplication, QEventLoop
    from PySide6.QtWidgets import QMessageBox

    from app.config import DB_FILE_NAME
    from app.demo.county import DemoCountyError, build_demo_county
    from app.services.login import login
    from ui.i18n import tr_message
    from ui.tasks import Cancelled, TaskState, run_task

    title = QCoreApplication.translate("main", "示范县")
    intro = QCoreApplication.translate("main", "正在建立示范县：8 个乡镇纪委、10 个派驻组和委机关的示范数据…")
    steps = {
        "generate": QCoreApplication.translate("main", "生成全县各单位的示范数据…"),
        "county": QCoreApplication.translate("main", "建立县纪委监委的安装…"),
        "units": QCoreApplication.translate("main", "登记各乡镇纪委和派驻组，建立它们的安装并导出数据包…"),
        "import": QCoreApplication.translate("main", "县纪委监委导入各单位的数据包…"),
        "return": QCoreApplication.translate("main", "向各单位发回数据包…"),
    }
    phase = ["generate"]  # written by the worker, read on the GUI thread when progress arrives

    def build(progress: Callable[[int, int], bool]) -> Context | DemoCountyError:
        def report(done: int, total: int, name: str) -> None:
            phase[0] = name
            if not progress(done, total):
                raise Cancelled

        try:
            folders = build_demo_county(root, DEMO_PASSWORD, progress=report)
        except DemoCountyError as exc:  # a reason to show (a full disk …), not a programming error
            return exc
        county = folders[0].path
        return login(county, f"sqlite:///{county / DB_FILE_NAME}", "admin", DEMO_PASSWORD)

    result: dict[str, Context | DemoCountyError] = {}
    loop = QEventLoop()
    task = run_task(
        None,
        build,
        title=title,
        label=f"{intro}\n{steps['generate']}",
        on_success=lambda outcome: result.update(outcome=outcome),
        show_errors=False,  # shown below, modal: the program ends right after
    )
    shown = [phase[0]]

    def relabel() -> None:
        if phase[0] != shown[0] and phase[0] in steps:
            shown[0] = phase[0]
            task.dialog.setLabelText(f"{intro}\n{steps[phase[0]]}")

    task.progressed.connect(relabel)
    task.finished.connect(loop.quit)
    loop.exec()
    outcome = result.get("outcome")
    if isinstance(outcome, DemoCountyError):
        QMessageBox.critical(None, title, tr_message(outcome.message))
        return None
    if task.state is TaskState.FAILED:
        QMessageBox.critical(None, title, task.error_text)
    return outcome


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.check and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from app.cli_base import use_pdf_fonts
    from app.config import resolve_data_dir
    from ui.application import configure, create_application
    from ui.login_panel import LoginPanel
    from ui.settings import open_settings
    from ui.tasks import wait_for_tasks

    app = create_application([sys.argv[0]])
    temp_dir: Path | None = None
    window: MainWindow | None = None
    opened: Context | LoginPanel | None = None
    try:
        if args.demo or args.check:
            from app.demo.batch import create_demo_county

            temp_dir = Path(tempfile.mkdtemp(prefix="jiwei-demo-"))
            settings = open_settings(temp_dir)
            configure(app, settings)
            if args.check:
                # The organisation and the county's own records: every page has rows to render,
                # without the minute the whole seed county takes.
                opened = create_demo_county(temp_dir, DEMO_PASSWORD, seed_county=False)
            else:
                opened = build_demo_with_progress(temp_dir / "demo-county")
                if opened is None:
                    return 1
        else:
            data_dir = resolve_data_dir(args.data_dir)
            settings = open_settings(data_dir)
            configure(app, settings)
            use_pdf_fonts(data_dir)
            sweep_leftovers(data_dir)
            try:
                opened = open_installation(data_dir, args.db, args.user, settings)
            except Refused as exc:
                print(exc, file=sys.stderr)
                return 1
            if opened is None:
                return 0

        from ui.main_window import MainWindow

        if isinstance(opened, LoginPanel):
            window = MainWindow(None, settings, sign_in=opened)
        else:
            window = MainWindow(opened, settings)
        window.show()
        if args.check:
            app.processEvents()
            image = window.grab()
            ok = not image.isNull() and image.width() > 0
            for key in window.page_keys():
                window.show_page(key)
                app.processEvents()
            window.save_layout()
            window.close()
            wait_for_tasks()
            print("check: main window rendered" if ok else "check: rendering failed", file=sys.stderr)
            return 0 if ok else 1
        # The real program backs up at exit; the demo's folder is thrown away anyway.
        window.backup_on_exit = not args.demo
        if os.environ.get("JIWEI_QUIT_WHEN_SHOWN"):  # bench/startup.py: time to an interactive window
            from PySide6.QtCore import QTimer

            def shown() -> None:  # with a password file on its first page, else at the log-in
                report_shown()
                app.quit()

            QTimer.singleShot(0, shown)
        code = app.exec()
        wait_for_tasks()
        return code
    finally:
        session = window.opened if window is not None else opened
        if session is not None and not isinstance(session, LoginPanel):
            session.db.close()
        if temp_dir is not None:
            shutil.rmtree(temp_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
