"""The pages of 廉洁承诺, 警示教育, 通报, 澄清正名 and 容错免责: each opens with its generated form, and
a refusal shows the register's own message at its field."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from app.registers import get
from app.services.records import ListQuery, RecordService
from tests.ui.conftest import Org
from ui.events import ChangeBus
from ui.pages.register_page import RegisterPage

NAMES = ("pledges", "warning_educations", "circulars", "name_clearings", "tolerances")


def _page(
    qtbot: QtBot, records: RecordService, bus: ChangeBus, settings: QSettings, name: str
) -> RegisterPage:
    page = RegisterPage(records, get(name), bus, settings)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.mark.parametrize("name", NAMES)
def test_each_page_opens_its_form(
    qtbot: QtBot, records: RecordService, bus: ChangeBus, settings: QSettings, org: Org, name: str
) -> None:
    page = _page(qtbot, records, bus, settings, name)
    form = page.open_editor()
    for f in get(name).fields:
        if f.editable:
            assert form.editor(f.name) is not None, f.name
    form.confirm_discard = lambda: True  # type: ignore[method-assign]
    form.reject()


def test_a_family_pledge_without_the_family_member_is_refused_in_the_form(
    qtbot: QtBot, records: RecordService, bus: ChangeBus, settings: QSettings, org: Org
) -> None:
    page = _page(qtbot, records, bus, settings, "pledges")
    form = page.open_editor()
    form.set_value("kind", "family")
    form.set_value("signed_on", date(2024, 3, 1))
    form.set_value("signer_type", "cadre")
    form.set_value("signer_name", "孙某")
    assert form.save_button is not None
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.isVisible()
    assert "清廉家庭倡议书须由家庭成员共同签订" in form.error_text("family_member")
    assert records.ids(get("pledges"), ListQuery(include_deleted=True)) == []
    form.set_value("family_member", "孙妻")
    with qtbot.waitSignal(form.saved) as saved:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert records.get(get("pledges"), saved.args[0])["family_member"] == "孙妻"
