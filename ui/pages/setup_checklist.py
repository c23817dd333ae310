"""首次使用 on the 工作台: the set-up steps of a new installation (``app.services.first_run``), each
with whether the data shows it done and a button that opens its page or dialog. The panel is gone
once every step is done, or when the person hid it (remembered per installation)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.services import first_run
from ui.i18n import tr_app

HIDDEN_KEY = "home/setup_hidden/{unit}"
DONE_STYLE = "color: #2e7d32;"
LEFT_STYLE = "color: #b26a00;"


class SetupChecklist(QGroupBox):
    """The steps, ``open_step(page)`` when a step's button is pressed."""

    def __init__(
        self,
        db: Database,
        user: str,
        settings: QSettings,
        open_step: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("首次使用：请完成以下设置"), parent)
        self.setObjectName("setupChecklist")
        self.db = db
        self.user = user
        self.settings = settings
        self.open_step = open_step
        self.steps: list[first_run.Step] = []
        self.buttons: dict[str, QPushButton] = {}
        self.marks: dict[str, QLabel] = {}
        self.grid = QGridLayout()
        self.grid.setColumnStretch(2, 1)
        self.summary = QLabel()
        self.summary.setObjectName("setupSummary")
        self.hide_button = QPushButton(self.tr("不再显示"))
        self.hide_button.setObjectName("hideSetup")
        self.hide_button.setToolTip(self.tr("隐藏这份清单；各项设置仍可在各自的页面中修改"))
        self.hide_button.setAutoDefault(False)
        self.hide_button.clicked.connect(self.hide_for_good)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.hide_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.grid)
        layout.addLayout(bottom)

    def _key(self) -> str:
        info = self.db.installation()
        return HIDDEN_KEY.format(unit=info.unit_code if info is not None else "")

    def hidden_by_user(self) -> bool:
        return str(self.settings.value(self._key(), "false")).lower() == "true"

    def hide_for_good(self) -> None:
        self.settings.setValue(self._key(), True)
        self.hide()

    def refresh(self) -> None:
        """Read the steps again; show the panel only while some step is left and not hidden."""
        self.steps = first_run.steps(self.db, self.user)
        if not self.steps or first_run.all_done(self.steps) or self.hidden_by_user():
            self.hide()
            return
        if [s.key for s in self.steps] != list(self.buttons):
            self._build()
        for step in self.steps:
            mark = self.marks[step.key]
            mark.setText(self.tr("✓ 已完成") if step.done else self.tr("○ 未完成"))
            mark.setStyleSheet(DONE_STYLE if step.done else LEFT_STYLE)
        left = sum(1 for s in self.steps if not s.done)
        self.summary.setText(self.tr("还有 {n} 项没有完成。完成后这份清单自动消失。").format(n=left))
        self.show()

    def _build(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.buttons, self.marks = {}, {}
        for row, step in enumerate(self.steps):
            mark = QLabel()
            mark.setObjectName(f"setupMark_{step.key}")
            title = QLabel(tr_app(step.title))
            bold = title.font()
            bold.setBold(True)
            title.setFont(bold)
            hint = QLabel(tr_app(step.hint))
            hint.setWordWrap(True)
            button = QPushButton(self.tr("去完成"))
            button.setObjectName(f"setupStep_{step.key}")
            button.setAccessibleName(tr_app(step.title))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, page=step.page: self.open_step(page))
            self.grid.addWidget(mark, row, 0)
            self.grid.addWidget(title, row, 1)
            self.grid.addWidget(hint, row, 2)
            self.grid.addWidget(button, row, 3, Qt.AlignmentFlag.AlignRight)
            self.marks[step.key] = mark
            self.buttons[step.key] = button

    def rows(self) -> list[tuple[str, bool]]:
        """(key, done) of every step as shown (tests)."""
        return [(s.key, s.done) for s in self.steps]
