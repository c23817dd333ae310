"""The release number: one source (``app.__version__``), shown by both faces, noted in the changelog."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

import app
from app.cli import main as cli_main

ROOT = Path(__file__).resolve().parents[2]


def test_pyproject_reads_the_version_from_the_package() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "app.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", app.__version__)


def test_version_option_prints_the_release(capsys: pytest.CaptureFixture[str]) -> None:
    line = f"基层纪检监察工作台 Jiwei Desk {app.__version__}"
    assert cli_main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == line
    import main  # the window's starter: parsing its options loads no Qt

    with pytest.raises(SystemExit) as exited:
        main.parse_args(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == line


def test_the_changelog_has_an_entry_for_this_release() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    released = re.findall(r"^## \[?(\d+\.\d+\.\d+)\]?", text, flags=re.MULTILINE)
    assert released and released[0] == app.__version__, "the newest entry names this release"
    assert "0.1.0" in released
