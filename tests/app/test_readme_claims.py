"""What the README says about recovery, and what the Makefile does, hold.

The recovery-key sheet sends its reader to the log-in's 忘记密码… and 从备份恢复… (the command as a
second way); `make run` installs the project without its test tools; the Makefile's package check
counts a package only when it is installed for this machine's architecture, reaches for apt only
when something is missing, and says what to install when apt cannot (an offline PC)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.reports.recovery_sheet import INSTRUCTIONS, write_recovery_sheet

ROOT = Path(__file__).resolve().parents[2]
needs_make = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def test_the_recovery_sheet_names_the_windows_way_first_and_the_command_second(tmp_path: Path) -> None:
    how = INSTRUCTIONS[-1]
    assert how.index("忘记密码…") < how.index("python -m app recover")
    assert "从备份恢复…" in how and "新的恢复密钥" in how
    path = tmp_path / "恢复密钥.pdf"
    write_recovery_sheet(
        path,
        unit_name="城关镇纪委",
        county_name="测试县",
        recovery_key="Q5TR-MB65-YVNI-R5NC-X2KG-3WQ7-C5M4-ZVDE-HWP4-UINK-XIFW-I6F2-3WIA",
        created=datetime(2024, 5, 1, 9, 30, tzinfo=UTC),
    )
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, encoding="utf-8", check=True
    ).stdout
    flat = re.sub(r"\s+", "", text)
    assert "忘记密码" in flat and "从备份恢复" in flat and "python-mapprecover" in flat


def test_the_readme_puts_restore_where_the_window_has_it() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "and the 系统管理\nmenu do the same" not in readme
    assert "从备份恢复… on the log-in screen" in readme and "忘记密码… on the log-in screen" in readme
    assert "one bundle received from and one sent to each unit, and no conflict" in readme


def test_the_wheel_metadata_uses_an_spdx_licence() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert isinstance(project["project"]["license"], str)  # the table form is deprecated
    assert "license-files" in project["project"]
    assert project["build-system"]["requires"] == ["setuptools>=77"]
    # The checkout's top is the package root: an editable install is a plain .pth entry, which
    # setuptools makes without its "Editable installation" warning (a meta path finder warns).
    assert project["tool"]["setuptools"]["package-dir"] == {"": "."}


@needs_make
def test_make_run_installs_the_project_without_its_test_tools(tmp_path: Path) -> None:
    def plan(target: str) -> str:
        return subprocess.run(
            ["make", "-n", "-C", str(ROOT), target, f"VENV={tmp_path / 'venv'}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    run = plan("run")
    assert "pip install -q -e .\n" in run and "[test]" not in run
    assert "pip install -q -e '.[test]'" in plan("test")


FAKE_DPKG_QUERY = """#!/bin/sh
# dpkg-query -W -f=FORMAT PACKAGE on a machine with i386 enabled
case "$3" in
  both) printf 'amd64 installed\\ni386 installed\\n' ;;
  foreign-only) printf 'i386 installed\\n' ;;
  removed) printf 'amd64 config-files\\ni386 installed\\n' ;;
  arch-all) printf 'all installed\\n' ;;
  native) printf 'amd64 installed\\n' ;;
  *) echo "dpkg-query: no packages found matching $3" >&2; exit 1 ;;
esac
"""
FAKE_DPKG = "#!/bin/sh\necho amd64\n"
FAKE_SUDO = '#!/bin/sh\nexec "$@"\n'  # when not root: the fake apt-get, never the machine's
OFFLINE_APT = """#!/bin/sh
echo "apt-get $*" >> "$APT_CALLS"
[ "$1" = update ] && { echo "W: Failed to fetch http://deb.debian.org/debian  Temporary failure resolving" >&2; exit 0; }
echo "E: Unable to locate package $4" >&2
exit 100
"""


def _check_packages(tmp_path: Path, packages: str) -> tuple[subprocess.CompletedProcess[str], str]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    fakes = (
        ("dpkg-query", FAKE_DPKG_QUERY),
        ("dpkg", FAKE_DPKG),
        ("apt-get", OFFLINE_APT),
        ("sudo", FAKE_SUDO),
    )
    for name, text in fakes:
        (bin_dir / name).write_text(text)
        (bin_dir / name).chmod(0o755)
    probe = tmp_path / "probe.mk"
    probe.write_text(f"include {ROOT / 'Makefile'}\nprobe:\n\t$(call apt_missing,{packages},the probe)\n")
    calls = tmp_path / "apt-calls"
    calls.write_text("")
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "APT_CALLS": str(calls)}
    done = subprocess.run(
        ["make", "-s", "-C", str(ROOT), "-f", str(probe), "probe"], capture_output=True, text=True, env=env
    )
    return done, calls.read_text()


@needs_make
def test_the_package_check_counts_this_architecture_and_stays_off_the_network(tmp_path: Path) -> None:
    done, calls = _check_packages(tmp_path, "both arch-all native")
    assert done.returncode == 0 and done.stdout == "" and done.stderr == ""
    assert calls == ""  # nothing missing: no apt-get update


@needs_make
def test_the_package_check_says_what_to_install_when_apt_cannot(tmp_path: Path) -> None:
    done, calls = _check_packages(tmp_path, "both foreign-only removed nowhere")
    assert done.returncode != 0
    assert "Installing the probe: foreign-only removed nowhere" in done.stdout
    assert "Could not install the probe: foreign-only removed nowhere" in done.stderr
    assert "offline" in done.stderr
    assert calls.splitlines()[0] == "apt-get update -qq"
