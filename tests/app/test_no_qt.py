"""``app/`` never imports Qt: checked on the source, so a lazy import inside a function counts too."""

from __future__ import annotations

import ast
from pathlib import Path

from apphelpers import ROOT

QT_MODULES = {"PySide6", "PySide2", "PyQt5", "PyQt6", "shiboken6", "shiboken2", "sip"}


def _qt_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in {"import_module", "__import__"} and isinstance(node.args[0].value, str):
                names = [node.args[0].value]
        where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        found += [f"{where}:{node.lineno}: {n}" for n in names if n.split(".")[0] in QT_MODULES]
    return found


def test_app_never_imports_qt() -> None:
    files = sorted((ROOT / "app").rglob("*.py"))
    assert len(files) > 20 and ROOT / "app" / "cli.py" in files
    offences = [hit for path in files for hit in _qt_imports(path)]
    assert offences == []


def test_the_check_finds_an_import(tmp_path: Path) -> None:
    sample = tmp_path / "probe.py"
    sample.write_text(
        "import sqlalchemy\n"
        "def f():\n    from PySide6.QtCore import QObject\n    import importlib\n"
        "    importlib.import_module('shiboken6')\n    import PyQt6.QtWidgets as w\n",
        encoding="utf-8",
    )
    found = [hit.rsplit(": ", 1)[-1] for hit in _qt_imports(sample)]
    assert sorted(found) == ["PyQt6.QtWidgets", "PySide6.QtCore", "shiboken6"]
