"""The English translation is complete and keeps every placeholder of the Chinese source."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "jiwei_en.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _sources() -> list[str]:
    files = sorted(str(p.relative_to(ROOT)) for d in ("app", "ui") for p in (ROOT / d).rglob("*.py"))
    return [*files, "main.py"]


def _lupdate() -> str:
    exe = Path(sys.executable).with_name("pyside6-lupdate")
    return str(exe) if exe.exists() else "pyside6-lupdate"


def test_english_translation_is_complete(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    subprocess.run(
        [_lupdate(), "-silent", "-no-obsolete", "-locations", "none", *_sources(), "-ts", str(fresh)],
        cwd=ROOT,
        check=True,
    )
    root = ET.parse(fresh).getroot()
    missing, broken = [], []
    total = 0
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            total += 1
            source = message.findtext("source") or ""
            tr = message.find("translation")
            text = (tr.text or "") if tr is not None else ""
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or not text.strip():
                missing.append(f"{name}: {source}")
            elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                broken.append(f"{name}: {source!r} -> {text!r}")
    assert total > 100, "lupdate found too few strings: is the source list right?"
    assert not missing, (
        f"{len(missing)} strings without an English translation (run scripts/update-translations.sh):\n"
        + "\n".join(missing[:40])
    )
    assert not broken, "placeholders differ:\n" + "\n".join(broken)


def test_committed_ts_has_no_stale_entries(tmp_path: Path) -> None:
    """Every translated message in the committed file still exists in the sources."""
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    subprocess.run(
        [_lupdate(), "-silent", "-no-obsolete", "-locations", "none", *_sources(), "-ts", str(fresh)],
        cwd=ROOT,
        check=True,
    )

    def keys(path: Path) -> set[tuple[str, str]]:
        root = ET.parse(path).getroot()
        return {
            (c.findtext("name") or "", m.findtext("source") or "")
            for c in root.iter("context")
            for m in c.iter("message")
        }

    assert keys(TS) <= keys(fresh)
