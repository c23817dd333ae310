"""Installing a newer release over an older one keeps every record (``app.services.upgrade``).

The databases 0.1.0 made (``tests/fixtures/0.1.0``, README there: password, recovery keys) are
opened by this program: a backup of the database as it was is written first, then the
migrations run; every row of every table the old schema had is still there, the backup restores
the old data, and the seed's figures hold. A backup that fails stops the upgrade; a failed
migration leaves the database as it was; a database a newer release upgraded is refused; on a
database server the upgrade says that the server's backup is the office's to make.
"""

from __future__ import annotations

import errno
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from alembic import command
from apphelpers import Cli
from sqlalchemy import select, text

from app import __version__
from app.db import migrate
from app.db.engine import is_sqlite, make_engine
from app.security import audit
from app.security.audit import AuditEntry
from app.security.keyslots import KeyFile
from app.services import backup, login, recovery, upgrade
from app.services.installation import SetupRequest
from app.services.staffing import staffing_summary, township_totals

pytestmark = pytest.mark.real_migrations

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PASSWORD = "Fixture-2024a"
RECOVERY_KEYS = {
    "county": "PQZQ-Y25E-FW6B-4B6P-Z2QU-YGVO-DSR4-XPUY-N2E6-4LC4-7H43-B36B-BOBQ",
    "township": "LRNT-QRX4-7RTW-OCBB-4EYT-3EB6-XJ5T-67TM-K4TD-SYI5-5KB5-QYRD-X52Q",
}
UNITS = {"county": "C01", "township": "T01"}
SETUP = SetupRequest("county", "C01", "测试县纪委监委", "C01", "测试县", "admin", "Upgrade-pass-1")

# Columns a migration rewrites on purpose, with the migration that does: everything else the old
# schema had must come through unchanged.
REWRITTEN = {
    ("reports", "subject_authority"): "0010 names 管理权限 as the regulations do (乡镇管干部)",
    ("clues", "subject_authority"): "0010",
    ("cases", "subject_authority"): "0010",
    ("dispositions", "measure"): "0010 types each measure (kind + measure)",
    ("change_log", "table_name"): "0014 names the ledgers' own tables in their entries",
}
# Rows a migration moves to other tables, keeping their ids and the columns both have: 0014 gives
# 签字背书, 谈话纪实 and 三重一大 their own tables (讲规学法 stays).
MOVED = {"ledger_entries": ("signoff_checks", "talk_checks", "major_matter_checks")}
APPENDED = {"audit_log", "change_log"}  # the upgrade and the log-in add entries; none goes
BOOKKEEPING = {"alembic_version", "local_counter"}  # the revision; the version counter moves on

Table = tuple[list[str], list[tuple[Any, ...]]]


def _copy(folder: str, tmp_path: Path) -> Path:
    data_dir = tmp_path / folder
    shutil.copytree(FIXTURES / "0.1.0" / folder, data_dir)
    return data_dir


def _connect(path: Path, key: bytes) -> Any:
    con = sqlcipher3.connect(str(path))
    con.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return con


def _tables(path: Path, key: bytes) -> dict[str, Table]:
    """Every table of an encrypted database file: its columns and rows."""
    con = _connect(path, key)
    try:
        names = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            name: (
                [c[1] for c in con.execute(f'PRAGMA table_info("{name}")')],
                con.execute(f'SELECT * FROM "{name}"').fetchall(),
            )
            for name in names
        }
    finally:
        con.close()


