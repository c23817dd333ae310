"""``main.py --demo``'s progress dialog: it names each step of ``build_demo_county``, opens the
county it built, can be cancelled, and shows a failure in a modal box. The real build takes
minutes (tests/app/test_demo_county.py checks it); here a stand-in reports the same steps."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

from app.demo import county as demo_county
from app.demo.county import PHASES, DemoCountyError, Folder
from app.i18n import Message
from app.services.installation import SetupRequest
from app.services.login import create

ROOT = Path(__file__).resolve().parents[2]


def _main() -> ModuleType:
    spec = importlib.util.spec_from_file_location("jiwei_main", ROOT / "main.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _county(out: Path, password: str) -> Path:
    folder = out / "DEMO"
    request = SetupRequest("county", "DEMO", "示范县纪委监委", "DEMO", "示范县", "admin", password)
    create(folder, f"sqlite:///{folder / 'jiwei.db'}", request).db.close()
    return folder


def test_the_demo_build_names_each_step_and_opens_the_county(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    main = _main()
    labels: list[str] = []
    original = QProgressDialog.setLabelText

    def set_label(self: QProgressDialog, text: str) -> None:
        labels.append(text)
        original(self, text)

    monkeypatch.setattr(QProgressDialog, "setLabelText", set_label)

    def build(out: Path, password: str, seed: int = 1, progress: Any = None) -> list[Folder]:
        county = _county(out, password)
        total = sum(n for _p, n in PHASES)
        done = 0
        for phase, n in PHASES:
            done += n
            progress(done, total, phase)
            time.sleep(0.05)
        return [Folder("DEMO", "county", county)]

    monkeypatch.setattr(demo_county, "build_demo_county", build)
    opened = main.build_demo_with_progress(tmp_path / "demo-county")
    assert opened is not None
    try:
        assert opened.db.installation().unit_code == "DEMO"
        assert opened.actor.username == "admin"
    finally:
        opened.db.close()
    assert labels and "向各单位发回数据包" in labels[-1]
    assert all(text.startswith("正在建立示范县") for text in labels)


def test_the_demo_build_can_be_cancelled(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    main = _main()
    stopped: list[BaseException] = []

    def build(out: Path, password: str, seed: int = 1, progress: Any = None) -> list[Folder]:
        try:
            for i in range(1000):
                progress(i, 1000, "units")
                time.sleep(0.01)
        except BaseException as exc:
            stopped.append(exc)
            raise
        raise AssertionError("not cancelled")

    def press_cancel() -> None:
        dialogs = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()
        ]
        button = dialogs[0].findChild(QPushButton) if dialogs else None
        if button is None:  # not shown yet
            QTimer.singleShot(100, press_cancel)
            return
        button.click()

    monkeypatch.setattr(demo_county, "build_demo_county", build)
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: pytest.fail(f"an error was shown: {args}"))
    QTimer.singleShot(100, press_cancel)
    assert main.build_demo_with_progress(tmp_path / "demo-county") is None
    assert stopped and type(stopped[0]).__name__ == "Cancelled"


def test_a_failed_demo_build_is_shown_in_a_modal_box(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    main = _main()
    shown: list[str] = []

    def build(out: Path, password: str, seed: int = 1, progress: Any = None) -> list[Folder]:
        raise DemoCountyError(Message("无法建立示范县目录：{reason}", {"reason": "磁盘已满"}))

    monkeypatch.setattr(demo_county, "build_demo_county", build)
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    assert main.build_demo_with_progress(tmp_path / "demo-county") is None
    assert shown == ["无法建立示范县目录：磁盘已满"]
