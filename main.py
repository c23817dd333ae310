"""Start Jiwei Desk's window.

    python main.py            the installation in the data folder (set-up wizard on first start)
    python main.py --demo     a throw-away demo county
    python main.py --check    build the main window on a demo database, render it once, exit 0
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

DEMO_PASSWORD = "demo-pass-2022"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py", description="基层纪检监察工作台")
    parser.add_argument("--data-dir", help="本机数据目录（默认为系统的用户数据目录）")
    parser.add_argument("--db", help="SQLAlchemy 数据库地址，代替内置数据库")
    parser.add_argument("--demo", action="store_true", help="打开一个临时的示范县")
    parser.add_argument("--check", action="store_true", help="在示范数据上构建并渲染主窗口一次后退出")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.check and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from app.config import resolve_data_dir
    from app.services.database import Database
    from ui.application import configure, create_application
    from ui.settings import open_settings

    app = create_application([sys.argv[0]])
    temp_dir: Path | None = None
    try:
        if args.demo or args.check:
            from app.services.demo import create_demo_county

            temp_dir = Path(tempfile.mkdtemp(prefix="jiwei-demo-"))
            data_dir = temp_dir
            settings = open_settings(data_dir)
            configure(app, settings)
            db = create_demo_county(data_dir, DEMO_PASSWORD).db
        else:
            data_dir = resolve_data_dir(args.data_dir)
            settings = open_settings(data_dir)
            configure(app, settings)
            db = Database.open(data_dir, args.db)
            if db.installation() is None:
                from ui.dialogs.setup_wizard import SetupWizard

                if not SetupWizard(db).exec():
                    db.close()
                    return 0

        from ui.main_window import MainWindow

        info = db.installation()
        assert info is not None
        window = MainWindow(db, settings, info.admin_username)
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
            db.close()
            print("check: main window rendered" if ok else "check: rendering failed", file=sys.stderr)
            return 0 if ok else 1
        if os.environ.get("JIWEI_QUIT_WHEN_SHOWN"):  # bench/startup.py: time to an interactive window
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, app.quit)
        code = app.exec()
        db.close()
        return code
    finally:
        if temp_dir is not None:
            shutil.rmtree(temp_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
