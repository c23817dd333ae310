"""Program settings: font size, interface language, the idle time before the lock, and the
typefaces of printed documents (one per role, each with a preview in its face)."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QPointF, QSettings, QSize, Qt
from PySide6.QtGui import QGlyphRun, QPainter, QPaintEvent, QRawFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.config import read_pdf_fonts, write_pdf_fonts
from app.reports import fonts
from ui.application import LANGUAGES, font_point_size
from ui.i18n import tr_message
from ui.lock import IDLE_MINUTES_KEY, MAX_IDLE_MINUTES, idle_minutes
from ui.settings import FONT_SIZES

OTHER_FILE = "other"


class FacePicker(QWidget):
    """One role's typeface: 自动, the shipped face, each office font found, or a file; with a
    line of text set in the chosen face, and why a face cannot be used."""

    def __init__(
        self, role: str, current: str, office: list[fonts.Face], sample: str, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.role = role
        self.sample = sample
        self.combo = QComboBox()
        shipped = fonts.SHIPPED[role]
        auto = office[0].label if office else shipped.label
        self.combo.addItem(self.tr("自动（{face}）").format(face=auto), fonts.AUTO)
        self.combo.addItem(self.tr("程序自带：{face}").format(face=shipped.label), fonts.BUNDLED)
        for face in office:
            self.combo.addItem(f"{face.label}（{face.path.name}）", face.setting())
        if current not in (fonts.AUTO, fonts.BUNDLED, "") and self.combo.findData(current) < 0:
            self.combo.addItem(fonts.parse_setting(current).label, current)
        self.combo.addItem(self.tr("其他字体文件…"), OTHER_FILE)
        index = self.combo.findData(current or fonts.AUTO)
        self.combo.setCurrentIndex(max(0, index))
        self.last_index = self.combo.currentIndex()
        self.preview = FacePreview(sample)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.combo, 1)
        row.addWidget(self.preview, 1)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        self.office = office
        self.combo.currentIndexChanged.connect(self._changed)
        self.show_preview()

    def value(self) -> str:
        return str(self.combo.currentData())

    def face(self) -> fonts.Face:
        """The face the current entry means on this PC."""
        value = self.value()
        if value == fonts.BUNDLED:
            return fonts.SHIPPED[self.role]
        if value == fonts.AUTO:
            return self.office[0] if self.office else fonts.SHIPPED[self.role]
        return fonts.parse_setting(value)

    def _changed(self, index: int) -> None:
        if self.combo.currentData() == OTHER_FILE:
            path, _filter = QFileDialog.getOpenFileName(
                self, self.tr("选择字体文件"), "", self.tr("TrueType 字体 (*.ttf *.ttc *.TTF *.TTC)")
            )
            if not path:
                self.combo.setCurrentIndex(self.last_index)
                return
            self.choose_file(Path(path))
            return
        self.last_index = index
        self.show_preview()

    def choose_file(self, path: Path) -> None:
        """Add ``path`` to the list (before 其他字体文件…) and select it."""
        setting = fonts.Face(path).setting()
        index = self.combo.findData(setting)
        if index < 0:
            index = self.combo.count() - 1
            self.combo.insertItem(index, path.name, setting)
        self.combo.setCurrentIndex(index)

    def show_preview(self) -> None:
        face = self.face()
        if face.path.is_file():
            message = fonts.check_message(face)
            problem = tr_message(message) if message is not None else ""
        else:
            problem = self.tr("找不到字体文件")
        self.problem.setText(
            self.tr("不能用于打印，将改用程序自带字体：{reason}").format(reason=problem) if problem else ""
        )
        self.problem.setVisible(bool(problem))
        self.preview.show_face(face if not problem else None)
        self.preview.setToolTip(str(face.path))


class FacePreview(QWidget):
    """A line of text drawn from a font file's own glyphs (``QRawFont``): the file is not added to
    the program's fonts, so the window's text keeps its face whatever is previewed here."""

    PIXELS = 19.0

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        self.raw: QRawFont | None = None
        self.setMinimumSize(260, int(self.PIXELS * 1.6))

    def show_face(self, face: fonts.Face | None) -> None:
        """Draw the text in ``face`` (the window's font when None or unreadable; a collection
        shows its first face)."""
        self.raw = None
        if face is not None:
            raw = QRawFont(str(face.path), self.PIXELS)
            if raw.isValid():
                self.raw = raw
        self.update()

    def family(self) -> str:
        """The family of the face drawn ("" for the window's font)."""
        return self.raw.familyName() if self.raw is not None else ""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(320, int(self.PIXELS * 1.6))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        if self.raw is None:
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.text
            )
            return
        glyphs = self.raw.glyphIndexesForString(self.text)
        advances = self.raw.advancesForGlyphIndexes(glyphs)
        positions, x = [], 0.0
        for advance in advances:
            positions.append(QPointF(x, 0.0))
            x += advance.x()
        run = QGlyphRun()
        run.setRawFont(self.raw)
        run.setGlyphIndexes(glyphs)
        run.setPositions(positions)
        baseline = (self.height() + self.raw.ascent() - self.raw.descent()) / 2
        painter.drawGlyphRun(QPointF(0.0, baseline), run)


