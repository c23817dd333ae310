"""A new township installation's first hour in a real X window: docs/screenshots/first-hour-*.png.

Run under a virtual screen, e.g. ``xvfb-run -s "-screen 0 1280x800x24" .venv/bin/python
scripts/first_hour_shots.py``: the set-up window filled in, the recovery key, the 工作台 with its
first-run steps, a first village and a first clue entered through their forms, and the 工作台
after them. Each picture is the whole screen as X shows it (ImageMagick's ``import``), Qt's xcb
platform drawing the windows, not an offscreen grab.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"


def settle(app: Any, seconds: float = 0.6) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.03)


def shoot(app: Any, name: str) -> None:
    settle(app)
    subprocess.run(["import", "-window", "root", str(OUT / name)], check=True)
    print(OUT / name)


def main() -> int:
    if not os.environ.get("DISPLAY"):
        print("No X display: run under xvfb-run (see the docstring).", file=sys.stderr)
        return 2
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    from app.registers import get
    from ui.application import configure, create_application
    from ui.dialogs.setup_wizard import SetupWizard
    from ui.main_window import MainWindow
    from ui.pages.home_page import HomePage
    from ui.pages.register_page import RegisterPage
    from ui.settings import open_settings
    from ui.tasks import wait_for_tasks

    OUT.mkdir(parents=True, exist_ok=True)
    app = create_application([sys.argv[0]])
    with tempfile.TemporaryDirectory(prefix="jiwei-first-hour-") as tmp:
        folder = Path(tmp) / "data"
        settings = open_settings(folder)
        configure(app, settings)

        # 1. The set-up window, filled in as a township's administrator would.
        wizard = SetupWizard(folder, None, settings=settings)
        wizard.move(300, 60)
        wizard.show()
        QTest.keyClicks(wizard.county_code, "X01")
        wizard.county_name.setText("示范县")
        QTest.keyClicks(wizard.unit_code, "X01-T01")
        wizard.unit_name.setText("城关镇纪委")
        wizard.admin_name.setText("张明")
        wizard.admin_post.setCurrentIndex(wizard.admin_post.findData("secretary"))
        QTest.keyClicks(wizard.password, "town2022pass")
        QTest.keyClicks(wizard.password_again, "town2022pass")
        shoot(app, "first-hour-1-setup.png")

        # 2. The recovery key, shown once.
        QTest.mouseClick(wizard.ok_button, Qt.MouseButton.LeftButton)
        deadline = time.monotonic() + 60
        while not wizard.showing_recovery_key() and time.monotonic() < deadline:
            settle(app, 0.2)
        shoot(app, "first-hour-2-recovery-key.png")
        opened = wizard.opened
        assert opened is not None
        check = wizard.recovery.check
        QTest.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))
        QTest.mouseClick(wizard.finish_button, Qt.MouseButton.LeftButton)
        settle(app, 0.3)

        try:
            # 3. The 工作台 of the new installation: its first-run steps.
            window = MainWindow(opened, settings)
            window.setGeometry(0, 0, 1280, 800)
            window.show()
            home = window.show_page("home")
            assert isinstance(home, HomePage)
            wait_for_tasks()
            shoot(app, "first-hour-3-checklist.png")

            # 4. The first village, through the step's own button and the register's form.
            QTest.mouseClick(home.setup.buttons["villages"], Qt.MouseButton.LeftButton)
            page = window.pages[window.current_page_key()]
            assert isinstance(page, RegisterPage)
            form = page.new_record()
            assert form is not None
            form.move(380, 120)
            own = page.records.ids(get("units"))[0]
            form.set_value("name", "东关村")
            form.set_value("township_id", own)
            shoot(app, "first-hour-4-village-form.png")
            assert form.save(), form.error_text()
            form.accept()
            wait_for_tasks()

            # 5. A first clue, typed in its form.
            clues = window.show_page("register:clues")
            assert isinstance(clues, RegisterPage)
            form = clues.new_record()
            assert form is not None
            form.move(300, 40)
            form.set_value("received_on", date.today())
            form.set_value("source", "petition")
            form.set_value("subject_name", "李四")
            form.set_value("subject_unit", "东关村村民委员会")
            shoot(app, "first-hour-5-clue-form.png")
            assert form.save(), form.error_text()
            form.accept()
            wait_for_tasks()

            # 6. The 工作台 again: the steps done so far ticked.
            home = window.show_page("home")
            assert isinstance(home, HomePage)
            home.refresh()
            wait_for_tasks()
            shoot(app, "first-hour-6-checklist-after.png")
            window.close()
        finally:
            opened.db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