def _revision(path: Path, key: bytes) -> str:
    con = _connect(path, key)
    try:
        return str(con.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        con.close()


def _rows(table: Table, columns: list[str]) -> list[tuple[Any, ...]]:
    names, rows = table
    at = [names.index(c) for c in columns]
    return sorted((tuple(row[i] for i in at) for row in rows), key=repr)


def _assert_kept(before: dict[str, Table], after: dict[str, Table]) -> None:
    """Every table the old database had is there with every row; the columns both schemas have
    hold the same values, except those a migration rewrites on purpose (``REWRITTEN``)."""
    for name, (columns, rows) in before.items():
        if name in BOOKKEEPING:
            continue
        assert name in after, f"table {name} is gone"
        shared = [c for c in columns if c in after[name][0] and (name, c) not in REWRITTEN]
        old, new = _rows(before[name], shared), _rows(after[name], shared)
        if name in APPENDED:
            assert len(new) >= len(rows) and set(old) <= set(new), name
        elif name in MOVED:
            kept = ["id", "owner", "version_origin", "version_counter", "deleted"]
            now = set(_rows(after[name], kept))
            for target in MOVED[name]:
                now |= set(_rows(after[target], kept))
            assert set(_rows(before[name], kept)) <= now, f"{name}: rows lost in the move"
            assert len(now) == len(rows), name
        else:
            assert len(after[name][1]) == len(rows), name
            assert old == new, f"{name}: rows changed in {shared}"


def _assert_seed_organisation(opened: login.Context) -> None:
    """The seed report's section 一 (the organisation both fixtures hold), as the staffing
    summary counts it today."""
    rows = {row.unit_type: row for row in staffing_summary(opened.db)}
    info = opened.db.installation()
    assert info is not None
    if info.unit_type != "county":
        # A township's views list its own unit (app.services.scope); the county's organisation is
        # still held, as the row-by-row comparison shows.
        assert list(rows) == [info.unit_type] and rows[info.unit_type].units == 1
        assert township_totals(opened.db, 2022).townships == 1
        return
    t, g = rows["township"], rows["group"]
    assert (t.units, t.authorised, t.staffed, t.vacancies) == (8, 40, 40, 0)
    assert (g.units, g.authorised, g.staffed, g.vacancies) == (10, 30, 29, 1)
    totals = township_totals(opened.db, 2022)
    assert (totals.townships, totals.supervision_objects, totals.party_members) == (8, 2652, 7370)


@pytest.mark.parametrize("folder", sorted(UNITS))
def test_0_1_0_is_backed_up_then_migrated_and_keeps_every_record(folder: str, tmp_path: Path) -> None:
    data_dir = _copy(folder, tmp_path)
    key = KeyFile.load(data_dir).unlock("admin", PASSWORD).db
    before = _tables(data_dir / "jiwei.db", key)
    assert _revision(data_dir / "jiwei.db", key) == "0005"

    opened = login.login(data_dir, None, "admin", PASSWORD)
    try:
        done = opened.upgrade
        assert done is not None
        assert (done.from_revision, done.to_revision, done.from_release) == (
            "0005",
            migrate.head_revision(),
            "0.1.0",
        )
        assert done.backup is not None and done.backup.parent == data_dir / "backups"
        assert done.backup.name.startswith(f"jiwei-{UNITS[folder]}-before-upgrade-0.1.0-")
        assert str(done.backup) in str(done.notice()) and __version__ in str(done.notice())
        with opened.db.session() as s:
            entries = s.scalars(select(AuditEntry).where(AuditEntry.action == audit.UPGRADE)).all()
            assert [e.detail for e in entries] == [done.audit_detail()]
            assert done.backup.name in entries[0].detail
        _assert_seed_organisation(opened)
    finally:
        opened.db.close()
    after = _tables(data_dir / "jiwei.db", key)
    _assert_kept(before, after)

    # The backup is the database as 0.1.0 left it, opened with the key slots of then.
    manifest = backup.verify_backup(done.backup)
    assert (manifest.schema_revision, manifest.unit_code, manifest.program_version) == (
        "0005", UNITS[folder], __version__
    )  # fmt: skip
    snapshot = tmp_path / "snapshot.db"
    with zipfile.ZipFile(done.backup) as zf:
        snapshot.write_bytes(zf.read(backup.DATABASE))
    assert _revision(snapshot, key) == "0005"
    assert _tables(snapshot, key) == before

    # A second log-in finds nothing to upgrade and writes no other backup.
    again = login.login(data_dir, None, "admin", PASSWORD)
    again.db.close()
    assert again.upgrade is None
    assert list((data_dir / "backups").iterdir()) == [done.backup]

    # Restored elsewhere with the recovery key (a new PC), the backup gives the same records.
    restored = backup.restore(done.backup, tmp_path / "new-pc", recovery_key=RECOVERY_KEYS[folder])
    assert restored.manifest.schema_revision == "0005"
    opened = login.login(tmp_path / "new-pc", None, "admin", PASSWORD)
    try:
        assert opened.upgrade is None  # the restore brought it up to date
        _assert_seed_organisation(opened)
    finally:
        opened.db.close()
    _assert_kept(before, _tables(tmp_path / "new-pc" / "jiwei.db", key))


def test_the_command_line_says_where_the_backup_before_the_upgrade_is(
    tmp_path: Path, password_file: Callable[[str], Path]
) -> None:
    data_dir = _copy("township", tmp_path)
    cli = Cli(data_dir, None, password_file(PASSWORD))
    result = cli.ok("info", "--json")
    assert "数据库已从 0.1.0 升级到" in result.stderr
    assert "升级前的备份：" in result.stderr and str(data_dir / "backups") in result.stderr
    assert len(list((data_dir / "backups").glob("jiwei-T01-before-upgrade-0.1.0-*.jwbak"))) == 1
    assert "升级" not in cli.ok("info", "--json").stderr  # once


def test_a_backup_that_fails_stops_the_upgrade(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir = _copy("township", tmp_path)
    key = KeyFile.load(data_dir).unlock("admin", PASSWORD).db
    before = _tables(data_dir / "jiwei.db", key)

    def full_disk(*_args: Any, **_kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup, "write_backup", full_disk)
    with pytest.raises(login.LoginError) as refused:
        login.login(data_dir, None, "admin", PASSWORD)
    said = str(refused.value.message)
    assert "备份没有成功" in said and "磁盘空间不足" in said and "数据库没有升级" in said
    assert _revision(data_dir / "jiwei.db", key) == "0005"
    assert _tables(data_dir / "jiwei.db", key) == before  # not even the log-in was written

    # The recovery key opens the database too: the same refusal, nothing changed.
    with pytest.raises(recovery.RecoveryError) as also:
        recovery.recover(data_dir, None, RECOVERY_KEYS["township"], "admin", "Another-pass-1")
    assert "备份没有成功" in str(also.value.message)
    assert _tables(data_dir / "jiwei.db", key) == before

    monkeypatch.undo()  # the disk has room again: the next log-in upgrades
    opened = login.login(data_dir, None, "admin", PASSWORD)
    opened.db.close()
    assert opened.upgrade is not None and opened.upgrade.backup is not None


def test_a_real_full_folder_stops_the_upgrade(tmp_path: Path) -> None:
    """Without a stand-in: ``backups`` is a file where the folder must be."""
    data_dir = _copy("township", tmp_path)
    key = KeyFile.load(data_dir).unlock("admin", PASSWORD).db
    (data_dir / "backups").write_text("not a folder", encoding="utf-8")
    with pytest.raises(login.LoginError) as refused:
        login.login(data_dir, None, "admin", PASSWORD)
    assert "备份没有成功" in str(refused.value.message)
    assert _revision(data_dir / "jiwei.db", key) == "0005"
    assert not [p for p in data_dir.iterdir() if p.name.startswith(".")]  # no half-written leftovers


def test_a_failed_migration_leaves_the_database_and_names_the_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every pending migration runs in one transaction, on SQLite too: one that fails after the
    others (and after its own changes) leaves the database as 0.1.0 left it."""
    data_dir = _copy("township", tmp_path)
    key = KeyFile.load(data_dir).unlock("admin", PASSWORD).db
    before = _tables(data_dir / "jiwei.db", key)
    broken = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, broken, ignore=shutil.ignore_patterns("__pycache__"))
    (script,) = (broken / "versions").glob("0009_*.py")
    source = script.read_text(encoding="utf-8")
    script.write_text(
        source.replace(
            "\n\ndef downgrade()", "\n    raise RuntimeError('migration 0009 broke')\n\n\ndef downgrade()", 1
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", broken)

    with pytest.raises(login.LoginError) as refused:
        login.login(data_dir, None, "admin", PASSWORD)
    said = str(refused.value.message)
    made = list((data_dir / "backups").glob("jiwei-T01-before-upgrade-0.1.0-*.jwbak"))
    assert len(made) == 1 and str(made[0]) in said and "升级数据库失败" in said
    assert "RuntimeError: migration 0009 broke" in said
    assert _revision(data_dir / "jiwei.db", key) == "0005"
    assert _tables(data_dir / "jiwei.db", key) == before  # 0006 to 0008 and half of 0009 undone
    assert backup.verify_backup(made[0]).schema_revision == "0005"

    monkeypatch.undo()  # the next release fixes the migration: the same database upgrades
    opened = login.login(data_dir, None, "admin", PASSWORD)
    opened.db.close()
    assert opened.upgrade is not None and opened.upgrade.from_revision == "0005"


def test_a_database_a_newer_release_upgraded_is_refused(tmp_path: Path) -> None:
    data_dir = _copy("township", tmp_path)
    key = KeyFile.load(data_dir).unlock("admin", PASSWORD).db
    con = _connect(data_dir / "jiwei.db", key)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = _tables(data_dir / "jiwei.db", key)
    with pytest.raises(login.LoginError) as refused:
        login.login(data_dir, None, "admin", PASSWORD)
    said = str(refused.value.message)
    assert "更新版本的程序" in said and "9999" in said and __version__ in said
    assert _tables(data_dir / "jiwei.db", key) == before
    assert not (data_dir / "backups").exists()


def test_an_older_schema_on_either_backend(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An installation one revision behind (the release before this one's schema): a backup on
    SQLite; on PostgreSQL no file backup, and the notice says whose backup that is."""
    data_dir = tmp_path / "data"
    opened = login.create(data_dir, db_url, SETUP)
    opened.db.close()
    engine = make_engine(db_url, opened.keys.db if opened.keys and is_sqlite(db_url) else None)
    previous = migrate.alembic_config(engine)
    try:
        command.downgrade(previous, "-1")
        older = migrate.current_revision(engine)
    finally:
        engine.dispose()
    assert older is not None and older != migrate.head_revision()

    again = login.login(data_dir, db_url, "admin", SETUP.admin_password)
    try:
        done = again.upgrade
        assert done is not None and done.from_revision == older
        assert done.from_release == older  # between releases: the revision is its name
        if is_sqlite(db_url):
            assert done.backup is not None and done.backup.name.startswith(
                f"jiwei-C01-before-upgrade-schema-{older}-"
            )
            assert backup.verify_backup(done.backup).schema_revision == older
        else:
            assert done.backup is None
            assert "pg_dump" in str(done.notice()) and not (data_dir / "backups").exists()
        with again.db.session() as s:
            (detail,) = s.scalars(select(AuditEntry.detail).where(AuditEntry.action == audit.UPGRADE)).all()
            assert detail.startswith(f"{older} -> {migrate.head_revision()}")
            assert (
                s.execute(text("SELECT version_num FROM alembic_version")).scalar() == migrate.head_revision()
            )
    finally:
        again.db.close()


def test_backups_before_upgrades_are_not_rotated_away(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    kept = folder / upgrade.backup_name("T01", "0005")
    kept.write_bytes(b"")
    for n in range(3):
        (folder / f"jiwei-T01-2026010{n + 1}-120000.jwbak").write_bytes(b"")
    deleted = backup.rotate(folder, "T01", 1)
    assert len(deleted) == 2 and kept.exists()
