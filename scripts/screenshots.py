"""Render the README's screenshots offscreen from a demo county: docs/screenshots/*.png."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from app.services.demo import create_demo_county
    from ui.application import configure, create_application
    from ui.main_window import MainWindow
    from ui.settings import open_settings

    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = create_application([sys.argv[0]])
    with tempfile.TemporaryDirectory(prefix="jiwei-shots-") as tmp:
        settings = open_settings(Path(tmp))
        configure(app, settings)
        db = create_demo_county(Path(tmp), "shots-pass-2022").db
        info = db.installation()
        assert info is not None
        window = MainWindow(db, settings, info.admin_username)
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
            app.processEvents()
            window.grab().save(str(out / name))
            print(out / name)
        window.close()
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
