"""The training and reporting registers in the window: their area's pages list the records with
the computed columns, and the lessons list offers the sign-in sheet."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.context import Context
from app.registers import get
from app.services.login import create
from app.services.records import RecordService
from tests.ui.conftest import SETUP
from ui.main_window import MainWindow
from ui.pages.register_page import RegisterPage
from ui.print_actions import register_print_actions


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[Context]:
    o = create(tmp_path / "x", None, SETUP)
    yield o
    o.db.close()


def test_the_pages_list_lessons_tests_and_reports(qtbot: QtBot, opened: Context, settings: QSettings) -> None:
    r = RecordService(opened)
    town = r.save(get("units"), {"code": "T01", "name": "城关镇纪委", "unit_type": "township"})
    wang = r.save(get("staff"), {"name": "王芳", "unit_id": town, "post": "secretary"})
    lesson = r.save(get("lessons"), {"unit_id": town, "held_on": date(2025, 5, 8), "topic": "学习党章",
                                     "teacher": "王芳"})  # fmt: skip
    r.save(get("lesson_attendance"), {"lesson_id": lesson, "staff_id": wang})
    test = r.save(get("weekly_tests"), {"unit_id": town, "held_on": date(2025, 5, 9), "subject": "党章"})
    r.save(get("test_scores"), {"test_id": test, "staff_id": wang, "score": 90})
    report = r.save(
        get("work_reports"), {"unit_id": town, "reported_on": date(2025, 6, 26), "content": "上半年"}
    )
    r.save(get("report_feedback"), {"report_id": report, "given_on": date(2025, 7, 8), "rating": "good",
                                    "opinion": "好"})  # fmt: skip
    window = MainWindow(opened, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    shown = {}
    for name, column in (("lessons", "present"), ("weekly_tests", "average"), ("work_reports", "feedback_on"),
                         ("lesson_attendance", "staff_id"), ("test_scores", "score")):  # fmt: skip
        page = window.show_page(f"register:{name}")
        assert isinstance(page, RegisterPage)
        assert page.model.rowCount() == 1
        shown[name] = page.model.display_text(0, column)
    assert shown == {"lessons": "1", "weekly_tests": "90.0", "work_reports": "2025-07-08",
                     "lesson_attendance": "王芳", "test_scores": "90"}  # fmt: skip
    assert [a.label for a in register_print_actions("lessons")] == ["打印签到表"]


def test_the_lessons_page_takes_the_roll(qtbot: QtBot, opened: Context, settings: QSettings) -> None:
    r = RecordService(opened)
    town = r.save(get("units"), {"code": "T01", "name": "城关镇纪委", "unit_type": "township"})
    for name, post in (("王芳", "secretary"), ("李强", "member")):
        r.save(get("staff"), {"name": name, "unit_id": town, "post": post})
    lesson = r.save(get("lessons"), {"unit_id": town, "held_on": date(2025, 5, 8), "topic": "学习党章",
                                     "teacher": "王芳"})  # fmt: skip
    window = MainWindow(opened, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.show_page("register:lessons")
    assert isinstance(page, RegisterPage) and page.workflow is not None
    tools = page.workflow.lesson_tools
    assert tools is not None
    page.select_ids([])
    assert not tools.act_roll.isEnabled()
    page.select_ids([lesson])
    assert tools.act_roll.isEnabled()
    assert tools.take_roll() == 2
    assert page.model.display_text(0, "present") == "2"
    assert tools.take_roll() == 0
