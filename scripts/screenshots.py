"""Render the README's screenshots offscreen from a demo county: docs/screenshots/*.png."""

from __future__ import annotations

import os
import sys
import tempfile
import time
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
    stats.tabs.setCurrentIndex(1)  # the same figures as charts
    for _ in range(3):
        QApplication.processEvents()
    save(window, "statistics-charts.png")
    stats.tabs.setCurrentIndex(0)
    print_shots(window, save)


def print_shots(window: Any, save: Callable[[QWidget, str], None]) -> None:
    """The one print preview, here of the clues list as shown (landscape: the list is wide)."""
    from PySide6.QtWidgets import QApplication

    from ui.pages.register_page import RegisterPage
    from ui.table_print import print_register_list
    from ui.tasks import wait_for_tasks

    page = window.show_page("register:clues")
    assert isinstance(page, RegisterPage)
    preview = print_register_list(page)
    assert preview is not None
    wait_for_tasks()
    preview.resize(900, 760)
    preview.show()
    preview.zoom_button.setChecked(True)  # the whole page
    for _ in range(40):  # the view renders its pages on a thread of its own
        QApplication.processEvents()
        time.sleep(0.05)
    save(preview, "print-preview.png")
    preview.close()


def document_shots(ctx: Any, out: Path, tmp: Path) -> None:
    """The work report of the seed's period as an office opens it: written as .docx, converted to
    PDF by LibreOffice (with the program's own fonts: the machine may have no CJK font), its first
    two pages rendered by pdftoppm. Skipped, with a word, where LibreOffice is not installed."""
    import shutil
    import subprocess
    from datetime import date

    from app.reports.work_report import write_work_report

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        print("LibreOffice or pdftoppm missing: no work-report pages", file=sys.stderr)
        return
    docx = tmp / "work-report.docx"
    write_work_report(ctx, date(2021, 1, 1), date(2022, 9, 30), docx)
    conf = tmp / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{ROOT / 'resources' / 'fonts'}</dir></fontconfig>",
        encoding="utf-8",
    )
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp / 'lo').as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp), str(docx)],
        check=True, capture_output=True, env={**os.environ, "FONTCONFIG_FILE": str(conf)},
    )  # fmt: skip
    prefix = tmp / "work-report-page"
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "2", str(tmp / "work-report.pdf"), str(prefix)],
        check=True,
    )
    for number, page in enumerate(sorted(tmp.glob("work-report-page*.png")), start=1):
        shutil.copyfile(page, out / f"work-report-{number}.png")
        print(out / f"work-report-{number}.png")
    # A 通报 of the demo county, as the program itself prints it (reportlab, the official layout).
    from app.registers import get
    from app.reports.circular_doc import write_circular
    from app.services.records import ListQuery, RecordService

    records = RecordService(ctx)
    ids = records.ids(get("circulars"), ListQuery())
    if ids:
        write_circular(records, ids[0], tmp / "circular.pdf")
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", str(tmp / "circular.pdf"),
             str(out / "circular")],
            check=True,
        )  # fmt: skip
        print(out / "circular.png")


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
            document_shots(opened, out, Path(tmp))
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
