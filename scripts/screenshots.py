"""Render the README's screenshots offscreen from a demo county: docs/screenshots/*.png."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def casework_shots(window: Any, save: Callable[[QWidget, str], None]) -> None:
    """工作台 with its deadlines, the clues list, a clue with its timeline, the statistics page."""
    from PySide6.QtWidgets import QApplication

    from app.registers import get
    from app.services.records import ListQuery
    from ui.pages.register_page import RegisterPage
    from ui.tasks import wait_for_tasks

    window.show_page("home")
    save(window, "home.png")
    page = window.show_page("register:clues")
    assert isinstance(page, RegisterPage)
    save(window, "clues.png")
    finished = window.records.ids(get("clues"), ListQuery(filters={"state": "finished"}))
    form = page.show_record(finished[0])
    assert form is not None
    form.resize(820, 900)
    scroll = form.scroll_area.verticalScrollBar()
    scroll.setValue(scroll.maximum())  # the disposal fields, above the timeline
    save(form, "clue-timeline.png")
    form.close()
    stats = window.show_page("statistics")
    wait_for_tasks()
    stats.set_period(2021)  # the seed report's year
    wait_for_tasks()
    for _ in range(3):
        QApplication.processEvents()
    save(window, "statistics.png")


def main() -> int:
    from app.demo.batch import create_demo_county
    from ui.application import configure, create_application
    from ui.dialogs.setup_wizard import SetupWizard
    from ui.login_panel import LoginPanel
    from ui.main_window import MainWindow
    from ui.settings import open_settings

    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = create_application([sys.argv[0]])

    def save(widget: QWidget, name: str) -> None:
        app.processEvents()
        widget.grab().save(str(out / name))
        print(out / name)

    with tempfile.TemporaryDirectory(prefix="jiwei-shots-") as tmp:
        settings = open_settings(Path(tmp))
        configure(app, settings)
        opened = create_demo_county(Path(tmp), "shots-pass-2022")
        try:
            login = MainWindow(None, settings, sign_in=LoginPanel(Path(tmp), None, settings))
            login.resize(1000, 560)
            login.show()
            save(login, "login.png")
            login.close()

            window = MainWindow(opened, settings)
            window.resize(1280, 800)
            window.show()
            shots = {
                "main-window.png": "register:units",
                "staff.png": "register:staff",
                "villages.png": "register:villages",
                "staffing-summary.png": "staffing",
            }
            for name, key in shots.items():
                window.show_page(key)
                save(window, name)
            casework_shots(window, save)
            window.lock()
            save(window, "locked.png")
            dialog = window.idle_lock.dialog
            if dialog is not None:
                save(dialog, "unlock.png")
            window.idle_lock.stop()
            window.close()
        finally:
            opened.db.close()

        # The recovery key page as the set-up wizard shows it (a throw-away key of a throw-away folder).
        wizard = SetupWizard(Path(tmp) / "new", None, settings=settings)
        wizard.recovery.set_key(opened.recovery_key or "", unit_name="示范县纪委监委", county_name="示范县")
        wizard.pages.setCurrentWidget(wizard.key_page)
        wizard.show()
        save(wizard, "recovery-key.png")
        wizard.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