class SettingsDialog(QDialog):
    """Changes are written to the installation's window settings when the user presses OK; the
    typefaces of printed documents to the data folder (``pdf-fonts.json``), where printing from
    the command line finds them too."""

    def __init__(
        self,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        allow_security: bool = True,
        data_dir: Path | None = None,
        font_dirs: list[Path] | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.data_dir = data_dir if data_dir is not None else Path(settings.fileName()).parent
        self.font_dirs = font_dirs
        self.allow_security = allow_security
        self.setWindowTitle(self.tr("设置"))
        self.font_size = QComboBox()
        current = font_point_size(settings)
        sizes = sorted(set(FONT_SIZES) | {current})
        for size in sizes:
            self.font_size.addItem(self.tr("{n} 磅").format(n=size), size)
        self.font_size.setCurrentIndex(sizes.index(current))
        self.language = QComboBox()
        lang = str(settings.value("view/language", "zh_CN"))
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
            if code == lang:
                self.language.setCurrentIndex(self.language.count() - 1)
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(1, MAX_IDLE_MINUTES)
        self.idle_minutes.setValue(idle_minutes(settings))
        self.idle_minutes.setSuffix(self.tr(" 分钟"))
        self.idle_minutes.setToolTip(self.tr("这么久没有操作时程序自动锁定，须输入密码才能继续"))
        if not allow_security:
            self.idle_minutes.setEnabled(False)
            self.idle_minutes.setToolTip(self.tr("只有单位管理员可以更改自动锁定时间"))
        note = QLabel(self.tr("界面语言在重新启动程序后生效。"))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("字号(&F)"), self.font_size)
        form.addRow(self.tr("界面语言(&L)"), self.language)
        form.addRow(self.tr("空闲自动锁定(&I)"), self.idle_minutes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self._typefaces())
        layout.addWidget(buttons)

    def _typefaces(self) -> QGroupBox:
        """One row a role: the typeface of printed documents, previewed."""
        box = QGroupBox(self.tr("打印文件的字体"))
        form = QFormLayout(box)
        chosen = read_pdf_fonts(self.data_dir)
        office = fonts.office_faces(self.font_dirs)
        names = {
            fonts.BODY: (self.tr("正文、表格（宋体）"), "宋体 线索登记表 2025年"),
            fonts.FANGSONG: (self.tr("公文正文（仿宋）"), "关于开展专项监督的通知"),
            fonts.HEITI: (self.tr("一级标题（黑体）"), "一、基本情况"),
            fonts.KAITI: (self.tr("二级标题（楷体）"), "（一）工作开展情况"),
            fonts.TITLE: (self.tr("文件标题（小标宋）"), "问题线索登记表"),
            fonts.MONO: (self.tr("编码"), "XF2024-017"),
        }
        self.face_pickers: dict[str, FacePicker] = {}
        for role in fonts.ROLES:
            label, sample = names[role]
            picker = FacePicker(role, chosen.get(role, fonts.AUTO), office.get(role, []), sample, box)
            self.face_pickers[role] = picker
            form.addRow(label, picker)
        hint = QLabel(
            self.tr(
                "单位电脑装有宋体、仿宋、黑体、楷体、方正小标宋时，“自动”用这些字体；否则用程序自带的字体。"
            )
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        return box

    def chosen_typefaces(self) -> dict[str, str]:
        """Role -> ``auto``, ``bundled`` or a font file, as chosen."""
        return {role: picker.value() for role, picker in self.face_pickers.items()}

    def chosen_font_size(self) -> int:
        return int(self.font_size.currentData())

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def accept(self) -> None:
        self.settings.setValue("view/font_size", self.chosen_font_size())
        self.settings.setValue("view/language", self.chosen_language())
        if self.allow_security:
            self.settings.setValue(IDLE_MINUTES_KEY, self.idle_minutes.value())
        choice = self.chosen_typefaces()
        with contextlib.suppress(OSError):  # a read-only folder: the choice holds until the program ends
            write_pdf_fonts(self.data_dir, choice)
        fonts.configure(choice, self.font_dirs)
        super().accept()
