"""The whole exchange through the command line with the county's database on either backend:
``init`` (county), ``unit add``, ``enroll``, a township's ``init --enrollment`` (SQLite), its
``export`` and the county's ``import``, then the way back. In-process (``app.cli.main``): a
subprocess per command would cost a second each for the imports alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from apphelpers import PASSWORD

from app import cli


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    assert code == 0, f"{args}: exit {code}\n{err}"
    return out


def test_enrol_export_and_import_with_the_county_on_either_backend(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    password = tmp_path / "password.txt"
    password.write_text(PASSWORD + "\n", encoding="utf-8")
    phrase = tmp_path / "phrase.txt"
    phrase.write_text("enrolment-2022\n", encoding="utf-8")
    county = ["--data-dir", str(tmp_path / "county"), "--password-file", str(password)]
    if not db_url.startswith("sqlite"):
        county += ["--db", db_url]
    unit = ["--data-dir", str(tmp_path / "T01"), "--password-file", str(password)]
    package = tmp_path / "T01.jwenrol"

    _run(capsys, *county, "init", "--type", "county", "--code", "C01", "--name", "测试县纪委监委",
         "--admin", "admin")  # fmt: skip
    _run(capsys, *county, "unit", "add", "--type", "township", "--code", "T01", "--name", "城关镇纪委")
    _run(capsys, *county, "enroll", "T01", "--out", str(package), "--passphrase-file", str(phrase))
    assert package.is_file()
    _run(capsys, *unit, "init", "--enrollment", str(package), "--passphrase-file", str(phrase),
         "--admin", "admin")  # fmt: skip
    _run(capsys, *unit, "demo", "--seed", "3")

    up = tmp_path / "up"
    up.mkdir()
    exported = json.loads(_run(capsys, *unit, "export", "--out", str(up), "--json"))
    assert exported["records"] > 0
    (bundle,) = up.iterdir()
    imported = json.loads(_run(capsys, *county, "import", str(bundle), "--json"))["bundles"]
    assert [r["status"] for r in imported] == ["imported"], imported
    again = json.loads(_run(capsys, *county, "import", str(bundle), "--json"))["bundles"]
    assert [r["status"] for r in again] == ["duplicate"], again

    down = tmp_path / "down"
    down.mkdir()
    _run(capsys, *county, "export", "--to", "T01", "--out", str(down), "--json")
    (back,) = down.iterdir()
    back_in = json.loads(_run(capsys, *unit, "import", str(back), "--json"))["bundles"]
    assert [r["status"] for r in back_in] == ["imported"], back_in
    dump = _run(capsys, *county, "dump")
    assert '"owner": "T01"' in dump or '"owner":"T01"' in dump


def test_no_enrolment_package_is_left_when_its_keys_were_not_committed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sqlalchemy.orm import Session

    from app.services.login import login
    from app.sync import exchange

    password = tmp_path / "password.txt"
    password.write_text(PASSWORD + "\n", encoding="utf-8")
    county = ["--data-dir", str(tmp_path / "county"), "--password-file", str(password)]
    _run(capsys, *county, "init", "--type", "county", "--code", "C01", "--name", "测试县纪委监委",
         "--admin", "admin")  # fmt: skip
    _run(capsys, *county, "unit", "add", "--type", "township", "--code", "T01", "--name", "城关镇纪委")
    opened = login(tmp_path / "county", None, "admin", PASSWORD)
    package = tmp_path / "T01.jwenrol"

    def failing_commit(self: Session) -> None:
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(Session, "commit", failing_commit)
    try:
        with pytest.raises(RuntimeError, match="disk is full"):
            exchange.enroll(opened, "T01", package, "enrolment-2022")
    finally:
        monkeypatch.undo()
        opened.db.close()
    assert not package.exists()
    assert list(tmp_path.glob("*.part")) == []
