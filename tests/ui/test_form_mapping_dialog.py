"""四种形态对应 in the window: the table kind × measure with the defaults marked, editable and saved
at the county (one operation, audited, announced), read-only at a township and for other roles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.context import Changes, Context
from app.db.database import Database
from app.security import audit
from app.security.roles import Actor
from app.services import form_settings
from app.services.installation import SetupRequest, initialise
from app.services.login import create
from tests.ui.conftest import SETUP
from ui.dialogs.form_mapping_dialog import CHANGED_BACKGROUND, FormMappingDialog
from ui.events import ChangeBus
from ui.main_window import MainWindow


def open_dialog(qtbot: QtBot, ctx: Context, bus: ChangeBus | None = None) -> FormMappingDialog:
    dialog = FormMappingDialog(ctx, bus=bus)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_county_edits_saves_and_resets_the_mapping(qtbot: QtBot, db: Database, bus: ChangeBus) -> None:
    ctx = Context(db, Actor("admin", "admin"))
    announced: list[Changes] = []
    bus.changed.connect(announced.append)
    dialog = open_dialog(qtbot, ctx, bus)
    assert dialog.editable and "在“形态”列中修改后保存" in dialog.notice.text()
    table = dialog.table
    assert [table.horizontalHeaderItem(c).text() for c in range(4)] == [
        "处理类别",
        "处理方式",
        "形态",
        "默认",
    ]  # type: ignore[union-attr]
    assert table.rowCount() == len(form_settings.current(ctx))
    assert (table.item(0, 0).text(), table.item(0, 1).text()) == ("党纪处分", "警告")  # type: ignore[union-attr]
    assert table.item(1, 0).text() == ""  # the kind is named once, on its first measure  # type: ignore[union-attr]
    combo = table.cellWidget(0, 2)
    assert isinstance(combo, QComboBox) and combo.currentText() == "第二种形态"
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "第一种形态", "第二种形态", "第三种形态", "第四种形态", "不计入四种形态"
    ]  # fmt: skip
    assert dialog.default_text("party", "警告") == "（默认）"
    assert dialog.save_button is not None and not dialog.save_button.isEnabled()

    combo.setCurrentIndex(0)
    row = dialog.row_of("criticism", "通报批评")
    other = table.cellWidget(row, 2)
    assert isinstance(other, QComboBox)
    other.setCurrentIndex(4)
    assert dialog.default_text("party", "警告") == "已调整（默认：第二种形态）"
    assert table.item(0, 1).background().color().name() == CHANGED_BACKGROUND  # type: ignore[union-attr]
    assert dialog.changes() == {("party", "警告"): "1", ("criticism", "通报批评"): ""}
    assert dialog.save_button.isEnabled()
    assert dialog.save()
    assert dialog.status.text() == "已保存 2 项修改。"
    stored = {(e.kind, e.measure): e.form for e in form_settings.current(ctx) if e.changed}
    assert stored == {("party", "警告"): "1", ("criticism", "通报批评"): ""}
    assert announced and announced[-1].touches({"county_policy"})
    with db.session() as s:
        [entry] = s.scalars(select(audit.AuditEntry).where(audit.AuditEntry.action == audit.POLICY_CHANGE))
    assert entry.actor == "admin" and entry.detail == "form_mapping criticism/通报批评=none party/警告=1"
    assert dialog.default_text("criticism", "通报批评") == "已调整（默认：第一种形态）"  # read back as stored
    assert not dialog.save_button.isEnabled()

    asked: list[str] = []
    dialog.confirm = lambda title, text, action: asked.append(text) or True  # type: ignore[method-assign, func-returns-value]
    assert dialog.reset_defaults()
    assert "恢复为默认" in asked[0] and dialog.status.text() == "已恢复为默认的对应关系。"
    assert not any(e.changed for e in form_settings.current(ctx))
    assert dialog.default_text("party", "警告") == "（默认）"


def test_unsaved_changes_are_asked_about_on_closing(qtbot: QtBot, db: Database) -> None:
    dialog = open_dialog(qtbot, Context(db, Actor("admin", "admin")))
    combo = dialog.combos[("party", "警告")]
    combo.setCurrentIndex(2)
    dialog.confirm = lambda title, text, action: False  # type: ignore[method-assign]
    dialog.reject()
    assert dialog.isVisible()
    dialog.confirm = lambda title, text, action: True  # type: ignore[method-assign]
    dialog.reject()
    assert not dialog.isVisible()
    assert not any(e.changed for e in form_settings.current(Context(db, Actor("admin", "admin"))))


def test_read_only_for_other_roles_and_at_a_township(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    clerk = open_dialog(qtbot, Context(db, Actor("clerk", "staff")))
    assert not clerk.editable and clerk.combos == {} and clerk.save_button is None
    assert "只有单位管理员可以修改" in clerk.notice.text()
    assert clerk.table.item(0, 2).text() == "第二种形态"  # type: ignore[union-attr]

    town_db = Database.open(tmp_path / "town")
    try:
        initialise(
            town_db, SetupRequest("township", "T01", "城关镇纪委", "C01", "测试县", "admin", "secret123")
        )
        town = open_dialog(qtbot, Context(town_db, Actor("admin", "admin")))
        assert not town.editable and town.reset_button is None
        assert town.notice.text() == "四种形态的对应关系由县纪委监委统一设置，本机只能查看。"
        town.close()
    finally:
        town_db.close()


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[Context]:
    o = create(tmp_path / "x", None, SETUP)
    yield o
    o.db.close()


def test_the_system_menu_opens_it(qtbot: QtBot, opened: Context, settings: QSettings) -> None:
    window = MainWindow(opened, settings)
    qtbot.addWidget(window)
    # The action held while its menu is read: PySide6 6.5 frees the menu's wrapper with a
    # temporary action's ("Internal C++ object already deleted").
    system = window.menuBar().actions()[2]  # after 文件 and 编辑
    texts = [a.text() for a in system.menu().actions()]  # type: ignore[union-attr]
    assert "四种形态对应(&F)…" in texts
    dialog = window.open_form_mapping()
    assert isinstance(dialog, FormMappingDialog) and dialog.isVisible() and dialog.editable
    dialog.reject()
