"""Print preview of a PDF the program makes: the pages, 打印 and 保存为 PDF.

``PdfPreview(make_pdf, title, settings, parent)`` calls ``make_pdf(path)`` on a worker thread
(``ui.tasks``) to write the PDF into a private temporary folder, shows its pages (Qt PDF renders
them), prints them through the system's print dialog, or copies the file where the person
chooses (the folder is remembered in the settings). The temporary file is deleted when the
dialog closes. The dialog knows nothing about what the PDF holds: the forms, every printed list
and table (``ui.table_print``), the coverage grid and the recovery key sheet all use it. The
status has a line of its own and is cut short rather than widening the dialog, so the buttons
never move under the pointer.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QPointF, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QResizeEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.tasks import Progress, Task, run_task

PDF_DIR_KEY = "print/last_dir"


class StatusLabel(QLabel):
    """One line of status that is cut short with "…" (the whole text in its tool tip) rather than
    widening the window: its width is whatever the layout gives it."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(1)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self._full = text
        self.setToolTip(text if text else "")
        self._elide()

    def text(self) -> str:
        """The whole text, not the part shown."""
        return self._full

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle, max(1, self.width()))
        super().setText(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._elide()


class PdfPreview(QDialog):
    """Shows the PDF ``make_pdf`` writes; ``ready`` is sent once its pages are shown."""

    ready = Signal(int)  # the page count
    saved = Signal(str)  # a copy written
    printed = Signal(int)  # pages sent to the printer

    def __init__(
        self,
        make_pdf: Callable[[Path], None],
        title: str,
        settings: QSettings | None,
        parent: QWidget | None = None,
        *,
        file_name: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.setWindowTitle(title)
        self.settings = settings
        self.title = title
        self.file_name = file_name or f"{title}_{datetime.now():%Y%m%d}.pdf"
        self._folder = Path(tempfile.mkdtemp(prefix="jiwei-print-"))
        self.path = self._folder / "preview.pdf"
        self.task: Task | None = None

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pages")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        self.status = StatusLabel(self.tr("正在生成…"))
        self.status.setObjectName("status")
        self.zoom_button = QPushButton(self.tr("整页"))
        self.zoom_button.setToolTip(self.tr("在整页显示和适合宽度之间切换"))
        self.zoom_button.setCheckable(True)
        self.zoom_button.toggled.connect(self._zoom)
        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_pdf)
        self.save_button = QPushButton(self.tr("保存为 PDF…"))
        self.save_button.setToolTip(self.tr("把这份文件另存到其他位置（例如 U 盘）"))
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.reject)
        for button in (self.zoom_button, self.print_button, self.save_button):
            button.setEnabled(False)

        # The status has a line of its own and never asks for width: whatever it says (a long
        # path after 保存为 PDF), the dialog keeps its size and the buttons their places, so a
        # click meant for 关闭 cannot land on 打印….
        buttons = QHBoxLayout()
        buttons.addWidget(self.zoom_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(QSize(760, 900))
        self.finished.connect(self._clean_up)
        folder = self._folder  # not ``self``: removed even when a parent takes the dialog down
        self.destroyed.connect(lambda: shutil.rmtree(folder, ignore_errors=True))
        self._make(make_pdf)

    # ---- making and showing -----------------------------------------------------------------------
    def _make(self, make_pdf: Callable[[Path], None]) -> None:
        path = self.path

        def work(_progress: Progress) -> None:
            make_pdf(path)

        self.task = run_task(
            self,
            work,
            title=self.title,
            label=self.tr("正在生成 PDF…"),
            on_success=lambda _result: self._show(),
            cancellable=False,
            show_errors=False,
        )
        self.task.failed.connect(self._failed)

    def _failed(self, text: str) -> None:
        self.status.setText(self.tr("生成失败。"))
        if self.isVisible():  # closed meanwhile: nothing to tell
            from ui.tasks import show_error

            show_error(self, self.title, text)

    def _show(self) -> None:
        error = self.document.load(str(self.path))
        if error != QPdfDocument.Error.None_:
            self.status.setText(self.tr("无法打开生成的 PDF。"))
            return
        pages = self.document.pageCount()
        self.status.setText(self.tr("共 {n} 页").format(n=pages))
        for button in (self.zoom_button, self.print_button, self.save_button):
            button.setEnabled(pages > 0)
        self.ready.emit(pages)

    def page_count(self) -> int:
        return self.document.pageCount() if self.document.status() == QPdfDocument.Status.Ready else 0

    def _zoom(self, whole_page: bool) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView if whole_page else QPdfView.ZoomMode.FitToWidth)

    # ---- saving ---------------------------------------------------------------------------------
    def _last_folder(self) -> str:
        folder = str(self.settings.value(PDF_DIR_KEY, "") or "") if self.settings is not None else ""
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    def ask_save_path(self) -> Path | None:
        """Where to save a copy (tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("保存为 PDF"),
            str(Path(self._last_folder()) / self.file_name),
            self.tr("PDF 文件 (*.pdf)"),
        )
        if not path:
            return None
        chosen = Path(path)
        return chosen if chosen.suffix.lower() == ".pdf" else chosen.with_name(chosen.name + ".pdf")

    def save_pdf(self) -> Path | None:
        path = self.ask_save_path()
        if path is None:
            return None
        return self.save_to(path)

    def save_to(self, path: Path) -> Path | None:
        """Copy the PDF to ``path`` (a temporary name beside it, then renamed over it)."""
        from app.services.spreadsheet import write_atomically  # not loaded before the log-in

        if self.settings is not None:
            self.settings.setValue(PDF_DIR_KEY, str(path.parent))

        def copy(tmp: Path) -> None:
            shutil.copyfile(self.path, tmp)

        try:
            write_atomically(path, copy)
        except OSError as exc:
            from ui.tasks import describe_error, show_error

            show_error(self, self.tr("保存为 PDF"), describe_error(exc)[0])
            return None
        self.status.setText(self.tr("已保存到 {path}").format(path=path))
        self.saved.emit(str(path))
        return path

    # ---- printing -------------------------------------------------------------------------------
    def print_pdf(self) -> int:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印"))
        dialog.setMinMax(1, max(1, self.page_count()))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        return self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Draw the pages (the printer's page range, else all) on ``printer``; return how many."""
        count = self.page_count()
        first, last = printer.fromPage(), printer.toPage()
        if first <= 0 or last <= 0:
            first, last = 1, count
        pages = list(range(max(1, first) - 1, min(count, last)))
        if not pages:
            return 0
        painter = QPainter()
        if not painter.begin(printer):
            self.status.setText(self.tr("无法开始打印，请检查打印机。"))
            return 0
        try:
            dpi = printer.resolution()
            for n, page in enumerate(pages):
                if n:
                    printer.newPage()
                area = printer.pageRect(QPrinter.Unit.DevicePixel)
                points = self.document.pagePointSize(page)
                size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                size = size.scaled(area.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
                image = self.document.render(page, size)
                painter.drawImage(QPointF(0, 0), image)
        finally:
            painter.end()
        self.status.setText(self.tr("已发送 {n} 页到打印机").format(n=len(pages)))
        self.printed.emit(len(pages))
        return len(pages)

    # ---- closing --------------------------------------------------------------------------------
    def _clean_up(self) -> None:
        """The temporary PDF may hold restricted content: it does not outlive the dialog."""
        self.document.close()
        shutil.rmtree(self._folder, ignore_errors=True)


def open_preview(
    parent: QWidget | None,
    make_pdf: Callable[[Path], None],
    title: str,
    settings: QSettings | None,
    *,
    file_name: str = "",
) -> PdfPreview:
    """Open a (window-modal, self-deleting) preview and return it."""
    dialog = PdfPreview(make_pdf, title, settings, parent, file_name=file_name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog
