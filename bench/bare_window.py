"""Baseline for bench/startup.py: a bare PySide6 window, shown, then quit once the loop is idle."""

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1200, 760)
window.show()
QTimer.singleShot(0, lambda: (print(f"shown {time.monotonic():.6f}", flush=True), app.quit()))
sys.exit(app.exec())
